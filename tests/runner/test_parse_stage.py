"""Ingest's parse on the runner: always in capped worker processes (issue 20: a file's memory
or crash costs only that file); more than one when there is the work: many files, or a few
scan-sized ones (OCR)."""

from __future__ import annotations

import os

import pytest

from pipeline.ingest import batch
from pipeline.runner import run
from pipeline.runner.ingest import parse_stage


class _Recorded:
    """Stands in for `workers.resilient_map`: runs the tasks here, recording how it was asked."""

    def __init__(self, calls, tasks, n_workers, work):
        calls.append((tasks, n_workers))
        self.results = iter([work(task) for task in tasks])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.results)

    def close(self, kill: bool = False) -> None:
        pass


@pytest.fixture
def recorded(monkeypatch):
    calls: list[tuple[list[list], int]] = []

    def fake_map(tasks, n_workers, work, merge, failed):
        return _Recorded(calls, tasks, n_workers, work)

    monkeypatch.setattr(run, "resilient_map", fake_map)
    return calls


def _files(folder, count: int, size: int) -> list:
    paths = []
    for index in range(count):
        path = folder / f"letter-{index}.txt"
        path.write_text("x" * size)
        paths.append(path)
    return paths


def _parsed(paths, n_jobs):
    with run.chunk_results(paths, parse_stage(paths, n_jobs), n_jobs) as chunks:
        return [result for chunk in chunks for result in chunk.results]


def test_a_few_scan_sized_files_go_to_workers_one_per_task(tmp_path, recorded):
    paths = _files(tmp_path, 3, batch.SCAN_SIZED_BYTES + 1)
    assert len(_parsed(paths, n_jobs=2)) == 3
    assert recorded == [([[p] for p in paths], 2)]


def test_a_few_small_files_take_one_worker(tmp_path, recorded):
    paths = _files(tmp_path, 3, 2_000)
    assert len(_parsed(paths, n_jobs=2)) == 3
    assert recorded == [([paths], 1)]


def test_one_job_still_parses_in_a_capped_worker(tmp_path, recorded):
    paths = _files(tmp_path, 3, batch.SCAN_SIZED_BYTES + 1)
    assert len(_parsed(paths, n_jobs=1)) == 3
    assert recorded == [([paths], 1)]


def test_many_small_files_share_the_cores_in_order(tmp_path, recorded):
    paths = _files(tmp_path, batch.MIN_FILES_FOR_WORKERS, 10)
    results = _parsed(paths, n_jobs=2)
    assert [r.path for r in results] == [str(p) for p in paths]
    [(tasks, workers)] = recorded
    assert workers == 2 and max(len(t) for t in tasks) == batch.PARSE_CHUNK_FILES


def test_one_job_really_runs_in_another_process(tmp_path, monkeypatch):
    """Not in the caller's process, so its RLIMIT_AS cap holds there (the cap is a worker's)."""
    paths = _files(tmp_path, 2, 2_000)
    original = batch.parse_file

    def where(path):
        result = original(path)
        result.reject = batch.Reject(str(os.getpid()), "probe", "")
        return result

    monkeypatch.setattr(batch, "parse_file", where)  # the forked worker inherits it
    seen = [int(r.reject.file) for r in _parsed(paths, n_jobs=1)]
    assert seen and os.getpid() not in seen
