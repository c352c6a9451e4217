"""Property tests: on any text the pure parsers succeed (their inner functions do not raise,
the wrappers record no failure) and return schema-valid output."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tagging import parse_citation, parse_frequency, parse_guideline_limits, parse_quantity
from pipeline.tagging.citations import CitationGrammar, review_citation
from pipeline.tagging.frequency import FrequencyRules
from pipeline.tagging.guideline_limits import LimitRules
from pipeline.tagging.quantity import QuantityRules

# The inner functions, without the wrappers' `except Exception` (fresh instances: the same
# rule files the wrappers' cached defaults read).
_FREQUENCY, _LIMITS, _QUANTITY, _GRAMMAR = (
    FrequencyRules(),
    LimitRules(),
    QuantityRules(),
    CitationGrammar(),
)

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


# Each property calls the parser's inner function (which raises on a bug) and the public
# wrapper with an `errors` list: a failure fails the test instead of being recorded.


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([None, "physical_medicine", "pharmaceutical", "dme"]))
def test_frequency_parser_returns_a_valid_frequency_without_failing(text, category):
    errors: list[str] = []
    freq = parse_frequency(text, category, errors=errors)
    assert errors == []
    assert freq == _FREQUENCY.parse(text, category)
    assert _valid_frequency(freq)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_limit_and_quantity_parsers_return_valid_values_without_failing(text):
    errors: list[str] = []
    limits = parse_guideline_limits(text, errors=errors)
    assert limits == _LIMITS.parse(text)
    assert isinstance(limits, list) and all(_valid_frequency(x) and x for x in limits)
    qty = parse_quantity(text, errors=errors)
    assert qty == _QUANTITY.parse(text)
    assert qty is None or (isinstance(qty, int) and qty >= 0)
    assert errors == []


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_citation_parser_returns_a_valid_citation_without_failing(text):
    errors: list[str] = []
    cit = parse_citation(text, errors=errors)
    assert errors == []
    assert cit == _GRAMMAR.parse(text)
    citation, unparsed, failed = review_citation(text)
    assert not failed and citation == cit and all(isinstance(u, str) for u in unparsed)
    assert set(cit) == {"text", "cited", "outside_mtus", "mtus", "non_mtus", "non_mtus_sources"}
    assert isinstance(cit["text"], str)
    assert isinstance(cit["cited"], bool) and isinstance(cit["outside_mtus"], bool)
    assert all(isinstance(n, str) and n for n in cit["non_mtus"])
    for entry in cit["mtus"]:
        assert set(entry) == {"chapter", "year", "sections", "pages", "canonical"}
        assert isinstance(entry["chapter"], str)
        assert entry["canonical"] is None or isinstance(entry["canonical"], str)
        assert entry["year"] is None or isinstance(entry["year"], int)
        assert entry["sections"] is None or isinstance(entry["sections"], str)
        assert isinstance(entry["pages"], list) and all(isinstance(p, int) for p in entry["pages"])
    assert [ref["text"] for ref in cit["non_mtus_sources"]] == cit["non_mtus"]
    for ref in cit["non_mtus_sources"]:
        assert ref["source"] is None or isinstance(ref["source"], str)
        assert ref["year"] is None or isinstance(ref["year"], int)
        assert all(isinstance(c, str) for c in ref["chapters"] + ref["unknown_chapters"])
