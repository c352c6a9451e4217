"""Differential test for pipeline/tagging/_spanrules.py: its trigger-window shortcut.

`_spanrules` copies no spaCy component (spaCy has no matcher for a regex across tokens; the
spans are made by spaCy's own `Doc.char_span`). What it adds is a shortcut: a rule with
`triggers` only runs within `window` characters of one, which must change speed, never
results. Here every shipped rule set is run both ways, with and without its triggers, on
random texts made of the rules' own words, numbers and filler long enough to cross windows.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.tagging._spanrules import Rule, find_hits
from pipeline.tagging.frequency import FrequencyRules
from pipeline.tagging.guideline_limits import LimitRules
from pipeline.tagging.quantity import QuantityRules

_BITS = st.sampled_from(
    ["2", "6", "12", "two", "six", "1-2", "3 to 4", "x", "X", "times", "time", "a", "per", "week",
     "weeks", "wk", "weekly", "daily", "every", "each", "for", "sessions", "session", "visits",
     "visit", "treatments", "appointment", "#", "#60", "qty", "Qty:", "quantity", "tablets",
     "patches", "pairs", "of", "L4-L5", "C6", "physical therapy", "PT", "(", ")", ",", ".",
     "the patient", "up to", "over", "İ", "ß", "10mg", "/", "-"]
)  # fmt: skip
_GAPS = st.sampled_from([" ", "  ", "\n", "", " " * 40, " filler words " * 6])
TEXT = st.lists(st.tuples(_BITS, _GAPS), max_size=40).map(
    lambda parts: "".join(bit + gap for bit, gap in parts)
)


def _rule_sets() -> dict[str, list[list[Rule]]]:
    """Each shipped rule set as the lists `find_hits` is called with, in order."""
    frequency = FrequencyRules()
    return {
        "frequency": [frequency.rates, frequency.counts],
        "quantity": [QuantityRules().rules],
        "guideline_limits": [LimitRules().rules],
    }


def _hits(text: str, calls: list[list[Rule]]) -> list[tuple[str, int, int, dict]]:
    taken: list[tuple[int, int]] = []
    return [
        (hit.rule.name, hit.start, hit.end, hit.match.groupdict())
        for rules in calls
        for hit in find_hits(text, rules, taken)
    ]


@pytest.fixture(scope="module")
def rule_sets() -> list[tuple[list[list[Rule]], list[list[Rule]]]]:
    """(with triggers, without) for every rule set."""
    out = []
    for calls in _rule_sets().values():
        assert any(rule.triggers for rules in calls for rule in rules)
        plain = [[replace(rule, triggers=()) for rule in rules] for rules in calls]
        out.append((calls, plain))
    return out


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=TEXT)
def test_trigger_windows_change_no_hit(rule_sets, text):
    for triggered, plain in rule_sets:
        assert _hits(text, triggered) == _hits(text, plain)
