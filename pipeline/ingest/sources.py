"""Letter files -> paragraphs: PDFs through their layout, text files through their landmarks."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest import ocr
from pipeline.ingest.layout import Paragraph, paragraphs_from_lines
from pipeline.ingest.pdf import PdfReadError, read_pdf_lines
from pipeline.ingest.segment import paragraphs_from_plain_lines, paragraphs_from_text

NO_TEXT_LAYER = "no text layer"


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


def _scanned_pdf_paragraphs(path: Path) -> list[Paragraph]:
    """A PDF without a text layer, read by OCR (unless OCR is off or not installed)."""
    if ocr.ocr_mode() == "never":
        raise PdfReadError("no text layer: scanned PDF (OCR is off: --ocr never)")
    if not ocr.tesseract_available():
        raise PdfReadError(f"no text layer: scanned PDF; {ocr.INSTALL_HINT}")
    try:
        paragraphs = paragraphs_from_plain_lines(ocr.ocr_pdf(path))
    except ocr.OcrUnavailableError as error:
        raise PdfReadError(f"no text layer, and OCR failed: {error}") from None
    if not paragraphs:
        raise PdfReadError("no text layer, and OCR read no text on its pages (a blank scan?)")
    return paragraphs


def read_paragraphs(path: Path) -> list[Paragraph]:
    if path.suffix.lower() == ".pdf":
        # The text layer is read first in every mode: its checks (damage, passwords, bombs)
        # come before any page is rendered for OCR.
        try:
            lines = read_pdf_lines(path)
        except PdfReadError as error:
            if str(error).startswith(NO_TEXT_LAYER):
                return _scanned_pdf_paragraphs(path)
            raise
        if ocr.ocr_mode() == "always":
            return _scanned_pdf_paragraphs(path)
        return paragraphs_from_lines(lines)
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UnreadableTextError(
            f"text file too large for letters ({size / 2**20:.0f} MB > "
            f"{MAX_TEXT_BYTES / 2**20:.0f} MB): split it into letters"
        )
    return paragraphs_from_text(decode_text(path.read_bytes()))
