"""imr_treatments: normalised names, categories, overlaps, treatment-history passages."""

from __future__ import annotations

import pytest


def _mentions(nlp, text):
    doc = nlp(text)
    return [(s.text, s._.treatment, s._.category) for s in doc.spans["treatments"]]


@pytest.mark.parametrize(
    ("text", "surface", "name", "category"),
    [
        ("Continue PT for the left knee", "PT", "physical therapy", "physical_medicine"),
        ("Flexeril 5mg at bedtime", "Flexeril", "cyclobenzaprine", "pharmaceutical"),
        ("norco 7.5/325 as needed", "norco", "hydrocodone/acetaminophen", "pharmaceutical"),
        ("EMG/NCS of both arms", "EMG/NCS", "emg/ncv", "electrodiagnostic"),
        ("Two X-rays of the wrist", "X-rays", "x-ray", "imaging"),
        ("Pre-op PT/INR panel", "PT/INR", "laboratory tests", "other_diagnostic"),
        (
            "Pulsed ultrasound to the elbow",
            "Pulsed ultrasound",
            "ultrasound therapy",
            "physical_medicine",
        ),
        ("Diagnostic ultrasound of the elbow", "Diagnostic ultrasound", "ultrasound", "imaging"),
    ],
)
def test_lexicon_normalises_name_and_category(nlp, text, surface, name, category):
    assert (surface, name, category) in _mentions(nlp, text)


def test_case_sensitive_abbreviation_is_not_matched_in_lower_case(nlp):
    assert _mentions(nlp, "the pt reports less pain") == []


def test_longest_mention_wins_over_its_parts(nlp):
    assert _mentions(nlp, "Heat therapy pad for home use") == [
        ("Heat therapy pad", "cold therapy unit", "dme")
    ]


def test_prior_treatments_come_from_the_history_passage(nlp):
    doc = nlp(
        "Treatment to date: Motrin, aqua therapy and acupuncture. "
        "The current request is for an MRI of the hip."
    )
    assert doc._.prior_treatments == ["ibuprofen", "aquatic therapy", "acupuncture"]
    assert "mri" in doc._.treatments
    mri = [s for s in doc.spans["treatments"] if s._.treatment == "mri"][0]
    assert mri._.in_history is False


def test_weak_words_are_not_reported_as_treatments(nlp):
    doc = nlp("The evaluation found no support for the repair.")
    assert doc._.treatments == []


def test_lexicon_can_be_swapped_by_config(tmp_path):
    import spacy

    lexicon = tmp_path / "extra.jsonl"
    lexicon.write_text('{"pattern": "salsa lessons", "name": "dance class", "category": "other"}\n')
    nlp = spacy.blank("en")
    nlp.add_pipe("imr_treatments", config={"lexicon": str(lexicon)})
    doc = nlp("Salsa lessons twice a week")
    assert [(s._.treatment, s._.category) for s in doc.spans["treatments"]] == [
        ("dance class", "other")
    ]
