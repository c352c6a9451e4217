"""The simpler models the reasoning model is compared with in `imr evaluate`.

Each learned baseline gets the same classifier and calibration as the reasoning model
(balanced logistic regression, sigmoid-calibrated on folds that never split a letter), so a
difference in the comparison comes from what the model reads, not from how it is fitted:

* prior only: P(Overturned) = the training share, for every item;
* category only: the service category;
* length and sentence counts: the reasoning model's seven numbers (`CUE_COLUMNS`: words,
  sentences, share and count of "deficit" sentences, share of "finding" sentences, empty
  rationale, no evidence cited);
* deficit share alone: the share of "deficit" sentences (the strongest of the seven);
* TF-IDF + LR: word 1-2-grams of the masked rationale, nothing else.

Denial reasons (issue 23) belong here as one more baseline once the reasons tagger writes them
as item columns: list their columns in `REASON_COLUMNS` and `COMPARISON` grows a "reasons only"
row (and `estimators` can take the same columns into the reasoning model).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from pipeline.config import RANDOM_SEED
from pipeline.core.display_names import BASELINE_LABELS
from pipeline.features.table import CUE_COLUMNS
from pipeline.modeling.estimators import GroupedCalibratedClassifier, build_reasoning

LENGTH_COLUMNS = list(CUE_COLUMNS)
DEFICIT_COLUMNS = ["cue_deficit_frac"]
# Item-level denial-reason columns (0/1 per code), once the reasons stage provides them.
REASON_COLUMNS: list[str] = []

# The reasoning model is the reference every row is compared with; the rest, simplest first.
REFERENCE = "reasoning"
LABELS = BASELINE_LABELS  # their names for people: core.display_names


def _calibrated(features: Any, C: float = 1.0) -> GroupedCalibratedClassifier:
    classifier = LogisticRegression(
        C=C, class_weight="balanced", solver="liblinear", random_state=RANDOM_SEED
    )
    return GroupedCalibratedClassifier(
        Pipeline([("features", features), ("classifier", classifier)])
    )


def build_prior() -> DummyClassifier:
    return DummyClassifier(strategy="prior")


def build_category() -> GroupedCalibratedClassifier:
    return _calibrated(
        ColumnTransformer([("category", OneHotEncoder(handle_unknown="ignore"), ["category"])])
    )


def build_numbers(columns: list[str]) -> Callable[[], GroupedCalibratedClassifier]:
    def build() -> GroupedCalibratedClassifier:
        return _calibrated(ColumnTransformer([("numbers", StandardScaler(), list(columns))]))

    return build


def build_tfidf() -> GroupedCalibratedClassifier:
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.95, sublinear_tf=True)
    return _calibrated(ColumnTransformer([("words", words, "reasoning_text")]), C=10.0)


def comparison_models(reasoning_config: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    """name -> a function building an unfitted model; the reference (the project's reasoning
    model with its trained configuration) last."""
    models: dict[str, Callable[[], Any]] = {
        "prior": build_prior,
        "category": build_category,
        "length": build_numbers(LENGTH_COLUMNS),
        "deficit_share": build_numbers(DEFICIT_COLUMNS),
    }
    if REASON_COLUMNS:
        models["reasons"] = build_numbers(REASON_COLUMNS)
    models["tfidf"] = build_tfidf
    models[REFERENCE] = lambda: build_reasoning(reasoning_config)
    return models
