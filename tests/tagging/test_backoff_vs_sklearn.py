"""Differential test: the category backoff's naive Bayes against scikit-learn's MultinomialNB.

The backoff (pipeline/tagging/backoff.py) fits a multinomial naive Bayes in numpy so that
`imr predict` need not import scikit-learn. Its fitted tables must be MultinomialNB's
(`feature_log_prob_`, `class_log_prior_` with the same alpha), and its scores MultinomialNB's
joint log-likelihood rescaled as the module documents: the feature log-likelihoods averaged
over the text's known features, times sharpness * coverage**coverage_power, plus
prior_weight * the class log prior.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sklearn.naive_bayes import MultinomialNB

from pipeline.tagging.backoff import BackoffSettings, CategoryBackoff, features

_WORDS = st.sampled_from(
    ["ibuprofen", "naproxen", "diazepam", "brace", "knee", "walker", "mri", "x-ray", "pt",
     "o'brien", "a1c", "tens", "unit", "block", "injection", "l4-l5", "cane", "the", "zz"]
)  # fmt: skip
_TEXT = st.one_of(
    st.lists(_WORDS, max_size=6).map(" ".join),
    st.text(alphabet="abcdefgxyz-' 019ÉÄ", max_size=25),
)
_CATEGORIES = st.sampled_from(["dme", "pharmaceutical", "surgery", "imaging"])


@pytest.fixture(scope="module")
def base_settings() -> BackoffSettings:
    return BackoffSettings.load()


def _matrix(model: CategoryBackoff, texts: list[str]) -> np.ndarray:
    """Texts as rows of weighted feature counts over the model's vocabulary (unknown dropped)."""
    X = np.zeros((len(texts), len(model.vocabulary)))
    for i, text in enumerate(texts):
        for feature, value in features(text, model.settings).items():
            j = model.vocabulary.get(feature)
            if j is not None:
                X[i, j] += value
    return X


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    examples=st.lists(st.tuples(_TEXT, _CATEGORIES), min_size=1, max_size=12),
    queries=st.lists(_TEXT, min_size=1, max_size=5),
    alpha=st.sampled_from([0.05, 0.5, 1.0]),
    prior_weight=st.sampled_from([0.0, 1.0]),
    word_weight=st.sampled_from([1.0, 2.0]),
)
def test_backoff_is_multinomial_nb(
    base_settings, examples, queries, alpha, prior_weight, word_weight
):
    config = base_settings.model_copy(
        update={"alpha": alpha, "prior_weight": prior_weight, "word_weight": word_weight}
    )
    ours = CategoryBackoff(examples, config)
    assume(len(ours.vocabulary) > 0)  # MultinomialNB needs one feature
    X = _matrix(ours, [text for text, _ in examples])
    reference = MultinomialNB(alpha=alpha, force_alpha=True).fit(X, [c for _, c in examples])

    assert list(reference.classes_) == ours.categories
    np.testing.assert_allclose(ours.log_likelihood.T, reference.feature_log_prob_, rtol=1e-12)
    np.testing.assert_allclose(ours.log_prior, reference.class_log_prior_, rtol=1e-12)

    for text in queries:
        scores = ours.scores(text)
        x = _matrix(ours, [text])[0]
        if not x.any():
            assert scores is None  # nothing known
            continue
        everything = sum(features(text, config).values())
        joint = reference.predict_joint_log_proba(x[None, :])[0]  # x.flp + class log prior
        mean = (joint - reference.class_log_prior_) / x.sum()
        scale = config.sharpness * (x.sum() / everything) ** config.coverage_power
        expected = scale * mean + prior_weight * reference.class_log_prior_
        np.testing.assert_allclose(scores, expected, rtol=1e-9, atol=1e-12)
