"""Which form of letter a text is, from its landmarks (never from offsets).

`landmarks.json` lists each known form with the landmarks that make it (a heading by name,
"label:<name>" for an item label, "statement_2013" for the 2013 numbered decisions; "a|b" for
either). A text that is none of them is rejected with the form it comes closest to and the
landmarks that form still lacks: a reason a person can act on, never an empty success.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.ingest.era2013 import is_2013_letter
from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Paragraph


@dataclass(frozen=True)
class FormMatch:
    name: str
    found: tuple[str, ...]  # the form's landmarks present (their first alternative's name)
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    def reason(self) -> str:
        """ "closest form: X (missing: ...)" for a rejection."""
        missing = "; ".join(LANDMARKS.landmark_names.get(n, n) for n in self.missing)
        return f"the closest known form is the {self.name} (missing {missing})"


def present_landmarks(paragraphs: Sequence[Paragraph]) -> set[str]:
    """Names of the landmarks present: headings and labels on any printed line or paragraph
    start, and the 2013 numbered decisions anywhere."""
    found: set[str] = set()
    texts = [p.text for p in paragraphs] + [line.text.strip() for p in paragraphs
                                            for line in p.lines]  # fmt: skip
    for text in texts:
        heading = LANDMARKS.heading_of(text)
        if heading is not None:
            found.add(heading)
        for name, pattern in LANDMARKS.labels.items():
            if pattern.match(text):
                found.add(f"label:{name}")
    if is_2013_letter("\n\n".join(p.text for p in paragraphs)):
        found.add("statement_2013")
    return found


def match_forms(paragraphs: Sequence[Paragraph]) -> list[FormMatch]:
    """Every known form, the closest (most of its landmarks present) first."""
    present = present_landmarks(paragraphs)
    matches = []
    for name, required in LANDMARKS.forms.items():
        found: list[str] = []
        missing: list[str] = []
        for landmark in required:
            options = landmark.split("|")
            hit = next((option for option in options if option in present), None)
            (found if hit else missing).append(hit or options[0])
        matches.append(FormMatch(name, tuple(found), tuple(missing)))
    order = {name: index for index, name in enumerate(LANDMARKS.forms)}
    return sorted(matches, key=lambda m: (len(m.missing) / (len(m.found) + len(m.missing)),
                                          order[m.name]))  # fmt: skip


def closest_form(paragraphs: Sequence[Paragraph]) -> FormMatch:
    return match_forms(paragraphs)[0]
