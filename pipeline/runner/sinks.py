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
    target: Path,
    adjust: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None,
    keep_if: Callable[[], bool] | None = None,
    predicted: bool = False,
) -> _RecordsSink:
    """The sink that writes `target` in the format its extension names; `adjust` rewrites each
    chunk's records before they are written (predict's --base-rate); `keep_if`, asked at the
    end, False: the run is not worth keeping (no letter parsed) and a previous `target` stays
    as it was; `predicted`: a file of no item still has predict's columns."""
    check_format(target)
    sink = FORMATS[Path(target).suffix.lower()](Path(target))
    sink.adjust = adjust
    sink.keep_if = keep_if
    sink.predicted = predicted
    return sink


def _typed_probe(model: Any) -> dict[str, Any]:
    """A value of each number and yes/no field of the pydantic `model` (the typed record)."""
    import typing

    probe: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        kinds = set(typing.get_args(info.annotation)) or {info.annotation}
        for kind, value in ((bool, True), (int, 1), (float, 0.5)):
            if kind in kinds:
                probe[name] = value
                break
    return probe


def probe_record(predicted: bool = False) -> dict[str, Any]:
    """An item record whose every number and yes/no field holds a value (`_typed_probe`): its
    flat row shows each column's type, and its columns are those of a file of no item."""
    from pipeline.record.model import Item, Prediction, VisitCap

    record: dict[str, Any] = {**_typed_probe(Item), "case_number": "", "issue_index": 0,
                              "visit_cap": _typed_probe(VisitCap)}  # fmt: skip
    if predicted:
        record["prediction"] = {**_typed_probe(Prediction), "decision_read": ""}
    return record


_ARROW_TYPES = {bool: "bool", int: "int64", float: "float64"}


def flat_columns(predicted: bool = False) -> dict[str, str]:
    """The flat row's columns -> their parquet type ("string" for text), read from the typed
    record (`pipeline.record.model`), so a new number field cannot be stored as text."""
    row = flat_row(probe_record(predicted))
    return {name: _ARROW_TYPES.get(type(value), "string") for name, value in row.items()}


def _column_type(name: str, rows: list[dict[str, Any]], known: dict[str, str]) -> str:
    """A column's parquet type: the typed record's, else (a field another stage added, such as
    `p_overturned_adjusted`) the type of its first value in `rows`."""
    if name in known:
        return known[name]
    value = next((row[name] for row in rows if row.get(name) is not None), None)
    return _ARROW_TYPES.get(type(value), "string")


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
        self.keep_if: Callable[[], bool] | None = None
        self.predicted = False
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
        discard = error is None and self.keep_if is not None and not self.keep_if()
        try:
            self.close(failed=error is not None or discard)
        except BaseException as closing:
            self._atomic.__exit__(type(closing), closing, closing.__traceback__)
            raise
        if discard:  # nothing worth keeping: the temporary goes, a previous target stays
            self._atomic.__exit__(_Discarded, _Discarded(), None)
            return
        self._atomic.__exit__(kind, error, trace)

    def columns_when_empty(self) -> list[str]:
        """A file of no item still has its header: the record's flat columns."""
        return list(flat_columns(self.predicted))


class _Discarded(Exception):
    """Ends a sink's atomic write without renaming its temporary over the target."""


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

    def close(self, failed: bool) -> None:
        if self._writer is None and not failed:  # no item: still the header row
            csv.writer(self.file).writerow(self.columns_when_empty())
        super().close(failed)


# The flat row's columns that are not text -> their parquet type, from the typed record; every
# other column is text, so the schema is the same whatever the first chunk holds.
NUMBER_COLUMNS = {name: kind for name, kind in flat_columns(predicted=True).items()
                  if kind != "string"}  # fmt: skip


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
            known = flat_columns(predicted=True)
            self._schema = pa.schema(
                [(name, pa.type_for_alias(_column_type(name, rows, known))) for name in rows[0]]
            )
            self._writer = pq.ParquetWriter(self.temporary, self._schema)
        columns = {
            name: [_parquet_value(row.get(name), kind) for row in rows]
            for name, kind in zip(self._schema.names, self._schema.types, strict=True)
        }
        self._writer.write_table(pa.Table.from_pydict(columns, schema=self._schema))

    def close(self, failed: bool) -> None:
        if self._writer is not None:
            self._writer.close()
        elif not failed:  # no item at all: still a parquet file with the record's columns
            import pyarrow as pa
            import pyarrow.parquet as pq

            types = flat_columns(self.predicted)
            schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in types.items()])
            pq.write_table(schema.empty_table(), self.temporary)


def _parquet_value(value: Any, kind: Any) -> Any:
    import pyarrow as pa

    if value is None or not pa.types.is_string(kind):
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
        self.cut = 0  # cells cut at XLSX_CELL_LIMIT

    def write_records(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            row = flat_row(record)
            if self.columns is None:
                self.columns = list(row)
                self.items.append(_header(self.items, self.columns))
            self.items.append([_cell(self.items, row.get(name), self) for name in self.columns])
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

        if self.columns is None:  # no item: still the header row
            self.columns = self.columns_when_empty()
            self.items.append(_header(self.items, self.columns))
        last = get_column_letter(len(self.columns))
        self.items.auto_filter.ref = f"A1:{last}{self.count + 1}"
        sheet = self.book.create_sheet("letters")
        sheet.freeze_panes = "A2"
        sheet.append(_header(sheet, LETTER_COLUMNS))
        for letter in self.letters.values():
            letter = {**letter, "categories": "; ".join(letter["categories"])}
            sheet.append([_cell(sheet, letter[name], self) for name in LETTER_COLUMNS])
        last = get_column_letter(len(LETTER_COLUMNS))
        sheet.auto_filter.ref = f"A1:{last}{len(self.letters) + 1}"
        self.book.save(self.temporary)
        if self.cut:
            from pipeline.core.console import err

            err.print(f"[yellow]warning[/yellow]: {self.cut} cell(s) of {self.target.name} cut "
                      f"at the {XLSX_CELL_LIMIT:,} characters a workbook cell holds (the JSONL "
                      "holds them whole)", highlight=False)  # fmt: skip


def _header(sheet: Any, names: list[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


# A workbook cell holds at most this many characters (Excel's limit; openpyxl cuts silently).
XLSX_CELL_LIMIT = 32_767


def _cell(sheet: Any, value: Any, sink: XlsxSink | None = None) -> Any:
    """A cell: text as a string cell (openpyxl would store "=..." as a formula; a string cell
    shows it as written, no apostrophe added), without the control characters a workbook cannot
    hold, and cut visibly at XLSX_CELL_LIMIT (counted on `sink`)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > XLSX_CELL_LIMIT:
        note = f" … [cut: {len(value):,} characters, see the JSONL]"
        value = value[: XLSX_CELL_LIMIT - len(note)] + note
        if sink is not None:
            sink.cut += 1
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # text, never a formula
    return cell


FORMATS: dict[str, type[_RecordsSink]] = {
    **dict.fromkeys(JSONL_SUFFIXES, JsonlSink),
    ".csv": CsvSink,
    ".parquet": ParquetSink,
    ".xlsx": XlsxSink,
}
