"""Compiled linear scorers: same scores as the scikit-learn models, without scikit-learn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression, RidgeClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, StandardScaler

from pipeline.features.table import build_features, outcome_labels
from pipeline.modeling.estimators import (
    REASONING_CANDIDATES,
    build_reader,
    build_reasoning,
    build_reasoning_core,
)
from pipeline.modeling.linear import (
    LinearModel,
    ScorerMismatchError,
    build_analyzer,
    check_compiled,
    compile_model,
    scorer_difference,
)
from tests.modeling.synthetic import make_tables

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 1e-9

TRICKY_TEXTS = [
    "",
    " ",
    "a",
    "I x y z",
    "The patient's MRI (L4-L5), 7/10 pain; e.g. w/o   red-flags!!",
    "multiple    spaces\tand\ttabs\nand\n\nnewlines\r\n end ",
    "Ünïcödé café naïve résumé — “quotes” and ½ fractions, İstanbul ß ﬁ",
    "  leading and trailing  ",
    "one-letter words a b c d e f and 1 2 3",
    "ALLCAPS MixedCase lower",
    "x\u00a0nbsp\u2003em\u2009thin",
    "ab",
    "abcdefghijklmnopqrstuvwxyz",
    "repeat repeat repeat words words, repeat.",
]

ANALYZER_SETTINGS: list[dict[str, Any]] = [
    {"ngram_range": (1, 3)},
    {"ngram_range": (2, 3), "lowercase": False},
    {"ngram_range": (1, 2), "token_pattern": r"\S+", "lowercase": False},
    {"ngram_range": (1, 2), "token_pattern": r"(?u)\b(\w+)\b"},
    {"analyzer": "char_wb", "ngram_range": (3, 5)},
    {"analyzer": "char_wb", "ngram_range": (1, 2)},
    {"analyzer": "char_wb", "ngram_range": (2, 6), "lowercase": False},
]


@pytest.fixture(scope="module")
def synthetic() -> tuple[pd.DataFrame, np.ndarray]:
    items, letters = make_tables()
    return build_features(items, letters), outcome_labels(items)


def _spec(vectorizer: CountVectorizer) -> dict[str, Any]:
    return {
        "analyzer": vectorizer.analyzer,
        "ngram_range": vectorizer.ngram_range,
        "lowercase": vectorizer.lowercase,
        "token_pattern": vectorizer.token_pattern,
    }


@pytest.mark.parametrize("options", ANALYZER_SETTINGS, ids=lambda s: json.dumps(s))
def test_analyzers_match_sklearn(options):
    vectorizer = CountVectorizer(**options)
    reference = vectorizer.build_analyzer()
    ours = build_analyzer(_spec(vectorizer))
    for _ in range(2):
        for text in TRICKY_TEXTS:
            assert ours(text) == reference(text), text


def _pipeline_of(fitted: Any) -> Pipeline:
    """The fitted pipeline whose decision function the model's probabilities transform."""
    if isinstance(fitted, Pipeline):
        return fitted
    return fitted.calibrated_.calibrated_classifiers_[0].estimator


def _dense(matrix: Any) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


def _assert_matches(fitted: Any, compiled: LinearModel, frame: pd.DataFrame) -> None:
    rows = frame.to_dict(orient="records")
    pipe = _pipeline_of(fitted)
    np.testing.assert_allclose(
        compiled.predict_proba(rows), fitted.predict_proba(frame)[:, 1], rtol=0, atol=TOLERANCE
    )
    decision = compiled.decision_function(rows)
    np.testing.assert_allclose(decision, pipe.decision_function(frame), rtol=0, atol=TOLERANCE)

    names = pipe["features"].get_feature_names_out()
    coef = pipe["classifier"].coef_[0]
    X = _dense(pipe["features"].transform(frame))
    readable = np.array([not n.startswith("char__") for n in names])
    for i, contributions in enumerate(compiled.contributions(rows)):
        (nonzero,) = np.nonzero((X[i] != 0) & readable)
        expected = {names[j]: coef[j] * X[i, j] for j in nonzero}
        assert contributions.keys() == expected.keys()
        for name, value in expected.items():
            assert contributions[name] == pytest.approx(value, rel=0, abs=1e-12), name
    # every block, intercept included, adds up to the decision value
    everything = compiled.contributions(rows, readable_only=False)
    totals = [compiled.intercept + sum(c.values()) for c in everything]
    np.testing.assert_allclose(totals, decision, rtol=0, atol=TOLERANCE)


MODELS = {
    "reader": lambda: build_reader(),
    **{
        f"core-{c['structure']}-char{c['char_ngrams']}": (lambda c=c: build_reasoning_core(c))
        for c in REASONING_CANDIDATES
        if c["C"] == 10.0
    },
    "calibrated-minimal": lambda: build_reasoning({"char_ngrams": True, "structure": "minimal"}),
    "calibrated-full-nochar": lambda: build_reasoning({"char_ngrams": False, "structure": "full"}),
}


@pytest.mark.parametrize("kind", list(MODELS))
def test_compiled_model_reproduces_sklearn(kind, synthetic, tmp_path):
    frame, y = synthetic
    fitted = MODELS[kind]().fit(frame, y)
    compiled = compile_model(fitted)
    assert compiled.calibrated == kind.startswith("calibrated")
    assert compiled.feature_names == list(_pipeline_of(fitted)["features"].get_feature_names_out())
    _assert_matches(fitted, compiled, frame)

    path = tmp_path / "model.npz"
    compiled.save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]  # no temporary left behind
    rows = frame.to_dict(orient="records")
    expected = compiled.predict_proba(rows)
    for source in (path, path.read_bytes()):
        loaded = LinearModel.load(source)
        np.testing.assert_array_equal(loaded.predict_proba(rows), expected)
        np.testing.assert_array_equal(
            loaded.decision_function(rows), compiled.decision_function(rows)
        )
        assert loaded.contributions(rows) == compiled.contributions(rows)
        assert loaded.contributions(rows, False) == compiled.contributions(rows, False)


def test_char_ngram_counts_dense_and_sorted_paths_agree(synthetic, monkeypatch):
    """Character n-grams are counted in one (rows x columns) array when it is small enough,
    by sorting otherwise: both give the same (row, column, count) triples."""
    from pipeline.modeling import linear

    frame, y = synthetic
    compiled = compile_model(MODELS["calibrated-minimal"]().fit(frame, y))
    (block,) = [b for b in compiled.blocks if getattr(b, "spec", {}).get("analyzer") == "char_wb"]
    rows = frame.to_dict(orient="records")
    dense = block._counts(rows)
    monkeypatch.setattr(linear, "_DENSE_COUNT_CELLS", 0)
    by_sorting = block._counts(rows)
    assert len(dense[0]) > len(rows)  # many cells counted
    for ours, theirs in zip(dense, by_sorting, strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_npz_layout(synthetic, tmp_path):
    frame, y = synthetic
    fitted = build_reasoning({"char_ngrams": True, "structure": "full"}).fit(frame, y)
    compile_model(fitted).save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    spec = json.loads(str(arrays["spec"][()]))
    assert arrays["spec"].shape == () and arrays["spec"].dtype.kind == "U"
    assert spec["calibration"]["method"] == "sigmoid"
    calibrator = fitted.calibrated_.calibrated_classifiers_[0].calibrators[0]
    assert (spec["calibration"]["a"], spec["calibration"]["b"]) == (calibrator.a_, calibrator.b_)
    kinds = [(b["name"], b["kind"]) for b in spec["blocks"]]
    assert kinds == [
        ("reasoning", "text"),
        ("char", "text"),
        ("cues", "numeric"),
        ("category", "onehot"),
        ("guideline", "text"),
        ("structure", "numeric"),
    ]
    pipe = _pipeline_of(fitted)
    char = pipe["features"].named_transformers_["char"]
    assert arrays["b1_terms"].dtype == np.uint8  # one UTF-8 string, not a fixed-width array
    terms = arrays["b1_terms"].tobytes().decode("utf-8").split("\n")
    assert terms == list(char.get_feature_names_out())
    np.testing.assert_array_equal(arrays["b1_idf"], char.idf_)
    assert "b4_idf" not in arrays and spec["blocks"][4]["binary"]
    for i in range(len(kinds)):
        assert arrays[f"b{i}_coef"].dtype == np.float64
    assert all(a.dtype != object for a in arrays.values())


def test_unknown_category_unseen_terms_and_missing_text_are_ignored(synthetic):
    frame, y = synthetic
    fitted = build_reasoning_core({"char_ngrams": True, "structure": "full"}).fit(frame, y)
    compiled = compile_model(fitted)
    odd = frame.iloc[:3].copy()
    odd["category"] = ["never_seen_category", "imaging", "pharmaceutical"]
    odd["reasoning_text"] = ["zzyzx qwertyuiop", "", "blorf the patient"]
    odd["guideline_tokens"] = ["unknown_chapter", "", "unknown_chapter mtus_knee_complaints"]
    _assert_matches(fitted, compiled, odd)
    rows = odd.to_dict(orient="records")
    first = compiled.contributions(rows)[0]
    assert not any(name.startswith(("category__", "reasoning__", "guideline__")) for name in first)
    # None or a missing key is an empty text
    blank = [
        {**rows[1], "reasoning_text": None},
        {k: v for k, v in rows[1].items() if k != "reasoning_text"},
    ]
    np.testing.assert_array_equal(
        compiled.decision_function(blank), compiled.decision_function([rows[1], rows[1]])
    )
    assert compiled.predict_proba([]).shape == (0,) and compiled.contributions([]) == []
    with pytest.raises(ValueError, match="cue_deficit_n"):
        compiled.decision_function([{**rows[0], "cue_deficit_n": None}])


def _toy_frame() -> tuple[pd.DataFrame, np.ndarray]:
    frame = pd.DataFrame(
        {"text": ["good care", "bad care", "good", "bad", "care"] * 2, "x": np.arange(10.0)}
    )
    return frame, np.array([1, 0, 1, 0, 1, 0, 1, 0, 0, 1])


@pytest.mark.parametrize(
    ("features", "classifier", "message"),
    [
        ([("x", MinMaxScaler(), ["x"])], LogisticRegression(), "MinMaxScaler"),
        ([("x", FunctionTransformer(np.log1p), ["x"])], LogisticRegression(), "log1p"),
        ([("t", CountVectorizer(analyzer=str.split), "text")], LogisticRegression(), "analyzer"),
        ([("t", TfidfVectorizer(dtype=np.float32), "text")], LogisticRegression(), "dtype"),
        ([("t", CountVectorizer(analyzer="char"), "text")], LogisticRegression(), "'char'"),
        ([("t", TfidfVectorizer(strip_accents="ascii"), "text")], LogisticRegression(), "ascii"),
        ([("t", TfidfVectorizer(stop_words="english"), "text")], LogisticRegression(), "stop_"),
        ([("t", TfidfVectorizer(norm="l1"), "text")], LogisticRegression(), "norm='l1'"),
        ([("x", StandardScaler(), ["x"])], RidgeClassifier(), "RidgeClassifier"),
    ],
)
def test_unsupported_components_are_refused(features, classifier, message):
    frame, y = _toy_frame()
    fitted = Pipeline([("features", ColumnTransformer(features)), ("classifier", classifier)])
    with pytest.raises(ValueError, match=message):
        compile_model(fitted.fit(frame, y))


def test_ensembled_calibration_and_other_models_are_refused(synthetic):
    from sklearn.calibration import CalibratedClassifierCV

    frame, y = _toy_frame()
    pipe = Pipeline(
        [
            ("features", ColumnTransformer([("x", StandardScaler(), ["x"])])),
            ("c", LogisticRegression()),
        ]
    )
    ensembled = CalibratedClassifierCV(pipe, cv=2, ensemble=True).fit(frame, y)
    with pytest.raises(ValueError, match="ensemble"):
        compile_model(ensembled)
    with pytest.raises(ValueError, match="LogisticRegression"):
        compile_model(LogisticRegression().fit(frame[["x"]], y))
    single = CalibratedClassifierCV(pipe, cv=2, ensemble=False).fit(frame, y)
    compiled = compile_model(single)
    np.testing.assert_allclose(
        compiled.predict_proba(frame.to_dict(orient="records")),
        single.predict_proba(frame)[:, 1],
        rtol=0,
        atol=TOLERANCE,
    )


def test_load_refuses_pickles_and_foreign_files(tmp_path):
    np.savez(tmp_path / "objects.npz", spec=np.array([{"a": 1}], dtype=object))
    with pytest.raises(ValueError):
        LinearModel.load(tmp_path / "objects.npz")
    np.savez(tmp_path / "other.npz", weights=np.zeros(3))
    with pytest.raises(ValueError, match="spec"):
        LinearModel.load(tmp_path / "other.npz")


SCORE_WITHOUT_SKLEARN = """
import json, sys
from pathlib import Path
from pipeline.modeling.linear import LinearModel
rows = json.loads(Path(sys.argv[2]).read_text())
out = []
for path in sys.argv[1].split(","):
    model = LinearModel.load(Path(path).read_bytes())
    out.append(model.predict_proba(rows).tolist())
    model.contributions(rows, readable_only=False)
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sklearn", "scipy", "pandas", "joblib"})
assert not heavy, heavy
print(json.dumps(out))
"""


def test_loading_and_scoring_imports_no_sklearn_scipy_or_pandas(synthetic, tmp_path):
    frame, y = synthetic
    models = [build_reader().fit(frame, y), build_reasoning().fit(frame, y)]
    paths = []
    for k, fitted in enumerate(models):
        paths.append(tmp_path / f"m{k}.npz")
        compile_model(fitted).save(paths[-1])
    rows = frame.iloc[:5].to_dict(orient="records")
    (tmp_path / "rows.json").write_text(json.dumps(rows))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            SCORE_WITHOUT_SKLEARN,
            ",".join(map(str, paths)),
            str(tmp_path / "rows.json"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    scored = json.loads(result.stdout)
    for fitted, probabilities in zip(models, scored, strict=True):
        np.testing.assert_allclose(
            probabilities, fitted.predict_proba(frame.iloc[:5])[:, 1], rtol=0, atol=TOLERANCE
        )


@pytest.mark.corpus
def test_corpus_models_compile_exactly(tagged_corpus):
    frame, y = tagged_corpus.features, tagged_corpus.y
    for fitted in (
        build_reader().fit(frame, y),
        # two calibration folds instead of five: the same code path, half the fitting time
        build_reasoning({"C": 10.0, "char_ngrams": True, "structure": "minimal"})
        .set_params(n_splits=2)
        .fit(frame, y),
    ):
        compiled = compile_model(fitted)
        rows = frame.to_dict(orient="records")
        np.testing.assert_allclose(
            compiled.predict_proba(rows), fitted.predict_proba(frame)[:, 1], rtol=0, atol=TOLERANCE
        )
        np.testing.assert_allclose(
            compiled.decision_function(rows),
            _pipeline_of(fitted).decision_function(frame),
            rtol=0,
            atol=TOLERANCE,
        )


# ---- differential: the compiled scorer against scikit-learn on random texts ---------------

_WORDS = st.sampled_from(
    ["therapy", "Therapy", "PT", "not", "medically", "necessary", "the", "request", "is",
     "guidelines", "support", "x", "2", "#60", "MRI", "L4-L5", "café", "ß", "İ", "ﬁ", "-", ".",
     ",", "(", ")", "'s", "e.g.", "w/o", "7/10", "½", "\u00a0", "\t", "\n"]
)  # fmt: skip
_RANDOM_TEXT = st.one_of(
    st.text(max_size=120),
    st.lists(st.tuples(_WORDS, st.sampled_from(["", " ", "  ", "\n"])), max_size=30).map(
        lambda parts: "".join(w + s for w, s in parts)
    ),
)


@pytest.fixture(scope="module")
def fitted_models(synthetic) -> list[tuple[Any, LinearModel]]:
    frame, y = synthetic
    models = [
        build_reader().fit(frame, y),
        build_reasoning({"char_ngrams": True, "structure": "full"}).fit(frame, y),
    ]
    return [(fitted, compile_model(fitted)) for fitted in models]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_RANDOM_TEXT, min_size=1, max_size=4))
def test_compiled_scorers_equal_sklearn_on_random_texts(fitted_models, synthetic, texts):
    """Every text column of real rows replaced by random text (unicode, odd spacing, case,
    unseen words): the compiled models score exactly as the fitted pipelines."""
    frame, _ = synthetic
    rows = frame.iloc[: len(texts)].copy()
    for column in ("verdict_text", "reasoning_text", "guideline_tokens"):
        rows[column] = texts[: len(rows)]
    for fitted, compiled in fitted_models:
        assert scorer_difference(fitted, compiled, rows) <= TOLERANCE


def test_train_refuses_a_compiled_scorer_that_differs(monkeypatch, tmp_path):
    """`imr train` checks each compiled scorer against its fitted pipeline before writing."""
    from pipeline.modeling import train

    def perturbed(fitted: Any) -> LinearModel:
        model = compile_model(fitted)
        model.intercept += 1e-6
        return model

    items, letters = make_tables()
    models = tmp_path / "models"
    monkeypatch.setattr(train, "compile_model", perturbed)
    with pytest.raises(ScorerMismatchError, match="differs from the fitted"):
        train.train_models(items, letters, models, select=False)
    assert not (models / "metadata.json").exists()


def test_check_compiled_passes_exact_and_fails_perturbed_models(fitted_models, synthetic):
    frame, _ = synthetic
    for fitted, compiled in fitted_models:
        assert check_compiled(fitted, compiled, frame) <= TOLERANCE
        shifted = LinearModel(
            compiled.blocks,
            compiled.intercept + 2e-9,
            compiled.calibration,
            compiled.classes,
            compiled.source,
        )
        with pytest.raises(ScorerMismatchError):
            check_compiled(fitted, shifted, frame)
