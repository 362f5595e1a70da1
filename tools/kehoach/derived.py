"""Facts computed from the records, never written in them: a task's deadline,
whether it is continuous, and where it stands (``situation``): the official
groups, from its status, its progress entries and the reports that mention it,
one due date per period for periodic tasks. The checker, the site, the reports
and the exports all read these from here."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from .kinds import Kind
from .model import Plan, Report, Result, ResultOutcome, Task, TaskStatus
from .model.timeframe import TimeFrame, TimeFrameError, month_end, parse_timeframe_cached

if TYPE_CHECKING:
    from .index import Index

_set = object.__setattr__


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
    return _window(plan.period, plan.date)


@lru_cache(maxsize=4096)  # asked for every task of a plan, by every check, page and report
def _window(text: str | None, date: dt.date) -> tuple[dt.date | None, dt.date | None]:
    period = read_timeframe(text)
    if period is None:
        return date, None
    end = period.deadline or period.first_due
    return (period.start or date), end


def task_deadline(task: Task, plan: Plan | None) -> dt.date | None:
    """The date a task is due: from its own time frame, else the end of its plan's period.

    Continuous, recurring and on-request tasks have none."""
    return _deadline(task, read_timeframe(task.timeframe), plan)


def _deadline(task: Task, frame: TimeFrame | None, plan: Plan | None) -> dt.date | None:
    """``task_deadline`` with the task's time frame read already."""
    if frame is not None:
        return None if frame.is_continuous else frame.deadline
    if task.timeframe is None and plan is not None:
        return _window(plan.period, plan.date)[1]
    return None


def is_continuous(task: Task) -> bool:
    frame = read_timeframe(task.timeframe)
    return frame is not None and frame.is_continuous


class Group(Enum):
    """Where a task stands on a date: the four official groups, and the cases
    counted apart. (key, situation key, short header, full label)."""

    ON_TIME = "on_time", "done", "Hoàn thành đúng hạn", "Đã hoàn thành, không muộn hơn hạn"
    LATE = "late", "done-late", "Hoàn thành quá hạn", "Đã hoàn thành, nhưng sau hạn"
    IN_TIME = "in_time", "in-time", "Đang thực hiện trong hạn", "Chưa hoàn thành, chưa đến hạn"
    OVERDUE = "overdue", "overdue", "Quá hạn chưa hoàn thành", "Chưa hoàn thành, đã quá hạn; đã có tiến độ hoặc báo cáo"
    UNREPORTED = (
        "unreported",
        "unreported",
        "Chưa có báo cáo",
        "Đã qua hạn, chưa có tiến độ hay báo cáo nào; không tính là quá hạn",
    )
    CONTINUOUS = "continuous", "continuous", "Thường xuyên", "Thường xuyên, theo yêu cầu: không có hạn để tính"
    NO_DEADLINE = "no_deadline", "unknown", "Chưa rõ hạn", "Văn bản không ghi thời gian và kế hoạch không có thời hạn"
    DONE_UNDATED = "done_undated", "done", "Xong, không rõ ngày", "Đã hoàn thành nhưng không ghi ngày hoàn thành"
    CANCELLED = "cancelled", "cancelled", "Dừng, hủy", "Dừng, hủy hoặc không thực hiện"

    def __init__(self, key: str, state: str, header: str, label: str) -> None:
        self.key = key
        self.state = state
        self.header = header
        self.label = label


FOUR = (Group.ON_TIME, Group.LATE, Group.IN_TIME, Group.OVERDUE)
APART = (Group.UNREPORTED, Group.CONTINUOUS, Group.NO_DEADLINE, Group.DONE_UNDATED, Group.CANCELLED)
# From worst to best: a periodic task stands where its worst period stands.
_SEVERITY = (Group.OVERDUE, Group.UNREPORTED, Group.LATE, Group.IN_TIME, Group.CANCELLED, Group.ON_TIME)


@dataclass(frozen=True)
class Reported:
    """One result a report gives for a task."""

    report: Report
    position: int  # index in the report's results

    @property
    def result(self) -> Result:
        return self.report.results[self.position]

    @property
    def when(self) -> dt.date:
        """The date the result is dated: its own, else the end of the report's period
        when the report came after it (a year-end report of January), else the report's."""
        return self.result.date or min(self.report.date, self.report.period_end)

    def covers(self, start: dt.date, end: dt.date) -> bool:
        return self.report.period_start <= end and self.report.period_end >= start


def reported(index: Index, task_id: str) -> list[Reported]:
    """The results the reports in ``index`` give for a task, oldest report first."""
    refs = index.referrers(task_id, "results.task", Kind.REPORT)
    if not refs:  # most tasks: no report gives a result for them yet
        return []
    found = []
    for ref in refs:
        report: Report = ref.source.record  # type: ignore[assignment]
        found.append(Reported(report, int(ref.path[1])))
    return sorted(found, key=lambda r: (r.report.date, r.report.id, r.position))


@dataclass(frozen=True, init=False)
class Situation:
    """Where a task stands on a given day, as every page, report and rule shows it."""

    group: Group
    deadline: dt.date | None  # for a periodic task: the due date of the period that decides
    days_late: int | None = None  # overdue: days since the deadline; done late: days after it
    completed: dt.date | None = None
    period: tuple[dt.date, dt.date] | None = None  # the period of a periodic task that decides

    def __init__(
        self,
        group: Group,
        deadline: dt.date | None,
        days_late: int | None = None,
        completed: dt.date | None = None,
        period: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        # The fields set at once, as findings.Finding does: the initialiser a frozen
        # dataclass is given sets them one by one through object.__setattr__, several
        # times slower (one or more for every task of every check, page and report).
        _set(self, "__dict__", {"group": group, "deadline": deadline, "days_late": days_late,
                                "completed": completed, "period": period})  # fmt: skip

    @property
    def key(self) -> str:
        return self.group.state

    @property
    def label(self) -> str:
        when = f" ({_period_label(self.period)})" if self.period else ""
        if self.group is Group.OVERDUE:
            return f"Quá hạn {self.days_late} ngày{when}"
        if self.group is Group.LATE:
            return f"Hoàn thành quá hạn {self.days_late} ngày{when}"
        if self.group is Group.UNREPORTED:
            return f"Chưa có báo cáo{when}"
        if self.key == "done":
            return "Đã hoàn thành" + when
        return {Group.IN_TIME: "Trong hạn", Group.CONTINUOUS: "Thường xuyên, định kỳ"}.get(
            self.group, self.group.header
        ) + when

    @property
    def is_done(self) -> bool:
        return self.key in ("done", "done-late")


def _period_label(period: tuple[dt.date, dt.date]) -> str:
    start, end = period
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 12:
        return f"năm {start.year}"
    if months == 6:
        return f"6 tháng {'đầu' if start.month == 1 else 'cuối'} năm {start.year}"
    if months == 3:
        return f"quý {['I', 'II', 'III', 'IV'][(start.month - 1) // 3]}/{start.year}"
    return f"tháng {start.month}/{start.year}"


_STEP = {"yearly": 12, "half-yearly": 6, "quarterly": 3, "monthly": 1}
MAX_PERIODS = 400  # a monthly task over a long plan; beyond this a plan's dates are wrong


def periods(task: Task, plan: Plan | None, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar periods of a periodic task (hằng năm, 6 tháng, hằng quý, hằng tháng),
    each with its own due date (its last day), over its plan's period (to the end of
    the current period when the plan has no end). Empty for other tasks."""
    return _periods(read_timeframe(task.timeframe), plan, today)


def _periods(frame: TimeFrame | None, plan: Plan | None, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """``periods`` with the task's time frame read already."""
    if frame is None or frame.deadline is not None:
        return []
    recurring = [p for p in frame.parts if p.recurrence in _STEP]
    if not recurring:
        return []
    step = min(_STEP[p.recurrence] for p in recurring)  # type: ignore[index]
    begin, end = _window(plan.period, plan.date) if plan is not None else (None, None)
    starts = [p.start for p in recurring if p.start is not None]
    begin = max([d for d in (begin, *starts) if d is not None], default=None)
    if begin is None:
        return []
    first_month = (begin.month - 1) // step * step + 1
    cursor = dt.date(begin.year, first_month, 1)
    last = end or _period_end(dt.date(today.year, (today.month - 1) // step * step + 1, 1), step)
    found: list[tuple[dt.date, dt.date]] = []
    while cursor <= last and len(found) < MAX_PERIODS:
        found.append((cursor, _period_end(cursor, step)))
        month = cursor.month - 1 + step
        cursor = dt.date(cursor.year + month // 12, month % 12 + 1, 1)
    return found


def _period_end(start: dt.date, step: int) -> dt.date:
    month = start.month - 1 + step - 1
    year, month = start.year + month // 12, month % 12 + 1
    return month_end(year, month)


def situation(
    task: Task,
    plan: Plan | None,
    today: dt.date,
    results: Sequence[Reported] = (),
    within: tuple[dt.date, dt.date] | None = None,
) -> Situation:
    """Where ``task`` stands on ``today``, from its status, progress entries and the
    report ``results`` about it (only what is dated on or before ``today`` counts).

    A task due with nothing recorded is UNREPORTED, never OVERDUE. A periodic task
    is due once per period: with ``within`` (a reporting period), the periods
    ending in it decide; otherwise every period up to ``today``; the worst decides."""
    if results:  # most tasks have no result and no progress entry: no list to filter
        results = [r for r in results if r.report.date <= today]
    progress = [p.date for p in task.progress if p.date <= today] if task.progress else []
    frame = read_timeframe(task.timeframe)
    cycle = _periods(frame, plan, today)
    if cycle:
        if within is None:
            chosen = [p for p in cycle if p[0] <= today]
        else:  # the periods due in the reporting period, else those running through it
            chosen = [p for p in cycle if within[0] <= p[1] <= within[1]]
            chosen = chosen or [p for p in cycle if p[0] <= within[1] and p[1] >= within[0]]
        states = [_in_period(task, p, today, results, progress) for p in chosen]
        if states:
            return min(states, key=lambda s: _SEVERITY.index(s.group) if s.group in _SEVERITY else len(_SEVERITY))
        return Situation(Group.CONTINUOUS, None)
    return _once(task, frame, plan, today, results, progress)


def _done_on(task: Task, today: dt.date, results: Iterable[Reported]) -> dt.date | None:
    dates = [r.when for r in results if r.result.outcome is ResultOutcome.DONE and r.when <= today] if results else []
    if task.status is TaskStatus.DONE and task.completed is not None and task.completed <= today:
        dates.append(task.completed)
    return min(dates, default=None)


def _stopped(task: Task, results: Sequence[Reported]) -> bool:
    if task.status is TaskStatus.CANCELLED:
        return True
    return bool(results) and results[-1].result.outcome is ResultOutcome.STOPPED


def _once(
    task: Task,
    frame: TimeFrame | None,
    plan: Plan | None,
    today: dt.date,
    results: Sequence[Reported],
    progress: list[dt.date],
) -> Situation:
    deadline = _deadline(task, frame, plan)
    done = _done_on(task, today, results)
    if done is not None:
        if deadline is None:
            return Situation(Group.CONTINUOUS if is_continuous(task) else Group.NO_DEADLINE, None, completed=done)
        if done <= deadline:
            return Situation(Group.ON_TIME, deadline, completed=done)
        return Situation(Group.LATE, deadline, (done - deadline).days, done)
    if _stopped(task, results):
        return Situation(Group.CANCELLED, deadline)
    if task.status is TaskStatus.DONE and task.completed is None:
        group = Group.DONE_UNDATED if deadline is not None else _undated(task)
        return Situation(group, deadline)
    if deadline is None:
        return Situation(_undated(task), None)
    if today <= deadline:
        return Situation(Group.IN_TIME, deadline)
    recorded = bool(results or progress) or task.status is TaskStatus.IN_PROGRESS
    group = Group.OVERDUE if recorded else Group.UNREPORTED
    return Situation(group, deadline, (today - deadline).days)


def _undated(task: Task) -> Group:
    return Group.CONTINUOUS if is_continuous(task) else Group.NO_DEADLINE


def _in_period(
    task: Task, period: tuple[dt.date, dt.date], today: dt.date, results: Sequence[Reported], progress: list[dt.date]
) -> Situation:
    start, due = period
    mine = [r for r in results if r.covers(start, due)]
    done = [r.when for r in mine if r.result.outcome is ResultOutcome.DONE and r.when >= start]
    if done:
        first = min(done)
        if first <= due:
            return Situation(Group.ON_TIME, due, completed=first, period=period)
        return Situation(Group.LATE, due, (first - due).days, first, period)
    if (mine and mine[-1].result.outcome is ResultOutcome.STOPPED) or task.status is TaskStatus.CANCELLED:
        return Situation(Group.CANCELLED, due, period=period)
    if today <= due:
        return Situation(Group.IN_TIME, due, period=period)
    recorded = bool(mine) or any(start <= day <= due for day in progress)
    return Situation(Group.OVERDUE if recorded else Group.UNREPORTED, due, (today - due).days, period=period)


def assess(
    index: Index,
    task: Task,
    today: dt.date,
    within: tuple[dt.date, dt.date] | None = None,
    results: Sequence[Reported] | None = None,
) -> Situation:
    """``situation`` with the plan and the report results taken from ``index``
    (``results``: the task's ``reported`` results, when the caller already has them)."""
    if results is None:
        results = reported(index, task.id)
    return situation(task, index.plans.get(task.plan), today, results, within)


def successor(index: Index, unit_id: str, today: dt.date) -> str:
    """The unit that holds ``unit_id``'s open work on ``today``: itself while it
    exists, else (following ``succeeded_by``, first successor) the unit that took it over."""
    seen = {unit_id}
    current = unit_id
    while True:
        unit = index.units.get(current)
        if unit is None or unit.valid_to is None or unit.valid_to >= today or not unit.succeeded_by:
            return current
        after = unit.succeeded_by[0]
        if after in seen:  # a cycle is reported by the rules; stop where it closes
            return current
        seen.add(after)
        current = after


@dataclass(frozen=True)
class Lead:
    """A task's lead unit as counts and listings show it on a date."""

    unit: str  # the unit charged with the task
    succeeded_from: str | None = None  # the unit the document names, when it no longer exists
    implied: bool = False  # the document names no lead; the record infers one


def leads(index: Index, task: Task, today: dt.date, state: Situation | None = None) -> list[Lead]:
    """The task's lead units on ``today``: open tasks of a merged or dissolved unit
    go to its successor; done and cancelled tasks stay with the unit that had them."""
    state = state or assess(index, task, today)
    settled = state.is_done or state.group is Group.CANCELLED
    found: list[Lead] = []
    for unit_id in task.lead:
        now = unit_id if settled else successor(index, unit_id, today)
        found.append(Lead(now, unit_id if now != unit_id else None, task.lead_implied))
    return found


FIVE_CLEAR = (
    ("rõ người", "'lead', 'executing' hoặc 'advising'"),
    ("rõ việc", "'text'"),
    ("rõ thời gian", "'timeframe' của nhiệm vụ hoặc 'period' của kế hoạch"),
    ("rõ trách nhiệm", "'lead' do văn bản ghi, không phải suy ra"),
    ("rõ sản phẩm", "'product'"),
)
"""The '5 rõ', each with the fields that meet it."""


def five_clear(task: Task, plan: Plan | None) -> list[str]:
    """Which of the '5 rõ' (người, việc, thời gian, trách nhiệm, sản phẩm) the task lacks."""
    return list(five_clear_missing(task, plan))


def five_clear_missing(task: Task, plan: Plan | None) -> tuple[str, ...]:
    """``five_clear`` as one of 32 shared tuples (no list made: the rule asks it of every task)."""
    return five_clear_of(five_clear_own(task), bool(task.timeframe or (plan is not None and plan.period)))


def five_clear_own(task: Task) -> tuple[bool, bool, bool, bool]:
    """Which of the '5 rõ' but time the task meets by itself: người, việc, trách nhiệm, sản phẩm."""
    lead = task.lead
    return (
        bool(lead or task.executing or task.advising),
        bool(task.text.strip()),
        bool(lead) and not task.lead_implied,
        bool(task.product),
    )


def five_clear_of(own: tuple[bool, bool, bool, bool], timed: bool) -> tuple[str, ...]:
    """The '5 rõ' missing, from ``five_clear_own`` and whether the task or its plan gives a time."""
    people, work, responsible, product = own
    return _MISSING[(people, work, timed, responsible, product)]


# The names missing for each of the 32 ways the five can be met or not.
_MISSING: dict[tuple[bool, ...], tuple[str, ...]] = {
    met: tuple(name for (name, _), ok in zip(FIVE_CLEAR, met, strict=True) if not ok)
    for met in itertools.product((False, True), repeat=len(FIVE_CLEAR))
}
