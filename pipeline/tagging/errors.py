"""Component failures go through spaCy's error handler.

spaCy hands an exception raised by a pipeline component to an *error handler*, a callable
`handler(name, component, docs, exception)`: `nlp.set_error_handler(handler)` sets it on every
component that has `set_error_handler`, and `nlp.pipe` asks each component for its own with
`get_error_handler()`. spaCy's `raise_error` re-raises; a handler that returns makes `nlp.pipe`
drop the doc.

Every IMR component is an `ErrorHandling` whose `__call__` is `guarded`: an exception goes to the
component's error handler and, when the handler returns, the doc passes on with that
component's tags unset, so `nlp.pipe` still yields one doc per text (items stay aligned with
their tags). The default handler, `record_error`, logs a warning (logger "pipeline.tagging") and
notes the component in `Doc._.tagger_errors`, which makes the item's review reason
`tagger_error`: one bad text neither takes a batch down nor goes unnoticed.
`nlp.set_error_handler(spacy.util.raise_error)` makes every failure raise instead.

Only documented data errors (`pipeline.core.data_errors.is_data_error`: a `LetterDataError`, a
MemoryError, spaCy's E088 for a too-long text) reach the handler; any other exception (a
KeyError, a TypeError: a bug in a tagger) propagates and stops the run, never an empty tag.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc

from pipeline.core.data_errors import is_data_error
from pipeline.tagging._resources import doc_text, record_failure

ErrorHandler = Callable[[str, Any, Sequence[Doc], Exception], Any]


def record_error(name: str, component: Any, docs: Sequence[Doc], error: Exception) -> None:
    """The default error handler: log a warning and flag each doc (`Doc._.tagger_errors`)."""
    for doc in docs:
        record_failure(name, doc_text(doc), error, doc=doc)


class ErrorHandling:
    """spaCy's error-handler protocol for a component (`set_error_handler` /
    `get_error_handler`, as spaCy's own pipes have); `record_error` until one is set."""

    _error_handler: ErrorHandler | None = None

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler or record_error

    def handle_error(self, doc: Doc, error: Exception) -> None:
        """Give one doc's data error to the component's error handler (which may raise); any
        other exception is a bug and is raised again."""
        if not is_data_error(error):
            raise error
        self.get_error_handler()(getattr(self, "name", type(self).__name__), self, [doc], error)


def guarded(call: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
    """Decorate an `ErrorHandling` component's `__call__`: a data error goes to the
    component's error handler; if that returns, the doc passes on, this component's tags unset.
    Any other exception is a bug and propagates."""

    @functools.wraps(call)
    def run(self: ErrorHandling, doc: Doc) -> Doc:
        try:
            return call(self, doc)
        except Exception as error:  # noqa: BLE001 - a bug is raised again by handle_error
            self.handle_error(doc, error)
            return doc

    return run
