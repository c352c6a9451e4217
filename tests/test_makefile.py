"""The Makefile never swaps the models behind the user's back (dry runs: `make -n`)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pipeline import config

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _dry_run(*args: str) -> str:
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", *args],
        cwd=config.ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout + done.stderr


@pytest.fixture
def trained(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    (models / "metadata.json").write_text("{}")
    return models


@pytest.mark.parametrize("target", ["predict", "evaluate", "bench"])
def test_targets_that_use_trained_models_never_retrain_them(target, trained, tmp_path):
    output = _dry_run(target, f"MODELS={trained}", f"REPORTS={tmp_path / 'reports'}",
                      "INPUT=some-letter.pdf", "LETTERS=tests/fixtures/letters")  # fmt: skip
    assert "imr train" not in output and "imr ingest" not in output, output
    assert f"--models {trained}" in output


def test_predict_without_models_says_it_trains_them_first(tmp_path):
    output = _dry_run("predict", f"MODELS={tmp_path / 'none'}", "INPUT=some-letter.pdf")
    assert "no trained models" in output and "imr train" in output


def test_evaluate_reruns_only_when_the_models_are_newer_than_its_report(trained, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "metrics.json").write_text("{}")  # written after the models
    output = _dry_run("evaluate", f"MODELS={trained}", f"REPORTS={reports}")
    assert "imr evaluate" not in output
