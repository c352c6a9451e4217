"""Evaluate the saved models: held-out letters + grouped CV on the development letters.

Held-out figures come from the verified artifacts in models/ (fitted without those letters).
Cross-validation refits fresh clones of the same pipelines (the saved reasoning configuration)
on StratifiedGroupKFold folds of the development letters only. Both are reported beside the
majority baseline, and the reasoning model is also refitted on the UNMASKED rationale so the
cost of masking is visible (raw vs masked AUC).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sklearn.base import clone

from pipeline.core.display_names import BASELINE_LABELS, MODEL_LABELS
from pipeline.core.io import atomic_open, dump_json
from pipeline.evaluation.bootstrap import CALL_METRICS, METRICS, compare
from pipeline.evaluation.comparison import compare_models
from pipeline.features.table import build_features, outcome_labels
from pipeline.modeling.artifacts import smoke_notice
from pipeline.modeling.estimators import build_reader, build_reasoning
from pipeline.modeling.predict import load_fitted_pipelines, load_models
from pipeline.modeling.splits import grouped_folds
from pipeline.modeling.train import candidate_scores
from pipeline.reporting import plots
from pipeline.reporting.metrics import MIN_ITEMS_FOR_AUC, misclassified, per_category, score_block
from pipeline.reporting.render import render_html, render_markdown
from pipeline.tagging.verdicts import sentinel_hits

if TYPE_CHECKING:
    from pipeline.modeling.reasons.model import LabelledItems

MODELS = ("reader", "reasoning", "reasoning_raw_text")
TEXT_FOR = {
    "reader": "verdict_text",
    "reasoning": "masked_text",
    "reasoning_raw_text": "rationale_text",
}


def _raw(features: pd.DataFrame) -> pd.DataFrame:
    """The same table with the UNMASKED rationale where the masked one would go."""
    raw = features.copy()
    raw["reasoning_text"] = raw["rationale_text"]
    return raw


def cross_validated(
    features: pd.DataFrame, y: np.ndarray, config: dict[str, Any]
) -> dict[str, np.ndarray]:
    """Out-of-fold P(Overturned) of each model over grouped, stratified folds."""
    folds = grouped_folds(features["case_number"].tolist(), y)
    makers = {
        "reader": (build_reader, features),
        "reasoning": (lambda: build_reasoning(config), features),
        "reasoning_raw_text": (lambda: build_reasoning(config), _raw(features)),
    }
    out = {}
    for name, (make, table) in makers.items():
        scores = np.zeros(len(y))
        for train, test in folds:
            model = clone(make()).fit(table.iloc[train], y[train])
            scores[test] = model.predict_proba(table.iloc[test])[:, 1]
        out[name] = scores
    return out


def _selection_intervals(
    selection: dict[str, Any], features: pd.DataFrame, y: np.ndarray, chosen: dict[str, Any]
) -> dict[str, Any]:
    """Model choice with intervals: each candidate's out-of-fold ROC AUC on the development
    letters recomputed as training computed it, bootstrapped by letter, and paired with the
    chosen configuration's."""
    results = selection.get("results") or []
    if not results:
        return selection
    candidates = [dict(r["config"]) for r in results]
    scores = {str(i): p for i, p in candidate_scores(features, y, candidates).items()}
    reference = str(next((i for i, c in enumerate(candidates) if c == chosen), 0))
    boot = compare(
        y,
        scores,
        features["case_number"].to_numpy(),
        reference=reference,
        metrics={"roc_auc": METRICS["roc_auc"]},
    )
    out = []
    for i, r in enumerate(results):
        key = str(i)
        out.append(
            {
                **r,
                "cv_roc_auc_interval": boot["models"][key]["roc_auc"],
                "chosen": key == reference,
                "vs_chosen": (boot["vs_reference"].get(key) or {}).get("roc_auc"),
            }
        )
    return {**selection, "results": out}


def _sentinel(features: pd.DataFrame) -> dict[str, Any]:
    hits = []
    for row in features.itertuples():
        for name, text in sentinel_hits(row.masked_text):
            hits.append({"case_number": row.case_number, "pattern": name, "text": text})
    return {"n_items_checked": int(len(features)), "n_hits": len(hits), "hits": hits[:50]}


def _block(
    name: str,
    items: pd.DataFrame,
    features: pd.DataFrame,
    y: np.ndarray,
    p: np.ndarray,
    threshold: float,
) -> dict[str, Any]:
    scores = score_block(y, p, threshold)
    # Intervals (bootstrap by letter) and the paired difference from the split's own base
    # rate given to every item: the baseline every figure is read against.
    # Accuracy, balanced accuracy, F1 and recall are the model's calls at its threshold against
    # always-Upheld (as 0/1 scores, so the bootstrap's P >= 0.5 reads them as they are).
    groups = features["case_number"]
    prior = np.full(len(y), float(np.mean(y)) if len(y) else 0.0)
    ranked = {k: v for k, v in METRICS.items() if k != "accuracy"}
    bootstrap = compare(y, {name: p, "prior": prior}, groups, reference=name, metrics=ranked)
    calls = {name: (p >= threshold).astype(float), "prior": np.zeros(len(y))}
    called = compare(y, calls, groups, reference=name, metrics=CALL_METRICS)
    for key in ("models", "vs_reference"):
        for model, by_metric in called[key].items():
            bootstrap[key][model].update(by_metric)
    keep = features["reasoning_empty"].to_numpy() == 0
    only_reasoned = score_block(y[keep], p[keep], threshold)
    reasoned = compare(y[keep], {name: p[keep]}, groups.to_numpy()[keep], reference=name,
                       metrics={"roc_auc": METRICS["roc_auc"]})  # fmt: skip
    table = items.reset_index(drop=True).assign(
        verdict_text=features["verdict_text"].to_numpy(),
        masked_text=features["masked_text"].to_numpy(),
        rationale_text=features["rationale_text"].to_numpy(),
    )
    return {
        **scores,
        "intervals": bootstrap["models"][name],
        "vs_prior": bootstrap["vs_reference"]["prior"],
        "roc_auc_excluding_verdict_only_rationales": only_reasoned["roc_auc"],
        "roc_auc_excluding_verdict_only_interval": reasoned["models"][name]["roc_auc"],
        "per_category": per_category(features, y, p, threshold),
        "misclassified": misclassified(table, y, p, threshold, TEXT_FOR[name]),
    }


def _reasons(data: LabelledItems | None, reports_dir: Path, command: str) -> dict[str, Any] | None:
    """The denial-reason evaluation (`evaluate_reasons`, as `imr evaluate-reasons` runs it) of
    the labelled items, also written to reasons.{json,md}; {"unavailable": why} when they are
    too few; None when no labels were given."""
    if data is None:
        return None
    from pipeline.evaluation.reasons import evaluate_reasons, too_few_letters, write_reports

    short = too_few_letters(data)
    if short:
        return {"unavailable": short}
    from pipeline.modeling.reasons.made_up import made_up_data

    result = evaluate_reasons(data, extra=made_up_data())
    write_reports(result, reports_dir, command)
    return result


def evaluate(
    items: pd.DataFrame,
    letters: pd.DataFrame,
    models_dir: Path,
    reports_dir: Path,
    reasons: LabelledItems | None = None,
    reasons_command: str = "",
) -> dict[str, Any]:
    """Score both models on the held-out letters and by grouped CV; with `reasons` (the items
    a reasons.jsonl labels: `evaluation.reasons.labelled_data`) evaluate the denial reasons
    too; write the reports."""
    reports_dir = Path(reports_dir)
    figures = reports_dir / "figures"
    models = load_models(models_dir)
    notice = smoke_notice(models.metadata)
    if notice:
        return _smoke_evaluation(notice, items, models.metadata, reports_dir)
    items = items.reset_index(drop=True)
    features = build_features(items, letters)
    y = outcome_labels(items)
    held_cases = set(models.metadata["training_data"]["held_out_cases"])
    held = features["case_number"].isin(held_cases).to_numpy()
    dev = ~held
    config = models.metadata["feature_config"]["reasoning_config"]
    thresholds = {
        "reader": models.reader_threshold,
        "reasoning": models.reasoning_threshold,
        "reasoning_raw_text": models.reasoning_threshold,
    }

    dev_features, dev_y = features[dev].reset_index(drop=True), y[dev]
    ho_features, ho_y = features[held].reset_index(drop=True), y[held]
    raw_model = build_reasoning(config).fit(_raw(dev_features), dev_y)
    # Held-out scores from the compiled scorers `imr predict` runs, checked against the fitted
    # scikit-learn pipelines they were compiled from.
    ho_rows = ho_features.to_dict(orient="records")
    held_scores = {
        "reader": models.reader.predict_proba(ho_rows),
        "reasoning": models.reasoning.predict_proba(ho_rows),
        "reasoning_raw_text": raw_model.predict_proba(_raw(ho_features))[:, 1],
    }
    fitted = dict(zip(("reader", "reasoning"), load_fitted_pipelines(models_dir), strict=True))
    compiled_vs_fitted = {
        name: float(np.max(np.abs(held_scores[name] - pipe.predict_proba(ho_features)[:, 1])))
        for name, pipe in fitted.items()
    }
    cv_scores = cross_validated(dev_features, dev_y, config)
    comparison = compare_models(
        features,
        y,
        held,
        config,
        held_scores["reasoning"],
        float(models.metadata.get("base_rate_overturned", dev_y.mean())),
    )
    comparison_scores = comparison.pop("scores")

    splits = {
        "held_out": (items[held], ho_features, ho_y, held_scores),
        "cross_validation": (items[dev], dev_features, dev_y, cv_scores),
    }
    results: dict[str, Any] = {}
    for split, (split_items, split_features, split_y, scores) in splits.items():
        results[split] = {
            name: _block(name, split_items, split_features, split_y, scores[name], thresholds[name])
            for name in MODELS
        }

    metrics: dict[str, Any] = {
        "setup": {
            "n_items": int(len(items)),
            "n_letters": int(features["case_number"].nunique()),
            "held_out_letters": int(len(held_cases & set(features["case_number"]))),
            "held_out_items": int(held.sum()),
            "development_items": int(dev.sum()),
            "cv": "StratifiedGroupKFold(5) by case_number on the development letters",
            "thresholds": thresholds,
            "min_items_for_auc": MIN_ITEMS_FOR_AUC,
            "reasoning_config": config,
            "model_created_at": models.metadata.get("created_at"),
            "training_fingerprint": models.metadata["training_data"]["fingerprint_training_items"],
        },
        "comparison": comparison,
        "held_out": results["held_out"],
        "cross_validation": results["cross_validation"],
        "raw_vs_masked_roc_auc": {
            split: {
                "masked": results[split]["reasoning"]["roc_auc"],
                "raw_unmasked": results[split]["reasoning_raw_text"]["roc_auc"],
            }
            for split in splits
        },
        "leakage_sentinel": _sentinel(features),
        "compiled_vs_fitted_max_abs_difference": compiled_vs_fitted,
        "model_selection": _selection_intervals(
            models.metadata.get("model_selection", {}), dev_features, dev_y, config
        ),
    }

    curves = {
        "roc_held_out": plots.roc_plot(
            {MODEL_LABELS[k]: (ho_y, v) for k, v in held_scores.items()},
            figures / "roc_held_out.png",
            "ROC, held-out letters",
        ),
        "roc_cv": plots.roc_plot(
            {MODEL_LABELS[k]: (dev_y, v) for k, v in cv_scores.items()},
            figures / "roc_cv.png",
            "ROC, grouped CV (development letters)",
        ),
        "pr_held_out": plots.pr_plot(
            {MODEL_LABELS[k]: (ho_y, v) for k, v in held_scores.items()},
            figures / "pr_held_out.png",
            "Precision-recall, held-out",
        ),
        "pr_cv": plots.pr_plot(
            {MODEL_LABELS[k]: (dev_y, v) for k, v in cv_scores.items()},
            figures / "pr_cv.png",
            "Precision-recall, grouped CV",
        ),
        "calibration_all_letters": plots.calibration_plot(
            {
                "Reasoning model, grouped CV (all letters)": (
                    y,
                    comparison_scores["cross_validation"]["reasoning"],
                ),
                f"{BASELINE_LABELS['length']}, grouped CV (all letters)": (
                    y,
                    comparison_scores["cross_validation"]["length"],
                ),
            },
            figures / "calibration_all_letters.png",
            "Calibration, grouped CV over all letters",
        ),
        "calibration": plots.calibration_plot(
            {
                "Reasoning model, grouped CV": (dev_y, cv_scores["reasoning"]),
                "Reasoning model, held-out letters": (ho_y, held_scores["reasoning"]),
            },
            figures / "calibration_reasoning.png",
            "Calibration of the reasoning model",
        ),
        "confusion_reader_held_out": plots.confusion_plot(
            ho_y,
            (held_scores["reader"] >= thresholds["reader"]).astype(int),
            figures / "confusion_reader_held_out.png",
            "Decision reader, held-out",
        ),
        "confusion_reasoning_held_out": plots.confusion_plot(
            ho_y,
            (held_scores["reasoning"] >= thresholds["reasoning"]).astype(int),
            figures / "confusion_reasoning_held_out.png",
            "Reasoning model, held-out",
        ),
        "confusion_reasoning_cv": plots.confusion_plot(
            dev_y,
            (cv_scores["reasoning"] >= thresholds["reasoning"]).astype(int),
            figures / "confusion_reasoning_cv.png",
            "Reasoning model, grouped CV",
        ),
    }
    metrics["figures"] = {k: str(v.relative_to(reports_dir)) for k, v in curves.items()}
    reasons_result = _reasons(reasons, reports_dir, reasons_command)
    if reasons_result is not None:
        metrics["reasons"] = reasons_result

    dump_json(metrics, reports_dir / "metrics.json", sort_keys=False)
    with atomic_open(reports_dir / "evaluation.md") as f:
        f.write(render_markdown(metrics))
    with atomic_open(reports_dir / "evaluation.html") as f:
        f.write(render_html(metrics))
    return metrics


def _smoke_evaluation(
    notice: str, items: pd.DataFrame, metadata: dict[str, Any], reports_dir: Path
) -> dict[str, Any]:
    """Smoke-test models were fitted on every letter: no letter is left to score them on. The
    reports say so under a banner instead of showing figures that would mean nothing."""
    nothing = ("Nothing was measured: the models were fitted on every letter they were given, "
               "so no held-out letter is left to score them on.")  # fmt: skip
    metrics: dict[str, Any] = {
        "smoke_test": True,
        "notice": notice,
        "setup": {
            "n_items": int(len(items)),
            "n_letters": int(items["case_number"].nunique()) if len(items) else 0,
            "model_created_at": metadata.get("created_at"),
        },
    }
    dump_json(metrics, Path(reports_dir) / "metrics.json", sort_keys=False)
    with atomic_open(Path(reports_dir) / "evaluation.md") as f:
        f.write(f"# Outcome models: evaluation\n\n> **Warning: {notice}**\n\n{nothing}\n")
    with atomic_open(Path(reports_dir) / "evaluation.html") as f:
        f.write(
            "<!doctype html><html><head><meta charset='utf-8'><title>IMR outcome models</title>"
            "</head><body><p style='background:#fde2e1;border:2px solid #c0392b;padding:8px;"
            f"font-weight:bold'>Warning: {html.escape(notice)}</p>"
            "<h1>Outcome models: evaluation</h1>"
            f"<p>{html.escape(nothing)}</p></body></html>\n"
        )
    return metrics
