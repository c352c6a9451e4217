"""evaluate() writes the three reports and the plots, with every metric the brief asks for."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluation.report import evaluate


@pytest.mark.slow
def test_reports_are_written_with_all_metrics(synthetic_models, tmp_path):
    items, letters, models_dir = synthetic_models
    metrics = evaluate(items, letters, models_dir, tmp_path)
    on_disk = json.loads((tmp_path / "metrics.json").read_text())
    assert on_disk["raw_vs_masked_roc_auc"] == metrics["raw_vs_masked_roc_auc"]
    for split in ("held_out", "cross_validation"):
        for model in ("reader", "reasoning"):
            block = metrics[split][model]
            for key in ("roc_auc", "pr_auc", "balanced_accuracy", "f1_overturned", "brier"):
                assert key in block
            assert block["majority_baseline"]["accuracy"] is not None
            assert isinstance(block["per_category"], list) and block["per_category"]
            assert isinstance(block["misclassified"], list)
    assert metrics["leakage_sentinel"]["n_hits"] == 0
    comparison = on_disk["comparison"]
    for setting in ("cross_validation", "held_out"):
        models = comparison[setting]["models"]
        assert set(models) >= {"prior", "category", "length", "tfidf", "reasoning"}
        for estimates in models.values():
            for key in ("roc_auc", "pr_auc", "brier", "accuracy"):
                estimate = estimates[key]
                assert estimate["low"] <= estimate["value"] <= estimate["high"], (key, estimate)
        assert comparison[setting]["calibration"]["reliability"]
    assert comparison["cross_validation"]["n_letters"] == items["case_number"].nunique()
    assert [r["target_base_rate"] for r in comparison["prior_shift_simulation"]]
    assert metrics["held_out"]["reasoning"]["intervals"]["roc_auc"]["low"] is not None
    for relative in metrics["figures"].values():
        assert (tmp_path / relative).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    markdown = (tmp_path / "evaluation.md").read_text()
    html = (tmp_path / "evaluation.html").read_text()
    assert "Raw vs masked" in markdown and "roc_cv.png" in markdown
    assert markdown.split("\n## ")[1].startswith("Summary: the reasoning model against simpler")
    assert "<img src='figures/roc_held_out.png'" in html
    # no reason labels given: the denial-reason section says how to get it, nothing stale
    assert "reasons" not in metrics and not (tmp_path / "reasons.json").exists()
    assert "Not measured in this run: run `imr evaluate --reasons" in markdown
