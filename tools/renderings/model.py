"""One letter as `imr` reads it, ready to be written again in another form.

Everything here comes from the pipeline's own reading of the original file (its paragraphs with
their bold runs, the header fields, the items ingest finds and the citations the tagger parses),
never from the answer key: a rendering carries what the original carried, so comparing its
items with the answer key measures how the pipeline copes with the form alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Paragraph
from pipeline.ingest.letter import parse_letter
from pipeline.ingest.sources import read_source
from pipeline.tagging.citations import parse_citation
from tools.renderings.pdf_writer import Run

_DECISION_TAIL = re.compile(
    r"(?P<sep>[\s:(\[\"'*-]*)(?P<word>Upheld|Overturned)(?P<end>[\s.!)\]\"'*]*)$"
)
_HOW = re.compile(r"^HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE\b", re.I)
_SUMMARY = re.compile(r"^CLINICAL\s+CASE\s+SUMMARY\b", re.I)
_CREDENTIALS = re.compile(r"^The\s+Expert\s+Reviewer\s+has\s+the\s+following\s+credentials", re.I)
# A printed line this much shorter than a full one ended where its writer broke it (a list, the
# credentials lines): renderings keep that break at any line width.
_SHORT_LINE = 0.6


@dataclass
class Block:
    """One paragraph as printed: its kind, its runs of regular/bold text, centred or not."""

    kind: str  # "header", "heading", "intro", "request", "label", "body"
    runs: list[Run]
    center: bool = False

    @property
    def text(self) -> str:
        return " ".join(" ".join(t.split()) for t, _ in self.runs if t.strip())


@dataclass
class Item:
    request: str  # the request paragraph without its decision word, as ingest read it
    decision: str | None
    claims_text: str | None
    maximus_text: str | None
    claims: dict[str, Any] | None  # CITATION objects, as the tagger parses the texts
    maximus: dict[str, Any] | None
    rationale: list[str]  # paragraphs


@dataclass
class LetterModel:
    stem: str
    case_number: str
    header: dict[str, Any]  # ingest's letter record: dates, priority, specialty, licensure
    blocks: list[Block]
    items: list[Item]
    how: list[str] = field(default_factory=list)  # "HOW THE IMR ..." body paragraphs
    summary: list[str] = field(default_factory=list)  # clinical case summary paragraphs


def _full_line(paragraphs: list[Paragraph]) -> int:
    lengths = sorted(len(line.text) for p in paragraphs for line in p.lines)
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _body_runs(paragraph: Paragraph, full: int) -> list[Run]:
    """The paragraph's text with its writer's own short-line breaks kept."""
    lines = [line.text.strip() for line in paragraph.lines]
    out: list[str] = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        out.append(line + ("" if last else ("\n" if len(line) < _SHORT_LINE * full else " ")))
    bold = bool(paragraph.starts_bold)
    return [("".join(out), bold)]


def _label_runs(text: str, name: str) -> list[Run]:
    match = LANDMARKS.labels[name].match(text)
    assert match is not None
    return [(text[: match.end()] + " ", True), (text[match.end() :].strip(), False)]


def _request_runs(text: str) -> list[Run]:
    tail = _DECISION_TAIL.search(text)
    if tail is None:
        return [(text, True)]
    return [(text[: tail.start("word")], True), (text[tail.start("word") :], False)]


def blocks_of(paragraphs: list[Paragraph]) -> list[Block]:
    full = _full_line(paragraphs)
    blocks: list[Block] = []
    seen_heading = False
    for paragraph in paragraphs:
        text = paragraph.text
        kind = LANDMARKS.kind(text)
        if kind == "heading":
            seen_heading = True
            blocks.append(Block("heading", [(text, True)], center=True))
        elif not seen_heading:
            blocks.append(
                Block("header", [(line.text.strip() + "\n", False) for line in paragraph.lines])
            )
        elif kind.startswith("label:"):
            blocks.append(Block("label", _label_runs(text, kind.removeprefix("label:"))))
        elif kind == "intro":
            blocks.append(Block("intro", [(text, False)]))
        elif paragraph.starts_bold:
            blocks.append(Block("request", _request_runs(text)))
        else:
            blocks.append(Block("body", _body_runs(paragraph, full)))
    return blocks


def _how_paragraphs(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    inside = False
    for block in blocks:
        if block.kind == "heading":
            inside = bool(_HOW.match(block.text))
            continue
        if inside and block.kind == "body" and not _CREDENTIALS.match(block.text):
            out.append(block.text)
    return out


def read_letter(path: Path) -> LetterModel:
    """The letter at `path` as the pipeline reads it (ValueError: not a letter it can read)."""
    paragraphs, _ = read_source(path)
    parsed = parse_letter(paragraphs, path.name, path.stem)
    items = []
    for raw in parsed.items:
        claims_text, maximus_text = (
            raw["claims_admin_guideline_text"],
            raw["maximus_guideline_text"],
        )
        items.append(
            Item(
                request=raw["request_text"],
                decision=raw["decision"],
                claims_text=claims_text,
                maximus_text=maximus_text,
                claims=parse_citation(claims_text) if claims_text is not None else None,
                maximus=parse_citation(maximus_text) if maximus_text is not None else None,
                rationale=[p for p in (raw["rationale"] or "").split("\n\n") if p.strip()],
            )
        )
    blocks = blocks_of(list(paragraphs))
    summary = [p for p in parsed.letter["clinical_case_summary"].split("\n\n") if p.strip()]
    return LetterModel(
        stem=path.stem,
        case_number=parsed.letter["case_number"],
        header=parsed.letter,
        blocks=blocks,
        items=items,
        how=_how_paragraphs(blocks),
        summary=summary,
    )
