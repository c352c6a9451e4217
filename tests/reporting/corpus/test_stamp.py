"""The stamp's note on training letters, from a made-up models/metadata.json: the very files
the models were trained on, some held-out or fitted letters, none, or not checkable."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.ingest.batch import discover
from pipeline.provenance.freshness import letters_fingerprint
from pipeline.reporting.corpus.stamp import DEVELOPMENT, HELD_OUT, make_stamp
from tests import paths


def _models(tmp_path: Path, **training: object) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    metadata = {
        "created_at": "2026-12-01T10:00:00+00:00",
        "smoke_test": False,
        "training_data": {
            "n_letters": 98,
            "held_out_cases": [],
            **training,
            "trained_on": {
                "letters": 130,
                "letters_sha256": "0" * 64,
                **training.pop("trained_on", {}),
            },
        },  # type: ignore[dict-item]
    }
    (folder / "metadata.json").write_text(json.dumps(metadata))
    return folder


def _letters() -> list[Path]:
    return discover([paths.FIXTURE_LETTERS_DIR])[0]


def test_the_same_letters_as_training(tmp_path: Path) -> None:
    letters = _letters()
    models = _models(
        tmp_path,
        trained_on={"letters_sha256": letters_fingerprint(letters)},
        held_out_cases=["FAKE-0000002"],
    )
    stamp = make_stamp([paths.FIXTURE_LETTERS_DIR], letters, models, len(letters))
    assert stamp.same_letters
    assert stamp.status("FAKE-0000001") == DEVELOPMENT and stamp.status("FAKE-0000002") == HELD_OUT
    note = stamp.overlap_note()
    assert note is not None and note.startswith("These are the letters the models were trained on")
    html = stamp.html(note)
    assert "Training letters." in html and "trained 2026-12-01 10:00 UTC" in html
    assert "a training letter" in stamp.html(note, stamp.status("FAKE-0000001"))


def test_some_letters_in_the_training_run(tmp_path: Path) -> None:
    letters = _letters()
    models = _models(tmp_path, held_out_cases=["FAKE-0000002"], development_cases=["FAKE-0000001"])
    stamp = make_stamp([paths.FIXTURE_LETTERS_DIR], letters, models, len(letters))
    assert not stamp.same_letters
    statuses = [stamp.status(c) for c in ("FAKE-0000001", "FAKE-0000002", "FAKE-0000003")]
    assert statuses == [DEVELOPMENT, HELD_OUT, None]
    note = stamp.overlap_note(statuses)
    assert note is not None and note.startswith("2 of these letters were in the models' training")
    assert "(1 fitted on, 1 held out)" in note


def test_no_overlap(tmp_path: Path) -> None:
    letters = _letters()
    models = _models(tmp_path, development_cases=["CM99-0000001"])
    stamp = make_stamp([paths.FIXTURE_LETTERS_DIR], letters, models, len(letters))
    assert stamp.overlap_note([None] * 4) == (
        "None of these letters is a letter the models were trained on."
    )
    assert "Training letters." not in stamp.html(stamp.overlap_note([None] * 4))


def test_older_models_say_what_cannot_be_checked(tmp_path: Path) -> None:
    letters = _letters()
    stamp = make_stamp([paths.FIXTURE_LETTERS_DIR], letters, _models(tmp_path), len(letters))
    note = stamp.overlap_note([None] * 4)
    assert note is not None and "cannot be checked" in note


def test_without_models_there_is_no_note() -> None:
    letters = _letters()
    stamp = make_stamp([paths.FIXTURE_LETTERS_DIR], letters, None, len(letters))
    assert stamp.overlap_note() is None
    assert "Outcome models: not used." in stamp.html()
    assert f"from {len(letters)} input files in {paths.FIXTURE_LETTERS_DIR}" in stamp.html()
