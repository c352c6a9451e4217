"""RegexSet: RE2's one-pass answers must equal Python's `re` answers, text by text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.features.table import _cues
from pipeline.rules.regex_set import RegexSet, open_repeats, same_answer_in_both_engines
from pipeline.tagging.verdicts import load_verdict_rules


def python_first(regexes: tuple[re.Pattern[str], ...], text: str) -> int | None:
    return next((i for i, regex in enumerate(regexes) if regex.search(text)), None)


def python_matching(regexes: tuple[re.Pattern[str], ...], text: str) -> list[int]:
    return [i for i, regex in enumerate(regexes) if regex.search(text)]


def test_first_is_the_earliest_pattern_in_order_not_the_earliest_in_the_text():
    rules = RegexSet([r"\bnecessary\b", r"\bthe request\b", r"\bnever\b"])
    assert rules.first("The request is not necessary.") == 0
    assert rules.first("The request is pending.") == 1
    assert rules.first("Nothing here.") is None
    assert rules.matching("The request is not necessary.") == [0, 1]


def test_patterns_re2_refuses_stay_with_python_and_keep_their_place():
    # RE2 has no lookaround: that pattern is answered by `re`, in its place in the order.
    rules = RegexSet([r"\bknee\b", r"without(?!\s+contrast)", r"\bMRI\b"])
    assert rules.python_only == (1,)
    assert rules.first("MRI without sedation") == 1
    assert rules.first("MRI without contrast") == 2
    assert rules.first("knee MRI without sedation") == 0
    assert rules.matching("knee MRI without sedation") == [0, 1, 2]


def test_opened_repeats_only_widen_a_pattern():
    assert open_repeats(r"REQ.{0,400}?\bis(?:\s+\w+){0,6}") == r"REQ.{0,}?\bis(?:\s+\w+){0,}"
    assert open_repeats(r"a{,3}b{2}c\{0,3}") == r"a{0,}b{2}c\{0,3}"  # exact and escaped stay


def test_a_pattern_with_a_counted_repeat_is_confirmed_by_re():
    # The set holds "a.{0,}b": it reports the long gap too; `re` keeps the bound of 3.
    rules = RegexSet([r"\ba.{0,3}b\b", r"\bzzz\b"])
    assert rules.first("a12b") == 0
    assert rules.first("a1234b") is None
    assert rules.matching("a1234b zzz") == [1]


def test_a_set_pickles_and_so_does_the_spacy_pipeline_holding_it():
    import pickle

    from pipeline.tagging import build_nlp

    rules = RegexSet([r"\ba.{0,3}b\b", r"without(?!\s+contrast)"])
    copy = pickle.loads(pickle.dumps(rules))
    assert copy.patterns == rules.patterns and copy.python_only == (1,)
    assert copy.first("a12b") == 0 and copy.first("a1234b") is None
    nlp = pickle.loads(pickle.dumps(build_nlp()))  # e.g. nlp.pipe(n_process=2) under spawn
    text = "Therefore, the request is not medically necessary. The MRI showed a tear."
    assert nlp(text)._.masked_text == "[VERDICT] The MRI showed a tear."


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"a\sb", "a\x0bb"),  # Python's \s takes a vertical tab, RE2's does not
        (r"a\sb", "a\x1cb"),  # ... and the ASCII file/group/record/unit separators
        (r"end$", "the end\n"),  # Python's $ also matches before a final newline
        (r"\bcaf\w\b", "un café noir"),  # Python's \w is Unicode, RE2's is ASCII
        (r"a\sb", "a\u00a0b"),  # Python's \s is Unicode, RE2's is ASCII
    ],
)
def test_texts_where_the_engines_differ_get_pythons_answer(pattern, text):
    assert not same_answer_in_both_engines(text)
    assert re.search(pattern, text, re.IGNORECASE)
    assert RegexSet([pattern]).first(text) == 0
    assert RegexSet([pattern]).matching(text) == [0]


def test_may_match_only_skips_work_on_the_python_path():
    rules = RegexSet([r"\bupheld\b", r"\bnecessary\b"])
    never = lambda index: False  # noqa: E731
    # Non-ASCII text: `re` answers and honours the pre-check it was given.
    assert rules.first("The request is necessary. Café", never) is None
    assert rules.first("The request is necessary. Café") == 1
    # ASCII text: the one pass answers; the pre-check has nothing to skip.
    assert rules.first("The request is necessary.", never) == 1


# Words the verdict and cue rules look for, joined by the characters where the engines' classes
# differ (vertical tab, separators, no-break space, accented letters, a final newline).
_VOCABULARY = (
    "the request is not medically necessary recommended supported therefore I we would "
    "be certified upheld overturned reversing meets criteria for documentation does support "
    "no lack without failed improved within consistent with surgery tear at this time "
    "guidelines MTUS ODG can cannot deemed as such given based on , ; : . ! ( ) \" '"
)
_WORDS = st.sampled_from(_VOCABULARY.split())
_GLUE = st.sampled_from([" ", "  ", "\n", "\t", "\x0b", "\x1c", "\u00a0", "-", "é", "ſ", "K"])


@st.composite
def texts(draw) -> str:
    words = draw(st.lists(_WORDS, min_size=0, max_size=25))
    glue = draw(st.lists(_GLUE, min_size=len(words), max_size=len(words)))
    text = "".join(w + g for w, g in zip(words, glue, strict=True))
    return text.strip() if draw(st.booleans()) else text


@pytest.mark.parametrize(("gap", "matches"), [(10, True), (370, True), (410, False), (800, False)])
def test_verdict_rules_keep_their_repeat_bounds(gap, matches):
    # request_is_pred allows at most 400 characters between the request and its predicate.
    filler = ("x" * 9 + " ") * (gap // 10)
    text = f"The request for {filler}physical therapy is not recommended by the guidelines today"
    rules, request_is_pred = (
        load_verdict_rules().rules,
        load_verdict_rules().names.index("request_is_pred"),
    )
    assert same_answer_in_both_engines(text)
    # The opened pattern in the set reports the rule either way; `re` keeps the bound.
    assert request_is_pred in rules._candidates(text)
    assert (rules.first(text) == request_is_pred) is matches
    assert rules.first(text) == python_first(rules.regexes, text)
    assert rules.matching(text) == python_matching(rules.regexes, text)


@settings(max_examples=400, deadline=None)
@given(texts())
def test_verdict_rules_answer_as_python_re_does(text):
    rules = load_verdict_rules().rules
    assert rules.first(text) == python_first(rules.regexes, text)
    assert rules.matching(text) == python_matching(rules.regexes, text)


@settings(max_examples=200, deadline=None)
@given(texts())
def test_cue_lexicons_answer_as_python_re_does(text):
    cues = _cues()
    assert cues.matching(text) == python_matching(cues.regexes, text)


@pytest.mark.corpus
def test_every_corpus_sentence_gets_the_same_answer_from_both_engines(shared_letters_dir):
    from pipeline.ingest.batch import letters_and_items, parse_file
    from pipeline.tagging.verdicts import _masker, _sentences

    _, items, _ = letters_and_items(
        [parse_file(p) for p in sorted(shared_letters_dir.glob("*.pdf"))]
    )
    rationales = [item["rationale"] for item in items]
    sentences = [
        chunk.strip() for doc in _masker(None).pipe(rationales) for _, _, chunk in _sentences(doc)
    ]
    assert len(sentences) > 2000
    assert sum(same_answer_in_both_engines(s) for s in sentences) > 0.95 * len(sentences)
    rules, cues = load_verdict_rules().rules, _cues()
    for text in [*sentences, *rationales]:
        assert rules.first(text) == python_first(rules.regexes, text), text
        assert cues.matching(text) == python_matching(cues.regexes, text), text
