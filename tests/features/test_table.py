"""The feature table tolerates missing tags and never reads the decision."""

from __future__ import annotations

import pandas as pd

from pipeline.features.table import FEATURE_COLUMNS, build_features, cue_features
from tests.modeling.synthetic import make_tables


def test_untagged_ingest_columns_are_enough():
    items = pd.DataFrame(
        {
            "case_number": ["A", "A"],
            "disputed_item": ["Physical therapy 2 times a week for 6 weeks", "Naproxen #60"],
            "rationale": [
                "There is no documentation. The request is not medically necessary.",
                None,
            ],
        }
    )
    table = build_features(items)
    assert list(table.columns[: len(FEATURE_COLUMNS)]) == FEATURE_COLUMNS
    assert table["category"].tolist() == ["unknown", "unknown"]
    assert table["reasoning_text"].tolist() == ["There is no documentation.", ""]
    assert table["reasoning_empty"].tolist() == [0.0, 1.0]


def test_tags_become_numbers():
    items = pd.DataFrame(
        {
            "case_number": ["A"],
            "disputed_item": ["PT x12"],
            "rationale": ["Guidelines allow up to 10 visits."],
            "frequency": [{"per_week": [2, 2], "weeks": [6, 6], "sessions": [12, 12]}],
            "guideline_limits": [[{"per_week": None, "weeks": None, "sessions": [9, 10]}]],
            "quantity": [float("nan")],
            "maximus_guideline": [{"cited": False, "mtus": [], "non_mtus": []}],
        }
    )
    row = build_features(
        items, pd.DataFrame({"case_number": ["A"], "prior_treatments": [["a", "b"]]})
    )
    row = row.iloc[0]
    assert (row.requested_sessions, row.guideline_limit_sessions, row.exceeds_limit) == (12, 10, 1)
    assert row.has_quantity == 0 and row.not_cited == 1 and row.n_prior_treatments == 2
    assert "no_citation" in row.guideline_tokens


def test_decision_column_does_not_change_features():
    items, letters = make_tables(5)
    flipped = items.assign(
        decision=items["decision"].map({"Upheld": "Overturned", "Overturned": "Upheld"})
    )
    pd.testing.assert_frame_equal(build_features(items, letters), build_features(flipped, letters))


def test_cue_features_count_sentences():
    cues = cue_features("There is no documentation.\nThe MRI showed a tear.")
    assert cues["n_reasoning_sentences"] == 2
    assert cues["cue_deficit_frac"] == 0.5 and cues["cue_finding_frac"] == 0.5
