"""The tag stage: ingest's tables -> tagged tables in data/processed (nested values as JSON).

The items table is a view of the item records (`pipeline.record.views.table_row`): every field
of the record, its tagged spans and visit-cap verdict included, so training reads the facts the
tag stage derived instead of deriving them again."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.config import PROVENANCE_FILE
from pipeline.core import io

ITEM_JSON_COLUMNS = (
    "frequency", "claims_admin_guideline", "maximus_guideline", "guideline_limits",
    "rationale_treatments", "review_tags", "review", "prior_treatments", "visit_cap",
    "guideline_limit", "reasons", "prediction", "spans", "ruling",
    "reason_sentences",
)  # fmt: skip
LETTER_JSON_COLUMNS = ("prior_treatments", "summary_spans")


class NothingToTagError(ValueError):
    """The input folder holds no ingested letter: nothing is written."""


def ingested_letters(interim_dir: Path) -> int:
    """The letters in ingest's tables; NothingToTagError when they are missing or empty."""
    import pyarrow.parquet as pq

    for name in ("letters.parquet", "items.parquet"):
        if not (interim_dir / name).is_file():
            raise NothingToTagError(f"{interim_dir / name} is missing (run `imr ingest` first)")
    letters = pq.ParquetFile(interim_dir / "letters.parquet").metadata.num_rows
    if not letters:
        raise NothingToTagError(f"{interim_dir / 'letters.parquet'} holds no letter")
    return letters


def run_tag(interim_dir: Path, processed_dir: Path, nlp_dir: Path | None = None) -> tuple[int, int]:
    """Tag every item and letter; optionally save the assembled spaCy pipeline to `nlp_dir`."""
    from pipeline.provenance import TAGGED_WITH, tagging_record
    from pipeline.tagging import build_nlp, save_nlp, tag_items

    ingested_letters(interim_dir)  # nothing to tag: nothing written
    # ingest's record of the letters, and the tagging pipeline's (rule files as read now)
    provenance = {**(read_provenance(interim_dir) or {}), TAGGED_WITH: tagging_record()}
    items = io.read_table(interim_dir / "items.parquet")
    letters = io.read_table(interim_dir / "letters.parquet")
    nlp = build_nlp()
    items, letters = tag_items(items, letters, nlp=nlp)
    items["quantity"] = items["quantity"].astype("Int64")
    items["category_probability"] = items["category_probability"].astype("Float64")
    with io.owned_dir(processed_dir) as folder:
        io.write_table(items, folder / "items.parquet", ITEM_JSON_COLUMNS)
        io.write_table(letters, folder / "letters.parquet", LETTER_JSON_COLUMNS)
        io.dump_json(provenance, folder / PROVENANCE_FILE)
    if nlp_dir is not None:
        with io.owned_dir(nlp_dir) as temporary:
            save_nlp(temporary, nlp)
    return len(items), len(letters)


def read_provenance(processed_dir: Path) -> dict | None:
    """Ingest's record of the letters these tables came from, and tag's of the tagging pipeline
    ("tagged_with", `pipeline.provenance`); None for older folders."""
    path = processed_dir / PROVENANCE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def read_tagged(processed_dir: Path):
    """The tagged items and letters tables, nested values decoded."""
    return (
        io.read_table(processed_dir / "items.parquet"),
        io.read_table(processed_dir / "letters.parquet"),
    )
