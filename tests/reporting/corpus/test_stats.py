"""Wilson intervals against two independent references, and quantiles of counted values."""

from __future__ import annotations

import math
import random
from collections import Counter

import numpy as np
import pytest

from pipeline.reporting.corpus.stats import Z95, counted_quantile, summary, wilson

# Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
# seven methods", Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score).
PUBLISHED = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
    (29, 29, 0.8830, 1.0000),
]


@pytest.mark.parametrize(("k", "n", "lo", "hi"), PUBLISHED)
def test_published_values(k, n, lo, hi) -> None:
    low, high = wilson(k, n)
    assert (round(low, 4), round(high, 4)) == (lo, hi)


def _score_inversion(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson interval by its definition, without the closed form: the proportions p the
    score test does not reject, |k/n - p| <= z * sqrt(p (1 - p) / n), found by bisection on
    each side of k/n."""
    p_hat = k / n

    def accepted(p: float) -> bool:
        return abs(p_hat - p) <= z * math.sqrt(p * (1 - p) / n)

    def edge(inside: float, outside: float) -> float:
        for _ in range(200):
            middle = (inside + outside) / 2
            inside, outside = (middle, outside) if accepted(middle) else (inside, middle)
        return (inside + outside) / 2

    low = 0.0 if k == 0 else edge(p_hat, 0.0)
    high = 1.0 if k == n else edge(p_hat, 1.0)
    return low, high


def test_against_score_test_inversion() -> None:
    rng = random.Random(15)
    cases = [(0, 1), (1, 1), (0, 9), (9, 9), (5, 9), (36, 280), (1, 1000)]
    cases += [(rng.randint(0, n), n) for n in (rng.randint(1, 5000) for _ in range(300))]
    for k, n in cases:
        expected = _score_inversion(k, n)
        assert wilson(k, n) == pytest.approx(expected, abs=1e-9), (k, n)


def test_edges() -> None:
    assert wilson(0, 0) is None
    assert wilson(0, 5)[0] == 0.0 and wilson(5, 5)[1] == 1.0
    with pytest.raises(ValueError):
        wilson(6, 5)


def test_counted_quantiles_match_numpy() -> None:
    rng = random.Random(3)
    for _ in range(500):
        values = [rng.randint(-5, 60) for _ in range(rng.randint(1, 40))]
        counts = Counter(values)
        for q in (0.0, 0.25, 0.5, 0.75, 1.0):
            assert counted_quantile(counts, q) == pytest.approx(float(np.quantile(values, q)))
    assert counted_quantile(Counter(), 0.5) is None


def test_summary() -> None:
    s = summary(Counter({10: 1, 20: 2, 40: 1}))
    assert s == {"n": 4, "median": 20.0, "q1": 17.5, "q3": 25.0, "min": 10, "max": 40,
                 "mean": 22.5}  # fmt: skip
    assert summary(Counter())["median"] is None
