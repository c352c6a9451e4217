"""Verdict polarity: how many verdict sentences affirm or negate medical necessity.

The decision reader's numeric features. Plain Python (no scikit-learn), so the predict path can
compute them without importing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from pipeline.core.cells import as_text

# A verdict predicate, and a negation shortly before it in the same clause.
_PREDICATE = re.compile(
    r"medically[\s-]+necessary|\ba\s+medical\s+necessity|\b(?:supported|recommended|warranted|indicated|appropriate|"
    r"certified|reasonable|justified|approved|established|revers\w*|overturn\w*|uphe\w*)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|no|non|cannot|can't|never|neither|nor|without(?!\s+contrast)|lack\w*|fail\w*|unable|"
    r"isn't|wasn't|aren't|absent)\b|\bnot-",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]|,\s+(?:the|this|and|but|however)\b", re.IGNORECASE)
# Sentence breaks in the models' texts (also the reasoning cues' sentences, features/table.py).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
POLARITY_NAMES = ["pos", "neg", "last_pos", "last_neg", "balance"]


def _polarities(text: str) -> list[int]:
    """+1/-1 per verdict sentence of `text` holding a verdict predicate: -1 when one of the six
    words before any predicate in it, within its clause, negates it ("is not", "cannot be
    deemed"; "without contrast" is no negation).
    """
    out = []
    for sentence in SENTENCE_BREAK.split(text or ""):
        signs = []
        for m in _PREDICATE.finditer(sentence):
            clause = _CLAUSE_BREAK.split(sentence[max(0, m.start() - 120) : m.start()])[-1]
            signs.append(-1 if _NEGATION.search(" ".join(clause.split()[-6:])) else 1)
        if signs:
            out.append(min(signs))
    return out


def polarity_features(texts: Iterable[object]) -> np.ndarray:
    """Counts of affirmed / negated verdict predicates, overall and in the last one."""
    rows = []
    for value in texts:
        signs = _polarities(as_text(value))
        pos, neg = signs.count(1), signs.count(-1)
        last = signs[-1] if signs else 0
        rows.append([pos, neg, float(last > 0), float(last < 0), pos - neg])
    return np.asarray(rows, dtype=float).reshape(-1, len(POLARITY_NAMES))
