"""score_items / format_score_table on made-up items."""

from __future__ import annotations

from pipeline.evaluation.scoring import FIELDS, format_score_table, score_items


def _cit(**kw):
    base = {"text": "", "cited": True, "outside_mtus": False, "mtus": [], "non_mtus": []}
    return base | kw


GOLD = [
    {
        "case_number": "FAKE-1",
        "issue_index": 0,
        "disputed_item": "PT 2x3",
        "category": "physical_medicine",
        "frequency": {"per_week": [2, 2], "weeks": [3, 3], "sessions": [6, 6]},
        "quantity": None,
        "claims_admin_guideline": _cit(cited=False),
        "maximus_guideline": _cit(
            mtus=[{"chapter": "Knee Complaints", "year": 2004, "sections": None, "pages": []}]
        ),
    },
    {
        "case_number": "FAKE-1",
        "issue_index": 1,
        "disputed_item": "Advil #20",
        "category": "pharmaceutical",
        "frequency": None,
        "quantity": 20,
        "claims_admin_guideline": _cit(),
        "maximus_guideline": _cit(non_mtus=["ODG"]),
    },
]


def test_perfect_prediction_scores_one():
    result = score_items(GOLD, GOLD)
    assert all(f["accuracy"] == 1.0 for f in result["fields"].values())
    assert result["misses"] == []


def test_every_kind_of_miss_is_listed():
    pred = [dict(GOLD[0]), dict(GOLD[1])]
    pred[0]["frequency"] = {"per_week": [2, 2], "weeks": [3, 3], "sessions": [6, 7]}
    pred[0]["maximus_guideline"] = _cit(
        mtus=[{"chapter": "Knee Complaints", "year": 2007, "sections": None, "pages": []}]
    )
    pred[1]["quantity"] = None
    pred[1]["maximus_guideline"] = _cit(non_mtus=["ODG", "ACOEM"])
    result = score_items(pred, GOLD)
    missed = {(m["issue_index"], m["field"]) for m in result["misses"]}
    assert missed == {
        (0, "frequency"),
        (0, "maximus_guideline"),
        (1, "quantity"),
        (1, "maximus_guideline"),
    }
    assert result["fields"]["category"]["accuracy"] == 1.0
    assert result["fields"]["maximus_guideline"]["accuracy"] == 0.0
    table = format_score_table(result)
    # people read items from 1 (`issue_index` 0 is item 1)
    assert "FAKE-1 item 1 frequency" in table and "FAKE-1 item 2 quantity" in table


def test_missing_prediction_counts_against_every_field():
    result = score_items(GOLD[:1], GOLD)
    assert result["unmatched_gold"] == [{"case_number": "FAKE-1", "issue_index": 1}]
    assert result["fields"]["category"]["accuracy"] == 0.5
    # every field of the unmatched item is a miss: the tags and the extraction fields
    assert len(result["misses"]) == len(FIELDS)


def test_frequency_null_versus_present_is_a_miss():
    pred = [dict(GOLD[0], frequency=None), GOLD[1]]
    assert score_items(pred, GOLD)["fields"]["frequency"]["correct"] == 1


def test_scoring_a_subset_scores_only_the_letters_given(tmp_path):
    """An extraction of some letters is scored on those letters' gold items; the others are
    not counted as misses, and the table says how many gold letters were not supplied."""
    import json

    from typer.testing import CliRunner

    from pipeline.cli import app

    other = [{**item, "case_number": "FAKE-2"} for item in GOLD]
    gold = GOLD + other + [{**GOLD[0], "case_number": "FAKE-3"}]
    result = score_items(GOLD, gold, supplied_only=True)
    assert result["n_gold"] == 2 and result["misses"] == [] and result["unmatched_gold"] == []
    assert (result["gold_letters_scored"], result["gold_letters_not_supplied"]) == (1, 2)
    assert all(f["accuracy"] == 1.0 for f in result["fields"].values())
    # a missing item of a supplied letter is still a miss
    assert score_items(GOLD[:1], gold, supplied_only=True)["unmatched_gold"] == [
        {"case_number": "FAKE-1", "issue_index": 1}]  # fmt: skip
    extracted, key = tmp_path / "extract.jsonl", tmp_path / "gold.jsonl"
    extracted.write_text("".join(json.dumps(item) + "\n" for item in GOLD))
    key.write_text("".join(json.dumps(item) + "\n" for item in gold))
    shown = CliRunner().invoke(app, ["score", str(extracted), "--gold", str(key)])
    assert shown.exit_code == 0, shown.output
    assert "2 gold letters were not supplied" in shown.output
    assert "gold items: 2 " in shown.output and "misses: 0" in shown.output
