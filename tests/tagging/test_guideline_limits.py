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
    assert parse_guideline_limits(text) == expected
    doc = nlp(text)
    assert doc._.guideline_limits == expected
    assert [s._.limit for s in doc.spans["guideline_limits"]] == expected


def test_restated_request_is_not_a_limit():
    assert parse_guideline_limits("The request for 8 sessions is not medically necessary.") == []
