"""Drug class of a pharmaceutical item, from the lexicon in `drug_classes.json` beside this file.

A table for the report, not a tagger: it reads the disputed item's text with one regex per
class (whole words, case-insensitive) and never changes the item's tags.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.rules.files import load_rules

LEXICON = Path(__file__).with_name("drug_classes.json")


def _words(names: list[str]) -> re.Pattern[str]:
    # Longest names first, so "ms contin" is tried before "ms" would be (alternation is ordered).
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?:s\b|(?![a-z0-9]))", re.IGNORECASE)


# "120grams", "106.32gm": an amount weighed out, i.e. a cream or ointment.
_WEIGHED = re.compile(r"\d\s*(?:grams?|gms?)\b", re.IGNORECASE)


class DrugClasses:
    """The compiled lexicon; `classify(text)` gives (class, topical)."""

    def __init__(self, path: Path = LEXICON) -> None:
        data = load_rules(str(path), kind="drug_classes.json")
        self.names = list(data["classes"])
        self.classes = [(name, _words(words)) for name, words in data["classes"].items()]
        self.any_drug = _words([w for words in data["classes"].values() for w in words])
        self.topical = _words(data["topical_words"])
        self.compound = _words(data["compound_words"])
        self.compound_class = data["compound_class"]
        self.other_class = data["other_class"]

    def classify(self, text: str) -> tuple[str, bool]:
        """(drug class, topical form) of one pharmaceutical item's text: a topical compound,
        else the first class (in the lexicon's order) naming a drug in it, else other."""
        text = text or ""
        topical = bool(self.topical.search(text) or _WEIGHED.search(text))
        drugs = {m.group(0).lower().rstrip("s") for m in self.any_drug.finditer(text)}
        # Several drugs with strengths in percent ("Flurbiprofen 10%/Lidocaine 5%") is a
        # compounded cream even where the text names no form; oral combinations give mg.
        mixed = len(drugs) >= 2 and (topical or "%" in text)
        if self.compound.search(text) or mixed:
            return self.compound_class, True
        for name, pattern in self.classes:
            if pattern.search(text):
                return name, topical
        return self.other_class, topical

    def order(self) -> list[str]:
        """Every class name, in the lexicon's order (compounds first, other last)."""
        return [self.compound_class, *self.names, self.other_class]


@lru_cache(maxsize=1)
def drug_classes() -> DrugClasses:
    return DrugClasses()


def drug_class(text: str) -> tuple[str, bool]:
    """(drug class, topical form) of a pharmaceutical item's text."""
    return drug_classes().classify(text)
