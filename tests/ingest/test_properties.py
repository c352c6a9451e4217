"""Property tests (issue 6): the letter segmenter never raises anything but NotALetterError on
arbitrary text, and whatever it returns has the schema of a letter and its items."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest.layout import clean_line
from pipeline.ingest.letter import NotALetterError, parse_letter, split_letters
from pipeline.ingest.segment import paragraphs_from_text
from pipeline.ingest.stage import ITEM_COLUMNS, LETTER_COLUMNS

# Lines biased towards the letters' own landmarks so the segmenter's branches are exercised.
LANDMARKS = [
    "Case Number: CM16-0000001", "Date Assigned: 01/02/2017 Date of Injury: 13/45/2016",
    "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
    "IMR ISSUES, DECISIONS AND RATIONALES", "Claims Administrator guideline: Decision based on",
    "MAXIMUS guideline:", "Decision rationale:", "Upheld", "Overturned", ": Upheld",
    "MRI of the knee: Overturned", "was the original request.", "The original request, X is",
    "State(s) of Licensure: Ohio", "Certification(s)/Specialty:", "", " ", "\f", ".",
]  # fmt: skip
LINES = st.one_of(st.sampled_from(LANDMARKS), st.text(max_size=60))
TEXTS = st.lists(LINES, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_segmenter_never_raises_and_returns_schema_valid_records(text):
    paragraphs = paragraphs_from_text(text)
    for chunk in split_letters(paragraphs):
        try:
            parsed = parse_letter(chunk, "any.txt", "any")
        except NotALetterError:
            continue
        assert set(parsed.letter) == set(LETTER_COLUMNS)
        assert parsed.letter["n_items"] == len(parsed.items) > 0
        for index, item in enumerate(parsed.items):
            assert set(item) == set(ITEM_COLUMNS)
            assert item["issue_index"] == index
            assert item["decision"] in {"Upheld", "Overturned", None}
            assert isinstance(item["request_text"], str) and isinstance(item["rationale"], str)
        for name in ("date_assigned", "date_of_injury", "decision_date"):
            value = parsed.letter[name]
            assert value is None or (len(value) == 10 and value[4] == "-")
        assert all(isinstance(p, str) for p in parsed.problems)


SPACES_AND_HYPHENS = list("ab .-\t\u00a0\u2003\u3000\ufffe\u00ad\n\x0b")


@given(st.text(alphabet=st.sampled_from(SPACES_AND_HYPHENS), max_size=40))
def test_clean_line_fast_path_equals_the_full_rule(text):
    """clean_line skips its regex when no run of spaces or other space character is present."""
    full = re.sub(r"\s+", " ", text.replace("\ufffe", "-")).strip()
    assert clean_line(text) == full


# Characters on which line joining behaves differently: spaces of several kinds, hyphens
# (printed, soft, pdfium's line-end mark), tabs and line breaks.
JOIN_LINES = st.one_of(
    st.lists(st.text(alphabet=st.sampled_from("ab -"), max_size=6), max_size=5),
    st.lists(
        st.text(alphabet=st.sampled_from("ab -\u00ad\ufffe\t\u2003\n.é"), max_size=8),
        max_size=6,
    ),
)


@settings(max_examples=500, deadline=None)
@given(JOIN_LINES)
def test_join_lines_fast_path_equals_line_by_line_joining(lines):
    """`join_lines` joins a plain paragraph in one step; it must give what joining the lines
    one by one gives, for any lines."""
    from pipeline.ingest.layout import _join_one_by_one, join_lines

    assert join_lines(lines) == _join_one_by_one(lines)
