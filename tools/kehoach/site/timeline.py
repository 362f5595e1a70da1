"""Timelines drawn at build time as static SVG (no charting script; they print).

A row per task with a dated time frame: a bar for each dated part (from its
start, or the plan's date for a deadline form, to its end); overdue rows red,
done rows green; a line marks the build date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..text import clip, vn_date
from .html import esc

ROW = 18
LABEL = 200
WIDTH = 720
TOP = 26
LABEL_CHARS = 34  # what fits in LABEL pixels at 11 px, wide letters included, without running into the bars
LEGEND = (("overdue", "Quá hạn"), ("in-time", "Trong hạn"), ("done", "Đã hoàn thành"), ("continuous", "Khác"))


@dataclass(frozen=True)
class Bar:
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Row:
    label: str
    href: str
    bars: tuple[Bar, ...]
    state: str  # the task's situation key: overdue, done, in-time...


def _x(day: dt.date, first: dt.date, last: dt.date) -> float:
    span = max((last - first).days, 1)
    return LABEL + (WIDTH - LABEL - 10) * (day - first).days / span


def timeline_svg(rows: list[Row], today: dt.date, title: str) -> str:
    rows = [r for r in rows if r.bars]
    if not rows:
        return ""
    first = min(b.start for r in rows for b in r.bars)
    last = max(b.end for r in rows for b in r.bars)
    first, last = dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
    height = TOP + ROW * len(rows) + 8
    parts = [
        # role=group, not img: the rows are links a keyboard reaches
        f'<svg class="kh-timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="group" aria-label="{esc(title)}">',
        f"<title>{esc(title)}</title>",
    ]
    for year in range(first.year, last.year + 1):
        x = _x(dt.date(year, 1, 1), first, last)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height}" class="kh-grid"/>')
        parts.append(f'<text x="{x + 3:.1f}" y="{TOP - 12}" class="kh-axis">{year}</text>')
    for i, row in enumerate(rows):
        y = TOP + i * ROW
        label = clip(row.label, LABEL_CHARS)
        parts.append(f'<a href="{esc(row.href)}"><text x="4" y="{y + 12}" class="kh-row-label">{esc(label)}</text>')
        for bar in row.bars:
            x1, x2 = _x(bar.start, first, last), _x(bar.end + dt.timedelta(days=1), first, last)
            tip = f"{vn_date(bar.start)} – {vn_date(bar.end)}"
            parts.append(
                f'<rect x="{x1:.1f}" y="{y + 3}" width="{max(x2 - x1, 3):.1f}" height="{ROW - 6}" '
                f'class="kh-bar kh-{esc(row.state)}"><title>{esc(row.label)}: {tip}</title></rect>'
            )
        parts.append("</a>")
    if first <= today <= last:
        x = _x(today, first, last)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height}" class="kh-today"/>')
        parts.append(f'<text x="{x + 3:.1f}" y="{height - 2}" class="kh-axis">{vn_date(today)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def legend() -> str:
    """What the bar colours mean (the same classes colour the bars)."""
    items = "".join(f'<li><span class="kh-swatch kh-{key}"></span>{esc(label)}</li>' for key, label in LEGEND)
    return f'<ul class="kh-legend" aria-label="Chú giải màu">{items}</ul>'
