"""The made-up fixture letters (tests/fixtures/letters) parse through the real PDF path."""

from __future__ import annotations

import pytest

from pipeline.ingest.batch import parse_file
from tests import paths


@pytest.fixture(scope="module")
def parsed():
    results = {p.stem: parse_file(p) for p in sorted(paths.FIXTURE_LETTERS_DIR.glob("FAKE-*"))}
    assert all(r.reject is None for r in results.values())
    return {stem: r.letters[0] for stem, r in results.items()}


def test_three_items_and_a_request_split_by_a_page_break(parsed):
    letter = parsed["FAKE-0000001"]
    assert letter.letter["n_items"] == 3 and letter.problems == []
    assert [i["decision"] for i in letter.items] == ["Upheld", "Overturned", "Upheld"]
    assert letter.items[2]["request_text"] == (
        "MRI of the lumbar spine without contrast to evaluate persistent left leg tingling after "
        "conservative care"
    )
    # The rationale before the split request keeps its last sentence and nothing of the request.
    assert letter.items[1]["rationale"].endswith("is medically necessary.")


def test_header_block_and_credentials_from_pdf(parsed):
    letter = parsed["FAKE-0000001"].letter
    assert letter["decision_date"] == "2017-02-01" and letter["priority"] == "Standard"
    assert letter["application_received"] == "2016-12-28"
    assert letter["specialty"] == "Physical Medicine & Rehabilitation"
    assert "Treatment to date:" in letter["clinical_case_summary"]


def test_partial_certifications_and_decision_on_the_next_line(parsed):
    first, second = parsed["FAKE-0000002"].items
    assert first["disputed_item"] == "Acupuncture 6 sessions for the neck"
    assert second["disputed_item"] == (
        "Home exercise kit with over-the-door cervical traction unit, purchase"
    )
    assert second["decision"] == "Overturned"
    assert first["claims_admin_guideline_text"] == (
        "The Claims Administrator did not cite any medical evidence for its decision."
    )


def test_rationale_running_over_a_page_break_is_whole(parsed):
    rationale = parsed["FAKE-0000002"].items[0]["rationale"]
    assert rationale.endswith("is not medically necessary.")
    assert "\n\n\n" not in rationale


def test_header_less_text_letter(parsed):
    letter = parsed["FAKE-0000003"]
    assert letter.letter["layout"] == "no-header" and letter.letter["case_number"] == "FAKE-0000003"
    assert letter.items[0]["maximus_guideline_text"] == (
        "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 98-99."
    )
    assert [i["decision"] for i in letter.items] == ["Upheld", "Overturned"]
