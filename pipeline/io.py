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
from typing import IO

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
def atomic_open(target: Path, mode: str = "w") -> Iterator[IO]:
    with atomic_path(target) as temporary:
        encoding = None if "b" in mode else "utf-8"
        with open(temporary, mode, encoding=encoding, newline="" if "b" not in mode else None) as f:
            yield f


def write_parquet(frame: pd.DataFrame, target: Path) -> None:
    with atomic_path(target) as temporary:
        frame.to_parquet(temporary, index=False)


def write_csv(frame: pd.DataFrame, target: Path) -> None:
    with atomic_path(target) as temporary:
        frame.to_csv(temporary, index=False)


def write_jsonl(records: Iterable[dict], target: Path) -> int:
    count = 0
    with atomic_open(target) as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
