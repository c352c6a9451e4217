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
