"""Give each Upheld item its reasons: per code, the best sentence when it clears the threshold.

Plain Python + numpy (the compiled `LinearModel`s): `imr predict` imports no scikit-learn.
A reason is `{"code", "evidence", "start", "end", "probability"}`: the sentence as written in
the item's `rationale` (`rationale[start:end]`, whitespace collapsed in `evidence`) and the
classifier's probability for that code (None when only the rule cues decided: models trained
without a label file; and for `other`, which no classifier gave). An Upheld item always gets
at least one reason: when no code clears the threshold, the most probable code if its
probability reaches `floor`, else `other` quoting the item's most reason-like sentence.
Items not Upheld get [].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.core.cells import as_text
from pipeline.modeling.linear import LinearModel, SharedScorers
from pipeline.modeling.reasons import CODES, OTHER, UPHELD
from pipeline.modeling.reasons.sentences import feature_row, item_sentences

# metadata.json's key for the reason classifier, and its scorer files' names
METADATA_KEY = "reasons"
SCORER_PATTERN = "reasons_{code}.npz"
# The probability the best code must reach to be given when none clears the threshold; below
# it the item gets `other` (fixed, not fitted: the letters' labels hold no `other` to fit it on,
# and `other` gets no classifier of its own: `model._fit_matrix`).
FLOOR = 0.1
RULES_ONLY = "rule cues only (no reason labels were given to `imr train`)"


@dataclass
class ReasonModel:
    """One compiled classifier per code, and each code's threshold chosen at training."""

    scorers: dict[str, LinearModel] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    floor: float = FLOOR

    @property
    def codes(self) -> list[str]:
        return [code for code in CODES if code in self.scorers]

    def save(self, folder: Path) -> list[str]:
        """Write the scorers; the names written (for the manifest)."""
        names = []
        for code, scorer in self.scorers.items():
            name = SCORER_PATTERN.format(code=code)
            scorer.save(Path(folder) / name)
            names.append(name)
        return names

    def metadata(self) -> dict[str, Any]:
        files = {code: SCORER_PATTERN.format(code=code) for code in self.codes}
        return {"codes": self.codes, "thresholds": self.thresholds, "floor": self.floor,
                "files": files}  # fmt: skip

    @classmethod
    def from_files(cls, meta: Mapping[str, Any], read: Any) -> ReasonModel | None:
        """The model `meta` (metadata.json's `reasons`) describes, its files read by `read`
        (name -> verified bytes); None when the models were trained without labels."""
        if not meta or not meta.get("files"):
            return None
        scorers = {code: LinearModel.load(read(name)) for code, name in meta["files"].items()}
        thresholds = {code: float(meta["thresholds"][code]) for code in scorers}
        return cls(scorers, thresholds, float(meta.get("floor", FLOOR)))

    @cached_property
    def _shared(self) -> SharedScorers:
        return SharedScorers([self.scorers[code] for code in self.codes])

    def probabilities(self, rows: Sequence[Mapping[str, Any]]) -> np.ndarray:
        """P(code | sentence), shape (rows, codes), columns in `codes` order (the sentences'
        features extracted once for every code)."""
        return self._shared.predict_proba(rows)


def cue_probabilities(sentences: Sequence[Mapping[str, Any]], codes: Sequence[str]) -> np.ndarray:
    """The rules-only stand-in for probabilities: 1 where a code's cue fired, else 0."""
    return np.array([[1.0 if code in s["cues"] else 0.0 for code in codes] for s in sentences],
                    dtype=np.float64).reshape(len(sentences), len(codes))  # fmt: skip


def choose(
    probabilities: np.ndarray,
    codes: Sequence[str],
    threshold: float | Sequence[float],
    floor: float,
    cued: np.ndarray | None = None,
) -> list[tuple[str, int, float]]:
    """(code, sentence index, probability) of each code given to one item, in `codes` order;
    never empty when there is a sentence. `threshold`: one for every code, or one per code (in
    `codes` order). When no code clears its threshold: the most probable code whose rule cue
    fired (`cued`: sentences x codes, True where a code's cue fired), at its most probable cued
    sentence; else the most probable code if it reaches `floor`; else `other`."""
    if probabilities.shape[0] == 0:
        return []
    best = probabilities.argmax(axis=0)
    top = probabilities[best, np.arange(len(codes))]
    cut = np.broadcast_to(np.asarray(threshold, dtype=np.float64), (len(codes),))
    chosen = [(codes[j], int(best[j]), float(top[j])) for j in range(len(codes))
              if top[j] >= cut[j]]  # fmt: skip
    if chosen:
        return chosen
    if cued is not None and cued.any():
        # a cue is evidence the classifier may underrate ("... are not recommended" in a
        # wording it never saw): the cued code and sentence before no reason at all
        masked = np.where(cued, probabilities, -1.0)
        at, code = (int(k) for k in np.unravel_index(int(masked.argmax()), masked.shape))
        return [(codes[code], at, float(probabilities[at, code]))]
    j = int(top.argmax()) if len(codes) else 0
    if len(codes) and top[j] >= floor:
        return [(codes[j], int(best[j]), float(top[j]))]
    # `other` quotes the sentence the classifier found most reason-like (over all codes)
    row = int(probabilities.sum(axis=1).argmax()) if len(codes) else 0
    return [(OTHER, row, float(1.0 - top.max()) if len(codes) else 0.0)]


def assign_reasons(
    items: Sequence[Mapping[str, Any]], model: ReasonModel | None = None
) -> list[list[dict[str, Any]]]:
    """Each item's reasons (same order). `model` None: the rule cues alone decide."""
    sentences = [item_sentences(item) if _upheld(item) else [] for item in items]
    rows = [feature_row(s) for group in sentences for s in group]
    codes_cued: list[str] = []
    if model is not None and model.codes:
        codes = [c for c in model.codes if c != OTHER]
        columns = [model.codes.index(c) for c in codes]
        matrix = model.probabilities(rows)[:, columns]
        threshold: float | list[float] = [model.thresholds[c] for c in codes]
        floor = model.floor
        codes_cued = codes
    else:
        codes = [c for c in CODES if c != OTHER]
        matrix = cue_probabilities([s for group in sentences for s in group], codes)
        threshold, floor = 0.5, 0.5
    # `other` is what no classifier found: it has no probability of its own to show
    scored = model is not None and bool(model.codes)
    out: list[list[dict[str, Any]]] = []
    offset = 0
    for item, group in zip(items, sentences, strict=True):
        if not _upheld(item):
            out.append([])
            continue
        block = matrix[offset : offset + len(group)]
        offset += len(group)
        if not group:
            out.append([{"code": OTHER, "evidence": "", "start": 0, "end": 0,
                         "probability": None}])  # fmt: skip
            continue
        out.append([
            {"code": code, "evidence": group[i]["text"], "start": group[i]["start"],
             "end": group[i]["end"],
             "probability": round(p, 4) if scored and code != OTHER else None}
            for code, i, p in choose(block, codes, threshold, floor,
                                     cue_probabilities(group, codes_cued) > 0 if codes_cued
                                     else None)
        ])  # fmt: skip
    return out


def _upheld(item: Mapping[str, Any]) -> bool:
    return as_text(item.get("decision")).strip() == UPHELD


def describe_model(metadata: Mapping[str, Any]) -> str:
    """One line saying what decides the reasons of models with this metadata."""
    meta = metadata.get(METADATA_KEY) or {}
    if not meta.get("files"):
        return RULES_ONLY
    return f"rule cues + a sentence classifier per code ({len(meta['files'])} codes)"


__all__ = ["FLOOR", "METADATA_KEY", "RULES_ONLY", "ReasonModel", "assign_reasons", "choose",
           "cue_probabilities", "describe_model"]  # fmt: skip
