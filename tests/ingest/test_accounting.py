"""The one accounting of a run (`pipeline.ingest.accounting`): ingest's summary and the
runner's share the count line, and both flag a case number two letters share with one check
(made-up case numbers and file names)."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.ingest.accounting import CaseNumbers, RunCounts
from pipeline.ingest.batch import DUPLICATE, Reject
from pipeline.ingest.stage import IngestSummary
from pipeline.runner.accounting import StreamSummary


def test_both_summaries_are_one_accounting():
    assert issubclass(IngestSummary, RunCounts) and issubclass(StreamSummary, RunCounts)
    rejects = [Reject("a.pdf", "parse", "bad"), Reject("b.pdf", DUPLICATE, "same content")]
    stream = StreamSummary(inputs=4, parsed=2, items=3, rejects=rejects)
    ingest = IngestSummary(inputs=4, parsed=2, letters=2, items=3, rejects=rejects)
    assert stream.rejected == ingest.rejected == 1  # a copy is listed, not a failure
    head = "inputs 4 = parsed 2 + rejected 1 + duplicate 1"
    assert stream.count_line() == f"{head} (3 items, 0 partial problems)"
    assert ingest.count_line() == f"{head} (2 letters, 3 items, 0 partial problems)"


def test_a_case_number_of_an_earlier_letter_is_flagged_once_per_letter():
    cases = CaseNumbers()
    assert cases.problem("FAKE-1", ("a/x.txt", 0), "a/x.txt") is None  # the first
    assert cases.problem("FAKE-1", ("a/x.txt", 0), "a/x.txt") is None  # the same letter
    assert cases.problem(None, ("c.txt", 0), "c.txt") is None  # no case number read
    second = cases.problem("FAKE-1", ("b/x.txt", 0), "b/x.txt")
    assert second is not None and second["file"] == "b/x.txt"
    assert second["problem"].startswith("duplicate_case_number: FAKE-1")
    assert "(a/x.txt)" in second["problem"]
    assert cases.problem("FAKE-1", ("b/x.txt", 0), "b/x.txt") is None  # flagged already
    assert cases.problem("FAKE-1", ("a/x.txt", 1), "a/x.txt") is not None  # 2nd in one file
    assert cases.problem("FAKE-2", ("b/x.txt", 0), "b/x.txt") is None


def _chunk(*records: tuple[str, str, int]) -> SimpleNamespace:
    rows = [{"case_number": c, "source_file": f, "issue_index": i} for c, f, i in records]
    return SimpleNamespace(parsed_files=1, records=rows, rejects=[], problems=[], flags=[])


def test_the_stream_tells_letters_apart_by_name_and_by_their_items_repeating():
    summary = StreamSummary(inputs=4)
    summary.add(_chunk(("FAKE-1", "x.txt", 0), ("FAKE-1", "x.txt", 1)))
    assert summary.problems == []
    summary.add(_chunk(("FAKE-1", "y.txt", 0), ("FAKE-1", "y.txt", 1)))  # another name
    summary.add(_chunk(("FAKE-1", "x.txt", 0), ("FAKE-1", "x.txt", 1)))  # x.txt elsewhere
    summary.add(_chunk(("FAKE-1", "x.txt", 0)))  # a third x.txt: each later letter, as ingest
    assert [p["file"] for p in summary.problems] == ["y.txt", "x.txt", "x.txt"]
    assert all("(x.txt)" in p["problem"] for p in summary.problems)
