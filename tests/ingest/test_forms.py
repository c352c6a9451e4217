"""Every letter form and rendering (made-up letters in tests/fixtures/forms, built by
tests/fixtures/build_forms.py): page furniture, the 2013 notice with glued words and its MTG
citation block, the MEDICAL PROFESSIONAL REVIEW attachment, and files of no known form."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pipeline.ingest.batch import parse_file
from pipeline.ingest.forms import closest_form, match_forms
from pipeline.ingest.furniture import drop_furniture, find_furniture
from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Line
from pipeline.ingest.letter import NotALetterError, parse_letter
from pipeline.ingest.segment import paragraphs_from_text
from pipeline.ingest.unglue import unglue, vocabulary
from pipeline.tagging.citations import parse_citation
from tests import paths
from tests.fixtures.text_exports import pdfium_text

FORMS = Path(__file__).resolve().parents[1] / "fixtures" / "forms"
PLAIN_PDF = paths.FIXTURE_LETTERS_DIR / "FAKE-0000001.pdf"
FIELDS = ("request_text", "disputed_item", "decision", "claims_admin_guideline_text",
          "maximus_guideline_text", "rationale")  # fmt: skip


def _fields(items: list[dict]) -> list[dict]:
    return [{f: item[f] for f in FIELDS} for item in items]


def _parsed(path: Path):
    result = parse_file(path)
    assert result.reject is None, result.reject
    (letter,) = result.letters
    return letter


@pytest.fixture(scope="module")
def plain_items() -> list[dict]:
    return _fields(_parsed(PLAIN_PDF).items)


# --- page furniture -------------------------------------------------------------------------


def test_pdf_with_running_header_and_footers_gives_the_plain_pdf_items(plain_items):
    letter = _parsed(FORMS / "FAKE-F1-paged.pdf")
    assert _fields(letter.items) == plain_items
    for item in letter.items:
        for value in item.values():
            assert "Page " not in str(value) and "MADE-UP)" not in str(value)


@pytest.mark.parametrize("separator", ["\f", "\n"], ids=["form-feeds", "page-breaks-lost"])
def test_text_export_of_the_paged_pdf_gives_the_plain_pdf_items(separator, plain_items):
    text = pdfium_text(FORMS / "FAKE-F1-paged.pdf", page_separator=separator)
    assert text.count("Page 2 of") == 1  # the furniture is there to remove
    items = parse_letter(paragraphs_from_text(text), "paged.txt", "paged").items
    # A text export has no bold or gaps: the request cut by the page break must still be whole.
    assert _fields(items) == plain_items


def test_a_running_case_number_header_does_not_split_the_letter(plain_items, tmp_path):
    """ "Case Number: ..." on top of every page starts no new letter (split_letters)."""
    pages = pdfium_text(PLAIN_PDF, page_separator="\f").split("\f")
    assert pages[0].startswith("Case Number: FAKE-0000001")
    text = "\f".join([pages[0], *(f"Case Number: FAKE-0000001\n{page}" for page in pages[1:])])
    (tmp_path / "running.txt").write_text(text, encoding="utf-8")
    letter = _parsed(tmp_path / "running.txt")
    assert _fields(letter.items) == plain_items


def _lines(pages: list[list[str]]) -> list[Line]:
    return [Line(text, page) for page, texts in enumerate(pages) for text in texts]


def test_footer_and_header_in_the_middle_of_a_text_without_page_breaks():
    lines = _lines([[
        "MADE-UP HEALTH PLAN", "Case Number: CM99-0000001", "The request for physical therapy",
        "Page 1 of 2", "MADE-UP HEALTH PLAN", "Case Number: CM99-0000001",
        "2 times a week for 6 weeks: Upheld", "Page 2 of 2",
    ]])  # fmt: skip
    kept = [line.text for line in drop_furniture(lines)]
    # The first page's letterhead stays once; the request runs on over the lost page break.
    assert kept == [
        "MADE-UP HEALTH PLAN",
        "Case Number: CM99-0000001",
        "The request for physical therapy",
        "2 times a week for 6 weeks: Upheld",
    ]


def test_running_header_without_page_numbers_is_found_by_repetition():
    pages = [["Printed 01/02/2017 MADE-UP", f"Body line {k} of the letter.", "Closing line."]
             for k in range(4)]  # fmt: skip
    kept = [line.text for line in drop_furniture(_lines(pages))]
    assert kept.count("Printed 01/02/2017 MADE-UP") == 1  # page 1's copy, read once
    assert sum("Body line" in text for text in kept) == 4


def test_a_line_repeated_inside_pages_is_not_furniture():
    pages = [["Top.", "Second.", "therapy.", "middle of the page", "therapy.", "Fourth.",
              "Bottom."] for _ in range(3)]  # fmt: skip
    kept = [line.text for line in drop_furniture(_lines(pages))]
    assert kept.count("therapy.") == 6


def test_a_sentence_repeated_at_other_places_of_other_pages_is_not_furniture():
    """Items with the same boilerplate rationale: the sentence lands at page edges, but not in
    the same slot or at the same height (a running header does both)."""
    same = "the documentation, the requested service is not medically necessary."

    def page(number: int, at: int) -> list[str]:
        texts = [f"filler {chr(97 + number)}{chr(97 + k)}." for k in range(4)]
        return [*texts[:at], same, *texts[at:]]

    pages = [page(0, 0), page(1, 4), page(2, 1)]
    placed = [Line(t, number, baseline=100.0 + 14 * k) for number, texts in enumerate(pages)
              for k, t in enumerate(texts)]  # fmt: skip
    assert drop_furniture(placed) == placed
    # In one slot on every page, but at another height each time: prose, not a header.
    slot = [Line(t, number, baseline=(100.0 + 200 * number if t == same else 300.0 + 14 * k))
            for number in range(3) for k, t in enumerate(page(number, 0))]  # fmt: skip
    assert [line.text for line in drop_furniture(slot)].count(same) == 3
    header = [line._replace(baseline=100.0) if line.text == same else line for line in slot]
    assert [line.text for line in drop_furniture(header)].count(same) == 1


def test_a_line_ending_two_of_three_pages_at_one_height_is_not_furniture():
    """Two items citing the same section: the line ends two full pages at the same height."""
    same = "Section(s): Electrodiagnostic testing (EMG/NCS)."
    pages = [["Top a.", "Text a.", same], ["Top b.", "Text b.", same], ["Top c.", "End."]]
    lines = [Line(t, page, baseline=700.0 + 14 * k) for page, texts in enumerate(pages)
             for k, t in enumerate(texts)]  # fmt: skip
    assert drop_furniture(lines) == lines
    # A page number under it on each page is no evidence: every page's last line has one.
    numbered = _lines([[*texts, f"Page {p + 1} of 3"] for p, texts in enumerate(pages)])
    assert [line.text for line in drop_furniture(numbered)].count(same) == 2
    letterhead = [line._replace(text="MADE-UP HEALTH PLAN") if line.text == same else line
                  for line in lines]  # fmt: skip
    assert [line.text for line in drop_furniture(letterhead)].count("MADE-UP HEALTH PLAN") == 0


def test_a_header_line_beside_the_case_number_line_on_two_pages_is_furniture():
    pages = [["Case Number: CM99-0000001", "Text a.", "More a."]] + [
        ["Made-up Review Services, Inc.", "Case Number: CM99-0000001", f"Text {p}.", f"End {p}."]
        for p in "bc"
    ]
    kept = [line.text for line in drop_furniture(_lines(pages))]
    assert "Made-up Review Services, Inc." not in kept and kept.count("Text b.") == 1


def test_the_letters_case_number_at_a_page_edge_is_furniture_even_once():
    """A running header that starts on page 2 of a two-page letter repeats nowhere."""
    pages = [["Case Number: CM99-0000001", "Text of the letter."],
             ["Independent Medical Review - CM99-0000001", "More text."]]  # fmt: skip
    kept = [line.text for line in drop_furniture(_lines(pages))]
    assert kept == ["Case Number: CM99-0000001", "Text of the letter.", "More text."]


def test_two_pasted_letters_keep_both_case_number_lines():
    pages = [["Case Number: CM99-0000001", "Text of one."], ["Case Number: CM99-0000002", "Two."]]
    assert len(find_furniture(_lines(pages)).dropped) == 0


def test_a_footer_with_a_case_number_and_page_number_is_furniture():
    pages = [["Text.", "CM99-0000001 Page 1 of 2"], ["More text.", "CM99-0000001 Page 2 of 2"]]
    assert [line.text for line in drop_furniture(_lines(pages))] == ["Text.", "More text."]


def test_a_wide_export_line_that_runs_a_heading_into_its_intro(plain_items):
    """A wide re-wrap puts "IMR ISSUES, DECISIONS AND RATIONALES The Final Determination ..."
    on one line: the heading still opens the items section."""
    text = pdfium_text(PLAIN_PDF)
    wide = re.sub(r"(IMR ISSUES, DECISIONS AND RATIONALES)\s*\n", r"\1 ", text)
    assert wide != text
    items = parse_letter(paragraphs_from_text(wide), "wide.txt", "wide").items
    assert _fields(items) == plain_items


# --- glued words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("is notmedically necessary", "is not medically necessary"),
        ("is medicallynecessary and", "is medically necessary and"),
        ("therequest forLumbar MRI", "the request for Lumbar MRI"),
    ],
)
def test_glued_words_are_split_where_both_halves_are_words(glued, split):
    assert unglue(glued, vocabulary(["lumbar"])) == split


@pytest.mark.parametrize(
    "word",
    [
        "intolerance",
        "onset",
        "upheld",
        "overturned",
        "heat",
        "care",
        "postoperative",
        "notable",
        "McDonald",
    ],  # fmt: skip
)
def test_real_words_are_never_split(word):
    letter_words = vocabulary(["tolerance set held turned able ops operative donald table"])
    assert unglue(word, letter_words) == word


# --- the 2013 notice -----------------------------------------------------------------------


def test_2013_notice_with_glued_words_and_an_mtg_citation_block():
    letter = _parsed(FORMS / "FAKE-F2-2013-glued.txt")
    assert letter.letter["era"] == "2013"
    assert letter.letter["case_number"] == "CM99-0000005"
    assert [i["decision"] for i in letter.items] == ["Upheld", "Overturned", "Upheld"]
    first = letter.items[0]
    assert (
        first["disputed_item"] == "Physical therapy 2 times a week for 6 weeks for the lumbar spine"
    )
    assert first["claims_admin_guideline_text"].startswith("The Claims Administrator based its")
    assert first["maximus_guideline_text"].startswith("The Expert Reviewer based his/her")
    mri = parse_citation(letter.items[2]["maximus_guideline_text"])
    assert [(c["chapter"], c["year"], c["sections"]) for c in mri["mtus"]] == [
        ("Low Back Complaints", 2004, "Special Studies")
    ]
    assert "Page " not in letter.items[2]["rationale"]
    assert all(item["review"] == [] for item in letter.items)


def test_mtg_block_with_a_numbered_list_is_one_clause_per_number():
    from pipeline.ingest.era2013 import split_mtg_citation

    claims, expert = split_mtg_citation(
        "1. Chronic Pain Medical Treatment Guidelines, (2009), Opioids, pages 76-80, which are "
        "part of the MTUS. 2. Official Disability Guidelines, Pain, which is not part of the MTUS."
    )
    assert claims is None
    assert expert.count(";") == 1 and not re.match(r"\d", expert)


# --- the review attachment -----------------------------------------------------------------


def test_review_attachment_with_numbered_issues():
    letter = _parsed(FORMS / "FAKE-F3-review.txt")
    assert letter.letter["era"] == "review" and letter.letter["case_number"] == "CM99-0000006"
    assert [i["decision"] for i in letter.items] == ["Upheld", "Overturned", "Upheld"]
    assert [i["disputed_item"] for i in letter.items][:2] == [
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Cyclobenzaprine 7.5mg #60",
    ]
    second = letter.items[1]
    assert second["maximus_guideline_text"] == (
        "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle "
        "relaxants (for pain)."
    )
    assert second["rationale"].endswith("for cyclobenzaprine 7.5mg #60 is medically necessary.")
    assert letter.letter["specialty"] == "Physical Medicine & Rehabilitation"
    assert "Treatment to date" in letter.letter["clinical_case_summary"]


def test_review_attachment_with_wrapped_numbered_headings_and_a_partial_certification():
    text = "\n".join([
        "MEDICAL PROFESSIONAL REVIEW", "Case Number: CM99-0000007", "ISSUE AT DISPUTE:",
        "1) Massage 8 sessions was the original request. Massage 6 sessions was authorized by "
        "the Claims Administrator. The remaining IMR eligible portion of the original request, "
        "Massage 2 sessions is", "2) Ice pack",
        "1) MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER", "AND WHY:",
        "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage.",
        "1) RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT",
        "MEDICALLY NECESSARY:", "Made up. Therefore the request is not medically necessary.",
        "2) MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER", "AND WHY:",
        "The Expert Reviewer did not cite any medical evidence for its decision.",
        "2) RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT",
        "MEDICALLY NECESSARY:", "Made up. The ice pack is medically necessary.",
    ])  # fmt: skip
    first, second = parse_letter(paragraphs_from_text(text), "r.txt", "r").items
    assert first["disputed_item"] == "Massage 2 sessions" and second["disputed_item"] == "Ice pack"
    assert (first["decision"], second["decision"]) == ("Upheld", "Overturned")
    assert first["maximus_guideline_text"].endswith("Section(s): Massage.")
    assert second["maximus_guideline_text"].startswith("The Expert Reviewer did not cite")
    assert second["rationale"] == "Made up. The ice pack is medically necessary."


def test_review_attachment_decision_from_its_rationale_heading():
    (item,) = _parsed(FORMS / "FAKE-F4-review-one.txt").items
    assert item["decision"] == "Overturned"  # "... IS MEDICALLY NECESSARY:" and no ruling
    assert "decision_from_heading" in item["review"]


def test_a_heading_line_run_into_its_paragraph_still_opens_its_section():
    """A PDF's layout may join a heading line and the next line into one paragraph."""
    from pipeline.ingest.layout import Paragraph

    text = (FORMS / "FAKE-F3-review.txt").read_text(encoding="utf-8")
    paragraphs = paragraphs_from_text(text)
    merged = []
    for paragraph in paragraphs:
        if merged and merged[-1].lines[-1].text.isupper() and len(merged[-1].lines) == 1:
            merged[-1] = Paragraph.of([*merged[-1].lines, *paragraph.lines])
        else:
            merged.append(paragraph)
    assert len(merged) < len(paragraphs)
    letter = parse_letter(merged, "merged.txt", "merged")
    assert _fields(letter.items) == _fields(parse_letter(paragraphs, "m.txt", "m").items)
    assert letter.letter["case_number"] == "CM99-0000006"
    # The 2016 form: "IMR ISSUES, DECISIONS AND RATIONALES" and its intro in one paragraph.
    paragraphs = paragraphs_from_text(pdfium_text(PLAIN_PDF))
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("IMR ISSUES"))
    joined = Paragraph.of([*paragraphs[at].lines, *paragraphs[at + 1].lines])
    merged = [*paragraphs[:at], joined, *paragraphs[at + 2 :]]
    letter = parse_letter(merged, "m.txt", "m")
    assert letter.problems == [] and letter.letter["clinical_case_summary"]
    assert _fields(letter.items) == _fields(parse_letter(paragraphs, "m.txt", "m").items)


# --- which form ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("FAKE-F2-2013-glued.txt", "2013 notice"),
        ("FAKE-F3-review.txt", "medical professional review"),
        ("FAKE-F4-review-one.txt", "medical professional review"),
    ],
)
def test_each_fixture_is_its_form(name, form):
    paragraphs = paragraphs_from_text((FORMS / name).read_text(encoding="utf-8"))
    assert closest_form(paragraphs).name == form and closest_form(paragraphs).complete


def test_the_pdf_forms_are_the_2016_form():
    paragraphs = paragraphs_from_text(pdfium_text(PLAIN_PDF))
    assert closest_form(paragraphs).name == "2016+ final determination"
    assert closest_form(paragraphs).complete


def test_a_file_of_no_known_form_is_rejected_naming_the_closest_form_and_what_it_lacks():
    result = parse_file(FORMS / "FAKE-F5-unknown.txt")
    assert result.reject is not None and not result.letters
    reason = result.reject.reason
    assert "closest known form is the 2014-15 final determination" in reason
    assert "'IMR ISSUES, DECISIONS AND RATIONALES'" in reason


def test_a_text_with_no_landmark_at_all_is_close_to_no_form():
    with pytest.raises(NotALetterError) as raised:
        parse_letter(paragraphs_from_text("Shopping list: milk, eggs."), "x.txt", "x")
    assert str(raised.value) == "not an IMR determination letter"


def test_a_review_attachment_without_its_rationale_heading_names_that_heading():
    text = (FORMS / "FAKE-F3-review.txt").read_text(encoding="utf-8")
    text = re.sub(r"RATIONALE FOR WHY[^\n]*\n", "", text)
    paragraphs = paragraphs_from_text(text)
    best = match_forms(paragraphs)[0]
    assert best.name == "medical professional review" and best.missing == ("review_rationale",)
    with pytest.raises(NotALetterError, match="RATIONALE FOR WHY THE REQUESTED"):
        parse_letter(paragraphs, "x.txt", "x")


# --- one source for the landmarks ----------------------------------------------------------


def test_letter_parser_writes_no_heading_of_its_own():
    """Headings, labels and header fields are read from landmarks.json: no regex literal of
    the letter parser matches one of them."""
    source = (Path(__file__).resolve().parents[2] / "pipeline/ingest/letter.py").read_text()
    literals = [
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "compile"
        and node.args and isinstance(node.args[0], ast.Constant)
    ]  # fmt: skip
    assert literals  # the walk sees the parser's own patterns
    landmarks = ["HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
                 "IMR ISSUES, DECISIONS AND RATIONALES", "Case Number:",
                 "Decision Date:", "State(s) of Licensure: California",
                 "The remaining IMR eligible portion of the original request, X",
                 "The Final Determination was based on decisions for the items below:"]  # fmt: skip
    for literal in literals:
        for text in landmarks:
            assert not re.search(literal, text, re.I), (literal, text)
    assert LANDMARKS.headings["how"].match(landmarks[0])


def test_no_private_regex_parser_api():
    root = Path(__file__).resolve().parents[2] / "pipeline"
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"re\._parser|from re import _parser|sre_parse", text), path


def test_a_later_letter_quoting_the_2013_statement_stays_its_own_form():
    """A rationale that quotes the 2013 notice's sentence ("1) MAXIMUS Federal Services, Inc.
    has determined ...") does not turn a letter with an issues section into a 2013 notice."""
    source = paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"
    text = source.read_text(encoding="utf-8")
    before = parse_letter(paragraphs_from_text(text), source.name, source.stem)
    quoted = text.replace(
        "Decision rationale: ",
        "Decision rationale: 1) MAXIMUS Federal Services, Inc. has determined the request for "
        "physical therapy is not medically necessary and appropriate. ",
        1,
    )
    after = parse_letter(paragraphs_from_text(quoted), source.name, source.stem)
    assert after.letter["era"] == before.letter["era"] != "2013"
    assert [i["decision"] for i in after.items] == [i["decision"] for i in before.items]
    assert len(after.items) == len(before.items) >= 2
