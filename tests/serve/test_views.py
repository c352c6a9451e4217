"""The letter pages' values: highlights painted by precedence, review codes and denial reasons
in plain words, upload names made safe."""

from __future__ import annotations

import importlib.util

import pytest

from pipeline import config
from pipeline.core.display_names import REVIEW_LABELS, reason_label, review_label
from pipeline.serve.uploads import MAX_NAME_CHARS, safe_name
from pipeline.serve.views import REASON, SENTENCE, TERM, highlight, letter_views, paint

RATIONALE = (
    "Guidelines support 10 visits. The record shows no functional gains after therapy. "
    "Therefore the request is not medically necessary."
)


def _kinds(segments) -> list[tuple[str, str | None]]:
    return [(s.text, s.mark.kind if s.mark else None) for s in segments]


def test_paint_keeps_the_text_and_the_strongest_mark():
    segments = paint("abcdefgh", [(TERM, 0, 4, "t"), (REASON, 2, 6, "r"), (SENTENCE, 5, 8, "s")])
    assert "".join(s.text for s in segments) == "abcdefgh"
    assert _kinds(segments) == [("ab", TERM), ("cdef", REASON), ("gh", SENTENCE)]
    assert _kinds(paint("abc", [])) == [("abc", None)]
    assert paint("", [(TERM, 0, 0, "t")]) == []


def test_reasons_sentences_and_terms_are_highlighted():
    start = RATIONALE.index("The record")
    end = RATIONALE.index("therapy.") + len("therapy.")
    record = {
        "reasons": [{"code": "no_functional_benefit", "evidence": RATIONALE[start:end],
                     "start": start, "end": end, "probability": 0.9},
                    {"code": "other", "start": 5, "end": 10_000}],  # out of range: ignored
        "prediction": {
            "sentences": [{"sentence": "Guidelines   support 10\nvisits.", "contribution": 0.1}],
            "evidence": [
                {"name": "reasoning__functional", "weight": -0.4, "feature": "x"},
                {"name": "reasoning__request", "weight": 0.2, "feature": "x"},
                {"name": "reasoning__quest", "weight": 0.2, "feature": "x"},  # no whole word
                {"name": "category__category_dme", "weight": 1.0, "feature": "x"},
            ],
        },
    }  # fmt: skip
    segments = highlight(RATIONALE, record)
    assert "".join(s.text for s in segments) == RATIONALE
    marked = [(s.text, s.mark.kind) for s in segments if s.mark]
    assert marked == [
        ("Guidelines support 10 visits.", SENTENCE),
        (RATIONALE[start:end], REASON),  # "functional" inside it: the reason wins
        ("request", TERM),
    ]
    assert "no functional benefit" in segments[2].mark.label


def test_items_are_numbered_from_one_by_letter():
    records = [
        {"case_number": "A", "source_file": "a.pdf", "issue_index": 0, "decision": "Upheld"},
        {"case_number": "A", "source_file": "a.pdf", "issue_index": 1, "decision": "Overturned"},
        {"case_number": "B", "source_file": "b.txt", "issue_index": 0, "decision": "Upheld"},
    ]
    problems = [{"file": "/tmp/x/0001/a.pdf", "case_number": "A", "problem": "hidden text"}]
    letters = letter_views(records, problems, {"/tmp/x/0001/a.pdf": "a.pdf", "a.pdf": "a.pdf"})
    assert [(v.number, v.name, [i.number for i in v.items]) for v in letters] == [
        (1, "a.pdf", [1, 2]), (2, "b.txt", [1]),
    ]  # fmt: skip
    assert letters[0].problems == ["hidden text"] and letters[1].problems == []
    assert letters[0].decisions == "1 Upheld, 1 Overturned"


def _review_codes() -> list[str]:
    path = config.ROOT / "tools" / "docs_figures.py"
    spec = importlib.util.spec_from_file_location("docs_figures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.review_codes()


def test_every_review_code_has_plain_words():
    codes = _review_codes()
    assert codes, "no review codes found"
    missing = [code for code in codes if code not in REVIEW_LABELS]
    assert missing == [], f"add plain words for these in core/display_names.py: {missing}"
    assert review_label("category_weak_mention") == (
        "category chosen from a weak mention: check the requested service"
    )
    assert review_label("brand_new_code") == "brand new code"
    assert reason_label("no_conservative_trial") == "no trial of conservative care first"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("letter.pdf", "letter.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\scan 1.pdf", "scan 1.pdf"),
        ("a\x00b\x1b[31m.txt", "ab[31m.txt"),
        ("..pdf", "letter-3.pdf"),
        ("", "letter-3"),
        ("..", "letter-3"),
        (".hidden.txt", "hidden.txt"),
        ("x" * 300 + ".pdf", "x" * (MAX_NAME_CHARS - 4) + ".pdf"),
    ],
)
def test_upload_names_are_made_safe(raw, shown):
    assert safe_name(raw, 3) == shown
