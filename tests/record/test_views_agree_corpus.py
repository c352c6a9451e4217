"""Every output is a view of one record: on the real letters in ../shared (skipped when
absent), the corpus report's rows, the CSV rows of `imr extract` and the model features agree on
every derived fact (category, frequency, quantity, citations and the ODG, the visit-cap verdict,
the decision) for every development item (the letters outside the held-out quarter).

Each view is made by its own command's code path: the report by `build_report` (its workers,
items.parquet), the CSV by the extract stage through its CSV sink, the features by the tag
stage's table (`tag_items`) through `build_features`, as `imr train` reads them.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from pipeline.record import Frequency
from pipeline.record.facts import frequency_text

pytestmark = pytest.mark.corpus

Key = tuple[str, int]


@pytest.fixture(scope="module")
def report_rows(shared_letters_dir: Path, tmp_path_factory) -> dict[Key, dict[str, Any]]:
    from pipeline.reporting.corpus.run import build_report

    out = tmp_path_factory.mktemp("views") / "report"
    build_report([shared_letters_dir], out, None, n_jobs=2)
    frame = pd.read_parquet(out / "items.parquet").astype(object)
    frame = frame.where(pd.notna(frame), None)
    return {(r["case_number"], int(r["issue_index"])): r for r in frame.to_dict("records")}


@pytest.fixture(scope="module")
def csv_rows(shared_letters_dir: Path, tmp_path_factory) -> dict[Key, dict[str, str]]:
    from pipeline.ingest.batch import discover
    from pipeline.runner.engine import extract_stage
    from pipeline.runner.run import run_stage
    from pipeline.runner.sinks import records_sink

    out = tmp_path_factory.mktemp("views") / "items.csv"
    paths, _ = discover([shared_letters_dir])
    run_stage(paths, extract_stage(), [records_sink(out)], n_jobs=2, progress=False)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    return {(r["case_number"], int(r["issue_index"])): r for r in rows}


@pytest.fixture(scope="module")
def features(shared_letters_dir: Path) -> dict[Key, dict[str, Any]]:
    from pipeline.features.table import build_features
    from pipeline.ingest.batch import discover, letters_and_items, parse_file
    from pipeline.tagging import tag_items

    paths, _ = discover([shared_letters_dir])
    letters, items, _ = letters_and_items([parse_file(p) for p in paths])
    items_table, letters_table = tag_items(pd.DataFrame(items), pd.DataFrame(letters))
    table = build_features(items_table, letters_table)
    keys = zip(items_table["case_number"], items_table["issue_index"], strict=True)
    return {(c, int(i)): row for (c, i), row in zip(keys, table.to_dict("records"), strict=True)}


@pytest.fixture(scope="module")
def dev_keys(report_rows: dict[Key, dict[str, Any]]) -> list[Key]:
    from pipeline.modeling.splits import holdout_cases

    keys = sorted(report_rows)
    y = np.array([int(report_rows[k]["decision"] == "Overturned") for k in keys])
    held_out = holdout_cases([k[0] for k in keys], y)
    dev = [k for k in keys if k[0] not in held_out]
    assert 0 < len(dev) < len(keys)
    return dev


def _flag(cell: str) -> bool | None:
    return {"True": True, "False": False, "": None}[cell]


def _int(cell: str) -> int | None:
    return int(cell) if cell else None


def _frequency(row: dict[str, Any]) -> Frequency | None:
    """The report row's requested counts as a frequency."""
    ranges = {}
    for name in ("per_week", "weeks", "sessions"):
        low, high = row[f"requested_{name}_min"], row[f"requested_{name}_max"]
        ranges[name] = None if low is None else [int(low), int(high)]
    return Frequency(**ranges) if any(ranges.values()) else None


def test_every_item_in_every_view(report_rows, csv_rows, features) -> None:
    assert report_rows.keys() == csv_rows.keys() == features.keys()
    assert len(report_rows) == 280


def test_the_views_agree_on_each_derived_fact(report_rows, csv_rows, features, dev_keys) -> None:
    seen = {"frequency": 0, "quantity": 0, "odg": 0, "cap": 0, "not_cited": 0}
    for key in dev_keys:
        report, flat, model = report_rows[key], csv_rows[key], features[key]
        where = f"{key}"
        # category
        assert report["category"] == flat["category"] == model["category"], where
        # frequency: the report's counts, the CSV's text, the models' session count
        frequency = _frequency(report)
        assert flat["frequency"] == (frequency_text(frequency) if frequency else ""), where
        sessions = report["requested_sessions_max"]
        if sessions is None and report["requested_per_week_max"] and report["requested_weeks_max"]:
            sessions = report["requested_per_week_max"] * report["requested_weeks_max"]
        assert model["has_frequency"] == float(sessions is not None), where
        assert model["requested_sessions"] == float(sessions or 0), where
        seen["frequency"] += frequency is not None
        # quantity
        quantity = report["quantity"]
        assert _int(flat["quantity"]) == quantity, where
        assert model["has_quantity"] == float(quantity is not None), where
        assert model["log_quantity"] == (math.log1p(quantity) if quantity is not None else 0.0)
        seen["quantity"] += quantity is not None
        # citations: the basis (MTUS / ODG / other non-MTUS / none) and the models' tokens
        for side, prefix in (("maximus", ""), ("claims_admin", "ca_")):
            basis = report[f"{side}_basis"]
            assert flat[f"{side}_basis"] == basis, where
            tokens = set(model["guideline_tokens"].split())
            kinds = {
                "MTUS": any(t.startswith(prefix + "mtus_") for t in tokens),
                "ODG": any(t.startswith(prefix + "odg_") for t in tokens),
                "other non-MTUS": any(t.startswith(prefix + "other_") for t in tokens),
            }
            assert {k for k, found in kinds.items() if found} == set(basis.split(" + ")) - {
                "none cited", "citation not read"}, (where, side, basis, tokens)  # fmt: skip
            seen["odg"] += kinds["ODG"]
        not_cited = flat["maximus_citations"] == "no medical evidence cited"
        assert model["not_cited"] == float(not_cited), where
        seen["not_cited"] += not_cited
        # the visit-cap verdict
        exceeds = report["exceeds_guideline_limit"]
        assert _flag(flat["exceeds_guideline_limit"]) == exceeds, where
        assert (flat["visit_cap"] or None) == report["visit_cap_group"], where
        assert model["exceeds_limit"] == float(exceeds is True), where
        assert model["within_limit"] == float(exceeds is False), where
        seen["cap"] += exceeds is not None
        # the decision (the models never read it)
        assert flat["decision"] == report["decision"], where
        assert report["overturned"] == {"Upheld": False, "Overturned": True}[report["decision"]]
    # the comparison covered every kind of fact, not only empty ones
    assert all(seen.values()), seen
    print(len(dev_keys), "development items;", seen)
