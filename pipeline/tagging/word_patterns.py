"""Token patterns of exact words, matched with spaCy's PhraseMatcher.

The reason cues and their negation triggers are Matcher token patterns whose every token is an
exact word: a LOWER (or caseless ORTH) value or `IN` list, some tokens optional (`"OP": "?"`).
spaCy's Matcher tries each pattern at every token and evaluates each `IN` set through a Python
call: about 10 microseconds a token for the 44 cue patterns, a quarter of the tag stage. The
same patterns expanded into the word sequences they accept (about 3,000) and given to the
PhraseMatcher (one hash lookup per token and length) find the same matches many times faster.
`WordPatternMatcher` does that expansion when the rules are built, so the rule files keep the
Matcher's format and its validation; a pattern it cannot expand (another key, another operator,
a cased value, too many sequences) stays in a Matcher. tests/tagging/test_word_patterns.py
compares it with spaCy's Matcher on the project's rule files and random token sequences.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# More sequences than this from one pattern: it stays in the Matcher (building ~8 us a phrase:
# the pipeline is built at every start, so one-letter `imr predict` pays for it).
MAX_SEQUENCES = 2_000
_WORD_KEYS = ("LOWER", "ORTH")

Pattern = list[dict[str, Any]]


def _token_words(token: dict[str, Any]) -> list[str] | None:
    """The lower-case words one pattern token accepts, or None when it is not an exact-word
    token the LOWER PhraseMatcher can stand for."""
    keys = set(token) - {"OP"}
    if len(keys) != 1 or token.get("OP", "?") != "?":
        return None
    key = keys.pop()
    if key not in _WORD_KEYS:
        return None
    value = token[key]
    if isinstance(value, dict):
        if set(value) != {"IN"}:
            return None
        value = value["IN"]
    words = value if isinstance(value, list) else [value]
    # a LOWER value with a capital never matches; an ORTH value with one is case-sensitive
    if not words or any(not isinstance(w, str) or not w or w != w.lower() for w in words):
        return None
    return list(words)


def word_sequences(pattern: Pattern) -> list[tuple[str, ...]] | None:
    """Every non-empty word sequence `pattern` matches (optional tokens present or absent), or
    None when it is not a pattern of exact words or expands to more than MAX_SEQUENCES."""
    choices: list[list[str | None]] = []
    size = 1
    for token in pattern:
        words = _token_words(token)
        if words is None:
            return None
        options: list[str | None] = [*words, None] if token.get("OP") == "?" else [*words]
        size *= len(options)
        if size > MAX_SEQUENCES:
            return None
        choices.append(options)
    out = {tuple(w for w in combo if w is not None) for combo in itertools.product(*choices)}
    return sorted(seq for seq in out if seq)


class WordPatternMatcher:
    """`Matcher`-compatible for `add(key, patterns)` and `__call__(doc)`: exact-word patterns
    run in a PhraseMatcher on LOWER, the rest in a Matcher. Matches are (key hash, start, end)
    triples, each once, sorted by start, end and key; on a Span, in the span's token offsets
    (as the Matcher gives them)."""

    def __init__(self, vocab: Vocab, validate: bool = True) -> None:
        self.vocab = vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.tokens = Matcher(vocab, validate=validate)
        self._validator = Matcher(vocab, validate=validate)  # spaCy checks every pattern

    def add(self, key: str, patterns: Sequence[Pattern]) -> None:
        self._validator.add(key, [list(p) for p in patterns])
        self._validator.remove(key)
        sequences: set[tuple[str, ...]] = set()
        rest: list[Pattern] = []
        for pattern in patterns:
            expanded = word_sequences(pattern)
            if expanded is None:
                rest.append(pattern)
            else:
                sequences.update(expanded)
        if sequences:
            self.phrases.add(key, [Doc(self.vocab, words=list(s)) for s in sorted(sequences)])
        if rest:
            self.tokens.add(key, rest)

    def __call__(self, doclike: Doc | Span) -> list[tuple[int, int, int]]:
        found = set(self._matches(doclike))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _matches(self, doclike: Doc | Span) -> Iterator[tuple[int, int, int]]:
        if len(self.phrases):
            # the PhraseMatcher gives a Span's matches in doc offsets, the Matcher in the span's
            offset = doclike.start if isinstance(doclike, Span) else 0
            for key, start, end in self.phrases(doclike):
                yield key, start - offset, end - offset
        if len(self.tokens):
            yield from self.tokens(doclike)
