"""An item's sentences as the reason classifier reads them (plain Python: predict uses it)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pipeline.core.cells import as_text
from pipeline.modeling.reasons import CODES

_SPACES = re.compile(r"\s+")
CUE_COLUMNS = tuple(f"cue_{code}" for code in CODES)
ROW_COLUMNS = ("sentence", "previous", "next", "category", "position", *CUE_COLUMNS)


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, stripped: how the labels quote a sentence."""
    return _SPACES.sub(" ", text or "").strip()


def item_sentences(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The tagged sentences of an item's rationale (`reason_sentences`), each with its text
    (whitespace collapsed), offsets into `rationale`, the item's service category, the
    sentence's place in the rationale (0 first .. 1 last) and the texts of the sentences before
    and after it; sentences outside the text dropped.
    """
    rationale = as_text(item.get("rationale"))
    category = as_text(item.get("category")) or "unknown"
    out = []
    for sentence in item.get("reason_sentences") or []:
        start, end = int(sentence["start"]), int(sentence["end"])
        if not 0 <= start < end <= len(rationale):
            continue
        text = collapse(rationale[start:end])
        if text:
            out.append({"start": start, "end": end, "text": text, "category": category,
                        "cues": list(sentence.get("cues") or [])})  # fmt: skip
    for index, sentence in enumerate(out):
        sentence["position"] = index / (len(out) - 1) if len(out) > 1 else 1.0
        # the sentence before: a reason is often stated right after the guideline it applies;
        # the sentence after: and right before the conclusion drawn from it
        sentence["previous"] = out[index - 1]["text"] if index else ""
        sentence["next"] = out[index + 1]["text"] if index + 1 < len(out) else ""
    return out


def feature_row(sentence: Mapping[str, Any]) -> dict[str, Any]:
    """The classifier's row: the sentence text, the item's category, the sentence's place in
    the rationale and one 0/1 column per code's cues (reasons depend on the service: urine
    drug screens on opioids, a conservative trial on injections and surgery)."""
    cues = set(sentence.get("cues") or [])
    row: dict[str, Any] = {"sentence": sentence["text"],
                           "previous": sentence.get("previous") or "",
                           "next": sentence.get("next") or "",
                           "category": sentence["category"],
                           "position": float(sentence["position"])}  # fmt: skip
    for code, column in zip(CODES, CUE_COLUMNS, strict=True):
        row[column] = 1.0 if code in cues else 0.0
    return row
