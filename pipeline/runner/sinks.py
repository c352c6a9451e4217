"""Where `imr extract` and `imr predict` write their item records: a sink per file format,
chosen by the extension of --out (`records_sink`). An extension imr does not write is refused
before any work (`check_format`, the CLI's exit 2), so `--out x.xlsx` is never JSONL under a
spreadsheet's name.

- `.jsonl` (or `.ndjson`): one record per line, as the item record is.
- `.csv`: one flat row per item (`flat_row`), cells escaped against spreadsheet formulas.
- `.parquet`: the same flat rows, one row group per chunk, a fixed schema.
- `.xlsx`: a workbook (openpyxl, streamed): an "items" sheet of the flat rows and a "letters"
  sheet, one row per letter; each with a frozen header row and filters.

Every sink writes to a temporary file beside --out that replaces it only when the run ends
cleanly (`io.atomic_path`): a run stopped early leaves the previous file as it was. Records
arrive chunk by chunk and are written as they come (memory stays flat; the letters sheet holds
one small row per letter until the end).

What a row holds is the record's business (`pipeline.record.views`); `flat_row` is the one
function that turns a record into a table row, for every tabular sink.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Protocol

from pipeline.core.io import atomic_path
from pipeline.core.safe import csv_row
from pipeline.record import views


class Recorded(Protocol):
    """What a records sink reads of a chunk result."""

    records: list[dict[str, Any]]


class UnknownFormatError(ValueError):
    """--out names a file format imr does not write."""


JSONL_SUFFIXES = (".jsonl", ".ndjson")


def check_format(target: Path) -> None:
    """Raise UnknownFormatError unless `target`'s extension is one a sink writes."""
    suffix = Path(target).suffix.lower()
    if suffix not in FORMATS:
        shown = f"the extension {suffix}" if suffix else "no extension"
        raise UnknownFormatError(
            f"{target} has {shown}: imr writes {', '.join(FORMATS)} (give one of them)"
        )


def records_sink(
    target: Path, adjust: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None
) -> _RecordsSink:
    """The sink that writes `target` in the format its extension names; `adjust` rewrites each
    chunk's records before they are written (predict's --base-rate)."""
    check_format(target)
    sink = FORMATS[Path(target).suffix.lower()](Path(target))
    sink.adjust = adjust
    return sink


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """One table row of an item record: the record's flat view (`pipeline.record.views`: every
    cell a number, a yes/no or readable text, no JSON; `item` numbers items from 1)."""
    return views.flat_row(views.as_item(record))


class _RecordsSink:
    """A file written under a temporary name and renamed over `target` at a clean end."""

    def __init__(self, target: Path) -> None:
        self.target = Path(target)
        self.count = 0
        self.adjust: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None
        self._atomic = atomic_path(self.target)
        self.temporary = Path()

    def __enter__(self) -> _RecordsSink:
        self.temporary = self._atomic.__enter__()
        self.open()
        return self

    def open(self) -> None:
        """Start writing `self.temporary`."""

    def write(self, chunk: Recorded) -> None:
        records = self.adjust(chunk.records) if self.adjust else chunk.records
        self.write_records(records)
        self.count += len(records)

    def write_records(self, records: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    def close(self, failed: bool) -> None:
        """Finish `self.temporary`; `failed`: the run stopped early and it is removed."""

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            self.close(failed=error is not None)
        except BaseException as closing:
            self._atomic.__exit__(type(closing), closing, closing.__traceback__)
            raise
        self._atomic.__exit__(kind, error, trace)


class _TextSink(_RecordsSink):
    def open(self) -> None:
        self.file: IO[str] = open(  # noqa: SIM115 - closed in close()
            self.temporary, "w", encoding="utf-8", errors="backslashreplace", newline=""
        )

    def close(self, failed: bool) -> None:
        self.file.close()


class JsonlSink(_TextSink):
    def write_records(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            self.file.write(json.dumps(record, ensure_ascii=False) + "\n")


class CsvSink(_TextSink):
    _writer: csv.DictWriter[str] | None = None

    def write_records(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            row = csv_row(flat_row(record))
            if self._writer is None:
                self._writer = csv.DictWriter(self.file, fieldnames=list(row))
                self._writer.writeheader()
            self._writer.writerow(row)


# The flat row's columns that are not text; every other column is text, so the schema is the
# same whatever the first chunk holds.
NUMBER_COLUMNS = {"item": "int64", "issue_index": "int64", "quantity": "int64",
                  "category_probability": "float64",
                  "ocr_confidence": "float64", "p_overturned_reader": "float64",
                  "p_overturned_reasoning": "float64", "exceeds_guideline_limit": "bool",
                  "agrees_with_stated": "bool", "reasoning_agrees_with_stated": "bool",
                  "smoke_test_models": "bool"}  # fmt: skip


class ParquetSink(_RecordsSink):
    _writer: Any = None
    _schema: Any = None

    def write_records(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [flat_row(record) for record in records]
        if self._schema is None:
            self._schema = pa.schema(
                [(name, pa.type_for_alias(NUMBER_COLUMNS.get(name, "string"))) for name in rows[0]]
            )
            self._writer = pq.ParquetWriter(self.temporary, self._schema)
        columns = {
            name: [_parquet_value(row.get(name), name) for row in rows]
            for name in self._schema.names
        }
        self._writer.write_table(pa.Table.from_pydict(columns, schema=self._schema))

    def close(self, failed: bool) -> None:
        if self._writer is not None:
            self._writer.close()
        elif not failed:  # no item at all: still a parquet file (no rows), not an empty file
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.table({}), self.temporary)


def _parquet_value(value: Any, name: str) -> Any:
    if value is None or name in NUMBER_COLUMNS:
        return value
    return value if isinstance(value, str) else str(value)


LETTER_COLUMNS = ["case_number", "source_file", "items", "upheld", "overturned",
                  "other_decisions", "categories", "items_to_review"]  # fmt: skip


class XlsxSink(_RecordsSink):
    """A workbook: "items" (the flat rows) and "letters" (one row per letter). openpyxl's
    write-only mode streams the rows to disk; the header row is frozen and filtered."""

    def open(self) -> None:
        from openpyxl import Workbook

        self.book = Workbook(write_only=True)
        self.items = self.book.create_sheet("items")
        self.items.freeze_panes = "A2"  # written with the sheet's head: before the first row
        self.columns: list[str] | None = None
        self.letters: dict[tuple[str, str], dict[str, Any]] = {}

    def write_records(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            row = flat_row(record)
            if self.columns is None:
                self.columns = list(row)
                self.items.append(_header(self.items, self.columns))
            self.items.append([_cell(row.get(name)) for name in self.columns])
            self._count_letter(record)

    def _count_letter(self, record: dict[str, Any]) -> None:
        key = (str(record.get("case_number") or ""), str(record.get("source_file") or ""))
        letter = self.letters.setdefault(
            key,
            {
                "case_number": key[0],
                "source_file": key[1],
                "items": 0,
                "upheld": 0,
                "overturned": 0,
                "other_decisions": 0,
                "categories": {},
                "items_to_review": 0,
            },  # fmt: skip
        )
        letter["items"] += 1
        decision = str(record.get("decision") or "").strip().lower()
        which = decision if decision in ("upheld", "overturned") else "other_decisions"
        letter[which] += 1
        if record.get("category"):
            letter["categories"][str(record["category"])] = None
        letter["items_to_review"] += bool(record.get("review"))

    def close(self, failed: bool) -> None:
        if failed:
            return
        from openpyxl.utils import get_column_letter

        if self.columns is not None:
            last = get_column_letter(len(self.columns))
            self.items.auto_filter.ref = f"A1:{last}{self.count + 1}"
        sheet = self.book.create_sheet("letters")
        sheet.freeze_panes = "A2"
        sheet.append(_header(sheet, LETTER_COLUMNS))
        for letter in self.letters.values():
            letter = {**letter, "categories": "; ".join(letter["categories"])}
            sheet.append([_cell(letter[name]) for name in LETTER_COLUMNS])
        last = get_column_letter(len(LETTER_COLUMNS))
        sheet.auto_filter.ref = f"A1:{last}{len(self.letters) + 1}"
        self.book.save(self.temporary)


def _header(sheet: Any, names: list[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def _cell(value: Any) -> Any:
    """A cell's value: text escaped against formulas (openpyxl would store "=..." as one) and
    without the control characters a workbook cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = csv_row({"v": value})["v"]
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


FORMATS: dict[str, type[_RecordsSink]] = {
    **dict.fromkeys(JSONL_SUFFIXES, JsonlSink),
    ".csv": CsvSink,
    ".parquet": ParquetSink,
    ".xlsx": XlsxSink,
}
