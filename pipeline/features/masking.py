"""`verdict_masker`: find the sentences of a rationale that state the verdict, and mask them.

The reasoning model must learn from *why* a reviewer decided, not from the sentence that says
what was decided ("Therefore, the request is not medically necessary."). This component marks
those verdict sentences (rules in `verdict_rules.json`, beside this file) so that

* `Doc._.masked_text` is the rationale with each verdict sentence replaced by a placeholder
  (the reasoning model's input), and
* `Doc._.verdict_text` is the verdict sentences alone (the decision reader's input).

Sentences come from spaCy's rule-based sentencizer plus a split at every line break (ingest joins
rationale paragraphs with blank lines). `mask_verdicts(text)` is the pure-function form.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

RULES_FILE = "verdict_rules.json"
SPAN_KEY = "verdicts"
_PLACEHOLDER_RE = re.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class VerdictRules:
    """Compiled `verdict_rules.json`: sentence rules, sentinel patterns and the placeholder."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]
    sentinels: tuple[tuple[str, re.Pattern[str]], ...]
    placeholder: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VerdictRules:
        fragments: dict[str, str] = {}
        for name, pattern in data.get("fragments", {}).items():
            fragments[name] = _expand(pattern, fragments)

        def compile_all(rows: list[dict[str, Any]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
            return tuple(
                (row["name"], re.compile(_expand(row["regex"], fragments), re.IGNORECASE))
                for row in rows
            )

        return cls(
            rules=compile_all(data["rules"]),
            sentinels=compile_all(data.get("sentinel", [])),
            placeholder=data.get("placeholder", "[VERDICT]"),
        )

    def match(self, sentence: str) -> str | None:
        """Name of the first rule that marks `sentence` as a verdict sentence, else None."""
        for name, regex in self.rules:
            if regex.search(sentence):
                return name
        return None

    def sentinel_hits(self, text: str) -> list[tuple[str, str]]:
        """(pattern name, matched text) for every sentinel pattern found in `text`."""
        return [(name, m.group(0)) for name, regex in self.sentinels for m in regex.finditer(text)]


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    def substitute(m: re.Match[str]) -> str:
        if m.group(1) not in fragments:
            raise KeyError(f"verdict rules: unknown placeholder {{{m.group(1)}}}")
        return fragments[m.group(1)]

    return _PLACEHOLDER_RE.sub(substitute, pattern)


@lru_cache(maxsize=8)
def load_rules(rules_file: str = RULES_FILE) -> VerdictRules:
    """Read and compile a rules file shipped in `pipeline/features/` (cached)."""
    text = resources.files("pipeline.features").joinpath(rules_file).read_text(encoding="utf-8")
    return VerdictRules.from_json(json.loads(text))


def _ensure_extensions() -> None:
    for name in ("masked_text", "verdict_text"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("verdict_rule"):
        Span.set_extension("verdict_rule", default=None)


@Language.factory(
    "verdict_masker",
    default_config={"rules_file": RULES_FILE, "placeholder": None, "split_lines": True},
)
def make_verdict_masker(
    nlp: Language, name: str, rules_file: str, placeholder: str | None, split_lines: bool
) -> VerdictMasker:
    return VerdictMasker(
        name, rules_file=rules_file, placeholder=placeholder, split_lines=split_lines
    )


class VerdictMasker:
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
        self.rules = load_rules(rules_file)
        self.placeholder = self.rules.placeholder if placeholder is None else placeholder
        self.split_lines = split_lines
        self._sentencizer = Sentencizer()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("SENT_START"):
            doc = self._sentencizer(doc)
        if self.split_lines:
            _split_at_line_breaks(doc)
        verdicts: list[Span] = []
        kept: list[str] = []
        said: list[str] = []
        for sent in doc.sents:
            text = sent.text.strip()
            rule = self.rules.match(text) if text else None
            if rule is None:
                kept.append(sent.text_with_ws)
                continue
            span = Span(doc, sent.start, sent.end, label="VERDICT")
            span._.verdict_rule = rule
            verdicts.append(span)
            said.append(text)
            trailing = sent.text_with_ws[len(sent.text_with_ws.rstrip()) :]
            kept.append(self.placeholder + trailing if self.placeholder else trailing)
        doc.spans[SPAN_KEY] = verdicts
        doc._.masked_text = re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()
        doc._.verdict_text = " ".join(said)
        return doc


def _split_at_line_breaks(doc: Doc) -> None:
    """Start a new sentence after any token whose trailing whitespace holds a line break."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True


def build_masker(placeholder: str | None = None) -> Language:
    """`spacy.blank("en")` + sentencizer + verdict_masker (no model download)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("verdict_masker", config={"placeholder": placeholder})
    return nlp


@lru_cache(maxsize=4)
def _masker(placeholder: str | None) -> Language:
    return build_masker(placeholder)


def mask_verdicts(text: str, placeholder: str | None = None) -> str:
    """`text` with every verdict sentence replaced by the placeholder (default "[VERDICT]")."""
    return _masker(placeholder)(text or "")._.masked_text


def verdict_sentences(text: str) -> list[str]:
    """The verdict sentences of `text`, in order (what the decision reader looks at)."""
    return [span.text.strip() for span in _masker(None)(text or "").spans[SPAN_KEY]]


def mask_many(texts: list[str], placeholder: str | None = None) -> list[tuple[str, str]]:
    """(masked_text, verdict_text) for each text, via `nlp.pipe` (the batch path for features)."""
    nlp = _masker(placeholder)
    return [(d._.masked_text, d._.verdict_text) for d in nlp.pipe([t or "" for t in texts])]


def sentinel_hits(text: str) -> list[tuple[str, str]]:
    """Verdict phrases from the masker's own sentinel list found in `text` (should be none)."""
    return load_rules().sentinel_hits(text)
