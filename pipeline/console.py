"""Progress bars and one-line messages for long runs (rich, on stderr)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

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

from pipeline.labels import counted

err = Console(stderr=True, soft_wrap=True)


class OcrPagesColumn(ProgressColumn):
    """Pages OCRed since the bar started, by every worker, page by page as they are read
    (a count in shared memory, see ocr.pages_read); empty while no page needed OCR. A scan
    takes seconds a page where a text letter takes milliseconds, so the files count alone
    would stand still."""

    def __init__(self) -> None:
        from pipeline.ingest.ocr import pages_read

        self._pages_read = pages_read
        self._start = pages_read()
        super().__init__()

    def render(self, task: object) -> Text:
        pages = self._pages_read() - self._start
        return Text(f"OCR {counted(pages, 'page')}" if pages else "", style="cyan")


@contextlib.contextmanager
def progress_bar(description: str) -> Iterator[Progress]:
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        OcrPagesColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )
    with progress:
        yield progress
