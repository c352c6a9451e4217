"""spaCy tagging of IMR items: treatments, item category, frequency, quantity, citations.

Importing this package registers the component factories, so a pipeline saved with
`save_nlp` loads with `spacy.load(path)` (or `load_nlp`) in any process that imported it.
Components hold no trained state: their rules are re-read from the JSON files in this package.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import spacy
from spacy.language import Language

# Imported for their side effect: registering the @Language.factory components.
from pipeline.tagging import (  # noqa: F401
    citations,
    frequency,
    guideline_limits,
    item_category,
    quantity,
    treatments,
    verdicts,
)
from pipeline.tagging.citations import parse_citation
from pipeline.tagging.frequency import parse_frequency
from pipeline.tagging.guideline_limits import parse_guideline_limits
from pipeline.tagging.quantity import parse_quantity

__all__ = [
    "COMPONENTS",
    "build_nlp",
    "load_nlp",
    "parse_citation",
    "parse_frequency",
    "parse_guideline_limits",
    "parse_quantity",
    "save_nlp",
    "tag_items",
]

COMPONENTS = (
    "imr_treatments",
    "imr_item_category",
    "imr_frequencies",
    "imr_quantities",
    "imr_guideline_limits",
    "imr_citations",
    "verdict_masker",
)
BATCH_SIZE = 256
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "imr.text_keeping_tokenizer.v1"}}}


def build_nlp() -> Language:
    """Blank English tokenizer + every IMR tagging component (no model download needed)."""
    nlp = spacy.blank("en", config=TOKENIZER_CONFIG)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def save_nlp(path: str | Path, nlp: Language | None = None) -> Path:
    """Write the assembled pipeline with `nlp.to_disk` (rules are re-read on load)."""
    path = Path(path)
    (nlp or build_nlp()).to_disk(path)
    return path


def load_nlp(path: str | Path) -> Language:
    """`spacy.load` a saved pipeline; the factories are registered by importing this module."""
    return spacy.load(path)


def _texts(values: Iterable[Any]) -> list[str]:
    return ["" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v) for v in values]


def _pipe(nlp: Language, texts: list[str], disable: list[str]) -> list[Any]:
    with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))


def tag_items(
    items: pd.DataFrame, letters: pd.DataFrame, nlp: Language | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add tag columns to ingest's items and letters tables (copies; inputs untouched).

    items gain category, frequency, quantity, claims_admin_guideline, maximus_guideline,
    guideline_limits, rationale_treatments, masked_rationale, verdict_text; letters gain
    prior_treatments. Values are plain
    Python (dict/list/int/None) so they JSON-serialise in the answer key's shape.
    """
    nlp = nlp or build_nlp()
    items = items.copy()
    letters = letters.copy()
    item_only = ["imr_guideline_limits", "imr_citations", "verdict_masker"]
    docs = _pipe(nlp, _texts(items.get("disputed_item", [])), item_only)
    items["category"] = _column(items, [d._.item_category for d in docs])
    items["frequency"] = _column(items, [d._.frequency for d in docs])
    items["quantity"] = _column(items, [d._.quantity for d in docs])
    text_only = ["imr_item_category", "imr_frequencies", "imr_quantities", "imr_guideline_limits"]
    for column, out in (
        ("claims_admin_guideline_text", "claims_admin_guideline"),
        ("maximus_guideline_text", "maximus_guideline"),
    ):
        texts = _texts(items.get(column, [""] * len(items)))
        items[out] = _column(items, [parse_citation(t) for t in texts])
    rationale_skip = ["imr_item_category", "imr_frequencies", "imr_quantities", "imr_citations"]
    docs = _pipe(nlp, _texts(items.get("rationale", [""] * len(items))), rationale_skip)
    items["guideline_limits"] = _column(items, [list(d._.guideline_limits or []) for d in docs])
    items["rationale_treatments"] = _column(items, [list(d._.treatments or []) for d in docs])
    # The rationale with its verdict sentences masked, and those sentences alone: the two
    # outcome models' inputs, tagged here so that no later stage tokenizes the rationale again.
    items["masked_rationale"] = _column(items, [d._.masked_text for d in docs])
    items["verdict_text"] = _column(items, [d._.verdict_text for d in docs])
    docs = _pipe(
        nlp,
        _texts(letters.get("clinical_case_summary", [""] * len(letters))),
        text_only + ["imr_citations", "verdict_masker"],
    )
    letters["prior_treatments"] = _column(letters, [_prior(d) for d in docs])
    return items, letters


def _column(frame: pd.DataFrame, values: list[Any]) -> pd.Series:
    """An object column, so None stays None (not NaN) and ints stay ints."""
    return pd.Series(values, index=frame.index, dtype=object)


def _prior(doc: Any) -> list[str]:
    """Treatments named in "Treatment to date" passages, else every treatment in the summary."""
    return list(doc._.prior_treatments or doc._.treatments or [])
