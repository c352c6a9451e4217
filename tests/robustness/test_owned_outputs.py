"""Issue 20: outputs the tool owns, unique and honest outputs. Each hostile case checks that
every input is accounted for, that no file of the user's changed (the tree hashed before and
after), and that no traceback reaches the console. Inputs are built here, in tmp_path."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from pipeline.core import io
from pipeline.runner.accounting import EXIT_NOTHING_PARSED, EXIT_OK, EXIT_USAGE
from tests import paths
from tests.fixtures.hostile import letter_text

runner = CliRunner()
FIXTURES = sorted(paths.FIXTURE_LETTERS_DIR.glob("FAKE-*"))


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` (links not followed) -> SHA-256 of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def imr(*args: object) -> object:
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def letters(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source in FIXTURES:
        shutil.copy(source, folder / source.name)
    return folder


def report(inputs: Path | str, out: Path | str, *more: object) -> object:
    return imr("report", inputs, "--out", out, "--no-models", "-j", "1", *more)


def accounted(out: Path) -> dict:
    files = json.loads((out / "report.json").read_text())["files"]
    rejected = len(list(csv.DictReader(open(out / "rejects.csv", encoding="utf-8"))))  # noqa: SIM115
    assert files["inputs"] == files["parsed"] + rejected, files
    return files


# --- --out on the inputs, on ".", on a folder imr does not own ----------------------------------


def test_report_out_on_the_inputs_parent_is_refused(tmp_path):
    parent = tmp_path / "work"
    letters(parent / "letters")
    before = tree(tmp_path)
    result = report(parent / "letters", parent)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "holds the input" in result.output
    assert tree(tmp_path) == before


def test_report_out_dot(tmp_path, monkeypatch):
    inbox = letters(tmp_path / "in")
    monkeypatch.chdir(inbox)  # `.` holds the inputs: refused, nothing touched
    before = tree(tmp_path)
    assert report(".", ".").exit_code == EXIT_USAGE
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)  # an empty `.`: swapping it would leave the shell in a dead folder
    result = report(inbox, ".")
    assert result.exit_code == EXIT_USAGE and "the folder you are in" in result.output
    assert tree(tmp_path) == before and not any(empty.iterdir())
    result = report(inbox, "report")  # a sub-folder of `.`: fine
    assert result.exit_code == EXIT_OK, result.output
    assert (empty / "report" / "report.html").is_file()
    assert sorted(p.name for p in empty.iterdir()) == ["report"]  # no temporary folder left
    assert tree(inbox) == {k[3:]: v for k, v in before.items() if k.startswith("in/")}


@pytest.mark.parametrize("command", ["report", "ingest"])
def test_a_foreign_non_empty_folder_is_refused(tmp_path, command):
    out = tmp_path / "mine"
    (out / "sub").mkdir(parents=True)
    (out / "thesis.docx").write_bytes(b"years of work")
    (out / "sub" / "report.html").write_text("mine too")
    before = tree(tmp_path)
    args = ["--no-models", "-j", "1"] if command == "report" else []
    result = imr(command, paths.FIXTURE_LETTERS_DIR, "--out", out, *args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "not written by imr" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert tree(tmp_path) == before


def test_an_owned_report_keeps_the_users_extra_files(tmp_path):
    out = tmp_path / "report"
    assert report(paths.FIXTURE_LETTERS_DIR, out).exit_code == EXIT_OK
    (out / "notes.md").write_text("my reading notes")
    (out / "letters" / "annotated.html").write_text("my annotations")
    (out / "drafts").mkdir()
    (out / "drafts" / "a.txt").write_text("draft")
    mine = {k: v for k, v in tree(out).items() if k in
            ("notes.md", "letters/annotated.html", "drafts/a.txt")}  # fmt: skip
    inbox = tmp_path / "one"
    inbox.mkdir()
    shutil.copy(FIXTURES[0], inbox / FIXTURES[0].name)
    result = report(inbox, out)
    assert result.exit_code == EXIT_OK, result.output
    after = tree(out)
    assert {k: after.get(k) for k in mine} == mine  # the user's files, unchanged
    # The previous run's pages are gone (imr listed them); the new run's page is there.
    assert sorted(p.name for p in (out / "letters").iterdir()) == [
        "FAKE-0000001.html", "annotated.html"]  # fmt: skip
    owned = json.loads((out / io.OWNED_MARKER).read_text())["files"]
    assert "notes.md" not in owned and "letters/FAKE-0000001.html" in owned
    assert accounted(out)["parsed"] == 1


@pytest.mark.parametrize("command", ["report", "ingest", "tag"])
def test_user_files_with_the_names_imr_writes_are_refused(tmp_path, command, fixture_models_root):
    """Names alone never make a folder imr's: a thesis called report.html is the user's."""
    out = tmp_path / "userrep"
    (out / "letters").mkdir(parents=True)
    for name in ("report.html", "items.csv", "letters.parquet", "letters/X.html"):
        (out / name).write_text("MY THESIS")
    before = tree(tmp_path)
    given = {"report": [paths.FIXTURE_LETTERS_DIR, "--no-models", "-j", "1"],
             "ingest": [paths.FIXTURE_LETTERS_DIR],
             "tag": ["--in", fixture_models_root / "interim"]}[command]  # fmt: skip
    result = imr(command, *given, "--out", out)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "not written by imr" in result.output and "delete it or choose" in result.output
    assert tree(tmp_path) == before


# --- train --models ------------------------------------------------------------------------------


def test_train_models_on_a_folder_with_other_files_is_refused(tmp_path, fixture_models_root):
    models = tmp_path / "models"
    models.mkdir()
    (models / "my-model.joblib").write_bytes(b"not imr's")
    (models / "README.txt").write_text("notes")
    before = tree(tmp_path)
    result = imr("train", "--in", fixture_models_root / "processed", "--models", models)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "--models" in result.output and "not written by imr" in result.output
    assert tree(tmp_path) == before


@pytest.mark.parametrize("extra", ["notes.txt", "link.joblib"])
def test_train_refuses_a_file_its_models_would_refuse(tmp_path, fixture_models_root, extra):
    """Every load verifies the whole folder: a user's file or a link there would make each
    predict after the training fail, so the training is refused up front."""
    models = tmp_path / "models"
    shutil.copytree(fixture_models_root / "models", models)
    if extra == "notes.txt":
        (models / extra).write_text("which letters I trained on")
    else:
        (tmp_path / "victim.txt").write_text("mine")
        os.symlink("../victim.txt", models / extra)
    before = tree(tmp_path)
    result = imr("train", "--in", fixture_models_root / "processed", "--models", models)
    assert result.exit_code == EXIT_USAGE, result.output
    assert extra in result.output and len(result.output.strip().splitlines()) == 1
    assert tree(tmp_path) == before and (models / extra).is_symlink() == (extra != "notes.txt")


def test_an_older_models_folder_is_imrs_only_when_its_hashes_match(tmp_path, fixture_models_root):
    from pipeline.modeling.artifacts import legacy_models

    models = tmp_path / "models"
    shutil.copytree(fixture_models_root / "models", models)
    (models / io.OWNED_MARKER).unlink()  # as an older imr left it
    entries = io.tree_entries(models)
    assert legacy_models(models, entries)
    (models / "metadata.json").write_text("{}")  # same names, other content: not imr's
    assert not legacy_models(models, entries)
    result = imr("train", "--in", fixture_models_root / "processed", "--models", models)
    assert result.exit_code == EXIT_USAGE and "not written by imr" in result.output


def test_a_symbolic_link_as_the_output_folder_is_refused(tmp_path, fixture_models_root):
    real = tmp_path / "m2"
    shutil.copytree(fixture_models_root / "models", real)
    os.symlink("m2", tmp_path / "mlink")
    before = tree(tmp_path)
    result = imr("train", "--in", fixture_models_root / "processed", "--models",
                 tmp_path / "mlink")  # fmt: skip
    assert result.exit_code == EXIT_USAGE and "symbolic link" in result.output, result.output
    assert report(paths.FIXTURE_LETTERS_DIR, tmp_path / "mlink").exit_code == EXIT_USAGE
    assert tree(tmp_path) == before and (tmp_path / "mlink").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m2", "mlink"]


# --- a typo'd input never touches a previous --out file ------------------------------------------


@pytest.mark.parametrize("command", ["extract", "predict"])
def test_a_missing_input_leaves_the_previous_out_file(tmp_path, command, fixture_models_root):
    out = tmp_path / "items.jsonl"
    out.write_text('{"previous": "run"}\n')
    before = tree(tmp_path)
    extra = ["--models", fixture_models_root / "models"] if command == "predict" else []
    result = imr(command, tmp_path / "lettres-typo", "--out", out, "-j", "1", *extra)
    assert result.exit_code == EXIT_NOTHING_PARSED, result.output
    assert "no such file or folder" in result.output and "left as it was" in result.output
    assert tree(tmp_path) == before


def test_a_report_with_no_letters_leaves_the_previous_report(tmp_path):
    out = tmp_path / "report"
    assert report(paths.FIXTURE_LETTERS_DIR, out).exit_code == EXIT_OK
    before = tree(tmp_path)
    result = report(tmp_path / "typo", out)
    assert result.exit_code == EXIT_NOTHING_PARSED, result.output
    assert tree(tmp_path) == before


# --- unique letter pages, duplicates -------------------------------------------------------------


def _pages_and_links(out: Path) -> tuple[set[str], set[str]]:
    pages = {p.name for p in (out / "letters").iterdir()}
    rows = list(csv.DictReader(open(out / "items.csv", encoding="utf-8")))  # noqa: SIM115
    links = {row["page"].split("/", 1)[1].split("#")[0] for row in rows}
    return pages, links


def test_same_stem_in_two_folders_gets_two_pages(tmp_path):
    inbox = tmp_path / "in"
    for folder, case in (("a", "ONE"), ("b", "TWO")):
        (inbox / folder).mkdir(parents=True)
        (inbox / folder / "letter.txt").write_text(letter_text(case), encoding="utf-8")
    before = tree(inbox)
    out = tmp_path / "out"
    result = report(inbox, out)
    assert result.exit_code == EXIT_OK, result.output
    pages, links = _pages_and_links(out)
    assert len(pages) == 2 and links == pages and "letter.html" in pages
    files = accounted(out)
    assert files["parsed"] == 2
    # Both letters are named by their stem: the same case number, kept and flagged.
    assert "duplicate_case_number" in (out / "problems.csv").read_text()
    assert tree(inbox) == before


def test_non_ascii_stems_get_their_own_readable_pages(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for stem in ("café", "日本語", "カルテ"):
        (inbox / f"{stem}.txt").write_text(letter_text(stem), encoding="utf-8")
    out = tmp_path / "out"
    result = report(inbox, out)
    assert result.exit_code == EXIT_OK, result.output
    pages, links = _pages_and_links(out)
    assert len(pages) == 3 and links == pages
    assert "cafe.html" in pages and "letter.html" in pages
    assert not any(name.startswith("_") for name in pages)
    assert accounted(out)["parsed"] == 3


def test_the_same_case_number_with_different_content_keeps_both(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    text = (paths.FIXTURE_LETTERS_DIR / "FAKE-0000004.txt").read_bytes()  # CM13-0000004
    (inbox / "first.txt").write_bytes(text)
    (inbox / "second.txt").write_bytes(text + b"\n")  # re-exported: one byte more
    out = tmp_path / "out"
    result = report(inbox, out)
    assert result.exit_code == EXIT_OK, result.output
    pages, links = _pages_and_links(out)
    assert len(pages) == 2 and links == pages and "CM13-0000004.html" in pages
    tables = json.loads((out / "report.json").read_text())
    assert tables["overall"]["letters"] == 2 and accounted(out)["parsed"] == 2
    problems = list(csv.DictReader(open(out / "problems.csv", encoding="utf-8")))  # noqa: SIM115
    assert [p["file"] for p in problems if "duplicate_case_number" in p["problem"]] == [
        "second.txt"]  # fmt: skip
    assert "duplicate_case_number" in result.output


def test_byte_identical_copies_are_read_once_and_listed(tmp_path):
    inbox = tmp_path / "in"
    letters(inbox / "a")
    letters(inbox / "b")
    os.symlink(inbox / "a" / FIXTURES[0].name, inbox / "link.pdf")
    out = tmp_path / "out"
    result = report(inbox, out)
    assert result.exit_code == EXIT_OK, result.output  # a copy is listed, not a failure
    assert "duplicate" in result.output and "same content as" in result.output
    assert "inputs 9 = parsed 4 + rejected 0 + duplicate 5" in result.output
    files = accounted(out)
    assert (files["parsed"], files["rejected"], files["duplicates"]) == (4, 0, 5)
    tables = json.loads((out / "report.json").read_text())
    assert tables["overall"]["letters"] == 4 and tables["overall"]["items"] == 9
    rejects = list(csv.DictReader(open(out / "rejects.csv", encoding="utf-8")))  # noqa: SIM115
    assert {r["stage"] for r in rejects} == {"duplicate"} and len(rejects) == 5


def test_extract_reads_a_copy_once(tmp_path):
    inbox = tmp_path / "in"
    letters(inbox / "a")
    letters(inbox / "b")
    out = tmp_path / "items.jsonl"
    result = imr("extract", inbox, "--out", out, "-j", "1")
    assert result.exit_code == EXIT_OK, result.output
    assert len(out.read_text().splitlines()) == 9
    assert "inputs 8 = parsed 4 + rejected 0 + duplicate 4" in result.output


def test_rejected_files_are_not_counted_in_the_report(tmp_path):
    inbox = letters(tmp_path / "in")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    (inbox / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = report(inbox, out)
    assert result.exit_code == 3, result.output
    files = accounted(out)
    assert (files["inputs"], files["parsed"], files["rejected"]) == (6, 4, 2)
    assert {r["file"].rsplit("/", 1)[-1] for r in files["rejected_files"]} == {
        "broken.pdf", "empty.txt"}  # fmt: skip
    tables = json.loads((out / "report.json").read_text())
    assert tables["overall"]["letters"] == 4 and tables["overall"]["items"] == 9


def test_ingest_keeps_the_makefiles_stamp(tmp_path):
    """`make ingest` keeps `.letters` (which letters the data came from) in data/interim: it
    does not make the folder someone else's, and it is carried across."""
    interim = tmp_path / "interim"
    interim.mkdir()
    (interim / ".letters").write_text("data/raw 4\n")
    for _ in range(2):
        result = imr("ingest", paths.FIXTURE_LETTERS_DIR, "--out", interim)
        assert result.exit_code == EXIT_OK, result.output
        assert (interim / ".letters").read_text() == "data/raw 4\n"
        assert "inputs 4 = parsed 4 + rejected 0" in result.output
    owned = json.loads((interim / io.OWNED_MARKER).read_text())["files"]
    assert ".letters" not in owned and "items.parquet" in owned


def test_a_letter_that_fails_while_rendering_leaves_no_row_and_no_page(tmp_path, monkeypatch):
    """A file rejected after its rows were made (its page failed on its data) is counted
    nowhere."""
    from pipeline.core.data_errors import LetterDataError
    from pipeline.reporting.corpus import pages
    from pipeline.reporting.corpus.run import build_report

    real = pages.letter_page

    def failing(view):  # noqa: ANN001, ANN202
        if view.letter.case_number == "FAKE-0000002":
            raise LetterDataError("rendering failed")
        return real(view)

    monkeypatch.setattr(pages, "letter_page", failing)
    out = tmp_path / "out"
    run = build_report([paths.FIXTURE_LETTERS_DIR], out, None, n_jobs=1)
    assert [r.file.rsplit("/", 1)[-1] for r in run.summary.rejects] == ["FAKE-0000002.pdf"]
    files = accounted(out)
    assert (files["parsed"], files["rejected"]) == (3, 1)
    tables = json.loads((out / "report.json").read_text())
    items = list(csv.DictReader(open(out / "items.csv", encoding="utf-8")))  # noqa: SIM115
    assert tables["overall"]["letters"] == 3 and tables["overall"]["items"] == len(items)
    assert "FAKE-0000002" not in {row["case_number"] for row in items}
    assert "FAKE-0000002.html" not in {p.name for p in (out / "letters").iterdir()}


def test_ingest_flags_the_same_case_number_in_two_letters(tmp_path):
    inbox = tmp_path / "in"
    for folder in ("a", "b"):
        (inbox / folder).mkdir(parents=True)
    text = letter_text("X")
    (inbox / "a" / "letter.txt").write_text(text, encoding="utf-8")
    (inbox / "b" / "letter.txt").write_text(text + "\n", encoding="utf-8")
    result = imr("ingest", inbox, "--out", tmp_path / "interim")
    assert result.exit_code == EXIT_OK, result.output
    assert "inputs 2 = parsed 2 + rejected 0 (2 letters" in result.output
    problems = (tmp_path / "interim" / "problems.csv").read_text()
    assert problems.count("duplicate_case_number") == 1
    # Both files are named by their path, so the two `letter.txt` can be told apart.
    row = next(csv.DictReader(open(tmp_path / "interim" / "problems.csv", encoding="utf-8")))  # noqa: SIM115
    assert row["file"] == str(inbox / "b" / "letter.txt"), row
    assert str(inbox / "a" / "letter.txt") in row["problem"], row


# --- a run with nothing to do writes nothing -----------------------------------------------------


@pytest.mark.parametrize("given", ["lettrs-typo", "empty"])
def test_ingest_with_no_letters_leaves_the_previous_output(tmp_path, given):
    out = tmp_path / "ing"
    assert imr("ingest", paths.FIXTURE_LETTERS_DIR, "--out", out).exit_code == EXIT_OK
    (tmp_path / "empty").mkdir()
    before = tree(tmp_path)
    result = imr("ingest", tmp_path / given, "--out", out)
    assert result.exit_code == EXIT_NOTHING_PARSED, result.output
    assert "left as it was" in result.output and "wrote" not in result.output
    assert tree(tmp_path) == before


@pytest.mark.parametrize("given", ["missing", "empty"])
def test_tag_with_no_ingested_letters_leaves_the_previous_output(tmp_path, given,
                                                                  fixture_models_root):  # fmt: skip
    out = tmp_path / "processed"
    shutil.copytree(fixture_models_root / "processed", out)
    if given == "empty":
        assert imr("ingest", paths.FIXTURE_LETTERS_DIR, "--out", tmp_path / "empty").exit_code == 0
        import pyarrow.parquet as pq

        table = tmp_path / "empty" / "letters.parquet"
        pq.write_table(pq.read_table(table).slice(0, 0), table)
    before = tree(tmp_path)
    result = imr("tag", "--in", tmp_path / given, "--out", out)
    assert result.exit_code == EXIT_NOTHING_PARSED, result.output
    assert "left as it was" in result.output
    assert tree(tmp_path) == before


def test_a_run_with_nothing_to_do_creates_no_folder(tmp_path):
    result = report(tmp_path / "nothere", tmp_path / "brandnew" / "deeper")
    assert result.exit_code == EXIT_NOTHING_PARSED, result.output
    assert "left as it was" in result.output
    assert sorted(tmp_path.iterdir()) == []


def test_a_users_folder_where_imr_writes_a_file_is_refused(tmp_path):
    out = tmp_path / "rep"
    assert report(paths.FIXTURE_LETTERS_DIR, out).exit_code == EXIT_OK
    (out / "problems.csv").unlink()
    (out / "problems.csv").mkdir()
    (out / "problems.csv" / "mine.txt").write_text("mine")
    before = tree(tmp_path)
    result = report(paths.FIXTURE_LETTERS_DIR, out)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "problems.csv" in result.output and len(result.output.strip().splitlines()) == 1
    assert tree(tmp_path) == before


# --- temporaries of a killed run -----------------------------------------------------------------


def _dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_killed_runs_staging_folder_is_swept_by_the_next_run(tmp_path):
    out = tmp_path / "rep"
    assert report(paths.FIXTURE_LETTERS_DIR, out).exit_code == EXIT_OK
    dead = _dead_pid()
    stale = tmp_path / f".rep.new-{dead}-abc123"
    (stale / "letters").mkdir(parents=True)
    (stale / "report.html").write_text("half a report")
    (tmp_path / "elsewhere").mkdir()
    os.symlink("elsewhere", tmp_path / f".rep.new-{dead}-link")  # a leftover that is a link
    assert report(paths.FIXTURE_LETTERS_DIR, out).exit_code == EXIT_OK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "rep"]


def test_staging_folders_carry_the_pid(tmp_path):
    seen = []
    with io.owned_dir(tmp_path / "out") as staging:
        seen.append(staging.name)
        (staging / "a.txt").write_text("a")
    assert seen[0].startswith(f".out.new-{os.getpid()}-")


# --- the report's counts -------------------------------------------------------------------------


def test_the_html_summary_counts_every_row_of_rejects_csv(tmp_path):
    import re

    inbox = letters(tmp_path / "in")
    shutil.copy(FIXTURES[0], inbox / "copy.txt" if FIXTURES[0].suffix == ".txt" else
                inbox / "copy.pdf")  # fmt: skip
    shutil.copy(FIXTURES[1], inbox / ("again" + FIXTURES[1].suffix))
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 not a PDF")
    out = tmp_path / "out"
    assert report(inbox, out).exit_code == 3
    html = (out / "report.html").read_text()

    def shown(label: str) -> int:
        return int(re.search(rf"<td>{re.escape(label)}</td><td[^>]*>(\d+)</td>", html).group(1))

    rows = list(csv.DictReader(open(out / "rejects.csv", encoding="utf-8")))  # noqa: SIM115
    assert shown("rows in rejects.csv") == len(rows) == 3
    assert shown("rejected (failed)") == 1 and shown("duplicates (copies read once)") == 2


# --- budgets in the environment ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [("IMR_FILE_SECONDS", "abc"), ("IMR_FILE_SECONDS", "-5"), ("IMR_PDF_MAX_PAGES", "nan"),
     ("IMR_OCR", "sometimes")],
)  # fmt: skip
def test_a_bad_budget_in_the_environment_is_a_usage_error(tmp_path, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    result = imr("extract", paths.FIXTURE_LETTERS_DIR, "--out", tmp_path / "x.jsonl")
    assert result.exit_code == EXIT_USAGE, result.output
    assert name in result.output and len(result.output.strip().splitlines()) == 1
    assert sorted(tmp_path.iterdir()) == []


def test_zero_turns_a_budget_off(monkeypatch):
    monkeypatch.setenv("IMR_FILE_SECONDS", "0")
    assert config.limit("IMR_FILE_SECONDS") == float("inf")
    monkeypatch.setenv("IMR_FILE_SECONDS", "12.5")
    assert config.limit("IMR_FILE_SECONDS") == 12.5
