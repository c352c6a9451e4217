"""The Makefile never swaps the models behind the user's back (dry runs: `make -n`)."""

from __future__ import annotations

import json
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


def _make(*args: str, timeout: int = 600) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=config.ROOT, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout + done.stderr


@pytest.mark.corpus
def test_real_train_then_bare_predict_and_evaluate_keep_the_models(shared_letters_dir, tmp_path):
    """The newcomer's path for real: train on real letters, then predict and evaluate without
    LETTERS. The models stay byte for byte the ones trained, and they say where they came from.
    (60 of the letters: enough for a hold-out and calibration, half the time of all 130.)"""
    letters = tmp_path / "letters"
    letters.mkdir()
    for pdf in sorted(shared_letters_dir.glob("*.pdf"))[:60]:
        (letters / pdf.name).symlink_to(pdf)
    folders = {name: tmp_path / name for name in ("interim", "processed", "models", "reports")}
    where = [f"{name.upper()}={path}" for name, path in folders.items()]
    _make("train", f"LETTERS={letters}", *where)
    metadata = folders["models"] / "metadata.json"
    before = (metadata.read_bytes(), metadata.stat().st_mtime_ns)
    trained_on = json.loads(before[0])["training_data"]["trained_on"]
    assert trained_on["inputs"] == [str(letters.resolve())]
    assert trained_on["letters_tagged"] == trained_on["letters"] == 60
    assert json.loads(before[0])["smoke_test"] is False

    letter = sorted(shared_letters_dir.glob("*.pdf"))[-1]
    predicted = _make("predict", f"INPUT={letter}", *where)
    assert "imr train" not in predicted and "smoke test" not in predicted, predicted
    evaluated = _make("evaluate", *where)
    assert "imr train" not in evaluated and "imr evaluate" in evaluated, evaluated
    assert (folders["reports"] / "metrics.json").is_file()
    assert (metadata.read_bytes(), metadata.stat().st_mtime_ns) == before
