"""The landmarks of a letter (`landmarks.json`): what every form of it keeps, layout or not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules.files import load_rules

_FLAGS = re.IGNORECASE


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


@dataclass(frozen=True)
class Landmarks:
    letter_start: re.Pattern[str]
    header: re.Pattern[str]
    heading: re.Pattern[str]
    intro: re.Pattern[str]
    labels: dict[str, re.Pattern[str]]
    label_order: tuple[str, ...]
    decision_only: re.Pattern[str]
    sentence_end: re.Pattern[str]
    page_number: re.Pattern[str]
    bare_page_number: re.Pattern[str]
    partial_head: re.Pattern[str]
    partial_tail: re.Pattern[str]

    @classmethod
    def load(cls, name: str = "landmarks.json") -> Landmarks:
        rules = load_rules(name, package=__package__, kind="landmarks.json")
        return cls(
            letter_start=re.compile(rules["letter_start"], _FLAGS),
            header=re.compile(rules["header"], _FLAGS),
            heading=_any(rules["headings"]),
            intro=_any(rules["intros"]),
            labels={k: re.compile(v, _FLAGS) for k, v in rules["labels"].items()},
            label_order=tuple(rules["label_order"]),
            decision_only=re.compile(rules["decision_only"], _FLAGS),
            sentence_end=re.compile(rules["sentence_end"]),
            page_number=re.compile(rules["page_number"], _FLAGS),
            bare_page_number=re.compile(rules["bare_page_number"]),
            partial_head=re.compile(rules["partial_head"], _FLAGS),
            partial_tail=re.compile(rules["partial_tail"], _FLAGS),
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


LANDMARKS = Landmarks.load()
