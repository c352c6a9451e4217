"""Which of several regexes match somewhere in a text, with one scan of the text.

Python's `re` scans a text once per pattern. RE2's set matching (google-re2) compiles all the
patterns into one lazily built DFA and learns which of them can match in a single scan; `re`
then confirms only those. On rationale sentences that is several times cheaper than trying a
dozen `re` patterns in turn, and the answers are `re`'s own:

* The set holds each pattern with its counted repeats opened up (`.{0,400}?` -> `.{0,}?`): a
  repeat bound multiplies DFA states with every distance it counts, so new text kept building
  new states. The opened pattern matches whatever the original matches (and more), so a
  pattern the set does not report cannot match; one it reports is confirmed by `re`, unless
  opening changed nothing, when the set's answer is already exact.
* The engines agree on what matches only for plain ASCII text without the few characters on
  which their classes differ (Python's `\\s` also takes \\v and \\x1c-\\x1f, and its `$` also
  matches before a final newline). Any other text is answered by `re` alone, as are patterns
  RE2 refuses (lookaround, back-references).

`tests/test_regex_set.py` holds the answers to `re`'s on generated text and on the corpus.
Once the set has compiled, a scan cannot fail for lack of memory: RE2 set matching flushes and
rebuilds its state cache instead of giving up (`MAX_MEMORY` only bounds that cache).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import re2

MAX_MEMORY = 64 << 20  # RE2's budget for the set's DFA states (built as texts need them)

# Characters on which the engines' classes disagree, and a final newline (see above).
_ENGINES_DIFFER = re.compile(r"[\x0b\x1c-\x1f]|\n\Z")
# A counted repeat {m,n} / {,n} that is not an escaped brace.
_COUNTED_REPEAT = re.compile(r"(?<!\\)\{(\d*),(\d+)\}")


def same_answer_in_both_engines(text: str) -> bool:
    """True when RE2 and Python's `re` agree on every pattern RE2 accepts, for `text`."""
    if not text.isascii():
        return False
    # Printable ASCII holds none of the characters in question (the common case, checked fast).
    return text.isprintable() or _ENGINES_DIFFER.search(text) is None


def open_repeats(pattern: str) -> str:
    """`pattern` with every counted repeat's upper bound removed: it matches a superset."""
    return _COUNTED_REPEAT.sub(lambda m: "{" + (m.group(1) or "0") + ",}", pattern)


class RegexSet:
    """Patterns compiled once for both engines; `first` and `matching` ask about a text."""

    def __init__(self, patterns: Sequence[str], ignore_case: bool = True) -> None:
        self.patterns, self.ignore_case = tuple(patterns), ignore_case
        self.regexes: tuple[re.Pattern[str], ...] = tuple(
            re.compile(p, re.IGNORECASE if ignore_case else 0) for p in patterns
        )
        options = re2.Options()
        options.case_sensitive = not ignore_case
        options.max_mem = MAX_MEMORY
        options.log_errors = False  # a refused pattern is expected here: it stays with `re`
        one_pass = re2.Set.SearchSet(options)
        in_set: list[int] = []  # set index -> pattern index
        python_only: list[int] = []
        trusted: list[int] = []  # in the set unchanged: its answer needs no confirming
        for index, pattern in enumerate(patterns):
            opened = open_repeats(pattern)
            try:
                one_pass.Add(opened)
            except re2.error:
                python_only.append(index)
                continue
            in_set.append(index)
            if opened == pattern:
                trusted.append(index)
        self._set = one_pass if in_set else None
        if self._set is not None:
            self._set.Compile()
        self._in_set = tuple(in_set)
        self._trusted = frozenset(trusted)
        self.python_only = tuple(python_only)

    def __reduce__(self) -> tuple[type[RegexSet], tuple[tuple[str, ...], bool]]:
        # RE2's set cannot be pickled: rebuild it (a pickled spaCy pipeline holds these).
        return RegexSet, (self.patterns, self.ignore_case)

    def _candidates(self, text: str) -> list[int] | None:
        """Patterns that may match `text`, in order (None: any may, ask `re` about each)."""
        if self._set is None or not same_answer_in_both_engines(text):
            return None
        hits = [self._in_set[i] for i in self._set.Match(text) or ()]
        return sorted([*hits, *self.python_only]) if self.python_only else sorted(hits)

    def _matches(self, index: int, text: str) -> bool:
        return self.regexes[index].search(text) is not None

    def _confirmed(self, index: int, text: str) -> bool:
        """A candidate from the set: does it really match?"""
        return index in self._trusted or self._matches(index, text)

    def first(self, text: str, may_match: Callable[[int], bool] | None = None) -> int | None:
        """Index of the first pattern, in order, that matches somewhere in `text`; else None.

        `may_match(i)` (optional) is a cheap test that is False only when pattern i cannot
        match; the path without the set uses it to skip patterns.
        """
        candidates = self._candidates(text)
        if candidates is None:
            for index in range(len(self.regexes)):
                if (may_match is None or may_match(index)) and self._matches(index, text):
                    return index
            return None
        return next((i for i in candidates if self._confirmed(i, text)), None)

    def matching(self, text: str) -> list[int]:
        """Indices of every pattern that matches somewhere in `text`, in order."""
        candidates = self._candidates(text)
        if candidates is None:
            return [i for i in range(len(self.regexes)) if self._matches(i, text)]
        return [i for i in candidates if self._confirmed(i, text)]
