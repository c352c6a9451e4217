"""Benchmarks (`make bench`, `make bench-tag`, `make bench-train`): how fast imr reads letters.
Outside the pipeline package: nothing the pipeline runs imports this. Run from the repository
root: `python -m benchmarks throughput|tag|train ...`."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline import config
from pipeline.cli import InputsArg, JobsOption, ModelsOption, ProcessedOption
from pipeline.cli.help_patch import HelpGroup

app = typer.Typer(add_completion=False, no_args_is_help=True, cls=HelpGroup)

TAGGERS_FLOOR_WORDS_PER_S = 200_000


@app.command("tag")
def bench_tag_command(
    inputs: list[Path] = InputsArg,
    repeats: int = typer.Option(5, "--repeats", min=1, help="Timed passes; the best counts."),
) -> None:
    """Words/s of the spaCy tagging pipeline on one core, over the letters' own texts."""
    import spacy

    from benchmarks.tagging import measure_words_per_second
    from benchmarks.throughput import letter_texts, tag_stage_words_per_second
    from pipeline.ingest.batch import discover
    from pipeline.tagging import build_nlp

    paths = discover(inputs)[0]
    stage, words = tag_stage_words_per_second(paths, repeats=repeats)
    taggers, _ = tag_stage_words_per_second(paths, repeats=repeats, without=["verdict_masker"])
    texts = letter_texts(paths)
    everything = measure_words_per_second(build_nlp(), texts, repeats=repeats)
    blank = measure_words_per_second(spacy.blank("en"), texts, repeats=repeats)
    rows = [
        ("tag stage (each text through the components it needs)", stage),
        ("  the same without verdict masking (issue-3 taggers)", taggers),
        ("every component on every text", everything),
        ("blank spaCy tokenizer alone", blank),
    ]
    typer.echo(f"{len(paths)} letters, {words:,} words, one core")
    for name, rate in rows:
        typer.echo(f"  {name:55} {rate:12,.0f} words/s")
    # Issue 3's floor, checked here and not in the tests (no test times anything).
    verdict = "met" if taggers >= TAGGERS_FLOOR_WORDS_PER_S else "NOT MET"
    typer.echo(f"issue-3 taggers' floor {TAGGERS_FLOOR_WORDS_PER_S:,} words/s: {verdict}")


@app.command("train")
def bench_train_command(
    processed: Path = ProcessedOption,
    factors: list[int] = typer.Option([1, 4, 16], "--factor", min=1, help="Replication factors."),
    out: Path = typer.Option(
        config.REPORTS_DIR / "bench_train.json", "--out", help="Where the timings go (JSON)."
    ),
) -> None:
    """How training time grows with the data: the tagged items replicated 1x, 4x, 16x."""
    from benchmarks.throughput import training_cost

    for row in training_cost(processed, factors, out):
        typer.echo(f"  {row['factor']:>3}x  {row['items']:>6} items  {row['seconds']:>7.1f} s  "
                   f"peak RSS {row['peak_rss_mb']} MB")  # fmt: skip


@app.command("throughput")
def bench_command(
    inputs: list[Path] = InputsArg,
    letters: int = typer.Option(2000, "--letters", min=1, help="Corpus size (repeats the inputs)."),
    models: Path = ModelsOption,
    no_models: bool = typer.Option(False, "--no-models", help="Time extract+tag only."),
    jobs: int = JobsOption,
    out: Path = typer.Option(
        config.REPORTS_DIR / "bench.json", "--out", help="Where the figures go (JSON)."
    ),
    rounds: int = typer.Option(
        5, "--rounds", min=1, help="Raw/full rounds (the machine's speed drifts); the best counts."
    ),
) -> None:
    """Letters/s of raw pypdfium2 extraction vs the full predict path, in one run."""
    from benchmarks.throughput import run_bench

    models_dir = None if no_models else models
    result = run_bench(inputs, letters, models_dir, jobs, out, rounds)
    raw, full = result["raw_pypdfium2"], result["full_pipeline"]
    startup, rss = result["one_letter_predict_seconds"], result["peak_rss_mb"]
    fresh = result["one_core_distinct_letters"]
    lines = [
        f"{result['letters']} letters, {result['workers']} workers, best of {rounds} "
        "alternating rounds",
        f"  raw pypdfium2 extraction: {raw['letters_per_s']:8.1f} letters/s",
        f"  {result['path']:24}: {full['letters_per_s']:8.1f} letters/s",
        f"  ratio full/raw: {result['ratio_full_to_raw']:.2f} (best rounds), "
        f"{result['ratio_paired_rounds_median']:.2f} (median of adjacent round pairs)",
        f"  steady state (workers warm): {result['steady_state_letters_per_s']:.1f} letters/s",
        f"  one core, the {fresh['letters']} distinct letters: ratio "
        f"{fresh['ratio_new_letters']:.2f} while new to the worker, "
        f"{fresh['ratio_seen_letters']:.2f} once seen",
        f"  tag stage: {result['tag_stage_words_per_s_one_core']:,} words/s on one core",
    ]
    if startup:
        lines.append(
            f"  one-letter imr predict: {startup['median']:.2f} s wall (median of "
            f"{startup['runs']} fresh processes, fastest {startup['min']:.2f})"
        )
    scans = result["ocr_scanned_letters"]
    lines.append(
        f"  OCR (scanned copies of {scans['letters']} letters, {scans['pages']} pages): "
        f"{scans['pages_per_s']:.2f} pages/s"
        if "pages_per_s" in scans
        else f"  OCR: not measured ({scans['skipped']})"
    )
    lines += [
        f"  peak RSS: {rss['main_process']} MB main, {rss['largest_worker']} MB largest worker",
        f"  written to {out}",
    ]
    typer.echo("\n".join(lines))


if __name__ == "__main__":
    app()
