"""Acceptance of issue 4 on the 130 real letters (skipped when ../shared is absent).

Figures are asserted exactly as the brief sets them, except where noted; every number comes from
letters the model was not fitted on (held-out letters, or out-of-fold predictions)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.metrics import accuracy_score, roc_auc_score

from pipeline.modeling.estimators import build_reader, build_reasoning
from pipeline.modeling.splits import grouped_folds, holdout_cases
from pipeline.modeling.train import split_development
from pipeline.tagging.verdicts import load_verdict_rules, sentinel_hits

pytestmark = pytest.mark.corpus

# The configuration model choice selects on the development letters (see train.py); pinned here
# so the test does not rerun model choice.
CHOSEN = {"C": 10.0, "char_ngrams": True, "structure": "minimal"}


def test_leakage_sentinel_no_verdict_phrase_survives_masking(tagged_corpus):
    hits = [
        (row.case_number, hit)
        for row in tagged_corpus.features.itertuples()
        for hit in sentinel_hits(row.masked_text)
    ]
    assert not hits, hits[:5]
    # the reviewer-voice verdicts that used to survive masking are among the sentinels
    names = {name for name, _ in load_verdict_rules().sentinels}
    assert {"within_guidelines", "reviewer_support", "comma_verdict", "is_warranted"} <= names
    # and the masker did find something to mask in every rationale
    assert (tagged_corpus.features["verdict_text"].str.len() > 0).all()


def test_holdout_is_a_quarter_of_letters_and_order_independent(tagged_corpus):
    f, y = tagged_corpus.features, tagged_corpus.y
    chosen = holdout_cases(f["case_number"].tolist(), y)
    shuffled = np.random.default_rng(0).permutation(len(y))
    assert chosen == holdout_cases(f["case_number"].iloc[shuffled].tolist(), y[shuffled])
    assert 0.2 <= len(chosen) / f["case_number"].nunique() <= 0.3
    assert 0 < y[f["case_number"].isin(chosen).to_numpy()].sum() < y.sum()


def test_decision_reader_held_out_accuracy_and_overturned_recall(tagged_corpus):
    f, y = tagged_corpus.features, tagged_corpus.y
    dev, _ = split_development(f, y)
    reader = build_reader().fit(f[dev], y[dev])
    predicted = reader.predict(f[~dev])
    assert accuracy_score(y[~dev], predicted) >= 0.99
    assert predicted[y[~dev] == 1].all(), "an Overturned held-out item was read as Upheld"


def test_reasoning_grouped_cv_roc_auc(tagged_corpus):
    f, y = tagged_corpus.features, tagged_corpus.y
    dev, _ = split_development(f, y)
    f_dev, y_dev = f[dev].reset_index(drop=True), y[dev]
    scores = np.zeros(len(y_dev))
    for train, test in grouped_folds(f_dev["case_number"].tolist(), y_dev):
        model = clone(build_reasoning(CHOSEN)).fit(f_dev.iloc[train], y_dev[train])
        scores[test] = model.predict_proba(f_dev.iloc[test])[:, 1]
        # folds never split a letter
        assert not set(f_dev["case_number"].iloc[train]) & set(f_dev["case_number"].iloc[test])
    # 0.85 until issue 23 masked the reviewer-voice verdicts that had survived ("The request
    # ... is within the recommended guidelines", "The documentation supported surgical
    # intervention"): they were worth 0.02 of it (0.856 -> 0.836 on these folds), a leak.
    assert roc_auc_score(y_dev, scores) >= 0.83
    assert scores.min() > 0.0 and scores.max() < 1.0
