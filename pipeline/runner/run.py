"""THE runner: one function runs a stage over many files, with one worker pool, into sinks.

`run_stage(paths, stage, sinks)` is how every command that reads letters runs them
(`imr ingest`, `extract`, `predict`, `report`, and the Dask path of extract/predict):

- **workers**: `workers.worker_count` is the one reading of --jobs (-1: all cores); the files
  go in chunks (`chunked`) to forked workers (`workers.resilient_map`), which keep every
  file's limits: an address-space cap, a time budget per letter, a dead worker's files retried
  alone. Even one chunk on one core runs in a worker, so the limits hold for every letter.
  With a Dask scheduler the chunks run on the cluster instead (joblib's dask backend).
- **order**: chunk results come back in input order, so a cluster run or a run on N cores
  equals a local run on one, item for item.
- **sinks**: each chunk result goes to every sink as it arrives (memory stays flat); a sink
  is a context manager with `write(chunk)` that writes atomically, so a run that stops
  early (a bug, Ctrl-C, SIGTERM) leaves the previous outputs as they were.
- **progress**: a bar on stderr with an ETA, entered after the workers are forked.
- **interruption**: Ctrl-C and SIGTERM raise `stops.Stopped` in the main process: the sinks
  discard this run's temporaries and the workers are killed at once; the CLI then says what
  was kept (`stops.stopped_line`).

A stage (`Stage`) says what happens to a chunk of files in a worker; its module owns that
(the engine's parse -> tag -> predict, ingest's parse, the corpus report's render).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

from pipeline.runner.workers import closing_workers, resilient_map, worker_count

CHUNK_FILES = 64


class Chunk(Protocol):
    """What every stage's chunk result has: the number of input files it accounts for."""

    @property
    def files(self) -> int: ...


C = TypeVar("C", bound=Chunk)
C_contra = TypeVar("C_contra", contravariant=True)


class Sink(Protocol[C_contra]):
    """Where chunk results go: entered before the first chunk, `write` for each chunk, left
    with the exception that stopped the run (if any): a sink commits its output only when
    left without one."""

    def __enter__(self) -> Any: ...

    def write(self, chunk: C_contra) -> None: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> Any: ...


@dataclass(frozen=True)
class Stage(Generic[C]):
    """What a run does with its files.

    `work`, `merge` and `failed` run in the workers or are sent to them, so they must be
    picklable (module-level functions, or `functools.partial`s of them)."""

    name: str  # the progress bar's label
    work: Callable[[list[Path]], C]  # one chunk of files -> its result (in a worker)
    merge: Callable[[list[C]], C]  # a chunk's pieces (split after a worker died) -> its result
    failed: Callable[[Path, str], C]  # the result of a file whose worker died on it twice
    warm_up: Callable[[], None] | None = None  # before the workers are forked (they inherit it)
    chunk_files: int = CHUNK_FILES
    parallel: bool = True  # False: one worker does the run (too little work to pay for more)


def chunked(paths: Sequence[Path], size: int, workers: int = 1) -> list[list[Path]]:
    """`paths` in order, in chunks of `size`. With several workers, the last `workers` chunks'
    worth of letters go in quarter-size chunks, so the workers finish at nearly the same time
    instead of one waiting out the other's last full chunk."""
    tail = min(len(paths), workers * size) if workers > 1 else 0
    head = len(paths) - tail
    small = max(1, size // 4)
    return [list(paths[i : min(i + size, head)]) for i in range(0, head, size)] + [
        list(paths[i : i + small]) for i in range(head, len(paths), small)
    ]


class SchedulerError(ValueError):
    """The --scheduler address is not one Dask reads, or no scheduler answers there: the user's
    to fix (the CLI's exit 2), said in one line before any output is touched."""


def check_scheduler(address: str) -> None:
    """Raise SchedulerError unless `address` reads as a Dask scheduler address (scheme://host:port
    or host:port); whether one answers there is known only on connecting (`connected`)."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        _, location = parse_address(address)
        if not location.startswith("/"):  # inproc:// and unix-like addresses have no port
            parse_host_port(location)
    except (ValueError, TypeError) as error:
        raise SchedulerError(f"--scheduler {address!r} is not a Dask scheduler address "
                             f"(tcp://host:port): {error}") from None  # fmt: skip


@contextlib.contextmanager
def connected(address: str) -> Iterator[Any]:
    """A Dask client of the scheduler at `address`; SchedulerError when none answers there."""
    from dask.distributed import Client

    check_scheduler(address)
    try:
        client = Client(address)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as error:
        said = (str(error).strip("'\"").splitlines() or [type(error).__name__])[0]
        raise SchedulerError(f"cannot connect to the Dask scheduler at {address}: "
                             f"{said}") from None  # fmt: skip
    with client:
        yield client


@contextlib.contextmanager
def chunk_results(
    paths: Sequence[Path], stage: Stage[C], n_jobs: int = -1, scheduler: str | None = None
) -> Iterator[Iterator[C]]:
    """The stage's chunk results in input order, as they complete. Locally the workers are
    forked from this process after `stage.warm_up` (enter this before starting any thread,
    such as a progress bar); with `scheduler`, a Dask cluster runs the chunks through joblib's
    dask backend."""
    if scheduler is not None:
        from joblib import Parallel, delayed, parallel_config

        chunks = chunked(paths, stage.chunk_files)
        with connected(scheduler) as client, parallel_config(backend="dask"):
            workers = sum(client.nthreads().values()) or 1
            parallel = Parallel(n_jobs=workers, return_as="generator", pre_dispatch="2*n_jobs")
            yield parallel(delayed(stage.work)(c) for c in chunks)
        return
    n_chunks = -(-len(paths) // stage.chunk_files)
    workers = worker_count(n_jobs, n_chunks) if stage.parallel else 1
    if stage.warm_up is not None:
        stage.warm_up()
    chunks = chunked(paths, stage.chunk_files, workers)
    results = resilient_map(chunks, workers, stage.work, stage.merge, stage.failed)
    with closing_workers(results):
        yield results


@contextlib.contextmanager
def _progress(name: str, total: int) -> Iterator[Callable[[int], None]]:
    from pipeline.core.console import progress_bar
    from pipeline.ingest.ocr import pages_read

    with progress_bar(name, pages_read) as progress:
        task = progress.add_task(name, total=total)
        yield lambda files: progress.advance(task, files)


def run_stage(
    paths: Sequence[Path],
    stage: Stage[C],
    sinks: Sequence[Sink[C]],
    n_jobs: int = -1,
    scheduler: str | None = None,
    progress: bool = True,
) -> None:
    """Run `stage` over `paths` and write every chunk result to each of `sinks`, in input
    order. The workers are forked first, then the sinks entered, then the progress bar
    (a thread) started; on the way out the bar stops, the sinks commit (or, when the run
    stopped early, discard) and the workers end (at once when the run stopped early)."""
    with contextlib.ExitStack() as stack:
        chunks = stack.enter_context(chunk_results(paths, stage, n_jobs, scheduler))
        for sink in sinks:
            stack.enter_context(sink)
        advance = stack.enter_context(_progress(stage.name, len(paths))) if progress else None
        for chunk in chunks:
            for sink in sinks:
                sink.write(chunk)
            if advance is not None:
                advance(chunk.files)
