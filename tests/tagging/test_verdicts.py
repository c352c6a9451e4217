"""verdict_masker on made-up rationale text: every rule form, the component API, edge cases."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tagging.verdicts import (
    RULES_FILE,
    SPAN_KEY,
    load_verdict_rules,
    mask_verdicts,
    sentinel_hits,
    verdict_sentences,
)

REASON = "The patient reported knee pain for 3 weeks."

# One made-up sentence per rule form, with the rule expected to catch it.
VERDICTS = {
    "medical_necessity": [
        "Therefore, the request is not medically necessary.",
        "As such, the requested cold therapy unit is medically necessary.",
        "MRI of the left ankle is not-medically necessary.",
        "A brace is not a medical necessity for this patient at this time.",
        "The request for Naprosyn was medically reasonable.",
    ],
    "certification": [
        "The prior non-certification is maintained.",
        "Six sessions are certified.",
    ],
    "decision_words": [
        "The prior decision is upheld.",
        "The utilization review determination is overturned.",
        "I am reversing the previous determination of the reviewer today.",
    ],
    "first_person": ["I would recommend approval of this splint."],
    "request_is_pred": [
        "Given the above, the request is not supported.",
        "The requested evaluation is appropriate.",
        "This request is not warranted at this time.",
        "The current request would not be indicated.",
    ],
    "request_meets": ["This request does not satisfy the cited criteria."],
    "request_cannot": ["The request cannot be supported."],
    "conclusion_pred": [
        "Therefore, ongoing use is not recommended.",
        "Consequently, additional sessions are not clinically indicated.",
        "In light of the above, continued therapy is appropriate.",
    ],
    "conclusion_cannot": ["Thus, further imaging can be recommended for this worker now anyway."],
    "sentence_final_pred": [
        "Surgery is supported at this time.",
        "Long term use is not recommended.",
        "The MRI is supported by ACOEM.",
    ],
    "modal_judgement": ["A basic metabolic panel would be appropriate for a patient of this age."],
    "meets_criteria_for": ["The knee MRI meets criteria for recommendation."],
    "documentation_supports": ["The records do not support the need for the requested device."],
    # reviewer-voice verdicts that survived masking before (issue 23)
    "within_guidelines": [
        "The request for 8 visits is within the recommended guidelines.",
        "The requested duration falls within guideline recommendations for this diagnosis.",
    ],
    "reviewer_support": [
        "The exam findings do support imaging of the wrist.",
        "The documentation supported operative intervention.",
    ],
    "copula_warranted": ["A short course is warranted to restore function."],
    "certifying": ["I am certifying six sessions."],
}
# The survivors above, each with the sentinel that finds it if it is ever left unmasked.
SURVIVORS = {
    "within_guidelines": "The request for 8 visits is within the recommended guidelines.",
    "reviewer_support": "The exam findings do support imaging of the wrist.",
    "comma_verdict": "The MRI was, thus, indicated.",
    "is_warranted": "A short course is warranted to restore function.",
    "certified": "The request is certified.",
}

KEPT = [
    "The ODG recommends 12 physical therapy sessions over 8 weeks for knee sprains.",
    "There is no documentation of objective functional improvement.",
    "The request for 12 sessions exceeds the guideline recommendation.",
    "The patient had an MRI without contrast in 2015.",
    "Guidelines recommend NSAIDs at the lowest dose for the shortest time.",
]


@pytest.mark.parametrize(
    ("rule", "sentence"), [(r, s) for r, sentences in VERDICTS.items() for s in sentences]
)
def test_every_rule_form_is_masked(rule, sentence):
    masked = mask_verdicts(f"{REASON} {sentence}")
    assert masked == f"{REASON} [VERDICT]"
    regex = load_verdict_rules().regex(rule)
    assert regex.search(sentence), f"rule {rule} does not match its own example"


@pytest.mark.parametrize("sentence", KEPT)
def test_reasoning_sentences_are_kept(sentence):
    assert mask_verdicts(sentence) == sentence
    assert verdict_sentences(sentence) == []


def test_component_is_registered_and_exposes_doc_extensions():
    nlp = spacy.blank("en")
    nlp.add_pipe("verdict_masker", config={"placeholder": "<V>"})  # sentencizes by itself
    doc = nlp(f"{REASON} Therefore, the request is medically necessary.")
    assert doc._.masked_text == f"{REASON} <V>"
    assert doc._.verdict_text == "Therefore, the request is medically necessary."
    assert [s.label_ for s in doc.spans[SPAN_KEY]] == ["VERDICT"]
    assert doc.spans[SPAN_KEY][0]._.verdict_rule == "medical_necessity"


def test_line_breaks_split_sentences():
    # ingest joins paragraphs with blank lines; a paragraph without final period is its own unit
    text = "I am reversing the previous\n\nThe patient has a fracture."
    assert mask_verdicts(text) == "[VERDICT]\n\nThe patient has a fracture."


def test_empty_and_verdict_only_text():
    assert mask_verdicts("") == ""
    only = (
        "As the surgery is not medically necessary, the ancillary service is not medically "
        "necessary."
    )
    assert mask_verdicts(only) == "[VERDICT]"
    assert mask_verdicts(only, placeholder="") == ""


def test_sentinel_list_detects_what_it_should():
    assert sentinel_hits("Therefore, the request is not medically necessary.")
    assert sentinel_hits("the request for PT is not supported")
    assert not sentinel_hits(REASON)


@pytest.mark.parametrize(("sentinel", "sentence"), SURVIVORS.items())
def test_reviewer_voice_survivors_are_masked_and_their_sentinels_would_catch_them(
    sentinel, sentence
):
    assert sentinel in [name for name, _ in sentinel_hits(sentence)]
    masked = mask_verdicts(f"{REASON} {sentence}")
    assert masked == f"{REASON} [VERDICT]"
    assert not sentinel_hits(masked)


def test_verdict_sentences_holds_its_doc_and_reads_a_doc_without_sentences():
    """E865: the spans were read after their Doc was garbage collected; and a Doc made
    without any sentence boundary is split by the masker's own sentencizer."""
    import gc

    text = f"{REASON} Therefore, the request is not medically necessary. {REASON}"
    for _ in range(3):
        gc.collect()
        assert verdict_sentences(text) == ["Therefore, the request is not medically necessary."]
    doc = spacy.blank("en")(text)
    assert not doc.has_annotation("SENT_START")
    assert verdict_sentences(doc) == ["Therefore, the request is not medically necessary."]


def test_rules_file_compiles_once_and_names_are_unique():
    rules = load_verdict_rules()
    assert load_verdict_rules(RULES_FILE) is rules  # one compiled copy, however it is asked for
    names = list(rules.names)
    assert len(names) == len(set(names)) and set(VERDICTS) <= set(names)
    assert rules.sentinels


_sentences = st.sampled_from([s for group in VERDICTS.values() for s in group] + KEPT)


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentences, min_size=0, max_size=6), st.sampled_from([" ", "\n\n"]))
def test_masked_text_never_contains_a_sentinel_phrase(sentences, joiner):
    masked = mask_verdicts(joiner.join(sentences))
    assert not sentinel_hits(masked)
    kept = [s for s in sentences if s in KEPT]
    assert masked.count("[VERDICT]") == len(sentences) - len(kept)
    for sentence in kept:
        assert sentence in masked


# ---- one sentencizer, identical to spaCy's ------------------------------------------------

_SENTENCE_BITS = st.sampled_from(
    ["The", "patient", "had", "PT", "Therefore", "it", "is", "2", "Dr.", "e.g.", "U.S.",
     ".", "!", "?", "...", "?!", "。", ",", ";", ":", "(", ")", '"', "'", "-", "--", "[", "]",
     "…", "‼", "\n", "\n\n", "#60", "x2", "a.m."]
)  # fmt: skip
_SPACES = st.sampled_from(["", " ", "  ", "\n"])


@st.composite
def _texts(draw) -> str:
    bits = draw(st.lists(st.tuples(_SENTENCE_BITS, _SPACES), max_size=25))
    return "".join(bit + space for bit, space in bits)


def _starts(doc) -> list[bool]:
    return [bool(token.is_sent_start) for token in doc]


@pytest.fixture(scope="module")
def sentencizers():
    """(the masker, spaCy's Sentencizer, a tokenizer): built once, they hold no state."""
    nlp = spacy.blank("en")
    masker = nlp.add_pipe("verdict_masker", config={"split_lines": False})
    return masker, spacy.blank("en").add_pipe("sentencizer"), nlp.make_doc


def _compare(sentencizers, text: str) -> None:
    masker, reference, make_doc = sentencizers
    ours, theirs = make_doc(text), make_doc(text)
    masker._sentencize(ours)
    reference(theirs)
    assert _starts(ours) == _starts(theirs), [t.text for t in ours]


@pytest.mark.parametrize(
    "text",
    [
        ". The patient had PT. Therefore, it is not medically necessary.",
        "!! ? The patient had PT",
        "The patient had PT",
        "...",
        "",
    ],
)
def test_masker_sentences_are_spacy_sentencizer_sentences(sentencizers, text):
    _compare(sentencizers, text)


@settings(max_examples=500, deadline=None)
@given(text=_texts())
def test_masker_sentencizer_equals_spacy_sentencizer_on_random_texts(sentencizers, text):
    """The masker splits as a pipeline with spaCy's `sentencizer` (it runs that component
    itself since its numpy copy was dropped): a guard against a copy coming back."""
    _compare(sentencizers, text)


def test_one_sentencizer_serves_tagged_and_untagged_records():
    from pipeline.tagging import build_nlp
    from pipeline.tagging.verdicts import build_masker

    assert "sentencizer" not in build_nlp().pipe_names
    assert build_masker().pipe_names == ["verdict_masker"]


@settings(max_examples=100, deadline=None)
@given(text=_texts())
def test_tagged_and_untagged_records_are_masked_alike(nlp, text):
    """The tagging pipeline (tag stage) and `mask_many` (untagged records) mask a rationale
    with the same sentences, so a record's features do not depend on which path it took."""
    from pipeline.tagging.verdicts import mask_many

    doc = nlp(text)
    assert mask_many([text]) == [(doc._.masked_text, doc._.verdict_text)]
