"""Scanned letters read by OCR (Tesseract): made-up letters scanned at test time."""

from __future__ import annotations

import difflib

import pytest

from pipeline.ingest import ocr
from pipeline.ingest.batch import parse_file
from tests import paths
from tests.fixtures.make_scans import scan_pdf

needs_tesseract = pytest.mark.skipif(
    not ocr.tesseract_available(),
    reason="tesseract is absent: apt-get install tesseract-ocr tesseract-ocr-eng",
)

COLUMNS = "level page_num block_num par_num line_num word_num left top width height conf text"
TSV = (
    "\t".join(COLUMNS.split())
    + """
1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t
5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t96.0\tMade-up
5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t90.0\trequest:
5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t80.0\tUpheld
5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t-1\t\u0020
5\t1\t3\t1\t1\t1\t0\t0\t10\t10\t0.0\toe
5\t1\t4\t1\t1\t1\t0\t0\t10\t10\t12.0\tspeckled streak
"""
)


def test_tsv_words_group_into_lines_with_their_mean_confidence_and_noise_is_dropped():
    lines = ocr._tsv_lines(TSV, page_index=2)
    assert [(line.text, line.page, line.confidence) for line in lines] == [
        ("Made-up request:", 2, 93.0),
        ("Upheld", 2, 80.0),
    ]
    assert all(line.baseline is None for line in lines)  # OCR text takes the layout-free path


def _similar(a: str, b: str) -> float:
    norm = " ".join(a.split()).lower(), " ".join(b.split()).lower()
    return difflib.SequenceMatcher(None, *norm).ratio()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scans")
    return {
        pdf.stem: scan_pdf(pdf, folder / pdf.name)
        for pdf in sorted(paths.FIXTURE_LETTERS_DIR.glob("FAKE-*.pdf"))
    }


@needs_tesseract
@pytest.mark.slow
def test_a_scanned_letter_gives_the_pdf_items_marked_as_ocr(scanned, monkeypatch):
    monkeypatch.setenv("IMR_OCR", "auto")
    for stem, scan in scanned.items():
        original = parse_file(paths.FIXTURE_LETTERS_DIR / f"{stem}.pdf").letters[0]
        result = parse_file(scan)
        assert result.reject is None, result.reject
        letter = result.letters[0]
        assert letter.letter["ocr_pages"] == list(range(1, len(letter.letter["ocr_pages"]) + 1))
        assert len(letter.items) == len(original.items)
        for got, want in zip(letter.items, original.items, strict=True):
            assert got["decision"] == want["decision"]
            assert _similar(got["request_text"], want["request_text"]) >= 0.95
            assert "ocr" in got["review"] and 50 < got["ocr_confidence"] <= 100


@needs_tesseract
def test_ocr_never_rejects_a_scan_as_before(scanned, monkeypatch):
    monkeypatch.setenv("IMR_OCR", "never")
    result = parse_file(next(iter(scanned.values())))
    assert result.reject is not None and "no text layer" in result.reject.reason


def test_a_missing_engine_is_named_with_what_to_install(scanned, monkeypatch):
    monkeypatch.setenv("IMR_OCR", "auto")
    monkeypatch.setattr(ocr, "TESSERACT", "tesseract-that-is-not-installed")
    result = parse_file(next(iter(scanned.values())))
    assert result.reject is not None
    assert "no text layer" in result.reject.reason and "tesseract-ocr" in result.reject.reason


def test_the_ocr_mode_is_checked():
    with pytest.raises(ValueError):
        ocr.set_ocr_mode("sometimes")


def _hybrid(source, scan, target):
    """`source`'s first page as it is (text layer) and the rest from its scan (images only)."""
    import pypdfium2 as pdfium

    original, scanned, hybrid = (pdfium.PdfDocument(str(source)), pdfium.PdfDocument(str(scan)),
                                 pdfium.PdfDocument.new())  # fmt: skip
    try:
        hybrid.import_pages(original, [0])
        hybrid.import_pages(scanned, list(range(1, len(scanned))))
        hybrid.save(str(target))
    finally:
        for document in (hybrid, scanned, original):
            document.close()
    return target


@pytest.fixture(scope="module")
def hybrids(scanned, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hybrids")
    return {
        stem: _hybrid(paths.FIXTURE_LETTERS_DIR / f"{stem}.pdf", scan, folder / f"{stem}.pdf")
        for stem, scan in scanned.items()
    }


@needs_tesseract
@pytest.mark.slow
def test_a_hybrid_pdf_has_its_scanned_pages_read_by_ocr_in_page_order(hybrids, monkeypatch):
    monkeypatch.setenv("IMR_OCR", "auto")
    for stem, hybrid in hybrids.items():
        original = parse_file(paths.FIXTURE_LETTERS_DIR / f"{stem}.pdf").letters[0]
        before = ocr.pages_read()
        result = parse_file(hybrid)
        assert result.reject is None, result.reject
        letter = result.letters[0]
        assert original.letter["ocr_pages"] == []
        # Page 1 kept its text layer; every later page was OCRed, and counted for the progress bar.
        assert letter.letter["ocr_pages"] == list(range(2, 2 + ocr.pages_read() - before))
        assert letter.letter["ocr_pages"] and letter.problems == original.problems
        assert len(letter.items) == len(original.items)
        for got, want in zip(letter.items, original.items, strict=True):
            assert got["decision"] == want["decision"]
            assert _similar(got["request_text"], want["request_text"]) >= 0.95
            assert _similar(got["rationale"], want["rationale"]) >= 0.95
            if got["ocr_confidence"] is not None:
                assert "ocr" in got["review"] and 50 < got["ocr_confidence"] <= 100
        assert any("ocr" in item["review"] for item in letter.items)


def test_a_hybrid_pdf_without_ocr_keeps_its_text_pages_and_names_the_pages_not_read(
    hybrids, monkeypatch
):
    monkeypatch.setenv("IMR_OCR", "never")
    for hybrid in hybrids.values():
        result = parse_file(hybrid)
        pages = len(pdfium_pages(hybrid))
        unread = "page 2" if pages == 2 else f"pages {', '.join(map(str, range(2, pages)))} and"
        if result.reject is not None:  # page 1 alone is not a letter: the reason says why
            assert f"{unread}" in result.reject.reason and "--ocr never" in result.reject.reason
            continue
        letter = result.letters[0]
        assert letter.letter["ocr_pages"] == []
        assert letter.problems[0].startswith(unread)
        assert "no text layer" in letter.problems[0] and "--ocr never" in letter.problems[0]


def pdfium_pages(path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return list(range(len(document)))
    finally:
        document.close()


def test_blank_pages_without_an_image_are_not_scans(tmp_path):
    """A text letter's empty last page (the shared letters have some) is not sent to OCR."""
    import pypdfium2 as pdfium

    from pipeline.ingest.pdf import read_pdf_text

    source = paths.FIXTURE_LETTERS_DIR / "FAKE-0000002.pdf"
    original, padded = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    padded.import_pages(original)
    padded.new_page(612, 792)
    padded.save(str(tmp_path / "padded.pdf"))
    padded.close()
    pages = len(original)
    original.close()
    read = read_pdf_text(tmp_path / "padded.pdf")
    assert read.pages == pages + 1 and read.scanned == []


def test_ocr_pages_read_in_forked_workers_show_in_the_progress_bar():
    """The count the progress bar shows is shared with the forked workers, page by page."""
    import multiprocessing

    from pipeline.core.console import OcrPagesColumn

    column = OcrPagesColumn(ocr.pages_read)
    assert column.render(None).plain == ""
    worker = multiprocessing.get_context("fork").Process(target=ocr._count_page)
    worker.start()
    worker.join()
    ocr._count_page()
    assert column.render(None).plain == "OCR 2 pages"
