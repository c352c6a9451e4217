"""The prose citation form of the 2013 notices and the review attachments, on made-up lines:
"The Expert Reviewer relied on <source, edition, year>, <chapter>, <sections>, which are part of
the MTUS." parses into the same CITATION fields and canonical names as the 2016 form."""

from __future__ import annotations

import pytest

from pipeline.tagging.citations import _default_grammar


def parse(line):
    citation, unparsed = _default_grammar().parse_detailed(line)
    return citation, unparsed


def mtus(citation):
    return [(m["chapter"], m["year"], m["sections"], m["canonical"]) for m in citation["mtus"]]


def test_acoem_source_before_the_chapter():
    # made up
    line = (
        "The Expert Reviewer relied on the American College of Occupational and Environmental "
        "Medicine (ACOEM), 2nd Edition, (2004), Knee Complaints, Activity Alteration, which "
        "are part of the MTUS."
    )
    citation, unparsed = parse(line)
    assert mtus(citation) == [("Knee Complaints", 2004, "Activity Alteration", "Knee Complaints")]
    assert citation["non_mtus"] == [] and unparsed == []


def test_a_chapter_name_with_commas_is_one_chapter_and_the_rest_are_sections():
    # made up: the chapter spans three comma pieces, two sections follow
    line = (
        "The Claims Administrator based its decision on the American College of Occupational "
        "and Environmental Medicine (ACOEM), 2nd Edition, (2004), Forearm, Wrist, and Hand "
        "Complaints, Initial Care, Summary, which are part of the MTUS."
    )
    citation, unparsed = parse(line)
    chapter = "Forearm, Wrist, and Hand Complaints"
    assert mtus(citation) == [(chapter, 2004, "Initial Care, Summary", chapter)]
    assert unparsed == []


def test_a_section_named_like_a_chapter_stays_a_section():
    # made up: "Initial Approaches to Treatment" is also an MTUS chapter's name
    line = (
        "The Expert Reviewer relied on the American College of Occupational and Environmental "
        "Medicine (ACOEM), 2nd Edition, (2004), Neck and Upper Back Complaints, Initial "
        "Approaches to Treatment, which are part of the MTUS."
    )
    citation, _ = parse(line)
    chapter = "Neck and Upper Back Complaints"
    assert mtus(citation) == [(chapter, 2004, "Initial Approaches to Treatment", chapter)]


def test_acoem_source_without_a_year_or_sections():
    # made up
    line = (
        "The Expert Reviewer relied on the American College of Occupational and Environmental "
        "Medicine (ACOEM), 2nd Edition, Low Back Complaints, which are part of the MTUS."
    )
    citation, unparsed = parse(line)
    assert mtus(citation) == [("Low Back Complaints", None, None, "Low Back Complaints")]
    assert unparsed == []


def test_acoem_chapter_number_keeps_the_numbered_reading():
    # made up: "Chapter 12" is the 2004 edition's number, read as before (not a prose chapter)
    line = (
        "The Expert Reviewer relied on the ACOEM Practice Guidelines, 2nd Edition (2004), "
        "Chapter 12, pages 303-305, which are part of the MTUS."
    )
    citation, _ = parse(line)
    assert citation["mtus"][0]["canonical"] == "Low Back Complaints"
    assert citation["mtus"][0]["pages"] == [303, 304, 305]


@pytest.mark.parametrize(
    ("printed", "chapter", "year", "sections"),
    [
        ("the Chronic Pain Medical Treatment Guidelines (2016), Opioids", "Chronic Pain Medical "
         "Treatment", 2016, "Opioids"),
        ("the Acupuncture Treatment Guidelines (2007), Frequency, duration", "Acupuncture "
         "Treatment", 2007, "Frequency, duration"),
        ("the Opioid Treatment Guidelines, 1.4 Opioids for Acute Pain: Post-operative Pain",
         "Opioid Treatment", None, "1.4 Opioids for Acute Pain: Post-operative Pain"),
        ("the Postsurgical Treatment Guidelines (2009)", "Postsurgical Treatment", 2009, None),
    ],
)  # fmt: skip
def test_chapter_guidelines_year_then_unlabelled_sections(printed, chapter, year, sections):
    # made up
    line = f"The Expert Reviewer relied on {printed}, which are part of the MTUS."
    citation, unparsed = parse(line)
    assert mtus(citation) == [(chapter, year, sections, chapter)]
    assert unparsed == []


def test_several_sentences_outside_and_non_mtus():
    # made up: the outside sentence, two MTUS clauses and a Non-MTUS one with its lead-in
    line = (
        "The Expert Reviewer found that no section of the MTUS was applicable and relevant to "
        "the issue at dispute. The Expert Reviewer relied on the American College of "
        "Occupational and Environmental Medicine (ACOEM), 2nd Edition, (2004), Shoulder "
        "Complaints, Special Studies, which are part of the MTUS. The Expert Reviewer relied on "
        "the Chronic Pain Medical Treatment Guidelines (2009), NSAIDs, GI symptoms & "
        "cardiovascular risk, which are part of the MTUS. Per the strength of evidence hierarchy "
        "that applies to Independent Medical Review, the Expert Reviewer relied on ODG, Pain "
        "Chapter, Opioids, which is not part of the MTUS."
    )
    citation, unparsed = parse(line)
    assert citation["outside_mtus"] is True and citation["cited"] is True
    assert mtus(citation) == [
        ("Shoulder Complaints", 2004, "Special Studies", "Shoulder Complaints"),
        ("Chronic Pain Medical Treatment", 2009, "NSAIDs, GI symptoms & cardiovascular risk",
         "Chronic Pain Medical Treatment"),
    ]  # fmt: skip
    assert citation["non_mtus"] == ["ODG, Pain Chapter, Opioids"]
    assert citation["non_mtus_sources"][0]["source"] == "Official Disability Guidelines (ODG)"
    assert unparsed == []


def test_not_cited_prose():
    citation, unparsed = parse(
        "The Claims Administrator did not cite any medical evidence for its decision."
    )
    assert citation["cited"] is False and citation["mtus"] == [] and unparsed == []


def test_an_unknown_chapter_after_the_source_is_not_read_as_prose():
    # made up: no run of pieces names an MTUS chapter, so the prose reading gives up and the
    # chapter is left to the older reading (no canonical name: flagged downstream)
    line = (
        "The Expert Reviewer relied on the American College of Occupational and Environmental "
        "Medicine (ACOEM), 2nd Edition, (2004), Zorblax Complaints, Special Studies, which are "
        "part of the MTUS."
    )
    citation, _ = parse(line)
    assert all(m["canonical"] is None for m in citation["mtus"])
