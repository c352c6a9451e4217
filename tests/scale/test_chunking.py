"""How the engine cuts the letters into work units: in order, nothing lost or repeated, and a
tail of small chunks when several workers share the run."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.runner.run import chunked


@given(st.integers(0, 700), st.integers(1, 100), st.integers(1, 4))
def test_chunks_keep_every_letter_once_in_order(n, size, workers):
    paths = list(range(n))
    chunks = chunked(paths, size, workers)
    assert [p for chunk in chunks for p in chunk] == paths
    assert all(0 < len(chunk) <= size for chunk in chunks)


def test_the_last_workers_chunks_are_quarter_size():
    chunks = chunked(list(range(2000)), 64, workers=2)
    assert [len(c) for c in chunks[-8:]] == [16] * 8
    assert [len(c) for c in chunked(list(range(2000)), 64)][-2:] == [64, 16]
