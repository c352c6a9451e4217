"""The figures in README.md and docs/ that the code can count equal the code's counts
(`make docs`, tools/docs_figures.py, writes them; this test catches a count gone stale)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from pipeline import config

ROOT = config.ROOT


def _load_tool():
    path = ROOT / "tools" / "docs_figures.py"
    spec = importlib.util.spec_from_file_location("docs_figures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


docs_figures = _load_tool()


@pytest.fixture(scope="module")
def code_lookup():
    figures = dict(docs_figures.code_figures())
    figures["tests"] = None  # the pytest count is refreshed by `make docs`, not checked here
    return docs_figures.lookup_for(figures, ROOT / "no-reports-here")


@pytest.mark.parametrize("path", docs_figures.DOCS, ids=lambda p: p.name)
def test_counted_figures_in_the_docs_equal_the_code(path: Path, code_lookup) -> None:
    text = path.read_text(encoding="utf-8")
    stale = [
        (m["name"], m["value"], code_lookup(m["name"]))
        for m in docs_figures.MARKER.finditer(text)
        if code_lookup(m["name"]) not in (None, m["value"])
    ]
    assert not stale, f"{path.name}: figures differ from the code (run `make docs`): {stale}"


def test_the_docs_carry_the_counts_that_go_stale() -> None:
    names = {m["name"] for p in docs_figures.DOCS
             for m in docs_figures.MARKER.finditer(p.read_text(encoding="utf-8"))}  # fmt: skip
    for name in ("lexicon_rows", "fixture_letters", "review_codes", "rule_files", "tests"):
        assert name in names, f"no <!-- fig:{name} --> marker left in README.md or docs/"


def test_lexicon_rows_is_the_lexicon_file() -> None:
    rows = [line for line in (ROOT / "pipeline/tagging/treatments.jsonl").read_text().splitlines()
            if line.strip()]  # fmt: skip
    assert docs_figures.code_figures()["lexicon_rows"] == f"{len(rows):,}"


def test_review_code_table_lists_every_code_the_code_sets() -> None:
    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    section = reference.split("## Review codes", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, re.M))
    found = set(docs_figures.review_codes())
    assert {"ocr", "hidden_text", "no_claims_guideline", "tagger_error"} <= found
    assert documented == found, (
        f"undocumented: {sorted(found - documented)}; no longer set: {sorted(documented - found)}"
    )


def test_fill_replaces_a_stale_value_and_keeps_an_unknown_one() -> None:
    text = "rows: <!-- fig:a -->1<!-- /fig -->, kept: <!-- fig:b -->x<!-- /fig -->"
    filled = docs_figures.fill(text, {"a": "1,337", "b": None}.get)
    assert filled == "rows: <!-- fig:a -->1,337<!-- /fig -->, kept: <!-- fig:b -->x<!-- /fig -->"


def test_report_figures_come_from_the_report_and_stay_without_it(tmp_path: Path) -> None:
    lookup = docs_figures.lookup_for({}, tmp_path)
    assert lookup("metrics:held_out.reasoning.roc_auc") is None  # no report: keep the docs'
    (tmp_path / "metrics.json").write_text(json.dumps(
        {"held_out": {"reasoning": {"roc_auc": 0.90712, "pr_auc": None}}, "setup": {"n": 1280}}
    ))  # fmt: skip
    (tmp_path / "bench_train.json").write_text(json.dumps([{"seconds": 8.14}]))
    lookup = docs_figures.lookup_for({}, tmp_path)
    assert lookup("metrics:held_out.reasoning.roc_auc") == "0.907"
    assert lookup("metrics:held_out.reasoning.roc_auc~.2f") == "0.91"
    assert lookup("metrics:held_out.reasoning.pr_auc") == "n/a"
    assert lookup("metrics:setup.n") == "1,280"
    assert lookup("metrics:setup.missing") is None
    assert lookup("bench_train:0.seconds~.1f") == "8.1"
    (tmp_path / "metrics.json").write_text(json.dumps({"smoke_test": True, "setup": {"n": 9}}))
    assert docs_figures.lookup_for({}, tmp_path)("metrics:setup.n") is None  # measures nothing


def test_an_unknown_figure_name_stops_the_generator() -> None:
    with pytest.raises(SystemExit, match="unknown figure"):
        docs_figures.lookup_for({}, Path("/nonexistent"))("lexicon_rowz")
