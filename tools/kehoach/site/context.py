"""What every generated page reads, computed once from the index: each task's
situation on the build day, tasks per plan, unambiguous names of units and
documents, when each record file last changed; and the links and tables that
several page kinds share."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..derived import Situation, assess
from ..index import Index
from ..model import Directive, Plan, Task, Unit
from ..text import clip, fold, vn_date
from ..views.buckets import Situations, Summary, summarise
from ..views.scorecard import Row, scorecard
from ..views.select import QUARTER_NAMES, period
from .html import Col, a_tag, esc, filter_attr, href, link, nb, safe_url, table

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

SourceUrl = Callable[[str], "str | None"]


def plan_page(plan_id: str) -> str:
    return f"ke-hoach/{plan_id}.md"


def directive_page(directive_id: str) -> str:
    return f"van-ban/{directive_id}.md"


def report_page(report_id: str) -> str:
    return f"bao-cao/{report_id}.md"


def unit_page(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


def task_path(task: Task) -> str:
    return f"records/plans/{task.plan}/tasks/{task.id}.yaml"


def short(task: Task, limit: int = 110) -> str:
    return clip(task.title or task.text, limit)


def paragraphs(text: str, block: bool = False) -> str:
    """A record's text as HTML: each line is a paragraph of the document (blank lines
    between them or not), as ``<p>`` elements in a block, else separated by line breaks."""
    lines = [esc(line.strip()) for line in text.splitlines() if line.strip()]
    if block:
        return "".join(f"<p>{line}</p>" for line in lines)
    return "<br>".join(lines)


def _unit_labels(units: dict[str, Unit]) -> dict[str, str]:
    """The name a table shows for each unit: its first short name, with the
    province (or the parent's name) added when another unit would show the same."""
    plain = {uid: (u.short_names[0] if u.short_names else u.name) for uid, u in units.items()}
    seen = Counter(fold(name) for name in plain.values())
    labels = {}
    for uid, name in plain.items():
        unit = units[uid]
        if seen[fold(name)] > 1:
            # the full name usually carries the province ("... Tỉnh ủy Bình Thuận"); if not, add it
            where = unit.province or (units[unit.parent].name if unit.parent in units else "")
            name = unit.name if not where or fold(where) in fold(unit.name) else f"{unit.name} ({where})"
        labels[uid] = name
    return labels


def document_kind(record: Plan | Directive) -> str:
    return record.heading if isinstance(record, Plan) else record.type.label.split(" (")[0]


_TERM = re.compile(r"(?:lần thứ [IVXLC]+|nhiệm kỳ \d{4}\s*[–-]\s*\d{4})", re.IGNORECASE)


def _document_titles(index: Index) -> dict[str, str]:
    """Page titles of plans and directives; documents that would share a title
    get their date (or, with none, their issuer) added: 'Nghị quyết Đại hội (Bình Thuận, 2020)'."""
    records: list[Plan | Directive] = [*index.plans.values(), *index.directives.values()]
    plain = {r.id: f"{document_kind(r)} {r.number or ''}".strip() for r in records}
    seen = Counter(fold(t) for t in plain.values())
    titles = {}
    for record in records:
        title = plain[record.id]
        if seen[fold(title)] > 1:
            # the date tells same-named documents apart; with none, where and which term
            issuer = index.units.get(record.issuer or "")
            where = (issuer.province or issuer.name) if issuer else record.issuer
            term = _TERM.search(record.title or "")
            term_of = getattr(record, "term", None)  # a directive's own term (khóa); a plan has none
            said = f"khóa {term_of}" if term_of else (term.group(0) if term else "")
            extra = [vn_date(record.date)] if record.date else [where, said]
            title = f"{title} ({', '.join(filter(None, extra))})"
        titles[record.id] = title
    return titles


@dataclass
class SiteData:
    """The index plus everything computed from it that more than one page kind needs."""

    index: Index
    today: dt.date
    source_url: SourceUrl = field(default=lambda _path: None)
    changed: dict[str, dt.date] = field(default_factory=dict)  # record file -> last commit date
    downloads: set[str] = field(default_factory=set)  # take-away files built with the site

    def __post_init__(self) -> None:
        index = self.index
        self.situations: dict[str, Situation] = {
            task.id: assess(index, task, self.today) for task in index.tasks.values()
        }
        # the counts per year, quarter and unit ask for the same situations again
        self.counted = Situations(index, self.today, self.situations)
        self.tasks_by_plan: dict[str, list[Task]] = defaultdict(list)
        for task in sorted(index.tasks.values(), key=lambda t: t.order):
            self.tasks_by_plan[task.plan].append(task)
        self.unit_labels = _unit_labels(index.units)
        self._unit_links: dict[tuple[str, str], str] = {}
        self.titles = _document_titles(index)
        self._quarters: dict[int, dict[int, Summary]] = {}
        self._rows: dict[tuple[str, str, bool], list[str]] = {}  # (folder, task, with plan) -> table row
        self._facets: dict[str, str] = {}  # task -> its filter attribute
        self._hrefs: dict[tuple[str, str], str] = {}  # (folder, page) -> relative address
        self._task_cells: dict[str, tuple[str, str, str, str, str]] = {}

    # ------------------------------------------------------------ links

    def doc_link(self, here: str, record_id: str) -> str:
        """A link to a directive or plan by id, showing its number (or title)."""
        if record_id in self.index.plans:
            plan = self.index.plans[record_id]
            return f'<span class="kh-nb">{link(here, plan_page(record_id), plan.number, title=plan.title)}</span>'
        if record_id in self.index.directives:
            d = self.index.directives[record_id]
            anchor = link(here, directive_page(record_id), d.number or self.titles[record_id], title=d.title)
            return f'<span class="kh-nb">{anchor}</span>' if d.number else anchor
        return esc(record_id)

    def unit_link(self, here: str, unit_id: str) -> str:
        # the same few units are linked from thousands of rows: the link depends on the folder only
        key = (here.rpartition("/")[0], unit_id)
        found = self._unit_links.get(key)
        if found is None:
            found = self._unit_links[key] = self._unit_link(here, unit_id)
        return found

    def _unit_link(self, here: str, unit_id: str) -> str:
        unit = self.index.units.get(unit_id)
        if unit is None:
            return esc(unit_id)
        label = self.unit_labels[unit_id]
        return link(here, unit_page(unit_id), label, title=unit.name if label != unit.name else None)

    @cached_property
    def scorecard(self) -> dict[int, list[Row]]:
        """Per year, per lead unit: the results table of the home and unit pages."""
        return scorecard(self.index, self.today, self.counted)

    def quarters(self, year: int) -> dict[int, Summary]:
        """Per quarter of ``year``, the four groups by lead unit (``views.buckets``):
        counted once per year for the results page and every unit page."""
        found = self._quarters.get(year)
        if found is None:
            found = self._quarters[year] = {
                q: summarise(self.index, self.today, period(year, q), situations=self.counted) for q in QUARTER_NAMES
            }
        return found

    def report_link(self, here: str, report_id: str) -> str:
        report = self.index.reports[report_id]
        return f'<span class="kh-nb">{link(here, report_page(report_id), report.number, title=report.title)}</span>'

    def units_html(self, here: str, ids: list[str]) -> str:
        return ", ".join(self.unit_link(here, u) for u in ids)

    def issuers_html(self, here: str, issuer: str | None, co_issuers: list[str], absent: str) -> str:
        """The bodies a document names as its issuers, linked; ``absent`` when it names none."""
        ids = [u for u in (issuer, *co_issuers) if u]
        return self.units_html(here, ids) if ids else absent

    def task_link(self, here: str, task: Task, text: str | None = None) -> str:
        if text is not None:
            return link(here, plan_page(task.plan), text, anchor=task.id)
        # link(here, plan_page(task.plan), short(task), anchor=task.id), from parts made once:
        # the address of the plan page from the folder, the task's escaped short text
        cells = self._cells(task)
        return a_tag(f"{self._href(here, plan_page(task.plan))}#{cells[0]}", cells[1])

    def _href(self, here: str, page: str) -> str:
        """href(here, page): the same for every page of a folder."""
        key = (here.rpartition("/")[0], page)
        found = self._hrefs.get(key)
        if found is None:
            found = self._hrefs[key] = href(here, page)
        return found

    def _cells(self, task: Task) -> tuple[str, str, str, str, str]:
        """What a task's row shows the same on every page: its escaped id and short
        text, its time frame, deadline and situation."""
        found = self._task_cells.get(task.id)
        if found is None:
            state = self.situations[task.id]
            found = self._task_cells[task.id] = (
                esc(task.id),
                esc(short(task)),
                esc(task.timeframe or ""),
                nb(vn_date(state.deadline)),
                f'<span class="kh-status kh-{state.key}">{esc(state.label)}</span>',
            )
        return found

    def status_html(self, task: Task) -> str:
        return self._cells(task)[4]

    def as_of(self, extra: str = "") -> str:
        """The line every page that computes a situation carries."""
        return f'<p class="kh-asof">Tính đến ngày <strong>{vn_date(self.today)}</strong>{extra}.</p>'

    def source_html(self, path: str) -> str:
        """Where the record's file is and, from git, when it last changed."""
        url = self.source_url(path)
        source = f"<code>{esc(path)}</code>"
        if url:
            address = esc(safe_url(url, "extra.source_url"))
            line = f'Nguồn: <a href="{address}">{source}</a> (đề nghị sửa qua pull request)'
        else:
            line = f"Nguồn: {source}"
        when = self.changed.get(path)
        if when:
            line += f". Cập nhật lần cuối: {nb(vn_date(when))}"
        return f'<p class="kh-source">{line}</p>'

    # ------------------------------------------------------------ task tables

    TASK_COLUMNS = (
        Col("Nhiệm vụ", "text"),
        Col("Kế hoạch", "nb"),
        Col("Chủ trì"),
        Col("Phối hợp"),
        Col("Thời gian", "time"),
        Col("Hạn", "nb", key=True),
        Col("Tình trạng", "status", key=True),
    )

    def task_table(self, here: str, tasks: list[Task], with_plan: bool = False) -> str:
        # a task is listed on several pages (its situation, its units, its directives):
        # its row is made once for each folder, links being relative to the folder
        folder = here.rpartition("/")[0]
        rows = []
        for task in tasks:
            key = (folder, task.id, with_plan)
            row = self._rows.get(key)
            if row is None:
                row = self._rows[key] = self._task_row(here, task, with_plan)
            rows.append(row)
        return table(list(self.TASK_COLUMNS), rows, facets=[self.facets(t) for t in tasks])

    def _task_row(self, here: str, task: Task, with_plan: bool) -> list[str]:
        plan = ""
        if with_plan:
            number = esc(self.index.plans[task.plan].number)  # link(here, plan_page(...), number)
            plan = f'<span class="kh-nb">{a_tag(self._href(here, plan_page(task.plan)), number)}</span>'
        _, _, timeframe, deadline, status = self._cells(task)
        return [
            self.task_link(here, task),
            plan,
            self.units_html(here, task.lead),
            self.units_html(here, task.coordinating),
            timeframe,
            deadline,
            status,
        ]

    def facets(self, task: Task) -> str:
        """What a listing's filters test a task by: its plan's year, the lead's
        province, the lead units, the plan, the situation (all as a reader reads them)."""
        found = self._facets.get(task.id)
        if found is None:
            found = self._facets[task.id] = self._task_facets(task)
        return found

    def _task_facets(self, task: Task) -> str:
        plan = self.index.plans.get(task.plan)
        units = [self.index.units[u] for u in task.lead if u in self.index.units]
        return filter_attr(
            {
                "nam": str(plan.date.year) if plan else "",
                "tinh": next((u.province for u in units if u.province), ""),
                "don-vi": [self.unit_labels[u.id] for u in units],
                "ke-hoach": plan.number if plan else "",
                "tinh-trang": SITUATION_LABELS.get(self.situations[task.id].key, ""),
            }
        )

    def due_within(self, days: int) -> list[Task]:
        horizon = self.today + dt.timedelta(days=days)
        due = [
            t
            for t in self.index.tasks.values()
            if self.situations[t.id].key == "in-time" and self.situations[t.id].deadline <= horizon  # type: ignore[operator]
        ]
        return sorted(due, key=lambda t: (self.situations[t.id].deadline, t.plan, t.order))
