"""`imr`: one command per stage. Exit status: 0 every input parsed, 3 some inputs rejected
(listed in rejects.csv), 4 no letter parsed at all, 2 usage error."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from pipeline import config
from pipeline.console import err, progress_bar
from pipeline.ingest.stage import IngestOutcome, ingest, write_outputs

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

EXIT_SOME_REJECTED = 3
EXIT_NOTHING_PARSED = 4

InputsArg = typer.Argument(..., help="Letter files (.pdf/.txt) or folders searched recursively.")


def _ingest_with_progress(inputs: list[Path], jobs: int) -> IngestOutcome:
    with progress_bar("ingest") as progress:
        task = progress.add_task("ingest", total=None)
        outcome = ingest(
            inputs,
            n_jobs=jobs,
            on_start=lambda total: progress.update(task, total=total),
            on_file=lambda _: progress.advance(task),
        )
    return outcome


def _report(outcome: IngestOutcome) -> None:
    for row in outcome.rejects.itertuples():
        err.print(f"[red]rejected[/red] {row.file}: {row.stage}: {row.reason}", highlight=False)
    for row in outcome.problems.itertuples():
        err.print(f"[yellow]problem[/yellow] {row.file}: {row.problem}", highlight=False)
    err.print(outcome.count_line(), highlight=False)


def _exit_status(outcome: IngestOutcome) -> None:
    if outcome.letter_files == 0:
        raise typer.Exit(EXIT_NOTHING_PARSED)
    if outcome.rejected:
        raise typer.Exit(EXIT_SOME_REJECTED)


@app.command("ingest")
def ingest_command(
    inputs: list[Path] = InputsArg,
    out: Path = typer.Option(config.INTERIM_DIR, "--out", help="Folder for the parquet files."),
    jobs: int = typer.Option(-1, "--jobs", "-j", help="Worker processes (-1: all cores)."),
) -> None:
    """Letters -> OUT/letters.parquet, OUT/items.parquet, OUT/rejects.csv, OUT/problems.csv."""
    started = time.perf_counter()
    outcome = _ingest_with_progress(inputs, jobs)
    write_outputs(outcome, out)
    _report(outcome)
    err.print(f"wrote {out} in {time.perf_counter() - started:.2f} s", highlight=False)
    _exit_status(outcome)


@app.command("extract")
def extract_command(
    inputs: list[Path] = InputsArg,
    out: Path = typer.Option(..., "--out", help="JSONL file, one object per disputed item."),
    jobs: int = typer.Option(-1, "--jobs", "-j", help="Worker processes (-1: all cores)."),
) -> None:
    """Letters -> one JSON object per disputed item, with the answer key's field names."""
    from pipeline import io
    from pipeline.extract import item_records

    outcome = _ingest_with_progress(inputs, jobs)
    count = io.write_jsonl(item_records(outcome), out)
    if outcome.rejected:
        io.write_csv(outcome.rejects, out.with_name(out.stem + ".rejects.csv"))
    _report(outcome)
    err.print(f"wrote {count} items to {out}", highlight=False)
    _exit_status(outcome)


if __name__ == "__main__":
    app()
