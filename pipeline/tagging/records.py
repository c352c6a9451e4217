"""The tag stage's item record: ingest's item, its tags and the facts derived from them, built
once per item (`item_record`) and validated (`pipeline.record.Item`). Every later stage and
output reads this record: predict adds its prediction, the writers and the report take views.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.record import Item, Letter, Span
from pipeline.tagging.visit_cap import item_case, visit_cap

# doc.spans key -> the kind of span on the record
SPAN_KINDS = {
    "treatments": "treatment",
    "frequencies": "frequency",
    "quantities": "quantity",
    "guideline_limits": "limit",
    "verdicts": "verdict",
}
# doc.spans key -> the Span extension holding the value the tagger read there
_VALUES = {"frequencies": "frequency", "quantities": "quantity", "guideline_limits": "limit"}

# What an item record takes from ingest's item record, as it is.
INGEST_FIELDS = (
    "case_number", "issue_index", "request_text", "disputed_item", "decision", "rationale",
    "source_file", "ocr_confidence",
)  # fmt: skip


def doc_spans(doc: Any, source: str) -> list[dict[str, Any]]:
    """The tagged spans of a spaCy Doc (character offsets into `doc.text`, the text named by
    `source`), sorted by start, longest first."""
    spans = []
    for key, kind in SPAN_KINDS.items():
        if key not in doc.spans:
            continue
        value = _VALUES.get(key)
        for span in doc.spans[key]:
            found = getattr(span._, value) if value and span.has_extension(value) else None
            spans.append(
                {"source": source, "start": span.start_char, "end": span.end_char,
                 "text": span.text, "kind": kind, "label": span.label_, "value": found}
            )  # fmt: skip
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return spans


def review_codes(item: Mapping[str, Any]) -> list[str]:
    """Why a person should check this item: ingest's reasons, then the taggers', each once.
    Empty only when every field came from a confident rule."""
    reasons = [*(item.get("review") or []), *(item.get("review_tags") or [])]
    return list(dict.fromkeys(str(x) for x in reasons))


def _value(value: Any) -> Any:
    """A table cell as a record value: pandas' missing values (NaN, NA) are None."""
    if value is None or isinstance(value, (str, bool, int, dict, list)):
        return value
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return _value(value.tolist())
    try:
        return None if value != value else value  # NaN
    except (TypeError, ValueError):
        return value


def item_record(item: Mapping[str, Any], letter: Mapping[str, Any] | None = None) -> Item:
    """The record of one tagged item (ingest's item record with `tag_records`' tags merged in)
    and its letter (for the prior treatments)."""
    get = lambda name: _value(item.get(name))  # noqa: E731
    citations = {}
    for name in ("claims_admin_guideline", "maximus_guideline"):
        citations[name] = get(name) or {"text": get(f"{name}_text")}
    prior = letter.get("prior_treatments") if letter is not None else get("prior_treatments")
    limits = get("guideline_limits")
    # the case's side is read only when the rationale quotes a limit to hold it against
    case = (
        item_case(
            {k: get(k) for k in ("disputed_item", "request_text", "rationale")},
            {"clinical_case_summary": _value((letter or {}).get("clinical_case_summary"))},
        )
        if limits
        else None
    )
    return Item.model_validate(
        {
            **{name: get(name) for name in INGEST_FIELDS},
            "category": get("category"),
            "frequency": get("frequency"),
            "quantity": get("quantity"),
            **citations,
            "category_source": get("category_source"),
            "category_probability": get("category_probability"),
            "guideline_limits": limits or [],
            "rationale_treatments": get("rationale_treatments") or [],
            "prior_treatments": _value(prior),
            "review": review_codes(item),
            "ruling": get("ruling"),
            # the limit that fits the item's condition and body part, less completed sessions
            "visit_cap": visit_cap(get("frequency"), limits, case),
            "masked_rationale": get("masked_rationale"),
            "verdict_text": get("verdict_text"),
            "spans": get("spans") or [],
        }
    )


def item_records(
    items: Sequence[Mapping[str, Any]], letters: Sequence[Mapping[str, Any]]
) -> list[Item]:
    """The records of tagged items, each with its letter (matched by case number and source
    file: two letters may share a case number)."""
    by_letter = {(x.get("case_number"), x.get("source_file")): x for x in letters}
    by_case = {x.get("case_number"): x for x in letters}
    return [
        item_record(
            item,
            by_letter.get((item.get("case_number"), item.get("source_file")))
            or by_case.get(item.get("case_number")),
        )
        for item in items
    ]


def letter_record(letter: Mapping[str, Any]) -> Letter:
    """The record of one tagged letter (ingest's letter record with its tags)."""
    return Letter.model_validate({k: _value(v) for k, v in letter.items()})


__all__ = ["SPAN_KINDS", "Span", "doc_spans", "item_record", "item_records", "letter_record"]
