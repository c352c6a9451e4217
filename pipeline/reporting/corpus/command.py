"""Helpers for the body of `imr report` in cli.py: whether models are trained, the progress
bar (entered after the workers are forked) and the closing line."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pipeline.engine import CHUNK_FILES
from pipeline.ingest.ocr import pages_read as ocr_pages_read
from pipeline.reporting.corpus.aggregate import TOP_SPECIALTIES
from pipeline.reporting.corpus.run import ReportRun, build_report


def trained(models_dir: Path) -> bool:
    """Whether `models_dir` holds trained models (`imr train` writes the manifest last)."""
    return (Path(models_dir) / "manifest.json").is_file()


@contextlib.contextmanager
def _bar(total: int) -> Iterator[Callable[[int], None]]:
    from pipeline.core.console import progress_bar

    with progress_bar("report", ocr_pages_read) as progress:
        task = progress.add_task("report", total=total)
        yield lambda files: progress.advance(task, files)


def run_report(
    inputs: Sequence[Path],
    out: Path,
    models_dir: Path | None,
    n_jobs: int = -1,
    chunk_files: int = CHUNK_FILES,
    top_specialties: int = TOP_SPECIALTIES,
) -> ReportRun:
    """`build_report` with a progress bar on stderr."""
    return build_report(inputs, out, models_dir, n_jobs, chunk_files, top_specialties, _bar)


def done_line(result: ReportRun, out: Path) -> str:
    """The last line `imr report` prints."""
    if not result.tables:
        return f"no letters to report: {out} left as it was"
    overall = result.tables["overall"]
    models = "" if result.tables["models"]["used"] else " (without the outcome models)"
    return (
        f"report of {overall['letters']} letters, {overall['items']} items "
        f"({overall['overturned']} Overturned) written to {out}/report.html in "
        f"{result.seconds:.1f} s{models}"
    )
