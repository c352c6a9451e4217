"""Pages without a text layer -> printed lines, read by Tesseract OCR.

A scanned or faxed letter has no text layer. Its pages are rendered (pdfium) and read by the
`tesseract` program from Debian's `tesseract-ocr` + `tesseract-ocr-eng` packages (no model is
downloaded at run time). Its TSV output gives each word with a confidence; words are grouped
into Tesseract's lines, which then take the layout-free text path (`segment.py`) like any
text export. Each line keeps its words' mean confidence, so items can say how sure the OCR was.

Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): the pipeline's worker processes already
use every core, and its own threads only slow it down here.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from pipeline import config
from pipeline.ingest.layout import Line

OCR_MODES = config.OCR_MODES
RENDER_DPI = 200
# Specks and scanner streaks come out as short lines of near-zero confidence ("oe", "ue");
# dropped, so they never end a request or stand for its decision word.
NOISE_CONFIDENCE = 25.0
SHORT_NOISE = (4, 50.0)  # lines under 4 characters below 50
PAGE_TIMEOUT_S = 120
TESSERACT = "tesseract"
INSTALL_HINT = (
    "install Tesseract OCR to read it (Debian/Ubuntu: apt-get install tesseract-ocr "
    "tesseract-ocr-eng; macOS: brew install tesseract)"
)


class OcrUnavailableError(RuntimeError):
    """The OCR engine is not installed (or does not run)."""


# Pages read so far by this process and every worker forked from it: shared memory, so the
# progress bar (console.py) can show OCR progress page by page while the workers read. One
# counter per process id slot and no lock: a worker killed mid-count can block no other.
_PAGES_READ = multiprocessing.get_context("fork").RawArray("q", 64)


def pages_read() -> int:
    """Pages OCRed so far by this process and the workers forked after this module loaded."""
    return sum(_PAGES_READ)


def _count_page() -> None:
    _PAGES_READ[os.getpid() % len(_PAGES_READ)] += 1


def ocr_mode() -> str:
    """The mode set for this process (`--ocr`, or IMR_OCR in the environment): auto/always/never."""
    mode = os.environ.get("IMR_OCR", "auto").strip().lower()
    return mode if mode in OCR_MODES else "auto"


def set_ocr_mode(mode: str) -> None:
    """Set the mode for this process and the workers it forks or spawns."""
    if mode not in OCR_MODES:
        raise ValueError(f"--ocr must be one of {', '.join(OCR_MODES)}")
    os.environ["IMR_OCR"] = mode


def tesseract_available() -> bool:
    return shutil.which(TESSERACT) is not None


def _tsv_lines(tsv: str, page_index: int) -> list[Line]:
    """Tesseract TSV -> one Line per recognised line, with its words' mean confidence."""
    words: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.setdefault(key, []).append((text, float(row["conf"])))
    lines = []
    for key in sorted(words):
        tokens = words[key]
        confidences = [conf for _, conf in tokens if conf >= 0]
        mean = sum(confidences) / len(confidences) if confidences else 0.0
        text = " ".join(t for t, _ in tokens)
        if mean < NOISE_CONFIDENCE or (len(text) < SHORT_NOISE[0] and mean < SHORT_NOISE[1]):
            continue
        lines.append(Line(text, page=page_index, confidence=round(mean, 1)))
    return lines


def ocr_image(png: bytes, page_index: int) -> list[Line]:
    """One page image (PNG bytes) -> its printed lines."""
    if not tesseract_available():
        raise OcrUnavailableError(INSTALL_HINT)
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", "eng", "--psm", "3", "tsv"],
            input=png,
            capture_output=True,
            timeout=PAGE_TIMEOUT_S,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OcrUnavailableError(f"OCR took longer than {PAGE_TIMEOUT_S} s on one page") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrUnavailableError(f"tesseract failed: {message[-1] if message else 'no message'}")
    return _tsv_lines(done.stdout.decode("utf-8", "replace"), page_index)


def ocr_pages(document: object, pages: Sequence[int]) -> list[Line]:
    """Render the given pages of an open pypdfium2 document and read them."""
    lines: list[Line] = []
    for index in pages:
        page = document[index]  # type: ignore[index]
        try:
            image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        lines.extend(ocr_image(buffer.getvalue(), index))
        _count_page()  # progress: see pages_read
    return lines


def ocr_pdf(path: Path, pages: Sequence[int] | None = None) -> list[Line]:
    """Every page (or the given ones) of a PDF, read by OCR."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path), password="")
    try:
        return ocr_pages(document, range(len(document)) if pages is None else pages)
    finally:
        document.close()
