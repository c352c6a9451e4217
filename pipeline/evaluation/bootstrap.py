"""Bootstrap by letter: intervals for each model's metrics and for paired differences.

Items of one letter share a reviewer, a patient and often whole sentences, so they are not
independent: a resample draws *letters* with replacement and keeps every item of each drawn
letter. Every model is scored on the same resamples, so the difference between two models is
a paired bootstrap (its interval is much narrower than the two intervals side by side).

The ranking metrics are computed here with numpy (ties handled as scikit-learn does;
tests/reporting/test_bootstrap.py checks them against scikit-learn): a thousand resamples of a
few models stay within seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from pipeline.config import RANDOM_SEED

N_BOOTSTRAP = 1000
LEVEL = 0.95
# The threshold of the accuracy column: for calibrated probabilities, calling Overturned at
# P >= 0.5 is the call that maximises expected accuracy (a constant predictor then calls the
# majority class, so the prior-only row is the majority baseline).
ACCURACY_THRESHOLD = 0.5


def _ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, ties given their mean rank (scipy.stats.rankdata 'average')."""
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    first = np.r_[True, sorted_values[1:] != sorted_values[:-1]]
    group = np.cumsum(first) - 1
    starts = np.flatnonzero(first)
    ends = np.r_[starts[1:], len(values)]
    mean_rank = (starts + ends + 1) / 2.0  # ranks starts+1 .. ends, averaged
    ranks = np.empty(len(values))
    ranks[order] = mean_rank[group]
    return ranks


def roc_auc(y: np.ndarray, p: np.ndarray) -> float | None:
    """Mann-Whitney ROC AUC; None when only one class is present."""
    n1 = int(y.sum())
    n0 = len(y) - n1
    if n1 == 0 or n0 == 0:
        return None
    ranks = _ranks(np.asarray(p, dtype=float))
    return float((ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n0 * n1))


def average_precision(y: np.ndarray, p: np.ndarray) -> float | None:
    """PR AUC as scikit-learn's average_precision_score: sum over distinct thresholds of
    (recall step) x precision; None without a positive item."""
    n1 = int(y.sum())
    if n1 == 0:
        return None
    order = np.argsort(-np.asarray(p, dtype=float), kind="mergesort")
    p_sorted, y_sorted = np.asarray(p)[order], y[order]
    last = np.r_[p_sorted[1:] != p_sorted[:-1], True]  # last index of each distinct score
    tp = np.cumsum(y_sorted)[last]
    seen = (np.flatnonzero(last) + 1).astype(float)
    precision, recall = tp / seen, tp / n1
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def brier(y: np.ndarray, p: np.ndarray) -> float | None:
    return float(np.mean((np.asarray(p, dtype=float) - y) ** 2)) if len(y) else None


def accuracy(y: np.ndarray, p: np.ndarray) -> float | None:
    if not len(y):
        return None
    return float(np.mean((np.asarray(p) >= ACCURACY_THRESHOLD).astype(int) == y))


def mean_minus_observed(y: np.ndarray, p: np.ndarray) -> float | None:
    """Calibration in the large: mean predicted P(Overturned) minus the observed share."""
    return float(np.mean(p) - np.mean(y)) if len(y) else None


def _confusion(y: np.ndarray, p: np.ndarray) -> tuple[int, int, int, int]:
    """(tn, fp, fn, tp) of the calls at ACCURACY_THRESHOLD."""
    calls = (np.asarray(p) >= ACCURACY_THRESHOLD).astype(int)
    y = np.asarray(y, dtype=int)
    tp = int(np.sum((calls == 1) & (y == 1)))
    fp = int(np.sum((calls == 1) & (y == 0)))
    fn = int(np.sum((calls == 0) & (y == 1)))
    return len(y) - tp - fp - fn, fp, fn, tp


def recall_overturned(y: np.ndarray, p: np.ndarray) -> float | None:
    """Share of Overturned items called Overturned; None without one."""
    _, _, fn, tp = _confusion(y, p)
    return tp / (tp + fn) if tp + fn else None


def balanced_accuracy(y: np.ndarray, p: np.ndarray) -> float | None:
    """Mean of the two classes' recalls (scikit-learn's); None unless both classes occur."""
    tn, fp, fn, tp = _confusion(y, p)
    if not (tp + fn) or not (tn + fp):
        return None
    return (tp / (tp + fn) + tn / (tn + fp)) / 2


def f1_overturned(y: np.ndarray, p: np.ndarray) -> float | None:
    """F1 of the Overturned class (0 when nothing is called or found, as scikit-learn's
    zero_division=0); None for no items."""
    _, fp, fn, tp = _confusion(y, p)
    if not len(y):
        return None
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0


# name -> (function, higher is better)
METRICS: dict[str, tuple[Callable[[np.ndarray, np.ndarray], float | None], bool]] = {
    "roc_auc": (roc_auc, True),
    "pr_auc": (average_precision, True),
    "brier": (brier, False),
    "accuracy": (accuracy, True),
}
# The metrics of a model's calls (0/1 scores, or P called at ACCURACY_THRESHOLD).
CALL_METRICS: dict[str, tuple[Callable[[np.ndarray, np.ndarray], float | None], bool]] = {
    "accuracy": (accuracy, True),
    "balanced_accuracy": (balanced_accuracy, True),
    "f1_overturned": (f1_overturned, True),
    "recall_overturned": (recall_overturned, True),
}


def letter_resamples(
    groups: Sequence[Any], n: int = N_BOOTSTRAP, seed: int = RANDOM_SEED
) -> Iterator[np.ndarray]:
    """`n` arrays of item indices, each the items of as many letters as there are, drawn with
    replacement (a letter drawn twice contributes its items twice)."""
    _, inverse = np.unique(np.asarray([str(g) for g in groups]), return_inverse=True)
    order = np.argsort(inverse, kind="mergesort")
    bounds = np.r_[0, np.cumsum(np.bincount(inverse))]
    members = [order[bounds[g] : bounds[g + 1]] for g in range(len(bounds) - 1)]
    rng = np.random.default_rng(seed)
    for _ in range(n):
        picks = rng.integers(0, len(members), len(members))
        yield np.concatenate([members[g] for g in picks])


def interval(values: Sequence[float | None], level: float = LEVEL) -> tuple[float, float] | None:
    """Percentile interval of the bootstrap values (None when none was defined)."""
    finite = np.asarray([v for v in values if v is not None], dtype=float)
    if not len(finite):
        return None
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(finite, [tail, 100 - tail])
    return float(low), float(high)


def _estimate(value: float | None, draws: list[float | None]) -> dict[str, Any]:
    bounds = interval(draws)
    return {
        "value": None if value is None else round(value, 4),
        "low": None if bounds is None else round(bounds[0], 4),
        "high": None if bounds is None else round(bounds[1], 4),
        # resamples where the metric was undefined (one class only) are left out
        "n_resamples": sum(d is not None for d in draws),
    }


def compare(
    y: np.ndarray,
    scores: Mapping[str, np.ndarray],
    groups: Sequence[Any],
    reference: str,
    metrics: Mapping[str, tuple[Callable[..., float | None], bool]] = METRICS,
    n: int = N_BOOTSTRAP,
    seed: int = RANDOM_SEED,
) -> dict[str, Any]:
    """Each model's metrics with bootstrap-by-letter intervals, and each model's paired
    difference from `reference` (reference minus model, signed so that a positive difference
    means the reference is better), with its interval.

    Returns {"models": {name: {metric: estimate}}, "vs_reference": {name: {metric: estimate +
    "reference_better": True/False/None}}, "n_bootstrap", "reference"}; `reference_better` is
    None when the difference's interval holds 0 (the two are not distinguishable).
    """
    y = np.asarray(y, dtype=int)
    scores = {name: np.asarray(p, dtype=float) for name, p in scores.items()}
    point = {name: {m: fn(y, p) for m, (fn, _) in metrics.items()} for name, p in scores.items()}
    draws: dict[str, dict[str, list[float | None]]] = {
        name: {m: [] for m in metrics} for name in scores
    }
    for index in letter_resamples(groups, n, seed):
        yb = y[index]
        for name, p in scores.items():
            for m, (fn, _) in metrics.items():
                draws[name][m].append(fn(yb, p[index]))
    models = {
        name: {m: _estimate(point[name][m], draws[name][m]) for m in metrics} for name in scores
    }
    vs: dict[str, dict[str, Any]] = {}
    for name in scores:
        if name == reference:
            continue
        vs[name] = {}
        for m, (_, higher) in metrics.items():
            sign = 1.0 if higher else -1.0
            diffs = [
                None if a is None or b is None else sign * (a - b)
                for a, b in zip(draws[reference][m], draws[name][m], strict=True)
            ]
            a, b = point[reference][m], point[name][m]
            estimate = _estimate(None if a is None or b is None else sign * (a - b), diffs)
            low, high = estimate["low"], estimate["high"]
            estimate["reference_better"] = (
                None if low is None or low <= 0 <= high else bool(low > 0)
            )
            vs[name][m] = estimate
    return {"reference": reference, "n_bootstrap": n, "models": models, "vs_reference": vs}
