"""A person-readable rendering of one predicted item, for `imr predict` without --out."""

from __future__ import annotations

from pipeline.core.display_names import category_label, reason_label, review_label
from pipeline.record.facts import citation_text, frequency_text
from pipeline.record.model import item_number


def reason_lines(reasons: list[dict] | None) -> list[str]:
    """The denial reasons, one line each: in plain words, then the code and the probability
    (when a classifier gave one), and the sentence that states it, quoted."""
    if not reasons:
        return []
    lines = ["  denial reasons:"]
    for reason in reasons:
        code = reason.get("code")
        p = reason.get("probability")
        chance = f", {p:.2f}" if isinstance(p, (int, float)) else ""
        evidence = reason.get("evidence") or ""
        lines.append(f'    {reason_label(code)} ({code}{chance}): "{evidence}"')
    return lines


def describe(record: dict) -> str:
    """Several lines: the item, its decision and the models' reading, then the tags."""
    number = item_number(record["issue_index"])
    lines = [f"{record['case_number']} item {number}: {record['disputed_item']}"]
    prediction = record.get("prediction") or {}
    stated = record.get("decision") or "(no decision in the letter)"
    if prediction:
        agreement = {True: "agrees", False: "DISAGREES", None: "nothing to compare"}[
            prediction.get("agrees_with_stated")
        ]
        read = prediction.get("decision_read")
        if read is None:  # no ruling sentence: the reader abstains
            review = (record.get("ruling") or {}).get("review") or "no ruling sentence"
            read, agreement = "abstains", review.replace("_", " ")
        lines.append(
            f"  stated: {stated}   decision reader: {read} ({agreement})"
            f"   reasoning P(Overturned): {prediction['p_overturned_reasoning']:.2f}"
        )
        shift = prediction.get("base_rate")
        if shift:
            how = "estimated by EM" if shift.get("method") == "em" else "given"
            lines.append(
                f"  P(Overturned) adjusted to a base rate of {shift['value']:.3f} ({how}; "
                f"trained on {shift['trained']:.3f}): {prediction['p_overturned_adjusted']:.2f}"
            )
        sentence = (record.get("ruling") or {}).get("sentence")
        if sentence:
            lines.append(f"  ruling sentence: {sentence}")
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
    check = record.get("visit_cap")
    if isinstance(check, dict) and check.get("quoted"):
        lines.append(f"  visit cap: {check.get('note')}")
    lines.append(
        f"  Claims Administrator cited: {citation_text(record.get('claims_admin_guideline'))}"
    )
    lines.append(f"  MAXIMUS cited: {citation_text(record.get('maximus_guideline'))}")
    lines += reason_lines(record.get("reasons"))
    for quoted in prediction.get("sentences") or []:
        sentence = '"' + quoted["sentence"] + '"'
        lines.append(f"  {quoted['contribution']:+.2f} toward {quoted['toward']}: {sentence}")
    evidence = prediction.get("evidence") or []
    if evidence:
        terms = ", ".join(f"{e['feature']} ({e['weight']:+.2f})" for e in evidence[:5])
        lines.append(f"  reasoning evidence (+ toward Overturned): {terms}")
    lines += review_lines(record)
    return "\n".join(lines)


def review_lines(record: dict) -> list[str]:
    """The item's review flags in plain words, each with what to check (and the detail the
    stage that raised it gave); none when nothing needs checking."""
    details = record.get("review_details") or {}
    flags = []
    for code in record.get("review") or []:  # the JSON row's codes (`views.json_row`)
        detail = details.get(code)
        flags.append(f"    - {review_label(code)}" + (f" ({detail})" if detail else ""))
    if not flags:
        return []
    return ["  to check before relying on this item:", *flags]
