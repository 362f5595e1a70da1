"""A unit's page: who it is, and the tasks it leads or supports, by year and situation."""

from __future__ import annotations

from collections import defaultdict

from ..derived import successor
from ..kinds import Kind
from ..model import Task
from ..text import sort_key, vn_date
from ..views.scorecard import for_unit
from .context import ROLES, SITUATION_LABELS, SiteData, unit_page
from .dashboard import DashboardPages
from .downloads import unit_ics
from .html import Page, esc, file_href, meta_list
from .scorecard import scorecard_html


class UnitPages:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def page(self, unit_id: str) -> Page:
        data, index = self.data, self.data.index
        here = unit_page(unit_id)
        unit = index.units[unit_id]
        children = sorted(
            {r.source.id for f in ("parent", "other_parents") for r in index.referrers(unit_id, f, Kind.UNIT)},
            key=lambda u: sort_key(index.units[u].name),
        )
        meta = [
            ("Tên ngắn", esc(", ".join(unit.short_names))),
            ("Cách viết khác", esc(", ".join(unit.aliases))),
            ("Ký hiệu", esc(", ".join(unit.codes))),
            ("Loại", esc(unit.kind.label)),
            ("Cấp trên", data.units_html(here, [u for u in (unit.parent, *unit.other_parents) if u])),
            ("Đơn vị trực thuộc", ", ".join(data.unit_link(here, c) for c in children)),
            ("Tỉnh, thành phố", esc(unit.province or "")),
            ("Hoạt động", esc(" – ".join(filter(None, [vn_date(unit.valid_from), vn_date(unit.valid_to)])))),
        ]
        page = Page(unit.name, wide=True).add(meta_list(meta))
        if unit_ics(unit_id) in data.downloads:
            page.add(
                f'<p><a href="{file_href(here, unit_ics(unit_id))}">Lịch hạn các nhiệm vụ đơn vị chủ trì (.ics)</a></p>'
            )
        card = for_unit(data.scorecard, unit_id)
        if card:
            page.heading(2, "Kết quả theo năm").add(scorecard_html(data, here, card, with_unit=False))
        # the newest year of the table above, not counting years still to come
        latest = next((row.year for row in card if row.year <= data.today.year), card[0].year if card else None)
        quarters = DashboardPages(data).unit_quarters(unit_id, latest) if latest else ""
        if quarters:
            page.heading(2, f"Theo quý, năm {latest}").add(
                data.as_of(". Nhiệm vụ đơn vị chủ trì, bốn nhóm như báo cáo kết quả"), quarters
            )
        for old, tasks in self._inherited(unit_id):
            page.heading(2, f"Kế tục từ {index.units[old].name}")
            page.add(data.task_table(here, tasks, with_plan=True))
        roles = [
            (label, [index.tasks[r.source.id] for r in index.referrers(unit_id, field, Kind.TASK)])
            for field, label in ROLES
        ]
        if any(tasks for _, tasks in roles):
            page.add(data.as_of())
        for label, tasks in roles:
            if tasks:
                self._role(page, here, label, tasks)
        return page.add(data.source_html(f"records/units/{unit_id}.yaml"))

    def _inherited(self, unit_id: str) -> list[tuple[str, list[Task]]]:
        """Open tasks led by units merged or dissolved into this one: (old unit, tasks)."""
        data, index = self.data, self.data.index
        found = []
        for old, unit in index.units.items():
            if old == unit_id or not unit.succeeded_by or successor(index, old, data.today) != unit_id:
                continue
            tasks = [
                index.tasks[r.source.id]
                for r in index.referrers(old, "lead", Kind.TASK)
                if not data.situations[r.source.id].is_done and data.situations[r.source.id].key != "cancelled"
            ]
            if tasks:
                found.append((old, sorted(tasks, key=lambda t: (t.plan, t.order))))
        return found

    def _role(self, page: Page, here: str, label: str, tasks: list[Task]) -> None:
        data = self.data
        page.heading(2, label)
        groups: dict[tuple[int, str], list[Task]] = defaultdict(list)
        for task in tasks:
            groups[(data.index.plans[task.plan].date.year, data.situations[task.id].key)].append(task)
        order = list(SITUATION_LABELS)
        for (year, key), group in sorted(groups.items(), key=lambda kv: (-kv[0][0], order.index(kv[0][1]))):
            page.heading(3, f"Năm {year}: {SITUATION_LABELS[key].lower()}", f"{label}-{year}-{key}".lower())
            page.add(data.task_table(here, sorted(group, key=lambda t: (t.plan, t.order)), with_plan=True))
