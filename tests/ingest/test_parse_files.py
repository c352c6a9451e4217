"""When ingest pays for worker processes: many files, or a few scan-sized ones (OCR)."""

from __future__ import annotations

import pytest

from pipeline import workers
from pipeline.ingest import batch


@pytest.fixture
def recorded(monkeypatch):
    calls: list[list[list]] = []

    def fake_map(tasks, n_workers, work, combine, failed):
        calls.append(tasks)
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
    assert recorded == [[[p] for p in paths]]


def test_a_few_small_files_stay_in_process(tmp_path, recorded):
    paths = _files(tmp_path, 3, 2_000)
    assert len(list(batch.parse_files(paths, n_jobs=2))) == 3
    assert recorded == []


def test_one_job_never_uses_workers(tmp_path, recorded):
    paths = _files(tmp_path, 3, batch.SCAN_SIZED_BYTES + 1)
    assert len(list(batch.parse_files(paths, n_jobs=1))) == 3
    assert recorded == []
