"""Report rules: a report's results concern the plans it covers and fit its
dates, a task is not reported done on two different dates, figures have a unit
of measure, and a report's period runs forwards. A result for a task that does
not exist is a dangling reference (KH301, with its suggestions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..codes import Code
from ..derived import periods
from ..findings import Finding
from ..index import Entry, section_paths
from ..kinds import Kind
from ..model import Report, ResultOutcome
from .base import Context, at, vn_date


def _reports(ctx: Context) -> Iterator[tuple[Entry, Report]]:
    # Every report, not only those in scope: run_check keeps the findings of the
    # files asked for, and these rules are cheap.
    for entry in ctx.index.of_kind(Kind.REPORT):
        if isinstance(entry.record, Report):
            yield entry, entry.record


def check_covered_plans(ctx: Context) -> Iterator[Finding]:
    """KH801: a result or figure for a task of a plan the report does not list."""
    tasks = ctx.index.tasks
    for entry, report in _reports(ctx):
        covered = set(report.plans)
        items = [("results", i, r.task) for i, r in enumerate(report.results)]
        items += [("figures", i, f.task) for i, f in enumerate(report.figures)]
        for name, position, task_id in items:
            task = tasks.get(task_id) if task_id else None
            if task is None or task.plan in covered:
                continue
            listed = ", ".join(f"'{p}'" for p in report.plans) or "(chưa ghi kế hoạch nào)"
            yield at(
                entry,
                (name, position, "task"),
                Code.KH801,
                f"nhiệm vụ '{task.id}' thuộc kế hoạch '{task.plan}', không có trong 'plans' của báo cáo "
                f"({listed}); thêm kế hoạch đó vào 'plans' hoặc sửa mã nhiệm vụ",
            )


def check_result_dates(ctx: Context) -> Iterator[Finding]:
    """KH802: a result dated after the report that states it."""
    for entry, report in _reports(ctx):
        for position, result in enumerate(report.results):
            if result.date is not None and result.date > report.date:
                yield at(
                    entry,
                    ("results", position, "date"),
                    Code.KH802,
                    f"kết quả ghi ngày {vn_date(result.date)}, sau ngày {vn_date(report.date)} của chính báo cáo",
                )


def check_done_twice(ctx: Context) -> Iterator[Finding]:
    """KH803: one task reported done by two reports, on different dates. A periodic
    task is done once per period: only reports on overlapping periods contradict."""
    index = ctx.index
    first: dict[str, tuple[dt.date, Entry]] = {}
    done: list[tuple[dt.date, str, int, Entry, str]] = []
    for entry, report in _reports(ctx):
        for position, result in enumerate(report.results):
            if result.task and result.outcome is ResultOutcome.DONE:
                done.append((result.date or report.date, str(entry.file.rel), position, entry, result.task))
    done.sort(key=lambda item: item[:3])
    for when, _, position, entry, task_id in done:
        earlier = first.get(task_id)
        if earlier is None:
            first[task_id] = (when, entry)
            continue
        if earlier[0] == when or earlier[1] is entry:
            continue
        task = index.tasks.get(task_id)
        this: Report = entry.record  # type: ignore[assignment]
        that: Report = earlier[1].record  # type: ignore[assignment]
        apart = this.period_start > that.period_end or that.period_start > this.period_end
        if apart and task and periods(task, index.plans.get(task.plan), ctx.today):
            first[task_id] = (when, entry)  # the next period's completion
            continue
        yield at(
            entry,
            ("results", position, "outcome"),
            Code.KH803,
            f"nhiệm vụ '{task_id}' đã được báo cáo hoàn thành ngày {vn_date(earlier[0])} trong "
            f"'{earlier[1].id}', ở đây lại hoàn thành ngày {vn_date(when)}; giữ một ngày hoàn thành "
            "(nhiệm vụ định kỳ: mỗi kỳ một báo cáo, ghi ngày trong kỳ đó)",
        )


def check_figure_units(ctx: Context) -> Iterator[Finding]:
    """KH804: a figure without its unit of measure."""
    for entry, report in _reports(ctx):
        for position, figure in enumerate(report.figures):
            if figure.unit is None:
                yield at(
                    entry,
                    ("figures", position, "value"),
                    Code.KH804,
                    f"số liệu '{figure.name}' ({figure.value:g}) thiếu đơn vị tính ('unit'), "
                    "ví dụ 'mô hình', 'hội nghị', 'lượt người', '%'",
                )


def check_period(ctx: Context) -> Iterator[Finding]:
    """KH805: a reporting period that ends before it starts."""
    for entry, report in _reports(ctx):
        if report.period_end < report.period_start:
            yield at(
                entry,
                ("period_end",),
                Code.KH805,
                f"kỳ báo cáo kết thúc ngày {vn_date(report.period_end)}, trước ngày bắt đầu "
                f"{vn_date(report.period_start)}",
            )


def check_result_targets(ctx: Context) -> Iterator[Finding]:
    """KH806: a result names neither a task nor a section, or a section its plan lacks."""
    index = ctx.index
    for entry, report in _reports(ctx):
        for position, result in enumerate(report.results):
            if result.task is not None:
                continue
            if result.section is None:
                yield at(
                    entry,
                    ("results", position),
                    Code.KH806,
                    "kết quả không ghi nhiệm vụ ('task') hay mục ('section') mà nó thuộc về",
                )
                continue
            plan_id = result.plan or (report.plans[0] if len(report.plans) == 1 else None)
            plan = index.plans.get(plan_id) if plan_id else None
            if plan_id is None:
                yield at(
                    entry,
                    ("results", position, "section"),
                    Code.KH806,
                    f"mục '{result.section}' không rõ thuộc kế hoạch nào; ghi 'plan' cho kết quả này",
                )
            elif plan is not None and result.section not in (valid := list(section_paths(plan.sections))):
                yield at(
                    entry,
                    ("results", position, "section"),
                    Code.KH806,
                    f"kế hoạch '{plan_id}' không có mục '{result.section}'; các mục có: "
                    f"{', '.join(valid) or '(chưa khai báo mục)'}",
                )
