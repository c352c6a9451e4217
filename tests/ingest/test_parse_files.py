"""Ingest always parses in capped worker processes (issue 20: a file's memory or crash costs
only that file); it pays for more than one when there is the work: many files, or a few
scan-sized ones (OCR)."""

from __future__ import annotations

import pytest

from pipeline import workers
from pipeline.ingest import batch


@pytest.fixture
def recorded(monkeypatch):
    calls: list[tuple[list[list], int]] = []

    def fake_map(tasks, n_workers, work, combine, failed):
        calls.append((tasks, n_workers))
        for task in tasks:
            yield work(task)

    monkeypatch.setattr(workers, "resilient_map", fake_map)
    return calls


def _files(folder, count: int, size: int) -> list:
    paths = []
    for index in range(count):
        path = folder / f"letter-{index}.txt"
        path.write_text("x" * size)
        paths.append(path)
    return paths


def test_a_few_scan_sized_files_go_to_workers_one_per_task(tmp_path, recorded):
    paths = _files(tmp_path, 3, batch.SCAN_SIZED_BYTES + 1)
    results = list(batch.parse_files(paths, n_jobs=2))
    assert len(results) == 3
    assert recorded == [([[p] for p in paths], 2)]


def test_a_few_small_files_take_one_worker(tmp_path, recorded):
    paths = _files(tmp_path, 3, 2_000)
    assert len(list(batch.parse_files(paths, n_jobs=2))) == 3
    assert recorded == [([paths], 1)]


def test_one_job_still_parses_in_a_capped_worker(tmp_path, recorded):
    paths = _files(tmp_path, 3, batch.SCAN_SIZED_BYTES + 1)
    assert len(list(batch.parse_files(paths, n_jobs=1))) == 3
    assert recorded == [([paths], 1)]


def test_one_job_really_runs_in_another_process(tmp_path):
    """Not in the caller's process, so its RLIMIT_AS cap holds there (the cap is a worker's)."""
    import os

    paths = _files(tmp_path, 2, 2_000)
    seen: list[int] = []
    original = batch.parse_file

    def where(path):
        result = original(path)
        result.reject = batch.Reject(str(os.getpid()), "probe", "")
        return result

    batch.parse_file, saved = where, batch.parse_file
    try:
        seen = [int(r.reject.file) for r in batch.parse_files(paths, n_jobs=1)]
    finally:
        batch.parse_file = saved
    assert seen and os.getpid() not in seen
