"""One HTML page per letter: its header fields, the case summary and every item's request and
rationale with the tagged spans highlighted, and per item its decision, tags, review reasons,
visit-cap check, model probability and evidence. A page is a view of the letter's record and
its items' records: the highlights are the spans the tag stage kept on them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from pipeline.core.display_names import category_label, review_words
from pipeline.record import Item, Letter, VisitCap
from pipeline.record.facts import frequency_text
from pipeline.reporting.corpus.html import badge, highlight, legend, page, table
from pipeline.reporting.corpus.spans import Mark, marks

LETTER_FIELDS = (
    ("source_file", "source file"), ("decision_date", "decision date"),
    ("date_assigned", "date assigned"), ("ur_denial_date", "UR denial date"),
    ("application_received", "application received"), ("date_of_injury", "date of injury"),
    ("priority", "priority"), ("specialty", "reviewer specialty"),
    ("licensure", "reviewer licensure"), ("era", "letter format"), ("ocr_pages", "OCR pages"),
)  # fmt: skip


@dataclass
class ItemView:
    """What the page shows of one item: its record and its tidy row."""

    record: Item
    row: Mapping[str, Any]

    @property
    def request_marks(self) -> list[Mark]:
        return marks(self.record.spans, "disputed_item")

    @property
    def rationale_marks(self) -> list[Mark]:
        return marks(self.record.spans, "rationale")


@dataclass
class LetterView:
    """A letter page's content: the letter, its items, the link to its source file (relative
    to letters/, None when it cannot be linked) and the run's stamp (HTML)."""

    letter: Letter
    items: list[ItemView] = field(default_factory=list)
    source_href: str | None = None
    stamp: str = ""

    @property
    def summary_marks(self) -> list[Mark]:
        return marks(self.letter.summary_spans, "clinical_case_summary")


def _reader_read(record: Item) -> str:
    """ "Upheld (P = 0.012)", or the abstention and its reason (no ruling sentence)."""
    p = record.prediction
    read = p.decision_read if p is not None else None
    if read is None:
        review = (record.ruling.review if record.ruling else None) or "no_ruling_sentence"
        return f"abstains: {review.replace('_', ' ')}"
    chance = p.p_overturned_reader if p is not None else None
    return f"{read} (P = {chance:.3f})" if chance is not None else read


def _text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(value)
    return str(value)


def _citation(citation: Any, basis: Any) -> str:
    text = citation.text
    return f"<b>{escape(str(basis))}</b><br>{escape(str(text or ''))}"


def _kv(rows: Sequence[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="kv"><tbody>{body}</tbody></table>'


def _request(view: ItemView) -> str:
    request = view.record.request_text or ""
    disputed = view.record.disputed_item or ""
    marks = list(view.request_marks or [])
    at = request.find(disputed) if disputed else -1
    if at < 0:  # the disputed item is not a substring (whitespace differs): show both
        return (
            f'<div class="spans">{escape(request)}</div><p class="note">disputed item:</p>'
            f'<div class="spans">{highlight(disputed, marks)}</div>'
        )
    shifted = [Mark(m.start + at, m.end + at, m.kind, m.label, m.title) for m in marks]
    return f'<div class="spans">{highlight(request, shifted)}</div>'


def _range(value: Any) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return str(value[0]) if value[0] == value[1] else f"{value[0]}–{value[1]}"
    return "–"


def limit_text(limit: Any) -> str:
    """A quoted limit as the guideline says it: "9–10 sessions over 8 weeks", "3/week"."""
    if limit is None:
        return "–"
    parts = []
    if limit.sessions:
        parts.append(f"{_range(limit.sessions)} sessions")
    if limit.per_week:
        parts.append(f"{_range(limit.per_week)}/week")
    if limit.weeks:
        parts.append(f"over {_range(limit.weeks)} weeks")
    return " ".join(parts) or "–"


def visit_cap_html(cap: VisitCap) -> str:
    """The visit-cap check with its arithmetic (the tag stage's verdict on the record): which
    quoted limit fits the case, the sessions already completed, what is left, and the limits
    left out and why; or that no limit fits."""
    if not cap.quoted:
        return "–" if cap.limit is None else escape(limit_text(cap.limit))
    out = []
    if cap.limit is not None:
        verdict = {True: "request is over the cap", False: "request is within the cap"}.get(
            cap.exceeds, "not comparable"
        )
        out.append(
            f"<b>{escape(verdict)}</b>: {escape(cap.note)} "
            f'<span class="note">(quoted: {escape(limit_text(cap.limit))})</span>'
        )
    else:
        out.append("<b>no quoted limit fits this case</b>")
    if cap.not_matching:
        items = "".join(f"<li>{escape(str(x))}</li>" for x in cap.not_matching)
        plural = "s" if len(cap.not_matching) > 1 else ""
        out.append(
            f'<details><summary class="note">{len(cap.not_matching)} quoted limit{plural} '
            f"left out</summary><ul>{items}</ul></details>"
        )
    return "".join(out)


def _review_html(codes: Sequence[str]) -> str:
    """Review reasons in plain words, each with what to check."""
    if not codes:
        return "–"
    items = []
    for code in codes:
        said, check = review_words(code)
        items.append(f"<li>{escape(said)}: <i>{escape(check)}</i></li>")
    return f'<ul class="plain">{"".join(items)}</ul>'


def _number(index: Any) -> str:
    """The item's number for people: 1 for the first (`issue_index` counts from 0)."""
    try:
        return str(int(index) + 1)
    except (TypeError, ValueError):
        return escape(str(index))


def _item(view: ItemView) -> str:
    record, row = view.record, view.row
    index = record.issue_index
    prediction = record.prediction
    facts = [
        ("decision", badge(record.decision)),
        ("category", escape(category_label(record.category))),
        ("requested frequency", escape(frequency_text(record.frequency))),
        ("quantity", escape(_text(record.quantity))),
    ]
    if row.get("drug_class"):
        topical = " (topical)" if row.get("topical") else ""
        facts.append(("drug class", escape(str(row["drug_class"]) + topical)))
    limits = ", ".join(limit_text(x) for x in record.guideline_limits) or "–"
    facts += [
        ("guideline limits in the rationale", escape(limits)),
        ("visit-cap check", visit_cap_html(record.visit_cap)),
        ("MAXIMUS guideline", _citation(record.maximus_guideline, row.get("maximus_basis"))),
        (
            "claims administrator guideline",
            _citation(record.claims_admin_guideline, row.get("claims_admin_basis")),
        ),
        ("review reasons", _review_html(record.review_codes)),
        ("rationale treatments", escape(_text(record.rationale_treatments))),
    ]
    if prediction is not None:
        facts += [
            ("P(Overturned), reasoning model", escape(f"{prediction.p_overturned_reasoning:.3f}")
             + (f" → {escape(row['reasoning_call'])}" if row.get("reasoning_call") else "")),
            ("decision reader", escape(_reader_read(record))),
            ("ruling sentence", escape(record.ruling.sentence or "–" if record.ruling else "–")),
            ("reader agrees with the letter", escape(_text(prediction.agrees_with_stated))),
        ]  # fmt: skip
        if row.get("model_flags"):
            facts.append(("to re-read", escape(str(row["model_flags"]))))
    evidence = ""
    if prediction is not None and prediction.evidence:
        rows = [(e.feature, e.weight, e.value) for e in prediction.evidence]
        evidence = (
            "<h3>Evidence (features moving the reasoning score; + is toward Overturned)</h3>"
            + table(["feature", "weight", "value"], rows)
        )
    if record.reasons:
        given = "; ".join(reason.code for reason in record.reasons)
        facts.append(("denial reasons", escape(given)))
    marks = [*(view.rationale_marks or []), *reason_marks(record.reasons)]
    rationale = highlight(record.rationale or "", marks)
    return (
        f'<section class="item" id="item-{index}"><h2>Item {_number(index)}: '
        f"{escape(record.disputed_item or '')}</h2>{_kv(facts)}"
        f"<h3>Request</h3>{_request(view)}{evidence}"
        f'<h3>Decision rationale</h3><div class="spans">{rationale}</div></section>'
    )


def reason_marks(reasons: Sequence[Any]) -> list[Mark]:
    """The sentence of each denial reason (offsets into the rationale), named by its code
    (reasons as the record's `Reason`s or their JSON dicts)."""
    marks = []
    for reason in reasons:
        value = reason.get if isinstance(reason, Mapping) else lambda k, r=reason: getattr(r, k)
        start, end, code, p = value("start"), value("end"), value("code"), value("probability")
        if not isinstance(start, int) or not isinstance(end, int) or end <= start:
            continue
        title = str(code) + (f" (p = {p:.2f})" if isinstance(p, float) else "")
        label = str(code).upper().replace("_", " ")
        marks.append(Mark(start, end, "reason", label, title))
    return marks


def letter_page(view: LetterView) -> str:
    """The letter's page (links back to the report, the letter index and the source file)."""
    letter = view.letter
    case = letter.case_number or ""
    facts = [(label, escape(_text(getattr(letter, key)))) for key, label in LETTER_FIELDS]
    if view.source_href:
        source = escape(_text(letter.source_file))
        facts[0] = ("source file", f'<a href="{escape(view.source_href)}">{source}</a>')
    toc = "".join(
        f'<li><a href="#item-{v.record.issue_index}">'
        f"{escape(str(v.record.disputed_item))}</a> {badge(v.record.decision)}</li>"
        for v in view.items
    )
    summary = letter.clinical_case_summary or ""
    prior = _text(letter.prior_treatments)
    body = (
        f"<h1>Case {escape(case)}</h1>{_kv(facts)}"
        f"<h2>Disputed items ({len(view.items)})</h2><ol>{toc}</ol>{legend()}"
        f'<h2>Clinical case summary</h2><div class="spans">{highlight(summary, view.summary_marks)}'
        f'</div><p class="note">Prior treatments: {escape(prior)}</p>'
        + "".join(_item(v) for v in view.items)
    )
    return page(f"IMR case {case}", body, CSS, root="../", stamp=view.stamp)


CSS = "ul.plain{margin:0;padding-left:1.1em}details{margin-top:3px}"
