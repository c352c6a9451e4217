"""Which tagging pipeline made the tagged tables, and the refusal to use them with another one.

`imr tag` adds `tagging_record()` to the tagged folder's inputs.json, under "tagged_with": imr's
version, the SHA-256 of every rule file ingest, the spaCy components and the features read
(`rulefiles.rule_hashes`: pipeline/{ingest,tagging,features}/*.json and *.jsonl, each file
named) and one SHA-256 over both (`tagging_pipeline_sha256`). `imr train` and `imr evaluate`
refuse the tables (`TaggedWithOtherPipeline`, exit status 2) when the pipeline they run differs from
the recorded one, naming the first rule file that differs: a rule deleted between `imr tag` and
`imr train` would otherwise fit models on tags the pipeline no longer makes. Re-running
`imr tag` (or `make train`, which does) clears it. `imr predict` compares the package's rule
files with the ones metadata.json records in the same way (`nlp_artifact.check_rule_files`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import PROVENANCE_FILE
from pipeline.rules.files import rule_changes, rule_hashes

TAGGED_WITH = "tagged_with"  # inputs.json's key for the tagging pipeline's record
VERSION_KEY, HASH_KEY, RULES_KEY = "imr_version", "sha256", "rule_files_sha256"


class TaggedWithOtherPipeline(ValueError):
    """Tagged tables made by another tagging pipeline (other rule files or imr version), or
    that record none."""


def tagging_pipeline_sha256(rule_files: dict[str, str], version: str) -> str:
    """The tagging pipeline's one hash: imr's version and each rule file's name and SHA-256."""
    lines = [f"imr {version}", *(f"{name} {digest}" for name, digest in sorted(rule_files.items()))]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def tagging_record() -> dict[str, Any]:
    """What `imr tag` records about the pipeline it tags with (the rule files as on disk now)."""
    files = rule_hashes()
    return {VERSION_KEY: __version__, HASH_KEY: tagging_pipeline_sha256(files, __version__),
            RULES_KEY: files}  # fmt: skip


def pipeline_difference(recorded: dict[str, Any]) -> str | None:
    """What changed in the pipeline since a `tagging_record` (the first rule file that differs,
    else imr's version), None when nothing did."""
    current = tagging_record()
    changed = rule_changes(recorded.get(RULES_KEY) or {}, current[RULES_KEY])
    if changed:
        return changed
    if recorded.get(VERSION_KEY) != current[VERSION_KEY]:
        return f"imr changed from {recorded.get(VERSION_KEY)} to {current[VERSION_KEY]}"
    if recorded.get(HASH_KEY) != current[HASH_KEY]:
        return "the tagging pipeline's hash changed"
    return None


def check_tagged(processed_dir: Path) -> dict[str, Any]:
    """The tagged tables' inputs.json; TaggedWithOtherPipeline (one line naming the first rule
    file that differs) when the tagging pipeline that made them is not the one here now."""
    path = Path(processed_dir) / PROVENANCE_FILE
    refusing = f"refusing the tagged tables in {processed_dir}"
    again = "re-run `imr tag` (or `make train`)"
    try:
        provenance = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        provenance = None
    recorded = provenance.get(TAGGED_WITH) if isinstance(provenance, dict) else None
    if not isinstance(recorded, dict) or not isinstance(recorded.get(RULES_KEY), dict):
        raise TaggedWithOtherPipeline(f"{refusing}: {path} records no tagging pipeline (tagged "
                                      f"by an older imr, or not by imr); {again}")  # fmt: skip
    difference = pipeline_difference(recorded)
    if difference is not None:
        raise TaggedWithOtherPipeline(
            f"{refusing}: {difference} since they were tagged (the "
            f"tags would differ from this pipeline's); {again}"
        )
    return provenance
