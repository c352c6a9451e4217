"""imr_guideline_limits: limits quoted from a guideline in a rationale."""

from __future__ import annotations

import pytest

from pipeline.tagging import parse_guideline_limits


def F(per_week, weeks, sessions):  # noqa: N802
    return {"per_week": per_week, "weeks": weeks, "sessions": sessions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Massage should be limited to 3-5 visits in most cases.", [F(None, None, [3, 5])]),
        ("The guideline allows up to 12 visits over 10 weeks.", [F(None, [10, 10], [12, 12])]),
        ("Neuritis warrants 7-9 visits over 6 weeks.", [F(None, [6, 6], [7, 9])]),
        ("A trial of 5 sessions is reasonable.", [F(None, None, [5, 5])]),
        ("fading from up to 4 visits per week to 1", [F([4, 4], None, None)]),
        ("up to 20 visits over 4 months", [F(None, None, [20, 20])]),  # months: weeks null
    ],
)
def test_limit_forms(nlp, text, expected):
    assert _shape(parse_guideline_limits(text)) == expected
    doc = nlp(text)
    assert _shape(doc._.guideline_limits) == expected
    assert [s._.limit for s in doc.spans["guideline_limits"]] == doc._.guideline_limits


def _shape(limits: list[dict]) -> list[dict]:
    """The frequency shape of each limit (what it is for is tested below)."""
    return [{k: x[k] for k in ("per_week", "weeks", "sessions")} for x in limits]


@pytest.mark.parametrize(
    ("text", "condition", "phase"),
    [
        ("Neuritis warrants 7-9 visits over 6 weeks.", "neuralgia", None),
        ("A trial of 5 sessions is reasonable.", None, "trial"),
        ("CRPS: 26 visits over 16 weeks.", "crps", None),
        ("The total of up to 18 visits is allowed.", None, "total"),
    ],
)
def test_what_a_limit_is_for(nlp, text, condition, phase):
    for limits in (parse_guideline_limits(text), nlp(text)._.guideline_limits):
        assert [(x["condition"], x["phase"]) for x in limits] == [(condition, phase)]


def test_restated_request_is_not_a_limit():
    assert parse_guideline_limits("The request for 8 sessions is not medically necessary.") == []
