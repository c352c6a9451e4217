"""Issues 2+3 end to end: `imr extract` on the 130 real letters, scored against the answer key."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.io import read_jsonl
from pipeline.tagging.scoring import ACCEPTANCE, score_items

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def scored(shared_letters_dir, gold_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("extract") / "items.jsonl"
    result = CliRunner().invoke(app, ["extract", str(shared_letters_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return read_jsonl(out), score_items(read_jsonl(out), read_jsonl(gold_path))


@pytest.mark.parametrize("field", sorted(ACCEPTANCE))
def test_field_accuracy_meets_the_acceptance_figure(scored, field):
    _, result = scored
    accuracy = result["fields"][field]["accuracy"]
    assert accuracy >= ACCEPTANCE[field], f"{field}: {accuracy:.3f}"


def test_extract_emits_every_answer_key_field(scored):
    records, _ = scored
    assert len(records) == 280
    keys = {"case_number", "issue_index", "request_text", "disputed_item", "decision", "category",
            "frequency", "quantity", "claims_admin_guideline", "maximus_guideline"}  # fmt: skip
    assert all(keys <= set(r) for r in records)
