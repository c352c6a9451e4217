"""What the letter pages show, as plain values for the templates (which escape every string).

Nothing here computes a fact about a letter: every value is read from the item records `imr
predict` writes and put in the words of `pipeline.core.display_names` and `pipeline.record.facts`.
The one thing made here is the highlighting of an item's rationale: the denial reasons'
evidence (`reasons`, offsets into the rationale), the sentences the reasoning model quotes
(`prediction.sentences`, when the models give them) and the rationale words its evidence names,
painted in that order of precedence where they overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.core.display_names import category_label, reason_label, review_label
from pipeline.record.facts import citation_text, frequency_text

# Highlight kinds, weakest first: a stronger one paints over a weaker one where they overlap.
TERM, SENTENCE, REASON = "term", "sentence", "reason"
_PRECEDENCE = (TERM, SENTENCE, REASON)
LEGEND = {
    REASON: "a denial reason",
    SENTENCE: "a sentence behind the probability",
    TERM: "a word the reasoning model weighs",
}
_REASONING_BLOCK = "reasoning__"


@dataclass(frozen=True)
class Mark:
    kind: str  # TERM, SENTENCE or REASON (the CSS class)
    label: str  # what the highlight stands for (its tooltip)


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Mark | None = None


@dataclass
class ItemView:
    number: int  # from 1
    record: dict[str, Any]
    segments: list[Segment] = field(default_factory=list)

    @property
    def marked(self) -> list[str]:
        """The kinds of highlight in the rationale, strongest first (the legend)."""
        kinds = {segment.mark.kind for segment in self.segments if segment.mark}
        return [kind for kind in reversed(_PRECEDENCE) if kind in kinds]

    @property
    def prediction(self) -> dict[str, Any]:
        return self.record.get("prediction") or {}

    @property
    def category(self) -> str:
        category = self.record.get("category")
        return category_label(category) if category else "-"

    @property
    def frequency(self) -> str:
        return frequency_text(self.record.get("frequency"))

    @property
    def quantity(self) -> str:
        quantity = self.record.get("quantity")
        return "-" if quantity is None else str(quantity)

    @property
    def guideline_limit(self) -> str:
        limit = self.record.get("guideline_limit")
        if not limit:
            return "no limit quoted in the rationale"
        exceeds = self.record.get("exceeds_guideline_limit")
        if exceeds is None:
            return frequency_text(limit)
        over = "goes over it" if exceeds else "is within it"
        return f"{frequency_text(limit)} (the request {over})"

    @property
    def citations(self) -> list[tuple[str, str]]:
        return [
            ("Claims Administrator", citation_text(self.record.get("claims_admin_guideline"))),
            ("MAXIMUS reviewer", citation_text(self.record.get("maximus_guideline"))),
        ]

    @property
    def review(self) -> list[str]:
        return [review_label(code) for code in self.record.get("review") or []]

    @property
    def reasons(self) -> list[dict[str, Any]]:
        return [
            {**reason, "label": reason_label(reason.get("code"))}
            for reason in self.record.get("reasons") or []
        ]

    @property
    def p_overturned(self) -> str:
        p = self.prediction.get("p_overturned_reasoning")
        return "-" if p is None else f"{p:.0%}"

    @property
    def evidence(self) -> list[dict[str, Any]]:
        return [
            {**e, "toward": "Overturned" if e.get("weight", 0) > 0 else "Upheld"}
            for e in self.prediction.get("evidence") or []
        ]

    @property
    def sentences(self) -> list[dict[str, Any]]:
        return list(self.prediction.get("sentences") or [])


@dataclass
class LetterView:
    number: int  # from 1, in upload order
    name: str  # the uploaded file's name
    case_number: str
    items: list[ItemView]
    problems: list[str]

    @property
    def decisions(self) -> str:
        counts: dict[str, int] = {}
        for item in self.items:
            decision = item.record.get("decision") or "no decision"
            counts[decision] = counts.get(decision, 0) + 1
        return ", ".join(f"{n} {decision}" for decision, n in counts.items())


def _spans_of(pattern: re.Pattern[str], text: str) -> Iterable[tuple[int, int]]:
    return ((m.start(), m.end()) for m in pattern.finditer(text))


def _quote_pattern(quote: str) -> re.Pattern[str] | None:
    """A quoted sentence as a pattern over the rationale: its words in order, any whitespace
    (or a masked verdict phrase's gap) between them."""
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def _term_pattern(term: str) -> re.Pattern[str] | None:
    words = term.split()
    if not words or not any(ch.isalpha() for ch in term):
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def highlight(text: str, record: dict[str, Any]) -> list[Segment]:
    """The rationale cut into segments, each marked by the strongest highlight over it."""
    marks: list[tuple[str, int, int, str]] = []  # (kind, start, end, label)
    for reason in record.get("reasons") or []:
        start, end = reason.get("start"), reason.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            marks.append((REASON, start, end, f"denial reason: {reason_label(reason.get('code'))}"))
    prediction = record.get("prediction") or {}
    for quoted in prediction.get("sentences") or []:
        pattern = _quote_pattern(str(quoted.get("sentence") or ""))
        found = pattern.search(text) if pattern else None
        if found:
            marks.append((SENTENCE, found.start(), found.end(),
                          "a sentence behind the reasoning model's probability"))  # fmt: skip
    for item in prediction.get("evidence") or []:
        name = str(item.get("name") or "")
        if not name.startswith(_REASONING_BLOCK):
            continue
        pattern = _term_pattern(name.removeprefix(_REASONING_BLOCK))
        if pattern is None:
            continue
        toward = "Overturned" if item.get("weight", 0) > 0 else "Upheld"
        label = f"word the reasoning model weighs (toward {toward})"
        marks.extend((TERM, a, b, label) for a, b in _spans_of(pattern, text))
    return paint(text, marks)


def paint(text: str, marks: Sequence[tuple[str, int, int, str]]) -> list[Segment]:
    """`text` as consecutive segments; where marks overlap, the higher kind in _PRECEDENCE
    (then the later mark) wins."""
    owner: list[Mark | None] = [None] * len(text)
    for kind, start, end, label in sorted(marks, key=lambda m: _PRECEDENCE.index(m[0])):
        mark = Mark(kind, label)
        owner[start:end] = [mark] * (end - start)
    segments: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or owner[i] is not owner[start]:
            segments.append(Segment(text[start:i], owner[start]))
            start = i
    return segments


def letter_views(
    records: Sequence[dict[str, Any]], problems: Sequence[dict[str, Any]], names: dict[str, str]
) -> list[LetterView]:
    """The records grouped into letters (a file and case number), in upload order; `names`
    maps a written file's name to what the user called it."""
    letters: dict[tuple[str, str], LetterView] = {}
    for record in records:
        source = str(record.get("source_file") or "")
        case = str(record.get("case_number") or "")
        key = (source, case)
        if key not in letters:
            shown = names.get(source, source)
            notes = [
                str(p.get("problem"))
                for p in problems
                if str(p.get("case_number") or "") == case
                and names.get(str(p.get("file") or ""), str(p.get("file"))) == shown
            ]
            letters[key] = LetterView(len(letters) + 1, shown, case, [], notes)
        number = int(record.get("issue_index") or 0) + 1
        view = ItemView(number, record)
        view.segments = highlight(str(record.get("rationale") or ""), record)
        letters[key].items.append(view)
    return list(letters.values())
