"""2013 letters ("Notice of Independent Medical Review Determination").

A numbered list states each decision: "1) MAXIMUS Federal Services, Inc. has determined the
request for <treatment> is not medically necessary and appropriate." (Upheld) or "... is
medically necessary and appropriate." (Overturned). The list may stand twice (in the notice and
under "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"); each number counts once. Per-item
reasoning follows the case summary as "1) Regarding the request for <treatment>:" with
"Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:" and "Rationale for the
Decision:". The decision section's prose gives the dates ("An application for Independent
Medical Review was filed on <date> disputing the Utilization Review Denial dated <date>. A Notice
of Assignment ... was provided to the above parties on <date>").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Paragraph
from pipeline.ingest.unglue import unglue, vocabulary

_DATE = r"(?P<v>\d{1,2}/\d{1,2}/\d{2,4})"
# Bounded repeats: a statement is one sentence, so no scan runs past ~600 characters.
DECISION_STATEMENT = re.compile(
    r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[).]\s*"
    r"(?:MAXIMUS Federal Services,?\s+Inc\.?,?\s+has\s+determined\s+(?:that\s+)?)?"
    r"(?:the\s+)?request\s+for\s+(?P<treatment>[^\n]{1,600}?)\s+(?:is|was|are|were)\s+"
    r"(?P<negation>not\s+)?medically\s+necessary\s+and\s+appropriate\b",
    re.I,
)
_REGARDING = re.compile(
    r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[).]\s*Regarding\s+the\s+request\s+for\b[^\n]{0,600}?:",
    re.I,
)
_SUMMARY_HEADING = re.compile(r"\b(?:Expert\s+Reviewer\s+)?Case\s+Summary\s*:", re.I)
_DISCLAIMER = re.compile(
    r"^Disclaimer:\s*The following case summary was taken directly from[^.]{0,200}\.\s*", re.I
)
DATE_PHRASES = {
    "application_received": re.compile(rf"Independent Medical Review was filed on\s+{_DATE}", re.I),
    "ur_denial_date": re.compile(rf"Utilization Review Denial dated\s+{_DATE}", re.I),
    "date_assigned": re.compile(rf"Notice of Assignment\b[^.]{{0,200}}?\bon\s+{_DATE}", re.I),
    "decision_date": re.compile(rf"\bDated\s*:\s*{_DATE}", re.I),
}


# The Medical Treatment Guideline (MTG) Citation block of later 2013 notices may hold both
# reviewers' sentences: each part starts with its subject.
_SENTENCE_START = r"(?:^|(?<=[.;:]\s)|(?<=[.;:]))\s*"
_MTG_CLAIMS = re.compile(_SENTENCE_START + r"The\s+Claims\s+Administrator\b", re.I)
_MTG_EXPERT = re.compile(
    _SENTENCE_START + r"The\s+(?:Expert|Physician|Professional)\s+Reviewer\b", re.I
)
# A numbered list of citations ("1. Chronic Pain ... 2. ODG ..."): one clause each.
_LIST_MARK = re.compile(r"(?:^|(?<=\s))\d{1,2}\s*[.)]\s+(?=[A-Z])")


# The statement's closing phrase with a space missing somewhere.
_GLUED_PHRASE = re.compile(r"notmedically|medicallynecessary|necessaryand|andappropriate", re.I)


def is_2013_letter(text: str) -> bool:
    """True when decisions are stated as the 2013 numbered list (words glued by the text
    layer, "notmedically necessary", are split again first)."""
    # Every statement ends "... appropriate": a plain substring test rules out most letters
    # at a twentieth of the statement pattern's cost (it tries every digit of the letter).
    # Only for ASCII text, where `re.I` and `str.lower` agree (`re.I` also takes "ı" for "i").
    if text.isascii() and "appropriate" not in text.lower():
        return False
    if DECISION_STATEMENT.search(text) is not None:
        return True
    # Only where the fixed phrase is glued ("notmedically", "necessaryand") is it unglued.
    return _GLUED_PHRASE.search(text) is not None and (
        DECISION_STATEMENT.search(unglue(text)) is not None
    )


def unglued_paragraphs(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs with glued words split (their lines kept as printed)."""
    words = vocabulary(p.text for p in paragraphs)
    return [Paragraph(p.lines, unglue(p.text, words), p.start_inferred) for p in paragraphs]


def split_mtg_citation(text: str) -> tuple[str | None, str]:
    """(claims administrator part or None, expert reviewer part) of a guideline block; a
    numbered list of citations becomes one clause per number."""
    claims = _MTG_CLAIMS.search(text)
    expert = _MTG_EXPERT.search(text)
    if claims is None:
        return None, _as_clauses(text)
    if expert is None:
        return _as_clauses(text[claims.start() :]), _as_clauses(text[: claims.start()])
    if claims.start() < expert.start():
        return _as_clauses(text[claims.start() : expert.start()]), _as_clauses(
            text[expert.start() :]
        )
    return _as_clauses(text[claims.start() :]), _as_clauses(text[expert.start() : claims.start()])


def _as_clauses(text: str) -> str:
    text = _collapse(text)
    if not re.match(r"1\s*[.)]\s", text):
        return text
    parts = [part.strip().rstrip(";") for part in _LIST_MARK.split(text) if part.strip()]
    return "; ".join(parts)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def decision_statements(text: str) -> list[tuple[int, str, str]]:
    """(number, treatment, decision) per numbered statement, the first of each number."""
    seen: dict[int, tuple[int, str, str]] = {}
    for match in DECISION_STATEMENT.finditer(text):
        number = int(match.group("n"))
        if number in seen:
            continue
        decision = "Upheld" if match.group("negation") else "Overturned"
        seen[number] = (number, _collapse(match.group("treatment")), decision)
    return [seen[n] for n in sorted(seen)]


def _blocks(text: str) -> dict[int, str]:
    """{item number: its "N) Regarding the request for ..." block of reasoning}."""
    found = list(_REGARDING.finditer(text))
    blocks: dict[int, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        blocks.setdefault(int(match.group("n")), text[match.end() : end])
    return blocks


def _labelled(block: str) -> dict[str, str]:
    """A block's text under each label (claims / maximus / rationale)."""
    out: dict[str, list[str]] = {}
    current = None
    for paragraph in block.split("\n\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        for name, pattern in LANDMARKS.labels.items():
            match = pattern.match(paragraph)
            if match:
                current = name
                paragraph = paragraph[match.end() :].strip()
                break
        if current is not None and paragraph:
            out.setdefault(current, []).append(paragraph)
    return {name: "\n\n".join(parts) for name, parts in out.items()}


def parse_2013(paragraphs: Sequence[Paragraph]) -> tuple[list[dict], dict, str]:
    """(items, letter dates, case summary) of a 2013 letter."""
    text = "\n\n".join(p.text for p in paragraphs)
    blocks = _blocks(text)
    items = []
    for index, (number, treatment, decision) in enumerate(decision_statements(text)):
        labelled = _labelled(blocks.get(number, ""))
        if "maximus" in labelled:
            claims, expert = split_mtg_citation(labelled["maximus"])
            labelled["maximus"] = expert
            if claims is not None and "claims" not in labelled:
                labelled["claims"] = claims
        review: list[str] = []
        item = {
            "issue_index": index,
            "request_text": treatment,
            "disputed_item": treatment,
            "decision": decision,
            "claims_admin_guideline_text": _collapse(labelled["claims"])
            if "claims" in labelled
            else None,
            "maximus_guideline_text": _collapse(labelled["maximus"])
            if "maximus" in labelled
            else None,
            "rationale": labelled.get("rationale", ""),
            "review": review,
            "ocr_confidence": None,
        }
        # 2013 letters print no claims administrator guideline: its absence is no doubt.
        if item["maximus_guideline_text"] is None:
            review.append("no_maximus_guideline")
        if not item["rationale"]:
            review.append("no_rationale")
        items.append(item)
    dates = {}
    for name, pattern in DATE_PHRASES.items():
        match = pattern.search(text)
        dates[name] = match.group("v") if match else None
    summary = ""
    heading = _SUMMARY_HEADING.search(text)
    if heading:
        first_block = _REGARDING.search(text, heading.end())
        end = first_block.start() if first_block else len(text)
        summary = _DISCLAIMER.sub("", text[heading.end() : end].strip()).strip()
    return items, dates, summary
