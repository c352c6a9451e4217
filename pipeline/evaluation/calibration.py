"""Calibration with intervals, and what the prior-shift adjustment does when the base rate moves.

* `reliability`: equal-count bins of P(Overturned), each with its mean prediction and the
  observed share of Overturned items with a Wilson 95 % interval.
* `shift_simulation`: letters with another base rate are simulated from held-out predictions
  (each item scored by a model that never saw its letter) by drawing Upheld and Overturned
  items in the proportions of the target base rate. Under exactly this kind of shift the
  adjustment is right in theory; the simulation shows how much it helps on these predictions,
  before and after, with EM (estimated from the simulated letters' predictions alone) and with
  the true base rate given (what `imr predict --base-rate` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from pipeline.config import RANDOM_SEED
from pipeline.evaluation.bootstrap import interval
from pipeline.modeling.prior_shift import adjust_to_prior, em_prior
from pipeline.reporting.corpus.stats import wilson

N_BINS = 5
SHIFT_TARGETS = (0.05, 0.10, 0.20, 0.35)
N_SIMULATIONS = 200


def reliability(y: np.ndarray, p: np.ndarray, n_bins: int = N_BINS) -> list[dict[str, Any]]:
    """Equal-count bins of the predictions (ties kept together): n, mean P, observed share and
    its Wilson interval."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    order = np.argsort(p, kind="mergesort")
    rows = []
    for chunk in np.array_split(order, min(n_bins, max(len(p), 1))):
        if not len(chunk):
            continue
        k, n = int(y[chunk].sum()), len(chunk)
        low, high = wilson(k, n) or (None, None)
        rows.append(
            {
                "p_from": round(float(p[chunk].min()), 4),
                "p_to": round(float(p[chunk].max()), 4),
                "n_items": n,
                "mean_p": round(float(p[chunk].mean()), 4),
                "observed": round(k / n, 4),
                "observed_low": None if low is None else round(low, 4),
                "observed_high": None if high is None else round(high, 4),
                "inside": bool(low is not None and low <= p[chunk].mean() <= high),
            }
        )
    return rows


def _summary(values: Sequence[float]) -> dict[str, float | None]:
    bounds = interval(values)
    return {
        "mean": round(float(np.mean(values)), 4),
        "low": None if bounds is None else round(bounds[0], 4),
        "high": None if bounds is None else round(bounds[1], 4),
    }


def shift_simulation(
    y: np.ndarray,
    p: np.ndarray,
    trained_prior: float,
    targets: Sequence[float] = SHIFT_TARGETS,
    n_simulations: int = N_SIMULATIONS,
    n_items: int | None = None,
    seed: int = RANDOM_SEED,
) -> list[dict[str, Any]]:
    """For each target base rate: Brier score and mean P minus observed share, unadjusted,
    adjusted by EM and adjusted to the true base rate; plus EM's estimate of the base rate.
    Each figure is the mean over `n_simulations` simulated sets of `n_items` (default: as many
    as given) with its 95 % range."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    positives, negatives = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    n_items = n_items or len(y)
    rng = np.random.default_rng(seed)
    out = []
    for target in targets:
        n_pos = max(1, int(round(target * n_items)))
        figures: dict[str, list[float]] = {
            k: []
            for k in (
                "brier_before",
                "brier_em",
                "brier_given",
                "gap_before",
                "gap_em",
                "gap_given",
                "em_prior",
            )  # fmt: skip
        }
        for _ in range(n_simulations):
            index = np.r_[
                rng.choice(positives, n_pos, replace=True),
                rng.choice(negatives, n_items - n_pos, replace=True),
            ]
            ys, ps = y[index], p[index]
            em = em_prior(ps, trained_prior)
            given = adjust_to_prior(ps, trained_prior, target)
            for name, q in (("before", ps), ("em", em.adjusted), ("given", given)):
                figures[f"brier_{name}"].append(float(np.mean((q - ys) ** 2)))
                figures[f"gap_{name}"].append(float(np.mean(q) - np.mean(ys)))
            figures["em_prior"].append(em.prior)
        out.append(
            {
                "target_base_rate": target,
                "n_items": n_items,
                "n_simulations": n_simulations,
                **{name: _summary(values) for name, values in figures.items()},
            }
        )
    return out


def adjusted_block(y: np.ndarray, p: np.ndarray, trained_prior: float) -> dict[str, Any]:
    """On real predictions: EM's base-rate estimate and Brier / mean gap before and after."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    em = em_prior(p, trained_prior)
    return {
        "trained_base_rate": round(float(trained_prior), 4),
        "observed_base_rate": round(float(y.mean()), 4),
        "mean_p_before": round(float(p.mean()), 4),
        "em_base_rate": round(em.prior, 4),
        "mean_p_after": round(float(em.adjusted.mean()), 4),
        "brier_before": round(float(np.mean((p - y) ** 2)), 4),
        "brier_after": round(float(np.mean((em.adjusted - y) ** 2)), 4),
        "adjusted": em.adjusted,
    }
