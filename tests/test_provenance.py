"""Provenance from tag to predict: `imr tag` records the tagging pipeline (imr's version and each
rule file's SHA-256); a rule deleted after `imr tag` makes `imr train` refuse the tagged tables
(exit 2) and, after `imr train`, makes `imr predict`, `imr report` and `imr evaluate` refuse the
models (exit 5), each naming the rule file.

The rule files are edited in a copy: `rulefiles.package_folder`, where loading and hashing read
the shipped rules, is pointed at it. The repository's own files are never touched.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from pipeline.modeling import loaded
from pipeline.modeling.nlp_artifact import RULES_KEY as MODEL_RULES_KEY
from pipeline.provenance import (
    RULES_KEY,
    TAGGED_WITH,
    VERSION_KEY,
    TaggedWithOtherPipeline,
    check_tagged,
    tagging_record,
)
from pipeline.provenance.freshness import tag_current
from pipeline.rules import files as rulefiles
from pipeline.runner.accounting import EXIT_BAD_MODELS, EXIT_USAGE
from tests import paths

LETTER = paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"
EXIT_OK = 0


def _flat(text: str) -> str:
    return " ".join(text.split())  # rich wraps long lines


def _imr(*args: object) -> tuple[int, str]:
    loaded.forget_loaded()  # models verified by an earlier test are not verified again
    try:
        result = CliRunner().invoke(app, [str(a) for a in args])
    finally:
        loaded.forget_loaded()
    return result.exit_code, _flat(result.output)


@pytest.fixture
def rules(tmp_path, monkeypatch) -> Iterator[Path]:
    """A copy of the shipped rule files (tmp/pipeline/ingest/..., .../tagging/..., ...) that
    loading and hashing read instead of the package's."""
    root = tmp_path / "rules"
    for package in rulefiles.MODEL_RULE_PACKAGES:
        source = rulefiles.package_folder(package)
        target = root / package.replace(".", "/")
        target.mkdir(parents=True)
        for _, name in rulefiles.package_rule_files((package,)):
            (target / name).write_bytes(source.joinpath(name).read_bytes())
    monkeypatch.setattr(rulefiles, "package_folder",
                        lambda package: root / package.replace(".", "/"))  # fmt: skip
    rulefiles._package_text.cache_clear()
    yield root
    rulefiles._package_text.cache_clear()


def delete_first_treatment(root: Path) -> str:
    """Remove one rule (the first line) from treatments.jsonl; returns the file's name."""
    path = root / "pipeline" / "tagging" / "treatments.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[1:]), encoding="utf-8")
    return "pipeline/tagging/treatments.jsonl"


def delete_a_frequency_rule(root: Path) -> str:
    """Remove one rule from frequency.json (the last entry of its first non-empty list)."""
    path = root / "pipeline" / "tagging" / "frequency.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    key = next(k for k, v in data.items() if isinstance(v, list) and v)
    data[key].pop()
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return "pipeline/tagging/frequency.json"


DELETIONS: list[Callable[[Path], str]] = [delete_first_treatment, delete_a_frequency_rule]


def test_tag_records_the_tagging_pipeline_and_stays_current(fixture_models_root):
    recorded = json.loads((fixture_models_root / "processed" / config.PROVENANCE_FILE).read_text())
    assert recorded[TAGGED_WITH] == tagging_record()
    assert recorded[TAGGED_WITH][VERSION_KEY]
    assert "pipeline/tagging/treatments.jsonl" in recorded[TAGGED_WITH][RULES_KEY]
    assert "pipeline/ingest/landmarks.json" in recorded[TAGGED_WITH][RULES_KEY]
    assert recorded["letters_sha256"]  # ingest's record is kept beside it
    # make's freshness check still sees the tagged tables as made from ingest's
    assert tag_current(fixture_models_root / "interim", fixture_models_root / "processed")
    # ... and train kept the record with the models; their rule hashes are the same files'
    metadata = json.loads((fixture_models_root / "models" / "metadata.json").read_text())
    trained_on = metadata["training_data"]["trained_on"]
    assert trained_on[TAGGED_WITH] == recorded[TAGGED_WITH]
    assert metadata["feature_config"][MODEL_RULES_KEY] == recorded[TAGGED_WITH][RULES_KEY]


def test_an_unedited_copy_of_the_rules_is_the_same_pipeline(fixture_models_root, rules):
    assert check_tagged(fixture_models_root / "processed")[TAGGED_WITH] == tagging_record()


@pytest.mark.parametrize("delete", DELETIONS, ids=lambda f: f.__name__)
def test_a_rule_deleted_between_tag_and_train_makes_train_refuse(
    fixture_models_root, rules, tmp_path, delete
):
    name = delete(rules)
    models = tmp_path / "models"
    code, output = _imr("train", "--in", fixture_models_root / "processed", "--models", models)
    assert code == EXIT_USAGE, output
    assert f"rule file {name} changed since they were tagged" in output
    assert "imr tag" in output and not models.exists()


def test_a_rule_file_removed_or_added_is_named_as_such(fixture_models_root, rules):
    (rules / "pipeline" / "tagging" / "numbers.json").unlink()
    with pytest.raises(TaggedWithOtherPipeline, match="numbers.json was removed since"):
        check_tagged(fixture_models_root / "processed")
    (rules / "pipeline" / "tagging" / "numbers.json").write_text("{}")
    (rules / "pipeline" / "tagging" / "aaa.json").write_text("{}")
    with pytest.raises(
        TaggedWithOtherPipeline,
        match=r"rule file pipeline/tagging/aaa\.json \(and 1 more\) was added",
    ):
        check_tagged(fixture_models_root / "processed")  # fmt: skip


def test_tables_tagged_by_another_imr_version_or_without_a_record_are_refused(
    fixture_models_root, tmp_path
):
    processed = tmp_path / "processed"
    shutil.copytree(fixture_models_root / "processed", processed)
    record_file = processed / config.PROVENANCE_FILE
    record = json.loads(record_file.read_text())
    record[TAGGED_WITH][VERSION_KEY] = "0.0.1"
    record_file.write_text(json.dumps(record))
    with pytest.raises(TaggedWithOtherPipeline, match=r"imr changed from 0\.0\.1 to "):
        check_tagged(processed)
    del record[TAGGED_WITH]
    record_file.write_text(json.dumps(record))
    with pytest.raises(TaggedWithOtherPipeline, match="records no tagging pipeline"):
        check_tagged(processed)
    record_file.unlink()
    with pytest.raises(TaggedWithOtherPipeline, match="records no tagging pipeline"):
        check_tagged(processed)


@pytest.mark.parametrize("delete", DELETIONS, ids=lambda f: f.__name__)
def test_a_rule_deleted_after_training_makes_predict_and_report_refuse(
    fixture_models_root, rules, tmp_path, delete
):
    models = fixture_models_root / "models"
    name = delete(rules)
    code, output = _imr("predict", LETTER, "--models", models, "--out", tmp_path / "p.jsonl")
    assert code == EXIT_BAD_MODELS, output
    assert f"rule file {name} changed since the models" in output
    assert not (tmp_path / "p.jsonl").exists()
    code, output = _imr("report", LETTER, "--models", models, "--out", tmp_path / "report")
    assert code == EXIT_BAD_MODELS, output
    assert f"rule file {name} changed since the models" in output


def test_evaluate_refuses_models_or_tables_made_with_other_rules(
    fixture_models_root, rules, tmp_path
):
    models, processed = fixture_models_root / "models", tmp_path / "processed"
    shutil.copytree(fixture_models_root / "processed", processed)
    record_file = processed / config.PROVENANCE_FILE
    record = json.loads(record_file.read_text())
    record[TAGGED_WITH][RULES_KEY]["pipeline/tagging/quantity.json"] = "0" * 64
    record_file.write_text(json.dumps(record))
    reports = tmp_path / "reports"
    code, output = _imr("evaluate", "--in", processed, "--models", models, "--reports", reports)
    assert code == EXIT_USAGE, output
    assert "rule file pipeline/tagging/quantity.json changed since they were tagged" in output
    name = delete_first_treatment(rules)  # now the models are refused first
    code, output = _imr("evaluate", "--in", processed, "--models", models, "--reports", reports)
    assert code == EXIT_BAD_MODELS, output
    assert f"rule file {name} changed since the models" in output
    assert not reports.exists()


def test_make_tags_again_tables_that_record_no_tagging_pipeline(fixture_models_root, tmp_path):
    for name in ("interim", "processed"):
        shutil.copytree(fixture_models_root / name, tmp_path / name)
    assert tag_current(tmp_path / "interim", tmp_path / "processed")
    record_file = tmp_path / "processed" / config.PROVENANCE_FILE
    record = json.loads(record_file.read_text())
    del record[TAGGED_WITH]  # as an older `imr tag` wrote it: a copy of ingest's record
    record_file.write_text(json.dumps(record))
    assert not tag_current(tmp_path / "interim", tmp_path / "processed")
