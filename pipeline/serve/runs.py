"""The one door from the web app into the pipeline: uploaded letter files -> item records.

`predict_letters` runs the letters through the runner with `imr predict`'s stage (forked
workers with their address-space cap, per-letter time budget and rejects), so a letter the CLI
rejects is rejected here with the same reason.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.ingest.batch import Reject

# One run at a time: each run forks its own workers, and the machine's cores are the limit
# anyway; a second upload waits for the first instead of competing with it.
_RUN_LOCK = threading.Lock()


@dataclass
class LetterBatch:
    """What a run of uploaded letters gave: item records as `imr predict` writes them, the
    files it could not read (with the reason) and the letters' partial problems."""

    records: list[dict] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    inputs: int = 0
    parsed: int = 0


class _Kept:
    """A runner sink that keeps the records (the web app answers with them)."""

    def __init__(self) -> None:
        self.records: list[dict] = []

    def __enter__(self) -> _Kept:
        return self

    def write(self, chunk: Any) -> None:
        self.records.extend(chunk.records)

    def __exit__(self, *exc_info: object) -> None:
        return None


def predict_letters(paths: Sequence[Path], models_dir: Path) -> LetterBatch:
    """Letter files -> `imr predict`'s item records (and rejects), through its runner stage."""
    from pipeline.ingest.batch import discover
    from pipeline.runner.accounting import StreamSummary
    from pipeline.runner.engine import extract_stage
    from pipeline.runner.run import run_stage

    found, rejects = discover(paths)
    summary = StreamSummary(inputs=len(found) + len(rejects), rejects=list(rejects))
    kept = _Kept()
    if found:
        with _RUN_LOCK:
            run_stage(found, extract_stage(models_dir), [summary, kept], progress=False)
    return LetterBatch(kept.records, summary.rejects, summary.problems, summary.flags,
                       summary.inputs, summary.parsed)  # fmt: skip


def load_models(models_dir: Path) -> None:
    """Verify and load the models (and their tagging pipeline) in this process, as `imr
    predict` does before any work; raises ModelIntegrityError / FileNotFoundError."""
    from pipeline.runner.engine import warm_up

    warm_up(models_dir)
