"""Differential tests, piece by piece: each transform pipeline/modeling/linear.py re-implements
against the scikit-learn class it copies, on random inputs (hypothesis).

Whole models are compared in test_linear.py; here every piece is compared on its own, with
every option the module accepts, so a difference shows which piece it is in: the analyzers
(word with each token pattern and n-gram range, char_wb), counts, binary, sublinear tf, idf
(smooth or not), l2 norm or none, StandardScaler (with/without mean and std), OneHotEncoder
(unknown categories ignored), LogisticRegression's decision function and the sigmoid
calibration's probability.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sklearn.calibration import _SigmoidCalibration
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from pipeline.modeling.linear import (
    LinearModel,
    _compile_block,
    build_analyzer,
    compile_model,
)

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_WORDS = st.sampled_from(
    ["PT", "pt", "MRI", "knee", "Knee", "7/10", "L4-L5", "e.g.", "w/o", "the", "a", "I", "é",
     "Ünïcödé", "İ", "ß", "ﬁ", "naïve", "½", "x", "'s", "(", ")", ",", "!!", "—"]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", ""])
TEXT = st.one_of(
    st.text(max_size=60),
    st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=20).map(
        lambda parts: "".join(w + s for w, s in parts)
    ),
)

ANALYZERS = st.one_of(
    st.fixed_dictionaries(
        {
            "analyzer": st.just("word"),
            "ngram_range": st.sampled_from([(1, 1), (1, 2), (1, 3), (2, 3), (2, 2)]),
            "lowercase": st.booleans(),
            "token_pattern": st.sampled_from(
                [r"(?u)\b\w\w+\b", r"\S+", r"(?u)\b(\w+)\b", r"[a-z]+"]
            ),
        }
    ),
    st.fixed_dictionaries(
        {
            "analyzer": st.just("char_wb"),
            "ngram_range": st.sampled_from([(3, 5), (1, 2), (2, 6), (4, 4)]),
            "lowercase": st.booleans(),
        }
    ),
)


def _spec(vectorizer: CountVectorizer) -> dict:
    return {
        "analyzer": vectorizer.analyzer,
        "ngram_range": vectorizer.ngram_range,
        "lowercase": vectorizer.lowercase,
        "token_pattern": vectorizer.token_pattern,
    }


@_SETTINGS
@given(options=ANALYZERS, texts=st.lists(TEXT, min_size=1, max_size=5))
def test_analyzers_equal_sklearn_on_random_texts(options, texts):
    vectorizer = CountVectorizer(**options)
    reference, ours = vectorizer.build_analyzer(), build_analyzer(_spec(vectorizer))
    for text in texts:
        assert ours(text) == reference(text)


def _dense(triples, shape) -> np.ndarray:
    out = np.zeros(shape)
    rid, col, value = triples
    out[rid, col] = value
    return out


VECTORIZERS = st.one_of(
    st.builds(
        lambda options, binary: CountVectorizer(binary=binary, **options),
        ANALYZERS,
        st.booleans(),
    ),
    st.builds(
        lambda options, binary, sublinear, use_idf, smooth, norm: TfidfVectorizer(
            binary=binary,
            sublinear_tf=sublinear,
            use_idf=use_idf,
            smooth_idf=smooth,
            norm=norm,
            **options,
        ),
        ANALYZERS,
        st.booleans(),
        st.booleans(),
        st.booleans(),
        st.booleans(),
        st.sampled_from(["l2", None]),
    ),
)


@_SETTINGS
@given(
    vectorizer=VECTORIZERS,
    corpus=st.lists(TEXT, min_size=1, max_size=6),
    texts=st.lists(TEXT, min_size=1, max_size=4),
)
def test_text_block_equals_the_vectorizer(vectorizer, corpus, texts):
    """Counts, binary, sublinear tf, idf and norm of a compiled text block = sklearn's
    transform, on texts with unseen terms."""
    try:
        vectorizer.fit(corpus)
    except ValueError:  # empty vocabulary: nothing to compile
        assume(False)
    names = [str(n) for n in vectorizer.get_feature_names_out()]
    assume("\n" not in "".join(names))  # a term with a line break cannot be stored (refused)
    block = _compile_block("text", vectorizer, "text", names, np.zeros(len(names)))
    rows = [{"text": t} for t in texts]
    ours = _dense(block.transform(rows), (len(texts), len(names)))
    theirs = vectorizer.transform(texts).toarray()
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


_FLOATS = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@_SETTINGS
@given(
    data=st.lists(st.tuples(_FLOATS, _FLOATS), min_size=2, max_size=12),
    with_mean=st.booleans(),
    with_std=st.booleans(),
)
def test_numeric_block_equals_standard_scaler(data, with_mean, with_std):
    frame = pd.DataFrame(data, columns=["a", "b"])
    scaler = StandardScaler(with_mean=with_mean, with_std=with_std).fit(frame)
    block = _compile_block("num", scaler, ["a", "b"], ["num__a", "num__b"], np.zeros(2))
    ours = block.matrix(frame.to_dict(orient="records"))
    np.testing.assert_allclose(ours, scaler.transform(frame), rtol=1e-12, atol=1e-12)


_CATEGORY = st.sampled_from(["dme", "surgery", "imaging", "PT", "é", ""])


@_SETTINGS
@given(
    fitted_on=st.lists(st.tuples(_CATEGORY, _CATEGORY), min_size=1, max_size=8),
    rows=st.lists(
        st.tuples(st.one_of(_CATEGORY, st.just("unseen")), st.one_of(_CATEGORY, st.just("new"))),
        min_size=1,
        max_size=6,
    ),
)
def test_onehot_block_equals_one_hot_encoder(fitted_on, rows):
    columns = ["c1", "c2"]
    encoder = OneHotEncoder(handle_unknown="ignore").fit(pd.DataFrame(fitted_on, columns=columns))
    names = [str(n) for n in encoder.get_feature_names_out()]
    block = _compile_block("cat", encoder, columns, names, np.zeros(len(names)))
    frame = pd.DataFrame(rows, columns=columns)
    ours = _dense(block.transform(frame.to_dict(orient="records")), (len(rows), len(names)))
    np.testing.assert_array_equal(ours, encoder.transform(frame).toarray())


@_SETTINGS
@given(
    data=st.lists(
        st.tuples(st.floats(-50, 50), st.floats(-50, 50), _CATEGORY, st.booleans()),
        min_size=4,
        max_size=20,
    ),
    C=st.sampled_from([0.01, 1.0, 100.0]),
)
def test_logistic_decision_and_probability_equal_sklearn(data, C):
    frame = pd.DataFrame(data, columns=["a", "b", "category", "y"])
    y = frame.pop("y").astype(int)
    assume(y.nunique() == 2)
    features = ColumnTransformer(
        [
            ("num", StandardScaler(), ["a", "b"]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), ["category"]),
        ]
    )
    fitted = Pipeline([("features", features), ("classifier", LogisticRegression(C=C))])
    fitted.fit(frame, y)
    compiled = compile_model(fitted)
    rows = frame.to_dict(orient="records")
    np.testing.assert_allclose(
        compiled.decision_function(rows), fitted.decision_function(frame), rtol=0, atol=1e-9
    )
    np.testing.assert_allclose(
        compiled.predict_proba(rows), fitted.predict_proba(frame)[:, 1], rtol=0, atol=1e-9
    )


@_SETTINGS
@given(
    a=st.floats(-50, 50),
    b=st.floats(-50, 50),
    decisions=st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=20),
)
def test_sigmoid_calibration_equals_sklearns(a, b, decisions):
    """The calibrated probability of a decision value: sklearn's _SigmoidCalibration.predict
    (1 / (1 + exp(a * f + b)))."""
    calibrator = _SigmoidCalibration()
    calibrator.a_, calibrator.b_ = a, b
    model = LinearModel([], 0.0, {"method": "sigmoid", "a": a, "b": b})
    values = np.asarray(decisions, dtype=np.float64)
    np.testing.assert_allclose(
        model._probability(values), calibrator.predict(values), rtol=1e-12, atol=1e-300
    )
