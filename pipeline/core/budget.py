"""One file's limits inside the process that works on it: its time budget and the marker that
tells the runner's worker pool which files a worker is on and until when.

These sit below every stage because ingest (`parse_file`) and the runner's stages both hold a
letter to its budget; the pool that reads the markers and kills a hung worker is the runner's
(`pipeline.runner.workers`), which opens the marker in each worker it starts (`open_marker`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path


class FileTimeout(BaseException):  # noqa: N818 - not an Exception: no `except Exception` eats it
    """One file took longer than its budget (raised by the SIGALRM handler)."""


def timeout_reason(seconds: float) -> str:
    return (
        f"took longer than {seconds:g} s (IMR_FILE_SECONDS): stopped so the batch goes on; "
        "raise IMR_FILE_SECONDS if the file is genuine"
    )


def _alarm(signum: int, frame: object) -> None:
    raise FileTimeout


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise FileTimeout in this (main) thread once `seconds` have passed; no-op elsewhere or
    when the budget is off (inf). Nested budgets: the inner one wins while it runs."""
    if seconds == float("inf") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_marker_path: dict[str, str] = {}  # set in a worker started by the runner's pool


def open_marker(path: str) -> None:
    """This worker's marker file (called once, when the pool starts the worker)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    _marker_path["path"] = path


def mark(paths: Sequence[Path | str], seconds: float) -> None:
    """Tell the main process which files this worker is on, and for how long it may be (a no-op
    outside a worker started by the runner's pool)."""
    marker = _marker_path.get("path")
    if marker is None:
        return
    deadline = time.time() + seconds if seconds != float("inf") else float("inf")
    text = "\n".join([repr(deadline), *(os.fsencode(str(p)).hex() for p in paths)]).encode()
    # Written beside the marker and renamed over it: the main process polls the markers while
    # workers rewrite them, and a truncate-then-write can be read half done ("inf" over the
    # tail of the previous deadline). A rename is seen whole or not at all.
    staged = f"{marker}.new"
    with open(staged, "wb") as f:
        f.write(text)
    os.replace(staged, marker)
