"""The letter pages' highlights: a view of the spans the tag stage keeps on the record.

The tag stage stores each tagged span on the item record (`Item.spans`: the disputed item's
and the rationale's) and on the letter record (`Letter.summary_spans`), with character offsets
into the text it was found in (`pipeline.tagging.records.doc_spans`). Nothing is tagged again
and nothing is matched by order or text: a page shows the spans of the record it shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.record import Span
from pipeline.tagging.treatments import LexEntry

# kind of span -> the label shown on its bar
KINDS = {
    "treatment": "TREATMENT",
    "frequency": "FREQUENCY",
    "quantity": "QUANTITY",
    "limit": "GUIDELINE LIMIT",
    "verdict": "VERDICT",
}


@dataclass(frozen=True)
class Mark:
    """One highlighted span: character offsets into its text, kind, label and a tooltip."""

    start: int
    end: int
    kind: str
    label: str
    title: str = ""


def _title(span: Span) -> str:
    if span.kind == "treatment":
        entry = LexEntry.from_label(span.label)
        return f"{entry.name} ({entry.category})" if entry else span.label
    return json.dumps(span.value) if span.value is not None else ""


def marks(spans: Iterable[Span], source: str) -> list[Mark]:
    """The marks of the spans found in the text `source` names, sorted by start, longest
    first."""
    found = [
        Mark(s.start, s.end, s.kind, KINDS.get(s.kind, s.kind.upper()), _title(s))
        for s in spans
        if s.source == source
    ]
    return sorted(found, key=lambda m: (m.start, -m.end))
