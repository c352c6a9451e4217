"""Rows of the item record for each output: what a row contains is decided here, how it is
written (JSONL, CSV, parquet, xlsx) is the writer's business.

- `json_row`: `imr extract` / `imr predict` JSONL, the answer key's field names first.
- `flat_row`: one spreadsheet row, every cell a scalar or readable text (no JSON in a cell),
  and `item`, the item's number for people (from 1; `issue_index` stays from 0).
- `table_row`: the tagged parquet table's columns (nested values as plain Python values).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pipeline.record.facts import citation_basis, citation_text, evidence_text, frequency_text
from pipeline.record.model import REASON_CODES, Item

# Working values of the tag stage (the masked rationale the models read, the spans the report
# highlights): kept on the record and in the tagged tables, left out of the JSONL/CSV rows.
INTERNAL = frozenset({"masked_rationale", "verdict_text", "spans"})
# The visit-cap verdict under the names the extraction wrote before the record existed.
CAP_KEYS = ("guideline_limit", "exceeds_guideline_limit")
# The tagged table's item columns (`table_row`), in order.
TABLE_COLUMNS = (*Item.model_fields, *CAP_KEYS)


def as_item(record: Item | Mapping[str, Any]) -> Item:
    """The record as a model: a JSON row read back is validated again."""
    return record if isinstance(record, Item) else Item.model_validate(dict(record))


def json_row(item: Item) -> dict[str, Any]:
    """The JSONL object: the record's fields in order (without `INTERNAL`), `review` as a list of
    codes (`review_details`: code -> detail, for the flags that have one), the visit-cap verdict
    also as `guideline_limit` / `exceeds_guideline_limit`, and `prediction` only once predicted."""
    row = item.model_dump(mode="json", exclude=set(INTERNAL))
    row["review"] = item.review_codes
    details = {flag.code: flag.detail for flag in item.review if flag.detail}
    if details:
        row["review_details"] = details
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "visit_cap":
            out["guideline_limit"] = value["limit"]
            out["exceeds_guideline_limit"] = value["exceeds"]
        if key == "prediction" and value is None:
            continue
        out[key] = value
    return out


def table_row(item: Item) -> dict[str, Any]:
    """The tagged table's row: every field (the tag stage's working values included), nested
    values as plain lists and dicts (the table writer stores them as JSON text)."""
    row = item.model_dump(mode="json")
    row["review"] = item.review_codes
    limit = item.visit_cap.limit
    row["guideline_limit"] = None if limit is None else limit.model_dump(mode="json")
    row["exceeds_guideline_limit"] = item.visit_cap.exceeds
    return row


def _join(values: Any) -> str:
    return "; ".join(str(v) for v in values or [])


def _readable(value: Any) -> Any:
    """A field another stage added, as a cell: scalars as they are, lists joined with "; ",
    mappings as "key: value" pairs."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_readable(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return _join(_readable(v) for v in value)
    return value


def _ruling_read(item: Item) -> str | None:
    ruling = item.ruling
    if ruling is None:
        return None
    return ruling.decision or f"abstains: {ruling.review or 'no_ruling_sentence'}"


def flat_row(item: Item) -> dict[str, Any]:
    """One spreadsheet row of the record: every cell a number, a yes/no or readable text."""
    cap = item.visit_cap
    row: dict[str, Any] = {
        "case_number": item.case_number,
        "item": item.item,
        "issue_index": item.issue_index,
        "request_text": item.request_text,
        "disputed_item": item.disputed_item,
        "decision": item.decision,
        "category": item.category,
        "category_source": item.category_source,
        "category_probability": item.category_probability,
        "frequency": frequency_text(item.frequency) if item.frequency else None,
        "quantity": item.quantity,
        "claims_admin_guideline": item.claims_admin_guideline.text,
        "claims_admin_basis": citation_basis(item.claims_admin_guideline),
        "claims_admin_citations": citation_text(item.claims_admin_guideline),
        "maximus_guideline": item.maximus_guideline.text,
        "maximus_basis": citation_basis(item.maximus_guideline),
        "maximus_citations": citation_text(item.maximus_guideline),
        "guideline_limits": _join(frequency_text(x) for x in item.guideline_limits),
        "guideline_limit": frequency_text(cap.limit) if cap.limit else None,
        "exceeds_guideline_limit": cap.exceeds,
        "visit_cap": cap.group,
        "rationale_treatments": _join(item.rationale_treatments),
        "prior_treatments": _join(item.prior_treatments),
        "review": _join(
            f"{flag.code} ({flag.detail})" if flag.detail else flag.code for flag in item.review
        ),
        # the ruling sentence and what it reads ("abstains: no_ruling_sentence" when none)
        "ruling_read": _ruling_read(item),
        "ruling_sentence": item.ruling.sentence if item.ruling else None,
        "reasons": _join(
            f"{reason.code}: {reason.evidence}" if reason.evidence else reason.code
            for reason in item.reasons
        ),
        # the same as columns: the codes, and one evidence column per code of the codebook
        "reason_codes": _join(reason.code for reason in item.reasons),
        **{
            f"reason_{code}": next((r.evidence for r in item.reasons if r.code == code), None)
            for code in REASON_CODES
        },  # fmt: skip
        "rationale": item.rationale,
        "source_file": item.source_file,
        "ocr_confidence": item.ocr_confidence,
    }
    if item.prediction is not None:
        p = item.prediction
        row.update(
            {
                "decision_read": p.decision_read,
                "p_overturned_reader": p.p_overturned_reader,
                "p_overturned_reasoning": p.p_overturned_reasoning,
                "agrees_with_stated": p.agrees_with_stated,
                "reasoning_call": p.reasoning_call,
                "reasoning_agrees_with_stated": p.reasoning_agrees_with_stated,
                "evidence": evidence_text(p.evidence),
                "smoke_test_models": p.smoke_test_models,
            }
        )
        row.update({k: _readable(v) for k, v in (p.model_extra or {}).items()})
    row.update({k: _readable(v) for k, v in (item.model_extra or {}).items()})
    return row
