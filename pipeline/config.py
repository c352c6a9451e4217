"""Every path and default the pipeline uses, in one place."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"  # the user's own letters (PDF/TXT)
INTERIM_DIR = DATA_DIR / "interim"  # ingest output: letters.parquet, items.parquet, rejects.csv
PROCESSED_DIR = DATA_DIR / "processed"  # tag output: tagged items and letters
MODELS_DIR = ROOT / "models"
# Beside the interim/processed tables: which letters they came from (kept in models/metadata).
PROVENANCE_FILE = "inputs.json"
REPORTS_DIR = ROOT / "reports"

LETTER_SUFFIXES = (".pdf", ".txt")
# `imr serve`'s upload limits (--max-files, --max-file-mb): an IMR letter PDF is well under
# 1 MB, a scanned one a few MB.
SERVE_MAX_FILES = 20
SERVE_MAX_FILE_MB = 20.0
RANDOM_SEED = 20161118

# Budgets for one input file (README "Nothing is lost silently"); each can be changed with the
# environment variable of the same name, e.g. `IMR_FILE_SECONDS=300 imr predict ...`.
LIMIT_DEFAULTS = {
    # wall-clock seconds one file may take to read and parse (and its share of tagging)
    "IMR_FILE_SECONDS": 60.0,
    # address space a worker may add to what it had when forked (RLIMIT_AS), in MB
    "IMR_WORKER_MEMORY_MB": 2048.0,
    # what one PDF stream may inflate to, in MB (checked before pdfium inflates anything)
    "IMR_PDF_STREAM_MB": 256.0,
    # pages in one PDF
    "IMR_PDF_MAX_PAGES": 1000.0,
    # characters in one letter (spaCy's nlp.max_length is 1,000,000; a letter is 10-40 thousand)
    "IMR_LETTER_MAX_CHARS": 1_000_000.0,
    # one PDF page, checked before its text is extracted (pipeline/ingest/pdf_limits.py); a
    # letter page is 8.5 x 11 in, with a few hundred objects and a few thousand characters
    "IMR_PDF_MAX_PAGE_INCHES": 50.0,  # inches a side
    "IMR_PDF_MAX_PAGE_OBJECTS": 100_000.0,  # objects, those inside Form XObjects included
    "IMR_PDF_MAX_FORM_DEPTH": 10.0,  # Form XObjects nested inside each other
    "IMR_PDF_MAX_PAGE_CHARS": 100_000.0,  # characters of text
}


def limit(name: str) -> float:
    """The budget `name` (LIMIT_DEFAULTS), from the environment when set there; 0 there turns
    the budget off (float("inf")). A value that is not a number >= 0 raises ValueError (the
    CLI checks them all at start-up: `check_environment`)."""
    value = os.environ.get(name)
    if value is None:
        return LIMIT_DEFAULTS[name]
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not number >= 0:  # nan or negative
        raise ValueError(f"{name}={value!r}: give a number > 0, or 0 to turn the budget off")
    return number if number > 0 else float("inf")


OCR_MODES = ("auto", "always", "never")  # IMR_OCR, --ocr (pipeline.ingest.ocr)


def check_environment() -> None:
    """ValueError naming the first budget variable or IMR_OCR whose value is not accepted."""
    for name in LIMIT_DEFAULTS:
        limit(name)
    mode = os.environ.get("IMR_OCR")
    if mode is not None and mode.strip().lower() not in OCR_MODES:
        raise ValueError(f"IMR_OCR={mode!r}: give one of {', '.join(OCR_MODES)}")
