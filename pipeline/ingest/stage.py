"""The ingest stage's outputs: letters.parquet, items.parquet, rejects.csv, problems.csv.

The runner parses the files (`runner.ingest.run_ingest`) and hands each chunk of results to
`IngestTables`, which streams them into parquet row groups, so memory stays flat however many
letters there are; the outputs appear under their names only when the run completes.
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core import io
from pipeline.core.display_names import counted
from pipeline.ingest.accounting import CaseNumbers, RunCounts
from pipeline.ingest.batch import (
    PROBLEM_COLUMNS,
    REJECT_COLUMNS,
    FileResult,
    ParsedFiles,
    letters_and_items,
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
class IngestSummary(RunCounts):
    """The run's accounting: every input is parsed or rejected, and the letters read."""

    letters: int = 0

    def counts(self) -> list[str]:
        return [counted(self.letters, "letter"), *super().counts()]


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


class IngestTables:
    """letters.parquet and items.parquet in `folder`, written as chunks of parsed files arrive
    (a sink of the runner), and the run's accounting added to `summary`. A row group holds
    ROW_GROUP_FILES files' rows."""

    def __init__(self, folder: Path, summary: IngestSummary) -> None:
        self.folder = folder
        self.summary = summary
        self.pending: list[FileResult] = []
        self.case_numbers = CaseNumbers()

    def __enter__(self) -> IngestTables:
        self.stack = contextlib.ExitStack()
        self.letters = _TableStream(self.stack, self.folder / "letters.parquet", LETTER_SCHEMA)
        self.items = _TableStream(self.stack, self.folder / "items.parquet", ITEM_SCHEMA)
        return self

    def write(self, chunk: ParsedFiles) -> None:
        self.pending.extend(chunk.results)
        if len(self.pending) >= ROW_GROUP_FILES:
            self._flush()

    def _flush(self) -> None:
        batch, self.pending = self.pending, []
        summary = self.summary
        letter_rows, item_rows, problems = letters_and_items(batch)
        self.letters.add(letter_rows)
        self.items.add(item_rows)
        self.letters.flush()
        self.items.flush()
        summary.parsed += sum(1 for r in batch if not r.reject)
        summary.rejects.extend(r.reject for r in batch if r.reject)
        summary.letters += len(letter_rows)
        summary.items += len(item_rows)
        summary.problems.extend(problems)
        # A letter is told apart by its path (as given, as every problem names it: two files may
        # share a name) and its place in the file.
        for r in batch:
            for i, parsed in enumerate(r.letters):
                case = parsed.letter.get("case_number")
                if problem := self.case_numbers.problem(case, (r.path, i), r.path):
                    summary.problems.append(problem)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if error is None and self.pending:
                self._flush()
        except BaseException as failed:
            self.stack.__exit__(type(failed), failed, failed.__traceback__)
            raise
        self.stack.__exit__(kind, error, trace)


def write_accounting(folder: Path, summary: IngestSummary) -> None:
    """rejects.csv and problems.csv, once every file is accounted for (the runner adds the
    provenance record: `runner.ingest.provenance`)."""
    io.write_csv(pd.DataFrame([asdict(r) for r in summary.rejects], columns=REJECT_COLUMNS),
                 folder / "rejects.csv")  # fmt: skip
    io.write_csv(pd.DataFrame(summary.problems, columns=PROBLEM_COLUMNS),
                 folder / "problems.csv")  # fmt: skip
