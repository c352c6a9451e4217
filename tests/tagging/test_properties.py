"""Property tests: the pure parsers never raise and always return schema-valid output."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tagging import parse_citation, parse_frequency, parse_guideline_limits, parse_quantity

# Text biased towards the parsers' vocabulary so the rules are actually exercised.
WORDS = st.sampled_from(
    [
        "2",
        "3-4",
        "twelve",
        "two",
        "to",
        "times",
        "x",
        "a",
        "per",
        "week",
        "weeks",
        "weekly",
        "for",
        "(8)",
        "sessions",
        "visits",
        "#6",
        "QTY:",
        "daily",
        "Decision",
        "based",
        "on",
        "MTUS",
        "Non-MTUS",
        "Citation",
        "Section(s):",
        "Page(s):",
        "2004,",
        "and",
        "Knee",
        "Complaints",
        "Guidelines",
        ".",
        ",",
        "did",
        "not",
        "cite",
        "outside",
        "of",
        "the",
        "60-61",
        "limited",
        "up",
        "over",
        "months",
        "PT",
        "Norco",
        "10mg",
        "#60",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))
RANGE_KEYS = ("per_week", "weeks", "sessions")


def _valid_range(value) -> bool:
    return value is None or (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
        and value[0] <= value[1]
    )


def _valid_frequency(freq) -> bool:
    return freq is None or (
        isinstance(freq, dict)
        and set(freq) == set(RANGE_KEYS)
        and all(_valid_range(freq[k]) for k in RANGE_KEYS)
    )


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([None, "physical_medicine", "pharmaceutical", "dme"]))
def test_frequency_parser_never_raises(text, category):
    assert _valid_frequency(parse_frequency(text, category))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_limit_and_quantity_parsers_never_raise(text):
    limits = parse_guideline_limits(text)
    assert isinstance(limits, list) and all(_valid_frequency(x) and x for x in limits)
    qty = parse_quantity(text)
    assert qty is None or (isinstance(qty, int) and qty >= 0)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_citation_parser_never_raises(text):
    cit = parse_citation(text)
    assert set(cit) == {"text", "cited", "outside_mtus", "mtus", "non_mtus"}
    assert isinstance(cit["text"], str)
    assert isinstance(cit["cited"], bool) and isinstance(cit["outside_mtus"], bool)
    assert all(isinstance(n, str) and n for n in cit["non_mtus"])
    for entry in cit["mtus"]:
        assert set(entry) == {"chapter", "year", "sections", "pages"}
        assert isinstance(entry["chapter"], str)
        assert entry["year"] is None or isinstance(entry["year"], int)
        assert entry["sections"] is None or isinstance(entry["sections"], str)
        assert isinstance(entry["pages"], list) and all(isinstance(p, int) for p in entry["pages"])
