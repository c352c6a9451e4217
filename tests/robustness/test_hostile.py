"""Issue 13: hostile and broken inputs. One test per row of the issue's table (the rows about
a letter's text, the regexes, Unicode spaces, encodings and decision words, are in
test_text_inputs.py beside this file), plus the budgets and outputs around them. Every input is
made here, in a temporary folder; the PDF bombs are a few MB and deleted with it."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner.accounting import (
    EXIT_BAD_MODELS,
    EXIT_NOTHING_PARSED,
    EXIT_OK,
    EXIT_SOME_REJECTED,
    EXIT_USAGE,
)
from tests import paths
from tests.fixtures.hostile import (
    GOOD,
    GOOD_CASES,
    bomb_pdf,
    double_bomb_pdf,
    good_letters,
    letter_text,
    long_letter_text,
    measured,
)
from tests.hang import no_hang

runner = CliRunner()
IMR = [sys.executable, "-m", "pipeline.cli"]


def invoke(*args: str) -> object:
    """imr in this process; a run that hangs fails the test (tests/hang.py), a slow one not."""
    with no_hang():
        return runner.invoke(app, [str(a) for a in args])


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def rejects_of(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        return {Path(row["file"]).name: row["reason"] for row in csv.DictReader(f)}


def assert_good_items(items: list[dict]) -> None:
    assert {r["case_number"] for r in items} >= GOOD_CASES


# --- one letter over spaCy's max_length among good letters ----------------------------------


def test_over_long_letter_is_rejected_and_the_batch_goes_on(tmp_path):
    inbox = good_letters(tmp_path / "in")
    (inbox / "long.txt").write_text(long_letter_text("FAKE-LONG", 1_200_000), encoding="utf-8")
    out = tmp_path / "out" / "items.jsonl"
    out.parent.mkdir()  # a file's --out folder must exist (a typo there is not a new folder)
    result = invoke("extract", inbox, "--out", out, "-j", "2", "--chunk-files", "2")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    assert "too long: 1,2" in rejects_of(out.with_name("items.rejects.csv"))["long.txt"]
    assert_good_items(records(out))


def test_over_long_letter_in_ingest(tmp_path):
    inbox = good_letters(tmp_path / "in")
    (inbox / "long.txt").write_text(long_letter_text("FAKE-LONG", 1_200_000), encoding="utf-8")
    result = invoke("ingest", inbox, "--out", tmp_path / "interim")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    assert "too long" in rejects_of(tmp_path / "interim" / "rejects.csv")["long.txt"]


def test_slow_file_is_stopped_at_its_time_budget(tmp_path, monkeypatch):
    """The slow file's tagging never ends by itself (a stand-in for a pathological letter), so
    the budget decides, never the machine's speed: the good letters' budget is many times what
    they take even on a loaded machine."""
    from pipeline.runner import engine

    inbox = good_letters(tmp_path / "in")
    (inbox / "slow.txt").write_text(letter_text("FAKE-SLOW"), encoding="utf-8")
    tag_parsed = engine.tag_parsed

    def slow_for_fake_slow(items, letters, nlp):
        while any(item["case_number"] == "slow" for item in items):  # named by its file
            time.sleep(1)  # SIGALRM (the budget) ends the sleep with FileTimeout
        return tag_parsed(items, letters, nlp)

    monkeypatch.setattr(engine, "tag_parsed", slow_for_fake_slow)  # forked workers inherit it
    monkeypatch.setenv("IMR_FILE_SECONDS", "5")
    out = tmp_path / "items.jsonl"
    result = invoke("extract", inbox, "--out", out, "-j", "1", "--chunk-files", "1")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    assert "took longer than 5 s" in rejects_of(tmp_path / "items.rejects.csv")["slow.txt"]
    assert_good_items(records(out))


# --- PDF decompression bombs ------------------------------------------------------------------


@pytest.mark.slow
def test_pdf_bombs_are_refused_in_bounded_memory(tmp_path):
    inbox = good_letters(tmp_path / "in")
    bomb_pdf(inbox / "bomb-1.pdf")
    bomb_pdf(inbox / "bomb-2.pdf", inflated=3 * 2**30)  # not a copy of bomb-1 (read once)
    double_bomb_pdf(inbox / "bomb-twice.pdf")
    assert (inbox / "bomb-1.pdf").stat().st_size < 5 * 2**20
    out = tmp_path / "items.jsonl"
    result, rss = measured("extract", inbox, "--out", out, "-j", "2", "--chunk-files", "1")
    assert result.returncode == EXIT_SOME_REJECTED, result.stderr
    reasons = rejects_of(tmp_path / "items.rejects.csv")
    for name in ("bomb-1.pdf", "bomb-2.pdf", "bomb-twice.pdf"):
        assert "a PDF stream inflates past 256 MB" in reasons[name]
    assert_good_items(records(out))
    assert rss < 700, f"peak RSS {rss:.0f} MB"


@pytest.mark.slow
def test_a_worker_killed_by_its_memory_cap_costs_only_its_file(tmp_path):
    """With the stream check off, pdfium runs into the worker's address-space cap and aborts:
    the file is retried alone, rejected, and the other letters are still written."""
    inbox = good_letters(tmp_path / "in")
    bomb_pdf(inbox / "bomb.pdf", inflated=2 * 2**30)
    out = tmp_path / "items.jsonl"
    env = {"IMR_PDF_STREAM_MB": "0", "IMR_WORKER_MEMORY_MB": "700"}
    result, rss = measured("extract", inbox, "--out", out, "-j", "2", "--chunk-files", "1", env=env)
    assert result.returncode == EXIT_SOME_REJECTED, result.stderr
    assert "the worker reading it died" in rejects_of(tmp_path / "items.rejects.csv")["bomb.pdf"]
    assert_good_items(records(out))
    assert rss < 1500, f"peak RSS {rss:.0f} MB"


# --- CSV formula injection ----------------------------------------------------------------------

FORMULA = '=HYPERLINK("example.invalid","click")'


def _injection_inbox(tmp_path: Path) -> Path:
    inbox = good_letters(tmp_path / "in")
    text = letter_text("FAKE-INJECT").replace(
        "Physical therapy 3 times a week for 4 weeks", "@SUM(1+1) Physical therapy"
    )
    text = text.replace("Decision rationale: CA MTUS", "Decision rationale: " + FORMULA + " CA")
    (inbox / "inject.txt").write_text(text, encoding="utf-8")
    (inbox / f"{FORMULA}.txt").write_text(letter_text("FAKE-NAMED"), encoding="utf-8")
    (inbox / "+cmd.txt").write_text("+cmd|' /C calc'!A0", encoding="utf-8")
    (inbox / "-partial.txt").write_text(
        letter_text("FAKE-PARTIAL").replace(":  Upheld", ":"), encoding="utf-8"
    )
    return inbox


def _cells(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        return [cell for row in csv.reader(f) for cell in row]


def _assert_no_formula(path: Path) -> None:
    cells = _cells(path)
    assert cells, path
    bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not bad, (path.name, bad[:3])


def test_csv_outputs_escape_formula_cells(tmp_path, fixture_models_root, monkeypatch):
    inbox = _injection_inbox(tmp_path)
    out = tmp_path / "predicted.csv"
    models = fixture_models_root / "models"
    result = invoke("predict", inbox, "--out", out, "--models", models, "-j", "1")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    cells = _cells(out)
    assert any(c.startswith("'@SUM(1+1)") for c in cells)
    assert any(c.startswith("'" + FORMULA) for c in cells)  # the case number, from the name
    _assert_no_formula(out)
    _assert_no_formula(tmp_path / "predicted.rejects.csv")
    result = invoke("ingest", inbox, "--out", tmp_path / "interim")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    _assert_no_formula(tmp_path / "interim" / "rejects.csv")
    _assert_no_formula(tmp_path / "interim" / "problems.csv")
    monkeypatch.chdir(inbox)  # relative names: the file cell starts with the name itself
    result = invoke("ingest", "+cmd.txt", f"{FORMULA}.txt", "--out", tmp_path / "again")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    assert "'+cmd.txt" in _cells(tmp_path / "again" / "rejects.csv")
    _assert_no_formula(tmp_path / "again" / "rejects.csv")


# --- file names and paths ----------------------------------------------------------------------


def test_file_name_that_is_not_utf8(tmp_path):
    inbox = good_letters(tmp_path / "in")
    name = os.fsdecode(b"caf\xe9-letter.txt")
    (inbox / name).write_text(letter_text("FAKE-LATIN1NAME"), encoding="utf-8")
    out = tmp_path / "items.csv"
    result = invoke("extract", inbox, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_OK, result.output
    rows = list(csv.DictReader(open(out, encoding="utf-8", newline="")))  # noqa: SIM115
    assert "caf\\xe9-letter.txt" in {r["source_file"] for r in rows}
    result = invoke("ingest", inbox, "--out", tmp_path / "interim")
    assert result.exit_code == EXIT_OK, result.output


def test_rich_markup_in_a_path_is_printed_as_text(tmp_path):
    inbox = good_letters(tmp_path / "in [bold]")
    (inbox / "x[").mkdir()
    (inbox / "x[/red].txt").write_text("not a letter at all", encoding="utf-8")
    out = tmp_path / "items.jsonl"
    done = subprocess.run(
        [*IMR, "extract", str(inbox), "--out", str(out), "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == EXIT_SOME_REJECTED, done.stderr
    assert "MarkupError" not in done.stderr and "x[/red].txt" in done.stderr
    assert_good_items(records(out))


def test_out_equal_to_an_input_is_refused(tmp_path):
    inbox = good_letters(tmp_path / "in")
    letter = inbox / "FAKE-0000003.txt"
    before = letter.read_bytes()
    result = invoke("extract", letter, "--out", letter)
    assert result.exit_code == EXIT_USAGE and "input" in result.output
    result = invoke("extract", inbox, "--out", inbox / "items.jsonl")
    assert result.exit_code == EXIT_USAGE
    result = invoke("ingest", inbox, "--out", inbox / "interim")
    assert result.exit_code == EXIT_USAGE
    assert letter.read_bytes() == before
    assert sorted(p.name for p in inbox.iterdir()) == sorted(GOOD)


def test_fifo_given_directly_is_a_reject(tmp_path):
    inbox = good_letters(tmp_path / "in")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = tmp_path / "items.jsonl"
    result = invoke("extract", fifo, inbox, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    assert "not a regular file" in rejects_of(tmp_path / "items.rejects.csv")["pipe.txt"]
    assert "inputs 4 = parsed 3 + rejected 1" in result.output


@pytest.mark.parametrize(
    "option", [["--chunk-files", "-5"], ["--chunk-files", "0"], ["--jobs", "0"], ["-j", "-2"]]
)
def test_bad_numbers_are_usage_errors(tmp_path, option):
    out = tmp_path / "items.jsonl"
    result = invoke("extract", paths.FIXTURE_LETTERS_DIR, "--out", out, *option)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "Invalid value" in result.output
    assert not out.exists()


def test_unusable_output_folder_is_a_usage_error(tmp_path):
    afile = tmp_path / "a-file"
    afile.write_text("x")
    for out in (afile, afile / "sub", Path("/proc/imr-out")):
        result = invoke("ingest", paths.FIXTURE_LETTERS_DIR, "--out", out)
        assert result.exit_code == EXIT_USAGE, (out, result.output)
        assert "cannot write" in result.output
    if os.geteuid() != 0:  # root writes whatever the mode says
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = invoke("extract", paths.FIXTURE_LETTERS_DIR, "--out", locked / "x.jsonl")
        assert result.exit_code == EXIT_USAGE


# --- NUL bytes, escape sequences ----------------------------------------------------------------


def test_nul_after_the_first_4kb_is_not_written(tmp_path):
    inbox = good_letters(tmp_path / "in")
    text = letter_text("FAKE-NUL")
    text = text.replace("MADE-UP TEST LETTER", "MADE-UP TEST LETTER " + "x " * 2100, 1)
    at = text.index("Decision rationale:") + 30
    assert at > 4096
    padded = text[:at] + "\x00" + text[at:]
    (inbox / "nul.txt").write_text(padded, encoding="utf-8")
    out = tmp_path / "items.csv"
    result = invoke("extract", inbox, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_OK, result.output
    assert b"\x00" not in out.read_bytes()
    assert "nul.txt" in out.read_text(encoding="utf-8")


def test_escape_sequences_do_not_reach_the_terminal(tmp_path, fixture_models_root):
    inbox = tmp_path / "in"
    inbox.mkdir()
    text = letter_text("FAKE-ANSI").replace(
        "Physical therapy 3 times", "Physical \x1b[2J\x1b]0;owned\x07therapy\x9b31m 3 times"
    )
    (inbox / "ansi\x1b[31m.txt").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [*IMR, "predict", str(inbox), "--models", str(fixture_models_root / "models")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert "Physical" in done.stdout and "therapy" in done.stdout
    for stream in (done.stdout, done.stderr):
        assert "\x1b" not in stream and "\x9b" not in stream and "\x07" not in stream


# --- models swapped as a whole, refused with a reason -------------------------------------------


def _copy_models(fixture_models_root: Path, folder: Path) -> Path:
    shutil.copytree(fixture_models_root / "models", folder)
    return folder


def _refused(models: Path) -> str:
    result = invoke("predict", paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt", "--models",
                       models)  # fmt: skip
    assert result.exit_code == EXIT_BAD_MODELS, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.slow
def test_killed_train_keeps_the_previous_models(tmp_path, fixture_models_root):
    models = _copy_models(fixture_models_root, tmp_path / "models")
    before = {p.name: p.read_bytes() for p in models.iterdir() if p.is_file()}
    script = (
        "import os, signal, sys\n"
        "import pipeline.modeling.train as train\n"
        "from pipeline.cli import app\n"
        "real = train.write_manifest\n"
        "def dying(*a, **k):\n"
        "    real(*a, **k); os.kill(os.getpid(), signal.SIGKILL)\n"
        "train.write_manifest = dying\n"
        "app(sys.argv[1:])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "train", "--in", str(fixture_models_root / "processed"),
         "--models", str(models)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == -signal.SIGKILL
    assert {p.name: p.read_bytes() for p in models.iterdir() if p.is_file()} == before
    assert not [p for p in models.rglob("*") if p.name.endswith(".part")]
    result = invoke("predict", paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt", "--models",
                       models, "--out", tmp_path / "p.jsonl")  # fmt: skip
    assert result.exit_code == EXIT_OK, result.output
    # the next train clears what the killed one left beside the folder
    result = invoke("train", "--in", fixture_models_root / "processed", "--models", models)
    assert result.exit_code == EXIT_OK, result.output
    assert not list(tmp_path.glob(".models.new-*"))


def test_reader_during_a_swap_retries(tmp_path, fixture_models_root):
    from pipeline.core.io import swap_in
    from pipeline.modeling.predict import load_models

    models = _copy_models(fixture_models_root, tmp_path / "models")
    stop = threading.Event()

    def swapping() -> None:
        n = 0
        while not stop.is_set():
            fresh = tmp_path / f".models.next-{n}"
            shutil.copytree(models, fresh)
            swap_in(fresh, models)
            n += 1

    thread = threading.Thread(target=swapping)
    thread.start()
    try:
        for _ in range(30):
            assert load_models(models, retry_seconds=0.05).metadata
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize(
    "damage, reason",
    [
        ("pickle_npz", "cannot be read as a model file"),
        ("spec_version", "cannot be read as a model file"),
        ("truncated_npz", "cannot be read as a model file"),
        ("escaping_entry", "leaves the models folder"),
        ("absolute_entry", "leaves the models folder"),
        ("malformed_entry", "no valid sha256"),
        ("manifest_not_json", "not a valid manifest"),
        ("upper_case_joblib", "unknown file"),
        ("hidden_joblib", "unknown file"),
        ("nested_joblib", "unknown file"),
    ],
)
def test_damaged_models_are_refused_with_a_reason(tmp_path, fixture_models_root, damage, reason):
    import hashlib

    import numpy as np

    models = _copy_models(fixture_models_root, tmp_path / "models")
    manifest = json.loads((models / "manifest.json").read_text())
    scorer = models / "reasoning_model.npz"

    def relist(name: str) -> None:
        data = (models / name).read_bytes()
        manifest["files"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}

    if damage == "pickle_npz":
        np.savez(scorer, spec=np.array([{"a": 1}], dtype=object))
        relist(scorer.name)
    elif damage == "spec_version":
        with np.load(scorer, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        spec = json.loads(str(arrays["spec"]))
        spec["version"] = 999
        arrays["spec"] = np.array(json.dumps(spec))
        np.savez(scorer, **arrays)
        relist(scorer.name)
    elif damage == "truncated_npz":
        scorer.write_bytes(scorer.read_bytes()[:100])
        relist(scorer.name)
    elif damage == "escaping_entry":
        manifest["files"]["../../etc/hostname"] = {"sha256": "0" * 64}
    elif damage == "absolute_entry":
        manifest["files"]["/etc/hostname"] = {"sha256": "0" * 64}
    elif damage == "malformed_entry":
        manifest["files"]["metadata.json"] = "nope"
    elif damage == "manifest_not_json":
        manifest = None
        (models / "manifest.json").write_text("{ not json")
    elif damage == "upper_case_joblib":
        (models / "EVIL.JOBLIB").write_bytes(b"x")
    elif damage == "hidden_joblib":
        (models / ".hidden.joblib").write_bytes(b"x")
    elif damage == "nested_joblib":
        (models / "nlp").mkdir(exist_ok=True)
        (models / "nlp" / "evil.joblib").write_bytes(b"x")
    if manifest is not None:
        (models / "manifest.json").write_text(json.dumps(manifest))
    assert reason in _refused(models)


# --- folders --------------------------------------------------------------------------------------


def test_deep_folder_and_symlink_loop(tmp_path):
    inbox = good_letters(tmp_path / "in")
    depth = 1500  # deep enough to overflow a recursive walk, short of PATH_MAX
    fd = os.open(inbox, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with os.fdopen(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
            f.write(letter_text("FAKE-DEEP"))
    finally:
        os.close(fd)
    os.symlink(inbox, inbox / "loop")
    out = tmp_path / "items.jsonl"
    try:
        result = invoke("extract", inbox, "--out", out, "-j", "1")
    finally:  # shutil.rmtree (pytest's clean-up) recurses: take the deep folders down here
        _remove_deep(inbox, depth)
    assert result.exit_code == EXIT_OK, result.output
    files = [r["source_file"] for r in records(out)]
    assert "deep.txt" in files and files.count("FAKE-0000001.pdf") == 3


def _remove_deep(folder: Path, depth: int) -> None:
    fds = [os.open(folder, os.O_RDONLY)]
    try:
        for _ in range(depth):
            fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
        os.unlink("deep.txt", dir_fd=fds[-1])
        while len(fds) > 1:
            os.close(fds.pop())
            os.rmdir("d", dir_fd=fds[-1])
    finally:
        for fd in fds:
            os.close(fd)


def test_every_file_in_a_folder_is_read_or_listed(tmp_path):
    import zipfile

    inbox = good_letters(tmp_path / "in")
    with zipfile.ZipFile(inbox / "letter.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    (inbox / "notes.md").write_text("# notes")
    (inbox / ".hidden").write_text("skipped")
    result = invoke("ingest", inbox, "--out", tmp_path / "interim")
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    reasons = rejects_of(tmp_path / "interim" / "rejects.csv")
    assert reasons["letter.docx"] == (
        "not a letter format (.docx, a ZIP archive (or Office document)): convert to PDF or text"
    )
    assert reasons["notes.md"].startswith("not a letter format (.md, text)")
    assert ".hidden" not in reasons
    assert "inputs 5 = parsed 3 + rejected 2" in result.output


def test_folder_with_no_letters_says_so(tmp_path):
    (tmp_path / "in").mkdir()
    result = invoke("ingest", tmp_path / "in", "--out", tmp_path / "out")
    assert result.exit_code == EXIT_NOTHING_PARSED
    assert "no letters found" in result.output


# --- permissions ----------------------------------------------------------------------------------


def test_outputs_honour_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        result = invoke("ingest", paths.FIXTURE_LETTERS_DIR, "--out", tmp_path / "interim")
        assert result.exit_code in (EXIT_OK, EXIT_SOME_REJECTED), result.output
        out = tmp_path / "items.jsonl"
        result = invoke("extract", paths.FIXTURE_LETTERS_DIR, "--out", out, "-j", "1")
    finally:
        os.umask(old)
    for path in [*(tmp_path / "interim").iterdir(), out]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
