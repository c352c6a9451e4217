"""The visit-cap check on the real letters in ../shared (skipped when absent): through the whole
chain (ingest, the limit tagger's conditions, the engine's record), no item is held against a
limit for a condition its request and case summary do not name, nor a limit for another body
part than its request's; and the letters do hold such limits (the check has work to do)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.ingest.batch import discover, letters_and_items, parse_file
from pipeline.runner.engine import item_records, tag_parsed
from pipeline.tagging import build_nlp
from pipeline.tagging.visit_cap import cap_rules, item_case

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def records_and_cases(shared_letters_dir: Path) -> list[tuple[Any, Any]]:
    results = [parse_file(p) for p in discover([shared_letters_dir])[0]]
    letters, items, _ = letters_and_items(results)
    items, letters = tag_parsed(items, letters, build_nlp())
    by_case = {x["case_number"]: x for x in letters}
    records = item_records(items, letters)
    return [
        (r, item_case(i, by_case.get(i["case_number"])))
        for r, i in zip(records, items, strict=True)
    ]


def test_held_limits_fit_the_case(records_and_cases) -> None:
    general = {c.name for c in cap_rules().conditions if c.general}
    left_out = held = 0
    for record, case in records_and_cases:
        specific = [x for x in record.guideline_limits if x.condition not in (None, *general)]
        left_out += sum(x.condition not in case.conditions for x in specific)
        limit = record.visit_cap.limit
        if limit is None:
            continue
        held += 1
        condition = limit.condition
        assert condition in (None, *general) or condition in case.conditions, record.case_number
        parts = set(limit.body_parts)
        assert not (parts and case.body_parts) or parts & case.body_parts, record.case_number
        assert record.visit_cap.note, record.case_number
    # CRPS, arthritis, post-injection limits quoted in cases that name none of them
    assert left_out >= 5 and held >= 30, (left_out, held)


def test_a_crps_limit_is_never_held_in_a_lumbar_case_without_crps(records_and_cases) -> None:
    lumbar = [
        (record, case)
        for record, case in records_and_cases
        if "lumbar" in case.request_body_parts
        and "crps" not in case.conditions
        and any(x.condition == "crps" for x in record.guideline_limits)
    ]
    assert lumbar, "the letters hold a lumbar request whose rationale quotes a CRPS limit"
    for record, _ in lumbar:
        limit = record.visit_cap.limit
        assert limit is None or limit.condition != "crps", record.case_number
