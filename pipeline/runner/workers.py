"""Worker processes that one bad file cannot take down with the run.

Each local worker is forked from the main process (so it inherits the loaded pipeline and
models), caps its own address space (RLIMIT_AS: what it had when forked plus
IMR_WORKER_MEMORY_MB) and says, in a small marker file, which file it is working on and until
when. If a worker dies anyway (pdfium aborts when it cannot allocate; a crash in C code; the
kernel's OOM killer) or overruns its time by far (C code that never returns, so the in-worker
alarm cannot fire), the main process kills it, runs each file that worker (and any other
worker stopped with it) was on alone in a fresh process, rejects the one that fails again, and
runs the rest of the work on a new pool. Results still come back in input order.

Inside a worker, `time_budget` (`pipeline.core.budget`) raises `FileTimeout` in Python code
when one file takes longer than IMR_FILE_SECONDS (a SIGALRM timer: two system calls per file);
each letter has its own budget, and its own entry in the marker, so a slow letter never eats
its neighbours'. `worker_count` is the one reading of --jobs (-1: all cores) every run uses.

A worker dies with the process that started it (Linux `PR_SET_PDEATHSIG`), so a main process
killed with -9 leaves no worker behind; its marker folder (`imr-workers-<pid>-...` in the
temporary folder) is removed by the next run (`pipeline.core.temps`). An exception that is not a
data error (`pipeline.core.data_errors`) comes back from the worker and stops the run.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from pipeline.config import limit
from pipeline.core.budget import mark, open_marker, timeout_reason
from pipeline.core.temps import own_prefix, sweep_stale

T = TypeVar("T")

# Beyond its own budget, how long the main process lets a worker's file run before killing it.
HARD_LIMIT_FACTOR = 2.0
HARD_LIMIT_EXTRA_SECONDS = 10.0
POLL_SECONDS = 0.5


def worker_count(n_jobs: int, tasks: int) -> int:
    """THE number of worker processes of a run: `n_jobs` (-1: every core this process may run
    on, its CPU affinity, which a container or `taskset` narrows), never more than there are
    tasks, at least one."""
    if n_jobs == -1:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        n_jobs = cores or os.cpu_count() or 1
    return max(1, min(n_jobs, tasks))


# --- inside a worker ----------------------------------------------------------------------


def _virtual_memory_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def cap_address_space() -> None:
    """RLIMIT_AS = this process's address space now + IMR_WORKER_MEMORY_MB."""
    extra = limit("IMR_WORKER_MEMORY_MB")
    now = _virtual_memory_bytes()
    if extra == float("inf") or now is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = now + int(extra * 2**20)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _run_marked(run: Callable[[list[Path]], T], paths: list[Path]) -> T:
    # All the task's files until the first letter says which one it is on; each letter then
    # marks itself with its own budget (parse_file, engine.each_file_isolated).
    mark(paths, limit("IMR_FILE_SECONDS"))
    try:
        return run(paths)
    finally:
        mark([], float("inf"))


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have the kernel SIGKILL this process when its parent dies (Linux; elsewhere a no-op),
    and exit now if the parent is already gone."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _start_worker(marker_dir: str, parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's clean-stop handler
    open_marker(os.path.join(marker_dir, str(os.getpid())))
    cap_address_space()


MARKER_PREFIX = "imr-workers-"


def new_marker_dir() -> str:
    """A fresh marker folder named with this pid; stale ones of dead runs are removed first."""
    sweep_stale(tempfile.gettempdir(), MARKER_PREFIX)
    return tempfile.mkdtemp(prefix=own_prefix(MARKER_PREFIX))


# --- in the main process ------------------------------------------------------------------


@dataclass
class _Piece:
    paths: list[Path]
    alone: bool = False  # run in a process of its own (suspected of killing a worker)
    result: object = None
    done: bool = False


def _read_markers(marker_dir: str) -> dict[int, tuple[float, list[Path]]]:
    found = {}
    for name in os.listdir(marker_dir):
        if not name.isdigit():
            continue
        try:
            with open(os.path.join(marker_dir, name), "rb") as f:
                lines = f.read().decode().splitlines()
        except OSError:
            continue
        if not lines:
            continue
        paths = [Path(os.fsdecode(bytes.fromhex(line))) for line in lines[1:]]
        found[int(name)] = (float(lines[0]), paths)
    return found


def _clear_markers(marker_dir: str) -> None:
    for name in os.listdir(marker_dir):
        if not name.isdigit():
            continue
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(marker_dir, name))


def _hard_deadline(deadline: float) -> float:
    if deadline == float("inf"):
        return deadline
    budget = limit("IMR_FILE_SECONDS")
    return deadline + (HARD_LIMIT_FACTOR - 1) * budget + HARD_LIMIT_EXTRA_SECONDS


def _wait(future: Future[T], marker_dir: str, pool: ProcessPoolExecutor | None) -> T:
    """The future's result; kills a worker of `pool` whose file runs far past its deadline (the
    pool then breaks and the caller recovers)."""
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except FutureTimeout:
            now = time.time()
            ours = set(getattr(pool, "_processes", None) or ())
            for pid, (deadline, _) in _read_markers(marker_dir).items():
                if pid in ours and now > _hard_deadline(deadline):
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)


class _Recovery(Generic[T]):
    def __init__(
        self,
        run: Callable[[list[Path]], T],
        merge: Callable[[list[T]], T],
        failed: Callable[[Path, str], T],
    ) -> None:
        self.run, self.merge, self.failed = run, merge, failed


def _alone(recovery: _Recovery[T], path: Path, marker_dir: str) -> T:
    """One suspected file in a fresh worker of its own: its result, or a failure result."""
    context = multiprocessing.get_context("fork")
    marker_dir = tempfile.mkdtemp(prefix="alone-", dir=marker_dir)
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=_start_worker, initargs=(marker_dir, os.getpid())
    ) as pool:
        future = pool.submit(_run_marked, recovery.run, [path])
        try:
            return _wait(future, marker_dir, pool)
        except BrokenProcessPool:
            markers = _read_markers(marker_dir)
            late = any(time.time() > _hard_deadline(d) for d, _ in markers.values())
            _clear_markers(marker_dir)
            if late:
                return recovery.failed(path, timeout_reason(limit("IMR_FILE_SECONDS")))
            return recovery.failed(
                path,
                "the worker reading it died (out of memory past IMR_WORKER_MEMORY_MB = "
                f"{limit('IMR_WORKER_MEMORY_MB'):g} MB, or a crash in the PDF library)",
            )
        except BaseException:  # Ctrl-C, SIGTERM, a bug: do not wait for the file to end
            _kill_workers(pool)
            raise


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError):
            process.kill()


@contextlib.contextmanager
def closing_workers(results: _ResilientMap[T]) -> Iterator[None]:
    """Close a `resilient_map` when the block ends; at once (killing the workers) when it
    ends by an exception, Ctrl-C or SIGTERM, instead of after their current files."""
    try:
        yield
    except BaseException:
        results.close(kill=True)
        raise
    results.close()


def resilient_map(
    tasks: Sequence[list[Path]],
    workers: int,
    run: Callable[[list[Path]], T],
    merge: Callable[[list[T]], T],
    failed: Callable[[Path, str], T],
) -> _ResilientMap[T]:
    """`run(task)` for each task on `workers` forked processes, in task order. A task whose
    worker died is split: each file it was on runs alone (`failed(path, reason)` if that dies
    too), the rest runs on a new pool; `merge` joins a task's pieces in file order.

    The first pool's workers are forked here, before the caller starts any thread (such as a
    progress bar); `run` must be picklable (a module-level function or a partial of one)."""
    return _ResilientMap(tasks, workers, _Recovery(run, merge, failed))


class _ResilientMap(Iterator[T]):
    def __init__(self, tasks: Sequence[list[Path]], workers: int, recovery: _Recovery[T]) -> None:
        self.recovery = recovery
        self.workers = workers
        self.marker_dir = new_marker_dir()
        self.pieces: list[list[_Piece]] = [[_Piece(list(task))] for task in tasks]
        self.next_task = 0
        self.futures: dict[int, Future[T]] = {}
        self.pool: ProcessPoolExecutor | None = None
        self._start_pool()

    def _start_pool(self) -> None:
        _clear_markers(self.marker_dir)
        self.pool = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(self.marker_dir, os.getpid()),
        )
        self.futures = {}
        for index in range(self.next_task, len(self.pieces)):
            for piece in self.pieces[index]:
                if not piece.done and not piece.alone:
                    self.futures[id(piece)] = self.pool.submit(
                        _run_marked, self.recovery.run, piece.paths
                    )

    def _stop_pool(self, kill: bool = False) -> None:
        if self.pool is None:
            return
        if kill:  # stopping early (Ctrl-C, SIGTERM, a bug): do not wait for running files
            _kill_workers(self.pool)
        with contextlib.suppress(BrokenProcessPool):
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None

    def close(self, kill: bool = False) -> None:
        """Stop the workers (`kill`: at once, not after their current file) and remove the
        marker folder."""
        self._stop_pool(kill)
        shutil.rmtree(self.marker_dir, ignore_errors=True)

    def __next__(self) -> T:
        if self.next_task >= len(self.pieces):
            self.close()
            raise StopIteration
        while True:
            if self.pool is None:
                self._start_pool()
            try:
                return self._next_task()
            except BrokenProcessPool:
                self._recover()
            except BaseException:
                self.close(kill=True)
                raise

    def _next_task(self) -> T:
        pieces = self.pieces[self.next_task]
        for piece in pieces:
            if piece.done:
                continue
            if piece.alone:
                piece.result = _alone(self.recovery, piece.paths[0], self.marker_dir)
            else:
                piece.result = _wait(self.futures[id(piece)], self.marker_dir, self.pool)
            piece.done = True
            # A finished future holds its chunk's records: drop it, or memory grows with the run.
            self.futures.pop(id(piece), None)
        self.pieces[self.next_task] = []
        self.next_task += 1
        if len(pieces) == 1:
            return cast(T, pieces[0].result)
        return self.recovery.merge([cast(T, p.result) for p in pieces])

    def _recover(self) -> None:
        suspects = {p for _, paths in _read_markers(self.marker_dir).values() for p in paths}
        if not suspects:  # died before saying what it was on: the awaited task's files
            for piece in self.pieces[self.next_task]:
                if not piece.done and not piece.alone:
                    suspects.update(piece.paths)
        for index in range(self.next_task, len(self.pieces)):
            split: list[_Piece] = []
            for piece in self.pieces[index]:
                future = self.futures.get(id(piece))
                if not piece.done and future is not None and future.done():
                    with contextlib.suppress(BrokenProcessPool):
                        piece.result, piece.done = future.result(), True
                split.extend(_split(piece, suspects))
            self.pieces[index] = split
        self._stop_pool()


def _split(piece: _Piece, suspects: set[Path]) -> list[_Piece]:
    if piece.done or piece.alone or not suspects.intersection(piece.paths):
        return [piece]
    out: list[_Piece] = []
    run: list[Path] = []
    for path in piece.paths:
        if path in suspects:
            if run:
                out.append(_Piece(run))
                run = []
            out.append(_Piece([path], alone=True))
        else:
            run.append(path)
    if run:
        out.append(_Piece(run))
    return out
