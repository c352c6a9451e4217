"""Ingest many letter files: find them, parse each, and account for every one.

Every input ends as parsed letters or as a reject row (file, stage, reason); nothing is dropped:
every file found in an input folder is read (.pdf/.txt) or listed as a reject naming its kind
(hidden files, whose names start with a dot, are skipped). One file's failure, overrun of its
time budget (IMR_FILE_SECONDS) or over-long text (IMR_LETTER_MAX_CHARS) is that file's reject.
Only documented data errors (`pipeline.core.data_errors`) and unreadable files (OSError) become
rejects: any other exception is a bug in imr and stops the run. The runner parses the files
(`runner.ingest`), always in at least one capped worker process (`runner.workers`);
`parse_chunk` is its work on one chunk and `parse_plan` how the files are best cut up.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import LETTER_SUFFIXES, limit
from pipeline.core.budget import FileTimeout, mark, time_budget, timeout_reason
from pipeline.core.data_errors import LetterDataError, is_data_error
from pipeline.core.safe import shown_name, without_nul
from pipeline.ingest.letter import NotALetterError, ParsedLetter, parse_letter, split_letters
from pipeline.ingest.pdf import PdfReadError
from pipeline.ingest.sources import UnreadableTextError, magic_kind, read_source

REJECT_COLUMNS = ["file", "stage", "reason"]
DUPLICATE = "duplicate"  # the stage of a reject that is a copy of a file read under another name
PROBLEM_COLUMNS = ["file", "case_number", "problem"]


@dataclass(frozen=True, slots=True)
class Reject:
    file: str
    stage: str
    reason: str


def split_copies(rejects: Iterable[Reject]) -> tuple[int, int]:
    """(files rejected, copies of a file read once): a copy is listed, but is no failure."""
    rejects = list(rejects)
    copies = sum(1 for r in rejects if r.stage == DUPLICATE)
    return len(rejects) - copies, copies


def accounted(inputs: int, parsed: int, rejects: Iterable[Reject]) -> str:
    """'inputs N = parsed P + rejected R [+ duplicate D]'."""
    rejected, copies = split_copies(rejects)
    line = f"inputs {inputs} = parsed {parsed} + rejected {rejected}"
    return line + (f" + duplicate {copies}" if copies else "")


@dataclass
class FileResult:
    """What one input file gave: its letters, or the reason it gave none."""

    path: str
    letters: list[ParsedLetter] = field(default_factory=list)
    reject: Reject | None = None


def discover(inputs: Sequence[Path]) -> tuple[list[Path], list[Reject]]:
    """Letter files under the inputs (files or folders, walked without a depth limit, each
    symbolic link to a folder followed once), sorted; everything else found becomes a reject
    instead of vanishing."""
    found: list[Path] = []
    rejects: list[Reject] = []
    for root in inputs:
        root = Path(root)
        try:
            mode = root.stat().st_mode
        except FileNotFoundError:
            reason = "broken symbolic link" if root.is_symlink() else "no such file or folder"
            rejects.append(Reject(shown_name(str(root)), "discover", reason))
            continue
        except OSError as error:
            rejects.append(_reject(root, f"cannot look at it: {error.strerror}"))
            continue
        if stat.S_ISDIR(mode):
            _walk(root, found, rejects)
        elif stat.S_ISREG(mode):
            # Named directly: any text file is read as a letter, whatever its name; a .docx or
            # an image is named by its real kind, as it is in a folder.
            kind = None if root.suffix.lower() in LETTER_SUFFIXES else _file_kind(root)
            if kind in (None, "text"):
                found.append(root)
            else:
                rejects.append(_reject(root, _not_a_letter_format(root, kind)))
        else:
            rejects.append(_reject(root, "not a regular file (fifo/device/socket)"))
    return _without_copies(found, rejects)


def _without_copies(found: list[Path], rejects: list[Reject]) -> tuple[list[Path], list[Reject]]:
    """Each letter file read once: a file with the same bytes (SHA-256) as one found before it
    (the same letter given twice, a link to it, a copy in another folder) becomes a 'duplicate'
    reject naming the file that is read, so it is listed, not counted twice."""
    from pipeline.core.io import file_sha256

    first: dict[str, Path] = {}
    kept: list[Path] = []
    for path in found:
        try:
            if path.stat().st_size == 0:  # every empty file is rejected as such, not as a copy
                kept.append(path)
                continue
            digest = file_sha256(path)
        except OSError:
            kept.append(path)  # reading it fails again later, as that file's own reject
            continue
        if digest in first:
            same = shown_name(str(first[digest]))
            rejects.append(_reject(path, f"same content as {same}: read once", DUPLICATE))
        else:
            first[digest] = path
            kept.append(path)
    return kept, rejects


def _reject(path: Path, reason: str, stage: str = "discover") -> Reject:
    return Reject(shown_name(str(path)), stage, reason)


def _walk(root: Path, found: list[Path], rejects: list[Reject]) -> None:
    """Every file below `root`, depth first with an explicit stack (no recursion limit; Python
    3.11's os.walk recurses), following each symbolic link to a folder once."""
    seen: set[tuple[int, int]] = set()
    files: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:  # a link back to a folder already walked
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as error:
            rejects.append(_reject(folder, f"cannot list the folder: {error.strerror}"))
            continue
        subfolders = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()  # follows a symbolic link
            except OSError:
                is_folder = False
            (subfolders if is_folder else files).append(Path(entry.path))
        stack.extend(reversed(subfolders))
    for path in sorted(files):
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            rejects.append(_reject(path, "broken symbolic link"))
            continue
        except OSError as error:
            rejects.append(_reject(path, f"cannot look at it: {error.strerror}"))
            continue
        if not stat.S_ISREG(mode):
            rejects.append(_reject(path, "not a regular file (fifo/device/socket)"))
        elif path.suffix.lower() in LETTER_SUFFIXES:
            found.append(path)
        else:
            rejects.append(_reject(path, _not_a_letter_format(path, _file_kind(path))))


def _file_kind(path: Path) -> str | None:
    """What the first bytes say the file is ("a JPEG image", "text"), or None (empty,
    unreadable, or binary of no known kind)."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return None
    kind = magic_kind(head)
    if kind is not None:
        return kind
    return "text" if head and b"\x00" not in head else None


def _not_a_letter_format(path: Path, kind: str | None) -> str:
    suffix = path.suffix.lower() or "no extension"
    described = f"{suffix}, {kind}" if kind else suffix
    return f"not a letter format ({described}): convert to PDF or text"


def parse_file(path: Path) -> FileResult:
    """Parse one file; any failure becomes a one-line reason a person understands. Runs within
    IMR_FILE_SECONDS; a letter longer than IMR_LETTER_MAX_CHARS is rejected before tagging."""
    seconds = limit("IMR_FILE_SECONDS")
    mark([path], seconds)
    try:
        with time_budget(seconds):
            return _parse_file(path)
    except FileTimeout:
        return FileResult(path=shown_name(str(path)), reject=_reject(path, timeout_reason(seconds),
                                                                     "parse"))  # fmt: skip
    except MemoryError:
        return FileResult(
            path=shown_name(str(path)),
            reject=_reject(path, "ran out of memory (IMR_WORKER_MEMORY_MB)", "parse"),
        )


def _parse_file(path: Path) -> FileResult:
    name = shown_name(str(path))
    result = FileResult(path=name)
    try:
        paragraphs, file_problems = read_source(path)
    except OSError as error:
        result.reject = Reject(name, "read", f"cannot read the file: {error.strerror or error}")
        return result
    except Exception as error:
        if not is_data_error(error):
            raise
        result.reject = Reject(name, "read", _data_reason(error))
        return result
    if not paragraphs:
        result.reject = Reject(name, "read", "empty file: no text")
        return result
    chunks = split_letters(paragraphs)
    most = limit("IMR_LETTER_MAX_CHARS")
    file_name, stem = shown_name(path.name), shown_name(path.stem)
    for number, chunk in enumerate(chunks, start=1):
        which = "" if len(chunks) == 1 else f"letter {number} of {len(chunks)}: "
        characters = sum(len(paragraph.text) for paragraph in chunk)
        if characters > most:
            result.reject = Reject(
                name, "parse", f"{which}too long: {characters:,} characters (the limit is "
                f"{most:,.0f}; a letter has 10-40 thousand; IMR_LETTER_MAX_CHARS)"
            )  # fmt: skip
            continue
        letter_stem = stem if number == 1 else f"{stem}-{number}"
        try:
            parsed = parse_letter(chunk, file_name, letter_stem)
        except NotALetterError as error:
            result.reject = Reject(name, "parse", "; ".join([f"{which}{error}", *file_problems]))
            continue
        except Exception as error:
            if not is_data_error(error):
                raise
            result.reject = Reject(name, "parse", f"{which}{_data_reason(error)}")
            continue
        parsed.problems[:0] = file_problems
        result.letters.append(_clean(parsed))
    return result


def _data_reason(error: Exception) -> str:
    """A data error's one-line reason: its own message, or what the PDF library said."""
    if isinstance(error, (PdfReadError, UnreadableTextError, LetterDataError)):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _clean(parsed: ParsedLetter) -> ParsedLetter:
    """NUL characters removed from every text value (they end CSV cells and C strings)."""
    for row in (parsed.letter, *parsed.items):
        for key, value in row.items():
            if isinstance(value, str) and "\x00" in value:
                row[key] = without_nul(value)
    parsed.problems[:] = [without_nul(p) for p in parsed.problems]
    return parsed


@dataclass
class ParsedFiles:
    """A chunk of parsed files, in input order (the chunk result of ingest's runner stage)."""

    results: list[FileResult] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.results)


def parse_chunk(paths: list[Path]) -> ParsedFiles:
    """Parse one chunk of files (runs inside a worker), each within its own budget."""
    return ParsedFiles([parse_file(path) for path in paths])


def merge_parsed(parts: list[ParsedFiles]) -> ParsedFiles:
    return ParsedFiles([result for part in parts for result in part.results])


def failed_parse(path: Path, reason: str) -> ParsedFiles:
    """The result of a file whose worker died on it twice."""
    return ParsedFiles(
        [FileResult(path=shown_name(str(path)), reject=_reject(path, reason, "read"))]
    )


# A text-layer letter is ~30 kB and parses in milliseconds; a scanned one is ~150 kB a page
# and takes seconds of OCR a page, so a few large files already pay for the worker pool.
MIN_FILES_FOR_WORKERS = 200
SCAN_SIZED_BYTES = 100_000
PARSE_CHUNK_FILES = 32


def _mean_bytes(paths: Sequence[Path]) -> float:
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    return sum(sizes) / max(len(sizes), 1)


def parse_plan(paths: Sequence[Path], n_jobs: int = -1) -> tuple[int, bool]:
    """(files per chunk, whether more than one worker pays) for parsing `paths`: one worker
    for a few small files or `n_jobs` 1; more when there is enough work to pay for them: many
    files, or a few scan-sized ones (OCR), then one file a chunk."""
    scans = n_jobs != 1 and len(paths) > 1 and _mean_bytes(paths) >= SCAN_SIZED_BYTES
    parallel = n_jobs != 1 and (scans or len(paths) >= MIN_FILES_FOR_WORKERS)
    return (1 if scans else PARSE_CHUNK_FILES), parallel


def letters_and_items(results: Iterable[FileResult]) -> tuple[list[dict], list[dict], list[dict]]:
    """Flatten results into letter rows, item rows and partial-problem rows."""
    letters: list[dict] = []
    items: list[dict] = []
    problems: list[dict] = []
    for result in results:
        for parsed in result.letters:
            letters.append(parsed.letter)
            items.extend(parsed.items)
            problems.extend(
                {"file": result.path, "case_number": parsed.letter["case_number"], "problem": p}
                for p in parsed.problems
            )
    return letters, items, problems
