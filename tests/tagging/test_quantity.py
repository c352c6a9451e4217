"""imr_quantities: dispensed counts on drugs, supplies and tests."""

from __future__ import annotations

import pytest

from pipeline.tagging import parse_quantity


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Gabapentin 300mg #90", 90),
        ("Tizanidine 4mg # 45 with 3 refills", 45),  # refills not multiplied in
        ("Diclofenac gel 1%, #2 tubes", 2),
        ("Lidocaine patches #1 box", 1),
        ("Knee sleeves QTY: 2", 2),
        ("NCS of the legs, QTY: 4", 4),
        ("CT of the wrist times 1", 1),
        ("One tube of capsaicin cream", 1),
        ("Associated surgical service: 3 compression stockings", 3),
        ("Ketoprofen cream 10%, 60 grams", None),  # grams without # are not a count
        ("Morphine solution 250ml", None),
        ("Two refills of Meloxicam 7.5mg", None),
        ("Six months supply of Celebrex", None),
        ("Gabapentin 300mg", None),
    ],
)
def test_quantity_forms(nlp, item, expected):
    assert parse_quantity(item) == expected
    assert nlp(item)._.quantity == expected


def test_therapy_counts_are_sessions_not_quantities(nlp):
    doc = nlp("Physical therapy #8")
    assert doc._.quantity is None
    assert doc._.frequency == {"per_week": None, "weeks": None, "sessions": [8, 8]}


@pytest.mark.parametrize(
    "item",
    [
        "2 view x-ray of the wrist",
        "Two level cervical fusion",
        "Two-level lumbar decompression",
        "12 lead EKG",
        "12-lead ECG",
        "Ten panel urine drug screen",
        "10-panel drug test",
        "4-point cane",
        "3 in 1 commode",
        "3D CT of the spine",
        "Anterior cervical discectomy and fusion C5-6",
        "Epidural steroid injection L4-5, L5-S1",
    ],
)
def test_a_number_in_a_name_is_never_a_quantity(nlp, item):
    assert parse_quantity(item) is None
    assert nlp(item)._.quantity is None


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Naprosyn 500mg 60 tablets", 60),
        ("Lidocaine 4% patches, 30 patches", 30),
        ("Tramadol 50mg 2 tablets by mouth daily", None),  # a dose, not a count
        ("Facet injection at L3-L4 x 2", 2),  # the level before "x" is not a number to skip
    ],
)
def test_counts_of_units(nlp, item, expected):
    assert nlp(item)._.quantity == expected
