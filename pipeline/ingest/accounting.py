"""A run's accounting, one implementation for ingest's tables (`stage.IngestSummary`) and the
runner's streams (`runner.accounting.StreamSummary`): `inputs N = parsed P + rejected R`, what
was read, and the check for two letters with one case number."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from pipeline.core.display_names import counted
from pipeline.ingest.batch import Reject, accounted, split_copies


@dataclass
class RunCounts:
    """Every input is parsed or rejected; the items read and the partial problems met."""

    inputs: int = 0
    parsed: int = 0
    items: int = 0
    rejects: list[Reject] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    written: bool = True  # False: no letter file in the inputs, so OUT was not touched

    @property
    def rejected(self) -> int:
        """Files that failed (copies of a file read once are listed but do not count)."""
        return split_copies(self.rejects)[0]

    def counts(self) -> list[str]:
        """What the count line names in brackets before the partial problems."""
        return [counted(self.items, "item")]

    def count_line(self) -> str:
        counts = [*self.counts(), counted(len(self.problems), "partial problem")]
        return f"{accounted(self.inputs, self.parsed, self.rejects)} ({', '.join(counts)})"


class CaseNumbers:
    """The first letter of each case number seen: every later letter with the same one gets a
    `duplicate_case_number` problem row, once (identical files were read once, so these
    differ), and both are kept."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[Hashable, str]] = {}  # case -> (letter, its name)
        self._reported: set[tuple[str, Hashable]] = set()

    def problem(self, case: Any, letter: Hashable, shown: str) -> dict[str, Any] | None:
        """The problem row of `letter` (a key telling letters apart; `shown` names it in the
        row), or None when it is the first with its case number, was flagged already, or has
        no case number."""
        if not case:
            return None
        first, first_shown = self.first.setdefault(str(case), (letter, shown))
        if letter == first or (str(case), letter) in self._reported:
            return None
        self._reported.add((str(case), letter))
        return {"file": shown, "case_number": case,
                "problem": f"duplicate_case_number: {case} is also the case number of another "
                           f"letter ({first_shown})"}  # fmt: skip
