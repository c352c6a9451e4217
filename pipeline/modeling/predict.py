"""Load the verified models and score items: decision read, P(Overturned), evidence, flags."""

from __future__ import annotations

import heapq
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from pipeline.features.table import OVERTURNED, UPHELD, build_features
from pipeline.modeling.artifacts import (
    ModelIntegrityError,
    load_verified,
    verify_manifest,
)
from pipeline.modeling.train import METADATA_FILE, READER_FILE, REASONING_FILE

__all__ = [
    "ModelIntegrityError",
    "Models",
    "explain_reasoning",
    "flag_disagreements",
    "load_models",
    "predict_items",
]

N_EVIDENCE = 6


@dataclass
class Models:
    """The two fitted pipelines and their training metadata (as verified on load)."""

    reader: Any
    reasoning: Any
    metadata: dict[str, Any]
    models_dir: Path

    @property
    def reader_threshold(self) -> float:
        return float(self.metadata.get("thresholds", {}).get("reader", 0.5))

    @property
    def reasoning_threshold(self) -> float:
        return float(self.metadata.get("thresholds", {}).get("reasoning", 0.5))


def load_models(models_dir: Path) -> Models:
    """Verify models_dir against its SHA-256 manifest, then load (ModelIntegrityError if not)."""
    models_dir = Path(models_dir)
    manifest = verify_manifest(models_dir)
    metadata_bytes = (models_dir / METADATA_FILE).read_bytes()
    if METADATA_FILE not in manifest["files"]:
        raise ModelIntegrityError(f"{METADATA_FILE} is not listed in the manifest")
    return Models(
        reader=load_verified(models_dir, READER_FILE, manifest),
        reasoning=load_verified(models_dir, REASONING_FILE, manifest),
        metadata=json.loads(metadata_bytes),
        models_dir=models_dir,
    )


def _readable(name: str) -> str:
    block, _, term = name.partition("__")
    labels = {"reasoning": "rationale", "cues": "cue", "category": "category"}
    return f"{labels.get(block, block)}: {term}"


def reasoning_scores(reasoning: Any, features: pd.DataFrame) -> tuple[np.ndarray, list]:
    """P(Overturned) and the (pipeline, feature matrix) pairs behind it, transforming the text
    once per fitted pipeline so the evidence reuses the same matrices."""
    if hasattr(reasoning, "calibrated_") and len(reasoning.fitted_pipelines) == 1:
        calibrated = reasoning.calibrated_.calibrated_classifiers_[0]
        pipe = calibrated.estimator
        matrix = pipe["features"].transform(features)
        decision = pipe["classifier"].decision_function(matrix)
        return calibrated.calibrators[0].predict(decision), [(pipe, matrix)]
    pipes = getattr(reasoning, "fitted_pipelines", [reasoning])
    pairs = [(pipe, pipe["features"].transform(features)) for pipe in pipes]
    return reasoning.predict_proba(features)[:, 1], pairs


_COLUMNS: dict[int, tuple[Any, np.ndarray, np.ndarray]] = {}


def _readable_columns(pipe: Any) -> tuple[np.ndarray, np.ndarray]:
    """Feature names and the indices of the readable ones (not character n-grams), computed
    once per fitted pipeline: sklearn sorts the whole vocabulary on every call."""
    cached = _COLUMNS.get(id(pipe))
    if cached is None or cached[0] is not pipe:
        names = pipe["features"].get_feature_names_out()
        keep = np.flatnonzero([not n.startswith("char__") for n in names])
        cached = _COLUMNS[id(pipe)] = (pipe, names, keep)
    return cached[1], cached[2]


def explain_reasoning(
    reasoning: Any, features: pd.DataFrame, top: int = N_EVIDENCE, pairs: list | None = None
) -> list[list[dict[str, Any]]]:
    """Per item, the features pushing the (uncalibrated) score most, averaged over pipelines.

    Positive weight pushes toward Overturned. Character n-grams are left out of the list: they
    carry signal but no readable meaning on their own.
    """
    totals: list[dict[str, float]] = [{} for _ in range(len(features))]
    if pairs is None:
        pairs = reasoning_scores(reasoning, features)[1]
    for pipe, transformed in pairs:
        names, keep = _readable_columns(pipe)
        matrix = sparse.csr_matrix(transformed)[:, keep]
        coef = pipe["classifier"].coef_[0][keep] / len(pairs)
        contributions = sparse.csr_matrix(matrix.multiply(coef))
        for row in range(len(features)):
            start, end = contributions.indptr[row], contributions.indptr[row + 1]
            target = totals[row]
            for column, value in zip(
                contributions.indices[start:end], contributions.data[start:end], strict=True
            ):
                name = names[keep[column]]
                target[name] = target.get(name, 0.0) + float(value)
    out = []
    for row, contributions in enumerate(totals):
        numeric = [kv for kv in contributions.items() if kv[0].split("__")[0] in _NUMERIC_BLOCKS]
        words = [kv for kv in contributions.items() if kv[0].split("__")[0] not in _NUMERIC_BLOCKS]
        strongest = lambda kv: (-abs(kv[1]), kv[0])  # noqa: E731
        chosen = heapq.nsmallest(top - top // 2, words, key=strongest) + heapq.nsmallest(
            top // 2, numeric, key=strongest
        )
        chosen.sort(key=lambda kv: (-abs(kv[1]), kv[0]))
        out.append([_evidence(name, weight, features, row) for name, weight in chosen if weight])
    return out


_NUMERIC_BLOCKS = {"cues", "structure"}


def _evidence(name: str, weight: float, features: pd.DataFrame, row: int) -> dict[str, Any]:
    """One evidence entry; numeric features carry their value (weights are relative to the
    training mean, so a value below the mean can push the other way)."""
    entry: dict[str, Any] = {"feature": _readable(name), "weight": round(weight, 4)}
    block, _, column = name.partition("__")
    if block in _NUMERIC_BLOCKS and column in features.columns:
        entry["value"] = round(float(features[column].iloc[row]), 4)
    return entry


def predict_items(
    models: Models, items: pd.DataFrame, letters: pd.DataFrame | None = None
) -> list[dict[str, Any]]:
    """One dict per items row (same order): decision read, P(Overturned), agreement, evidence."""
    if len(items) == 0:
        return []
    features = build_features(items, letters)
    p_read = models.reader.predict_proba(features)[:, 1]
    p_reason, pairs = reasoning_scores(models.reasoning, features)
    evidence = explain_reasoning(models.reasoning, features, pairs=pairs)
    stated = items["decision"].tolist() if "decision" in items.columns else [None] * len(items)
    out = []
    for i in range(len(items)):
        read = OVERTURNED if p_read[i] >= models.reader_threshold else UPHELD
        said = str(stated[i]).strip() if stated[i] is not None else ""
        out.append(
            {
                "decision_read": read,
                "p_overturned_reader": round(float(p_read[i]), 6),
                "p_overturned_reasoning": round(float(p_reason[i]), 6),
                "agrees_with_stated": (read == said) if said in (UPHELD, OVERTURNED) else None,
                "evidence": evidence[i],
            }
        )
    return out


def flag_disagreements(
    items: pd.DataFrame, predictions: list[dict[str, Any]], margin: float = 0.7
) -> list[dict[str, Any]]:
    """Items to re-read: the reader disagrees with the stated decision, or the reasoning score
    is more than `margin` away from it (|1[Overturned] - p| > margin)."""
    flags = []
    for (_, row), pred in zip(items.iterrows(), predictions, strict=True):
        stated = str(row.get("decision", "") or "").strip()
        reasons = []
        if pred.get("agrees_with_stated") is False:
            reasons.append(f"decision reader reads {pred['decision_read']}, letter says {stated}")
        if stated in (UPHELD, OVERTURNED):
            target = 1.0 if stated == OVERTURNED else 0.0
            p = float(pred["p_overturned_reasoning"])
            if abs(target - p) > margin:
                reasons.append(f"reasoning score P(Overturned)={p:.2f} is far from {stated}")
        if reasons:
            flags.append(
                {
                    "case_number": row.get("case_number"),
                    "issue_index": int(row["issue_index"]) if "issue_index" in row else None,
                    "disputed_item": row.get("disputed_item"),
                    "stated": stated or None,
                    "decision_read": pred["decision_read"],
                    "p_overturned_reasoning": pred["p_overturned_reasoning"],
                    "reasons": reasons,
                }
            )
    return flags
