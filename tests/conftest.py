"""Shared pytest fixtures: paths to the real letters beside the repo (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import paths


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the corpus tests need ../shared beside the repo")
    return path


@pytest.fixture(scope="session")
def shared_letters_dir() -> Path:
    return _require(paths.SHARED_LETTERS_DIR)


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return _require(paths.GOLD_ITEMS_PATH)


@pytest.fixture(scope="session")
def seed_letter_path() -> Path:
    return _require(paths.SHARED_SEED_LETTER)


@pytest.fixture(scope="session")
def fixture_models_root(tmp_path_factory) -> Path:
    """ingest -> tag -> train on the made-up fixture letters, as `make train` on a fresh clone
    does; returns the folder holding interim/, processed/ and models/."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    root = tmp_path_factory.mktemp("chain")
    letters = str(paths.FIXTURE_LETTERS_DIR)
    steps = [
        ["ingest", letters, "--out", str(root / "interim")],
        ["tag", "--in", str(root / "interim"), "--out", str(root / "processed")],
        ["train", "--in", str(root / "processed"), "--models", str(root / "models")],
    ]  # fmt: skip
    for step in steps:
        result = CliRunner().invoke(app, step)
        assert result.exit_code == 0, (step, result.output)
    return root
