"""Acceptance of issue 2 on the 130 real letters in ../shared (skipped when it is absent)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd
import pytest

from pipeline.core.io import read_jsonl, read_table
from pipeline.ingest.batch import parse_file
from pipeline.ingest.letter import collapse
from pipeline.ingest.stage import IngestSummary
from pipeline.runner.ingest import run_ingest

pytestmark = pytest.mark.corpus


@dataclass
class Corpus:
    summary: IngestSummary
    letters: pd.DataFrame
    predicted: dict
    gold: list[dict]


@pytest.fixture(scope="module")
def corpus(shared_letters_dir, gold_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("interim")
    summary = run_ingest([shared_letters_dir], out)
    items = read_table(out / "items.parquet")
    predicted = {(i["case_number"], i["issue_index"]): i for i in items.to_dict("records")}
    return Corpus(summary, read_table(out / "letters.parquet"), predicted, read_jsonl(gold_path))


def test_every_letter_parsed_and_counted(corpus):
    summary = corpus.summary
    assert summary.inputs == 130 and summary.parsed == 130 and summary.rejected == 0
    assert summary.problems == []


def test_item_count_exact_for_every_letter(corpus):
    gold = corpus.gold
    expected = Counter(g["case_number"] for g in gold)
    found = dict(zip(corpus.letters.case_number, corpus.letters.n_items, strict=True))
    wrong = {case: (n, found.get(case)) for case, n in expected.items() if found.get(case) != n}
    assert not wrong, f"(gold, parsed) item counts differ: {wrong}"


def test_decision_exact_for_every_item(corpus):
    predicted, gold = corpus.predicted, corpus.gold
    misses = [
        (g["case_number"], g["issue_index"])
        for g in gold
        if predicted.get((g["case_number"], g["issue_index"]), {}).get("decision") != g["decision"]
    ]
    assert len(gold) == 280 and not misses


@pytest.mark.parametrize("field", ["request_text", "disputed_item"])
def test_request_and_disputed_item_at_least_98_percent(corpus, field):
    predicted, gold = corpus.predicted, corpus.gold
    hits = sum(
        collapse(predicted.get((g["case_number"], g["issue_index"]), {}).get(field) or "")
        == collapse(g[field])
        for g in gold
    )
    assert hits / len(gold) >= 0.98, f"{field}: {hits}/{len(gold)}"


@pytest.mark.parametrize(
    ("field", "gold_field"),
    [("claims_admin_guideline_text", "claims_admin_guideline"),
     ("maximus_guideline_text", "maximus_guideline")],
)  # fmt: skip
def test_guideline_lines_at_least_98_percent(corpus, field, gold_field):
    predicted, gold = corpus.predicted, corpus.gold
    hits = sum(
        collapse(predicted.get((g["case_number"], g["issue_index"]), {}).get(field) or "")
        == collapse(g[gold_field]["text"])
        for g in gold
    )
    assert hits / len(gold) >= 0.98


def test_header_fields_are_iso_dates(corpus):
    letters = corpus.letters
    for column in ("date_assigned", "date_of_injury", "decision_date", "ur_denial_date"):
        assert letters[column].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all(), column
    assert set(letters.priority) <= {"Standard", "Expedited"}
    assert letters.licensure.map(len).min() >= 1
    assert letters.specialty.notna().all()
    assert letters.clinical_case_summary.str.len().min() > 200


def test_seed_letter_parses_into_one_complete_item(seed_letter_path):
    result = parse_file(seed_letter_path)
    assert result.reject is None and len(result.letters) == 1
    parsed = result.letters[0]
    assert parsed.letter["case_number"] == "seed_letter"
    assert parsed.letter["specialty"] == "Physical Medicine & Rehabilitation"
    assert parsed.letter["licensure"] == ["California"]
    assert "Treatment to date:" in parsed.letter["clinical_case_summary"]
    [item] = parsed.items
    assert item["request_text"] == "Massage therapy, lower extremitites 2 times a week for 3 weeks"
    assert item["disputed_item"] == item["request_text"]
    assert item["decision"] == "Upheld"
    assert item["claims_admin_guideline_text"] == (
        "Decision based on MTUS Chronic Pain Treatment Guidelines."
    )
    assert item["maximus_guideline_text"] == (
        "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 60."
    )
    assert item["rationale"].startswith("CA MTUS states that massage therapy")
    assert item["rationale"].endswith("x 3 weeks is not medically necessary.")
