"""Atomic writers: a file appears complete under its final name, or not at all.

Each writer fills a temporary file in the target folder and renames it over the target, so an
interrupted run leaves the previous output intact.
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


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` when the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder beside `target`; swap it in for `target` on success."""
    import shutil

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield temporary
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, retired / target.name)
            os.replace(temporary, target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


@contextlib.contextmanager
def atomic_open(target: Path, mode: str = "w") -> Iterator[IO]:
    with atomic_path(target) as temporary:
        encoding = None if "b" in mode else "utf-8"
        with open(temporary, mode, encoding=encoding, newline="" if "b" not in mode else None) as f:
            yield f


def write_csv(frame: pd.DataFrame, target: Path) -> None:
    with atomic_path(target) as temporary:
        frame.to_csv(temporary, index=False)


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
