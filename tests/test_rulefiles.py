"""Rule files are data with a schema: one loader, and a typo'd key or a broken pattern fails at
load with the file, the line and the key (for every rule file the package ships)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.rules.files import (
    RuleFileError,
    changed_rule_files,
    load_rules,
    package_rule_files,
    rule_hashes,
)
from pipeline.rules.schemas import SCHEMAS
from pipeline.tagging.frequency import FrequencyRules

ALL_PACKAGES = ("pipeline.ingest", "pipeline.tagging", "pipeline.features",
                "pipeline.reporting.corpus")  # fmt: skip
SHIPPED = package_rule_files(ALL_PACKAGES)


def test_every_shipped_rule_file_has_a_schema_and_loads():
    assert {name for _, name in SHIPPED} == set(SCHEMAS)
    for package, name in SHIPPED:
        assert load_rules(name, package=package)


def _rule_object(data: dict) -> dict:
    """The last rule of the file's last list of rules (objects in a list), else the file's top
    object: objects with fixed keys (a mapping such as `classes` takes new keys as data)."""
    lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    return lists[-1][-1] if lists else data


def _with_typo(package: str, name: str, folder: Path) -> tuple[Path, int]:
    """A copy of the rule file with an unknown key "tigger" added to one object; the line of
    that key in the copy."""
    text = load_rules_text(package, name)
    if name.endswith(".jsonl"):
        lines = text.splitlines()
        index = len(lines) // 2
        row = json.loads(lines[index])
        lines[index] = json.dumps({**row, "tigger": ["x"]})
        copy = "\n".join(lines) + "\n"
    else:
        data = json.loads(text)
        _rule_object(data)["tigger"] = ["x"]
        copy = json.dumps(data, indent=2)
        index = copy[: copy.index('"tigger"')].count("\n")
    path = folder / name
    path.write_text(copy, encoding="utf-8")
    return path, index + 1


def load_rules_text(package: str, name: str) -> str:
    from importlib import resources

    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("package", "name"), SHIPPED, ids=[n for _, n in SHIPPED])
def test_a_typod_key_fails_at_load_naming_file_line_and_key(package, name, tmp_path):
    path, line = _with_typo(package, name, tmp_path)
    with pytest.raises(RuleFileError) as failure:
        load_rules(str(path), kind=name)
    message = str(failure.value)
    assert message.startswith(f"{path}, line {line}, key 'tigger': unknown key"), message


def test_the_issues_typos_fail_in_the_files_that_have_those_keys(tmp_path):
    for name, key, typo in [("frequency.json", "triggers", "tigger"),
                            ("quantity.json", "not_after_number", "not_after_numbr")]:  # fmt: skip
        text = load_rules_text("pipeline.tagging", name)
        line = text[: text.index(f'"{key}"')].count("\n") + 1
        path = tmp_path / name
        path.write_text(text.replace(f'"{key}"', f'"{typo}"', 1), encoding="utf-8")
        with pytest.raises(RuleFileError, match=rf"line {line}, key '{typo}': unknown key"):
            load_rules(str(path), kind=name)


def test_a_bad_pattern_fails_at_load_naming_file_line_and_key(tmp_path):
    data = json.loads(load_rules_text("pipeline.tagging", "frequency.json"))
    data["counts"][1]["regex"] = "(?P<n>\\d+"  # unclosed group
    text = json.dumps(data, indent=2)
    path = tmp_path / "frequency.json"
    path.write_text(text, encoding="utf-8")
    line = text[: text.index('"(?P<n>\\\\d+"')].count("\n") + 1
    with pytest.raises(RuleFileError) as failure:
        FrequencyRules(str(path))  # through a component's own rules class
    assert re.match(rf"{re.escape(str(path))}, line {line}, key 'regex': .*bad pattern",
                    str(failure.value)), failure.value  # fmt: skip


def test_a_missing_key_and_a_wrong_type_are_named_too(tmp_path):
    data = json.loads(load_rules_text("pipeline.tagging", "quantity.json"))
    del data["skip_categories"]
    path = tmp_path / "quantity.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"line 1, key 'skip_categories': Field required"):
        load_rules(str(path), kind="quantity.json")
    data = json.loads(load_rules_text("pipeline.tagging", "guideline_limits.json"))
    data["rules"][0]["window"] = "wide"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"key 'window': Input should be a valid integer"):
        load_rules(str(path), kind="guideline_limits.json")


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "treatments.jsonl"
    path.write_text('{"pattern": "a", "name": "a", "category": "dme"}\n{"pattern": \n')
    with pytest.raises(RuleFileError, match=r"treatments\.jsonl, line 2"):
        load_rules(str(path), kind="treatments.jsonl")


def test_no_rule_file_uses_comment_lines():
    """`//` comments are not JSON and the loader no longer skips them."""
    for package, name in SHIPPED:
        assert not re.search(r"^\s*//", load_rules_text(package, name), re.MULTILINE), name


def test_rule_hashes_name_the_changed_file():
    recorded = rule_hashes()
    assert "pipeline/tagging/frequency.json" in recorded
    assert "pipeline/features/reasoning_cues.json" in recorded
    assert "pipeline/ingest/landmarks.json" in recorded
    assert changed_rule_files(recorded) == []
    edited = {**recorded, "pipeline/tagging/frequency.json": "0" * 64}
    assert changed_rule_files(edited) == ["pipeline/tagging/frequency.json"]
    del edited["pipeline/tagging/frequency.json"]  # a file added since training
    assert changed_rule_files(edited) == ["pipeline/tagging/frequency.json"]
