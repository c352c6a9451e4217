"""Inline SVG charts for report.html: plain markup, so the page needs no plotting library, no
script and no request (matplotlib alone would take longer to import than the report takes to
render)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

FONT = 'font-family="system-ui,sans-serif" font-size="11"'
BAR, OVER, CI, AXIS = "#7aa6d6", "#e8743b", "#333", "#999"


def _svg(width: int, height: int, title: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" {FONT}><title>{escape(title)}</title>'
        f'<text x="4" y="14" font-weight="600" font-size="12">{escape(title)}</text>{body}</svg>'
    )


def _nice_max(value: float) -> float:
    """A round axis end at or above `value` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1) if value >= 1 else 0.1
    while power > value:
        power /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def rate_bars(
    rows: Sequence[tuple[str, float | None, Sequence[float] | None, int, bool]],
    title: str,
    label_width: int = 190,
) -> str:
    """Horizontal bars of Overturned rates with their 95 % intervals as whiskers; each row is
    (label, rate, [lo, hi], n, small). Small groups are drawn pale and marked with a dagger."""
    width, row_h, top = 540, 20, 26
    plot = width - label_width - 115
    height = top + row_h * len(rows) + 26
    scale = _nice_max(max([hi for *_, ci, _n, _s in rows if ci for hi in ci[1:]] or [0.1]))
    parts = []
    for i, (label, rate, ci, n, small) in enumerate(rows):
        y = top + i * row_h
        name = (label if len(label) <= 30 else label[:29] + "…") + (" †" if small else "")
        parts.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">'
                     f"{escape(name)}</text>")  # fmt: skip
        if rate is not None:
            w = plot * rate / scale
            opacity = ' fill-opacity="0.45"' if small else ""
            parts.append(f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="13" '
                         f'fill="{BAR}"{opacity}/>')  # fmt: skip
        if ci:
            x0, x1 = (label_width + plot * v / scale for v in ci)
            parts.append(f'<path d="M{x0:.1f} {y + 9.5}H{x1:.1f}M{x0:.1f} {y + 5}v9M{x1:.1f} '
                         f'{y + 5}v9" stroke="{CI}" fill="none"/>')  # fmt: skip
        shown = "–" if rate is None else f"{100 * rate:.1f} %"
        parts.append(f'<text x="{label_width + plot + 6}" y="{y + 13}">{shown} (n={n:,})</text>')
    base = top + row_h * len(rows) + 4
    for k in range(5):
        value = scale * k / 4
        x = label_width + plot * k / 4
        parts.append(f'<path d="M{x:.1f} {top}V{base}" stroke="#eee"/>'
                     f'<text x="{x:.1f}" y="{base + 13}" text-anchor="middle" fill="#555">'
                     f"{100 * value:.0f} %</text>")  # fmt: skip
    parts.insert(0, f'<path d="M{label_width} {top}V{base}" stroke="{AXIS}"/>')
    return _svg(width, height, title, "".join(parts))


def histogram(counts: dict[int, int], bin_width: int, title: str, xlabel: str) -> str:
    """Bars of counts per bin (key = bin start); empty bins between them are drawn empty."""
    width, height, left, top, bottom = 420, 220, 40, 26, 36
    if not counts:
        return _svg(width, 60, title, '<text x="4" y="40">no dates to count</text>')
    first, last = min(counts), max(counts)
    bins = list(range(first, last + bin_width, bin_width))
    plot_w, plot_h = width - left - 10, height - top - bottom
    scale = _nice_max(max(counts.values()))
    w = plot_w / len(bins)
    parts = [f'<path d="M{left} {top}V{top + plot_h}H{left + plot_w}" stroke="{AXIS}" '
             'fill="none"/>']  # fmt: skip
    for i, start in enumerate(bins):
        h = plot_h * counts.get(start, 0) / scale
        x = left + i * w
        parts.append(f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{max(w - 2, 1):.1f}"'
                     f' height="{h:.1f}" fill="{BAR}"><title>{start}–{start + bin_width - 1} days:'
                     f" {counts.get(start, 0)}</title></rect>")  # fmt: skip
    step = max(1, len(bins) // 8)
    for i in range(0, len(bins), step):
        x = left + i * w
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 13}" fill="#555">{bins[i]}</text>')
    for k in (0, 0.5, 1):
        y = top + plot_h * (1 - k)
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
                     f"{scale * k:g}</text>")  # fmt: skip
    parts.append(f'<text x="{left + plot_w / 2:.0f}" y="{height - 6}" text-anchor="middle">'
                 f"{escape(xlabel)}</text>")  # fmt: skip
    return _svg(width, height, title, "".join(parts))


def month_bars(rows: Sequence[tuple[str, int, float | None]], title: str) -> str:
    """Items per month as bars, the Overturned rate as dots on a second (right) axis."""
    width, height, left, right, top, bottom = 540, 230, 44, 46, 26, 40
    if not rows:
        return _svg(width, 60, title, '<text x="4" y="40">no decision dates</text>')
    plot_w, plot_h = width - left - right, height - top - bottom
    scale = _nice_max(max(n for _, n, _ in rows))
    rates = [r for *_, r in rows if r is not None]
    rate_scale = _nice_max(max(rates or [0.1]))
    w = plot_w / len(rows)
    parts = [f'<path d="M{left} {top}V{top + plot_h}H{left + plot_w}V{top}" stroke="{AXIS}" '
             'fill="none"/>']  # fmt: skip
    for i, (month, n, rate) in enumerate(rows):
        x = left + i * w
        h = plot_h * n / scale
        parts.append(f'<rect x="{x + 2:.1f}" y="{top + plot_h - h:.1f}" width="{max(w - 4, 1):.1f}"'
                     f' height="{h:.1f}" fill="{BAR}"><title>{escape(month)}: {n} items</title>'
                     "</rect>")  # fmt: skip
        if rate is not None:
            cy = top + plot_h * (1 - rate / rate_scale)
            parts.append(f'<circle cx="{x + w / 2:.1f}" cy="{cy:.1f}" r="4" fill="{OVER}">'
                         f"<title>{escape(month)}: {100 * rate:.1f} % Overturned</title>"
                         "</circle>")  # fmt: skip
        if len(rows) <= 18 or i % max(1, len(rows) // 12) == 0:
            parts.append(f'<text x="{x + w / 2:.1f}" y="{top + plot_h + 13}" text-anchor="middle"'
                         f' fill="#555">{escape(month)}</text>')  # fmt: skip
    for k in (0, 0.5, 1):
        y = top + plot_h * (1 - k)
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
                     f"{scale * k:g}</text><text x=\"{left + plot_w + 4}\" y=\"{y + 4:.1f}\" "
                     f'fill="{OVER}">{100 * rate_scale * k:.0f} %</text>')  # fmt: skip
    parts.append(
        f'<text x="{left}" y="{height - 6}" fill="#555">bars: items (left axis); '
        f'<tspan fill="{OVER}">dots: Overturned rate (right axis)</tspan></text>'
    )
    return _svg(width, height, title, "".join(parts))


PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")  # fmt: skip


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[tuple[str, int]]]], title: str, label_width: int = 170
) -> str:
    """One horizontal bar per group, cut into its parts' counts (a legend names the parts, in
    the order of their totals); each row is (label, [(part, count), ...])."""
    totals: dict[str, int] = {}
    for _, parts in rows:
        for part, count in parts:
            totals[part] = totals.get(part, 0) + count
    order = sorted(totals, key=lambda p: (-totals[p], p))
    colour = {part: PALETTE[i % len(PALETTE)] for i, part in enumerate(order)}
    width, row_h, top = 600, 20, 26
    plot = width - label_width - 60
    scale = _nice_max(max([sum(c for _, c in parts) for _, parts in rows] or [1]))
    legend_rows = -(-len(order) // 3)
    height = top + row_h * len(rows) + 10 + 16 * legend_rows
    out = []
    for i, (label, parts) in enumerate(rows):
        y = top + i * row_h
        name = label if len(label) <= 26 else label[:25] + "…"
        out.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">'
                   f"{escape(name)}</text>")  # fmt: skip
        x = float(label_width)
        for part, count in sorted(parts, key=lambda pc: order.index(pc[0])):
            w = plot * count / scale
            out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="13" '
                       f'fill="{colour[part]}"><title>{escape(label)}: {escape(part)} '
                       f"{count}</title></rect>")  # fmt: skip
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 13}">{sum(c for _, c in parts)}</text>')
    base = top + row_h * len(rows) + 10
    for i, part in enumerate(order):
        x, y = 4 + (i % 3) * 200, base + 16 * (i // 3)
        shown = part if len(part) <= 28 else part[:27] + "…"
        out.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{colour[part]}"/>'
                   f'<text x="{x + 14}" y="{y + 9}">{escape(shown)}</text>')  # fmt: skip
    return _svg(width, height, title, "".join(out))
