"""Each prediction quotes the sentences of its masked rationale that move P(Overturned) most,
and each figure is exactly what taking the sentence out does to the score (made-up letters)."""

from __future__ import annotations

import numpy as np

from pipeline.features.table import feature_rows, text_columns
from pipeline.modeling.explain import N_SENTENCES, sentence_contributions, sentence_spans
from pipeline.modeling.predict import load_models, predict_items
from tests.modeling.synthetic import OVERTURNED_REASONS, UPHELD_REASONS


def test_sentence_spans_split_as_the_cue_features_do():
    text = "First one. Second one!\nThird [VERDICT]  "
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "First one.",
        "Second one!",
        "Third [VERDICT]",
    ]


def test_predictions_quote_sentences_of_their_own_rationale_never_the_verdict(synthetic_models):
    items, letters, models_dir = synthetic_models
    records = items.head(30).to_dict(orient="records")
    predictions = predict_items(load_models(models_dir), records, letters.to_dict("records"))
    for record, prediction in zip(records, predictions, strict=True):
        quoted = prediction["sentences"]
        assert 1 <= len(quoted) <= N_SENTENCES
        for entry in quoted:
            assert entry["sentence"] in record["rationale"]
            assert "medically necessary" not in entry["sentence"]  # the verdict is masked
            assert entry["toward"] == ("Overturned" if entry["contribution"] > 0 else "Upheld")
        sizes = [abs(e["contribution"]) for e in quoted]
        assert sizes == sorted(sizes, reverse=True)


def test_a_contribution_is_the_score_lost_without_the_sentence(synthetic_models):
    items, letters, models_dir = synthetic_models
    model = load_models(models_dir).reasoning
    rows = feature_rows(items.head(10).to_dict(orient="records"), letters.to_dict("records"))
    p = model.predict_proba(rows)
    for row, p_full, quoted in zip(rows, p, sentence_contributions(model, rows, p), strict=True):
        top = quoted[0]
        masked = row["masked_text"]
        start = masked.index(top["sentence"])
        without = masked[:start] + " " + masked[start + len(top["sentence"]) :]
        p_without = model.predict_proba([{**row, **text_columns(without)}])[0]
        assert np.isclose(p_full - p_without, top["contribution"], atol=1e-4)


def test_reasons_for_upholding_push_further_toward_upheld_than_reasons_for_overturning(
    synthetic_models,
):
    # Taking any sentence out also shortens the rationale (a cue of its own), so the made-up
    # reasons are compared with each other, not with 0.
    items, letters, models_dir = synthetic_models
    model = load_models(models_dir).reasoning
    rows = feature_rows(items.to_dict(orient="records"), letters.to_dict("records"))
    quoted = sentence_contributions(model, rows, model.predict_proba(rows), top=10)
    by_sentence: dict[str, list[float]] = {}
    for entries in quoted:
        for entry in entries:
            by_sentence.setdefault(entry["sentence"], []).append(entry["contribution"])
    upheld = [np.mean(by_sentence[s]) for s in UPHELD_REASONS if s in by_sentence]
    overturned = [np.mean(by_sentence[s]) for s in OVERTURNED_REASONS if s in by_sentence]
    assert upheld and overturned
    assert max(upheld) < min(overturned)
