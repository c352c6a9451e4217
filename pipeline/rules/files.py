"""The one loader of rule files (JSON, and JSONL with one rule per line), checked by schema.

Every rule file is validated against its kind's pydantic model (`pipeline.rules.schemas`) when
it is loaded: an unknown key or a pattern that does not parse raises `RuleFileError` naming the
file, the line and the key. The data comes back as plain JSON values (dicts and lists).

A rule file is read from its package (a bare name such as "frequency.json"), from a folder (a
saved pipeline's component folder: `folder=`), or from a path. `rule_hashes` is the one
function that hashes the shipped rule files (per file, SHA-256): `imr tag` records them with the
tagged tables and `imr train` in metadata.json, so train refuses tables tagged with other rules
and predict refuses models trained on other rules (`rule_changes` names the first that differs).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from pydantic import BaseModel, ValidationError

# Packages whose rule files shape what the models see (ingest's landmarks, the taggers' rules,
# the reasoning cues): predict refuses models trained while any of them read differently.
MODEL_RULE_PACKAGES = ("pipeline.ingest", "pipeline.tagging", "pipeline.features")
SUFFIXES = (".json", ".jsonl")


class RuleFileError(ValueError):
    """A rule file that is not valid JSON or does not match its schema."""


# SHA-256 of rule texts known to be valid: checked once, or recorded at training (`trust`), so
# `imr predict` does not validate again what `imr train` validated (it is on the hot path).
_VALID: set[str] = set()


def trust(digests: Any) -> None:
    """Skip the schema check for texts with these SHA-256 digests (already validated)."""
    _VALID.update(digests)


def _origin(name: str, folder: Path | None, package: str) -> tuple[str, Path | None]:
    """(name shown in errors, path on disk or None for a package resource)."""
    path = Path(name)
    if folder is not None:
        path = Path(folder) / path.name
    elif not (path.is_absolute() or path.parent != Path(".")):
        return f"{package.replace('.', '/')}/{name}", None
    return str(path), path


def package_folder(package: str) -> Traversable:
    """Where `package`'s shipped rule files are read from; loading and hashing both ask here
    (tests point it at a copy of the rules)."""
    return resources.files(package)


@cache
def _package_text(package: str, name: str) -> str:
    return package_folder(package).joinpath(name).read_text(encoding="utf-8")


def read_text(name: str, folder: Path | None = None, package: str = "pipeline.tagging") -> str:
    """A rule file's text: `folder`/name when a folder is given, `name` itself when it is a
    path, else the file shipped in `package` (read once per process)."""
    _, path = _origin(name, folder, package)
    return _package_text(package, name) if path is None else path.read_text(encoding="utf-8")


def load_rules(
    name: str,
    folder: Path | None = None,
    package: str = "pipeline.tagging",
    kind: str | None = None,
) -> Any:
    """The validated data of a rule file: a dict for JSON, a list of dicts for JSONL. `kind`
    (the shipped file's name) picks the schema when the file is named otherwise."""
    shown, _ = _origin(name, folder, package)
    return parse(read_text(name, folder, package), shown, kind or Path(name).name)


def parse(text: str, shown: str, kind: str) -> Any:
    """Validate `text` as a rule file of `kind`; errors name `shown`, the line and the key."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    schema = None
    if digest not in _VALID:
        from pipeline.rules.schemas import SCHEMAS  # pydantic models: built only when needed

        schema = SCHEMAS.get(kind)
        if schema is None:
            raise RuleFileError(f"{shown}: no schema for rule files of kind {kind!r}")
    if kind.endswith(".jsonl"):
        data: Any = _parse_jsonl(text, shown, schema)
    else:
        try:
            data = json.loads(text)
        except ValueError as error:
            line = getattr(error, "lineno", "?")
            raise RuleFileError(f"{shown}, line {line}: {error}") from None
        if schema is not None:
            _validate(schema, data, shown, lambda loc: _line_of(text, loc))
    _VALID.add(digest)
    return data


def _validate(schema: type[BaseModel], data: Any, shown: str, line_of: Any) -> None:
    from pydantic import ValidationError

    try:
        schema.model_validate(data)
    except ValidationError as error:
        raise _schema_error(error, shown, line_of) from None


def _parse_jsonl(text: str, shown: str, schema: type[BaseModel] | None) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            raise RuleFileError(f"{shown}, line {number}: {error}") from None
        if schema is not None:
            _validate(schema, row, shown, lambda _loc, n=number: n)
        rows.append(row)
    return rows


def _schema_error(error: ValidationError, shown: str, line_of: Any) -> RuleFileError:
    """The first problem of a failed validation, as 'file, line N, key K: what is wrong'."""
    problems = error.errors()
    # An unknown key first: a typo'd key also leaves the key it meant "missing".
    first = next((e for e in problems if e["type"] == "extra_forbidden"), problems[0])
    loc = tuple(first["loc"])
    keys = [part for part in loc if isinstance(part, str)]
    key = keys[-1] if keys else "?"
    what = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    where = ".".join(str(part) for part in loc)
    return RuleFileError(f"{shown}, line {line_of(loc)}, key {key!r}: {what} (at {where})")


def _line_of(text: str, loc: tuple[Any, ...]) -> int | str:
    """1-based line of the key or element at `loc` in a JSON text (the deepest part found)."""
    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    line_pos = pos
    for part in loc:
        if isinstance(part, str) and text.startswith("{", pos):
            found = None
            i = _skip(text, pos + 1)
            while i < len(text) and text[i] == '"':
                key, i = json.decoder.scanstring(text, i + 1)
                value = _skip(text, _skip(text, i) + 1)  # past the colon
                if key == part:
                    found = (i, value)
                    break
                i = _skip(text, decoder.raw_decode(text, value)[1])
                i = _skip(text, i + 1) if text.startswith(",", i) else i
            if found is None:
                break
            line_pos, pos = found[0], found[1]
        elif isinstance(part, int) and text.startswith("[", pos):
            i = _skip(text, pos + 1)
            for _ in range(part):
                i = _skip(text, decoder.raw_decode(text, i)[1])
                i = _skip(text, i + 1)
            line_pos = pos = i
        else:
            break
    return text.count("\n", 0, line_pos) + 1


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def package_rule_files(packages: tuple[str, ...] = MODEL_RULE_PACKAGES) -> list[tuple[str, str]]:
    """(package, file name) of every rule file shipped in `packages`, sorted."""
    return sorted(
        (package, entry.name)
        for package in packages
        for entry in package_folder(package).iterdir()
        if entry.is_file() and entry.name.endswith(SUFFIXES)
    )


def rule_hashes(packages: tuple[str, ...] = MODEL_RULE_PACKAGES) -> dict[str, str]:
    """SHA-256 of every shipped rule file, keyed 'pipeline/tagging/frequency.json'."""
    return {
        f"{package.replace('.', '/')}/{name}": hashlib.sha256(
            package_folder(package).joinpath(name).read_bytes()
        ).hexdigest()
        for package, name in package_rule_files(packages)
    }


def changed_rule_files(
    recorded: dict[str, str], current: dict[str, str] | None = None
) -> list[str]:
    """Rule files whose content differs from `recorded` (an earlier `rule_hashes`), including
    files added or removed since; `current` defaults to `rule_hashes()` now."""
    current = rule_hashes() if current is None else current
    return sorted(name for name in set(current) | set(recorded)
                  if current.get(name) != recorded.get(name))  # fmt: skip


def rule_changes(recorded: dict[str, str], current: dict[str, str] | None = None) -> str | None:
    """'rule file NAME changed' (or 'was added', 'was removed'), '(and N more)', for the first
    rule file that differs from `recorded`; None when every one reads as recorded."""
    current = rule_hashes() if current is None else current
    changed = changed_rule_files(recorded, current)
    if not changed:
        return None
    first = changed[0]
    how = ("was removed" if first not in current else "was added" if first not in recorded
           else "changed")  # fmt: skip
    more = f" (and {len(changed) - 1} more)" if len(changed) > 1 else ""
    return f"rule file {first}{more} {how}"


__all__ = ["RuleFileError", "changed_rule_files", "load_rules", "package_folder", "parse",
           "read_text", "rule_changes", "rule_hashes"]  # fmt: skip
