"""Issue 6: a folder of bad inputs plus good letters never crashes the run or loses a file."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner.accounting import EXIT_NOTHING_PARSED, EXIT_SOME_REJECTED
from tests import paths
from tests.fixtures.bad_inputs import write_bad_inputs

runner = CliRunner()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inbox")
    expected = write_bad_inputs(folder / "bad")
    for name in ("FAKE-0000001.pdf", "FAKE-0000002.pdf"):
        shutil.copy(paths.FIXTURE_LETTERS_DIR / name, folder / name)
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["ingest", str(folder), "--out", str(out)])
    return expected, result, out


def test_run_finishes_with_the_some_rejected_status(ingested):
    _, result, _ = ingested
    assert result.exit_code == EXIT_SOME_REJECTED, result.output


def test_every_bad_input_is_rejected_with_its_reason(ingested):
    expected, _, out = ingested
    rejects = pd.read_csv(out / "rejects.csv")
    reasons = {
        path.rsplit("/", 1)[-1]: reason
        for path, reason in zip(rejects.file, rejects.reason, strict=True)
    }
    for name, phrase in expected.items():
        if phrase is None:
            assert name not in reasons, f"{name} was rejected: {reasons.get(name)}"
        else:
            assert phrase in reasons.get(name, ""), f"{name}: {reasons.get(name)!r}"


def test_good_and_partial_letters_are_fully_parsed(ingested):
    _, _, out = ingested
    letters = pd.read_parquet(out / "letters.parquet")
    items = pd.read_parquet(out / "items.parquet")
    by_file = letters.groupby("source_file").size().to_dict()
    assert by_file["FAKE-0000001.pdf"] == 1 and by_file["FAKE-0000002.pdf"] == 1
    assert by_file["two-letters.txt"] == 2, "both pasted letters must be found"
    assert len(items[items.source_file == "FAKE-0000001.pdf"]) == 3
    cp1252 = letters[letters.source_file == "cp1252-letter.txt"].clinical_case_summary
    rationale = " ".join(items[items.source_file == "cp1252-letter.txt"].rationale)
    assert cp1252.size == 1 and "worker\u2019s \u201cflare\u201d" in rationale
    missing = items[items.source_file == "missing-decision.txt"]
    assert missing.decision.isna().sum() == 1 and missing.decision.notna().sum() == 1
    problems = pd.read_csv(out / "problems.csv")
    assert "no Upheld/Overturned decision" in " ".join(problems.problem)


def test_counts_add_up(ingested):
    expected, result, out = ingested
    rejects = pd.read_csv(out / "rejects.csv")
    inputs = len(expected) + 2
    parsed = inputs - len(rejects)
    assert f"inputs {inputs} = parsed {parsed} + rejected {len(rejects)}" in result.output


def test_folder_without_letters(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("nothing here")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_NOTHING_PARSED
    assert "no letters found" in result.output
    assert "inputs 1 = parsed 0 + rejected 1" in result.output
    assert "not a letter format (.md, text)" in result.output
