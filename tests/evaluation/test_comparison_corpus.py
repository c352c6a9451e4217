"""The model comparison of `imr evaluate` on the 130 real letters (skipped when ../shared is
absent): split by letter, every verdict backed by its interval, and the facts it reports."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from pipeline.evaluation.comparison import compare_models
from pipeline.modeling.estimators import build_reasoning
from pipeline.modeling.train import split_development

pytestmark = pytest.mark.corpus

CHOSEN = {"C": 10.0, "char_ngrams": True, "structure": "minimal"}  # as test_corpus.py


@pytest.fixture(scope="module")
def comparison(tagged_corpus):
    f, y = tagged_corpus.features, tagged_corpus.y
    dev, _ = split_development(f, y)
    model = clone(build_reasoning(CHOSEN)).fit(f[dev].reset_index(drop=True), y[dev])
    held_scores = model.predict_proba(f[~dev].reset_index(drop=True))[:, 1]
    return compare_models(f, y, ~dev, CHOSEN, held_scores, float(y[dev].mean())), f, y, dev


def test_cv_covers_every_letter_and_the_held_out_setting_only_held_out_letters(comparison):
    result, f, y, dev = comparison
    assert result["cross_validation"]["n_letters"] == f["case_number"].nunique()
    assert result["cross_validation"]["n_items"] == len(y)
    assert result["held_out"]["n_letters"] == f.loc[~dev, "case_number"].nunique()


def test_every_not_worse_sentence_is_an_interval_holding_zero(comparison):
    result = comparison[0]
    for setting in ("cross_validation", "held_out"):
        level = {
            name
            for name, by_metric in result[setting]["vs_reference"].items()
            if any(e["reference_better"] is None for e in by_metric.values())
        }
        said = {s.split(" is not worse")[0] for s in result[setting]["verdicts"]
                if " is not worse" in s}  # fmt: skip
        assert said == {result["labels"][name] for name in level}


def test_the_reasoning_model_ranks_better_than_the_prior_and_the_category(comparison):
    cv = comparison[0]["cross_validation"]
    assert cv["models"]["reasoning"]["roc_auc"]["low"] > 0.5
    for baseline in ("prior", "category"):
        assert cv["vs_reference"][baseline]["roc_auc"]["reference_better"] is True


def test_em_finds_no_shift_where_there_is_none(comparison):
    shift = comparison[0]["cross_validation"]["calibration"]["prior_shift"]
    assert abs(shift["em_base_rate"] - shift["observed_base_rate"]) < 0.03
    assert np.isfinite(shift["brier_after"])
