"""Fit the decision reader and the reasoning model on the development letters; write artifacts.

The held-out letters (splits.holdout_cases) are removed before anything is fitted, selected or
thresholded, so `evaluate` can score the saved models on letters they have never seen. Model
choice for the reasoning model is grouped, stratified k-fold on the development letters only.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import roc_auc_score

from pipeline.config import RANDOM_SEED
from pipeline.features.table import (
    CATEGORICAL_COLUMNS,
    NUMERIC_COLUMNS,
    TEXT_COLUMNS,
    build_features,
    outcome_labels,
)
from pipeline.modeling.artifacts import (
    METADATA_FILE,
    READER_FILE,
    READER_SCORER,
    REASONING_FILE,
    REASONING_SCORER,
    SMOKE_KEY,
    dump_joblib,
    dump_json,
    models_swap,
    write_manifest,
)
from pipeline.modeling.estimators import (
    REASONING_CANDIDATES,
    REASONING_DEFAULTS,
    build_reader,
    build_reasoning,
    build_reasoning_core,
)
from pipeline.modeling.linear import check_compiled, compile_model
from pipeline.modeling.nlp_artifact import RULES_KEY, save_trained_nlp, trained_rule_hashes
from pipeline.modeling.splits import HOLDOUT_FRACTION, N_FOLDS, grouped_folds, holdout_cases

READER_THRESHOLD = 0.5
# Below this many letters there is no meaningful hold-out, fold or calibration: the models are
# fitted on everything, uncalibrated, and marked as a smoke test (e.g. on the fixture letters).
MIN_LETTERS_TO_VALIDATE = 20
SMOKE_TEST_CONFIG = {"min_df": 1, "max_df": 1.0}


def split_development(features: pd.DataFrame, y: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Boolean mask of development rows and the sorted held-out case numbers."""
    held_out = holdout_cases(features["case_number"].tolist(), y)
    dev = ~features["case_number"].isin(held_out).to_numpy()
    return dev, sorted(held_out)


def select_reasoning_config(
    features: pd.DataFrame, y: np.ndarray, candidates: list[dict[str, Any]] | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Pick the candidate with the best pooled out-of-fold ROC AUC (grouped folds, dev only).

    Uncalibrated pipelines are compared (sigmoid calibration barely moves a ranking), which
    keeps model choice to a few seconds. Candidates that differ only in C share one feature fit
    per fold, so each fold's features are built once per feature configuration.
    """
    candidates = candidates or REASONING_CANDIDATES
    scores = candidate_scores(features, y, candidates)
    results = [
        {"config": config, "cv_roc_auc": float(roc_auc_score(y, scores[index]))}
        for index, config in enumerate(candidates)
    ]
    best = max(results, key=lambda r: r["cv_roc_auc"])  # first wins a tie: order is fixed
    return dict(best["config"]), results


def candidate_scores(
    features: pd.DataFrame, y: np.ndarray, candidates: list[dict[str, Any]]
) -> dict[int, np.ndarray]:
    """Each candidate's pooled out-of-fold P(Overturned) (grouped folds, uncalibrated): what
    model choice ranks, and what the evaluation bootstraps for its intervals."""
    folds = grouped_folds(features["case_number"].tolist(), y)
    scores = {index: np.zeros(len(y)) for index in range(len(candidates))}
    by_features: dict[str, list[int]] = {}
    for index, config in enumerate(candidates):
        key = json.dumps({k: v for k, v in config.items() if k != "C"}, sort_keys=True)
        by_features.setdefault(key, []).append(index)
    for members in by_features.values():
        for train, test in folds:
            pipeline = build_reasoning_core(candidates[members[0]])
            transform = clone(pipeline.named_steps["features"])
            x_train = transform.fit_transform(features.iloc[train], y[train])
            x_test = transform.transform(features.iloc[test])
            for index in members:
                classifier = clone(pipeline.named_steps["classifier"]).set_params(
                    C=candidates[index]["C"]
                )
                classifier.fit(x_train, y[train])
                scores[index][test] = classifier.predict_proba(x_test)[:, 1]
    return scores


def fingerprint(items: pd.DataFrame) -> str:
    """SHA-256 over the identifying columns and texts of the training items (order-free)."""
    keys = ["case_number", "issue_index", "disputed_item", "decision", "rationale"]
    present = [k for k in keys if k in items.columns]
    rows = sorted(json.dumps([str(r[k]) for k in present]) for _, r in items.iterrows())
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def train_models(
    items: pd.DataFrame,
    letters: pd.DataFrame,
    models_dir: Path,
    select: bool = True,
    reasoning_config: dict[str, Any] | None = None,
    trained_on: dict[str, Any] | None = None,
    reason_labels: Path | None = None,
) -> dict[str, Any]:
    """Fit both models on the development letters, write them + metadata + manifest.

    `select=False` (or an explicit `reasoning_config`) skips model choice, e.g. in fast tests.
    `trained_on` (ingest's record of its inputs) is kept in the metadata, so anyone can tell
    which letters the models came from. `reason_labels` (a reasons.jsonl) trains the denial
    reason classifier (`modeling.reasons`); without it reasons come from the rule cues alone.
    Returns the metadata written to models_dir/metadata.json.
    """
    models_dir = Path(models_dir)
    features = build_features(items, letters)
    y = outcome_labels(items)
    smoke_test = features["case_number"].nunique() < MIN_LETTERS_TO_VALIDATE
    if smoke_test:
        dev, held_out = np.ones(len(y), dtype=bool), []
    else:
        dev, held_out = split_development(features, y)
    if dev.sum() == 0 or len(set(y[dev])) < 2:
        raise ValueError("training needs both Upheld and Overturned items outside the hold-out")
    dev_features, dev_y = features[dev].reset_index(drop=True), y[dev]

    selection: list[dict[str, Any]] = []
    if smoke_test:
        config = {**REASONING_DEFAULTS, **SMOKE_TEST_CONFIG}
    elif reasoning_config is not None:
        config = {**REASONING_DEFAULTS, **reasoning_config}
    elif select:
        config, selection = select_reasoning_config(dev_features, dev_y)
    else:
        config = dict(REASONING_DEFAULTS)

    reader = clone(build_reader()).fit(dev_features, dev_y)
    if smoke_test:
        reasoning = build_reasoning_core(config).fit(dev_features, dev_y)
    else:
        reasoning = build_reasoning(config).fit(dev_features, dev_y)
    # predict runs the compiled scorers: each must score as its fitted pipeline (within 1e-9)
    # before anything is written.
    reader_scorer, reasoning_scorer = compile_model(reader), compile_model(reasoning)
    check_compiled(reader, reader_scorer, dev_features, "decision reader")
    check_compiled(reasoning, reasoning_scorer, dev_features, "reasoning model")

    base_rate = float(dev_y.mean())
    meta = {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seed": RANDOM_SEED,
        SMOKE_KEY: smoke_test,
        "warning": (
            f"trained on only {features['case_number'].nunique()} letters: no hold-out, no "
            "cross-validation, uncalibrated; a smoke test of the chain, not a model to trust"
            if smoke_test
            else None
        ),
        "training_data": {
            "fingerprint_all_items": fingerprint(items),
            "fingerprint_training_items": fingerprint(items[dev]),
            "n_development_items": int(dev.sum()),
            "n_held_out_items": int((~dev).sum()),
            "n_letters": int(features.loc[dev, "case_number"].nunique()),
            "n_overturned": int(dev_y.sum()),
            "held_out_cases": held_out,
            # the letters fitted on: a report says when its letters are among them
            "development_cases": sorted(map(str, set(features.loc[dev, "case_number"]))),
            "held_out_fraction": HOLDOUT_FRACTION,
            "trained_on": {
                **(trained_on or {}),
                "letters_tagged": int(len(letters)),
                "source_files_sha256": hashlib.sha256(
                    "\n".join(sorted(map(str, letters["source_file"]))).encode()
                ).hexdigest(),
            },
        },
        "feature_config": {
            "text_columns": TEXT_COLUMNS,
            "categorical_columns": CATEGORICAL_COLUMNS,
            "numeric_columns": NUMERIC_COLUMNS,
            # predict refuses these models once any shipped rule file reads otherwise
            RULES_KEY: trained_rule_hashes(),
            "reasoning_config": config,
        },
        "model_selection": {
            "cv": f"StratifiedGroupKFold({N_FOLDS}) by letter",
            "results": selection,
        },
        "thresholds": {
            "reader": READER_THRESHOLD,
            # Calibrated probabilities: calling Overturned above the training base rate balances
            # the two error rates without looking at any held-out letter.
            "reasoning": base_rate,
        },
        "base_rate_overturned": base_rate,
        "artifacts": {
            "reader": READER_FILE,
            "reasoning": REASONING_FILE,
            "reader_scorer": READER_SCORER,
            "reasoning_scorer": REASONING_SCORER,
        },
    }
    # Everything goes into a new folder that replaces models_dir in one rename at the end: a
    # run killed before then leaves the previous models as they were, still loadable.
    with models_swap(models_dir) as staging:
        from pipeline.modeling.reasons.assign import METADATA_KEY as REASONS_KEY
        from pipeline.modeling.reasons.train import train_reasons

        meta[REASONS_KEY], reason_files = train_reasons(
            items.to_dict(orient="records"), reason_labels, staging
        )
        dump_joblib(reader, staging / READER_FILE)
        dump_joblib(reasoning, staging / REASONING_FILE)
        reader_scorer.save(staging / READER_SCORER)
        reasoning_scorer.save(staging / REASONING_SCORER)
        dump_json(meta, staging / METADATA_FILE)
        save_trained_nlp(staging)  # models/nlp: the tagging pipeline predict uses, as trained
        write_manifest(
            staging,
            [READER_FILE, REASONING_FILE, READER_SCORER, REASONING_SCORER, METADATA_FILE,
             *reason_files],
        )  # fmt: skip
    return meta
