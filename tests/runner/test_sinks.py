"""The runner's record sinks: each format holds every item, written atomically; the format is
chosen by --out's extension and an unknown one is refused before any work."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner.accounting import EXIT_OK, EXIT_USAGE
from pipeline.runner.sinks import (
    NUMBER_COLUMNS,
    XLSX_CELL_LIMIT,
    CsvSink,
    JsonlSink,
    ParquetSink,
    UnknownFormatError,
    XlsxSink,
    check_format,
    flat_columns,
    flat_row,
    records_sink,
)
from tests import paths

RECORDS = [
    {"case_number": "CM00-0000001", "issue_index": 0, "disputed_item": "=HYPERLINK(1)",
     "decision": "Upheld", "category": "Physical therapy", "frequency": {"sessions": [6, 6]},
     "category_probability": 0.9, "review": [], "source_file": "FAKE-0000001.pdf",
     "exceeds_guideline_limit": None},
    {"case_number": "CM00-0000001", "issue_index": 1, "disputed_item": "MRI\x01 lumbar",
     "decision": "Overturned", "category": None, "frequency": None,
     "category_probability": None, "review": ["category_weak_mention"],
     "source_file": "FAKE-0000001.pdf", "exceeds_guideline_limit": True},
    {"case_number": "CM00-0000002", "issue_index": 0, "disputed_item": "Tramadol",
     "decision": "Upheld", "category": "Pharmaceuticals", "frequency": None,
     "category_probability": 0.5, "review": [], "source_file": "FAKE-0000002.pdf",
     "exceeds_guideline_limit": False},
]  # fmt: skip


@dataclass
class Chunk:
    records: list[dict] = field(default_factory=list)
    files: int = 1


def _write(sink_class, target, chunks=(RECORDS[:2], RECORDS[2:])):
    with sink_class(target) as sink:
        for records in chunks:
            sink.write(Chunk(list(records)))
    return target


def test_jsonl_holds_each_record_as_it_is(tmp_path):
    lines = _write(JsonlSink, tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == RECORDS


def test_csv_holds_one_flat_row_per_item_with_formulas_escaped(tmp_path):
    with open(_write(CsvSink, tmp_path / "x.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["issue_index"] for r in rows] == ["0", "1", "0"]
    assert [r["item"] for r in rows] == ["1", "2", "1"]  # people count items from 1
    assert rows[0]["disputed_item"] == "'=HYPERLINK(1)"
    assert rows[0]["frequency"] == "6 sessions"  # readable text, never JSON in a cell


def test_parquet_holds_the_flat_rows_with_numbers_as_numbers(tmp_path):
    import pyarrow.parquet as pq

    table = pq.read_table(_write(ParquetSink, tmp_path / "x.parquet"))
    assert table.num_rows == 3
    assert table.schema.field("issue_index").type == "int64"
    assert table.schema.field("category_probability").type == "double"
    rows = table.to_pylist()
    assert rows == [{**flat_row(r)} for r in RECORDS]


def test_parquet_of_no_item_is_still_a_parquet_file(tmp_path):
    import pyarrow.parquet as pq

    assert pq.read_table(_write(ParquetSink, tmp_path / "x.parquet", chunks=([],))).num_rows == 0


@pytest.mark.parametrize("predicted", [False, True])
def test_a_file_of_no_item_has_the_records_columns(tmp_path, predicted):
    """Header and schema come from the record's columns, not from a first record."""
    import pyarrow.parquet as pq

    columns = list(flat_columns(predicted))
    assert columns[:3] == ["case_number", "item", "issue_index"]
    assert ("p_overturned_reader" in columns) is predicted

    def empty(suffix):
        target = tmp_path / f"x{predicted}{suffix}"
        with records_sink(target, predicted=predicted) as sink:
            sink.write(Chunk([]))
        return target

    assert empty(".csv").read_text().splitlines() == [",".join(columns)]
    schema = pq.read_schema(empty(".parquet"))
    assert schema.names == columns and str(schema.field("quantity").type) == "int64"
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed in .venv")
    book = openpyxl.load_workbook(empty(".xlsx"))
    assert [c.value for c in book["items"][1]] == columns and book["items"].max_row == 1


def test_a_sink_told_nothing_is_worth_keeping_leaves_the_previous_file(tmp_path):
    target = tmp_path / "x.csv"
    target.write_text("before")
    with records_sink(target, keep_if=lambda: False) as sink:
        sink.write(Chunk([]))
    assert target.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]


def test_number_columns_are_the_typed_records(tmp_path):
    """Every number and yes/no field of the record (pipeline.record.model) is a number column;
    a field another stage adds (predict's p_overturned_adjusted) keeps its values' type."""
    import typing

    import pyarrow.parquet as pq

    from pipeline.record.model import Item, Prediction

    for model in (Item, Prediction):
        for name, info in model.model_fields.items():
            kinds = set(typing.get_args(info.annotation)) or {info.annotation}
            if kinds & {int, float, bool} and name in flat_columns(True):
                assert name in NUMBER_COLUMNS, name
    assert NUMBER_COLUMNS["quantity"] == "int64"
    prediction = {"decision_read": "Upheld", "p_overturned_reader": 0.2,
                  "p_overturned_reasoning": 0.3, "p_overturned_adjusted": 0.1,
                  "base_rate": {"share": 0.1, "source": "given"}}  # fmt: skip
    records = [{**RECORDS[0], "quantity": 12, "prediction": prediction}]
    table = pq.read_table(_write(ParquetSink, tmp_path / "p.parquet", chunks=(records,)))
    assert str(table.schema.field("quantity").type) == "int64"
    assert str(table.schema.field("p_overturned_adjusted").type) == "double"
    assert str(table.schema.field("base_rate").type) == "string"
    assert table.to_pylist()[0]["p_overturned_adjusted"] == 0.1


def test_xlsx_cuts_an_overlong_cell_visibly_and_says_so(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed in .venv")
    long = "x" * (XLSX_CELL_LIMIT + 10)
    records = [{**RECORDS[0], "rationale": long}]
    book = openpyxl.load_workbook(_write(XlsxSink, tmp_path / "x.xlsx", chunks=(records,)))
    header = [c.value for c in book["items"][1]]
    cell = book["items"].cell(2, header.index("rationale") + 1).value
    assert len(cell) == XLSX_CELL_LIMIT
    assert cell.endswith(f"[cut: {len(long):,} characters, see the JSONL]")
    assert "1 cell(s)" in capsys.readouterr().err


def test_xlsx_is_a_workbook_of_items_and_letters_with_frozen_filtered_headers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed in .venv")
    book = openpyxl.load_workbook(_write(XlsxSink, tmp_path / "x.xlsx"))
    assert book.sheetnames == ["items", "letters"]
    items, letters = book["items"], book["letters"]
    header = [c.value for c in items[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in items.iter_rows(2)]
    # a formula's text as written, in a string cell: shown, never run, no apostrophe added
    assert [r["disputed_item"] for r in rows] == ["=HYPERLINK(1)", "MRI lumbar", "Tramadol"]
    assert items.cell(2, header.index("disputed_item") + 1).data_type == "s"
    assert items.freeze_panes == "A2" and letters.freeze_panes == "A2"
    assert items.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}4"
    header = [c.value for c in letters[1]]
    letter_rows = [
        dict(zip(header, (c.value for c in r), strict=True)) for r in letters.iter_rows(2)
    ]
    assert [(r["case_number"], r["items"], r["upheld"], r["overturned"]) for r in letter_rows] == [
        ("CM00-0000001", 2, 1, 1),
        ("CM00-0000002", 1, 1, 0),
    ]
    assert letters.auto_filter.ref is not None


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_run_that_stops_leaves_the_previous_file_and_no_temporary(tmp_path, suffix):
    target = tmp_path / f"x{suffix}"
    target.write_text("before")
    with pytest.raises(KeyboardInterrupt), records_sink(target) as sink:
        sink.write(Chunk(RECORDS))
        raise KeyboardInterrupt
    assert target.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("name", ["x.txt", "x.json", "x", "x.xls", "x.jsonl.gz"])
def test_an_unknown_extension_is_refused(tmp_path, name):
    with pytest.raises(UnknownFormatError, match="imr writes"):
        check_format(tmp_path / name)


@pytest.mark.parametrize("name", ["x.JSONL", "x.ndjson", "x.csv", "x.parquet", "x.xlsx"])
def test_the_known_extensions_pass(tmp_path, name):
    check_format(tmp_path / name)


def test_extract_refuses_an_unknown_extension_before_any_work(tmp_path):
    out = tmp_path / "results.txt"
    result = CliRunner().invoke(app, ["extract", str(paths.FIXTURE_LETTERS_DIR), "--out", str(out)])
    assert result.exit_code == EXIT_USAGE, result.output
    assert "imr writes .jsonl" in result.output
    assert list(tmp_path.iterdir()) == []


def test_extract_writes_parquet_and_xlsx_holding_the_same_items_as_jsonl(tmp_path):
    import pyarrow.parquet as pq

    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed in .venv")
    runner = CliRunner()
    for name in ("x.jsonl", "x.parquet", "x.xlsx"):
        args = [
            "extract",
            str(paths.FIXTURE_LETTERS_DIR),
            "--out",
            str(tmp_path / name),
            "-j",
            "1",
        ]
        result = runner.invoke(app, args)
        assert result.exit_code == EXIT_OK, result.output
    records = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text().splitlines()]
    assert records
    assert pq.read_table(tmp_path / "x.parquet").to_pylist() == [_typed(r) for r in records]
    items = openpyxl.load_workbook(tmp_path / "x.xlsx")["items"]
    header = [c.value for c in items[1]]
    assert header == list(flat_row(records[0]))
    at = {name: i for i, name in enumerate(header)}
    keys = [
        (row[at["case_number"]].value, row[at["issue_index"]].value) for row in items.iter_rows(2)
    ]
    assert keys == [(r["case_number"], r["issue_index"]) for r in records]


def _typed(record: dict) -> dict:
    """The flat row as parquet holds it: the columns not in NUMBER_COLUMNS are text."""
    row = flat_row(record)
    return {k: v if v is None or k in NUMBER_COLUMNS else str(v) for k, v in row.items()}
