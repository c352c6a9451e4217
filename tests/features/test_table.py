"""The feature table tolerates missing tags and never reads the decision."""

from __future__ import annotations

import pandas as pd

from pipeline.features.table import FEATURE_COLUMNS, build_features, cue_features
from pipeline.record.views import table_row
from pipeline.tagging.records import item_record
from tests.modeling.synthetic import make_tables


def test_untagged_ingest_columns_are_enough():
    items = pd.DataFrame(
        {
            "case_number": ["A", "A"],
            "issue_index": [0, 1],
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
    tagged = {
        "case_number": "A",
        "issue_index": 0,
        "disputed_item": "PT x12",
        "rationale": "Guidelines allow up to 10 visits.",
        "frequency": {"per_week": [2, 2], "weeks": [6, 6], "sessions": [12, 12]},
        "guideline_limits": [{"per_week": None, "weeks": None, "sessions": [9, 10]}],
        "quantity": float("nan"),
        "maximus_guideline": {"cited": False, "mtus": [], "non_mtus": []},
    }
    # a row of the tagged table: the record the tag stage builds (its visit-cap verdict too)
    items = pd.DataFrame([table_row(item_record(tagged))])
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


def test_the_visit_cap_is_read_off_the_record_not_recomputed():
    tagged = {
        "case_number": "A",
        "issue_index": 0,
        "disputed_item": "PT 8-12 visits",
        "frequency": {"per_week": None, "weeks": None, "sessions": [8, 12]},
        "guideline_limits": [{"per_week": None, "weeks": None, "sessions": [10, 10]}],
    }
    row = table_row(item_record(tagged))
    assert row["visit_cap"]["exceeds"] is None  # 8-12 straddles the cap of 10
    features = build_features(pd.DataFrame([row])).iloc[0]
    assert (features.exceeds_limit, features.within_limit) == (0.0, 0.0)
    assert features.sessions_over_limit == 2.0  # the verdict's arithmetic: 12 - 10
    # without the tag stage's verdict on the row, the raw limits alone give no cap features
    bare = {k: v for k, v in row.items() if k not in ("visit_cap", "guideline_limit")}
    assert build_features(pd.DataFrame([bare])).iloc[0].has_guideline_limit == 0.0


def test_guideline_tokens_name_the_vocabularys_chapters():
    """The Non-MTUS chapters come from the citation tagger's vocabulary (one answer for the
    chapter), one token per chapter; a reference without a parsed source is `unspecified`."""
    from pipeline.features.table import _chapters
    from pipeline.record.model import Citation, MtusCitation, NonMtusSource

    odg = "Official Disability Guidelines (ODG) Low Back and Knee Chapters"
    other = "Some Journal Article 2015"
    citation = Citation(
        text="made-up",
        mtus=[
            MtusCitation(
                chapter="Chronic Pain Medical Treatment Guidelnes", canonical="Chronic Pain"
            )
        ],
        non_mtus=[odg, other],
        non_mtus_sources=[
            NonMtusSource(text=odg, source="ODG", chapters=["Low Back", "Knee & Leg"]),
            NonMtusSource(text=other),
        ],
    )
    assert _chapters(citation) == ["mtus_chronic_pain", "odg_low_back", "odg_knee_leg",
                                   "other_unspecified"]  # fmt: skip
    # a table tagged before the references carried their sources
    assert _chapters(Citation(text="made-up", non_mtus=[odg])) == ["odg_unspecified"]
