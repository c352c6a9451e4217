"""Item-level reasons on made-up items: rules-only, the fallback, and the outputs' views."""

from __future__ import annotations

import numpy as np

from pipeline.cli.describe import reason_lines
from pipeline.modeling.reasons import CODES
from pipeline.modeling.reasons.assign import assign_reasons, choose
from pipeline.tagging.reason_cues import cue_sentences

RATIONALE = (
    "The patient has chronic low back pain (made-up). There is no documentation of functional "
    "improvement with prior sessions. Twelve sessions exceeds the recommended six visits. "
    "Therefore, the request is not medically necessary."
)


def item(decision: str = "Upheld", rationale: str = RATIONALE) -> dict:
    return {"case_number": "CM00-0000001", "issue_index": 0, "decision": decision,
            "rationale": rationale, "reason_sentences": cue_sentences(rationale)}  # fmt: skip


def test_rules_only_reasons_quote_their_sentence_with_offsets():
    (reasons,) = assign_reasons([item()])
    assert [r["code"] for r in reasons] == ["no_functional_benefit", "exceeds_guideline_amount"]
    for reason in reasons:
        assert RATIONALE[reason["start"] : reason["end"]] == reason["evidence"]
        assert reason["probability"] is None  # no classifier: the cues decided
        assert set(reason) == {"code", "evidence", "start", "end", "probability"}


def test_overturned_items_get_no_reasons():
    assert assign_reasons([item("Overturned")]) == [[]]


def test_an_upheld_item_without_a_cue_gets_other():
    text = "The records were reviewed (made-up). The request is not medically necessary."
    (reasons,) = assign_reasons([item(rationale=text)])
    assert [r["code"] for r in reasons] == ["other"]
    assert reasons[0]["evidence"] in text


def test_choose_keeps_each_code_over_threshold_at_its_best_sentence():
    p = np.array([[0.9, 0.1], [0.2, 0.6]])
    assert choose(p, ["a", "b"], 0.5, 0.1) == [("a", 0, 0.9), ("b", 1, 0.6)]


def test_choose_falls_back_to_the_best_code_then_other():
    p = np.array([[0.3, 0.1], [0.2, 0.05]])
    assert choose(p, ["a", "b"], 0.5, 0.1) == [("a", 0, 0.3)]
    assert [c for c, _, _ in choose(p, ["a", "b"], 0.5, 0.4)] == ["other"]
    assert choose(np.zeros((0, 2)), ["a", "b"], 0.5, 0.1) == []


def test_csv_row_has_codes_and_one_evidence_column_per_code():
    from pipeline.record import Item, Reason
    from pipeline.record.views import flat_row

    (reasons,) = assign_reasons([item()])
    record = Item(case_number="x", issue_index=0,
                  reasons=[Reason.model_validate(r) for r in reasons])  # fmt: skip
    row = flat_row(record)
    assert row["reason_codes"] == "no_functional_benefit; exceeds_guideline_amount"
    assert row["reason_no_functional_benefit"].startswith("There is no documentation")
    assert all(f"reason_{code}" in row for code in CODES)
    assert row["reason_not_recommended"] is None
    assert set(flat_row(Item(case_number="y", issue_index=0))) == set(row)


def test_describe_prints_each_reason_with_its_sentence():
    (reasons,) = assign_reasons([item()])
    lines = reason_lines(reasons)
    assert lines[0] == "  denial reasons:"
    assert lines[1].startswith(
        "    no functional benefit from earlier treatment (no_functional_benefit"
    )
    assert '): "There is no documentation' in lines[1]
    assert reason_lines([]) == []


def test_letter_page_highlights_and_names_each_reason_sentence():
    from pipeline.reporting.corpus.html import highlight, legend
    from pipeline.reporting.corpus.pages import reason_marks

    (reasons,) = assign_reasons([item()])
    marks = reason_marks(reasons)
    assert [(m.kind, m.label) for m in marks] == [
        ("reason", "NO FUNCTIONAL BENEFIT"),
        ("reason", "EXCEEDS GUIDELINE AMOUNT"),
    ]
    html = highlight(RATIONALE, marks)
    assert html.count('class="bar k-reason"') >= 2 and "NO FUNCTIONAL BENEFIT" in html
    assert "DENIAL REASON" in legend()


def test_corpus_report_counts_reasons_by_category():
    from pipeline.reporting.corpus.aggregate import Aggregator

    aggregator = Aggregator()
    rows = [
        ("physical_medicine", "no_functional_benefit; exceeds_guideline_amount"),
        ("physical_medicine", "no_functional_benefit"),
        ("imaging", "criteria_not_met"),
    ]
    for category, codes in rows:
        aggregator.add(
            {"decision": "Upheld", "overturned": False, "category": category, "reasons": codes}
        )  # fmt: skip  (run.py sets it from the record)
    table = aggregator.tables()["reasons_by_category"]
    assert table["physical_medicine"]["no_functional_benefit"] == 2
    assert table["imaging"] == {"criteria_not_met": 1}


def test_a_cued_code_comes_before_the_fallbacks():
    """No code clears its threshold: the most probable cued code, at its cued sentence, comes
    before the most probable code and before `other`."""
    p = np.array([[0.05, 0.30], [0.08, 0.02]])
    cued = np.array([[False, False], [True, False]])
    assert choose(p, ["a", "b"], 0.5, 0.1, cued) == [("a", 1, 0.08)]
    assert choose(p, ["a", "b"], 0.5, 0.1, np.zeros_like(cued)) == [("b", 0, 0.3)]
    # a code over its threshold wins whatever the cues say
    assert choose(p, ["a", "b"], 0.25, 0.1, cued) == [("b", 0, 0.3)]
