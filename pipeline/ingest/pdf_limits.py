"""Cheap limits on one PDF page, checked before its text is extracted.

A few kB of PDF can cost pdfium gigabytes and minutes: a page drawing Form XObjects nested
inside each other (each level drawing the next several times), a page of a million drawing
operators or millions of separate text runs, a page hundreds of inches wide (rendered for OCR
at 300 dpi). A letter page has a few hundred objects, at most a few thousand characters, one
level of forms and is 8.5 x 11 inches; each limit below is far above that and configurable
(`config.limit`, environment variables of the same name; 0 turns one off):

| limit | default |
|---|---|
| IMR_PDF_MAX_PAGE_INCHES | 50 inches (3,600 pt) a side |
| IMR_PDF_MAX_PAGE_OBJECTS | 100,000 objects a page, those inside Form XObjects included |
| IMR_PDF_MAX_FORM_DEPTH | 10 levels of Form XObjects inside each other |
| IMR_PDF_MAX_PAGE_CHARS | 100,000 characters of text a page |
| IMR_LETTER_MAX_CHARS | 1,000,000 characters in all the pages (also checked after parsing) |

The page's objects are counted and its forms walked (with an explicit stack, in the one walk
over the page's objects that `hidden_text.scan_page` makes) stopping at the first limit passed,
so the check costs at most the limit's worth of calls (and 10,000 more to count how deep a chain
of forms too deep goes, so the message names its depth). A page over a limit
raises `PdfLimitError` (a data error: the file becomes a reject) naming the page, the limit
and its value. pdfium parses a page's content (forms included) when the page is loaded, so
what loading itself costs is bounded by the worker's memory cap and time budget
(`pipeline.runner.workers`); these checks stop what comes after: text extraction, OCR rendering.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from pipeline.config import limit
from pipeline.core.data_errors import LetterDataError

POINTS_PER_INCH = 72


class PdfLimitError(LetterDataError):
    """A PDF page over one of the limits above; the message names the limit and its value."""


def _over(what: str, name: str) -> PdfLimitError:
    return PdfLimitError(
        f"{what}, over {name}={limit(name):,.0f}: refused before reading its text; "
        f"raise {name} if the file is genuine"
    )


def check_page_size(page: pdfium.PdfPage, number: int) -> None:
    most = limit("IMR_PDF_MAX_PAGE_INCHES")
    side = max(page.get_width(), page.get_height()) / POINTS_PER_INCH
    if side > most:
        raise _over(f"page {number} is {side:,.0f} inches a side", "IMR_PDF_MAX_PAGE_INCHES")


def check_page_objects(page: pdfium.PdfPage, number: int) -> None:
    """The page's own objects within the limit (those inside its forms are counted by
    `form_limits` during the one walk over the page's objects)."""
    top = pdfium_raw.FPDFPage_CountObjects(page.raw)
    if top > limit("IMR_PDF_MAX_PAGE_OBJECTS"):
        raise _over(f"page {number} has {top:,} objects", "IMR_PDF_MAX_PAGE_OBJECTS")


def form_limits(number: int) -> Callable[[int, int, object], None]:
    """A check, called as each Form XObject is opened with its nesting depth (1: a form on the
    page), the objects counted on the page so far and the form's handle, that stops the walk at
    the first limit passed; the walk over a page's objects is `hidden_text.scan_page`, so the
    objects are visited once for both. The depth named is the whole chain's: the forms inside
    the first one too deep are counted on (`_depth_inside`)."""
    most, deepest = limit("IMR_PDF_MAX_PAGE_OBJECTS"), limit("IMR_PDF_MAX_FORM_DEPTH")

    def check(depth: int, count: int, form: object) -> None:
        if depth > deepest:
            inside, complete = _depth_inside(form, min(most, _DEPTH_BUDGET))
            nested = f"{depth + inside}" if complete else f"at least {depth + inside}"
            raise _over(
                f"page {number} has Form XObjects nested {nested} deep", "IMR_PDF_MAX_FORM_DEPTH"
            )
        if count > most:
            raise _over(
                f"page {number} has more than {most:,.0f} objects (counting those inside its "
                "Form XObjects)", "IMR_PDF_MAX_PAGE_OBJECTS",
            )  # fmt: skip

    return check


# Objects looked at to count how deep a chain of forms goes once it is too deep: a chain of
# any depth pdfium loads is counted in full, a form bomb's fan-out below it is not.
_DEPTH_BUDGET = 10_000


def _depth_inside(form: object, budget: float) -> tuple[int, bool]:
    """How many levels of Form XObjects `form` holds inside it (0: none), looking at no more
    than `budget` objects, and whether it looked at all of them (else the depth is a floor)."""
    deepest, seen = 0, 0
    stack = [(form, 0)]
    while stack:
        container, level = stack.pop()
        deepest = max(deepest, level)
        count = max(pdfium_raw.FPDFFormObj_CountObjects(container), 0)
        seen += count
        if seen > budget:
            return deepest, False
        for index in range(count):
            inner = pdfium_raw.FPDFFormObj_GetObject(container, index)
            if pdfium_raw.FPDFPageObj_GetType(inner) == pdfium_raw.FPDF_PAGEOBJ_FORM:
                stack.append((inner, level + 1))
    return deepest, True


# Characters read so far in each document being read.
_letter_chars: weakref.WeakKeyDictionary[pdfium.PdfDocument, int] = weakref.WeakKeyDictionary()


def check_characters(
    textpage: pdfium.PdfTextPage, number: int, document: pdfium.PdfDocument
) -> None:
    """The page's characters, and the document's so far, within limits."""
    chars = textpage.count_chars()
    if chars > limit("IMR_PDF_MAX_PAGE_CHARS"):
        raise _over(f"page {number} has {chars:,} characters", "IMR_PDF_MAX_PAGE_CHARS")
    total = _letter_chars.get(document, 0) + max(chars, 0)
    _letter_chars[document] = total
    if total > limit("IMR_LETTER_MAX_CHARS"):
        raise _over(f"pages 1-{number} have {total:,} characters", "IMR_LETTER_MAX_CHARS")


def checked_textpage(
    page: pdfium.PdfPage, index: int, document: pdfium.PdfDocument
) -> pdfium.PdfTextPage:
    """The page's text page (`page.get_textpage()`) once its characters passed the limits
    above; PdfLimitError otherwise. `index` counts from 0; `document` is the page's. Check the
    page's size and objects (`check_page_size`, `check_page_objects`, `form_limits`) first."""
    textpage = page.get_textpage()
    try:
        check_characters(textpage, index + 1, document)
    except PdfLimitError:
        textpage.close()
        raise
    return textpage
