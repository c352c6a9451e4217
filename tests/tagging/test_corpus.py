"""Acceptance on the answer key in ../shared (skipped when absent): the taggers, fed the gold's
own disputed items and guideline lines, must reproduce its category, frequency, quantity and
citations; and the seed letter's request, citation and limit must come out as documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.evaluation.scoring import ACCEPTANCE, format_score_table, score_items
from pipeline.tagging import parse_citation, parse_guideline_limits

pytestmark = pytest.mark.corpus

FLOORS = ACCEPTANCE


@pytest.fixture(scope="module")
def gold(gold_path: Path) -> list[dict]:
    return [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def scored(gold, nlp) -> dict:
    docs = nlp.pipe(g["disputed_item"] for g in gold)
    predicted = [
        {
            "case_number": g["case_number"],
            "issue_index": g["issue_index"],
            "category": doc._.item_category,
            "frequency": doc._.frequency,
            "quantity": doc._.quantity,
            "claims_admin_guideline": parse_citation(g["claims_admin_guideline"]["text"]),
            "maximus_guideline": parse_citation(g["maximus_guideline"]["text"]),
        }
        for g, doc in zip(gold, docs, strict=True)
    ]
    return score_items(predicted, gold)


def test_answer_key_size(gold):
    assert len(gold) == 280


@pytest.mark.parametrize("field", list(FLOORS))
def test_field_accuracy_floor(scored, field):
    accuracy = scored["fields"][field]["accuracy"]
    assert accuracy >= FLOORS[field], format_score_table(scored)


def _between(text: str, start: str, end: str) -> str:
    match = re.search(re.escape(start) + r"(.*?)" + re.escape(end), text, re.DOTALL)
    assert match, f"{start!r} not found in the seed letter"
    return re.sub(r"\s+", " ", match.group(1)).strip()


@pytest.fixture(scope="module")
def seed_text(seed_letter_path: Path) -> str:
    return seed_letter_path.read_text(encoding="utf-8", errors="replace")


def test_seed_request_frequency(seed_text, nlp):
    request = _between(seed_text, "set forth below:", ":  Upheld")
    doc = nlp(request)
    assert doc._.item_category == "physical_medicine"
    assert doc._.frequency == {"per_week": [2, 2], "weeks": [3, 3], "sessions": [6, 6]}


def test_seed_maximus_citation(seed_text):
    line = _between(seed_text, "MAXIMUS guideline:", "Decision rationale:")
    assert parse_citation(line)["mtus"] == [
        {"chapter": "Chronic Pain Treatment", "year": None, "sections": None, "pages": [60],
         "canonical": "Chronic Pain Medical Treatment"}
    ]  # fmt: skip


def test_seed_rationale_limit(seed_text, nlp):
    rationale = _between(seed_text, "Decision rationale:", "not medically necessary")
    expected = {"per_week": None, "weeks": None, "sessions": [4, 6]}
    for limits in (parse_guideline_limits(rationale), nlp(rationale)._.guideline_limits):
        shapes = [{k: x[k] for k in ("per_week", "weeks", "sessions")} for x in limits]
        assert expected in shapes
