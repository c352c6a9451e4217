"""The words/s measurement of the issue-3 taggers (treatments, category, frequencies,
quantities, guideline limits, citations), on made-up letter-sized text and on the real letters.
Whether they meet the floor (>= 200,000 words/s on one core) is `python -m benchmarks tag`'s report
(`make bench-tag`), not a test's: a test cannot time anything on a shared machine."""

from __future__ import annotations

import pytest

from benchmarks.tagging import count_words, synthetic_corpus


def test_synthetic_corpus_is_big_enough():
    texts = synthetic_corpus(200_000)
    assert count_words(texts) >= 200_000
    assert 500 <= count_words(texts[:1]) <= 1500  # letter-sized


@pytest.mark.slow
def test_tag_stage_words_per_second_on_made_up_text():
    """Each made-up document plays a rationale with a short disputed item, as in a letter."""
    import pandas as pd

    from benchmarks.throughput import tag_frames_words_per_second

    texts = synthetic_corpus(200_000)
    items = pd.DataFrame({
        "case_number": [f"MADE-UP-{n}" for n in range(len(texts))],
        "issue_index": [0] * len(texts),
        "disputed_item": ["Physical therapy 2 times a week for 6 weeks"] * len(texts),
        "rationale": texts,
        "claims_admin_guideline_text": [None] * len(texts),
        "maximus_guideline_text": [None] * len(texts),
    })  # fmt: skip
    letters = pd.DataFrame({"case_number": items.case_number, "clinical_case_summary": ""})
    wps, words = tag_frames_words_per_second(items, letters, repeats=3, without=["verdict_masker"])
    assert words >= 200_000 and wps > 0


@pytest.mark.corpus
def test_tag_stage_words_per_second_on_the_real_letters(shared_letters_dir):
    """Issue 3's figure for the `tag` stage on the letters' own texts (its floor: bench-tag)."""
    from benchmarks.throughput import tag_stage_words_per_second
    from pipeline.ingest.batch import discover

    words_per_second, words = tag_stage_words_per_second(
        discover([shared_letters_dir])[0], without=["verdict_masker"]
    )
    assert words > 50_000 and words_per_second > 0
