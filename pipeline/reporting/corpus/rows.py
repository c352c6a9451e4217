"""The tidy per-item table: one flat row per disputed item with its letter's fields joined.

A row is a view of the item record (`pipeline.record.Item`) and its letter's: the category,
frequency, quantity, citations, visit-cap verdict and decision are read off the record (the
citation groups through `pipeline.record.facts`), never derived here again. Every table of the
report is computed from these rows (incrementally, as chunks arrive), and the same rows are
written to items.parquet / items.csv, so a reader can redo any table in pandas, a spreadsheet
or DuckDB. Values are scalars (lists joined with "; ", limits and evidence as readable text, no
JSON in a cell), so the CSV and the parquet file hold the same thing; `item` numbers a letter's
items from 1 for people (`issue_index` from 0).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.record import Citation, Item, Letter
from pipeline.record.facts import (
    NONE_CITED,
    NOT_READ,
    citation_basis,
    citation_chapters,
    evidence_text,
    frequency_text,
    non_mtus_sources,
)
from pipeline.record.views import as_item
from pipeline.reporting.corpus.drugs import drug_class
from pipeline.tagging.visit_cap import CAP_GROUPS

__all__ = ["CAP_GROUPS", "NONE_CITED", "NOT_READ"]

# (column, pyarrow type name) in file order; `schema()` builds the pyarrow schema from it.
COLUMNS: list[tuple[str, str]] = [
    ("case_number", "string"), ("item", "int64"), ("issue_index", "int64"), ("page", "string"),
    ("source_file", "string"), ("decision", "string"), ("overturned", "bool"),
    ("category", "string"), ("disputed_item", "string"), ("request_text", "string"),
    ("partial_certification", "bool"),
    ("requested_per_week_min", "int64"), ("requested_per_week_max", "int64"),
    ("requested_weeks_min", "int64"), ("requested_weeks_max", "int64"),
    ("requested_sessions_min", "int64"), ("requested_sessions_max", "int64"),
    ("quantity", "int64"), ("drug_class", "string"), ("topical", "bool"),
    ("maximus_basis", "string"), ("maximus_mtus_chapters", "string"),
    ("maximus_non_mtus", "string"), ("maximus_non_mtus_sources", "string"),
    ("maximus_outside_mtus", "bool"),
    ("claims_admin_basis", "string"), ("claims_admin_mtus_chapters", "string"),
    ("claims_admin_non_mtus", "string"), ("claims_admin_non_mtus_sources", "string"),
    ("claims_admin_outside_mtus", "bool"),
    ("basis_agrees", "bool"), ("chapters_agree", "bool"),
    ("guideline_limits", "string"), ("guideline_limit", "string"),
    ("guideline_limit_sessions", "int64"), ("guideline_limit_per_week", "int64"),
    ("exceeds_guideline_limit", "bool"), ("visit_cap_group", "string"),
    ("review", "string"), ("n_review", "int64"),
    ("specialty", "string"), ("specialty_primary", "string"), ("licensure", "string"),
    ("priority", "string"), ("era", "string"), ("layout", "string"), ("ocr_pages", "int64"),
    ("date_of_injury", "string"), ("ur_denial_date", "string"), ("date_assigned", "string"),
    ("decision_date", "string"), ("decision_month", "string"),
    ("days_assigned_to_decision", "int64"), ("days_ur_denial_to_decision", "int64"),
    ("decision_read", "string"), ("p_overturned_reader", "double"),
    ("p_overturned_reasoning", "double"), ("reasoning_call", "string"),
    ("reader_agrees", "bool"), ("reasoning_agrees", "bool"), ("model_flags", "string"),
    ("evidence", "string"), ("smoke_test_models", "bool"),
]  # fmt: skip
COLUMN_NAMES = [name for name, _ in COLUMNS]


def schema() -> Any:
    """The pyarrow schema of items.parquet (fixed, so a chunk whose column is all null still
    has the column's type)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_(),
             "double": pa.float64()}  # fmt: skip
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS])


def citation_parts(citation: Citation | None) -> tuple[str, list[str], list[str], bool | None]:
    """(basis label, MTUS chapters, non-MTUS citations, outside_mtus) of one guideline line
    (`pipeline.record.facts.citation_basis` says what the labels mean)."""
    if citation is None:
        return NONE_CITED, [], [], None
    return (
        citation_basis(citation),
        citation_chapters(citation),
        list(citation.non_mtus),
        citation.outside_mtus,
    )


def _bounds(value: Any) -> tuple[int | None, int | None]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return _int(value[0]), _int(value[1])
    return None, None


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _days(start: date | None, end: date | None) -> int | None:
    return (end - start).days if start and end else None


def primary_specialty(specialty: Any) -> str | None:
    """The first specialty the reviewer lists ("Preventive Medicine, Occupational Medicine" ->
    "Preventive Medicine"): the letters list board certifications, most general first."""
    first = str(specialty or "").split(",")[0].strip()
    return first or None


def page_base(case_number: Any) -> str:
    """A readable file-name stem for a letter's page: the case number (a letter without one
    has its file stem), accents folded to ASCII, anything but letters, digits, dot, dash and
    underscore replaced."""
    folded = unicodedata.normalize("NFKD", str(case_number or ""))
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", folded.encode("ascii", "ignore").decode())
    return name.lstrip(".")[:80] or "letter"


def page_name(case_number: Any) -> str:
    """The letter page's preferred file name (`claim_page` adds a hash when it is taken)."""
    return f"{page_base(case_number)}.html"


def claim_page(folder: Path, case_number: Any, key: str) -> str:
    """A page file name no other letter of the run has, created empty in `folder`: the case
    number alone when free, else with a short hash of `key` (the letter's source path and
    place in its file). O_EXCL makes the claim safe between parallel workers."""
    from pipeline.core.io import new_file_mode

    base = page_base(case_number)
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
    names = [base, f"{base}-{digest[:8]}", f"{base}-{digest[:16]}"]
    names += [f"{base}-{digest[:16]}-{n}" for n in range(2, 10_000)]
    for name in names:
        try:
            os.close(os.open(folder / f"{name}.html", _CLAIM_FLAGS, new_file_mode()))
        except FileExistsError:
            continue
        return f"{name}.html"
    raise FileExistsError(f"no free page name for {base} in {folder}")


_CLAIM_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL


def item_row(
    record: Item | Mapping[str, Any],
    letter: Letter | Mapping[str, Any] | None,
    reasoning_threshold: float | None = None,
    flags: Sequence[str] = (),
) -> dict[str, Any]:
    """One tidy row from an item record and its letter record (ingest's fields).
    `reasoning_threshold` turns the reasoning model's probability into a call; `flags` are the
    reasons `flag_disagreements` gave for re-reading the item."""
    item = as_item(record)
    letter = _letter_fields(letter)
    decision = item.decision
    overturned = item.decision_facts.overturned
    frequency = item.frequency
    pw_min, pw_max = _bounds(frequency.per_week if frequency else None)
    wk_min, wk_max = _bounds(frequency.weeks if frequency else None)
    s_min, s_max = _bounds(frequency.sessions if frequency else None)
    category = item.category
    text = item.disputed_item or ""
    klass, topical = drug_class(text) if category == "pharmaceutical" else (None, None)
    m_basis, m_chapters, m_other, m_outside = citation_parts(item.maximus_guideline)
    c_basis, c_chapters, c_other, c_outside = citation_parts(item.claims_admin_guideline)
    limits = "; ".join(frequency_text(x) for x in item.guideline_limits)
    cap = item.visit_cap  # the tag stage's verdict
    limit = cap.limit
    assigned, ur, decided = (_date(letter.get(k)) for k in
                             ("date_assigned", "ur_denial_date", "decision_date"))  # fmt: skip
    review = item.review_codes
    prediction = item.prediction.model_dump(mode="json") if item.prediction else {}
    evidence = item.prediction.evidence if item.prediction else []
    p_reason = prediction.get("p_overturned_reasoning")
    call = prediction.get("reasoning_call")  # predict_items' call at the trained threshold
    if call is None and p_reason is not None and reasoning_threshold is not None:
        call = "Overturned" if float(p_reason) >= reasoning_threshold else "Upheld"
    request = item.request_text or ""
    exceeds = cap.exceeds
    return {
        "case_number": item.case_number,
        "item": item.item,
        "issue_index": item.issue_index,
        "page": f"letters/{page_name(item.case_number)}#item-{item.issue_index}",
        "source_file": item.source_file or letter.get("source_file"),
        "decision": decision,
        "overturned": overturned,
        "category": category,
        "disputed_item": text,
        "request_text": request,
        "partial_certification": bool(request)
        and " ".join(request.split()) != " ".join(text.split()),
        "requested_per_week_min": pw_min,
        "requested_per_week_max": pw_max,
        "requested_weeks_min": wk_min,
        "requested_weeks_max": wk_max,
        "requested_sessions_min": s_min,
        "requested_sessions_max": s_max,
        "quantity": item.quantity,
        "drug_class": klass,
        "topical": topical,
        "maximus_basis": m_basis,
        "maximus_mtus_chapters": "; ".join(m_chapters),
        "maximus_non_mtus": "; ".join(m_other),
        "maximus_non_mtus_sources": "; ".join(non_mtus_sources(item.maximus_guideline)),
        "maximus_outside_mtus": m_outside,
        "claims_admin_basis": c_basis,
        "claims_admin_mtus_chapters": "; ".join(c_chapters),
        "claims_admin_non_mtus": "; ".join(c_other),
        "claims_admin_non_mtus_sources": "; ".join(non_mtus_sources(item.claims_admin_guideline)),
        "claims_admin_outside_mtus": c_outside,
        "basis_agrees": m_basis == c_basis,
        "chapters_agree": set(m_chapters) == set(c_chapters),
        "guideline_limits": limits or None,
        "guideline_limit": frequency_text(limit) if limit else None,
        "guideline_limit_sessions": _bounds(limit.sessions if limit else None)[1],
        "guideline_limit_per_week": _bounds(limit.per_week if limit else None)[1],
        "exceeds_guideline_limit": exceeds,
        "visit_cap_group": cap.group,
        "review": "; ".join(review),
        "n_review": len(review),
        "specialty": letter.get("specialty"),
        "specialty_primary": primary_specialty(letter.get("specialty")),
        "licensure": "; ".join(str(x) for x in letter.get("licensure") or []),
        "priority": letter.get("priority"),
        "era": letter.get("era"),
        "layout": letter.get("layout"),
        "ocr_pages": len(letter.get("ocr_pages") or []),
        "date_of_injury": letter.get("date_of_injury"),
        "ur_denial_date": letter.get("ur_denial_date"),
        "date_assigned": letter.get("date_assigned"),
        "decision_date": letter.get("decision_date"),
        "decision_month": decided.strftime("%Y-%m") if decided else None,
        "days_assigned_to_decision": _days(assigned, decided),
        "days_ur_denial_to_decision": _days(ur, decided),
        "decision_read": prediction.get("decision_read"),
        "p_overturned_reader": prediction.get("p_overturned_reader"),
        "p_overturned_reasoning": p_reason,
        "reasoning_call": call,
        "reader_agrees": prediction.get("agrees_with_stated"),
        "reasoning_agrees": (call == decision) if call and overturned is not None else None,
        "model_flags": "; ".join(flags),
        "evidence": evidence_text(evidence) or None,
        "smoke_test_models": prediction.get("smoke_test_models"),
    }


def _letter_fields(letter: Letter | Mapping[str, Any] | None) -> Mapping[str, Any]:
    if isinstance(letter, Letter):
        return letter.model_dump()
    return letter or {}


def letter_summary(letter: Mapping[str, Any], n_items: int) -> dict[str, Any]:
    """What the aggregator counts per letter (turnaround is a letter's, not an item's)."""
    assigned, ur, decided = (_date(letter.get(k)) for k in
                             ("date_assigned", "ur_denial_date", "decision_date"))  # fmt: skip
    return {
        "case_number": letter.get("case_number"),
        "n_items": n_items,
        "decision_month": decided.strftime("%Y-%m") if decided else None,
        "days_assigned_to_decision": _days(assigned, decided),
        "days_ur_denial_to_decision": _days(ur, decided),
    }
