"""WordPatternMatcher against spaCy's Matcher: the same matches on the project's rule files
and on random token sequences; patterns it cannot expand stay in the Matcher."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.rules.files import load_rules
from pipeline.tagging.reason_cues import RULES_FILE, TRIGGER_KINDS
from pipeline.tagging.ruling_rules import GROUPS as RULING_GROUPS
from pipeline.tagging.ruling_rules import load_ruling_rules
from pipeline.tagging.word_patterns import MAX_SEQUENCES, WordPatternMatcher, word_sequences

FILLER = ["the", "patient", "records", "request", "is", "of", "for", "a", "medically", ".", ","]


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _rule_patterns() -> dict[str, list[list[dict]]]:
    """Every pattern of the two rule files that use WordPatternMatcher, by match key."""
    data = load_rules(RULES_FILE, kind=RULES_FILE)
    patterns: dict[str, list[list[dict]]] = {}
    ruling = load_ruling_rules()
    for group in RULING_GROUPS:
        for row in ruling.get(group, []):
            patterns.setdefault(f"{group}:{row['name']}", []).append(row["pattern"])
    for row in data["cues"]:
        patterns.setdefault(row["name"], []).extend(row["patterns"])
    for kind in TRIGGER_KINDS:
        if data["negation"].get(kind):
            patterns[f"trigger:{kind}"] = data["negation"][kind]
    return patterns


def _words(patterns: dict[str, list[list[dict]]]) -> list[str]:
    words = set(FILLER)
    for group in patterns.values():
        for pattern in group:
            for token in pattern:
                for key, value in token.items():
                    if key == "OP":
                        continue
                    values = value.get("IN", []) if isinstance(value, dict) else [value]
                    words.update(v for v in values if isinstance(v, str))
    return sorted(words)


def _both(vocab, patterns):
    ours, theirs = WordPatternMatcher(vocab), Matcher(vocab, validate=True)
    for key, group in patterns.items():
        ours.add(key, group)
        theirs.add(key, group)
    return ours, theirs


def test_same_matches_as_the_matcher_on_random_sequences_of_the_rule_words(vocab):
    patterns = _rule_patterns()
    ours, theirs = _both(vocab, patterns)
    words = _words(patterns) + ["4", "12", "NO", "Not", "Lack", "6/12/2016"]
    rng = random.Random(20261207)
    checked = 0
    for _ in range(300):
        tokens = [rng.choice(words) for _ in range(rng.randint(1, 40))]
        tokens = [t.capitalize() if rng.random() < 0.2 else t for t in tokens]
        doc = Doc(vocab, words=tokens)
        start = rng.randint(0, len(doc) - 1)
        for doclike in (doc, doc[start : rng.randint(start + 1, len(doc))]):
            expected = sorted(set(theirs(doclike)), key=lambda m: (m[1], m[2], m[0]))
            assert ours(doclike) == expected, " ".join(tokens)
            checked += len(expected)
    assert checked > 500  # the sequences do exercise the patterns


def test_rule_patterns_are_expanded_into_phrases(vocab):
    ours, _ = _both(vocab, _rule_patterns())
    assert len(ours.phrases) > 0
    # only patterns with another key (LIKE_NUM, IS_ALPHA, IS_PUNCT, a REGEX) stay in the Matcher
    assert len(ours.tokens) <= 14


def test_word_sequences_of_optional_and_in_tokens():
    pattern = [{"LOWER": {"IN": ["no", "without"]}}, {"ORTH": "-", "OP": "?"},
               {"LOWER": "relief"}]  # fmt: skip
    assert word_sequences(pattern) == [
        ("no", "-", "relief"), ("no", "relief"), ("without", "-", "relief"),
        ("without", "relief"),
    ]  # fmt: skip
    # an optional-only pattern never yields the empty sequence
    assert word_sequences([{"LOWER": "x", "OP": "?"}]) == [("x",)]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LIKE_NUM": True}],
        [{"LOWER": "no"}, {"LOWER": "pain", "OP": "*"}],
        [{"ORTH": "MRI"}],  # cased: the LOWER phrases cannot stand for it
        [{"LOWER": "No"}],  # never matches in the Matcher (LOWER is lower case)
        [{"LOWER": {"NOT_IN": ["no"]}}],
        [{"LOWER": "no", "IS_ALPHA": True}],
        [{"LOWER": {"IN": [str(i) for i in range(200)]}}] * 2,  # over MAX_SEQUENCES
    ],
)
def test_patterns_that_stay_in_the_matcher(pattern, vocab):
    assert MAX_SEQUENCES < 200 * 200
    assert word_sequences(pattern) is None
    ours, theirs = _both(vocab, {"cue": [pattern]})
    doc = Doc(vocab, words=["No", "no", "pain", "pain", "MRI", "4", "12", "mri"])
    assert ours(doc) == sorted(set(theirs(doc)), key=lambda m: (m[1], m[2], m[0]))


def test_invalid_patterns_are_refused_as_the_matcher_refuses_them(vocab):
    with pytest.raises(ValueError):
        WordPatternMatcher(vocab).add("bad", [[{"LOWER": {"IN": "no"}, "OP": "??"}]])
