"""The "MEDICAL PROFESSIONAL REVIEW" attachment form.

Sections, each opened by its heading (`landmarks.json`, headings "review_*"): "ISSUE AT
DISPUTE:", "CASE SUMMARY:", "DOCUMENTS REVIEWED FOR DETERMINATION:", "MEDICAL TREATMENT
GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:", "RATIONALE FOR WHY THE REQUESTED
TREATMENT/SERVICE IS/WAS (NOT) MEDICALLY NECESSARY:", "MEDICAL REVIEWER QUALIFICATIONS:".

Items: each "ISSUE AT DISPUTE" block is one item; one block listing several numbered issues
("1. X", "2) Y") gives one item per number, and its guideline and rationale sections are split
by the same numbers when they carry them. The decision of an item is read from its ruling
sentence ("the request for X is (not) medically necessary"), else from the rationale heading
("... IS/WAS NOT MEDICALLY NECESSARY" = Upheld, "... IS MEDICALLY NECESSARY" = Overturned);
where the two disagree the ruling sentence stands and the item is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.ingest.era2013 import split_mtg_citation
from pipeline.ingest.landmarks import LANDMARKS
from pipeline.ingest.layout import Paragraph

_SECTIONS = (
    "review_title", "review_issue", "summary", "review_documents", "review_guidelines",
    "review_rationale", "review_qualifications",
)  # fmt: skip
_COLON_HEADINGS = ("review_issue", "review_documents", "review_guidelines", "review_rationale",
                   "review_qualifications")  # fmt: skip
_NUMBERED = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[.)]\s+(?=\S)")
# The ruling: "... (the request for) X is (not) medically necessary", the last one in the
# rationale; where none is, "... is (not) supported / indicated / warranted".
_RULINGS = (
    # "is (not) ...", "is determined to (not) be ...", "deem the request ... to be ..."
    re.compile(
        r"\b(?:(?:is|are|was|were)(?:\s+(?:determined|found|deemed))?|to)\s+"
        r"(?P<negation>not\s+)?(?:be\s+)?(?P<negation2>not\s+)?medically\s+necessary\b",
        re.I,
    ),
    re.compile(
        r"\b(?:is|are|was|were)\s+(?P<negation>not\s+)?(?:medically\s+)?"
        r"(?:supported|indicated|warranted)\b",
        re.I,
    ),
)
# An issue may be worded "Whether the request for X is medically necessary": X is the item.
_WHETHER = re.compile(r"^whether\s+(?:the\s+)?(?:request(?:ed)?\s+)?(?:for\s+)?", re.I)
_IS_NECESSARY = re.compile(
    r"(?<!\s)\s+(?:is|was|are|were)\s+medically\s+necessary(?:\s+and\s+appropriate)?[.?]?$",
    re.I,
)  # starts a run of spaces: linear


# A heading may wrap ("... RELIED UPON BY PROFESSIONAL REVIEWER / AND WHY:"): what follows
# its opening words up to its colon is still the heading.
_HEADING_TAIL = re.compile(r"^[^:\n]{0,80}:")
# The decision a rationale heading states: "... IS/WAS NOT MEDICALLY NECESSARY" is the form's
# fixed wording (generic), "... IS MEDICALLY NECESSARY" an item's own.
_HEADING_DECISION = re.compile(
    r"\s(?:(?P<generic>IS\s*/\s*WAS|ARE\s*/\s*WERE)|IS|WAS|ARE|WERE)\s+(?P<negation>NOT\s+)?"
    r"MEDICALLY\s+NECESSARY\b",
    re.I,
)


@dataclass
class _Block:
    """One "ISSUE AT DISPUTE" block: its sections' texts by name, a numbered heading's under
    "name#n" ("1) RATIONALE FOR WHY ..." -> "review_rationale#1"); a rationale heading's
    decision under "_heading" / "_heading#n" ("generic:not", "specific:")."""

    sections: dict[str, list[str]] = field(default_factory=dict)


def _split_sections(paragraphs: Sequence[Paragraph]) -> tuple[str, list[_Block], dict]:
    """(text before the first section, one block per "ISSUE AT DISPUTE", the sections shared
    by all blocks: summary, documents, qualifications)."""
    preamble: list[str] = []
    blocks: list[_Block] = []
    shared: dict[str, list[str]] = {}
    current: str | None = None  # the key texts go under
    unfinished = ""  # a heading still waiting for its colon (wrapped onto the next line)
    for paragraph in paragraphs:
        name, match, rest = _opening_section(paragraph)
        if name is None or match is None:
            text = paragraph.text
            if unfinished:  # "AND WHY:" / "MEDICALLY NECESSARY:" on the heading's next line
                tail = _HEADING_TAIL.match(text)
                if tail and tail.group(0).isupper():
                    _heading_decision(unfinished + " " + tail.group(0), current, blocks)
                    text = text[tail.end() :].strip()
                unfinished = ""
            if current in (None, "review_title"):  # the header lines under the title
                preamble.append(text)
            elif (
                text
                and current is not None
                and (target := _target(current, blocks, shared)) is not None
            ):
                target.setdefault(current, []).append(text)
            continue
        number = match.groupdict().get("number")
        current = f"{name}#{int(number)}" if number else name
        if name == "review_issue" or (name.startswith("review_") and name != "review_title"
                                      and not blocks):  # fmt: skip
            blocks.append(_Block())
        # The form's own headings end in a colon, perhaps a line later (the title does not).
        tail = _HEADING_TAIL.match(rest) if name in _COLON_HEADINGS else None
        heading_text = match.group(0) + (tail.group(0) if tail else "")
        rest = rest[tail.end() :].strip() if tail else rest
        unfinished = ""
        if name in _COLON_HEADINGS and not tail and (not rest or rest.isupper()):
            unfinished, rest = f"{heading_text} {rest}".strip(), ""  # its colon comes later
        target = _target(current, blocks, shared)
        if target is None:
            if rest:  # the title's line ran on into the header lines
                preamble.append(rest)
            continue
        target.setdefault(current, [])
        _heading_decision(heading_text, current, blocks)
        if rest:
            target[current].append(rest)
    return "\n\n".join(preamble), blocks, shared


def _heading_decision(heading: str, key: str | None, blocks: list[_Block]) -> None:
    """Record the decision a rationale heading states ("generic:not", "specific:") in its
    block, under "_heading" or "_heading#n"."""
    if key is None or not key.startswith("review_rationale") or not blocks:
        return
    said = _HEADING_DECISION.search(heading)
    if said:
        kind = "generic" if said.group("generic") else "specific"
        negation = "not" if said.group("negation") else ""
        blocks[-1].sections["_heading" + key.removeprefix("review_rationale")] = [
            f"{kind}:{negation}"
        ]


def _opening_section(paragraph: Paragraph) -> tuple[str | None, re.Match[str] | None, str]:
    """(section name, its heading's match, the text after the heading) of a paragraph that
    opens a section, on its text or on its first line (a heading line the layout ran into its
    paragraph); (None, None, "") otherwise."""
    text = paragraph.text
    first = " ".join(paragraph.lines[0].text.split()) if paragraph.lines else text
    for candidate in (text, first):
        name = LANDMARKS.heading_of(candidate)
        if name in _SECTIONS:
            match = LANDMARKS.headings[name].match(candidate)
            if match is not None:
                after = candidate[match.end() :] + text[len(candidate) :]
                return name, match, after.strip()
    return None, None, ""


def _target(key: str, blocks: list[_Block], shared: dict) -> dict | None:
    name = key.split("#")[0]
    if name in ("review_issue", "review_guidelines", "review_rationale"):
        return blocks[-1].sections if blocks else None
    if name == "review_title":
        return None
    return shared


def _numbered(text: str) -> dict[int, str]:
    """{n: text} of a numbered list ("1. X 2. Y"), or {} when the text is not one."""
    marks = list(_NUMBERED.finditer(text))
    if not marks or marks[0].start() != 0 or int(marks[0].group("n")) != 1:
        return {}
    parts: dict[int, str] = {}
    expected = 1
    starts = []
    for mark in marks:  # only the marks that count 1, 2, 3... in order
        if int(mark.group("n")) == expected:
            starts.append(mark)
            expected += 1
    for index, mark in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        parts[int(mark.group("n"))] = text[mark.end() : end].strip()
    return parts


def _issue_text(text: str) -> str:
    text = " ".join(text.split())
    if _WHETHER.match(text):
        text = _IS_NECESSARY.sub("", _WHETHER.sub("", text, count=1))
    return text.strip(" :;,.")


def _decision(rationale: str, heading: str | None) -> tuple[str | None, list[str]]:
    """The item's decision from its ruling sentence, else from the rationale heading
    ("generic:not" / "specific:" ...), with the review flags that go with it."""
    rulings: list[re.Match[str]] = []
    for pattern in _RULINGS:
        rulings = rulings or list(pattern.finditer(rationale))
    from_heading = None
    specific = False
    if heading is not None:
        kind, negation = heading.split(":")
        from_heading, specific = ("Upheld" if negation else "Overturned"), kind == "specific"
    if not rulings:
        return from_heading, ["decision_from_heading"] if from_heading else ["no_decision"]
    last = rulings[-1]
    negated = last.group("negation") or "negation2" in last.re.groupindex and last["negation2"]
    ruling = "Upheld" if negated else "Overturned"
    if specific and from_heading != ruling:
        return ruling, ["decision_heading_disagrees"]
    return ruling, []


def _joined(sections: dict[str, list[str]], key: str) -> str:
    return "\n\n".join(sections.get(key, []))


def _items_of_block(block: _Block) -> list[tuple[str, str, str, str | None]]:
    """(issue, guidelines, rationale, rationale heading's decision) per item of a block.

    Several numbered issues take the guideline and rationale sections of their number: the
    numbered headings' ("2) RATIONALE FOR WHY ..."), else the same numbers inside one section.
    """
    sections = block.sections
    issue = _joined(sections, "review_issue")
    guidelines = _joined(sections, "review_guidelines")
    rationale = _joined(sections, "review_rationale")
    heading: str | None = (sections.get("_heading") or [None])[0]  # type: ignore[list-item]
    issues = _numbered(" ".join(issue.split()))
    if len(issues) <= 1:
        number = next(iter(issues), 1)
        text = issues.get(number, issue)
        return [(text, guidelines or _joined(sections, f"review_guidelines#{number}"),
                 rationale or _joined(sections, f"review_rationale#{number}"),
                 heading or (sections.get(f"_heading#{number}") or [None])[0])]  # type: ignore[list-item]  # fmt: skip
    guideline_parts = _numbered(" ".join(guidelines.split()))
    rationale_parts = _numbered(rationale.strip())
    out: list[tuple[str, str, str, str | None]] = []
    for number, text in issues.items():
        own_guidelines = _joined(sections, f"review_guidelines#{number}")
        own_rationale = _joined(sections, f"review_rationale#{number}")
        if not own_guidelines:
            own_guidelines = (guideline_parts.get(number, guidelines)
                              if len(guideline_parts) == len(issues) else guidelines)  # fmt: skip
        if not own_rationale:
            own_rationale = (rationale_parts.get(number, rationale)
                             if len(rationale_parts) == len(issues) else rationale)  # fmt: skip
        own_heading = next(iter(sections.get(f"_heading#{number}") or []), heading)
        out.append((text, own_guidelines, own_rationale, own_heading))
    return out


def parse_review(paragraphs: Sequence[Paragraph]) -> tuple[str, list[dict], str, str]:
    """(header text, items, case summary, qualifications text) of a review attachment."""
    preamble, blocks, shared = _split_sections(paragraphs)
    items: list[dict] = []
    for block in blocks:
        for issue, guidelines, rationale, negation in _items_of_block(block):
            review: list[str] = []
            request = _issue_text(issue)
            decision, flags = _decision(rationale, negation)
            review += flags
            claims, expert = split_mtg_citation(guidelines) if guidelines else (None, "")
            if not expert:
                review.append("no_maximus_guideline")
            if not rationale.strip():
                review.append("no_rationale")
            items.append({
                "issue_index": len(items),
                "request_text": request,
                "disputed_item": request,
                "decision": decision,
                "claims_admin_guideline_text": claims,
                "maximus_guideline_text": expert or None,
                "rationale": rationale.strip(),
                "review": review,
                "ocr_confidence": None,
            })  # fmt: skip
    summary = "\n\n".join(shared.get("summary", []))
    qualifications = "\n\n".join(shared.get("review_qualifications", []))
    return preamble, items, summary, qualifications
