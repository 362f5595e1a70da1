"""Status rules: done means a completion date and the reverse, overdue tasks
(as of the check date), tasks with no lead, directives nobody cites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..codes import Code
from ..derived import FIVE_CLEAR, Group, Situation, assess, five_clear_missing
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
    status = ("status",)
    for entry, task in ctx.records(Task):
        state = assess(index, task, ctx.today)
        if state.group in LATE_GROUPS:
            yield at(entry, *overdue(state, task, entry.file.positions.has_key(status), today, dates))


# The groups a task is reported in (KH603, KH604).
LATE_GROUPS = frozenset((Group.OVERDUE, Group.UNREPORTED))


Placed = tuple[tuple[str | int, ...], Code, str]  # a finding before it is placed: the path, the code, the message


def overdue(state: Situation, task: Task, has_status: bool, today: str, dates: dict[dt.date | None, str]) -> Placed:
    """KH603/KH604 for a task where it stands (``state``: one of ``LATE_GROUPS``)
    (``has_status``: whether its file writes 'status'; ``today`` as written in messages;
    ``dates``: each deadline as written, shared by the calls of one check).
    ``task`` is read for its time frame and status only."""
    group = state.group
    late, deadline = state.days_late, state.deadline
    source = f"'{task.timeframe}'" if task.timeframe else "thời gian của kế hoạch"
    if state.period:
        source += f", kỳ {state.label.rsplit('(', 1)[-1].rstrip(')')}"
    path = _STATUS if has_status else _TIMEFRAME
    when = dates.get(deadline)
    if when is None:
        when = dates[deadline] = vn_date(deadline)
    if group is Group.OVERDUE:
        return (
            path,
            Code.KH603,
            f"quá hạn {late} ngày: hạn {when} (đọc từ {source}), tình trạng '{task.status.value}' tính đến {today}",
        )
    return (
        path,
        Code.KH604,
        f"chưa có báo cáo: đã qua hạn {when} (đọc từ {source}) {late} ngày mà chưa có "
        "tiến độ hay báo cáo nào ghi kết quả; không tính là quá hạn",
    )


_STATUS, _TIMEFRAME = ("status",), ("timeframe",)


def check_lead(ctx: Context) -> Iterator[Finding]:
    for entry, task in ctx.records(Task):
        if not task.lead:
            yield at(entry, ("lead",), Code.KH701, "nhiệm vụ chưa có đơn vị chủ trì ('lead')")


def check_uncited(ctx: Context) -> Iterator[Finding]:
    named = ctx.index.targets
    for entry in ctx.entries(Kind.DIRECTIVE):
        if entry.id not in named:
            yield at(entry, ("id",), Code.KH702, "chưa có kế hoạch, nhiệm vụ hay văn bản nào trích dẫn văn bản này")


def check_five_clear(ctx: Context) -> Iterator[Finding]:
    """KH711: a task that does not meet all of the '5 rõ' offices apply to assigned work."""
    plans = ctx.index.plans
    messages: dict[tuple[str, ...], str] = {}  # one for each set of missing names (at most 32)
    for entry, task in ctx.records(Task):
        missing = five_clear_missing(task, plans.get(task.plan))
        if missing:
            yield at(entry, _TEXT, Code.KH711, five_clear_message(missing, messages))


_TEXT = ("text",)
_MEANING = dict(FIVE_CLEAR)


def five_clear_message(missing: tuple[str, ...], messages: dict[tuple[str, ...], str]) -> str:
    """KH711's message for the '5 rõ' ``missing`` (``messages``: those written already)."""
    message = messages.get(missing)
    if message is None:
        detail = ", ".join(f"{name} ({_MEANING[name]})" for name in missing)
        message = messages[missing] = f"nhiệm vụ chưa đủ '5 rõ', thiếu: {detail}"
    return message
