"""Reliability bins and the prior-shift simulation on made-up, perfectly calibrated scores."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.evaluation.calibration import reliability, shift_simulation


def _calibrated(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    p = rng.beta(1, 6, n)  # mostly small, like P(Overturned)
    return (rng.random(n) < p).astype(int), p


def test_reliability_bins_cover_every_item_and_hold_calibrated_scores():
    y, p = _calibrated(3000)
    bins = reliability(y, p, n_bins=5)
    assert sum(b["n_items"] for b in bins) == 3000
    assert all(b["observed_low"] <= b["observed"] <= b["observed_high"] for b in bins)
    assert sum(b["inside"] for b in bins) >= 4  # 95 % intervals: at most one miss expected
    assert [b["mean_p"] for b in bins] == sorted(b["mean_p"] for b in bins)


def test_reliability_flags_a_miscalibrated_model():
    y, p = _calibrated(3000)
    bins = reliability(y, np.clip(p * 3, 0, 1), n_bins=5)
    assert sum(b["inside"] for b in bins) <= 1


@pytest.mark.parametrize("target", [0.05, 0.4])
def test_shift_simulation_adjustment_removes_the_bias(target):
    y, p = _calibrated(4000, seed=2)
    trained = float(y.mean())  # about 0.14
    (row,) = shift_simulation(y, p, trained, targets=[target], n_simulations=40)
    before, given = row["gap_before"]["mean"], row["gap_given"]["mean"]
    # unadjusted: too high when the share fell, too low when it rose
    assert (before > 0.02) if target < trained else (before < -0.02)
    assert abs(given) < abs(before) / 3
    assert abs(row["gap_em"]["mean"]) < abs(before) / 2
    assert row["em_prior"]["mean"] == pytest.approx(target, abs=0.05)
    assert row["brier_given"]["mean"] <= row["brier_before"]["mean"]
