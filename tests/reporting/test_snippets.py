"""Snippets in the evaluation report are cut between words, never inside one (made-up text)."""

from __future__ import annotations

import random

import pytest

from pipeline.reporting.metrics import ELLIPSIS, snippet

WORDS = ["the", "patient", "reported", "no", "functional", "improvement", "after",
         "physiotherapy", "sessions", "documented", "in", "records", "2014", "MRI"]  # fmt: skip


def _text(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 80)))


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("limit", [20, 57, 160])
def test_head_snippet_ends_at_a_word_boundary(seed, limit):
    text = _text(seed)
    cut = snippet(text, limit)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text
        return
    assert cut.endswith(ELLIPSIS)
    kept = cut[: -len(ELLIPSIS)]
    assert text.startswith(kept)
    assert text[len(kept)] == " ", f"cut inside a word: {kept!r}"


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("limit", [20, 57, 160])
def test_tail_snippet_starts_at_a_word_boundary(seed, limit):
    text = _text(seed)
    cut = snippet(text, limit, from_end=True)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text
        return
    assert cut.startswith(ELLIPSIS)
    kept = cut[len(ELLIPSIS) :]
    assert text.endswith(kept)
    assert text[-len(kept) - 1] == " ", f"cut inside a word: {kept!r}"


def test_whitespace_is_collapsed_and_a_short_text_is_kept_whole():
    assert snippet("  two\n words ") == "two words"


def test_a_single_word_longer_than_the_limit_is_the_only_word_cut():
    cut = snippet("a" * 50, 10)
    assert cut == "a" * 9 + ELLIPSIS
