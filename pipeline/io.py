"""Atomic writers: a file appears complete under its final name, or not at all.

Each writer fills a temporary file in the target folder and renames it over the target, so an
interrupted run leaves the previous output intact. Temporaries are named `.<target>.<pid>-...`
(`.part` for a file): a run stopped by a signal removes its own, and the next write beside the
same target removes those of runs killed with -9 (their pid is dead; `pipeline.temps`). The
file gets the permissions the user's umask gives a new file (0644 under the usual 022), not
the 0600 of a temporary file.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


_umask: int | None = None


def umask() -> int:
    """The process's umask (read once; /proc gives it without changing it)."""
    global _umask
    if _umask is None:
        try:
            with open("/proc/self/status", encoding="ascii") as f:
                line = next(x for x in f if x.startswith("Umask:"))
            _umask = int(line.split()[1], 8)
        except (OSError, StopIteration, ValueError):
            _umask = os.umask(0o022)
            os.umask(_umask)
    return _umask


def new_file_mode(directory: bool = False) -> int:
    return (0o777 if directory else 0o666) & ~umask()


def _temporary_prefix(target: Path) -> str:
    """`.<name>.<pid>-`, after removing the temporaries a killed run left beside `target`."""
    from pipeline.temps import own_prefix, sweep_stale

    sweep_stale(target.parent, f".{target.name}.")
    return own_prefix(f".{target.name}.")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` when the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=_temporary_prefix(target), suffix=".part", dir=target.parent
    )
    os.fchmod(handle, new_file_mode())
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False
    where the system or file system cannot."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return done == 0


def swap_in(temporary: Path, target: Path) -> None:
    """Put the folder `temporary` in place of `target` (which may not exist) and delete the
    previous one. With renameat2 the swap is one step: a reader sees the old folder or the new
    one, and a kill at any moment leaves a complete folder under `target`."""
    import shutil

    if not target.exists():
        os.replace(temporary, target)
        return
    if exchange(temporary, target):
        shutil.rmtree(temporary, ignore_errors=True)  # the previous folder, now here
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.replace(target, retired / target.name)
    os.replace(temporary, target)
    shutil.rmtree(retired, ignore_errors=True)


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder beside `target`; swap it in for `target` on success."""
    import shutil

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=_temporary_prefix(target), dir=target.parent))
    os.chmod(temporary, new_file_mode(directory=True))
    try:
        yield temporary
        swap_in(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


@contextlib.contextmanager
def atomic_open(target: Path, mode: str = "w") -> Iterator[IO]:
    with atomic_path(target) as temporary:
        encoding = None if "b" in mode else "utf-8"
        with open(temporary, mode, encoding=encoding, newline="" if "b" not in mode else None) as f:
            yield f


def write_csv(frame: pd.DataFrame, target: Path) -> None:
    """The table as CSV, text cells escaped against spreadsheet formulas (`safe.csv_cell`)."""
    from pipeline.safe import csv_cell

    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = [csv_cell(value) for value in frame[column]]
    with atomic_path(target) as temporary:
        frame.to_csv(temporary, index=False, errors="backslashreplace")


def dump_json(obj: object, target: Path, sort_keys: bool = True) -> None:
    """Indented JSON (keys sorted unless the order is part of the reading), written atomically."""
    with atomic_open(target) as f:
        json.dump(obj, f, indent=2, sort_keys=sort_keys, default=str)
        f.write("\n")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_JSON_COLUMNS_KEY = b"imr.json_columns"


def write_table(frame: pd.DataFrame, target: Path, json_columns: Iterable[str] = ()) -> None:
    """Parquet with nested values (dicts, lists of dicts) stored as JSON text, so they read back
    as the same plain Python values (pyarrow would give numpy arrays inside structs)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    encoded = frame.copy()
    names = [c for c in json_columns if c in encoded.columns]
    for column in names:
        encoded[column] = [json.dumps(v, ensure_ascii=False) for v in encoded[column]]
    table = pa.Table.from_pandas(encoded, preserve_index=False)
    metadata = {**(table.schema.metadata or {}), _JSON_COLUMNS_KEY: json.dumps(names).encode()}
    with atomic_path(target) as temporary:
        pq.write_table(table.replace_schema_metadata(metadata), temporary)


def read_table(path: Path) -> pd.DataFrame:
    """Read a parquet file written by `write_table`, decoding its JSON columns."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    names = json.loads((table.schema.metadata or {}).get(_JSON_COLUMNS_KEY, b"[]"))
    frame = table.to_pandas()
    for column in names:
        frame[column] = [json.loads(v) for v in frame[column]]
    for column in frame.columns:  # list columns (e.g. licensure) back to plain lists
        if (
            frame[column].dtype == object
            and len(frame)
            and hasattr(frame[column].iloc[0], "tolist")
        ):
            frame[column] = [v.tolist() if hasattr(v, "tolist") else v for v in frame[column]]
    return frame
