"""parse_citation / imr_citations: every guideline-line form, to the README's CITATION shape."""

from __future__ import annotations

from pipeline.core.data_errors import LetterDataError
from pipeline.tagging import parse_citation

_SAME = object()
CPMT = "Chronic Pain Medical Treatment"


def M(chapter, year, sections=None, pages=None, canonical=_SAME):  # noqa: N802
    """One mtus object; its canonical name is the printed one unless said otherwise."""
    return {"chapter": chapter, "year": year, "sections": sections, "pages": pages or [],
            "canonical": chapter if canonical is _SAME else canonical}  # fmt: skip


def test_single_chapter_with_sections():
    line = "Decision based on MTUS Knee Complaints 2004, Section(s): Activity Alteration, Summary."
    assert parse_citation(line) == {
        "text": line,
        "cited": True,
        "outside_mtus": False,
        "mtus": [M("Knee Complaints", 2004, "Activity Alteration, Summary")],
        "non_mtus": [],
        "non_mtus_sources": [],
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
    assert cit["mtus"] == [M("Chronic Pain Treatment", None, None, [41], CPMT)]


def test_older_form_without_pages():
    cit = parse_citation("Decision based on MTUS Chronic Pain Treatment Guidelines.")
    assert cit["mtus"] == [M("Chronic Pain Treatment", None, canonical=CPMT)]


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


# ---- forms by structure (made-up lines), and what the grammar reports as unparsed ---------


def detailed(line):
    from pipeline.tagging.citations import _default_grammar

    return _default_grammar().parse_detailed(line)


def test_year_after_guidelines_is_the_year_not_part_of_the_chapter():
    cit, rest = detailed(
        "Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): "
        "Opioids, Page(s): 78-80."
    )
    assert cit["mtus"] == [M("Chronic Pain Medical Treatment", 2009, "Opioids", [78, 79, 80])]
    assert rest == []


def test_chapter_with_edition_and_year_inside_keeps_its_printed_name():
    cit, rest = detailed(
        "Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 9, "
        "pages 203-204."
    )
    assert cit["mtus"] == [
        M(
            "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 9",
            2004,
            None,
            [203, 204],
            "Shoulder Complaints",
        )
    ]
    assert rest == []


def test_year_in_brackets_with_a_month():
    cit, _ = detailed("Decision based on MTUS Postsurgical Treatment Guidelines (May 2009).")
    assert cit["mtus"] == [M("Postsurgical Treatment", 2009)]


def test_page_list_forms():
    for raw, pages in [
        ("Page(s): 7, 9 and 11", [7, 9, 11]),
        ("pages 20-22", [20, 21, 22]),
        ("pp. 5 & 8", [5, 8]),
        ("pg. 41", [41]),
        ("page 3", [3]),
    ]:
        cit, rest = detailed(f"Decision based on MTUS Elbow Complaints 2007, {raw}.")
        assert cit["mtus"][0]["pages"] == pages, raw
        assert rest == [], raw


def test_sections_then_pages():
    cit, _ = detailed(
        "Decision based on MTUS Hip Complaints 2011, Section(s): Imaging, general, Page(s): 12."
    )
    assert cit["mtus"] == [M("Hip Complaints", 2011, "Imaging, general", [12], None)]


def test_chapters_chained_with_a_semicolon():
    cit, rest = detailed(
        "Decision based on MTUS Knee Complaints 2004, Section(s): Bracing; Chronic Pain "
        "Medical Treatment 2016, Section(s): Opioids."
    )
    assert cit["mtus"] == [
        M("Knee Complaints", 2004, "Bracing"),
        M("Chronic Pain Medical Treatment", 2016, "Opioids"),
    ]
    assert rest == []


def test_non_mtus_urls_and_odg_chapters_are_one_reference_per_clause():
    cit, rest = detailed(
        "Decision based on MTUS Knee Complaints 2004. Decision based on Non-MTUS Citation "
        "Official Disability Guidelines (ODG) Pain Chapter, https://example.org/odg/pain.htm, "
        "http://example.org/b."
    )
    assert cit["non_mtus"] == [
        "Official Disability Guidelines (ODG) Pain Chapter, https://example.org/odg/pain.htm, "
        "http://example.org/b"
    ]
    assert rest == []


def test_older_relied_on_form():
    cit, rest = detailed(
        "The Expert Reviewer relied on the Chronic Pain Medical Treatment Guidelines, (2009), "
        "Massage, pages 60, which are part of the MTUS. The Expert Reviewer relied on the "
        "Official Disability Guidelines (ODG), Knee chapter, which is not part of the MTUS."
    )
    assert cit["mtus"] == [M("Chronic Pain Medical Treatment", 2009, "Massage", [60])]
    assert cit["non_mtus"] == ["Official Disability Guidelines (ODG), Knee chapter"]
    assert rest == []


def test_outside_sentence_is_not_a_clause():
    cit, rest = detailed(
        "The Claims Administrator based their decision on recommendation(s) outside of the MTUS "
        "Guidelines. Decision based on Non-MTUS Citation ODG Knee."
    )
    assert cit["outside_mtus"] and cit["non_mtus"] == ["ODG Knee"] and rest == []


def test_other_no_evidence_wordings():
    for line in (
        "The Claims Administrator did not cite any guidelines for its decision.",
        "The Expert Reviewer did not cite any evidence-based criteria.",
    ):
        assert detailed(line)[0]["cited"] is False, line


def test_unparsed_text_is_reported():
    cases = [
        "Decision based on ODG Low Back Chapter.",  # neither MTUS nor Non-MTUS
        "Decision based on MTUS Low Back Complaints, Section(s): Surgery.",  # chapter, no head
        "Decision based on MTUS Knee Complaints 2004, Bracing.",  # unlabelled leftover
        "The reviewer read the file. Decision based on MTUS Knee Complaints 2004.",  # preamble
        "Decision based on MTUS.",  # no chapter at all
        "Decision based on Non-MTUS Citation.",  # empty reference
    ]
    for line in cases:
        assert detailed(line)[1], line


def test_unparsed_line_still_gives_what_it_could_read():
    cit, rest = detailed("Decision based on ODG Low Back Chapter.")
    assert cit["non_mtus"] == ["ODG Low Back Chapter"] and rest == ["ODG Low Back Chapter"]


def test_failure_is_logged_and_recorded(monkeypatch, caplog):
    from pipeline.tagging import citations

    def boom(self, text):
        raise LetterDataError("broken grammar")

    monkeypatch.setattr(citations.CitationGrammar, "parse_detailed", boom)
    errors: list[str] = []
    with caplog.at_level("WARNING"):
        cit = parse_citation("Decision based on MTUS Knee Complaints 2004.", errors)
    assert cit["mtus"] == [] and errors == ["citations"]
    assert "broken grammar" in caplog.text
