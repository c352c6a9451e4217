"""A person-readable rendering of one predicted item, for `imr predict` without --out."""

from __future__ import annotations

from pipeline.core.display_names import category_label


def _range(values: list[int] | None) -> str | None:
    if not values:
        return None
    low, high = values
    return str(low) if low == high else f"{low}-{high}"


def frequency_text(frequency: dict | None) -> str:
    if not frequency:
        return "-"
    parts = []
    if per_week := _range(frequency.get("per_week")):
        parts.append(f"{per_week}/week")
    if weeks := _range(frequency.get("weeks")):
        parts.append(f"for {weeks} weeks")
    if sessions := _range(frequency.get("sessions")):
        parts.append(f"= {sessions} sessions" if parts else f"{sessions} sessions")
    return " ".join(parts)


def citation_text(citation: dict | None) -> str:
    if not citation or citation.get("text") is None:
        return "-"
    if citation.get("cited") is False:
        return "no medical evidence cited"
    parts = []
    for mtus in citation.get("mtus") or []:
        where = " ".join(str(x) for x in (mtus.get("chapter"), mtus.get("year")) if x)
        if mtus.get("sections"):
            where += f" ({mtus['sections']})"
        if mtus.get("pages"):
            where += " p. " + ", ".join(str(p) for p in mtus["pages"])
        parts.append("MTUS " + where)
    parts += [f"non-MTUS: {source}" for source in citation.get("non_mtus") or []]
    if citation.get("outside_mtus"):
        parts.append("outside the MTUS")
    return "; ".join(parts) or citation["text"]


def describe(record: dict) -> str:
    """Several lines: the item, its decision and the models' reading, then the tags."""
    lines = [f"{record['case_number']} item {record['issue_index']}: {record['disputed_item']}"]
    prediction = record.get("prediction") or {}
    stated = record.get("decision") or "(no decision in the letter)"
    if prediction:
        agreement = {True: "agrees", False: "DISAGREES", None: "nothing to compare"}[
            prediction.get("agrees_with_stated")
        ]
        lines.append(
            f"  stated: {stated}   decision reader: {prediction['decision_read']} ({agreement})"
            f"   reasoning P(Overturned): {prediction['p_overturned_reasoning']:.2f}"
        )
        shift = prediction.get("base_rate")
        if shift:
            how = "estimated by EM" if shift.get("method") == "em" else "given"
            lines.append(
                f"  P(Overturned) adjusted to a base rate of {shift['value']:.3f} ({how}; "
                f"trained on {shift['trained']:.3f}): {prediction['p_overturned_adjusted']:.2f}"
            )
    else:
        lines.append(f"  stated: {stated}")
    quantity = record.get("quantity")
    lines.append(
        f"  category: {category_label(record['category']) if record.get('category') else '-'}"
        f"   frequency: "
        f"{frequency_text(record.get('frequency'))}   quantity: "
        f"{quantity if quantity is not None else '-'}"
    )
    limits = [frequency_text(limit) for limit in record.get("guideline_limits") or []]
    if limits:
        lines.append(f"  guideline limits stated in the rationale: {'; '.join(limits)}")
    lines.append(
        f"  Claims Administrator cited: {citation_text(record.get('claims_admin_guideline'))}"
    )
    lines.append(f"  MAXIMUS cited: {citation_text(record.get('maximus_guideline'))}")
    for quoted in prediction.get("sentences") or []:
        sentence = '"' + quoted["sentence"] + '"'
        lines.append(f"  {quoted['contribution']:+.2f} toward {quoted['toward']}: {sentence}")
    evidence = prediction.get("evidence") or []
    if evidence:
        terms = ", ".join(f"{e['feature']} ({e['weight']:+.2f})" for e in evidence[:5])
        lines.append(f"  reasoning evidence (+ toward Overturned): {terms}")
    return "\n".join(lines)
