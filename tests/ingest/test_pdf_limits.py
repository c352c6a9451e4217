"""The page limits (pipeline/ingest/pdf_limits.py) name what they refused: a chain of N Form
XObjects is N deep, however far past IMR_PDF_MAX_FORM_DEPTH it goes."""

from __future__ import annotations

import pytest

from pipeline.ingest.pdf import read_pdf_text
from pipeline.ingest.pdf_limits import PdfLimitError
from tests.fixtures.hostile_pdfs import nested_forms_pdf


def test_a_chain_of_forms_at_the_depth_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("IMR_PDF_MAX_FORM_DEPTH", "10")
    read = read_pdf_text(nested_forms_pdf(tmp_path / "deep.pdf", depth=10))
    assert [line.text for line in read.lines] == ["Hostile test page Hostile test page"]


@pytest.mark.parametrize("depth", [11, 12, 14, 30])
def test_a_chain_of_forms_too_deep_is_refused_naming_its_depth(tmp_path, monkeypatch, depth):
    monkeypatch.setenv("IMR_PDF_MAX_FORM_DEPTH", "10")
    with pytest.raises(PdfLimitError) as refused:
        read_pdf_text(nested_forms_pdf(tmp_path / "deep.pdf", depth=depth))
    assert str(refused.value).startswith(f"page 1 has Form XObjects nested {depth} deep, over "
                                         "IMR_PDF_MAX_FORM_DEPTH=10")  # fmt: skip


def test_forms_drawn_many_times_too_deep_are_counted_to_their_depth(tmp_path, monkeypatch):
    monkeypatch.setenv("IMR_PDF_MAX_FORM_DEPTH", "10")
    with pytest.raises(PdfLimitError, match="nested 12 deep"):
        read_pdf_text(nested_forms_pdf(tmp_path / "wide.pdf", depth=12, fanout=2))
