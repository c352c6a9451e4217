"""scikit-learn building blocks of the two outcome models.

* `build_reader()`: decision reader. Reads the verdict sentences the masker finds in the full
  rationale (TF-IDF 1-3-grams + negation-aware polarity counts) -> balanced logistic regression.
* `build_reasoning(config)`: reasoning model. Masked rationale + request text (TF-IDF), guideline
  chapters, category and the numeric tags -> balanced logistic regression, wrapped in
  `GroupedCalibratedClassifier` so its probabilities are calibrated on held-apart *letters*.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from pipeline.config import RANDOM_SEED
from pipeline.features.polarity import POLARITY_NAMES, polarity_features
from pipeline.features.table import CUE_COLUMNS, STRUCTURE_COLUMNS
from pipeline.modeling.splits import grouped_folds

# Default hyper-parameters of the reasoning model; train.py chooses among REASONING_CANDIDATES
# by grouped cross-validation on the development letters.
REASONING_DEFAULTS: dict[str, Any] = {"C": 10.0, "char_ngrams": True, "structure": "minimal"}
REASONING_CANDIDATES: list[dict[str, Any]] = [
    {"C": C, "char_ngrams": char, "structure": structure}
    for structure in ("minimal", "full")
    for char in (True, False)
    for C in (10.0, 100.0)
]


def _polarity_names(_transformer: Any, _names: Any) -> list[str]:
    return POLARITY_NAMES


def build_reader(C: float = 10.0) -> Pipeline:
    """Decision reader: verdict sentences -> Upheld(0)/Overturned(1)."""
    features = ColumnTransformer(
        [
            (
                "verdict",
                TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True, lowercase=True),
                "verdict_text",
            ),
            (
                "polarity",
                Pipeline(
                    [
                        (
                            "count",
                            FunctionTransformer(
                                polarity_features, feature_names_out=_polarity_names
                            ),
                        ),
                        ("scale", StandardScaler()),
                    ]
                ),
                "verdict_text",
            ),
        ]
    )
    classifier = LogisticRegression(
        C=C, class_weight="balanced", solver="liblinear", random_state=RANDOM_SEED
    )
    return Pipeline([("features", features), ("classifier", classifier)])


def _reasoning_features(config: dict[str, Any]) -> ColumnTransformer:
    """Masked-text TF-IDF (+ char n-grams), cue counts, category; "full" adds every tag."""
    min_df, max_df = config.get("min_df", 2), config.get("max_df", 0.95)
    word = TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, max_df=max_df, sublinear_tf=True)
    blocks: list[tuple[str, Any, Any]] = [("reasoning", word, "reasoning_text")]
    if config["char_ngrams"]:
        char = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=min_df, sublinear_tf=True
        )
        blocks.append(("char", char, "reasoning_text"))
    blocks += [
        ("cues", StandardScaler(), CUE_COLUMNS),
        ("category", OneHotEncoder(handle_unknown="ignore"), ["category"]),
    ]
    if config["structure"] == "full":
        guideline = CountVectorizer(binary=True, token_pattern=r"\S+", lowercase=False)
        blocks += [
            ("guideline", guideline, "guideline_tokens"),
            ("structure", StandardScaler(), STRUCTURE_COLUMNS),
        ]
    return ColumnTransformer(blocks)


def build_reasoning_core(config: dict[str, Any] | None = None) -> Pipeline:
    """Uncalibrated reasoning pipeline (features -> balanced logistic regression)."""
    config = {**REASONING_DEFAULTS, **(config or {})}
    classifier = LogisticRegression(
        C=config["C"], class_weight="balanced", solver="liblinear", random_state=RANDOM_SEED
    )
    return Pipeline([("features", _reasoning_features(config)), ("classifier", classifier)])


def build_reasoning(config: dict[str, Any] | None = None) -> GroupedCalibratedClassifier:
    """Reasoning model with sigmoid calibration fitted on grouped (by letter) folds."""
    return GroupedCalibratedClassifier(build_reasoning_core(config))


class GroupedCalibratedClassifier(ClassifierMixin, BaseEstimator):
    """CalibratedClassifierCV whose internal folds never split a letter.

    Groups come from X["case_number"], so the estimator fits with the plain `fit(X, y)` contract
    and nests inside sklearn's cross-validation helpers.
    """

    def __init__(
        self,
        estimator: Any = None,
        n_splits: int = 5,
        method: str = "sigmoid",
        seed: int = RANDOM_SEED,
    ) -> None:
        self.estimator = estimator
        self.n_splits = n_splits
        self.method = method
        self.seed = seed

    def fit(self, X: pd.DataFrame, y: Any) -> GroupedCalibratedClassifier:
        y = np.asarray(y, dtype=int)
        folds = grouped_folds(X["case_number"].astype(str).tolist(), y, self.n_splits, self.seed)
        # ensemble=False: one pipeline fitted on all rows, the sigmoid fitted on its out-of-fold
        # scores. Predicting then transforms the text once instead of once per fold.
        self.calibrated_ = CalibratedClassifierCV(
            clone(self.estimator), method=self.method, cv=folds, ensemble=False
        ).fit(X, y)
        self.classes_ = self.calibrated_.classes_
        return self

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        return self.calibrated_.predict_proba(X)

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
