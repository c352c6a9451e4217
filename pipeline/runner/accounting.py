"""A run's accounting (`inputs N = parsed P + rejected R`, partial problems, flags) and its
exit status. `StreamSummary` is a sink of the runner: every chunk result goes through it."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol

from pipeline.core.display_names import counted
from pipeline.ingest.batch import Reject, accounted, split_copies

EXIT_OK = 0
EXIT_USAGE = 2  # bad option or argument, an --out that would overwrite the inputs, or of a
# format imr does not write
EXIT_SOME_REJECTED = 3
EXIT_NOTHING_PARSED = 4
EXIT_BAD_MODELS = 5  # model files missing, modified or unknown: nothing was predicted


class Counted(Protocol):
    """What the accounting reads of a chunk result (the engine's and the corpus report's)."""

    parsed_files: int
    records: list[dict[str, Any]]
    rejects: list[Reject]
    problems: list[dict[str, Any]]
    flags: list[dict[str, Any]]


@dataclass
class StreamSummary:
    inputs: int
    rejects: list[Reject] = field(default_factory=list)
    parsed: int = 0
    items: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    written: bool = True  # False: no letter to read, so OUT was not touched
    case_files: dict[str, str] = field(default_factory=dict)  # case number -> its first file
    _reported: set[tuple[Any, ...]] = field(default_factory=set, repr=False)
    _items_seen: set[tuple[Any, ...]] = field(default_factory=set, repr=False)

    def __enter__(self) -> StreamSummary:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        return None

    def write(self, chunk: Counted) -> None:
        """As a sink of the runner: count the chunk."""
        self.add(chunk)

    def add(self, chunk: Counted) -> None:
        self.flags.extend(chunk.flags)
        self.parsed += chunk.parsed_files
        self.items += len(chunk.records)
        self.rejects.extend(chunk.rejects)
        self.problems.extend(chunk.problems)
        self._same_case_numbers(chunk.records)

    def _same_case_numbers(self, records: list[dict[str, Any]]) -> None:
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
