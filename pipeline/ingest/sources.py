"""Letter files -> paragraphs: PDFs through their layout, text files through blank lines."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.layout import Paragraph, paragraphs_from_lines, paragraphs_from_text
from pipeline.ingest.pdf import read_pdf_lines


class UnreadableTextError(ValueError):
    """A .txt file that does not hold text a person could read."""


def decode_text(data: bytes) -> str:
    """UTF-8 first (with or without BOM); otherwise the Windows code page letters were saved in."""
    if b"\x00" in data[:4096]:
        raise UnreadableTextError("binary data, not a text letter (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_paragraphs(path: Path) -> list[Paragraph]:
    if path.suffix.lower() == ".pdf":
        return paragraphs_from_lines(read_pdf_lines(path))
    return paragraphs_from_text(decode_text(path.read_bytes()))
