"""A small PDF layout engine for renderings: word-wrapped runs of regular/bold type on a page
of any size, with a running header and a "Page N of M" footer added once the page count is known.

Standard-14 fonts only (pypdfium2 / PDFium, no other dependency). Wrapped lines sit `pitch`
apart and paragraphs `gap` apart, as in the real letters (14 pt and ~27 pt), so a reader of the
layout sees the same paragraphs.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

Run = tuple[str, bool]  # (text, bold); "\n" in the text forces a line break

# Page sizes in points (width, height).
LETTER = (612.0, 792.0)
A4 = (595.28, 841.89)
LEGAL = (612.0, 1008.0)


@dataclass(frozen=True)
class PageStyle:
    """Where text goes on a page and how big it is."""

    size: tuple[float, float] = LETTER
    left: float = 72.0
    right: float = 72.0
    top: float = 72.0  # from the top edge to the first body baseline, roughly
    bottom: float = 72.0
    font_size: float = 12.0
    pitch: float = 14.0  # baseline to baseline inside a paragraph
    gap: float = 27.6  # baseline to baseline between paragraphs
    serif: bool = True

    @property
    def text_width(self) -> float:
        return self.size[0] - self.left - self.right


# A page's furniture: (page number from 1, page count) -> header lines, footer lines.
Furniture = Callable[[int, int], tuple[Sequence[str], Sequence[str]]]


class PdfWriter:
    def __init__(self, style: PageStyle) -> None:
        self.style = style
        self.pdf = pdfium.PdfDocument.new()
        names = (
            {False: "Times-Roman", True: "Times-Bold"}
            if style.serif
            else {False: "Helvetica", True: "Helvetica-Bold"}
        )
        load = pdfium_raw.FPDFText_LoadStandardFont
        self.fonts = {bold: load(self.pdf.raw, name.encode()) for bold, name in names.items()}
        self._widths: dict[tuple[str, bool, float], float] = {}
        self.pages: list[pdfium.PdfPage] = []
        self.y = 0.0

    # -- measuring and placing -------------------------------------------------------------
    def width(self, text: str, bold: bool, size: float | None = None) -> float:
        size = size or self.style.font_size
        total = 0.0
        for ch in text:
            key = (ch, bold, size)
            if key not in self._widths:
                w = ctypes.c_float()
                pdfium_raw.FPDFFont_GetGlyphWidth(self.fonts[bold], ord(ch), size, ctypes.byref(w))
                self._widths[key] = w.value
            total += self._widths[key]
        return total

    def put(
        self,
        x: float,
        y: float,
        text: str,
        bold: bool,
        size: float | None = None,
        at: int | None = None,
    ) -> None:
        """Place text on the last page, at the end of its content or at index `at`."""
        size = size or self.style.font_size
        obj = pdfium_raw.FPDFPageObj_CreateTextObj(self.pdf.raw, self.fonts[bold], size)
        buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        pdfium_raw.FPDFText_SetText(obj, ctypes.cast(buf, pdfium_raw.FPDF_WIDESTRING))
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        if at is None:
            pdfium_raw.FPDFPage_InsertObject(self.pages[-1].raw, obj)
        else:
            pdfium_raw.FPDFPage_InsertObjectAtIndex(self.pages[-1].raw, obj, at)

    def new_page(self) -> None:
        self.pages.append(self.pdf.new_page(*self.style.size))
        self.y = self.style.size[1] - self.style.top + self.style.gap

    # -- paragraphs ------------------------------------------------------------------------
    def _lines(self, runs: Sequence[Run], width: float) -> list[list[tuple[str, bool]]]:
        words = [(w, bold) for text, bold in runs for w in re.findall(r"\n|\S+", text)]
        lines: list[list[tuple[str, bool]]] = [[]]
        for word, bold in words:
            line = lines[-1]
            if word == "\n":
                if line:
                    lines.append([])
            elif line and self._line_width([*line, (word, bold)]) > width:
                lines.append([(word, bold)])
            else:
                line.append((word, bold))
        return [line for line in lines if line]

    def _line_width(self, words: Sequence[tuple[str, bool]]) -> float:
        return sum(self.width(w + " ", b) for w, b in words) - self.width(" ", words[-1][1])

    def paragraph(
        self, runs: Sequence[Run], center: bool = False, gap: float | None = None
    ) -> None:
        """Lay out one paragraph below the previous one, breaking pages where needed."""
        style = self.style
        if not self.pages:
            self.new_page()
        for n, line in enumerate(self._lines(runs, style.text_width)):
            self.y -= (style.gap if gap is None else gap) if n == 0 else style.pitch
            if self.y < style.bottom:
                self.new_page()
                self.y -= style.gap
            x = style.left
            if center:
                x = style.left + (style.text_width - self._line_width(line)) / 2
            # One text object per run of same-weight words, each word followed by a space.
            start = 0
            for i in range(1, len(line) + 1):
                if i == len(line) or line[i][1] != line[start][1]:
                    chunk = "".join(w + " " for w, _ in line[start:i])
                    if i == len(line):
                        chunk = chunk.rstrip(" ")
                    self.put(x, self.y, chunk, line[start][1])
                    x += self.width(chunk, line[start][1])
                    start = i

    def furnish(self, furniture: Furniture | None) -> None:
        """Running header lines at the top and footer lines at the bottom of every page; the
        header comes first in the page's content (so in its text) and the footer last, as word
        processors write them."""
        if furniture is None:
            return
        style = self.style
        small = max(style.font_size - 2, 8.0)
        total = len(self.pages)
        for index, page in enumerate(self.pages):
            header, footer = furniture(index + 1, total)
            self.pages.append(page)  # put() writes on the last page
            y = style.size[1] - 36.0
            for at, text in enumerate(header):
                self.put(style.left, y, text, False, small, at=at)
                y -= small + 2
            y = 30.0 + (len(footer) - 1) * (small + 2)
            for text in footer:
                w = self.width(text, False, small)
                self.put((style.size[0] - w) / 2, y, text, False, small)
                y -= small + 2
            self.pages.pop()

    def save(self, path: Path) -> Path:
        for page in self.pages:
            pdfium_raw.FPDFPage_GenerateContent(page.raw)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.pdf.save(str(path))
        for page in self.pages:
            page.close()
        self.pdf.close()
        return path


def page_footer(page: int, total: int) -> str:
    return f"Page {page} of {total}"
