"""The reason classifier on made-up labelled items: fit, threshold choice, compile, load."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from pipeline.modeling.reasons.assign import ReasonModel, assign_reasons
from pipeline.modeling.reasons.labels import ReasonLabelsError, read_labels, same_sentence
from pipeline.modeling.reasons.model import labelled_items, probabilities, train_reason_model
from pipeline.modeling.reasons.train import train_reasons
from pipeline.tagging.reason_cues import cue_sentences

# Made-up sentences: a general guideline sentence (never a reason), one per code, a verdict.
GENERAL = "The guidelines describe the service in general terms (made-up letter {n})."
REASON = {
    "no_functional_benefit": "In this case there is no documentation of functional improvement "
    "with the prior {n} sessions.",
    "exceeds_guideline_amount": "The {n} visits requested exceed the number the guideline allows.",
    "request_incomplete": "The dose and frequency of medication {n} were not specified.",
}
VERDICT = "Therefore, request {n} is not medically necessary."


def make_items(n_letters: int = 10) -> tuple[list[dict], list[dict]]:
    items, labels = [], []
    codes = list(REASON)
    for n in range(n_letters):
        for index in range(2):
            code = codes[(n + index) % len(codes)]
            evidence = REASON[code].format(n=n + 2)
            rationale = " ".join([GENERAL.format(n=n), evidence, VERDICT.format(n=n)])
            case = f"CM00-{n:07d}"
            items.append({"case_number": case, "issue_index": index, "decision": "Upheld",
                          "category": "pharmaceutical", "rationale": rationale,
                          "reason_sentences": cue_sentences(rationale)})  # fmt: skip
            labels.append({"case_number": case, "issue_index": index, "decision": "Upheld",
                           "reasons": [{"code": code, "evidence": evidence}]})  # fmt: skip
    return items, labels


def write_labels(path: Path, labels: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in labels), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    items, labels = make_items()
    folder = tmp_path_factory.mktemp("reasons")
    data = labelled_items(items, read_labels(write_labels(folder / "reasons.jsonl", labels)))
    model, pipelines, meta = train_reason_model(data)
    return items, data, model, pipelines, meta, folder


def test_every_labelled_sentence_is_found(trained):
    _, data, _, _, meta, _ = trained
    assert all(sum(bool(t) for t in targets) == 1 for targets in data.targets)
    assert meta["n_letters"] == 10 and meta["n_items"] == 20


def test_compiled_scorers_score_as_their_pipelines(trained):
    _, data, model, pipelines, _, _ = trained
    from pipeline.modeling.reasons.sentences import feature_row

    rows = [feature_row(s) for group in data.sentences for s in group]
    expected = probabilities(pipelines, data)
    from pipeline.modeling.reasons import CODES

    for code in model.codes:
        got = model.scorers[code].predict_proba(rows)
        assert np.allclose(got, expected[:, CODES.index(code)], atol=1e-9)


def test_saved_model_loads_and_tags_each_item_with_its_reason(trained):
    items, data, model, _, meta, folder = trained
    names = model.save(folder)
    loaded = ReasonModel.from_files(meta, lambda name: (folder / name).read_bytes())
    assert sorted(names) == sorted(meta["files"].values())
    reasons = assign_reasons(items, loaded)
    for item, given, label in zip(items, reasons, data.labels, strict=True):
        assert {r["code"] for r in given} == label.codes
        for reason in given:
            assert 0.0 <= reason["probability"] <= 1.0
            assert item["rationale"][reason["start"] : reason["end"]] == reason["evidence"]


def test_train_reasons_without_labels_says_rules_only(tmp_path):
    items, labels = make_items()
    meta, files = train_reasons(items, None, tmp_path)
    assert files == [] and "rule cues only" in meta["mode"]
    # labels naming none of the training items: nothing to fit, and it says so
    other = [{**row, "case_number": "CM99-" + row["case_number"][5:]} for row in labels]
    meta, files = train_reasons(items, write_labels(tmp_path / "r.jsonl", other), tmp_path)
    assert files == [] and "0 of the training items are labelled" in meta["mode"]


def test_bad_label_files_are_refused(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"case_number": "x", "issue_index": 0, "decision": "Upheld", '
                    '"reasons": [{"code": "made_up", "evidence": "e"}]}\n')  # fmt: skip
    with pytest.raises(ReasonLabelsError, match="unknown code"):
        read_labels(path)
    path.write_text("not json\n")
    with pytest.raises(ReasonLabelsError, match="line 1"):
        read_labels(path)


def test_sentence_matching_allows_containment_not_fragments():
    assert same_sentence("There is no MRI.", "There is no MRI.")
    assert same_sentence("Here, there is no MRI of the lumbar spine.", "there is no MRI of the")
    assert not same_sentence("e.g.", "The guideline, e.g. MTUS, says so.")


def test_predict_imports_neither_the_evaluation_nor_the_training_code():
    code = ("import sys\nimport pipeline.runner.engine, pipeline.modeling.predict\n"
            "import pipeline.cli.describe, pipeline.runner.accounting\n"
            "import pipeline.modeling.reasons.assign\n"
            "print(sorted(m for m in sys.modules if m.startswith(('pipeline.evaluation', "
            "'pipeline.modeling.reasons.model', 'pipeline.modeling.reasons.labels', "
            "'sklearn'))))")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_each_sentence_reads_its_neighbours():
    from pipeline.modeling.reasons.sentences import feature_row, item_sentences

    items, _ = make_items(1)
    sentences = item_sentences(items[0])
    texts = [s["text"] for s in sentences]
    assert len(texts) == 3
    rows = [feature_row(s) for s in sentences]
    assert [r["previous"] for r in rows] == ["", texts[0], texts[1]]
    assert [r["next"] for r in rows] == [texts[1], texts[2], ""]


def test_the_classifier_reads_the_sentences_before_and_after(trained):
    _, _, model, _, _, _ = trained
    for code in model.codes:
        read = {getattr(block, "column", None): len(block.names())
                for block in model.scorers[code].blocks}  # fmt: skip
        assert read.get("previous") and read.get("next"), code
