"""Status rules: done means a completion date and the reverse, overdue tasks
(as of the check date), tasks with no lead, directives nobody cites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..codes import Code
from ..derived import FIVE_CLEAR, Group, assess, five_clear_missing
from ..findings import Finding
from ..kinds import Kind
from ..model import Task, TaskStatus
from .base import Context, at, vn_date


def check_completion(ctx: Context) -> Iterator[Finding]:
    for entry, task in ctx.records(Task):
        if task.status is TaskStatus.DONE and task.completed is None:
            yield at(
                entry, ("status",), Code.KH601, "nhiệm vụ ghi 'status: done' nhưng thiếu 'completed' (ngày hoàn thành)"
            )
        if task.completed is not None and task.status is not TaskStatus.DONE:
            yield at(
                entry,
                ("completed",),
                Code.KH602,
                f"có ngày hoàn thành {vn_date(task.completed)} nhưng 'status' là '{task.status.value}'; "
                "ghi 'status: done' hoặc bỏ 'completed'",
            )


def check_overdue(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    today = vn_date(ctx.today)
    dates: dict[dt.date | None, str] = {}  # each deadline written once (a few hundred dates for 100,000 tasks)
    status, timeframe = ("status",), ("timeframe",)
    for entry, task in ctx.records(Task):
        state = assess(index, task, ctx.today)
        group = state.group
        if group is Group.OVERDUE or group is Group.UNREPORTED:
            late, deadline = state.days_late, state.deadline
            source = f"'{task.timeframe}'" if task.timeframe else "thời gian của kế hoạch"
            if state.period:
                source += f", kỳ {state.label.rsplit('(', 1)[-1].rstrip(')')}"
            path = status if entry.file.positions.has_key(status) else timeframe
            when = dates.get(deadline)
            if when is None:
                when = dates[deadline] = vn_date(deadline)
            if group is Group.OVERDUE:
                yield at(
                    entry,
                    path,
                    Code.KH603,
                    f"quá hạn {late} ngày: hạn {when} (đọc từ {source}), tình trạng "
                    f"'{task.status.value}' tính đến {today}",
                )
            else:
                yield at(
                    entry,
                    path,
                    Code.KH604,
                    f"chưa có báo cáo: đã qua hạn {when} (đọc từ {source}) {late} ngày mà chưa có "
                    "tiến độ hay báo cáo nào ghi kết quả; không tính là quá hạn",
                )


def check_lead(ctx: Context) -> Iterator[Finding]:
    for entry, task in ctx.records(Task):
        if not task.lead:
            yield at(entry, ("lead",), Code.KH701, "nhiệm vụ chưa có đơn vị chủ trì ('lead')")


def check_uncited(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    for entry in ctx.entries(Kind.DIRECTIVE):
        if not index.incoming.get(entry.id):
            yield at(entry, ("id",), Code.KH702, "chưa có kế hoạch, nhiệm vụ hay văn bản nào trích dẫn văn bản này")


def check_five_clear(ctx: Context) -> Iterator[Finding]:
    """KH711: a task that does not meet all of the '5 rõ' offices apply to assigned work."""
    meaning = dict(FIVE_CLEAR)
    plans = ctx.index.plans
    messages: dict[tuple[str, ...], str] = {}  # one for each set of missing names (at most 32)
    text = ("text",)
    for entry, task in ctx.records(Task):
        missing = five_clear_missing(task, plans.get(task.plan))
        if missing:
            message = messages.get(missing)
            if message is None:
                detail = ", ".join(f"{name} ({meaning[name]})" for name in missing)
                message = messages[missing] = f"nhiệm vụ chưa đủ '5 rõ', thiếu: {detail}"
            yield at(entry, text, Code.KH711, message)
