"""Fit the reason classifier on labelled sentences (train and evaluate only: scikit-learn).

One balanced logistic regression per code over one shared feature set: TF-IDF of word 1-3 and
char_wb 3-5 n-grams of the sentence, word 1-2 n-grams of the sentence before it (a rationale
states its ground right after the guideline it applies) and of the sentence after it (and
right before the conclusion it draws), plus the rule cues' 0/1 flag per
code. A sentence's targets are the codes whose labelled evidence it is
(`labels.sentence_codes`); every other sentence of a labelled Upheld item is a negative. The
threshold that turns probabilities into reasons (one per code) and the regularisation C are
chosen by grouped cross-validation (letters never split) on the training items only,
maximising item-level micro-F1 of the assigned codes (`choose_settings`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.config import RANDOM_SEED
from pipeline.modeling.reasons import CODES, OTHER, UPHELD
from pipeline.modeling.reasons.assign import FLOOR, ReasonModel, choose, cue_probabilities
from pipeline.modeling.reasons.labels import ItemLabels, item_key, sentence_codes
from pipeline.modeling.reasons.sentences import (
    CUE_COLUMNS,
    ROW_COLUMNS,
    feature_row,
    item_sentences,
)

THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.20, 0.86, 0.05))
# Up to 32: with 0.5..8 every fold chose 8, the grid's edge (0.5 was never near the best).
# Now most outer folds choose 32 or 16 (the inner micro-F1 differs there by under 0.005);
# 4-128 was measured: most folds chose 64, figures within noise, a third slower.
C_GRID = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
C_DEFAULT = 1.0
INNER_FOLDS = 5
# A code needs this many labelled sentences in the training items to get a classifier.
MIN_POSITIVES = 3


@dataclass
class LabelledItems:
    """The labelled Upheld items' sentences: one row per sentence."""

    keys: list[tuple[str, int]]  # per item
    groups: list[str]  # per item: its letter
    labels: list[ItemLabels]  # per item
    sentences: list[list[dict[str, Any]]]  # per item
    targets: list[list[set[str]]]  # per item, per sentence: the codes it is evidence of
    # per item, its weight in the fit (None: 1 each); the made-up items count less
    weights: list[float] | None = None

    def item_weights(self) -> list[float]:
        return list(self.weights) if self.weights is not None else [1.0] * len(self.keys)

    def weighted(self, weight: float) -> LabelledItems:
        """The same items, each weighing `weight` in the fit."""
        return LabelledItems(self.keys, self.groups, self.labels, self.sentences, self.targets,
                             [float(weight)] * len(self.keys))  # fmt: skip

    def subset(self, index: Iterable[int]) -> LabelledItems:
        chosen = [int(i) for i in index]
        weights = self.item_weights()
        return LabelledItems(
            [self.keys[i] for i in chosen],
            [self.groups[i] for i in chosen],
            [self.labels[i] for i in chosen],
            [self.sentences[i] for i in chosen],
            [self.targets[i] for i in chosen],
            [weights[i] for i in chosen] if self.weights is not None else None,
        )

    def __len__(self) -> int:
        return len(self.keys)

    def __add__(self, other: LabelledItems) -> LabelledItems:
        return LabelledItems(
            self.keys + other.keys,
            self.groups + other.groups,
            self.labels + other.labels,
            self.sentences + other.sentences,
            self.targets + other.targets,
            None
            if self.weights is None and other.weights is None
            else self.item_weights() + other.item_weights(),
        )


def labelled_items(
    items: Sequence[Mapping[str, Any]], labels: Mapping[tuple[str, int], ItemLabels]
) -> LabelledItems:
    """The items the labels call Upheld (and that have sentences), with sentence targets."""
    chosen = LabelledItems([], [], [], [], [])
    for item in items:
        key = item_key(item)
        label = labels.get(key)
        if label is None or label.decision != UPHELD:
            continue
        sentences = item_sentences(item)
        if not sentences:
            continue
        chosen.keys.append(key)
        chosen.groups.append(key[0])
        chosen.labels.append(label)
        chosen.sentences.append(sentences)
        chosen.targets.append(sentence_codes([s["text"] for s in sentences], label))
    return chosen


def build_features() -> Any:
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    return ColumnTransformer(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True, min_df=2),
             "sentence"),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                      min_df=2), "sentence"),
            # the sentence before it: what the guideline said just before the case is measured
            ("previous", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
             "previous"),
            # the sentence after it: a reason usually comes just before its conclusion
            # ("Therefore, the request is not medically necessary.")
            ("next", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2), "next"),
            # the values as they are (a fitted "passthrough" becomes a FunctionTransformer,
            # which the compiled scorer does not reproduce; an identity scaler it does)
            ("cues", StandardScaler(with_mean=False, with_std=False), [*CUE_COLUMNS, "position"]),
            ("category", OneHotEncoder(handle_unknown="ignore"), ["category"]),
        ]
    )  # fmt: skip


def _frame(data: LabelledItems) -> Any:
    import pandas as pd

    rows = [feature_row(s) for group in data.sentences for s in group]
    return pd.DataFrame(rows, columns=list(ROW_COLUMNS))


def _target_matrix(data: LabelledItems, codes: Sequence[str]) -> np.ndarray:
    flat = [t for group in data.targets for t in group]
    return np.array([[code in t for code in codes] for t in flat], dtype=int).reshape(
        len(flat), len(codes)
    )


def _classifier(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    # liblinear's dual solver: 40x faster than lbfgs here (far more features than sentences)
    return LogisticRegression(class_weight="balanced", C=c, solver="liblinear", dual=True,
                              max_iter=5000, random_state=RANDOM_SEED)  # fmt: skip


def _row_weights(data: LabelledItems) -> np.ndarray:
    """Each sentence row's weight in the fit: its item's."""
    return np.array([w for w, group in zip(data.item_weights(), data.sentences, strict=True)
                     for _ in group], dtype=np.float64)  # fmt: skip


def _fit_matrix(x: Any, targets: np.ndarray, c: float, weights: np.ndarray) -> dict[str, Any]:
    """code -> a LogisticRegression fitted on `x` (rows weighted) for every code with enough
    positives."""
    out = {}
    for j, code in enumerate(CODES):
        y = targets[:, j]
        # `other` is what no classifier finds (`assign.choose`): never fitted, even when the
        # made-up items label it
        if code != OTHER and MIN_POSITIVES <= y.sum() < len(y):
            out[code] = _classifier(c).fit(x, y, sample_weight=weights)
    return out


def fit_pipelines(data: LabelledItems, c: float = C_DEFAULT) -> dict[str, Any]:
    """code -> a fitted Pipeline(features, LogisticRegression) for every code with enough
    labelled sentences; the features are fitted once and shared by every code's pipeline."""
    from sklearn.pipeline import Pipeline

    frame = _frame(data)
    features = build_features().fit(frame)
    classifiers = _fit_matrix(features.transform(frame), _target_matrix(data, CODES), c,
                              _row_weights(data))  # fmt: skip
    return {code: Pipeline([("features", features), ("classifier", classifier)])
            for code, classifier in classifiers.items()}  # fmt: skip


def probabilities(pipelines: Mapping[str, Any], data: LabelledItems) -> np.ndarray:
    """P(code | sentence) of every sentence of `data`, columns in CODES order (0 for codes
    without a pipeline); the features are transformed once."""
    frame = _frame(data)
    out = np.zeros((len(frame), len(CODES)))
    if not pipelines or not len(frame):
        return out
    features = next(iter(pipelines.values())).named_steps["features"]
    x = features.transform(frame)
    for j, code in enumerate(CODES):
        if code in pipelines:
            out[:, j] = pipelines[code].named_steps["classifier"].predict_proba(x)[:, 1]
    return out


def assign_all(
    matrix: np.ndarray,
    data: LabelledItems,
    threshold: float | Mapping[str, float],
    floor: float = FLOOR,
) -> list[list[tuple[str, int, float]]]:
    """`choose` on each item's block of sentence rows (codes but `other`); `threshold` one for
    all codes or one per code."""
    codes = [c for c in CODES if c != OTHER]
    columns = [CODES.index(c) for c in codes]
    cut = ([float(threshold.get(c, 1.01)) for c in codes] if isinstance(threshold, Mapping)
           else float(threshold))  # fmt: skip
    out, offset = [], 0
    for group in data.sentences:
        block = matrix[offset : offset + len(group), columns]
        offset += len(group)
        out.append(choose(block, codes, cut, floor, cue_probabilities(group, codes) > 0))
    return out


def micro_f1(chosen: Sequence[Sequence[tuple[str, int, float]]], data: LabelledItems) -> float:
    """Item-level micro-F1 of the codes given, each item counted at its weight (a made-up item
    weighs in the choice of C and thresholds as it does in the fit)."""
    tp = fp = fn = 0.0
    for picks, label, weight in zip(chosen, data.labels, data.item_weights(), strict=True):
        predicted, gold = {code for code, _, _ in picks}, label.codes
        tp += weight * len(predicted & gold)
        fp += weight * len(predicted - gold)
        fn += weight * len(gold - predicted)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def grouped_splits(
    groups: Sequence[str], n_splits: int, seed: int = RANDOM_SEED
) -> list[tuple[np.ndarray, np.ndarray]]:
    """GroupKFold by letter, letters shuffled with `seed` (the project's by default)."""
    from sklearn.model_selection import GroupKFold

    letters = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(letters))
    rank = {letters[i]: r for r, i in enumerate(order)}
    coded = np.array([rank[g] for g in groups])
    n_splits = min(n_splits, len(letters))
    return list(GroupKFold(n_splits=n_splits).split(coded, groups=coded))


def out_of_fold(data: LabelledItems, folds: int = INNER_FOLDS) -> dict[float, np.ndarray]:
    """C -> out-of-fold P(code | sentence) of every sentence of `data` (grouped folds of `data`
    alone; the features fitted once per fold for every C)."""
    n = sum(len(g) for g in data.sentences)
    matrices = {c: np.zeros((n, len(CODES))) for c in C_GRID}
    starts = np.cumsum([0, *(len(g) for g in data.sentences)])
    for train, test in grouped_splits(data.groups, folds):
        training, testing = data.subset(train), data.subset(test)
        frame = _frame(training)
        features = build_features().fit(frame)
        x_train, x_test = features.transform(frame), features.transform(_frame(testing))
        rows = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in test])
        for c in C_GRID:
            fitted = _fit_matrix(x_train, _target_matrix(training, CODES), c,
                                 _row_weights(training))  # fmt: skip
            for code, model in fitted.items():
                matrices[c][rows, CODES.index(code)] = model.predict_proba(x_test)[:, 1]
    return matrices


def per_code_thresholds(matrix: np.ndarray, data: LabelledItems) -> tuple[dict[str, float], float]:
    """Each code's threshold by coordinate ascent on item-level micro-F1 (two passes over the
    codes, every other code's threshold held), from 0.5 for all; and the micro-F1 reached."""
    codes = [c for c in CODES if c != OTHER]
    thresholds = {code: 0.5 for code in codes}
    best = micro_f1(assign_all(matrix, data, thresholds), data)
    for _ in range(2):
        for code in codes:
            for t in THRESHOLDS:
                trial = {**thresholds, code: t}
                score = micro_f1(assign_all(matrix, data, trial), data)
                if score > best + 1e-12:
                    best, thresholds = score, trial
    return thresholds, best


def choose_settings(data: LabelledItems, folds: int = INNER_FOLDS) -> dict[str, Any]:
    """C and the per-code thresholds with the best out-of-fold micro-F1 on `data` alone."""
    results: list[dict[str, Any]] = []
    for c, matrix in out_of_fold(data, folds).items():
        thresholds, score = per_code_thresholds(matrix, data)
        results.append({"C": c, "thresholds": thresholds, "micro_f1": score})
    best = max(results, key=lambda r: (round(r["micro_f1"], 12), -abs(np.log(r["C"]))))
    return {"C": best["C"], "thresholds": best["thresholds"], "results": results}


def train_reason_model(
    letters: LabelledItems, extra: LabelledItems | None = None
) -> tuple[ReasonModel, dict[str, Any], dict[str, Any]]:
    """(compiled model, fitted pipelines by code, metadata): C and thresholds chosen by grouped
    CV on the labelled letters' items and `extra` (the made-up items, `made_up`), then every
    code's classifier fitted on all of them and compiled (checked to score as its pipeline).
    The metadata counts the letters' items apart from the extra ones."""
    from pipeline.modeling.linear import check_compiled, compile_model

    data = letters if extra is None else letters + extra
    settings = choose_settings(data)
    pipelines = fit_pipelines(data, settings["C"])
    frame = _frame(data)
    scorers = {}
    for code, pipeline in pipelines.items():
        scorers[code] = compile_model(pipeline)
        check_compiled(pipeline, scorers[code], frame, f"reason classifier ({code})")
    model = ReasonModel(scorers, {c: settings["thresholds"][c] for c in scorers}, FLOOR)
    positives = _target_matrix(data, CODES).sum(axis=0)
    meta = {
        **model.metadata(),
        "C": settings["C"],
        "selection": {"cv": f"GroupKFold({INNER_FOLDS}) by letter", "results": settings["results"]},
        "n_items": len(letters),
        "n_letters": len(set(letters.groups)),
        "n_extra_items": 0 if extra is None else len(extra),
        "n_sentences": int(len(frame)),
        "labelled_sentences": {code: int(n) for code, n in zip(CODES, positives, strict=True)},
    }
    return model, pipelines, meta
