"""The visit-cap check on made-up limits of each form the limit tagger gives."""

from __future__ import annotations

import pytest

from pipeline.tagging.visit_cap import (
    CAP_NO_LIMIT,
    CAP_NO_REQUEST,
    CAP_OVER,
    CAP_STRADDLES,
    CAP_WITHIN,
    visit_cap,
)


def verdict(request, limits) -> tuple:
    """(the limit the request is held against, as the tagger wrote it; exceeds)."""
    cap = visit_cap(request, limits)
    if cap.limit is None:
        return None, cap.exceeds
    shape = {
        k: v for k, v in cap.limit.model_dump().items() if k in ("per_week", "weeks", "sessions")
    }
    return shape, cap.exceeds


def freq(per_week=None, weeks=None, sessions=None) -> dict:
    return {"per_week": per_week, "weeks": weeks, "sessions": sessions}


# The shapes `imr_guideline_limits` gives (guideline_limits.json), one per rule:
CAPPED_SESSIONS = freq(sessions=[4, 6])  # "limited to 4-6 visits", "up to 10 visits"
OVER_WEEKS = freq(weeks=[8, 8], sessions=[9, 10])  # "9-10 visits over 8 weeks"
OVER_MONTHS = freq(sessions=[12, 12])  # "12 visits over 3 months": months leave weeks null
PER_WEEK = freq(per_week=[3, 3])  # "up to 3 visits per week"


@pytest.mark.parametrize(
    ("request_", "limits", "limit", "exceeds"),
    [
        # capped sessions: over, at the cap (the upper end of a range is allowed), under
        (freq([2, 2], [6, 6], [12, 12]), [CAPPED_SESSIONS], CAPPED_SESSIONS, True),
        (freq(sessions=[6, 6]), [CAPPED_SESSIONS], CAPPED_SESSIONS, False),
        (freq(sessions=[3, 3]), [CAPPED_SESSIONS], CAPPED_SESSIONS, False),
        # N visits over M weeks
        (freq([3, 3], [4, 4], [12, 12]), [OVER_WEEKS], OVER_WEEKS, True),
        (freq([2, 2], [4, 4], [8, 8]), [OVER_WEEKS], OVER_WEEKS, False),
        (freq(sessions=[10, 10]), [OVER_WEEKS], OVER_WEEKS, False),
        # months-based limit: still a session cap
        (freq(sessions=[18, 18]), [OVER_MONTHS], OVER_MONTHS, True),
        # per-week cap against a requested rate
        (freq([4, 4], [2, 2], [8, 8]), [PER_WEEK], PER_WEEK, True),
        (freq([2, 3], [4, 4], [8, 12]), [PER_WEEK], PER_WEEK, False),
        # a request range straddling the cap cannot be called either way
        (freq([2, 3], [4, 4], [8, 12]), [freq(sessions=[10, 10])], freq(sessions=[10, 10]), None),
        # several limits quoted: held against the most generous
        (freq(sessions=[8, 8]), [CAPPED_SESSIONS, OVER_WEEKS], OVER_WEEKS, False),
        (freq(sessions=[12, 12]), [OVER_WEEKS, CAPPED_SESSIONS], OVER_WEEKS, True),
        # a session limit and a per-week one: the session limit is preferred
        (freq([5, 5], [1, 1], [5, 5]), [PER_WEEK, OVER_WEEKS], OVER_WEEKS, False),
        # a rate without weeks has no session count: the per-week cap is used instead
        (freq(per_week=[5, 5]), [OVER_WEEKS, PER_WEEK], PER_WEEK, True),
    ],
)
def test_each_form(request_, limits, limit, exceeds) -> None:
    assert verdict(request_, limits) == (limit, exceeds)


def test_nothing_to_compare() -> None:
    assert verdict(freq(sessions=[12, 12]), []) == (None, None)
    assert verdict(freq(sessions=[12, 12]), None) == (None, None)
    assert verdict(None, [CAPPED_SESSIONS]) == (CAPPED_SESSIONS, None)  # a drug, say
    # sessions requested, only a per-week cap quoted: not comparable, the limit still shown
    assert verdict(freq(sessions=[6, 6]), [PER_WEEK]) == (PER_WEEK, None)


def test_malformed_values_do_not_raise() -> None:
    odd = [{"sessions": "ten"}, {"sessions": [None, 4]}, "up to 10", None, {"sessions": [6]}]
    assert verdict(freq(sessions=[12, 12]), odd) == (None, None)
    assert verdict({"sessions": "12"}, [CAPPED_SESSIONS]) == (CAPPED_SESSIONS, None)
    reversed_range = freq(sessions=[6, 4])
    assert verdict(freq(sessions=[7, 7]), [reversed_range]) == (reversed_range, True)


def test_limit_is_a_copy() -> None:
    limit = visit_cap(freq(sessions=[5, 5]), [CAPPED_SESSIONS]).limit
    assert limit is not None
    limit.sessions = None
    assert CAPPED_SESSIONS["sessions"] == [4, 6]


@pytest.mark.parametrize(
    ("request_", "limits", "group"),
    [
        (freq(sessions=[12, 12]), [CAPPED_SESSIONS], CAP_OVER),
        (freq(sessions=[6, 6]), [CAPPED_SESSIONS], CAP_WITHIN),
        (freq(sessions=[5, 8]), [CAPPED_SESSIONS], CAP_STRADDLES),
        (None, [CAPPED_SESSIONS], CAP_NO_REQUEST),
        (freq(sessions=[6, 6]), [], CAP_NO_LIMIT),
        (None, [], None),
    ],
)
def test_group(request_, limits, group) -> None:
    assert visit_cap(request_, limits).group == group


def test_arithmetic() -> None:
    """The counts behind the verdict, which the models read: the request's sessions (or visits a
    week x weeks), the most generous limit's, and their difference."""
    cap = visit_cap(freq([2, 3], [4, 4], None), [CAPPED_SESSIONS, OVER_WEEKS])
    assert (cap.requested_sessions, cap.limit_sessions, cap.sessions_over_limit) == (12, 10, 2)
    # no requested session range to hold against the session limit: no verdict, counts kept
    assert (cap.basis, cap.requested, cap.cap, cap.exceeds) == (None, None, None, None)
    compared = visit_cap(freq(sessions=[8, 12]), [OVER_WEEKS])
    assert (compared.basis, compared.requested, compared.cap) == ("sessions", [8, 12], 10)
    assert compared.exceeds is None and compared.sessions_over_limit == 2
    assert visit_cap(None, []).requested_sessions is None


@pytest.mark.parametrize(
    ("rationale", "requested", "exceeds"),
    [
        ("Guidelines allow up to 10 visits of physical therapy.", [12, 12], True),
        ("The MTUS supports 9-10 visits over 8 weeks for myalgia.", [8, 8], False),
        ("Acupuncture is limited to 4-6 treatments for a trial.", [6, 6], False),
        ("Therapy up to 3 visits per week is recommended.", None, True),
    ],
)
def test_with_the_limit_tagger(rationale, requested, exceeds) -> None:
    """The function takes the tagger's own output shape (made-up rationales)."""
    from pipeline.tagging import parse_guideline_limits

    limits = parse_guideline_limits(rationale)
    assert limits, rationale
    request = freq(sessions=requested) if requested else freq(per_week=[4, 4])
    assert verdict(request, limits)[1] is exceeds
