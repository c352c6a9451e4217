"""Reasons to review a tagged item: which of its tags did not come from a confident rule.

The reason codes are listed (and explained) in `pipeline.tagging`'s module docstring. This
module computes the ones that need the tagged request doc: the category's reasons (set by
`imr_item_category`), failures recorded by any component, and `number_unexplained`: a number
in the request that neither the frequency, the quantity nor a known kind of wording
(`review_numbers.json`: doses, dates, spinal levels, names such as "12-lead", durations,
dosing instructions, refills, codes) accounts for.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from pipeline.rules.files import load_rules
from pipeline.tagging._resources import (
    _trie_regex,
    doc_text,
    ensure_doc_extension,
    num_regex,
    number_words,
    range_regex,
)
from pipeline.tagging.frequency import SPAN_KEY as FREQUENCY_KEY
from pipeline.tagging.quantity import SPAN_KEY as QUANTITY_KEY

ensure_doc_extension("tagger_errors")  # set by `record_failure` only when a tagger raised

_DEC = r"(?:\d+(?:\.\d+)?|\d*\.\d+)"
Ranges = list[tuple[int, int]]
_WINDOW = 60  # chars either side of the numbers still unexplained: every explainer is shorter


def _expand(pattern: str) -> str:
    words = "|".join(sorted((re.escape(w) for w in number_words()), key=len, reverse=True))
    return (
        pattern.replace("{NUMWORD}", rf"\b{_trie_regex(list(number_words()))}\b")
        .replace("{RANGE}", range_regex())
        .replace("{NUM}", num_regex())
        .replace("{WORDS}", words)
        .replace("{DEC}", _DEC)
    )


class NumberReview:
    """Compiled `review_numbers.json`."""

    def __init__(self, rules_file: str = "review_numbers.json") -> None:
        rules = load_rules(rules_file, kind="review_numbers.json")
        self.number = re.compile(_expand(rules["number"]), re.IGNORECASE)
        self.explainers = [
            (row["name"], re.compile(_expand(row["regex"]), re.IGNORECASE),
             bool(row.get("only_skipped_categories")))
            for row in rules["explainers"]
        ]  # fmt: skip

    def unexplained(
        self, text: str, covered: Ranges, frequency_category: bool = False
    ) -> list[str]:
        """The numbers of `text` that no covered range (the item's frequency/quantity spans)
        and no explainer accounts for."""
        left = [
            m
            for m in self.number.finditer(text)
            if not any(lo <= m.start() and m.end() <= hi for lo, hi in covered)
        ]
        # Explainers run only while numbers remain, and only around them: most requests have
        # no number left after their frequency/quantity, and the rest one or two.
        for _name, regex, only_skipped in self.explainers:
            if not left:
                break
            if only_skipped and frequency_category:
                continue
            lo = max(0, left[0].start() - _WINDOW)
            hi = min(len(text), left[-1].end() + _WINDOW)
            spans = [m.span() for m in regex.finditer(text, lo, hi)]
            if spans:
                left = [
                    m for m in left if not any(a <= m.start() and m.end() <= b for a, b in spans)
                ]
        return [m.group() for m in left]


@lru_cache(maxsize=1)
def default_number_review() -> NumberReview:
    return NumberReview()


def _span_ranges(doc: Doc, key: str) -> Ranges:
    return [(s.start_char, s.end_char) for s in doc.spans[key]] if key in doc.spans else []


def unexplained_numbers(doc: Doc, frequency_skip: frozenset[str] = frozenset()) -> list[str]:
    """Numbers of a tagged request doc that nothing accounts for. A frequency or quantity
    span counts only when the item kept that tag (a count dropped because of the category is
    exactly what a reviewer should see)."""
    covered: Ranges = []
    if doc._.frequency is not None:
        covered += _span_ranges(doc, FREQUENCY_KEY)
    if doc._.quantity is not None:
        covered += _span_ranges(doc, QUANTITY_KEY)
    category = doc._.item_category
    takes_frequency = category is not None and category not in frequency_skip
    return default_number_review().unexplained(doc_text(doc), covered, takes_frequency)


def request_review(doc: Doc, frequency_skip: frozenset[str] = frozenset()) -> list[str]:
    """Reason codes from a tagged request doc, in a fixed order, without repeats."""
    reasons: list[str] = list(doc._.category_review or [])
    if doc._.tagger_errors:
        reasons.append("tagger_error")
    if unexplained_numbers(doc, frequency_skip):
        reasons.append("number_unexplained")
    return list(dict.fromkeys(reasons))


def merge_reasons(*groups: Any) -> list[str]:
    """Concatenate reason lists, keeping the first occurrence of each code."""
    return list(dict.fromkeys(code for group in groups for code in group))
