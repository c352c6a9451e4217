"""Text a reader cannot see (pipeline/ingest/hidden_text.py): a fixture letter gets a hidden
"Upheld" on the line of its visible "Overturned", one hiding method at a time; the visible word
is read, the item is flagged `hidden_text`, a problem row names the page, and nothing else
changes. An OCR'd scan's invisible text layer reads as before, and so do the real letters."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from pipeline.ingest import pdf
from pipeline.ingest.batch import parse_file
from pipeline.ingest.layout import Paragraph
from pipeline.ingest.letter import parse_letter
from pipeline.ingest.pdf import read_pdf_text
from pipeline.ingest.segment import paragraphs_from_text
from tests import paths

FIXTURE = paths.FIXTURE_LETTERS_DIR / "FAKE-0000001.pdf"
OVERTURNED_ITEM = 1  # FAKE-0000001's items decide Upheld, Overturned, Upheld
OVERTURNED_PAGE = 1  # and the Overturned request stands on page 2


def _object_text(obj: pdfium.PdfObject, textpage: pdfium.PdfTextPage) -> str:
    size = pdfium_raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_raw.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, size)
    return bytes(buffer).decode("utf-16-le").rstrip("\x00")


def _text_object(document: pdfium.PdfDocument, text: str, size: float) -> object:
    font = pdfium_raw.FPDFText_LoadStandardFont(document.raw, b"Times-Roman")
    obj = pdfium_raw.FPDFPageObj_CreateTextObj(document.raw, font, size)
    buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    pdfium_raw.FPDFText_SetText(obj, ctypes.cast(buffer, pdfium_raw.FPDF_WIDESTRING))
    return obj


def _hide(obj: object, method: str) -> tuple[float, float, float]:
    """Apply a hiding method to a new text object; return its scale across and up and how far
    to move it to the left."""
    if method in ("invisible", "clip"):
        pdfium_raw.FPDFTextObj_SetTextRenderMode(obj, 3 if method == "invisible" else 7)
    elif method == "white":
        pdfium_raw.FPDFPageObj_SetFillColor(obj, 255, 255, 255, 255)
    elif method == "transparent":
        pdfium_raw.FPDFPageObj_SetFillColor(obj, 0, 0, 0, 0)
    elif method == "off_page":
        return (1.0, 1.0, 400.0)  # on the decision's baseline, left of the page
    elif method == "scaled_down":
        return (0.01, 0.01, 0.0)  # 12 pt type in a text matrix that makes it 0.12 pt
    elif method == "squeezed":
        return (0.002, 1.0, 0.0)  # squeezed sideways to 0.07 pt wide (pdfium drops a 0 scale)
    elif method in ("covered_by_rect", "covered_by_image"):
        return (1.0, 1.0, -80.0)  # right of "Overturned", in black: a shape is painted over it
    elif method not in ("tiny", "small"):
        raise ValueError(method)
    return (1.0, 1.0, 0.0)


_SIZES = {"tiny": 0.01, "small": 1.5}  # of the hidden "Upheld"; 12 pt otherwise


def _filled_rect(
    x: float, y: float, width: float, height: float, rgb: tuple[int, int, int]
) -> object:
    """An opaque filled rectangle (a new path object, not yet on a page)."""
    rect = pdfium_raw.FPDFPageObj_CreateNewRect(x, y, width, height)
    pdfium_raw.FPDFPageObj_SetFillColor(rect, *rgb, 255)
    pdfium_raw.FPDFPath_SetDrawMode(rect, pdfium_raw.FPDF_FILLMODE_ALTERNATE, 0)
    return rect


def _opaque_shape(
    document: pdfium.PdfDocument, kind: str, box: tuple[float, float, float, float]
) -> object:
    """A white filled rectangle ("rect"), an opaque white image ("image") or a wholly
    transparent one ("clear_image": a soft mask of zeros) over `box` (left, bottom, right,
    top), with a point to spare on each side."""
    left, bottom, right, top = box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1
    if kind == "rect":
        return _filled_rect(left, bottom, right - left, top - bottom, (255, 255, 255))
    clear = kind == "clear_image"
    bitmap = pdfium_raw.FPDFBitmap_Create(8, 8, int(clear))
    pdfium_raw.FPDFBitmap_FillRect(bitmap, 0, 0, 8, 8, 0x00FFFFFF if clear else 0xFFFFFFFF)
    shape = pdfium_raw.FPDFPageObj_NewImageObj(document.raw)
    pdfium_raw.FPDFImageObj_SetBitmap(None, 0, shape, bitmap)
    pdfium_raw.FPDFBitmap_Destroy(bitmap)
    pdfium_raw.FPDFImageObj_SetMatrix(shape, right - left, 0, 0, top - bottom, left, bottom)
    return shape


def _bounds(obj: object) -> tuple[float, float, float, float]:
    box = [ctypes.c_float() for _ in range(4)]
    pdfium_raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(side) for side in box))
    left, bottom, right, top = (side.value for side in box)
    return (left, bottom, right, top)


def _with_hidden_upheld(target: Path, method: str, below: bool = False) -> Path:
    """FAKE-0000001 with "Upheld" hidden by `method` on its visible "Overturned" (drawn after
    it, on top; or before it, below); "covered_by_*" paint an opaque shape over it."""
    document = pdfium.PdfDocument(str(FIXTURE))
    page = document[OVERTURNED_PAGE]
    textpage = page.get_textpage()
    objects = list(page.get_objects())
    index = next(i for i, o in enumerate(objects) if _object_text(o, textpage) == "Overturned")
    matrix = pdfium_raw.FS_MATRIX()
    pdfium_raw.FPDFPageObj_GetMatrix(objects[index].raw, matrix)
    hidden = _text_object(document, "Upheld", _SIZES.get(method, 12.0))
    across, up, left = _hide(hidden, method)
    pdfium_raw.FPDFPageObj_Transform(hidden, across, 0, 0, up, matrix.e - left, matrix.f)
    pdfium_raw.FPDFPage_InsertObjectAtIndex(page.raw, hidden, index if below else index + 1)
    if method.startswith("covered_by_"):
        shape = _opaque_shape(document, method.removeprefix("covered_by_"), _bounds(hidden))
        pdfium_raw.FPDFPage_InsertObjectAtIndex(page.raw, shape, index + 2)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)
    textpage.close()
    document.save(str(target))
    document.close()
    return target


@pytest.fixture(scope="module")
def original():
    result = parse_file(FIXTURE)
    assert result.reject is None
    return result.letters[0]


def _assert_only_flagged(parsed, original) -> None:
    assert parsed.letter == original.letter
    for index, (item, before) in enumerate(zip(parsed.items, original.items, strict=True)):
        flagged = {**before, "review": [*before["review"], "hidden_text"]}
        assert item == (flagged if index == OVERTURNED_ITEM else before), index
    assert parsed.items[OVERTURNED_ITEM]["decision"] == "Overturned"
    extra = [p for p in parsed.problems if p not in original.problems]
    assert len(extra) == 1 and extra[0].startswith(f"page {OVERTURNED_PAGE + 1}: hidden text")
    assert "'Upheld'" in extra[0]


@pytest.mark.parametrize(
    "method",
    ["invisible", "clip", "white", "transparent", "off_page", "tiny", "scaled_down", "squeezed",
     "small", "covered_by_rect", "covered_by_image"],
)  # fmt: skip
def test_hidden_upheld_over_visible_overturned_reads_overturned_flagged(tmp_path, original, method):
    parsed = parse_file(_with_hidden_upheld(tmp_path / "FAKE-0000001.pdf", method))
    assert parsed.reject is None
    _assert_only_flagged(parsed.letters[0], original)


@pytest.mark.parametrize("method", ["invisible", "white"])
def test_hidden_upheld_below_visible_overturned_reads_overturned_flagged(
    tmp_path, original, method
):
    parsed = parse_file(_with_hidden_upheld(tmp_path / "FAKE-0000001.pdf", method, below=True))
    assert parsed.reject is None
    _assert_only_flagged(parsed.letters[0], original)


@pytest.mark.parametrize(
    ("kind", "after"), [("rect", False), ("image", False), ("clear_image", True)]
)
def test_a_shape_under_text_or_see_through_covers_nothing(tmp_path, original, kind, after):
    """A white box or an image under the visible "Overturned" (a table band, a letterhead):
    painted first, the text is on top of it and reads as before; so does text under an image
    one sees through (a signature's transparent background)."""
    document = pdfium.PdfDocument(str(FIXTURE))
    page = document[OVERTURNED_PAGE]
    textpage = page.get_textpage()
    objects = list(page.get_objects())
    index = next(i for i, o in enumerate(objects) if _object_text(o, textpage) == "Overturned")
    shape = _opaque_shape(document, kind, _bounds(objects[index].raw))
    pdfium_raw.FPDFPage_InsertObjectAtIndex(page.raw, shape, index + 1 if after else index)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)
    textpage.close()
    document.save(str(tmp_path / "FAKE-0000001.pdf"))
    document.close()
    assert read_pdf_text(tmp_path / "FAKE-0000001.pdf").hidden == []
    parsed = parse_file(tmp_path / "FAKE-0000001.pdf")
    assert parsed.letters[0].items == original.items
    assert parsed.letters[0].problems == original.problems


def test_covered_text_says_covered(tmp_path):
    read = read_pdf_text(_with_hidden_upheld(tmp_path / "covered.pdf", "covered_by_rect"))
    [hidden] = read.hidden
    assert hidden.reasons == {"covered"} and hidden.text == "Upheld"
    [marked] = [line.text for line in read.lines if line.hidden_text]
    assert marked == "Cyclobenzaprine 7.5mg #60: Overturned"


def test_hidden_text_says_its_page_and_how(tmp_path):
    read = read_pdf_text(_with_hidden_upheld(tmp_path / "hidden.pdf", "invisible"))
    [hidden] = read.hidden
    assert hidden.page_index == OVERTURNED_PAGE and hidden.reasons == {"invisible"}
    assert hidden.text.strip() == "Upheld"
    assert not any("Upheld" in line.text for line in read.lines if line.page == OVERTURNED_PAGE
                   and "Overturned" in line.text)  # fmt: skip
    [marked] = [line.text for line in read.lines if line.hidden_text]
    assert marked == "Cyclobenzaprine 7.5mg #60: Overturned"


def test_white_text_on_a_dark_band_is_visible(tmp_path):
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    pdfium_raw.FPDFPage_InsertObject(page.raw, _filled_rect(60, 690, 300, 30, (0, 0, 128)))
    for y, text in ((700, "Letterhead in white on a blue band"), (600, "Body text in black")):
        obj = _text_object(document, text, 12.0)
        if y == 700:
            pdfium_raw.FPDFPageObj_SetFillColor(obj, 255, 255, 255, 255)
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, y)
        pdfium_raw.FPDFPage_InsertObject(page.raw, obj)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)
    document.save(str(tmp_path / "band.pdf"))
    read = read_pdf_text(tmp_path / "band.pdf")
    assert read.hidden == []
    assert [line.text for line in read.lines] == [
        "Letterhead in white on a blue band",
        "Body text in black",
    ]


def _as_ocr_layer(target: Path, under_image: bool = False) -> Path:
    """FAKE-0000001 the way ocrmypdf writes a scan: each page an image, its text invisible;
    or, as some scanners write one, its text painted first and the page's image over it."""
    document = pdfium.PdfDocument(str(FIXTURE))
    for page_index in range(len(document)):
        page = document[page_index]
        for obj in page.get_objects():
            if obj.type == pdfium_raw.FPDF_PAGEOBJ_TEXT and not under_image:
                pdfium_raw.FPDFTextObj_SetTextRenderMode(obj.raw, 3)
        bitmap = pdfium_raw.FPDFBitmap_Create(8, 8, 0)
        pdfium_raw.FPDFBitmap_FillRect(bitmap, 0, 0, 8, 8, 0xFFFFFFFF)
        image = pdfium_raw.FPDFPageObj_NewImageObj(document.raw)
        pdfium_raw.FPDFImageObj_SetBitmap(None, 0, image, bitmap)
        pdfium_raw.FPDFBitmap_Destroy(bitmap)
        pdfium_raw.FPDFImageObj_SetMatrix(image, page.get_width(), 0, 0, page.get_height(), 0, 0)
        if under_image:
            pdfium_raw.FPDFPage_InsertObject(page.raw, image)  # last: over the text
        else:
            pdfium_raw.FPDFPage_InsertObjectAtIndex(page.raw, image, 0)
        pdfium_raw.FPDFPage_GenerateContent(page.raw)
    document.save(str(target))
    document.close()
    return target


@pytest.mark.parametrize("under_image", [False, True])
def test_ocr_layer_over_a_scan_reads_normally(tmp_path, original, under_image):
    path = _as_ocr_layer(tmp_path / "FAKE-0000001.pdf", under_image)
    read = read_pdf_text(path)
    assert read.hidden == [] and read.scanned == [] and read.lines
    assert not any(line.hidden_text for line in read.lines)
    parsed = parse_file(path)
    assert parsed.reject is None
    assert parsed.letters[0].items == original.items
    assert parsed.letters[0].problems == original.problems


def test_invisible_text_beside_visible_text_is_dropped(tmp_path):
    """Invisible text on a page that has visible text is no OCR layer, image or not."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    for y, text, mode in ((700, "Visible line of the letter", 0), (650, "Secret instructions", 3)):
        obj = _text_object(document, text, 12.0)
        pdfium_raw.FPDFTextObj_SetTextRenderMode(obj, mode)
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, y)
        pdfium_raw.FPDFPage_InsertObject(page.raw, obj)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)
    document.save(str(tmp_path / "beside.pdf"))
    read = read_pdf_text(tmp_path / "beside.pdf")
    assert [(line.text, line.hidden_text) for line in read.lines] == [
        ("Visible line of the letter", True)
    ]
    assert read.hidden[0].problem() == (
        "page 1: hidden text (invisible) not read: 'Secret instructions'"
    )


def test_real_letters_have_no_hidden_text_and_read_as_before(monkeypatch):
    letters = sorted(paths.SHARED_LETTERS_DIR.glob("*.pdf"))
    if not letters:
        pytest.skip(f"the shared letters are not here: {paths.SHARED_LETTERS_DIR}")
    with_check = {path.name: read_pdf_text(path) for path in letters}
    assert {name: read.hidden for name, read in with_check.items() if read.hidden} == {}
    monkeypatch.setattr(pdf, "find_hidden_text", lambda *args: None)
    for path in letters:
        assert read_pdf_text(path) == with_check[path.name], path.name


def test_characters_off_the_page_edge_are_dropped(tmp_path):
    """Text running off the left edge: the characters outside the page are hidden, the rest
    is read."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    for x, y, text in ((72, 700, "Body text in black"), (-39, 650, "Upheld Overturned")):
        obj = _text_object(document, text, 12.0)
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_raw.FPDFPage_InsertObject(page.raw, obj)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)
    document.save(str(tmp_path / "edge.pdf"))
    read = read_pdf_text(tmp_path / "edge.pdf")
    assert [(line.text, line.hidden_text) for line in read.lines] == [
        ("Body text in black", False),
        ("Overturned", True),
    ]
    assert read.hidden[0].reasons == {"off the page"} and read.hidden[0].text == "Upheld"


def _marked(paragraphs: list, index: int) -> list:
    """The paragraphs with the lines of paragraph `index` marked as beside hidden text."""
    paragraph = paragraphs[index]
    lines = [line._replace(hidden_text=True) for line in paragraph.lines]
    return [*paragraphs[:index], Paragraph.of(lines, paragraph.start_inferred),
            *paragraphs[index + 1 :]]  # fmt: skip


def test_a_2013_letter_with_hidden_text_flags_every_item():
    """2013 letters state their decisions in a numbered list in prose, apart from the items'
    blocks: hidden text anywhere in the letter flags every item."""
    path = paths.FIXTURE_LETTERS_DIR / "FAKE-0000004.txt"
    paragraphs = paragraphs_from_text(path.read_text(encoding="utf-8"))
    plain = parse_letter(paragraphs, path.name, path.stem)
    hidden = parse_letter(_marked(paragraphs, len(paragraphs) // 2), path.name, path.stem)
    assert plain.letter["era"] == "2013" and len(plain.items) > 1
    for before, after in zip(plain.items, hidden.items, strict=True):
        assert "hidden_text" not in before["review"]
        assert after == {**before, "review": [*before["review"], "hidden_text"]}


def _page_of_lines(document: pdfium.PdfDocument, lines: list[tuple[float, str, int]]) -> None:
    """A new page with one text object a line: (baseline, text, render mode)."""
    page = document.new_page(612, 792)
    for y, text, mode in lines:
        obj = _text_object(document, text, 12.0)
        pdfium_raw.FPDFTextObj_SetTextRenderMode(obj, mode)
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, y)
        pdfium_raw.FPDFPage_InsertObject(page.raw, obj)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)


def test_invisible_text_inside_a_form_xobject_is_dropped(tmp_path):
    """A page drawn from a form XObject (another page placed on it): its text objects are
    judged inside the form."""
    source = pdfium.PdfDocument.new()
    _page_of_lines(source, [(700, "Decision: Overturned", 0), (650, "Decision: Upheld", 3)])
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    xobject = pdfium_raw.FPDF_NewXObjectFromPage(document.raw, source.raw, 0)
    form = pdfium_raw.FPDF_NewFormObjectFromXObject(xobject)
    pdfium_raw.FPDFPage_InsertObject(page.raw, form)
    pdfium_raw.FPDF_CloseXObject(xobject)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)
    document.save(str(tmp_path / "form.pdf"))
    read = read_pdf_text(tmp_path / "form.pdf")
    assert [line.text for line in read.lines] == ["Decision: Overturned"]
    assert read.hidden[0].text == "Decision: Upheld"


def test_white_text_on_a_white_background_is_hidden(tmp_path):
    """A page-filling white rectangle under white text is no dark band: the text is hidden."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    background = _filled_rect(0, 0, 612, 792, (255, 255, 255))
    pdfium_raw.FPDFPage_InsertObject(page.raw, background)
    for y, text, white in ((700, "Decision: Overturned", False), (650, "Decision: Upheld", True)):
        obj = _text_object(document, text, 12.0)
        if white:
            pdfium_raw.FPDFPageObj_SetFillColor(obj, 255, 255, 255, 255)
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, y)
        pdfium_raw.FPDFPage_InsertObject(page.raw, obj)
    pdfium_raw.FPDFPage_GenerateContent(page.raw)
    document.save(str(tmp_path / "white.pdf"))
    read = read_pdf_text(tmp_path / "white.pdf")
    assert [line.text for line in read.lines] == ["Decision: Overturned"]
    assert read.hidden[0].reasons == {"white or transparent"}
