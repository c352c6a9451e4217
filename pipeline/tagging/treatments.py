"""`imr_treatments`: tag treatment mentions with a normalised name and a service category.

The lexicon (`treatments.jsonl`: pattern, name, category, optional `orth` / `weak` / `tokens`)
is matched with a PhraseMatcher on LOWER, a PhraseMatcher on ORTH for abbreviations that are
only safe in capitals ("PT", "OT", "PA"), and a Matcher for rows given as token patterns
(`tokens`, e.g. a REGEX on one token). Overlaps resolve to the longest mention, so "PT/PTT"
(a lab) beats "PT" and "pulsed ultrasound" (physical medicine) beats "ultrasound" (imaging).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.rules.files import load_rules
from pipeline.tagging._persist import RuleFiles
from pipeline.tagging._resources import (
    doc_text,
    ensure_doc_extension,
    ensure_span_extension,
)
from pipeline.tagging._spanrules import Rule, find_hits
from pipeline.tagging.errors import ErrorHandling, guarded

SPAN_KEY = "treatments"


LABEL_PREFIX = "TX"


@dataclass(frozen=True)
class LexEntry:
    name: str
    category: str
    weak: bool

    @property
    def label(self) -> str:
        """Span label that carries the entry itself, so no lookup table is needed later."""
        return "|".join((LABEL_PREFIX, self.category, self.name, "weak" if self.weak else ""))

    @staticmethod
    def from_label(label: str) -> LexEntry | None:
        parts = label.split("|")
        if len(parts) != 4 or parts[0] != LABEL_PREFIX:
            return None
        return LexEntry(parts[2], parts[1], parts[3] == "weak")


_HISTORY_KEY = "imr_treatment_history"


def _entry_field(field: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        entry = LexEntry.from_label(span.label_)
        return getattr(entry, field) if entry else None

    return get


def _in_history(span: Span) -> bool:
    ranges = span.doc.user_data.get(_HISTORY_KEY) or ()
    return any(lo <= span.start_char < hi for lo, hi in ranges)


def _plural(pattern: str) -> str | None:
    """A plural variant of the last word ("x-ray" -> "x-rays"), or None if already plural."""
    if not pattern[-1:].isalpha() or pattern.endswith("s") or len(pattern) < 3:
        return None
    return pattern + "s"


@Language.factory(
    "imr_treatments",
    default_config={"lexicon": "treatments.jsonl", "history": "treatment_history.json"},
    assigns=["doc.spans", "doc._.treatments", "doc._.prior_treatments"],
)
def make_treatment_tagger(nlp: Language, name: str, lexicon: str, history: str) -> TreatmentTagger:
    return TreatmentTagger(nlp, name, lexicon=lexicon, history=history)


class Lexicon:
    """The compiled lexicon and history cues of `imr_treatments`."""

    def __init__(self, nlp: Language, lexicon: str, history: str, folder: Path | None) -> None:
        self.entries: dict[int, LexEntry] = {}  # label hash -> entry
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        phrase_patterns: dict[str, list[Doc]] = {}
        for row in load_rules(lexicon, folder, kind="treatments.jsonl"):
            entry = LexEntry(row["name"], row["category"], bool(row.get("weak", False)))
            key = entry.label
            self.entries[nlp.vocab.strings.add(key)] = entry
            if row.get("tokens"):  # a token pattern, for what a phrase cannot express
                self.tokens.add(key, [row["tokens"]])
                continue
            if row.get("orth"):
                self.cased.add(key, [nlp.make_doc(row["pattern"])])  # merged per label by spaCy
                continue
            variants = [row["pattern"].lower()]
            plural = _plural(variants[0])
            if plural:
                variants.append(plural)
            phrase_patterns.setdefault(key, []).extend(nlp.make_doc(v) for v in variants)
        for key, docs in phrase_patterns.items():
            self.phrases.add(key, docs)
        rules = load_rules(history, folder, kind="treatment_history.json")
        self.cue = Rule.from_json(
            {
                "name": "history_cue",
                "regex": rules["cue_regex"],
                "triggers": rules["cue_triggers"],
                "window": rules["cue_window"],
            }
        )
        self.sentence_end = re.compile(rules["sentence_end_regex"])
        self.max_chars = int(rules["max_chars"])

    def spans(self, doc: Doc) -> list[Span]:
        """Every lexicon mention in `doc`, overlaps resolved (`filter_spans`)."""
        spans = list(self.phrases(doc, as_spans=True)) + list(self.cased(doc, as_spans=True))
        if len(self.tokens):
            spans += self.tokens(doc, as_spans=True)
        return filter_spans(spans)

    def history_ranges(self, text: str) -> list[tuple[int, int]]:
        """Char ranges of the treatment-history passages (cue to sentence end or max_chars)."""
        ranges = []
        for hit in find_hits(text, [self.cue]):
            m = hit.match
            stop = self.sentence_end.search(text, m.end(), m.end() + self.max_chars)
            ranges.append(
                (m.end(), stop.start() if stop else min(len(text), m.end() + self.max_chars))
            )
        return ranges


class TreatmentTagger(RuleFiles, ErrorHandling):
    """Marks every lexicon mention as a span in `doc.spans["treatments"]`.

    Span extensions (getters on the span label, so tagging sets nothing per span): `treatment`
    (normalised name), `category`, `weak` (generic word that only decides a category when
    nothing better is present), `in_history` (inside a "Treatment to date" passage).
    Doc extensions: `treatments` (names of non-weak mentions, in order, unique) and
    `prior_treatments` (the same, restricted to treatment-history passages).
    """

    def __init__(self, nlp: Language, name: str, lexicon: str, history: str) -> None:
        self.name = name
        ensure_span_extension("treatment", getter=_entry_field("name"))
        ensure_span_extension("category", getter=_entry_field("category"))
        ensure_span_extension("weak", getter=_entry_field("weak"))
        ensure_span_extension("in_history", getter=_in_history)
        ensure_doc_extension("treatments")
        ensure_doc_extension("prior_treatments")
        self.nlp = nlp
        self.rule_files = (lexicon, history)

    def _build(self, folder: Path | None) -> Lexicon:
        return Lexicon(self.nlp, *self.rule_files, folder)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        lexicon = self.rules
        spans = lexicon.spans(doc)
        history = lexicon.history_ranges(doc_text(doc)) if spans else []
        if history:
            doc.user_data[_HISTORY_KEY] = history
        names: list[str] = []
        prior: list[str] = []
        for span in spans:
            entry = lexicon.entries[span.label]
            if entry.weak or entry.name in prior:
                continue
            if entry.name not in names:
                names.append(entry.name)
            if history and any(lo <= span.start_char < hi for lo, hi in history):
                prior.append(entry.name)
        doc.spans[SPAN_KEY] = spans
        doc._.treatments = names
        doc._.prior_treatments = prior
        return doc
