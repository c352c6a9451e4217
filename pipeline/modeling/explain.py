"""The sentences behind a reasoning-model score, quoted.

A sentence's contribution is what the item's P(Overturned) loses when the sentence is taken
out of the masked rationale and the item is scored again: every column computed from the text
(TF-IDF words and character n-grams, length, the deficit and finding cues) is recomputed by
`features.table.text_columns`, so the figure is exactly what this sentence does to this score,
in probability, with no feature name to interpret. Positive: the sentence pushes toward
Overturned; negative: toward Upheld. Verdict sentences are masked before the model reads the
rationale, so they never appear here.

Plain Python + the compiled scorer (no scikit-learn), so `imr predict` can afford it: one extra
scoring per sentence, where the TF-IDF blocks update the whole rationale's counts by the
sentence's n-grams (`LinearModel.predict_proba_leaving_out`) instead of re-reading the text.
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
TEXT_COLUMN = "reasoning_text"  # the masked rationale as the TF-IDF blocks read it
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
    out: list[list[dict[str, Any]]] = [[] for _ in rows]
    for index, row in enumerate(rows):
        masked = str(row.get("masked_text") or "")
        quotes, ranges, variants = [], [], []
        for start, end in sentence_spans(masked):
            quote = _quote(masked[start:end], placeholder)
            if len(_LETTER.findall(quote)) < _MIN_LETTERS:
                continue  # the verdict placeholder alone, a list number, a stray fragment
            without = masked[:start] + " " + masked[end:]
            variants.append({**row, "masked_text": without, **text_columns(without, placeholder)})
            # the sentence's words within the reasoning text (its breaks are whitespace)
            first = _word_count(masked[:start], placeholder)
            ranges.append((first, first + _word_count(masked[start:end], placeholder)))
            quotes.append(quote)
        if not variants:
            continue
        whole = {**row, **text_columns(masked, placeholder)}
        p_without = model.predict_proba_leaving_out(whole, TEXT_COLUMN, ranges, variants)
        pairs = [(float(p_full[index]) - float(p), quote)
                 for quote, p in zip(quotes, p_without, strict=True)]  # fmt: skip
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


def _word_count(text: str, placeholder: str) -> int:
    return len(text.replace(placeholder, " ").split())
