"""The made-up rationales (`reasons.made_up`): the shipped file, its checks, and their place in
the nested evaluation (every training part, never a scored one)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from pipeline.evaluation.reasons import nested_cv
from pipeline.modeling.reasons import CODES
from pipeline.modeling.reasons.labels import ReasonLabelsError, read_labels
from pipeline.modeling.reasons.made_up import MADE_UP_FILE, as_records, read_made_up
from pipeline.modeling.reasons.model import labelled_items
from tests.reasons.test_model import make_items, write_labels


def test_shipped_file_is_valid_and_covers_every_code():
    rows = read_made_up()
    assert len({row["id"] for row in rows}) == len(rows) >= 200
    per_code = Counter(r["code"] for row in rows for r in row["reasons"])
    assert all(per_code[code] >= 10 for code in CODES if code != "other"), per_code


@pytest.mark.parametrize(
    ("reasons", "message"),
    [
        ([{"code": "made_up_code", "evidence": "No MRI."}], "unknown code"),
        ([{"code": "criteria_not_met", "evidence": "A sentence not there."}], "not in the"),
        ([{"code": "criteria_not_met"}], "line 1"),
    ],
)
def test_a_bad_row_is_refused_naming_its_line(tmp_path, reasons, message):
    row = {"id": "X1", "treatment": "MRI", "rationale": "There is no MRI.", "reasons": reasons}
    path = tmp_path / "made_up.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ReasonLabelsError, match=message):
        read_made_up(path)


def test_records_are_upheld_items_with_their_labels():
    rows = read_made_up(MADE_UP_FILE)[:3]
    items, letters, labels = as_records(rows)
    assert [i["decision"] for i in items] == ["Upheld"] * 3
    assert len({i["case_number"] for i in items}) == 3 == len(letters)
    for item, row in zip(items, rows, strict=True):
        label = labels[(item["case_number"], 0)]
        assert label.codes == {r["code"] for r in row["reasons"]}


def test_nested_cv_trains_on_the_extra_items_and_never_scores_them(tmp_path, monkeypatch):
    import pipeline.evaluation.reasons as evaluation

    items, rows = make_items(10)
    data = labelled_items(items, read_labels(write_labels(tmp_path / "r.jsonl", rows)))
    extra_items, _ = make_items(3)
    extra_rows = [{**row, "case_number": "MADE-UP-" + row["case_number"]} for row in rows[:6]]
    for item in extra_items:
        item["case_number"] = "MADE-UP-" + item["case_number"]
    extra = labelled_items(extra_items, read_labels(write_labels(tmp_path / "e.jsonl",
                                                                 extra_rows)))  # fmt: skip
    assert len(extra) == 6
    fitted, chosen_on = [], []
    fit, choose = evaluation.fit_pipelines, evaluation.choose_settings
    monkeypatch.setattr(
        evaluation, "fit_pipelines", lambda d, c: fitted.append(list(d.groups)) or fit(d, c)
    )
    monkeypatch.setattr(evaluation, "choose_settings",
                        lambda d: chosen_on.append(len(d)) or choose(d))  # fmt: skip
    chosen, folds = nested_cv(data, 5, extra)
    # every training part holds the extra items; no scored part does
    assert len(chosen) == len(data) and sum(f["test_items"] for f in folds) == len(data)
    assert len(fitted) == 5
    for groups, fold in zip(fitted, folds, strict=True):
        assert sum(g.startswith("MADE-UP-") for g in groups) == 6
        assert len(groups) == len(data) - fold["test_items"] + 6
    assert chosen_on == [len(g) for g in fitted]


def test_no_evidence_sentence_of_the_blind_file_is_in_the_training_file():
    # (guideline quotes and verdict lines may recur: the guidelines are public text)
    from pipeline.modeling.reasons.sentences import collapse
    from tools.reasons_blind.__main__ import BLIND_FILE

    blind = read_made_up(BLIND_FILE)
    training = " ".join(collapse(row["rationale"]) for row in read_made_up())
    assert len(blind) == 240
    evidence = {collapse(r["evidence"]) for row in blind for r in row["reasons"]}
    assert [e for e in evidence if e in training] == []


def _labelled(tmp_path, n_letters: int, prefix: str = "") -> object:
    items, rows = make_items(n_letters)
    for item, row in zip(items, rows, strict=True):
        item["case_number"] = row["case_number"] = prefix + item["case_number"]
    name = f"{prefix or 'letters'}.jsonl"
    return labelled_items(items, read_labels(write_labels(tmp_path / name, rows)))


def test_weights_follow_the_items_through_subset_and_join(tmp_path):
    from pipeline.modeling.reasons.model import _row_weights

    letters = _labelled(tmp_path, 3)
    extra = _labelled(tmp_path, 2, "MADE-UP-").weighted(0.5)
    joined = letters + extra
    assert joined.item_weights() == [1.0] * 6 + [0.5] * 4
    picked = joined.subset([0, 7, 9])
    assert picked.item_weights() == [1.0, 0.5, 0.5]
    rows = _row_weights(picked)
    assert list(rows) == [1.0] * len(picked.sentences[0]) + [0.5] * (
        len(picked.sentences[1]) + len(picked.sentences[2])
    )
    assert (letters + letters).weights is None  # unweighted stays unweighted


def test_an_item_weighing_nothing_changes_nothing_in_the_fit(tmp_path):
    from pipeline.modeling.reasons.model import fit_pipelines, probabilities

    letters = _labelled(tmp_path, 10)
    # the same sentences again, labelled as no reason at all: at weight 1 they pull the
    # probabilities down; at weight 0 only through the shared TF-IDF and class balance (a little)
    unlabelled = _labelled(tmp_path, 10, "MADE-UP-")
    unlabelled.targets = [[set() for _ in group] for group in unlabelled.targets]
    base = probabilities(fit_pipelines(letters, 1.0), letters)
    zero = probabilities(fit_pipelines(letters + unlabelled.weighted(0.0), 1.0), letters)
    one = probabilities(fit_pipelines(letters + unlabelled.weighted(1.0), 1.0), letters)
    assert abs(zero - base).max() < 0.01 and (base - one).max() > 0.03  # measured 0.006, 0.049


def test_micro_f1_counts_each_item_at_its_weight(tmp_path):
    from pipeline.modeling.reasons.model import micro_f1

    data = _labelled(tmp_path, 2)  # 4 items, one code each
    right = [[(code, 0, 1.0)] for code in (sorted(label.codes)[0] for label in data.labels)]
    wrong = [[("other", 0, 1.0)]] * 4
    picks = right[:2] + wrong[2:]
    assert micro_f1(picks, data) == 0.5
    weighted = data.subset(range(4))
    weighted.weights = [1.0, 1.0, 0.0, 0.0]
    assert micro_f1(picks, weighted) == 1.0


def test_train_reasons_fits_on_the_made_up_items_too(tmp_path, monkeypatch):
    import pipeline.modeling.reasons.made_up as made_up
    from pipeline.modeling.reasons.train import train_reasons

    items, rows = make_items(10)
    extra = _labelled(tmp_path, 3, "MADE-UP-").weighted(0.5)
    # a made-up label of `other` (which no classifier gets) must not stop the training
    extra.targets[0][0] = {"other"}
    monkeypatch.setattr(made_up, "made_up_data", lambda *a, **k: extra)
    monkeypatch.setattr(made_up, "source", lambda *a, **k: {"made_up_file": "few.jsonl"})
    meta, files = train_reasons(items, write_labels(tmp_path / "r.jsonl", rows), tmp_path)
    assert files and meta["mode"] == "rule cues + sentence classifier"
    assert (meta["n_items"], meta["n_letters"], meta["n_extra_items"]) == (20, 10, 6)
    assert "other" not in meta["files"]


def test_made_up_data_is_weighted(tmp_path):
    from pipeline.modeling.reasons.made_up import MADE_UP_WEIGHT, made_up_data

    rows = read_made_up()[:4]
    path = tmp_path / "few.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    data = made_up_data(path)
    assert len(data) == 4 and data.item_weights() == [MADE_UP_WEIGHT] * 4
