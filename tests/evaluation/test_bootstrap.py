"""Bootstrap by letter: the numpy metrics equal scikit-learn's, resamples keep letters whole,
and the paired differences say "not distinguishable" exactly when they should (made-up data)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import average_precision_score, roc_auc_score

from pipeline.evaluation.bootstrap import (
    average_precision,
    compare,
    interval,
    letter_resamples,
    roc_auc,
)


@pytest.mark.parametrize("seed", range(5))
def test_ranking_metrics_equal_scikit_learn_with_ties(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 60)
    p = np.round(rng.random(60), 1)  # one decimal: many tied scores
    assert roc_auc(y, p) == pytest.approx(roc_auc_score(y, p), abs=1e-12)
    assert average_precision(y, p) == pytest.approx(average_precision_score(y, p), abs=1e-12)


def test_ranking_metrics_are_undefined_on_one_class():
    assert roc_auc(np.zeros(5, dtype=int), np.arange(5.0)) is None
    assert average_precision(np.zeros(5, dtype=int), np.arange(5.0)) is None


def test_a_resample_draws_whole_letters_as_many_as_there_are():
    groups = ["a"] * 3 + ["b"] * 1 + ["c"] * 5 + ["d"] * 2
    sizes = {"a": 3, "b": 1, "c": 5, "d": 2}
    for index in letter_resamples(groups, n=50, seed=1):
        drawn = [groups[i] for i in index]
        counts = {g: drawn.count(g) for g in set(drawn)}
        # each letter appears a whole number of times, all its items together
        assert all(counts[g] % sizes[g] == 0 for g in counts)
        assert sum(counts[g] // sizes[g] for g in counts) == len(sizes)


def test_resamples_do_not_depend_on_row_order_of_a_letter_beyond_membership():
    groups = ["x", "y", "x", "z", "y"]
    first = [sorted(groups[i] for i in r) for r in letter_resamples(groups, n=5, seed=3)]
    again = [sorted(groups[i] for i in r) for r in letter_resamples(groups, n=5, seed=3)]
    assert first == again


def _letters(n_letters: int, per_letter: int, seed: int = 0) -> tuple:
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(n_letters), per_letter)
    y = rng.integers(0, 2, len(groups))
    return rng, groups, y


def test_identical_models_are_not_distinguishable_and_differ_by_exactly_zero():
    rng, groups, y = _letters(40, 3)
    p = np.clip(y * 0.3 + rng.random(len(y)) * 0.7, 0, 1)
    result = compare(y, {"model": p, "copy": p.copy()}, groups, "model", n=200)
    for estimate in result["vs_reference"]["copy"].values():
        assert estimate["value"] == 0 and estimate["low"] == 0 and estimate["high"] == 0
        assert estimate["reference_better"] is None


def test_a_clearly_better_model_is_called_better_on_every_ranking_metric():
    rng, groups, y = _letters(60, 3)
    good = np.clip(y * 0.6 + rng.random(len(y)) * 0.4, 0, 1)
    noise = rng.random(len(y))
    result = compare(y, {"good": good, "noise": noise}, groups, "good", n=300)
    vs = result["vs_reference"]["noise"]
    for metric in ("roc_auc", "pr_auc", "brier"):
        assert vs[metric]["reference_better"] is True, (metric, vs[metric])
        assert vs[metric]["low"] > 0
    # ... and the other way round it is the reference that is worse
    back = compare(y, {"good": good, "noise": noise}, groups, "noise", n=300)
    assert back["vs_reference"]["good"]["roc_auc"]["reference_better"] is False


def test_brier_difference_is_signed_so_positive_means_the_reference_is_better():
    y = np.array([0, 1] * 20)
    groups = np.arange(40)
    exact = y.astype(float)
    vague = np.full(40, 0.5)
    result = compare(y, {"exact": exact, "vague": vague}, groups, "exact", n=100)
    assert result["vs_reference"]["vague"]["brier"]["value"] == pytest.approx(0.25)


def test_copies_within_a_letter_do_not_narrow_the_interval():
    # 30 letters whose 8 items are copies of one another: 30 independent units, not 240
    rng = np.random.default_rng(5)
    y = np.r_[[0, 1] * 15]
    p = np.clip(y * 0.3 + rng.random(30) * 0.7, 0, 1)
    letters = np.repeat(np.arange(30), 8)
    y8, p8 = y[letters], p[letters]
    by_letter = compare(y8, {"m": p8}, letters, "m", n=300)["models"]["m"]["roc_auc"]
    by_item = compare(y8, {"m": p8}, np.arange(240), "m", n=300)["models"]["m"]["roc_auc"]
    assert by_letter["low"] <= by_letter["value"] <= by_letter["high"]
    assert (by_letter["high"] - by_letter["low"]) > 1.8 * (by_item["high"] - by_item["low"])


def test_interval_ignores_undefined_draws():
    assert interval([None, None]) is None
    low, high = interval([0.2, None, 0.4, 0.3])
    assert 0.2 <= low <= high <= 0.4
