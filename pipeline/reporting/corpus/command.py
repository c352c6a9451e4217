"""The body of `imr report` (cli.py keeps only the option parsing): which models to use, a
progress bar entered after the workers are forked, and the closing lines."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pipeline.engine import CHUNK_FILES
from pipeline.reporting.corpus.aggregate import TOP_SPECIALTIES
from pipeline.reporting.corpus.run import ReportRun, build_report


def trained(models_dir: Path) -> bool:
    """Whether `models_dir` holds trained models (`imr train` writes the manifest last)."""
    return (Path(models_dir) / "manifest.json").is_file()


def verify_models(models_dir: Path) -> None:
    """Load (and so verify) the models now: ModelIntegrityError / FileNotFoundError before any
    work starts, as `imr predict` refuses them."""
    from pipeline.engine import loaded_models

    loaded_models(models_dir)


@contextlib.contextmanager
def _bar(total: int) -> Iterator[Callable[[int], None]]:
    from pipeline.console import progress_bar

    with progress_bar("report") as progress:
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
    """Build the report with a progress bar on stderr and print where it went."""
    from pipeline.console import err
    from pipeline.safe import terminal

    result = build_report(inputs, out, models_dir, n_jobs, chunk_files, top_specialties, _bar)
    overall = result.tables["overall"]
    err.print(
        f"report of {overall['letters']} letters, {overall['items']} items "
        f"({overall['overturned']} Overturned) written to {terminal(out)}/report.html in "
        f"{result.seconds:.1f} s" + ("" if models_dir else " (without the outcome models)"),
        highlight=False,
    )
    return result
