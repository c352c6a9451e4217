"""Throughput benchmark: raw pypdfium2 text extraction vs the full predict path, same files,
same run, same parallelism. Results go to reports/bench.json."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
from joblib import Parallel, delayed

from pipeline.engine import CHUNK_FILES, chunked, run_chunks
from pipeline.ingest.batch import discover


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
    Parallel(n_jobs=n_jobs)(delayed(_raw_text_chunk)(c) for c in chunked(paths, CHUNK_FILES))
    return time.perf_counter() - started


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
    letters: Sequence[Path], n_letters: int, models_dir: Path | None, n_jobs: int, out: Path
) -> dict:
    paths, _ = discover(letters)
    if not paths:
        raise ValueError("no letter files to benchmark")
    with tempfile.TemporaryDirectory(prefix="imr-bench-") as folder:
        corpus = replicate(paths, max(n_letters, len(paths)), Path(folder))
        workers = n_jobs if n_jobs > 0 else os.cpu_count() or 1
        Parallel(n_jobs=workers)(delayed(len)([]) for _ in range(workers))  # warm the pool
        raw_seconds = raw_extraction(corpus, workers)
        started = time.perf_counter()
        items = words = 0
        worker_rss = 0.0
        chunk_seconds: list[float] = []
        for chunk in run_chunks(corpus, models_dir=models_dir, n_jobs=workers):
            items += len(chunk.records)
            words += chunk.words
            worker_rss = max(worker_rss, chunk.worker_peak_rss_mb)
            chunk_seconds.append(chunk.seconds)
        full_seconds = time.perf_counter() - started
    from pipeline.tagging import build_nlp
    from pipeline.tagging.bench import measure_words_per_second

    sample = letter_texts(paths[:200])
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
        # Once every worker has imported its libraries and loaded the models: the rate a
        # long run (100,000 letters) converges to.
        "steady_state_letters_per_s": round(
            workers * CHUNK_FILES / statistics.median(chunk_seconds), 1
        ),
        "tagger_words_per_s_one_core": round(measure_words_per_second(build_nlp(), sample)),
        "peak_rss_mb": _peak_rss_mb(worker_rss),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }  # fmt: skip
    from pipeline.io import atomic_open

    with atomic_open(out) as f:
        json.dump(result, f, indent=2)
    return result


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
