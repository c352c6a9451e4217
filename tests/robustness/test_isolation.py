"""Issue 20: a cap per letter, always; errors are errors.

- Hostile PDFs of a few kB (forms nested deep or drawn many times, a page of many objects or
  text runs, a 200-inch page) are refused by the page limits before their text is read, with a
  reason naming the limit; the rest of the batch goes on, in bounded memory, also with -j 1.
- A form bomb that costs pdfium its memory when the page loads kills only its worker, with
  -j 1 and a single chunk too (it used to abort the whole run).
- Each letter has its own time budget: a slow letter cannot use its neighbours'.
- A bug (a KeyError) in any stage ends the run with exit status 1 and one line pointing to a
  log holding the traceback; never an exit 0 with empty fields, never a traceback on screen.
Every input is made here, in a temporary folder."""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner import engine
from pipeline.runner.accounting import EXIT_SOME_REJECTED
from pipeline.runner.stops import EXIT_BUG
from tests.fixtures.hostile import GOOD_CASES, good_letters, letter_text, measured
from tests.fixtures.hostile_pdfs import (
    huge_page_pdf,
    many_objects_pdf,
    many_text_runs_pdf,
    nested_forms_pdf,
)

IMR = [sys.executable, "-m", "pipeline.cli"]


def rejects_of(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        return {Path(row["file"]).name: row["reason"] for row in csv.DictReader(f)}


def cases_in(path: Path) -> set[str]:
    return {json.loads(line)["case_number"] for line in path.read_text().splitlines() if line}


# Small inputs, limits set low to match: the point is that the check refuses them cheaply.
SMALL_LIMITS = {"IMR_PDF_MAX_PAGE_OBJECTS": "2000"}
HOSTILE = {
    "deep-forms.pdf": (lambda p: nested_forms_pdf(p, depth=14), "IMR_PDF_MAX_FORM_DEPTH=10"),
    "wide-forms.pdf": (lambda p: nested_forms_pdf(p, depth=6, fanout=4),
                       "IMR_PDF_MAX_PAGE_OBJECTS=2,000"),
    "rectangles.pdf": (lambda p: many_objects_pdf(p, 5000), "IMR_PDF_MAX_PAGE_OBJECTS=2,000"),
    "text-runs.pdf": (lambda p: many_text_runs_pdf(p, 5000), "IMR_PDF_MAX_PAGE_OBJECTS=2,000"),
    "huge-page.pdf": (lambda p: huge_page_pdf(p, 200), "IMR_PDF_MAX_PAGE_INCHES=50"),
}  # fmt: skip


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.slow
def test_hostile_pdfs_are_refused_by_the_page_limits(tmp_path, jobs):
    inbox = good_letters(tmp_path / "in")
    for name, (build, _) in HOSTILE.items():
        build(inbox / name)
        assert (inbox / name).stat().st_size < 20_000
    out = tmp_path / "items.jsonl"
    result, rss = measured("extract", inbox, "--out", out, "-j", jobs, env=SMALL_LIMITS)
    assert result.returncode == EXIT_SOME_REJECTED, result.stderr
    reasons = rejects_of(tmp_path / "items.rejects.csv")
    assert set(reasons) == set(HOSTILE)  # every input: parsed, or a reject row
    for name, (_, named) in HOSTILE.items():
        assert named in reasons[name], reasons[name]
    assert cases_in(out) == GOOD_CASES
    assert "Traceback" not in result.stderr
    assert rss < 1000, f"peak RSS {rss:.0f} MB"


def test_the_page_limit_names_the_page_and_its_count(tmp_path):
    from pipeline.ingest.pdf import read_pdf_text
    from pipeline.ingest.pdf_limits import PdfLimitError

    pdf = many_objects_pdf(tmp_path / "r.pdf", 3000)
    os.environ["IMR_PDF_MAX_PAGE_OBJECTS"] = "2000"
    try:
        with pytest.raises(PdfLimitError, match="page 1 has 3,001 objects, over "
                                                "IMR_PDF_MAX_PAGE_OBJECTS=2,000"):  # fmt: skip
            read_pdf_text(pdf)
    finally:
        del os.environ["IMR_PDF_MAX_PAGE_OBJECTS"]
    assert read_pdf_text(pdf).pages == 1  # under the default limit


@pytest.mark.slow
def test_a_form_bomb_kills_only_its_worker_with_one_job(tmp_path):
    """4^12 text objects once pdfium loads the page: the address-space cap of the worker the
    letter runs in (also with -j 1 and one chunk) stops it; the other letters are written."""
    inbox = good_letters(tmp_path / "in")
    nested_forms_pdf(inbox / "form-bomb.pdf", depth=12, fanout=4)
    out = tmp_path / "items.jsonl"
    env = {"IMR_WORKER_MEMORY_MB": "300"}
    result, rss = measured("extract", inbox, "--out", out, "-j", "1", env=env)
    assert result.returncode == EXIT_SOME_REJECTED, result.stderr
    reasons = rejects_of(tmp_path / "items.rejects.csv")
    assert "the worker reading it died" in reasons["form-bomb.pdf"]
    assert cases_in(out) == GOOD_CASES
    assert "Traceback" not in result.stderr
    assert rss < 1000, f"peak RSS {rss:.0f} MB"


def test_each_letter_has_its_own_time_budget(tmp_path, monkeypatch):
    """One chunk of four letters, 1 s each: the slow one (3 s) is stopped at its own second,
    not allowed the chunk's four; the others are written."""
    inbox = good_letters(tmp_path / "in")
    (inbox / "slow.txt").write_text(letter_text("FAKE-SLOW"), encoding="utf-8")
    real = engine.tag_parsed

    def slow_for_one(items, letters, nlp):
        if any(letter["source_file"] == "slow.txt" for letter in letters):
            time.sleep(3)
        return real(items, letters, nlp)

    monkeypatch.setattr(engine, "tag_parsed", slow_for_one)
    monkeypatch.setenv("IMR_FILE_SECONDS", "1")
    out = tmp_path / "items.jsonl"
    result = CliRunner().invoke(app, ["extract", str(inbox), "--out", str(out), "-j", "1"])
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    assert "took longer than 1 s" in rejects_of(tmp_path / "items.rejects.csv")["slow.txt"]
    assert cases_in(out) == GOOD_CASES


# --- a bug is a bug ---------------------------------------------------------------------------


def _raise_key_error(*args: object, **kwargs: object) -> None:
    raise KeyError("injected")


def _inject(monkeypatch, stage: str) -> None:
    if stage == "ingest":
        from pipeline.ingest import batch

        monkeypatch.setattr(batch, "parse_letter", _raise_key_error)
    elif stage == "tagger":
        from pipeline.tagging.frequency import FrequencyRules

        monkeypatch.setattr(FrequencyRules, "combine", _raise_key_error)
    elif stage == "predict":
        from pipeline.modeling import predict

        monkeypatch.setattr(predict, "predict_items", _raise_key_error)
    elif stage == "report":
        from pipeline.reporting.corpus import run

        monkeypatch.setattr(run, "item_row", _raise_key_error)


@pytest.mark.parametrize(
    "command, stage",
    [("ingest", "ingest"), ("extract", "ingest"), ("extract", "tagger"),
     ("predict", "predict"), ("report", "report"), ("report", "tagger")],
)  # fmt: skip
def test_a_bug_in_any_stage_fails_the_run(tmp_path, monkeypatch, fixture_models_root,
                                          command, stage):  # fmt: skip
    _inject(monkeypatch, stage)
    monkeypatch.setenv("IMR_LOG_DIR", str(tmp_path / "logs"))
    inbox = good_letters(tmp_path / "in")
    out = tmp_path / ("out" if command in ("ingest", "report") else "items.jsonl")
    args = [command, str(inbox), "--out", str(out), "-j", "1"]
    if command in ("predict", "report"):
        args += ["--models", str(fixture_models_root / "models")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == EXIT_BUG, result.output
    assert "a bug in imr itself (KeyError: 'injected')" in result.output
    assert "Traceback" not in result.output
    logs = list((tmp_path / "logs").glob("imr-error-*.log"))
    assert len(logs) == 1 and str(logs[0]) in result.output.replace("\n", "")
    text = logs[0].read_text()
    assert "Traceback" in text and "KeyError: 'injected'" in text
    assert not out.exists() or not any(out.iterdir())  # nothing written, no temporary left
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]


def test_a_data_error_in_a_tagger_is_still_a_review_flag(tmp_path, monkeypatch):
    from pipeline.core.data_errors import LetterDataError
    from pipeline.tagging.frequency import FrequencyRules

    def refuse(*args: object, **kwargs: object) -> None:
        raise LetterDataError("a rate no rule can read")

    monkeypatch.setattr(FrequencyRules, "combine", refuse)
    out = tmp_path / "items.jsonl"
    inbox = good_letters(tmp_path / "in")
    result = CliRunner().invoke(app, ["extract", str(inbox), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert any("tagger_error" in r["review"] for r in records)
