"""PDF -> printed lines with page, baseline and bold flags, via pypdfium2.

pdfium's text for a page maps one character to one char index (CRLF between lines included),
so each line's first and last characters can be asked for their box and font weight directly.

Before pdfium opens a file, `check_inflation` bounds what its streams can inflate to (a 4 MB
stream of deflated zeros is 4 GB to pdfium), and the page count is capped after opening
(`config.limit`: IMR_PDF_STREAM_MB, IMR_PDF_MAX_PAGES).
"""

from __future__ import annotations

import base64
import binascii
import ctypes
import itertools
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from pipeline.config import limit
from pipeline.core.data_errors import LetterDataError
from pipeline.ingest.hidden_text import HiddenText, find_hidden_text, scan_page
from pipeline.ingest.layout import Line
from pipeline.ingest.pdf_limits import (
    check_page_objects,
    check_page_size,
    checked_textpage,
    form_limits,
)

_BOLD_WEIGHT = 600
# A page's last lines whose bold end is read: its last line of text and up to three footer
# lines after it (a footer with a case line, a date and "Page N of M").
_PAGE_END_LINES = 4


class PdfReadError(LetterDataError):
    """The file cannot be read as a PDF with a text layer; the message says why, for a person."""


def _is_bold(raw_textpage: object, index: int) -> bool:
    weight = pdfium_raw.FPDFText_GetFontWeight(raw_textpage, index)
    if weight > 0:
        return weight >= _BOLD_WEIGHT
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_raw.FPDFText_GetFontInfo(raw_textpage, index, name, 128, ctypes.byref(flags))
    return b"bold" in name.value.lower()


def _page_lines(
    textpage: pdfium.PdfTextPage, page_index: int, page_height: float,
    hidden: HiddenText | None = None,
) -> list[Line]:  # fmt: skip
    # The raw pdfium calls with one reused box: this loop runs once per printed line.
    raw_textpage = textpage.raw
    box = pdfium_raw.FS_RECTF()
    char_box = pdfium_raw.FPDFText_GetLooseCharBox
    read: list[tuple[str, float, bool, int]] = []  # text, baseline, starts bold, last char
    text = textpage.get_text_range()
    if hidden is not None:  # blanked where hidden, so char indices stay as pdfium's
        text = hidden.blanked(text)
    offset = 0
    for raw in text.split("\r\n"):
        stripped = raw.strip()
        if stripped:
            first = offset + len(raw) - len(raw.lstrip())
            if not char_box(raw_textpage, first, box):
                raise pdfium.PdfiumError("Failed to get charbox.")
            starts_bold = _is_bold(raw_textpage, first)
            read.append(
                (stripped, page_height - box.bottom, starts_bold, offset + len(raw.rstrip()) - 1)
            )
        offset += len(raw) + 2
    # Whether a line ends in bold matters only before a line that starts bold (bold after
    # regular type starts a paragraph), or a page's last lines, before the next page's first
    # (the last few: a footer that furniture.py drops may follow the last line of text):
    # only those are read, the rest stay None.
    lines: list[Line] = []
    for index, (stripped, baseline, starts_bold, last) in enumerate(read):
        needed = index + _PAGE_END_LINES >= len(read) or read[index + 1][2]
        ends_bold = _is_bold(raw_textpage, last) if needed else None
        lines.append(Line(stripped, page_index, baseline, starts_bold, ends_bold))
    return lines if hidden is None else hidden.mark(lines, page_height)


# Deflate expands at most ~1032:1, so a file this many times smaller than the cap cannot hold a
# stream inflating past it, unless a stream chains filters, names them indirectly or uses LZW.
_DEFLATE_MAX_RATIO = 1032
_WORST_RATIO = {b"LZWDecode": 4096, b"LZW": 4096, b"RunLengthDecode": 128, b"RL": 128}
_FILTER_VALUE = re.compile(rb"/Filter\s*(\[[^\]]{0,200}\]?|\d+\s+\d+\s+R|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FLATE = (b"FlateDecode", b"Fl")
_TEXT_FILTERS = (b"ASCIIHexDecode", b"AHx", b"ASCII85Decode", b"A85")
_PIECE = 1 << 20


class _Exceeded(Exception):
    pass


def check_inflation(path: Path) -> None:
    """PdfReadError if a stream of the PDF inflates past IMR_PDF_STREAM_MB. Cheap for a letter
    (one stat and a scan of its bytes); a large or unusual file has each stream inflated in
    1 MB pieces that are counted and dropped, stopping at the cap. Image streams are skipped
    (text extraction never decodes them)."""
    cap_mb = limit("IMR_PDF_STREAM_MB")
    if cap_mb == float("inf"):
        return
    cap = int(cap_mb * 2**20)
    with open(path, "rb") as f:
        data = f.read()
    if len(data) * _DEFLATE_MAX_RATIO <= cap and not _unusual_filters(data):
        return
    for header, body in _streams(data):
        if _IMAGE.search(header):
            continue
        try:
            for _ in _decoded(body, _filters(header), cap):
                pass
        except _Exceeded:
            raise PdfReadError(
                f"a PDF stream inflates past {cap_mb:g} MB: refused before reading it "
                "(a decompression bomb?); raise IMR_PDF_STREAM_MB if the file is genuine"
            ) from None


def _unusual_filters(data: bytes) -> bool:
    if b"LZW" in data:
        return True
    for match in _FILTER_VALUE.finditer(data):
        value = match.group(1)
        if not value.startswith(b"/") and (value.endswith(b"R") or len(_NAME.findall(value)) > 1):
            return True
    return False


def _streams(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(dictionary, raw data) of every stream in the file, found by scanning its bytes (so a
    broken cross-reference table hides none)."""
    for match in _STREAM_START.finditer(data):
        start = match.end()
        opening = data.rfind(b"obj", max(0, match.start() - 4096), match.start())
        header = data[max(0, opening, match.start() - 4096) : match.start() + 2]
        end = -1
        length = _DIRECT_LENGTH.search(header)
        if length:
            end = start + int(length.group(1))
            if data.find(b"endstream", end, end + 64) < 0:
                end = -1
        if end < 0:
            end = data.find(b"endstream", start)
            end = len(data) if end < 0 else end
        yield header, data[start:end]


def _filters(header: bytes) -> list[bytes] | None:
    """The stream's filter names in order; None when named indirectly (unknown here)."""
    match = _FILTER_VALUE.search(header)
    if match is None:
        return []
    value = match.group(1)
    if value.endswith(b"R") and not value.startswith((b"/", b"[")):
        return None
    return _NAME.findall(value)


def _decoded(body: bytes, filters: list[bytes] | None, cap: int) -> Iterator[bytes]:
    """The stream's decoded bytes in pieces, raising _Exceeded once any stage passes `cap`.
    Unknown (indirect) filters: inflated as long as each stage's output is a zlib stream."""
    pieces: Iterator[bytes] = iter([body])
    if filters is None:
        while True:
            first = next(pieces, b"")
            if not _is_zlib(first):
                yield first
                yield from pieces
                return
            pieces = _inflate(itertools.chain([first], pieces), cap)
    for name in filters:
        if name in _FLATE:
            pieces = _inflate(pieces, cap)
        elif name in _TEXT_FILTERS:
            text = b"".join(pieces)  # each earlier stage is capped: at most `cap` bytes
            pieces = iter([_ascii_decode(name, text)])
        elif name in _WORST_RATIO:
            size = sum(len(piece) for piece in pieces)
            if size * _WORST_RATIO[name] > cap:
                raise _Exceeded
            return
        else:  # image codecs and the like: not decoded for text
            break
    yield from pieces


def _is_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def _ascii_decode(name: bytes, text: bytes) -> bytes:
    try:
        if name in (b"ASCIIHexDecode", b"AHx"):
            cleaned = re.sub(rb"\s", b"", text).split(b">")[0]
            return binascii.a2b_hex(cleaned + b"0" * (len(cleaned) % 2))
        return base64.a85decode(text.strip().removesuffix(b"~>").removeprefix(b"<~"))
    except (ValueError, binascii.Error):
        return b""


def _inflate(pieces: Iterable[bytes], cap: int) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    total = 0
    for piece in pieces:
        pending = piece
        while pending:
            try:
                out = inflater.decompress(pending, _PIECE)
            except zlib.error:
                return  # pdfium stops at the damage too
            total += len(out)
            if total > cap:
                raise _Exceeded
            if out:
                yield out
            if inflater.eof:
                return
            pending = inflater.unconsumed_tail
    while True:  # output still held inside the inflater
        try:
            out = inflater.decompress(b"", _PIECE)
        except zlib.error:
            return
        if not out:
            return
        total += len(out)
        if total > cap:
            raise _Exceeded
        yield out


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


# A page with fewer text-layer characters than this (spaces aside) and an image on it is a
# scanned page: OCR reads it ("auto" mode). A page with neither is blank and stays so.
MIN_TEXT_CHARS = 20


@dataclass
class PdfText:
    """A PDF's text layer: its printed lines, its page count, and the pages (from 0) that have
    no text layer (or only a few characters) but an image: scanned pages, for OCR."""

    lines: list[Line]
    pages: int
    scanned: list[int] = field(default_factory=list)
    hidden: list[HiddenText] = field(default_factory=list)  # pages with hidden text dropped


def _nearly_empty(lines: list[Line]) -> bool:
    """Fewer than MIN_TEXT_CHARS characters, spaces aside (counting stops once there are)."""
    characters = 0
    for line in lines:
        characters += len(line.text) - line.text.count(" ")
        if characters >= MIN_TEXT_CHARS:
            return False
    return True


def _has_image(page: pdfium.PdfPage) -> bool:
    return next(page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE]), None) is not None


def read_pdf_text(path: Path) -> PdfText:
    """Every non-blank printed line of a PDF's text layer, in reading order, and the pages
    that are scans (see PdfText). Damage, passwords, bombs and page counts are checked here,
    before any page is rendered."""
    check_inflation(path)
    document = _open(path)
    try:
        pages = len(document)
        if pages > limit("IMR_PDF_MAX_PAGES"):
            raise PdfReadError(
                f"too many pages: {pages} (the limit is {limit('IMR_PDF_MAX_PAGES'):g}; "
                "a letter has a few; raise IMR_PDF_MAX_PAGES if the file is genuine)"
            )
        read = PdfText(lines=[], pages=pages)
        for page_index in range(pages):
            page = document[page_index]
            # The page limits first, in the one walk over its objects that also looks for text
            # a reader cannot see; only then is its text extracted.
            check_page_size(page, page_index + 1)
            check_page_objects(page, page_index + 1)
            scan = scan_page(page, on_form=form_limits(page_index + 1))
            textpage = checked_textpage(page, page_index, document)
            hidden = find_hidden_text(page, textpage, page_index, scan)
            read.hidden += [hidden] if hidden else []
            page_lines = _page_lines(textpage, page_index, page.get_height(), hidden)
            textpage.close()
            if _nearly_empty(page_lines) and _has_image(page):
                read.scanned.append(page_index)
            else:
                read.lines.extend(page_lines)
            page.close()
    finally:
        document.close()
    return read


def read_pdf_lines(path: Path) -> list[Line]:
    """All non-blank printed lines of a PDF, in reading order (PdfReadError: none)."""
    lines = read_pdf_text(path).lines
    if not lines:
        raise PdfReadError("no text layer: scanned PDF, OCR it first")
    return lines
