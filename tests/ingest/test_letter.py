"""Letter sections, header fields, items and partial certifications on made-up letters."""

from __future__ import annotations

import pytest

from pipeline.ingest.letter import (
    NotALetterError,
    disputed_item_of,
    iso_date,
    parse_letter,
    split_letters,
)
from pipeline.ingest.segment import paragraphs_from_text

HEADER = """Case Number: CM99-0000001

Date Assigned: 01/02/2017 Date of Injury: 03/04/2015

Decision Date: 02/03/2017 UR Denial Date: 12/20/2016

Priority: Standard Application Received: 12/28/2016
"""

BODY = """HOW THE IMR FINAL DETERMINATION WAS MADE

MAXIMUS Federal Services sent the complete case file to an expert reviewer (MADE-UP LETTER).

The Expert Reviewer has the following credentials:
State(s) of Licensure: Ohio, California
Certification(s)/Specialty: Family Practice

CLINICAL CASE SUMMARY

The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:

A made-up 40-year-old worker with neck pain. Treatment to date: PT and medications.

IMR ISSUES, DECISIONS AND RATIONALES

The Final Determination was based on decisions for the disputed items/services set forth below:

{items}
"""

ITEM = """{request}: {decision}

Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):
Physical Medicine.

Decision rationale: Made-up reasoning about {request}.

A second rationale paragraph. Therefore, the request is not medically necessary.
"""


def letter_text(*requests: tuple[str, str], header: bool = True) -> str:
    items = "\n".join(ITEM.format(request=r, decision=d) for r, d in requests)
    return (HEADER + "\n" if header else "") + BODY.format(items=items)


def parse(text: str):
    return parse_letter(paragraphs_from_text(text), "made-up.txt", "made-up")


def test_header_fields_and_credentials():
    parsed = parse(letter_text(("Physical therapy 2 times a week for 6 weeks", "Upheld")))
    letter = parsed.letter
    assert letter["case_number"] == "CM99-0000001"
    assert letter["date_assigned"] == "2017-01-02"
    assert letter["date_of_injury"] == "2015-03-04"
    assert letter["decision_date"] == "2017-02-03"
    assert letter["ur_denial_date"] == "2016-12-20"
    assert letter["application_received"] == "2016-12-28"
    assert letter["priority"] == "Standard"
    assert letter["licensure"] == ["Ohio", "California"]
    assert letter["specialty"] == "Family Practice"
    assert letter["clinical_case_summary"].startswith("A made-up 40-year-old")
    assert parsed.problems == []


def test_three_items_keep_their_order_guidelines_and_multi_paragraph_rationales():
    requests = [("MRI of the neck", "Upheld"), ("Norco 10/325mg #60", "Overturned"),
                ("Acupuncture 6 visits", "Upheld")]  # fmt: skip
    parsed = parse(letter_text(*requests))
    assert [(i["request_text"], i["decision"]) for i in parsed.items] == requests
    assert [i["issue_index"] for i in parsed.items] == [0, 1, 2]
    second = parsed.items[1]
    assert second["maximus_guideline_text"] == (
        "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical Medicine."
    )
    assert second["rationale"] == (
        "Made-up reasoning about Norco 10/325mg #60.\n\n"
        "A second rationale paragraph. Therefore, the request is not medically necessary."
    )
    assert parsed.letter["n_items"] == 3


def test_decision_word_alone_on_the_next_line():
    text = letter_text(("Chiropractic care 8 visits for the back", "Upheld"))
    text = text.replace("back: Upheld", "back:\n\nUpheld")
    [item] = parse(text).items
    assert (item["request_text"], item["decision"]) == ("Chiropractic care 8 visits for the back",
                                                        "Upheld")  # fmt: skip


def test_header_less_letter_takes_the_file_stem():
    parsed = parse(letter_text(("Massage therapy 2 times a week for 3 weeks", "Upheld"),
                               header=False))  # fmt: skip
    assert parsed.letter["case_number"] == "made-up"
    assert parsed.letter["date_assigned"] is None
    assert parsed.letter["layout"] == "no-header"


def test_request_run_on_from_the_rationale_in_plain_text():
    text = letter_text(("MRI of the neck", "Upheld"), ("Home health care 4 hours a day", "Upheld"))
    text = text.replace(
        "not medically necessary.\n\nHome health", "not medically necessary.\nHome health"
    )
    items = parse(text).items
    assert items[1]["request_text"] == "Home health care 4 hours a day"
    assert items[0]["rationale"].endswith("not medically necessary.")


@pytest.mark.parametrize(
    ("request_text", "disputed"),
    [
        ("Acupuncture 12 sessions was the original request. Acupuncture 6 sessions was authorized "
         "by the Claims Administrator. The remaining IMR eligible portion of the original request, "
         "Acupuncture 6 sessions is", "Acupuncture 6 sessions"),
        ("Tramadol 50mg #90 was the original request. Tramadol 50mg #60 was authorized by the "
         "Claims Administrator. The remaining IMR eligible portion of the original request, "
         "Tramadol 50mg #30", "Tramadol 50mg #30"),
        ("Home care 8 hours was the original request. The Claims Administrator authorized Home "
         "care 4 hours, leaving the original request IMR eligible. The original request, Home "
         "care 8 hours is", "Home care 8 hours"),
        ("MRI of the knee", "MRI of the knee"),
    ],
)  # fmt: skip
def test_partial_certification_forms(request_text, disputed):
    assert disputed_item_of(request_text) == disputed
    [item] = parse(letter_text((request_text, "Overturned"))).items
    assert item["request_text"] == request_text and item["disputed_item"] == disputed


def test_item_without_a_decision_is_kept_and_reported():
    text = letter_text(("MRI of the neck", "Upheld"), ("Acupuncture 6 visits", "Upheld"))
    text = text.replace("Acupuncture 6 visits: Upheld", "Acupuncture 6 visits:")
    parsed = parse(text)
    assert [i["decision"] for i in parsed.items] == ["Upheld", None]
    # the second item: people read items from 1 (`issue_index` stays 1)
    assert parsed.problems == ["item 2: no Upheld/Overturned decision after the request"]


def test_two_letters_in_one_text_are_both_found():
    one = letter_text(("MRI of the neck", "Upheld"))
    two = letter_text(("Acupuncture 6 visits", "Overturned")).replace(
        "CM99-0000001", "CM99-0000002"
    )
    chunks = split_letters(paragraphs_from_text(one + "\n" + two))
    letters = [parse_letter(c, "two.txt", "two") for c in chunks]
    assert [p.letter["case_number"] for p in letters] == ["CM99-0000001", "CM99-0000002"]
    assert [p.items[0]["decision"] for p in letters] == ["Upheld", "Overturned"]


def test_text_that_is_not_a_letter_is_refused():
    with pytest.raises(NotALetterError, match="not an IMR determination letter"):
        parse("Dear customer,\n\nYour invoice is attached.\n")


def test_iso_date_reads_what_strptime_reads():
    """`iso_date` reads dates by hand (strptime was 2 % of a letter's time): it must accept and
    convert exactly what strptime's "%m/%d/%Y", then "%m/%d/%y", do."""
    import itertools
    from datetime import datetime

    def by_strptime(value: str) -> str | None:
        for form in ("%m/%d/%Y", "%m/%d/%y"):
            try:
                return datetime.strptime(value, form).date().isoformat()
            except ValueError:
                continue
        return None

    parts = ["0", "00", "1", "01", "09", "12", "13", "29", "30", "31", "32", "68", "69",
             "2016", "0000", "016", "20160", " 5", "5 ", "\u0663"]  # fmt: skip
    for month, day, year in itertools.product(parts, repeat=3):
        value = f"{month}/{day}/{year}"
        assert iso_date(value) == by_strptime(value), value
    assert iso_date("2/29/2016") == "2016-02-29" and iso_date("2/29/2015") is None
    assert iso_date("") is None and iso_date(None) is None
