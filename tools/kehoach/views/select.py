"""What a user types to narrow a view, resolved against the index: a unit or
a plan by id, name or number (with or without diacritics), and a reporting
period (a year or a quarter of it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..derived import plan_window, task_deadline
from ..index import Index
from ..model import Plan, Task
from ..resolve import Resolver


class SelectionError(ValueError):
    """A filter that names nothing, or several things; the message says which and why (Vietnamese)."""


def resolve_unit(index: Index, text: str) -> str:
    """A unit id from its id, name, short name, other spelling or document code (see ``kehoach.resolve``)."""
    return _resolve(index, "unit", text)


def resolve_plan(index: Index, text: str) -> str:
    """A plan id from its id, its number ('12-KH/BDVTU') or its title."""
    return _resolve(index, "plan", text)


def _resolve(index: Index, kind: str, text: str) -> str:
    found = Resolver(index, (kind,)).resolve(text)
    if found.chosen is None:
        raise SelectionError(found.message())
    return found.chosen


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str  # "năm 2021", "quý III năm 2021"

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        return (start is None or start <= self.end) and (end is None or end >= self.start)


QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period(year: int | None, quarter: int | None) -> Period | None:
    """The reporting period ``--year``/``--quarter`` name; a quarter needs its year."""
    if year is None:
        if quarter is not None:
            raise SelectionError("--quarter cần đi kèm --year (ví dụ --year 2021 --quarter 3)")
        return None
    if not 1945 <= year <= 2100:
        raise SelectionError(f"--year {year} nằm ngoài khoảng 1945-2100")
    if quarter is None:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}")
    if quarter not in QUARTER_NAMES:
        raise SelectionError(f"--quarter {quarter} không tồn tại; chỉ có quý 1 đến 4")
    first = 3 * quarter - 2
    end = dt.date(year, 12, 31) if quarter == 4 else dt.date(year, first + 3, 1) - dt.timedelta(days=1)
    return Period(dt.date(year, first, 1), end, f"quý {QUARTER_NAMES[quarter]} năm {year}")


def task_in_period(task: Task, plan: Plan | None, when: Period | None) -> bool:
    """Whether a task belongs to a reporting period: its deadline falls in it.

    A task with no deadline (continuous, recurring, on request, or none written)
    belongs to every period its plan covers, since it is due all along."""
    return due_in_period(task_deadline(task, plan) if when is not None else None, plan, when)


def due_in_period(deadline: dt.date | None, plan: Plan | None, when: Period | None) -> bool:
    """``task_in_period`` for a task due on ``deadline`` (``derived.task_deadline``) in ``plan``."""
    if when is None:
        return True
    if deadline is not None:
        return when.holds(deadline)
    if plan is None:
        return True
    return when.overlaps(*plan_window(plan))
