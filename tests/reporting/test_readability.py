"""The evaluation report reads as what it shows: plot legends name the models and carry their
area, legends sit outside the axes, confusion counts contrast with their cell, an AUC on too
few items is n/a (null in metrics.json), and the console summary fits 100 columns."""

from __future__ import annotations

import json
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from pipeline.core.display_names import MODEL_LABELS
from pipeline.reporting import plots
from pipeline.reporting.metrics import MIN_ITEMS_FOR_AUC, per_category, score_block
from pipeline.reporting.render import CONSOLE_WIDTH, render_html, render_markdown, summary_lines

RNG = np.random.default_rng(0)
Y = np.array([0, 1] * 20)
P = np.clip(Y * 0.3 + RNG.random(len(Y)) * 0.7, 0, 1)
CURVES = {MODEL_LABELS[name]: (Y, P) for name in ("reader", "reasoning", "reasoning_raw_text")}


def _legend_outside(fig) -> list[str]:
    fig.canvas.draw()
    (ax,) = fig.axes
    legend = ax.get_legend()
    renderer = fig.canvas.get_renderer()
    assert not legend.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer))
    texts = [t.get_text() for t in legend.get_texts()]
    plt.close(fig)
    return texts


@pytest.mark.parametrize(
    ("make", "area"),
    [(plots.roc_figure, "AUC"), (plots.pr_figure, "PR AUC")],
)
def test_curve_legends_name_the_models_with_their_area_outside_the_axes(make, area):
    texts = _legend_outside(make(CURVES, "title"))
    for label in CURVES:
        assert any(t.startswith(label) and area in t for t in texts), texts
    assert not any(t in ("reader", "reasoning", "reasoning_raw_text") for t in texts)
    assert not any("_" in t for t in texts)


def test_calibration_legend_is_outside_the_axes():
    texts = _legend_outside(plots.calibration_figure({"Reasoning model, held-out": (Y, P)}, "t"))
    assert texts[0].startswith("Reasoning model, held-out")


def test_confusion_counts_contrast_with_their_cell():
    y = np.array([0] * 120 + [1] * 25)
    pred = np.array([0] * 100 + [1] * 20 + [0] * 4 + [1] * 21)
    fig = plots.confusion_figure(y, pred, "title")
    (ax,) = fig.axes
    image = ax.get_images()[0]
    matrix = image.get_array()
    colours = {}
    for text in ax.texts:
        j, i = (round(v) for v in text.get_position())
        cell = image.cmap(image.norm(matrix[i, j]))
        colours[int(matrix[i, j])] = text.get_color()
        dark = plots.relative_luminance(cell) < plots.DARK_BELOW_LUMINANCE
        assert text.get_color() == ("white" if dark else "black")
    plt.close(fig)
    assert colours[100] == "white" and colours[4] == "black"  # darkest and lightest cells


def test_auc_of_a_small_group_is_not_reported():
    # two items ranked the wrong way round: scikit-learn says 0.0, which means nothing
    frame = pd.DataFrame({"category": ["home_health"] * 2 + ["imaging"] * MIN_ITEMS_FOR_AUC})
    y = np.array([0, 1] + [0, 1] * (MIN_ITEMS_FOR_AUC // 2))
    p = np.array([0.9, 0.1] + [0.2, 0.8] * (MIN_ITEMS_FOR_AUC // 2))
    rows = {r["category"]: r for r in per_category(frame, y, p, 0.5)}
    assert rows["home_health"]["roc_auc"] is None
    assert rows["imaging"]["roc_auc"] == 1.0
    assert score_block(y[:2], p[:2], 0.5)["roc_auc"] is None


def _metrics(per_category_rows) -> dict:
    block = {
        **score_block(Y, P, 0.5),
        "per_category": per_category_rows,
        "misclassified": [],
        "roc_auc_excluding_verdict_only_rationales": None,
    }
    splits = ("held_out", "cross_validation")
    return {
        "setup": {"min_items_for_auc": MIN_ITEMS_FOR_AUC},
        **{split: dict.fromkeys(MODEL_LABELS, block) for split in splits},
        "raw_vs_masked_roc_auc": {s: {"masked": 0.8, "raw_unmasked": 0.9} for s in splits},
        "leakage_sentinel": {"n_hits": 0, "n_items_checked": 40, "hits": []},
        "figures": {},
    }


def test_small_group_auc_is_null_in_json_and_na_in_both_reports():
    frame = pd.DataFrame({"category": ["home_health", "home_health", "dme"]})
    rows = per_category(frame, np.array([0, 1, 0]), np.array([0.9, 0.1, 0.2]), 0.5)
    metrics = _metrics(rows)
    on_disk = json.loads(json.dumps(metrics))["held_out"]["reader"]["per_category"]
    assert {r["category"]: r["roc_auc"] for r in on_disk} == {"dme": None, "home_health": None}
    markdown, html = render_markdown(metrics), render_html(metrics)
    # accuracy [Wilson], always Upheld, mean P(O), observed share, ROC AUC
    assert re.search(
        r"\| home health \| 2 \| 1 \| 0\.000 \[0\.000, 0\.\d{3}\] "
        r"\| 0\.500 \| 0\.500 \| 0\.500 \| n/a \|",
        markdown,
    )
    assert re.search(
        r"<td>home health</td><td>2</td><td>1</td><td>0\.000 \[0\.000, 0\.\d{3}\]</td>"
        r"<td>0\.500</td><td>0\.500</td><td>0\.500</td><td>n/a</td>",
        html,
    )
    assert "| DME | 1 | 0 |" in markdown and "<td>DME</td>" in html
    assert f"fewer than {MIN_ITEMS_FOR_AUC} items" in markdown
    assert f"fewer than {MIN_ITEMS_FOR_AUC} items" in html


@pytest.mark.parametrize("width", [CONSOLE_WIDTH, 80])
def test_console_summary_fits_the_width(width):
    lines = summary_lines(_metrics([]), width=width)
    assert max(map(len, lines)) <= width
    assert any("Decision reader" in line and "0." in line for line in lines)


def test_console_summary_never_wider_than_100_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "190")
    lines = summary_lines(_metrics([]))
    assert max(map(len, lines)) <= CONSOLE_WIDTH
