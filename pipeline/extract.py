"""Ingested (and tagged) items -> records with the answer key's field names."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.ingest.stage import IngestOutcome

GOLD_FIELDS = ["case_number", "issue_index", "request_text", "disputed_item", "decision"]


def item_records(outcome: IngestOutcome) -> Iterator[dict]:
    for item in outcome.items.to_dict(orient="records"):
        record = {name: item[name] for name in GOLD_FIELDS}
        record["claims_admin_guideline"] = {"text": item["claims_admin_guideline_text"]}
        record["maximus_guideline"] = {"text": item["maximus_guideline_text"]}
        record["rationale"] = item["rationale"]
        record["source_file"] = item["source_file"]
        yield record
