"""PDF -> printed lines with page, baseline and bold flags, via pypdfium2.

pdfium's text for a page maps one character to one char index (CRLF between lines included),
so each line's first and last characters can be asked for their box and font weight directly.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from pipeline.ingest.layout import Line

_BOLD_WEIGHT = 600


class PdfReadError(Exception):
    """The file cannot be read as a PDF with a text layer; the message says why, for a person."""


def _is_bold(raw_textpage: object, index: int) -> bool:
    weight = pdfium_raw.FPDFText_GetFontWeight(raw_textpage, index)
    if weight > 0:
        return weight >= _BOLD_WEIGHT
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_raw.FPDFText_GetFontInfo(raw_textpage, index, name, 128, ctypes.byref(flags))
    return b"bold" in name.value.lower()


def _page_lines(textpage: pdfium.PdfTextPage, page_index: int, page_height: float) -> list[Line]:
    # The raw pdfium calls with one reused box: this loop runs once per printed line.
    raw_textpage = textpage.raw
    box = pdfium_raw.FS_RECTF()
    read: list[tuple[str, float, bool, int]] = []  # text, baseline, starts bold, last char
    text = textpage.get_text_range()
    offset = 0
    for raw in text.split("\r\n"):
        stripped = raw.strip()
        if stripped:
            first = offset + len(raw) - len(raw.lstrip())
            if not pdfium_raw.FPDFText_GetLooseCharBox(raw_textpage, first, box):
                raise pdfium.PdfiumError("Failed to get charbox.")
            starts_bold = _is_bold(raw_textpage, first)
            read.append(
                (stripped, page_height - box.bottom, starts_bold, offset + len(raw.rstrip()) - 1)
            )
        offset += len(raw) + 2
    # Whether a line ends in bold matters only before a line that starts bold (bold after
    # regular type starts a paragraph), or a page's last line, before the next page's first:
    # only those are read, the rest stay None.
    lines: list[Line] = []
    for index, (stripped, baseline, starts_bold, last) in enumerate(read):
        needed = index + 1 == len(read) or read[index + 1][2]
        ends_bold = _is_bold(raw_textpage, last) if needed else None
        lines.append(Line(stripped, page_index, baseline, starts_bold, ends_bold))
    return lines


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        # An empty password opens the letters the state published "encrypted" without one.
        return pdfium.PdfDocument(str(path), password="")
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise PdfReadError("password protected: save an unprotected copy first") from None
        with open(path, "rb") as f:
            head = f.read(1024)
        if not head:
            raise PdfReadError("empty file") from None
        if b"%PDF-" in head:
            raise PdfReadError("damaged or truncated PDF: pdfium cannot open it") from None
        raise PdfReadError("not a PDF: the file holds another kind of data") from None


def read_pdf_lines(path: Path) -> list[Line]:
    """All non-blank printed lines of a PDF, in reading order."""
    document = _open(path)
    try:
        lines: list[Line] = []
        for page_index in range(len(document)):
            page = document[page_index]
            textpage = page.get_textpage()
            lines.extend(_page_lines(textpage, page_index, page.get_height()))
            textpage.close()
            page.close()
    finally:
        document.close()
    if not lines:
        raise PdfReadError("no text layer: scanned PDF, OCR it first")
    return lines
