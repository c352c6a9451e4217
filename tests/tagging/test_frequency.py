"""imr_frequencies: every request form in the README, normalised exactly."""

from __future__ import annotations

import pytest

from pipeline.tagging import parse_frequency


def F(per_week, weeks, sessions):  # noqa: N802 - reads like the dict it builds
    return {"per_week": per_week, "weeks": weeks, "sessions": sessions}


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Aquatic therapy 3 times a week for 4 weeks", F([3, 3], [4, 4], [12, 12])),
        ("Physical therapy 1-2 times a week for 5 weeks", F([1, 2], [5, 5], [5, 10])),
        ("Massage three times a week times five weeks", F([3, 3], [5, 5], [15, 15])),
        ("Acupuncture 2 to 3 times per week for 3 weeks", F([2, 3], [3, 3], [6, 9])),
        ("PT 3x/week x 4 weeks, right ankle", F([3, 3], [4, 4], [12, 12])),
        ("Chiropractic 3x4 for the mid back", F([3, 3], [4, 4], [12, 12])),
        ("Occupational therapy three times two for the thumb", F([3, 3], [2, 2], [6, 6])),
        ("Hand therapy twice weekly for 5 weeks", F([2, 2], [5, 5], [10, 10])),
        ("PT 2 visits per week for 3 weeks", F([2, 2], [3, 3], [6, 6])),
        # explicit count wins over per_week * weeks
        ("Ten sessions of traction two times a week times four weeks", F([2, 2], [4, 4], [10, 10])),
        ("Therapy 2 times a week for 4 weeks (10 sessions)", F([2, 2], [4, 4], [10, 10])),
        ("PT 3 times a week for 3 weeks (9)", F([3, 3], [3, 3], [9, 9])),
        # counts only
        ("Massage therapy (10 sessions)", F(None, None, [10, 10])),
        ("Chiropractic 9 visits to the neck", F(None, None, [9, 9])),
        ("Nine (9) aquatic therapy sessions", F(None, None, [9, 9])),
        ("Post-op PT, times 16", F(None, None, [16, 16])),
        ("Physical therapy #10", F(None, None, [10, 10])),
        ("Acupuncture sessions, 5", F(None, None, [5, 5])),
        ("Physical therapy 6-8 sessions", F(None, None, [6, 8])),
        # different body parts are summed
        (
            "three PT sessions for the neck and four PT sessions for the wrist",
            F(None, None, [7, 7]),
        ),
        # daily and home care
        ("Daily LVN visits for 3 weeks for dressing changes", F([7, 7], [3, 3], [21, 21])),
        (
            "Home health aide 4 hours per day, 3 times a week for 5 weeks",
            F([3, 3], [5, 5], [15, 15]),
        ),
        # a rate without a duration
        ("Physical therapy 2 times per week", F([2, 2], None, None)),
        # nothing to read
        ("Physical therapy for the shoulder", None),
        ("Acupuncture treatments (number not given)", None),
    ],
)
def test_frequency_forms(nlp, item, expected):
    assert parse_frequency(item) == expected
    assert nlp(item)._.frequency == expected


@pytest.mark.parametrize(
    "item",
    [
        "Meloxicam 15mg one tablet twice a day #30",  # drug dosing is never a frequency
        "Gabapentin 300mg three times a day for 4 weeks",
        "Cold therapy unit rental for 3 weeks",  # device / rental durations
        "Continuous passive motion machine, 21 day rental",
        "Inpatient rehabilitation 10-14 days",  # stays
    ],
)
def test_no_frequency_for_drugs_devices_and_stays(nlp, item):
    assert nlp(item)._.frequency is None


def test_category_gate_in_the_pure_function():
    assert parse_frequency("Naproxen twice a week for 2 weeks", "pharmaceutical") is None
    assert parse_frequency("PT twice a week for 2 weeks", "physical_medicine") == F(
        [2, 2], [2, 2], [4, 4]
    )


def test_frequency_spans_are_tagged(nlp):
    doc = nlp("PT 2 times a week for 3 weeks and 2 more sessions")
    labels = [s.label_ for s in doc.spans["frequencies"]]
    assert labels == ["per_week", "number_then_unit"]
    assert doc.spans["frequencies"][0]._.frequency == F([2, 2], [3, 3], [6, 6])


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Massage 1 time a week x 4 weeks", ([1, 1], [4, 4], [4, 4])),
        ("Chiropractic 2x/wk x 3 wks", ([2, 2], [3, 3], [6, 6])),
        ("Psychotherapy weekly for 8 weeks", ([1, 1], [8, 8], [8, 8])),
        ("Occupational therapy QTY: 6", (None, None, [6, 6])),
        ("Gait training with a 4-point cane, 6 visits", (None, None, [6, 6])),
        (
            "Physical therapy for two-level fusion, 2 times a week for 4 weeks",
            ([2, 2], [4, 4], [8, 8]),
        ),
        ("Physical therapy for C5-6, 2x4", ([2, 2], [4, 4], [8, 8])),
        ("Physical therapy after 3D imaging, 8 sessions", (None, None, [8, 8])),
    ],
)
def test_frequency_forms_and_numbers_in_names(item, expected):
    per_week, weeks, sessions = expected
    assert parse_frequency(item, "physical_medicine") == {
        "per_week": per_week, "weeks": weeks, "sessions": sessions,
    }  # fmt: skip
