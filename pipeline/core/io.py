"""Atomic writers: a file appears complete under its final name, or not at all.

Each writer fills a temporary file in the target folder and renames it over the target, so an
interrupted run leaves the previous output intact. Temporaries are named `.<target>.<pid>-...`
(`.part` for a file): a run stopped by a signal removes its own, and the next write beside the
same target removes those of runs killed with -9 (their pid is dead; `pipeline.core.temps`). The
file gets the permissions the user's umask gives a new file (0644 under the usual 022), not
the 0600 of a temporary file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


_umask: int | None = None


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes: the one file hash (copies of a letter, letters' fingerprints,
    model manifests), read in 1 MiB blocks (hashlib.file_digest needs Python 3.11)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def umask() -> int:
    """The process's umask (read once; /proc gives it without changing it)."""
    global _umask
    if _umask is None:
        try:
            with open("/proc/self/status", encoding="ascii") as f:
                line = next(x for x in f if x.startswith("Umask:"))
            _umask = int(line.split()[1], 8)
        except (OSError, StopIteration, ValueError):
            _umask = os.umask(0o022)
            os.umask(_umask)
    return _umask


def new_file_mode(directory: bool = False) -> int:
    return (0o777 if directory else 0o666) & ~umask()


def _temporary_prefix(target: Path) -> str:
    """`.<name>.<pid>-`, after removing the temporaries a killed run left beside `target`."""
    from pipeline.core.temps import own_prefix, sweep_stale

    sweep_stale(target.parent, f".{target.name}.")
    return own_prefix(f".{target.name}.")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` when the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=_temporary_prefix(target), suffix=".part", dir=target.parent
    )
    os.fchmod(handle, new_file_mode())
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False
    where the system or file system cannot."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done: int = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return done == 0


def swap_in(temporary: Path, target: Path) -> None:
    """Put the folder `temporary` in place of `target` (which may not exist) and delete the
    previous one. With renameat2 the swap is one step: a reader sees the old folder or the new
    one, and a kill at any moment leaves a complete folder under `target`."""
    import shutil

    if not target.exists():
        os.replace(temporary, target)
        return
    if exchange(temporary, target):
        shutil.rmtree(temporary, ignore_errors=True)  # the previous folder, now here
        return
    from pipeline.core.temps import own_prefix, sweep_stale

    sweep_stale(target.parent, f".{target.name}.old-")
    retired = Path(tempfile.mkdtemp(prefix=own_prefix(f".{target.name}.old-"),
                                    dir=target.parent))  # fmt: skip
    os.replace(target, retired / target.name)
    os.replace(temporary, target)
    shutil.rmtree(retired, ignore_errors=True)


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder beside `target`; swap it in for `target` on success."""
    import shutil

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=_temporary_prefix(target), dir=target.parent))
    os.chmod(temporary, new_file_mode(directory=True))
    try:
        yield temporary
        swap_in(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


@contextlib.contextmanager
def atomic_open(target: Path, mode: str = "w") -> Iterator[IO[Any]]:
    with atomic_path(target) as temporary:
        encoding = None if "b" in mode else "utf-8"
        with open(temporary, mode, encoding=encoding, newline="" if "b" not in mode else None) as f:
            yield f


def write_csv(frame: pd.DataFrame, target: Path) -> None:
    """The table as CSV, text cells escaped against spreadsheet formulas (`safe.csv_cell`)."""
    from pipeline.core.safe import csv_cell

    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = [csv_cell(value) for value in frame[column]]
    with atomic_path(target) as temporary:
        frame.to_csv(temporary, index=False, errors="backslashreplace")


def dump_json(obj: object, target: Path, sort_keys: bool = True) -> None:
    """Indented JSON (keys sorted unless the order is part of the reading), written atomically."""
    with atomic_open(target) as f:
        json.dump(obj, f, indent=2, sort_keys=sort_keys, default=str)
        f.write("\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_JSON_COLUMNS_KEY = b"imr.json_columns"


def write_table(frame: pd.DataFrame, target: Path, json_columns: Iterable[str] = ()) -> None:
    """Parquet with nested values (dicts, lists of dicts) stored as JSON text, so they read back
    as the same plain Python values (pyarrow would give numpy arrays inside structs)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    encoded = frame.copy()
    names = [c for c in json_columns if c in encoded.columns]
    for column in names:
        encoded[column] = [json.dumps(v, ensure_ascii=False) for v in encoded[column]]
    table = pa.Table.from_pandas(encoded, preserve_index=False)
    metadata = {**(table.schema.metadata or {}), _JSON_COLUMNS_KEY: json.dumps(names).encode()}
    with atomic_path(target) as temporary:
        pq.write_table(table.replace_schema_metadata(metadata), temporary)


def read_table(path: Path) -> pd.DataFrame:
    """Read a parquet file written by `write_table`, decoding its JSON columns."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    names = json.loads((table.schema.metadata or {}).get(_JSON_COLUMNS_KEY, b"[]"))
    frame = table.to_pandas()
    for column in names:
        frame[column] = [json.loads(v) for v in frame[column]]
    for column in frame.columns:  # list columns (e.g. licensure) back to plain lists
        if (
            frame[column].dtype == object
            and len(frame)
            and hasattr(frame[column].iloc[0], "tolist")
        ):
            frame[column] = [v.tolist() if hasattr(v, "tolist") else v for v in frame[column]]
    return frame


# --- Folders the tool owns -------------------------------------------------------------------
# A folder `imr` writes as a whole (a report, models/, data/interim, data/processed) carries
# OWNED_MARKER, listing the files the run wrote. A later run replaces only those: it builds the
# new folder beside the old one, carries every other file across (a user's notes survive), and
# swaps it in. A non-empty folder without the marker is someone else's and is refused.

OWNED_MARKER = ".imr-owned.json"
# The marker also records which kind of output the folder is (`KINDS`): a run replaces only a
# folder of its own kind, so `imr report --out models` cannot delete the trained models. A
# marker an older imr wrote has no kind: it is read from the files the marker lists (each kind
# writes a file no other kind does, `_kind_of`); a marker whose files name no kind is refused.
KINDS = ("interim", "processed", "nlp", "models", "report")
# Files that are never imr's output and do not make a folder someone else's: git's placeholder
# and the Makefile's stamp of which letters data/interim came from. They are carried across.
_PLACEHOLDERS = {".gitkeep", ".letters"}


class NotOwnedError(ValueError):
    """The output folder exists, is not empty, and was not written by imr: nothing is touched."""


def tree_entries(folder: Path) -> set[str]:
    """Every file, symbolic link and empty folder under `folder` ('/'-separated, relative), not
    following links."""
    entries: set[str] = set()
    for parent, subfolders, files in os.walk(folder):
        base = Path(parent)
        for name in list(subfolders):
            path = base / name
            if path.is_symlink() or not any(path.iterdir()):
                entries.add(path.relative_to(folder).as_posix())
        entries.update((base / name).relative_to(folder).as_posix() for name in files)
    return entries


def _kind_of(files: set[str]) -> str | None:
    """The kind of output an older imr's marker (no "kind") lists, from the file only that kind
    writes; None when the files name none."""
    if "manifest.json" in files:
        return "models"
    if {"report.html", "report.json"} & files:
        return "report"
    if {"config.cfg", "meta.json"} <= files:
        return "nlp"
    if "letters.parquet" in files:  # ingest also writes its accounting; tag does not
        return "interim" if {"rejects.csv", "problems.csv"} & files else "processed"
    return None


def _read_marker(marker: Path) -> tuple[set[str], str | None]:
    """The files a marker lists and the kind of output it records (read from the files for an
    older marker without one)."""
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        listed = data["files"]
        kind = data.get("kind")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise NotOwnedError(f"{marker} is not a valid imr marker ({error}): refusing to "
                            "replace the folder") from None  # fmt: skip
    if not isinstance(listed, list) or not all(isinstance(name, str) for name in listed):
        raise NotOwnedError(f"{marker} is not a valid imr marker: refusing to replace the folder")
    if kind is not None and kind not in KINDS:
        raise NotOwnedError(f"{marker} records an unknown kind of output ({kind!r}): refusing "
                            "to replace the folder")  # fmt: skip
    return set(listed), kind if kind is not None else _kind_of(set(listed))


def _marker_files(marker: Path, kind: str | None = None) -> set[str]:
    """The files `marker` lists; with `kind`, NotOwnedError unless the folder is that kind of
    output (a report folder is never replaced by models, nor models by a report)."""
    files, found = _read_marker(marker)
    if kind is not None and found != kind:
        folder = marker.parent
        what = f"imr's {found} folder" if found else "a folder of an older imr of unknown kind"
        article = "an" if kind[0] in "aeiou" else "a"
        raise NotOwnedError(f"{folder} is {what}, not {article} {kind} folder: refusing to "
                            "replace it; choose another output folder")  # fmt: skip
    return files


def folder_kind(folder: Path) -> str | None:
    """The kind of output the imr folder `folder` is (None: not imr's, or of unknown kind)."""
    marker = Path(folder) / OWNED_MARKER
    if not marker.is_file():
        return None
    try:
        return _read_marker(marker)[1]
    except NotOwnedError:
        return None


def owned_files(
    folder: Path,
    legacy: Callable[[Path, set[str]], bool] | None = None,
    kind: str | None = None,
) -> set[str]:
    """The files imr wrote in `folder` (empty when it does not exist or is empty). Raises
    NotOwnedError for a non-empty folder without the marker, unless `legacy(folder, entries)`
    recognises it as written by an older imr (then its entries, placeholders aside, are owned),
    and, with `kind`, for a folder imr wrote as another kind of output (`KINDS`)."""
    folder = Path(folder)
    if folder.is_symlink():  # swapping would replace the link, leaving what it points at stale
        raise NotOwnedError(f"{folder} is a symbolic link: give the folder it points to "
                            f"({os.path.realpath(folder)}) or another output folder")  # fmt: skip
    if not folder.exists():
        return set()
    if not folder.is_dir():
        raise NotOwnedError(f"{folder} exists and is not a folder: choose another output folder")
    if (folder / OWNED_MARKER).is_file():
        owned = _marker_files(folder / OWNED_MARKER, kind)
        _refuse_folders_over_files(folder, owned)
        return owned
    entries = tree_entries(folder)
    if not entries - _PLACEHOLDERS:
        return set()
    if legacy is not None and legacy(folder, entries):
        return entries - _PLACEHOLDERS
    raise NotOwnedError(
        f"{folder} is not empty and was not written by imr (no {OWNED_MARKER}): refusing to "
        "replace it; delete it or choose another output folder"
    )


def _refuse_folders_over_files(folder: Path, owned: set[str]) -> None:
    """A folder of the user's, with files in it, under a name where imr wrote a file: the new
    file and the user's files cannot both be kept there, so the run is refused up front."""
    parents = {parent.as_posix() for name in owned for parent in Path(name).parents}
    for name in sorted(owned - parents):
        path = folder / name
        if path.is_dir() and not path.is_symlink() and any(path.iterdir()):
            raise NotOwnedError(f"{path} is a folder of yours where imr writes a file: move it "
                                f"out of {folder} or choose another output folder")  # fmt: skip


def _carry(source: Path, target: Path) -> None:
    """Put one foreign entry of the old folder into the new one, unchanged (a hard link when the
    file system allows, else a copy)."""
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        target.mkdir(exist_ok=True)
    else:
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


def _carry_foreign(old: Path, new: Path, owned: set[str]) -> list[str]:
    """Carry the files of `old` that imr did not write into `new`; returns the names that clash
    with a new output (the user's file is kept beside it, with `.user` added to its name)."""
    clashes = []
    for name in sorted(tree_entries(old) - owned - {OWNED_MARKER}):
        target = new / name
        if target.exists() or target.is_symlink():
            if (old / name).is_dir() and target.is_dir():
                continue
            clashes.append(name)
            target = target.with_name(target.name + ".user")
        _carry(old / name, target)
    return clashes


@contextlib.contextmanager
def owned_dir(
    target: Path,
    legacy: Callable[[Path, set[str]], bool] | None = None,
    prefix: str | None = None,
    kind: str | None = None,
) -> Iterator[Path]:
    """A fresh folder beside `target` to fill; on success it gets the marker listing what was
    written and the `kind` of output it is (`KINDS`; read from the files when not given), the
    user's own files from the old `target` are carried in, and it is swapped in. Refuses
    (NotOwnedError, before yielding when `kind` is given) a non-empty `target` imr does not own
    or that is another kind of output."""
    import shutil

    from pipeline.core.temps import own_prefix, sweep_stale

    target = Path(os.path.abspath(target))
    owned_files(target, legacy, kind)  # refuse before any work
    created = [p for p in target.parents if not p.exists()]  # removed if the run stops
    target.parent.mkdir(parents=True, exist_ok=True)
    name = prefix or f".{target.name}.new-"
    sweep_stale(target.parent, name)  # the staging folders of runs killed with -9
    temporary = Path(tempfile.mkdtemp(prefix=own_prefix(name), dir=target.parent))
    os.chmod(temporary, new_file_mode(directory=True))
    try:
        yield temporary
        written = sorted(tree_entries(temporary))
        kind = kind or _kind_of(set(written))
        marker = {"tool": "imr", "files": written, **({"kind": kind} if kind else {})}
        dump_json(marker, temporary / OWNED_MARKER)
        # again: the folder may have changed meanwhile (and the kind is known now)
        owned = owned_files(target, legacy, kind)
        if target.is_dir():
            for name in _carry_foreign(target, temporary, owned):
                from pipeline.core.console import err

                err.print(f"kept your file {target / name} as {name}.user (imr writes {name})",
                          highlight=False, markup=False)  # fmt: skip
        swap_in(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        if not target.exists():  # stopped before the swap: the folders this run made go too
            for folder in created:
                with contextlib.suppress(OSError):
                    folder.rmdir()


def foreign_entries(folder: Path, owned: set[str]) -> list[str]:
    """What `folder` holds that imr did not write (its marker and placeholders aside), and
    every symbolic link in it: a folder imr verifies as a whole (models/) may hold none."""
    entries = tree_entries(folder)
    links = {name for name in entries if (Path(folder) / name).is_symlink()}
    return sorted((entries - owned - {OWNED_MARKER} - _PLACEHOLDERS) | links)
