"""Listings of records: plans by year, directives by kind and by issuer, units by province."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..kinds import Kind
from ..model import Directive, Plan, Unit
from ..model.directive import UNTITLED
from ..text import sort_key, vn_date
from .context import (
    BY_ISSUER,
    DIRECTIVES,
    PLANS,
    ROLES,
    UNITS,
    SiteData,
    directive_page,
    document_kind,
    plan_page,
    unit_page,
)
from .html import Col, Page, esc, filter_attr, link, nb, table

DOC_COLUMNS = [Col("Số", "nb"), Col("Ngày", "nb", key=True), Col("Cơ quan"), Col("Trích yếu", "text")]


class ListingPages:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def pages(self) -> dict[str, Page]:
        return {PLANS: self.plans(), DIRECTIVES: self.directives(), BY_ISSUER: self.by_issuer(), UNITS: self.units()}

    def _number(self, here: str, record: Plan | Directive) -> str:
        page = plan_page(record.id) if isinstance(record, Plan) else directive_page(record.id)
        number = record.number or getattr(record, "partial_number", None) or "(không số)"
        return f'<span class="kh-nb">{link(here, page, number, title=record.title)}</span>'

    def _facets(self, record: Plan | Directive) -> str:
        issuer = self.data.index.units.get(record.issuer or "")
        return filter_attr(
            {
                "nam": str(record.date.year) if record.date else "",
                "tinh": (issuer.province or "") if issuer else "",
                "don-vi": [self.data.unit_labels[issuer.id]] if issuer else [],
            }
        )

    def plans(self) -> Page:
        data = self.data
        by_year: dict[int, list[Plan]] = defaultdict(list)
        for plan in data.index.plans.values():
            by_year[plan.date.year].append(plan)
        page = Page("Kế hoạch", wide=True).add(data.as_of())
        columns = [*DOC_COLUMNS, Col("Nhiệm vụ", "nb"), Col("Quá hạn", "nb", key=True)]
        for year in sorted(by_year, reverse=True):
            rows = []
            for plan in sorted(by_year[year], key=lambda p: p.date, reverse=True):
                tasks = data.tasks_by_plan.get(plan.id, [])
                late = sum(data.situations[t.id].key == "overdue" for t in tasks)
                rows.append(
                    [
                        self._number(PLANS, plan),
                        nb(vn_date(plan.date)),
                        data.unit_link(PLANS, plan.issuer) if plan.issuer else "",
                        esc(plan.title),
                        nb(len(tasks)),
                        nb(late),
                    ]
                )
            facets = [self._facets(p) for p in sorted(by_year[year], key=lambda p: p.date, reverse=True)]
            page.heading(2, f"Năm {year}").add(table(columns, rows, facets=facets))
        return page

    def directives(self) -> Page:
        data = self.data
        by_type: dict[str, list[Directive]] = defaultdict(list)
        for directive in data.index.directives.values():
            by_type[directive.type.label].append(directive)
        page = Page("Văn bản chỉ đạo", wide=True)
        for label in sorted(by_type, key=sort_key):
            listed = sorted(by_type[label], key=lambda d: (d.date or dt.date.min, d.id), reverse=True)
            rows = [
                [
                    self._number(DIRECTIVES, d),
                    nb(vn_date(d.date)),
                    data.unit_link(DIRECTIVES, d.issuer) if d.issuer else "",
                    esc(d.shown_title),
                    nb(len(data.index.incoming.get(d.id, []))),
                ]
                for d in listed
            ]
            facets = [self._facets(d) for d in listed]
            page.heading(2, label).add(table([*DOC_COLUMNS, Col("Được dẫn", "nb")], rows, facets=facets))
        return page

    def by_issuer(self) -> Page:
        """Plans and cited documents grouped by the unit that issued them."""
        data = self.data
        groups: dict[str, list[Directive | Plan]] = defaultdict(list)
        records: list[Directive | Plan] = [*data.index.plans.values(), *data.index.directives.values()]
        for record in records:
            groups[record.issuer or ""].append(record)
        page = Page("Văn bản theo cơ quan ban hành", wide=True)
        names = {
            u: (data.index.units[u].name if u in data.index.units else u or "Không rõ cơ quan ban hành") for u in groups
        }
        columns = [Col("Số", "nb"), Col("Loại", "nb"), Col("Ngày", "nb", key=True), Col("Trích yếu", "text")]
        for issuer in sorted(groups, key=lambda u: sort_key(names[u])):
            rows = [
                [self._number(BY_ISSUER, r), esc(document_kind(r)), nb(vn_date(r.date)), esc(r.title or UNTITLED)]
                for r in sorted(groups[issuer], key=lambda r: (r.date or dt.date.min, r.id), reverse=True)
            ]
            page.heading(2, names[issuer]).add(table(columns, rows))
        return page

    def units(self) -> Page:
        index = self.data.index
        by_province: dict[str, list[Unit]] = defaultdict(list)
        for unit in index.units.values():
            by_province[unit.province or ("Đơn vị chung" if unit.generic else "Trung ương")].append(unit)
        page = Page("Đơn vị", wide=True)
        columns = [Col("Đơn vị", "text"), Col("Loại"), Col("Chủ trì", "nb", key=True), Col("Phối hợp, tham mưu", "nb")]
        for province in sorted(by_province, key=sort_key):
            rows = []
            for unit in sorted(by_province[province], key=lambda u: sort_key(u.name)):
                led = len(index.referrers(unit.id, "lead", Kind.TASK))
                supported = sum(len(index.referrers(unit.id, f, Kind.TASK)) for f, _ in ROLES[1:])
                rows.append([link(UNITS, unit_page(unit.id), unit.name), esc(unit.kind.label), nb(led), nb(supported)])
            page.heading(2, province).add(table(columns, rows))
        return page
