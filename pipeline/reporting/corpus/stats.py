"""Small statistics for the corpus report: Wilson score intervals and quantiles of counted
values (the report keeps day counts in a Counter, so memory does not grow with the corpus)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

Z95 = 1.959963984540054  # the standard normal's 97.5th percentile


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for k successes in n trials (None when n == 0). Unlike the normal
    approximation it stays inside [0, 1] and is usable for the small groups the report shows."""
    if n <= 0:
        return None
    if not 0 <= k <= n:
        raise ValueError(f"k={k} is outside 0..n={n}")
    p = k / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # At k == 0 or k == n the bound is exactly 0 or 1; floating point gives -1e-17 or 1-1e-16.
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


def proportion(k: int, n: int) -> dict[str, Any]:
    """k of n as the report's tables give it: the count, the share (None when n == 0) and its
    Wilson 95 % interval, rounded as report.json keeps every rate."""
    interval = wilson(k, n)
    return {
        "items": k,
        "share": round(k / n, 6) if n else None,
        "ci95": [round(interval[0], 6), round(interval[1], 6)] if interval else None,
    }


def counted_quantile(counts: Mapping[int, int], q: float) -> float | None:
    """The q-quantile of the values counted in `counts` (value -> occurrences), with linear
    interpolation between order statistics: numpy's / pandas' default ("linear") method."""
    n = sum(counts.values())
    if n == 0:
        return None
    position = q * (n - 1)
    below, fraction = int(math.floor(position)), position - math.floor(position)
    lower = upper = None
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if lower is None and seen > below:
            lower = value
        if seen > below + 1 or (seen > below and fraction == 0):
            upper = value
            break
    if upper is None:
        upper = lower
    return float(lower + (upper - lower) * fraction)


def summary(counts: Counter[int]) -> dict[str, float | int | None]:
    """n, median, quartiles, min, max and mean of counted integer values."""
    n = sum(counts.values())
    if n == 0:
        return {"n": 0, "median": None, "q1": None, "q3": None, "min": None, "max": None,
                "mean": None}  # fmt: skip
    return {
        "n": n,
        "median": counted_quantile(counts, 0.5),
        "q1": counted_quantile(counts, 0.25),
        "q3": counted_quantile(counts, 0.75),
        "min": min(counts),
        "max": max(counts),
        "mean": round(sum(v * c for v, c in counts.items()) / n, 2),
    }
