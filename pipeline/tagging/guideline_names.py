"""Guideline names from closed vocabularies (`guideline_names.json`): printed -> canonical.

The citation grammar (`citations.py`) reads a chapter name as the letter prints it, typos and
all (the answer key keeps them). This module says which guideline that name is: one of the MTUS
chapters, or, for a Non-MTUS reference, which source (ODG, ACOEM, UpToDate, an FDA label, ...)
and which of its chapters. A printed name is normalised (case, '&', brackets, punctuation,
filler words such as "Guidelines"/"Chapter") and matched exactly to a name or alias, else to
the nearest one within an edit-distance budget, so spelling variants and typos land on one
name. A name that matches nothing gives None: the caller keeps the raw text and flags it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA

from pipeline.rules.files import load_rules

_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# What separates a reference's pieces: "ODG, Low Back Chapter: MRI", "Low Back - MRI", "a/b".
_PIECES = re.compile(r"\s*(?:[,;:/]|\s[-–—]\s|[-–—]\s|\s[-–—])\s*")
_ACOEM_CHAPTER = re.compile(r"\bChapter\s+(\d{1,2})\b", re.IGNORECASE)
_ACOEM_2004 = re.compile(r"\bACOEM\b|\b2nd\s+Ed|\bPractice\s+Guidelines\b|\b2004\b", re.IGNORECASE)
_LATER_EDITION = re.compile(r"\b(?:3rd|4th|5th)\b|\b20(?:0[5-9]|[1-9]\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d{2})(?![\d/])")
_SHORT_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/(\d{2}|\d{4})\b")
_CHAPTER_WORD = re.compile(r"\bchapter\b", re.IGNORECASE)
_RUN = 3  # pieces a chapter name may span ("Forearm, Wrist, & Hand")


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    two neighbours ("Bakc" -> "Back" is one edit, the commonest typo); rapidfuzz's C version
    (the pure-Python alignment was 7 % of the predict path on new letters)."""
    return int(OSA.distance(a, b))


class NameTable:
    """Normalised name/alias -> canonical name, with the nearest-name fallback."""

    def __init__(self, entries: list[dict[str, Any]], drop: frozenset[str], ratio: float) -> None:
        self.drop = drop
        self.ratio = ratio
        self.keys: dict[str, str] = {}
        for entry in entries:
            for printed in [entry["name"], *entry.get("aliases", [])]:
                key = self.normalise(printed)
                other = self.keys.setdefault(key, entry["name"])
                if other != entry["name"]:  # one printed form, two guidelines: a vocabulary bug
                    raise ValueError(f"{printed!r} names both {other!r} and {entry['name']!r}")

    def normalise(self, text: str) -> str:
        text = text.lower().replace("&", " and ")
        while True:  # nested brackets: "(Durable medical equipment (DME))"
            shorter = _BRACKETS.sub(" ", text)
            if shorter == text:
                break
            text = shorter
        words = _NOT_WORD.sub(" ", text).split()
        return " ".join(w for w in words if w not in self.drop)

    def exact(self, text: str) -> str | None:
        return self.keys.get(self.normalise(text))

    def lookup(self, text: str) -> str | None:
        """The canonical name of `text`: exact, else the one nearest name within the budget
        (None when two guidelines are equally near: a guess between them is not a match)."""
        return self._lookup(self.normalise(text))

    @lru_cache(maxsize=4096)  # noqa: B019 - one table per loaded vocabulary, kept for its life
    def _lookup(self, key: str) -> str | None:
        if not key:
            return None
        if key in self.keys:
            return self.keys[key]
        best: dict[str, float] = {}
        for other, name in self.keys.items():
            longer = max(len(key), len(other))
            # the distance is at least the length difference: most names are out of reach
            # before the quadratic alignment is worth computing
            if abs(len(key) - len(other)) / longer > self.ratio:
                continue
            ratio = edit_distance(key, other) / longer
            if ratio <= self.ratio and ratio < best.get(name, 2.0):
                best[name] = ratio
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: kv[1])
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return ranked[0][0]

    def prefix(self, text: str) -> str | None:
        """The name whose longest key opens `text` word-wise ("knee indications for imaging"
        -> Knee & Leg): a reference that names a chapter, then a topic, without a separator."""
        key = self.normalise(text)
        found = [(len(k), n) for k, n in self.keys.items() if key.startswith(k + " ")]
        return max(found)[1] if found else None


class GuidelineVocabulary:
    """Compiled `guideline_names.json`."""

    def __init__(self, rules_file: str = "guideline_names.json", folder: Path | None = None):
        rules = load_rules(rules_file, folder, kind="guideline_names.json")
        drop = frozenset(w.lower() for w in rules["drop_words"])
        ratio = float(rules["max_edit_ratio"])
        self.mtus = NameTable(rules["mtus"], drop, ratio)
        self.mtus_years = {e["name"]: tuple(e["years"]) for e in rules["mtus"]}
        self.acoem_2004 = {
            e["acoem_2004_chapter"]: e["name"] for e in rules["mtus"] if e.get("acoem_2004_chapter")
        }
        self.sources = [
            (
                s["name"],
                re.compile(s["pattern"], re.IGNORECASE),
                NameTable(s["chapters"], drop, ratio) if s.get("chapters") else None,
            )
            for s in rules["sources"]
        ]

    def mtus_chapter(self, printed: str) -> str | None:
        """The canonical MTUS chapter of a printed chapter name, or None when it is none of
        them. "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12" -> Low Back
        Complaints (the 2004 edition's chapter numbers)."""
        number = _ACOEM_CHAPTER.search(printed)
        # Chapter numbers are the 2004 edition's; a later edition numbers them otherwise.
        if number and _ACOEM_2004.search(printed) and not _LATER_EDITION.search(printed):
            return self.acoem_2004.get(int(number.group(1)))
        return self.mtus.lookup(printed)

    def non_mtus(self, text: str) -> dict[str, Any]:
        """A Non-MTUS reference -> {"text", "source", "chapters", "unknown_chapters", "year"}:
        the first source named in it (None: a book, article or page nobody listed), the
        source's chapters it names (canonical), pieces that call themselves a chapter but are
        none of the source's, and the year printed in it (a date "11/3/16" gives 2016)."""
        plain = _URL.sub(" ", text)
        found = [(m.start(), i, m) for i, (_, regex, _) in enumerate(self.sources)
                 if (m := regex.search(text))]  # fmt: skip
        out: dict[str, Any] = {"text": text, "source": None, "chapters": [],
                               "unknown_chapters": [], "year": _year(plain)}  # fmt: skip
        if not found:
            return out
        _, index, _ = min(found, key=lambda f: (f[0], f[1]))
        name, regex, table = self.sources[index]
        out["source"] = name
        if table is not None:
            out["chapters"], out["unknown_chapters"] = _chapters(regex.sub(" , ", plain), table)
        return out


def _year(text: str) -> int | None:
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
    for m in _SHORT_DATE.finditer(text):
        year = int(m.group(1))
        found.append((m.start(), year + 2000 if year < 100 else year))
    return min(found)[1] if found else None


def _chapters(text: str, table: NameTable) -> tuple[list[str], list[str]]:
    """(canonical chapters, unknown chapter pieces) of a reference with its source taken out.
    Pieces are what separators leave; a chapter name may span pieces ("Forearm, Wrist, and
    Hand Chapter"), so the longest run of up to `_RUN` pieces that is a name counts first. The
    first piece may also open with a name; a piece that says "chapter" and is none is unknown.
    """
    pieces = [p.strip() for p in _PIECES.split(_BRACKETS.sub(" ", text)) if table.normalise(p)]
    chapters: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(pieces):
        for size in range(min(_RUN, len(pieces) - i), 0, -1):
            name = table.lookup(", ".join(pieces[i : i + size]))
            if name:
                break
        else:
            size = 1
            name = table.prefix(pieces[i]) if i == 0 else None
            if not name and _CHAPTER_WORD.search(pieces[i]):
                unknown.append(pieces[i])
        if name:
            chapters.append(name)
        i += size
    return list(dict.fromkeys(chapters)), unknown


@lru_cache(maxsize=1)
def default_vocabulary() -> GuidelineVocabulary:
    return GuidelineVocabulary()
