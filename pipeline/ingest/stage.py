"""The ingest stage: letter files -> letters.parquet, items.parquet and rejects.csv."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from pipeline import io
from pipeline.ingest.batch import (
    PROBLEM_COLUMNS,
    REJECT_COLUMNS,
    FileResult,
    discover,
    letters_and_items,
    parse_files,
)

LETTER_COLUMNS = [
    "source_file", "case_number", "date_assigned", "date_of_injury", "decision_date",
    "ur_denial_date", "application_received", "priority", "licensure", "specialty",
    "clinical_case_summary", "n_items", "layout",
]  # fmt: skip
ITEM_COLUMNS = [
    "case_number", "issue_index", "request_text", "disputed_item", "decision",
    "claims_admin_guideline_text", "maximus_guideline_text", "rationale", "source_file",
]  # fmt: skip


@dataclass
class IngestOutcome:
    inputs: int
    letter_files: int  # inputs that gave at least one letter
    letters: pd.DataFrame
    items: pd.DataFrame
    rejects: pd.DataFrame
    problems: pd.DataFrame

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def count_line(self) -> str:
        return (
            f"inputs {self.inputs} = parsed {self.letter_files} + rejected {self.rejected} "
            f"({len(self.letters)} letters, {len(self.items)} items, "
            f"{len(self.problems)} partial problems)"
        )


def ingest(
    inputs: Sequence[Path],
    n_jobs: int = -1,
    on_file: Callable[[FileResult], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestOutcome:
    paths, rejects = discover(inputs)
    if on_start:
        on_start(len(paths))
    results: list[FileResult] = []
    for result in parse_files(paths, n_jobs=n_jobs):
        results.append(result)
        if result.reject:
            rejects.append(result.reject)
        if on_file:
            on_file(result)
    letters, items, problems = letters_and_items(results)
    return IngestOutcome(
        inputs=len(paths) + len(rejects) - sum(1 for r in results if r.reject),
        letter_files=sum(1 for r in results if not r.reject),
        letters=pd.DataFrame(letters, columns=LETTER_COLUMNS),
        items=pd.DataFrame(items, columns=ITEM_COLUMNS),
        rejects=pd.DataFrame([asdict(r) for r in rejects], columns=REJECT_COLUMNS),
        problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS),
    )


def write_outputs(outcome: IngestOutcome, out_dir: Path) -> None:
    io.write_table(outcome.letters, out_dir / "letters.parquet")
    io.write_table(outcome.items, out_dir / "items.parquet")
    io.write_csv(outcome.rejects, out_dir / "rejects.csv")
    io.write_csv(outcome.problems, out_dir / "problems.csv")
