"""Throughput benchmark: raw pypdfium2 text extraction vs the full predict path, same files,
same run, same parallelism. Results go to reports/bench.json."""

from __future__ import annotations

import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pypdfium2 as pdfium
from joblib import Parallel, delayed

from pipeline.ingest.batch import discover
from pipeline.modeling.loaded import forget_loaded
from pipeline.runner import engine
from pipeline.runner.run import CHUNK_FILES, chunk_results, chunked
from pipeline.runner.workers import worker_count


def _raw_text_chunk(paths: Sequence[Path]) -> int:
    """What any PDF tool must do at least: open each file and pull every page's text."""
    characters = 0
    for path in paths:
        if path.suffix.lower() != ".pdf":
            characters += len(path.read_bytes())
            continue
        document = pdfium.PdfDocument(str(path), password="")
        for page in document:
            characters += len(page.get_textpage().get_text_range())
        document.close()
    return characters


def raw_extraction(paths: Sequence[Path], n_jobs: int) -> float:
    """Seconds for raw extraction of all paths with the engine's chunking and workers."""
    started = time.perf_counter()
    chunks = chunked(paths, CHUNK_FILES, n_jobs)  # the same work units as the full path
    Parallel(n_jobs=n_jobs)(delayed(_raw_text_chunk)(c) for c in chunks)
    return time.perf_counter() - started


def _new_letters_cpu_seconds(paths: Sequence[Path], models_dir: Path | None) -> dict[str, float]:
    """CPU seconds, in one process forked as a worker is: the full path on `paths` while they
    are new to it, then again once seen, each beside a raw extraction of the same files."""

    def cpu_seconds(work: Callable[[], object]) -> float:
        started = time.process_time()
        work()
        return time.process_time() - started

    def raw() -> float:
        return cpu_seconds(lambda: _raw_text_chunk(paths))

    raw_before, new = raw(), cpu_seconds(lambda: engine.process_chunk(paths, models_dir))
    raw_between, seen = raw(), cpu_seconds(lambda: engine.process_chunk(paths, models_dir))
    raw_after = raw()
    return {
        "raw": raw_between,
        "new": new,
        "seen": seen,
        # Each pass beside the raw extractions just before and after it (a machine's speed
        # drifts over seconds).
        "ratio_new": (raw_before + raw_between) / 2 / new,
        "ratio_seen": (raw_between + raw_after) / 2 / seen,
    }


def new_letters_ratio(paths: Sequence[Path], models_dir: Path | None, rounds: int) -> dict:
    """Raw/full CPU-time ratio on one core for letters the worker has not seen before.

    The benchmark corpus repeats its letters, so after the first pass a worker's caches (spaCy's
    tokenizer cache, the rule set's DFA states, the scorers' per-word n-gram columns) already
    hold every word; a stream of new letters keeps missing them for its rarer words. Each round
    forks a fresh worker from the loaded process, as the full path does, so its caches start as
    a worker's do; the median round counts."""
    engine.warm_up(models_dir, for_workers=True)
    measured = []
    for _ in range(rounds):
        with multiprocessing.get_context("fork").Pool(1) as pool:  # a new worker each round
            measured.append(pool.apply(_new_letters_cpu_seconds, (list(paths), models_dir)))

    def median(key: str) -> float:
        return round(statistics.median(m[key] for m in measured), 3)

    return {
        "letters": len(paths),
        "rounds": rounds,
        "cpu_seconds": {key: median(key) for key in ("raw", "new", "seen")},
        "ratio_new_letters": median("ratio_new"),
        "ratio_seen_letters": median("ratio_seen"),
    }


def replicate(paths: Sequence[Path], target: int, folder: Path) -> list[Path]:
    """At least `target` letter files, made by linking the given ones under new names."""
    corpus = []
    for n in range(target):
        source = paths[n % len(paths)]
        link = folder / f"{n:06d}-{source.name}"
        os.symlink(source.resolve(), link)
        corpus.append(link)
    return corpus


def _peak_rss_mb(worker_rss: float) -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"main_process": round(own, 1), "largest_worker": round(worker_rss, 1)}


def run_bench(
    letters: Sequence[Path],
    n_letters: int,
    models_dir: Path | None,
    n_jobs: int,
    out: Path,
    rounds: int = 5,
    startup_runs: int = 5,
) -> dict:
    paths, _ = discover(letters)
    if not paths:
        raise ValueError("no letter files to benchmark")
    tag_words_per_s, _ = tag_stage_words_per_second(paths[:200])
    raw_rounds: list[float] = []
    full_rounds: list[float] = []
    with tempfile.TemporaryDirectory(prefix="imr-bench-") as folder:
        corpus = replicate(paths, max(n_letters, len(paths)), Path(folder))
        workers = worker_count(n_jobs, len(corpus))
        Parallel(n_jobs=workers)(delayed(len)([]) for _ in range(workers))  # warm the pool
        # Raw and full runs alternate, so that a slower or faster spell of a shared machine
        # touches both; each full run loads the pipeline and models afresh.
        for _ in range(rounds):
            raw_rounds.append(raw_extraction(corpus, workers))
            forget_loaded()
            started = time.perf_counter()
            items = 0
            worker_rss = 0.0
            chunk_rates: list[float] = []  # letters/s of each chunk inside its worker
            stage = engine.extract_stage(models_dir)
            with chunk_results(corpus, stage, n_jobs=workers) as chunks:
                for chunk in chunks:
                    items += len(chunk.records)
                    worker_rss = max(worker_rss, chunk.worker_peak_rss_mb)
                    chunk_rates.append(chunk.files / max(chunk.seconds, 1e-9))
            full_rounds.append(time.perf_counter() - started)
            if full_rounds[-1] == min(full_rounds):
                best_chunk_rates = chunk_rates  # the steady state of the round that counts
    raw_seconds, full_seconds = min(raw_rounds), min(full_rounds)
    new_letters = new_letters_ratio(paths, models_dir, rounds)
    startup = one_letter_predict_seconds(paths[0], models_dir, startup_runs) if models_dir else None
    ocr_speed = ocr_pages_per_second(paths, models_dir, workers)
    result = {
        "letters": len(corpus),
        "distinct_letters": len(paths),
        "workers": workers,
        "path": "extract+tag+predict" if models_dir else "extract+tag",
        "raw_pypdfium2": {"seconds": round(raw_seconds, 2),
                          "letters_per_s": round(len(corpus) / raw_seconds, 1)},
        "full_pipeline": {"seconds": round(full_seconds, 2),
                          "letters_per_s": round(len(corpus) / full_seconds, 1),
                          "items": items},
        "ratio_full_to_raw": round(raw_seconds / full_seconds, 3),
        # Each full round beside the raw round just before it, the median over rounds: a
        # machine whose speed drifts over minutes slows a pair together, while a slow spell
        # is likelier to fall in the longer full rounds than in the raw ones.
        "ratio_paired_rounds_median": round(
            statistics.median(r / f for r, f in zip(raw_rounds, full_rounds, strict=True)), 3
        ),
        "rounds": {"raw_seconds": [round(x, 2) for x in raw_rounds],
                   "full_seconds": [round(x, 2) for x in full_rounds]},  # fmt: skip
        # Once every worker has imported its libraries and loaded the models: the rate a
        # long run (100,000 letters) converges to.
        "steady_state_letters_per_s": round(
            workers * statistics.median(best_chunk_rates), 1
        ),
        "one_core_distinct_letters": new_letters,
        "tag_stage_words_per_s_one_core": round(tag_words_per_s),
        "one_letter_predict_seconds": startup,
        "ocr_scanned_letters": ocr_speed,
        "peak_rss_mb": _peak_rss_mb(worker_rss),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }  # fmt: skip
    from pipeline.core.io import dump_json

    dump_json(result, out, sort_keys=False)
    return result


OCR_BENCH_LETTERS = 4


def ocr_pages_per_second(paths: Sequence[Path], models_dir: Path | None, workers: int) -> dict:
    """Scanned copies of the first few PDFs (the test suite's scan generator: 200 dpi grey,
    0.5 degrees, JPEG) through the full path with OCR, one letter per work unit on every
    worker. Missing Tesseract or generator: the reason instead of a figure."""
    from pipeline.config import ROOT
    from pipeline.ingest import ocr

    generator = ROOT / "tests" / "fixtures" / "make_scans.py"
    if not ocr.tesseract_available():
        return {"skipped": "tesseract is not installed"}
    if not generator.exists():
        return {"skipped": f"{generator} is absent"}
    import importlib.util

    spec = importlib.util.spec_from_file_location("imr_make_scans", generator)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    pdfs = [p for p in paths if p.suffix.lower() == ".pdf"][:OCR_BENCH_LETTERS]
    with tempfile.TemporaryDirectory(prefix="imr-ocr-bench-") as folder:
        scans = module.scan_all(pdfs, Path(folder))
        pages = 0
        for scan in scans:
            document = pdfium.PdfDocument(str(scan))
            pages += len(document)
            document.close()
        started = time.perf_counter()
        items = 0
        stage = engine.extract_stage(models_dir, chunk_files=1)
        with chunk_results(scans, stage, n_jobs=workers) as chunks:
            for chunk in chunks:
                items += len(chunk.records)
        seconds = time.perf_counter() - started
    return {"letters": len(scans), "pages": pages, "items": items, "workers": workers,
            "seconds": round(seconds, 2), "pages_per_s": round(pages / seconds, 2)}  # fmt: skip


def one_letter_predict_seconds(letter: Path, models_dir: Path, runs: int = 5) -> dict:
    """Wall seconds of `imr predict LETTER` in a fresh process each time: interpreter start,
    imports, building the spaCy pipeline, loading the models, the letter, the output."""
    command = [sys.executable, "-m", "pipeline.cli", "predict", str(letter), "--json",
               "--models", str(models_dir)]  # fmt: skip
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        seconds.append(time.perf_counter() - started)
    return {"median": round(statistics.median(seconds), 2), "min": round(min(seconds), 2),
            "runs": runs, "letter": letter.name}  # fmt: skip


def tag_stage_words_per_second(
    paths: Sequence[Path], repeats: int = 3, without: Sequence[str] = ()
) -> tuple[float, int]:
    """Words/s of the `tag` stage itself (each text through the components it needs) on the
    given letters, one process, best of `repeats`, optionally `without` some components; and
    the number of words."""
    import pandas as pd

    from pipeline.ingest.batch import letters_and_items, parse_file
    from pipeline.ingest.stage import ITEM_COLUMNS, LETTER_COLUMNS

    letter_rows, item_rows, _ = letters_and_items([parse_file(p) for p in paths])
    items = pd.DataFrame(item_rows, columns=ITEM_COLUMNS)
    letters = pd.DataFrame(letter_rows, columns=LETTER_COLUMNS)
    return tag_frames_words_per_second(items, letters, repeats, without)


def tag_frames_words_per_second(
    items, letters, repeats: int = 3, without: Sequence[str] = ()
) -> tuple[float, int]:
    """Words/s of `tag_items` on ingest-shaped tables (best of `repeats`), and the words."""
    from pipeline.tagging import build_nlp, tag_items

    texts = [*letters.clinical_case_summary, *items.disputed_item, *items.rationale,
             *items.claims_admin_guideline_text.fillna(""),
             *items.maximus_guideline_text.fillna("")]  # fmt: skip
    words = sum(len(str(text).split()) for text in texts)
    nlp = build_nlp()
    for name in without:
        nlp.remove_pipe(name)
    tag_items(items.head(20), letters.head(20), nlp)  # warm-up
    best = float("inf")
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        tag_items(items, letters, nlp)
        best = min(best, time.perf_counter() - started)
    return words / best, words


def letter_texts(paths: Sequence[Path]) -> list[str]:
    """The texts the tagger reads in each letter: summary, items, guideline lines, rationales."""
    from pipeline.ingest.batch import parse_file

    texts = []
    for path in paths:
        for parsed in parse_file(path).letters:
            texts.append(parsed.letter["clinical_case_summary"])
            for item in parsed.items:
                texts.extend([item["disputed_item"], item["rationale"]])
    return texts


def replicate_items(items, letters, factor: int):
    """The tagged tables `factor` times over, each copy under new case numbers (so letter-level
    splits treat copies as distinct letters, as new letters would be)."""
    import pandas as pd

    def copies(frame):
        return pd.concat(
            [frame.assign(case_number=frame.case_number + f"~{n}") for n in range(factor)],
            ignore_index=True,
        )

    return copies(items), copies(letters)


def training_cost(processed_dir: Path, factors: Sequence[int], out: Path) -> list[dict]:
    """Seconds of `imr train` (model choice included) on 1x, 4x, 16x ... the development items."""
    from pipeline.core.io import dump_json
    from pipeline.modeling.train import train_models
    from pipeline.tagging.stage import read_tagged

    items, letters = read_tagged(processed_dir)
    rows = []
    for factor in factors:
        big_items, big_letters = replicate_items(items, letters, factor)
        with tempfile.TemporaryDirectory(prefix="imr-train-") as folder:
            started = time.perf_counter()
            train_models(big_items, big_letters, Path(folder))
            seconds = time.perf_counter() - started
        rows.append({"factor": factor, "items": len(big_items), "seconds": round(seconds, 1),
                     "peak_rss_mb": round(_peak_rss_mb(0)["main_process"], 1)})  # fmt: skip
    dump_json(rows, out, sort_keys=False)
    return rows
