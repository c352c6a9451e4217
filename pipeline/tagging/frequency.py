"""`imr_frequencies`: how often / how many times a disputed therapy item is requested.

Normalised as {"per_week": [min,max] | None, "weeks": [min,max] | None,
"sessions": [min,max] | None} following the answer-key rules: "2-3 times a week for 6 weeks"
-> [2,3], [6,6], [12,18]; an explicit count wins over per_week*weeks; "12 visits" / "times 12" /
"#6" give sessions only; counts for different body parts are summed; drug dosing, rentals,
device use and stays never give a frequency (their categories are skipped).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

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
    to_range,
)
from pipeline.tagging._spanrules import Hit, Rule, find_hits, group, hit_span
from pipeline.tagging.errors import ErrorHandling, guarded

Range = list[int]
SPAN_KEY = "frequencies"


def make_frequency(
    per_week: Range | None, weeks: Range | None, sessions: Range | None
) -> dict[str, Range | None]:
    """The frequency dict in the answer key's shape (plain lists)."""
    return {
        "per_week": list(per_week) if per_week else None,
        "weeks": list(weeks) if weeks else None,
        "sessions": list(sessions) if sessions else None,
    }


def range_product(a: Range | None, b: Range | None) -> Range | None:
    return [a[0] * b[0], a[1] * b[1]] if a and b else None


def range_sum(values: list[Range]) -> Range | None:
    return [sum(v[0] for v in values), sum(v[1] for v in values)] if values else None


class FrequencyRules:
    """Compiled `frequency.json`; `parse` is the pure function behind the component."""

    def __init__(self, rules_file: str = "frequency.json", folder: Path | None = None) -> None:
        rules = load_rules(rules_file, folder, kind="frequency.json")
        self.skip_categories = frozenset(rules["skip_categories"])
        self.rates = [Rule.from_json(r) for r in rules["rates"]]
        self.counts = [Rule.from_json(r) for r in rules["counts"]]

    def hits(self, text: str) -> tuple[list[Hit], list[Hit]]:
        """Rate hits, then count hits in the text the rates left."""
        taken: list[tuple[int, int]] = []
        rates = find_hits(text, self.rates, taken)
        counts = find_hits(text, self.counts, taken)
        return rates, counts

    @staticmethod
    def rate_value(hit: Hit) -> tuple[Range | None, Range | None, Range | None]:
        """(per_week, weeks, explicit total) of one rate hit."""
        fixed = hit.rule.options.get("per_week")
        per_week = [fixed, fixed] if fixed else to_range(group(hit.match, "pw"))
        weeks = to_range(group(hit.match, "wk"))
        total = to_range(group(hit.match, "total"))
        return per_week, weeks, total

    @staticmethod
    def count_value(hit: Hit) -> Range | None:
        raw = group(hit.match, "n")
        value = to_range(raw) if raw else None
        if value is None and raw:
            single = to_int(raw)
            value = [single, single] if single is not None else None
        return value

    def combine(self, rates: list[Hit], counts: list[Hit]) -> dict[str, Range | None] | None:
        per_week = weeks = None
        explicit: list[Range] = []
        products: list[Range] = []
        for i, hit in enumerate(rates):
            pw, wk, total = self.rate_value(hit)
            if i == 0:
                per_week, weeks = pw, wk
            if total:
                explicit.append(total)
            product = range_product(pw, wk)
            if product:
                products.append(product)
        explicit += [v for v in (self.count_value(h) for h in counts) if v]
        if per_week is None and weeks is None and not explicit:
            return None
        sessions = range_sum(explicit) if explicit else range_sum(products)
        return make_frequency(per_week, weeks, sessions)

    def parse(self, text: str, category: str | None = None) -> dict[str, Range | None] | None:
        """Frequency of a disputed item, or None (also for drug/device/stay categories)."""
        if not text or (category is not None and category in self.skip_categories):
            return None
        return self.combine(*self.hits(text))


@lru_cache(maxsize=1)
def _default_rules() -> FrequencyRules:
    return FrequencyRules()


def parse_frequency(
    text: str, category: str | None = None, errors: list[str] | None = None
) -> dict[str, Any] | None:
    """Pure entry point: None when the text states no frequency. Never raises: a failure is
    logged and recorded in `errors` (when given), see `record_failure`."""
    try:
        return _default_rules().parse(str(text), category)
    except Exception as exc:  # noqa: BLE001 - a tagger must not take the batch down
        record_failure("frequencies", text, exc, errors)
        return None


@Language.factory(
    "imr_frequencies",
    default_config={"rules": "frequency.json"},
    requires=["doc._.item_category"],
    assigns=["doc.spans", "doc._.frequency"],
)
def make_frequency_tagger(nlp: Language, name: str, rules: str) -> FrequencyTagger:
    return FrequencyTagger(name, rules)


class FrequencyTagger(RuleFiles, ErrorHandling):
    """Spans in `doc.spans["frequencies"]` (label = rule name, `Span._.frequency`) and the
    item-level `Doc._.frequency`, using `Doc._.item_category` when an earlier component set it.
    """

    def __init__(self, name: str, rules: str) -> None:
        self.name = name
        self.rule_files = (rules,)
        ensure_span_extension("frequency")
        ensure_doc_extension("frequency")

    def _build(self, folder: Path | None) -> FrequencyRules:
        return FrequencyRules(self.rule_files[0], folder)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        rates, counts = self.rules.hits(doc_text(doc))
        spans = []
        for hit in rates + counts:
            span = hit_span(doc, hit, hit.rule.name)
            if span is None:
                continue
            if hit in rates:
                span._.frequency = self.rules.combine([hit], [])
            else:
                span._.frequency = make_frequency(None, None, self.rules.count_value(hit))
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        category = doc._.item_category if Doc.has_extension("item_category") else None
        if category in self.rules.skip_categories:
            doc._.frequency = None
        else:
            doc._.frequency = self.rules.combine(rates, counts)
        return doc
