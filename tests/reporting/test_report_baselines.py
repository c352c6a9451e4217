"""The evaluation report puts every metric beside its baseline, with an interval, and says so in
a sentence where the model does not beat it (issue 24 item 5): the per-category tables, the
raw-vs-masked table, the model choice, the thresholded metrics and the calibration figures.
Made-up scores stand in for the models."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import balanced_accuracy_score, f1_score, recall_score

from pipeline.core.display_names import BASELINE_LABELS
from pipeline.evaluation.bootstrap import balanced_accuracy, f1_overturned, recall_overturned
from pipeline.reporting.metrics import misclassified, per_category
from pipeline.reporting.plots import calibration_bins
from pipeline.reporting.render import render_markdown
from tests.reporting.test_report_for_a_reader import _metrics

INTERVAL = r"\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]"


def _section(markdown: str, title: str) -> str:
    return markdown.split(f"\n## {title}")[1].split("\n## ")[0]


def _dme_always_upheld() -> list[dict]:
    """7 DME items, none Overturned, 3 called Overturned: 0.571 where always-Upheld is 1.000;
    10 imaging items, 5 Overturned, all called right."""
    frame = pd.DataFrame({"category": ["dme"] * 7 + ["imaging"] * 10})
    y = np.array([0] * 7 + [0, 1] * 5)
    p = np.array([0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1] + [0.1, 0.9] * 5)
    return per_category(frame, y, p, 0.5)


def test_per_category_rows_carry_the_always_upheld_baseline_and_a_wilson_interval():
    dme, imaging = _dme_always_upheld()
    assert dme["accuracy"] == pytest.approx(0.5714, abs=1e-4)
    assert dme["always_upheld_accuracy"] == 1.0 and imaging["always_upheld_accuracy"] == 0.5
    assert dme["accuracy_low"] < dme["accuracy"] < dme["accuracy_high"]
    assert dme["observed_share_overturned"] == 0.0


def test_per_category_table_shows_the_baseline_and_a_sentence_where_the_model_trails():
    metrics = _metrics()
    rows = _dme_always_upheld()
    for split in ("held_out", "cross_validation"):
        metrics[split] = {
            name: {**block, "per_category": rows} for name, block in metrics[split].items()
        }
    table = _section(render_markdown(metrics), "Per category: Reasoning model (masked), Held-out")
    assert "always Upheld (baseline)" in table
    assert re.search(r"\| DME \| 7 \| 0 \| 0\.571 \[\d\.\d{3}, \d\.\d{3}\] \| 1\.000 \|", table)
    sentence = next(line for line in table.splitlines() if "does not beat" in line)
    assert "DME (0.571 against 1.000)" in sentence and "imaging" not in sentence


def test_misclassified_items_are_numbered_from_1():
    items = pd.DataFrame(
        {
            "case_number": ["CM1", "CM1"],
            "issue_index": [0, 1],
            "disputed_item": ["Cane", "MRI"],
            "masked_text": ["a b", "c d"],
        }
    )
    wrong = misclassified(items, np.array([1, 0]), np.array([0.1, 0.2]), 0.5, "masked_text")
    assert [e["issue_index"] for e in wrong] == [0]  # metrics.json keeps the documented key
    metrics = _metrics()
    metrics["held_out"] = {
        **metrics["held_out"],
        "reader": {**metrics["held_out"]["reader"], "misclassified": wrong},
    }
    table = _section(render_markdown(metrics), "Misclassified: Decision reader, Held-out")
    assert "| CM1 | 1 | Cane |" in table and "| CM1 | 0 |" not in table


def test_raw_vs_masked_and_thresholded_metrics_carry_intervals_and_baselines():
    metrics = _metrics()
    estimate = {"value": 0.8, "low": 0.7, "high": 0.9}
    for split in ("held_out", "cross_validation"):
        for name, block in metrics[split].items():
            intervals = dict.fromkeys(
                (
                    "roc_auc",
                    "pr_auc",
                    "brier",
                    "accuracy",
                    "balanced_accuracy",
                    "f1_overturned",
                    "recall_overturned",
                ),
                estimate,
            )
            metrics[split][name] = {
                **block,
                "intervals": intervals,
                "roc_auc_excluding_verdict_only_interval": estimate,
            }
    markdown = render_markdown(metrics)
    raw = _section(markdown, "Raw vs masked")
    row = next(line for line in raw.splitlines() if line.startswith("| Held-out"))
    assert len(re.findall(INTERVAL, row)) == 3 and row.endswith("| 0.500 |"), row
    summary = _section(markdown, "Decision reader and reasoning model")
    for baseline in ("0.800 [0.700, 0.900] (majority 0.500)", "(majority 0.000)"):
        assert baseline in summary


def test_model_choice_shows_intervals_and_which_candidates_are_within_noise():
    metrics = _metrics()
    config = {"C": 10.0, "char_ngrams": True, "structure": "minimal"}
    metrics["model_selection"] = {
        "results": [
            {
                "config": config,
                "cv_roc_auc": 0.85,
                "chosen": True,
                "cv_roc_auc_interval": {"value": 0.85, "low": 0.78, "high": 0.91},
                "vs_chosen": None,
            },
            {
                "config": {**config, "C": 100.0},
                "cv_roc_auc": 0.84,
                "chosen": False,
                "cv_roc_auc_interval": {"value": 0.84, "low": 0.77, "high": 0.90},
                "vs_chosen": {"value": 0.01, "low": -0.01, "high": 0.02, "reference_better": None},
            },
            {
                "config": {**config, "structure": "full"},
                "cv_roc_auc": 0.55,
                "chosen": False,
                "cv_roc_auc_interval": {"value": 0.55, "low": 0.45, "high": 0.66},
                "vs_chosen": {"value": 0.30, "low": 0.2, "high": 0.4, "reference_better": True},
            },
        ]
    }
    choice = _section(render_markdown(metrics), "Model choice")
    assert (
        "| C = 10.0, character n-grams, minimal structured features | 0.850 [0.780, 0.910] |"
        " 0.500 | (chosen) |" in choice
    )
    assert "+0.010 [-0.010, +0.020]" in choice
    near = next(line for line in choice.splitlines() if line.startswith("Not distinguishable"))
    assert "C = 100.0" in near and "full" not in near
    chance = next(line for line in choice.splitlines() if line.startswith("Does not beat chance"))
    assert "full structured features" in chance


@pytest.mark.parametrize("seed", range(5))
def test_call_metrics_agree_with_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    y = (rng.random(40) < 0.3).astype(int)
    y[:2] = [0, 1]
    p = rng.random(40)
    calls = (p >= 0.5).astype(int)
    assert balanced_accuracy(y, p) == pytest.approx(balanced_accuracy_score(y, calls))
    assert f1_overturned(y, p) == pytest.approx(f1_score(y, calls, zero_division=0))
    assert recall_overturned(y, p) == pytest.approx(recall_score(y, calls))


def test_calibration_bins_carry_wilson_intervals():
    rng = np.random.default_rng(1)
    p = rng.random(200)
    y = (rng.random(200) < p).astype(int)
    bins = calibration_bins(y, p, 5)
    assert len(bins) == 5
    for mean_p, observed, low, high in bins:
        assert 0 <= low <= observed <= high <= 1 and 0 <= mean_p <= 1
        assert high - low > 0.05  # 40 items per bin: an interval, not a point


def test_each_baseline_has_one_name():
    """The report, its figures and the comparison name a baseline from display_names only."""
    root = Path(__file__).resolve().parents[2] / "pipeline"
    for name in BASELINE_LABELS.values():
        written = [
            path.relative_to(root).as_posix()
            for path in root.rglob("*.py")
            if name in path.read_text(encoding="utf-8")
        ]
        assert written == ["core/display_names.py"], (name, written)
    source = (root / "evaluation" / "report.py").read_text(encoding="utf-8")
    assert "length numbers" not in source


def test_a_model_below_the_base_rate_is_called_worse_not_level():
    metrics = _metrics()
    worse = {"value": -0.14, "low": -0.2, "high": -0.08, "reference_better": False}
    level = {"value": 0.01, "low": -0.02, "high": 0.05, "reference_better": None}
    better = {"value": 0.3, "low": 0.2, "high": 0.4, "reference_better": True}
    block = metrics["held_out"]["reasoning"]
    vs = {"accuracy": worse, "brier": level, "roc_auc": better, "f1_overturned": better}
    metrics["held_out"] = {**metrics["held_out"], "reasoning": {**block, "vs_prior": vs}}
    summary = _section(render_markdown(metrics), "Decision reader and reasoning model")
    line = next(x for x in summary.splitlines() if x.startswith("Reasoning model (masked), Held"))
    assert "worse on accuracy; not distinguishable on Brier (the interval holds 0)" in line
    assert "ROC AUC" not in line and "F1" not in line
