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


def test_every_repeat_scores_every_item_and_the_counts_are_their_mean(data, monkeypatch):
    import pipeline.evaluation.reasons as evaluation

    seeds, nested = [], evaluation.nested_cv
    monkeypatch.setattr(evaluation, "nested_cv",
                        lambda *a: seeds.append(a[-1]) or nested(*a))  # fmt: skip
    runs, record = repeated_cv(data, folds=3, repeats=2)
    assert len(set(seeds)) == 2  # each repeat shuffles the letters its own way
    assert len(runs) == 2 and all(len(run) == len(data) and all(run) for run in runs)
    assert sorted({r["repeat"] for r in record}) == [0, 1] and len(record) == 6
    counts = [letter_counts(data, run) for run in runs]
    mean = averaged_counts(data, runs)
    for key in ("tp", "fp", "fn", "quoted"):
        assert np.allclose(mean[key], (counts[0][key] + counts[1][key]) / 2)
