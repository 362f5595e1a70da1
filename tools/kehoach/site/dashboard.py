"""The results page a leader reads at a glance: for the whole office, per year
and per quarter of the latest year, tasks in the four official groups (from
``views.buckets``, the same counts as `kehoach report`), the share completed on
time, and per lead unit; each row with a small offline SVG bar."""

from __future__ import annotations

from ..derived import FOUR, Group
from ..views.buckets import Tally, summarise
from ..views.select import QUARTER_NAMES, period
from .context import SiteData
from .html import Col, Page, esc, nb, table

DASHBOARD = "ket-qua/index.md"
COLOURS = {
    Group.ON_TIME: "#2e7d32",
    Group.LATE: "#ef6c00",
    Group.IN_TIME: "#1565c0",
    Group.OVERDUE: "#c62828",
}
WIDTH, HEIGHT = 160, 12


def on_time_share(tally: Tally) -> str:
    """Completed on time, out of the four groups (the base reports use), in per cent."""
    if not tally.four:
        return "—"
    return f"{100 * tally.count(Group.ON_TIME) / tally.four:.0f}%".replace(".", ",")


def bar(tally: Tally) -> str:
    """A stacked bar of the four groups, its numbers said in words for a screen reader."""
    if not tally.four:
        return ""
    words = ", ".join(f"{g.header} {tally.count(g)}" for g in FOUR)
    parts, x = [], 0.0
    for group in FOUR:
        width = WIDTH * tally.count(group) / tally.four
        if width:
            parts.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="{HEIGHT}" fill="{COLOURS[group]}"/>')
        x += width
    return (
        f'<svg class="kh-bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{esc(words)}">{"".join(parts)}</svg>'
    )


def _columns(first: str, kind: str = "text") -> list[Col]:
    return [
        Col(first, kind),
        *(Col(g.header, "nb") for g in FOUR),
        Col("Cộng 4 nhóm", "nb"),
        Col("Đúng hạn", "nb", key=True),
        Col("Tỷ lệ", "nb"),
    ]


def _row(label: str, tally: Tally) -> list[str]:
    counts = [nb(tally.count(g)) for g in FOUR]
    return [esc(label), *counts, nb(tally.four), nb(on_time_share(tally)), bar(tally)]


class DashboardPages:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def page(self) -> Page:
        data, index = self.data, self.data.index
        page = Page("Kết quả thực hiện nhiệm vụ", wide=True).add(
            data.as_of(". Bốn nhóm như báo cáo kết quả (lệnh kehoach report); tỷ lệ đúng hạn tính trên cộng 4 nhóm"),
            self.legend(),
        )
        years = sorted({plan.date.year for plan in index.plans.values()}, reverse=True)
        if not years:
            return page.add('<p class="kh-empty">Chưa có kế hoạch.</p>')
        by_year = {year: summarise(index, data.today, period(year, None), situations=data.counted) for year in years}
        rows = [_row(f"Năm {year}", by_year[year].total) for year in years]
        page.heading(2, "Theo năm").add(table(_columns("Năm"), rows))
        latest = years[0]
        summaries = data.quarters(latest)
        quarters = [_row(f"Quý {QUARTER_NAMES[q]}/{latest}", summaries[q].total) for q in QUARTER_NAMES]
        page.heading(2, f"Theo quý, năm {latest}").add(table(_columns("Quý"), quarters))
        for year in years:
            units = [_row(line.label, line.tally) for line in by_year[year].by_unit if line.tally.total]
            page.heading(2, f"Theo đơn vị chủ trì, năm {year}").add(table(_columns("Đơn vị chủ trì"), units))
        return page

    def unit_quarters(self, unit_id: str, year: int) -> str:
        """A unit's tasks led, in the four groups, per quarter of ``year`` (the same lines
        as the results page: its own, inherited from a merged unit, lead inferred)."""
        latest, summaries = year, self.data.quarters(year)
        rows, unreported, any_task = [], [], False
        for q in QUARTER_NAMES:
            tally = Tally()
            seen: set[str] = set()
            for line in summaries[q].by_unit:
                if line.key != unit_id:
                    continue
                for group, ids in line.tally.tasks.items():
                    for task_id in ids:
                        if task_id not in seen:  # a task counted on two lines of the unit counts once
                            seen.add(task_id)
                            tally.add(task_id, group)
            any_task = any_task or bool(tally.total)
            rows.append(_row(f"Quý {QUARTER_NAMES[q]}/{latest}", tally))
            if tally.count(Group.UNREPORTED):
                unreported.append(f"quý {QUARTER_NAMES[q]}: {nb(tally.count(Group.UNREPORTED))}")
        if not any_task:
            return ""
        # a ninth column would not fit a desktop page: the tasks without a report are said below
        apart = f'<p class="kh-apart">Chưa có báo cáo (ngoài bốn nhóm): {", ".join(unreported)}.</p>'
        return self.legend() + table(_columns("Quý", "nb"), rows) + (apart if unreported else "")

    @staticmethod
    def legend() -> str:
        items = "".join(
            f'<li><span class="kh-swatch" style="background:{COLOURS[g]}"></span>{esc(g.header)}</li>' for g in FOUR
        )
        return f'<ul class="kh-legend" aria-label="Chú giải màu">{items}</ul>'
