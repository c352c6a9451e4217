"""The ruling_reader component: API, sentences, saved rules, schema (made-up text only)."""

from __future__ import annotations

import json

import pytest
import spacy

from pipeline.rules.files import RuleFileError, load_rules
from pipeline.tagging.ruling import (
    RULES_FILE,
    Ruling,
    build_reader,
    prepare,
    read_ruling,
    ruling_from_record,
    ruling_review,
)

TEXT = "The patient has knee pain. Therefore, the request is not medically necessary."


def test_component_sets_the_ruling_on_the_doc_in_the_tagging_pipeline(nlp):
    names = nlp.pipe_names  # the ruling reader right after the masker (the reason cues follow)
    assert names[names.index("verdict_masker") + 1] == "ruling_reader"
    with nlp.select_pipes(enable=["imr_treatments"]):
        item = nlp("Knee brace")
    doc = nlp(prepare(nlp, TEXT, "Knee brace", item))
    assert doc._.ruling_item_treatments == ["dme|brace"]
    ruling = doc._.ruling
    assert ruling["decision"] == "Upheld" and ruling["form"] == "necessity"
    assert TEXT[ruling["start_char"] : ruling["end_char"]] == ruling["sentence"]


def test_a_doc_without_sentence_boundaries_is_read():
    """The component splits sentences itself when nothing before it did (no E865, no crash)."""
    reader = build_reader().get_pipe("ruling_reader")
    doc = spacy.blank("en")(TEXT)
    assert not doc.has_annotation("SENT_START")
    assert reader(doc)._.ruling["decision"] == "Upheld"
    assert reader(spacy.blank("en")(""))._.ruling["review"] == "no_ruling_sentence"


def test_a_sentence_broken_by_a_page_break_is_read_whole():
    text = "The patient has pain. The request is medically\n\nnecessary for this patient."
    ruling = read_ruling(text, "Knee brace")
    assert ruling.decision == "Overturned"
    assert ruling.sentence == "The request is medically\n\nnecessary for this patient."


def test_the_ruling_is_the_last_sentence_that_rules():
    text = "The prior request was medically necessary. The request is not medically necessary."
    assert read_ruling(text, "Knee brace").sentence == "The request is not medically necessary."
    # a later sentence about something else does not take over
    later = "The request is not medically necessary. Surgery would be appropriate."
    assert read_ruling(later, "Knee brace").decision == "Upheld"


def test_review_codes_of_an_abstention():
    assert ruling_review(Ruling(decision="Upheld").model_dump()) == []
    assert ruling_review(Ruling(review="no_ruling_sentence").model_dump()) == ["no_ruling_sentence"]
    assert ruling_review(Ruling(review="ruling_ambiguous").model_dump()) == ["ruling_ambiguous"]
    assert ruling_review(None) == ["no_ruling_sentence"]  # never read: flagged, no default


def test_the_reader_returns_the_records_ruling_type():
    """One type: what the reader returns is what an item record holds (`record.Ruling`)."""
    from pipeline import record

    assert Ruling is record.Ruling
    ruling = read_ruling(TEXT, "Knee brace")
    item = record.Item(case_number="FAKE-1", issue_index=0, ruling=ruling.model_dump())
    assert item.ruling == ruling


def test_an_abstention_is_a_fresh_copy():
    first = read_ruling("The patient has knee pain.", "Knee brace")
    assert first.decision is None and first.review == "no_ruling_sentence"
    first.review = "changed by a caller"
    assert read_ruling("", "Knee brace").review == "no_ruling_sentence"


def test_a_tagged_ruling_is_used_and_an_untagged_record_is_read_now():
    ruling = Ruling(decision="Overturned", sentence="X.", start_char=0, end_char=2, form="nec")
    tagged = {"ruling": ruling.model_dump()}
    assert ruling_from_record(tagged).decision == "Overturned"
    untagged = {"rationale": TEXT, "disputed_item": "Knee brace"}
    assert ruling_from_record(untagged).decision == "Upheld"


def test_saved_pipeline_reads_with_its_own_copy_of_the_rules(nlp, tmp_path):
    from pipeline.tagging import load_nlp, save_nlp

    save_nlp(tmp_path / "nlp", nlp)
    assert (tmp_path / "nlp" / "ruling_reader" / RULES_FILE).is_file()
    loaded = load_nlp(tmp_path / "nlp")
    doc = loaded(prepare(loaded, TEXT, "Knee brace", None))
    assert doc._.ruling["decision"] == "Upheld"


def test_the_rules_file_is_validated(tmp_path):
    data = load_rules(RULES_FILE)
    data["predicates"][0]["kind"] = "guess"
    bad = tmp_path / RULES_FILE
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match="kind"):
        load_rules(str(bad), kind=RULES_FILE)
    data["predicates"][0].update(kind="state", sign=2)
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match="sign"):
        load_rules(str(bad), kind=RULES_FILE)


@pytest.mark.parametrize(
    ("item", "text", "decision"),
    [
        ("Cervical MRI", "The request for cervical MRI is medically necessary. The lumbar MRI "
         "request is not medically necessary.", "Overturned"),
        ("MRI of the right knee", "The requested knee MRI is not medically necessary. The hip "
         "MRI is medically necessary.", "Upheld"),
        ("Lumbar epidural steroid injection", "The requested lumbar epidural injection is not "
         "medically necessary.", "Upheld"),
    ],
)  # fmt: skip
def test_a_subject_naming_another_body_region_is_another_item(item, text, decision):
    assert read_ruling(text, item).decision == decision
