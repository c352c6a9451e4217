"""Progress bars and one-line messages for long runs (rich, on stderr)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from pipeline.core.display_names import counted

err = Console(stderr=True, soft_wrap=True)


class OcrPagesColumn(ProgressColumn):
    """Pages OCRed since the bar started, by every worker, page by page as they are read
    (a count in shared memory, see ocr.pages_read); empty while no page needed OCR. A scan
    takes seconds a page where a text letter takes milliseconds, so the files count alone
    would stand still."""

    def __init__(self, pages_read: Callable[[], int]) -> None:
        self._pages_read = pages_read
        self._start = pages_read()
        super().__init__()

    def render(self, task: object) -> Text:
        pages = self._pages_read() - self._start
        return Text(f"OCR {counted(pages, 'page')}" if pages else "", style="cyan")


@contextlib.contextmanager
def progress_bar(
    description: str, ocr_pages: Callable[[], int] | None = None
) -> Iterator[Progress]:
    """A bar of files done, with elapsed time and ETA; `ocr_pages` (e.g. ingest.ocr.pages_read)
    adds a column of pages OCRed meanwhile."""
    columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn()]
    if ocr_pages is not None:
        columns.append(OcrPagesColumn(ocr_pages))
    progress = Progress(
        *columns,
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )
    with progress:
        yield progress
