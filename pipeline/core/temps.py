"""Temporary files and folders named with the pid of the run that made them, so the next run
can remove what a killed run (kill -9, a power cut) left behind: a temporary whose pid is no
longer alive is stale. A run stopped by SIGINT/SIGTERM removes its own on the way out."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path


def alive(pid: int) -> bool:
    """Whether a process with this pid exists (one that is not ours counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def own_prefix(prefix: str) -> str:
    """`prefix` followed by this process's pid and a dash: the start of its temporaries' names."""
    return f"{prefix}{os.getpid()}-"


def sweep_stale(folder: Path | str, prefix: str) -> list[Path]:
    """Remove the files and folders in `folder` named `prefix<pid>-...` whose pid is dead;
    returns what was removed. Errors (a folder that cannot be listed) are ignored: a sweep
    never stops a run."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        pid = entry.name[len(prefix) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed
