"""Date rules: a plan does not cite the future, task deadlines and completion
dates fit the plan, progress is not dated ahead, units exist when cited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..codes import Code
from ..derived import plan_window, task_deadline
from ..findings import Finding
from ..kinds import Kind
from ..model import Plan, Task
from .base import Context, at, citations, document_date, vn_date

FAR = dt.timedelta(days=365)


def check_cited_dates(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    for entry in ctx.entries():
        record = entry.record
        if not (record.basis if isinstance(record, Plan) else isinstance(record, Task) and record.implements):
            continue  # cites nothing (most tasks): no citation made
        for cite in citations(index, entry):
            cited = index.directives.get(cite.target) or index.plans.get(cite.target)
            if cited is not None and cited.date and cited.date > cite.when:
                code, message = cited_later(cite.field, index.label(cite.target), cited.date, cite.when)
                yield at(entry, (cite.field, cite.position), code, message)


def cited_later(field: str, name: str, date: dt.date, when: dt.date) -> tuple[Code, str]:
    """KH501 (a plan's 'basis') or KH502 (a task's 'implements'): the document ``name``,
    cited in ``field``, is dated ``date``, after the plan's date ``when``."""
    return (
        Code.KH501 if field == "basis" else Code.KH502,
        f"{name} ban hành ngày {vn_date(date)}, sau ngày {vn_date(when)} của kế hoạch; "
        "kiểm tra lại ngày của hai văn bản",
    )


def check_task_dates(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    windows = {plan_id: plan_window(plan)[1] for plan_id, plan in index.plans.items()}
    for entry, task in ctx.records(Task):
        plan = index.plans.get(task.plan)
        if plan is not None:
            for path, code, message in task_dates(task, plan, windows[task.plan], ctx.today):
                yield at(entry, path, code, message)


def task_dates(
    task: Task, plan: Plan, end: dt.date | None, today: dt.date
) -> Iterator[tuple[tuple[str | int, ...], Code, str]]:
    """KH503-KH506 for a task of ``plan`` (``end``: the end of the plan's period), each as
    the path, the code and the message. ``task`` is read for its time frame, completion
    date and progress dates only; ``plan`` for its date and period."""
    deadline = task_deadline(task, plan) if task.timeframe else None
    if deadline and deadline < plan.date:
        yield (
            _TIMEFRAME,
            Code.KH503,
            f"hạn {vn_date(deadline)} (đọc từ '{task.timeframe}') trước ngày ban hành kế hoạch {vn_date(plan.date)}",
        )
    if deadline and end and deadline > end + FAR:
        yield (
            _TIMEFRAME,
            Code.KH504,
            f"hạn {vn_date(deadline)} (đọc từ '{task.timeframe}') quá một năm sau khi kế hoạch kết thúc "
            f"({vn_date(end)}); kiểm tra năm ghi trong thời gian thực hiện",
        )
    if task.completed and task.completed < plan.date:
        yield (
            _COMPLETED,
            Code.KH505,
            f"ngày hoàn thành {vn_date(task.completed)} trước ngày ban hành kế hoạch {vn_date(plan.date)}",
        )
    if task.completed and task.completed > today:
        yield (
            _COMPLETED,
            Code.KH506,
            f"ngày hoàn thành {vn_date(task.completed)} ở tương lai (hôm nay là {vn_date(today)})",
        )
    for position, progress in enumerate(task.progress):
        if progress.date > today:
            yield (
                ("progress", position, "date"),
                Code.KH506,
                f"mục tiến độ ghi ngày {vn_date(progress.date)}, ở tương lai (hôm nay là {vn_date(today)})",
            )


_TIMEFRAME, _COMPLETED = ("timeframe",), ("completed",)


def check_unit_validity(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    # Only units with a period of existence can be cited out of it: most have none.
    bounded = {unit_id: unit for unit_id, unit in index.units.items() if unit.valid_to or unit.valid_from}
    if not bounded:
        return
    outgoing = index.outgoing
    for entry in ctx.entries():
        if entry.kind is Kind.UNIT:
            continue
        when: dt.date | None = None
        for ref in outgoing[entry.id]:
            unit = bounded.get(ref.target)
            if unit is None or Kind.UNIT not in ref.kinds:  # the kinds its field may name (REFERENCE_FIELDS)
                continue
            when = when or document_date(index, entry)
            if when is None:
                break
            if unit.valid_to and when > unit.valid_to:
                after = ", ".join(f"'{u}'" for u in unit.succeeded_by)
                hint = f"; đơn vị kế tục: {after}" if after else ""
                yield at(
                    entry,
                    ref.path,
                    Code.KH510,
                    f"{unit.name} chỉ hoạt động đến {vn_date(unit.valid_to)}, nhưng được nêu trong văn bản "
                    f"ngày {vn_date(when)}{hint}",
                )
            elif unit.valid_from and when < unit.valid_from:
                yield at(
                    entry,
                    ref.path,
                    Code.KH510,
                    f"{unit.name} hoạt động từ {vn_date(unit.valid_from)}, sau ngày {vn_date(when)} của văn bản",
                )
