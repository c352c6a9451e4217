"""The record's JSON Schema, committed as docs/item_record.schema.json (`imr schema` writes it;
a test checks the committed file is current)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.record.model import Item, Letter

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "item_record.schema.json"


def json_schema() -> dict[str, Any]:
    """The item and letter records' JSON Schema (pydantic's, as the models validate)."""
    item = Item.model_json_schema(mode="validation")
    letter = Letter.model_json_schema(mode="validation")
    definitions = {**item.pop("$defs", {}), **letter.pop("$defs", {})}
    definitions["Letter"] = letter
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "IMR item record",
        "description": (
            "One disputed item of a California IMR letter, as the tag stage builds it and "
            "predict completes it (pipeline.record). The JSONL rows of `imr extract` / "
            "`imr predict` are a view of it: the fields in INTERNAL are left out, `review` is "
            "written as a list of codes and the visit-cap verdict also as `guideline_limit` / "
            "`exceeds_guideline_limit`."
        ),
        **item,
        "$defs": dict(sorted(definitions.items())),
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path = SCHEMA_FILE) -> Path:
    path.write_text(schema_text(), encoding="utf-8")
    return path


if __name__ == "__main__":  # python -m pipeline.record.schema: rewrite the committed schema
    print(write_schema())
