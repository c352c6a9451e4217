"""Hang guards for the tests: how fast something runs is `make bench`'s business, never a test's.

A test that used to assert "under N seconds" to catch a hang or a super-linear (backtracking)
scan now runs that work under a deadline far beyond any honest run: a linear scan of 1 MB takes
milliseconds, a quadratic one hours, so the deadline in between fails only on "hung", never on
a slow moment of a shared machine."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Far beyond any honest run of one test's work (seconds); a run that long has hung.
HANG_SECONDS = 300.0


def finishes(work: Callable[[], object], what: str, seconds: float = HANG_SECONDS) -> None:
    """Run `work` in a forked child and fail with "hung" when it has not finished in `seconds`
    (the child is killed), or with its traceback when it raised."""
    reader, writer = multiprocessing.Pipe(duplex=False)

    def child() -> None:
        try:
            work()
        except BaseException:  # the parent reports it; the child only passes it on
            writer.send(traceback.format_exc())
            os._exit(1)
        writer.send(None)
        os._exit(0)

    process = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    process.start()
    writer.close()
    try:
        if not reader.poll(seconds):
            raise AssertionError(f"hung: {what} did not finish in {seconds:.0f} s")
        error = reader.recv()
    except EOFError:
        process.join(5)
        error = f"the child died (exit code {process.exitcode})"
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        reader.close()
    assert error is None, f"{what}: {error}"


@contextmanager
def no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """In-process work (a CliRunner call) that must not hang: past `seconds` every thread's
    stack goes to stderr and the test process exits, which pytest (and xdist) reports as a
    crash in this test. No signal is used: the pipeline's own file budget uses SIGALRM."""
    faulthandler.dump_traceback_later(seconds, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
