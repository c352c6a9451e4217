"""Words a PDF text layer glued together, split again where a dictionary says so.

Some text layers drop the space between two words ("is notmedically necessary",
"medicallynecessary and appropriate"): a letter's fixed phrases then no longer match and its
decisions are lost. A token is split only where
- the token is not a word itself: not one of the known words (English function words, the
  words of `landmarks.json`, `unglue.json`'s words), and
- every piece is a word: a known word or one the letter prints apart elsewhere, with a word
  of the forms' fixed phrases (`unglue.json` words: "medically", "request", ...) among them:
  glue is split where it breaks a phrase the parser reads, not in free prose ("not"+"able"
  stays "notable"), and
- no left piece is a prefix that makes real words ('in'+'tolerance', 'on'+'set', 'up'+'held');
  pieces are three letters at least (with two, "he"+"at" would split "heat").
A camel-case seam ("forLumbar") is a split point when the piece before it is a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pipeline.rules.files import load_rules

_TOKEN = re.compile(r"[A-Za-z]{4,}")
_WORD = re.compile(r"[A-Za-z]{2,}")
_ESCAPE = re.compile(r"\\[A-Za-z]")
_SEAM = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")  # "forLumbar" (a left piece must be a word)
_MIN_PIECE = 3  # two-letter pieces split real words: "he"+"at", "ca"+"re"
_MAX_TOKEN = 40  # longer runs of letters are not prose


@dataclass(frozen=True)
class Dictionary:
    known: frozenset[str]  # words by themselves (never split)
    form: frozenset[str]  # the words of the forms' fixed phrases: one is in every split
    prefixes: frozenset[str]
    has_form_word: re.Pattern[str]  # a token holding one of `form` (the only ones split)


@cache
def dictionary() -> Dictionary:
    rules = load_rules("unglue.json", package=__package__, kind="unglue.json")
    landmarks = load_rules("landmarks.json", package=__package__, kind="landmarks.json")
    known = {w.lower() for w in rules["function_words"]} | {w.lower() for w in rules["words"]}
    known |= {w.lower() for w in _WORD.findall(_ESCAPE.sub(" ", _sources(landmarks)))}
    form = frozenset(w.lower() for w in rules["words"])
    prefixes = frozenset(p.lower() for p in rules["prefixes"])
    has_form_word = re.compile("|".join(sorted(map(re.escape, form), key=len, reverse=True)))
    return Dictionary(frozenset(known), form, prefixes, has_form_word)


def _sources(value: object) -> str:
    """Every string of a rule file, joined (the patterns' words are the forms' words)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_sources(v) for k, v in value.items() if k != "_doc")
    if isinstance(value, list):
        return " ".join(_sources(v) for v in value)
    return ""


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The words a letter prints (lower case, two letters or more)."""
    return frozenset(w.lower() for text in texts for w in _WORD.findall(text))


def _segment(token: str, letter_words: frozenset[str], words: Dictionary) -> list[str] | None:
    """The fewest pieces (two or more) that are all words, with a word of the forms' fixed
    phrases among them; None when there are none."""
    lower = token.lower()

    @cache
    def best(start: int) -> tuple[int, tuple[int, ...]] | None:
        # (pieces, cut points) for lower[start:], or None
        if start == len(lower):
            return 0, ()
        found: tuple[int, tuple[int, ...]] | None = None
        for end in range(len(lower), start + _MIN_PIECE - 1, -1):
            piece = lower[start:end]
            if end < len(lower) and piece in words.prefixes:
                continue
            if piece not in words.known and piece not in letter_words:
                continue
            if start == 0 and end == len(lower):
                continue  # the whole token is no split
            rest = best(end)
            if rest is None:
                continue
            candidate = (rest[0] + 1, (end, *rest[1]))
            if found is None or candidate[0] < found[0]:
                found = candidate
        return found

    result = best(0)
    if result is None:
        return None
    cuts = (0, *result[1])
    pieces = [token[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    if not any(piece.lower() in words.form for piece in pieces):
        return None
    return pieces


def unglue_token(token: str, letter_words: frozenset[str], words: Dictionary | None = None) -> str:
    """A token, with spaces put back where it glued words (see the module doc)."""
    words = words or dictionary()
    lower = token.lower()
    if len(token) > _MAX_TOKEN or lower in words.known:
        return token
    seam = _SEAM.search(token)
    if seam is not None:
        left, right = token[: seam.end()], token[seam.end() :]
        if left.lower() in words.known or left.lower() in letter_words:
            return (
                unglue_token(left, letter_words, words)
                + " "
                + unglue_token(right, letter_words, words)
            )
    # Every split has a form word among its pieces: a token holding none stays (most tokens;
    # this keeps ungluing a letter to a few milliseconds).
    if lower in words.form or not words.has_form_word.search(lower):
        return token
    pieces = _segment(token, letter_words - {lower}, words)
    return token if pieces is None else " ".join(pieces)


def unglue(text: str, letter_words: frozenset[str] | None = None) -> str:
    """`text` with every glued token split (the letter's own words count as words)."""
    words = dictionary()
    letter_words = vocabulary([text]) if letter_words is None else letter_words
    return _TOKEN.sub(lambda m: unglue_token(m.group(0), letter_words, words), text)
