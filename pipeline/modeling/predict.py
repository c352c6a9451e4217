"""Load the verified models and score items: decision read, P(Overturned), evidence, flags.

Predicting runs the compiled linear scorers (`linear.LinearModel`, plain numpy, loaded from
`.npz` files without unpickling anything), so a one-letter `imr predict` imports neither
scikit-learn nor pandas. They reproduce the fitted scikit-learn pipelines saved beside them;
`imr evaluate` checks that on every held-out item.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.core.display_names import feature_label
from pipeline.features.table import OVERTURNED, UPHELD, feature_rows
from pipeline.modeling.artifacts import (
    METADATA_FILE,
    READER_FILE,
    READER_SCORER,
    REASONING_FILE,
    REASONING_SCORER,
    SMOKE_KEY,
    ModelIntegrityError,
    load_verified,
    read_verified,
    verify_manifest,
)
from pipeline.modeling.explain import sentence_contributions
from pipeline.modeling.linear import LinearModel
from pipeline.modeling.reasons.assign import METADATA_KEY as REASONS_KEY
from pipeline.modeling.reasons.assign import ReasonModel
from pipeline.record import Item
from pipeline.record.views import as_item
from pipeline.tagging.ruling import ruling_from_record

__all__ = [
    "ModelIntegrityError",
    "Models",
    "evidence",
    "flag_disagreements",
    "load_fitted_pipelines",
    "load_models",
    "predict_items",
]

N_EVIDENCE = 6
# Feature blocks holding numbers (their evidence carries the item's value) rather than terms.
_NUMERIC_BLOCKS = {"cues", "structure"}


@dataclass
class Models:
    """The two compiled scorers and their training metadata (as verified on load)."""

    reader: LinearModel
    reasoning: LinearModel
    metadata: dict[str, Any]
    models_dir: Path
    reasons: ReasonModel | None = None  # None: trained without reason labels (cues alone)

    @property
    def reader_threshold(self) -> float:
        return float(self.metadata.get("thresholds", {}).get("reader", 0.5))

    @property
    def reasoning_threshold(self) -> float:
        return float(self.metadata.get("thresholds", {}).get("reasoning", 0.5))


def load_models(models_dir: Path, retry_seconds: float = 0.5) -> Models:
    """Verify models_dir against its SHA-256 manifest, then load the compiled scorers
    (ModelIntegrityError if anything is missing, modified, unlisted, malformed, truncated or of
    another format version). A load that fails is retried once after `retry_seconds`: `imr
    train` may have swapped the folder while it was being read."""
    models_dir = Path(models_dir)
    try:
        return _load_models(models_dir)
    except ModelIntegrityError:
        if retry_seconds <= 0:
            raise
    import time

    time.sleep(retry_seconds)
    return _load_models(models_dir)


def _load_models(models_dir: Path) -> Models:
    manifest = verify_manifest(models_dir)
    loaded = {}
    for name in (READER_SCORER, REASONING_SCORER, METADATA_FILE):
        data = read_verified(models_dir, name, manifest)
        try:
            loaded[name] = json.loads(data) if name == METADATA_FILE else LinearModel.load(data)
        except Exception as error:  # a listed file that is not what it should be
            raise ModelIntegrityError(
                f"{models_dir / name} cannot be read as a model file ({type(error).__name__}: "
                f"{error}): retrain with `imr train`"
            ) from None
    if not isinstance(loaded[METADATA_FILE], dict):
        raise ModelIntegrityError(f"{models_dir / METADATA_FILE} is not a metadata object")
    try:
        reasons = ReasonModel.from_files(
            loaded[METADATA_FILE].get(REASONS_KEY) or {},
            lambda name: read_verified(models_dir, name, manifest),
        )
    except ModelIntegrityError:
        raise
    except Exception as error:  # a listed reason scorer that is not what it should be
        raise ModelIntegrityError(
            f"the reason classifier in {models_dir} cannot be read ({type(error).__name__}: "
            f"{error}): retrain with `imr train`"
        ) from None
    return Models(
        reader=loaded[READER_SCORER],
        reasoning=loaded[REASONING_SCORER],
        metadata=loaded[METADATA_FILE],
        models_dir=models_dir,
        reasons=reasons,
    )


def load_fitted_pipelines(models_dir: Path) -> tuple[Any, Any]:
    """The fitted scikit-learn reader and reasoning model (joblib, verified first): what the
    compiled scorers were made from. Imports scikit-learn."""
    manifest = verify_manifest(models_dir)
    return (
        load_verified(models_dir, READER_FILE, manifest),
        load_verified(models_dir, REASONING_FILE, manifest),
    )


def evidence(
    rows: Sequence[Mapping[str, Any]],
    contributions: Sequence[Mapping[str, float]],
    top: int = N_EVIDENCE,
    means: Mapping[str, float] | None = None,
) -> list[list[dict[str, Any]]]:
    """Per row, the features pushing the (uncalibrated) score most: half terms, half numbers,
    from contributions already computed (`LinearModel.predict_proba_and_contributions`).

    Positive weight pushes toward Overturned. Character n-grams are left out: they carry signal
    but no readable meaning on their own. A numeric feature carries the item's value and is
    named by it (`display_names.feature_label`): its weight is relative to the training mean
    (`means`), so a 0/1 column at 0 reads "reasoning present", never `reasoning_empty`, and a
    count reads with its value beside the average. `name` keeps the model's column name.
    """
    out = []
    for row, weights in zip(rows, contributions, strict=True):
        numeric, words = [], []
        for kv in weights.items():
            (numeric if kv[0].partition("__")[0] in _NUMERIC_BLOCKS else words).append(kv)
        strongest = lambda kv: (-abs(kv[1]), kv[0])  # noqa: E731
        chosen = heapq.nsmallest(top - top // 2, words, key=strongest)
        chosen += heapq.nsmallest(top // 2, numeric, key=strongest)
        chosen.sort(key=strongest)
        entries = []
        for name, weight in chosen:
            if not weight:
                continue
            block, _, column = name.partition("__")
            value = float(row[column]) if block in _NUMERIC_BLOCKS and column in row else None
            label = feature_label(name, value, (means or {}).get(name))
            entry: dict[str, Any] = {"feature": label, "weight": round(weight, 4), "name": name}
            if value is not None:
                entry["value"] = round(value, 4)
            entries.append(entry)
        out.append(entries)
    return out


def predict_items(
    models: Models,
    items: Sequence[Item | Mapping[str, Any]],
    letters: Sequence[Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """One dict per item record (same order): decision read, P(Overturned), agreement,
    evidence (`pipeline.record.Prediction`'s fields). Items are item records (or their rows).

    The decision read is the ruling sentence's (`tagging/ruling.py`: the record's `ruling`, or
    read from the rationale when the record has none). Where the reader finds no ruling
    sentence it abstains: `decision_read` and `p_overturned_reader` are None, the record's
    ruling says why, and nothing is compared with the stated decision (never a default).
    `p_overturned_reader` is otherwise the verdict-text model's probability."""
    if not items:
        return []
    items = [as_item(item) for item in items]
    rows = feature_rows(items, letters)
    p_read = models.reader.predict_proba(rows)
    p_reason, contributions = models.reasoning.predict_proba_and_contributions(rows, top=N_EVIDENCE)
    reasons = evidence(rows, contributions, means=models.reasoning.feature_means)
    sentences = sentence_contributions(models.reasoning, rows, p_reason)
    smoke = bool(models.metadata.get(SMOKE_KEY))
    out = []
    for i, item in enumerate(items):
        ruling = ruling_from_record(item)
        read = ruling.decision if ruling.decision in (UPHELD, OVERTURNED) else None
        # The reasoning model's call at its trained threshold (metadata.json), not a margin.
        call = OVERTURNED if p_reason[i] >= models.reasoning_threshold else UPHELD
        said = str(item.decision or "").strip()
        stated = said in (UPHELD, OVERTURNED)
        out.append(
            {
                "decision_read": read,
                "p_overturned_reader": round(float(p_read[i]), 6) if read else None,
                "p_overturned_reasoning": round(float(p_reason[i]), 6),
                "agrees_with_stated": (read == said) if stated and read else None,
                "reasoning_call": call,
                "reasoning_agrees_with_stated": (call == said) if stated else None,
                "evidence": reasons[i],
                # the masked rationale's sentences that move P(Overturned) most, quoted
                "sentences": sentences[i],
                # Models fitted on a handful of letters (the made-up fixtures): say so on
                # every prediction, not only in metadata.json.
                "smoke_test_models": smoke,
            }
        )
    return out


def flag_disagreements(
    items: Sequence[Item | Mapping[str, Any]], predictions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Items to re-read, in either direction: the decision reader disagrees with the stated
    decision (`agrees_with_stated`), the reasoning model's call at its trained threshold
    disagrees with it (`reasoning_agrees_with_stated`), or, where the letter states no
    decision, the two models disagree with each other."""
    flags = []
    for item, pred in zip((as_item(x) for x in items), predictions, strict=True):
        stated = str(item.decision or "").strip()
        read, call = pred["decision_read"], pred.get("reasoning_call")
        p = float(pred["p_overturned_reasoning"])
        reasons = []
        if pred.get("agrees_with_stated") is False:
            reasons.append(f"decision reader reads {read}, letter says {stated}")
        if pred.get("reasoning_agrees_with_stated") is False:
            reasons.append(f"reasoning model calls {call} (P(Overturned)={p:.2f}), "
                           f"letter says {stated}")  # fmt: skip
        if read is None and stated and call is not None:
            why = ruling_from_record(item).review or "no_ruling_sentence"
            reasons.append(f"decision reader abstains ({why}), reasoning model calls {call}")
        elif pred.get("agrees_with_stated") is None and call is not None and read and call != read:
            reasons.append(f"decision reader reads {read}, reasoning model calls {call}")
        if reasons:
            flags.append(
                {
                    "case_number": item.case_number,
                    "issue_index": item.issue_index,
                    "item": item.item,  # its number for people, from 1
                    "disputed_item": item.disputed_item,
                    "stated": stated or None,
                    "decision_read": pred["decision_read"],
                    "p_overturned_reasoning": pred["p_overturned_reasoning"],
                    "reasons": reasons,
                }
            )
    return flags
