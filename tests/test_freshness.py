"""Up to date by content (provenance/freshness.py): the checks `make` runs between stages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.config import PROVENANCE_FILE
from pipeline.provenance.freshness import (
    ERROR,
    STALE,
    UP_TO_DATE,
    NoLettersError,
    find_letters,
    inputs_record,
    letters_fingerprint,
    main,
)


@pytest.fixture
def letters(tmp_path):
    folder = tmp_path / "my letters"
    folder.mkdir()
    for name, text in (("a.txt", "first letter"), ("b.txt", "second letter")):
        (folder / name).write_text(text)
    return folder


def test_the_fingerprint_is_the_letters_contents_only(letters, tmp_path):
    before = letters_fingerprint(find_letters(letters))
    renamed = tmp_path / "elsewhere"
    letters.rename(renamed)
    (renamed / "a.txt").rename(renamed / "z.txt")
    for path in renamed.iterdir():
        os.utime(path, (1, 1))
    assert letters_fingerprint(find_letters(renamed)) == before
    (renamed / "z.txt").write_text("first letter, edited")
    assert letters_fingerprint(find_letters(renamed)) != before


def test_no_letters_is_an_error_that_points_to_make_smoke(tmp_path):
    (tmp_path / "notes.md").write_text("not a letter")
    for given in (tmp_path / "typo", tmp_path):
        with pytest.raises(NoLettersError, match="make smoke"):
            find_letters(given)
    assert main(["letters", str(tmp_path / "typo")]) == ERROR


def test_ingest_is_current_only_for_the_same_letters_and_pipeline(letters, tmp_path):
    interim = tmp_path / "interim"
    interim.mkdir()
    args = ["ingest", str(letters), "--interim", str(interim)]
    assert main(args) == STALE  # nothing made yet
    for name in ("letters.parquet", "items.parquet"):
        (interim / name).write_bytes(b"")
    record = inputs_record(find_letters(letters))
    (interim / PROVENANCE_FILE).write_text(json.dumps({"inputs": ["x"], **record}))
    assert main(args) == UP_TO_DATE
    (interim / PROVENANCE_FILE).write_text(json.dumps({**record, "pipeline_sha256": "0" * 64}))
    assert main(args) == STALE  # made by another version of the code


def test_the_pipeline_hash_covers_the_whole_package_but_its_report_code():
    """The models' staleness key reads every stage's code and rules (a package move once left
    it hashing only its own folder, so a new tagging rule file did not retrain)."""
    import pipeline
    from pipeline.provenance import freshness

    assert Path(pipeline.__file__).resolve().parent == freshness.PACKAGE_DIR
    whole = freshness.pipeline_sha256()
    for stage in ("ingest", "tagging", "features", "modeling"):
        folder = freshness.PACKAGE_DIR / stage
        assert (
            freshness.code_sha256(freshness.PACKAGE_DIR, skip=(*freshness.REPORT_CODE_DIRS, folder))
            != whole
        ), stage
    for folder in freshness.REPORT_CODE_DIRS:
        assert folder.is_dir()
        assert freshness.code_sha256(freshness.PACKAGE_DIR, skip=(folder,)) != whole
    for folder in freshness.APP_CODE_DIRS:  # the web app's code never retrains
        assert folder.is_dir()
        skipped = (*freshness.REPORT_CODE_DIRS, *freshness.APP_CODE_DIRS)
        assert freshness.code_sha256(freshness.PACKAGE_DIR, skip=skipped) == whole
        assert (
            freshness.code_sha256(freshness.PACKAGE_DIR, skip=freshness.REPORT_CODE_DIRS) != whole
        )


def test_the_evaluation_is_stale_when_the_reason_labels_change(tmp_path):
    models, processed, reports = (tmp_path / name for name in ("models", "processed", "reports"))
    for folder in (models, processed, reports):
        folder.mkdir()
    (models / "metadata.json").write_text("{}")
    (reports / "metrics.json").write_text("{}")
    labels = tmp_path / "reasons.jsonl"
    labels.write_text('{"case_number": "CM00-0000001"}\n')
    args = ["--models", str(models), "--processed", str(processed), "--reports", str(reports)]
    with_labels = [*args, "--reasons", str(labels)]
    assert main(["evaluation", *with_labels]) == STALE
    assert main(["evaluated", *with_labels]) == UP_TO_DATE
    assert main(["evaluation", *with_labels]) == UP_TO_DATE
    assert main(["evaluation", *args]) == STALE  # scored with labels, asked without
    labels.write_text('{"case_number": "CM00-0000002"}\n')
    assert main(["evaluation", *with_labels]) == STALE
