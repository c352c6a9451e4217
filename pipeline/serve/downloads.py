"""The results of an upload as a file to download: the item records in the format `imr predict
--out items.<ext>` writes (JSONL, CSV, XLSX), by the CLI's own sinks (`runner.sinks`).

The file is written into a temporary folder, read back and removed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

FORMATS = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(records: Sequence[dict[str, Any]], kind: str) -> bytes:
    """The file of `records` in format `kind` (a key of FORMATS)."""
    from pipeline.runner.sinks import records_sink

    if kind not in FORMATS:
        raise ValueError(f"unknown format {kind!r}: one of {', '.join(FORMATS)}")
    with tempfile.TemporaryDirectory(prefix="imr-serve-download-") as folder:
        target = Path(folder) / f"items.{kind}"
        with records_sink(target) as sink:
            sink.write(SimpleNamespace(records=list(records)))  # one chunk: all of them
        return target.read_bytes()
