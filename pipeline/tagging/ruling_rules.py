"""`ruling_rules.json` compiled for the ruling reader (`ruling.py`): one matcher for its pattern
groups, a word set for each word list; and one sentence's matches (`Marks`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.rules import files as rulefiles
from pipeline.rules.schemas import RulingRulesFile
from pipeline.tagging.word_patterns import WordPatternMatcher

RULES_FILE = "ruling_rules.json"

# The rule file's word lists (its list-of-words fields), each read as a set of lower-case words
_WORD_LISTS = tuple(
    name for name, spec in RulingRulesFile.model_fields.items() if spec.annotation == list[str]
)

GROUPS = ("predicates", "frames", "subordinators", "request_signals", "denial_nouns",
           "approval_nouns", "guideline_frames", "guideline_qualifiers", "partial_markers",
           "history_markers", "need_nouns")  # fmt: skip


@dataclass
class RulingRules:
    """Compiled `ruling_rules.json`: one Matcher for every pattern group (each match labelled
    "group:name"), word sets for the rest."""

    matcher: WordPatternMatcher
    strings: Any  # the matcher's StringStore: its labels' strings
    predicate_kind: dict[str, tuple[str, int]]  # predicate name -> (kind, sign)
    # every word a predicate ends on, and the negations ("The request is not.")
    predicate_words: frozenset[str] = frozenset()
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    furniture: tuple[re.Pattern[str], ...] = ()  # page numbers and running headers
    # a class noun ("medication", "procedure") -> the service categories it can name
    class_nouns: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any], vocab: Any) -> RulingRules:
        matcher = WordPatternMatcher(vocab)  # the Matcher's matches, as phrases where it can
        for group in GROUPS:
            for row in data.get(group, []):
                matcher.add(f"{group}:{row['name']}", [row["pattern"]])
        words = {name: frozenset(w.lower() for w in data.get(name, [])) for name in _WORD_LISTS}
        furniture = tuple(re.compile(p) for p in data.get("page_furniture", []))
        kinds = {row["name"]: (row["kind"], int(row["sign"])) for row in data["predicates"]}
        ends = [row["pattern"][-1] for row in data["predicates"]]
        last_words = {
            word.lower()
            for token in ends
            for value in token.values()
            for word in (value.get("IN", []) if isinstance(value, dict) else [value])
            if isinstance(word, str) and word.isalpha()
        } | words["negations"]
        return cls(
            matcher=matcher,
            strings=vocab.strings,
            predicate_kind=kinds,
            predicate_words=frozenset(last_words),
            words=words,
            furniture=furniture,
            class_nouns={
                noun.lower(): frozenset(categories)
                for noun, categories in data.get("class_nouns", {}).items()
            },
        )


def load_ruling_rules(rules_file: str = RULES_FILE, folder: Path | None = None) -> dict[str, Any]:
    """The validated rule data (compiled against a vocab by the component)."""
    return rulefiles.load_rules(rules_file, folder, kind=RULES_FILE)


class Marks:
    """One sentence's matches (doc token indices): per group, (name, start, end) in order,
    overlaps resolved to the longest, and token index -> match. The reader matches sentence by
    sentence from the last, and most rationales rule in their last one."""

    def __init__(
        self, doc: Doc, rules: RulingRules, start: int, end: int, furniture: set[int]
    ) -> None:
        strings = rules.strings  # the labels' strings (a doc may come with a vocab of its own)
        by_group: dict[str, list[Any]] = {group: [] for group in GROUPS}
        names: dict[tuple[str, int, int], str] = {}
        for match, s, e in rules.matcher(doc[start:end]):
            if furniture and furniture.intersection(range(start + s, start + e)):
                continue  # "Page 1 of 2" is no "6 of 12 sessions"
            group, name = strings[match].split(":", 1)
            by_group[group].append(doc[start + s : start + e])
            names[(group, start + s, start + e)] = name
        self.spans: dict[str, list[tuple[str, int, int]]] = {}
        self.at: dict[str, dict[int, tuple[str, int, int]]] = {}
        for group, found in by_group.items():
            kept = sorted(
                (
                    (names[(group, sp.start, sp.end)], sp.start, sp.end)
                    for sp in filter_spans(found)
                ),
                key=lambda row: row[1],
            )
            self.spans[group] = kept
            self.at[group] = {i: row for row in kept for i in range(row[1], row[2])}

    def within(self, group: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
        return [row for row in self.spans[group] if lo <= row[1] and row[2] <= hi]
