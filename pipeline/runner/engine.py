"""The extract/predict stage: letters -> item records in chunks (parse, tag and, with models,
predict), run by the runner (`runner.run.run_stage`, `extract_stage`).

The same chunk function runs in local worker processes (forked from a process that has loaded
the spaCy pipeline and the models) or on a Dask cluster (joblib's dask backend, each worker
loading them once); results come back in input order, so a cluster run equals a local run item
for item. Memory stays flat: only the chunks in flight are held, and records are written as
they arrive.

One file never costs the chunk: each letter is tagged and predicted on its own, within its own
time budget, and a letter whose data stops it (a documented data error, `pipeline.core.data_errors`,
or an overrun of its budget) becomes a reject row. Letters always run in at least one local
worker process under `runner.workers` (address-space cap, a dead worker's files retried
alone), whatever --jobs and the number of chunks. Any other exception is a bug: it stops the run.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import limit
from pipeline.core.budget import FileTimeout, mark, time_budget, timeout_reason
from pipeline.core.data_errors import is_data_error
from pipeline.core.safe import shown_name
from pipeline.ingest.batch import FileResult, Reject, letters_and_items, parse_file
from pipeline.modeling.loaded import loaded_models, loaded_nlp
from pipeline.record import Item, Prediction, Reason
from pipeline.record.views import json_row
from pipeline.runner.run import CHUNK_FILES, Stage
from pipeline.tagging.records import item_records as build_records  # pure: no heavy imports


@dataclass
class ChunkResult:
    files: int
    parsed_files: int
    records: list[dict] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    worker_peak_rss_mb: float = 0.0
    seconds: float = 0.0  # time spent in the worker on this chunk
    flags: list[dict] = field(default_factory=list)


def item_records(items: Sequence[dict], letters: Sequence[dict]) -> list[Item]:
    """Tagged item records (+ their letters, for the prior treatments) -> the item records
    (`pipeline.record.Item`), built and validated once (`pipeline.tagging.records`): the one
    function that says what an item's record holds (every sink writes a view of it)."""
    return build_records(items, letters)


def add_predictions(records: Sequence[Item], models: Any, letters: Sequence[dict]) -> list[dict]:
    """Predict each record and put its prediction on it; the disagreement flags."""
    from pipeline.modeling.predict import flag_disagreements, predict_items

    predictions = predict_items(models, records, letters)
    for record, prediction in zip(records, predictions, strict=True):
        record.prediction = Prediction.model_validate(prediction)
    return flag_disagreements(records, predictions)


def tag_parsed(items: list[dict], letters: list[dict], nlp: Any) -> tuple[list[dict], list[dict]]:
    """Ingest's item and letter records with their tags added (new dicts), tagged by `nlp`."""
    from pipeline.tagging import tag_records

    item_tags, letter_tags = tag_records(items, letters, nlp=nlp)
    return (
        [{**item, **tags} for item, tags in zip(items, item_tags, strict=True)],
        [{**letter, **tags} for letter, tags in zip(letters, letter_tags, strict=True)],
    )


# Allocations between two young-generation collections while a chunk runs (Python's default
# is 700). Tagging makes hundreds of thousands of short-lived containers per chunk, nearly all
# freed by reference counting; collecting every 700 of them cost 10-15 % of the chunk's time.
CHUNK_GC_THRESHOLD = 100_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], CHUNK_GC_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def process_chunk(paths: Sequence[Path], models_dir: Path | None) -> ChunkResult:
    """Parse, tag and (with models) predict one chunk of files (runs inside a worker)."""
    started = time.perf_counter()
    with fewer_collections():
        chunk = _process_chunk(paths, models_dir)
    chunk.seconds = time.perf_counter() - started
    chunk.worker_peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return chunk


def _process_chunk(paths: Sequence[Path], models_dir: Path | None) -> ChunkResult:
    results = [parse_file(Path(p)) for p in paths]
    chunk = ChunkResult(files=len(results), parsed_files=0)

    def work(some: Sequence[FileResult]) -> Callable[[], None]:
        records, flags = _tag_and_predict(some, models_dir)
        return lambda: (chunk.records.extend(records), chunk.flags.extend(flags))

    each_file_isolated([r for r in results if r.letters], work)
    chunk.parsed_files = sum(1 for r in results if not r.reject)
    chunk.rejects = [r.reject for r in results if r.reject]
    chunk.problems = letters_and_items(r for r in results if r.letters)[2]
    return chunk


def each_file_isolated(
    parsed: Sequence[FileResult],
    work: Callable[[Sequence[FileResult]], Callable[[], None]],
) -> None:
    """`work` on the parsed files, each within its own time budget (IMR_FILE_SECONDS). `work`
    returns a function that adds its output to the chunk, called only once all it was given
    succeeded, so a file stopped half-way adds nothing.

    The files are first worked on together (spaCy and the scorers are much cheaper per letter
    in a batch) within ONE file's budget: if the batch finishes in time, no file in it can have
    taken longer than its own budget. If the batch overruns or a file's data stops it, each
    file is worked on again alone within its own budget; one whose data stops it (a documented
    data error) or that overruns becomes a 'tag' reject and the others go on. Any other
    exception is a bug and propagates."""
    budget = limit("IMR_FILE_SECONDS")
    if len(parsed) > 1 and _attempt(parsed, work, budget) is None:
        return
    for result in parsed:
        reason = _attempt([result], work, budget)
        if reason is not None:
            result.letters, result.reject = [], Reject(result.path, "tag", reason)


def _attempt(
    parsed: Sequence[FileResult],
    work: Callable[[Sequence[FileResult]], Callable[[], None]],
    budget: float,
) -> str | None:
    """Run `work` on `parsed` within `budget` and commit its output; None when it succeeded,
    else why the data stopped it."""
    try:
        mark([result.path for result in parsed], budget)
        with time_budget(budget):
            commit = work(parsed)
    except FileTimeout:
        return timeout_reason(budget)
    except MemoryError:
        return "ran out of memory (IMR_WORKER_MEMORY_MB)"
    except Exception as error:
        if not is_data_error(error):
            raise
        return f"tagging failed: {type(error).__name__}: {error}"
    commit()
    return None


def _tag_and_predict(
    results: Sequence[FileResult], models_dir: Path | None
) -> tuple[list[dict], list[dict]]:
    """The records (and disagreement flags) of the letters of `results`, tagged and, with
    models, predicted."""
    letters, items, _ = letters_and_items(results)
    if not items:
        return [], []
    items, letters = tag_parsed(items, letters, loaded_nlp(models_dir))
    records = item_records(items, letters)
    flags: list[dict] = []
    if models_dir is not None:
        flags = add_predictions(records, loaded_models(models_dir), letters)
    add_reasons(records, items, models_dir)
    # The chunk carries each record as its JSON row (what the JSONL holds): every writer's
    # view is built from it (`pipeline.record.views`).
    return [json_row(record) for record in records], flags


def add_reasons(records: Sequence[Item], items: list[dict], models_dir: Path | None) -> None:
    """Each record's denial reasons (`modeling.reasons.assign`, from the tagged items' sentences):
    with models trained on reason labels their classifier's, else (extract, or models trained
    without labels) the rule cues' alone."""
    from pipeline.modeling.reasons.assign import assign_reasons

    model = loaded_models(models_dir).reasons if models_dir is not None else None
    for record, reasons in zip(records, assign_reasons(items, model), strict=True):
        if not record.reasons:  # a record given its reasons by an earlier step keeps them
            record.reasons = [Reason.model_validate(reason) for reason in reasons]


def merge_chunks(parts: list[ChunkResult]) -> ChunkResult:
    """One chunk's result from the results of its pieces, in order."""
    merged = ChunkResult(files=0, parsed_files=0)
    for part in parts:
        merged.files += part.files
        merged.parsed_files += part.parsed_files
        merged.records.extend(part.records)
        merged.rejects.extend(part.rejects)
        merged.problems.extend(part.problems)
        merged.flags.extend(part.flags)
        merged.seconds += part.seconds
        merged.worker_peak_rss_mb = max(merged.worker_peak_rss_mb, part.worker_peak_rss_mb)
    return merged


def crashed_file(path: Path, reason: str) -> ChunkResult:
    """The result of a file whose worker died on it twice."""
    return ChunkResult(files=1, parsed_files=0, rejects=[Reject(shown_name(str(path)), "read",
                                                                reason)])  # fmt: skip


def warm_up(models_dir: Path | None, for_workers: bool = False) -> None:
    """Load the spaCy pipeline and the models in this process, so forked workers inherit them
    instead of each importing the libraries and loading the models again.

    Loading creates about 150,000 long-lived container objects: the garbage collector is
    paused while they are made (collecting them then is wasted work), and they are frozen out
    of every later collection, which also keeps forked workers from touching (copying) their
    pages when a collection runs. `for_workers` also builds what the taggers otherwise build on
    first use (`prepare_for_workers`), once here instead of once in every worker.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        if models_dir is not None:  # verified before their pipeline is loaded
            loaded_models(models_dir)
        nlp = loaded_nlp(models_dir)
        if for_workers:
            from pipeline.tagging import prepare_for_workers

            prepare_for_workers(nlp)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def extract_stage(
    models_dir: Path | None = None, chunk_files: int = CHUNK_FILES
) -> Stage[ChunkResult]:
    """`imr extract` (no models) and `imr predict` (with `models_dir`) as a runner stage."""
    return Stage(
        name="predict" if models_dir is not None else "extract",
        work=functools.partial(process_chunk, models_dir=models_dir),
        merge=merge_chunks,
        failed=crashed_file,
        warm_up=functools.partial(warm_up, models_dir, for_workers=True),
        chunk_files=chunk_files,
    )
