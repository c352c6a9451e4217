"""The ruling reader on the real letters in ../shared (skipped when absent): every item is read
as its heading states, or the reader abstains and the item is flagged; never a wrong call."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.corpus

# Acceptance: of the 280 items, at least this many ruled (the rest flagged, none wrong).
MIN_RULED = 270


@pytest.fixture(scope="module")
def tagged_items(shared_letters_dir, tmp_path_factory):
    from pipeline.core.io import read_table
    from pipeline.runner.ingest import run_ingest
    from pipeline.tagging import tag_items

    out = tmp_path_factory.mktemp("interim")
    run_ingest([shared_letters_dir], out)
    items, _ = tag_items(read_table(out / "items.parquet"), read_table(out / "letters.parquet"))
    return items.reset_index(drop=True)


def test_every_ruling_agrees_with_the_heading_or_the_reader_abstains_flagged(tagged_items):
    ruled, abstained, wrong = 0, [], []
    for item in tagged_items.itertuples():
        ruling = item.ruling
        if ruling["decision"] is None:
            abstained.append((item.case_number, item.issue_index, ruling["review"]))
            assert ruling["review"] in item.review_tags  # flagged
        elif ruling["decision"] != item.decision:
            wrong.append((item.case_number, item.issue_index, ruling["sentence"]))
        else:
            ruled += 1
    print(f"ruling reader: {ruled} ruled, {len(abstained)} abstained, {len(wrong)} wrong")
    assert not wrong, wrong[:5]
    assert ruled >= MIN_RULED, abstained[:10]


def test_the_ruling_sentence_is_the_rationales_own_text(tagged_items):
    for item in tagged_items.itertuples():
        ruling = item.ruling
        if ruling["sentence"] is not None:
            span = item.rationale[ruling["start_char"] : ruling["end_char"]]
            assert span == ruling["sentence"], (item.case_number, item.issue_index)
