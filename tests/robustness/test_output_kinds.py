"""Outputs are never lost to another command's run, nor replaced by an empty or stale file: the
kind of output an imr folder is (models, report, interim, processed, nlp), --out inside the
models folder, a run where nothing parsed, a stale rejects file, and the clear one-line usage
errors (a bad --scheduler, a missing folder, --json with --out). Inputs are made here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from pipeline.core import io
from pipeline.runner.accounting import (
    EXIT_BAD_MODELS,
    EXIT_NOTHING_PARSED,
    EXIT_OK,
    EXIT_SOME_REJECTED,
    EXIT_USAGE,
)
from tests import paths
from tests.robustness.test_owned_outputs import tree

runner = CliRunner()
FIXTURE = sorted(paths.FIXTURE_LETTERS_DIR.glob("FAKE-*.txt"))[0]


def imr(*args: object):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _one_line_error(result) -> str:
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error"), result.output
    return lines[0]


def _older_marker(folder: Path) -> None:
    """The marker as an imr before kinds wrote it: the files only."""
    marker = json.loads((folder / io.OWNED_MARKER).read_text())
    marker.pop("kind", None)
    (folder / io.OWNED_MARKER).write_text(json.dumps(marker))


# --- a folder's kind ---------------------------------------------------------------------------


def test_the_marker_records_the_kind_and_another_kind_is_refused(tmp_path):
    with io.owned_dir(tmp_path / "m", kind="models") as staging:
        (staging / "manifest.json").write_text("{}")
    assert json.loads((tmp_path / "m" / io.OWNED_MARKER).read_text())["kind"] == "models"
    assert io.owned_files(tmp_path / "m", kind="models") == {"manifest.json"}
    with pytest.raises(io.NotOwnedError, match="models folder, not a report folder"):
        io.owned_files(tmp_path / "m", kind="report")
    with pytest.raises(io.NotOwnedError), io.owned_dir(tmp_path / "m", kind="report"):
        pass
    assert (tmp_path / "m" / "manifest.json").read_text() == "{}"


@pytest.mark.parametrize(
    ("files", "kind"),
    [
        (["manifest.json", "metadata.json"], "models"),
        (["report.html", "report.json", "letters/a.html"], "report"),
        (["items.parquet", "letters.parquet", "rejects.csv", "problems.csv"], "interim"),
        (["inputs.json", "items.parquet", "letters.parquet"], "processed"),
        (["config.cfg", "meta.json", "tokenizer"], "nlp"),
    ],
)
def test_an_older_marker_without_a_kind_is_read_from_its_files(tmp_path, files, kind):
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / io.OWNED_MARKER).write_text(json.dumps({"tool": "imr", "files": files}))
    assert io.folder_kind(folder) == kind
    assert io.owned_files(folder, kind=kind) == set(files)
    for other in set(io.KINDS) - {kind}:
        with pytest.raises(io.NotOwnedError):
            io.owned_files(folder, kind=other)


def test_an_older_marker_naming_no_kind_is_refused_by_every_kind(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / io.OWNED_MARKER).write_text(json.dumps({"tool": "imr", "files": ["a.txt"]}))
    for kind in io.KINDS:
        with pytest.raises(io.NotOwnedError, match="unknown kind"):
            io.owned_files(folder, kind=kind)


def test_a_kind_is_read_from_the_written_files_when_not_given(tmp_path):
    with io.owned_dir(tmp_path / "r") as staging:
        (staging / "report.html").write_text("r")
    assert io.folder_kind(tmp_path / "r") == "report"


@pytest.mark.parametrize("older", [False, True])
def test_report_out_on_a_models_folder_is_refused(tmp_path, fixture_models_root, older):
    models = tmp_path / "models"
    shutil.copytree(fixture_models_root / "models", models, symlinks=True)
    if older:
        _older_marker(models)
    before = tree(tmp_path)
    result = imr("report", paths.FIXTURE_LETTERS_DIR, "--models", fixture_models_root / "models",
                 "--out", models, "-j", "1")  # fmt: skip
    assert result.exit_code == EXIT_USAGE, result.output
    assert "models folder, not a report folder" in _one_line_error(result)
    assert tree(tmp_path) == before


def test_report_out_on_the_tagged_tables_is_refused(tmp_path, fixture_models_root):
    processed = tmp_path / "processed"
    shutil.copytree(fixture_models_root / "processed", processed)
    _older_marker(processed)
    before = tree(tmp_path)
    result = imr("report", paths.FIXTURE_LETTERS_DIR, "--no-models", "--out", processed, "-j", 1)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "processed folder" in _one_line_error(result)
    assert tree(tmp_path) == before


def test_ingest_out_on_a_report_is_refused(tmp_path):
    out = tmp_path / "report"
    assert imr("report", paths.FIXTURE_LETTERS_DIR, "--no-models", "--out", out, "-j", "1"
               ).exit_code == EXIT_OK  # fmt: skip
    before = tree(tmp_path)
    result = imr("ingest", paths.FIXTURE_LETTERS_DIR, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_USAGE, result.output
    assert "report folder, not an interim folder" in _one_line_error(result)
    assert tree(tmp_path) == before


# --- outputs inside the models folder ----------------------------------------------------------


@pytest.mark.parametrize("where", ["out.jsonl", "sub/out.csv"])
def test_predict_out_inside_the_models_folder_is_refused(tmp_path, fixture_models_root, where):
    models = tmp_path / "models"
    shutil.copytree(fixture_models_root / "models", models, symlinks=True)
    (models / "sub").mkdir()
    before = tree(tmp_path)
    result = imr("predict", FIXTURE, "--models", models, "--out", models / where, "-j", "1")
    assert result.exit_code == EXIT_USAGE, result.output
    assert "models folder" in _one_line_error(result)
    assert tree(tmp_path) == before


def test_report_and_extract_outputs_inside_the_models_folder_are_refused(tmp_path, monkeypatch):
    models = tmp_path / "models"
    models.mkdir()
    monkeypatch.setattr(config, "MODELS_DIR", models)
    result = imr("report", FIXTURE, "--models", models, "--out", models / "rep", "-j", "1")
    assert result.exit_code == EXIT_USAGE and "models folder" in _one_line_error(result)
    result = imr("extract", FIXTURE, "--out", models / "x.jsonl", "-j", "1")
    assert result.exit_code == EXIT_USAGE and "models folder" in _one_line_error(result)
    assert list(models.iterdir()) == []


# --- nothing parsed, zero items, stale rejects -------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet", ".xlsx"])
def test_a_run_where_no_letter_parses_leaves_the_previous_output(tmp_path, suffix):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 not a PDF")
    out = tmp_path / f"items{suffix}"
    assert imr("extract", FIXTURE, "--out", out, "-j", "1").exit_code == EXIT_OK
    before = {k: v for k, v in tree(tmp_path).items() if not k.startswith("in/")}
    result = imr("extract", inbox, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_NOTHING_PARSED, result.output
    rejects = tmp_path / "items.rejects.csv"
    assert "left as it was" in result.output and "broken.pdf" in rejects.read_text()
    assert f"rejected inputs listed in {rejects}" in result.output.replace("\n", "")
    after = {k: v for k, v in tree(tmp_path).items() if not k.startswith("in/")}
    assert after == {**before, rejects.name: after[rejects.name]}


def test_a_clean_run_removes_a_stale_rejects_file_and_names_a_new_one(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(FIXTURE, inbox / FIXTURE.name)
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 not a PDF")
    out = tmp_path / "items.csv"
    result = imr("extract", inbox, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    rejects = tmp_path / "items.rejects.csv"
    assert rejects.is_file()
    assert f"rejected inputs listed in {rejects}" in result.output.replace("\n", "")
    result = imr("extract", FIXTURE, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_OK, result.output
    assert not rejects.exists() and "rejected inputs" not in result.output


# --- usage errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["nonsense", "tcp://localhost"])
def test_a_bad_scheduler_address_is_a_usage_error(tmp_path, address):
    out = tmp_path / "x.jsonl"
    result = imr("extract", FIXTURE, "--out", out, "--scheduler", address)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "not a Dask scheduler address" in _one_line_error(result)
    assert not out.exists()


def test_no_scheduler_answering_is_a_usage_error(tmp_path):
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    out = tmp_path / "x.jsonl"
    out.write_text("previous\n")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = imr("extract", FIXTURE, "--out", out, "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == EXIT_USAGE, result.output
    assert "cannot connect to the Dask scheduler" in _one_line_error(result)
    assert out.read_text() == "previous\n"


@pytest.mark.parametrize("command", ["train", "evaluate"])
def test_a_fresh_clone_without_tagged_tables_says_how_to_make_them(
    tmp_path, command, fixture_models_root
):
    extra = ["--models", fixture_models_root / "models"] if command == "evaluate" else []
    extra += ["--reports", tmp_path / "reports"] if command == "evaluate" else []
    result = imr(command, "--in", tmp_path / "processed", *extra)
    assert result.exit_code == EXIT_USAGE, result.output
    line = _one_line_error(result)
    assert "does not exist" in line and "make train" in line and "make smoke" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_predict_without_models_says_how_to_train_them(tmp_path):
    result = imr("predict", FIXTURE, "--models", tmp_path / "models")
    assert result.exit_code == EXIT_BAD_MODELS, result.output
    assert "make train" in result.output and "make smoke" in result.output
    assert "manifest.json is missing" not in result.output


@pytest.mark.parametrize("out", ["missing-folder/t.jsonl", "t.parquet/"])
def test_an_out_file_needs_an_existing_folder_and_a_name(tmp_path, out):
    target = f"{tmp_path}/{out}"
    result = imr("extract", FIXTURE, "--out", target, "-j", "1")
    assert result.exit_code == EXIT_USAGE, result.output
    _one_line_error(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_predict_json_with_out_is_refused(tmp_path, fixture_models_root):
    result = imr("predict", FIXTURE, "--models", fixture_models_root / "models", "--json",
                 "--out", tmp_path / "x.jsonl")  # fmt: skip
    assert result.exit_code == EXIT_USAGE and "--json" in _one_line_error(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_extract_help_names_the_formats():
    text = " ".join(imr("extract", "--help").output.split())
    assert "JSON object per disputed item" not in text and ".parquet" in text and ".xlsx" in text
