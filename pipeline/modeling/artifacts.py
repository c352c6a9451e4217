"""Model artifacts on disk: atomic writes and a SHA-256 manifest checked on every load.

A joblib file is a pickle: loading one runs code. So `models/manifest.json`, written at training
time, lists the SHA-256 of every artifact, and `verify_manifest` refuses to hand anything to
joblib unless every listed file matches and no unlisted artifact sits beside them. Predicting
reads only the compiled `.npz` scorers (numpy arrays and JSON, loaded without pickle); the
joblib pipelines are for evaluation and inspection.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

from pipeline.io import atomic_open, atomic_path

MANIFEST = "manifest.json"
READER_FILE = "decision_reader.joblib"
REASONING_FILE = "reasoning_model.joblib"
READER_SCORER = "decision_reader.npz"
REASONING_SCORER = "reasoning_model.npz"
METADATA_FILE = "metadata.json"
ARTIFACT_SUFFIXES = (".joblib", ".json", ".npz", ".npy", ".pkl", ".pickle")
IGNORED = {MANIFEST, ".gitkeep"}


class ModelIntegrityError(RuntimeError):
    """A model artifact is missing, modified, or not listed in models/manifest.json."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dump_joblib(obj: Any, target: Path) -> None:
    """joblib.dump via a temporary file + os.replace (no half-written model on a crash)."""
    import joblib

    with atomic_path(target) as temporary:
        joblib.dump(obj, temporary)


def dump_json(obj: Any, target: Path) -> None:
    with atomic_open(target) as f:
        json.dump(obj, f, indent=2, sort_keys=True, default=str)
        f.write("\n")


def write_manifest(models_dir: Path, names: list[str]) -> dict[str, Any]:
    """Record size and SHA-256 of each named artifact in models_dir/manifest.json."""
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


def verify_manifest(models_dir: Path) -> dict[str, Any]:
    """Check every artifact against the manifest; raise ModelIntegrityError on any mismatch."""
    models_dir = Path(models_dir)
    path = models_dir / MANIFEST
    if not path.is_file():
        raise ModelIntegrityError(f"{path} is missing: refusing to load unverified models")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        files = manifest["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelIntegrityError(f"{path} is not a valid manifest: {exc}") from exc
    for name, entry in files.items():
        artifact = models_dir / name
        if not artifact.is_file():
            raise ModelIntegrityError(f"{artifact} is listed in the manifest but missing")
        actual = sha256_file(artifact)
        if actual != entry.get("sha256"):
            raise ModelIntegrityError(
                f"{artifact} was modified since training (sha256 {actual[:12]}..., manifest "
                f"{str(entry.get('sha256'))[:12]}...): retrain with `imr train`"
            )
    for artifact in sorted(models_dir.iterdir()):
        if artifact.name in IGNORED or artifact.name.startswith("."):
            continue
        if (
            artifact.is_file()
            and artifact.suffix in ARTIFACT_SUFFIXES
            and artifact.name not in files
        ):
            raise ModelIntegrityError(f"{artifact} is not listed in the manifest (unknown file)")
    return manifest


def read_verified(models_dir: Path, name: str, manifest: dict[str, Any]) -> bytes:
    """One artifact's bytes, checked against the manifest's SHA-256 after reading them (so the
    file cannot change between the check and the use)."""
    entry = manifest["files"].get(name)
    if entry is None:
        raise ModelIntegrityError(f"{name} is not listed in {Path(models_dir) / MANIFEST}")
    data = (Path(models_dir) / name).read_bytes()
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise ModelIntegrityError(f"{Path(models_dir) / name} changed while loading")
    return data


def load_verified(models_dir: Path, name: str, manifest: dict[str, Any]) -> Any:
    """joblib.load one artifact from bytes whose SHA-256 matches the manifest."""
    import joblib

    return joblib.load(io.BytesIO(read_verified(models_dir, name, manifest)))
