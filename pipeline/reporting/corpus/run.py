"""`build_report`: letters -> OUT/{report.html, report.json, items.parquet, items.csv,
letters/<case>.html, rejects.csv, problems.csv}, on the runner like `imr predict`.

The report is a runner stage (`report_stage`) and a sink (`ReportSink`). The workers (forked
from this process after it built the pipeline and loaded the models, as the engine's are)
parse, tag and predict a chunk of files with the engine's functions, render each letter's page
and write it, and send back only the chunk's tidy rows and per-letter summaries. The sink
appends the rows to items.parquet / items.csv and adds them to the aggregator, so memory stays
flat whatever the number of letters; report.json and report.html are written from the
aggregator at the end. Everything goes to a temporary folder swapped in for OUT when complete
(`io.owned_dir`): a killed run leaves the previous report intact.

Why a stage of its own and not the engine's: the engine's chunks carry the JSON rows, without
the letter fields (specialty, dates) and the tagged spans the pages need, and parsing the files
a second time would cost about half of the predict path again. The chunk function here calls the
engine's own steps (`parse_file`, `letters_and_items`, `tag_parsed`, `item_records`,
`add_predictions`, `each_file_isolated`); the rows and pages are views of the item and letter
records those steps build.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import resource
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from pipeline.core import io
from pipeline.core.safe import csv_row, shown_name
from pipeline.ingest.batch import FileResult, Reject, discover, letters_and_items, parse_file
from pipeline.modeling.loaded import loaded_models, loaded_nlp
from pipeline.reporting.corpus.aggregate import TOP_SPECIALTIES, Aggregator
from pipeline.reporting.corpus.index_page import ListWriter
from pipeline.reporting.corpus.rows import COLUMN_NAMES, claim_page, item_row, letter_summary
from pipeline.reporting.corpus.stamp import Stamp, make_stamp
from pipeline.runner import engine
from pipeline.runner.accounting import StreamSummary
from pipeline.runner.engine import add_predictions, item_records, tag_parsed
from pipeline.runner.run import CHUNK_FILES, Stage, run_stage
from pipeline.tagging.records import letter_record


@dataclass(frozen=True)
class PageContext:
    """What each letter page needs from the whole run: its stamp, and where the report will
    be (the source files are linked relative to it)."""

    stamp: Stamp | None = None
    out: Path | None = None

    def source_href(self, path: str | Path, page_folder: str = "letters") -> str | None:
        """The letter file as a link from a page in the report's `page_folder` ("letters" for
        the letter pages, "." for the index), relative, so the report and its letters can move
        together."""
        if self.out is None:
            return None
        try:
            origin = Path(self.out).resolve() / page_folder
            relative = os.path.relpath(Path(path).resolve(), origin)
        except ValueError:  # another drive
            return None
        return quote(Path(relative).as_posix(), safe="/")


@dataclass
class ReportChunk:
    """A chunk's result, shaped like the engine's ChunkResult (so `StreamSummary.add` takes
    it): `records` are tidy rows here, `letters` the per-letter summaries."""

    files: int
    parsed_files: int = 0
    records: list[dict] = field(default_factory=list)
    letters: list[dict] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # page files written, under letters/
    index: list[dict] = field(default_factory=list)  # the letters' rows of index.html
    seconds: float = 0.0
    worker_peak_rss_mb: float = 0.0


def warm_up(models_dir: Path | None) -> None:
    """The engine's warm-up, before the workers are forked, so none of them builds or loads
    anything again."""
    engine.warm_up(models_dir, for_workers=True)


def report_chunk(
    paths: Sequence[Path],
    models_dir: Path | None,
    pages_dir: Path,
    context: PageContext = PageContext(),  # noqa: B008 - frozen, never changed
) -> ReportChunk:
    """Parse, tag, predict and render one chunk of files (runs inside a worker), each file
    within its own time budget: a file whose data stops it or that overruns becomes a reject
    (`engine.each_file_isolated`, as in the engine's `process_chunk`)."""
    started = time.perf_counter()
    with engine.fewer_collections():
        results = [parse_file(Path(p)) for p in paths]
        chunk = ReportChunk(files=len(results))

        def work(some: Sequence[FileResult]) -> Callable[[], None]:
            part = ReportChunk(files=0)
            _report_files(part, some, models_dir, pages_dir, context)
            return lambda: _add_output(chunk, part)

        engine.each_file_isolated([r for r in results if r.letters], work)
    chunk.parsed_files = sum(1 for r in results if not r.reject)
    chunk.rejects = [r.reject for r in results if r.reject]
    chunk.problems = letters_and_items(r for r in results if r.letters)[2]
    chunk.seconds = time.perf_counter() - started
    chunk.worker_peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return chunk


def _add_output(chunk: ReportChunk, part: ReportChunk) -> None:
    for name in ("records", "letters", "flags", "pages", "index"):
        getattr(chunk, name).extend(getattr(part, name))


def _report_files(
    chunk: ReportChunk,
    results: Sequence[FileResult],
    models_dir: Path | None,
    pages_dir: Path,
    context: PageContext,
) -> None:
    """Tag, predict and render `results` into `chunk`, all or nothing: if any letter fails, the
    chunk gets none of their rows and the pages written so far are removed (a file rejected
    on its retry leaves no row and no page behind)."""
    done = ReportChunk(files=0)
    try:
        _render_files(done, results, models_dir, pages_dir, context)
    except BaseException:
        for page in done.pages:
            (pages_dir / page).unlink(missing_ok=True)
        raise
    _add_output(chunk, done)


def _render_files(
    chunk: ReportChunk,
    results: Sequence[FileResult],
    models_dir: Path | None,
    pages_dir: Path,
    context: PageContext,
) -> None:
    from pipeline.reporting.corpus.index_page import letter_entry
    from pipeline.reporting.corpus.pages import ItemView, LetterView, letter_page

    letters, items, _ = letters_and_items(results)
    items, letters = tag_parsed(items, letters, loaded_nlp(models_dir))
    records = item_records(items, letters)  # the tagged spans travel on them
    threshold, flags = None, {}
    if models_dir is not None and items:
        models = loaded_models(models_dir)
        threshold = models.reasoning_threshold
        chunk.flags.extend(flagged := add_predictions(records, models, letters))
        flags = {(f["case_number"], f["issue_index"]): f["reasons"] for f in flagged}
    engine.add_reasons(records, items, models_dir)
    # letters_and_items lists each parsed letter's items after it, in order.
    sizes = [len(parsed.items) for result in results for parsed in result.letters]
    origins = [f"{r.path}\0{n}" for r in results for n in range(len(r.letters))]
    sources = [r.path for r in results for _ in r.letters]
    stamp = context.stamp
    start = 0
    for letter, size, origin, source in zip(letters, sizes, origins, sources, strict=True):
        status = stamp.status(letter.get("case_number")) if stamp is not None else None
        view = LetterView(
            letter_record(letter),
            source_href=context.source_href(source),
            stamp=stamp.html(stamp.overlap_note(), status) if stamp is not None else "",
        )
        page = claim_page(pages_dir, letter.get("case_number"), origin)
        chunk.pages.append(page)
        for i in range(start, start + size):
            record = records[i]
            key = (record.case_number, record.issue_index)
            row = item_row(record, view.letter, threshold, flags.get(key, ()))
            row["page"] = f"letters/{page}#item-{row['issue_index']}"
            if record.reasons and "reasons" not in row:
                # the reasons tagger's codes, for the index and reasons by category (not a
                # column of items.parquet: rows.py owns the tidy table's schema)
                row["reasons"] = [reason.code for reason in record.reasons]
            view.items.append(ItemView(record, row))
            chunk.records.append(row)
        rows = chunk.records[len(chunk.records) - size :] if size else []
        index_href = context.source_href(source, page_folder=".")
        chunk.index.append(letter_entry(letter, rows, page, index_href, status))
        start += size
        chunk.letters.append(letter_summary(letter, size))
        with io.atomic_open(pages_dir / page) as handle:
            handle.write(letter_page(view))


def report_stage(
    models_dir: Path | None,
    pages_dir: Path,
    chunk_files: int = CHUNK_FILES,
    context: PageContext = PageContext(),  # noqa: B008 - frozen, never changed
) -> Stage[ReportChunk]:
    """The corpus report as a runner stage: pages written to `pages_dir` by the workers."""
    return Stage(
        name="report",
        work=functools.partial(
            report_chunk, models_dir=models_dir, pages_dir=pages_dir, context=context
        ),
        merge=_merge,
        failed=_crashed,
        warm_up=functools.partial(warm_up, models_dir),
        chunk_files=chunk_files,
    )


def _merge(parts: list[ReportChunk]) -> ReportChunk:
    merged = ReportChunk(files=0)
    for part in parts:
        merged.files += part.files
        merged.parsed_files += part.parsed_files
        for name in ("records", "letters", "rejects", "problems", "flags", "index"):
            getattr(merged, name).extend(getattr(part, name))
        merged.seconds += part.seconds
        merged.worker_peak_rss_mb = max(merged.worker_peak_rss_mb, part.worker_peak_rss_mb)
    return merged


def _crashed(path: Path, reason: str) -> ReportChunk:
    return ReportChunk(files=1, rejects=[Reject(shown_name(str(path)), "read", reason)])


class TidyWriter:
    """items.parquet (one row group per chunk, fixed schema) and items.csv, appended as rows
    arrive."""

    def __init__(self, folder: Path) -> None:
        import pyarrow.parquet as pq

        from pipeline.reporting.corpus.rows import schema

        self.schema = schema()
        self.parquet = pq.ParquetWriter(folder / "items.parquet", self.schema)
        self.csv_file = open(  # noqa: SIM115 - closed in close()
            folder / "items.csv", "w", encoding="utf-8", errors="backslashreplace", newline=""
        )
        self.csv = csv.DictWriter(self.csv_file, fieldnames=COLUMN_NAMES, extrasaction="ignore")
        self.csv.writeheader()

    def write(self, rows: list[dict]) -> None:
        if not rows:
            return
        import pyarrow as pa

        columns = {name: [row.get(name) for row in rows] for name in COLUMN_NAMES}
        self.parquet.write_table(pa.Table.from_pydict(columns, schema=self.schema))
        self.csv.writerows(csv_row(row) for row in rows)

    def close(self) -> None:
        self.parquet.close()
        self.csv_file.close()


class ReportSink:
    """The corpus report as a sink of the runner: the chunks' tidy rows appended to
    items.parquet / items.csv, the letter and item lists, and added to the aggregator as they
    arrive; at a clean end the tables, report.json, report.html, index.html, items.html,
    rejects.csv and problems.csv, each page with the run's `stamp`. `summary` must have seen
    every chunk by then (give it to the runner before this sink)."""

    def __init__(
        self,
        folder: Path,
        aggregator: Aggregator,
        summary: StreamSummary,
        models_dir: Path | None,
        stamp: Stamp,
    ) -> None:
        self.folder, self.aggregator, self.summary = folder, aggregator, summary
        self.models_dir = models_dir
        self.stamp = stamp
        self.statuses: list[str | None] = []  # each letter's training status
        self.worker_rss = 0.0
        self.tables: dict = {}

    def __enter__(self) -> ReportSink:
        self.writer = TidyWriter(self.folder)
        self.lists = ListWriter(self.folder)
        return self

    def write(self, chunk: ReportChunk) -> None:
        self.writer.write(chunk.records)
        self.lists.add(chunk.index, chunk.records)
        self.statuses.extend(entry.get("training") for entry in chunk.index)
        for row in chunk.records:
            self.aggregator.add(row)
        for letter in chunk.letters:
            self.aggregator.add_letter(letter)
        self.worker_rss = max(self.worker_rss, chunk.worker_peak_rss_mb)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.writer.close()
        self.lists.close()
        if error is None:
            self._finish()

    def _finish(self) -> None:
        from pipeline.reporting.corpus.report_page import report_html

        summary, folder = self.summary, self.folder
        tables = self.aggregator.tables()
        # The tables count the parsed letters only; the files that gave none are listed here.
        tables["files"] = {"inputs": summary.inputs, "parsed": summary.parsed,
                           "rejected": summary.rejected,
                           "duplicates": len(summary.rejects) - summary.rejected,
                           "partial_problems": len(summary.problems),
                           "rejected_files": [asdict(r) for r in summary.rejects]}  # fmt: skip
        tables["models"] = {"used": self.models_dir is not None,
                            "folder": str(self.models_dir) if self.models_dir else None,
                            "smoke_test_notice": _smoke_notice(self.models_dir)}  # fmt: skip
        stamp = self.stamp
        note = stamp.overlap_note(self.statuses)
        stamp.overlap = dict(Counter(s for s in self.statuses if s))
        tables["stamp"] = {"made_at": stamp.made_at, "inputs": stamp.inputs,
                           "input_files": stamp.files, "models": stamp.models,
                           "training_letters": stamp.overlap,
                           "same_letters_as_training": stamp.same_letters,
                           "training_note": note}  # fmt: skip
        stamp_html = stamp.html(note)
        self.lists.finish(stamp_html)
        (folder / "report.json").write_text(json.dumps(tables, indent=1, ensure_ascii=False))
        (folder / "report.html").write_text(report_html(tables, stamp_html), encoding="utf-8")
        _write_accounting(folder, summary)
        self.tables = tables


@dataclass
class ReportRun:
    """What `build_report` did: the run's accounting and where the report is."""

    summary: StreamSummary
    letters: int
    seconds: float
    worker_peak_rss_mb: float
    main_peak_rss_mb: float
    tables: dict = field(default_factory=dict)


def build_report(
    inputs: Sequence[Path],
    out: Path,
    models_dir: Path | None = None,
    n_jobs: int = -1,
    chunk_files: int = CHUNK_FILES,
    top_specialties: int = TOP_SPECIALTIES,
    progress: bool = False,
) -> ReportRun:
    """Write the corpus report of the letters under `inputs` to the folder `out` (replacing
    it as a whole when complete), on the runner (`progress`: its bar on stderr)."""
    started = time.perf_counter()
    paths, rejects = discover(inputs)
    summary = StreamSummary(inputs=len(paths) + len(rejects), rejects=list(rejects))
    threshold = loaded_models(models_dir).reasoning_threshold if models_dir else None
    aggregator = Aggregator(top_specialties, reasoning_threshold=threshold)
    if not paths:  # missing inputs, or no letter in them: the previous report stays as it was
        return ReportRun(summary, 0, time.perf_counter() - started, 0.0, 0.0)
    stamp = make_stamp(inputs, paths, models_dir, summary.inputs)
    with io.owned_dir(Path(out)) as folder:
        pages = folder / "letters"
        pages.mkdir()
        sink = ReportSink(folder, aggregator, summary, models_dir, stamp)
        stage = report_stage(models_dir, pages, chunk_files, PageContext(stamp, Path(out)))
        run_stage(paths, stage, [summary, sink], n_jobs, progress=progress)
    return ReportRun(
        summary=summary,
        letters=aggregator.letters,
        seconds=time.perf_counter() - started,
        worker_peak_rss_mb=round(sink.worker_rss, 1),
        main_peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        tables=sink.tables,
    )


def _smoke_notice(models_dir: Path | None) -> str | None:
    """The report's banner when its models are a smoke test."""
    from pipeline.modeling.artifacts import read_metadata, smoke_notice

    return smoke_notice(read_metadata(models_dir)) if models_dir is not None else None


def _write_accounting(folder: Path, summary: StreamSummary) -> None:
    """rejects.csv and problems.csv, as `imr ingest` writes them (header only when empty)."""
    from pipeline.ingest.batch import PROBLEM_COLUMNS, REJECT_COLUMNS

    with open(folder / "rejects.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REJECT_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_row(asdict(r)) for r in summary.rejects)
    with open(folder / "problems.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PROBLEM_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_row(p) for p in summary.problems)
