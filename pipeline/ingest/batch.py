"""Ingest many letter files: find them, parse each (in parallel), and account for every one.

Every input ends as parsed letters or as a reject row (file, stage, reason); nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import LETTER_SUFFIXES
from pipeline.ingest.letter import NotALetterError, ParsedLetter, parse_letter, split_letters
from pipeline.ingest.pdf import PdfReadError
from pipeline.ingest.sources import UnreadableTextError, read_paragraphs

REJECT_COLUMNS = ["file", "stage", "reason"]
PROBLEM_COLUMNS = ["file", "case_number", "problem"]


@dataclass(frozen=True, slots=True)
class Reject:
    file: str
    stage: str
    reason: str


@dataclass
class FileResult:
    """What one input file gave: its letters, or the reason it gave none."""

    path: str
    letters: list[ParsedLetter] = field(default_factory=list)
    reject: Reject | None = None


def discover(inputs: Sequence[Path]) -> tuple[list[Path], list[Reject]]:
    """Letter files under the inputs (files or folders, recursively), sorted; inputs that cannot
    be looked at become rejects instead of vanishing."""
    found: list[Path] = []
    rejects: list[Reject] = []
    for root in inputs:
        root = Path(root)
        if root.is_file():
            found.append(root)
            continue
        if not root.exists():
            rejects.append(Reject(str(root), "discover", "no such file or folder"))
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in LETTER_SUFFIXES or path.name.startswith("."):
                continue
            if path.is_symlink() and not path.exists():
                rejects.append(Reject(str(path), "discover", "broken symbolic link"))
            elif path.is_file():
                found.append(path)
            elif not path.is_dir():
                rejects.append(Reject(str(path), "discover", "not a regular file (fifo/device)"))
    return found, rejects


def parse_file(path: Path) -> FileResult:
    """Parse one file; any failure becomes a one-line reason a person understands."""
    result = FileResult(path=str(path))
    try:
        paragraphs = read_paragraphs(path)
    except PdfReadError as error:
        result.reject = Reject(str(path), "read", str(error))
        return result
    except UnreadableTextError as error:
        result.reject = Reject(str(path), "read", str(error))
        return result
    except OSError as error:
        result.reject = Reject(str(path), "read", f"cannot read the file: {error.strerror}")
        return result
    except Exception as error:  # one bad file must never stop the run
        result.reject = Reject(str(path), "read", f"unexpected {type(error).__name__}: {error}")
        return result
    if not paragraphs:
        result.reject = Reject(str(path), "read", "empty file: no text")
        return result
    chunks = split_letters(paragraphs)
    for number, chunk in enumerate(chunks, start=1):
        stem = path.stem if number == 1 else f"{path.stem}-{number}"
        try:
            result.letters.append(parse_letter(chunk, path.name, stem))
        except NotALetterError as error:
            if len(chunks) == 1:
                result.reject = Reject(str(path), "parse", str(error))
            else:
                result.reject = Reject(
                    str(path), "parse", f"letter {number} of {len(chunks)}: {error}"
                )
    return result


def parse_files(paths: Sequence[Path], n_jobs: int = -1) -> Iterator[FileResult]:
    """Results in input order; in worker processes when there are enough files to pay for them."""
    if n_jobs == 1 or len(paths) < 200:
        yield from map(parse_file, paths)
        return
    from joblib import Parallel, delayed

    parallel = Parallel(n_jobs=n_jobs, return_as="generator", batch_size=32)
    yield from parallel(delayed(parse_file)(path) for path in paths)


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
