"""Prior-shift adjustment, checked where the true prior and the true posteriors are known:
two Gaussian classes, posteriors computed exactly by Bayes' rule (made-up data)."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.modeling.prior_shift import (
    EM,
    adjust_records,
    adjust_to_prior,
    em_prior,
    parse_base_rate,
)


def _posterior(x: np.ndarray, prior: float) -> np.ndarray:
    """P(y=1 | x) for x ~ N(+1, 1) if y=1 else N(-1, 1), under `prior`."""
    likelihood_ratio = np.exp(2 * x)  # N(x; 1, 1) / N(x; -1, 1)
    odds = prior / (1 - prior) * likelihood_ratio
    return odds / (1 + odds)


def _sample(n: int, prior: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < prior).astype(int)
    return y, rng.normal(np.where(y == 1, 1.0, -1.0), 1.0)


def test_adjusting_to_another_prior_is_bayes_rule():
    x = np.linspace(-4, 4, 81)
    trained = _posterior(x, 0.3)
    assert adjust_to_prior(trained, 0.3, 0.05) == pytest.approx(_posterior(x, 0.05), abs=1e-9)
    assert adjust_to_prior(trained, 0.3, 0.3) == pytest.approx(trained, abs=1e-12)


def test_adjusting_keeps_the_ranking():
    p = np.random.default_rng(0).random(100)
    assert (np.argsort(adjust_to_prior(p, 0.2, 0.6)) == np.argsort(p)).all()


@pytest.mark.parametrize("true_prior", [0.05, 0.1, 0.3, 0.6])
def test_em_recovers_the_true_prior_of_new_letters(true_prior):
    _, x = _sample(20_000, true_prior, seed=int(true_prior * 100))
    estimate = em_prior(_posterior(x, 0.3), trained_prior=0.3)
    assert estimate.converged
    assert estimate.prior == pytest.approx(true_prior, abs=0.015)
    # ... and the adjusted posteriors are the ones Bayes' rule gives under the true prior
    assert np.abs(estimate.adjusted - _posterior(x, true_prior)).mean() < 0.01


def test_em_lowers_the_brier_score_when_the_base_rate_fell():
    y, x = _sample(5_000, 0.08, seed=11)
    p = _posterior(x, 0.3)
    estimate = em_prior(p, 0.3)
    assert np.mean((estimate.adjusted - y) ** 2) < np.mean((p - y) ** 2)
    given = adjust_to_prior(p, 0.3, 0.08)
    assert abs(given.mean() - y.mean()) < abs(p.mean() - y.mean())


def test_em_on_nothing_returns_the_trained_prior():
    assert em_prior(np.array([]), 0.2).prior == 0.2


@pytest.mark.parametrize(
    ("text", "expected"), [("0.1", 0.1), (" em ", EM), ("EM", EM), (None, None)]
)
def test_base_rate_option_values(text, expected):
    assert parse_base_rate(text) == expected


@pytest.mark.parametrize("text", ["0", "1", "1.5", "-0.2", "ten percent", "nan"])
def test_base_rate_option_refuses_what_is_not_a_share(text):
    with pytest.raises(ValueError):
        parse_base_rate(text)


def test_adjusted_records_keep_the_model_call_and_say_what_they_were_adjusted_to():
    records = [
        {"prediction": {"p_overturned_reasoning": 0.4, "reasoning_call": "Overturned"}},
        {"prediction": {"p_overturned_reasoning": 0.01, "reasoning_call": "Upheld"}},
        {"case_number": "no prediction"},
    ]
    adjust_records(records, trained_prior=0.2, new_prior=0.05, method="given")
    first = records[0]["prediction"]
    assert first["p_overturned_adjusted"] < 0.4
    assert first["reasoning_call"] == "Overturned"
    assert first["base_rate"] == {"method": "given", "value": 0.05, "trained": 0.2}
    assert "prediction" not in records[2]
