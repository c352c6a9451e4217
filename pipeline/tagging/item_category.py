"""`imr_item_category`: the service category of a disputed item (`Doc._.item_category`).

Runs after `imr_treatments`. The first strong mention after any scope prefix governs (it is the
head of the request: "Acute inpatient rehabilitation physical therapy ..." is a stay, not PT);
"Associated surgical service: X" and "Labs to include: X" hand the item to X.

Three structures then decide which category the head stands for (rules in `item_category.json`):
- a referral frame, "Referral to / Consultation with X ...", is X's category when X is
  delivered as treatment (a chiropractor, a psychologist, a program) or the request says it is
  for treatment; a referral to a specialist stays a visit (evaluation_management);
- a visit noun heading the noun phrase, "X consultation" / "X evaluation", is a visit, except
  that a visit of a treatment delivered by its own provider is that treatment ("Physical
  therapy evaluation" is physical therapy, "Medication management consultation" a visit);
- a therapeutic modality (ultrasound, an e-stim or heat/cold unit) ordered as therapy (a weekly
  rate, "N times M", a session count, or beside another physical-medicine mention) is
  physical_medicine; alone it keeps its own category (imaging, dme).
A word after the head, in its noun phrase, that neither the lexicon nor the backoff knows is
flagged (`category_head_unknown`): the head may be something nobody listed.

With no lexicon mention, a dose ("50mg", "5%") means a drug (the `fallback`); otherwise the
learned backoff (`pipeline.tagging.backoff`) reads the request's own words; when it knows none
of them the category is `other` (also the `fallback`). Beside the category the component sets
`Doc._.category_source` ("lexicon" | "backoff" | "fallback"), `Doc._.category_probability`
(the backoff's probability when it decided, else None) and `Doc._.category_review`: the
reasons to distrust the category (see `pipeline.tagging` for the codes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.rules.files import load_rules
from pipeline.tagging._persist import RuleFiles
from pipeline.tagging._resources import doc_text, ensure_doc_extension
from pipeline.tagging.backoff import (
    BackoffSettings,
    CategoryBackoff,
    default_backoff,
    lexicon_examples,
)
from pipeline.tagging.errors import ErrorHandling, guarded
from pipeline.tagging.treatments import SPAN_KEY as TREATMENT_KEY

CATEGORIES = (
    "pharmaceutical",
    "imaging",
    "electrodiagnostic",
    "other_diagnostic",
    "physical_medicine",
    "injection",
    "surgery",
    "dme",
    "evaluation_management",
    "behavioral_health",
    "home_health",
    "program",
    "other",
)

LEXICON, BACKOFF, FALLBACK = "lexicon", "backoff", "fallback"


@dataclass
class CategoryDecision:
    """A category, where it came from, and the reasons (codes) to review it."""

    category: str
    source: str
    probability: float | None = None
    review: list[str] = field(default_factory=list)


class CategoryRules:
    """Compiled `item_category.json`; usable without spaCy via `categorize` / `decide`."""

    def __init__(
        self,
        rules_file: str = "item_category.json",
        lexicon: str = "treatments.jsonl",
        backoff: str = "category_backoff.json",
        folder: Path | None = None,
    ) -> None:
        rules = load_rules(rules_file, folder, kind="item_category.json")
        self.prefixes = [re.compile(p, re.IGNORECASE) for p in rules["scope_prefixes"]]
        self.dose = re.compile(rules["dose_regex"], re.IGNORECASE)
        self.dose_category: str = rules["dose_category"]
        self.fallback: str = rules["fallback_category"]
        self.subordinators = re.compile(rules["subordinator_regex"], re.IGNORECASE)
        self.head_min_probability = float(rules["head_check_min_probability"])
        # A visit noun heads its mention: the mention ends with it.
        self.visit_noun = re.compile(rf"(?:^|\s){rules['visit_noun_regex']}$", re.IGNORECASE)
        self.frame_link = re.compile(rules["referral_link_regex"], re.IGNORECASE)
        self.treatment_cue = re.compile(rules["treatment_cue_regex"], re.IGNORECASE)
        self.provider_categories = frozenset(rules["provider_treatment_categories"])
        self.visit_category: str = rules["visit_category"]
        self.modalities = frozenset(rules["therapy_modalities"])
        self.therapy_order = re.compile(rules["therapy_order_regex"], re.IGNORECASE)
        self.therapy_category: str = rules["therapy_category"]
        self.head_word = re.compile(rules["head_word_regex"])  # case matters: "RCR" is skipped
        self.head_ignore = frozenset(w.lower() for w in rules["head_check_ignore_words"])
        # Where the noun phrase of a mention ends: a subordinator, punctuation or a number.
        self.phrase_end = re.compile(
            rf"{rules['subordinator_regex']}|[,;.#/]|\d|\b(?:and|or|vs|versus|without)\b",
            re.IGNORECASE,
        )
        self._backoff_files = (lexicon, backoff)
        self._backoff: CategoryBackoff | None = None
        # A saved component's lexicon and settings are read now, as its other rules are: the
        # folder may be gone (or rewritten) by the first use (`from_bytes` reads a temporary one).
        self._saved_backoff = None
        if folder is not None:
            rows = load_rules(lexicon, folder, kind="treatments.jsonl")
            self._saved_backoff = (lexicon_examples(rows), BackoffSettings.load(backoff, folder))

    @property
    def backoff(self) -> CategoryBackoff:
        """Fitted on first use (the package's: once per process): most items never need it."""
        if self._backoff is None:
            self._backoff = (
                default_backoff(*self._backoff_files)
                if self._saved_backoff is None
                else CategoryBackoff(*self._saved_backoff)
            )
        return self._backoff

    def scope_start(self, text: str) -> int:
        """Char offset where the item's own subject starts (after container prefixes)."""
        pos, moved = 0, True
        while moved:
            moved = False
            for prefix in self.prefixes:
                m = prefix.match(text, pos)
                if m and m.end() > pos:
                    pos, moved = m.end(), True
        return pos

    @staticmethod
    def governing(mentions: list[Span], start: int) -> tuple[Span | None, bool]:
        """The mention that decides (first strong one in scope, else first weak one; the
        whole text when nothing is in scope) and whether it was found in scope."""
        for scoped in (True, False):
            first_weak = None
            for mention in mentions:
                if scoped and mention.start_char < start:
                    continue
                if not mention._.weak:
                    return mention, scoped
                first_weak = first_weak or mention
            if first_weak is not None:
                return first_weak, scoped
            if not start:
                break
        return None, False

    def categorize(self, text: str, mentions: list[Span]) -> str:
        """Pick the governing mention's category; fall back on dose -> drug, else `other`."""
        return self.decide(text, mentions).category

    def decide(self, text: str, mentions: list[Span]) -> CategoryDecision:
        start = self.scope_start(text)
        head, in_scope = self.governing(mentions, start)
        if head is not None:
            governing = head
            head, category, start = self.structure(text, head, mentions, start)
            decision = CategoryDecision(category, LEXICON)
            if not in_scope:
                decision.review.append("no_lexicon_match")
            elif governing._.weak:  # a generic word ("unit", "repair") governs: nothing else did
                decision.review.append("category_weak_mention")
            if self.ambiguous(text, head, mentions, start, category):
                decision.review.append("category_ambiguous")
            if self.head_unknown(text, head, start):
                decision.review.append("category_not_head")
            if in_scope and self.unknown_head_words(text, head):
                decision.review.append("category_head_unknown")
            return decision
        if self.dose.search(text):
            return CategoryDecision(self.dose_category, FALLBACK, None, ["no_lexicon_match"])
        category, probability = self.backoff.predict(text[start:])
        if category is None or probability < self.backoff.settings.min_probability:
            return CategoryDecision(self.fallback, FALLBACK, None, ["no_lexicon_match"])
        return CategoryDecision(
            category, BACKOFF, round(probability, 4), ["no_lexicon_match", "category_from_backoff"]
        )

    # -- structures: which category the head stands for -----------------------------------

    def structure(
        self, text: str, head: Span, mentions: list[Span], start: int
    ) -> tuple[Span, str, int]:
        """(the mention that decides, its category in this request's structure, where the
        words it heads start: after a referral frame, the frame's words are accounted for)."""
        target = self.referral_target(text, head, mentions)
        if target is not None:
            start = self.frame_link.match(text, head.end_char).end()  # type: ignore[union-attr]
            head = target
        elif head._.category not in self.provider_categories and (
            visit := self.heading_visit(text, head, mentions)
        ):
            return visit, self.visit_category, start
        if head._.treatment in self.modalities and self.ordered_as_therapy(text, head, mentions):
            return head, self.therapy_category, start
        return head, head._.category, start

    def is_visit(self, mention: Span) -> bool:
        """A visit mention: of the visit category, headed (last word) by a visit noun
        ("Referral", "surgery evaluation", "follow-up office visit")."""
        return mention._.category == self.visit_category and bool(
            self.visit_noun.search(mention.text)
        )

    def _same_phrase(self, text: str, lo: int, hi: int) -> bool:
        return lo <= hi and not self.phrase_end.search(text, lo, hi)

    def referral_target(self, text: str, head: Span, mentions: list[Span]) -> Span | None:
        """X of "<visit noun> to/with/by/for X ...", when the request is X's treatment: X is
        delivered by its own provider (physical medicine, behavioral health, a program, home
        health) or the request says "for treatment"/orders sessions. None otherwise (a
        referral to a specialist is a visit)."""
        if not self.is_visit(head):
            return None
        link = self.frame_link.match(text, head.end_char)
        if not link:
            return None
        target = next((m for m in mentions if m.start_char >= link.end()), None)
        if target is None or not self._same_phrase(text, link.end(), target.start_char):
            return None
        category = target._.category
        if category == self.visit_category or target._.weak:
            return None
        if category in self.provider_categories or self.treatment_cue.search(text, target.end_char):
            return target
        return None

    def heading_visit(self, text: str, head: Span, mentions: list[Span]) -> Span | None:
        """A visit noun later in the head's noun phrase ("Medication management
        consultation"): English puts the head last, so the request is a visit."""
        if self.is_visit(head):
            return None
        for other in mentions:
            if other.start_char < head.end_char:
                continue
            if not self._same_phrase(text, head.end_char, other.start_char):
                return None
            if self.is_visit(other):
                return other
        return None

    def ordered_as_therapy(self, text: str, head: Span, mentions: list[Span]) -> bool:
        """A therapy order: a weekly rate, "N times M", a session count, or another
        physical-medicine mention in the request."""
        if self.therapy_order.search(text):
            return True
        return any(m is not head and not m._.weak and m._.category == self.therapy_category
                   for m in mentions)  # fmt: skip

    def unknown_head_words(self, text: str, head: Span) -> list[str]:
        """Words after the head in its noun phrase that neither the lexicon (through the
        backoff's vocabulary) nor the list of where/how-often words knows."""
        after = text[head.end_char :]
        stop = self.phrase_end.search(after)
        words = self.head_word.findall(after[: stop.start()] if stop else after)
        if not words:
            return []
        ignore = self.backoff.settings.ignore_words | self.head_ignore
        known = self.backoff.vocabulary
        return [w for w in words if w.lower() not in ignore and f"w:{w.lower()}" not in known]

    def ambiguous(
        self, text: str, head: Span, mentions: list[Span], start: int, category: str | None = None
    ) -> bool:
        """A strong mention of another category competes with the governing one on equal
        terms: coordinated with it ("X and Y", "X/Y", "X, Y", "X or Y", or simply adjacent),
        not subordinated by a word such as "with", "for", "under", "following" or a bracket.
        Only then is "the first one governs" a guess rather than the head of a phrase."""
        if head._.weak:
            return False
        category = category or head._.category
        for other in mentions:
            if other is head or other._.weak or other.start_char < start:
                continue
            if other._.category in (category, head._.category) or other.start_char < head.end_char:
                continue
            between = text[head.end_char : other.start_char]
            if not self.subordinators.search(between):
                return True
        return False

    def head_unknown(self, text: str, head: Span, start: int) -> bool:
        """The governing mention may not be the head of the request: unknown words stand
        before it and a subordinating word ("Kyphoplasty under fluoroscopy"), or right after
        it in the same noun phrase, where English puts the head ("heat therapy pad"); and the
        backoff reads those words as another category."""
        before = text[start : head.start_char]
        cuts = [m.start() for m in self.subordinators.finditer(before)]
        if cuts and self._other_category(before[: cuts[-1]], head):
            return True
        after = text[head.end_char :]
        stop = self.phrase_end.search(after)
        after = after[: stop.start()] if stop else after
        # How-often words ("twice a week") are no head, whatever n-grams they share.
        after = " ".join(w for w in after.split() if w.lower() not in self.head_ignore)
        return self._other_category(after, head)

    def _other_category(self, words: str, head: Span) -> bool:
        if not words.strip():
            return False
        category, probability = self.backoff.predict(words)
        return (
            category is not None
            and category != head._.category
            and probability >= self.head_min_probability
        )


@Language.factory(
    "imr_item_category",
    default_config={
        "rules": "item_category.json",
        "lexicon": "treatments.jsonl",
        "backoff": "category_backoff.json",
    },
    requires=["doc.spans"],
    assigns=[
        "doc._.item_category",
        "doc._.category_source",
        "doc._.category_probability",
        "doc._.category_review",
    ],
)
def make_item_category(
    nlp: Language, name: str, rules: str, lexicon: str, backoff: str
) -> ItemCategorizer:
    return ItemCategorizer(name, rules, lexicon, backoff)


class ItemCategorizer(RuleFiles, ErrorHandling):
    """Sets `Doc._.item_category`, `category_source`, `category_probability` and
    `category_review` from the treatment spans of the doc."""

    def __init__(
        self,
        name: str,
        rules: str,
        lexicon: str = "treatments.jsonl",
        backoff: str = "category_backoff.json",
    ) -> None:
        self.name = name
        self.rule_files = (rules, lexicon, backoff)
        for extension in ("item_category", "category_source", "category_probability",
                          "category_review"):  # fmt: skip
            ensure_doc_extension(extension)

    def _build(self, folder: Path | None) -> CategoryRules:
        return CategoryRules(*self.rule_files, folder=folder)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans[TREATMENT_KEY]) if TREATMENT_KEY in doc.spans else []
        decision = self.rules.decide(doc_text(doc), mentions)
        doc._.item_category = decision.category
        doc._.category_source = decision.source
        doc._.category_probability = decision.probability
        doc._.category_review = decision.review
        return doc
