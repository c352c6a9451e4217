"""`verdict_masker`: find the sentences of a rationale that state the verdict, and mask them.

The reasoning model must learn from *why* a reviewer decided, not from the sentence that says
what was decided ("Therefore, the request is not medically necessary."). This component marks
those verdict sentences (rules in `verdict_rules.json`, beside this file) so that

* `Doc._.masked_text` is the rationale with each verdict sentence replaced by a placeholder
  (the reasoning model's input), and
* `Doc._.verdict_text` is the verdict sentences alone (the decision reader's input).

Sentences come from spaCy's rule-based `Sentencizer` (run by the masker itself, in every
pipeline that holds it) plus a split at every line break (ingest joins
rationale paragraphs with blank lines). `mask_verdicts(text)` is the pure-function form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from pipeline.rules import files as rulefiles
from pipeline.rules.regex_set import RegexSet
from pipeline.tagging._persist import RuleFiles
from pipeline.tagging._resources import doc_text, ensure_doc_extension, ensure_span_extension
from pipeline.tagging.errors import ErrorHandling, guarded

RULES_FILE = "verdict_rules.json"
SPAN_KEY = "verdicts"
_PLACEHOLDER_RE = re.compile(r"\{([A-Z_]+)\}")
_LINE_BREAK = re.compile(r"\n")
_BLANK_RUN = re.compile(r"[ \t]{2,}")


@dataclass(frozen=True)
class VerdictRules:
    """Compiled `verdict_rules.json`: sentence rules, sentinel patterns and the placeholder."""

    names: tuple[str, ...]
    rules: RegexSet  # the sentence rules, in file order
    sentinels: tuple[tuple[str, re.Pattern[str]], ...]
    placeholder: str
    requires: dict[int, tuple[str, ...]]  # rule -> literals one of which a match must contain

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VerdictRules:
        fragments: dict[str, str] = {}
        for name, pattern in data.get("fragments", {}).items():
            fragments[name] = _expand(pattern, fragments)
        rows = data["rules"]
        return cls(
            names=tuple(row["name"] for row in rows),
            rules=RegexSet([_expand(row["regex"], fragments) for row in rows]),
            sentinels=tuple(
                (row["name"], re.compile(_expand(row["regex"], fragments), re.IGNORECASE))
                for row in data.get("sentinel", [])
            ),
            placeholder=data.get("placeholder", "[VERDICT]"),
            requires={
                index: tuple(literal.lower() for literal in row["requires"])
                for index, row in enumerate(rows)
                if row.get("requires")
            },
        )

    def match(self, sentence: str) -> str | None:
        """Name of the first rule that marks `sentence` as a verdict sentence, else None."""
        index = self.rules.first(sentence, self._literal_check(sentence))
        return None if index is None else self.names[index]

    def _literal_check(self, sentence: str) -> Callable[[int], bool]:
        """`may_match` for the rules' `re` path: False when a rule's required words are all
        absent (several rules share one word list: each list is looked for once)."""
        lower: str | None = None  # computed on first use: the set path never asks
        present: dict[tuple[str, ...], bool] = {}

        def may_match(index: int) -> bool:
            nonlocal lower
            requires = self.requires.get(index)
            if requires is None:
                return True
            if requires not in present:
                lower = sentence.lower() if lower is None else lower
                present[requires] = _any_literal(requires).search(lower) is not None
            return present[requires]

        return may_match

    def regex(self, name: str) -> re.Pattern[str]:
        """One sentence rule's compiled pattern, by name."""
        return self.rules.regexes[self.names.index(name)]

    def sentinel_hits(self, text: str) -> list[tuple[str, str]]:
        """(pattern name, matched text) for every sentinel pattern found in `text`."""
        return [(name, m.group(0)) for name, regex in self.sentinels for m in regex.finditer(text)]


@lru_cache(maxsize=64)
def _any_literal(literals: tuple[str, ...]) -> re.Pattern[str]:
    """One search for "does any of these strings occur" (a Python loop of `in` tests cost more
    than the rules it skips)."""
    return re.compile("|".join(re.escape(literal) for literal in literals))


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    def substitute(m: re.Match[str]) -> str:
        if m.group(1) not in fragments:
            raise KeyError(f"verdict rules: unknown placeholder {{{m.group(1)}}}")
        return fragments[m.group(1)]

    return _PLACEHOLDER_RE.sub(substitute, pattern)


def load_verdict_rules(rules_file: str = RULES_FILE, folder: Path | None = None) -> VerdictRules:
    """Read and compile a rules file shipped beside this module (once per file: without
    arguments and with RULES_FILE they share one compiled copy)."""
    if folder is not None:  # a saved masker's own copy
        return _compile(rules_file, folder)
    return _compiled_rules(rules_file)


def _compile(rules_file: str, folder: Path | None = None) -> VerdictRules:
    return VerdictRules.from_json(rulefiles.load_rules(rules_file, folder, kind=RULES_FILE))


_compiled_rules = lru_cache(maxsize=8)(_compile)  # the package's files, compiled once each


def _ensure_extensions() -> None:
    for name in ("masked_text", "verdict_text"):
        ensure_doc_extension(name)
    ensure_span_extension("verdict_rule")


@Language.factory(
    "verdict_masker",
    default_config={"rules_file": RULES_FILE, "placeholder": None, "split_lines": True},
    assigns=["token.is_sent_start", "doc.spans", "doc._.masked_text", "doc._.verdict_text"],
)
def make_verdict_masker(
    nlp: Language, name: str, rules_file: str, placeholder: str | None, split_lines: bool
) -> VerdictMasker:
    return VerdictMasker(
        name, rules_file=rules_file, placeholder=placeholder, split_lines=split_lines
    )


class VerdictMasker(RuleFiles, ErrorHandling):
    """Marks verdict sentences in `doc.spans["verdicts"]` and fills the masked/verdict texts."""

    def __init__(
        self,
        name: str = "verdict_masker",
        rules_file: str = RULES_FILE,
        placeholder: str | None = None,
        split_lines: bool = True,
    ) -> None:
        _ensure_extensions()
        self.name = name
        self.rule_files = (rules_file,)
        self._placeholder = placeholder
        self.split_lines = split_lines
        self._sentencizer = Sentencizer()

    def _build(self, folder: Path | None) -> VerdictRules:
        return load_verdict_rules(self.rule_files[0], folder)

    @property
    def placeholder(self) -> str:
        return self.rules.placeholder if self._placeholder is None else self._placeholder

    def _sentencize(self, doc: Doc) -> None:
        """spaCy's rule-based `Sentencizer` (default punctuation). A vectorised numpy copy of it
        used to live here; the library's own is twice as fast (23 vs 47 ms CPU over the 1,095
        texts of the 130 shared letters) and gives identical output on the corpus."""
        self._sentencizer(doc)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("SENT_START"):
            self._sentencize(doc)
        if self.split_lines:
            _split_at_line_breaks(doc)
        verdicts: list[Span] = []
        kept: list[str] = []
        said: list[str] = []
        # Sentences as character ranges of the text, straight from the token arrays: building a
        # Span and its text for every sentence cost more than the rules themselves.
        for start, end, chunk in _sentences(doc):
            text = chunk.strip()
            rule = self.rules.match(text) if text else None
            if rule is None:
                kept.append(chunk)
                continue
            span = Span(doc, start, end, label="VERDICT")
            span._.verdict_rule = rule
            verdicts.append(span)
            said.append(text)
            trailing = chunk[len(chunk.rstrip()) :]
            kept.append(self.placeholder + trailing if self.placeholder else trailing)
        doc.spans[SPAN_KEY] = verdicts
        masked = "".join(kept)
        if "  " in masked or "\t" in masked:  # a run of two is one of these: else no scan
            masked = _BLANK_RUN.sub(" ", masked)
        doc._.masked_text = masked.strip()
        doc._.verdict_text = " ".join(said)
        return doc


def _sentences(doc: Doc) -> list[tuple[int, int, str]]:
    """(first token, end token, text with trailing whitespace) of each sentence of `doc`."""
    if not len(doc):
        return []
    text = doc_text(doc)
    starts = np.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    offsets = doc.to_array(IDX).tolist()
    bounds = [*starts, len(doc)]
    chars = [*(offsets[i] for i in starts), len(text)]
    return [(bounds[i], bounds[i + 1], text[chars[i] : chars[i + 1]]) for i in range(len(starts))]


def _split_at_line_breaks(doc: Doc) -> None:
    """Start a new sentence at the first token after any line break (found in the text and
    mapped to tokens by their offsets, without a Python loop over the tokens)."""
    breaks = [m.start() for m in _LINE_BREAK.finditer(doc_text(doc))]
    if not breaks or not len(doc):
        return
    offsets = doc.to_array(IDX)
    for index in set(np.searchsorted(offsets, breaks, side="right").tolist()):
        if 0 < index < len(doc):
            doc[index].is_sent_start = True


def build_masker(placeholder: str | None = None) -> Language:
    """`spacy.blank("en")` + verdict_masker (no model download). The masker splits sentences
    itself, as it does in the tagging pipeline: tagged and untagged records are masked by one
    sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("verdict_masker", config={"placeholder": placeholder})
    return nlp


@lru_cache(maxsize=4)
def _masker(placeholder: str | None) -> Language:
    return build_masker(placeholder)


def mask_verdicts(text: str, placeholder: str | None = None) -> str:
    """`text` with every verdict sentence replaced by the placeholder (default "[VERDICT]")."""
    return _masker(placeholder)(text or "")._.masked_text


def verdict_sentences(text: str | Doc) -> list[str]:
    """The verdict sentences of `text` (or of a Doc, with or without sentence boundaries), in
    order. The doc is held while its spans are read: a SpanGroup outlives no garbage-collected
    Doc (spaCy's E865)."""
    doc = text if isinstance(text, Doc) else _masker(None).make_doc(text or "")
    doc = _masker(None).get_pipe("verdict_masker")(doc)
    return [span.text.strip() for span in doc.spans[SPAN_KEY]]


def mask_many(texts: list[str], placeholder: str | None = None) -> list[tuple[str, str]]:
    """(masked_text, verdict_text) for each text, via `nlp.pipe` (the batch path)."""
    nlp = _masker(placeholder)
    return [(d._.masked_text, d._.verdict_text) for d in nlp.pipe([t or "" for t in texts])]


def sentinel_hits(text: str) -> list[tuple[str, str]]:
    """Verdict phrases from the masker's own sentinel list found in `text` (should be none)."""
    return load_verdict_rules().sentinel_hits(text)
