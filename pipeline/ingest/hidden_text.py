"""Text in a PDF's text layer that a reader of the printed page cannot see.

A letter can carry words that pdfium extracts but no one sees: an "Upheld" drawn over a
visible "Overturned" in invisible render mode, in white, off the page, at a size too small to
see or under a white box painted over it. The visible reading is what a person signed off on,
so hidden characters are blanked from the page's text before its lines are read, and the
nearest visible line is marked (`Line.hidden_text`): its item gets the review reason
`hidden_text` and the file a problem row naming the page.

Hidden, per text object (one pass over the page's objects: a few pdfium calls per object):
- render mode 3 (invisible) or 7 (clip only);
- painted in white or near-white (each channel >= 245) with no image or non-white filled path
  drawn before it under its box (white on a white page), or fully transparent;
- wholly outside the page box (media box clipped by the crop box); characters of an object
  partly outside count one by one (the centre of their box);
- smaller than 4 pt (font size times the text matrix's scale; the real letters' smallest type
  is 11 pt), or squeezed sideways to under a quarter point a character (a box of no size at
  all is a space's, and is passed over unasked: pages have dozens);
- covered: under an opaque shape painted after it (a path filled at least 96 % opaque, or an
  image without a soft mask or transparency), within the shape's box; characters of an object
  partly under it count one by one (the centre of their box). A shape painted before the text
  (a table band, a letterhead, a scan under its OCR layer) is below it and hides nothing.

An OCR'd scan (ocrmypdf: a page image with an invisible text layer) is not a lie: on a page
with no visible text but an image, the hidden text is the OCR layer and is read as it is.
So is a scan whose text layer is painted under its image: covered text is not visible text.
Limits: text inside a form XObject is judged by its own mode, colour and size, and off the
page or covered only when the whole form is; a shape covers by its box (a filled circle's
corners count), shapes inside forms and clip paths are not looked at as covers; a glyph
taller than its type size passes as 4 pt; text drawn visibly twice is not looked for; an OCR
layer that disagrees with its image cannot be told without OCR.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from pipeline.ingest.layout import Line

_INVISIBLE_MODES = frozenset({3, 7})  # FPDF_TEXTRENDERMODE_INVISIBLE, _CLIP
_STROKE_ONLY_MODES = frozenset({1, 5})  # painted by the stroke colour, not the fill colour
_NEAR_WHITE = 245
_TRANSPARENT_ALPHA = 12  # of 255: under 5 % opacity
# Smaller type is not read: the 130 real letters' smallest text is 11 pt (footnotes included),
# and 4 pt is under the 6 pt that print legibility guides give as the least a reader can read.
_MIN_SIZE_PT = 4.0
_NARROW_PT = 1.0  # an object this narrow has its characters counted (squeezed text)
_MIN_CHAR_WIDTH_PT = 0.25  # text squeezed sideways: no character is read at this width
_OPAQUE_ALPHA = 245  # of 255: a fill this opaque over text leaves it under 4 % of its contrast
_OPAQUE_PIXELS = 0.99  # an image covers when this share of its pixels is opaque
_OPAQUE_BYTES = bytes(int(value >= _OPAQUE_ALPHA) for value in range(256))  # alpha -> 1 or 0
_SHOWN_CHARS = 80  # of the hidden text, in the problem row

# Why an object is hidden, as the problem row says it.
INVISIBLE, WHITE, OFF_PAGE, TINY = "invisible", "white or transparent", "off the page", "tiny"
COVERED = "covered"


def _unchecked(function: Any, restype: Any = ctypes.c_int) -> Any:
    """The same pdfium function without ctypes' argument conversion, 2-5x cheaper a call: the
    scan below calls these ~400 times a page and passes exactly the C types they take (handles
    as pypdfium2's pointers, out-parameters by reference, indices as int)."""
    fast = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    fast.restype = restype
    return fast


_GET_OBJECT = _unchecked(pdfium_raw.FPDFPage_GetObject, pdfium_raw.FPDFPage_GetObject.restype)
_RENDER_MODE = _unchecked(pdfium_raw.FPDFTextObj_GetTextRenderMode)
_GET_TYPE = _unchecked(pdfium_raw.FPDFPageObj_GetType)
_GET_BOUNDS = _unchecked(pdfium_raw.FPDFPageObj_GetBounds)
_GET_FILL = _unchecked(pdfium_raw.FPDFPageObj_GetFillColor)
_GET_STROKE = _unchecked(pdfium_raw.FPDFPageObj_GetStrokeColor)
_FONT_SIZE = _unchecked(pdfium_raw.FPDFTextObj_GetFontSize)
_GET_MATRIX = _unchecked(pdfium_raw.FPDFPageObj_GetMatrix)
_PATH, _IMAGE = pdfium_raw.FPDF_PAGEOBJ_PATH, pdfium_raw.FPDF_PAGEOBJ_IMAGE


@dataclass
class _Object:
    handle: object
    mode: int
    bounds: tuple[float, float, float, float]  # its own box: left, bottom, right, top
    colour: tuple[int, int, int, int]  # the colour its mode paints with: red, green, blue, alpha
    # Where it sits on the page: its box, or for text in a form XObject the form's box (the
    # form's matrix is not applied to the text's own box).
    placed: tuple[float, float, float, float]


@dataclass
class HiddenText:
    """The hidden characters of one page (indices into its text page) and where they are."""

    page_index: int
    chars: set[int] = field(default_factory=set)
    bottoms: list[float] = field(default_factory=list)  # page-space bottoms of hidden objects
    reasons: set[str] = field(default_factory=set)
    text: str = ""

    def blanked(self, text: str) -> str:
        """The page's text with each hidden character a space: char indices stay as they were,
        and a line of only hidden text becomes blank (and is dropped)."""
        chars = list(text)
        for index in self.chars:
            if index < len(chars) and chars[index] not in "\r\n":
                chars[index] = " "
        return "".join(chars)

    def mark(self, lines: list[Line], page_height: float) -> list[Line]:
        """The lines, the nearest (by baseline) to each hidden object marked `hidden_text`."""
        if not lines:
            return lines
        marked = set()
        for bottom in self.bottoms:
            baseline = page_height - bottom
            marked.add(min(range(len(lines)), key=lambda i: abs(lines[i].baseline - baseline)))
        return [line._replace(hidden_text=True) if i in marked else line
                for i, line in enumerate(lines)]  # fmt: skip

    def problem(self) -> str:
        shown = self.text
        if len(shown) > _SHOWN_CHARS:
            shown = shown[: _SHOWN_CHARS - 3] + "..."
        how = ", ".join(sorted(self.reasons))
        return f"page {self.page_index + 1}: hidden text ({how}) not read: {shown!r}"


@dataclass
class _Covered:
    """A text object under opaque shapes painted after it: wholly under one (`whole`), or
    partly, its characters judged one by one against the shapes' boxes."""

    obj: _Object
    whole: bool
    covers: list[tuple[float, float, float, float]]
    plainly_visible: bool  # counted in PageScan.visible


@dataclass
class PageScan:
    """What one pass over a page's objects found: the text objects that may be hidden, how
    many others are plainly visible, whether the page has an image, and the text objects
    covered by an opaque shape painted after them."""

    page_box: tuple[float, float, float, float]
    suspects: list[_Object]
    visible: int
    has_image: bool
    covered: dict[int | None, _Covered] = field(default_factory=dict)


def scan_page(
    page: pdfium.PdfPage, on_form: Callable[[int, int, object], None] | None = None
) -> PageScan:
    """One pass over the page's objects, before its text is extracted. `on_form(depth, count,
    form)` is called as each Form XObject is opened, with its depth (1: on the page), the
    objects counted so far and its handle (the page limits, `pdf_limits.form_limits`)."""
    page_box = _page_box(page)
    suspects, visible, has_image, texts, shapes = _scan(page.raw, page_box, on_form)
    covered = _covered_texts(page, texts, shapes) if shapes and texts else {}
    return PageScan(page_box, suspects, visible, has_image, covered)


def find_hidden_text(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_index: int, scan: PageScan
) -> HiddenText | None:
    """The page's hidden characters, or None when it has none (the usual case: `scan` found no
    suspect) or when they are an OCR layer."""
    page_box, suspects, visible, has_image, covered = (
        scan.page_box,
        scan.suspects,
        scan.visible,
        scan.has_image,
        scan.covered,
    )
    if not suspects and not covered:
        return None
    hidden: dict[int | None, tuple[_Object, str]] = {}
    # Objects some of whose characters may be hidden: those partly off the page or partly
    # under a later opaque shape (with the shapes' boxes).
    partly: dict[int | None, tuple[_Object, list[tuple]]] = {}
    white: list[_Object] = []
    for address, cover in covered.items():
        if not cover.whole:
            partly[address] = (cover.obj, cover.covers)
        elif cover.plainly_visible:
            visible -= 1
            if _object_text(cover.obj, textpage):
                hidden[address] = (cover.obj, COVERED)
    for obj in suspects:
        address = _address(obj.handle)
        reason = _hidden_reason(obj, page_box, textpage)
        if reason is None and address in covered and covered[address].whole:
            reason = COVERED
        if reason is None:
            visible += 1
            if not _inside(obj.placed, page_box):
                partly.setdefault(address, (obj, []))
        elif not _object_text(obj, textpage):
            continue  # spaces: nothing to hide
        elif reason == WHITE:
            white.append(obj)
        else:
            hidden[address] = (obj, reason)
    for obj in white:
        if _painted_below(page.raw, obj):
            visible += 1
        else:
            hidden[_address(obj.handle)] = (obj, WHITE)
    if not hidden and not partly:
        return None
    if not visible and has_image:
        return None  # an OCR layer over a scan (or a scan painted over its text)
    return _hidden_chars(textpage, page_index, hidden, partly, page_box)


def _object_text(obj: _Object, textpage: pdfium.PdfTextPage) -> str:
    """The object's text, spaces aside (asked of suspects only)."""
    size = pdfium_raw.FPDFTextObj_GetText(obj.handle, textpage.raw, None, 0)  # bytes, with NUL
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_raw.FPDFTextObj_GetText(obj.handle, textpage.raw, buffer, size)
    return "".join(bytes(buffer).decode("utf-16-le", errors="replace").rstrip("\x00").split())


def _page_box(page: pdfium.PdfPage) -> tuple[float, float, float, float]:
    rect = pdfium_raw.FS_RECTF()
    if not pdfium_raw.FPDF_GetPageBoundingBox(page.raw, rect):
        return (0.0, 0.0, page.get_width(), page.get_height())
    return (rect.left, rect.bottom, rect.right, rect.top)


class _Reader:
    """pdfium calls on page objects, with their out-parameters made once per page."""

    def __init__(self) -> None:
        # Arrays (read back as Python numbers at once), each element passed by reference.
        self.box = (ctypes.c_float * 4)()
        self.box_refs = [ctypes.byref(self.box, 4 * i) for i in range(4)]
        self.rgba = (ctypes.c_uint * 4)()
        self.rgba_refs = [ctypes.byref(self.rgba, 4 * i) for i in range(4)]

    def bounds(self, handle: object) -> tuple[float, float, float, float]:
        _GET_BOUNDS(handle, *self.box_refs)
        left, bottom, right, top = self.box
        return (left, bottom, right, top)

    def colour(self, handle: object, mode: int) -> tuple[int, int, int, int]:
        get = _GET_STROKE if mode in _STROKE_ONLY_MODES else _GET_FILL
        if not get(handle, *self.rgba_refs):
            return (0, 0, 0, 255)
        red, green, blue, alpha = self.rgba
        return (red, green, blue, alpha)


def _scan(
    raw_page: object, page_box: tuple, on_form: Callable[[int, int, object], None] | None = None
) -> tuple[list[_Object], int, bool, list[tuple], list[tuple]]:
    """One pass over the page's objects (form XObjects opened): the text objects that may be
    hidden (looked at closer by the caller), how many others are plainly visible, whether the
    page has an image, and every text object's box and the page's own shapes of text size
    with their paint order (for `_covered_texts`). Three
    pdfium calls a text object, with out-parameters made once: an ordinary letter page has ~100
    text objects and this pass is most of what the check costs. Paint order is the page's
    object order; text inside a form is painted where its (outermost) form is."""
    reader = _Reader()
    get_bounds, get_fill, render_mode, get_type = _GET_BOUNDS, _GET_FILL, _RENDER_MODE, _GET_TYPE
    box, rgba = reader.box, reader.rgba
    box_refs, rgba_refs = reader.box_refs, reader.rgba_refs
    # Inside the page box, with a point of slack.
    min_x, min_y, max_x, max_y = page_box[0] - 1, page_box[1] - 1, page_box[2] + 1, page_box[3] + 1
    plain_modes = (0, 2, 4, 6)  # painted with the fill colour (and perhaps stroked)
    suspects: list[_Object] = []
    visible = 0
    has_image = False
    # Text objects as (paint order, placed box, handle, suspect or None), and the page's own
    # paths and images of at least text size as (paint order, handle, box): what may cover.
    texts: list[tuple] = []
    shapes: list[tuple[int, object, tuple[float, float, float, float]]] = []
    painted = False  # a text or form met: shapes before it (backgrounds) can cover nothing
    # (count, get, container, form box, depth, paint order) for the page and each form on it.
    total = pdfium_raw.FPDFPage_CountObjects(raw_page)
    stack: list[tuple[int, object, object, tuple | None, int, int | None]] = [
        (total, _GET_OBJECT, raw_page, None, 0, None)
    ]
    while stack:
        count, get, container, form_box, depth, form_order = stack.pop()
        for index in range(count):
            handle = get(container, index)
            order = index if form_order is None else form_order
            mode = render_mode(handle)
            if mode < 0:  # not a text object
                kind = get_type(handle)
                if kind == _IMAGE:
                    has_image = True
                if form_box is None and painted and kind in (_PATH, _IMAGE):
                    get_bounds(handle, *box_refs)
                    left, bottom, right, top = box
                    if right - left >= _MIN_SIZE_PT and top - bottom >= _MIN_SIZE_PT:
                        shapes.append((index, handle, (left, bottom, right, top)))
                elif kind == pdfium_raw.FPDF_PAGEOBJ_FORM:
                    painted = True
                    outer = form_box or reader.bounds(handle)
                    inside = max(pdfium_raw.FPDFFormObj_CountObjects(handle), 0)
                    total += inside
                    if on_form is not None:
                        on_form(depth + 1, total, handle)
                    stack.append(
                        (inside, pdfium_raw.FPDFFormObj_GetObject, handle, outer, depth + 1,
                         order)
                    )  # fmt: skip
                continue
            painted = True
            get_bounds(handle, *box_refs)
            left, bottom, right, top = box
            if left == right and bottom == top:
                continue  # a box of no size at all: spaces (a letter page has dozens)
            get_fill(handle, *rgba_refs)
            red, green, blue, alpha = rgba
            if (
                form_box is None
                and mode in plain_modes
                and left >= min_x and right <= max_x and bottom >= min_y and top <= max_y
                and top - bottom >= _MIN_SIZE_PT
                and right - left >= _NARROW_PT
                and alpha >= _TRANSPARENT_ALPHA
                and min(red, green, blue) < _NEAR_WHITE
            ):  # fmt: skip
                visible += 1
                texts.append((order, left, bottom, right, top, handle, None))
                continue
            bounds = (left, bottom, right, top)
            colour = reader.colour(handle, mode)
            suspect = _Object(handle, mode, bounds, colour, form_box or bounds)
            suspects.append(suspect)
            texts.append((order, *suspect.placed, handle, suspect))
    return suspects, visible, has_image, texts, shapes


def _covered_texts(
    page: pdfium.PdfPage, texts: list[tuple], shapes: list[tuple]
) -> dict[int | None, _Covered]:
    """The text objects under an opaque shape painted after them. A letter page has a few
    shapes of text size (table bands, a letterhead image), painted before the text they are
    under; a shape's opacity is asked only when it lies over earlier text."""
    covered: dict[int | None, _Covered] = {}
    for order, shape, (s_left, s_bottom, s_right, s_top) in shapes:
        under = [text for text in texts if text[0] < order and text[1] < s_right
                 and s_left < text[3] and text[2] < s_top and s_bottom < text[4]]  # fmt: skip
        if not under or not _opaque(page, shape):
            continue
        for _, left, bottom, right, top, handle, suspect in under:
            whole = (left >= s_left - 1 and right <= s_right + 1
                     and bottom >= s_bottom - 1 and top <= s_top + 1)  # fmt: skip
            address = _address(handle)
            found = covered.get(address)
            if found is None:
                bounds = (left, bottom, right, top)
                obj = suspect or _Object(handle, 0, bounds, (0, 0, 0, 255), bounds)
                found = covered[address] = _Covered(obj, whole, [], suspect is None)
            found.whole = found.whole or whole
            found.covers.append((s_left, s_bottom, s_right, s_top))
    return covered


def _opaque(page: pdfium.PdfPage, handle: object) -> bool:
    """A path filled at least _OPAQUE_ALPHA opaque, or an image with no alpha or blend mode
    (`FPDFPageObj_HasTransparency`) whose pixels are almost all opaque once its mask is applied
    (a signature with a transparent background is not; asked only of an image over text)."""
    if pdfium_raw.FPDFPageObj_GetType(handle) == _PATH:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        if (
            not pdfium_raw.FPDFPath_GetDrawMode(
                handle, ctypes.byref(fill_mode), ctypes.byref(stroke)
            )
            or not fill_mode.value
        ):
            return False  # fmt: skip
        rgba = [ctypes.c_uint() for _ in range(4)]
        if not pdfium_raw.FPDFPageObj_GetFillColor(handle, *map(ctypes.byref, rgba)):
            return False  # a pattern or shading: its opacity unknown
        alpha = rgba[3].value
        if alpha < _OPAQUE_ALPHA:
            return False
        return alpha < 255 or not pdfium_raw.FPDFPageObj_HasTransparency(handle)
    if pdfium_raw.FPDFPageObj_HasTransparency(handle):
        return False
    return _opaque_pixels(page, handle) >= _OPAQUE_PIXELS


def _opaque_pixels(page: pdfium.PdfPage, image: object) -> float:
    """The share of the image's pixels at least _OPAQUE_ALPHA opaque, its soft mask, mask or
    stencil applied (pdfium renders it at its own size, in BGRA)."""
    bitmap = pdfium_raw.FPDFImageObj_GetRenderedBitmap(page.pdf.raw, page.raw, image)
    if not bitmap:
        return 0.0
    try:
        if pdfium_raw.FPDFBitmap_GetFormat(bitmap) != pdfium_raw.FPDFBitmap_BGRA:
            return 1.0  # no alpha channel: every pixel is painted
        size = pdfium_raw.FPDFBitmap_GetStride(bitmap) * pdfium_raw.FPDFBitmap_GetHeight(bitmap)
        width = pdfium_raw.FPDFBitmap_GetWidth(bitmap)
        if not size or not width:
            return 0.0
        rows = ctypes.string_at(pdfium_raw.FPDFBitmap_GetBuffer(bitmap), size)
        stride = size // pdfium_raw.FPDFBitmap_GetHeight(bitmap)
        alpha = b"".join(rows[row + 3 : row + 4 * width : 4] for row in range(0, size, stride))
        return alpha.translate(_OPAQUE_BYTES).count(1) / len(alpha)
    finally:
        pdfium_raw.FPDFBitmap_Destroy(bitmap)


def _hidden_reason(
    obj: _Object, page_box: tuple[float, float, float, float], textpage: pdfium.PdfTextPage
) -> str | None:
    if obj.mode in _INVISIBLE_MODES:
        return INVISIBLE
    if _outside(obj.placed, page_box):
        return OFF_PAGE
    if _tiny(obj, textpage):
        return TINY
    red, green, blue, alpha = obj.colour
    if alpha < _TRANSPARENT_ALPHA or min(red, green, blue) >= _NEAR_WHITE:
        return WHITE
    return None


def _tiny(obj: _Object, textpage: pdfium.PdfTextPage) -> bool:
    """Under _MIN_SIZE_PT (font size times the text matrix's scale), or squeezed sideways to
    under _MIN_CHAR_WIDTH_PT a character. Only a box under _NARROW_PT wide has its text asked
    for, and only one under _MIN_SIZE_PT high its font size: a word of 11 pt type is ~8 pt
    high, a hyphen, a full stop or a run of spaces is not."""
    left, bottom, right, top = obj.bounds
    if right - left < _NARROW_PT:
        characters = len(_object_text(obj, textpage))
        if right - left < _MIN_CHAR_WIDTH_PT * characters:
            return True
    if top - bottom >= _MIN_SIZE_PT:
        return False
    size = ctypes.c_float()  # asked of every hyphen and full stop: the unchecked calls
    if not _FONT_SIZE(obj.handle, ctypes.byref(size)):
        return False
    matrix = pdfium_raw.FS_MATRIX()
    if not _GET_MATRIX(obj.handle, ctypes.byref(matrix)):
        return size.value < _MIN_SIZE_PT
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return size.value * scale < _MIN_SIZE_PT


def _outside(bounds: tuple, page_box: tuple) -> bool:
    left, bottom, right, top = bounds
    return (right <= page_box[0] or left >= page_box[2]
            or top <= page_box[1] or bottom >= page_box[3])  # fmt: skip


def _inside(bounds: tuple, page_box: tuple, slack: float = 1.0) -> bool:
    left, bottom, right, top = bounds
    return (left >= page_box[0] - slack and bottom >= page_box[1] - slack
            and right <= page_box[2] + slack and top <= page_box[3] + slack)  # fmt: skip


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _painted_below(raw_page: object, white: _Object) -> bool:
    """An image or a path filled in a non-white colour, drawn on the page before the white
    text and under its box: white text on a coloured band is seen."""
    reader = _Reader()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    target = _address(white.handle)
    for index in range(pdfium_raw.FPDFPage_CountObjects(raw_page)):
        handle = pdfium_raw.FPDFPage_GetObject(raw_page, index)
        if _address(handle) == target:
            return False
        kind = pdfium_raw.FPDFPageObj_GetType(handle)
        if kind not in (pdfium_raw.FPDF_PAGEOBJ_IMAGE, pdfium_raw.FPDF_PAGEOBJ_PATH):
            continue
        if not _overlap(reader.bounds(handle), white.placed):
            continue
        if kind == pdfium_raw.FPDF_PAGEOBJ_IMAGE:
            return True
        pdfium_raw.FPDFPath_GetDrawMode(handle, ctypes.byref(fill_mode), ctypes.byref(stroke))
        red, green, blue, alpha = reader.colour(handle, 0)
        if fill_mode.value and alpha >= _TRANSPARENT_ALPHA and min(red, green, blue) < _NEAR_WHITE:
            return True
    return False


def _address(handle: object) -> int | None:
    return ctypes.cast(handle, ctypes.c_void_p).value


def _hidden_chars(
    textpage: pdfium.PdfTextPage,
    page_index: int,
    hidden: dict[int | None, tuple[_Object, str]],
    partly: dict[int | None, tuple[_Object, list[tuple]]],
    page_box: tuple,
) -> HiddenText | None:
    """Which characters of the text page the hidden objects drew, and of the objects partly
    off the page or under a later opaque shape, those whose box's centre is off the page or
    under the shape: one pdfium call a character, on this page only."""
    raw_textpage = textpage.raw
    found = HiddenText(page_index)
    text = textpage.get_text_range()
    shown: list[str] = []
    char_box = pdfium_raw.FS_RECTF()
    seen: set[int] = set()
    for index in range(pdfium_raw.FPDFText_CountChars(raw_textpage)):
        address = _address(pdfium_raw.FPDFText_GetTextObject(raw_textpage, index))
        if address in hidden:
            obj, reason = hidden[address]
        elif address in partly:
            if not pdfium_raw.FPDFText_GetLooseCharBox(raw_textpage, index, char_box):
                continue
            centre = ((char_box.left + char_box.right) / 2, (char_box.bottom + char_box.top) / 2)
            obj, covers = partly[address]
            if not _inside((*centre, *centre), page_box, slack=0.0):
                reason = OFF_PAGE
            elif any(_inside((*centre, *centre), cover, slack=0.0) for cover in covers):
                reason = COVERED
            else:
                continue
        else:
            continue
        found.chars.add(index)
        found.reasons.add(reason)
        if address not in seen:  # a new object: its words apart from the last one's
            seen.add(address)
            found.bottoms.append(obj.placed[1])
            shown.append(" ")
        shown.append(text[index] if index < len(text) else "")
    found.text = " ".join("".join(shown).split())
    return found if found.text else None
