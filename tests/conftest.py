"""Shared pytest fixtures: paths to the real letters beside the repo (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import config


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the corpus tests need ../shared beside the repo")
    return path


@pytest.fixture(scope="session")
def shared_letters_dir() -> Path:
    return _require(config.SHARED_LETTERS_DIR)


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return _require(config.GOLD_ITEMS_PATH)


@pytest.fixture(scope="session")
def seed_letter_path() -> Path:
    return _require(config.SHARED_SEED_LETTER)
