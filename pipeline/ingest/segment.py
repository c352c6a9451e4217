"""Printed lines without layout -> paragraphs, from the letter's own landmarks.

A letter reaches us as text in many forms: a PDF export with wrapped lines and no blank lines,
poppler's `pdftotext` (with or without `-layout`), a double-spaced export, an e-mail body with
one paragraph per line, OCR output. Blank lines and bold type cannot be trusted across these,
so paragraphs are rebuilt from what every form keeps (`landmarks.json`):

- section headings, header fields and the item labels ("Claims Administrator guideline:",
  "MAXIMUS guideline:", "Decision rationale:") start paragraphs;
- an item opens where its labels start again; the request paragraph ends just before them
  (with its decision word, "...: Upheld", or "Upheld" alone on the next line) and starts on
  the first line after the previous paragraph's last sentence, found by walking back;
- other prose breaks after a line that ends a sentence and is shorter than a full line;
- page furniture (page numbers, running headers and footers) is dropped first (furniture.py).

The paragraphs then go through the same `parse_letter` as a PDF's layout paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.ingest.furniture import drop_furniture
from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Line, Paragraph

__all__ = ["drop_furniture", "paragraphs_from_plain_lines", "paragraphs_from_text", "text_lines"]

# A request wraps over a few printed lines; a partial certification over up to ~8.
MAX_REQUEST_LINES = 12
# A line shorter than this share of a full printed line ends its paragraph.
SHORT_LINE = 0.85
# Walking back over a request, a line without a full stop this short is taken as the end of
# the paragraph before (a weak cue: the item is flagged).
VERY_SHORT_LINE = 0.6
_BREAK_AFTER = ("heading", "letter_start")


def text_lines(text: str) -> list[Line]:
    """Non-blank lines of a text, with the page number a form feed gives (else 0)."""
    lines: list[Line] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for page, page_text in enumerate(text.split("\f")):
        for raw in page_text.split("\n"):
            stripped = raw.strip()
            if stripped:
                lines.append(Line(text=stripped, page=page))
    return lines


def split_heading_lines(lines: Sequence[Line]) -> list[Line]:
    """A line that opens with a heading in capitals and runs on ("IMR ISSUES, DECISIONS AND
    RATIONALES The Final Determination was based on ...", a wide export) as two lines."""
    out: list[Line] = []
    for line in lines:
        match = LANDMARKS.heading_opener.match(line.text)
        head = match.group(0) if match else ""
        if not head or head.upper() != head or LANDMARKS.heading.match(line.text):
            out.append(line)
            continue
        out += [
            line._replace(text=head.strip()),
            line._replace(text=line.text[len(head) :].strip()),
        ]
    return out


def _ends_sentence(text: str) -> bool:
    return bool(LANDMARKS.sentence_end.search(text))


def _full_width(lines: Sequence[Line]) -> int:
    """The printed line width in characters: a high percentile of the line lengths."""
    lengths = sorted(len(line.text) for line in lines if len(line.text) > 20)
    if not lengths:
        return 80
    return lengths[int(0.9 * (len(lengths) - 1))]


def _request_start(lines: Sequence[Line], last: int, floor: int, width: int) -> tuple[int, bool]:
    """First line of the request paragraph that ends at lines[last], never before `floor`.

    Walks back while the line before does not end a sentence. Returns (start, weak): weak when
    the walk stopped at a very short line without a full stop or ran out of room, i.e. where
    only layout could say for sure.
    """
    start, weak = last, False
    while start > floor:
        before = lines[start - 1].text
        if _ends_sentence(before):
            break
        if len(before) < VERY_SHORT_LINE * width or last - start >= MAX_REQUEST_LINES:
            weak = True
            break
        start -= 1
    # A partial certification holds sentences: "X was the original request. Y was authorized
    # ... The remaining IMR eligible portion of the original request, Z is". Walk on to its X.
    joined = " ".join(line.text for line in lines[start : last + 1])
    if LANDMARKS.partial_tail.search(joined) and not LANDMARKS.partial_head.search(joined):
        for index in range(start - 1, max(floor, start - MAX_REQUEST_LINES) - 1, -1):
            pair = lines[index].text + " " + lines[index + 1].text
            if LANDMARKS.partial_head.search(pair):
                head, head_weak = _request_start(lines, index, floor, width)
                return head, weak or head_weak
    return start, weak


def _intro_end(lines: Sequence[Line], index: int) -> int:
    """The line after an intro ("... set forth below:"), which may wrap onto a second line."""
    for end in range(index, min(index + 3, len(lines))):
        if lines[end].text.endswith(":"):
            return end + 1
    return index + 1


def _item_requests(lines: Sequence[Line], kinds: Sequence[str], width: int) -> dict[int, bool]:
    """{first line of each request paragraph: whether its start is only inferred}.

    A label opens an item unless it follows an earlier label of the same item; the request is
    the text just before it (its decision word perhaps alone on the last line).
    """
    requests: dict[int, bool] = {}
    floor = 0
    last_label = None
    for index, kind in enumerate(kinds):
        if not kind.startswith("label:"):
            if kind == "intro":
                floor, last_label = _intro_end(lines, index), None
            elif kind not in ("text", "decision"):
                floor, last_label = index + 1, None
            continue
        order = LANDMARKS.label_order_of(kind)
        if last_label is None or order <= last_label:
            last = index - 1
            if last >= floor and kinds[last] == "decision":
                last -= 1
            if last >= floor and kinds[last] == "text":
                start, weak = _request_start(lines, last, floor, width)
                requests[start] = weak
        last_label = order
        floor = index + 1
    return requests


def _prose_breaks(lines: Sequence[Line], start: int, end: int, width: int) -> list[int]:
    """Paragraph starts inside prose: after a line that ends a sentence short of full width."""
    breaks = [start]
    for index in range(start + 1, end):
        before = lines[index - 1].text
        if _ends_sentence(before) and len(before) < SHORT_LINE * width:
            breaks.append(index)
    return breaks


def paragraphs_from_plain_lines(lines: Sequence[Line]) -> list[Paragraph]:
    """Rebuild a letter's paragraphs from lines that carry no layout (see the module doc)."""
    lines = split_heading_lines(drop_furniture(lines))
    if not lines:
        return []
    width = _full_width(lines)
    kinds = [LANDMARKS.kind(line.text) for line in lines]
    requests = _item_requests(lines, kinds, width)

    starts: set[int] = {0, *requests}
    for index, kind in enumerate(kinds):
        if kind in ("text", "decision"):
            continue
        starts.add(index)
        if kind in _BREAK_AFTER:
            starts.add(index + 1)
        elif kind == "intro":
            starts.add(_intro_end(lines, index))
    ordered = sorted(s for s in starts if s < len(lines))
    paragraphs: list[Paragraph] = []
    for a, b in zip(ordered, [*ordered[1:], len(lines)], strict=True):
        kind = kinds[a]
        if a in requests:
            paragraphs.append(Paragraph.of(lines[a:b], start_inferred=requests[a]))
            continue
        # Headings, header fields and guideline lines are one paragraph to the next landmark.
        prose = kind in ("text", "label:rationale")
        cuts = _prose_breaks(lines, a, b, width) if prose else [a]
        for c, d in zip(cuts, [*cuts[1:], b], strict=True):
            paragraphs.append(Paragraph.of(lines[c:d]))
    return paragraphs


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """A text letter in any common form -> its paragraphs."""
    return paragraphs_from_plain_lines(text_lines(text))
