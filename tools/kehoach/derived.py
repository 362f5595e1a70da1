"""Facts computed from the records, never written in them: a task's deadline,
whether it is continuous, overdue and by how many days. The checker, the site
and the reports all read these from here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Plan, Task, TaskStatus
from .model.timeframe import TimeFrame, TimeFrameError, parse_timeframe_cached


def read_timeframe(text: str | None) -> TimeFrame | None:
    """The structured reading of a time frame, or None when absent or unreadable
    (unreadable ones are reported by the model stage)."""
    if not text:
        return None
    try:
        return parse_timeframe_cached(text)
    except TimeFrameError:
        return None


def plan_window(plan: Plan) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of the period a plan covers; the start defaults to the plan's date."""
    period = read_timeframe(plan.period)
    if period is None:
        return plan.date, None
    end = period.deadline or period.first_due
    return (period.start or plan.date), end


def task_deadline(task: Task, plan: Plan | None) -> dt.date | None:
    """The date a task is due: from its own time frame, else the end of its plan's period.

    Continuous, recurring and on-request tasks have none."""
    frame = read_timeframe(task.timeframe)
    if frame is not None:
        return None if frame.is_continuous else frame.deadline
    if task.timeframe is None and plan is not None:
        return plan_window(plan)[1]
    return None


def is_continuous(task: Task) -> bool:
    frame = read_timeframe(task.timeframe)
    return frame is not None and frame.is_continuous


@dataclass(frozen=True)
class Situation:
    """Where a task stands on a given day, as the site and reports show it."""

    key: str  # done, cancelled, overdue, in-time, continuous, unknown
    label: str
    deadline: dt.date | None
    days_late: int | None = None


def situation(task: Task, plan: Plan | None, today: dt.date) -> Situation:
    deadline = task_deadline(task, plan)
    if task.status is TaskStatus.DONE:
        return Situation("done", "Đã hoàn thành", deadline)
    if task.status is TaskStatus.CANCELLED:
        return Situation("cancelled", "Dừng, hủy", deadline)
    if deadline is not None and today > deadline:
        late = (today - deadline).days
        return Situation("overdue", f"Quá hạn {late} ngày", deadline, late)
    if deadline is not None:
        return Situation("in-time", "Trong hạn", deadline)
    if is_continuous(task):
        return Situation("continuous", "Thường xuyên, định kỳ", None)
    return Situation("unknown", "Chưa rõ hạn", None)
