"""Whether make's stages are up to date, decided by content, never by modification times.

Each stage's output records what it was made from: ingest writes the letters' fingerprint and
the pipeline's hash into `inputs.json`, tag copies that file beside its tables (adding its own
record of the tagging pipeline's rule files, `pipeline.provenance`), train keeps it
in `metadata.json` (`training_data.trained_on`), and `make evaluate` keeps a key of the models
and data it scored. A stage is current when what it recorded equals what it would be made from
now; touching a file changes nothing, editing one does.

The Makefile runs `python -m pipeline.provenance.freshness CHECK`: exit 0 up to date, 1 stale,
2 an error that stops make (a LETTERS that is missing or holds no letters; no trained models).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.config import PROVENANCE_FILE
from pipeline.core.io import file_sha256

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # pipeline/
CODE_SUFFIXES = (".py", ".json", ".jsonl")
# Report and evaluation code do not change the models; they key the evaluation report instead.
REPORT_CODE_DIRS = (PACKAGE_DIR / "reporting", PACKAGE_DIR / "evaluation")
# The web app (`imr serve`) only reads the models: its code neither retrains nor re-evaluates.
APP_CODE_DIRS = (PACKAGE_DIR / "serve",)
EVALUATED_FILE = ".evaluated"  # beside metrics.json: the models and data it was made from
LETTERS_KEY, PIPELINE_KEY = "letters_sha256", "pipeline_sha256"
UP_TO_DATE, STALE, ERROR = 0, 1, 2
FIX_HINT = ("give LETTERS=/path/to/letters (a folder of .pdf/.txt letters), or run `make smoke` "
            "to train smoke-test models on the made-up fixture letters")  # fmt: skip


class NoLettersError(ValueError):
    """LETTERS names nothing, or nothing that is a letter."""


def letters_fingerprint(paths: Sequence[Path]) -> str:
    """SHA-256 over the sorted SHA-256s of the letters' contents: names, order and modification
    times do not count, a changed byte does."""
    return hashlib.sha256("\n".join(sorted(file_sha256(p) for p in paths)).encode()).hexdigest()


def code_sha256(root: Path, skip: Sequence[Path] = ()) -> str:
    """SHA-256 over every code and rule file under `root` (path and content), `skip` left out."""
    lines = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in CODE_SUFFIXES or "__pycache__" in path.parts or not path.is_file():
            continue
        if any(folder in path.parents for folder in skip):
            continue
        lines.append(f"{path.relative_to(root).as_posix()} {file_sha256(path)}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def pipeline_sha256() -> str:
    """The code and rule files that make the models (the whole package but its report and app
    code)."""
    return code_sha256(PACKAGE_DIR, skip=(*REPORT_CODE_DIRS, *APP_CODE_DIRS))


def find_letters(letters: Path) -> list[Path]:
    """The letter files ingest would read in `letters`; NoLettersError when there are none."""
    from pipeline.ingest.batch import discover

    if not letters.exists():
        raise NoLettersError(f"LETTERS={letters}: no such file or folder; {FIX_HINT}")
    paths = discover([letters])[0]
    if not paths:
        raise NoLettersError(f"LETTERS={letters} holds no letters (.pdf/.txt); {FIX_HINT}")
    return paths


def inputs_record(paths: Sequence[Path]) -> dict[str, str]:
    """What ingest records about its inputs so later stages can tell whether they changed."""
    return {LETTERS_KEY: letters_fingerprint(paths), PIPELINE_KEY: pipeline_sha256()}


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _same_inputs(recorded: dict[str, Any], current: dict[str, Any]) -> bool:
    return all(recorded.get(key) and recorded.get(key) == current[key] for key in current)


def ingest_current(letters: Path, interim: Path) -> bool:
    """Ingest's tables were made from these letters' contents with this pipeline."""
    current = inputs_record(find_letters(letters))
    made = all((interim / name).is_file() for name in ("letters.parquet", "items.parquet"))
    return made and _same_inputs(_read_json(interim / PROVENANCE_FILE), current)


def tag_current(interim: Path, processed: Path) -> bool:
    """The tagged tables were made from ingest's present tables (tag copies inputs.json and
    adds its own record of the tagging pipeline, `pipeline.provenance.TAGGED_WITH`)."""
    from pipeline.provenance import TAGGED_WITH

    recorded = _read_json(processed / PROVENANCE_FILE)
    made = all((processed / name).is_file() for name in ("letters.parquet", "items.parquet"))
    source = _read_json(interim / PROVENANCE_FILE)
    copied = {key: value for key, value in recorded.items() if key != TAGGED_WITH}
    tagged = isinstance(recorded.get(TAGGED_WITH), dict)  # older tags record no pipeline
    return made and bool(source) and tagged and copied == source and _same_pipeline(recorded)


def _same_pipeline(recorded: dict[str, Any]) -> bool:
    return recorded.get(PIPELINE_KEY) == pipeline_sha256()


def trained_on(models: Path) -> dict[str, Any]:
    """What the models in `models` recorded about the letters and pipeline they came from."""
    metadata = _read_json(models / "metadata.json")
    return metadata.get("training_data", {}).get("trained_on") or {}


def train_current(processed: Path, models: Path) -> bool:
    """The models were trained on the tagged tables' letters with this pipeline."""
    tagged = _read_json(processed / PROVENANCE_FILE)
    current = {key: tagged.get(key) for key in (LETTERS_KEY, PIPELINE_KEY)}
    manifest = (models / "manifest.json").is_file()
    return manifest and all(current.values()) and _same_inputs(trained_on(models), current)


def evaluation_key(models: Path, processed: Path, reasons: Path | None = None) -> str:
    """The models (their metadata is unique to a train), the data, the reason labels the
    report scores the denial reasons on (if any) and the report code."""
    data = processed / PROVENANCE_FILE
    parts = [
        file_sha256(models / "metadata.json"),
        file_sha256(data) if data.is_file() else "-",
        file_sha256(reasons) if reasons is not None and reasons.is_file() else "-",
        *(code_sha256(folder) for folder in REPORT_CODE_DIRS),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def evaluation_current(
    models: Path, processed: Path, reports: Path, reasons: Path | None = None
) -> bool:
    stamp = reports / EVALUATED_FILE
    key = evaluation_key(models, processed, reasons)
    return (
        (reports / "metrics.json").is_file()
        and stamp.is_file()
        and stamp.read_text(encoding="utf-8").strip() == key
    )


def write_if_changed(path: Path, text: str) -> None:
    """Rewrite `path` only when its content changes (atomically)."""
    from pipeline.core.io import atomic_open

    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(path) as handle:
        handle.write(text)


def require_models(models: Path) -> None:
    if not (models / "metadata.json").is_file():
        raise NoLettersError(
            f"no trained models in {models}: run `make train LETTERS=/path/to/letters` first, "
            "or `make smoke` for smoke-test models trained on the made-up fixture letters"
        )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.provenance.freshness", description=__doc__
    )
    checks = parser.add_subparsers(dest="check", required=True)
    letters = checks.add_parser("letters", help="exit 2 unless LETTERS holds letters")
    letters.add_argument("letters", type=Path)
    ingest = checks.add_parser("ingest", help="are INTERIM's tables made from LETTERS?")
    ingest.add_argument("letters", type=Path)
    ingest.add_argument("--interim", type=Path, required=True)
    tag = checks.add_parser("tag", help="are PROCESSED's tables made from INTERIM's?")
    tag.add_argument("--interim", type=Path, required=True)
    tag.add_argument("--processed", type=Path, required=True)
    train = checks.add_parser("train", help="were the MODELS trained on PROCESSED's letters?")
    train.add_argument("--processed", type=Path, required=True)
    train.add_argument("--models", type=Path, required=True)
    models = checks.add_parser("models", help="exit 2 unless MODELS holds trained models")
    models.add_argument("--models", type=Path, required=True)
    for name in ("evaluation", "evaluated"):
        evaluation = checks.add_parser(name, help="is / record that REPORTS scores these models")
        evaluation.add_argument("--models", type=Path, required=True)
        evaluation.add_argument("--processed", type=Path, required=True)
        evaluation.add_argument("--reports", type=Path, required=True)
        evaluation.add_argument("--reasons", type=Path, default=None)
    return parser


def _say(message: str) -> None:
    print(f"make: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except NoLettersError as error:
        _say(str(error))
        return ERROR


def _run(args: argparse.Namespace) -> int:
    if args.check == "letters":
        find_letters(args.letters)
        return UP_TO_DATE
    if args.check == "models":
        require_models(args.models)
        return UP_TO_DATE
    if args.check == "evaluated":
        key = evaluation_key(args.models, args.processed, args.reasons)
        write_if_changed(args.reports / EVALUATED_FILE, key + "\n")
        return UP_TO_DATE
    current, message = _check(args)
    if current:
        _say(message)
        return UP_TO_DATE
    return STALE


def _check(args: argparse.Namespace) -> tuple[bool, str]:
    """Whether the stage is current, and the line saying so."""
    if args.check == "ingest":
        return (ingest_current(args.letters, args.interim),
                f"{args.interim} is up to date (same letters, same pipeline)")  # fmt: skip
    if args.check == "tag":
        return tag_current(args.interim, args.processed), f"{args.processed} is up to date"
    if args.check == "train":
        return (train_current(args.processed, args.models),
                f"the models in {args.models} are up to date (trained on these letters' "
                "contents with this pipeline): not retrained")  # fmt: skip
    metrics = args.reports / "metrics.json"
    return (evaluation_current(args.models, args.processed, args.reports, args.reasons),
            f"{metrics} already scores these models on this data")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
