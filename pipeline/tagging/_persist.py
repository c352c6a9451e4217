"""Rules that travel with their component, as spaCy's SpanRuler saves its patterns.

A component's rules are files (its config names them). `nlp.to_disk` writes a copy of each
into the component's folder of the saved pipeline, and `spacy.load` builds the component's
rules from that folder, not from the installed package: a saved pipeline tags as it did when
it was saved. Built with `spacy.blank` + `add_pipe`, a component reads the package's files
(on first use, or when `load_rule_files()` is called, as `build_nlp` does).

The number words (`numbers.json`) are shared by every number reader and always come from the
package; `imr predict` refuses models trained while any shipped rule file read differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.rules.files import read_text


class RuleFiles:
    """Mixin: `rules` built from `rule_files` (by `_build`), saved and loaded with the
    component (`to_disk` / `from_disk`, and `to_bytes` / `from_bytes`)."""

    name: str
    rule_files: tuple[str, ...] = ()
    _rules: Any = None
    _texts: dict[str, str] | None = None  # the files the rules were built from

    def _build(self, folder: Path | None) -> Any:
        """The compiled rules, read from `folder` (None: the package)."""
        raise NotImplementedError

    @property
    def rules(self) -> Any:
        if self._rules is None:
            self.load_rule_files()
        return self._rules

    def load_rule_files(self, folder: Path | None = None) -> RuleFiles:
        """(Re)build the rules from `folder` (None: the package) now."""
        self._rules = self._build(folder)
        self._texts = {Path(name).name: read_text(name, folder) for name in self.rule_files}
        return self

    def rule_texts(self) -> dict[str, str]:
        """File name -> text of every rule file the component uses (read as they were built)."""
        if self._texts is None:
            self.load_rule_files()
        return dict(self._texts or {})

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, text in self.rule_texts().items():
            (path / name).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleFiles:
        return self.load_rule_files(Path(path))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        import srsly

        return srsly.msgpack_dumps(self.rule_texts())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RuleFiles:
        import tempfile

        import srsly

        # Rules are built from files (one loader, one schema check): write them out first.
        with tempfile.TemporaryDirectory(prefix="imr-rules-") as folder:
            for name, text in srsly.msgpack_loads(data).items():
                Path(folder, Path(name).name).write_text(text, encoding="utf-8")
            return self.load_rule_files(Path(folder))
