"""`imr report` through the CLI (skipped until the command is wired into pipeline/cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests import paths


@pytest.fixture(scope="module")
def report_command() -> None:
    names = {command.name for command in app.registered_commands}
    if "report" not in names:
        pytest.skip("`imr report` is not wired into pipeline/cli.py yet")


def test_report_command(report_command, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    letters = str(paths.FIXTURE_LETTERS_DIR)
    result = CliRunner().invoke(app, ["report", letters, "--out", str(out), "--no-models"])
    assert result.exit_code == 0, result.output
    tables = json.loads((out / "report.json").read_text())
    assert tables["overall"]["letters"] == 4 and not tables["models"]["used"]
    assert (out / "letters" / "FAKE-0000001.html").is_file()


def test_refuses_an_output_inside_the_inputs(report_command, tmp_path: Path) -> None:
    inside = tmp_path / "in"
    inside.mkdir()
    (inside / "a.txt").write_text((paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt").read_text())
    result = CliRunner().invoke(app, ["report", str(inside), "--out", str(inside / "r")])
    assert result.exit_code == 2


def test_refuses_modified_models(report_command, synthetic_models, tmp_path: Path) -> None:
    import shutil

    models = tmp_path / "models"
    shutil.copytree(synthetic_models[2], models)
    with open(models / "metadata.json", "a") as handle:
        handle.write(" ")
    one = str(paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt")
    result = CliRunner().invoke(app, ["report", one, "--out", str(tmp_path / "r"),
                                      "--models", str(models)])  # fmt: skip
    assert result.exit_code == 5
    assert not (tmp_path / "r" / "report.html").exists()
