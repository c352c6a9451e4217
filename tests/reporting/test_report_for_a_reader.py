"""The evaluation report reads for a person (issue 24 item 5): the comparison table first, every
figure with its interval and baseline, a sentence wherever a simpler model is not worse, no
printed dicts. Made-up scores stand in for the models."""

from __future__ import annotations

import re

import numpy as np

from pipeline.evaluation.calibration import shift_simulation
from pipeline.evaluation.comparison import _setting
from pipeline.modeling.baselines import LABELS
from pipeline.reporting.metrics import MIN_ITEMS_FOR_AUC, score_block
from pipeline.reporting.render import render_html, render_markdown, summary_lines

RNG = np.random.default_rng(3)
GROUPS = np.repeat(np.arange(60), 3)
Y = (RNG.random(len(GROUPS)) < 0.15).astype(int)
GOOD = np.clip(0.05 + Y * 0.5 + RNG.random(len(Y)) * 0.3, 0, 1)
SCORES = {
    "prior": np.full(len(Y), Y.mean()),
    "category": RNG.random(len(Y)) * 0.3,
    "length": GOOD + RNG.normal(0, 0.01, len(Y)),  # as good as the reference
    "deficit_share": np.clip(0.1 + Y * 0.2 + RNG.random(len(Y)) * 0.4, 0, 1),
    "tfidf": RNG.random(len(Y)),
    "reasoning": GOOD,
}


def _metrics() -> dict:
    setting = _setting(Y, SCORES, GROUPS, float(Y.mean()))
    block = {
        **score_block(Y, GOOD, 0.5),
        "per_category": [],
        "misclassified": [],
        "roc_auc_excluding_verdict_only_rationales": None,
    }
    splits = ("held_out", "cross_validation")
    models = ("reader", "reasoning", "reasoning_raw_text")
    return {
        "setup": {"min_items_for_auc": MIN_ITEMS_FOR_AUC},
        "comparison": {
            "labels": {name: LABELS[name] for name in SCORES},
            "cross_validation": setting,
            "held_out": setting,
            "prior_shift_simulation": shift_simulation(Y, GOOD, float(Y.mean()), n_simulations=5),
        },
        **{split: dict.fromkeys(models, block) for split in splits},
        "raw_vs_masked_roc_auc": {s: {"masked": 0.8, "raw_unmasked": 0.9} for s in splits},
        "leakage_sentinel": {"n_hits": 0, "n_items_checked": 40, "hits": []},
        "model_selection": {"results": [{"config": {"C": 10.0, "char_ngrams": True,
                                                    "structure": "minimal"}, "cv_roc_auc": 0.8}]},
        "figures": {},
    }  # fmt: skip


def test_the_comparison_table_comes_first_with_an_interval_in_every_figure():
    markdown = render_markdown(_metrics())
    first = markdown.split("\n## ")[1]
    assert first.startswith("Summary: the reasoning model against simpler models")
    rows = [line for line in first.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + len(SCORES)  # header + one row per model
    for row in rows[1:]:
        cells = row.strip("| ").split(" | ")
        assert all(re.fullmatch(r"\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]", c) for c in cells[1:5]), row


def test_a_simpler_model_that_is_not_worse_gets_a_sentence_saying_so():
    markdown = render_markdown(_metrics())
    summary = markdown.split("\n## ")[1]
    assert f"{LABELS['length']} is not worse than the reasoning model" in summary
    assert "ROC AUC" in summary.split(f"{LABELS['length']} is not worse")[1].split("\n")[0]
    # a baseline the reference clearly beats on ranking gets no such sentence for ROC AUC
    tfidf = [line for line in summary.splitlines() if line.startswith(LABELS["tfidf"] + " is")]
    assert all("ROC AUC" not in line.split("advantage")[0] for line in tfidf)


def test_no_dict_is_printed_anywhere():
    metrics = _metrics()
    for text in (render_markdown(metrics), render_html(metrics)):
        assert not re.search(r"\{'|': ", text), re.search(r".{40}(\{'|': ).{40}", text)
    assert "C = 10.0, character n-grams, minimal structured features" in render_markdown(metrics)


def test_calibration_and_prior_shift_sections_carry_intervals():
    markdown = render_markdown(_metrics())
    calibration = markdown.split("\n## Calibration")[1].split("\n## ")[0]
    assert "observed [95 % Wilson]" in calibration and "after EM" in calibration
    assert re.search(r"Brier \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\] against", calibration)
    shift = markdown.split("\n## Prior shift")[1].split("\n## ")[0]
    assert re.search(r"\| 0\.05 \| \d\.\d{3} \(\d\.\d{3} to \d\.\d{3}\) \|", shift)


def test_console_summary_starts_with_the_comparison_and_fits_100_columns():
    lines = summary_lines(_metrics(), width=100)
    assert max(map(len, lines)) <= 100
    assert lines[0].startswith("Against simpler models")
