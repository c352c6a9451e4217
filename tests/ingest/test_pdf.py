"""pdf.py: the lines read from a PDF, with their bold flags."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from pipeline.ingest import pdf
from pipeline.ingest.layout import paragraphs_from_lines
from tests import paths


def every_ends_bold(path) -> list[bool]:
    """Each line's last-character weight, read for every line (what pdf.py skips)."""
    document = pdfium.PdfDocument(str(path), password="")
    flags = []
    for page in document:
        textpage = page.get_textpage()
        text, offset = textpage.get_text_range(), 0
        for raw in text.split("\r\n"):
            if raw.strip():
                flags.append(pdf._is_bold(textpage.raw, offset + len(raw.rstrip()) - 1))
            offset += len(raw) + 2
    document.close()
    return flags


def pdf_paths() -> list:
    shared = sorted(paths.SHARED_LETTERS_DIR.glob("*.pdf"))[:40]
    return sorted(paths.FIXTURE_LETTERS_DIR.glob("*.pdf")) + shared


@pytest.mark.parametrize("path", pdf_paths(), ids=lambda p: p.name)
def test_ends_bold_is_read_where_a_paragraph_break_depends_on_it(path):
    lines = pdf.read_pdf_lines(path)
    eager = every_ends_bold(path)
    assert len(eager) == len(lines)
    for index, line in enumerate(lines):
        next_starts_bold = index + 1 < len(lines) and lines[index + 1].starts_bold
        # A page's last lines (its text's last line may sit above a footer furniture drops).
        after = lines[index + 1 : index + 1 + pdf._PAGE_END_LINES]
        near_page_end = len(after) < pdf._PAGE_END_LINES or after[-1].page != line.page
        if next_starts_bold or near_page_end:
            assert line.ends_bold is eager[index]
        else:
            assert line.ends_bold is None
    complete = [line._replace(ends_bold=flag) for line, flag in zip(lines, eager, strict=True)]

    def breaks(paragraphs):
        return [(p.text, len(p.lines)) for p in paragraphs]

    assert breaks(paragraphs_from_lines(lines)) == breaks(paragraphs_from_lines(complete))
