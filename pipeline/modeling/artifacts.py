"""Model artifacts on disk: atomic writes and a SHA-256 manifest checked on every load.

A joblib file is a pickle: loading one runs code. So `models/manifest.json`, written at training
time, lists the SHA-256 of every artifact, and `verify_manifest` refuses to hand anything to
joblib unless every listed file matches and no unlisted file of any name sits in the folder or
below it. Predicting reads only the compiled `.npz` scorers (numpy arrays and JSON, loaded
without pickle); the joblib pipelines are for evaluation and inspection.

`imr train` writes a complete new folder beside the models folder and swaps it in as a whole
(`models_swap`), so a killed training leaves the previous models loadable.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.core.io import OWNED_MARKER, atomic_path, dump_json, owned_dir
from pipeline.core.io import file_sha256 as sha256_file  # the one file hash

MANIFEST = "manifest.json"
READER_FILE = "decision_reader.joblib"
REASONING_FILE = "reasoning_model.joblib"
READER_SCORER = "decision_reader.npz"
REASONING_SCORER = "reasoning_model.npz"
METADATA_FILE = "metadata.json"
# metadata.json's one field saying the models were fitted on too few letters to validate (the
# made-up fixture letters of `make smoke`): everything they predict or report says so.
SMOKE_KEY = "smoke_test"
IGNORED = {MANIFEST, ".gitkeep", OWNED_MARKER}  # the marker lists names, it runs nothing
_SHA256 = frozenset("0123456789abcdef")


class ModelIntegrityError(RuntimeError):
    """A model artifact is missing, modified, or not listed in models/manifest.json."""


def dump_joblib(obj: Any, target: Path) -> None:
    """joblib.dump via a temporary file + os.replace (no half-written model on a crash)."""
    import joblib

    with atomic_path(target) as temporary:
        joblib.dump(obj, temporary)


def write_manifest(models_dir: Path, names: list[str]) -> dict[str, Any]:
    """Record size and SHA-256 of each named artifact (and of every other file in the folder,
    such as the saved spaCy pipeline in nlp/) in models_dir/manifest.json."""
    names = sorted(set(names) | set(_files_in(models_dir)))
    files = {
        name: {
            "sha256": sha256_file(models_dir / name),
            "bytes": (models_dir / name).stat().st_size,
        }
        for name in sorted(names)
    }
    manifest = {"algorithm": "sha256", "files": files}
    dump_json(manifest, models_dir / MANIFEST)
    return manifest


def _files_in(models_dir: Path) -> list[str]:
    """Every file under models_dir (relative, '/'-separated), but the manifest, the ownership
    marker and .gitkeep. A symbolic link (to a file or a folder) is refused: what it points at
    could change without the folder changing."""
    names = []
    for folder, subfolders, files in os.walk(models_dir):
        subfolders.sort()
        for name in subfolders + files:
            path = Path(folder, name)
            if path.is_symlink():
                raise ModelIntegrityError(
                    f"{path} is a symbolic link: the models folder holds only real files"
                )
        for name in files:
            relative = Path(folder, name).relative_to(models_dir).as_posix()
            if relative not in IGNORED:
                names.append(relative)
    return sorted(names)


def _check_entry(models_dir: Path, name: object, entry: object) -> Path:
    """The artifact path of a manifest entry that stays inside models_dir and is well formed."""
    if not isinstance(name, str) or not name or "\x00" in name:
        raise ModelIntegrityError(f"malformed manifest entry {name!r}")
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or name != relative.as_posix():
        raise ModelIntegrityError(f"manifest entry {name!r} leaves the models folder")
    artifact = models_dir / relative
    if models_dir.resolve() not in artifact.resolve().parents:
        raise ModelIntegrityError(f"manifest entry {name!r} leaves the models folder")
    digest = entry.get("sha256") if isinstance(entry, dict) else None
    if not isinstance(digest, str) or len(digest) != 64 or not set(digest) <= _SHA256:
        raise ModelIntegrityError(f"manifest entry {name!r} has no valid sha256")
    return artifact


def verify_manifest(models_dir: Path) -> dict[str, Any]:
    """Check every artifact against the manifest; raise ModelIntegrityError on any mismatch,
    on a malformed manifest or entry, and on any file the manifest does not list."""
    models_dir = Path(models_dir)
    path = models_dir / MANIFEST
    if not models_dir.is_dir():
        raise ModelIntegrityError(f"{models_dir} is not a folder of trained models")
    if not path.is_file():
        raise ModelIntegrityError(f"{path} is missing: refusing to load unverified models")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise ModelIntegrityError(f"{path} is not a valid manifest: {exc}") from exc
    if not isinstance(manifest, dict) or not isinstance(files, dict):
        raise ModelIntegrityError(f"{path} is not a valid manifest: no table of files")
    present = _files_in(models_dir)  # refuses symbolic links before any file is read
    for name, entry in files.items():
        artifact = _check_entry(models_dir, name, entry)
        if not artifact.is_file():
            raise ModelIntegrityError(f"{artifact} is listed in the manifest but missing")
        actual = sha256_file(artifact)
        if actual != entry["sha256"]:
            raise ModelIntegrityError(
                f"{artifact} was modified since training (sha256 {actual[:12]}..., manifest "
                f"{entry['sha256'][:12]}...): retrain with `imr train`"
            )
    for name in present:
        if name not in files:
            raise ModelIntegrityError(
                f"{models_dir / name} is not listed in the manifest (unknown file): move it out "
                "of the models folder"
            )
    return manifest


def legacy_models(folder: Path, entries: set[str]) -> bool:
    """A models folder an older `imr train` wrote (no ownership marker then) is imr's only when
    its manifest is valid, lists every file in it and every SHA-256 matches (older versions
    refused any other file): names alone never make a folder imr's."""
    try:
        listed = verify_manifest(folder)["files"]
    except ModelIntegrityError:
        return False
    return entries <= set(listed) | IGNORED


@contextlib.contextmanager
def models_swap(models_dir: Path) -> Iterator[Path]:
    """A fresh folder beside `models_dir` to fill; on success it replaces models_dir in one
    rename (`io.owned_dir`: a user's own files there are carried across, a folder imr did not
    write is refused with NotOwnedError). Stale folders of killed runs are removed first."""
    with owned_dir(models_dir, legacy_models) as staging:
        yield staging


def read_verified(models_dir: Path, name: str, manifest: dict[str, Any]) -> bytes:
    """One artifact's bytes, checked against the manifest's SHA-256 after reading them (so the
    file cannot change between the check and the use)."""
    entry = manifest["files"].get(name)
    if entry is None:
        raise ModelIntegrityError(f"{name} is not listed in {Path(models_dir) / MANIFEST}")
    try:
        data = (Path(models_dir) / name).read_bytes()
    except OSError as error:
        raise ModelIntegrityError(f"cannot read {Path(models_dir) / name}: {error}") from None
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise ModelIntegrityError(f"{Path(models_dir) / name} changed while loading")
    return data


def load_verified(models_dir: Path, name: str, manifest: dict[str, Any]) -> Any:
    """joblib.load one artifact from bytes whose SHA-256 matches the manifest."""
    import joblib

    return joblib.load(io.BytesIO(read_verified(models_dir, name, manifest)))


def smoke_notice(metadata: dict[str, Any]) -> str | None:
    """The line every output of smoke-test models carries; None for models fit to use."""
    if not metadata.get(SMOKE_KEY):
        return None
    letters = metadata.get("training_data", {}).get("n_letters", "too few")
    return (f"these models are a smoke test (trained on only {letters} letters, no hold-out, "
            "no calibration): what they predict means nothing; train real models with "
            "`make train LETTERS=/path/to/letters`")  # fmt: skip


def read_metadata(models_dir: Path) -> dict[str, Any]:
    """models_dir/metadata.json as it is (verification is the loaders' job)."""
    return json.loads((Path(models_dir) / METADATA_FILE).read_text(encoding="utf-8"))
