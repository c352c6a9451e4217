"""Paragraphs of one letter -> a letter record and one record per disputed item.

Both eras share the body: "CLINICAL CASE SUMMARY", then "IMR ISSUES, DECISIONS AND RATIONALES"
with, per item, a request paragraph ending in ": Upheld"/": Overturned", the two guideline lines
and a "Decision rationale" that may run over several paragraphs. 2016+ letters add a header block
and a credentials block; 2013-2015 letters have neither (credentials are in prose).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from pipeline.ingest.layout import Paragraph, join_lines

DECISIONS = ("Upheld", "Overturned")

_HEADING_HOW = re.compile(r"^HOW THE IMR FINAL DETERMINATION WAS MADE\b", re.I)
_HEADING_SUMMARY = re.compile(r"^CLINICAL CASE SUMMARY\b", re.I)
_HEADING_ISSUES = re.compile(r"^IMR ISSUES,? DECISIONS,? AND RATIONALES?\b", re.I)
_SUMMARY_INTRO = re.compile(
    r"^The expert reviewer developed the following clinical case summary[^:]*:\s*", re.I
)
_ISSUES_INTRO = re.compile(r"^The Final Determination was based on decisions for\b[^:]*:\s*", re.I)

_LABEL_CLAIMS = re.compile(r"^Claims Administrator guideline\s*:\s*", re.I)
_LABEL_MAXIMUS = re.compile(r"^MAXIMUS guideline\s*:\s*", re.I)
_LABEL_RATIONALE = re.compile(r"^Decision rationale\s*:\s*", re.I)
_ITEM_LABELS = (_LABEL_CLAIMS, _LABEL_MAXIMUS, _LABEL_RATIONALE)

# A request ends with its decision word, mostly after a colon, at times on the next line.
_REQUEST_WITH_DECISION = re.compile(
    r"^(?P<request>.*?)\s*:?\s*(?P<decision>Upheld|Overturned)\.?$", re.S
)
_DECISION_ONLY = re.compile(r"^(?P<decision>Upheld|Overturned)\.?$")

_PARTIAL_AUTHORIZED = re.compile(
    r"\bwas the original request\.\s*.+?\bwas authorized by the Claims Administrator\.\s*"
    r"The remaining IMR eligible portion of the original request,\s*(?P<item>.+?)(?:\s+is)?$",
    re.S | re.I,
)
_PARTIAL_ELIGIBLE = re.compile(
    r"\bwas the original request\.\s*The Claims Administrator authorized .+?, leaving the "
    r"original request IMR eligible\.\s*The original request,\s*(?P<item>.+?)(?:\s+is)?$",
    re.S | re.I,
)

_HEADER_FIELDS = {
    "case_number": r"Case Number\s*:\s*(?P<v>[A-Z]{2}\d{2}-\d{5,8})",
    "date_assigned": r"Date Assigned\s*:\s*(?P<v>\d{1,2}/\d{1,2}/\d{2,4})",
    "date_of_injury": r"Date of Injury\s*:\s*(?P<v>\d{1,2}/\d{1,2}/\d{2,4})",
    "decision_date": r"Decision Date\s*:\s*(?P<v>\d{1,2}/\d{1,2}/\d{2,4})",
    "ur_denial_date": r"UR Denial Date\s*:\s*(?P<v>\d{1,2}/\d{1,2}/\d{2,4})",
    "application_received": r"Application\s+Received\s*:\s*(?P<v>\d{1,2}/\d{1,2}/\d{2,4})",
    "priority": r"Priority\s*:\s*(?P<v>Standard|Expedited|Urgent)",
}
_HEADER_PATTERNS = {name: re.compile(pattern, re.I) for name, pattern in _HEADER_FIELDS.items()}
_LICENSURE = re.compile(
    r"State\(s\) of Licensure\s*:\s*(?P<v>.*?)\s*(?=Certification\(s\)|$)", re.S
)
_SPECIALTY = re.compile(r"Certification\(s\)/Specialty\s*:\s*(?P<v>.+?)\s*$", re.S)
# 2013-2015 prose: "The expert reviewer is Board Certified in X and is licensed to practice in Y."
_PROSE_SPECIALTY = re.compile(
    r"\bis (?:Board Certified|certified) in (?P<v>.+?) and is licensed", re.I
)
_PROSE_LICENSURE = re.compile(r"\bis licensed to practice in (?P<v>[A-Z][A-Za-z ,]+?)\.", re.I)


_CASE_NUMBER_LINE = re.compile(r"^Case Number\s*:", re.I)


class NotALetterError(ValueError):
    """The text is not an IMR final determination letter (or lost the part that makes it one)."""


@dataclass
class ParsedLetter:
    letter: dict
    items: list[dict]
    problems: list[str] = field(default_factory=list)


def collapse(text: str) -> str:
    return " ".join(text.split())


def iso_date(value: str | None) -> str | None:
    if not value:
        return None
    for form in ("%m/%d/%Y", "%m/%d/%y"):
        try:
            return datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    return None


def disputed_item_of(request_text: str) -> str:
    """The part IMR decided: the remaining portion of a partially certified request."""
    for pattern in (_PARTIAL_AUTHORIZED, _PARTIAL_ELIGIBLE):
        match = pattern.search(request_text)
        if match:
            return match.group("item").strip()
    return request_text


def _strip_label(text: str, label: re.Pattern[str]) -> str:
    return label.sub("", text, count=1).strip()


def _is_label(text: str) -> bool:
    return any(label.match(text) for label in _ITEM_LABELS)


def _find(paragraphs: Sequence[Paragraph], heading: re.Pattern[str], start: int = 0) -> int | None:
    for index in range(start, len(paragraphs)):
        if heading.match(paragraphs[index].text):
            return index
    return None


def _header(paragraphs: Sequence[Paragraph]) -> dict:
    text = " ".join(p.text for p in paragraphs)
    values: dict = {}
    for name, pattern in _HEADER_PATTERNS.items():
        match = pattern.search(text)
        values[name] = match.group("v") if match else None
    for name in (
        "date_assigned",
        "date_of_injury",
        "decision_date",
        "ur_denial_date",
        "application_received",
    ):
        values[name] = iso_date(values[name])
    if values["priority"]:
        values["priority"] = values["priority"].capitalize()
    return values


def _credentials(paragraphs: Sequence[Paragraph]) -> tuple[list[str], str | None]:
    text = " ".join(p.text for p in paragraphs)
    licensure_match = _LICENSURE.search(text)
    specialty_match = _SPECIALTY.search(text) if licensure_match else None
    if licensure_match is None:
        licensure_match = _PROSE_LICENSURE.search(text)
        specialty_match = _PROSE_SPECIALTY.search(text)
    licensure = []
    if licensure_match:
        states = re.split(r"\s*(?:,|\band\b)\s*", licensure_match.group("v"))
        licensure = [state.strip() for state in states if state.strip()]
    specialty = specialty_match.group("v").strip() if specialty_match else None
    return licensure, specialty


def _request(paragraphs: Sequence[Paragraph], start: int, end: int) -> tuple[str, str | None, str]:
    """Request text, decision, and any rationale text run on before the request, of
    paragraphs[start:end] (the request, with its decision word perhaps on its own line)."""
    head = paragraphs[start].text
    run_on = ""
    if paragraphs[start].starts_bold is None and not _is_partial(head):
        # Plain text may run the request on from the rationale before it without a blank line.
        run_on, head = _split_after_last_sentence(paragraphs[start])
    text = " ".join([head] + [p.text for p in paragraphs[start + 1 : end]])
    match = _REQUEST_WITH_DECISION.match(text)
    request, decision = (match.group("request"), match.group("decision")) if match else (text, None)
    return collapse(request).removesuffix(":").rstrip(), decision, run_on


def _is_partial(text: str) -> bool:
    return bool(_PARTIAL_AUTHORIZED.search(text) or _PARTIAL_ELIGIBLE.search(text))


def _split_after_last_sentence(paragraph: Paragraph) -> tuple[str, str]:
    """(lines up to the last one that ends a sentence, the lines after it)."""
    lines = [line.text for line in paragraph.lines]
    cut = 0
    for position in range(len(lines) - 1):
        if re.search(r"[.!?][\"')]?\s*$", lines[position]):
            cut = position + 1
    return join_lines(lines[:cut]), join_lines(lines[cut:])


def _item_starts(paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """(request start, first label) for each item: every run of label paragraphs (guideline
    lines, "Decision rationale:") opens an item, and the paragraph before it is the request."""
    starts = []
    for index in range(1, len(paragraphs)):
        if _is_label(paragraphs[index].text) and not _is_label(paragraphs[index - 1].text):
            request_start = index - 1
            if _DECISION_ONLY.match(paragraphs[request_start].text) and request_start > 0:
                request_start -= 1
            if starts and request_start < starts[-1][1]:
                continue  # a label repeated inside one item: no request between them
            starts.append((request_start, index))
    return starts


def _items(paragraphs: Sequence[Paragraph], problems: list[str]) -> list[dict]:
    starts = _item_starts(paragraphs)
    requests = [_request(paragraphs, start, labels_start) for start, labels_start in starts]
    items: list[dict] = []
    for issue_index, (_, labels_start) in enumerate(starts):
        request, decision, _ = requests[issue_index]
        following = issue_index + 1 < len(starts)
        end = starts[issue_index + 1][0] if following else len(paragraphs)
        item = {
            "issue_index": issue_index,
            "request_text": request,
            "disputed_item": disputed_item_of(request),
            "decision": decision,
            "claims_admin_guideline_text": None,
            "maximus_guideline_text": None,
        }
        rationale: list[str] = []
        for paragraph in paragraphs[labels_start:end]:
            text = paragraph.text
            if _LABEL_CLAIMS.match(text):
                item["claims_admin_guideline_text"] = collapse(_strip_label(text, _LABEL_CLAIMS))
            elif _LABEL_MAXIMUS.match(text):
                item["maximus_guideline_text"] = collapse(_strip_label(text, _LABEL_MAXIMUS))
            elif _LABEL_RATIONALE.match(text):
                rationale.append(_strip_label(text, _LABEL_RATIONALE))
            elif rationale:
                rationale.append(text)
        if following and requests[issue_index + 1][2] and rationale:
            rationale.append(requests[issue_index + 1][2])
        item["rationale"] = "\n\n".join(rationale)
        if decision is None:
            problems.append(f"item {issue_index}: no Upheld/Overturned decision after the request")
        if not rationale:
            problems.append(f"item {issue_index}: no decision rationale")
        items.append(item)
    return items


def _summary(paragraphs: Sequence[Paragraph]) -> str:
    texts = [_SUMMARY_INTRO.sub("", p.text, count=1) for p in paragraphs]
    return "\n\n".join(text for text in texts if text)


def parse_letter(paragraphs: Sequence[Paragraph], source_file: str, stem: str) -> ParsedLetter:
    """One letter's paragraphs -> its record and items. Raises NotALetterError when the text
    has no disputed items to find."""
    how = _find(paragraphs, _HEADING_HOW)
    summary_at = _find(paragraphs, _HEADING_SUMMARY)
    issues_at = _find(paragraphs, _HEADING_ISSUES)
    problems: list[str] = []
    if issues_at is None:
        if not any(_LABEL_RATIONALE.match(p.text) for p in paragraphs):
            if how is not None or summary_at is not None:
                raise NotALetterError(
                    "IMR letter without its issues section: no disputed item to read"
                )
            raise NotALetterError("not an IMR determination letter")
        problems.append("no 'IMR ISSUES, DECISIONS AND RATIONALES' heading; items found by labels")
        issues_at = summary_at if summary_at is not None else -1
    item_paragraphs = [p for p in paragraphs[issues_at + 1 :] if not _ISSUES_INTRO.match(p.text)]
    items = _items(item_paragraphs, problems)
    if not items:
        raise NotALetterError("IMR issues section holds no disputed item")
    header_end = how if how is not None else (summary_at if summary_at is not None else 0)
    header = _header(paragraphs[:header_end])
    credentials_end = summary_at if summary_at is not None else issues_at
    licensure, specialty = _credentials(paragraphs[header_end : max(header_end, credentials_end)])
    summary = _summary(paragraphs[summary_at + 1 : issues_at]) if summary_at is not None else ""
    case_number = header.pop("case_number") or stem
    letter = {
        "source_file": source_file,
        "case_number": case_number,
        **header,
        "licensure": licensure,
        "specialty": specialty,
        "clinical_case_summary": summary,
        "n_items": len(items),
        "layout": "header" if how is not None and header_end > 0 else "no-header",
    }
    for item in items:
        item["case_number"] = case_number
        item["source_file"] = source_file
    return ParsedLetter(letter=letter, items=items, problems=problems)


def split_letters(paragraphs: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """Letters pasted one after another into one file: a new letter starts at a "Case Number:"
    header or a "HOW THE IMR ..." heading that comes after a decision rationale."""
    letters: list[list[Paragraph]] = [[]]
    seen_rationale = False
    for paragraph in paragraphs:
        text = paragraph.text
        if seen_rationale and (_CASE_NUMBER_LINE.match(text) or _HEADING_HOW.match(text)):
            letters.append([])
            seen_rationale = False
        letters[-1].append(paragraph)
        seen_rationale = seen_rationale or bool(_LABEL_RATIONALE.match(text))
    return [letter for letter in letters if letter]
