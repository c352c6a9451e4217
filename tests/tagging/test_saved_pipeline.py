"""A saved pipeline is self-contained: it loads with `spacy.load` in a process that never
imported `pipeline` (entry points), each component's rules travel in its own folder and are the
ones used on load, factories declare what they need and set, and our extensions never clash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.tagging import COMPONENTS, build_nlp, load_nlp, save_nlp
from pipeline.tagging._resources import ExtensionClash, ensure_doc_extension

TEXT = "Physical therapy 2 times a week for 6 weeks"


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> Path:
    return save_nlp(tmp_path_factory.mktemp("nlp") / "nlp")


def test_spacy_load_in_a_fresh_process_that_never_imported_the_package(saved, tmp_path):
    script = textwrap.dedent(
        f"""
        import json, sys
        import spacy
        assert not any(m == "pipeline" or m.startswith("pipeline.") for m in sys.modules)
        nlp = spacy.load({str(saved)!r})
        doc = nlp({TEXT!r})
        print(json.dumps({{
            "treatments": [[s.text, s._.treatment, s._.category]
                           for s in doc.spans["treatments"]],
            "frequencies": [[s.text, s._.frequency] for s in doc.spans["frequencies"]],
            "frequency": doc._.frequency,
            "category": doc._.item_category,
        }}))
        """
    )
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-I", "-c", script], capture_output=True, text=True, cwd=tmp_path,
        env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    tags = json.loads(result.stdout)
    assert tags["treatments"] == [["Physical therapy", "physical therapy", "physical_medicine"]]
    frequency = {"per_week": [2, 2], "weeks": [6, 6], "sessions": [12, 12]}
    assert tags["frequencies"] == [["2 times a week for 6 weeks", frequency]]
    assert (tags["frequency"], tags["category"]) == (frequency, "physical_medicine")


def test_every_component_saves_its_rule_files(saved):
    nlp = build_nlp()
    for name in COMPONENTS:
        files = nlp.get_pipe(name).rule_texts()
        assert files, name
        for file, text in files.items():
            assert (saved / name / file).read_text(encoding="utf-8") == text, (name, file)


def test_a_loaded_component_uses_the_rules_saved_with_it_not_the_package(saved, tmp_path):
    copy = tmp_path / "nlp"
    subprocess.run(["cp", "-r", str(saved), str(copy)], check=True)
    rules_file = copy / "imr_frequencies" / "frequency.json"
    rules = json.loads(rules_file.read_text(encoding="utf-8"))
    rules["skip_categories"].append("physical_medicine")  # therapy never takes a frequency now
    rules_file.write_text(json.dumps(rules, indent=2), encoding="utf-8")
    assert load_nlp(saved)(TEXT)._.frequency is not None
    assert load_nlp(copy)(TEXT)._.frequency is None
    # and the edited copy travels on: saving the loaded pipeline writes the copy's rules
    again = save_nlp(tmp_path / "again", load_nlp(copy))
    assert json.loads((again / "imr_frequencies" / "frequency.json").read_text()) == rules


def test_a_broken_saved_rule_file_fails_the_load_naming_it(saved, tmp_path):
    copy = tmp_path / "nlp"
    subprocess.run(["cp", "-r", str(saved), str(copy)], check=True)
    rules_file = copy / "imr_quantities" / "quantity.json"
    rules_file.write_text(
        rules_file.read_text().replace('"not_after_number"', '"not_after_numbr"', 1)
    )
    with pytest.raises(ValueError, match=r"quantity\.json, line \d+, key 'not_after_numbr'"):
        load_nlp(copy)


def test_to_bytes_round_trip_keeps_the_rules():
    nlp = build_nlp()
    restored = spacy.blank("en", config={"nlp": {"tokenizer": nlp.config["nlp"]["tokenizer"]}})
    for name in COMPONENTS:
        restored.add_pipe(name)
    restored.from_bytes(nlp.to_bytes())
    for name in COMPONENTS:
        assert restored.get_pipe(name).rule_texts() == nlp.get_pipe(name).rule_texts()
    assert restored(TEXT)._.frequency == nlp(TEXT)._.frequency


def test_factories_declare_what_they_require_and_assign_without_problems():
    analysis = build_nlp().analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    summary = analysis["summary"]
    assert "doc._.frequency" in summary["imr_frequencies"]["assigns"]
    assert summary["imr_frequencies"]["requires"] == ["doc._.item_category"]
    assert summary["imr_item_category"]["requires"] == ["doc.spans"]
    assert all(summary[name]["assigns"] for name in COMPONENTS)


def test_an_extension_registered_by_another_package_is_a_clash():
    Doc.set_extension("imr_test_clash", default=None)  # "another package" got there first
    try:
        with pytest.raises(ExtensionClash, match="imr_test_clash"):
            ensure_doc_extension("imr_test_clash")
    finally:
        Doc.remove_extension("imr_test_clash")


def test_our_own_extensions_register_once_without_clashing():
    build_nlp()
    build_nlp()  # components built again re-use their own extensions
    ensure_doc_extension("frequency")


def test_a_pipeline_restored_from_bytes_still_reaches_its_category_backoff():
    """The backoff is fitted on first use: a component restored from bytes must have read its
    lexicon and settings when it was built, not from a temporary folder gone since."""
    nlp = build_nlp()
    restored = spacy.blank("en", config={"nlp": {"tokenizer": nlp.config["nlp"]["tokenizer"]}})
    for name in COMPONENTS:
        restored.add_pipe(name)
    restored.from_bytes(nlp.to_bytes())
    unseen = "Quadrivex compounded glider sleeve for the left wrist"  # in no lexicon row
    doc, original = restored(unseen), nlp(unseen)
    assert doc._.category_source == original._.category_source == "backoff"
    assert (doc._.item_category, doc._.category_probability) == (
        original._.item_category,
        original._.category_probability,
    )
