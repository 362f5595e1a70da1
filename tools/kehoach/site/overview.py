"""The pages a leader opens first: the home page with the figures, overdue and
upcoming tasks, and all tasks by situation."""

from __future__ import annotations

from collections import Counter

from ..derived import plan_window
from ..model import Task
from ..text import vn_date
from .context import HOME, OVERDUE, SITUATION_LABELS, TASKS, UPCOMING, SiteData, plan_page
from .html import Col, Page, esc, href, link, nb, table
from .scorecard import scorecard_html
from .timeline import Bar, Row, legend, timeline_svg


class OverviewPages:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def pages(self) -> dict[str, Page]:
        return {HOME: self.home(), OVERDUE: self.overdue(), UPCOMING: self.upcoming(), TASKS: self.by_situation()}

    def home(self) -> Page:
        data, index = self.data, self.data.index
        counts = Counter(state.key for state in data.situations.values())
        cards = "".join(
            f'<div class="kh-card kh-{key}"><strong>{counts[key]}</strong><span>{esc(label)}</span></div>'
            for key, label in SITUATION_LABELS.items()
        )
        latest = sorted(index.plans.values(), key=lambda p: p.date, reverse=True)[:10]
        plan_rows = [
            [f'<span class="kh-nb">{link(HOME, plan_page(p.id), p.number)}</span>', nb(vn_date(p.date)), esc(p.title)]
            for p in latest
        ]
        page = Page("Kế hoạch công tác", wide=True).add(
            data.as_of(
                f": {len(index.plans)} kế hoạch, {len(data.situations)} nhiệm vụ, "
                f"{len(index.directives)} văn bản, {len(index.units)} đơn vị"
            ),
            f'<div class="kh-cards">{cards}</div>',
            f'<p>Xem <a href="{href(HOME, OVERDUE)}">danh sách nhiệm vụ quá hạn</a> ({counts["overdue"]}) '
            f'và <a href="{href(HOME, UPCOMING)}">nhiệm vụ sắp đến hạn</a>.</p>',
        )
        years = [year for year in data.scorecard if year <= data.today.year]
        if years:
            page.heading(2, "Kết quả theo đơn vị chủ trì")
            for year in years:
                page.heading(3, f"Năm {year}").add(scorecard_html(data, HOME, data.scorecard[year], with_unit=True))
        page.heading(2, "Đến hạn trong 30 ngày tới").add(data.task_table(HOME, data.due_within(30), with_plan=True))
        page.heading(2, "Đến hạn trong 90 ngày tới").add(data.task_table(HOME, data.due_within(90), with_plan=True))
        page.heading(2, "Kế hoạch mới nhất")
        page.add(table([Col("Số", "nb"), Col("Ngày", "nb", key=True), Col("Trích yếu", "text")], plan_rows))
        page.heading(2, "Các kế hoạch theo thời gian").add(
            f'<div class="kh-chart">{self.plans_timeline()}</div>', legend()
        )
        return page

    def plans_timeline(self) -> str:
        data = self.data
        rows = []
        for plan in sorted(data.index.plans.values(), key=lambda p: p.date):
            start, end = plan_window(plan)
            tasks = data.tasks_by_plan.get(plan.id, [])
            keys = {data.situations[t.id].key for t in tasks}
            state = "overdue" if "overdue" in keys else "done" if keys <= {"done", "cancelled"} and keys else "in-time"
            bars = (Bar(start, end),) if start and end else ()
            rows.append(Row(f"{plan.number} ({plan.date.year})", href(HOME, plan_page(plan.id)), bars, state))
        return timeline_svg(rows, data.today, "Thời gian của các kế hoạch")

    def by_situation(self) -> Page:
        data = self.data
        page = Page("Nhiệm vụ theo tình trạng", wide=True).add(data.as_of())
        for key, label in SITUATION_LABELS.items():
            tasks = [t for t in data.index.tasks.values() if data.situations[t.id].key == key]
            if not tasks:
                continue
            tasks.sort(key=lambda t: (data.index.plans[t.plan].date, t.plan, t.order))
            page.heading(2, f"{label} ({len(tasks)})", key).add(data.task_table(TASKS, tasks, with_plan=True))
        return page

    def upcoming(self) -> Page:
        data = self.data
        return Page("Nhiệm vụ sắp đến hạn", wide=True).add(
            data.as_of(", trong 90 ngày tới"), data.task_table(UPCOMING, data.due_within(90), with_plan=True)
        )

    def overdue(self) -> Page:
        """Tasks past their deadline and not done: those with progress reported
        (overdue), then those with nothing reported at all (counted apart)."""
        data = self.data
        page = Page("Nhiệm vụ quá hạn", wide=True).add(
            data.as_of(
                " (ngày dựng trang). Nhiệm vụ chưa hoàn thành mà đã qua hạn; nhiệm vụ thường xuyên, định kỳ không tính"
            )
        )
        for key, heading in (("overdue", "Quá hạn chưa hoàn thành"), ("unreported", "Đã qua hạn, chưa có báo cáo")):
            late = [t for t in data.index.tasks.values() if data.situations[t.id].key == key]
            late.sort(key=lambda t: (-(data.situations[t.id].days_late or 0), t.plan, t.order))
            page.heading(2, f"{heading} ({len(late)})", key).add(self._late_table(late))
        return page

    def _late_table(self, late: list[Task]) -> str:
        data, index = self.data, self.data.index
        rows = [
            [
                data.task_link(OVERDUE, task),
                f'<span class="kh-nb">{link(OVERDUE, plan_page(task.plan), index.plans[task.plan].number)}</span>',
                data.units_html(OVERDUE, task.lead),
                esc(task.timeframe or "(theo thời gian kế hoạch)"),
                nb(vn_date(data.situations[task.id].deadline)),
                f'<span class="kh-late kh-nb">{data.situations[task.id].days_late}</span>',
            ]
            for task in late
        ]
        columns = [
            Col("Nhiệm vụ", "text"),
            Col("Kế hoạch", "nb"),
            Col("Chủ trì"),
            Col("Thời gian", "time"),
            Col("Hạn", "nb", key=True),
            Col("Số ngày quá hạn", "nb", key=True),
        ]
        return table(columns, rows, css="kh-table kh-overdue-table", facets=[data.facets(t) for t in late])
