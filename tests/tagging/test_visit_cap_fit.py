"""Which quoted limit fits the case: condition, body part, trial or total, completed sessions.
Made-up rationales and requests (the shapes real letters quote, no letter's wording)."""

from __future__ import annotations

from pipeline.tagging.guideline_limits import parse_guideline_limits
from pipeline.tagging.visit_cap import (
    annotate_limits,
    case_facts,
    completed_statements,
    visit_cap,
    visit_cap_check,
)

# A guideline table as rationales quote it: one limit per condition.
TABLE = (
    "The guideline allows fading of treatment frequency. Myalgia and myositis, unspecified: "
    "9-10 visits over 8 weeks; Neuralgia, neuritis, and radiculitis, unspecified: 8-10 visits "
    "over 4 weeks; Reflex sympathetic dystrophy (CRPS): 26 visits over 16 weeks."
)


def freq(per_week=None, weeks=None, sessions=None) -> dict:
    return {"per_week": per_week, "weeks": weeks, "sessions": sessions}


def test_each_limit_of_a_table_gets_its_condition() -> None:
    limits = parse_guideline_limits(TABLE)
    assert [x["condition"] for x in limits] == ["myalgia", "neuralgia", "crps"]
    assert [x["sessions"] for x in limits] == [[9, 10], [8, 10], [26, 26]]


def test_a_following_for_phrase_belongs_to_the_limit_before_it() -> None:
    text = "It allows 9-10 visits over 8 weeks for myalgia, 8-10 visits over 4 weeks for neuritis."
    assert [x["condition"] for x in parse_guideline_limits(text)] == ["myalgia", "neuralgia"]


def test_crps_limit_never_applies_to_a_lumbar_case() -> None:
    limits = parse_guideline_limits(TABLE)
    case = case_facts(
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Diagnoses: lumbar strain, lumbar radiculopathy.",
    )
    check = visit_cap_check(freq([2, 2], [6, 6], [12, 12]), limits, case)
    assert check.limit is not None and check.limit["condition"] == "neuralgia"
    assert check.cap == 10 and check.exceeds is True
    assert any("CRPS" in reason for reason in check.not_matching)
    # without the case, the old check held the most generous (CRPS) limit: within it
    before = visit_cap_check(freq([2, 2], [6, 6], [12, 12]), limits)
    assert (before.limit, before.exceeds) == (limits[2], False)
    # the record's verdict holds the fitting limit, and keeps the counts the models read
    cap = visit_cap(freq([2, 2], [6, 6], [12, 12]), limits, case)
    assert cap.limit is not None and cap.limit.condition == "neuralgia" and cap.exceeds is True
    assert (cap.limit_sessions, cap.group) == (26, "over the cap")


def test_crps_limit_applies_when_the_case_names_crps() -> None:
    limits = parse_guideline_limits(TABLE)
    case = case_facts(
        "Physical therapy for the right hand, 12 sessions",
        "She was diagnosed with complex regional pain syndrome of the right hand.",
    )
    check = visit_cap_check(freq(sessions=[12, 12]), limits, case)
    assert check.limit["condition"] == "crps" and check.exceeds is False


def test_a_limit_for_another_body_part_does_not_fit() -> None:
    text = "For the neck, the guideline recommends up to 10 visits over 8 weeks."
    limits = parse_guideline_limits(text)
    assert limits[0]["body_parts"] == ["cervical"]
    check = visit_cap_check(freq(sessions=[12, 12]), limits, case_facts("PT for the low back"))
    assert check.limit is None and check.exceeds is None
    assert "no quoted limit fits" in check.note
    fits = visit_cap_check(freq(sessions=[12, 12]), limits, case_facts("PT for the neck, 12"))
    assert fits.cap == 10 and fits.exceeds is True


def test_trial_for_a_first_request_total_for_a_continued_one() -> None:
    text = (
        "Manipulation is recommended as an initial trial of 6 visits over 2 weeks, with a "
        "total of up to 18 visits over 6-8 weeks with evidence of improvement."
    )
    limits = parse_guideline_limits(text)
    assert [x["phase"] for x in limits] == ["trial", "total"]
    first = visit_cap_check(freq(sessions=[8, 8]), limits, case_facts("Chiropractic care, 8"))
    assert first.cap == 6 and first.exceeds is True
    more = visit_cap_check(
        freq(sessions=[8, 8]), limits, case_facts("Additional chiropractic care, 8 sessions")
    )
    assert more.cap == 18 and more.exceeds is False


def test_completed_sessions_are_subtracted() -> None:
    limits = parse_guideline_limits("The guidelines allow up to 10 visits of physical therapy.")
    case = case_facts(
        "Additional physical therapy 2 times a week for 3 weeks",
        "The patient has completed 8 sessions of physical therapy without lasting benefit.",
    )
    check = visit_cap_check(freq([2, 2], [3, 3], [6, 6]), limits, case)
    assert (check.cap, check.completed, check.allowed, check.exceeds) == (10, 8, 2, True)
    assert "8 completed" in check.note and "2 left" in check.note
    # without the completed sessions the same request is within the cap
    assert (
        visit_cap_check(freq([2, 2], [3, 3], [6, 6]), limits, case_facts("PT x6")).exceeds is False
    )


def test_completed_sessions_of_another_treatment_do_not_count() -> None:
    limits = parse_guideline_limits("The guidelines allow up to 10 visits of physical therapy.")
    case = case_facts("Physical therapy, 6 sessions", "She had 8 sessions of acupuncture.")
    check = visit_cap_check(freq(sessions=[6, 6]), limits, case)
    assert check.completed is None and check.exceeds is False


def test_completed_statements() -> None:
    found = completed_statements(
        "He attended twelve physical therapy visits. She has had 6 prior sessions. "
        "Four sessions were authorized."
    )
    assert [(c.sessions, c.kind) for c in found] == [(12, "physical_therapy"), (6, None)]


def test_a_limit_without_condition_fits_any_case() -> None:
    limits = parse_guideline_limits("Treatment is limited to 4-6 visits.")
    assert limits[0]["condition"] is None and limits[0]["body_parts"] == []
    check = visit_cap_check(freq(sessions=[8, 8]), limits, case_facts("Acupuncture x8, neck"))
    assert check.cap == 6 and check.exceeds is True


def test_annotate_inherits_within_a_sentence_only() -> None:
    text = (
        "For severe (grade 3) cervical strain, an initial trial of 10 visits and up to 25 "
        "visits. Another limit of 12 visits applies."
    )
    spans = [
        (text.index("10 visits"), text.index("10 visits") + 9),
        (text.index("25 visits"), text.index("25 visits") + 9),
        (text.index("12 visits"), text.index("12 visits") + 9),
    ]
    out = annotate_limits(text, spans)
    assert out[0]["condition"] == out[1]["condition"] == "severe_strain"
    assert out[1]["body_parts"] == ["cervical"]
    assert out[2]["condition"] is None and out[2]["body_parts"] == []


def test_a_quoted_remainder_is_not_reduced_again() -> None:
    text = "Six more would exceed the guideline, which supports up to an additional 4 sessions."
    limits = parse_guideline_limits(text)
    assert [x["phase"] for x in limits] == ["remaining"]
    case = case_facts("Six more physical therapy sessions", "She completed 6 sessions of PT.")
    check = visit_cap_check(freq(sessions=[6, 6]), limits, case)
    assert (check.cap, check.completed, check.allowed, check.exceeds) == (4, None, 4, True)


def test_a_timing_condition_is_read_from_the_request_only() -> None:
    limits = parse_guideline_limits(
        "Myalgia: 9-10 visits over 8 weeks; Post-injection treatment: 1-2 visits over 1 week."
    )
    summary = "Her pain was better for several days after the injection."
    history = visit_cap_check(freq(sessions=[8, 8]), limits, case_facts("PT x8", summary))
    assert history.limit["condition"] == "myalgia" and history.exceeds is False
    after = case_facts("Post-injection physical therapy, 2 visits", summary)
    assert visit_cap_check(freq(sessions=[2, 2]), limits, after).limit["condition"] == (
        "post_injection"
    )
