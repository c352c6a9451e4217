"""Artifacts: manifest verification (tampering, unknown files), determinism, prediction API."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.modeling.artifacts import (
    READER_FILE,
    READER_SCORER,
    REASONING_FILE,
    REASONING_SCORER,
    ModelIntegrityError,
)
from pipeline.modeling.predict import flag_disagreements, load_models, predict_items
from pipeline.modeling.train import train_models


def _records(frame):
    return frame.to_dict(orient="records")


def _copy(src, tmp_path):
    dst = tmp_path / "models"
    shutil.copytree(src, dst)
    return dst


def test_flipping_one_byte_of_a_model_file_is_refused(synthetic_models, tmp_path):
    _, _, models_dir = synthetic_models
    for name in (READER_FILE, REASONING_FILE, READER_SCORER, REASONING_SCORER, "metadata.json"):
        copy = _copy(models_dir, tmp_path / name)
        data = bytearray((copy / name).read_bytes())
        data[len(data) // 2] ^= 0x01
        (copy / name).write_bytes(bytes(data))
        with pytest.raises(ModelIntegrityError, match="modified"):
            load_models(copy)


def test_unknown_or_missing_files_are_refused(synthetic_models, tmp_path):
    _, _, models_dir = synthetic_models
    copy = _copy(models_dir, tmp_path / "a")
    (copy / "extra.joblib").write_bytes(b"not listed")
    with pytest.raises(ModelIntegrityError, match="unknown"):
        load_models(copy)
    copy = _copy(models_dir, tmp_path / "npz")
    (copy / "extra.npz").write_bytes(b"not listed")
    with pytest.raises(ModelIntegrityError, match="unknown"):
        load_models(copy)
    copy = _copy(models_dir, tmp_path / "b")
    (copy / "manifest.json").unlink()
    with pytest.raises(ModelIntegrityError, match="missing"):
        load_models(copy)


def test_training_is_deterministic(synthetic_models, tmp_path):
    items, letters, models_dir = synthetic_models
    again = tmp_path / "again"
    meta = train_models(items.sample(frac=1.0, random_state=3), letters, again, select=False)
    first = json.loads((models_dir / "metadata.json").read_text())
    for key in ("training_data", "feature_config", "thresholds"):
        assert meta[key] == first[key]
    a = predict_items(load_models(models_dir), _records(items), _records(letters))
    b = predict_items(load_models(again), _records(items), _records(letters))
    assert [p["p_overturned_reasoning"] for p in a] == [p["p_overturned_reasoning"] for p in b]


def test_predict_items_shape_and_flags(synthetic_models):
    items, letters, models_dir = synthetic_models
    models = load_models(models_dir)
    items, letters = _records(items), _records(letters)
    predictions = predict_items(models, items, letters)
    assert len(predictions) == len(items)
    first = predictions[0]
    assert first["decision_read"] in ("Upheld", "Overturned")
    assert 0.0 <= first["p_overturned_reasoning"] <= 1.0
    assert isinstance(first["agrees_with_stated"], bool)
    assert first["evidence"] and {"feature", "weight"} <= set(first["evidence"][0])
    assert all(p["agrees_with_stated"] for p in predictions)  # verdict sentences are unambiguous

    # a letter whose stated decision contradicts its own rationale is flagged
    first = items[0]
    wrong = [{**first, "decision": "Overturned" if first["decision"] == "Upheld" else "Upheld"}]
    flagged = flag_disagreements(wrong, predict_items(models, wrong, letters))
    assert flagged and "decision reader" in flagged[0]["reasons"][0]
    # no decision stated: nothing to agree with
    blank = predict_items(models, [{**item, "decision": None} for item in items[:2]], letters)
    assert [p["agrees_with_stated"] for p in blank] == [None, None]


def test_the_decision_reader_abstains_without_a_ruling_sentence(synthetic_models):
    """No ruling sentence: no decision read, no probability, no comparison, never a default;
    the disagreement list says the reader abstained."""
    items, letters, models_dir = synthetic_models
    models = load_models(models_dir)
    items, letters = _records(items), _records(letters)
    silent = {**items[0], "rationale": "The records were reviewed. The patient has pain."}
    silent = {k: v for k, v in silent.items() if k not in ("ruling", "masked_rationale")}
    (pred,) = predict_items(models, [silent], letters)
    assert pred["decision_read"] is None and pred["p_overturned_reader"] is None
    assert pred["agrees_with_stated"] is None
    (flag,) = flag_disagreements([silent], [pred])
    assert any(
        r.startswith("decision reader abstains (no_ruling_sentence)") for r in flag["reasons"]
    )


def test_symbolic_links_in_the_models_folder_are_refused(synthetic_models, tmp_path):
    import os

    _, _, models_dir = synthetic_models
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "payload.joblib").write_bytes(b"anything")
    copy = _copy(models_dir, tmp_path / "folder-link")
    os.symlink(outside, copy / "extras")  # a linked sub-folder: its files escaped the check
    with pytest.raises(ModelIntegrityError, match="symbolic link"):
        load_models(copy)
    copy = _copy(models_dir, tmp_path / "file-link")
    real = outside / READER_SCORER
    shutil.move(copy / READER_SCORER, real)
    os.symlink(real, copy / READER_SCORER)  # same bytes, but it could change under the folder
    with pytest.raises(ModelIntegrityError, match="symbolic link"):
        load_models(copy)


def _prediction(read: str, call: str, stated: str | None, p: float) -> dict:
    agrees = None if stated is None else read == stated
    return {"decision_read": read, "reasoning_call": call, "p_overturned_reasoning": p,
            "agrees_with_stated": agrees,
            "reasoning_agrees_with_stated": None if stated is None else call == stated}  # fmt: skip


@pytest.mark.parametrize(
    ("read", "call", "stated", "p", "reason"),
    [
        ("Upheld", "Overturned", "Upheld", 0.31, "reasoning model calls Overturned"),
        ("Overturned", "Upheld", "Overturned", 0.08, "reasoning model calls Upheld"),
        ("Overturned", "Overturned", "Upheld", 0.9, "decision reader reads Overturned"),
        ("Upheld", "Upheld", "Overturned", 0.05, "decision reader reads Upheld"),
        ("Upheld", "Overturned", None, 0.4, "reasoning model calls Overturned"),
        ("Overturned", "Upheld", None, 0.1, "decision reader reads Overturned"),
    ],
)
def test_flags_are_raised_in_both_directions(read, call, stated, p, reason):
    item = {"case_number": "X", "issue_index": 0, "disputed_item": "PT", "decision": stated}
    flagged = flag_disagreements([item], [_prediction(read, call, stated, p)])
    assert len(flagged) == 1 and any(reason in r for r in flagged[0]["reasons"])
    same = read if stated is not None else None  # everything agrees: nothing to re-read
    agreeing = _prediction(read, read, same, p)
    assert flag_disagreements([{**item, "decision": same}], [agreeing]) == []


def test_reasoning_call_uses_the_trained_threshold(synthetic_models):
    items, letters, models_dir = synthetic_models
    models = load_models(models_dir)
    predictions = predict_items(models, _records(items), _records(letters))
    threshold = json.loads((models_dir / "metadata.json").read_text())["thresholds"]["reasoning"]
    assert models.reasoning_threshold == threshold
    for prediction in predictions:
        above = prediction["p_overturned_reasoning"] >= threshold
        assert prediction["reasoning_call"] == ("Overturned" if above else "Upheld")
