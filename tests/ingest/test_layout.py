"""Lines -> paragraphs: gaps, bold starts, page breaks, hyphenation, plain-text layouts."""

from __future__ import annotations

from pipeline.ingest.layout import Line, join_lines, paragraphs_from_lines
from pipeline.ingest.segment import paragraphs_from_text


def line(text: str, baseline: float, page: int = 0, bold: bool = False, ends_bold=None) -> Line:
    return Line(text, page, baseline, bold, bold if ends_bold is None else ends_bold)


def texts(paragraphs) -> list[str]:
    return [p.text for p in paragraphs]


def test_wrapped_lines_join_and_a_wide_gap_starts_a_paragraph():
    lines = [line("The worker has", 100), line("neck pain.", 114), line("New paragraph.", 141)]
    assert texts(paragraphs_from_lines(lines)) == ["The worker has neck pain.", "New paragraph."]


def test_bold_after_regular_starts_a_paragraph_even_without_a_gap():
    lines = [
        line("is not medically necessary.", 100),
        line("Acupuncture 6 sessions:", 114, bold=True),
    ]
    assert len(paragraphs_from_lines(lines)) == 2


def test_regular_decision_word_after_a_bold_request_stays_in_the_paragraph():
    lines = [line("Acupuncture 6 sessions for the neck:", 100, bold=True), line("Upheld", 114)]
    assert texts(paragraphs_from_lines(lines)) == ["Acupuncture 6 sessions for the neck: Upheld"]


def test_bold_request_split_by_a_page_break_is_one_paragraph():
    lines = [
        line("is not medically necessary.", 690, page=0),
        line("MRI of the lumbar spine without contrast to rule", 720, page=0, bold=True),
        line("out disc herniation: Upheld", 80, page=1, bold=True, ends_bold=False),
        line("Claims Administrator guideline: Decision based on", 107, page=1, bold=True,
             ends_bold=False),
    ]  # fmt: skip
    assert texts(paragraphs_from_lines(lines))[1] == (
        "MRI of the lumbar spine without contrast to rule out disc herniation: Upheld"
    )


def test_rationale_running_over_a_page_break_is_one_paragraph():
    lines = [line("The request for therapy is", 720, page=0), line("not supported.", 80, page=1)]
    assert texts(paragraphs_from_lines(lines)) == ["The request for therapy is not supported."]


def test_hyphen_at_line_end_is_kept_and_no_space_is_added():
    assert join_lines(["a long-", "standing problem"]) == "a long-standing problem"
    assert join_lines(["Chapter 12-Surgeons; 40.1-", "Definition"]) == (
        "Chapter 12-Surgeons; 40.1-Definition"
    )
    assert join_lines(["follow\ufffeup visit"]) == "follow-up visit"


def test_soft_hyphen_is_removed_where_it_split_a_word():
    assert join_lines(["physio\u00ad", "therapy"]) == "physiotherapy"


def test_plain_text_paragraphs_are_separated_by_blank_lines():
    text = "First line\nwraps here.\n\nSecond paragraph.\n"
    assert texts(paragraphs_from_text(text)) == ["First line wraps here.", "Second paragraph."]


def test_double_spaced_text_marks_paragraphs_with_space_only_lines():
    text = "Line one \n\nline two. \n\n \n\nNext paragraph \n\nends here. \n\n"
    assert texts(paragraphs_from_text(text)) == ["Line one line two.", "Next paragraph ends here."]
