"""The category backoff: fitted on the lexicon in numpy, and right on unseen names (its
speed is the tagging bench's: `python -m benchmarks tag`)."""

from __future__ import annotations

import pytest

from pipeline.rules.files import load_rules
from pipeline.tagging.backoff import CategoryBackoff, grouped_evaluation, lexicon_examples


def test_builds_from_the_lexicon():
    rows = load_rules("treatments.jsonl")
    model = CategoryBackoff(lexicon_examples(rows))
    assert model.predict(rows[0]["name"])[0] == rows[0]["category"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Zyloprax", "pharmaceutical"),  # made-up drug name: n-grams of drug names
        ("Zorbectomy", "surgery"),
        ("Stellate ganglion block", "injection"),
        ("Walker with wheels", "dme"),
    ],
)
def test_unseen_requests(text, category):
    model = CategoryBackoff(lexicon_examples(load_rules("treatments.jsonl")))
    predicted, probability = model.predict(text)
    assert predicted == category and probability > 0.5


def test_nothing_known_gives_no_category():
    model = CategoryBackoff([("physical therapy", "physical_medicine"), ("mri", "imaging")])
    assert model.predict("Qqqq") == (None, 0.0)
    assert model.predict_proba("Qqqq") == {}


def test_probabilities_sum_to_one():
    model = CategoryBackoff(lexicon_examples(load_rules("treatments.jsonl")))
    assert sum(model.predict_proba("Lumbar brace").values()) == pytest.approx(1.0)


def test_grouped_evaluation_removes_rows_only_held_out_letters_needed():
    rows = [
        {"pattern": "aspirin", "name": "aspirin", "category": "pharmaceutical"},
        {"pattern": "ibuprofen", "name": "ibuprofen", "category": "pharmaceutical"},
        {"pattern": "knee brace", "name": "brace", "category": "dme"},
    ]
    texts = ["aspirin", "ibuprofen", "knee brace"]
    result = grouped_evaluation(
        texts, ["pharmaceutical", "pharmaceutical", "dme"], ["A", "B", "C"], rows,
        [{0}, {1}, {2}], n_folds=3,
    )  # fmt: skip
    assert result["items"] == 3
    assert sum(result["rows_removed_per_fold"]) == 3  # each row needed by one letter only
