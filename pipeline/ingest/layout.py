"""Lines with position and weight -> paragraphs, the way a reader sees them.

A new paragraph starts where the vertical gap is larger than wrapped lines have, or where bold
type starts after a regular line (request paragraphs and labels are bold). Across a page break a
paragraph goes on unless bold starts after regular text. Text files
carry no layout: `segment.py` rebuilds their paragraphs from the letter's landmarks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

# Wrapped lines sit ~14 pt apart and paragraphs ~27 pt (baseline to baseline) in the letters.
PARAGRAPH_GAP_PT = 20.0

# pdfium marks a hyphen that ended a printed line with U+FFFE; the printed character was "-".
_LINE_END_HYPHEN = "\ufffe"
_ONLY_SPACES = frozenset(
    "".join(chr(c) for c in range(128) if not chr(c).isspace() or chr(c) == " ")
)
_SPACES = re.compile(r"\s+")  # every Unicode space (U+2003 ...), so no regex sees runs of them


class Line(NamedTuple):
    """One printed line. `baseline` grows down the page; None when the source has no layout.
    `ends_bold` is None also where no paragraph break depends on it (see pdf.py).
    (A named tuple: PDFs make one per printed line, and a tuple is the cheapest to build.)"""

    text: str
    page: int = 0
    baseline: float | None = None
    starts_bold: bool | None = None
    ends_bold: bool | None = None
    confidence: float | None = None  # OCR's mean word confidence (0-100); None: not OCR
    hidden_text: bool = False  # hidden text was dropped on or near this line (hidden_text.py)


@dataclass(frozen=True, slots=True)
class Paragraph:
    lines: tuple[Line, ...]
    text: str  # the lines joined as a reader reads them
    # True where a text without layout gave no firm cue for where this paragraph starts.
    start_inferred: bool = False

    @classmethod
    def of(cls, lines: Sequence[Line], start_inferred: bool = False) -> Paragraph:
        return cls(tuple(lines), join_lines(line.text for line in lines), start_inferred)

    @property
    def starts_bold(self) -> bool | None:
        return self.lines[0].starts_bold


def clean_line(text: str) -> str:
    text = text.replace(_LINE_END_HYPHEN, "-")
    # Only where the regex would change something: a run of spaces or any other space character.
    if not text.isascii() or "  " in text or not _ONLY_SPACES.issuperset(text):
        text = _SPACES.sub(" ", text)
    return text.strip()


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines with one space, but keep a word that a line break split in one piece."""
    lines = list(lines)
    plain = " ".join(lines)
    # The usual paragraph: stripped printable-ASCII lines with single spaces, none ending in a
    # hyphen. Each line is then already clean and they join with a space (checked on the
    # joined text at once: a loop over the lines cost more than the rest of the parsing).
    if (
        plain.isascii()
        and "  " not in plain
        and "- " not in plain
        and not plain.startswith(" ")
        and not plain.endswith(" ")
        and _ONLY_SPACES.issuperset(plain)
    ):
        return plain
    return _join_one_by_one(lines)


def _join_one_by_one(lines: Iterable[str]) -> str:
    out = ""
    for raw in lines:
        line = clean_line(raw)
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and not out[-2:-1].isspace():
            out += line  # "long-" + "standing": the hyphen is printed, no space was
        elif out.endswith("\u00ad"):
            out = out[:-1] + line  # a soft hyphen only marked where the word was split
        else:
            out += " " + line
    return out


def _starts_paragraph(prev: Line, line: Line) -> bool:
    if line.starts_bold and prev.ends_bold is False:
        return True
    if prev.page != line.page or prev.baseline is None or line.baseline is None:
        return False
    return line.baseline - prev.baseline > PARAGRAPH_GAP_PT


def paragraphs_from_lines(lines: Sequence[Line]) -> list[Paragraph]:
    """Group laid-out lines (blank ones already dropped) into paragraphs."""
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        if current and _starts_paragraph(current[-1], line):
            paragraphs.append(Paragraph.of(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(Paragraph.of(current))
    return paragraphs
