"""A run's accounting (`inputs N = parsed P + rejected R`, partial problems, flags) and its
exit status. `StreamSummary` is a sink of the runner: every chunk result goes through it."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol

from pipeline.ingest.accounting import CaseNumbers, RunCounts
from pipeline.ingest.batch import Reject

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
class StreamSummary(RunCounts):
    """A stream's accounting (`RunCounts`), the flags raised, and the letters' case numbers."""

    flags: list[dict[str, Any]] = field(default_factory=list)
    case_numbers: CaseNumbers = field(default_factory=CaseNumbers, repr=False)
    # how often each (case number, file name, item number) was seen
    _items_seen: dict[tuple[Any, ...], int] = field(default_factory=dict, repr=False)

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
        """Two different letters with the same case number (`CaseNumbers`). Item records carry
        their file's name, not its path: a letter is told apart by its file name and, for files
        of the same name in two folders, by its items repeating (case number, file name, item
        number)."""
        for record in records:
            case, source = record.get("case_number"), record.get("source_file")
            if not case or source is None:
                continue
            item = (str(case), str(source), record.get("issue_index"))
            again = self._items_seen.get(item, 0)
            self._items_seen[item] = again + 1
            if problem := self.case_numbers.problem(case, (item[1], again), item[1]):
                self.problems.append(problem)


def exit_code(parsed: int, rejected: int) -> int:
    """0 all parsed, 3 some rejected, 4 nothing parsed (documented in the README)."""
    if parsed == 0:
        return EXIT_NOTHING_PARSED
    return EXIT_SOME_REJECTED if rejected else EXIT_OK
