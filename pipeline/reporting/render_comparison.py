"""The report's sections on the model comparison, calibration and prior shift (metrics.json's
"comparison"), as `render.py`'s (title, parts) sections: text and tables, no raw values."""

from __future__ import annotations

from typing import Any

from pipeline.core.display_names import METRIC_LABELS

Section = tuple[str, list[Any]]


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


SETTINGS = {
    "cross_validation": "grouped CV over all labelled letters",
    "held_out": "fixed held-out letters",
}


def with_interval(estimate: dict[str, Any] | None, signed: bool = False) -> str:
    """`0.842 [0.756, 0.907]`; n/a when undefined."""
    if not estimate or estimate.get("value") is None:
        return "n/a"
    number = "{:+.3f}" if signed else "{:.3f}"
    if estimate.get("low") is None:
        return number.format(estimate["value"])
    return (f"{number.format(estimate['value'])} "
            f"[{number.format(estimate['low'])}, {number.format(estimate['high'])}]")  # fmt: skip


def _not_worse(vs: dict[str, Any]) -> str:
    """The metrics on which a baseline is not worse than the reference."""
    names = [METRIC_LABELS[k] for k, e in vs.items() if e.get("reference_better") is not True]
    return ", ".join(names) if names else "none: the reasoning model is better on every metric"


def _table(setting: dict[str, Any], labels: dict[str, str]) -> tuple[list[str], list[list[Any]]]:
    header = ["model", *METRIC_LABELS.values(), "not worse than the reasoning model on"]
    rows = []
    for name, by_metric in setting["models"].items():
        vs = setting["vs_reference"].get(name)
        rows.append(
            [
                labels.get(name, name),
                *(with_interval(by_metric[k]) for k in METRIC_LABELS),
                "(reference)" if vs is None else _not_worse(vs),
            ]
        )
    return header, rows


def _differences(
    setting: dict[str, Any], labels: dict[str, str]
) -> tuple[list[str], list[list[Any]]]:
    header = ["baseline", *(f"{v}: advantage" for v in METRIC_LABELS.values())]
    rows = [
        [labels.get(name, name), *(with_interval(vs[k], signed=True) for k in METRIC_LABELS)]
        for name, vs in setting["vs_reference"].items()
    ]
    return header, rows


def _reliability(setting: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    header = ["P(Overturned) from-to", "items", "mean P", "observed [95 % Wilson]",
              "after EM: mean P", "after EM: observed"]  # fmt: skip
    rows = []
    after = setting["calibration"]["reliability_after_em"]
    for before, adjusted in zip(setting["calibration"]["reliability"], after, strict=True):
        rows.append(
            [
                f"{before['p_from']:.3f}-{before['p_to']:.3f}",
                before["n_items"],
                before["mean_p"],
                f"{before['observed']:.3f} [{before['observed_low']:.3f}, "
                f"{before['observed_high']:.3f}]",
                adjusted["mean_p"],
                f"{adjusted['observed']:.3f} [{adjusted['observed_low']:.3f}, "
                f"{adjusted['observed_high']:.3f}]",
            ]
        )
    return header, rows


def _range(summary: dict[str, Any], signed: bool = False) -> str:
    number = "{:+.3f}" if signed else "{:.3f}"
    return (f"{number.format(summary['mean'])} "
            f"({number.format(summary['low'])} to {number.format(summary['high'])})")  # fmt: skip


def _simulation(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    header = [
        "true base rate",
        "EM estimate",
        "mean P - observed: unadjusted",
        "after EM",
        "after the true rate given",
        "Brier: unadjusted",
        "after EM",
        "after the true rate given",
    ]
    body = [
        [
            f"{r['target_base_rate']:.2f}",
            _range(r["em_prior"]),
            _range(r["gap_before"], signed=True),
            _range(r["gap_em"], signed=True),
            _range(r["gap_given"], signed=True),
            _range(r["brier_before"]),
            _range(r["brier_em"]),
            _range(r["brier_given"]),
        ]
        for r in rows
    ]
    return header, body


def _shift_sentence(name: str, shift: dict[str, Any]) -> str:
    better = shift["brier_after"] < shift["brier_before"]
    return (
        f"{name}: observed share of Overturned items {shift['observed_base_rate']:.3f}, mean "
        f"P(Overturned) {shift['mean_p_before']:.3f} (trained on a share of "
        f"{shift['trained_base_rate']:.3f}). EM on these predictions estimates a share of "
        f"{shift['em_base_rate']:.3f}; adjusting to it moves the Brier score from "
        f"{shift['brier_before']:.3f} to {shift['brier_after']:.3f}"
        + (
            "."
            if better
            else " (no better: where the share has not moved, EM can only add noise; adjust when "
            "the new letters' share is known or clearly different, as the simulation below "
            "shows)."
        )
    )


def comparison_sections(m: dict[str, Any]) -> list[Section]:
    """Summary table first, then the held-out letters, the paired differences, calibration and
    the prior-shift simulation."""
    c = m.get("comparison")
    if not c:
        return []
    labels = c["labels"]
    cv, held = c["cross_validation"], c["held_out"]
    n_boot = cv["n_bootstrap"]
    how = (
        f"Intervals: 95 % bootstrap by letter ({n_boot} resamples of whole letters). Accuracy "
        "calls Overturned at P >= 0.5 (the prior-only row is then the always-Upheld majority "
        "baseline). Every learned baseline uses the reasoning model's classifier and "
        "calibration, so the rows differ only in what they read. 'Not worse' means the paired "
        "bootstrap interval of the reasoning model's advantage holds 0 (or lies below it). "
        f"With {cv['n_overturned']} of {cv['n_items']} items Overturned, always calling Upheld "
        f"is already right {1 - cv['n_overturned'] / max(cv['n_items'], 1):.0%} of the time: "
        "accuracy separates little here; read the other three columns. Prior "
        "only gives every item its training share, so it ranks nothing: its AUC departs from "
        "0.5 only because that share differs a little between folds."
    )
    sections: list[Section] = [
        (
            f"Summary: the reasoning model against simpler models ({SETTINGS['cross_validation']}"
            f": {cv['n_letters']} letters, {cv['n_items']} items, {cv['n_overturned']} "
            "Overturned)",
            [
                _table(cv, labels),
                how,
                *(
                    cv["verdicts"]
                    or ["The reasoning model beats every simpler model on every metric."]
                ),  # fmt: skip
            ],
        ),
        (
            f"The same on the {SETTINGS['held_out']} ({held['n_letters']} letters, "
            f"{held['n_items']} items, {held['n_overturned']} Overturned; the saved model, "
            "baselines fitted on the development letters)",
            [_table(held, labels), *held["verdicts"]],
        ),
        (
            "The reasoning model's advantage over each baseline (paired bootstrap by letter; "
            "positive = the reasoning model is better; for Brier, lower is better and the sign "
            "is turned)",
            [
                f"{_upper(SETTINGS['cross_validation'])}:",
                _differences(cv, labels),
                f"{_upper(SETTINGS['held_out'])}:",
                _differences(held, labels),
            ],
        ),
        (
            "Calibration of the reasoning model (equal-count bins; observed share with its "
            "Wilson interval), before and after the EM prior-shift adjustment",
            [
                f"{_upper(SETTINGS['cross_validation'])}: Brier "
                f"{with_interval(cv['models']['reasoning']['brier'])} against "
                f"{with_interval(cv['models']['prior']['brier'])} for the prior alone.",
                _reliability(cv),
                _shift_sentence(
                    _upper(SETTINGS["cross_validation"]), cv["calibration"]["prior_shift"]
                ),  # fmt: skip
                f"{_upper(SETTINGS['held_out'])}: Brier "
                f"{with_interval(held['models']['reasoning']['brier'])} against "
                f"{with_interval(held['models']['prior']['brier'])} for the prior alone.",
                _reliability(held),
                _shift_sentence(
                    _upper(SETTINGS["held_out"]), held["calibration"]["prior_shift"]
                ),  # fmt: skip
            ],
        ),
        (
            "Prior shift: letters with another share of Overturned items (simulated)",
            [
                "Sets of letters with another share of Overturned items are simulated from the "
                "grouped-CV predictions (each item scored by a model that never saw its letter) "
                "by drawing Upheld and Overturned items in the target proportions. Each figure "
                "is the mean over the simulations, with the 95 % range. 'True rate given' is "
                "`imr predict --base-rate`; EM (Saerens et al. 2002) estimates the rate from the "
                "new predictions alone.",
                _simulation(c["prior_shift_simulation"]),
            ],
        ),
    ]
    return sections
