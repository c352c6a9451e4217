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
NLP_DIR = MODELS_DIR / "nlp"  # the assembled spaCy tagging pipeline (nlp.to_disk)
REPORTS_DIR = ROOT / "reports"

# Made-up letters shipped with the project so every stage runs on a fresh clone.
FIXTURE_LETTERS_DIR = ROOT / "tests" / "fixtures" / "letters"

# Real letters and the answer key live beside the repo (never inside it).
SHARED_DIR = Path(os.environ.get("IMR_SHARED_DIR", ROOT.parent / "shared"))
SHARED_LETTERS_DIR = SHARED_DIR / "data" / "letters"
SHARED_SEED_LETTER = SHARED_DIR / "data" / "seed_letter.txt"
GOLD_ITEMS_PATH = SHARED_DIR / "data" / "gold" / "issues.jsonl"

LETTER_SUFFIXES = (".pdf", ".txt")
RANDOM_SEED = 20161118
