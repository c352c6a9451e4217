"""Reasons by category: shown only when items carry reason codes, each count linking to its
items. Made-up rows."""

from __future__ import annotations

import json

from pipeline.reporting.corpus.aggregate import Aggregator
from pipeline.reporting.corpus.index_page import item_attributes
from pipeline.reporting.corpus.report_page import report_html


def _row(case: str, category: str, reasons: object) -> dict:
    return {"case_number": case, "issue_index": 0, "page": f"letters/{case}.html#item-0",
            "decision": "Upheld", "overturned": False, "category": category,
            "disputed_item": "x", "reasons": reasons}  # fmt: skip


def _tables(rows: list[dict]) -> dict:
    aggregator = Aggregator()
    for row in rows:
        aggregator.add(row)
        aggregator.add_letter({"case_number": row["case_number"], "n_items": 1})
    return aggregator.tables()


def test_reasons_by_category() -> None:
    rows = [
        _row("A", "imaging", [{"code": "no_red_flags"}]),
        _row("B", "imaging", "no_red_flags; not_first_line"),
        _row("C", "dme", ["not_first_line"]),
        _row("D", "dme", None),
    ]
    t = _tables(rows)
    assert t["reasons_by_category"] == {
        "imaging": {"no_red_flags": 2, "not_first_line": 1},
        "dme": {"not_first_line": 1},
    }
    html = report_html(t)
    assert '<section id="reasons"><h2>Denial reasons</h2>' in html and "<svg" in html
    assert (
        'href="items.html#decision=Upheld&amp;category=imaging&amp;reasons=no_red_flags">2</a>'
        in html
    )
    # the link's filter finds the same rows
    hits = [r for r in rows if "no_red_flags" in item_attributes(r)["reasons"].split("|")
            and item_attributes(r)["category"] == "imaging"]  # fmt: skip
    assert len(hits) == 2


def test_no_reasons_no_section() -> None:
    t = _tables([_row("A", "imaging", None)])
    assert t["reasons_by_category"] is None
    assert 'id="reasons"' not in report_html(t)


def test_reasons_on_records_reach_the_report(tmp_path, monkeypatch) -> None:
    """When the item records carry the reasons tagger's codes, the report's index and tables
    show them (items.parquet/csv keep their fixed columns)."""
    from pipeline.record.model import Reason
    from pipeline.reporting.corpus import run
    from pipeline.runner import engine
    from tests import paths

    original = engine.item_records

    def with_reasons(items, letters):
        records = original(items, letters)
        for record in records:
            record.reasons = [Reason(code="criteria_not_met")]
        return records

    monkeypatch.setattr(run, "item_records", with_reasons)
    out = tmp_path / "report"
    run.build_report([paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"], out, None, n_jobs=1)
    assert "the guideline&#x27;s criteria are not met" in (out / "index.html").read_text()
    assert 'id="reasons"' in (out / "report.html").read_text()
    tables = json.loads((out / "report.json").read_text())
    # every record was given a reason; only the Upheld ones are in the shares' denominators
    assert tables["denial_reasons"]["items"] == tables["overall"]["upheld"]
    assert tables["overall"]["upheld"] < tables["overall"]["items"]
    assert "reasons" not in (out / "items.csv").read_text().splitlines()[0].split(",")
