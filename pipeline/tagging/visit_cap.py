"""The visit-cap check: requested sessions (or visits a week) against the limit the rationale
quotes from its guideline ("limited to 4-6 visits", "up to 3 visits per week", "9-10 visits
over 8 weeks").

Both sides are in the tagger's frequency shape, {"per_week", "weeks", "sessions"}: each a
[min, max] range or None. Pure Python: no spaCy. The tag stage computes it once per item
(`pipeline.tagging.records`) and the record carries it (`pipeline.record.VisitCap`): the
report, the CSV and the models' features all read that verdict, never compute their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pipeline.record.model import GuidelineLimit, VisitCap

# The verdict's groups, in the report's order.
CAP_OVER, CAP_WITHIN = "over the cap", "within the cap"
CAP_STRADDLES = "request range straddles the cap"
CAP_NO_REQUEST = "limit stated, request has no visit count"
CAP_NO_LIMIT = "visits requested, no limit stated"
CAP_GROUPS = (CAP_WITHIN, CAP_OVER, CAP_STRADDLES, CAP_NO_REQUEST, CAP_NO_LIMIT)


def _range(value: Any) -> tuple[float, float] | None:
    """A [min, max] pair as floats, or None when it is not one."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    try:
        low, high = float(value[0]), float(value[1])
    except (TypeError, ValueError):
        return None
    return (low, high) if low <= high else (high, low)


def _most_generous(limits: Sequence[Any], key: str) -> Mapping[str, Any] | None:
    """The limit with the highest upper bound on `key`. A rationale may quote several (one per
    diagnosis); the request exceeds the guideline only if it exceeds even the largest, and the
    outcome models read the largest too (`limit_sessions`)."""
    best, best_cap = None, -1.0
    for limit in limits:
        bounds = _range(limit.get(key)) if isinstance(limit, Mapping) else None
        if bounds is not None and bounds[1] > best_cap:
            best, best_cap = limit, bounds[1]
    return best


def _compare(requested: tuple[float, float], cap: float) -> bool | None:
    """True when even the smallest request is over the cap, False when the largest is within
    it, None when the cap falls inside the requested range ("8-12 visits" vs 10)."""
    if requested[0] > cap:
        return True
    if requested[1] <= cap:
        return False
    return None


def requested_sessions(frequency: Mapping[str, Any] | None) -> float | None:
    """The most sessions a frequency asks for: its session count, else visits a week x weeks."""
    if not isinstance(frequency, Mapping):
        return None
    sessions = _range(frequency.get("sessions"))
    if sessions is not None:
        return sessions[1]
    per_week, weeks = _range(frequency.get("per_week")), _range(frequency.get("weeks"))
    return per_week[1] * weeks[1] if per_week is not None and weeks is not None else None


def limit_sessions(limits: Sequence[Any]) -> float | None:
    """The most generous session count among the limits the rationale quotes."""
    found = [s for s in (requested_sessions(x) for x in limits) if s is not None]
    return max(found) if found else None


def _limit(limit: Mapping[str, Any]) -> GuidelineLimit:
    """The record's copy of a quoted limit: its well-formed ranges (a malformed value is
    None: it could not have been compared anyway)."""
    keys = ("per_week", "weeks", "sessions")
    return GuidelineLimit.model_validate(
        {key: list(limit[key]) if _range(limit.get(key)) is not None else None for key in keys}
    )


def _group(
    frequency: Mapping[str, Any] | None, has_limit: bool, exceeds: bool | None
) -> str | None:
    requested = isinstance(frequency, Mapping) and any(
        frequency.get(k) for k in ("sessions", "per_week")
    )
    if not has_limit:
        return CAP_NO_LIMIT if requested else None
    if exceeds is True:
        return CAP_OVER
    if exceeds is False:
        return CAP_WITHIN
    return CAP_STRADDLES if requested else CAP_NO_REQUEST


def visit_cap(
    frequency: Mapping[str, Any] | None, guideline_limits: Sequence[Mapping[str, Any]] | None
) -> VisitCap:
    """The visit-cap verdict of one item, with its arithmetic (`VisitCap`).

    `limit` is the quoted limit the request is held against, or None when the rationale quotes
    none. A session limit is preferred; a per-week limit ("up to 3 visits per week") is used
    when the request cannot be held against a session limit. `exceeds` is True / False when the
    request can be compared with the limit, None when it cannot (no limit, no requested
    sessions or visits a week, or a request range that straddles the cap). The upper end of a
    limit range is the cap: "4-6 visits" allows 6.
    """
    limits = [x for x in (guideline_limits or []) if isinstance(x, Mapping)]
    wanted, allowed = requested_sessions(frequency), limit_sessions(limits)
    counts: dict[str, Any] = {
        "requested_sessions": wanted,
        "limit_sessions": allowed,
        "sessions_over_limit": None if wanted is None or allowed is None else wanted - allowed,
    }
    keys: tuple[Literal["sessions", "per_week"], ...] = ("sessions", "per_week")
    candidates = [(key, _most_generous(limits, key)) for key in keys]
    found = [(key, limit) for key, limit in candidates if limit is not None]
    if not found:
        return VisitCap(group=_group(frequency, False, None), **counts)
    for key, limit in found:
        requested = _range(frequency.get(key)) if isinstance(frequency, Mapping) else None
        cap = _range(limit.get(key))
        if requested is not None and cap is not None:
            exceeds = _compare(requested, cap[1])
            return VisitCap(
                limit=_limit(limit),
                basis=key,
                requested=list(requested),
                cap=cap[1],
                exceeds=exceeds,
                group=_group(frequency, True, exceeds),
                **counts,
            )
    first = _limit(found[0][1])
    return VisitCap(limit=first, group=_group(frequency, True, None), **counts)
