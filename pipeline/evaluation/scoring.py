"""Score tagged items against the answer key, field by field, and list every miss.

Items are matched on (case_number, issue_index); a gold item with no prediction counts as a
miss in every field, so accuracies are over every gold item of the letters scored. With
`supplied_only` (as `imr score` runs) those are the letters whose case numbers the extraction
holds: scoring an extraction of a few letters does not count the others as misses, and the
result says how many gold letters were not supplied.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from pipeline.record.model import item_number

# The acceptance floors: share of the answer key's items each field must match exactly.
ACCEPTANCE = {
    "category": 0.95,
    "frequency": 0.97,
    "quantity": 0.98,
    "claims_admin_guideline": 0.98,
    "maximus_guideline": 0.98,
}

# Extraction fields first (what ingest reads), then the tags.
STRUCTURE_FIELDS = ("request_text", "disputed_item", "decision")
TAG_FIELDS = ("category", "frequency", "quantity", "claims_admin_guideline", "maximus_guideline")
FIELDS = STRUCTURE_FIELDS + TAG_FIELDS
_WS = re.compile(r"\s+")


def _norm_text(value: Any) -> Any:
    return _WS.sub(" ", value).strip() if isinstance(value, str) else value


def _ranges(value: Any) -> Any:
    return [int(v) for v in value] if isinstance(value, (list, tuple)) else value


def frequency_equal(pred: Any, gold: Any) -> bool:
    """Exact: null vs present, and every [min, max] of per_week / weeks / sessions."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if not isinstance(pred, dict):
        return False
    return all(
        _ranges(pred.get(k)) == _ranges(gold.get(k)) for k in ("per_week", "weeks", "sessions")
    )


def _mtus_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (
        _norm_text(entry.get("chapter")),
        entry.get("year"),
        _norm_text(entry.get("sections")),
        [int(p) for p in entry.get("pages") or []],
    )


def citation_equal(pred: Any, gold: Any) -> bool:
    """Exact on cited, outside_mtus, every mtus chapter/year/sections/pages, non_mtus count."""
    if not isinstance(pred, dict) or not isinstance(gold, dict):
        return pred == gold
    if bool(pred.get("cited")) != bool(gold.get("cited")):
        return False
    if bool(pred.get("outside_mtus")) != bool(gold.get("outside_mtus")):
        return False
    pm, gm = pred.get("mtus") or [], gold.get("mtus") or []
    if len(pm) != len(gm) or any(_mtus_key(p) != _mtus_key(g) for p, g in zip(pm, gm, strict=True)):
        return False
    return len(pred.get("non_mtus") or []) == len(gold.get("non_mtus") or [])


def _plain_equal(pred: Any, gold: Any) -> bool:
    return _norm_text(pred) == _norm_text(gold)


COMPARATORS: dict[str, Callable[[Any, Any], bool]] = {
    "request_text": _plain_equal,
    "disputed_item": _plain_equal,
    "decision": _plain_equal,
    "category": _plain_equal,
    "frequency": frequency_equal,
    "quantity": _plain_equal,
    "claims_admin_guideline": citation_equal,
    "maximus_guideline": citation_equal,
}


def _key(item: dict[str, Any]) -> tuple[str, int]:
    return (str(item.get("case_number")), int(item.get("issue_index", -1)))


def _plain(value: Any) -> Any:
    """numpy/pandas scalars and NaN -> plain Python, so comparisons and JSON are exact."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _letters_exact(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, int]:
    """Letters whose predicted item count equals the answer key's."""

    def counts(items: list[dict[str, Any]]) -> Counter[str]:
        return Counter(str(item.get("case_number")) for item in items)

    gold_counts, pred_counts = counts(gold), counts(predicted)
    exact = sum(1 for case, n in gold_counts.items() if pred_counts.get(case) == n)
    return {"exact": exact, "total": len(gold_counts)}


def _review_stats(
    matched: list[tuple[dict[str, Any] | None, dict[str, bool]]],
) -> dict[str, Any]:
    """Per field, the accuracy of flagged and of unflagged items, and the flag rate.

    The contract: an unflagged item (empty `review`) is right on every field."""
    groups: dict[str, list[dict[str, bool]]] = {"flagged": [], "unflagged": []}
    for predicted, right in matched:
        if predicted is None:
            continue
        flagged = bool(predicted.get("review"))
        groups["flagged" if flagged else "unflagged"].append(right)
    stats: dict[str, Any] = {}
    for group, rows in groups.items():
        per_field = {f: (sum(r[f] for r in rows) / len(rows) if rows else None) for f in FIELDS}
        all_right = sum(all(r.values()) for r in rows)
        stats[group] = {
            "items": len(rows),
            "all_fields_right": all_right,
            "all_fields_accuracy": all_right / len(rows) if rows else None,
            "fields": per_field,
        }
    scored = len(groups["flagged"]) + len(groups["unflagged"])
    stats["flag_rate"] = len(groups["flagged"]) / scored if scored else 0.0
    return stats


def score_items(
    predicted: Iterable[dict[str, Any]],
    gold: Iterable[dict[str, Any]],
    supplied_only: bool = False,
) -> dict[str, Any]:
    """Per-field accuracy over the gold items (of the letters supplied, with `supplied_only`),
    letters with the right item count, accuracy of flagged and unflagged items, and the list of
    every miss."""
    predicted = list(predicted)
    pred_by_key = {_key(p): p for p in predicted}
    gold_items = list(gold)
    all_gold_letters = {str(g.get("case_number")) for g in gold_items}
    if supplied_only:
        supplied = {str(p.get("case_number")) for p in predicted}
        gold_items = [g for g in gold_items if str(g.get("case_number")) in supplied]
    scored_letters = {str(g.get("case_number")) for g in gold_items}
    fields: dict[str, dict[str, Any]] = {f: {"correct": 0, "total": 0} for f in FIELDS}
    misses: list[dict[str, Any]] = []
    unmatched = []
    matched: list[tuple[dict[str, Any] | None, dict[str, bool]]] = []
    for g in gold_items:
        key = _key(g)
        p = pred_by_key.get(key)
        if p is None:
            unmatched.append({"case_number": key[0], "issue_index": key[1]})
        right: dict[str, bool] = {}
        for field in FIELDS:
            fields[field]["total"] += 1
            pv = _plain(p.get(field)) if p is not None else None
            ok = p is not None and COMPARATORS[field](pv, g.get(field))
            right[field] = ok
            if ok:
                fields[field]["correct"] += 1
            else:
                misses.append(
                    {
                        "case_number": key[0],
                        "issue_index": key[1],
                        "field": field,
                        "disputed_item": g.get("disputed_item"),
                        "gold": g.get(field),
                        "predicted": pv if p is not None else "<no prediction>",
                        "review": (p or {}).get("review"),
                    }
                )
        matched.append((p, right))
    for stats in fields.values():
        stats["accuracy"] = stats["correct"] / stats["total"] if stats["total"] else 0.0
    return {
        "n_gold": len(gold_items),
        "gold_letters_scored": len(scored_letters),
        "gold_letters_not_supplied": len(all_gold_letters - scored_letters),
        "n_predicted": len(pred_by_key),
        "unmatched_gold": unmatched,
        "letters_item_count_exact": _letters_exact(predicted, gold_items),
        "fields": fields,
        "review": _review_stats(matched),
        "misses": misses,
    }


def _short(value: Any, width: int = 90) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def format_score_table(result: dict[str, Any]) -> str:
    """Plain-text report: one row per field, then every miss (gold vs predicted)."""
    letters = result["letters_item_count_exact"]
    lines = [
        f"gold items: {result['n_gold']}   predicted items: {result['n_predicted']}   "
        f"unmatched gold: {len(result['unmatched_gold'])}",
        f"letters with the right item count: {letters['exact']}/{letters['total']}",
    ]
    if result.get("gold_letters_not_supplied"):
        lines.append(
            f"scored the {result['gold_letters_scored']} gold letters supplied; "
            f"{result['gold_letters_not_supplied']} gold letters were not supplied (not scored)"
        )
    lines += [
        "",
        f"{'field':<24} {'correct':>8} {'total':>6} {'accuracy':>9}",
        "-" * 50,
    ]
    for field, stats in result["fields"].items():
        lines.append(
            f"{field:<24} {stats['correct']:>8} {stats['total']:>6} {stats['accuracy']:>8.1%}"
        )
    review = result["review"]
    lines += [
        "",
        f"flagged for review: {review['flag_rate']:.1%} of the scored items",
        f"{'group':<10} {'items':>6} {'all fields right':>17}  per field",
    ]
    for group in ("unflagged", "flagged"):
        stats = review[group]
        rate = stats["all_fields_accuracy"]
        per_field = "  ".join(
            f"{f}={v:.0%}" for f, v in stats["fields"].items() if v is not None and v < 1
        )
        lines.append(
            f"{group:<10} {stats['items']:>6} "
            f"{(f'{rate:.1%}' if rate is not None else 'n/a'):>17}  {per_field or 'all 100%'}"
        )
    misses = result["misses"]
    lines += ["", f"misses: {len(misses)}"]
    for miss in misses:
        lines += [
            f"- {miss['case_number']} item {item_number(miss['issue_index'])} {miss['field']}: "
            f"{_short(miss['disputed_item'] or '')}",
            f"    gold:      {_short(miss['gold'])}",
            f"    predicted: {_short(miss['predicted'])}",
            f"    review:    {miss.get('review') or '[]'}",
        ]
    return "\n".join(lines)
