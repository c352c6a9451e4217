"""The forms a letter is re-rendered into, and what each should read back.

Each `Form` writes one file per letter from a `LetterModel` (see model.py) and says what the
answer key's item becomes in that form (`expect`): the same item for every change of layout or
page furniture; for the older wordings only what the wording itself cannot carry changes
(documented per form below). Forms:

layout only (the 2016+ letter as printed, expected unchanged)
  txt-export        pdfium page text of the original, pages joined by a newline
  txt-export-ff     the same, pages separated by form feeds
  txt-narrow        re-wrapped at 60 columns, running header and "Page N of M" footer lines
                    in the middle of the text, no form feeds (page breaks lost)
  txt-wide          re-wrapped at 140 columns, the same furniture, pages separated by form feeds
  pdf-plain         the control: US letter as the original, re-laid out by this engine, no
                    page furniture (a miss here is the generator's, not the form's)
  pdf-a4            A4, running header from page 2, "Page N of M" footers
  pdf-legal         US legal, a two-line running header with a "Case Number:" line on every
                    page, "Page N of M" footers
  pdf-narrow        US letter, a 4-inch text column, footers
  pdf-wide          US letter, 0.5-inch margins, 10 pt type, footers
older wordings
  seed-txt          the 2014-15 plain text of ../shared/data/seed_letter.txt: no header block,
                    every printed line followed by a blank line, credentials in prose,
                    "Page(s):" citations
  seed-pdf          the 2014-15 "MAXIMUS FEDERAL SERVICES, INC. / Independent Medical Review"
                    form: "IMR DECISION(S) AND RATIONALE(S)", "DOCUMENTS REVIEWED", "Page(s):"
                    citations, printed to PDF with a running header and "Page N of M" footers
  2013-pdf          the 2013 "Notice of Independent Medical Review Determination": the
                    numbered decision list (twice), "N) Regarding the request for ...:" blocks
                    with the "Medical Treatment Guideline (MTG) Citation" labels, citations in
                    prose; in every other letter words of the decision statements are glued
                    ("notmedically") as in real 2013 PDFs
  review-pdf        the "MEDICAL PROFESSIONAL REVIEW" attachment: ISSUE AT DISPUTE, CASE
                    SUMMARY, DOCUMENTS REVIEWED FOR DETERMINATION, the reviewer's guidelines,
                    the rationale under its decision heading, MEDICAL REVIEWER QUALIFICATIONS

What changes in `expect`:
- "Page(s):" forms (seed-*): every MTUS clause cites a made-up page instead of its section
  names (the wording has no place for them): expected sections null and pages [that page].
- statement forms (2013-pdf): the request is stated as "the request for <request> is (not)
  medically necessary", so a request paragraph's own trailing " is" (partial certifications)
  merges into the statement's verb: expected request_text without it.
- review-pdf: the attachment carries only the reviewer's guidelines: expected
  claims_admin_guideline null.
"""

from __future__ import annotations

import copy
import hashlib
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from tools.renderings.citations import expect_pages_form, pages_form, prose_form
from tools.renderings.model import Block, LetterModel
from tools.renderings.pdf_writer import (
    A4,
    LEGAL,
    LETTER,
    PageStyle,
    PdfWriter,
    page_footer,
)

# -- small helpers -------------------------------------------------------------------------


def _digest(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def us_date(iso: str | None, default: str = "01/01/2017") -> str:
    if not iso:
        return default
    d = date.fromisoformat(iso)
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def credentials_prose(model: LetterModel) -> str:
    states = model.header.get("licensure") or ["California"]
    where = " and ".join(states)
    specialty = model.header.get("specialty")
    if specialty:
        return (
            f"The expert reviewer is Board Certified in {specialty} and is licensed to practice "
            f"in {where}."
        )
    return f"The expert reviewer is licensed to practice in {where}."


_TRAILING_IS = re.compile(r"\s+is$", re.I)


def statement_request(request: str) -> str:
    """The request as a 2013 statement names it: its own trailing " is" joins the verb."""
    return _TRAILING_IS.sub("", request.strip())


def _pdfium_pages(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(str(pdf), password="")
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


# -- what each form expects back -----------------------------------------------------------

Expect = Callable[[dict[str, Any]], dict[str, Any]]


def same(gold: dict[str, Any]) -> dict[str, Any]:
    return gold


def _citation_key(gold: dict[str, Any], field: str) -> str:
    return f"{gold['case_number']}|{gold['issue_index']}|{field}"


def expect_pages(gold: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(gold)
    for field in ("claims_admin_guideline", "maximus_guideline"):
        out[field] = expect_pages_form(gold.get(field), _citation_key(gold, field))
    return out


def expect_statement(gold: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(gold)
    out["request_text"] = statement_request(gold["request_text"])
    return out


def expect_review(gold: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(gold)
    out["claims_admin_guideline"] = None
    return out


# -- text renderings -----------------------------------------------------------------------


def _wrap_block(block: Block, width: int) -> list[str]:
    text = "".join(t for t, _ in block.runs)
    lines: list[str] = []
    for piece in text.split("\n"):
        piece = " ".join(piece.split())
        if piece:
            lines += textwrap.wrap(piece, width, break_on_hyphens=False, break_long_words=False)
    if block.center:
        lines = [line.center(width).rstrip() for line in lines]
    return lines


def _furniture(
    model: LetterModel, legal: bool
) -> Callable[[int, int], tuple[list[str], list[str]]]:
    case = model.case_number
    decided = us_date(model.header.get("decision_date"))

    def furniture(page: int, total: int) -> tuple[list[str], list[str]]:
        if legal:
            header = ["MAXIMUS Federal Services, Inc.", f"Case Number: {case}   {decided}"]
        else:
            header = (
                [f"Independent Medical Review Final Determination - {case}"] if page > 1 else []
            )
        return header, [page_footer(page, total)]

    return furniture


def rewrapped_text(
    model: LetterModel, width: int, page_lines: int, form_feeds: bool, legal: bool = False
) -> str:
    body: list[str] = []
    for block in model.blocks:
        if body:
            body.append("")
        body += _wrap_block(block, width)
    pages = [body[i : i + page_lines] for i in range(0, len(body), page_lines)]
    furniture = _furniture(model, legal)
    out: list[str] = []
    for number, lines in enumerate(pages, start=1):
        header, footer = furniture(number, len(pages))
        if number > 1:
            out.append("\f" if form_feeds else "")
        out += [*header, ""] if header else []
        out += lines
        out += ["", *footer]
    return "\n".join(out) + "\n"


def seed_text(model: LetterModel) -> str:
    """The seed letter's plain text: each printed line then a blank line, " " between paragraphs."""
    out: list[str] = []

    def heading(text: str) -> None:
        out.append(f" {text} \n\n")

    def paragraph(text: str) -> None:
        for line in textwrap.wrap(" ".join(text.split()), 95, break_on_hyphens=False):
            out.append(line + " \n\n")
        out.append(" \n\n")

    heading("HOW THE IMR FINAL DETERMINATION WAS MADE")
    paragraph(" ".join([*model.how[:1], credentials_prose(model)]))
    heading("CLINICAL CASE SUMMARY")
    paragraph(
        "The expert reviewer developed the following clinical case summary based on a review of "
        "the case file, including all medical records:"
    )
    for text in model.summary:
        paragraph(text)
    heading("IMR ISSUES, DECISIONS AND RATIONALES")
    paragraph(
        "The Final Determination was based on decisions for the disputed items/services set "
        "forth below:"
    )
    for index, item in enumerate(model.items):
        key = f"{model.case_number}|{index}"
        paragraph(f"{item.request}:  {item.decision}")
        claims = pages_form(item.claims, "claims", f"{key}|claims_admin_guideline")
        maximus = pages_form(item.maximus, "maximus", f"{key}|maximus_guideline")
        if claims is not None:
            paragraph(f"Claims Administrator guideline: {claims}")
        if maximus is not None:
            paragraph(f"MAXIMUS guideline: {maximus}")
        for n, text in enumerate(item.rationale):
            paragraph(f"Decision rationale: {text}" if n == 0 else text)
    return "".join(out)


# -- PDF renderings ------------------------------------------------------------------------


def write_blocks_pdf(
    model: LetterModel,
    style: PageStyle,
    target: Path,
    legal_furniture: bool = False,
    furniture: bool = True,
) -> Path:
    writer = PdfWriter(style)
    first = True
    for block in model.blocks:
        writer.paragraph(
            block.runs,
            center=block.center,
            gap=style.pitch if (block.kind == "header" and not first) else None,
        )
        first = False
    writer.furnish(_furniture(model, legal_furniture) if furniture else None)
    return writer.save(target)


def _labelled(writer: PdfWriter, label: str, text: str | None) -> None:
    if text is None:
        return
    writer.paragraph([(label + " ", True), (text, False)])


def seed_pdf(model: LetterModel, target: Path) -> Path:
    style = PageStyle(size=LETTER)
    w = PdfWriter(style)
    p = style.pitch
    w.paragraph([("MAXIMUS FEDERAL SERVICES, INC.", True)], center=True)
    w.paragraph([("Independent Medical Review Final Determination Letter", False)], gap=p)
    w.paragraph([(f"IMR Case Number: {model.case_number}", False)])
    w.paragraph([(f"Date of Injury: {us_date(model.header.get('date_of_injury'))}", False)], gap=p)
    w.paragraph([(f"UR Denial Date: {us_date(model.header.get('ur_denial_date'))}", False)], gap=p)
    w.paragraph([("HOW THE IMR FINAL DETERMINATION WAS MADE", True)], center=True)
    w.paragraph([(" ".join([*model.how[:1], credentials_prose(model)]), False)])
    w.paragraph([("DOCUMENTS REVIEWED", True)], center=True)
    w.paragraph(
        [
            (
                "Application of Independent Medical Review\nUtilization Review Determination\n"
                "Medical Treatment Utilization Schedule\nMedical records from the providers",
                False,
            )
        ]
    )
    w.paragraph([("CLINICAL CASE SUMMARY", True)], center=True)
    for text in model.summary:
        w.paragraph([(text, False)])
    w.paragraph([("IMR DECISION(S) AND RATIONALE(S)", True)], center=True)
    w.paragraph(
        [
            (
                "The Final Determination was based on decisions for the disputed "
                "items/services set forth below:",
                False,
            )
        ]
    )
    for index, item in enumerate(model.items):
        key = f"{model.case_number}|{index}"
        w.paragraph([(f"{item.request}: ", True), (item.decision or "", False)])
        _labelled(
            w,
            "Claims Administrator guideline:",
            pages_form(item.claims, "claims", f"{key}|claims_admin_guideline"),
        )
        _labelled(
            w, "MAXIMUS guideline:", pages_form(item.maximus, "maximus", f"{key}|maximus_guideline")
        )
        for n, text in enumerate(item.rationale):
            w.paragraph(
                [("Decision rationale: ", True), (text, False)] if n == 0 else [(text, False)]
            )
    decided = us_date(model.header.get("decision_date"))
    w.furnish(
        lambda n, m: ([f"{model.case_number}   {decided}"] if n > 1 else [], [page_footer(n, m)])
    )
    return w.save(target)


def _statement(n: int, item_request: str, decision: str | None, glue: bool) -> str:
    verdict = "is medically necessary" if decision == "Overturned" else "is not medically necessary"
    if glue:
        verdict = verdict.replace("not medically", "notmedically").replace(
            "is medically necessary", "is medicallynecessary"
        )
    return (
        f"{n}) MAXIMUS Federal Services, Inc. has determined the request for "
        f"{statement_request(item_request)} {verdict} and appropriate."
    )


_DETAIL = (
    "A detailed explanation of the decision for each of the disputed items/services is provided "
    "later in this letter."
)


def notice_2013_pdf(model: LetterModel, target: Path) -> Path:
    style = PageStyle(size=LETTER, font_size=11.0, pitch=13.0, gap=26.0, serif=False)
    w = PdfWriter(style)
    p = style.pitch
    glue = _digest(model.case_number) % 2 == 0
    h = model.header
    w.paragraph([("MAXIMUS FEDERAL SERVICES, INC.", True)])
    w.paragraph([("Independent Medical Review", False)], gap=p)
    w.paragraph([("Notice of Independent Medical Review Determination", True)])
    w.paragraph([(f"Dated: {us_date(h.get('decision_date'))}", False)], gap=p)
    w.paragraph([(f"IMR Case Number: {model.case_number}", False)])
    w.paragraph([(f"Date of Injury: {us_date(h.get('date_of_injury'))}", False)], gap=p)
    w.paragraph([(f"UR Denial Date: {us_date(h.get('ur_denial_date'))}", False)], gap=p)
    w.paragraph([(f"Priority: {h.get('priority') or 'Standard'}", False)], gap=p)
    w.paragraph([(f"Application Received: {us_date(h.get('application_received'))}", False)], gap=p)
    overturn = any(item.decision == "Overturned" for item in model.items)
    outcome = (
        "OVERTURN. This means we decided that one or more of the disputed items/services are "
        "medically necessary and appropriate."
        if overturn
        else "UPHOLD. This means we decided that none of the disputed items/services are "
        "medically necessary and appropriate."
    )
    w.paragraph([(f"Final Determination: {outcome} {_DETAIL}", False)])
    statements = [
        _statement(n, item.request, item.decision, glue) for n, item in enumerate(model.items, 1)
    ]
    for text in statements:
        w.paragraph([(text, False)])
    w.paragraph([("INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE", True)], center=True)
    filed = (
        "An application for Independent Medical Review was filed on "
        f"{us_date(h.get('application_received'))} disputing the Utilization Review Denial dated "
        f"{us_date(h.get('ur_denial_date'))}. A Notice of Assignment and Request for Information "
        f"was provided to the above parties on {us_date(h.get('date_assigned'))}. A decision has "
        "been made for each of the treatment and/or services that were in dispute:"
    )
    w.paragraph([(filed, False)])
    for text in statements:
        w.paragraph([(text, False)])
    w.paragraph([("Medical Qualifications of the Expert Reviewer:", True)])
    w.paragraph(
        [(credentials_prose(model).replace("The expert reviewer", "The physician reviewer"), False)]
    )
    w.paragraph([("Case Summary:", True)])
    w.paragraph(
        [
            (
                "Disclaimer: The following case summary was taken directly from the utilization "
                f"review denial/modification dated {us_date(h.get('ur_denial_date'))}.",
                False,
            )
        ]
    )
    for text in model.summary:
        w.paragraph([(text, False)])
    expert_label = (
        "Medical Treatment Guideline (MTG) Citation used by the Expert Reviewer:"
        if _digest(model.case_number + "|label") % 2
        else "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:"
    )
    for n, item in enumerate(model.items, 1):
        w.paragraph([(f"{n}) Regarding the request for {statement_request(item.request)}:", True)])
        claims = prose_form(item.claims, "claims")
        if claims is not None:
            w.paragraph(
                [
                    (
                        "Medical Treatment Guideline (MTG) Citation used by the Claims "
                        "Administrator:",
                        True,
                    )
                ]
            )
            w.paragraph([(claims, False)], gap=p)
        maximus = prose_form(item.maximus, "maximus")
        if maximus is not None:
            w.paragraph([(expert_label, True)])
            w.paragraph([(maximus, False)], gap=p)
        w.paragraph([("Rationale for the Decision:", True)])
        for k, text in enumerate(item.rationale):
            w.paragraph([(text, False)], gap=p if k == 0 else None)
    w.furnish(lambda n, m: ([], [page_footer(n, m)]))
    return w.save(target)


def review_pdf(model: LetterModel, target: Path) -> Path:
    style = PageStyle(size=LETTER, font_size=11.0, pitch=13.0, gap=26.0)
    w = PdfWriter(style)
    p = style.pitch
    w.paragraph([("MEDICAL PROFESSIONAL REVIEW", True)], center=True)
    w.paragraph([(f"IMR Case Number: {model.case_number}", False)])
    w.paragraph([("ISSUE AT DISPUTE:", True)])
    several = len(model.items) > 1
    for n, item in enumerate(model.items, 1):
        w.paragraph(
            [(f"{n}) {item.request}" if several else item.request, False)],
            gap=p if n == 1 else None,
        )
    w.paragraph([("CASE SUMMARY:", True)])
    for k, text in enumerate(model.summary):
        w.paragraph([(text, False)], gap=p if k == 0 else None)
    w.paragraph([("DOCUMENTS REVIEWED FOR DETERMINATION:", True)])
    w.paragraph(
        [
            (
                "Application of Independent Medical Review\nUtilization Review Determination\n"
                "Medical records from the providers",
                False,
            )
        ],
        gap=p,
    )
    for n, item in enumerate(model.items, 1):
        prefix = f"{n}) " if several else ""
        w.paragraph(
            [
                (
                    f"{prefix}MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL "
                    "REVIEWER AND WHY:",
                    True,
                )
            ]
        )
        maximus = prose_form(item.maximus, "maximus")
        w.paragraph([(maximus or "None.", False)], gap=p)
        necessary = (
            "MEDICALLY NECESSARY" if item.decision == "Overturned" else ("NOT MEDICALLY NECESSARY")
        )
        w.paragraph(
            [
                (
                    f"{prefix}RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS "
                    f"{necessary}:",
                    True,
                )
            ]
        )
        for k, text in enumerate(item.rationale):
            w.paragraph([(text, False)], gap=p if k == 0 else None)
    w.paragraph([("MEDICAL REVIEWER QUALIFICATIONS:", True)])
    w.paragraph([(credentials_prose(model), False)], gap=p)
    w.furnish(lambda n, m: ([], [page_footer(n, m)]))
    return w.save(target)


# -- the forms -----------------------------------------------------------------------------

Writer = Callable[[LetterModel, Path, Path], Path]  # (model, original file, folder) -> file


@dataclass(frozen=True)
class Form:
    name: str
    write: Writer
    expect: Expect = same
    family: str = "layout"  # "layout", "seed", "2013", "review"


def _text(name: str, make: Callable[[LetterModel, Path], str]) -> Writer:
    def write(model: LetterModel, original: Path, folder: Path) -> Path:
        target = folder / f"{model.stem}.txt"
        target.write_text(make(model, original), encoding="utf-8")
        return target

    return write


def _pdf(make: Callable[[LetterModel, Path], Path]) -> Writer:
    def write(model: LetterModel, original: Path, folder: Path) -> Path:
        return make(model, folder / f"{model.stem}.pdf")

    return write


FORMS: tuple[Form, ...] = (
    Form("txt-export", _text("txt-export", lambda m, o: "\n".join(_pdfium_pages(o)))),
    Form("txt-export-ff", _text("txt-export-ff", lambda m, o: "\f".join(_pdfium_pages(o)))),
    Form("txt-narrow", _text("txt-narrow", lambda m, o: rewrapped_text(m, 60, 50, False))),
    Form("txt-wide", _text("txt-wide", lambda m, o: rewrapped_text(m, 140, 56, True, True))),
    Form("pdf-plain", _pdf(lambda m, t: write_blocks_pdf(m, PageStyle(), t, furniture=False))),
    Form("pdf-a4", _pdf(lambda m, t: write_blocks_pdf(m, PageStyle(size=A4), t))),
    Form(
        "pdf-legal",
        _pdf(
            lambda m, t: write_blocks_pdf(
                m, PageStyle(size=LEGAL, top=90.0, bottom=80.0), t, legal_furniture=True
            )
        ),
    ),
    Form(
        "pdf-narrow",
        _pdf(lambda m, t: write_blocks_pdf(m, PageStyle(size=LETTER, left=144.0, right=180.0), t)),
    ),
    Form(
        "pdf-wide",
        _pdf(
            lambda m, t: write_blocks_pdf(
                m,
                PageStyle(size=LETTER, left=36.0, right=36.0, font_size=10.0, pitch=12.0, gap=24.0),
                t,
            )
        ),
    ),
    Form("seed-txt", _text("seed-txt", lambda m, o: seed_text(m)), expect_pages, "seed"),
    Form("seed-pdf", _pdf(seed_pdf), expect_pages, "seed"),
    Form("2013-pdf", _pdf(notice_2013_pdf), expect_statement, "2013"),
    Form("review-pdf", _pdf(review_pdf), expect_review, "review"),
)
FORM_NAMES = tuple(form.name for form in FORMS)


def form_named(name: str) -> Form:
    for form in FORMS:
        if form.name == name:
            return form
    raise KeyError(f"no rendering form {name!r}: one of {', '.join(FORM_NAMES)}")


def render_all(models: Sequence[tuple[LetterModel, Path]], form: Form, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [form.write(model, original, folder) for model, original in models]
