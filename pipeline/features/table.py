"""The item feature table both outcome models read: one row per disputed item.

Built from item records (`pipeline.record.Item`: the tagged tables' rows, or the records of
one new letter): every derived fact (frequency, visit-cap verdict and its counts, citations)
is read off the record, never computed here again. Every tag is optional: a missing one
becomes "unknown"/0 with a `has_*` indicator, so the same code runs on untagged ingest output,
on the tagged corpus, and on one new letter. Nothing here looks at the decision: the label is
read separately by `outcome_labels()`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from pipeline.core.cells import as_text, is_missing
from pipeline.features.polarity import SENTENCE_BREAK
from pipeline.record import Citation, Item
from pipeline.record.facts import is_odg
from pipeline.record.views import as_item
from pipeline.rules import files as rulefiles
from pipeline.rules.regex_set import RegexSet
from pipeline.tagging.verdicts import load_verdict_rules, mask_many

if TYPE_CHECKING:
    import pandas as pd  # the table wrappers only; feature_rows runs without pandas

OVERTURNED = "Overturned"
UPHELD = "Upheld"

NUMERIC_COLUMNS = [
    "has_frequency",
    "requested_sessions",
    "has_guideline_limit",
    "guideline_limit_sessions",
    "sessions_over_limit",
    "exceeds_limit",
    "within_limit",
    "has_quantity",
    "log_quantity",
    "n_prior_treatments",
    "n_rationale_treatments",
    "is_partial",
    "is_associated_surgical",
    "is_retrospective",
    "is_additional",
    "outside_mtus",
    "not_cited",
    "n_mtus_chapters",
    "n_non_mtus",
    "claims_admin_same_chapter",
    "log_reasoning_words",
    "cue_deficit_frac",
    "cue_deficit_n",
    "cue_finding_frac",
    "n_reasoning_sentences",
    "reasoning_empty",
]
# The small structured set every reasoning candidate sees; the rest is the "full" structure.
CUE_COLUMNS = [
    "cue_deficit_frac",
    "cue_deficit_n",
    "cue_finding_frac",
    "n_reasoning_sentences",
    "reasoning_empty",
    "not_cited",
    "log_reasoning_words",
]
STRUCTURE_COLUMNS = [c for c in NUMERIC_COLUMNS if c not in CUE_COLUMNS]
TEXT_COLUMNS = ["reasoning_text", "verdict_text", "item_text", "guideline_tokens"]
CATEGORICAL_COLUMNS = ["category"]
FEATURE_COLUMNS = ["case_number", *TEXT_COLUMNS, *CATEGORICAL_COLUMNS, *NUMERIC_COLUMNS]

_TOKEN_RE = re.compile(r"[^a-z0-9]+")


def outcome_labels(items: pd.DataFrame) -> np.ndarray:
    """1 for Overturned, 0 for Upheld (the positive class is the rare one)."""
    return (items["decision"].astype(str).str.strip() == OVERTURNED).to_numpy(dtype=int)


def _get(row: Mapping[str, Any], name: str) -> Any:
    value = row.get(name)
    return None if is_missing(value) else value


def _slug(text: str) -> str:
    return _TOKEN_RE.sub("_", str(text).lower()).strip("_")


def _chapters(citation: Citation) -> list[str]:
    """One token per guideline chapter the line cites, by its canonical name (a typo or an
    older spelling is the same chapter to a model): the MTUS chapters and each Non-MTUS
    reference's chapters as the citation tagger's vocabularies named them."""
    out = ["mtus_" + _slug(m.canonical or m.chapter) for m in citation.mtus if m.chapter]
    sources = citation.non_mtus_sources  # one per reference (tables tagged before: none)
    for index, name in enumerate(citation.non_mtus):
        prefix = "odg_" if is_odg(name) else "other_"
        chapters = sources[index].chapters if index < len(sources) else []
        out += [prefix + _slug(chapter) for chapter in chapters] or [prefix + "unspecified"]
    return out


def _guideline_tokens(maximus: Citation, claims: Citation) -> str:
    tokens = _chapters(maximus)
    if maximus.outside_mtus:
        tokens.append("outside_mtus")
    if maximus.cited is False:
        tokens.append("no_citation")
    tokens += ["ca_" + t for t in _chapters(claims)]
    return " ".join(tokens) if tokens else "no_guideline_tags"


def _count(value: Any) -> int:
    if is_missing(value):
        return 0
    try:
        return len(value)
    except TypeError:
        return 0


def _strip_placeholder(text: str, placeholder: str, keep_breaks: bool = False) -> str:
    text = text.replace(placeholder, "\n" if keep_breaks else " ")
    # str.split() splits where re's \s+ matches (both use str.isspace) and drops the ends.
    return text.strip() if keep_breaks else " ".join(text.split())


def feature_rows(
    items: Sequence[Item | Mapping[str, Any]], letters: Sequence[Mapping[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """One feature row per item record (same order); see the module docstring for why.
    `letters` give the prior treatments of records that do not carry them."""
    records = [as_item(item) for item in items]
    rationale = [as_text(record.rationale) for record in records]
    # Tagged records carry the masked rationale already; untagged ones are masked here.
    masked: list[tuple[str, str] | None] = [
        (r.masked_rationale, r.verdict_text)
        if r.masked_rationale is not None and r.verdict_text is not None
        else None
        for r in records
    ]
    untagged = [i for i, pair in enumerate(masked) if pair is None]
    if untagged:  # building the masker costs a spaCy pipeline: only when there is work for it
        for i, pair in zip(untagged, mask_many([rationale[i] for i in untagged]), strict=True):
            masked[i] = pair
    placeholder = load_verdict_rules().placeholder
    prior_by_case = {
        str(_get(letter, "case_number")): _count(_get(letter, "prior_treatments"))
        for letter in letters or ()
    }
    rows = []
    for record, rationale_text, pair in zip(records, rationale, masked, strict=True):
        masked_text, verdict_text = pair or ("", "")
        case = str(record.case_number)
        disputed = as_text(record.disputed_item)
        request = record.request_text
        cap = record.visit_cap  # the tag stage's verdict and its counts
        requested, limit, over = cap.requested_sessions, cap.limit_sessions, cap.sessions_over_limit
        quantity = record.quantity
        maximus, claims = record.maximus_guideline, record.claims_admin_guideline
        m_ch, c_ch = set(_chapters(maximus)), set(_chapters(claims))
        prior = record.prior_treatments
        n_prior = len(prior) if prior is not None else prior_by_case.get(case, 0)
        from_text = text_columns(masked_text, placeholder)
        item_lower = disputed.lower()
        rows.append(
            {
                "case_number": case,
                "reasoning_text": from_text["reasoning_text"],
                "masked_text": masked_text,
                "verdict_text": verdict_text,
                "rationale_text": rationale_text,
                "item_text": disputed,
                "guideline_tokens": _guideline_tokens(maximus, claims),
                "category": record.category or "unknown",
                "has_frequency": float(requested is not None),
                "requested_sessions": requested or 0.0,
                "has_guideline_limit": float(limit is not None),
                "guideline_limit_sessions": limit or 0.0,
                "sessions_over_limit": over or 0.0,
                "exceeds_limit": float(cap.exceeds is True),
                "within_limit": float(cap.exceeds is False),
                "has_quantity": float(quantity is not None),
                "log_quantity": math.log1p(float(quantity)) if quantity is not None else 0.0,
                "n_prior_treatments": float(n_prior),
                "n_rationale_treatments": float(len(record.rationale_treatments)),
                "is_partial": float(request is not None and _norm(request) != _norm(disputed)),
                "is_associated_surgical": float("associated surgical" in item_lower),
                "is_retrospective": float("retro" in item_lower or "dos" in item_lower.split()),
                "is_additional": float("additional" in item_lower),
                "outside_mtus": float(bool(maximus.outside_mtus)),
                "not_cited": float(maximus.cited is False),
                "n_mtus_chapters": float(len(maximus.mtus)),
                "n_non_mtus": float(len(maximus.non_mtus)),
                "claims_admin_same_chapter": float(bool(m_ch & c_ch)),
                **{k: v for k, v in from_text.items() if k != "reasoning_text"},
            }
        )
    return rows


def text_columns(masked_text: str, placeholder: str | None = None) -> dict[str, Any]:
    """The feature columns computed from the masked rationale alone: its text for the TF-IDF
    blocks, its length and its sentence cues. `modeling.explain` recomputes them for the
    rationale without one sentence, so they have one definition."""
    if placeholder is None:
        placeholder = load_verdict_rules().placeholder
    reasoning = _strip_placeholder(masked_text, placeholder)
    return {
        "reasoning_text": reasoning,
        "log_reasoning_words": math.log1p(len(reasoning.split())),
        **cue_features(_strip_placeholder(masked_text, placeholder, keep_breaks=True)),
    }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Table rows as dicts, missing cells (NaN, NA, NaT) as None."""
    import pandas as pd

    frame = frame.reset_index(drop=True).astype(object)
    return frame.where(pd.notna(frame), None).to_dict(orient="records")


def build_features(items: pd.DataFrame, letters: pd.DataFrame | None = None) -> pd.DataFrame:
    """`feature_rows` of the items and letters tables, as a table (the models' input)."""
    import pandas as pd

    rows = feature_rows(_records(items), None if letters is None else _records(letters))
    return pd.DataFrame(rows, columns=[*FEATURE_COLUMNS, "masked_text", "rationale_text"])


DEFICIT, FINDING = 0, 1  # the cue lexicons' places in `_cues()`


@lru_cache(maxsize=1)
def _cues() -> RegexSet:
    data = rulefiles.load_rules("reasoning_cues.json", package="pipeline.features")
    return RegexSet([data["deficit"], data["finding"]])


@lru_cache(maxsize=8192)
def _sentence_cues(cues: RegexSet, sentence: str) -> tuple[bool, bool]:
    """(deficit, finding) of one sentence: cached, because the quoted-sentence explanation
    scores every rationale once per sentence taken out, each time with the others."""
    found = cues.matching(sentence)
    return DEFICIT in found, FINDING in found


def cue_features(reasoning: str) -> dict[str, float]:
    """Share of masked-rationale sentences reporting a deficit vs a positive finding."""
    cues = _cues()
    n = n_deficit = n_finding = 0
    for sentence in SENTENCE_BREAK.split(reasoning):
        if not sentence.strip():
            continue
        n += 1
        deficit, finding = _sentence_cues(cues, sentence)
        n_deficit += deficit
        n_finding += finding
    return {
        "cue_deficit_frac": n_deficit / max(n, 1),
        "cue_deficit_n": float(n_deficit),
        "cue_finding_frac": n_finding / max(n, 1),
        "n_reasoning_sentences": float(n),
        "reasoning_empty": float(n == 0),
    }


def _norm(text: Any) -> str:
    return " ".join(str(text).split()).lower()


def letter_strata(case_numbers: Iterable[str], y: np.ndarray) -> dict[str, int]:
    """case_number -> 1 when the letter has at least one Overturned item."""
    out: dict[str, int] = {}
    for case, label in zip(case_numbers, y, strict=True):
        out[str(case)] = max(out.get(str(case), 0), int(label))
    return out
