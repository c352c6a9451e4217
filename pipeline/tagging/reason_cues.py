"""`imr_reason_cues`: cues of the denial-reason codes in each sentence of a rationale.

The codebook (../shared/REASONS.md) names why IMR upheld a denial: "no documentation of
functional improvement", "no red flags", "exceeds the recommended 6 visits"... Most of those
grounds are a thing the records do *not* show, so a cue counts only in the right negation
scope. The rules (`reason_cues.json`, beside this file) are spaCy Matcher token patterns:

* cues, each with its code and scope: `negated` (only inside a negation's scope),
  `affirmed` (only outside one) or `any`;
* NegEx triggers (Chapman et al. 2001, as negspaCy uses them): a `preceding` trigger ("no",
  "lack of", "failed to") negates what follows it, a `following` one ("... was not
  documented") what precedes it, each up to `window` tokens within the sentence and never past
  a `termination` token ("but", "however", ";"); a trigger inside a `pseudo` match ("not only",
  "no longer") is no trigger; a trigger inside the cue itself is not its own negation.

Sentences are the pipeline's (the verdict masker's sentencizer and line breaks run before this
component). Sets

* `Doc._.reason_sentences`: one dict per non-blank sentence, `{"start", "end", "cues"}`:
  character offsets of the stripped sentence in the text and the sorted codes cued in it (the
  reason classifier's input: `pipeline.modeling.reasons`);
* `doc.spans["reason_cues"]`: each firing cue, labelled with its code (`Span._.reason_cue` is
  the cue's name, `Span._.negated` whether a negation scopes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.rules import files as rulefiles
from pipeline.tagging._persist import RuleFiles
from pipeline.tagging._resources import doc_text, ensure_doc_extension, ensure_span_extension
from pipeline.tagging.errors import ErrorHandling, guarded
from pipeline.tagging.word_patterns import WordPatternMatcher

RULES_FILE = "reason_cues.json"
SPAN_KEY = "reason_cues"
TRIGGER_KINDS = ("preceding", "following", "pseudo", "termination")


@dataclass(frozen=True)
class Cue:
    name: str
    code: str
    scope: str  # "negated" | "affirmed" | "any"


@dataclass(frozen=True)
class CueRules:
    """Compiled `reason_cues.json`: one Matcher of cues, one of negation triggers."""

    window: int
    cues: dict[str, Cue]
    data: dict[str, Any]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CueRules:
        cues = {row["name"]: Cue(row["name"], row["code"], row["scope"]) for row in data["cues"]}
        if len(cues) != len(data["cues"]):
            raise rulefiles.RuleFileError(f"{RULES_FILE}: two cues share a name")
        return cls(window=int(data["window"]), cues=cues, data=data)

    def matchers(self, vocab: Vocab) -> tuple[WordPatternMatcher, WordPatternMatcher]:
        """(cue matcher keyed by cue name, trigger matcher keyed by trigger kind), built on
        `vocab`; spaCy validates every pattern here. The patterns are exact words, so they run
        as phrases (`word_patterns`: the Matcher's matches, many times faster)."""
        cues, triggers = WordPatternMatcher(vocab), WordPatternMatcher(vocab)
        for row in self.data["cues"]:
            cues.add(row["name"], _patterns(row["patterns"]))
        for kind in TRIGGER_KINDS:
            patterns = self.data["negation"].get(kind) or []
            if patterns:
                triggers.add(kind, _patterns(patterns))
        return cues, triggers


def _patterns(patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """The file's token dicts as Matcher patterns (a JSON `{"IN": ...}` is already one)."""
    return [[dict(token) for token in pattern] for pattern in patterns]


def load_rules(rules_file: str = RULES_FILE, folder: Path | None = None) -> CueRules:
    if folder is not None:  # a saved component's own copy
        return _compile(rules_file, folder)
    return _load_package_rules(rules_file)


def _compile(rules_file: str, folder: Path | None = None) -> CueRules:
    return CueRules.from_json(rulefiles.load_rules(rules_file, folder, kind=RULES_FILE))


_load_package_rules = lru_cache(maxsize=4)(_compile)


def _ensure_extensions() -> None:
    ensure_doc_extension("reason_sentences")
    ensure_span_extension("reason_cue")
    ensure_span_extension("negated", default=False)


@Language.factory(
    "imr_reason_cues",
    default_config={"rules_file": RULES_FILE},
    assigns=["doc.spans", "doc._.reason_sentences"],
)
def make_reason_cues(nlp: Language, name: str, rules_file: str) -> ReasonCues:
    return ReasonCues(nlp.vocab, name, rules_file=rules_file)


class ReasonCues(RuleFiles, ErrorHandling):
    """Finds reason cues in their negation scope, sentence by sentence."""

    def __init__(
        self, vocab: Vocab, name: str = "imr_reason_cues", rules_file: str = RULES_FILE
    ) -> None:
        _ensure_extensions()
        self.vocab = vocab
        self.name = name
        self.rule_files = (rules_file,)
        self._matchers: tuple[WordPatternMatcher, WordPatternMatcher] | None = None
        self._sentencizer = Sentencizer()

    def _build(self, folder: Path | None) -> CueRules:
        self._matchers = None  # rebuilt from the new rules on first use
        return load_rules(self.rule_files[0], folder)

    @property
    def matchers(self) -> tuple[WordPatternMatcher, WordPatternMatcher]:
        if self._matchers is None:
            self._matchers = self.rules.matchers(self.vocab)
        return self._matchers

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("SENT_START"):  # alone, without the verdict masker before it
            self._sentencizer(doc)
        rules: CueRules = self.rules
        cue_matcher, trigger_matcher = self.matchers
        strings = self.vocab.strings
        triggers: dict[str, list[tuple[int, int]]] = {kind: [] for kind in TRIGGER_KINDS}
        for key, start, end in trigger_matcher(doc):
            triggers[strings[key]].append((start, end))
        pseudo = triggers["pseudo"]
        negators = {
            kind: [t for t in triggers[kind] if not _inside_any(t, pseudo)]
            for kind in ("preceding", "following")
        }
        terminations = sorted(start for start, _ in triggers["termination"])
        fired: list[Span] = []
        for key, start, end in cue_matcher(doc):
            cue = rules.cues[strings[key]]
            negated = _negated(doc, start, end, negators, terminations, rules.window)
            if cue.scope == "any" or (cue.scope == "negated") == negated:
                span = Span(doc, start, end, label=cue.code)
                span._.reason_cue, span._.negated = cue.name, negated
                fired.append(span)
        doc.spans[SPAN_KEY] = fired
        doc._.reason_sentences = _sentences(doc, fired)
        return doc


def _inside_any(span: tuple[int, int], covers: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in covers)


def _negated(
    doc: Doc,
    start: int,
    end: int,
    negators: dict[str, list[tuple[int, int]]],
    terminations: list[int],
    window: int,
) -> bool:
    """Whether a trigger's scope, within the cue's sentence, reaches the cue [start, end)."""
    sentence = doc[start].sent
    low, high = sentence.start, sentence.end

    def clear(a: int, b: int) -> bool:  # no termination token in [a, b)
        return not any(a <= t < b for t in terminations)

    for t_start, t_end in negators["preceding"]:
        if low <= t_start and t_end <= start and start - t_end <= window and clear(t_end, start):
            return True
    for t_start, t_end in negators["following"]:
        if end <= t_start and t_end <= high and t_start - end <= window and clear(end, t_start):
            return True
    return False


def _sentences(doc: Doc, fired: list[Span]) -> list[dict[str, Any]]:
    """Each non-blank sentence's stripped character span and the codes cued in it."""
    text = doc_text(doc)
    out = []
    for sentence in doc.sents:
        begin, finish = sentence.start_char, sentence.end_char
        chunk = text[begin:finish]
        stripped = chunk.strip()
        if not stripped:
            continue
        begin += len(chunk) - len(chunk.lstrip())
        codes = sorted({s.label_ for s in fired if sentence.start <= s.start < sentence.end})
        out.append({"start": begin, "end": begin + len(stripped), "cues": codes})
    return out


def cue_sentences(text: str) -> list[dict[str, Any]]:
    """`Doc._.reason_sentences` of `text` through a blank pipeline + verdict masker + this
    component (the pure-function form, for tests and single texts)."""
    return _cue_nlp()(text or "")._.reason_sentences


def cue_spans(text: str) -> list[tuple[str, str, str, bool]]:
    """(matched text, code, cue name, negated) of every cue firing in `text`."""
    doc = _cue_nlp()(text or "")
    return [(s.text, s.label_, s._.reason_cue, s._.negated) for s in doc.spans[SPAN_KEY]]


@lru_cache(maxsize=1)
def _cue_nlp() -> Language:
    from pipeline.tagging.verdicts import build_masker

    nlp = build_masker()
    nlp.add_pipe("imr_reason_cues")
    return nlp
