"""The item record on the made-up fixture letters: its views, its spans and its schema."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from pipeline.record import Item, Prediction, Span
from pipeline.record.facts import ODG_SOURCE, citation_basis, frequency_text, is_odg
from pipeline.record.schema import SCHEMA_FILE, schema_text
from pipeline.record.views import INTERNAL, as_item, flat_row, json_row
from tests import paths as test_paths


@pytest.fixture(scope="module")
def records() -> list[Item]:
    """The fixture letters parsed, tagged and built into records, as `imr extract` does."""
    from pipeline.ingest.batch import letters_and_items, parse_file
    from pipeline.runner.engine import item_records, tag_parsed
    from pipeline.tagging import build_nlp

    paths = sorted(test_paths.FIXTURE_LETTERS_DIR.iterdir())
    letters, items, _ = letters_and_items([parse_file(p) for p in paths])
    items, letters = tag_parsed(items, letters, build_nlp())
    built = item_records(items, letters)
    assert built, "the fixture letters hold items"
    return built


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "docs/item_record.schema.json is stale: run `python -m pipeline.record.schema`"
    )


def test_json_row_reads_back_as_the_same_record(records: list[Item]) -> None:
    for record in records:
        row = json_row(record)
        assert not INTERNAL & row.keys()
        assert json_row(as_item(json.loads(json.dumps(row)))) == row
        # the visit-cap verdict under the names the extraction has always written
        assert row["exceeds_guideline_limit"] == record.visit_cap.exceeds
        assert "prediction" not in row  # only once predicted


def test_spans_are_offsets_into_their_text(records: list[Item]) -> None:
    kinds = set()
    for record in records:
        texts = {"disputed_item": record.disputed_item or "", "rationale": record.rationale or ""}
        for span in record.spans:
            assert texts[span.source][span.start : span.end] == span.text
            kinds.add(span.kind)
    assert {"treatment", "verdict"} <= kinds


def test_the_csv_row_is_flat(records: list[Item], tmp_path: Path) -> None:
    from pipeline.runner.sinks import records_sink

    out = tmp_path / "items.csv"
    with records_sink(out) as sink:
        sink.write(SimpleNamespace(records=[json_row(r) for r in records]))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["item"] == str(record.issue_index + 1)  # people count items from 1
        assert row["issue_index"] == str(record.issue_index)
        for name, cell in row.items():
            if cell.startswith(("[", "{")):
                with pytest.raises(ValueError):
                    json.loads(cell)  # text that starts like JSON must not be JSON
                    raise AssertionError(f"{name} holds JSON: {cell}")
        assert row["maximus_basis"] == citation_basis(record.maximus_guideline)
        expected = frequency_text(record.frequency) if record.frequency else ""
        assert row["frequency"] == expected


def test_review_flags_keep_their_detail() -> None:
    item = Item.model_validate(
        {"case_number": "FAKE-1", "issue_index": 2,
         "review": [{"code": "number_unexplained", "detail": "the 12 in '12 visits'"}, "x"]}
    )  # fmt: skip
    row = json_row(item)
    assert row["review"] == ["number_unexplained", "x"]
    assert row["review_details"] == {"number_unexplained": "the 12 in '12 visits'"}
    assert as_item(row).review == item.review
    assert flat_row(item)["review"] == "number_unexplained (the 12 in '12 visits'); x"
    assert flat_row(item)["item"] == 3


def test_a_guideline_line_the_letter_does_not_print_is_null() -> None:
    # the answer key's convention: null when the form has no such line; read back the same
    item = Item.model_validate(
        {"case_number": "FAKE-1", "issue_index": 0,
         "maximus_guideline": {"text": "Decision based on MTUS Knee Complaints 2004.",
                               "cited": True}}
    )  # fmt: skip
    row = json_row(item)
    assert row["claims_admin_guideline"] is None
    assert row["maximus_guideline"]["cited"] is True
    assert as_item(json.loads(json.dumps(row))).claims_admin_guideline.text is None
    assert json_row(as_item(row)) == row


def test_a_field_another_stage_adds_is_carried_and_readable() -> None:
    item = Item.model_validate(
        {"case_number": "FAKE-1", "issue_index": 0, "appeal": {"sentence": "Upheld.", "at": 3},
         "reasons": [{"code": "not_recommended", "evidence": "It is not recommended."}]}
    )  # fmt: skip
    assert json_row(item)["appeal"] == {"sentence": "Upheld.", "at": 3}
    flat = flat_row(item)
    assert flat["appeal"] == "sentence: Upheld., at: 3"
    assert flat["reasons"] == "not_recommended: It is not recommended."


def test_the_ruling_is_typed_and_flat_rows_read_it() -> None:
    ruled = {"decision": "Upheld", "sentence": "The request is not medically necessary.",
             "start_char": 10, "end_char": 49, "form": "necessity"}  # fmt: skip
    item = Item.model_validate({"case_number": "FAKE-1", "issue_index": 0, "ruling": ruled})
    assert item.ruling is not None and item.ruling.decision == "Upheld"
    assert json_row(item)["ruling"]["sentence"] == ruled["sentence"]
    assert flat_row(item)["ruling_sentence"] == ruled["sentence"]
    silent = Item.model_validate(
        {"case_number": "FAKE-1", "issue_index": 0,
         "ruling": {"decision": None, "review": "no_ruling_sentence"}}
    )  # fmt: skip
    assert flat_row(silent)["ruling_read"] == "abstains: no_ruling_sentence"


def test_predict_fields_and_the_decision() -> None:
    item = Item(case_number="FAKE-1", issue_index=0, decision="Upheld")
    assert item.decision_facts.overturned is False and item.decision_facts.read is None
    item.prediction = Prediction(
        decision_read="Overturned", p_overturned_reader=0.8, p_overturned_reasoning=0.4,
        agrees_with_stated=False, evidence=[{"feature": "category: dme", "weight": 0.2}],
    )  # fmt: skip
    assert item.decision_facts.read == "Overturned" and item.decision_facts.agrees is False
    # a term's evidence has no value key, as predict has always written it
    assert json_row(item)["prediction"]["evidence"] == [{"feature": "category: dme",
                                                         "weight": 0.2}]  # fmt: skip
    assert flat_row(item)["evidence"] == "category: dme (+0.200)"


def test_the_boundaries_refuse_malformed_values() -> None:
    with pytest.raises(ValidationError):
        Item.model_validate({"case_number": "FAKE-1", "issue_index": -1})
    with pytest.raises(ValidationError):
        Item.model_validate({"case_number": "FAKE-1", "issue_index": 0,
                             "frequency": {"sessions": [1, 2, 3]}})  # fmt: skip
    with pytest.raises(ValidationError):
        Span(source="rationale", start=5, end=2, text="", kind="verdict", label="v")
    item = Item(case_number="FAKE-1", issue_index=0)
    with pytest.raises(ValidationError):
        item.quantity = "many"  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("name", "odg"),
    [
        ("Official Disability Guidelines (ODG), Low Back Chapter", True),
        ("ODG Pain Chapter", True),
        ("official disability guidelines, Knee", True),
        ("UpToDate, made-up entry", False),
        ("Methodology of made-up reviews", False),  # "odg" inside a word is not the ODG
        ("Official Disabilities Guidelines, Pain", True),  # the vocabulary's variant
        ("Work Loss Data Institute, Neck", True),  # the ODG's publisher
        ("ACOEM guidelines and the Official Disability Guidelines", True),  # the second source
    ],
)
def test_is_odg(name: str, odg: bool) -> None:
    assert is_odg(name) is odg


@pytest.mark.parametrize(
    "name",
    [
        "Official Disability Guidelines (ODG), Low Back Chapter",
        "ODG Pain Chapter",
        "Work Loss Data Institute, Neck",
        "UpToDate, made-up entry",
        "ACOEM Practice Guidelines, made-up chapter",
        "A made-up article, 2015",
    ],
)
def test_is_odg_is_the_vocabularys_answer(name: str) -> None:
    """A reference naming one source: is_odg says what the citation tagger's parsed source
    says (both read the vocabulary's ODG entry)."""
    from pipeline.tagging.guideline_names import default_vocabulary

    assert is_odg(name) is (default_vocabulary().non_mtus(name)["source"] == ODG_SOURCE)


def test_frequency_text() -> None:
    assert frequency_text({"per_week": [2, 3], "weeks": [6, 6], "sessions": [12, 18]}) == (
        "2-3/week for 6 weeks = 12-18 sessions"
    )
    assert frequency_text({"sessions": [9, 10]}) == "9-10 sessions"
    assert frequency_text(None) == "-"
