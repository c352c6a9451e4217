"""Drug classes, guideline bases, tidy rows, span highlighting and the record's spans as
marks, on made-up values."""

from __future__ import annotations

import re

import pytest

from pipeline.record import Citation, Prediction, Span
from pipeline.reporting.corpus.drugs import drug_class
from pipeline.reporting.corpus.html import highlight
from pipeline.reporting.corpus.rows import (
    COLUMN_NAMES,
    citation_parts,
    item_row,
    page_name,
    primary_specialty,
)
from pipeline.reporting.corpus.spans import Mark, marks
from pipeline.tagging.records import item_record


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hydrocodone/APAP 10/325mg #90", ("opioids", False)),
        ("Nucynta ER 100mg #60", ("opioids", False)),
        ("Celebrex 200mg #30", ("NSAIDs", False)),
        ("Voltaren 1% gel 100 grams", ("NSAIDs", True)),
        ("Tizanidine 4mg #60", ("muscle relaxants", False)),
        ("Compound cream: ketoprofen 10%", ("topical compounds", True)),
        ("Gabapentin 6%/Lidocaine 2% 180gm", ("topical compounds", True)),
        ("Esomeprazole 40mg #30", ("PPIs", False)),
        ("Zolpidem 10mg #30", ("sleep aids", False)),
        ("Duloxetine 30mg #30", ("antidepressants", False)),
        ("Lyrica 75mg #60", ("anticonvulsants", False)),
        ("Lidocaine 5% patches #30", ("topical analgesics", True)),
        ("Made-up-a-zole 5mg #10", ("other or unclassified", False)),
        ("", ("other or unclassified", False)),
    ],
)
def test_drug_class(text, expected) -> None:
    assert drug_class(text) == expected


def test_non_mtus_sources_group_by_canonical_source_and_chapter() -> None:
    from pipeline.record import Citation
    from pipeline.record.facts import non_mtus_sources
    from pipeline.tagging import parse_citation

    citation = parse_citation(
        "Decision based on Non-MTUS Citation ODG Lwo Back Chapter, MRI. Decision based on "
        "Non-MTUS Citation Official Disability Guidelines (ODG), Low Back - Lumbar & Thoracic. "
        "Decision based on Non-MTUS Citation Made-up drug, UpToDate. Decision based on Non-MTUS "
        "Citation Doe J. A made-up article."
    )
    odg_low_back = "Official Disability Guidelines (ODG): Low Back"
    assert non_mtus_sources(Citation.model_validate(citation)) == [
        odg_low_back,
        "UpToDate",
        "unlisted source",
    ]
    assert non_mtus_sources(None) == [] and non_mtus_sources(Citation(text="x")) == []


def _parts(citation: dict | None) -> tuple:
    return citation_parts(None if citation is None else Citation.model_validate(citation))


def test_citation_parts() -> None:
    mtus = {"chapter": "Chronic Pain Medical Treatment", "year": 2016,
            "canonical": "Chronic Pain Medical Treatment"}  # fmt: skip
    odg = "Official Disability Guidelines (ODG), Low Back Chapter"
    assert _parts({"text": "x", "mtus": [mtus], "non_mtus": []})[:2] == (
        "MTUS", ["Chronic Pain Medical Treatment"])  # fmt: skip
    # spelling variants and editions group under the canonical name; an unknown chapter keeps
    # its printed name
    variants = [
        {"chapter": "Chronic Pain Treatment", "year": None,
         "canonical": "Chronic Pain Medical Treatment"},
        {"chapter": "Chronic Pian Medical Treatment", "year": 2009,
         "canonical": "Chronic Pain Medical Treatment"},
        {"chapter": "Made-up Complaints", "year": 2004, "canonical": None},
    ]  # fmt: skip
    assert _parts({"text": "x", "mtus": variants})[1] == [
        "Chronic Pain Medical Treatment", "Made-up Complaints"]  # fmt: skip
    assert _parts({"text": "x", "mtus": [mtus], "non_mtus": [odg]})[0] == "MTUS + ODG"
    assert _parts({"text": "x", "non_mtus": ["UpToDate, made-up entry"]})[0] == ("other non-MTUS")
    assert _parts({"text": "did not cite", "cited": False})[0] == "none cited"
    assert _parts({"text": ""})[0] == "none cited"
    assert _parts(None)[0] == "none cited"
    # text the citation tagger could not read is not mistaken for "none cited"
    assert _parts({"text": "Something unreadable"})[0] == "citation not read"


def test_item_row() -> None:
    record = {
        "case_number": "FAKE-1", "issue_index": 0, "decision": "Overturned",
        "request_text": "X was the original request. Physical therapy 2 times a week for 6 weeks",
        "disputed_item": "Physical therapy 2 times a week for 6 weeks",
        "category": "physical_medicine",
        "frequency": {"per_week": [2, 2], "weeks": [6, 6], "sessions": [12, 12]},
        "guideline_limits": [{"per_week": None, "weeks": None, "sessions": [9, 10]}],
        "maximus_guideline": {"text": "no evidence", "cited": False},
        "claims_admin_guideline": {"text": "no evidence", "cited": False},
        "review": ["number_unexplained"],
    }  # fmt: skip
    prediction = {
        "p_overturned_reasoning": 0.3,
        "p_overturned_reader": 0.9,
        "decision_read": "Overturned",
        "agrees_with_stated": True,
        "evidence": [],
    }
    letter = {"specialty": "Preventive Medicine, Occupational Medicine",
              "date_assigned": "2017-01-02", "ur_denial_date": "2016-12-20",
              "decision_date": "2017-02-01", "ocr_pages": [1, 2]}  # fmt: skip
    # the record as the tag stage builds it (its visit-cap verdict computed there, once)
    item = item_record(record)
    item.prediction = Prediction.model_validate(prediction)  # what predict adds
    row = item_row(item, letter, reasoning_threshold=0.25, flags=["why"])
    assert list(row) == COLUMN_NAMES
    assert row["overturned"] is True and row["partial_certification"] is True
    assert row["exceeds_guideline_limit"] is True and row["visit_cap_group"] == "over the cap"
    assert row["guideline_limit_sessions"] == 10 and row["requested_sessions_max"] == 12
    assert row["basis_agrees"] is True and row["maximus_basis"] == "none cited"
    assert row["specialty_primary"] == "Preventive Medicine" and row["ocr_pages"] == 2
    assert row["days_assigned_to_decision"] == 30 and row["days_ur_denial_to_decision"] == 43
    assert row["decision_month"] == "2017-02"
    assert row["reasoning_call"] == "Overturned" and row["reasoning_agrees"] is True
    assert row["page"] == "letters/FAKE-1.html#item-0" and row["model_flags"] == "why"
    bare = item_row(item_record({"case_number": "FAKE-2", "issue_index": 0}), None)
    assert bare["overturned"] is None and bare["visit_cap_group"] is None


def test_names() -> None:
    assert page_name("CM16-0213037") == "CM16-0213037.html"
    assert page_name("../etc/passwd") == "_etc_passwd.html"
    assert page_name(None) == "letter.html"
    assert primary_specialty(" Family Practice, Sports Medicine") == "Family Practice"
    assert primary_specialty(None) is None


def _marks(html: str) -> list[str]:
    return re.findall(r'class="lab k-(\w+)"', html)


def test_highlight() -> None:
    text = "Physical therapy 2 times a week <b>"
    marks = [Mark(0, 16, "treatment", "TREATMENT", 'a "title"'),
             Mark(17, 31, "frequency", "FREQUENCY"), Mark(9, 31, "verdict", "VERDICT")]  # fmt: skip
    html = highlight(text, marks)
    assert _marks(html) == ["treatment", "verdict", "frequency"]  # one label per span
    assert "&lt;b&gt;" in html and "<b>" not in html  # the text is escaped
    assert "&quot;title&quot;" in html
    shown = re.sub(r'<span class="lab[^>]*>[A-Z]+</span>', "", html)  # the bars' labels
    assert re.sub(r"<[^>]+>", "", shown).replace("&lt;", "<").replace("&gt;", ">") == text
    # overlapping spans stack: the verdict bar is on a second row
    assert 'style="top:35px"' in html
    assert highlight("plain & simple", None) == "plain &amp; simple"
    # marks outside the text are ignored, not an error
    assert highlight("short", [Mark(3, 99, "quantity", "QUANTITY")]) == "short"


def test_marks_are_the_record_spans_of_one_text() -> None:
    spans = [
        Span(source="rationale", start=9, end=20, text="x", kind="frequency", label="r",
             value={"sessions": [6, 6]}),
        Span(source="disputed_item", start=0, end=4, text="x", kind="treatment", label="?"),
        Span(source="rationale", start=0, end=30, text="x", kind="verdict", label="v"),
    ]  # fmt: skip
    found = marks(spans, "rationale")
    assert [(m.start, m.kind, m.label) for m in found] == [
        (0, "verdict", "VERDICT"), (9, "frequency", "FREQUENCY")]  # fmt: skip
    assert found[1].title == '{"sessions": [6, 6]}'
    assert [m.kind for m in marks(spans, "disputed_item")] == ["treatment"]
    assert marks(spans, "clinical_case_summary") == []
