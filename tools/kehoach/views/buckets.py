"""The four buckets state bodies count task outcomes in (done on time, done
late, not done within the deadline, not done and overdue), per lead unit and
per plan, as of a reporting date. Tasks that fit none of the four are
counted apart, each for a stated reason, never guessed into one of them.

Deadlines and situations come from ``derived``; this module only sorts them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from ..derived import is_continuous, situation
from ..index import Index
from ..model import Plan, Task, TaskStatus
from ..text import sort_key, vn_date
from .select import Period, task_in_period


class Outcome(Enum):
    """Where a task stands on the reporting date. (value, short header, full label)."""

    ON_TIME = "on_time", "Hoàn thành đúng hạn", "Đã hoàn thành, ngày hoàn thành không muộn hơn hạn"
    LATE = "late", "Hoàn thành trễ hạn", "Đã hoàn thành, nhưng sau hạn"
    IN_TIME = "in_time", "Chưa xong, trong hạn", "Chưa hoàn thành, chưa đến hạn"
    OVERDUE = "overdue", "Chưa xong, quá hạn", "Chưa hoàn thành, đã quá hạn"
    CONTINUOUS = "continuous", "Thường xuyên", "Thường xuyên, định kỳ, theo yêu cầu: không có hạn để tính"
    NO_DEADLINE = "no_deadline", "Chưa rõ hạn", "Văn bản không ghi thời gian và kế hoạch không có thời hạn"
    DONE_UNDATED = "done_undated", "Xong, không rõ ngày", "Đã hoàn thành nhưng không ghi ngày hoàn thành"
    CANCELLED = "cancelled", "Dừng, hủy", "Dừng, hủy hoặc không thực hiện"

    def __init__(self, key: str, header: str, label: str) -> None:
        self.key = key
        self.header = header
        self.label = label


FOUR = (Outcome.ON_TIME, Outcome.LATE, Outcome.IN_TIME, Outcome.OVERDUE)
APART = (Outcome.CONTINUOUS, Outcome.NO_DEADLINE, Outcome.DONE_UNDATED, Outcome.CANCELLED)


def outcome(task: Task, plan: Plan | None, today: dt.date) -> Outcome:
    """The bucket of ``task`` as of ``today``.

    A task recorded as done on a date after ``today`` was not yet done on
    ``today``: a report drawn up for an earlier date counts it as not done."""
    if task.status is TaskStatus.DONE and task.completed is not None and task.completed > today:
        task = task.model_copy(update={"status": TaskStatus.IN_PROGRESS, "completed": None})
    state = situation(task, plan, today)
    if state.key == "cancelled":
        return Outcome.CANCELLED
    if state.key == "overdue":
        return Outcome.OVERDUE
    if state.key == "in-time":
        return Outcome.IN_TIME
    if state.key == "continuous" or (state.key == "done" and state.deadline is None and is_continuous(task)):
        return Outcome.CONTINUOUS
    if state.deadline is None:
        return Outcome.NO_DEADLINE
    if task.completed is None:
        return Outcome.DONE_UNDATED
    return Outcome.ON_TIME if task.completed <= state.deadline else Outcome.LATE


@dataclass
class Tally:
    """Counts of tasks per outcome, and which tasks they are."""

    tasks: dict[Outcome, list[str]] = field(default_factory=dict)

    def add(self, task_id: str, result: Outcome) -> None:
        self.tasks.setdefault(result, []).append(task_id)

    def count(self, result: Outcome) -> int:
        return len(self.tasks.get(result, []))

    @property
    def four(self) -> int:
        """Tasks in the four buckets: the base state reports compute rates on."""
        return sum(self.count(o) for o in FOUR)

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in self.tasks.values())


@dataclass
class Line:
    """One row of a summary: a unit, a plan, or a role of the selected unit."""

    key: str | None  # record id; None for "no lead unit" or the total
    label: str
    tally: Tally


@dataclass
class Summary:
    today: dt.date
    period: Period | None
    unit: str | None  # id of the unit the report is limited to
    by_unit: list[Line]  # by lead unit (or, for one unit, by role: lead, coordinating)
    by_plan: list[Line]
    total: Tally
    completed_later: list[str]  # done after the reporting date, counted as not done

    @property
    def shown_apart(self) -> list[Outcome]:
        """The 'counted apart' outcomes shown as columns: the usual two, and the rare ones
        when some line has them (otherwise they would be columns of zeros)."""
        tallies = [self.total, *(line.tally for line in self.by_unit)]
        return [o for o in APART if o in (Outcome.CONTINUOUS, Outcome.CANCELLED) or any(t.count(o) for t in tallies)]


NO_LEAD = "(chưa ghi đơn vị chủ trì)"


def unit_label(index: Index, unit_id: str) -> str:
    unit = index.units.get(unit_id)
    return unit.name if unit else unit_id


def plan_label(plan: Plan) -> str:
    return f"{plan.number} ngày {vn_date(plan.date)}"


def summarise(
    index: Index, today: dt.date, when: Period | None = None, unit: str | None = None, plan: str | None = None
) -> Summary:
    """Bucket every task in the period (and led by ``unit``, of ``plan``, when given)."""
    outcomes: dict[str, Outcome] = {}
    chosen: list[Task] = []
    later = []
    for task in sorted(index.tasks.values(), key=lambda t: (t.plan, t.order)):
        parent = index.plans.get(task.plan)
        if plan is not None and task.plan != plan:
            continue
        if not task_in_period(task, parent, when):
            continue
        outcomes[task.id] = outcome(task, parent, today)
        if task.status is TaskStatus.DONE and task.completed is not None and task.completed > today:
            later.append(task.id)
        chosen.append(task)
    if unit is not None:
        led = [t for t in chosen if unit in t.lead]
        supported = [t for t in chosen if unit in t.coordinating]
        by_unit = [
            Line(unit, "Chủ trì", _tally(led, outcomes)),
            Line(unit, "Phối hợp", _tally(supported, outcomes)),
        ]
        chosen = led
    else:
        by_unit = _by_lead(index, chosen, outcomes)
    by_plan = []
    for plan_id in sorted({t.plan for t in chosen}, key=lambda p: _plan_order(index, p)):
        record = index.plans.get(plan_id)
        label = plan_label(record) if record else plan_id
        by_plan.append(Line(plan_id, label, _tally([t for t in chosen if t.plan == plan_id], outcomes)))
    kept = {t.id for t in chosen}
    return Summary(
        today,
        when,
        unit,
        by_unit,
        by_plan,
        _tally(chosen, outcomes),
        [t for t in later if t in kept],
    )


def _plan_order(index: Index, plan_id: str) -> tuple:
    record = index.plans.get(plan_id)
    return (record.date, sort_key(record.number)) if record else (dt.date.max, sort_key(plan_id))


def _tally(tasks: Iterable[Task], outcomes: dict[str, Outcome]) -> Tally:
    tally = Tally()
    for task in tasks:
        tally.add(task.id, outcomes[task.id])
    return tally


def _by_lead(index: Index, tasks: list[Task], outcomes: dict[str, Outcome]) -> list[Line]:
    """One line per lead unit, in Vietnamese order of names; a task with two leads counts for both."""
    groups: dict[str | None, list[Task]] = {}
    for task in tasks:
        for lead in task.lead or [None]:
            groups.setdefault(lead, []).append(task)
    named = sorted((u for u in groups if u is not None), key=lambda u: sort_key(unit_label(index, u)))
    lines = [Line(u, unit_label(index, u), _tally(groups[u], outcomes)) for u in named]
    if None in groups:
        lines.append(Line(None, NO_LEAD, _tally(groups[None], outcomes)))
    return lines


def counts(tally: Tally) -> Counter[str]:
    """Counts by outcome key, plus 'four' and 'total', for JSON."""
    result: Counter[str] = Counter({o.key: tally.count(o) for o in Outcome})
    result["four"] = tally.four
    result["total"] = tally.total
    return result
