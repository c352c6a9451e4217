"""General treatment vocabulary of California workers' comp care, beyond the wording of the
letters the lexicon was first written from: made-up request lines (brand and generic drug names,
procedures, equipment, tests, programs) must take their category from a lexicon row, not from
the learned backoff or the dose fallback, nor from a generic weak word ("patch", "repair")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("item", "category"),
    [
        # pharmaceutical: opioids, NSAIDs, relaxants, anticonvulsants, antidepressants, sleep, GI
        ("Subutex 8mg sublingual #30", "pharmaceutical"),
        ("Zubsolv 5.7/1.4mg #30", "pharmaceutical"),
        ("Conzip 100mg #30", "pharmaceutical"),
        ("Cataflam 50 mg #60", "pharmaceutical"),
        ("Sprix nasal spray", "pharmaceutical"),
        ("Piroxicam 20mg #30", "pharmaceutical"),
        ("Daypro 600mg #60", "pharmaceutical"),
        ("Dantrolene 25mg #60", "pharmaceutical"),
        ("Horizant 600 mg #60", "pharmaceutical"),
        ("Trileptal 300mg #60", "pharmaceutical"),
        ("Savella 50mg twice daily #60", "pharmaceutical"),
        ("Pristiq 50mg #30", "pharmaceutical"),
        ("Remeron 15mg at bedtime", "pharmaceutical"),
        ("Belsomra 10mg #30", "pharmaceutical"),
        ("Restoril 15mg #30", "pharmaceutical"),
        ("Dexilant 60mg #30", "pharmaceutical"),
        ("Movantik 25mg #30", "pharmaceutical"),
        ("Linzess 145mcg #30", "pharmaceutical"),
        ("Relistor 150mg #30", "pharmaceutical"),
        ("Qutenza patch application", "pharmaceutical"),
        ("Androgel 1.62% pump", "pharmaceutical"),
        # injection
        ("Gel-One, right knee", "injection"),
        ("Monovisc x1 left knee", "injection"),
        ("Radiofrequency neurotomy L4-5, L5-S1", "injection"),
        ("Selective nerve root block right L5", "injection"),
        ("Lumbar sympathetic blocks x 2", "injection"),
        ("Prolotherapy to the lumbar spine", "injection"),
        # surgery
        ("ACDF C5-6", "surgery"),
        ("TLIF L4-5 with instrumentation", "surgery"),
        ("Cubital tunnel release, left", "surgery"),
        ("ORIF right distal radius", "surgery"),
        ("ACL reconstruction, right knee", "surgery"),
        ("Umbilical hernia repair", "surgery"),
        # dme
        ("H-wave device purchase", "dme"),
        ("NMES unit rental x 30 days", "dme"),
        ("Over-the-door traction, purchase", "dme"),
        ("Rollator", "dme"),
        ("Transfer bench", "dme"),
        ("Knee sleeves, bilateral", "dme"),
        ("Hoyer lift", "dme"),
        ("CPAP machine", "dme"),
        # imaging, electrodiagnostic, other diagnostic
        ("Bone density study", "imaging"),
        ("Venous doppler of the left leg", "imaging"),
        ("Nerve conduction testing of the upper extremities", "electrodiagnostic"),
        ("Urine tox screen", "other_diagnostic"),
        ("Comprehensive metabolic panel", "other_diagnostic"),
        ("Vitamin D level", "other_diagnostic"),
        ("Functional capacity assessment", "other_diagnostic"),
        ("Home sleep test", "other_diagnostic"),
        # behavioral health, programs, home health, other
        ("Psychological consultation", "behavioral_health"),
        ("Cognitive behavior therapy 6 sessions", "behavioral_health"),
        ("Neuropsychological evaluation", "behavioral_health"),
        ("HELP program, 4 weeks", "program"),
        ("Work conditioning program 10 visits", "program"),
        ("Pain management program", "program"),
        ("Attendant care 4 hours a day", "home_health"),
        ("Personal care attendant 20 hours per week", "home_health"),
        ("Taxi to medical appointments", "other"),
        ("YMCA membership 6 months", "other"),
        # physical medicine
        ("Kinesio taping of the shoulder", "physical_medicine"),
        ("Whirlpool therapy 6 sessions", "physical_medicine"),
        ("Spinal decompression therapy 12 sessions", "physical_medicine"),
        ("Graston technique 2 times a week for 3 weeks", "physical_medicine"),
        ("Aquatherapy 2x4", "physical_medicine"),
        # evaluation and management
        ("Rheumatologist, 3 visits", "evaluation_management"),
        ("Neurologist", "evaluation_management"),
        ("Telehealth visit", "evaluation_management"),
    ],
)
def test_general_vocabulary_comes_from_the_lexicon(nlp, item, category):
    doc = nlp(item)
    assert doc._.item_category == category
    assert doc._.category_source == "lexicon"
    assert "no_lexicon_match" not in doc._.category_review
    assert "category_from_backoff" not in doc._.category_review
    assert "category_weak_mention" not in doc._.category_review  # a specific row decided
