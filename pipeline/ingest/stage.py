"""The ingest stage: letter files -> letters.parquet, items.parquet, rejects.csv, problems.csv.

Results stream into parquet row groups as files are parsed, so memory stays flat however many
letters there are; the outputs appear under their names only when the run completes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.config import PROVENANCE_FILE
from pipeline.core import io
from pipeline.core.display_names import counted
from pipeline.ingest.batch import (
    PROBLEM_COLUMNS,
    REJECT_COLUMNS,
    FileResult,
    Reject,
    accounted,
    discover,
    letters_and_items,
    parse_files,
    split_copies,
)

_TEXT, _INT = pa.string(), pa.int64()
LETTER_SCHEMA = pa.schema(
    [("source_file", _TEXT), ("case_number", _TEXT), ("date_assigned", _TEXT),
     ("date_of_injury", _TEXT), ("decision_date", _TEXT), ("ur_denial_date", _TEXT),
     ("application_received", _TEXT), ("priority", _TEXT), ("licensure", pa.list_(_TEXT)),
     ("specialty", _TEXT), ("clinical_case_summary", _TEXT), ("n_items", _INT), ("layout", _TEXT),
     ("era", _TEXT), ("ocr_pages", pa.list_(_INT))]
)  # fmt: skip
ITEM_SCHEMA = pa.schema(
    [("case_number", _TEXT), ("issue_index", _INT), ("request_text", _TEXT),
     ("disputed_item", _TEXT), ("decision", _TEXT), ("claims_admin_guideline_text", _TEXT),
     ("maximus_guideline_text", _TEXT), ("rationale", _TEXT), ("source_file", _TEXT),
     ("review", pa.list_(_TEXT)), ("ocr_confidence", pa.float64())]
)  # fmt: skip
LETTER_COLUMNS = LETTER_SCHEMA.names
ITEM_COLUMNS = ITEM_SCHEMA.names
ROW_GROUP_FILES = 256


@dataclass
class IngestSummary:
    """The run's accounting: every input is parsed or rejected."""

    inputs: int = 0
    parsed: int = 0
    letters: int = 0
    items: int = 0
    rejects: list[Reject] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    written: bool = True  # False: no letter file in the inputs, the previous output untouched

    @property
    def rejected(self) -> int:
        """Files that failed (copies of a file read once are listed but do not count)."""
        return split_copies(self.rejects)[0]

    def count_line(self) -> str:
        return (
            f"{accounted(self.inputs, self.parsed, self.rejects)} "
            f"({counted(self.letters, 'letter')}, {counted(self.items, 'item')}, "
            f"{counted(len(self.problems), 'partial problem')})"
        )


class _TableStream:
    """Row groups appended to a temporary parquet file, renamed into place on success."""

    def __init__(self, stack: contextlib.ExitStack, target: Path, schema: pa.Schema) -> None:
        temporary = stack.enter_context(io.atomic_path(target))
        self.writer = stack.enter_context(pq.ParquetWriter(temporary, schema))
        self.schema = schema
        self.rows: list[dict] = []

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)

    def flush(self) -> None:
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.rows = []


def ingest(
    inputs: Sequence[Path],
    out_dir: Path,
    n_jobs: int = -1,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    """Parse every letter file under `inputs` into `out_dir`; returns the accounting."""
    paths, rejects = discover(inputs)
    summary = IngestSummary(inputs=len(paths) + len(rejects), rejects=list(rejects))
    if not paths:  # missing inputs, or no letter in them: the previous output stays as it was
        summary.written = False
        return summary
    if on_start:
        on_start(len(paths))
    cases: dict[str, str] = {}  # case number -> the file of its first letter
    with io.owned_dir(out_dir) as folder:
        with contextlib.ExitStack() as stack:
            letters = _TableStream(stack, folder / "letters.parquet", LETTER_SCHEMA)
            items = _TableStream(stack, folder / "items.parquet", ITEM_SCHEMA)
            for batch in _batches(parse_files(paths, n_jobs=n_jobs), ROW_GROUP_FILES, on_file):
                letter_rows, item_rows, problems = letters_and_items(batch)
                letters.add(letter_rows)
                items.add(item_rows)
                letters.flush()
                items.flush()
                summary.parsed += sum(1 for r in batch if not r.reject)
                summary.rejects.extend(r.reject for r in batch if r.reject)
                summary.letters += len(letter_rows)
                summary.items += len(item_rows)
                summary.problems.extend(problems)
                origins = [(r.path, parsed.letter) for r in batch for parsed in r.letters]
                summary.problems.extend(_same_case_numbers(origins, cases))
        io.write_csv(pd.DataFrame([asdict(r) for r in summary.rejects], columns=REJECT_COLUMNS),
                     folder / "rejects.csv")  # fmt: skip
        io.write_csv(pd.DataFrame(summary.problems, columns=PROBLEM_COLUMNS),
                     folder / "problems.csv")  # fmt: skip
        io.dump_json(provenance(inputs, summary, paths), folder / PROVENANCE_FILE)
    return summary


def _same_case_numbers(letters: list[tuple[str, dict]], cases: dict[str, str]) -> list[dict]:
    """A `duplicate_case_number` problem for each letter whose case number an earlier letter
    had (identical files were read once, so these differ): both are kept. Each is named by its
    path as given, as every other problem is (two files may share a name)."""
    problems = []
    for source, row in letters:
        case = row.get("case_number")
        if not case:
            continue
        if str(case) not in cases:
            cases[str(case)] = str(source)
            continue
        problems.append({"file": source, "case_number": case,
                         "problem": f"duplicate_case_number: {case} is also the case number of "
                                    f"another letter ({cases[str(case)]})"})  # fmt: skip
    return problems


def provenance(inputs: Sequence[Path], summary: IngestSummary, paths: Sequence[Path]) -> dict:
    """Which letters the tables came from; carried to the models' metadata by tag and train.
    The letters' content fingerprint and the pipeline's hash decide whether make reruns the
    later stages (pipeline/provenance/freshness.py)."""
    from pipeline.provenance.freshness import inputs_record

    return {
        "inputs": [str(Path(p).resolve()) for p in inputs],
        "files": summary.inputs,
        "letters": summary.letters,
        "items": summary.items,
        "rejected": len(summary.rejects),
        **inputs_record(paths),
    }


def _batches(
    results: Iterator[FileResult], size: int, on_file: Callable[[FileResult], None] | None
) -> Iterator[list[FileResult]]:
    batch: list[FileResult] = []
    for result in results:
        if on_file:
            on_file(result)
        batch.append(result)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
