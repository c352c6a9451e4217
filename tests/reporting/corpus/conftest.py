"""Reports of the made-up fixture letters, built once per session (without and with models)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import paths


@pytest.fixture(scope="session")
def fixture_report(tmp_path_factory) -> Path:
    """Without models, on two forked workers, one letter per chunk (the pool path)."""
    from pipeline.reporting.corpus.run import build_report

    out = tmp_path_factory.mktemp("corpus") / "report"
    build_report([paths.FIXTURE_LETTERS_DIR], out, None, n_jobs=2, chunk_files=1)
    return out


@pytest.fixture(scope="session")
def fixture_report_models(tmp_path_factory, synthetic_models) -> Path:
    """With (small, synthetic) models, in this process."""
    from pipeline.reporting.corpus.run import build_report

    out = tmp_path_factory.mktemp("corpus_models") / "report"
    build_report([paths.FIXTURE_LETTERS_DIR], out, synthetic_models[2], n_jobs=1)
    return out
