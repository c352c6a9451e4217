"""The tagging pipeline as trained: `models/nlp`, and the rule files the models were fitted with.

`imr train` saves the spaCy pipeline into the models folder (each component's rule files in
its own folder, all covered by the SHA-256 manifest) and records the SHA-256 of every shipped
rule file in metadata.json. `imr predict` then tags with `models/nlp` exactly as trained, and
refuses (exit status 5) when the package's rule files no longer match the recorded ones: the
rules that shape the features outside the components (ingest's landmarks, number words, review
rules, reasoning cues) would otherwise differ from the ones the models were fitted on. Every
rule file of `rulefiles.MODEL_RULE_PACKAGES` is compared, those saved in models/nlp included
(they are what the next `imr tag` and `imr train` read); models/nlp's own copies are checked by
the manifest. `imr report` and `imr evaluate` load the models through the same check
(`modeling.loaded.loaded_models`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pipeline.modeling.artifacts import ModelIntegrityError
from pipeline.rules.files import load_rules, package_rule_files, rule_changes, rule_hashes, trust

NLP_FOLDER = "nlp"
RULES_KEY = "rule_files_sha256"  # in metadata.json's feature_config


def save_trained_nlp(models_dir: Path) -> None:
    """Save the tagging pipeline, built from the package's rules, into models_dir/nlp (any
    previous one is replaced: `models_swap` carries the old folder over)."""
    from pipeline.tagging import save_nlp

    target = Path(models_dir) / NLP_FOLDER
    shutil.rmtree(target, ignore_errors=True)
    save_nlp(target)


def trained_rule_hashes() -> dict[str, str]:
    """What metadata.json records: the SHA-256 of every shipped rule file now, each validated
    against its schema first (predict then trusts files with these digests)."""
    for package, name in package_rule_files():
        load_rules(name, package=package)
    return rule_hashes()


def check_rule_files(metadata: dict[str, Any], models_dir: Path) -> None:
    """ModelIntegrityError naming the first rule file that differs from the one the models were
    trained with (edited, added or removed since `imr train`)."""
    recorded = (metadata.get("feature_config") or {}).get(RULES_KEY)
    if not isinstance(recorded, dict) or not all(isinstance(v, str) for v in recorded.values()):
        raise ModelIntegrityError(
            f"{Path(models_dir) / 'metadata.json'} records no rule files: models trained by an "
            "older version; retrain with `make train`"
        )
    changed = rule_changes(recorded)
    if changed:
        raise ModelIntegrityError(
            f"{changed} since the models in {models_dir} were trained: the features would "
            "differ from the ones they were fitted on; restore it or retrain with `make train`"
        )
    trust(recorded.values())  # the very files `imr train` validated: no need to check again


def load_trained_nlp(models_dir: Path) -> Any:
    """`spacy.load` of models_dir/nlp (verify the models first: `load_models`)."""
    from pipeline.tagging import load_nlp

    path = Path(models_dir) / NLP_FOLDER
    if not (path / "config.cfg").is_file():
        raise ModelIntegrityError(
            f"{path} is missing: models trained by an older version; retrain with `make train`"
        )
    try:
        return load_nlp(path)
    except Exception as error:  # a folder that verified but does not load is not ours
        raise ModelIntegrityError(
            f"{path} cannot be loaded ({type(error).__name__}: {error}): retrain"
        ) from None
