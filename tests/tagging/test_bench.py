"""Speed floor of the assembled tagging pipeline on made-up letter-sized text."""

from __future__ import annotations

import os

from pipeline.tagging.bench import count_words, measure_words_per_second, synthetic_corpus

# Overridable for a much slower CI machine; the project's floor is 200k words/s on one core.
FLOOR = float(os.environ.get("IMR_MIN_WORDS_PER_SECOND", "200000"))


def test_synthetic_corpus_is_big_enough():
    texts = synthetic_corpus(200_000)
    assert count_words(texts) >= 200_000
    assert 500 <= count_words(texts[:1]) <= 1500  # letter-sized


def test_pipeline_meets_the_speed_floor(nlp):
    texts = synthetic_corpus(200_000)
    wps = measure_words_per_second(nlp, texts, repeats=3)
    assert wps >= FLOOR, f"{wps:,.0f} words/s is below the floor of {FLOOR:,.0f}"
