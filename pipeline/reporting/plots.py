"""PNG plots for the evaluation report (matplotlib Agg: no display needed, CI-safe).

Curves are labelled by the caller with the names a reader knows ("Decision reader"), and each
legend entry carries the curve's area (ROC AUC; PR AUC, the average precision the report's
tables show). Legends sit below the axes, where they cannot cover a curve. Confusion-matrix
counts are white on dark cells and black on light ones, chosen from the cell colour's luminance.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    average_precision_score,
    confusion_matrix,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

from pipeline.core.io import atomic_path  # noqa: E402
from pipeline.reporting.corpus.stats import wilson  # noqa: E402

Curves = dict[str, tuple[np.ndarray, np.ndarray]]  # label -> (y, p)
CONFUSION_CMAP = "Blues"
# WCAG: black text is the more readable on a colour of relative luminance above this, white below.
DARK_BELOW_LUMINANCE = 0.179


def _save(fig: plt.Figure, target: Path) -> Path:
    with atomic_path(target) as temporary:
        fig.savefig(temporary, format="png", dpi=110, bbox_inches="tight", metadata={})
    plt.close(fig)
    return target


def _legend_below(ax: plt.Axes) -> None:
    """The legend under the axes (outside them), one entry per row."""
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=1, frameon=False)


def roc_figure(curves: Curves, title: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(5, 4.5))
    for label, (y, p) in curves.items():
        if len(set(y)) == 2:
            fpr, tpr, _ = roc_curve(y, p)
            ax.plot(fpr, tpr, label=f"{label} (AUC {roc_auc_score(y, p):.3f})")
    ax.plot([0, 1], [0, 1], "k:", label="chance (AUC 0.500)")
    ax.set(xlabel="false positive rate", ylabel="true positive rate", title=title)
    _legend_below(ax)
    return fig


def roc_plot(curves: Curves, target: Path, title: str) -> Path:
    return _save(roc_figure(curves, title), target)


def pr_figure(curves: Curves, title: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(5, 4.5))
    base = None
    for label, (y, p) in curves.items():
        if len(set(y)) == 2:
            precision, recall, _ = precision_recall_curve(y, p)
            area = average_precision_score(y, p)
            ax.plot(recall, precision, label=f"{label} (PR AUC {area:.3f})")
            base = float(np.mean(y))
    if base is not None:
        ax.axhline(base, color="k", linestyle=":", label=f"base rate {base:.3f}")
    ax.set(xlabel="recall (Overturned)", ylabel="precision", title=title, ylim=(0, 1.05))
    _legend_below(ax)
    return fig


def pr_plot(curves: Curves, target: Path, title: str) -> Path:
    return _save(pr_figure(curves, title), target)


def calibration_bins(y: np.ndarray, p: np.ndarray, bins: int = 5) -> list[tuple[float, ...]]:
    """(mean P, observed share, Wilson low, Wilson high) of each equal-count bin of `p`."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    edges = np.unique(np.quantile(p, np.linspace(0, 1, bins + 1)))
    index = np.clip(np.searchsorted(edges[1:-1], p, side="right"), 0, len(edges) - 2)
    out = []
    for b in range(len(edges) - 1):
        members = index == b
        n, k = int(members.sum()), int(y[members].sum())
        if n:
            low, high = wilson(k, n) or (0.0, 1.0)
            out.append((float(p[members].mean()), k / n, low, high))
    return out


def calibration_figure(curves: Curves, title: str, bins: int = 5) -> plt.Figure:
    """Observed share against mean P in equal-count bins, each with its 95 % Wilson interval."""
    fig, ax = plt.subplots(figsize=(5, 4.5))
    for label, (y, p) in curves.items():
        if len(set(y)) == 2:
            points = np.array(calibration_bins(y, p, bins))
            mean_p, observed, low, high = points.T
            (line,) = ax.plot(
                mean_p, observed, marker="o", label=f"{label} ({len(y)} items; bars: 95 % Wilson)"
            )
            ax.errorbar(
                mean_p,
                observed,
                yerr=[observed - low, high - observed],
                fmt="none",
                ecolor=line.get_color(),
                capsize=3,
            )
    ax.plot([0, 1], [0, 1], "k:", label="perfect calibration")
    ax.set(xlabel="mean predicted P(Overturned)", ylabel="observed share Overturned", title=title)
    _legend_below(ax)
    return fig


def calibration_plot(curves: Curves, target: Path, title: str, bins: int = 5) -> Path:
    return _save(calibration_figure(curves, title, bins), target)


def relative_luminance(rgba: tuple[float, ...]) -> float:
    """WCAG relative luminance of an sRGB colour (components in 0..1)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_colour(rgba: tuple[float, ...]) -> str:
    return "white" if relative_luminance(rgba) < DARK_BELOW_LUMINANCE else "black"


def confusion_figure(y: np.ndarray, pred: np.ndarray, title: str) -> plt.Figure:
    matrix = confusion_matrix(y, pred, labels=[0, 1])
    fig, ax = plt.subplots(figsize=(3.6, 3.2))
    image = ax.imshow(matrix, cmap=CONFUSION_CMAP)
    for (i, j), value in np.ndenumerate(matrix):
        colour = text_colour(image.cmap(image.norm(value)))
        ax.text(j, i, str(value), ha="center", va="center", fontsize=12, color=colour)
    ax.set_xticks([0, 1], ["Upheld", "Overturned"])
    ax.set_yticks([0, 1], ["Upheld", "Overturned"])
    ax.set(xlabel="predicted", ylabel="stated", title=title)
    return fig


def confusion_plot(y: np.ndarray, pred: np.ndarray, target: Path, title: str) -> Path:
    return _save(confusion_figure(y, pred, title), target)
