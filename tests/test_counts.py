"""Counts in messages agree with their number: "1 item predicted", "2 items"."""

from __future__ import annotations

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.display_names import counted
from pipeline.ingest.stage import IngestSummary
from pipeline.runner.accounting import StreamSummary
from tests import paths


def test_counted():
    assert counted(1, "item") == "1 item"
    assert [counted(n, "item") for n in (0, 2)] == ["0 items", "2 items"]
    assert counted(1, "partial problem") == "1 partial problem"


def test_count_lines_of_one():
    stream = StreamSummary(inputs=1, parsed=1, items=1)
    assert stream.count_line() == "inputs 1 = parsed 1 + rejected 0 (1 item, 0 partial problems)"
    ingest = IngestSummary(
        inputs=1, parsed=1, letters=1, items=1, rejects=[], problems=[{"file": "a", "problem": "b"}]
    )
    assert "(1 letter, 1 item, 1 partial problem)" in ingest.count_line()


def test_extract_says_items_in_the_plural(tmp_path):
    letter = paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"
    out = tmp_path / "items.jsonl"
    result = CliRunner().invoke(app, ["extract", str(letter), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "(2 items, 0 partial problems)" in result.output
    assert f"wrote 2 items to {out}" in result.output.replace("\n", "")
