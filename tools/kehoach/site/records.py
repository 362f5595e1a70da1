"""Pages generated from the records: index -> {site path: Markdown}. Pure: no
MkDocs and no file access here, so every page can be tested on its own.

Pages are Markdown headings around HTML blocks; every piece of record text is
escaped by ``html.esc``/``html.md_text`` before it is written."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable

from ..derived import Situation, assess, plan_window, read_timeframe
from ..index import Index
from ..model import Directive, Plan, Task, Unit
from ..model.plan import Section
from ..rules.graph import successors
from ..text import sort_key, vn_date
from .html import esc, href, link, md_text, table
from .timeline import Bar, Row, timeline_svg

HOME = "index.md"
PLANS = "ke-hoach/index.md"
DIRECTIVES = "van-ban/index.md"
UNITS = "don-vi/index.md"
OVERDUE = "nhiem-vu/qua-han.md"
UPCOMING = "nhiem-vu/sap-den-han.md"
TASKS = "nhiem-vu/index.md"
BY_ISSUER = "van-ban/theo-co-quan.md"

SITUATION_LABELS = {
    "overdue": "Quá hạn chưa hoàn thành",
    "unreported": "Chưa có báo cáo",
    "in-time": "Đang thực hiện trong hạn",
    "continuous": "Thường xuyên, định kỳ",
    "done": "Hoàn thành đúng hạn",
    "done-late": "Hoàn thành quá hạn",
    "cancelled": "Dừng, hủy",
    "unknown": "Chưa rõ hạn",
}

ROLES = (("lead", "Chủ trì"), ("coordinating", "Phối hợp"), ("advising", "Tham mưu"), ("executing", "Thực hiện"))


def plan_page(plan_id: str) -> str:
    return f"ke-hoach/{plan_id}.md"


def directive_page(directive_id: str) -> str:
    return f"van-ban/{directive_id}.md"


def unit_page(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


class Site:
    """Everything the pages need, computed once from the index."""

    def __init__(self, index: Index, today: dt.date, source_url: Callable[[str], str | None] | None = None) -> None:
        self.index = index
        self.today = today
        self.source_url = source_url or (lambda _path: None)
        self.situations: dict[str, Situation] = {task.id: assess(index, task, today) for task in index.tasks.values()}
        self.tasks_by_plan: dict[str, list[Task]] = defaultdict(list)
        for task in sorted(index.tasks.values(), key=lambda t: t.order):
            self.tasks_by_plan[task.plan].append(task)

    # ------------------------------------------------------------ links

    def doc_link(self, here: str, record_id: str) -> str:
        """A link to a directive or plan by id, showing its number (or title)."""
        if record_id in self.index.plans:
            plan = self.index.plans[record_id]
            return link(here, plan_page(record_id), plan.number)
        if record_id in self.index.directives:
            directive = self.index.directives[record_id]
            return link(here, directive_page(record_id), directive.number or directive.title)
        return esc(record_id)

    def unit_link(self, here: str, unit_id: str) -> str:
        unit = self.index.units.get(unit_id)
        return (
            link(here, unit_page(unit_id), unit.short_names[0] if unit and unit.short_names else unit.name)
            if unit
            else esc(unit_id)
        )

    def units_html(self, here: str, ids: list[str]) -> str:
        return ", ".join(self.unit_link(here, u) for u in ids)

    def task_link(self, here: str, task: Task, text: str | None = None) -> str:
        return link(here, plan_page(task.plan), text or _short(task), anchor=task.id)

    def status_html(self, task: Task) -> str:
        state = self.situations[task.id]
        return f'<span class="kh-status kh-{state.key}">{esc(state.label)}</span>'

    def edit_html(self, path: str) -> str:
        url = self.source_url(path)
        source = f"<code>{esc(path)}</code>"
        if url:
            return f'<p class="kh-source">Nguồn: <a href="{esc(url)}">{source}</a> (đề nghị sửa qua pull request)</p>'
        return f'<p class="kh-source">Nguồn: {source}</p>'

    # ------------------------------------------------------------ task rows

    def task_rows(self, here: str, tasks: list[Task], with_plan: bool = False) -> list[list[str]]:
        rows = []
        for task in tasks:
            state = self.situations[task.id]
            row = [
                self.task_link(here, task),
                self.units_html(here, task.lead),
                self.units_html(here, task.coordinating),
                esc(task.timeframe or ""),
                vn_date(state.deadline),
                self.status_html(task),
            ]
            if with_plan:
                row.insert(1, link(here, plan_page(task.plan), self.index.plans[task.plan].number))
            rows.append(row)
        return rows

    TASK_HEADERS = ("Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Hạn", "Tình trạng")

    def task_table(self, here: str, tasks: list[Task], with_plan: bool = False) -> str:
        headers = list(self.TASK_HEADERS)
        if with_plan:
            headers.insert(1, "Kế hoạch")
        return table(headers, self.task_rows(here, tasks, with_plan))

    # ------------------------------------------------------------ pages

    def pages(self) -> dict[str, str]:
        pages = {HOME: self.home(), PLANS: self.plans(), DIRECTIVES: self.directives(), UNITS: self.units()}
        pages[OVERDUE] = self.overdue()
        pages[UPCOMING] = self.upcoming()
        pages[TASKS] = self.tasks_by_status()
        pages[BY_ISSUER] = self.documents_by_issuer()
        for plan_id in self.index.plans:
            pages[plan_page(plan_id)] = self.plan(plan_id)
        for directive_id in self.index.directives:
            pages[directive_page(directive_id)] = self.directive(directive_id)
        for unit_id in self.index.units:
            pages[unit_page(unit_id)] = self.unit(unit_id)
        return pages

    def home(self) -> str:
        counts = Counter(state.key for state in self.situations.values())
        cards = "".join(
            f'<div class="kh-card kh-{key}"><strong>{counts[key]}</strong><span>{esc(label)}</span></div>'
            for key, label in SITUATION_LABELS.items()
        )
        due30 = self._due_within(30)
        due90 = self._due_within(90)
        latest = sorted(self.index.plans.values(), key=lambda p: p.date, reverse=True)[:10]
        plan_rows = [[link(HOME, plan_page(p.id), p.number), esc(vn_date(p.date)), esc(p.title)] for p in latest]
        return "\n".join(
            [
                "# Kế hoạch công tác",
                "",
                f'<p class="kh-asof">Số liệu tính đến ngày <strong>{vn_date(self.today)}</strong>: '
                f"{len(self.index.plans)} kế hoạch, {len(self.situations)} nhiệm vụ, "
                f"{len(self.index.directives)} văn bản, {len(self.index.units)} đơn vị.</p>",
                "",
                f'<div class="kh-cards">{cards}</div>',
                "",
                f"Xem [danh sách nhiệm vụ quá hạn](nhiem-vu/qua-han.md) ({counts['overdue']}) "
                f"và [nhiệm vụ sắp đến hạn](nhiem-vu/sap-den-han.md).",
                "",
                "## Đến hạn trong 30 ngày tới",
                "",
                self.task_table(HOME, due30, with_plan=True),
                "",
                "## Đến hạn trong 90 ngày tới",
                "",
                self.task_table(HOME, due90, with_plan=True),
                "",
                "## Kế hoạch mới nhất",
                "",
                table(["Số", "Ngày", "Trích yếu"], plan_rows),
                "",
                "## Các kế hoạch theo thời gian",
                "",
                f'<div class="kh-chart">{self.plans_timeline()}</div>',
                "",
            ]
        )

    def plans_timeline(self) -> str:
        rows = []
        for plan in sorted(self.index.plans.values(), key=lambda p: p.date):
            start, end = plan_window(plan)
            tasks = self.tasks_by_plan.get(plan.id, [])
            state = "overdue" if any(self.situations[t.id].key == "overdue" for t in tasks) else "in-time"
            bars = (Bar(start, end),) if start and end else ()
            rows.append(Row(f"{plan.number} ({plan.date.year})", href(HOME, plan_page(plan.id)), bars, state))
        return timeline_svg(rows, self.today, "Thời gian của các kế hoạch")

    def _due_within(self, days: int) -> list[Task]:
        horizon = self.today + dt.timedelta(days=days)
        due = [
            t
            for t in self.index.tasks.values()
            if self.situations[t.id].key == "in-time" and self.situations[t.id].deadline <= horizon  # type: ignore[operator]
        ]
        return sorted(due, key=lambda t: (self.situations[t.id].deadline, t.plan, t.order))

    def tasks_by_status(self) -> str:
        lines = [
            "# Nhiệm vụ theo tình trạng",
            "",
            f'<p class="kh-asof">Tính đến ngày <strong>{vn_date(self.today)}</strong>.</p>',
            "",
        ]
        for key, label in SITUATION_LABELS.items():
            tasks = [t for t in self.index.tasks.values() if self.situations[t.id].key == key]
            if not tasks:
                continue
            tasks.sort(key=lambda t: (self.index.plans[t.plan].date, t.plan, t.order), reverse=False)
            lines += [f"## {label} ({len(tasks)})", "", self.task_table(TASKS, tasks, with_plan=True), ""]
        return "\n".join(lines)

    def documents_by_issuer(self) -> str:
        """Plans and cited documents grouped by the unit that issued them."""
        groups: dict[str, list[Directive | Plan]] = defaultdict(list)
        for record in [*self.index.plans.values(), *self.index.directives.values()]:
            groups[record.issuer].append(record)
        lines = ["# Văn bản theo cơ quan ban hành", ""]
        names = {u: (self.index.units[u].name if u in self.index.units else u) for u in groups}
        for issuer in sorted(groups, key=lambda u: sort_key(names[u])):
            rows = []
            for record in sorted(groups[issuer], key=lambda r: (r.date or dt.date.min, r.id), reverse=True):
                page = plan_page(record.id) if isinstance(record, Plan) else directive_page(record.id)
                kind = "Kế hoạch" if isinstance(record, Plan) else record.type.label.split(" (")[0]
                rows.append(
                    [
                        link(BY_ISSUER, page, record.number or "(không số)"),
                        esc(kind),
                        vn_date(record.date),
                        esc(record.title),
                    ]
                )
            lines += [f"## {md_text(names[issuer])}", "", table(["Số", "Loại", "Ngày", "Trích yếu"], rows), ""]
        return "\n".join(lines)

    def upcoming(self) -> str:
        return "\n".join(
            [
                "# Nhiệm vụ sắp đến hạn",
                "",
                f'<p class="kh-asof">Tính đến ngày <strong>{vn_date(self.today)}</strong>, trong 90 ngày tới.</p>',
                "",
                self.task_table(UPCOMING, self._due_within(90), with_plan=True),
                "",
            ]
        )

    def overdue(self) -> str:
        late = [t for t in self.index.tasks.values() if self.situations[t.id].key == "overdue"]
        late.sort(key=lambda t: (-(self.situations[t.id].days_late or 0), t.plan, t.order))
        rows = []
        for task in late:
            state = self.situations[task.id]
            rows.append(
                [
                    self.task_link(OVERDUE, task),
                    link(OVERDUE, plan_page(task.plan), self.index.plans[task.plan].number),
                    self.units_html(OVERDUE, task.lead),
                    esc(task.timeframe or "(theo thời gian kế hoạch)"),
                    vn_date(state.deadline),
                    f'<span class="kh-late">{state.days_late}</span>',
                ]
            )
        return "\n".join(
            [
                "# Nhiệm vụ quá hạn",
                "",
                f'<p class="kh-asof">Tính đến ngày <strong>{vn_date(self.today)}</strong> (ngày dựng trang). '
                "Nhiệm vụ chưa báo cáo hoàn thành mà đã qua hạn; nhiệm vụ thường xuyên, định kỳ không tính.</p>",
                "",
                table(["Nhiệm vụ", "Kế hoạch", "Chủ trì", "Thời gian", "Hạn", "Số ngày quá hạn"], rows),
                "",
            ]
        )

    def plans(self) -> str:
        by_year: dict[int, list[Plan]] = defaultdict(list)
        for plan in self.index.plans.values():
            by_year[plan.date.year].append(plan)
        lines = ["# Kế hoạch", ""]
        for year in sorted(by_year, reverse=True):
            rows = []
            for plan in sorted(by_year[year], key=lambda p: p.date, reverse=True):
                tasks = self.tasks_by_plan.get(plan.id, [])
                late = sum(self.situations[t.id].key == "overdue" for t in tasks)
                rows.append(
                    [
                        link(PLANS, plan_page(plan.id), plan.number),
                        vn_date(plan.date),
                        self.unit_link(PLANS, plan.issuer),
                        esc(plan.title),
                        str(len(tasks)),
                        str(late),
                    ]
                )
            lines += [
                f"## Năm {year}",
                "",
                table(["Số", "Ngày", "Cơ quan", "Trích yếu", "Nhiệm vụ", "Quá hạn"], rows),
                "",
            ]
        return "\n".join(lines)

    def plan(self, plan_id: str) -> str:
        here = plan_page(plan_id)
        plan = self.index.plans[plan_id]
        tasks = self.tasks_by_plan.get(plan_id, [])
        header = [
            ("Số", esc(plan.number)),
            ("Cơ quan ban hành", self.units_html(here, [plan.issuer, *plan.co_issuers])),
            ("Ngày ban hành", esc(vn_date(plan.date)) + (f", {esc(plan.place)}" if plan.place else "")),
            ("Thời gian", esc(plan.period or "")),
            ("Người ký", esc(" – ".join(filter(None, [plan.signer_title, plan.signer])))),
            ("Căn cứ", ", ".join(self.doc_link(here, b) for b in plan.basis)),
        ]
        lines = [
            f"# {md_text(plan.heading)} {md_text(plan.number)}",
            "",
            f'<p class="kh-title">{esc(plan.title)}</p>',
            "",
            '<dl class="kh-meta">' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in header if v) + "</dl>",
            "",
        ]
        if plan.preamble:
            lines += [f'<p class="kh-preamble">{esc(plan.preamble)}</p>', ""]
        for heading, items in (("Mục đích", plan.aims), ("Yêu cầu", plan.requirements)):
            if items:
                lines += [f"## {heading}", "", "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>", ""]
        chart = self.plan_timeline(here, plan, tasks)
        if chart:
            lines += ["## Tiến độ theo thời gian", "", f'<div class="kh-chart">{chart}</div>', ""]
        by_section: dict[str, list[Task]] = defaultdict(list)
        for task in tasks:
            by_section[task.section].append(task)
        lines += self._sections(here, plan.sections, "", by_section, 2)
        if plan.closing:
            lines += [f'<p class="kh-closing">{esc(plan.closing)}</p>', ""]
        if plan.recipients:
            lines += ["## Nơi nhận", "", "<ul>" + "".join(f"<li>{esc(r)}</li>" for r in plan.recipients) + "</ul>", ""]
        lines.append(self.edit_html(f"records/plans/{plan_id}/{plan_id}.yaml"))
        return "\n".join(lines) + "\n"

    def plan_timeline(self, here: str, plan: Plan, tasks: list[Task]) -> str:
        rows = []
        for task in tasks:
            frame = read_timeframe(task.timeframe)
            bars = []
            for part in frame.parts if frame else ():
                if part.end is None:
                    continue
                start = part.start or min(plan.date, part.end)
                bars.append(Bar(start, part.end))
            window_start, window_end = plan_window(plan)
            if task.timeframe is None and window_start and window_end:  # due with the plan itself
                bars.append(Bar(window_start, window_end))
            label = f"{task.order}. {_short(task, 60)}"
            rows.append(
                Row(label, href(here, here, task.id).replace("&amp;", "&"), tuple(bars), self.situations[task.id].key)
            )
        return timeline_svg(rows, self.today, f"Thời gian các nhiệm vụ của kế hoạch {plan.number}")

    def _sections(
        self, here: str, sections: list[Section], prefix: str, by_section: dict[str, list[Task]], depth: int
    ) -> list[str]:
        lines: list[str] = []
        for section in sections:
            key = f"{prefix}.{section.number.split('.')[-1]}" if prefix else section.number
            level = "#" * min(depth, 6)
            lines += [f"{level} {md_text(section.number)}. {md_text(section.heading)}", ""]
            if section.text:
                lines += [f'<div class="kh-text">{_paragraphs(section.text)}</div>', ""]
            for task in by_section.get(key, []):
                lines += [self._task_block(here, task), ""]
            lines += self._sections(here, section.sections, key, by_section, depth + 1)
        return lines

    def _task_block(self, here: str, task: Task) -> str:
        rows = [(label, self.units_html(here, getattr(task, field))) for field, label in ROLES]
        if task.lead_implied:
            rows[0] = ("Chủ trì", rows[0][1] + " <em>(văn bản không ghi; suy ra từ cơ quan ban hành)</em>")
        state = self.situations[task.id]
        rows += [
            ("Thời gian", esc(task.timeframe or "")),
            ("Hạn", esc(vn_date(state.deadline))),
            ("Tình trạng", self.status_html(task)),
            ("Văn bản liên quan", ", ".join(self.doc_link(here, d) for d in task.implements)),
            ("Cách thức", esc(task.method or "")),
            ("Hoàn thành", esc(vn_date(task.completed))),
        ]
        meta = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows if v)
        progress = ""
        if task.progress:
            items = "".join(
                f"<li><strong>{vn_date(p.date)}</strong>: {esc(p.note)}"
                + (f" <em>({esc(p.evidence)})</em>" if p.evidence else "")
                + "</li>"
                for p in task.progress
            )
            progress = f'<p class="kh-progress-title">Tiến độ</p><ul class="kh-progress">{items}</ul>'
        number = f"{esc(task.number)}. " if task.number else ""
        return (
            f'<div class="kh-task" id="{esc(task.id)}">'
            f'<p class="kh-task-text">{number}{_paragraphs(task.text)}</p>'
            f'<dl class="kh-meta">{meta}</dl>{progress}'
            f"{self.edit_html(_task_path(task))}</div>"
        )

    def directives(self) -> str:
        by_type: dict[str, list[Directive]] = defaultdict(list)
        for directive in self.index.directives.values():
            by_type[directive.type.label].append(directive)
        lines = ["# Văn bản chỉ đạo", ""]
        for label in sorted(by_type, key=sort_key):
            rows = [
                [
                    link(DIRECTIVES, directive_page(d.id), d.number or "(không số)"),
                    vn_date(d.date),
                    self.unit_link(DIRECTIVES, d.issuer),
                    esc(d.title),
                    str(len(self.index.incoming.get(d.id, []))),
                ]
                for d in sorted(by_type[label], key=lambda d: (d.date or dt.date.min, d.id), reverse=True)
            ]
            lines += [f"## {md_text(label)}", "", table(["Số", "Ngày", "Cơ quan", "Trích yếu", "Được dẫn"], rows), ""]
        return "\n".join(lines)

    def directive(self, directive_id: str) -> str:
        here = directive_page(directive_id)
        d = self.index.directives[directive_id]
        newer = successors(self.index, directive_id)
        meta = [
            ("Số", esc(d.number or "(không số)")),
            ("Loại", esc(d.type.label)),
            ("Cơ quan ban hành", self.units_html(here, [d.issuer, *d.co_issuers])),
            ("Ngày ban hành", esc(vn_date(d.date))),
            ("Hiệu lực", esc(d.status.label)),
            ("Thay thế", ", ".join(self.doc_link(here, s) for s in d.supersedes)),
            ("Bị thay thế bởi", ", ".join(self.doc_link(here, n.id) for n in newer)),
        ]
        citing_plans = sorted({r.source.id for r in self.index.referrers(directive_id, "basis", "plan")})
        tasks = [r.source.record for r in self.index.referrers(directive_id, "implements", "task")]
        lines = [
            f"# {md_text(d.type.label.split(' (')[0])} {md_text(d.number or '')}".rstrip(),
            "",
            f'<p class="kh-title">{esc(d.title)}</p>',
            "",
            '<dl class="kh-meta">' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in meta if v) + "</dl>",
            "",
            "## Kế hoạch căn cứ văn bản này",
            "",
            table(
                ["Số", "Ngày", "Trích yếu"],
                [
                    [
                        link(here, plan_page(p), self.index.plans[p].number),
                        vn_date(self.index.plans[p].date),
                        esc(self.index.plans[p].title),
                    ]
                    for p in citing_plans
                ],
            ),
            "",
            "## Nhiệm vụ triển khai văn bản này",
            "",
            self.task_table(here, sorted(tasks, key=lambda t: (t.plan, t.order)), with_plan=True),  # type: ignore[arg-type]
            "",
            self.edit_html(f"records/directives/{directive_id}.yaml"),
        ]
        return "\n".join(lines) + "\n"

    def units(self) -> str:
        by_province: dict[str, list[Unit]] = defaultdict(list)
        for unit in self.index.units.values():
            by_province[unit.province or ("Đơn vị chung" if unit.generic else "Trung ương")].append(unit)
        lines = ["# Đơn vị", ""]
        for province in sorted(by_province, key=sort_key):
            rows = []
            for unit in sorted(by_province[province], key=lambda u: sort_key(u.name)):
                led = len(self.index.referrers(unit.id, "lead", "task"))
                supported = sum(len(self.index.referrers(unit.id, f, "task")) for f, _ in ROLES[1:])
                rows.append(
                    [link(UNITS, unit_page(unit.id), unit.name), esc(unit.kind.label), str(led), str(supported)]
                )
            lines += [
                f"## {md_text(province)}",
                "",
                table(["Đơn vị", "Loại", "Chủ trì", "Phối hợp, tham mưu"], rows),
                "",
            ]
        return "\n".join(lines)

    def unit(self, unit_id: str) -> str:
        here = unit_page(unit_id)
        unit = self.index.units[unit_id]
        children = sorted(
            (r.source.id for r in self.index.referrers(unit_id, "parent", "unit")),
            key=lambda u: sort_key(self.index.units[u].name),
        )
        meta = [
            ("Tên ngắn", esc(", ".join(unit.short_names))),
            ("Cách viết khác", esc(", ".join(unit.aliases))),
            ("Ký hiệu", esc(", ".join(unit.codes))),
            ("Loại", esc(unit.kind.label)),
            ("Cấp trên", self.unit_link(here, unit.parent) if unit.parent else ""),
            ("Đơn vị trực thuộc", ", ".join(self.unit_link(here, c) for c in children)),
            ("Tỉnh, thành phố", esc(unit.province or "")),
            ("Hoạt động", esc(" – ".join(filter(None, [vn_date(unit.valid_from), vn_date(unit.valid_to)])))),
        ]
        lines = [
            f"# {md_text(unit.name)}",
            "",
            '<dl class="kh-meta">' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in meta if v) + "</dl>",
            "",
        ]
        for field, label in ROLES:
            tasks = [r.source.record for r in self.index.referrers(unit_id, field, "task")]
            if not tasks:
                continue
            lines += [f"## {label}", ""]
            groups: dict[tuple[int, str], list[Task]] = defaultdict(list)
            for task in tasks:
                year = self.index.plans[task.plan].date.year  # type: ignore[attr-defined]
                groups[(year, self.situations[task.id].key)].append(task)  # type: ignore[attr-defined]
            order = list(SITUATION_LABELS)
            for (year, key), group in sorted(groups.items(), key=lambda kv: (-kv[0][0], order.index(kv[0][1]))):
                lines += [f"### Năm {year}: {SITUATION_LABELS[key].lower()}", ""]
                lines += [self.task_table(here, sorted(group, key=lambda t: (t.plan, t.order)), with_plan=True), ""]
        lines.append(self.edit_html(f"records/units/{unit_id}.yaml"))
        return "\n".join(lines) + "\n"


def _short(task: Task, limit: int = 110) -> str:
    text = task.title or " ".join(task.text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _paragraphs(text: str) -> str:
    return "<br><br>".join(esc(p) for p in text.split("\n\n"))


def _task_path(task: Task) -> str:
    return f"records/plans/{task.plan}/tasks/{task.id}.yaml"


def build_pages(index: Index, today: dt.date, source_url: Callable[[str], str | None] | None = None) -> dict[str, str]:
    """Every generated page of the site: {path under docs/: Markdown}."""
    return Site(index, today, source_url).pages()
