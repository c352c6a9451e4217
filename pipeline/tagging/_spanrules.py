"""Regex rules over `doc.text` whose hits become spans; shared by frequency/limit/quantity.

Running compiled regexes over the whole text (C speed) and mapping hits back with
`doc.char_span(..., alignment_mode="expand")` is much cheaper than token-level Python loops.
Why not spaCy's SpanRuler/Matcher: their patterns match token by token (REGEX tests one token),
and these rules are regexes across tokens ("2 times a week for 6 weeks"); spans are still made
by spaCy's `Doc.char_span`. The trigger windows must change speed only:
tests/tagging/test_spanrules_differential.py runs every shipped rule set with and without them.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span

from pipeline.tagging._resources import expand_placeholders, num_regex

# A number glued to letters ("L5", "C6") is a name, so "L4-L5 x 2" is still a count of 2.
_ENDS_WITH_NUMBER = re.compile(rf"(?<![A-Za-z\d]){num_regex()}\s*$", re.IGNORECASE)


DEFAULT_WINDOW = 150
Window = tuple[int, int]


def literal_windows(lower: str, literals: tuple[str, ...], window: int) -> list[Window]:
    """Merged [start, end) windows around every occurrence of any literal in `lower`.

    `str.find` on a literal is far cheaper than any regex scan, so the rules themselves only
    run on the (usually small) parts of a letter that could hold a hit.
    """
    points: list[tuple[int, int]] = []
    for literal in literals:
        i = lower.find(literal)
        while i != -1:
            points.append((i, i + len(literal)))
            i = lower.find(literal, i + 1)
    points.sort()
    merged: list[Window] = []
    for start, end in points:
        lo, hi = _reach(lower, start, end, window)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


# Runs of two or more whitespace characters (a `pdftotext -layout` export is full of them).
_WHITE_RUNS = re.compile(r"\s{2,}")


def _reach(lower: str, start: int, end: int, window: int) -> Window:
    r"""[start - window, end + window), widened by the whitespace beyond one character a run
    that the window holds: a rule's `\s*` spans any run, so a window counts one character per
    run (each widening may take in more runs: at most a few steps)."""
    lo, hi = max(0, start - window), min(len(lower), end + window)
    while True:
        extra_lo = sum(len(m.group()) - 1 for m in _WHITE_RUNS.finditer(lower, lo, start))
        extra_hi = sum(len(m.group()) - 1 for m in _WHITE_RUNS.finditer(lower, end, hi))
        wider = max(0, start - window - extra_lo), min(len(lower), end + window + extra_hi)
        if wider == (lo, hi):
            return lo, hi
        lo, hi = wider


@dataclass(frozen=True, eq=False)  # identity: rules are compared by who they are
class Rule:
    """One named regex rule; extra keys of the JSON rule are kept in `options`.

    `triggers` (optional) are literal strings, one of which every hit of the rule contains;
    the rule then only runs within `window` chars of a trigger in the lower-cased text. That
    changes speed, not results. The regex is compiled on first use: the number placeholders
    make some rules kilobytes long, and a one-letter run never needs most of them.
    """

    name: str
    pattern: str
    options: dict[str, Any]
    triggers: tuple[str, ...] = ()
    window: int = DEFAULT_WINDOW

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Rule:
        options = {k: v for k, v in row.items() if k not in ("name", "regex", "triggers")}
        triggers = tuple(t.lower() for t in row.get("triggers", ()))
        pattern = expand_placeholders(row["regex"])
        return cls(row["name"], pattern, options, triggers, int(row.get("window", DEFAULT_WINDOW)))

    def __post_init__(self) -> None:
        _LIVE_RULES.add(self)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)

    def finditer(
        self, text: str, lower: str | None, cache: dict[Any, list[Window]] | None = None
    ) -> list[re.Match[str]]:
        """All matches, scanning only around triggers when the rule has them."""
        if not self.triggers or lower is None:
            return list(self.regex.finditer(text))
        key = (self.triggers, self.window)
        windows = cache.get(key) if cache is not None else None
        if windows is None:
            windows = literal_windows(lower, self.triggers, self.window)
            if cache is not None:
                cache[key] = windows
        if not windows:  # the usual case: no trigger anywhere in the text
            return []
        if len(windows) == 1:
            return list(self.regex.finditer(text, *windows[0]))
        matches: list[re.Match[str]] = []
        for lo, hi in windows:
            matches += self.regex.finditer(text, lo, hi)
        return matches


# Every rule built so far, so a process about to fork workers can compile them all once
# (`compile_rules`) instead of each worker compiling them on first use.
_LIVE_RULES: weakref.WeakSet[Rule] = weakref.WeakSet()


def compile_rules() -> int:
    """Compile the regex of every live rule now; the number of rules."""
    rules = list(_LIVE_RULES)
    for rule in rules:
        _ = rule.regex
    return len(rules)


@dataclass
class Hit:
    rule: Rule
    match: re.Match[str]

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()


def find_hits(
    text: str, rules: list[Rule], taken: list[tuple[int, int]] | None = None
) -> list[Hit]:
    """Run rules in order; a hit is kept only if it overlaps nothing already taken.

    `taken` is extended in place so later rule sets (counts after rates) skip consumed text.
    """
    taken = [] if taken is None else taken
    lower = text.lower()
    if len(lower) != len(text):  # some characters change length when lower-cased
        lower = None
    hits: list[Hit] = []
    cache: dict[Any, list[Window]] = {}
    for rule in rules:
        for m in rule.finditer(text, lower, cache):
            if m.end() == m.start():
                continue
            if any(m.start() < hi and lo < m.end() for lo, hi in taken):
                continue
            if rule.options.get("not_after_number") and _ENDS_WITH_NUMBER.search(text[: m.start()]):
                continue
            taken.append((m.start(), m.end()))
            hits.append(Hit(rule, m))
    hits.sort(key=lambda h: h.start)
    return hits


def hit_span(doc: Doc, hit: Hit, label: str) -> Span | None:
    """The token span covering a regex hit (None if it cannot be aligned)."""
    return doc.char_span(hit.start, hit.end, label=label, alignment_mode="expand")


def group(m: re.Match[str], name: str) -> str | None:
    """A named group's text, or None when the regex has no such group or it did not match."""
    return m.groupdict().get(name)
