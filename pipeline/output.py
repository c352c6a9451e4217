"""Streaming output of item records (JSONL or CSV) and the run's accounting."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from pipeline.core.display_names import counted
from pipeline.core.io import atomic_path
from pipeline.core.safe import csv_row
from pipeline.engine import ChunkResult
from pipeline.ingest.batch import Reject, accounted, split_copies

EXIT_OK = 0
EXIT_USAGE = 2  # bad option or argument, or an --out that would overwrite the inputs
EXIT_SOME_REJECTED = 3
EXIT_NOTHING_PARSED = 4
EXIT_BAD_MODELS = 5  # model files missing, modified or unknown: nothing was predicted


def flatten(record: dict) -> dict:
    """One CSV row: nested values as JSON, the prediction's fields as their own columns."""
    row = {}
    for key, value in record.items():
        if key == "prediction" and isinstance(value, dict):
            for name, inner in value.items():
                row[name] = json.dumps(inner) if isinstance(inner, (dict, list)) else inner
        elif isinstance(value, (dict, list)):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


class RecordWriter:
    """Appends records as they arrive to a temporary file, renamed over OUT at a clean end."""

    def __init__(self, target: Path) -> None:
        self.target = Path(target)
        self.is_csv = self.target.suffix.lower() == ".csv"
        self._atomic = atomic_path(self.target)
        self._csv: csv.DictWriter | None = None
        self.count = 0

    def __enter__(self) -> RecordWriter:
        temporary = self._atomic.__enter__()
        self._file = open(  # noqa: SIM115
            temporary, "w", encoding="utf-8", errors="backslashreplace", newline=""
        )
        return self

    def write(self, records: list[dict]) -> None:
        for record in records:
            if self.is_csv:
                row = csv_row(flatten(record))
                if self._csv is None:
                    self._csv = csv.DictWriter(self._file, fieldnames=list(row))
                    self._csv.writeheader()
                self._csv.writerow(row)
            else:
                self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.count += 1

    def __exit__(
        self, kind: type | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._file.close()
        self._atomic.__exit__(kind, error, trace)


@dataclass
class StreamSummary:
    inputs: int
    rejects: list[Reject] = field(default_factory=list)
    parsed: int = 0
    items: int = 0
    problems: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    written: bool = True  # False: no letter to read, so OUT was not touched
    case_files: dict[str, str] = field(default_factory=dict)  # case number -> its first file
    _reported: set[tuple] = field(default_factory=set, repr=False)
    _items_seen: set[tuple] = field(default_factory=set, repr=False)

    def add(self, chunk: ChunkResult) -> None:
        self.flags.extend(chunk.flags)
        self.parsed += chunk.parsed_files
        self.items += len(chunk.records)
        self.rejects.extend(chunk.rejects)
        self.problems.extend(chunk.problems)
        self._same_case_numbers(chunk.records)

    def _same_case_numbers(self, records: list[dict]) -> None:
        """Two different letters (identical files were read once) with the same case number are
        both kept, and the later one gets a `duplicate_case_number` problem row. A letter is
        told apart by its file name, or, for files of the same name in two folders, by its
        items repeating (case number, file name, item number)."""
        for record in records:
            case, source = record.get("case_number"), record.get("source_file")
            if not case or source is None:
                continue
            item = (str(case), str(source), record.get("issue_index"))
            first = self.case_files.setdefault(item[0], item[1])
            repeated = item in self._items_seen
            self._items_seen.add(item)
            if (first != item[1] or repeated) and item[:2] not in self._reported:
                self._reported.add(item[:2])
                problem = (f"duplicate_case_number: {case} is also the case number of another "
                           f"letter ({first})")  # fmt: skip
                self.problems.append({"file": source, "case_number": case, "problem": problem})

    @property
    def rejected(self) -> int:
        """Files that failed (copies of a file read once are listed but do not count)."""
        return split_copies(self.rejects)[0]

    def count_line(self) -> str:
        return (
            f"{accounted(self.inputs, self.parsed, self.rejects)} "
            f"({counted(self.items, 'item')}, {counted(len(self.problems), 'partial problem')})"
        )


def exit_code(parsed: int, rejected: int) -> int:
    """0 all parsed, 3 some rejected, 4 nothing parsed (documented in the README)."""
    if parsed == 0:
        return EXIT_NOTHING_PARSED
    return EXIT_SOME_REJECTED if rejected else EXIT_OK
