"""Page furniture out of a letter's printed lines, before any paragraph is built.

Every text source (a PDF's text layer, a text export with or without form feeds, OCR) reaches
this module as `Line`s in reading order; it returns them without page numbers, running
headers and footers, so a request or a citation never carries "Page 2 of 5" or the letterhead,
and a paragraph cut by a page break joins again (its two halves become adjacent lines).

What is furniture (`landmarks.json`, "furniture"):
- a page number ("Page N of M", "- N -") anywhere, a bare number ("3", "3 of 5") at a page edge,
  and a short line ending in "Page N of M" (a footer that also prints a case number or a date);
- a short line at a page edge (the first page's top aside) that carries the letter's own case
  number ("Independent Medical Review - CM16-0000000"), even where it is printed only once;
- a line at a page edge that repeats on most pages, the same once its page number is blanked,
  in the same slot of each page and, in a PDF, at the same height (a running header:
  letterhead, "Case Number: CM16-0000000", a printed date).

Page edges come from the source's pages (a PDF's pages, form feeds, OCR pages). Where the page
breaks were lost (a plain text export), every page-number line marks one: the lines next to it
are edge lines, so a header printed just after a footer in the middle of the text is found too.

The first occurrence of a repeated line at the very top of the letter stays: that is the
letterhead or title on the first page ("MEDICAL PROFESSIONAL REVIEW", "Case Number: ..."),
which the form and header readers need once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Line

# Lines from a page boundary that count as its header or footer.
EDGE_DEPTH = 2
# A running header/footer line is short; a full line of prose is not furniture.
MAX_FURNITURE_CHARS = 120
# The case number stands in a letter's first lines (its header block or letterhead).
CASE_NUMBER_LINES = 12
# A running header or footer is printed at one height on every page (PDF lines, in points).
BASELINE_PT = 3.0

# "page 2 of 5", "page 2", "2 of 5", "- 2 -" inside a line; a bare number at either end.
_PAGE_PHRASE = re.compile(r"\bpage\s+\d+(?:\s*(?:of|/)\s*\d+)?|\b\d+\s+of\s+\d+\b|-\s*\d+\s*-")
_EDGE_NUMBER = re.compile(r"^\d{1,4}\b|\b\d{1,4}$")
_SPACES = re.compile(r"\s+")


def furniture_key(text: str) -> str:
    """A line without its page number: "Case CM16-0000001 Page 2 of 5" and "... Page 3 of 5"
    are one footer. Other numbers stay: two pasted letters keep two case numbers, and prose
    lines that differ only in a number stay different."""
    text = _SPACES.sub(" ", text.strip().casefold())
    text = _PAGE_PHRASE.sub("#", text)
    return _EDGE_NUMBER.sub("#", text)


def is_page_number(text: str) -> bool:
    """A line that is only a page number, or a short footer ending in "Page N of M"."""
    return bool(LANDMARKS.page_number.match(text)) or (
        len(text) <= MAX_FURNITURE_CHARS and bool(LANDMARKS.page_footer.search(text))
    )


@dataclass(frozen=True)
class Furniture:
    """What `find_furniture` found: the line indices to drop and the repeated keys."""

    dropped: frozenset[int]
    running: frozenset[str]


def _boundaries(lines: Sequence[Line]) -> list[int]:
    """Indices where a page starts: a change of page, or the line after a page-number line
    (page breaks lost). 0 is always one."""
    starts = {0}
    for index in range(1, len(lines)):
        if lines[index].page != lines[index - 1].page or is_page_number(lines[index - 1].text):
            starts.add(index)
    return sorted(starts)


def _edges(lines: Sequence[Line], starts: Sequence[int]) -> dict[int, tuple[int, str]]:
    """{line index at a page edge: (its page, its slot)}, counted from the boundaries.

    The first and last EDGE_DEPTH lines of every page, page-number lines not counted (a footer
    "Case CM16-... / Page 2 of 5" has its case line just above the page number). The slot
    ("top0", "bottom1", ...) says where on its page: a running header stands in the same slot
    on every page, while a sentence a letter repeats lands wherever the text flows."""
    edges: dict[int, tuple[int, str]] = {}
    ends = [*starts[1:], len(lines)]
    for page, (start, end) in enumerate(zip(starts, ends, strict=True)):
        body = [i for i in range(start, end) if not is_page_number(lines[i].text)]
        for offset, index in enumerate(reversed(body[-EDGE_DEPTH:])):
            edges[index] = (page, f"bottom{offset}")
        for offset, index in enumerate(body[:EDGE_DEPTH]):
            edges[index] = (page, f"top{offset}")
        for index in range(start, end):
            if is_page_number(lines[index].text):
                edges[index] = (page, "number")
    return edges


def _same_place(lines: Sequence[Line], indices: list[int]) -> list[int]:
    """The occurrences printed at the same height (within BASELINE_PT of the median) where the
    lines carry positions (a PDF); all of them otherwise."""
    placed = [i for i in indices if lines[i].baseline is not None]
    if not placed:
        return indices
    heights = sorted(b for i in placed if (b := lines[i].baseline) is not None)
    median = heights[len(heights) // 2]
    return [i for i in indices if lines[i].baseline is None
            or abs(lines[i].baseline - median) <= BASELINE_PT]  # type: ignore[operator]  # fmt: skip


def _letter_case_number(lines: Sequence[Line]) -> str | None:
    """The case number the letter opens with (in its first lines), or None. Two letters pasted
    into one file have two: the second one's header is never taken for furniture."""
    for line in lines[:CASE_NUMBER_LINES]:
        match = LANDMARKS.case_number.search(line.text)
        if match:
            return match.group(0)
    return None


def _looks_like_furniture(text: str) -> bool:
    """Where a line repeats on two pages only (a line of text the letter repeats can end two
    full pages at the same height): a case number, a date, or capitals only (letterhead). A
    line printed next to other furniture on each of its pages (the letterhead line above a
    case-number line) is furniture too."""
    return bool(LANDMARKS.furniture_shape.search(text))


def _candidate(text: str) -> bool:
    """A line that may be a running header or footer: short, and no item label, heading or
    decision word (those repeat by nature: every item has its labels)."""
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    kind = LANDMARKS.kind(text)
    return kind in ("text", "letter_start", "header")


def find_furniture(lines: Sequence[Line]) -> Furniture:
    """The lines of a letter that are page furniture (see the module doc)."""
    starts = _boundaries(lines)
    pages = len(starts)
    edges = _edges(lines, starts) if pages > 1 else {}
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if (
            is_page_number(line.text)
            or index in edges
            and LANDMARKS.bare_page_number.match(line.text)
        ):
            dropped.add(index)
    headers: set[int] = set()  # running header/footer lines (page numbers aside)
    case = _letter_case_number(lines)
    if case is not None:  # the letter's own case number in a short line at a page edge
        for index in edges:
            text = lines[index].text
            if index >= EDGE_DEPTH and case in text and _candidate(text):
                dropped.add(index)
                headers.add(index)
    running: set[str] = set()
    if pages >= 2:
        where: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, (_page, slot) in edges.items():
            text = lines[index].text
            if index in dropped or not _candidate(text):
                continue
            where[(furniture_key(text), slot)].append(index)
        # On two pages of a letter of up to three (a running header may start on page 2), on
        # half the pages (three at least) of a longer one.
        needed = 2 if pages <= 3 else max(3, (pages + 1) // 2)
        for (key, _slot), indices in where.items():
            indices = _same_place(lines, sorted(indices))
            seen = len({edges[i][0] for i in indices})
            if seen < needed:
                continue
            # Two pages only: furniture by its shape, or beside a running header line on each
            # page (a page number is beside every page's last line: no evidence).
            beside = all(i < EDGE_DEPTH or i - 1 in headers or i + 1 in headers for i in indices)
            if seen < 3 and not (_looks_like_furniture(lines[indices[0]].text) or beside):
                continue
            running.add(key)
            dropped.update(indices)
            headers.update(indices)
            if indices[0] < EDGE_DEPTH:  # the first page's letterhead or title: read once
                dropped.discard(indices[0])
    return Furniture(frozenset(dropped), frozenset(running))


def drop_furniture(lines: Sequence[Line]) -> list[Line]:
    """The lines without page furniture, in order: a paragraph cut by a page break is then
    one run of lines again."""
    if not lines:
        return []
    dropped = find_furniture(lines).dropped
    return [line for index, line in enumerate(lines) if index not in dropped]
