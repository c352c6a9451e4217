"""The sentences behind a reasoning-model score, quoted.

A sentence's contribution is what the item's P(Overturned) loses when the sentence is taken
out of the masked rationale and the item is scored again: every column computed from the text
(TF-IDF words and character n-grams, length, the deficit and finding cues) is recomputed by
`features.table.text_columns`, so the figure is exactly what this sentence does to this score,
in probability, with no feature name to interpret. Positive: the sentence pushes toward
Overturned; negative: toward Upheld. Verdict sentences are masked before the model reads the
rationale, so they never appear here.

Plain Python + the compiled scorer (no scikit-learn), so `imr predict` can afford it: one extra
scoring per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.features.polarity import SENTENCE_BREAK
from pipeline.features.table import text_columns
from pipeline.modeling.linear import LinearModel
from pipeline.tagging.verdicts import load_verdict_rules

N_SENTENCES = 3
# A fragment with fewer letters than this ("2.", "a)") is not a sentence worth quoting.
_MIN_LETTERS = 8
_LETTER = re.compile(r"[A-Za-z]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a masked rationale, split as the cue features split it
    (`SENTENCE_BREAK`), whitespace excluded."""
    spans, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        if piece.strip():
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(piece.strip())))
    return out


def _quote(sentence: str, placeholder: str) -> str:
    return " ".join(sentence.replace(placeholder, " ").split())


def sentence_contributions(
    model: LinearModel,
    rows: Sequence[Mapping[str, Any]],
    p_full: Sequence[float],
    top: int = N_SENTENCES,
) -> list[list[dict[str, Any]]]:
    """Per row (a feature row: `features.table.feature_rows`), its `top` sentences by the size
    of their contribution to P(Overturned), strongest first: {"sentence", "contribution",
    "toward"}. `p_full` is each row's P(Overturned) as scored whole."""
    placeholder = load_verdict_rules().placeholder
    variants: list[dict[str, Any]] = []
    owners: list[tuple[int, str]] = []
    for index, row in enumerate(rows):
        masked = str(row.get("masked_text") or "")
        for start, end in sentence_spans(masked):
            quote = _quote(masked[start:end], placeholder)
            if len(_LETTER.findall(quote)) < _MIN_LETTERS:
                continue  # the verdict placeholder alone, a list number, a stray fragment
            without = masked[:start] + " " + masked[end:]
            variants.append({**row, "masked_text": without, **text_columns(without, placeholder)})
            owners.append((index, quote))
    out: list[list[dict[str, Any]]] = [[] for _ in rows]
    if not variants:
        return out
    p_without = model.predict_proba(variants)
    found: list[list[tuple[float, str]]] = [[] for _ in rows]
    for (index, quote), p in zip(owners, p_without, strict=True):
        found[index].append((float(p_full[index]) - float(p), quote))
    for index, pairs in enumerate(found):
        pairs.sort(key=lambda pair: (-abs(pair[0]), pair[1]))
        out[index] = [
            {
                "sentence": quote,
                "contribution": round(delta, 4),
                "toward": "Overturned" if delta > 0 else "Upheld",
            }
            for delta, quote in pairs[:top]
            if delta
        ]
    return out
