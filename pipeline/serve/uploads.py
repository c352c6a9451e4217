"""Uploaded letters, streamed from the request straight into one temporary folder.

The multipart body is parsed as it arrives (python-multipart's streaming parser), so nothing of
an upload is written anywhere but the request's own folder (`upload_folder`: no spooled copy in
the system's temporary folder), and an upload over a limit is refused as soon as the limit is
crossed, before the rest of it is read. Each refusal is an `UploadError` carrying its HTTP
status and a sentence a person understands:

- 415: not a multipart form, or a file that is not .pdf / .txt;
- 400: no file at all, an empty file, a malformed form;
- 413: more files than `max_files`, a file over `max_file_mb`, a body larger than both allow.

File names are the user's, kept for display only: each file is written as `NNNN/<safe name>`
(its own sub-folder, so two files of one name never meet), the name stripped of any folder
part and control characters.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from python_multipart.multipart import MultipartParser, parse_options_header

from pipeline.config import LETTER_SUFFIXES, SERVE_MAX_FILE_MB, SERVE_MAX_FILES
from pipeline.core.temps import own_prefix, sweep_stale

UPLOAD_PREFIX = "imr-serve-"
MAX_NAME_CHARS = 120
_FIELD_BYTES = 64 * 1024  # a form field that is not a file (ignored) may hold this much
_MAX_FIELDS = 20
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")


class UploadError(Exception):
    """An upload refused: `status` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class UploadLimits:
    max_files: int = SERVE_MAX_FILES
    max_file_mb: float = SERVE_MAX_FILE_MB

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def describe(self) -> str:
        return (f"at most {self.max_files} letters at once, each a .pdf or .txt file of at most "
                f"{self.max_file_mb:g} MB")  # fmt: skip


@dataclass(frozen=True)
class Upload:
    name: str  # the user's file name, made safe: shown, never used as a path
    path: Path  # where it was written, inside the request's temporary folder


def safe_name(raw: str, index: int) -> str:
    """The last part of a client-given file name, without control characters, NUL or slashes,
    at most MAX_NAME_CHARS long (its extension kept); 'letter-N' when nothing is left."""
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("", name).strip()
    undotted = name.lstrip(".")  # no hidden file, no '.' or '..'
    if undotted != name and "." not in undotted:  # '..pdf', '.txt': an extension alone
        undotted = f"letter-{index}.{undotted}" if undotted else ""
    name = undotted
    stem, suffix = os.path.splitext(name)
    if len(name) > MAX_NAME_CHARS:
        name = stem[: MAX_NAME_CHARS - len(suffix)] + suffix
    return name if stem.strip() else f"letter-{index}{suffix}"


@contextmanager
def upload_folder(root: Path | None = None) -> Iterator[Path]:
    """A new temporary folder for one request's files, removed with all it holds on the way out
    (whatever happened). Named by this process, so a server killed mid-request leaves a folder
    the next start removes (`sweep_uploads`)."""
    parent = Path(root) if root is not None else Path(tempfile.gettempdir())
    folder = Path(tempfile.mkdtemp(prefix=own_prefix(UPLOAD_PREFIX), dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_uploads(root: Path | None = None) -> None:
    """Remove upload folders left by a server that was killed (its process is gone)."""
    sweep_stale(Path(root) if root is not None else Path(tempfile.gettempdir()), UPLOAD_PREFIX)


class _Receiver:
    """python-multipart callbacks: file parts go to files in `folder`, checked as they come."""

    def __init__(self, folder: Path, limits: UploadLimits) -> None:
        self.folder = folder
        self.limits = limits
        self.uploads: list[Upload] = []
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._file: IO[bytes] | None = None
        self._written = 0
        self._fields = 0
        self._field_bytes = 0

    def on_part_begin(self) -> None:
        self._disposition = b""
        self._file = None
        self._written = 0
        self._field_bytes = 0

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        if self._header_name.strip().lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"filename" not in options:  # a plain form field: counted, read, ignored
            self._fields += 1
            if self._fields > _MAX_FIELDS:
                raise UploadError(400, "the form holds too many fields")
            return
        index = len(self.uploads) + 1
        if index > self.limits.max_files:
            raise UploadError(413, f"too many files at once: {self.limits.describe()}")
        name = safe_name(options[b"filename"].decode("utf-8", "replace"), index)
        suffix = Path(name).suffix.lower()
        if suffix not in LETTER_SUFFIXES:
            shown = f"a {suffix} file" if suffix else "a file without an extension"
            raise UploadError(415, f"{name}: {shown} is not a letter: give .pdf or .txt files")
        target = self.folder / f"{index:04d}" / name
        target.parent.mkdir()
        self._file = open(target, "xb")  # noqa: SIM115 - closed at the part's end or in close()
        self.uploads.append(Upload(name, target))

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is None:
            self._field_bytes += end - start
            if self._field_bytes > _FIELD_BYTES:
                raise UploadError(400, "a form field is too large")
            return
        self._written += end - start
        if self._written > self.limits.max_file_bytes:
            name, most = self.uploads[-1].name, self.limits.max_file_mb
            raise UploadError(413, f"{name} is larger than {most:g} MB: {self.limits.describe()}")
        self._file.write(data[start:end])

    def on_part_end(self) -> None:
        if self._file is None:
            return
        self._file.close()
        self._file = None
        if self._written == 0:
            raise UploadError(400, f"{self.uploads[-1].name} is empty (0 bytes)")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


async def receive_letters(
    content_type: str | None,
    content_length: str | None,
    body: AsyncIterator[bytes],
    folder: Path,
    limits: UploadLimits,
) -> list[Upload]:
    """The letter files of a multipart/form-data body, written into `folder`; UploadError when
    the upload breaks a rule (the files written so far stay in `folder` for its owner to
    remove)."""
    kind, params = parse_options_header(content_type)
    if kind != b"multipart/form-data":
        raise UploadError(415, "send the letters as multipart/form-data (a form's file field)")
    boundary = params.get(b"boundary")
    if not boundary:
        raise UploadError(400, "the multipart form has no boundary")
    # Refused before reading anything: a body larger than every file at its limit could be.
    ceiling = limits.max_files * (limits.max_file_bytes + 64 * 1024) + 1024 * 1024
    if content_length and content_length.isdigit() and int(content_length) > ceiling:
        raise UploadError(413, f"the upload is too large: {limits.describe()}")
    receiver = _Receiver(folder, limits)
    callbacks = {
        "on_part_begin": receiver.on_part_begin,
        "on_part_data": receiver.on_part_data,
        "on_part_end": receiver.on_part_end,
        "on_header_field": receiver.on_header_field,
        "on_header_value": receiver.on_header_value,
        "on_header_end": receiver.on_header_end,
        "on_headers_finished": receiver.on_headers_finished,
    }
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    try:
        async for chunk in body:
            parser.write(chunk)
        parser.finalize()
    except UploadError:
        raise
    except Exception as error:  # python-multipart's own errors: a malformed body
        if type(error).__module__.split(".")[0] != "python_multipart":
            raise
        raise UploadError(400, f"the form could not be read: {error}") from None
    finally:
        receiver.close()
    if not receiver.uploads:
        raise UploadError(400, "no letter in the upload: choose one or more .pdf or .txt files")
    return receiver.uploads
