"""The reasoning model against simpler models, with intervals, calibration and prior shift.

Two settings, both split by letter (never by item):

* grouped CV over every labelled letter (held-out letters included): each model, baselines and
  the reasoning model alike, is refitted on the same StratifiedGroupKFold folds and scores the
  letters it did not see. The reasoning model keeps the configuration chosen at training on the
  development letters only; nothing here is chosen or tuned.
* the fixed held-out letters: the saved reasoning model (as `imr predict` runs it) against the
  baselines fitted on the development letters.

Every figure carries a bootstrap-by-letter interval, and every baseline its paired difference
from the reasoning model; `verdicts` turns those into sentences for the report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone

from pipeline.core.display_names import METRIC_LABELS
from pipeline.evaluation.bootstrap import METRICS, compare
from pipeline.evaluation.calibration import adjusted_block, reliability, shift_simulation
from pipeline.modeling.baselines import LABELS, REFERENCE, comparison_models
from pipeline.modeling.splits import grouped_folds

REFERENCE_IN_A_SENTENCE = "reasoning model"


def out_of_fold(
    features: pd.DataFrame, y: np.ndarray, makers: dict[str, Callable[[], Any]]
) -> dict[str, np.ndarray]:
    """Out-of-fold P(Overturned) of each model on the same grouped folds."""
    folds = grouped_folds(features["case_number"].tolist(), y)
    out = {}
    for name, make in makers.items():
        scores = np.zeros(len(y))
        for train, test in folds:
            model = clone(make()).fit(features.iloc[train], y[train])
            scores[test] = model.predict_proba(features.iloc[test])[:, 1]
        out[name] = scores
    return out


def verdicts(result: dict[str, Any]) -> list[str]:
    """One sentence per baseline the reference does not beat on some metric (the paired
    interval of the reference's advantage holds 0) or that beats the reference."""
    reference = REFERENCE_IN_A_SENTENCE if result["reference"] == REFERENCE else result["reference"]
    sentences = []
    for name, by_metric in result["vs_reference"].items():
        level, worse = [], []
        for metric, estimate in by_metric.items():
            if estimate["value"] is None:
                continue
            text = (f"{METRIC_LABELS[metric]} {estimate['value']:+.3f} "
                    f"[{estimate['low']:+.3f}, {estimate['high']:+.3f}]")  # fmt: skip
            if estimate["reference_better"] is None:
                level.append((METRIC_LABELS[metric], text))
            elif estimate["reference_better"] is False:
                worse.append((METRIC_LABELS[metric], text))
        label = LABELS.get(name, name)
        if worse:
            sentences.append(
                f"{label} is better than the {reference} on {_and(worse)} (the {reference}'s "
                f"advantage: {'; '.join(t for _, t in worse)})."
            )
        if level:
            sentences.append(
                f"{label} is not worse than the {reference} on {_and(level)} (the "
                f"{reference}'s advantage: {'; '.join(t for _, t in level)}; "
                f"{'its interval holds' if len(level) == 1 else 'each interval holds'} 0)."
            )
    return sentences


def _and(pairs: list[tuple[str, str]]) -> str:
    names = [name for name, _ in pairs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _setting(
    y: np.ndarray, scores: dict[str, np.ndarray], groups: Any, trained_prior: float
) -> dict[str, Any]:
    result = compare(y, scores, groups, REFERENCE, METRICS)
    p = scores[REFERENCE]
    adjusted = adjusted_block(y, p, trained_prior)
    after = adjusted.pop("adjusted")
    return {
        "n_items": int(len(y)),
        "n_letters": int(len(set(map(str, groups)))),
        "n_overturned": int(y.sum()),
        **result,
        "verdicts": verdicts(result),
        "calibration": {
            "reliability": reliability(y, p),
            "reliability_after_em": reliability(y, after),
            "prior_shift": adjusted,
        },
    }


def compare_models(
    features: pd.DataFrame,
    y: np.ndarray,
    held: np.ndarray,
    reasoning_config: dict[str, Any],
    saved_held_scores: np.ndarray,
    trained_prior: float,
) -> dict[str, Any]:
    """Both settings (see the module docstring) and the prior-shift simulation."""
    makers = comparison_models(reasoning_config)
    cv_scores = out_of_fold(features, y, makers)
    dev_features, dev_y = features[~held].reset_index(drop=True), y[~held]
    ho_features, ho_y = features[held].reset_index(drop=True), y[held]
    held_scores = {
        name: clone(make()).fit(dev_features, dev_y).predict_proba(ho_features)[:, 1]
        for name, make in makers.items()
        if name != REFERENCE
    }
    held_scores[REFERENCE] = np.asarray(saved_held_scores, dtype=float)
    # Out-of-fold models were each trained on about four fifths of the letters, whose share of
    # Overturned items is the whole set's (the folds are stratified by letter).
    cv_prior = float(y.mean())
    return {
        "labels": {name: LABELS[name] for name in makers},
        "cross_validation": _setting(y, cv_scores, features["case_number"], cv_prior),
        "held_out": _setting(ho_y, held_scores, ho_features["case_number"], trained_prior),
        "prior_shift_simulation": shift_simulation(y, cv_scores[REFERENCE], cv_prior),
        "scores": {"cross_validation": cv_scores, "held_out": held_scores},
    }
