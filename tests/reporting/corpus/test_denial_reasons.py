"""Denial reasons in the corpus report: the share of Upheld items given each reason code by
category, reviewer specialty and guideline, each k/n with its Wilson 95 % interval, small groups
greyed; Overturned items (and items without reasons) in no denominator. Made-up rows.

The expected intervals are Newcombe's published Wilson values (Statistics in Medicine 1998,
17:857-872, Table I, method 3), not recomputed here."""

from __future__ import annotations

import re

import pytest

from pipeline.reporting.corpus.aggregate import OTHER_SPECIALTIES, SMALL_GROUP, Aggregator
from pipeline.reporting.corpus.index_page import item_attributes
from pipeline.reporting.corpus.report_page import report_html


def _row(n: int, category: str, decision: str, reasons: object, specialty: str = "Surgery",
         chapters: str = "", sources: str = "") -> dict:  # fmt: skip
    return {"case_number": f"MADE-UP-{n}", "issue_index": 0,
            "page": f"letters/MADE-UP-{n}.html#item-0", "decision": decision,
            "overturned": decision == "Overturned", "category": category, "disputed_item": "x",
            "specialty_primary": specialty, "maximus_mtus_chapters": chapters,
            "maximus_non_mtus_sources": sources, "reasons": reasons}  # fmt: skip


def _rows() -> list[dict]:
    rows = []
    # imaging: 29 Upheld items given reasons, all "not_recommended", one also
    # "no_conservative_trial" (as the tagger's dicts); 1/29 and 29/29.
    for i in range(29):
        codes = ["not_recommended"] + (["no_conservative_trial"] if i == 0 else [])
        rows.append(_row(i, "imaging", "Upheld", [{"code": c, "evidence": "..."} for c in codes],
                         chapters="Low Back Complaints"))  # fmt: skip
    # Overturned imaging items: none is in a denominator, with or without reasons.
    rows += [_row(100 + i, "imaging", "Overturned", []) for i in range(6)]
    rows.append(_row(110, "imaging", "Overturned", ["not_recommended"]))
    # An Upheld item without reasons, and one without a decision: in no denominator either.
    rows.append(_row(120, "imaging", "Upheld", None))
    rows.append({**_row(121, "imaging", "Upheld", ["not_recommended"]), "overturned": None,
                 "decision": None})  # fmt: skip
    # dme: 20 Upheld items, each "criteria_not_met" (as a '; '-joined string): 0/20 for the rest.
    for i in range(20):
        rows.append(_row(200 + i, "dme", "Upheld", "criteria_not_met", specialty="Pain Medicine",
                         sources="Official Disability Guidelines (ODG): Knee"))  # fmt: skip
    # a small group: 3 surgery items with two codes each, citing two guidelines.
    for i in range(3):
        rows.append(_row(300 + i, "surgery", "Upheld", ["criteria_not_met", "not_recommended"],
                         specialty="Orthopedic Surgery",
                         chapters="Low Back Complaints; Knee Complaints"))  # fmt: skip
    return rows


def _tables(rows: list[dict], top_specialties: int = 10) -> dict:
    aggregator = Aggregator(top_specialties=top_specialties)
    for row in rows:
        aggregator.add(row)
        aggregator.add_letter({"case_number": row["case_number"], "n_items": 1})
    return aggregator.tables()


def _share(entry: dict) -> tuple[int, float, float, float]:
    return (entry["items"], round(entry["share"], 4), round(entry["ci95"][0], 4),
            round(entry["ci95"][1], 4))  # fmt: skip


def test_shares_and_wilson_bounds_by_category() -> None:
    d = _tables(_rows())["denial_reasons"]
    assert d["items"] == 29 + 20 + 3  # the Upheld items given reasons, nothing else
    assert d["codes"] == ["not_recommended", "criteria_not_met", "no_conservative_trial"]
    imaging = d["by_category"]["imaging"]
    assert imaging["items"] == 29
    assert _share(imaging["codes"]["no_conservative_trial"]) == (1, round(1 / 29, 4), 0.0061,
                                                                 0.1718)  # fmt: skip
    assert _share(imaging["codes"]["not_recommended"]) == (29, 1.0, 0.8830, 1.0)
    dme = d["by_category"]["dme"]
    assert dme["items"] == 20
    assert _share(dme["codes"]["not_recommended"]) == (0, 0.0, 0.0, 0.1611)
    assert _share(dme["codes"]["criteria_not_met"]) == (20, 1.0, round(1 - 0.1611, 4), 1.0)
    # an item given two codes counts under both
    surgery = d["by_category"]["surgery"]
    assert [surgery["codes"][c]["items"] for c in d["codes"]] == [3, 3, 0]
    assert (imaging["small"], dme["small"], surgery["small"]) == (False, False, True)
    assert SMALL_GROUP > 3
    overall = d["overall"]["codes"]["not_recommended"]
    assert (overall["items"], overall["share"]) == (32, round(32 / 52, 6))


def test_overturned_items_are_in_no_denominator() -> None:
    upheld = [r for r in _rows() if r["decision"] != "Overturned"]
    with_overturned = _tables(_rows())["denial_reasons"]
    without = _tables(upheld)["denial_reasons"]
    assert with_overturned == without
    # ... while the raw counts by category (report.json's older key) still count every item
    assert _tables(_rows())["reasons_by_category"]["imaging"]["not_recommended"] == 29 + 1 + 1


def test_by_specialty_groups_as_the_specialty_table_does() -> None:
    t = _tables(_rows(), top_specialties=1)
    shown = list(t["by_specialty"]["groups"])
    spec = t["denial_reasons"]["by_specialty"]
    assert shown == ["Surgery", OTHER_SPECIALTIES]
    assert list(spec["groups"]) == shown
    assert spec["grouped_as_other"] == ["Orthopedic Surgery", "Pain Medicine"]
    other = spec["groups"][OTHER_SPECIALTIES]
    assert other["items"] == 23
    assert _share(other["codes"]["criteria_not_met"])[:2] == (23, 1.0)
    assert _share(other["codes"]["not_recommended"])[:2] == (3, round(3 / 23, 4))


def test_by_guideline_uses_the_canonical_names_of_the_basis_tables() -> None:
    t = _tables(_rows())
    g = t["denial_reasons"]["by_guideline"]
    assert set(g["mtus_chapter"]) <= set(t["by_guideline_basis"]["maximus_mtus_chapter"])
    assert {k: v["items"] for k, v in g["mtus_chapter"].items()} == {
        "Low Back Complaints": 32, "Knee Complaints": 3}  # fmt: skip
    odg = g["non_mtus_source"]["Official Disability Guidelines (ODG): Knee"]
    assert odg["items"] == 20 and odg["codes"]["criteria_not_met"]["share"] == 1.0
    assert g["items_citing_none"] == 0


def test_no_reasons_no_table() -> None:
    t = _tables([_row(1, "imaging", "Upheld", None), _row(2, "dme", "Overturned", [])])
    assert t["denial_reasons"] is None
    assert 'id="reasons"' not in report_html(t)


def _tr(html: str, label: str) -> str:
    """The first table row whose first cell starts with `label`."""
    found = re.search(rf'<tr( class="small")?><td>{re.escape(label)}</td>.*?</tr>', html)
    assert found, label
    return found[0]


def test_html_shows_each_share_with_its_interval_and_greys_small_groups() -> None:
    t = _tables(_rows())
    html = report_html(t)
    section = html[html.index('<section id="reasons">') :]
    section = section[: section.index("</section>")]
    assert "<h2>Denial reasons</h2>" in section
    imaging = _tr(section, "imaging")
    assert 'class="small"' not in imaging
    assert (
        "3.4 %" in imaging and "/29<br>" in imaging and "0.6–17.2 %" in imaging
    )  # 1/29, Newcombe's bounds
    assert "100.0 %" in imaging and "88.3–100.0 %" in imaging
    assert 'class="small"' in _tr(section, "surgery")  # 3 items: greyed and marked
    assert 'class="small"' not in _tr(section, "Pain Medicine")
    assert "the guideline&#x27;s criteria are not met" in section  # display names, not codes
    # a share's count links to exactly its items
    link = re.search(r'href="(items.html#[^"]*category=imaging[^"]*reasons=no_conservative_trial)"'
                     r">1</a>", section)  # fmt: skip
    assert link and "decision=Upheld" in link[1]
    hits = [r for r in _rows() if r["decision"] == "Upheld"
            and "no_conservative_trial" in item_attributes(r)["reasons"].split("|")]  # fmt: skip
    assert len(hits) == 1


@pytest.mark.parametrize("overturned_share", [0, 0.5])
def test_json_and_html_agree(overturned_share: float) -> None:
    """The HTML is a view of the JSON: every share in the table is the JSON's, as printed."""
    rows = _rows()
    if overturned_share:
        rows = rows + [_row(900 + i, "dme", "Overturned", None) for i in range(40)]
    t = _tables(rows)
    section = report_html(t).split('<section id="reasons">')[1].split("</section>")[0]
    for entry in t["denial_reasons"]["by_category"]["dme"]["codes"].values():
        lo, hi = entry["ci95"]
        assert f'/20<br><span style="white-space:nowrap">{100 * lo:.1f}–{100 * hi:.1f} %' in section
