"""The reason evaluation's repeated outer split (`evaluation.reasons.repeated_cv`), on the
made-up items of test_model."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.evaluation.reasons import averaged_counts, letter_counts, repeated_cv
from pipeline.modeling.reasons.labels import read_labels
from pipeline.modeling.reasons.model import grouped_splits, labelled_items
from tests.reasons.test_model import make_items, write_labels


@pytest.fixture
def data(tmp_path):
    items, rows = make_items(6)
    return labelled_items(items, read_labels(write_labels(tmp_path / "r.jsonl", rows)))


def test_the_outer_split_differs_between_repeats():
    groups = [f"letter {n}" for n in range(20) for _ in range(2)]
    first, second = grouped_splits(groups, 5, 1), grouped_splits(groups, 5, 2)
    assert [set(test) for _, test in first] != [set(test) for _, test in second]
    for splits in (first, second):  # a letter's items stay together, each scored once
        assert sorted(i for _, test in splits for i in test) == list(range(40))
        for train, test in splits:
            assert not {groups[i] for i in train} & {groups[i] for i in test}


def test_every_repeat_splits_the_letters_its_own_way_and_scores_every_item(data, monkeypatch):
    import pipeline.evaluation.reasons as evaluation

    # the outer split itself (the inner folds keep the project's seed: folds=3 tells them apart)
    outer, split = [], evaluation.grouped_splits
    monkeypatch.setattr(evaluation, "grouped_splits",
                        lambda g, n, seed: outer.append(seed) or split(g, n, seed))  # fmt: skip
    runs, record = repeated_cv(data, folds=3, repeats=2)
    assert len(outer) == 2 and len(set(outer)) == 2  # each repeat shuffles the letters its way
    assert len(runs) == 2 and all(len(run) == len(data) and all(run) for run in runs)
    assert sorted({r["repeat"] for r in record}) == [0, 1] and len(record) == 6


def test_the_counts_are_the_mean_of_the_runs(data):
    # two hand-made runs: every item right in the first, every item wrong in the second
    right = [[(sorted(label.codes)[0], 1, 0.9)] for label in data.labels]
    wrong = [[("other", 0, 0.9)] for _ in data.labels]
    first, second = letter_counts(data, right), letter_counts(data, wrong)
    mean = averaged_counts(data, [right, wrong])
    assert first["tp"].sum() == len(data) and second["tp"].sum() == 0
    for key in ("tp", "fp", "fn", "quoted"):
        assert np.allclose(mean[key], (first[key] + second[key]) / 2)


def test_a_mean_count_keeps_its_decimal():
    from pipeline.evaluation.reasons import count

    assert count(np.float64(12.0)) == 12 and type(count(np.float64(12.0))) is int
    assert count(1 / 3) == 0.3  # a code given once in three repeats is not hidden as 0
