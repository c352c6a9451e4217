"""Shared plumbing for the tagging components: rule-file loading, extensions, number words.

Rules live in JSON/JSONL files beside the components (not in Python literals) so they can be
reviewed and extended without touching code. A component reads them from the package when it
is built, and from its own folder when a saved pipeline is loaded (`_persist.RuleFiles`).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import registry

from pipeline.rules.files import load_rules


class ExtensionClash(ValueError):
    """Another package registered a Doc/Span attribute of the same name as one of ours."""


# Our extension names, per class: registering one again is fine, finding it registered by
# someone else is not (both would read and write the same `doc._.<name>`).
_OWN_EXTENSIONS: dict[type, set[str]] = {Doc: set(), Span: set()}


def _claim(cls: type, name: str) -> bool:
    """True when `cls._.<name>` still has to be registered; raise if another package has it."""
    if name in _OWN_EXTENSIONS[cls]:
        return False
    if cls.has_extension(name):
        raise ExtensionClash(
            f"{cls.__name__}._.{name} is already registered by another package: the IMR "
            "taggers would share it (rename one of them)"
        )
    _OWN_EXTENSIONS[cls].add(name)
    return True


def ensure_doc_extension(name: str, default: Any = None) -> None:
    """Register `Doc._.<name>` once (components may be constructed many times)."""
    if _claim(Doc, name):
        Doc.set_extension(name, default=default)


def ensure_span_extension(name: str, default: Any = None, getter: Any = None) -> None:
    """Register `Span._.<name>` once, as a plain value or (when given) a getter."""
    if _claim(Span, name):
        if getter is not None:
            Span.set_extension(name, getter=getter)
        else:
            Span.set_extension(name, default=default)


# ---- numbers -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Map every number word we read ("six", "twenty-four", "twice") to its value."""
    data = load_rules("numbers.json")
    words: dict[str, int] = {}
    words.update(data["units"])
    words.update(data["tens"])
    words.update(data["adverbs"])
    for ten, tval in data["tens"].items():
        for unit, uval in data["units"].items():
            if 1 <= uval <= 9:
                words[f"{ten}-{unit}"] = tval + uval
                words[f"{ten} {unit}"] = tval + uval
    return words


def _trie_regex(words: list[str]) -> str:
    """A prefix-trie regex for literal words: Python's `re` does not optimise a flat
    alternation, so a trie keeps number matching cheap when scanning whole letters."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        if ends:
            body = body if body.startswith("(?:") else "(?:" + body + ")"
            return body + "?"
        return body

    return build(trie)


@lru_cache(maxsize=1)
def num_regex() -> str:
    """Regex source for one number, as digits or as a word (no capture groups)."""
    return rf"(?:\d+|\b{_trie_regex(list(number_words()))}\b)"


_TEXT_KEY = "imr_tagging_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per doc: it is rebuilt from every token on each access,
    which on letter-sized docs cost more than all the matching together."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), doc.text)
        doc.user_data[_TEXT_KEY] = cached
    return cached[1]


@lru_cache(maxsize=1)
def range_regex() -> str:
    """Regex source for a number or a range "2-3", "1 to 2", "two or three"."""
    num = num_regex()
    return rf"{num}(?:\s*(?:-|–|to|or)\s*{num})?"


@lru_cache(maxsize=1)
def name_noun_regex() -> str:
    """Regex source for a noun that makes the number before it part of a name ("2 view",
    "12-lead"), from `numbers.json`; longest first so "in 1" beats "in"."""
    nouns = sorted(load_rules("numbers.json")["name_nouns"], key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns) + r")\b"


def expand_placeholders(pattern: str) -> str:
    """Replace `{NUM}` / `{RANGE}` / `{NAME_NOUN}` in a rule regex with their regexes."""
    return (
        pattern.replace("{RANGE}", range_regex())
        .replace("{NUM}", num_regex())
        .replace("{NAME_NOUN}", name_noun_regex())
    )


def to_int(token: str) -> int | None:
    """Read one number (digits or word); None when it is not a number."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return number_words().get(re.sub(r"\s+", " ", token))


_RANGE_SPLIT = re.compile(r"\s*(?:-|–|\bto\b|\bor\b)\s*")


def to_range(text: str | None) -> list[int] | None:
    """Read "2", "2-3", "one to two" into [min, max]; None when unreadable."""
    if not text:
        return None
    text = text.strip().lower()
    value = to_int(text)
    if value is not None:
        return [value, value]
    parts = [p for p in _RANGE_SPLIT.split(text) if p]
    values = [to_int(p) for p in parts]
    if len(values) != 2 or any(v is None for v in values):
        return None
    lo, hi = values  # type: ignore[misc]
    return [min(lo, hi), max(lo, hi)]


class TextKeepingTokenizer:
    """The language's own tokenizer, which also keeps the input string on the doc, so
    components read it back for free instead of rebuilding `doc.text` from every token
    (spaCy tokenization is lossless: the kept string equals `doc.text`)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[_TEXT_KEY] = (len(doc), text)
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # vocab, rules, (de)serialisation: the inner one's
        if name == "tokenizer":  # not set yet while unpickling
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@registry.tokenizers("imr.text_keeping_tokenizer.v1")
def create_text_keeping_tokenizer() -> Any:
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Any) -> TextKeepingTokenizer:
        return TextKeepingTokenizer(default(nlp))

    return make


# ---- failures ----------------------------------------------------------------------------

logger = logging.getLogger("pipeline.tagging")


def record_failure(
    tagger: str,
    text: Any,
    exc: BaseException,
    errors: list[str] | None = None,
    doc: Doc | None = None,
) -> None:
    """A tagger raised on one text: log a warning and note the tagger's name in `errors`
    and/or `Doc._.tagger_errors`, so the item is flagged `tagger_error` instead of silently
    getting an empty tag (one bad text must not take a batch down, nor go unnoticed). Only a
    data error (`pipeline.core.data_errors`) is recorded: any other exception, a bug, is raised
    again here, so a tagger's `except` around its parse cannot hide it."""
    from pipeline.core.data_errors import is_data_error

    if not is_data_error(exc):
        raise exc
    sample = str(text or "")[:80]
    logger.warning("%s tagger failed on %r: %s: %s", tagger, sample, type(exc).__name__, exc)
    if errors is not None:
        errors.append(tagger)
    if doc is not None:
        ensure_doc_extension("tagger_errors")
        doc._.tagger_errors = [*(doc._.tagger_errors or []), tagger]
