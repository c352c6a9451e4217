"""`imr evaluate --reasons`: the evaluation report's denial-reason figures come from the one
evaluation `imr evaluate-reasons` runs (`evaluate_reasons`), computed once and written both to
metrics.json's "reasons" and to reasons.{json,md}; too few labelled letters -> a note, no table.
The evaluation itself is stood in for by a made-up result (tests/reasons measure the real one)."""

from __future__ import annotations

import json

from pipeline.evaluation import reasons as reasons_module
from pipeline.evaluation.report import _reasons
from pipeline.modeling.reasons.model import LabelledItems
from pipeline.reporting.render_reasons import code_rows
from tests.reporting.test_render_reasons import REASONS as FIGURES

# the made-up figures with the rest of what evaluate_reasons returns
REASONS = {**FIGURES, "n_sentences": 40, "labelled_evidence": 15,
           "labelled_evidence_found_whole": 14, "folds": []}  # fmt: skip


def _data(letters: int) -> LabelledItems:
    groups = [f"MADE-UP-{i}" for i in range(letters)]
    return LabelledItems([(g, 0) for g in groups], groups, [None] * letters,
                         [[]] * letters, [[]] * letters)  # fmt: skip


def test_no_labels_no_section_data(tmp_path) -> None:
    assert _reasons(None, tmp_path, "") is None
    assert not list(tmp_path.iterdir())


def test_too_few_letters_is_a_note_and_nothing_is_written(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(reasons_module, "evaluate_reasons", lambda *a: 1 / 0)  # never reached
    result = _reasons(_data(2), tmp_path, "")
    assert result == {"unavailable": "2 labelled letters among the tagged ones: too few for 5 "
                                     "folds"}  # fmt: skip
    assert not list(tmp_path.iterdir())


def test_one_evaluation_feeds_metrics_and_reasons_files(tmp_path, monkeypatch) -> None:
    import pipeline.modeling.reasons.made_up as made_up

    calls = []
    extra = _data(3)  # stands for the made-up items `imr train` also fits on

    def evaluated(data: LabelledItems, *args: object, **kwargs: object) -> dict:
        calls.append((len(data), kwargs.get("extra")))
        return REASONS

    monkeypatch.setattr(reasons_module, "evaluate_reasons", evaluated)
    monkeypatch.setattr(made_up, "made_up_data", lambda *a, **k: extra)
    result = _reasons(_data(6), tmp_path, "imr evaluate --reasons made-up.jsonl")
    assert calls == [(6, extra)] and result is REASONS
    on_disk = json.loads((tmp_path / "reasons.json").read_text())
    assert on_disk["classifier"]["micro_f1"] == 0.8 and on_disk["n_letters"] == 6
    markdown = (tmp_path / "reasons.md").read_text()
    assert "Made by `imr evaluate --reasons made-up.jsonl`" in markdown
    # reasons.md's per-code rows are the evaluation report's rows (one formatting)
    for row in code_rows(REASONS["classifier"]):
        assert "| " + " | ".join(str(c) for c in row) + " |" in markdown
