"""`build_report` on the made-up fixture letters: counts, files, links, and every table
recomputed from items.parquet with pandas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.core import io
from pipeline.core.display_names import category_label
from tests import paths

# What the fixture letters say (tests/fixtures/letter_texts.py and the two .txt letters).
LETTERS, ITEMS, OVERTURNED = 4, 9, 4
CATEGORIES = {"physical_medicine": (5, 1), "pharmaceutical": (3, 3), "imaging": (1, 0)}


def _tables(folder: Path) -> dict:
    return json.loads((folder / "report.json").read_text())


def test_files(fixture_report: Path) -> None:
    names = {p.name for p in fixture_report.iterdir()}
    assert {"report.html", "report.json", "items.parquet", "items.csv", "letters",
            "rejects.csv", "problems.csv"} <= names  # fmt: skip
    pages = sorted(p.name for p in (fixture_report / "letters").iterdir())
    assert pages == ["CM13-0000004.html", "FAKE-0000001.html", "FAKE-0000002.html",
                     "FAKE-0000003.html"]  # fmt: skip
    hidden = [p for p in fixture_report.rglob(".*") if p.name != io.OWNED_MARKER]
    assert not hidden, "temporary files left behind"
    owned = json.loads((fixture_report / io.OWNED_MARKER).read_text())["files"]
    assert "report.json" in owned and "letters/FAKE-0000001.html" in owned


def test_counts(fixture_report: Path) -> None:
    t = _tables(fixture_report)
    assert t["overall"]["letters"] == LETTERS
    assert (t["overall"]["items"], t["overall"]["overturned"]) == (ITEMS, OVERTURNED)
    got = {c: (g["items"], g["overturned"]) for c, g in t["by_category"].items()}
    assert got == CATEGORIES
    assert all(g["small"] for g in t["by_category"].values())  # n < 10: marked, not hidden
    assert t["files"] == {"inputs": 4, "parsed": 4, "rejected": 0, "duplicates": 0,
                          "partial_problems": 0, "rejected_files": []}  # fmt: skip
    drugs = {c: g["items"] for c, g in t["by_drug_class"]["classes"].items()}
    assert drugs == {"muscle relaxants": 1, "NSAIDs": 1, "opioids": 1}
    cap = {c: g["items"] for c, g in t["visit_cap"].items()}
    # 12 vs "9-10 visits" twice; 6 vs "3-6 sessions"; the .txt letter quotes no limit
    assert cap == {"within the cap": 1, "over the cap": 2, "visits requested, no limit stated": 1}
    assert t["model"] is None
    turnaround = t["turnaround"]["assigned_to_decision"]
    assert turnaround["n"] + turnaround["missing"] == LETTERS  # FAKE-0000003.txt has no dates


def test_tables_recomputed_from_the_parquet(fixture_report: Path) -> None:
    """report.json's tables follow from items.parquet (what a user would redo in pandas)."""
    t = _tables(fixture_report)
    items = pd.read_parquet(fixture_report / "items.parquet")
    csv = pd.read_csv(fixture_report / "items.csv")
    assert len(items) == len(csv) == t["overall"]["items"]
    assert items["case_number"].nunique() == t["overall"]["letters"]
    for column, table in [("category", t["by_category"]),
                          ("maximus_basis", t["by_guideline_basis"]["maximus"]),
                          ("claims_admin_basis", t["by_guideline_basis"]["claims_admin"]),
                          ("drug_class", t["by_drug_class"]["classes"]),
                          ("visit_cap_group", t["visit_cap"]),
                          ("decision_month", t["by_month"])]:  # fmt: skip
        # No month (a letter without dates) is its own group; no drug class or visit-cap group
        # means the table does not apply to the item.
        values = (
            items[column].fillna("(not stated)") if column == "decision_month" else items[column]
        )
        grouped = items.groupby(values)["overturned"].agg(["size", "sum"])
        expected = {k: (int(r["size"]), int(r["sum"])) for k, r in grouped.iterrows()}
        assert {k: (g["items"], g["overturned"]) for k, g in table.items()} == expected, column
    agreement = t["by_guideline_basis"]["agreement"]
    assert agreement["same_basis"] == int(items["basis_agrees"].sum())
    letters = items.drop_duplicates("case_number")
    days = letters["days_assigned_to_decision"]
    assert t["turnaround"]["assigned_to_decision"]["median"] == days.median()
    assert t["turnaround"]["assigned_to_decision"]["q1"] == days.quantile(0.25)
    assert t["review"]["items"] == int((items["n_review"] > 0).sum())


def test_report_links_every_letter_page(fixture_report: Path) -> None:
    html = (fixture_report / "report.html").read_text()
    assert "<svg" in html and html.count("<table") >= 10
    links = set(re.findall(r'href="(letters/[^"#]+)', html))
    assert links and all((fixture_report / link).is_file() for link in links)
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


def test_letter_page(fixture_report: Path) -> None:
    page = (fixture_report / "letters" / "FAKE-0000001.html").read_text()
    for anchor in ('id="item-0"', 'id="item-1"', 'id="item-2"', 'href="../report.html"'):
        assert anchor in page
    for label in ("TREATMENT", "FREQUENCY", "GUIDELINE LIMIT", "VERDICT", "QUANTITY"):
        assert f">{label}</span>" in page, label
    assert "request is over the cap" in page


def test_with_models(fixture_report_models: Path) -> None:
    t = _tables(fixture_report_models)
    model = t["model"]
    assert model["items"] == ITEMS and t["models"]["used"]
    assert sum(sum(row.values()) for row in model["crosstab"].values()) == ITEMS
    disagreements = model["disagreements"]
    assert (
        len(disagreements["listed"]) == disagreements["count"] == ITEMS - model["reasoning_agrees"]
    )
    items = pd.read_parquet(fixture_report_models / "items.parquet")
    assert items["p_overturned_reasoning"].between(0, 1).all()
    assert int((items["reasoning_agrees"] == False).sum()) == disagreements["count"]  # noqa: E712
    page = (fixture_report_models / "letters" / "FAKE-0000001.html").read_text()
    assert "P(Overturned), reasoning model" in page and "Evidence" in page


def test_rejects_are_listed(tmp_path: Path) -> None:
    from pipeline.reporting.corpus.run import build_report

    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (bad / "FAKE-0000003.txt").write_text(
        (paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt").read_text()
    )
    run = build_report([bad], tmp_path / "out", None, n_jobs=1)
    assert run.summary.parsed == 1 and len(run.summary.rejects) == 1
    rejects = pd.read_csv(tmp_path / "out" / "rejects.csv")
    assert list(rejects["file"].str.endswith("broken.pdf")) == [True]


def test_out_replaced_whole(tmp_path: Path) -> None:
    """A second run replaces the folder: no page of the previous corpus survives."""
    from pipeline.reporting.corpus.run import build_report

    out = tmp_path / "out"
    build_report([paths.FIXTURE_LETTERS_DIR / "FAKE-0000004.txt"], out, None, n_jobs=1)
    one = paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"
    build_report([one], out, None, n_jobs=1)
    assert [p.name for p in (out / "letters").iterdir()] == ["FAKE-0000003.html"]


@pytest.mark.parametrize("empty", [True])
def test_no_letters(tmp_path: Path, empty: bool) -> None:
    from pipeline.reporting.corpus.run import build_report

    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("kept")
    run = build_report([tmp_path / "in"], tmp_path / "out", None, n_jobs=1)
    # No letter: nothing to report, and the output folder is left exactly as it was.
    assert run.tables == {} and run.letters == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["mine.txt"]


def test_categories_read_as_labels_on_the_pages(fixture_report: Path) -> None:
    """Pages show 'physical medicine' / 'DME'; items.csv keeps the machine value for analysis."""
    items = pd.read_csv(fixture_report / "items.csv")
    codes = {c for c in items["category"].dropna() if "_" in c or c == "dme"}
    assert codes, "the fixture letters hold a multi-word or DME category"
    pages = [fixture_report / "report.html", *(fixture_report / "letters").glob("*.html")]
    html = "".join(p.read_text() for p in pages)
    for code in codes:
        assert f">{code}<" not in html, code
    assert any(f">{category_label(code)}<" in html for code in codes)
