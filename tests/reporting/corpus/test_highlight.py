"""Highlighting a letter's spans is linear in the spans (issue 20: a 950k-character letter took
122 s, every cut between spans scanning every span). Counted, not timed: how often the
renderer reads a span's offsets must grow with the spans, not with their square."""

from __future__ import annotations

import random
from dataclasses import dataclass

from pipeline.reporting.corpus import html
from pipeline.reporting.corpus.spans import Mark

READS = {"n": 0}


@dataclass(frozen=True)
class CountedMark(Mark):
    def __getattribute__(self, name: str):  # noqa: ANN204
        if name in ("start", "end"):
            READS["n"] += 1
        return object.__getattribute__(self, name)


def _letter(spans: int) -> tuple[str, list[Mark]]:
    text = "physical therapy twice weekly for six weeks " * spans
    marks = []
    for n in range(spans):
        at = 44 * n
        marks.append(CountedMark(at, at + 16, "treatment", "TREATMENT"))
        marks.append(CountedMark(at + 17, at + 29, "frequency", "FREQUENCY"))
    return text, marks


def _reads(spans: int) -> int:
    text, marks = _letter(spans)
    READS["n"] = 0
    html.highlight(text, marks)
    return READS["n"]


def test_highlighting_reads_each_span_a_bounded_number_of_times() -> None:
    small, large = _reads(500), _reads(4000)
    assert large <= 8 * small * 1.2  # 8x the spans: about 8x the reads (quadratic: 64x)
    assert large < 40 * 2 * 4000


def _reference(text: str, marks: list[Mark]) -> list[tuple[int, int, frozenset]]:
    """Each stretch between cuts with the set of (mark, row) open over it, the obvious way."""
    marks = sorted(marks, key=lambda m: (m.start, -m.end))
    slots = html._slots(marks)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    return [
        (a, b, frozenset((m, s) for m, s in zip(marks, slots, strict=True) if m.start <= a < m.end))
        for a, b in zip(cuts, cuts[1:], strict=False)
    ]


def test_overlapping_spans_stack_as_before() -> None:
    """Random nested and overlapping spans: each mark on the lowest row free at its start, and
    the page shows every span's bar over exactly its words."""
    rng = random.Random(20)
    text = " ".join(f"w{n}" for n in range(400))
    marks = []
    for _ in range(150):
        start = rng.randrange(0, len(text) - 2)
        marks.append(Mark(start, min(len(text), start + rng.randrange(1, 60)), "verdict", "V"))
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    slots = html._slots(ordered)
    for i, (mark, row) in enumerate(zip(ordered, slots, strict=True)):
        busy = {s for m, s in zip(ordered[:i], slots[:i], strict=True) if m.end > mark.start}
        assert row == min(set(range(len(slots) + 1)) - busy)
    page = html.highlight(text, marks)
    bars = sum(len(active) for a, b, active in _reference(text, marks) for word in
               html._words(text[a:b]) if word.strip() and active)  # fmt: skip
    assert page.count('class="bar ') == bars
