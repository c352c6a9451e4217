"""Category and counts by structure (made-up requests, one group per rule form): the referral
frame, a visit noun heading the noun phrase, therapeutic modalities in a therapy order, visit
counts as sessions (never a quantity), and the flag for a head word nobody knows."""

from __future__ import annotations

import pytest

from pipeline.tagging.quantity import QuantityRules

PM, EM, BH = "physical_medicine", "evaluation_management", "behavioral_health"


def tag(nlp, text):
    doc = nlp(text)
    return doc._.item_category, doc._.frequency, doc._.quantity, doc._.category_review


# ---- referral / consultation frame -------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "category"),
    [
        # a treatment delivered by its own provider: the referral is that treatment
        ("Referral to chiropractor twice a week for 3 weeks", PM),
        ("Referral to a chiropractor", PM),
        ("Consultation with a physical therapist", PM),
        ("Refer to physical therapy 2x4", PM),
        ("Referral to psychologist for 6 sessions", BH),
        ("Consultation with the psychologist", BH),
        # another category only when the request says it is for treatment
        ("Referral for acupuncture for treatment of the low back", PM),
        # a specialist: the referral stays a visit
        ("Referral to orthopedic surgeon", EM),
        ("Consultation with a neurologist for treatment", EM),
        ("Referral to pain management specialist", EM),
    ],
)
def test_referral_frame_takes_the_category_of_what_it_refers_to(nlp, request_text, category):
    assert tag(nlp, request_text)[0] == category


def test_referral_frame_is_a_structure_not_a_word_list(nlp):
    # the same frame with any connector and determiner, and the frame words in any case
    for text in ("REFERRAL TO CHIROPRACTOR 2X6", "Consult with the chiropractor 2x6",
                 "Referral by chiropractor 2x6"):  # fmt: skip
        assert tag(nlp, text)[0] == PM, text
    # a target outside the frame's noun phrase is not referred to
    assert tag(nlp, "Referral to orthopedic surgeon, then chiropractor 2x6")[0] == EM


def test_referral_frame_needs_no_flag_when_the_frame_explains_the_words(nlp):
    assert tag(nlp, "Referral to chiropractor twice a week for 3 weeks")[3] == []


# ---- a visit noun heading the noun phrase ------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "category"),
    [
        ("Medication management consultation", EM),  # head: consultation
        ("Lumbar fusion surgery evaluation", EM),
        ("Acupuncture evaluation", PM),  # a provider's own treatment: its evaluation is it
        ("Psychotherapy consultation", BH),
        ("Medication with consultation", "pharmaceutical"),  # not one noun phrase
    ],
)
def test_visit_noun_heading_the_phrase_decides(nlp, request_text, category):
    assert tag(nlp, request_text)[0] == category


# ---- therapeutic modalities: the therapy order decides -----------------------------------


@pytest.mark.parametrize(
    ("request_text", "category"),
    [
        ("Ultrasound 1 times 8", PM),  # "N times M": a therapy order
        ("Ultrasound to the right shoulder 2x/week for 4 weeks", PM),
        ("Ultrasound 6 sessions", PM),
        ("Ultrasound and electrical stimulation", PM),  # beside a physical-medicine mention
        ("TENS unit 2 times a week for 6 weeks", PM),
        ("Ultrasound of the right shoulder", "imaging"),  # no therapy order: a scan
        ("TENS unit purchase", "dme"),
        ("Cold therapy unit for 7 days", "dme"),  # a rental length is no therapy order
        ("Cold therapy unit x 14 days", "dme"),
    ],
)
def test_a_therapy_order_makes_a_modality_physical_medicine(nlp, request_text, category):
    assert tag(nlp, request_text)[0] == category


# ---- visit and session counts are frequencies, never quantities --------------------------


@pytest.mark.parametrize(
    ("request_text", "sessions"),
    [
        ("Follow up office visit times 3", [3, 3]),
        ("Follow-up visits x 6", [6, 6]),
        ("Office visit #2", [2, 2]),
        ("Three follow-up visits", [3, 3]),
    ],
)
def test_visit_counts_are_sessions_and_no_quantity(nlp, request_text, sessions):
    category, frequency, quantity, _ = tag(nlp, request_text)
    assert category == EM
    assert frequency is not None and frequency["sessions"] == sessions
    assert quantity is None


def test_a_count_the_frequency_does_not_keep_is_still_a_quantity(nlp):
    # frequency is skipped for tests and drugs: their counts stay quantities
    assert tag(nlp, "Urine drug screen times 3")[1:3] == (None, 3)
    assert tag(nlp, "Made-up-a-zole 10mg #60")[1:3] == (None, 60)


def test_quantity_rules_leave_out_numbers_a_frequency_read():
    rules = QuantityRules()
    text = "Follow up office visit times 3"
    assert rules.parse(text) == 3  # alone, "times 3" reads as a count
    assert rules.parse(text, sessions=[(text.index("times"), len(text))]) is None
    assert rules.parse("Brace #2, visit times 3", sessions=[(17, 24)]) == 2


# ---- an unknown head word is flagged, not guessed ----------------------------------------


@pytest.mark.parametrize(
    ("request_text", "flagged"),
    [
        ("Physical therapy zorblax 2x6", True),  # unknown word in the head's noun phrase
        ("Knee brace frobnicator", True),
        ("Physical therapy twice a week for 6 weeks", False),  # how-often words
        ("Physical therapy lumbar spine 2x6", False),  # where words
        ("Knee arthroscopy QXZ", False),  # an abbreviation is not checked
        ("Physical therapy for the zorblax", False),  # after a subordinator: not the head
        ("Made-up-a-zole gel apply twice daily", False),  # dosing words
    ],
)
def test_an_unknown_head_word_is_flagged(nlp, request_text, flagged):
    assert ("category_head_unknown" in tag(nlp, request_text)[3]) is flagged
