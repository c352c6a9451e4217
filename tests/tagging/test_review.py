"""review_tags: each reason code on made-up requests, and none on plainly tagged ones."""

from __future__ import annotations

import logging

import pytest

from pipeline.tagging import ITEM_TAGS, tag_records

GOOD_LINE = "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids."


RULED = "Guidelines support this. Therefore, the request is medically necessary."


def tags_of(nlp, disputed_item, claims=GOOD_LINE, maximus=GOOD_LINE, rationale=RULED):
    item = {
        "case_number": "FAKE-1", "issue_index": 0, "disputed_item": disputed_item,
        "rationale": rationale, "claims_admin_guideline_text": claims,
        "maximus_guideline_text": maximus,
    }  # fmt: skip
    letter = {"case_number": "FAKE-1", "clinical_case_summary": "Made up."}
    return tag_records([item], [letter], nlp)[0][0]


def test_review_keys_are_item_tags():
    assert {"review_tags", "category_source", "category_probability"} <= set(ITEM_TAGS)


@pytest.mark.parametrize(
    "item",
    [
        "Physical therapy 2 times a week for 6 weeks",
        "Tramadol 50mg #60 with 2 refills, 1 tablet by mouth every 6 hours",
        "MRI of the lumbar spine without contrast, DOS 1/2/2017",
        "Two-level lumbar fusion L4-5 and L5-S1",
        "12-lead EKG",
        "Cold therapy unit, 14 day rental",
    ],
)
def test_confident_items_have_no_reason(nlp, item):
    tags = tags_of(nlp, item)
    assert tags["review_tags"] == [], tags["review_tags"]
    assert tags["category_source"] == "lexicon" and tags["category_probability"] is None


def test_a_rationale_without_a_ruling_sentence_is_flagged_and_the_reader_abstains(nlp):
    tags = tags_of(nlp, "Cold therapy unit", rationale="Guidelines support this.")
    assert tags["review_tags"] == ["no_ruling_sentence"]
    assert tags["ruling"]["decision"] is None
    ruled = tags_of(nlp, "Cold therapy unit")["ruling"]
    assert ruled["decision"] == "Overturned"
    assert ruled["sentence"] == "Therefore, the request is medically necessary."
    assert RULED[ruled["start_char"] : ruled["end_char"]] == ruled["sentence"]
    both = "The request is medically necessary; the request is not medically necessary."
    assert tags_of(nlp, "Cold therapy unit", rationale=both)["review_tags"] == ["ruling_ambiguous"]


def test_no_lexicon_match_with_a_dose_is_a_drug_fallback(nlp):
    tags = tags_of(nlp, "Zyloprax 15mg #30")
    assert tags["category"] == "pharmaceutical" and tags["category_source"] == "fallback"
    assert tags["review_tags"] == ["no_lexicon_match"]


def test_backoff_decides_unknown_requests(nlp):
    tags = tags_of(nlp, "Zorbectomy of the knee")  # made up: "-ectomy" says surgery
    assert tags["category"] == "surgery" and tags["category_source"] == "backoff"
    assert 0.5 < tags["category_probability"] <= 1.0
    assert tags["review_tags"] == ["no_lexicon_match", "category_from_backoff"]


def test_coordinated_mentions_of_different_categories_are_ambiguous(nlp):
    assert "category_ambiguous" in tags_of(nlp, "MRI and physical therapy")["review_tags"]
    # subordinated by "with": the head rule is clear-cut
    assert tags_of(nlp, "Acupuncture with a TENS unit")["review_tags"] == []


def test_weak_mention_alone_is_flagged(nlp):
    assert "category_weak_mention" in tags_of(nlp, "Repair")["review_tags"]


def test_unparsed_or_missing_citation(nlp):
    tags = tags_of(nlp, "Physical therapy 6 visits", claims="Decision based on ODG Knee.")
    assert tags["review_tags"] == ["citation_text_unparsed"]
    assert tags_of(nlp, "Physical therapy 6 visits", maximus="")["review_tags"] == [
        "citation_missing"
    ]


@pytest.mark.parametrize(
    "item",
    [
        "Chiropractic 8",  # a bare count the frequency rules do not read
        "Physical therapy, 2 for the knee",
        "Massage therapy left shoulder 6, right knee 4",
        "Compression stockings, 3 pair",
    ],
)
def test_number_nothing_accounts_for(nlp, item):
    assert "number_unexplained" in tags_of(nlp, item)["review_tags"]


def test_count_dropped_by_the_category_is_unexplained(nlp):
    # a frequency on a drug is not read (dosing is never a frequency): the "6 visits" is left
    assert "number_unexplained" in tags_of(nlp, "Naproxen 500mg for 6 visits")["review_tags"]


def test_tagger_error_is_recorded_and_logged(nlp, monkeypatch, caplog):
    from pipeline.core.data_errors import LetterDataError
    from pipeline.tagging.frequency import FrequencyRules

    def boom(self, text):  # a data error; a bug (RuntimeError, KeyError) would propagate
        raise LetterDataError("rule exploded")

    monkeypatch.setattr(FrequencyRules, "hits", boom)
    with caplog.at_level(logging.WARNING):
        tags = tags_of(nlp, "Physical therapy 2 times a week for 6 weeks")
    assert "tagger_error" in tags["review_tags"]
    assert tags["frequency"] is None
    assert "rule exploded" in caplog.text


def test_a_section_the_form_does_not_print_is_null_and_not_flagged(nlp):
    # the review attachment prints no claims administrator's guideline: the ingest gives None
    tags = tags_of(nlp, "Physical therapy 2 times a week for 6 weeks", claims=None)
    assert tags["claims_admin_guideline"] is None
    assert tags["review_tags"] == []
    # the section is printed but empty: still read as missing, and flagged
    empty = tags_of(nlp, "Physical therapy 2 times a week for 6 weeks", claims="")
    assert empty["review_tags"] == ["citation_missing"]
