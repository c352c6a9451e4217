"""Evidence reads as what the item's value says: a 0/1 feature at 0 is never named as present
(`reasoning_empty` on a rationale that is not empty), categories and counts read as words."""

from __future__ import annotations

import pytest

from pipeline.core.display_names import (
    BINARY_FEATURES,
    CATEGORY_LABELS,
    MEASURED_FEATURES,
    category_label,
    feature_label,
)
from pipeline.features.table import NUMERIC_COLUMNS
from pipeline.modeling.predict import evidence, load_models, predict_items
from pipeline.tagging.item_category import CATEGORIES


def test_every_numeric_column_and_category_has_a_label():
    assert set(NUMERIC_COLUMNS) == set(BINARY_FEATURES) | set(MEASURED_FEATURES)
    assert set(CATEGORIES) <= set(CATEGORY_LABELS)


@pytest.mark.parametrize("column", sorted(BINARY_FEATURES))
def test_a_zero_valued_flag_reads_as_its_absence(column):
    when_one, when_zero = BINARY_FEATURES[column]
    for block in ("cues", "structure"):
        zero = feature_label(f"{block}__{column}", 0.0, mean=0.3)
        assert zero == when_zero != when_one
        assert column not in zero
        assert feature_label(f"{block}__{column}", 1.0, mean=0.3) == when_one


def test_reasoning_empty_at_zero_is_reasoning_present():
    rows = [{"reasoning_empty": 0.0, "cue_deficit_frac": 0.0, "category": "dme"}]
    # the scaler centres the column: 0 below a mean of 0.1 still moves the score
    contributions = [
        {"cues__reasoning_empty": 0.42, "cues__cue_deficit_frac": -0.9,
         "category__category_dme": -1.2, "reasoning__mtus acoem": 0.06}
    ]  # fmt: skip
    means = {"cues__reasoning_empty": 0.1, "cues__cue_deficit_frac": 0.36}
    entries = {e["name"]: e for e in evidence(rows, contributions, means=means)[0]}
    assert entries["cues__reasoning_empty"]["feature"] == "reasoning present"
    assert entries["cues__reasoning_empty"]["value"] == 0.0
    assert (
        entries["cues__cue_deficit_frac"]["feature"]
        == "share of deficit sentences 0% vs 36% average"
    )
    assert entries["category__category_dme"]["feature"] == "category: DME"
    assert entries["reasoning__mtus acoem"]["feature"] == 'rationale says "mtus acoem"'
    assert not any("reasoning_empty" in e["feature"] or "category_" in e["feature"]
                   for e in entries.values())  # fmt: skip


def test_counts_read_with_their_value_and_the_average():
    assert feature_label("cues__cue_deficit_n", 0.0, 2.1) == "deficit sentences 0 vs 2.1 average"
    assert feature_label("cues__log_reasoning_words", 0.0) == "rationale words 0"
    assert category_label("physical_medicine") == "physical medicine"
    assert category_label("something_new") == "something new"
    assert feature_label("guideline__ca_mtus_low_back") == (
        "guideline: Claims Administrator's MTUS low back"
    )


def _check(predictions) -> int:
    """Every listed 0/1 feature reads as its value's state; no cue or category label shows its
    column name. Returns how many 0/1 features at 0 were listed."""
    zeros = 0
    for prediction in predictions:
        for entry in prediction["evidence"]:
            block, _, column = entry["name"].partition("__")
            if block in ("cues", "structure", "category"):
                assert column not in entry["feature"] and "_" not in entry["feature"]
            if column in BINARY_FEATURES:
                when_one, when_zero = BINARY_FEATURES[column]
                assert entry["feature"] == (when_one if entry["value"] >= 0.5 else when_zero)
                zeros += entry["value"] < 0.5
            elif column in MEASURED_FEATURES:
                assert entry["feature"].startswith(MEASURED_FEATURES[column][0])
                assert entry["feature"].endswith(" average")
    return zeros


def test_predicted_evidence_reads_as_words(synthetic_models):
    items, letters, models_dir = synthetic_models
    records = items.to_dict(orient="records")
    _check(predict_items(load_models(models_dir), records, letters.to_dict("records")))


@pytest.mark.corpus
def test_corpus_evidence_never_names_a_zero_valued_flag_as_present(tagged_corpus, tmp_path):
    """On the real letters the reasoning model lists `reasoning_empty` for items whose rationale
    is not empty (the scaler centres it): they read "reasoning present"."""
    from pipeline.modeling.train import train_models

    train_models(tagged_corpus.items, tagged_corpus.letters, tmp_path, select=False)
    records = tagged_corpus.items.to_dict(orient="records")
    predictions = predict_items(
        load_models(tmp_path), records, tagged_corpus.letters.to_dict("records")
    )
    assert _check(predictions) > 0
    features = [e["feature"] for p in predictions for e in p["evidence"]]
    assert "reasoning present" in features


def test_describe_shows_the_category_label():
    from pipeline.cli.describe import describe

    prediction = {
        "decision_read": "Upheld",
        "agrees_with_stated": None,
        "p_overturned_reasoning": 0.1,
        "evidence": [{"feature": "reasoning present", "weight": 0.42}],
    }
    record = {"case_number": "X", "issue_index": 0, "disputed_item": "Cane", "category": "dme"}
    record["prediction"] = prediction
    text = describe(record)
    assert "category: DME" in text and "reasoning present (+0.42)" in text
    assert "category_dme" not in text and "reasoning_empty" not in text
