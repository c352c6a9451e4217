"""The landmarks of a letter (`landmarks.json`): what every form of it keeps, layout or not.

The one place a heading, a label or a header field is written: the segmenter, the letter
parser, the form detector and the furniture finder all read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules.files import load_rules

_FLAGS = re.IGNORECASE


_END = re.compile(r"\$(?=\)?$)")  # a pattern's end anchor ("...$", "(?::|$)")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One pattern matching any of them (their named groups unnamed: names may repeat)."""
    return re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', p)})" for p in patterns), _FLAGS)


@dataclass(frozen=True)
class HeaderField:
    label: str  # the label's pattern (a piece of one alternation)
    value: str  # which of `header_values` it takes


@dataclass(frozen=True)
class PartialForm:
    """A partial certification: the phrase before the remaining portion, and what must come
    before it."""

    lead_in: re.Pattern[str]
    required: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Landmarks:
    letter_start: re.Pattern[str]
    header: re.Pattern[str]
    header_fields: dict[str, HeaderField]
    header_values: dict[str, re.Pattern[str]]
    headings: dict[str, re.Pattern[str]]
    heading: re.Pattern[str]  # any of them
    heading_opener: re.Pattern[str]  # any of them opening a longer line ("HEADING Text ...")
    intros: dict[str, re.Pattern[str]]
    intro: re.Pattern[str]  # any of them
    labels: dict[str, re.Pattern[str]]
    label_order: tuple[str, ...]
    decision_only: re.Pattern[str]
    sentence_end: re.Pattern[str]
    page_number: re.Pattern[str]
    bare_page_number: re.Pattern[str]
    page_footer: re.Pattern[str]
    furniture_shape: re.Pattern[str]
    case_number: re.Pattern[str]
    partial_head: re.Pattern[str]
    partial_tail: re.Pattern[str]
    partial_forms: tuple[PartialForm, ...]
    credentials: dict[str, re.Pattern[str]]
    forms: dict[str, tuple[str, ...]]
    landmark_names: dict[str, str]

    @classmethod
    def load(cls, name: str = "landmarks.json") -> Landmarks:
        rules = load_rules(name, package=__package__, kind="landmarks.json")
        headings = rules["headings"]
        intros = rules["intros"]
        return cls(
            letter_start=re.compile(rules["letter_start"], _FLAGS),
            header=re.compile(rules["header"], _FLAGS),
            header_fields={
                k: HeaderField(v["label"], v["value"]) for k, v in rules["header_fields"].items()
            },  # fmt: skip
            # Case-sensitive: a case number is upper case, a date digits (priority says (?i:)).
            header_values={k: re.compile(v) for k, v in rules["header_values"].items()},
            headings={k: re.compile(v, _FLAGS) for k, v in headings.items()},
            heading=_any(list(headings.values())),
            heading_opener=_any([_END.sub("", h) + r"(?=\s+[A-Z])" for h in headings.values()]),
            intros={k: re.compile(v, _FLAGS) for k, v in intros.items()},
            intro=_any(list(intros.values())),
            labels={k: re.compile(v, _FLAGS) for k, v in rules["labels"].items()},
            label_order=tuple(rules["label_order"]),
            decision_only=re.compile(rules["decision_only"], _FLAGS),
            sentence_end=re.compile(rules["sentence_end"]),
            page_number=re.compile(rules["page_number"], _FLAGS),
            bare_page_number=re.compile(rules["bare_page_number"]),
            page_footer=re.compile(rules["furniture"]["page_footer"], _FLAGS),
            furniture_shape=re.compile(rules["furniture"]["shape"]),
            case_number=re.compile(rules["header_values"]["case"]),
            partial_head=re.compile(rules["partial_head"], _FLAGS),
            partial_tail=re.compile(rules["partial_tail"], _FLAGS),
            partial_forms=tuple(
                PartialForm(
                    re.compile(form["lead_in"], _FLAGS),
                    tuple(re.compile(p, _FLAGS) for p in form["required"]),
                )
                for form in rules["partial_forms"]
            ),  # fmt: skip
            credentials={
                k: re.compile(v, _FLAGS | re.S) for k, v in rules["credentials"].items()
            },  # fmt: skip
            forms={k: tuple(v) for k, v in rules["forms"].items()},
            landmark_names=dict(rules["landmark_names"]),
        )

    def kind(self, line: str) -> str:
        """What one printed line is: "letter_start", "header", "heading", "intro",
        "label:<name>", "decision" or plain "text"."""
        if self.letter_start.match(line):
            return "letter_start"
        for name, pattern in self.labels.items():
            if pattern.match(line):
                return f"label:{name}"
        if self.heading.match(line):
            return "heading"
        if self.intro.match(line):
            return "intro"
        if self.decision_only.match(line):
            return "decision"
        if self.header.match(line):
            return "header"
        return "text"

    def is_landmark(self, line: str) -> bool:
        return self.kind(line) != "text"

    def label_order_of(self, kind: str) -> int:
        return self.label_order.index(kind.removeprefix("label:"))

    def heading_of(self, text: str) -> str | None:
        """The name of the heading a paragraph (or line) opens with, or None."""
        return next((name for name, p in self.headings.items() if p.match(text)), None)

    def strip_intro(self, name: str, text: str) -> str:
        """`text` without the intro sentence `name` that opens it (up to its colon)."""
        match = self.intros[name].match(text)
        if match is None:
            return text
        colon = text.find(":", match.end(), match.end() + 300)
        return text[colon + 1 :].lstrip() if colon >= 0 else text[match.end() :].lstrip()


LANDMARKS = Landmarks.load()
