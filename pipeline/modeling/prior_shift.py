"""Prior-shift adjustment of P(Overturned): to a base rate the user gives, or one estimated by
EM on the new letters' own predictions (Saerens, Latinne & Decaestecker 2002, "Adjusting the
outputs of a classifier to new a priori probabilities", Neural Computation 14(1)).

The reasoning model's probabilities are calibrated to the share of Overturned items among the
letters it was trained on. A set of letters with another share (another year, another
specialty, a claims administrator's own denials) then gets probabilities that are too high or
too low on average, although their ranking is right. Under the prior-shift assumption (how an
Upheld or an Overturned rationale reads does not change, only how many there are), Bayes' rule
gives the adjusted posterior from the old one by re-weighting the two classes' odds:

    p' = (pi'/pi) p / ((pi'/pi) p + ((1-pi')/(1-pi)) (1-p))

Adjusting is monotone, so rankings (ROC/PR AUC) and the model's call at its matching threshold
are unchanged: only the probabilities move. Plain numpy, so `imr predict` can use it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_EPS = 1e-12


def _clip(p: np.ndarray | float) -> np.ndarray:
    return np.clip(np.asarray(p, dtype=float), _EPS, 1 - _EPS)


def _check_prior(name: str, value: float) -> float:
    value = float(value)
    if not 0.0 < value < 1.0:
        raise ValueError(f"{name} must be strictly between 0 and 1, not {value}")
    return value


def adjust_to_prior(p: np.ndarray, trained_prior: float, new_prior: float) -> np.ndarray:
    """Posteriors calibrated under `trained_prior`, re-weighted to `new_prior`."""
    trained_prior = _check_prior("the trained base rate", trained_prior)
    new_prior = _check_prior("the base rate", new_prior)
    p = _clip(p)
    up = new_prior / trained_prior * p
    down = (1 - new_prior) / (1 - trained_prior) * (1 - p)
    return up / (up + down)


@dataclass
class PriorEstimate:
    prior: float  # the estimated share of Overturned items among the new letters
    adjusted: np.ndarray  # the posteriors re-weighted to it
    iterations: int
    converged: bool


def em_prior(
    p: np.ndarray, trained_prior: float, tol: float = 1e-8, max_iter: int = 1000
) -> PriorEstimate:
    """Saerens et al.'s EM: alternately re-weight the posteriors to the current prior and take
    their mean as the next prior, from the trained prior, until it moves less than `tol`.

    It needs calibrated posteriors and more than a handful of items: on a few letters the
    estimate is noisy (the evaluation report shows how noisy), and it cannot reach 0 or 1.
    """
    trained_prior = _check_prior("the trained base rate", trained_prior)
    p = _clip(p)
    if not len(p):
        return PriorEstimate(trained_prior, p, 0, True)
    prior = trained_prior
    adjusted = p
    for iteration in range(1, max_iter + 1):
        adjusted = adjust_to_prior(p, trained_prior, prior)
        new = float(np.clip(adjusted.mean(), 1e-6, 1 - 1e-6))
        if abs(new - prior) < tol:
            return PriorEstimate(new, adjust_to_prior(p, trained_prior, new), iteration, True)
        prior = new
    return PriorEstimate(prior, adjusted, max_iter, False)


# Fewer items than this and EM's estimate of the share is mostly noise (`imr predict` warns).
MIN_ITEMS_FOR_EM = 50
EM = "em"


def parse_base_rate(value: str | None) -> float | str | None:
    """`--base-rate`: a share strictly between 0 and 1, or "em" (estimate it from the run's
    own predictions); ValueError otherwise."""
    if value is None:
        return None
    if value.strip().lower() == EM:
        return EM
    try:
        number = float(value)
    except ValueError:
        raise ValueError(
            f"--base-rate takes a share between 0 and 1 or 'em', not {value!r}"
        ) from None
    return _check_prior("--base-rate", number)


def adjust_records(
    records: list[dict], trained_prior: float, new_prior: float, method: str
) -> list[dict]:
    """Add the adjusted P(Overturned) to each predicted record (in place; also returned):
    `prediction.p_overturned_adjusted` and `prediction.base_rate` (what it was adjusted to,
    how, and the share the model was trained on). The model's call is left as it was: the
    adjustment is monotone, so it changes probabilities, not rankings."""
    predicted = [r for r in records if isinstance(r.get("prediction"), dict)]
    if not predicted:
        return records
    p = np.asarray([r["prediction"]["p_overturned_reasoning"] for r in predicted], dtype=float)
    adjusted = adjust_to_prior(p, trained_prior, new_prior)
    for record, value in zip(predicted, adjusted, strict=True):
        record["prediction"]["p_overturned_adjusted"] = round(float(value), 6)
        record["prediction"]["base_rate"] = {
            "method": method,
            "value": round(float(new_prior), 6),
            "trained": round(float(trained_prior), 6),
        }
    return records
