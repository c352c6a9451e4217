"""`imr`: one command per stage; every command's --help ends with the exit statuses
(`EXIT_STATUS`)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click
import typer

from pipeline import config
from pipeline.cli.help_patch import HelpGroup
from pipeline.core import io
from pipeline.core.console import err
from pipeline.core.display_names import counted
from pipeline.core.safe import plain, terminal
from pipeline.runner.accounting import EXIT_BAD_MODELS, EXIT_USAGE, StreamSummary, exit_code
from pipeline.runner.run import CHUNK_FILES
from pipeline.runner.stops import EXIT_BUG, Stopped, bug_line, stopped_line, write_bug_log

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.ingest.stage import IngestSummary
    from pipeline.modeling.reasons.model import LabelledItems

# Heavy libraries (pandas, scikit-learn, spaCy) are imported inside the commands that use them:
# a one-letter `imr predict` must start in well under two seconds.


def _is_cli_exception(error: Exception) -> bool:
    """Raised by click or typer (its vendored click included) to end a command."""
    return type(error).__module__.split(".")[0] in ("click", "typer")


EXIT_STATUS = (
    "Exit status: 0 every input parsed, 3 some inputs rejected (listed in rejects.csv), 4 no "
    "letter parsed at all, 5 model files refused (or rule files changed since training), 2 usage "
    "error (or tables tagged with other rule files), 1 a bug in imr (traceback in a log file), "
    "130/143 stopped by SIGINT/SIGTERM."
)


class _Commands(HelpGroup):
    """Every command ends the documented way (`runner.stops`): a bug is one console line and
    a log file holding the traceback (exit 1), a stop by SIGINT/SIGTERM says what was kept."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            config.check_environment()  # a bad budget or IMR_OCR: a usage error, before any work
        except ValueError as error:
            raise _usage_error(str(error)) from None
        try:
            return super().invoke(ctx)
        except Stopped as stop:
            err.print(f"[yellow]{terminal(stopped_line(stop))}[/yellow]", highlight=False)
            raise typer.Exit(stop.exit_code) from None
        except Exception as error:
            if _is_cli_exception(error):  # usage errors, typer.Exit: the CLI's own way out
                raise
            err.print(f"[red]error[/red]: {terminal(bug_line(error, write_bug_log(error)))}",
                      highlight=False)  # fmt: skip
            raise typer.Exit(EXIT_BUG) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, its --help ending with the exit statuses (every command has them)."""
        command = super().get_command(ctx, cmd_name)
        if command is not None and not command.epilog:
            command.epilog = EXIT_STATUS
        return command


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=f"`imr`: one command per stage. {EXIT_STATUS}",
    cls=_Commands,
)


InputsArg = typer.Argument(..., help="Letter files (.pdf/.txt) or folders searched recursively.")
SchedulerOption = typer.Option(
    None, "--scheduler", help="Dask scheduler address (tcp://host:port) to run on a cluster."
)
ChunkOption = typer.Option(
    CHUNK_FILES, "--chunk-files", min=1, help="Letters per work unit (at least 1)."
)
ProcessedOption = typer.Option(config.PROCESSED_DIR, "--in", help="Tagged tables folder.")
ModelsOption = typer.Option(config.MODELS_DIR, "--models", help="Trained models folder.")


def _jobs(value: int) -> int:
    if value == -1 or value >= 1:
        return value
    raise typer.BadParameter(f"{value} is not -1 (all cores) or a number of workers >= 1")


def _set_ocr(mode: str | None) -> str | None:
    from pipeline.ingest.ocr import OCR_MODES, set_ocr_mode

    if mode is None:  # IMR_OCR in the environment, else auto
        return None
    mode = mode.strip().lower()
    if mode not in OCR_MODES:
        raise typer.BadParameter(f"choose one of {', '.join(OCR_MODES)}")
    set_ocr_mode(mode)  # the environment carries it to forked and spawned workers
    return mode


OcrOption = typer.Option(
    None, "--ocr", callback=_set_ocr, metavar="auto|always|never",
    help="OCR pages without a text layer (auto, the default, or IMR_OCR), every page (always), "
    "or none (never).",
)  # fmt: skip
JobsOption = typer.Option(
    -1, "--jobs", "-j", callback=_jobs, help="Worker processes (-1: all cores)."
)


def _usage_error(message: str) -> typer.Exit:
    err.print(f"[red]error[/red]: {terminal(message)}", highlight=False)
    return typer.Exit(EXIT_USAGE)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_out(
    out: Path,
    inputs: list[Path],
    folder: bool,
    legacy: Callable[[Path, set[str]], bool] | None = None,
    option: str = "--out",
    kind: str | None = None,
    models: Path | None = None,
) -> None:
    """Exit 2 (before any work) when OUT would overwrite an input, land in an input folder, hold
    an input, land in (or be, or hold) the `models` folder, belong to someone else (a non-empty
    folder imr did not write: `io.owned_files`) or be another `kind` of imr output (a report
    never replaces models), is a symbolic link to a folder, has no existing parent folder, or
    cannot be written at all. Creates nothing."""
    if folder and Path(out).is_symlink():
        raise _usage_error(f"{option} {out} is a symbolic link: give the folder it points to "
                           f"({os.path.realpath(out)}) or another folder")  # fmt: skip
    target = Path(os.path.abspath(out)).resolve()
    for given in inputs:
        source = Path(os.path.abspath(given)).resolve()
        if target == source or (source.is_dir() and _inside(target, source)):
            raise _usage_error(f"{option} {out} is (or is inside) the input {given}: "
                               "choose an output path outside the inputs")  # fmt: skip
        if folder and _inside(source, target):
            raise _usage_error(f"{option} {out} holds the input {given}: choose another folder")
    if models is not None:
        kept = Path(os.path.abspath(models)).resolve()
        if _inside(target, kept) or (folder and _inside(kept, target)):
            raise _usage_error(f"{option} {out} is (or is inside, or holds) the models folder "
                               f"{models}: a file there breaks its manifest; choose an output "
                               "path outside it")  # fmt: skip
    if folder and _inside(Path.cwd().resolve(), target):
        # The new folder is swapped in for the old one: the shell's current folder would be the
        # old one, deleted, and look empty.
        raise _usage_error(f"{option} {out} is the folder you are in (or holds it): give a "
                           "sub-folder, such as report/")  # fmt: skip
    if folder and target.is_dir():  # a file there: "cannot write" below says so
        try:
            io.owned_files(target, legacy, kind)
        except io.NotOwnedError as error:
            raise _usage_error(f"{option} {out}: {error}") from None
    directory = target if folder else target.parent
    if not folder and target.is_dir():
        raise _usage_error(f"{option} {out} is a folder: give a file name")
    if not folder and not directory.is_dir():  # a typo in a folder name is not a new folder
        shown = "is not a folder" if directory.exists() else "does not exist"
        raise _usage_error(f"{option} {out}: the folder {directory} {shown}; create it first "
                           "or give another path")  # fmt: skip
    # The nearest folder that exists is tested: a run that finds nothing to do creates nothing.
    while not directory.exists() and directory != directory.parent:
        directory = directory.parent
    try:
        if not directory.is_dir():
            raise FileExistsError(directory)
        handle, name = tempfile.mkstemp(prefix=".imr-write-test.", dir=directory)
        os.close(handle)
        os.unlink(name)
    except FileExistsError:
        raise _usage_error(f"cannot write to {directory}: a file of that name exists") from None
    except OSError as error:
        raise _usage_error(f"cannot write to {directory}: {error.strerror}") from None


def _out_file(value: str | Path) -> Path:
    """--out of a file command: a name ending in '/' names a folder (Path() would drop the
    slash and a file would be written under it): exit 2."""
    if isinstance(value, str) and value.endswith(("/", os.sep)):
        raise _usage_error(f"--out {value} ends with '/': give a file name, such as items.jsonl")
    return Path(value)


def _check_scheduler(scheduler: str | None) -> None:
    """Exit 2 (before any work) when --scheduler is not an address Dask reads."""
    if scheduler is None:
        return
    from pipeline.runner.run import SchedulerError, check_scheduler

    try:
        check_scheduler(scheduler)
    except SchedulerError as error:
        raise _usage_error(str(error)) from None


def _check_format(out: Path) -> None:
    """Exit 2 (before any work, nothing written) when OUT names a format imr does not write."""
    from pipeline.runner.sinks import UnknownFormatError, check_format

    try:
        check_format(out)
    except UnknownFormatError as error:
        raise _usage_error(f"--out {error}") from None


def _report(summary: IngestSummary | StreamSummary) -> None:
    for reject in summary.rejects:
        if reject.stage == "duplicate":  # a copy of a letter read under another name
            err.print(f"[yellow]duplicate[/yellow] {terminal(reject.file)}: "
                      f"{terminal(reject.reason)}", highlight=False)  # fmt: skip
            continue
        err.print(f"[red]rejected[/red] {terminal(reject.file)}: {terminal(reject.stage)}: "
                  f"{terminal(reject.reason)}", highlight=False)  # fmt: skip
    for problem in summary.problems:
        err.print(f"[yellow]problem[/yellow] {terminal(problem['file'])}: "
                  f"{terminal(problem['problem'])}", highlight=False)  # fmt: skip
    if summary.parsed == 0 and all(r.stage == "discover" for r in summary.rejects):
        err.print("no letters found: the inputs hold no .pdf or .txt file", highlight=False)
    err.print(terminal(summary.count_line()), highlight=False)


@app.command("ingest")
def ingest_command(
    inputs: list[Path] = InputsArg,
    out: Path = typer.Option(config.INTERIM_DIR, "--out", help="Folder for the parquet files."),
    jobs: int = JobsOption,
    ocr: str | None = OcrOption,
) -> None:
    """Letters -> OUT/letters.parquet, OUT/items.parquet, OUT/rejects.csv, OUT/problems.csv."""
    from pipeline.runner.ingest import run_ingest

    _check_out(out, inputs, folder=True, kind="interim", models=config.MODELS_DIR)
    started = time.perf_counter()
    summary = run_ingest(inputs, out, n_jobs=jobs, progress=True)
    _report(summary)
    if summary.written:
        err.print(f"wrote {terminal(out)} in {time.perf_counter() - started:.2f} s",
                  highlight=False)  # fmt: skip
    else:
        err.print(f"nothing written: {terminal(out)} left as it was", highlight=False)
    raise typer.Exit(exit_code(summary.parsed, summary.rejected))


@app.command("tag")
def tag_command(
    interim: Path = typer.Option(config.INTERIM_DIR, "--in", help="Ingest's output folder."),
    out: Path = typer.Option(config.PROCESSED_DIR, "--out", help="Folder for tagged tables."),
    nlp_dir: Path = typer.Option(
        None, "--nlp-out", help="Also save the pipeline here (`imr train` saves models/nlp)."
    ),
) -> None:
    """Ingested items -> category, frequency, quantity, citations, limits, prior treatments."""
    from pipeline.runner.accounting import EXIT_NOTHING_PARSED
    from pipeline.tagging.stage import NothingToTagError, ingested_letters, run_tag

    _check_out(out, [interim], folder=True, kind="processed", models=config.MODELS_DIR)
    if nlp_dir is not None:
        _check_out(nlp_dir, [interim, out], folder=True, option="--nlp-out", kind="nlp")
    try:
        ingested_letters(interim)
    except NothingToTagError as error:
        err.print(f"nothing to tag: {terminal(error)}; nothing written, {terminal(out)} left as "
                  "it was", highlight=False)  # fmt: skip
        raise typer.Exit(EXIT_NOTHING_PARSED) from None
    started = time.perf_counter()
    items, letters = run_tag(interim, out, nlp_dir)
    saved = f"; spaCy pipeline saved to {terminal(nlp_dir)}" if nlp_dir else ""
    err.print(f"tagged {counted(items, 'item')} of {counted(letters, 'letter')} into "
              f"{terminal(out)} in {time.perf_counter() - started:.2f} s{saved}",
              highlight=False)  # fmt: skip


@app.command("score")
def score_command(
    extracted: Path = typer.Argument(..., help="JSONL written by `imr extract`."),
    gold: Path = typer.Option(
        ..., "--gold", help="Answer key (JSONL), e.g. ../shared/data/gold/issues.jsonl."
    ),
) -> None:
    """Per-field accuracy of an extraction against the answer key, listing every miss."""
    from pipeline.evaluation.scoring import format_score_table, score_items

    result = score_items(io.read_jsonl(extracted), io.read_jsonl(gold), supplied_only=True)
    typer.echo(format_score_table(result))


def _stream_items(
    inputs: list[Path],
    out: Path,
    jobs: int,
    scheduler: str | None,
    models_dir: Path | None,
    chunk_files: int = CHUNK_FILES,
    rejects_csv: bool = True,
    adjust: Callable[[list[dict]], list[dict]] | None = None,
) -> StreamSummary:
    """Shared body of extract and predict: the engine's stage on the runner, its records written
    to OUT in the format its extension names (and OUT's stem + .rejects.csv listing rejected
    inputs). `adjust` rewrites each chunk's records before they are written (predict's
    --base-rate)."""
    from pipeline.ingest.batch import discover
    from pipeline.runner.engine import extract_stage
    from pipeline.runner.run import run_stage
    from pipeline.runner.sinks import records_sink

    paths, rejects = discover(inputs)
    summary = StreamSummary(inputs=len(paths) + len(rejects), rejects=list(rejects))
    if not paths:  # missing inputs, or no letter in them: a previous OUT is left untouched
        summary.written = False
        _report(summary)
        return summary
    from pipeline.runner.run import SchedulerError

    stage = extract_stage(models_dir, chunk_files)
    # A run where no letter parses (exit 4) leaves a previous OUT as it was (`keep_if`).
    sink = records_sink(out, adjust, keep_if=lambda: summary.parsed > 0)
    try:
        run_stage(paths, stage, [summary, sink], jobs, scheduler)
    except SchedulerError as error:  # before any output was touched
        raise _usage_error(str(error)) from None
    summary.written = summary.parsed > 0
    if rejects_csv:
        _write_rejects(summary, out)
    _report(summary)
    return summary


def rejects_path(out: Path) -> Path:
    """Where a run writing OUT lists its rejected inputs: OUT's stem + .rejects.csv."""
    return out.with_name(out.stem + ".rejects.csv")


def _write_rejects(summary: StreamSummary, out: Path) -> None:
    """OUT's stem + .rejects.csv listing the rejected inputs of a run that read letters (also
    when none parsed and OUT was left as it was: it says why); a run that wrote OUT with nothing
    rejected removes an earlier run's, which would describe another OUT."""
    path = rejects_path(out)
    if not summary.rejects:
        if summary.written:
            path.unlink(missing_ok=True)
        return
    import pandas as pd

    from pipeline.ingest.batch import REJECT_COLUMNS

    io.write_csv(pd.DataFrame([asdict(r) for r in summary.rejects], columns=REJECT_COLUMNS),
                 path)  # fmt: skip


def _rejects_note(summary: StreamSummary, out: Path) -> str:
    """ "; rejected inputs listed in X" for the summary line, when a rejects file was written."""
    if not summary.rejects:
        return ""
    return f"; rejected inputs listed in {terminal(rejects_path(out))}"


@app.command("extract")
def extract_command(
    inputs: list[Path] = InputsArg,
    out: Path = typer.Option(
        ...,
        "--out",
        parser=_out_file,
        help="File, one row per item: .jsonl, .csv, .parquet or .xlsx.",
    ),
    jobs: int = JobsOption,
    ocr: str | None = OcrOption,
    scheduler: str = SchedulerOption,
    chunk_files: int = ChunkOption,
) -> None:
    """Letters -> one row per disputed item (answer-key field names), tagged, in the format
    OUT's extension names: .jsonl (one JSON object per line), .csv, .parquet or .xlsx."""
    _check_out(out, inputs, folder=False, models=config.MODELS_DIR)
    _check_format(out)
    _check_scheduler(scheduler)
    summary = _stream_items(inputs, out, jobs, scheduler, None, chunk_files)
    if summary.written:
        err.print(f"wrote {counted(summary.items, 'item')} to {terminal(out)}"
                  f"{_rejects_note(summary, out)}", highlight=False)  # fmt: skip
    else:
        err.print(f"nothing written: {terminal(out)} left as it was"
                  f"{_rejects_note(summary, out)}", highlight=False)  # fmt: skip
    raise typer.Exit(exit_code(summary.parsed, summary.rejected))


@app.command("train")
def train_command(
    processed: Path = ProcessedOption,
    models: Path = typer.Option(config.MODELS_DIR, "--models", help="Where the models go."),
    reasons: Path = typer.Option(
        None,
        "--reasons",
        help="Denial-reason labels (reasons.jsonl): fit the reason "
        "classifier on them. Without, reasons come from the rule cues alone.",
    ),
) -> None:
    """Tagged items -> decision reader + reasoning model (+ reason classifier), metadata and
    SHA-256 manifest.

    Refuses (exit 2) tables tagged with other rule files or another imr version."""
    from pipeline.modeling.artifacts import legacy_models
    from pipeline.modeling.train import train_models
    from pipeline.tagging.stage import read_tagged

    provenance = _tagged_or_exit(processed)  # before --models is created
    _check_out(models, [processed], folder=True, legacy=legacy_models, option="--models",
               kind="models")  # fmt: skip
    _only_imr_files(models)
    if reasons is not None and not reasons.is_file():
        raise _usage_error(f"--reasons {reasons}: no such file")
    started = time.perf_counter()
    items, letters = read_tagged(processed)
    try:
        metadata = train_models(items, letters, models, trained_on=provenance,
                                reason_labels=reasons)  # fmt: skip
    except ValueError as error:
        from pipeline.modeling.reasons.labels import ReasonLabelsError

        if not isinstance(error, ReasonLabelsError):
            raise
        raise _usage_error(str(error)) from None
    seconds = time.perf_counter() - started
    data = metadata.get("training_data", {})
    if metadata.get("warning"):
        err.print(f"[yellow]warning[/yellow]: {terminal(metadata['warning'])}", highlight=False)
    err.print(f"trained on {data.get('n_development_items', '?')} development items "
              f"({data.get('n_held_out_items', '?')} held out) in {seconds:.1f} s -> "
              f"{terminal(models)}",
              highlight=False)  # fmt: skip
    reasons_meta = metadata.get("reasons") or {}
    err.print(f"denial reasons: {terminal(reasons_meta.get('mode', '?'))}", highlight=False)


@app.command("evaluate-reasons")
def evaluate_reasons_command(
    processed: Path = ProcessedOption,
    labels: Path = typer.Option(..., "--reasons", help="Denial-reason labels (reasons.jsonl)."),
    reports: Path = typer.Option(config.REPORTS_DIR, "--reports", help="Where reports go."),
    folds: int = typer.Option(5, "--folds", min=2, help="Outer grouped folds (by letter)."),
) -> None:
    """Nested grouped CV of the denial-reason tagger -> reports/reasons.json and .md."""
    from pipeline.evaluation.reasons import evaluate_reasons, too_few_letters, write_reports
    from pipeline.modeling.reasons.made_up import made_up_data
    from pipeline.tagging.stage import read_tagged

    _tagged_or_exit(processed)
    if not labels.is_file():
        raise _usage_error(f"--reasons {labels}: no such file")
    items, _ = read_tagged(processed)
    data = _reason_labels_or_exit(items, labels)
    short = too_few_letters(data, folds)
    if short:
        raise _usage_error(short)
    result = evaluate_reasons(data, folds, made_up_data())
    command = f"imr evaluate-reasons --in {processed} --reasons {labels} --folds {folds}"
    written = write_reports(result, reports, command)
    fig = result["classifier"]
    typer.echo(f"reasons micro-F1 {fig['micro_f1']:.3f} "
               f"[{fig['micro_f1_ci'][0]:.3f}, {fig['micro_f1_ci'][1]:.3f}], quoted sentence "
               f"labelled {fig['quoted_labelled']:.3f} ({len(data)} items, "
               f"{len(set(data.groups))} letters)")  # fmt: skip
    typer.echo("reports written to " + ", ".join(str(p) for p in written))


def _reason_labels_or_exit(items: pd.DataFrame, labels: Path) -> LabelledItems:
    """The tagged items (the items table) a reasons.jsonl labels, as
    `evaluation.reasons.labelled_data` gives them, or exit 2 saying what is wrong with it."""
    from pipeline.evaluation.reasons import labelled_data

    try:
        return labelled_data(items.to_dict(orient="records"), labels)
    except ValueError as error:  # ReasonLabelsError: a malformed line, an unknown code
        raise _usage_error(str(error)) from None


@app.command("evaluate")
def evaluate_command(
    processed: Path = ProcessedOption,
    models: Path = ModelsOption,
    reports: Path = typer.Option(config.REPORTS_DIR, "--reports", help="Where reports go."),
    labels: Path = typer.Option(
        None,
        "--reasons",
        help="Denial-reason labels (reasons.jsonl): also evaluate the denial reasons as "
        "`imr evaluate-reasons` does (reasons.json, reasons.md) and show them in the report.",
    ),
) -> None:
    """Held-out and grouped-CV metrics, plots and reports (md, html, metrics.json)."""
    from pipeline.evaluation.report import evaluate
    from pipeline.modeling.loaded import loaded_models
    from pipeline.reporting.render import summary_lines
    from pipeline.reporting.render_reasons import summary_line
    from pipeline.tagging.stage import read_tagged

    _models_or_exit(models, loaded_models)  # the manifest and the rule files, before any work
    _tagged_or_exit(processed)  # ... which then are the ones the tables were tagged with
    if labels is not None and not labels.is_file():
        raise _usage_error(f"--reasons {labels}: no such file")
    items, letters = read_tagged(processed)
    reasons = None if labels is None else _reason_labels_or_exit(items, labels)
    command = f"imr evaluate --in {processed} --models {models} --reasons {labels}"
    try:
        metrics = evaluate(items, letters, models, reports, reasons, command)
    except ValueError as error:
        err.print(f"[red]evaluate[/red]: {terminal(error)}", highlight=False)
        raise typer.Exit(1) from None
    _warn_if_smoke(models)
    if not metrics.get("smoke_test"):
        typer.echo("\n".join(summary_lines(metrics)))
        line = summary_line(metrics)
        if line:
            typer.echo(line)
    written = "evaluation.md, evaluation.html, metrics.json"
    if (metrics.get("reasons") or {}).get("classifier"):
        written += ", reasons.md, reasons.json"
    typer.echo(f"reports written to {reports}/{written}")


@app.command("predict")
def predict_command(
    inputs: list[Path] = InputsArg,
    out: Path = typer.Option(
        None,
        "--out",
        parser=_out_file,
        help=".jsonl, .csv, .parquet or .xlsx file (default: print readably).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of text."),
    models: Path = ModelsOption,
    jobs: int = JobsOption,
    ocr: str | None = OcrOption,
    scheduler: str = SchedulerOption,
    chunk_files: int = ChunkOption,
    base_rate: str = typer.Option(
        None,
        "--base-rate",
        metavar="SHARE|em",
        help="Adjust P(Overturned) to this share of Overturned items among the letters (e.g. "
        "0.1), or 'em' to estimate the share from the run's own predictions (Saerens et al. "
        "2002); adds p_overturned_adjusted. Rankings and calls do not change.",
    ),
) -> None:
    """Letters -> everything `extract` gives plus the two models' predictions per item."""
    from pipeline.modeling.prior_shift import EM, parse_base_rate
    from pipeline.runner.engine import warm_up

    try:
        shift = parse_base_rate(base_rate)
    except ValueError as error:
        raise _usage_error(str(error)) from None
    if out is not None:
        _check_out(out, inputs, folder=False, models=models)
        _check_format(out)
        if as_json:
            raise _usage_error(
                "--json prints the records when there is no --out; with --out "
                "the file's extension chooses the format (give .jsonl)"
            )
    _check_scheduler(scheduler)
    _models_or_exit(models, warm_up)  # refuse tampered or missing artifacts before any work
    _warn_if_smoke(models)
    trained = _trained_base_rate(models)
    adjust = None
    if isinstance(shift, float):
        from pipeline.modeling.prior_shift import adjust_records

        adjust = lambda records: adjust_records(records, trained, shift, "given")  # noqa: E731
    # EM needs every prediction of the run before the first is adjusted: the records go to a
    # temporary file first and OUT is written from it.
    staged = out is None or shift == EM
    if staged:
        from pipeline.core.temps import own_prefix, sweep_stale

        sweep_stale(tempfile.gettempdir(), _PRINTED_PREFIX)
        handle, name = tempfile.mkstemp(prefix=own_prefix(_PRINTED_PREFIX), suffix=".jsonl")
        os.close(handle)
    target = Path(name) if staged else out
    try:
        summary = _stream_items(inputs, target, jobs, scheduler, models, chunk_files,
                                rejects_csv=not staged, adjust=adjust)  # fmt: skip
        records = io.read_jsonl(target) if staged and summary.written else []
    finally:
        if staged:
            target.unlink(missing_ok=True)
    if shift == EM and records:
        records = _em_adjusted(records, trained)
    if out is not None and staged:
        from pipeline.runner.sinks import records_sink

        if summary.written:
            with records_sink(out) as sink:
                sink.write_records(records)
        _write_rejects(summary, out)
        records = []
    if out is None:
        from pipeline.cli.describe import describe

        for record in records:
            text = json.dumps(record, ensure_ascii=False) if as_json else describe(record)
            typer.echo(plain(text))
            if not as_json:
                typer.echo("")
    _print_flags(summary.flags)
    left = f"; {terminal(out)} left as it was{_rejects_note(summary, out) if out else ''}"
    written = (f", written to {terminal(out)}{_rejects_note(summary, out)}" if summary.written
               else left)  # fmt: skip
    err.print(f"{counted(summary.items, 'item')} predicted" + (written if out else ""),
              highlight=False)  # fmt: skip
    raise typer.Exit(exit_code(summary.parsed, summary.rejected))


def _only_imr_files(models: Path) -> None:
    """Exit 2 when the models folder holds a file imr did not write or a symbolic link: every
    load would refuse it after the training (`verify_manifest`)."""
    from pipeline.modeling.artifacts import legacy_models

    if not Path(models).is_dir():
        return
    foreign = io.foreign_entries(models, io.owned_files(models, legacy_models))
    if foreign:
        raise _usage_error(f"--models {models}: {Path(models) / foreign[0]} is not a file imr "
                           "writes (a models folder holds only its own files, so that loading "
                           "can verify them): move it out")  # fmt: skip


def _trained_base_rate(models: Path) -> float:
    """The share of Overturned items the reasoning model was calibrated to (metadata.json)."""
    from pipeline.modeling.artifacts import read_metadata

    return float(read_metadata(models).get("base_rate_overturned") or 0.5)


def _em_adjusted(records: list[dict], trained: float) -> list[dict]:
    """The run's records adjusted to the share EM estimates from their predictions."""
    from pipeline.modeling.prior_shift import MIN_ITEMS_FOR_EM, adjust_records, em_prior

    p = [r["prediction"]["p_overturned_reasoning"] for r in records if r.get("prediction")]
    estimate = em_prior(p, trained)
    err.print(f"base rate estimated by EM from {counted(len(p), 'item')}: {estimate.prior:.3f} "
              f"(the models were trained on {trained:.3f})", highlight=False)  # fmt: skip
    if len(p) < MIN_ITEMS_FOR_EM:
        err.print(f"[yellow]warning[/yellow]: EM on fewer than {MIN_ITEMS_FOR_EM} items is "
                  "mostly noise; give the share with --base-rate 0.1 if you know it",
                  highlight=False)  # fmt: skip
    return adjust_records(records, trained, estimate.prior, "em")


_PRINTED_PREFIX = "imr-predict-"  # predict's records before they are printed (no --out)


def _models_or_exit(models: Path, load: Callable[[Path], object]) -> None:
    """Load (so verify) the models with `load`, or exit 5 saying why they are refused."""
    from pipeline.modeling.artifacts import MANIFEST, ModelIntegrityError

    if not (Path(models) / MANIFEST).is_file() and not (Path(models) / MANIFEST).is_symlink():
        shown = "does not exist" if not Path(models).exists() else f"holds no {MANIFEST}"
        err.print(f"[red]refusing to load the models in {terminal(models)}[/red]: no trained "
                  f"models ({terminal(models)} {shown}); train them with "
                  "`make train LETTERS=<folder of letters>` (or `make smoke` for smoke-test "
                  "models on the made-up letters), or give --models", highlight=False)  # fmt: skip
        raise typer.Exit(EXIT_BAD_MODELS)
    try:
        load(models)
    except (ModelIntegrityError, FileNotFoundError) as error:
        err.print(f"[red]refusing to load the models in {terminal(models)}[/red]: "
                  f"{terminal(error)}", highlight=False)  # fmt: skip
        raise typer.Exit(EXIT_BAD_MODELS) from None


def _tagged_or_exit(processed: Path) -> dict:
    """The tagged tables' record (inputs.json), or exit 2 when another tagging pipeline (other
    rule files, another imr version) made them, naming the first rule file that differs."""
    from pipeline.provenance import TaggedWithOtherPipeline, check_tagged

    if not (Path(processed) / "items.parquet").is_file():  # a fresh clone: nothing tagged yet
        shown = "does not exist" if not Path(processed).exists() else "holds no tagged tables"
        raise _usage_error(f"{processed} {shown}: ingest and tag letters first with `make train "
                           "LETTERS=<folder of letters>` (or `make smoke` on the made-up "
                           "letters), or give --in")  # fmt: skip
    try:
        return check_tagged(processed)
    except TaggedWithOtherPipeline as error:
        raise _usage_error(str(error)) from None


def _warn_if_smoke(models: Path) -> None:
    """Smoke-test models (fitted on too few letters to validate) announce themselves."""
    from pipeline.modeling.artifacts import read_metadata, smoke_notice

    notice = smoke_notice(read_metadata(models))  # verified by the caller's load
    if notice:
        err.print(f"[yellow]warning[/yellow]: {terminal(notice)}", highlight=False)


def _print_flags(flags: list[dict]) -> None:
    if not flags:
        return
    err.print(
        f"[bold]{counted(len(flags), 'item')} to re-read[/bold] (stated decision vs the models):"
    )
    for flag in flags:
        err.print(terminal(f"  {flag['case_number']} #{flag['item']} "
                           f"{flag['disputed_item']!r}: " + "; ".join(flag["reasons"])),
                  highlight=False)  # fmt: skip


@app.command("report")
def report_command(
    inputs: list[Path] = InputsArg,
    out: Path = typer.Option(
        ..., "--out", help="Folder for report.html, report.json, items.parquet/.csv, letters/."
    ),
    models: Path = ModelsOption,
    no_models: bool = typer.Option(False, "--no-models", help="Leave the models out."),
    jobs: int = JobsOption,
    ocr: str | None = OcrOption,
    chunk_files: int = ChunkOption,
    top_specialties: int = typer.Option(
        10, "--top-specialties", min=1, help="Specialties shown by name; the rest grouped."
    ),
) -> None:
    """Letters -> corpus report (OUT/report.html, report.json), item table, a page per letter.

    Tables and plots, the tidy item table (items.parquet, items.csv) and a page per letter
    (OUT/letters/). Uses the models when they are trained."""
    from pipeline.modeling.loaded import loaded_models
    from pipeline.reporting.corpus.command import done_line, run_report, trained

    _check_out(out, inputs, folder=True, kind="report", models=models)
    models_dir = None if no_models or not trained(models) else models
    if models_dir is not None:
        _models_or_exit(models_dir, loaded_models)  # before any work
        _warn_if_smoke(models_dir)
    elif not no_models:
        err.print(f"no trained models in {terminal(models)}: the report leaves out the "
                  "model tables (make train)", highlight=False)  # fmt: skip
    result = run_report(inputs, out, models_dir, jobs, chunk_files, top_specialties)
    _report(result.summary)
    err.print(terminal(done_line(result, out)), highlight=False)
    raise typer.Exit(exit_code(result.summary.parsed, result.summary.rejected))


@app.command("serve")
def serve_command(
    models: Path = ModelsOption,
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on (this computer "
        "only by default; 0.0.0.0 opens it to the network).",
    ),  # fmt: skip
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    max_files: int = typer.Option(
        config.SERVE_MAX_FILES, "--max-files", min=1, help="Letters per upload at most."
    ),
    max_file_mb: float = typer.Option(
        config.SERVE_MAX_FILE_MB,
        "--max-file-mb",
        min=0.001,
        help="Size of one uploaded letter at most (MB).",
    ),
) -> None:
    """A local web app on the trained models: upload letters, read their items, download them.

    Open http://HOST:PORT/ in a browser; the JSON API's page is /docs.
    Letters run with the limits of `imr predict` (IMR_*).
    Uploads live in a temporary folder, deleted after each response."""
    import socket

    import uvicorn

    from pipeline.serve.app import allowed_hosts, create_app
    from pipeline.serve.uploads import UploadLimits

    try:  # a port in use is the user's to change: said before the models load
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise _usage_error(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    holder: list[object] = []
    limits = UploadLimits(max_files, max_file_mb)
    _models_or_exit(models, lambda m: holder.append(
        create_app(m, limits, hosts=allowed_hosts(host))))  # fmt: skip
    _warn_if_smoke(models)
    err.print(f"serving {terminal(models)} on http://{terminal(host)}:{port}/ (Ctrl-C stops)",
              highlight=False)  # fmt: skip
    uvicorn.run(holder[0], host=host, port=port, log_level="warning")  # type: ignore[arg-type]


def main() -> None:
    """The `imr` console entry point: run the command, then leave without tearing down the
    interpreter. Freeing the spaCy pipeline's objects one by one at exit takes a tenth of the
    time a one-letter `imr predict` has; outputs are closed by then and the streams are flushed
    here. An uncaught error, or a run that used joblib's worker pools, exits the normal way."""
    from pipeline.runner.stops import install_stop_handlers

    install_stop_handlers()
    try:
        app()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    if "joblib" in sys.modules:  # its worker pools clean up at exit: leave the normal way
        sys.exit(code)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
