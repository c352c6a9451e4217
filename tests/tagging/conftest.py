"""Fixtures for the tagging tests: one assembled pipeline per session (building it is the
slow part: the lexicon is tokenised once)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.tagging import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()
