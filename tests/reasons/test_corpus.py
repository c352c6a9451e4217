"""Issue 23's acceptance of the denial reasons on the 130 real letters (skipped when ../shared
is absent): nested grouped CV by letter, repeated over three shuffles of the letters
(`pipeline.evaluation.reasons`), nothing tuned on a test fold. `imr evaluate-reasons` writes the
same figures with their intervals."""

from __future__ import annotations

import pytest

from pipeline.modeling.reasons import CODES
from tests.paths import GOLD_REASONS_PATH as REASONS_LABELS

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def result(shared_letters_dir, tmp_path_factory):
    from pipeline.core.io import read_table
    from pipeline.evaluation.reasons import evaluate_reasons
    from pipeline.modeling.reasons.labels import read_labels
    from pipeline.modeling.reasons.made_up import made_up_data
    from pipeline.modeling.reasons.model import labelled_items
    from pipeline.runner.ingest import run_ingest
    from pipeline.tagging import tag_items

    if not REASONS_LABELS.is_file():
        pytest.skip(f"{REASONS_LABELS} is absent: the reason tests need ../shared")
    out = tmp_path_factory.mktemp("interim")
    run_ingest([shared_letters_dir], out)
    items, _ = tag_items(read_table(out / "items.parquet"), read_table(out / "letters.parquet"))
    data = labelled_items(items.to_dict(orient="records"), read_labels(REASONS_LABELS))
    return evaluate_reasons(data, extra=made_up_data())


def test_every_labelled_upheld_item_is_evaluated(result):
    assert result["n_items"] == 244
    assert result["labelled_evidence_found_whole"] >= 0.97 * result["labelled_evidence"]


def test_reasons_micro_f1(result):
    assert result["classifier"]["micro_f1"] >= 0.80


@pytest.mark.xfail(
    strict=True,
    reason="not_recommended F1 0.696 averaged over the three shuffles of the letters "
    "(reports/reasons.md; 0.686, 0.688 and 0.717 on each, docs/evaluation.md; every other "
    "code 0.75 or more): not yet 0.70",
)
def test_every_code_with_ten_examples_reaches_f1_070(result):
    per_code = result["classifier"]["per_code"]
    weak = {code: round(per_code[code]["f1"], 3) for code in CODES
            if per_code[code]["support"] >= 10 and not per_code[code]["f1"] >= 0.70}  # fmt: skip
    assert not weak


def test_quoted_sentence_is_labelled_for_reasons_with_a_labelled_code(result):
    assert result["classifier"]["quoted_labelled_correct_codes"] >= 0.80


def test_quoted_sentence_is_labelled_for_every_reason_given(result):
    # 0.802 averaged over the three shuffles (0.792, 0.804, 0.811): close to the line
    assert result["classifier"]["quoted_labelled"] >= 0.80


def test_the_classifier_beats_the_rule_cues_alone(result):
    assert result["classifier"]["micro_f1"] > result["rules_only"]["micro_f1"]
