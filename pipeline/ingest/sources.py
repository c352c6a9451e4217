"""Letter files -> paragraphs: PDFs through their layout, text files through their landmarks."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest import ocr
from pipeline.ingest.layout import Line, Paragraph, paragraphs_from_lines
from pipeline.ingest.pdf import PdfReadError, PdfText, read_pdf_text
from pipeline.ingest.segment import paragraphs_from_plain_lines, paragraphs_from_text


class UnreadableTextError(ValueError):
    """A .txt file that does not hold text a person could read."""


# A letter is 10-40 kB of text; even a hundred pasted together stay far below this.
MAX_TEXT_BYTES = 16 * 1024 * 1024

_MAGIC = {
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"%PDF-": "a PDF",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
}


def decode_text(data: bytes) -> str:
    """UTF-8 first (with or without BOM); otherwise the Windows code page letters were saved in
    (cp1252, a superset of latin-1 for the printable range, keeps smart quotes right)."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise UnreadableTextError(f"not a text letter: the file is {kind} named .txt")
    if b"\x00" in data[:4096]:
        raise UnreadableTextError("not a text letter: binary data (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pages(indices: list[int]) -> str:
    numbers = [str(index + 1) for index in indices]
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return f"pages {', '.join(numbers[:-1])} and {numbers[-1]}"


class _NoOcr(Exception):
    """OCR is off or not installed; the message says which."""


def _ocr_lines(path: Path, pages: list[int] | None) -> list[Line]:
    """The given pages (all: None) read by OCR. _NoOcr: off or not installed;
    OcrUnavailableError: the engine failed."""
    if ocr.ocr_mode() == "never":
        raise _NoOcr("OCR is off: --ocr never")
    if not ocr.tesseract_available():
        raise _NoOcr(ocr.INSTALL_HINT)
    return ocr.ocr_pdf(path, pages)


def _scanned_pdf_paragraphs(path: Path) -> list[Paragraph]:
    """A PDF without a text layer, read by OCR (unless OCR is off or not installed)."""
    try:
        lines = _ocr_lines(path, None)
    except _NoOcr as error:
        raise PdfReadError(f"no text layer: scanned PDF ({error})") from None
    except ocr.OcrUnavailableError as error:
        raise PdfReadError(f"no text layer, and OCR failed: {error}") from None
    paragraphs = paragraphs_from_plain_lines(lines)
    if not paragraphs:
        raise PdfReadError("no text layer, and OCR read no text on its pages (a blank scan?)")
    return paragraphs


def _hybrid_pdf(path: Path, text: PdfText) -> tuple[list[Paragraph], list[str]]:
    """A PDF with a text layer on some pages and scans on others. The scanned pages are read by
    OCR and the letter, text-layer lines and OCR lines in page order, takes the layout-free
    path (OCR lines carry no layout). Where OCR cannot run, the text pages are read as a
    PDF and a problem row names the pages left unread: their text is never lost silently."""
    try:
        read = _ocr_lines(path, text.scanned)
    except (_NoOcr, ocr.OcrUnavailableError) as error:
        verb = "have" if len(text.scanned) > 1 else "has"
        problem = (
            f"{_pages(text.scanned)} of {text.pages} {verb} no text layer (a scan) and "
            f"{'were' if len(text.scanned) > 1 else 'was'} not read: {error}"
        )
        return paragraphs_from_lines(text.lines), [problem]
    by_page: dict[int, list[Line]] = {}
    for line in text.lines:  # layout dropped: the whole letter takes the layout-free path
        by_page.setdefault(line.page, []).append(Line(line.text, page=line.page))
    for line in read:
        by_page.setdefault(line.page, []).append(line)
    lines = [line for page in sorted(by_page) for line in by_page[page]]
    return paragraphs_from_plain_lines(lines), []


def read_source(path: Path) -> tuple[list[Paragraph], list[str]]:
    """A letter file's paragraphs, and problems that concern the whole file (a hybrid PDF's
    scanned pages that OCR could not read)."""
    if path.suffix.lower() == ".pdf":
        # The text layer is read first in every mode: its checks (damage, passwords, bombs)
        # come before any page is rendered for OCR.
        text = read_pdf_text(path)
        if not text.lines or ocr.ocr_mode() == "always":
            return _scanned_pdf_paragraphs(path), []
        if text.scanned:
            return _hybrid_pdf(path, text)
        return paragraphs_from_lines(text.lines), []
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UnreadableTextError(
            f"text file too large for letters ({size / 2**20:.0f} MB > "
            f"{MAX_TEXT_BYTES / 2**20:.0f} MB): split it into letters"
        )
    return paragraphs_from_text(decode_text(path.read_bytes())), []


def read_paragraphs(path: Path) -> list[Paragraph]:
    """A letter file's paragraphs (see read_source)."""
    return read_source(path)[0]
