"""build_nlp / save_nlp / load_nlp / tag_items: assembly, round trip, output shapes."""

from __future__ import annotations

import json

import pandas as pd
import spacy

from pipeline.tagging import COMPONENTS, load_nlp, save_nlp, tag_items


def test_pipeline_has_every_component(nlp):
    assert nlp.pipe_names == list(COMPONENTS)


def test_saved_pipeline_round_trip(tmp_path):
    """In this process (the fresh-process load is in test_saved_pipeline.py)."""
    loaded = load_nlp(save_nlp(tmp_path / "imr_tagger"))
    assert loaded.pipe_names == list(COMPONENTS)
    doc = loaded("Flexeril 10mg #30")
    assert (doc._.item_category, doc._.quantity) == ("pharmaceutical", 30)


def test_factories_are_registered_on_import():
    for name in COMPONENTS:
        assert spacy.Language.has_factory(name), name


ITEMS = pd.DataFrame(
    {
        "case_number": ["FAKE-1", "FAKE-1", "FAKE-2"],
        "issue_index": [0, 1, 0],
        "request_text": ["Aquatic therapy 2 times a week for 5 weeks", "Celebrex 200mg #30", "x"],
        "disputed_item": [
            "Aquatic therapy 2 times a week for 5 weeks",
            "Celebrex 200mg #30",
            "Lumbar MRI",
        ],
        "decision": ["Upheld", "Overturned", "Upheld"],
        "claims_admin_guideline_text": [
            "Decision based on MTUS Low Back Complaints 2004.",
            "The Claims Administrator did not cite any medical evidence for its decision.",
            None,
        ],
        "maximus_guideline_text": [
            "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Aquatic "
            "therapy.",
            "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs.",
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.",
        ],
        "rationale": [
            "Guidelines allow up to 10 visits over 8 weeks of aquatic therapy.",
            "Celecoxib is recommended for short periods.",
            "",
        ],
    }
)
LETTERS = pd.DataFrame(
    {
        "case_number": ["FAKE-1", "FAKE-2"],
        "clinical_case_summary": [
            "Treatment to date has included Motrin and acupuncture. The worker wants surgery.",
            "The worker was seen for back pain after an MRI.",
        ],
    }
)


def test_tag_items_adds_every_column_in_gold_shape(nlp):
    items, letters = tag_items(ITEMS, LETTERS, nlp=nlp)
    assert list(items["category"]) == ["physical_medicine", "pharmaceutical", "imaging"]
    assert items["frequency"][0] == {"per_week": [2, 2], "weeks": [5, 5], "sessions": [10, 10]}
    assert items["frequency"][1] is None
    assert list(items["quantity"].astype(object)) == [None, 30, None]
    assert items["claims_admin_guideline"][1]["cited"] is False
    # no claims administrator's line at all: null, the answer key's convention
    assert items["claims_admin_guideline"][2] is None
    assert items["maximus_guideline"][0]["mtus"][0]["sections"] == "Aquatic therapy"
    assert items["guideline_limits"][0] == [
        {
            "per_week": None,
            "weeks": [8, 8],
            "sessions": [10, 10],
            "condition": None,
            "body_parts": [],
            "phase": None,
        }
    ]
    assert items["rationale_treatments"][0] == ["aquatic therapy"]
    assert letters["prior_treatments"][0] == ["ibuprofen", "acupuncture"]
    assert letters["prior_treatments"][1] == ["mri"]  # no history cue: every mention
    assert "category" not in ITEMS.columns  # inputs are not modified
    added = [
        "category",
        "frequency",
        "quantity",
        "claims_admin_guideline",
        "maximus_guideline",
        "guideline_limits",
        "rationale_treatments",
    ]
    json.dumps(items[added].to_dict(orient="records"))  # plain Python values only
    json.dumps(letters["prior_treatments"].tolist())


def test_tag_items_on_empty_frames(nlp):
    items, letters = tag_items(ITEMS.iloc[0:0], LETTERS.iloc[0:0], nlp=nlp)
    assert len(items) == 0 and "category" in items.columns
    assert len(letters) == 0 and "prior_treatments" in letters.columns


def test_prepare_for_workers_builds_what_taggers_build_on_first_use():
    """The engine calls it before forking workers: the category backoff and the number review
    are built once there, not again in every worker on its first letters."""
    from pipeline.tagging import build_nlp, prepare_for_workers
    from pipeline.tagging.review import default_number_review

    nlp = build_nlp()
    category = nlp.get_pipe("imr_item_category").rules
    default_number_review.cache_clear()
    assert category._backoff is None
    prepare_for_workers(nlp)
    assert category._backoff is not None
    assert default_number_review.cache_info().currsize == 1


def test_rules_compile_lazily_and_all_at_once_before_forking():
    """A rule's regex compiles on first use, and a rule whose trigger words are absent from a
    text is never used on it; `compile_rules` compiles every live rule (what the engine does
    before forking workers)."""
    from pipeline.tagging._spanrules import compile_rules
    from pipeline.tagging.quantity import QuantityRules

    rules = QuantityRules()  # fresh Rule objects
    compiled = lambda: {rule.name for rule in rules.rules if "regex" in vars(rule)}  # noqa: E731
    assert compiled() == set()
    assert rules.parse("Lumbar MRI") is None  # no "#", "qty", "x", unit word...
    untriggered = {rule.name for rule in rules.rules if not rule.triggers}
    assert untriggered and compiled() == untriggered
    assert rules.parse("Norco 10mg #60") == 60
    assert "hash" in compiled() and "qty" not in compiled()
    assert compile_rules() >= len(rules.rules)
    assert compiled() == {rule.name for rule in rules.rules}
