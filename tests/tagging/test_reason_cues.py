"""The reason cues on made-up sentences: each rule form, negation scope included."""

from __future__ import annotations

import json

import pytest

from pipeline.rules import files as rulefiles
from pipeline.tagging.reason_cues import RULES_FILE, cue_sentences, cue_spans


def codes(text: str) -> set[str]:
    return {code for _, code, _, _ in cue_spans(text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("There is no documentation of functional improvement.", "no_functional_benefit"),
        ("The provider failed to document objective functional improvement.",
         "no_functional_benefit"),
        ("In the absence of red flags, imaging is not indicated.", "criteria_not_met"),
        ("There is a lack of urine drug screens in the records.", "monitoring_missing"),
        ("Without a trial of conservative care, injections are premature.",
         "no_conservative_trial"),
        ("The guidelines do not recommend this medication.", "not_recommended"),
        ("The dose and frequency were not included with the request.", "request_incomplete"),
        ("The request failed to specify the body part to be treated.",
         "request_incomplete"),
        ("No body region was named for the requested therapy.", "request_incomplete"),
    ],
)  # fmt: skip
def test_preceding_trigger_negates_the_cue(text, code):
    assert code in codes(text)


def test_following_trigger_negates_what_precedes_it():
    assert codes("Urine drug screens were not documented.") == {"monitoring_missing"}
    spans = cue_spans("A psychological evaluation is absent.")
    assert [(code, negated) for _, code, _, negated in spans] == [("monitoring_missing", True)]


def test_affirmed_mention_is_not_a_negated_cue():
    assert codes("The patient reports functional improvement and a return to work.") == set()
    assert codes("Urine drug screens were consistent.") == set()
    assert codes("The guidelines recommend this medication.") == set()
    # a body part named in the request is no gap in it
    assert "request_incomplete" not in codes("The request names the body part: the left knee.")


def test_pseudo_negation_is_no_trigger():
    assert "no_functional_benefit" not in codes(
        "Not only functional improvement was documented, the patient works full duty."
    )


def test_termination_closes_the_scope():
    found = codes("There is no radiculopathy on exam, but functional improvement is documented.")
    assert "criteria_not_met" in found
    assert "no_functional_benefit" not in found


def test_scope_ends_after_window_tokens():
    near = "There is no functional improvement."
    far = ("There is no one thing on the list of the items the reviewer read today and then "
           "functional improvement.")  # fmt: skip
    assert "no_functional_benefit" in codes(near)
    assert "no_functional_benefit" not in codes(far)


def test_scope_stays_inside_its_sentence():
    assert "no_functional_benefit" not in codes(
        "There is no MRI. Functional improvement is well documented."
    )


def test_a_trigger_inside_the_cue_is_not_its_own_negation():
    # "failed" is a conservative-care cue; "failed to" a trigger that starts at the same token
    assert "no_conservative_trial" not in codes("The patient failed to attend.")
    # a documented failure of conservative care is not a missing trial
    assert "no_conservative_trial" not in codes("Failure of conservative care is documented.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Twelve sessions exceeds the recommended six visits.", "exceeds_guideline_amount"),
        ("A multi-level fusion is requested.", "exceeds_guideline_amount"),
        ("The request is vague.", "request_incomplete"),
        ("Acupuncture is considered experimental here.", "not_recommended"),
        ("As the requested surgery is not medically necessary, the associated surgical service "
         "is not necessary.", "depends_on_denied"),
        # a normal finding stated positively is why an indication is missing
        ("The examination shows full strength and intact sensation.", "criteria_not_met"),
        ("Reflexes are symmetric.", "criteria_not_met"),
        ("The neurological exam is within normal limits.", "criteria_not_met"),
        ("A prior MRI showed normal findings.", "criteria_not_met"),
        # "no change" is a pseudo-negation to NegEx, yet no change in function is no benefit
        ("Pain is 8/10 with and without medication, with no change in function.",
         "no_functional_benefit"),
        ("There has been minimal change in ADLs.", "no_functional_benefit"),
    ],
)  # fmt: skip
def test_any_scope_cues_fire_with_or_without_negation(text, code):
    assert code in codes(text)


def test_sentences_carry_offsets_and_cues():
    text = "  The request is vague.\n\nThere is no documentation of functional improvement. "
    sentences = cue_sentences(text)
    assert [text[s["start"] : s["end"]] for s in sentences] == [
        "The request is vague.",
        "There is no documentation of functional improvement.",
    ]
    assert [s["cues"] for s in sentences] == [["request_incomplete"], ["no_functional_benefit"]]
    assert cue_sentences("") == []


def _rules() -> dict:
    return json.loads(rulefiles.read_text(RULES_FILE))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["cues"][0].update(scope="sometimes"),
        lambda d: d["cues"][0].update(code="made_up_code"),
        lambda d: d["cues"][0]["patterns"][0][0].update(LOWR="no"),
        lambda d: d["negation"].update(precedng=[]),
        lambda d: d["cues"][0]["patterns"][0][0].update(OP="??"),
    ],
)
def test_schema_refuses_a_bad_rule_file(change):
    data = _rules()
    change(data)
    with pytest.raises(rulefiles.RuleFileError):
        rulefiles.parse(json.dumps(data), "made-up", RULES_FILE)


def test_shipped_rule_file_is_valid():
    rulefiles.parse(rulefiles.read_text(RULES_FILE) + " ", "shipped", RULES_FILE)


@pytest.mark.xfail(
    strict=True,
    reason="a body part in a not_recommended sentence's negated scope is read as a gap in the "
    "request (docs/evaluation.md: the narrower rule was measured and not kept)",
)
def test_a_body_part_the_guideline_excludes_is_no_gap_in_the_request():
    assert "request_incomplete" not in codes(
        "Manipulation is not recommended for body parts such as the elbow or the knee."
    )
