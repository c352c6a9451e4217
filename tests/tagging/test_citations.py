"""parse_citation / imr_citations: every guideline-line form, to the README's CITATION shape."""

from __future__ import annotations

from pipeline.tagging import parse_citation


def M(chapter, year, sections=None, pages=None):  # noqa: N802
    return {"chapter": chapter, "year": year, "sections": sections, "pages": pages or []}


def test_single_chapter_with_sections():
    line = "Decision based on MTUS Knee Complaints 2004, Section(s): Activity Alteration, Summary."
    assert parse_citation(line) == {
        "text": line,
        "cited": True,
        "outside_mtus": False,
        "mtus": [M("Knee Complaints", 2004, "Activity Alteration, Summary")],
        "non_mtus": [],
    }


def test_chapter_without_sections():
    assert parse_citation("Decision based on MTUS Elbow Complaints 2007.")["mtus"] == [
        M("Elbow Complaints", 2007)
    ]


def test_chained_chapters_give_one_object_each():
    line = (
        "Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Splinting, "
        "and Chronic Pain Medical Treatment 2016, Section(s): Opioids, dosing, and Ankle and "
        "Foot Complaints 2004."
    )
    assert parse_citation(line)["mtus"] == [
        M("Forearm, Wrist, and Hand Complaints", 2004, "Splinting"),
        M("Chronic Pain Medical Treatment", 2016, "Opioids, dosing"),
        M("Ankle and Foot Complaints", 2004),
    ]


def test_sections_with_numbered_headings_keep_their_periods():
    line = "Decision based on MTUS Opioid Treatment 2016, Section(s): 2.1 Opioids: Dosing."
    assert parse_citation(line)["mtus"] == [M("Opioid Treatment", 2016, "2.1 Opioids: Dosing")]


def test_non_mtus_clause_keeps_its_raw_text():
    line = (
        "Decision based on MTUS Shoulder Complaints 2004. Decision based on Non-MTUS Citation "
        "Official Disability Guidelines (ODG), Shoulder, Cold packs."
    )
    cit = parse_citation(line)
    assert cit["mtus"] == [M("Shoulder Complaints", 2004)]
    assert cit["non_mtus"] == ["Official Disability Guidelines (ODG), Shoulder, Cold packs"]


def test_outside_mtus():
    line = (
        "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS "
        "Guidelines. Decision based on Non-MTUS Citation ODG Pain, Ketamine."
    )
    cit = parse_citation(line)
    assert cit["outside_mtus"] is True and cit["cited"] is True
    assert cit["mtus"] == [] and cit["non_mtus"] == ["ODG Pain, Ketamine"]


def test_no_evidence_cited():
    cit = parse_citation(
        "The Claims Administrator did not cite any medical evidence for its decision."
    )
    assert cit["cited"] is False and cit["mtus"] == [] and cit["non_mtus"] == []


def test_older_form_with_pages():
    cit = parse_citation("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 41.")
    assert cit["mtus"] == [M("Chronic Pain Treatment", None, None, [41])]


def test_older_form_without_pages():
    cit = parse_citation("Decision based on MTUS Chronic Pain Treatment Guidelines.")
    assert cit["mtus"] == [M("Chronic Pain Treatment", None)]


def test_page_lists_and_ranges_expand():
    cit = parse_citation(
        "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 12, 15, 30-32."
    )
    assert cit["mtus"][0]["pages"] == [12, 15, 30, 31, 32]


def test_label_and_line_breaks_are_removed_from_text():
    cit = parse_citation("MAXIMUS guideline: Decision based on MTUS Knee\nComplaints 2004.")
    assert cit["text"] == "Decision based on MTUS Knee Complaints 2004."
    assert cit["mtus"] == [M("Knee Complaints", 2004)]


def test_component_sets_doc_citation_only_on_guideline_lines(nlp):
    doc = nlp("Decision based on MTUS Low Back Complaints 2004, Section(s): Surgery.")
    assert doc._.citation["mtus"] == [M("Low Back Complaints", 2004, "Surgery")]
    assert nlp("Physical therapy twice a week")._.citation is None
