"""PNG plots for the evaluation report (matplotlib Agg: no display needed, CI-safe)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.calibration import calibration_curve  # noqa: E402
from sklearn.metrics import confusion_matrix, precision_recall_curve, roc_curve  # noqa: E402

from pipeline.io import atomic_path  # noqa: E402

Curves = dict[str, tuple[np.ndarray, np.ndarray]]  # label -> (y, p)


def _save(fig: plt.Figure, target: Path) -> Path:
    with atomic_path(target) as temporary:
        fig.savefig(temporary, format="png", dpi=110, bbox_inches="tight", metadata={})
    plt.close(fig)
    return target


def roc_plot(curves: Curves, target: Path, title: str) -> Path:
    fig, ax = plt.subplots(figsize=(5, 4.5))
    for label, (y, p) in curves.items():
        if len(set(y)) == 2:
            fpr, tpr, _ = roc_curve(y, p)
            ax.plot(fpr, tpr, label=label)
    ax.plot([0, 1], [0, 1], "k:", label="chance")
    ax.set(xlabel="false positive rate", ylabel="true positive rate", title=title)
    ax.legend(fontsize=7, loc="lower right")
    return _save(fig, target)


def pr_plot(curves: Curves, target: Path, title: str) -> Path:
    fig, ax = plt.subplots(figsize=(5, 4.5))
    base = None
    for label, (y, p) in curves.items():
        if len(set(y)) == 2:
            precision, recall, _ = precision_recall_curve(y, p)
            ax.plot(recall, precision, label=label)
            base = float(np.mean(y))
    if base is not None:
        ax.axhline(base, color="k", linestyle=":", label=f"base rate {base:.2f}")
    ax.set(xlabel="recall (Overturned)", ylabel="precision", title=title, ylim=(0, 1.05))
    ax.legend(fontsize=7, loc="upper right")
    return _save(fig, target)


def calibration_plot(curves: Curves, target: Path, title: str, bins: int = 5) -> Path:
    fig, ax = plt.subplots(figsize=(5, 4.5))
    for label, (y, p) in curves.items():
        if len(set(y)) == 2:
            observed, predicted = calibration_curve(y, p, n_bins=bins, strategy="quantile")
            ax.plot(predicted, observed, marker="o", label=label)
    ax.plot([0, 1], [0, 1], "k:", label="perfect")
    ax.set(xlabel="mean predicted P(Overturned)", ylabel="observed share Overturned", title=title)
    ax.legend(fontsize=7, loc="upper left")
    return _save(fig, target)


def confusion_plot(y: np.ndarray, pred: np.ndarray, target: Path, title: str) -> Path:
    matrix = confusion_matrix(y, pred, labels=[0, 1])
    fig, ax = plt.subplots(figsize=(3.6, 3.2))
    ax.imshow(matrix, cmap="Blues")
    for (i, j), value in np.ndenumerate(matrix):
        ax.text(j, i, str(value), ha="center", va="center", fontsize=12)
    ax.set_xticks([0, 1], ["Upheld", "Overturned"])
    ax.set_yticks([0, 1], ["Upheld", "Overturned"])
    ax.set(xlabel="predicted", ylabel="stated", title=title)
    return _save(fig, target)
