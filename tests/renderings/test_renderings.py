"""The rendering generator on the made-up fixture letters (fast; no shared letter is read)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests import paths
from tools.renderings.blind import FIFTHS, is_blind
from tools.renderings.citations import expect_pages_form, pages_form, prose_form
from tools.renderings.forms import (
    FORM_NAMES,
    FORMS,
    expect_review,
    expect_statement,
    form_named,
    render_all,
    statement_request,
)
from tools.renderings.harness import figures, outside_repo
from tools.renderings.model import read_letter

FAKE = paths.FIXTURE_LETTERS_DIR / "FAKE-0000001.pdf"
CITATION = {
    "text": "made up",
    "cited": True,
    "outside_mtus": False,
    "mtus": [
        {"chapter": "Low Back Complaints", "year": 2004, "sections": "Summary", "pages": []},
        {
            "chapter": "Chronic Pain Medical Treatment",
            "year": 2016,
            "sections": "TENS",
            "pages": [],
        },
    ],
    "non_mtus": ["Official Disability Guidelines (ODG), Low Back Chapter"],
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    model = read_letter(FAKE)
    root = tmp_path_factory.mktemp("renderings")
    return {form.name: render_all([(model, FAKE)], form, root / form.name)[0] for form in FORMS}


def _text(path: Path) -> str:
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def test_the_model_is_what_ingest_reads():
    model = read_letter(FAKE)
    assert model.case_number == "FAKE-0000001"
    assert len(model.items) == 3
    assert [item.decision for item in model.items] == ["Upheld", "Overturned", "Upheld"]
    assert model.items[0].maximus["mtus"][0]["year"] == 2016
    assert {block.kind for block in model.blocks} >= {"header", "heading", "request", "label"}


def test_every_form_writes_one_file_holding_each_request(rendered):
    assert set(rendered) == set(FORM_NAMES)
    for name, path in rendered.items():
        words = " ".join(_text(path).replace("\f", " ").split())
        assert "Cyclobenzaprine 7.5mg #60" in words, name


@pytest.mark.parametrize(
    "name", ["txt-narrow", "txt-wide", "pdf-a4", "pdf-legal", "seed-pdf", "2013-pdf", "review-pdf"]
)
def test_paginated_forms_carry_page_n_of_m_footers(rendered, name):
    footers = re.findall(r"Page (\d+) of (\d+)", _text(rendered[name]))
    assert footers and footers[0] == ("1", footers[0][1])
    assert len({total for _, total in footers}) == 1


def test_form_feeds_only_where_the_form_has_them(rendered):
    assert "\f" in _text(rendered["txt-export-ff"])
    assert "\f" not in _text(rendered["txt-export"])
    assert "\f" not in _text(rendered["txt-narrow"])


def test_page_sizes(rendered):
    sizes = {}
    for name in ("pdf-a4", "pdf-legal"):
        document = pdfium.PdfDocument(str(rendered[name]))
        sizes[name] = tuple(round(v) for v in document[0].get_size())
        document.close()
    assert sizes == {"pdf-a4": (595, 842), "pdf-legal": (612, 1008)}


def test_older_forms_use_their_landmarks(rendered):
    seed = _text(rendered["seed-pdf"])
    assert "IMR DECISION(S) AND RATIONALE(S)" in seed and "Page(s):" in seed
    notice = " ".join(_text(rendered["2013-pdf"]).split())
    assert "Notice of Independent Medical Review Determination" in notice
    assert notice.count("1) MAXIMUS Federal Services, Inc. has determined the request for") == 2
    assert "Medical Treatment Guideline (MTG) Citation used by the Claims Administrator:" in notice
    review = _text(rendered["review-pdf"])
    for heading in (
        "MEDICAL PROFESSIONAL REVIEW",
        "ISSUE AT DISPUTE:",
        "CASE SUMMARY:",
        "MEDICAL REVIEWER QUALIFICATIONS:",
    ):
        assert heading in review


def test_the_running_header_comes_first_in_a_page_text(rendered):
    document = pdfium.PdfDocument(str(rendered["pdf-legal"]))
    try:
        second = document[1].get_textpage().get_text_range()
    finally:
        document.close()
    assert second.startswith("MAXIMUS Federal Services, Inc.")
    assert re.search(r"Page 2 of \d+$", second.rstrip())


def test_pages_form_prints_the_pages_it_expects():
    printed = pages_form(CITATION, "maximus", "K")
    expected = expect_pages_form(CITATION, "K")
    assert printed.count("Decision based on MTUS") == 2 and "Non-MTUS Citation" in printed
    for entry in expected["mtus"]:
        assert entry["sections"] is None
        assert f"Page(s): {entry['pages'][0]}." in printed
    assert CITATION["mtus"][0]["sections"] == "Summary"  # the answer key is not changed
    assert expect_pages_form(CITATION, "K") == expected  # fixed per key


def test_prose_form_names_chapter_year_and_sections():
    prose = prose_form(CITATION, "claims")
    assert "ACOEM), 2nd Edition, (2004), Low Back Complaints, Summary" in prose
    assert "Chronic Pain Medical Treatment Guidelines (2016), TENS, which are part" in prose
    assert prose_form({"cited": False}, "maximus").startswith("The Expert Reviewer did not cite")
    assert prose_form(None, "claims") is None


def test_what_the_wordings_cannot_carry():
    gold = {
        "case_number": "X",
        "issue_index": 0,
        "claims_admin_guideline": CITATION,
        "request_text": "A was the original request. The original request, B is",
    }
    assert expect_statement(gold)["request_text"].endswith("request, B")
    assert statement_request("Tramadol 50mg #60") == "Tramadol 50mg #60"
    assert expect_review(gold)["claims_admin_guideline"] is None
    assert gold["claims_admin_guideline"] is CITATION


def test_blind_split_is_the_documented_fifth():
    cases = [f"MADE-UP-{n:04d}" for n in range(500)]
    blind = [c for c in cases if is_blind(c)]
    assert blind == [
        c for c in cases if int(hashlib.sha256(c.encode()).hexdigest(), 16) % FIFTHS == 0
    ]
    assert 0.15 < len(blind) / len(cases) < 0.25


def test_renderings_never_go_into_the_repository(tmp_path):
    with pytest.raises(SystemExit):
        outside_repo(Path(__file__).parent)
    assert outside_repo(tmp_path) == tmp_path.resolve()


def test_figures_count_flagged_and_unflagged_items():
    gold = [{"case_number": "A", "issue_index": i, "decision": "Upheld"} for i in range(4)]
    predicted = [
        {"case_number": "A", "issue_index": 0, "decision": "Upheld", "review": []},
        {"case_number": "A", "issue_index": 1, "decision": "Overturned", "review": ["x"]},
        {"case_number": "A", "issue_index": 2, "decision": "Overturned", "review": []},
    ]
    # Only decision is set in these made-up items: compare on the fields they share.
    result = figures(predicted, gold)
    assert result["items"] == 4
    assert result["decision"] == 0.25
    assert result["flagged"] == 0.25
    assert result["unflagged_items"] == 2


def test_unknown_form_names_say_which_exist():
    with pytest.raises(KeyError, match="pdf-a4"):
        form_named("nope")
