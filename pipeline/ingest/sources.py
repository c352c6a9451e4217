"""Letter files -> paragraphs: PDFs through their layout, text files through their landmarks."""

from __future__ import annotations

import codecs
from operator import attrgetter
from pathlib import Path

from pipeline.core.data_errors import LetterDataError
from pipeline.ingest import ocr
from pipeline.ingest.furniture import drop_furniture
from pipeline.ingest.layout import Line, Paragraph, paragraphs_from_lines
from pipeline.ingest.pdf import PdfReadError, PdfText, read_pdf_text
from pipeline.ingest.segment import paragraphs_from_plain_lines, paragraphs_from_text


class UnreadableTextError(LetterDataError, ValueError):
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


def magic_kind(head: bytes) -> str | None:
    """What a file's first bytes say it is ("a JPEG image"), or None (no known kind)."""
    return next((kind for magic, kind in _MAGIC.items() if head.startswith(magic)), None)


# Byte-order marks, the longer first (UTF-32LE's starts with UTF-16LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a BOM, UTF-16/32 text is told by where its NUL bytes fall in the first KB: a letter is
# mostly ASCII, so every character's high bytes are NUL and its low byte is not.
_NUL_PATTERNS = (
    ("utf-32-le", (False, True, True, True)),
    ("utf-32-be", (True, True, True, False)),
    ("utf-16-le", (False, True, False, True)),
    ("utf-16-be", (True, False, True, False)),
)
_SNIFF_BYTES = 1024
_BINARY = "not a text letter: binary data (NUL bytes)"


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 (LE/BE) told from the NUL pattern of the first KB, or None."""
    sample = data[:_SNIFF_BYTES]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    groups = len(sample) // 4
    nul_share = [sample[i::4].count(0) / groups for i in range(4)]
    for encoding, pattern in _NUL_PATTERNS:
        shares = zip(nul_share, pattern, strict=True)
        if all(share >= 0.7 if nul else share <= 0.1 for share, nul in shares):
            return encoding
    return None


def _readable(text: str) -> bool:
    """Mostly printable characters or spaces (random bytes read as UTF-16 are not)."""
    head = text[:4096]
    odd = sum(1 for c in head if not (c.isprintable() or c.isspace()))
    return odd <= len(head) // 50


def decode_text(data: bytes) -> str:
    """UTF-16/32 by their BOM or NUL pattern; then UTF-8 (with or without BOM); otherwise the
    Windows code page letters were saved in (cp1252, a superset of latin-1 for the printable
    range, keeps smart quotes right). Other data with NUL bytes is binary, not a letter."""
    kind = magic_kind(data)
    if kind is not None:
        raise UnreadableTextError(f"not a text letter: the file is {kind} named .txt")
    marked = next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), None)
    if marked is not None:
        data, encoding = data[len(marked[0]) :], marked[1]
    else:
        encoding = _wide_encoding(data)
    if encoding is not None and encoding != "utf-8":
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise UnreadableTextError(
                f"not a text letter: marked or laid out as {encoding.upper()} but not valid in it"
            ) from None
        if "\x00" in text[:2048] or not _readable(text):
            raise UnreadableTextError(_BINARY)
        return text
    if b"\x00" in data[:4096]:
        raise UnreadableTextError(_BINARY)
    try:
        return data.decode("utf-8")
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
        return paragraphs_from_lines(drop_furniture(text.lines)), [problem]
    # Layout dropped: the whole letter takes the layout-free path. Both lists are in page order
    # and share no page; a stable sort interleaves them by page.
    plain = [Line(line.text, page=line.page, hidden_text=line.hidden_text) for line in text.lines]
    lines = sorted([*plain, *read], key=attrgetter("page"))
    return paragraphs_from_plain_lines(lines), []


def read_source(path: Path) -> tuple[list[Paragraph], list[str]]:
    """A letter file's paragraphs, and problems that concern the whole file (a hybrid PDF's
    scanned pages that OCR could not read, hidden text left unread)."""
    if path.suffix.lower() == ".pdf":
        # The text layer is read first in every mode: its checks (damage, passwords, bombs)
        # come before any page is rendered for OCR.
        text = read_pdf_text(path)
        hidden = [page.problem() for page in text.hidden]
        if not text.lines or ocr.ocr_mode() == "always":
            return _scanned_pdf_paragraphs(path), hidden
        if text.scanned:
            paragraphs, problems = _hybrid_pdf(path, text)
            return paragraphs, hidden + problems
        # Page furniture goes before the layout groups lines: a paragraph cut by a page
        # break then runs on (text and OCR lines: in paragraphs_from_plain_lines).
        return paragraphs_from_lines(drop_furniture(text.lines)), hidden
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UnreadableTextError(
            f"text file too large for letters ({size / 2**20:.0f} MB > "
            f"{MAX_TEXT_BYTES / 2**20:.0f} MB): split it into letters"
        )
    return paragraphs_from_text(decode_text(path.read_bytes())), []
