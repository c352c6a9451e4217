"""`imr_quantities`: the dispensed count of a drug/supply/test ("#60", "QTY: 2", "#1 box").

Only explicit counts are read: grams/ml without "#" are amounts, not counts, and refills are
not multiplied in ("#60 with 2 refills" -> 60). Therapy-type items keep their counts as sessions
(see `imr_frequencies`), so their categories are skipped. In any other category, a number the
item's kept frequency reads (a visit or session count: "Follow up office visit times 3") is a
frequency, never also a quantity: the frequency component owns it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.rules.files import load_rules
from pipeline.tagging._persist import RuleFiles
from pipeline.tagging._resources import (
    doc_text,
    ensure_doc_extension,
    ensure_span_extension,
    record_failure,
    to_int,
)
from pipeline.tagging._spanrules import Hit, Rule, find_hits, group, hit_span
from pipeline.tagging.errors import ErrorHandling, guarded
from pipeline.tagging.frequency import SPAN_KEY as FREQUENCY_KEY

SPAN_KEY = "quantities"


class QuantityRules:
    """Compiled `quantity.json`; rules are in priority order, first hit wins."""

    def __init__(self, rules_file: str = "quantity.json", folder: Path | None = None) -> None:
        rules = load_rules(rules_file, folder, kind="quantity.json")
        self.skip_categories = frozenset(rules["skip_categories"])
        self.rules = [Rule.from_json(r) for r in rules["rules"]]

    def hits(self, text: str) -> list[Hit]:
        return find_hits(text, self.rules)

    @staticmethod
    def value(hit: Hit) -> int | None:
        return to_int(group(hit.match, "n") or "")

    def best(self, hits: list[Hit]) -> int | None:
        order = {rule.name: i for i, rule in enumerate(self.rules)}
        for hit in sorted(hits, key=lambda h: (order[h.rule.name], h.start)):
            value = self.value(hit)
            if value is not None:
                return value
        return None

    def parse(
        self, text: str, category: str | None = None, sessions: Sequence[tuple[int, int]] = ()
    ) -> int | None:
        """The item's count; `sessions` are the char ranges its kept frequency read."""
        if not text or (category is not None and category in self.skip_categories):
            return None
        return self.best(without_sessions(self.hits(text), sessions))


def without_sessions(hits: list[Hit], sessions: Sequence[tuple[int, int]]) -> list[Hit]:
    """The hits whose number no frequency span holds (a visit count is not a quantity)."""
    if not sessions:
        return hits
    return [h for h in hits if not any(lo < h.end and h.start < hi for lo, hi in sessions)]


def _sessions(doc: Doc) -> list[tuple[int, int]]:
    """Char ranges of the frequency spans, when the item kept its frequency."""
    if not Doc.has_extension("frequency") or doc._.frequency is None:
        return []
    return [(s.start_char, s.end_char) for s in doc.spans.get(FREQUENCY_KEY, [])]


@lru_cache(maxsize=1)
def _default_rules() -> QuantityRules:
    return QuantityRules()


def parse_quantity(
    text: str, category: str | None = None, errors: list[str] | None = None
) -> int | None:
    """Pure entry point: the item's dispensed count or None. Never raises: a failure is
    logged and recorded in `errors` (when given)."""
    try:
        return _default_rules().parse(str(text), category)
    except Exception as exc:  # noqa: BLE001
        record_failure("quantities", text, exc, errors)
        return None


@Language.factory(
    "imr_quantities",
    default_config={"rules": "quantity.json"},
    requires=["doc._.item_category", "doc._.frequency"],
    assigns=["doc.spans", "doc._.quantity"],
)
def make_quantity_tagger(nlp: Language, name: str, rules: str) -> QuantityTagger:
    return QuantityTagger(name, rules)


class QuantityTagger(RuleFiles, ErrorHandling):
    """Spans with `Span._.quantity` and the item-level `Doc._.quantity`."""

    def __init__(self, name: str, rules: str) -> None:
        self.name = name
        self.rule_files = (rules,)
        ensure_span_extension("quantity")
        ensure_doc_extension("quantity")

    def _build(self, folder: Path | None) -> QuantityRules:
        return QuantityRules(self.rule_files[0], folder)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        hits = self.rules.hits(doc_text(doc))
        spans = []
        for hit in hits:
            span = hit_span(doc, hit, hit.rule.name)
            if span is not None:
                span._.quantity = self.rules.value(hit)
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        category = doc._.item_category if Doc.has_extension("item_category") else None
        skip = category in self.rules.skip_categories
        doc._.quantity = None if skip else self.rules.best(without_sessions(hits, _sessions(doc)))
        return doc
