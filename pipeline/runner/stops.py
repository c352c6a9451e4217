"""How a run ends when it does not finish: a bug, Ctrl-C or SIGTERM.

- A bug (any exception that is not a documented data error, `pipeline.core.data_errors`): the
  traceback (the worker's too, when it happened there) goes to a log file,
  `imr-error-<UTC time>-<pid>.log` in IMR_LOG_DIR (default: the system's temporary folder,
  usually /tmp), and the console gets one line naming the error and the log; exit status 1.
- SIGINT (Ctrl-C) and SIGTERM raise `Stopped` in the main process: every `with` block unwinds,
  so the workers are killed and this run's temporary files (`.part` files, the new report
  folder, the workers' marker folder) are removed; the previous outputs stay as they were;
  exit status 130 (SIGINT) or 143 (SIGTERM).
- kill -9 runs no code: the workers die with the main process (`workers.die_with_parent`) and
  the next run removes the temporaries, which carry the dead run's pid (`pipeline.core.temps`).
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
import traceback
from pathlib import Path
from types import FrameType

EXIT_BUG = 1
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):  # noqa: N818 - not an Exception: no `except Exception` eats it
    """The run was asked to stop (SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    # Raised once: a second signal while unwinding must not cut the clean-up short.
    for number in STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    raise Stopped(signum)


def install_stop_handlers() -> None:
    """SIGINT and SIGTERM raise `Stopped` in the main thread (call it from the main process;
    workers reset both when they start)."""
    for number in STOP_SIGNALS:
        signal.signal(number, _raise_stopped)


STOPPED_LINE = (
    "stopped by {name}: the workers were ended and this run's temporary files removed; "
    "the outputs of earlier runs are kept unchanged and this run's were not written"
)


def stopped_line(stop: Stopped) -> str:
    return STOPPED_LINE.format(name=signal.Signals(stop.signum).name)


def log_dir() -> Path:
    return Path(os.environ.get("IMR_LOG_DIR") or tempfile.gettempdir())


def write_bug_log(error: BaseException) -> Path | None:
    """The error's full traceback in a new log file; None when it cannot be written."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    path = log_dir() / f"imr-error-{stamp}-{os.getpid()}.log"
    text = "".join(traceback.format_exception(error))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="backslashreplace")
    except OSError:
        return None
    return path


def bug_line(error: BaseException, log: Path | None) -> str:
    """One line for the console: what failed, where the traceback is."""
    what = f"{type(error).__name__}: {error}".splitlines()[0][:200]
    where = f"the traceback is in {log}" if log else "the traceback could not be written"
    return f"a bug in imr itself ({what}); {where}; please report it"
