"""The one runner: one reading of --jobs, chunk results to every sink in input order, and a
run that stops early leaves each sink told so (so it discards its temporaries)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.runner.run import Stage, run_stage
from pipeline.runner.workers import worker_count


@dataclass
class Names:
    names: list[str] = field(default_factory=list)
    pids: set[int] = field(default_factory=set)

    @property
    def files(self) -> int:
        return len(self.names)


def names(paths: list[Path]) -> Names:
    return Names([Path(p).name for p in paths], {os.getpid()})


def merge(parts: list[Names]) -> Names:
    return Names([n for p in parts for n in p.names], set().union(*(p.pids for p in parts)))


def failed(path: Path, reason: str) -> Names:
    return Names([f"failed:{Path(path).name}"])


class Collect:
    def __init__(self, stop_after: int | None = None) -> None:
        self.chunks: list[Names] = []
        self.exit_error: BaseException | None = None
        self.entered = False
        self.stop_after = stop_after

    def __enter__(self) -> Collect:
        self.entered = True
        return self

    def write(self, chunk: Names) -> None:
        self.chunks.append(chunk)
        if self.stop_after is not None and len(self.chunks) >= self.stop_after:
            raise KeyboardInterrupt

    def __exit__(self, kind, error, trace) -> None:
        self.exit_error = error


def _paths(count: int) -> list[Path]:
    return [Path(f"/nowhere/letter-{i:03d}.txt") for i in range(count)]


def test_all_cores_is_the_cores_this_process_may_run_on():
    assert worker_count(-1, 10_000) == len(os.sched_getaffinity(0))


@pytest.mark.parametrize(("jobs", "tasks", "workers"), [(4, 2, 2), (2, 9, 2), (1, 0, 1), (3, 3, 3)])
def test_never_more_workers_than_tasks_and_at_least_one(jobs, tasks, workers):
    assert worker_count(jobs, tasks) == workers


def test_every_sink_gets_every_chunk_in_input_order_from_worker_processes():
    stage = Stage("test", names, merge, failed, chunk_files=3)
    first, second = Collect(), Collect()
    run_stage(_paths(20), stage, [first, second], n_jobs=2, progress=False)
    for sink in (first, second):
        assert [n for c in sink.chunks for n in c.names] == [p.name for p in _paths(20)]
        assert sink.exit_error is None
    assert os.getpid() not in set().union(*(c.pids for c in first.chunks))


def test_a_run_stopped_early_tells_every_sink():
    stage = Stage("test", names, merge, failed, chunk_files=2)
    stopping, other = Collect(stop_after=1), Collect()
    with pytest.raises(KeyboardInterrupt):
        run_stage(_paths(10), stage, [other, stopping], n_jobs=1, progress=False)
    assert isinstance(stopping.exit_error, KeyboardInterrupt)
    assert isinstance(other.exit_error, KeyboardInterrupt)
