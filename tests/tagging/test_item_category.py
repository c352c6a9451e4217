"""imr_item_category: which mention governs, scope prefixes and the README's conventions."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("item", "category"),
    [
        # the head (first) mention governs
        ("Inpatient rehabilitation with physical therapy 10 days", "other"),
        ("Aquatic therapy with a TENS trial", "physical_medicine"),
        ("Impedance imaging of the trapezius trigger points", "other_diagnostic"),
        # scope prefixes hand the item to what follows
        ("Associated surgical service: Knee brace", "dme"),
        ("Associated surgical service: Post-op physical therapy x 8", "physical_medicine"),
        ("Labs to include: Chest x-ray", "imaging"),
        ("Pre-op labs: CMP", "other_diagnostic"),
        # README conventions
        ("EEG with sleep deprivation", "electrodiagnostic"),
        ("SSEP of the upper extremities", "electrodiagnostic"),
        ("Functional capacity evaluation", "other_diagnostic"),
        ("Grip strength testing, bilateral", "other_diagnostic"),
        ("Computerized range of motion testing", "other_diagnostic"),
        ("Psychological testing, 4 hours", "behavioral_health"),
        ("Psychiatric partial hospitalization program", "behavioral_health"),
        ("Chiropractic re-evaluation for the neck", "physical_medicine"),
        ("Re-exam with chiropractor", "physical_medicine"),
        ("E-stim in clinic", "physical_medicine"),
        ("Shockwave therapy for the heel", "physical_medicine"),
        ("Biofeedback in the PT set", "physical_medicine"),
        ("Gym membership for 6 months", "other"),
        ("Transportation to therapy", "other"),
        ("Acute inpatient rehabilitation stay", "other"),
        ("Standing desk workstation", "dme"),
        ("Hearing aids, both ears", "dme"),
        ("Nitrile gloves, one box", "dme"),
        ("Cleansing wipes", "dme"),
        # generic words only decide when nothing better is present
        ("Orthopedic surgery evaluation", "evaluation_management"),
        ("Neurology re-evaluation", "evaluation_management"),
        ("Home health aide 4 hours a day", "home_health"),
        ("Functional restoration program, 80 hours", "program"),
        # no lexicon mention: a dose means a drug, else other
        ("Zyloprax 15mg", "pharmaceutical"),
        ("Qqqq", "other"),  # nothing the backoff knows either
    ],
)
def test_item_category(nlp, item, category):
    assert nlp(item)._.item_category == category
