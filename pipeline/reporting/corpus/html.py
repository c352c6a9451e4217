"""HTML pieces shared by report.html and the letter pages: the page shell, tables, and text
with tagged spans highlighted in the look of spaCy's displaCy span renderer (a coloured bar
under each span, stacked when spans overlap, the label on the bar where the span starts).

Pages are self-contained and make no network requests: a Content-Security-Policy forbids
every fetch but inline styles and `data:` images. The two list pages (index.html, items.html)
carry one small inline script (sorting and filtering), allowed by its SHA-256 in the policy and
by nothing else; every other page has no script at all. A browser therefore logs nothing in the
console for a correct page; the Chromium test relies on that.

Every page starts with the same navigation (report, letters, items) and the run's stamp
(`stamp.Stamp`): `page(..., root=..., stamp=...)`.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from pipeline.reporting.corpus.spans import KINDS, Mark

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
COLORS = {"treatment": "#7aecec", "frequency": "#feca74", "quantity": "#ffeb80",
          "limit": "#ff9561", "verdict": "#c887fb", "reason": "#9be39b"}  # fmt: skip
# Kinds drawn from the item record rather than from a Doc's spans: (kind -> legend label).
RECORD_KINDS = {"reason": "DENIAL REASON"}
# displaCy's span geometry: bars start below the text and stack one step apart.
BAR_TOP, BAR_STEP = 21, 14
_WORD = re.compile(r"\s+|\S+")

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;
 margin:0 auto;max-width:1240px;padding:16px 24px 48px}
h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.25em;margin:1.6em 0 .4em;
 border-bottom:1px solid #ddd;padding-bottom:.2em}h3{font-size:1.05em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
th,td{border:1px solid #d6d6d6;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.small td{color:#777;background:#fafafa}tr.small td:first-child::after{content:" \\2020"}
.note{color:#555;font-size:.9em}.badge{display:inline-block;padding:1px 7px;border-radius:9px;
 font-size:.8em;font-weight:600;vertical-align:middle}.b-Upheld{background:#e6e6e6}
.b-Overturned{background:#ffd0b5}.b-none{background:#eee;color:#777}
nav{font-size:.9em;margin-bottom:8px}nav a{margin-right:14px}td a{white-space:nowrap}
nav.top{border-bottom:1px solid #ddd;padding-bottom:4px;font-weight:600}
.grid{display:flex;flex-wrap:wrap;gap:18px}figure{margin:0}figcaption{font-size:.85em;color:#555}
.kv th{width:220px}.item{margin-top:1.5em}
.spans{white-space:pre-wrap;line-height:1.9;font-size:.95em;max-width:1000px}
.tok{position:relative;display:inline-block;white-space:pre;line-height:1.3}
.bar{position:absolute;left:-1px;right:-1px;height:4px}
.lab{position:absolute;top:-.45em;left:0;padding:1px 3px;font-size:.6em;font-weight:700;
 line-height:1;border-radius:3px;color:#000;white-space:nowrap;z-index:10}
.legend span{display:inline-block;margin-right:10px;padding:0 6px;border-radius:3px;
 font-size:.8em;font-weight:700}
"""


NAV = (("report.html", "Corpus report"), ("index.html", "Letters"), ("items.html", "Items"))


def nav(root: str = "") -> str:
    """The links every page starts with; `root` is the way up to the report folder."""
    links = "".join(f'<a href="{escape(root + href)}">{escape(text)}</a>' for href, text in NAV)
    return f'<nav class="top">{links}</nav>'


def page(
    title: str,
    body: str,
    extra_css: str = "",
    script: str | None = None,
    root: str | None = None,
    stamp: str = "",
) -> str:
    """A complete, self-contained HTML page; with `root` (the way up to the report folder)
    it starts with the navigation and `stamp`. `script` is inline JavaScript the policy
    allows by its hash."""
    from pipeline.reporting.corpus.stamp import CSS as STAMP_CSS

    kinds = "".join(f".k-{k}{{background:{c}}}" for k, c in COLORS.items())
    policy = CSP
    tail = ""
    if script is not None:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        policy = f"{CSP}; script-src 'sha256-{digest}'"
        tail = f"<script>{script}</script>"
    head = "" if root is None else nav(root) + stamp
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}{STAMP_CSS}{kinds}{extra_css}</style>"
        f"</head><body>{head}{body}{tail}</body></html>\n"
    )


def cell(value: Any) -> str:
    """A table cell: numbers right-aligned, None as an empty cell, text escaped."""
    if value is None:
        return "<td></td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else 'no'}</td>"
    if isinstance(value, (int, float)):
        number = f"{value:,}" if isinstance(value, int) else f"{value:.3g}"
        return f'<td class="n">{number}</td>'
    if isinstance(value, Num):
        return f'<td class="n">{value}</td>'
    return f"<td>{value}</td>" if isinstance(value, Raw) else f"<td>{escape(str(value))}</td>"


class Raw(str):
    """Text that is already HTML (a link, a badge): put in a cell as it is."""


class Num(Raw):
    """A count already in HTML (a count linking to its items): right-aligned as numbers are."""


def link(href: str, text: str) -> Raw:
    return Raw(f'<a href="{escape(href)}">{escape(text)}</a>')


def badge(decision: Any) -> Raw:
    text = str(decision or "no decision")
    kind = text if text in ("Upheld", "Overturned") else "none"
    return Raw(f'<span class="badge b-{kind}">{escape(text)}</span>')


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    small: Iterable[bool] | None = None,
    css_class: str = "",
) -> str:
    """An HTML table; rows whose `small` flag is set are greyed and marked with a dagger."""
    flags = list(small) if small is not None else None
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        marked = ' class="small"' if flags is not None and flags[i] else ""
        body.append(f"<tr{marked}>{''.join(cell(v) for v in row)}</tr>")
    klass = f' class="{css_class}"' if css_class else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def legend() -> str:
    labels = {**KINDS, **RECORD_KINDS}
    spans = "".join(f'<span class="k-{k}">{escape(labels[k])}</span>' for k in COLORS)
    return f'<p class="legend">{spans}</p>'


def _slots(marks: Sequence[Mark]) -> list[int]:
    """Stacking row of each mark (in start order): the lowest row free at its start (greedy
    interval colouring, as displaCy stacks overlapping spans). Heaps of busy and free rows keep
    it O(n log n) in the marks."""
    busy: list[tuple[int, int]] = []  # (end, row) of the rows in use
    free: list[int] = []
    rows = 0
    slots = []
    for mark in marks:
        while busy and busy[0][0] <= mark.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row, rows = rows, rows + 1
        heapq.heappush(busy, (mark.end, row))
        slots.append(row)
    return slots


def highlight(text: str, marks: Sequence[Mark] | None) -> str:
    """`text` as HTML with each mark drawn as a displaCy-style bar under its words. Plain text
    between marks stays plain (wrapping as usual); marked text is cut at whitespace into
    inline blocks, so a long span (a verdict sentence) still wraps. One sweep over the cuts,
    keeping the marks open at each: linear in the text and the marks, whatever their number."""
    marks = sorted(
        (m for m in marks or [] if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -m.end),
    )
    if not marks:
        return escape(text)
    slots = _slots(marks)
    rows = max(slots) + 1
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    active: list[tuple[Mark, int]] = []  # open marks, in their sorted order
    following = 0  # the next mark to open
    for a, b in zip(cuts, cuts[1:], strict=False):
        if any(m.end <= a for m, _ in active):
            active = [(m, s) for m, s in active if m.end > a]
        while following < len(marks) and marks[following].start <= a:
            active.append((marks[following], slots[following]))
            following += 1
        if not active:
            out.append(escape(text[a:b]))
            continue
        first = True
        for word in _words(text[a:b]):
            if not word.strip():
                out.append(escape(word))
                continue
            out.append(_token(word, active, rows, a if first else -1))
            first = False
    return "".join(out)


def _words(text: str) -> list[str]:
    """Words and the whitespace between them, in order."""
    return _WORD.findall(text)


def _token(word: str, active: list[tuple[Mark, int]], rows: int, at: int) -> str:
    height = BAR_TOP + BAR_STEP * rows
    bars = []
    for mark, slot in active:
        label = ""
        if mark.start == at:
            title = f' title="{escape(mark.title)}"' if mark.title else ""
            label = f'<span class="lab k-{mark.kind}"{title}>{escape(mark.label)}</span>'
        top = BAR_TOP + BAR_STEP * slot
        bars.append(f'<span class="bar k-{mark.kind}" style="top:{top}px">{label}</span>')
    return f'<span class="tok" style="height:{height}px">{escape(word)}{"".join(bars)}</span>'
