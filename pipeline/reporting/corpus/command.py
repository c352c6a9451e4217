"""Helpers for the body of `imr report` in cli.py: whether models are trained, the run (with
the runner's progress bar) and the closing line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.reporting.corpus.aggregate import TOP_SPECIALTIES
from pipeline.reporting.corpus.run import ReportRun, build_report
from pipeline.runner.run import CHUNK_FILES


def trained(models_dir: Path) -> bool:
    """Whether `models_dir` holds trained models (`imr train` writes the manifest last)."""
    return (Path(models_dir) / "manifest.json").is_file()


def run_report(
    inputs: Sequence[Path],
    out: Path,
    models_dir: Path | None,
    n_jobs: int = -1,
    chunk_files: int = CHUNK_FILES,
    top_specialties: int = TOP_SPECIALTIES,
) -> ReportRun:
    """`build_report` with a progress bar on stderr."""
    return build_report(
        inputs, out, models_dir, n_jobs, chunk_files, top_specialties, progress=True
    )


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
