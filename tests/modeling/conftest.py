"""Corpus fixtures: the 130 real letters, ingested and tagged once per session (skipped when
../shared is absent), plus one small trained model folder on made-up data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.features.table import build_features, outcome_labels


@dataclass
class Tagged:
    items: pd.DataFrame
    letters: pd.DataFrame
    features: pd.DataFrame
    y: np.ndarray


@pytest.fixture(scope="session")
def tagged_corpus(shared_letters_dir, tmp_path_factory) -> Tagged:
    from pipeline.core.io import read_table
    from pipeline.runner.ingest import run_ingest

    tagging = pytest.importorskip("pipeline.tagging", reason="pipeline.tagging is not available")
    out = tmp_path_factory.mktemp("interim")
    run_ingest([shared_letters_dir], out)
    items, letters = tagging.tag_items(
        read_table(out / "items.parquet"), read_table(out / "letters.parquet")
    )
    items = items.reset_index(drop=True)
    return Tagged(items, letters, build_features(items, letters), outcome_labels(items))


@pytest.fixture(scope="session")
def synthetic_models(tmp_path_factory) -> tuple[pd.DataFrame, pd.DataFrame, Path]:
    from pipeline.modeling.train import train_models
    from tests.modeling.synthetic import make_tables

    items, letters = make_tables()
    models_dir = tmp_path_factory.mktemp("models")
    train_models(items, letters, models_dir, select=False)
    return items, letters, models_dir
