"""`imr_guideline_limits`: limits a rationale quotes from a guideline ("limited to 4-6 visits",
"up to 10 visits over 8 weeks", "9-10 visits over 8 weeks"), normalised like a frequency, with
what each applies to (`condition`, `body_parts`, `phase`: `visit_cap.annotate_limits`).

A separate span type (`doc.spans["guideline_limits"]`) because a rationale also restates the
request ("the request for 12 sessions"); only cue-led or "N visits over M weeks" forms count.
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
    to_range,
)
from pipeline.tagging._spanrules import Hit, Rule, find_hits, group, hit_span
from pipeline.tagging.errors import ErrorHandling, guarded
from pipeline.tagging.frequency import make_frequency
from pipeline.tagging.visit_cap import annotate_limits

SPAN_KEY = "guideline_limits"


class LimitRules:
    """Compiled `guideline_limits.json`."""

    def __init__(
        self, rules_file: str = "guideline_limits.json", folder: Path | None = None
    ) -> None:
        rules = load_rules(rules_file, folder, kind="guideline_limits.json")
        self.rules = [Rule.from_json(r) for r in rules["rules"]]

    def hits(self, text: str) -> list[Hit]:
        return find_hits(text, self.rules)

    @staticmethod
    def value(hit: Hit) -> dict[str, Any]:
        unit = (group(hit.match, "unit") or "").lower()
        weeks = to_range(group(hit.match, "wk")) if unit.startswith("week") else None
        return make_frequency(
            to_range(group(hit.match, "pw")), weeks, to_range(group(hit.match, "n"))
        )

    def values(self, text: str, hits: list[Hit]) -> list[dict[str, Any]]:
        """Each hit's limit with what it applies to (`visit_cap.annotate_limits`: condition,
        body parts, trial or total), read from the rationale around it."""
        context = annotate_limits(text, [(h.start, h.end) for h in hits])
        return [{**self.value(h), **c} for h, c in zip(hits, context, strict=True)]

    def parse(self, text: str) -> list[dict[str, Any]]:
        return self.values(text, self.hits(text))


@lru_cache(maxsize=1)
def _default_rules() -> LimitRules:
    return LimitRules()


def parse_guideline_limits(text: str, errors: list[str] | None = None) -> list[dict[str, Any]]:
    """Every guideline limit stated in a rationale, in text order. Never raises: a failure is
    logged and recorded in `errors` (when given)."""
    try:
        return _default_rules().parse(str(text))
    except Exception as exc:  # noqa: BLE001
        record_failure("guideline_limits", text, exc, errors)
        return []


@Language.factory(
    "imr_guideline_limits",
    default_config={"rules": "guideline_limits.json"},
    assigns=["doc.spans", "doc._.guideline_limits"],
)
def make_limit_tagger(nlp: Language, name: str, rules: str) -> LimitTagger:
    return LimitTagger(name, rules)


class LimitTagger(RuleFiles, ErrorHandling):
    """Spans with `Span._.limit`; `Doc._.guideline_limits` lists their values."""

    def __init__(self, name: str, rules: str) -> None:
        self.name = name
        self.rule_files = (rules,)
        ensure_span_extension("limit")
        ensure_doc_extension("guideline_limits")

    def _build(self, folder: Path | None) -> LimitRules:
        return LimitRules(self.rule_files[0], folder)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        spans, values = [], []
        text = doc_text(doc)
        hits = self.rules.hits(text)
        for hit, value in zip(hits, self.rules.values(text, hits), strict=True):
            span = hit_span(doc, hit, hit.rule.name)
            if span is None:
                continue
            span._.limit = value
            spans.append(span)
            values.append(span._.limit)
        doc.spans[SPAN_KEY] = spans
        doc._.guideline_limits = values
        return doc
