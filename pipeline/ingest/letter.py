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
from datetime import date

from pipeline.core.data_errors import LetterDataError
from pipeline.ingest.era2013 import is_2013_letter, parse_2013, unglued_paragraphs
from pipeline.ingest.forms import closest_form
from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Line, Paragraph
from pipeline.ingest.review_form import parse_review
from pipeline.record.model import item_number

DECISIONS = ("Upheld", "Overturned")

# A request ends with its decision word, mostly after a colon, at times on the next line, in
# any case and with stray punctuation ("(Upheld)", "OVERTURNED!"). Scanned from the end, not
# with a backtracking regex: runs of spaces or repeated phrases must cost linear time.
_DECISION_WORDS = {"upheld": "Upheld", "overturned": "Overturned"}
_DECISION_TRIM = " \t\n.!?)]}\"'*"
_DECISION_ANYWHERE = re.compile(r"\b(Upheld|Overturned)\b", re.I)

_TRAILING_IS = re.compile(r"(?<!\s)\s+is$", re.I)  # starts a run of spaces: linear

# Header fields (`landmarks.json`: header_fields, header_values): each label takes the first
# unused value of its kind after it. That reads "Label: value" and also exports that print the
# labels as one column and the values as the next ("Case Number: Date Assigned: ... CM16-0213037
# 11/09/2016 ...").
_HEADER_LABEL = re.compile(
    "|".join(f"(?P<{name}>{field.label})" for name, field in LANDMARKS.header_fields.items()),
    re.I,
)
_CREDENTIALS = LANDMARKS.credentials


class NotALetterError(LetterDataError, ValueError):
    """The text is not an IMR final determination letter (or lost the part that makes it one)."""


@dataclass
class ParsedLetter:
    letter: dict
    items: list[dict]
    problems: list[str] = field(default_factory=list)


def collapse(text: str) -> str:
    return " ".join(text.split())


# strptime's "%m/%d/%Y" or "%m/%d/%y" (read by hand: strptime cost 25 us a date, 2 % of a letter).
_US_DATE = re.compile(
    r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]| [1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})", re.ASCII
)


def iso_date(value: str | None) -> str | None:
    """A date written MM/DD/YYYY or MM/DD/YY (as strptime reads "%y": 69-99 -> 19xx) ->
    "YYYY-MM-DD"; None for anything else, an impossible day included."""
    if not value or not _US_DATE.fullmatch(value):
        return None
    month, day, year = value.split("/")
    full_year = int(year) if len(year) == 4 else int(year) + (1900 if int(year) >= 69 else 2000)
    try:
        return date(full_year, int(month), int(day)).isoformat()
    except ValueError:
        return None


def disputed_item_of(request_text: str) -> str:
    """The part IMR decided: the remaining portion of a partially certified request."""
    for form in LANDMARKS.partial_forms:
        lead_in, required = form.lead_in, form.required
        last = None
        for last in lead_in.finditer(request_text):  # noqa: B007 - the last one counts
            pass
        if last is None:
            continue
        before = request_text[: last.start()]
        if all(pattern.search(before) for pattern in required):
            return _TRAILING_IS.sub("", request_text[last.end() :].strip())
    return request_text


def split_decision(text: str) -> tuple[str, str | None, bool]:
    """(request, decision, whether the decision word ended the text) of a request paragraph.

    "X: Upheld", "X  (Upheld)", "X: OVERTURNED!" end in their decision; where none ends the
    text, a decision word inside it is taken (and reported as not at the end).
    """
    body = text.rstrip(_DECISION_TRIM)
    word_start = len(body)
    while word_start and body[word_start - 1].isalpha():
        word_start -= 1
    decision = _DECISION_WORDS.get(body[word_start:].lower())
    if decision and (word_start == 0 or not body[word_start - 1].isalnum()):
        request = body[:word_start].rstrip(" \t\n:([{*-")
        return collapse(request), decision, True
    inside = _DECISION_ANYWHERE.search(text)
    if inside:
        return collapse(text), _DECISION_WORDS[inside.group(1).lower()], False
    return collapse(text), None, False


def _label_of(text: str) -> str | None:
    for name, pattern in LANDMARKS.labels.items():
        if pattern.match(text):
            return name
    return None


def _strip_label(text: str, name: str) -> str:
    return LANDMARKS.labels[name].sub("", text, count=1).strip()


def header_fields(text: str) -> dict:
    """Case number, dates and priority of a header block (see _HEADER_LABELS)."""
    fields = LANDMARKS.header_fields
    values: dict = dict.fromkeys(fields)
    found = {
        kind: [(m.start(), m.group(0)) for m in pattern.finditer(text)]
        for kind, pattern in LANDMARKS.header_values.items()
    }
    used: set[tuple[str, int]] = set()
    for label in _HEADER_LABEL.finditer(text):
        name = label.lastgroup
        if name is None or values[name] is not None:
            continue
        kind = fields[name].value
        for position, value in found[kind]:
            if position >= label.end() and (kind, position) not in used:
                used.add((kind, position))
                values[name] = value
                break
    for name, field_ in fields.items():
        if field_.value == "date":
            values[name] = iso_date(values[name])
    if values["priority"]:
        values["priority"] = values["priority"].capitalize()
    return values


def _credentials(paragraphs: Sequence[Paragraph]) -> tuple[list[str], str | None]:
    text = " ".join(p.text for p in paragraphs)
    licensure_match = _CREDENTIALS["licensure"].search(text)
    specialty_match = _CREDENTIALS["specialty"].search(text) if licensure_match else None
    if licensure_match is None:
        licensure_match = _CREDENTIALS["prose_licensure"].search(text)
        specialty_match = _CREDENTIALS["prose_specialty"].search(text)
    licensure = []
    if licensure_match:
        states = re.split(r"\s*(?:,|\band\b)\s*", licensure_match.group("v"))
        licensure = [state.strip() for state in states if state.strip()]
    specialty = specialty_match.group("v").strip() if specialty_match else None
    return licensure, specialty


def _item_starts(paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """(request start, first label) for each item.

    An item's labels come in order (claims administrator, MAXIMUS, rationale); a label that does
    not follow the one before opens a new item, and the paragraph before it is the request
    (with its decision word perhaps alone in the next paragraph). Text between two labels of one
    item that carries no decision word continues the label before it (a guideline line running
    over a page break), so it never becomes an item of its own.
    """
    starts: list[tuple[int, int]] = []
    last_order: int | None = None
    for index, paragraph in enumerate(paragraphs):
        name = _label_of(paragraph.text)
        if name is None:
            continue
        order = LANDMARKS.label_order.index(name)
        in_item = last_order is not None and order > last_order
        last_order = order
        if in_item or index == 0 or _label_of(paragraphs[index - 1].text) is not None:
            continue
        request_start = index - 1
        if LANDMARKS.decision_only.match(paragraphs[request_start].text) and request_start > 0:
            request_start -= 1
        if starts and request_start < starts[-1][1]:
            continue
        starts.append((request_start, index))
    return starts


def _items(paragraphs: Sequence[Paragraph], problems: list[str]) -> list[dict]:
    starts = _item_starts(paragraphs)
    hidden_text = has_hidden_text(paragraphs)
    items: list[dict] = []
    for issue_index, (request_start, labels_start) in enumerate(starts):
        request_text = " ".join(p.text for p in paragraphs[request_start:labels_start])
        request, decision, at_end = split_decision(request_text)
        following = issue_index + 1 < len(starts)
        end = starts[issue_index + 1][0] if following else len(paragraphs)
        review: list[str] = []
        if paragraphs[request_start].start_inferred:
            review.append("item_boundary_inferred")
        if decision and not at_end:
            review.append("decision_not_at_end_of_request")
        item = {
            "issue_index": issue_index,
            "request_text": request,
            "disputed_item": disputed_item_of(request),
            "decision": decision,
            "claims_admin_guideline_text": None,
            "maximus_guideline_text": None,
        }
        texts: dict[str, list[str]] = {}
        current: str | None = None
        for paragraph in paragraphs[labels_start:end]:
            name = _label_of(paragraph.text)
            if name is not None:
                current = name
                texts.setdefault(name, []).append(_strip_label(paragraph.text, name))
            elif current is not None:
                texts[current].append(paragraph.text)
        for name, field_name in (
            ("claims", "claims_admin_guideline_text"),
            ("maximus", "maximus_guideline_text"),
        ):
            if name in texts:
                item[field_name] = collapse(" ".join(texts[name]))
            else:
                review.append(f"no_{name}_guideline")
        rationale = [text for text in texts.get("rationale", []) if text]
        item["rationale"] = "\n\n".join(rationale)
        if decision is None:
            problems.append(
                f"item {item_number(issue_index)}: no Upheld/Overturned decision after the request"
            )
            review.append("no_decision")
        if not rationale:
            problems.append(f"item {item_number(issue_index)}: no decision rationale")
            review.append("no_rationale")
        if hidden_text and has_hidden_text(paragraphs[request_start:end]):
            review.append("hidden_text")
        confidence = _ocr_confidence(paragraphs[request_start:end])
        item["ocr_confidence"] = confidence
        if confidence is not None:
            review.append("ocr")
        item["review"] = review
        items.append(item)
    return items


def has_hidden_text(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether hidden text was dropped on or near a line of these paragraphs (hidden_text.py)."""
    return any(line.hidden_text for paragraph in paragraphs for line in paragraph.lines)


def _ocr_confidence(paragraphs: Sequence[Paragraph]) -> float | None:
    """Mean OCR word confidence over an item's lines (line means weighted by length); None
    when no line came from OCR."""
    total = weight = 0.0
    for paragraph in paragraphs:
        for line in paragraph.lines:
            if line.confidence is not None:
                total += line.confidence * len(line.text)
                weight += len(line.text)
    return round(total / weight, 1) if weight else None


def ocr_pages(paragraphs: Sequence[Paragraph]) -> list[int]:
    """Pages (from 1) whose text came from OCR."""
    return sorted({line.page + 1 for p in paragraphs for line in p.lines
                   if line.confidence is not None})  # fmt: skip


def _summary(paragraphs: Sequence[Paragraph]) -> str:
    texts = [LANDMARKS.strip_intro("summary", p.text) for p in paragraphs]
    return "\n\n".join(text for text in texts if text)


def _find_heading(paragraphs: Sequence[Paragraph], *names: str) -> int | None:
    """Index of the first paragraph opening with one of the named headings (landmarks.json)."""
    patterns = [LANDMARKS.headings[name] for name in names]
    for index, paragraph in enumerate(paragraphs):
        first_line = paragraph_first_line(paragraph)
        if any(p.match(paragraph.text) or p.match(first_line) for p in patterns):
            return index
    return None


def paragraph_first_line(paragraph: Paragraph) -> str:
    """The paragraph's first printed line: a heading is a whole line, also where the layout
    ran the next line into its paragraph ("IMR ISSUES, DECISIONS AND RATIONALES The Final
    Determination was based on ...")."""
    return " ".join(paragraph.lines[0].text.split()) if paragraph.lines else ""


def _not_a_letter(paragraphs: Sequence[Paragraph], what: str) -> NotALetterError:
    """The rejection, naming the closest form and what it lacks; a text with no landmark of
    any form (a shopping list) is close to none and says only `what`."""
    closest = closest_form(paragraphs)
    return NotALetterError(f"{what}: {closest.reason()}" if closest.found else what)


def parse_letter(paragraphs: Sequence[Paragraph], source_file: str, stem: str) -> ParsedLetter:
    """One letter's paragraphs -> its record and items, whichever known form it is in
    (forms.py). Raises NotALetterError, naming the closest form and what it lacks, when the
    text has no disputed items to find."""
    whole = "\n\n".join(p.text for p in paragraphs)
    # A later letter's issues section with its "Decision rationale:" items is that form, even
    # where a rationale quotes the 2013 statement ("... has determined the request ...").
    later_form = _find_heading(paragraphs, "issues", "issues_older") is not None and any(
        LANDMARKS.labels["rationale"].match(p.text) for p in paragraphs
    )
    if not later_form and is_2013_letter(whole):
        return _parse_2013_letter(paragraphs, source_file, stem)
    if (
        _find_heading(paragraphs, "review_rationale") is not None
        and _find_heading(paragraphs, "review_title", "review_issue") is not None
    ):
        return _parse_review_letter(paragraphs, source_file, stem)
    how = _find_heading(paragraphs, "how")
    summary_at = _find_heading(paragraphs, "summary")
    issues_at = _find_heading(paragraphs, "issues", "issues_older")
    problems: list[str] = []
    if issues_at is None:
        if not any(LANDMARKS.labels["rationale"].match(p.text) for p in paragraphs):
            if how is not None or summary_at is not None:
                raise _not_a_letter(
                    paragraphs, "IMR letter without its issues section: no disputed item to read"
                )
            raise _not_a_letter(paragraphs, "not an IMR determination letter")
        problems.append("no 'IMR ISSUES, DECISIONS AND RATIONALES' heading; items found by labels")
        issues_at = summary_at if summary_at is not None else -1
    item_paragraphs = [p for p in paragraphs[issues_at + 1 :]
                       if not LANDMARKS.intros["issues"].match(p.text)]  # fmt: skip
    items = _items(item_paragraphs, problems)
    if not items:
        raise _not_a_letter(paragraphs, "IMR issues section holds no disputed item")
    header_end = how if how is not None else (summary_at if summary_at is not None else 0)
    header = header_fields(" ".join(p.text for p in paragraphs[:header_end]))
    credentials_end = summary_at if summary_at is not None else issues_at
    licensure, specialty = _credentials(paragraphs[header_end : max(header_end, credentials_end)])
    summary = _summary(paragraphs[summary_at + 1 : issues_at]) if summary_at is not None else ""
    structured = _CREDENTIALS["specialty_label"].search(whole) is not None
    return _letter(
        header, licensure, specialty, summary, items, problems, source_file, stem,
        layout="header" if how is not None and header_end > 0 else "no-header",
        era="2016+" if structured else "2014-15", paragraphs=paragraphs,
    )  # fmt: skip


def _parse_2013_letter(
    paragraphs: Sequence[Paragraph], source_file: str, stem: str
) -> ParsedLetter:
    paragraphs = unglued_paragraphs(paragraphs)
    whole = "\n\n".join(p.text for p in paragraphs)
    items, dates, summary = parse_2013(paragraphs)
    for item in items:  # a partial certification stated as one request
        item["disputed_item"] = disputed_item_of(item["request_text"])
    if not items:
        raise _not_a_letter(paragraphs, "2013 notice without a numbered decision")
    if has_hidden_text(paragraphs):  # its decisions stand in prose, not in an item's lines
        for item in items:
            item["review"].append("hidden_text")
    decision_at = _find_heading(paragraphs, "decision_2013")
    header = header_fields(" ".join(p.text for p in paragraphs[:decision_at]))
    for name, value in dates.items():
        header[name] = header[name] or iso_date(value)
    licensure, specialty = _credentials([Paragraph.of([Line(whole)])])
    problems = [f"item {item_number(item['issue_index'])}: no decision rationale" for item in items
                if not item["rationale"]]  # fmt: skip
    return _letter(
        header, licensure, specialty, summary, items, problems, source_file, stem,
        layout="no-header", era="2013", paragraphs=paragraphs,
    )  # fmt: skip


def _parse_review_letter(
    paragraphs: Sequence[Paragraph], source_file: str, stem: str
) -> ParsedLetter:
    preamble, items, summary, qualifications = parse_review(paragraphs)
    for item in items:  # a partial certification stated as the issue
        item["disputed_item"] = disputed_item_of(item["request_text"])
    if not items:
        raise _not_a_letter(paragraphs, "review attachment without an issue at dispute")
    problems: list[str] = []
    for item in items:
        if item["decision"] is None:
            problems.append(
                f"item {item_number(item['issue_index'])}: no decision in its rationale"
            )
        if not item["rationale"]:
            problems.append(f"item {item_number(item['issue_index'])}: no decision rationale")
    header = header_fields(preamble)
    licensure, specialty = _credentials([Paragraph.of([Line(qualifications)])])
    return _letter(
        header, licensure, specialty, summary, items, problems, source_file, stem,
        layout="no-header", era="review", paragraphs=paragraphs,
    )  # fmt: skip


def _letter(
    header: dict, licensure: list[str], specialty: str | None, summary: str, items: list[dict],
    problems: list[str], source_file: str, stem: str, layout: str, era: str,
    paragraphs: Sequence[Paragraph],
) -> ParsedLetter:  # fmt: skip
    case_number = header.pop("case_number") or stem
    letter = {
        "source_file": source_file,
        "case_number": case_number,
        **header,
        "licensure": licensure,
        "specialty": specialty,
        "clinical_case_summary": summary,
        "n_items": len(items),
        "layout": layout,
        "era": era,
        "ocr_pages": ocr_pages(paragraphs),
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
        if seen_rationale and (LANDMARKS.letter_start.match(text)
                               or LANDMARKS.headings["how"].match(text)):  # fmt: skip
            letters.append([])
            seen_rationale = False
        letters[-1].append(paragraph)
        seen_rationale = seen_rationale or bool(LANDMARKS.labels["rationale"].match(text))
    return [letter for letter in letters if letter]
