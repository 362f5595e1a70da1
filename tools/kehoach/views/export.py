"""Records as spreadsheet rows: one row per task, plan or directive, with
Vietnamese column headers, units by name, time frames as written beside the
computed deadline. ``sheets`` writes them as CSV or XLSX."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..derived import Situation, assess, plan_window, task_deadline
from ..index import Index
from ..kinds import Kind
from ..model import Directive, DirectiveStatus, Plan, Task, TaskStatus
from ..text import vn_date
from .buckets import Outcome, outcome, unit_label
from .select import Period, SelectionError, task_in_period

KINDS = ("tasks", "plans", "directives")
OVERDUE = "overdue"  # --status values for tasks computed, never written in a record
UNREPORTED = "unreported"

Value = str | int | dt.date | None


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # text, date, int
    width: int = 14  # XLSX width in characters; long text wraps at it
    wrap: bool = False


@dataclass
class Sheet:
    """One table for a spreadsheet: a title (the XLSX sheet name), columns and rows."""

    title: str
    columns: list[Column]
    rows: list[list[Value]] = field(default_factory=list)
    notes: list[tuple[str, Value]] = field(default_factory=list)  # what was exported, how, as of when
    as_of: dt.date | None = None  # the day the figures are computed for; the workbook's creation date


@dataclass(frozen=True)
class Filters:
    plan: str | None = None
    unit: str | None = None
    status: str | None = None
    period: Period | None = None

    def describe(self, index: Index) -> str:
        parts = []
        if self.plan:
            parts.append(f"kế hoạch {index.plans[self.plan].number}")
        if self.unit:
            parts.append(f"đơn vị {unit_label(index, self.unit)}")
        if self.status:
            parts.append(f"tình trạng: {status_label(self.status)}")
        if self.period:
            parts.append(self.period.label)
        return "; ".join(parts) or "không lọc"


def _units(index: Index, ids: list[str]) -> str:
    return "; ".join(unit_label(index, u) for u in ids)


def _documents(index: Index, ids: list[str]) -> str:
    """Cited documents by number (a document with no number by its title)."""
    names = []
    for doc_id in ids:
        record = index.plans.get(doc_id) or index.directives.get(doc_id)
        names.append(
            (record.number or getattr(record, "partial_number", None) or record.title or doc_id) if record else doc_id
        )
    return "; ".join(names)


def status_label(value: str) -> str:
    """The Vietnamese name of a --status value."""
    if value == OVERDUE:
        return "quá hạn"
    if value == UNREPORTED:
        return "chưa có báo cáo"
    for enum in (TaskStatus, DirectiveStatus):
        if value in {s.value for s in enum}:
            return enum(value).label
    return value


def check_status(kind: str, status: str | None) -> None:
    """Refuse a --status that the kind of record cannot have."""
    if status is None:
        return
    allowed = {
        "tasks": [s.value for s in TaskStatus] + [OVERDUE, UNREPORTED],
        "directives": [s.value for s in DirectiveStatus],
        "plans": [],
    }[kind]
    if not allowed:
        raise SelectionError("kế hoạch không có tình trạng; bỏ --status khi xuất kế hoạch")
    if status not in allowed:
        raise SelectionError(f"--status '{status}' không dùng được cho {kind}; chọn một trong: {', '.join(allowed)}")


# ------------------------------------------------------------------ tasks


def task_columns(today: dt.date) -> list[Column]:
    return [
        Column("Mã nhiệm vụ", width=30),
        Column("Kế hoạch", width=16),
        Column("Ngày kế hoạch", "date", 12),
        Column("Mục", width=8),
        Column("Số", width=6),
        Column("Thứ tự", "int", 7),
        Column("Tên ngắn", width=30, wrap=True),
        Column("Nội dung", width=60, wrap=True),
        Column("Chủ trì", width=30, wrap=True),
        Column("Phối hợp", width=30, wrap=True),
        Column("Tham mưu", width=24, wrap=True),
        Column("Thực hiện", width=24, wrap=True),
        Column("Văn bản liên quan", width=20, wrap=True),
        Column("Thời gian thực hiện (như văn bản)", width=24, wrap=True),
        Column("Hạn (tính)", "date", 12),
        Column("Tình trạng", width=18),
        Column("Ngày hoàn thành", "date", 12),
        Column(f"Tình hình (tính đến {vn_date(today)})", width=18),
        Column("Phân loại báo cáo", width=20),
        Column("Tiến độ gần nhất", width=40, wrap=True),
        Column("Ghi chú", width=30, wrap=True),
        Column("Tệp", width=40),
    ]


def _task_wanted(index: Index, task: Task, filters: Filters, today: dt.date) -> bool:
    plan = index.plans.get(task.plan)
    if filters.plan and task.plan != filters.plan:
        return False
    roles = [*task.lead, *task.coordinating, *task.advising, *task.executing]
    if filters.unit and filters.unit not in roles:
        return False
    if filters.status in (OVERDUE, UNREPORTED):
        if assess(index, task, today).key != filters.status:
            return False
    elif filters.status and task.status.value != filters.status:
        return False
    return task_in_period(task, plan, filters.period)


def task_sheet(
    index: Index, today: dt.date, filters: Filters = Filters(), situations: dict[str, Situation] | None = None
) -> Sheet:
    """``situations``: each task's, as ``assess`` gives it on ``today``, when already worked out."""
    sheet = Sheet("Nhiệm vụ", task_columns(today))
    tasks = sorted(index.tasks.values(), key=lambda t: (_plan_key(index, t.plan), t.order))
    for task in tasks:
        if not _task_wanted(index, task, filters, today):
            continue
        plan = index.plans.get(task.plan)
        latest = task.progress[-1] if task.progress else None
        entry = index.get(task.id)
        state = situations[task.id] if situations is not None else assess(index, task, today)
        sheet.rows.append(
            [
                task.id,
                plan.number if plan else task.plan,
                plan.date if plan else None,
                task.section,
                task.number,
                task.order,
                task.title,
                task.text,
                _units(index, task.lead),
                _units(index, task.coordinating),
                _units(index, task.advising),
                _units(index, task.executing),
                _documents(index, task.implements),
                task.timeframe,
                task_deadline(task, plan),
                task.status.label,
                task.completed,
                state.label,
                state.group.header,
                f"{vn_date(latest.date)}: {latest.note}" if latest else None,
                task.note,
                str(entry.file.rel) if entry else None,
            ]
        )
    return sheet


def _plan_key(index: Index, plan_id: str) -> tuple[dt.date, str]:
    plan = index.plans.get(plan_id)
    return (plan.date if plan else dt.date.max, plan_id)


# ------------------------------------------------------------------ plans

PLAN_COLUMNS = [
    Column("Mã kế hoạch", width=28),
    Column("Số hiệu", width=16),
    Column("Tên loại", width=12),
    Column("Ngày ban hành", "date", 12),
    Column("Trích yếu", width=50, wrap=True),
    Column("Cơ quan ban hành", width=30, wrap=True),
    Column("Cơ quan cùng ban hành", width=24, wrap=True),
    Column("Thời gian của kế hoạch (như văn bản)", width=20, wrap=True),
    Column("Hạn (cuối thời gian kế hoạch)", "date", 12),
    Column("Căn cứ", width=30, wrap=True),
    Column("Người ký", width=20),
    Column("Chức vụ người ký", width=20),
    Column("Số nhiệm vụ", "int", 9),
    *(Column(o.header, "int", 11) for o in Outcome),
    Column("Ghi chú", width=30, wrap=True),
    Column("Tệp", width=40),
]


def _plan_wanted(index: Index, plan: Plan, filters: Filters) -> bool:
    if filters.plan and plan.id != filters.plan:
        return False
    if filters.unit and filters.unit not in (plan.issuer, *plan.co_issuers):
        return False
    return filters.period is None or filters.period.holds(plan.date)


def plan_sheet(index: Index, today: dt.date, filters: Filters = Filters()) -> Sheet:
    sheet = Sheet("Kế hoạch", list(PLAN_COLUMNS))
    tasks_of: dict[str, list[Task]] = {}
    for task in index.tasks.values():
        tasks_of.setdefault(task.plan, []).append(task)
    for plan in sorted(index.plans.values(), key=lambda p: (p.date, p.id)):
        if not _plan_wanted(index, plan, filters):
            continue
        tasks = tasks_of.get(plan.id, [])
        results = [outcome(index, t, today) for t in tasks]
        entry = index.get(plan.id)
        sheet.rows.append(
            [
                plan.id,
                plan.number,
                plan.heading,
                plan.date,
                plan.title,
                unit_label(index, plan.issuer) if plan.issuer else None,
                _units(index, plan.co_issuers),
                plan.period,
                plan_window(plan)[1],
                _documents(index, plan.basis),
                plan.signer,
                plan.signer_title,
                len(tasks),
                *(results.count(o) for o in Outcome),
                plan.note,
                str(entry.file.rel) if entry else None,
            ]
        )
    return sheet


# ------------------------------------------------------------------ directives

DIRECTIVE_COLUMNS = [
    Column("Mã văn bản", width=28),
    Column("Số và ký hiệu", width=18),
    Column("Loại văn bản", width=14),
    Column("Cơ quan ban hành", width=30, wrap=True),
    Column("Cơ quan cùng ban hành", width=24, wrap=True),
    Column("Ngày ban hành", "date", 12),
    Column("Trích yếu", width=50, wrap=True),
    Column("Hiệu lực", width=16),
    Column("Thay thế văn bản", width=18, wrap=True),
    Column("Bị thay thế bởi", width=18, wrap=True),
    Column("Kế hoạch căn cứ vào", width=24, wrap=True),
    Column("Số nhiệm vụ triển khai", "int", 10),
    Column("Ghi chú", width=30, wrap=True),
    Column("Tệp", width=40),
]


def _cited_by_plan(index: Index, plan_id: str) -> set[str]:
    """Documents a plan cites: its basis and what its tasks implement."""
    plan = index.plans[plan_id]
    cited = set(plan.basis) | set(plan.cites)
    for task in index.tasks.values():
        if task.plan == plan_id:
            cited.update(task.implements)
    return cited


def _directive_wanted(directive: Directive, filters: Filters, cited: set[str] | None) -> bool:
    if cited is not None and directive.id not in cited:
        return False
    if filters.unit and filters.unit not in (directive.issuer, *directive.co_issuers):
        return False
    if filters.status and directive.status.value != filters.status:
        return False
    return filters.period is None or (directive.date is not None and filters.period.holds(directive.date))


def directive_sheet(index: Index, today: dt.date, filters: Filters = Filters()) -> Sheet:
    sheet = Sheet("Văn bản", list(DIRECTIVE_COLUMNS))
    cited = _cited_by_plan(index, filters.plan) if filters.plan else None
    directives = sorted(index.directives.values(), key=lambda d: (d.date or dt.date.min, d.id))
    for directive in directives:
        if not _directive_wanted(directive, filters, cited):
            continue
        successors = [ref.source.id for ref in index.referrers(directive.id, "supersedes", Kind.DIRECTIVE)]
        plans = [ref.source.id for ref in index.referrers(directive.id, "basis", Kind.PLAN)]
        tasks = {ref.source.id for ref in index.referrers(directive.id, "implements", Kind.TASK)}
        entry = index.get(directive.id)
        sheet.rows.append(
            [
                directive.id,
                directive.number,
                directive.type.label.split(" (")[0],
                unit_label(index, directive.issuer) if directive.issuer else None,
                _units(index, directive.co_issuers),
                directive.date,
                directive.title,
                directive.status.label,
                _documents(index, directive.supersedes),
                _documents(index, successors),
                _documents(index, plans),
                len(tasks),
                directive.note,
                str(entry.file.rel) if entry else None,
            ]
        )
    return sheet


BUILDERS: dict[str, Callable[[Index, dt.date, Filters], Sheet]] = {
    "tasks": task_sheet,
    "plans": plan_sheet,
    "directives": directive_sheet,
}


NOTES: dict[str, list[tuple[str, Value]]] = {
    "tasks": [
        (
            "Hạn",
            "tính từ thời gian thực hiện; nhiệm vụ không ghi thời gian lấy ngày cuối thời gian của kế hoạch; "
            "nhiệm vụ thường xuyên, định kỳ, theo yêu cầu không có hạn",
        ),
        ("Phân loại báo cáo", "bốn nhóm của lệnh kehoach report (xem trang Báo cáo, xuất dữ liệu)"),
    ],
    "plans": [("Các cột đếm", "số nhiệm vụ của kế hoạch theo từng nhóm của lệnh kehoach report")],
}


def build_sheet(kind: str, index: Index, today: dt.date, filters: Filters) -> Sheet:
    sheet = BUILDERS[kind](index, today, filters)
    sheet.as_of = today
    sheet.notes = [
        ("Nội dung", f"{sheet.title}, mỗi dòng một bản ghi"),
        ("Số dòng", len(sheet.rows)),
        ("Tính đến ngày", today),
        ("Bộ lọc", filters.describe(index)),
        *NOTES.get(kind, []),
        ("Nguồn", "kho bản ghi kehoach (lệnh kehoach export)"),
    ]
    return sheet
