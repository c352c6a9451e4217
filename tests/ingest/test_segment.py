"""Letters as text without layout: every form gives the PDF's items (made-up letters only)."""

from __future__ import annotations

import pytest

from pipeline.ingest.batch import parse_file
from pipeline.ingest.layout import Line, Paragraph
from pipeline.ingest.letter import header_fields, parse_letter
from pipeline.ingest.segment import drop_furniture, paragraphs_from_text, text_lines
from tests import paths
from tests.fixtures.text_exports import EXPORTS, export, has_pdftotext, pdfium_text

FIXTURE_PDFS = sorted(paths.FIXTURE_LETTERS_DIR.glob("FAKE-*.pdf"))
FIELDS = ("request_text", "disputed_item", "decision", "claims_admin_guideline_text",
          "maximus_guideline_text")  # fmt: skip


def _items(paragraphs, stem="made-up"):
    return parse_letter(paragraphs, f"{stem}.txt", stem).items


def _fields(items):
    return [{f: item[f] for f in FIELDS} for item in items]


@pytest.fixture(scope="module")
def pdf_items():
    return {pdf.stem: _fields(parse_file(pdf).letters[0].items) for pdf in FIXTURE_PDFS}


@pytest.mark.parametrize("how", EXPORTS)
def test_every_export_of_the_fixture_pdfs_gives_the_pdf_items(how, pdf_items, tmp_path):
    if how != "pdfium" and not has_pdftotext():
        pytest.skip("pdftotext is absent: install poppler-utils (apt-get install poppler-utils)")
    folder = export(FIXTURE_PDFS, how, tmp_path)
    for pdf in FIXTURE_PDFS:
        result = parse_file(folder / f"{pdf.stem}.txt")
        assert result.reject is None, result.reject
        assert _fields(result.letters[0].items) == pdf_items[pdf.stem], (how, pdf.stem)


def test_one_paragraph_per_line_gives_the_same_items(pdf_items):
    """An e-mail body: each paragraph on one long line, no blank lines."""
    pdf = FIXTURE_PDFS[0]
    paragraphs = parse_file(pdf).letters[0]
    # Rebuild from the PDF's own paragraphs: one line each.
    from pipeline.ingest.layout import paragraphs_from_lines
    from pipeline.ingest.pdf import read_pdf_lines

    text = "\n".join(p.text for p in paragraphs_from_lines(read_pdf_lines(pdf)))
    assert paragraphs.items  # the PDF itself parsed
    assert _fields(_items(paragraphs_from_text(text))) == pdf_items[pdf.stem]


def test_page_furniture_is_dropped_and_never_reaches_an_item(pdf_items):
    pdf = FIXTURE_PDFS[0]
    pages = pdfium_text(pdf, page_separator="\f").split("\f")
    n = len(pages)
    framed = "\f".join(
        f"MADE-UP HEALTH PLAN - CONFIDENTIAL\n{page}\nPage {k} of {n}"
        for k, page in enumerate(pages, 1)
    )
    items = _items(paragraphs_from_text(framed), pdf.stem)
    assert _fields(items) == pdf_items[pdf.stem]
    for item in items:
        for value in item.values():
            assert "CONFIDENTIAL" not in str(value) and "Page " not in str(value)


def test_bare_page_numbers_go_only_at_page_edges():
    lines = [Line("First page text.", 0), Line("130", 0), Line("7", 1), Line("Body.", 1)]
    assert [line.text for line in drop_furniture(lines)] == ["First page text.", "Body."]
    inside = [Line("flexion to", 0), Line("130", 0), Line("degrees.", 0)]
    assert [line.text for line in drop_furniture(inside)] == ["flexion to", "130", "degrees."]


def test_header_values_printed_as_a_column_after_their_labels():
    text = ("Case Number: Date Assigned: Decision Date: Priority: CM99-0000009 01/02/2017 "
            "02/03/2017 Standard Date of Injury: UR Denial Date: Application Received: "
            "03/04/2015 12/20/2016 12/28/2016")  # fmt: skip
    values = header_fields(text)
    assert values == {
        "case_number": "CM99-0000009", "date_assigned": "2017-01-02",
        "decision_date": "2017-02-03", "priority": "Standard", "date_of_injury": "2015-03-04",
        "ur_denial_date": "2016-12-20", "application_received": "2016-12-28",
    }  # fmt: skip


def test_a_guideline_line_over_a_page_break_is_no_item():
    """The claims guideline continues on the next page: the continuation is not a request."""
    texts = ["IMR ISSUES, DECISIONS AND RATIONALES", "Made-up request: Upheld",
             "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical",
             "Treatment 2016, Section(s): Opioids.",
             "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.",
             "Decision rationale: Made-up reasoning. Not medically necessary."]  # fmt: skip
    paragraphs = [Paragraph.of([Line(t)]) for t in texts]
    items = _items(paragraphs)
    assert len(items) == 1
    assert items[0]["claims_admin_guideline_text"].endswith("Section(s): Opioids.")


def test_a_request_without_a_full_stop_before_it_is_flagged():
    text = """IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
First made-up request for physical therapy 2 times a week for 6 weeks: Upheld
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.
Decision rationale: The made-up reasoning runs over this long line and it goes on and on
without a full stop at its end
Second made-up request: Overturned
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.
Decision rationale: More made-up reasoning. The request is medically necessary.
"""
    first, second = _items(paragraphs_from_text(text))
    assert first["review"] == [] and second["request_text"] == "Second made-up request"
    assert second["review"] == ["item_boundary_inferred"]


def test_partial_certification_wrapped_over_lines_in_text():
    text = """IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
Made-up tablets #90 was the original request. Made-up tablets #30 was authorized by the Claims
Administrator. The remaining IMR eligible portion of the original request, Made-up tablets
#60 is: Upheld
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.
Decision rationale: Made-up reasoning. Not medically necessary.
"""
    (item,) = _items(paragraphs_from_text(text))
    assert item["request_text"].startswith("Made-up tablets #90 was the original request.")
    assert item["disputed_item"] == "Made-up tablets #60"


def test_the_2013_letter_takes_its_items_from_the_numbered_list():
    letter = parse_file(paths.FIXTURE_LETTERS_DIR / "FAKE-0000004.txt").letters[0]
    assert letter.letter["era"] == "2013" and letter.letter["case_number"] == "CM13-0000004"
    assert letter.letter["specialty"] == "Occupational Medicine"
    assert letter.letter["ur_denial_date"] == "2013-07-10"
    assert letter.letter["date_assigned"] == "2013-08-01"
    assert [(i["disputed_item"], i["decision"]) for i in letter.items] == [
        ("physical therapy 2 times a week for 6 weeks for the lumbar spine", "Upheld"),
        ("Tramadol 50mg #60", "Overturned"),
    ]
    assert all("Rationale" not in i["rationale"] and i["rationale"] for i in letter.items)
    assert letter.items[1]["maximus_guideline_text"].startswith("The Expert Reviewer relied on")
    assert letter.letter["clinical_case_summary"].startswith("MADE-UP TEST LETTER")


def test_the_2014_letter_reads_its_prose_credentials():
    letter = parse_file(paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt").letters[0]
    assert letter.letter["era"] == "2014-15"
    assert letter.letter["specialty"] == "Orthopaedic Surgery"


def test_the_seed_letter_single_spaced_gives_its_item(seed_letter_path):
    text = seed_letter_path.read_text(encoding="utf-8", errors="replace")
    for form in (text, "\n".join(line for line in text.splitlines() if line.strip())):
        (item,) = _items(paragraphs_from_text(form), "seed")
        assert item["disputed_item"] == (
            "Massage therapy, lower extremitites 2 times a week for 3 weeks"
        )
        assert item["decision"] == "Upheld"


def test_text_lines_keep_the_page_a_form_feed_gives():
    assert [(line.text, line.page) for line in text_lines("a\n\n b \fc\r\nd")] == [
        ("a", 0), ("b", 0), ("c", 1), ("d", 1)]  # fmt: skip
