"""The reason labels (`reasons.jsonl`: one row per item, each reason a code and the verbatim
sentence stating it) read and matched to the pipeline's sentences (train and evaluate only)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.modeling.reasons import CODES
from pipeline.modeling.reasons.sentences import collapse

# A pipeline sentence shorter than this is never matched to a longer labelled one by being
# inside it (a split "e.g." fragment would otherwise match any label quoting it).
MIN_PART = 20

Key = tuple[str, int]


class ReasonLabelsError(ValueError):
    """A label file that is not the documented JSONL, or names a code outside the codebook."""


@dataclass(frozen=True)
class ItemLabels:
    decision: str
    reasons: tuple[tuple[str, str], ...]  # (code, evidence with whitespace collapsed)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(code for code, _ in self.reasons)

    @property
    def evidence(self) -> frozenset[str]:
        return frozenset(text for _, text in self.reasons)


def read_labels(path: Path) -> dict[Key, ItemLabels]:
    """(case_number, issue_index) -> the item's labels. Raises ReasonLabelsError naming the
    line of anything malformed."""
    out: dict[Key, ItemLabels] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            key = (str(row["case_number"]), int(row["issue_index"]))
            reasons = tuple((str(r["code"]), collapse(str(r["evidence"])))
                            for r in row["reasons"])  # fmt: skip
            decision = str(row["decision"])
        except (ValueError, KeyError, TypeError) as error:
            raise ReasonLabelsError(f"{path}, line {number}: {error!r}") from None
        unknown = [code for code, _ in reasons if code not in CODES]
        if unknown:
            raise ReasonLabelsError(f"{path}, line {number}: unknown code {unknown[0]!r}")
        out[key] = ItemLabels(decision, reasons)
    return out


def same_sentence(ours: str, labelled: str) -> bool:
    """Whether a pipeline sentence is the labelled one: equal, or one holds the other (the
    labeller's sentence boundaries and the sentencizer's differ at abbreviations and lists)."""
    if ours == labelled:
        return True
    if labelled in ours:
        return True
    return len(ours) >= MIN_PART and ours in labelled


def sentence_codes(sentences: Sequence[str], labels: ItemLabels) -> list[set[str]]:
    """Per sentence, the codes whose labelled evidence it is."""
    return [
        {code for code, text in labels.reasons if same_sentence(sentence, text)}
        for sentence in sentences
    ]


def quoted_is_labelled(sentence: str, labels: ItemLabels, code: str | None = None) -> bool:
    """Whether `sentence` is one the labels name for this item (for `code` only, if given)."""
    return any(same_sentence(sentence, text) for c, text in labels.reasons
               if code is None or c == code)  # fmt: skip


def item_key(item: Mapping[str, Any]) -> Key:
    return (str(item.get("case_number")), int(item.get("issue_index") or 0))
