"""Guideline names from closed vocabularies: canonical MTUS chapters, Non-MTUS sources and
their chapters, years wherever printed, typos, and the flag for a chapter nobody lists.
Every line here is made up."""

from __future__ import annotations

import json

import pytest

from pipeline.rules.files import RuleFileError, load_rules
from pipeline.tagging import tag_records
from pipeline.tagging.citations import CitationGrammar, unknown_chapters
from pipeline.tagging.guideline_names import NameTable, default_vocabulary, edit_distance

CPMT = "Chronic Pain Medical Treatment"


@pytest.fixture(scope="module")
def grammar() -> CitationGrammar:
    return CitationGrammar()


def mtus(grammar, line):
    cit, rest = grammar.parse_detailed(line)
    return [(m["chapter"], m["year"], m["canonical"]) for m in cit["mtus"]], rest


# ---- the year, wherever it is printed --------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines",
        "Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines.",
        "Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2016.",
        "Decision based on MTUS Chronic Pain Medical Treatment Guidelines (July 28, 2016).",
        "Decision based on MTUS Chronic Pain Medical Treatment, 2016 Guidelines, Section(s): X.",
        "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Section(s): Opioids "
        "(July 28, 2016).",
    ],
)
def test_year_is_read_wherever_it_is_printed_and_never_stays_in_the_name(grammar, line):
    assert mtus(grammar, line)[0] == [(CPMT, 2016, CPMT)]


def test_a_year_inside_a_later_chapter_is_not_taken_for_an_earlier_one(grammar):
    found, _ = mtus(
        grammar,
        "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 12, and Knee "
        "Complaints 2004, Section(s): Bracing.",
    )
    assert found == [
        ("Chronic Pain Treatment", None, CPMT),
        ("Knee Complaints", 2004, "Knee Complaints"),
    ]


# ---- spelling variants and typos: one canonical name, the printed one kept -------------


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Chronic Pain Treatment", CPMT),  # the 2014 form's name
        ("Chronic Pian Medical Treatment", CPMT),  # swapped letters
        ("Chronic Pain Medical Treatmen", CPMT),  # a letter missing
        ("chronic pain medical treatment", CPMT),  # case
        ("Post-Surgical Treatment", "Postsurgical Treatment"),
        ("Forearm, Wrist & Hand Complaints", "Forearm, Wrist, and Hand Complaints"),
        ("Neck & Upper Back Complaints", "Neck and Upper Back Complaints"),
        ("Stress Related Conditions", "Stress-Related Conditions"),
        ("Acupuncture Medical Treatment", "Acupuncture Treatment"),
        ("Opioids Treatment", "Opioid Treatment"),
        ("ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12", "Low Back Complaints"),
        (
            "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 8",
            "Neck and Upper Back Complaints",
        ),
    ],
)
def test_variants_map_to_one_canonical_name(printed, canonical):
    assert default_vocabulary().mtus_chapter(printed) == canonical


def test_printed_name_is_kept_beside_the_canonical_one(grammar):
    found, rest = mtus(grammar, "Decision based on MTUS Knee Complants 2004, Section(s): Bracing.")
    assert found == [("Knee Complants", 2004, "Knee Complaints")] and rest == []


@pytest.mark.parametrize(
    "printed",
    [
        "Hip Complaints",  # the 2004 MTUS has no hip chapter
        "Made-up Disorders of the Ear",
        "ACOEM Practice Guidelines, 3rd Edition, Chapter 12",  # later editions number otherwise
        "Knee",  # too short a piece to be a chapter
    ],
)
def test_a_name_in_no_vocabulary_has_no_canonical_name(printed):
    assert default_vocabulary().mtus_chapter(printed) is None


def test_a_guess_between_two_equally_near_names_is_no_match():
    table = NameTable([{"name": "Abcd Efgh"}, {"name": "Abcd Efgk"}], frozenset(), 0.2)
    assert table.lookup("Abcd Efgx") is None
    assert table.lookup("Abcd Efgh") == "Abcd Efgh"


def test_one_printed_form_naming_two_guidelines_is_a_vocabulary_error():
    with pytest.raises(ValueError, match="names both"):
        NameTable([{"name": "A B", "aliases": ["C"]}, {"name": "C"}], frozenset(), 0.2)


def test_the_shipped_vocabulary_has_no_printed_form_naming_two_guidelines():
    vocabulary = default_vocabulary()  # built: a clash would have raised
    assert vocabulary.mtus.keys and all(t is None or t.keys for _, _, t in vocabulary.sources)


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edit_distance("bakc", "back") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "ab") == edit_distance("ab", "") == 2


# ---- Non-MTUS references: source, chapters, year --------------------------------------


@pytest.mark.parametrize(
    ("reference", "source", "chapters", "year"),
    [
        ("Official Disability Guidelines (ODG), Low Back Chapter, MRI", "ODG", ["Low Back"], None),
        ("ODG Low Back - Lumbar & Thoracic (Acute & Chronic), Manipulation", "ODG", ["Low Back"],
         None),
        ("Official Disability Guidelines, Forearm, Wrist, and Hand Chapter: Splints", "ODG",
         ["Forearm, Wrist, & Hand"], None),
        ("ODG, Shoulder Chapter, Hand Chapter, Physical therapy", "ODG",
         ["Shoulder", "Forearm, Wrist, & Hand"], None),
        ("ODG Knee Chapter Indications for imaging", "ODG", ["Knee & Leg"], None),
        ("ODG Pain (Chronic) (updated 11/3/16): Topical analgesics", "ODG", ["Pain (Chronic)"],
         2016),
        ("ODG Lwo Back Chapter", "ODG", ["Low Back"], None),
        ("Official Disability Guidelines, Physical therapy guidelines", "ODG", [], None),
        ("ACOEM Practice Guidelines, 3rd Edition (2011), Low Back Disorders", "ACOEM",
         ["Low Back Disorders"], 2011),
        ("Made-up drug: Drug information, accessed from UpToDate.com on 1/2/2016", "UpToDate", [],
         2016),
        ("Made-up-a-zole prescribing information, FDA, 2015", "FDA", [], 2015),
        ("https://example.org/2019/page", "Web page", [], None),  # a year in a URL is not one
        ("Doe J. A made-up book about backs", None, [], None),
    ],
)  # fmt: skip
def test_non_mtus_reference_names_its_source_chapters_and_year(reference, source, chapters, year):
    found = default_vocabulary().non_mtus(reference)
    assert found["text"] == reference
    if source is None:
        assert found["source"] is None
    else:
        assert source.lower() in (found["source"] or "").lower()
    assert found["chapters"] == chapters and found["year"] == year
    assert found["unknown_chapters"] == []


def test_a_piece_that_calls_itself_a_chapter_of_a_known_source_but_is_none_is_unknown():
    found = default_vocabulary().non_mtus("ODG Made-up Organ Chapter, Imaging")
    assert found["chapters"] == [] and found["unknown_chapters"] == ["Made-up Organ Chapter"]


def test_citation_carries_one_source_description_per_non_mtus_reference(grammar):
    cit, _ = grammar.parse_detailed(
        "Decision based on MTUS Knee Complaints 2004. Decision based on Non-MTUS Citation ODG "
        "Knee & Leg, Bracing. Decision based on Non-MTUS Citation Doe J. A made-up article."
    )
    assert [r["text"] for r in cit["non_mtus_sources"]] == cit["non_mtus"]
    assert [r["source"] for r in cit["non_mtus_sources"]] == [
        "Official Disability Guidelines (ODG)", None]  # fmt: skip


# ---- the review flag --------------------------------------------------------------------


def _item(maximus: str, claims: str = "Decision based on MTUS Knee Complaints 2004.") -> dict:
    return {"disputed_item": "Knee brace", "rationale": "Made-up rationale.",
            "maximus_guideline_text": maximus, "claims_admin_guideline_text": claims}  # fmt: skip


@pytest.mark.parametrize(
    ("maximus", "flagged"),
    [
        ("Decision based on MTUS Made-up Organ Complaints 2004, Section(s): Imaging.", True),
        ("Decision based on Non-MTUS Citation ODG Made-up Organ Chapter, Imaging.", True),
        ("Decision based on MTUS Knee Complants 2004, Section(s): Bracing.", False),  # a typo
        ("Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines", False),
        ("Decision based on Non-MTUS Citation Doe J. A made-up article.", False),
    ],
)
def test_unknown_chapter_flags_the_item(nlp, maximus, flagged):
    tags, _ = tag_records([_item(maximus)], [], nlp)
    assert ("unknown_guideline_chapter" in tags[0]["review_tags"]) is flagged
    assert bool(unknown_chapters(tags[0]["maximus_guideline"])) is flagged


# ---- the file's schema ------------------------------------------------------------------


def test_vocabulary_file_is_checked_by_its_schema(tmp_path):
    from pipeline.rules.files import read_text

    rules = json.loads(read_text("guideline_names.json"))
    rules["mtus"][0]["alias"] = ["a typo for aliases"]
    bad = tmp_path / "guideline_names.json"
    bad.write_text(json.dumps(rules))
    with pytest.raises(RuleFileError):
        load_rules(str(bad), kind="guideline_names.json")


# ---- ../shared: the vocabulary covers the real letters' names (skipped when absent) ------


@pytest.mark.corpus
def test_every_chapter_the_answer_key_names_is_its_own_canonical_name(gold_path):
    """The answer key's chapters are the 2016 form's printed names, which are the canonical
    ones; and no Non-MTUS reference of the real letters calls a piece a chapter nobody lists."""
    vocabulary = default_vocabulary()
    chapters, unknown = set(), []
    for line in gold_path.read_text().splitlines():
        item = json.loads(line)
        for field in ("claims_admin_guideline", "maximus_guideline"):
            citation = item.get(field) or {}
            chapters |= {m["chapter"] for m in citation.get("mtus") or []}
            for ref in citation.get("non_mtus") or []:
                unknown += vocabulary.non_mtus(ref)["unknown_chapters"]
    assert len(chapters) >= 10
    assert {c: vocabulary.mtus_chapter(c) for c in chapters} == {c: c for c in chapters}
    assert unknown == []
