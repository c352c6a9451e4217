"""The trained artifact is one folder: models/nlp is the tagging pipeline predict uses, covered
by the manifest; a rule file edited after training (the saved copy, or the package's own: the
train/serve skew) makes `imr predict` refuse with exit status 5 naming it, and tagging and
retraining clear it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.modeling import loaded
from pipeline.modeling.artifacts import ModelIntegrityError
from pipeline.modeling.nlp_artifact import RULES_KEY, check_rule_files
from pipeline.rules.files import rule_hashes
from pipeline.runner.accounting import EXIT_BAD_MODELS, EXIT_USAGE
from tests import paths

LETTER = paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"
REPO = Path(__file__).resolve().parents[2]


def _imr(*args: str, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:  # a copy of the package, imported instead of the installed one
        env["PYTHONPATH"] = str(pythonpath)
    code = (
        "import pipeline, sys; from pipeline.cli import main; sys.argv[0] = 'imr'; "
        "print(pipeline.__file__, file=sys.stderr); main()"
    )
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, cwd=pythonpath or REPO, timeout=300)  # fmt: skip


@pytest.fixture
def models(fixture_models_root, tmp_path) -> Path:
    copy = tmp_path / "models"
    shutil.copytree(fixture_models_root / "models", copy)
    return copy


def test_the_models_folder_holds_the_pipeline_and_the_rule_hashes(fixture_models_root):
    models = fixture_models_root / "models"
    manifest = json.loads((models / "manifest.json").read_text())["files"]
    for name in (
        "nlp/config.cfg",
        "nlp/imr_frequencies/frequency.json",
        "nlp/imr_treatments/treatments.jsonl",
        "nlp/verdict_masker/verdict_rules.json",
    ):
        assert name in manifest, name  # fmt: skip
    metadata = json.loads((models / "metadata.json").read_text())
    assert metadata["feature_config"][RULES_KEY] == rule_hashes()


def test_predict_tags_with_the_models_own_pipeline(models):
    nlp = loaded.tagging_nlp(models)
    for name in nlp.pipe_names:
        for file, text in nlp.get_pipe(name).rule_texts().items():
            assert (models / "nlp" / name / file).read_text(encoding="utf-8") == text
    # a rule changed in the saved copy (and the manifest updated to match) is what predict uses
    rules_file = models / "nlp" / "imr_frequencies" / "frequency.json"
    rules = json.loads(rules_file.read_text())
    rules["skip_categories"].append("physical_medicine")
    rules_file.write_text(json.dumps(rules))
    from pipeline.modeling.artifacts import write_manifest

    write_manifest(models, [])
    loaded.forget_loaded()
    try:
        doc = loaded.loaded_nlp(models)("Physical therapy 2 times a week for 6 weeks")
        assert doc._.frequency is None
    finally:
        loaded.forget_loaded()


def test_predict_refuses_a_saved_rule_file_edited_after_training(models):
    rules_file = models / "nlp" / "imr_frequencies" / "frequency.json"
    rules_file.write_text(rules_file.read_text() + " ")  # even a harmless edit
    result = _imr("predict", str(LETTER), "--models", str(models))
    assert result.returncode == EXIT_BAD_MODELS, result.stderr
    assert "nlp/imr_frequencies/frequency.json" in " ".join(result.stderr.split())


@pytest.mark.slow
def test_predict_refuses_a_package_rule_file_edited_after_training_until_retrained(
    fixture_models_root, models, tmp_path
):
    source = tmp_path / "src"
    shutil.copytree(REPO / "pipeline", source / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    rules_file = source / "pipeline" / "tagging" / "quantity.json"
    rules = json.loads(rules_file.read_text())
    rules["skip_categories"].append("imaging")  # an edit that would change the features
    rules_file.write_text(json.dumps(rules, indent=2))

    refused = _imr("predict", str(LETTER), "--models", str(models), pythonpath=source)
    assert str(source / "pipeline") in refused.stderr  # the edited copy ran
    assert refused.returncode == EXIT_BAD_MODELS, refused.stderr
    assert "pipeline/tagging/quantity.json" in " ".join(refused.stderr.split())

    # the tables tagged with the old rules are refused too (pipeline/provenance.py) ...
    stale = _imr("train", "--in", str(fixture_models_root / "processed"), "--models",
                 str(models), pythonpath=source)  # fmt: skip
    assert stale.returncode == EXIT_USAGE, stale.stderr
    assert "pipeline/tagging/quantity.json" in " ".join(stale.stderr.split())
    # ... until they are tagged again with the edited rules
    processed = tmp_path / "processed"
    tagged = _imr("tag", "--in", str(fixture_models_root / "interim"), "--out", str(processed),
                  pythonpath=source)  # fmt: skip
    assert tagged.returncode == 0, tagged.stderr
    trained = _imr("train", "--in", str(processed), "--models", str(models), pythonpath=source)
    assert trained.returncode == 0, trained.stderr
    saved = json.loads((models / "nlp" / "imr_quantities" / "quantity.json").read_text())
    assert "imaging" in saved["skip_categories"]  # the retrained pipeline carries the edit
    accepted = _imr("predict", str(LETTER), "--json", "--models", str(models), pythonpath=source)
    assert accepted.returncode == 0, accepted.stderr
    # ... and the installed package (without the edit) now refuses the retrained models
    assert _imr("predict", str(LETTER), "--models", str(models)).returncode == EXIT_BAD_MODELS


def test_models_without_recorded_rule_files_are_refused(tmp_path):
    with pytest.raises(ModelIntegrityError, match="records no rule files"):
        check_rule_files({"feature_config": {}}, tmp_path)
    with pytest.raises(ModelIntegrityError, match="pipeline/tagging/frequency.json changed"):
        check_rule_files(
            {"feature_config": {RULES_KEY: {**rule_hashes(),
                                            "pipeline/tagging/frequency.json": "0" * 64}}},
            tmp_path,
        )  # fmt: skip
