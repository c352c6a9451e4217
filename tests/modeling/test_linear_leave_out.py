"""`LinearModel.predict_proba_leaving_out` (the explanation's fast path) against scoring each
shortened text in full, on real-shaped rows and random texts, for every text setting the
compiled scorer supports."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from pipeline.features.table import build_features, outcome_labels
from pipeline.modeling.estimators import build_reasoning
from pipeline.modeling.linear import LinearModel, compile_model
from tests.modeling.synthetic import make_tables
from tests.modeling.test_linear import _RANDOM_TEXT, TRICKY_TEXTS

TOLERANCE = 1e-9
COLUMN = "reasoning_text"

VECTORIZERS: dict[str, Any] = {
    "tfidf words 1-2, sublinear": TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
    "tfidf words 1-3, binary, no norm": TfidfVectorizer(
        ngram_range=(1, 3), binary=True, norm=None
    ),  # fmt: skip
    "counts words 2-3, cased": CountVectorizer(ngram_range=(2, 3), lowercase=False),
    "tfidf char_wb 3-5": TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True
    ),  # fmt: skip
    "counts char_wb 1-2": CountVectorizer(analyzer="char_wb", ngram_range=(1, 2)),
    # a token pattern that may span a space: the block falls back to scoring each text
    "custom token pattern": TfidfVectorizer(token_pattern=r"\S+ ?\S*"),
}


@pytest.fixture(scope="module")
def synthetic() -> tuple[pd.DataFrame, np.ndarray]:
    items, letters = make_tables(n_letters=30, seed=11)
    return build_features(items, letters), outcome_labels(items)


@pytest.fixture(scope="module")
def models(synthetic) -> dict[str, LinearModel]:
    frame, y = synthetic
    out = {"reasoning model": compile_model(
        build_reasoning({"char_ngrams": True, "structure": "full"}).fit(frame, y))}  # fmt: skip
    for name, vectorizer in VECTORIZERS.items():
        features = ColumnTransformer([
            ("text", vectorizer, COLUMN),
            ("n", StandardScaler(), ["log_reasoning_words"]),
        ])  # fmt: skip
        pipe = Pipeline([("features", features), ("classifier", LogisticRegression(C=10.0))])
        out[name] = compile_model(pipe.fit(frame, y))
    return out


def _check(model: LinearModel, row: dict[str, Any], ranges: list[tuple[int, int]]) -> None:
    words = str(row[COLUMN]).split()
    variants = [{**row, COLUMN: " ".join(words[:a] + words[b:])} for a, b in ranges]
    fast = model.predict_proba_leaving_out(row, COLUMN, ranges, variants)
    slow = model.predict_proba(variants)
    np.testing.assert_allclose(fast, slow, rtol=0, atol=TOLERANCE)


def _every_range(n: int) -> list[tuple[int, int]]:
    return [(a, b) for a in range(n + 1) for b in range(a, n + 1)]


@pytest.mark.parametrize("name", ["reasoning model", *VECTORIZERS])
def test_equal_to_scoring_each_shortened_text(models, synthetic, name):
    frame, _ = synthetic
    model = models[name]
    rows = frame.iloc[:25].to_dict(orient="records")
    for row in rows:
        n = len(str(row[COLUMN]).split())
        # every single-word, every sentence-sized and the whole-text removal
        ranges = [(i, i + 1) for i in range(n)] + [(i, min(n, i + 7)) for i in range(0, n, 5)]
        _check(model, row, [*ranges, (0, n)])
    for text in TRICKY_TEXTS:
        row = {**rows[0], COLUMN: " ".join(text.split())}
        _check(model, row, _every_range(len(text.split())))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_RANDOM_TEXT, data=st.data())
def test_equal_on_random_texts(models, synthetic, text, data):
    frame, _ = synthetic
    row = {**frame.iloc[0].to_dict(), COLUMN: " ".join(text.split())}
    n = len(row[COLUMN].split())
    ranges = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=6))
    ranges = [(min(a, b), max(a, b)) for a, b in ranges]
    for model in models.values():
        _check(model, row, ranges)


def test_ranges_and_variants_must_pair(models, synthetic):
    frame, _ = synthetic
    row = frame.iloc[0].to_dict()
    with pytest.raises(ValueError, match="ranges"):
        models["reasoning model"].predict_proba_leaving_out(row, COLUMN, [(0, 1)], [])
