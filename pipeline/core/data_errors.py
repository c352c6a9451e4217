"""Which exceptions are a letter's own fault (a reject row or a review flag) and which are a
bug in imr (the run stops with exit status 1 and a log file holding the traceback).

A letter's data may stop its reading: a damaged or hostile PDF (`PdfReadError`, pdfium's
`PdfiumError`, a page over a limit of `pipeline.ingest.pdf_limits`), a .txt that is not text
(`UnreadableTextError`), text that is not an IMR letter (`NotALetterError`), a letter that
exhausts its worker's memory (`MemoryError`), or spaCy's refusal of an over-long text
(`ValueError` "[E088] ..."); ingest also rejects a file it cannot read (`OSError`). Every other
exception (KeyError, TypeError, AttributeError, ...) is a programming error: it is never turned
into an empty field, a `tagger_error` flag or a reject.
"""

from __future__ import annotations

# spaCy's error codes that are about the text given, not about the code: E088, a text longer
# than nlp.max_length.
SPACY_DATA_CODES = ("[E088]",)


class LetterDataError(Exception):
    """One letter's data stops its reading; the message says why, for a person. The readers'
    own errors (`PdfReadError`, `UnreadableTextError`, `NotALetterError`, the page limits)
    derive from it, so this module needs nothing from the stages above it."""


def _pdfium_error() -> type[BaseException]:
    # Imported here: the taggers use `is_data_error` without loading the PDF library.
    import pypdfium2

    return pypdfium2.PdfiumError  # type: ignore[no-any-return]


def is_data_error(error: BaseException) -> bool:
    """True when `error` is a documented data error (see the module's docstring)."""
    if isinstance(error, (LetterDataError, MemoryError, UnicodeDecodeError)):
        return True
    if isinstance(error, ValueError) and str(error).startswith(SPACY_DATA_CODES):
        return True
    return isinstance(error, _pdfium_error())
