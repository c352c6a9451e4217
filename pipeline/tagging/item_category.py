"""`imr_item_category`: the service category of a disputed item (`Doc._.item_category`).

Runs after `imr_treatments`. The first strong mention after any scope prefix governs (it is the
head of the request: "Acute inpatient rehabilitation physical therapy ..." is a stay, not PT);
"Associated surgical service: X" and "Labs to include: X" hand the item to X.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.tagging._resources import doc_text, ensure_doc_extension, load_json
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


class CategoryRules:
    """Compiled `item_category.json`; usable without spaCy via `categorize`."""

    def __init__(self, rules_file: str = "item_category.json") -> None:
        rules = load_json(rules_file)
        self.prefixes = [re.compile(p, re.IGNORECASE) for p in rules["scope_prefixes"]]
        self.dose = re.compile(rules["dose_regex"], re.IGNORECASE)
        self.dose_category: str = rules["dose_category"]
        self.fallback: str = rules["fallback_category"]

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

    def categorize(self, text: str, mentions: list[Span]) -> str:
        """Pick the governing mention's category; fall back on dose -> drug, else `other`."""
        start = self.scope_start(text)
        for scoped in (True, False):
            first_weak = None
            for mention in mentions:
                if scoped and mention.start_char < start:
                    continue
                if not mention._.weak:
                    return mention._.category
                first_weak = first_weak or mention
            if first_weak is not None:
                return first_weak._.category
            if not start:
                break
        if self.dose.search(text):
            return self.dose_category
        return self.fallback


@Language.factory("imr_item_category", default_config={"rules": "item_category.json"})
def make_item_category(nlp: Language, name: str, rules: str) -> ItemCategorizer:
    return ItemCategorizer(name, rules)


class ItemCategorizer:
    """Sets `Doc._.item_category` from the treatment spans of the doc."""

    def __init__(self, name: str, rules: str) -> None:
        self.name = name
        self.rules = CategoryRules(rules)
        ensure_doc_extension("item_category")

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans[TREATMENT_KEY]) if TREATMENT_KEY in doc.spans else []
        doc._.item_category = self.rules.categorize(doc_text(doc), mentions)
        return doc
