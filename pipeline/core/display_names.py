"""Words a person reads for the project's internal names: service categories, the models'
feature columns and their evidence, the reports' model names.

A numeric feature is named by what the item's value says, never by the column's name alone: a
0/1 column reads as its state ("reasoning present", not `reasoning_empty`), a count or share
carries the item's value beside the training average the model compares it with (the scalers
centre every numeric column, so a value below the average pushes the other way).
"""

from __future__ import annotations

import math

CATEGORY_LABELS = {
    "pharmaceutical": "pharmaceutical",
    "imaging": "imaging",
    "electrodiagnostic": "electrodiagnostic",
    "other_diagnostic": "other diagnostic",
    "physical_medicine": "physical medicine",
    "injection": "injection",
    "surgery": "surgery",
    "dme": "DME",
    "evaluation_management": "evaluation & management",
    "behavioral_health": "behavioral health",
    "home_health": "home health",
    "program": "program",
    "other": "other",
    "unknown": "unknown",
}

# The evaluation's metrics, as the report names them (in the report's column order).
METRIC_LABELS = {"roc_auc": "ROC AUC", "pr_auc": "PR AUC", "brier": "Brier", "accuracy": "accuracy"}
# The metrics of a model's calls at its threshold (beside accuracy).
CALL_METRIC_LABELS = {
    "balanced_accuracy": "balanced accuracy",
    "f1_overturned": "F1 (Overturned)",
    "recall_overturned": "recall (Overturned)",
}

# The simpler models the reasoning model is compared with (`modeling.baselines`), one name each
# wherever they appear (tables, figures, sentences).
BASELINE_LABELS = {
    "prior": "Prior only",
    "category": "Category only",
    "length": "7 length & sentence-count numbers",
    "deficit_share": "Deficit-sentence share alone",
    "reasons": "Denial reasons only",
    "tfidf": "TF-IDF + LR (masked rationale)",
    "reasoning": "Reasoning model (the project's)",
}

MODEL_LABELS = {
    "reader": "Decision reader",
    "reasoning": "Reasoning model (masked)",
    "reasoning_raw_text": "Reasoning, UNMASKED text (reference only)",
}

# 0/1 columns: (what 1 says, what 0 says).
BINARY_FEATURES = {
    "reasoning_empty": ("rationale empty after masking", "reasoning present"),
    "not_cited": ("reviewer cited no guideline", "reviewer cited a guideline (or did not say)"),
    "has_frequency": ("frequency stated", "no frequency stated"),
    "has_guideline_limit": ("guideline limit quoted", "no guideline limit quoted"),
    "exceeds_limit": ("request exceeds the quoted limit", "request not over a quoted limit"),
    "within_limit": ("request within the quoted limit", "request not shown within a limit"),
    "has_quantity": ("quantity stated", "no quantity stated"),
    "is_partial": ("part of a larger request", "whole request disputed"),
    "is_associated_surgical": ("associated surgical service", "not an associated surgical service"),
    "is_retrospective": ("retrospective request", "not a retrospective request"),
    "is_additional": ("'additional' request", "not an 'additional' request"),
    "outside_mtus": ("treatment outside the MTUS", "not said to be outside the MTUS"),
    "claims_admin_same_chapter": (
        "same guideline chapter as the Claims Administrator",
        "not the Claims Administrator's guideline chapter",
    ),
}
# Counts and shares: (what is measured, how its value is shown).
SHARE, COUNT, LOG_COUNT = "share", "count", "log_count"
MEASURED_FEATURES = {
    "cue_deficit_frac": ("share of deficit sentences", SHARE),
    "cue_deficit_n": ("deficit sentences", COUNT),
    "cue_finding_frac": ("share of positive-finding sentences", SHARE),
    "n_reasoning_sentences": ("rationale sentences", COUNT),
    "log_reasoning_words": ("rationale words", LOG_COUNT),
    "requested_sessions": ("sessions requested", COUNT),
    "guideline_limit_sessions": ("sessions the quoted limit allows", COUNT),
    "sessions_over_limit": ("sessions over the limit", COUNT),
    "log_quantity": ("quantity", LOG_COUNT),
    "n_prior_treatments": ("prior treatments", COUNT),
    "n_rationale_treatments": ("treatments named in the rationale", COUNT),
    "n_mtus_chapters": ("MTUS chapters cited", COUNT),
    "n_non_mtus": ("non-MTUS guidelines cited", COUNT),
}
# Text blocks of the models: what their terms are read from.
TEXT_BLOCKS = {
    "reasoning": "rationale says",
    "verdict": "verdict says",
    "guideline": "guideline",
    "item_text": "item says",
}
_UPPER_WORDS = {"mtus": "MTUS", "odg": "ODG", "ca": "Claims Administrator's", "acoem": "ACOEM"}


def category_label(category: object) -> str:
    """'dme' -> 'DME', 'physical_medicine' -> 'physical medicine'."""
    text = str(category or "unknown")
    return CATEGORY_LABELS.get(text, text.replace("_", " "))


def _number(value: float, kind: str) -> str:
    if kind == SHARE:
        return f"{value:.0%}"
    if kind == LOG_COUNT:
        value = math.expm1(value)
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def _guideline_token(token: str) -> str:
    return " ".join(_UPPER_WORDS.get(word, word) for word in token.split("_"))


def feature_label(name: str, value: float | None = None, mean: float | None = None) -> str:
    """A feature `block__column` as a person reads it for one item (its `value`; `mean`, the
    training average the model centres the column on, when known)."""
    block, _, column = name.partition("__")
    if block == "category":
        return f"category: {category_label(column.removeprefix('category_'))}"
    if column in BINARY_FEATURES and value is not None:
        when_one, when_zero = BINARY_FEATURES[column]
        return when_one if value >= 0.5 else when_zero
    if column in MEASURED_FEATURES and value is not None:
        measured, kind = MEASURED_FEATURES[column]
        text = f"{measured} {_number(value, kind)}"
        return text if mean is None else f"{text} vs {_number(mean, kind)} average"
    if block == "guideline":
        return f"guideline: {_guideline_token(column)}"
    if block in TEXT_BLOCKS:
        return f'{TEXT_BLOCKS[block]} "{column}"'
    return f"{block}: {column.replace('_', ' ')}" if column else block.replace("_", " ")


def counted(n: int, noun: str) -> str:
    """'1 item', '3 items', '0 items' ('1 partial problem', '2 partial problems')."""
    return f"{n} {noun if n == 1 else noun + 's'}"


# Review codes (`record["review"]`): what the flag means and what a person should check.
REVIEW_LABELS = {
    "item_boundary_inferred": (
        "where the request starts was inferred from weak cues",
        "check that the request text is the whole request",
    ),
    "decision_not_at_end_of_request": (
        "the decision word was not where the request ends",
        "check the stated decision",
    ),
    "no_decision": ("no decision word found for the item", "read the decision in the letter"),
    "no_rationale": ("no decision rationale found", "read the reviewer's reasoning in the letter"),
    "no_claims_guideline": (
        "no Claims Administrator guideline line",
        "check what the Claims Administrator cited",
    ),
    "no_maximus_guideline": ("no MAXIMUS guideline line", "check what the reviewer cited"),
    "ocr": (
        "some of the item's text was read by OCR",
        "compare the text with the scanned page",
    ),
    "hidden_text": (
        "the PDF holds text a reader cannot see near this item (left out)",
        "look at the PDF for hidden or covered text",
    ),
    "no_lexicon_match": (
        "the request matched no known treatment",
        "check the service category",
    ),
    "category_from_backoff": (
        "category guessed by the learned backoff",
        "check the service category",
    ),
    "category_ambiguous": (
        "the request names services of two categories",
        "check the service category",
    ),
    "category_weak_mention": (
        "category chosen from a weak mention",
        "check the requested service",
    ),
    "category_not_head": (
        "unknown words before the service may be the real request",
        "check the requested service and its category",
    ),
    "category_head_unknown": (
        "the request names something the lexicon does not know",
        "check the requested service and its category",
    ),
    "citation_text_unparsed": (
        "part of a guideline line was not understood",
        "check the citations",
    ),
    "citation_missing": ("a guideline line is empty", "check the citations"),
    "unknown_guideline_chapter": (
        "a cited guideline chapter is not in the known list",
        "check the citations",
    ),
    "number_unexplained": (
        "the request holds a number nothing accounts for",
        "check the frequency and quantity",
    ),
    "tagger_error": (
        "tagging failed on this item: its tags are empty",
        "read the item in the letter",
    ),
    "no_ruling_sentence": (
        "no sentence ruling on the request was found",
        "read the decision in the letter",
    ),
    "ruling_ambiguous": (
        "the ruling sentences disagree",
        "read the decision in the letter",
    ),
}

# Denial-reason codes (`record["reasons"]`, the codebook in REASONS.md): what the reviewer says.
REASON_LABELS = {
    "not_recommended": "not recommended by the guideline",
    "no_functional_benefit": "no functional benefit from earlier treatment",
    "criteria_not_met": "the guideline's criteria are not met",
    "no_conservative_trial": "no trial of conservative care first",
    "exceeds_guideline_amount": "more than the guideline allows",
    "request_incomplete": "the request or records are incomplete",
    "monitoring_missing": "required monitoring is not documented",
    "depends_on_denied": "depends on a service that was denied",
    "other": "another reason",
}


def review_label(code: object) -> str:
    """'category_weak_mention' -> 'category chosen from a weak mention: check the requested
    service'; a code without wording reads as its words."""
    text = str(code)
    if text in REVIEW_LABELS:
        what, check = REVIEW_LABELS[text]
        return f"{what}: {check}"
    return text.replace("_", " ")


def review_words(code: object) -> tuple[str, str]:
    """(what the flag means, what to check) of a review code, as `review_label` joins them; a
    code without wording reads as its words, with "check the item by hand"."""
    text = str(code)
    return REVIEW_LABELS.get(text, (text.replace("_", " "), "check the item by hand"))


def reason_label(code: object) -> str:
    """'no_conservative_trial' -> 'no trial of conservative care first'."""
    text = str(code)
    return REASON_LABELS.get(text, text.replace("_", " "))
