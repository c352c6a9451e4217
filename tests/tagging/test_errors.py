"""Failures surface (issue 12): a component's data error goes through spaCy's error handler; by
default it becomes the item's `tagger_error` review reason and a logged warning, never a
silently empty tag. A pure parser that fails says so the same way. A bug (issue 20: a KeyError,
a TypeError) is not a data error: it propagates, never an empty tag."""

from __future__ import annotations

import logging

import pytest
from spacy.util import raise_error

from pipeline.core.data_errors import LetterDataError
from pipeline.tagging import (
    build_nlp,
    citations,
    frequency,
    guideline_limits,
    parse_citation,
    parse_frequency,
    parse_guideline_limits,
    parse_quantity,
    quantity,
    tag_records,
)
from pipeline.tagging.errors import record_error

ITEMS = [
    {"disputed_item": "Physical therapy 2 times a week for 6 weeks", "rationale": "Guidelines."},
    {"disputed_item": "Norco 10mg #60", "rationale": "The request is not medically necessary."},
]


class _Broken:
    """Rules whose every use raises `error` (a data error by default: the text's own fault)."""

    skip_categories = frozenset()

    def __init__(self, error: type[Exception] = LetterDataError) -> None:
        self.error = error

    def __getattr__(self, name: str):
        raise self.error(f"broken rules ({name})")


@pytest.fixture
def broken_nlp():
    """A pipeline whose frequency component fails on every doc with a data error."""
    nlp = build_nlp()
    nlp.get_pipe("imr_frequencies")._rules = _Broken()
    return nlp


@pytest.mark.parametrize("bug", [KeyError, TypeError, AttributeError, RuntimeError])
def test_a_bug_in_a_component_propagates(bug):
    nlp = build_nlp()
    nlp.get_pipe("imr_frequencies")._rules = _Broken(bug)
    with pytest.raises(bug):
        tag_records(ITEMS, [], nlp=nlp)


def test_the_default_handler_raises_a_bug_again():
    with pytest.raises(KeyError):
        record_error("imr_frequencies", None, [build_nlp().make_doc("PT")], KeyError("x"))


def test_every_component_takes_spacys_error_handler():
    nlp = build_nlp()
    for name, component in nlp.pipeline:
        assert component.get_error_handler() is record_error, name  # the default
    nlp.set_error_handler(raise_error)
    for name, component in nlp.pipeline:
        assert component.get_error_handler() is raise_error, name


def test_a_failing_component_flags_the_item_and_logs_a_warning(broken_nlp, caplog):
    with caplog.at_level(logging.WARNING, logger="pipeline.tagging"):
        tags, _ = tag_records(ITEMS, [], nlp=broken_nlp)
    assert len(tags) == len(ITEMS)  # no doc dropped: items stay aligned with their tags
    for tag in tags:
        assert tag["frequency"] is None
        assert "tagger_error" in tag["review_tags"]
    assert tags[1]["quantity"] == 60  # the other components still ran
    assert "imr_frequencies tagger failed" in caplog.text and "broken rules" in caplog.text


def test_the_error_handler_sees_the_failure_and_can_raise(broken_nlp):
    seen = []
    broken_nlp.set_error_handler(lambda name, proc, docs, error: seen.append((name, docs, error)))
    doc = broken_nlp("PT 2 times a week")
    assert [(name, [d.text for d in docs]) for name, docs, _ in seen] == [
        ("imr_frequencies", ["PT 2 times a week"])
    ]
    assert isinstance(seen[0][2], LetterDataError) and not doc._.tagger_errors
    broken_nlp.set_error_handler(raise_error)
    with pytest.raises(LetterDataError, match="broken rules"):
        broken_nlp("PT 2 times a week")
    with pytest.raises(LetterDataError, match="broken rules"):
        list(broken_nlp.pipe(["PT 2 times a week"]))


def test_a_well_formed_request_has_no_failure(caplog):
    with caplog.at_level(logging.WARNING, logger="pipeline.tagging"):
        tags, _ = tag_records(ITEMS, [], nlp=build_nlp())
    assert all("tagger_error" not in tag["review_tags"] for tag in tags)
    assert "failed" not in caplog.text


PARSERS = {  # the cached rules a wrapper uses, its call, what it returns on a failure
    "frequencies": (frequency, "_default_rules", lambda e: parse_frequency("PT 2x3", errors=e)),
    "quantities": (quantity, "_default_rules", lambda e: parse_quantity("#60", errors=e)),
    "guideline_limits": (
        guideline_limits,
        "_default_rules",
        lambda e: parse_guideline_limits("up to 10 visits", errors=e),
    ),
    "citations": (
        citations,
        "_default_grammar",
        lambda e: parse_citation("Decision based on MTUS.", errors=e)["mtus"],
    ),
}


@pytest.mark.parametrize("name", list(PARSERS))
def test_a_failing_parse_is_recorded_and_logged(monkeypatch, caplog, name):
    module, rules, call = PARSERS[name]
    monkeypatch.setattr(module, rules, lambda: _Broken())
    errors: list[str] = []
    with caplog.at_level(logging.WARNING, logger="pipeline.tagging"):
        assert not call(errors)  # None, [] or a citation with nothing read
    assert errors == [name]
    assert f"{name} tagger failed" in caplog.text


@pytest.mark.parametrize("name", list(PARSERS))
def test_a_bug_in_a_parse_propagates(monkeypatch, name):
    module, rules, call = PARSERS[name]
    monkeypatch.setattr(module, rules, lambda: _Broken(KeyError))
    with pytest.raises(KeyError):
        call([])
