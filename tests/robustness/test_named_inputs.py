"""Every input is read or listed with its real kind, in a folder and when named directly: a .docx
or a .jpg is "not a letter format (.docx, a ZIP archive ...)", never "a ... named .txt"; a text
letter under another name is read. Outputs honour the umask (0644 under 022)."""

from __future__ import annotations

import csv
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner.accounting import EXIT_SOME_REJECTED
from tests import paths

LETTER = paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"
DOCX = "not a letter format (.docx, a ZIP archive (or Office document)): convert to PDF or text"
JPG = "not a letter format (.jpg, a JPEG image): convert to PDF or text"


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(LETTER, folder / LETTER.name)
    with zipfile.ZipFile(folder / "letter.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    (folder / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(64))
    return folder


def _reasons(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        return {Path(row["file"]).name: row["reason"] for row in csv.DictReader(f)}


@pytest.mark.parametrize("named", [False, True], ids=["in a folder", "named directly"])
def test_non_letters_are_listed_by_their_real_kind(tmp_path, named):
    folder = _inputs(tmp_path / "in")
    inputs = sorted(folder.iterdir()) if named else [folder]
    out = tmp_path / "interim"
    result = CliRunner().invoke(app, ["ingest", *map(str, inputs), "--out", str(out)])
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    assert _reasons(out / "rejects.csv") == {"letter.docx": DOCX, "scan.jpg": JPG}
    assert "named .txt" not in result.output
    assert "inputs 3 = parsed 1 + rejected 2" in result.output


def test_a_text_letter_named_otherwise_is_read_when_named_directly(tmp_path):
    letter = tmp_path / "letter.text"
    shutil.copy(LETTER, letter)
    result = CliRunner().invoke(app, ["ingest", str(letter), "--out", str(tmp_path / "interim")])
    assert result.exit_code == 0, result.output
    assert "inputs 1 = parsed 1 + rejected 0" in result.output


def test_predict_output_and_its_rejects_honour_the_umask(tmp_path, fixture_models_root):
    folder = _inputs(tmp_path / "in")
    out = tmp_path / "predictions.csv"
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(
            app, ["predict", str(folder), "--out", str(out), "-j", "1",
                  "--models", str(fixture_models_root / "models")],
        )  # fmt: skip
    finally:
        os.umask(old)
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    for path in (out, tmp_path / "predictions.rejects.csv"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
