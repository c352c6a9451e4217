"""Where the tests find their inputs. The pipeline's own config (pipeline/config.py) never
points into tests/ or ../shared: the made-up fixture letters and the real letters beside the
repository are the tests' business (and the Makefile's: `make smoke`, `make score`)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Made-up letters shipped with the project so every stage runs on a fresh clone.
FIXTURE_LETTERS_DIR = ROOT / "tests" / "fixtures" / "letters"

# Real letters and the answer keys live beside the repo (never inside it).
SHARED_DIR = Path(os.environ.get("IMR_SHARED_DIR", ROOT.parent / "shared"))
SHARED_LETTERS_DIR = SHARED_DIR / "data" / "letters"
SHARED_SEED_LETTER = SHARED_DIR / "data" / "seed_letter.txt"
GOLD_ITEMS_PATH = SHARED_DIR / "data" / "gold" / "issues.jsonl"
GOLD_REASONS_PATH = SHARED_DIR / "data" / "gold" / "reasons.jsonl"
