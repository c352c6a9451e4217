"""The stamp every report page carries: when it was made, from which inputs, with which models,
and whether its letters are letters the models were trained on.

Figures on training letters look better than they would on new letters (the models have seen
them), so the overlap is said plainly. It is read from what `imr train` recorded in
models/metadata.json: the fingerprint of the letters' contents (`trained_on.letters_sha256`,
the same SHA-256 over sorted file hashes `provenance.freshness.letters_fingerprint` computes),
the held-out case numbers and, for models trained since it was recorded, the development
(fitted) case numbers. Models that record no development cases can only be matched as a whole
folder or by their held-out cases; the note then says what could not be checked.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

DEVELOPMENT, HELD_OUT = "development", "held-out"
# A letter's training status as a person reads it.
STATUS_WORDS = {
    DEVELOPMENT: "a training letter: the models were fitted on it",
    HELD_OUT: "a held-out letter of the training run: used to evaluate the models, not to fit them",
}


@dataclass
class Stamp:
    """What every page says about how the report was made."""

    made_at: str
    inputs: list[str]
    files: int
    models: dict[str, Any] | None = None
    same_letters: bool = False  # the very files the models were trained on
    development_cases: frozenset[str] = frozenset()
    held_out_cases: frozenset[str] = frozenset()
    development_recorded: bool = False
    overlap: dict[str, int] = field(default_factory=dict)  # filled when the run ends

    def status(self, case_number: Any) -> str | None:
        """DEVELOPMENT, HELD_OUT or None (not a training letter, or not known to be one)."""
        case = str(case_number or "")
        if case in self.held_out_cases:
            return HELD_OUT
        if case in self.development_cases or (self.same_letters and case):
            return DEVELOPMENT
        return None

    def overlap_note(self, statuses: Iterable[str | None] | None = None) -> str | None:
        """The sentence about training letters; None when there are no models."""
        if self.models is None:
            return None
        counts = dict(self.overlap)
        if statuses is not None:
            for status in statuses:
                counts[str(status)] = counts.get(str(status), 0) + 1
        development, held = counts.get(DEVELOPMENT, 0), counts.get(HELD_OUT, 0)
        better = (
            "the models' agreement with the stated decisions on them is better than it "
            "would be on new letters"
        )
        if self.same_letters:
            return (
                f"These are the letters the models were trained on (the same files): "
                f"{better}. Held-out letters: {held}."
            )
        if development or held:
            return (
                f"{development + held} of these letters were in the models' training run "
                f"({development} fitted on, {held} held out): on the fitted ones {better}. "
                "Each letter's page says which it is."
            )
        if not self.development_recorded:
            return (
                "No letter is one of the training run's held-out letters; the models' "
                "metadata does not list the letters they were fitted on (models trained "
                "before it was recorded), so overlap with those cannot be checked."
            )
        return "None of these letters is a letter the models were trained on."

    def html(self, note: str | None = None, letter_status: str | None = None) -> str:
        """The stamp block; `letter_status` adds the letter's own training status."""
        inputs = ", ".join(self.inputs)
        bits = [
            f"Made {escape(self.made_at)} from {self.files:,} input file"
            f"{'s' if self.files != 1 else ''} in {escape(inputs)}."
        ]
        if self.models is None:
            bits.append("Outcome models: not used.")
        else:
            m = self.models
            bits.append(
                f"Models {escape(str(m.get('version')))} trained "
                f"{escape(str(m.get('trained_at')))} on {m.get('letters')} letters "
                f"({escape(str(m.get('folder')))})."
            )
        warn = ""
        if letter_status is not None:
            warn = f"This letter is {escape(STATUS_WORDS[letter_status])}."
        elif note and (
            self.same_letters or self.overlap.get(DEVELOPMENT) or self.overlap.get(HELD_OUT)
        ):
            warn = escape(note)
        elif note:
            bits.append(escape(note))
        warning = f'<p class="overlap"><b>Training letters.</b> {warn}</p>' if warn else ""
        return f'<div class="stamp"><p>{" ".join(bits)}</p>{warning}</div>'


def _models(models_dir: Path | None) -> tuple[dict[str, Any] | None, Mapping[str, Any]]:
    if models_dir is None:
        return None, {}
    from pipeline.modeling.artifacts import read_metadata

    metadata = read_metadata(models_dir)
    data = metadata.get("training_data") or {}
    trained_on = data.get("trained_on") or {}
    raw = (Path(models_dir) / "metadata.json").read_bytes()
    version = (trained_on.get("tagged_with") or {}).get("imr_version") or "?"
    return {
        "version": f"imr {version}, id {hashlib.sha256(raw).hexdigest()[:12]}",
        "trained_at": _when(metadata.get("created_at")),
        "letters": trained_on.get("letters", data.get("n_letters")),
        "folder": str(models_dir),
        "smoke_test": bool(metadata.get("smoke_test")),
    }, data


def _when(value: Any) -> str:
    """An ISO timestamp as '2026-12-07 03:36 UTC' (as it is when it does not parse)."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def make_stamp(
    inputs: Sequence[Path], paths: Sequence[Path], models_dir: Path | None, files: int
) -> Stamp:
    """The stamp of a report of the letter files `paths` found under `inputs` (`files` inputs
    in all, rejects included), made with the models in `models_dir`."""
    models, data = _models(models_dir)
    stamp = Stamp(
        made_at=_when(datetime.now(timezone.utc).isoformat(timespec="seconds")),
        inputs=[os.path.abspath(p) for p in inputs],
        files=files,
        models=models,
    )
    if models is None:
        return stamp
    from pipeline.provenance.freshness import LETTERS_KEY, letters_fingerprint

    recorded = (data.get("trained_on") or {}).get(LETTERS_KEY)
    stamp.same_letters = bool(recorded) and letters_fingerprint(paths) == recorded
    stamp.held_out_cases = frozenset(str(c) for c in data.get("held_out_cases") or [])
    development = data.get("development_cases")
    stamp.development_recorded = development is not None
    stamp.development_cases = frozenset(str(c) for c in development or [])
    return stamp


CSS = """
.stamp{font-size:.82em;color:#444;background:#f6f6f8;border:1px solid #e1e1e6;
 padding:4px 10px;margin:4px 0 10px;border-radius:4px}.stamp p{margin:2px 0}
.overlap{color:#7a3b00}
"""
