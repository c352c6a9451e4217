"""Differential tests for the remaining hand-written equivalences the code relies on (issue 12):
each is checked against the library behaviour it claims to reproduce, on random text.

(The compiled scorers against scikit-learn are in tests/modeling/test_linear.py and
test_linear_pieces.py, the category backoff against MultinomialNB in
tests/tagging/test_backoff_vs_sklearn.py, the span rules' trigger windows in
tests/tagging/test_spanrules_differential.py, the typer help patch in
tests/test_cli_help_patch.py. The verdict masker runs spaCy's own `Sentencizer`.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.features.table import _strip_placeholder

# Every kind of whitespace Python knows, between words and placeholders.
_SPACES = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2003", "\u3000"]
_TEXT = st.lists(
    st.one_of(st.sampled_from(_SPACES), st.sampled_from(["[VERDICT]", "PT", "é", "x"]), st.text()),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_whitespace_normalisation_equals_the_regex_it_replaces(text):
    """`_strip_placeholder` uses str.split() for re.sub(r"\\s+", " ", ...).strip()."""
    expected = re.sub(r"\s+", " ", text.replace("[VERDICT]", " ")).strip()
    assert _strip_placeholder(text, "[VERDICT]") == expected


@pytest.fixture(scope="module")
def tokenizer():
    from pipeline.tagging import build_nlp

    return build_nlp().tokenizer


@settings(max_examples=200, deadline=None)
@given(text=_TEXT)
def test_the_text_keeping_tokenizer_keeps_doc_text(tokenizer, text):
    """Components read the kept input string instead of `doc.text`: the two must be equal."""
    from pipeline.tagging._resources import doc_text

    doc = tokenizer(text)
    assert doc_text(doc) == doc.text == text
