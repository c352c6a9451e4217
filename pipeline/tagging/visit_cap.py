"""The visit-cap check: requested sessions (or visits a week) against the limit the rationale
quotes from its guideline ("limited to 4-6 visits", "up to 3 visits per week", "9-10 visits
over 8 weeks").

Both sides are in the tagger's frequency shape, {"per_week", "weeks", "sessions"}: each a
[min, max] range or None. Pure Python: no spaCy, so extract, predict and the report can all
call it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Range = Sequence[int]


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
    outcome models read the largest too (`features.table._limit_sessions`)."""
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


def visit_cap(
    frequency: Mapping[str, Any] | None, guideline_limits: Sequence[Mapping[str, Any]] | None
) -> tuple[dict[str, Any] | None, bool | None]:
    """(guideline_limit, exceeds_guideline_limit) of one item.

    `guideline_limit` is the quoted limit the request is held against (its frequency-shaped
    dict), or None when the rationale quotes none. A session limit is preferred; a per-week
    limit ("up to 3 visits per week") is used when the request cannot be held against a session
    limit. `exceeds_guideline_limit` is True / False when the request can be compared with the
    limit, None when it cannot (no limit, no requested sessions or visits a week, or a request
    range that straddles the cap). The upper end of a limit range is the cap: "4-6 visits"
    allows 6.
    """
    limits = [x for x in (guideline_limits or []) if isinstance(x, Mapping)]
    candidates = [(key, _most_generous(limits, key)) for key in ("sessions", "per_week")]
    found = [(key, limit) for key, limit in candidates if limit is not None]
    if not found:
        return None, None
    for key, limit in found:
        requested = _range(frequency.get(key)) if isinstance(frequency, Mapping) else None
        cap = _range(limit.get(key))
        if requested is not None and cap is not None:
            return dict(limit), _compare(requested, cap[1])
    return dict(found[0][1]), None
