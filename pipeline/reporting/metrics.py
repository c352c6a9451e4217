"""Metric tables for one model on one split: scores, baselines, per category, misclassified."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    roc_auc_score,
)

from pipeline.reporting.corpus.stats import wilson

SNIPPET_CHARS = 160
# Fewer items than this and a ROC/PR AUC says nothing (two items give 0 or 1): reported as
# None (null in metrics.json, "n/a" in the reports), like a group holding one class only.
MIN_ITEMS_FOR_AUC = 10


def _safe(metric: Any, *args: Any, **kwargs: Any) -> float | None:
    try:
        value = float(metric(*args, **kwargs))
    except ValueError:  # one class only
        return None
    return None if np.isnan(value) else round(value, 4)


def _ranked(metric: Any, y: Any, p: Any) -> float | None:
    """ROC/PR AUC, or None when only one class is present (undefined, not 0.5) or the group
    holds fewer than MIN_ITEMS_FOR_AUC items."""
    y = np.asarray(y)
    if len(y) < MIN_ITEMS_FOR_AUC or len(set(y.tolist())) != 2:
        return None
    return _safe(metric, y, p)


def score_block(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, Any]:
    """Ranking, calibration and thresholded metrics beside the majority-class baseline."""
    y = np.asarray(y, dtype=int)
    p = np.asarray(p, dtype=float)
    pred = (p >= threshold).astype(int)
    base_rate = float(y.mean()) if len(y) else 0.0
    majority = np.zeros_like(y)  # Upheld for everything
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return {
        "n_items": int(len(y)),
        "n_overturned": int(y.sum()),
        "base_rate_overturned": round(base_rate, 4),
        "threshold": round(float(threshold), 4),
        "roc_auc": _ranked(roc_auc_score, y, p),
        "pr_auc": _ranked(average_precision_score, y, p),
        "pr_auc_baseline": round(base_rate, 4),
        "accuracy": _safe(accuracy_score, y, pred),
        "balanced_accuracy": _safe(balanced_accuracy_score, y, pred),
        "f1_overturned": _safe(f1_score, y, pred, zero_division=0),
        "recall_overturned": round(float(tp / (tp + fn)), 4) if (tp + fn) else None,
        "brier": _safe(brier_score_loss, y, p),
        "brier_base_rate_predictor": _safe(brier_score_loss, y, np.full(len(y), base_rate)),
        "confusion": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
        "majority_baseline": {
            "accuracy": _safe(accuracy_score, y, majority),
            "balanced_accuracy": 0.5,
            "f1_overturned": 0.0,
            "roc_auc": 0.5,
            "pr_auc": round(base_rate, 4),
        },
    }


def per_category(
    frame: pd.DataFrame, y: np.ndarray, p: np.ndarray, threshold: float
) -> list[dict[str, Any]]:
    """Per service category: counts, accuracy with its 95 % Wilson interval beside the
    always-Upheld accuracy (the category's share of Upheld items), mean score beside the
    observed share Overturned, and AUC where both classes occur in at least MIN_ITEMS_FOR_AUC
    items."""
    rows = []
    table = pd.DataFrame({"category": frame["category"].to_numpy(), "y": y, "p": p})
    for category, group in table.groupby("category", sort=True):
        pred = (group["p"] >= threshold).astype(int)
        n, right = int(len(group)), int((pred == group["y"]).sum())
        low, high = wilson(right, n) or (None, None)
        overturned = int(group["y"].sum())
        rows.append(
            {
                "category": category,
                "n_items": n,
                "n_overturned": overturned,
                "accuracy": round(right / n, 4),
                "accuracy_low": None if low is None else round(low, 4),
                "accuracy_high": None if high is None else round(high, 4),
                "always_upheld_accuracy": round(1 - overturned / n, 4),
                "mean_p_overturned": round(float(group["p"].mean()), 4),
                "observed_share_overturned": round(overturned / n, 4),
                "roc_auc": _ranked(roc_auc_score, group["y"], group["p"]),
            }
        )
    return rows


ELLIPSIS = "…"


def snippet(text: str, limit: int = SNIPPET_CHARS, from_end: bool = False) -> str:
    """At most `limit` characters of `text` (whitespace collapsed), cut between words, with an
    ellipsis where text was left out: the start of the text, or its end with `from_end`. A
    single word longer than the limit is the only case cut inside a word."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    room = max(1, limit - len(ELLIPSIS))
    if from_end:
        tail = text[-room:]
        space = tail.find(" ")
        # text[-room - 1] is the character before the window: a space means a word starts here
        starts_word = text[-room - 1] == " "
        if not starts_word and 0 <= space < len(tail) - 1:
            tail = tail[space + 1 :]
        return ELLIPSIS + tail.lstrip()
    head = text[:room]
    space = head.rfind(" ")
    if text[room] != " " and space > 0:
        head = head[:space]
    return head.rstrip(" ,;:") + ELLIPSIS


def misclassified(
    items: pd.DataFrame, y: np.ndarray, p: np.ndarray, threshold: float, text_column: str
) -> list[dict[str, Any]]:
    """Every item on the wrong side of the threshold, with a short snippet of what was read."""
    out = []
    for i in np.flatnonzero((p >= threshold).astype(int) != y):
        row = items.iloc[i]
        text = str(row.get(text_column, "") or "")
        out.append(
            {
                "case_number": str(row["case_number"]),
                "issue_index": int(row["issue_index"]) if "issue_index" in row else None,
                "item": str(row.get("disputed_item", "")),
                "stated": "Overturned" if y[i] else "Upheld",
                "p_overturned": round(float(p[i]), 4),
                # the verdict is at the end of what the reader reads, the reasons at the start
                "snippet": snippet(text, from_end=text_column == "verdict_text"),
            }
        )
    return out
