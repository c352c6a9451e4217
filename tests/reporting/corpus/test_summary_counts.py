"""Every count a summary states equals the rows of the table it summarises (issue 20: the
summary said 9 items were flagged for re-reading while its table showed 3)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.reporting.corpus.aggregate import Aggregator
from pipeline.reporting.corpus.report_page import report_html

_HEADED_TABLE = re.compile(
    r"<h3>([^<(]+)\((?:<a [^>]*>)?([\d,]+)(?:</a>)?\)[^<]*</h3>(<p class=\"note\">.*?</p>)?"
    r"<table.*?<tbody>(.*?)</tbody>",
    re.S,
)


def _headed_tables(html: str) -> list[tuple[str, int, bool, int]]:
    """(title, count in the heading, capped (a note says so), rows) of each counted table."""
    return [
        (title.strip(), int(count.replace(",", "")), bool(note), body.count("<tr"))
        for title, count, note, body in _HEADED_TABLE.findall(html)
    ]


def _flagged_sentence(html: str) -> int:
    found = re.search(r"([\d,]+)(?:</a>)? items are flagged\s+for re-reading", html)
    return int(found[1].replace(",", ""))


def _row(case: str, stated: str, read: str, call: str, p: float, flags: str) -> dict:
    return {"case_number": case, "issue_index": 0, "page": f"letters/{case}.html#item-0",
            "decision": stated, "overturned": stated == "Overturned", "category": "imaging",
            "disputed_item": "MRI", "decision_read": read, "reasoning_call": call,
            "p_overturned_reasoning": p, "reader_agrees": read == stated,
            "reasoning_agrees": call == stated, "model_flags": flags}  # fmt: skip


def test_flagged_count_equals_the_rows_of_its_table() -> None:
    rows = [
        # the reader disagrees, the reasoning model agrees: flagged, yet no "disagreement"
        _row("A", "Upheld", "Overturned", "Upheld", 0.02, "decision reader reads Overturned"),
        _row("B", "Overturned", "Upheld", "Overturned", 0.9, "decision reader reads Upheld"),
        _row("C", "Upheld", "Upheld", "Overturned", 0.4, "reasoning model calls Overturned"),
        _row("D", "Upheld", "Upheld", "Upheld", 0.01, ""),
    ]
    aggregator = Aggregator(reasoning_threshold=0.2)
    for row in rows:
        aggregator.add(row)
        aggregator.add_letter({"case_number": row["case_number"], "n_items": 1})
    tables = aggregator.tables()
    html = report_html(tables)
    counted = {title: (count, rows) for title, count, capped, rows in _headed_tables(html)
               if not capped}  # fmt: skip
    assert counted["Items to re-read"] == (3, 3)
    assert _flagged_sentence(html) == 3 == tables["model"]["flagged_for_rereading"]
    assert counted["Disagreements"] == (1, 1)


def test_counts_in_the_fixture_report_match_their_tables(fixture_report_models: Path) -> None:
    html = (fixture_report_models / "report.html").read_text()
    tables = _headed_tables(html)
    assert tables, "the report has counted tables"
    for title, count, capped, rows in tables:
        assert rows == count or (capped and rows < count), (title, count, rows)
    items = pd.read_csv(fixture_report_models / "items.csv")
    flagged = int(items["model_flags"].fillna("").astype(bool).sum())
    assert _flagged_sentence(html) == flagged
