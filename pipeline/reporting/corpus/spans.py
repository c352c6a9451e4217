"""The tagged spans of each text, for the letter pages, without tagging anything twice.

`tag_records` discards its spaCy Docs once it has read their values. The report's pipeline is
the project's own (`build_nlp`) plus one last component, `imr_report_spans`, that copies each
Doc's spans (character offsets, kind, label) into a buffer as the Doc passes. `tag_records`
runs its passes (requests, rationales, case summaries) in order, so after it returns the buffer
holds one entry per text in that order; `take` hands each text its spans and checks the text
matches, so a change in `tag_records`' order costs the highlighting, never wrong highlights.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.tagging.treatments import LexEntry

FACTORY = "imr_report_spans"

# doc.spans key -> (kind shown on the page, label shown on the bar)
KINDS = {
    "treatments": ("treatment", "TREATMENT"),
    "frequencies": ("frequency", "FREQUENCY"),
    "quantities": ("quantity", "QUANTITY"),
    "guideline_limits": ("limit", "GUIDELINE LIMIT"),
    "verdicts": ("verdict", "VERDICT"),
}


@dataclass(frozen=True)
class Mark:
    """One highlighted span: character offsets into its text, kind, label and a tooltip."""

    start: int
    end: int
    kind: str
    label: str
    title: str = ""


class SpanBuffer:
    """What the recorder saw, in order: (text, marks) per Doc."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, list[Mark]]] = []
        self.position = 0

    def clear(self) -> None:
        self.entries.clear()
        self.position = 0

    def take(self, text: str) -> list[Mark] | None:
        """The marks of the next recorded Doc if its text is `text`, else None (the buffer is
        then out of step: every later `take` gives None too)."""
        if self.position >= len(self.entries) or self.entries[self.position][0] != text:
            self.position = len(self.entries) + 1
            return None
        marks = self.entries[self.position][1]
        self.position += 1
        return marks


BUFFER = SpanBuffer()


# doc.spans key -> the Span extension holding the value the tooltip shows
VALUES = {"frequencies": "frequency", "quantities": "quantity", "guideline_limits": "limit"}


def _title(key: str, span: Any) -> str:
    if key == "treatments":
        entry = LexEntry.from_label(span.label_)
        return f"{entry.name} ({entry.category})" if entry else span.label_
    value = VALUES.get(key)
    if value and span.has_extension(value):
        found = getattr(span._, value)
        if found is not None:
            return json.dumps(found)
    return ""


class SpanRecorder:
    """Last pipeline component: records the Doc's spans in BUFFER, changes nothing."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        marks = []
        for key, (kind, label) in KINDS.items():
            if key in doc.spans:
                marks.extend(
                    Mark(s.start_char, s.end_char, kind, label, _title(key, s))
                    for s in doc.spans[key]
                )
        marks.sort(key=lambda m: (m.start, -m.end))
        BUFFER.entries.append((doc.text, marks))
        return doc


@Language.factory(FACTORY)
def make_span_recorder(nlp: Language, name: str) -> SpanRecorder:
    return SpanRecorder(name)


def build_recording_nlp(models_dir: Path | None = None) -> Language:
    """The project's tagging pipeline (the models' own when `models_dir` is given) with the
    recorder added last."""
    from pipeline.modeling.loaded import tagging_nlp

    nlp = tagging_nlp(models_dir)
    nlp.add_pipe(FACTORY, last=True)
    return nlp
