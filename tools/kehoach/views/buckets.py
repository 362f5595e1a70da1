"""The four groups state bodies count task outcomes in (hoàn thành đúng hạn,
hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn thành), per
lead unit and per plan, as of a reporting date. Tasks that fit none of the four
are counted apart, each for a stated reason (chưa có báo cáo among them), never
guessed into one of them. Open tasks of a unit that was merged or dissolved
are counted for its successor; tasks whose lead the document does not name
(``lead_implied``) are counted on a line of their own.

Situations come from ``derived``; this module only sorts them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..derived import (
    APART,
    FOUR,
    Group,
    Lead,
    Reported,
    Situation,
    assess,
    leads,
    periods,
    reported,
    task_deadline,
)
from ..index import Index
from ..model import Plan, Task, TaskStatus
from ..text import sort_key, vn_date
from .select import Period, due_in_period

Outcome = Group  # the groups a report counts in, computed by ``derived.situation``


def outcome(index: Index, task: Task, today: dt.date, when: Period | None = None) -> Outcome:
    """The group of ``task`` as of ``today`` (for a periodic task, in the period ``when``).

    Something recorded as done after ``today`` was not yet done on ``today``."""
    return assess(index, task, today, (when.start, when.end) if when else None).group


class Situations:
    """Each task's situation as of one day, computed once and asked for again by
    every count (the site counts the same tasks per year, per quarter, per unit).

    A task that is not periodic stands the same whatever the reporting period
    (``derived.situation`` reads the period only to choose among a periodic task's
    periods), so its situation is computed once for all periods; a periodic task's,
    once per period. ``known``: situations on ``today`` computed already (no period)."""

    def __init__(self, index: Index, today: dt.date, known: dict[str, Situation] | None = None) -> None:
        self.index, self.today = index, today
        self._plain: dict[str, Situation] = dict(known or {})
        self._periodic: dict[str, bool] = {}
        self._results: dict[str, list[Reported]] = {}
        self._within: dict[tuple[str, tuple[dt.date, dt.date]], Situation] = {}
        self._in_order: list[tuple[Task, Plan | None, dt.date | None]] | None = None
        self._leads: dict[str, tuple[Situation, list[Lead]]] = {}

    def in_order(self) -> list[tuple[Task, Plan | None, dt.date | None]]:
        """Every task by plan and order, with its plan and deadline: sorted once for every count."""
        if self._in_order is None:
            plans = self.index.plans
            self._in_order = [
                (task, plan, task_deadline(task, plan))
                for task in sorted(self.index.tasks.values(), key=lambda t: (t.plan, t.order))
                for plan in (plans.get(task.plan),)
            ]
        return self._in_order

    def leads(self, task: Task, state: Situation) -> list[Lead]:
        """``derived.leads`` with ``state`` (one of this object's situations), once per task
        and situation (a task not periodic has one for every period)."""
        found = self._leads.get(task.id)
        if found is None or found[0] is not state:
            found = self._leads[task.id] = (state, leads(self.index, task, self.today, state))
        return found[1]

    def of(self, task: Task, within: tuple[dt.date, dt.date] | None = None) -> Situation:
        """``derived.assess(index, task, today, within)``, each computed once."""
        periodic = self._periodic.get(task.id)
        if periodic is None:
            plan = self.index.plans.get(task.plan)
            periodic = self._periodic[task.id] = bool(periods(task, plan, self.today))
        if within is None or not periodic:
            found = self._plain.get(task.id)
            if found is None:
                found = self._plain[task.id] = self._assess(task, None)
            return found
        key = (task.id, within)
        found = self._within.get(key)
        if found is None:
            found = self._within[key] = self._assess(task, within)
        return found

    def _assess(self, task: Task, within: tuple[dt.date, dt.date] | None) -> Situation:
        results = self._results.get(task.id)
        if results is None:
            results = self._results[task.id] = reported(self.index, task.id)
        return assess(self.index, task, self.today, within, results)


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
        usual = (Outcome.UNREPORTED, Outcome.CONTINUOUS, Outcome.CANCELLED)
        return [o for o in APART if o in usual or any(t.count(o) for t in tallies)]


NO_LEAD = "(chưa ghi đơn vị chủ trì)"


def unit_label(index: Index, unit_id: str) -> str:
    unit = index.units.get(unit_id)
    return unit.name if unit else unit_id


def plan_label(plan: Plan) -> str:
    return f"{plan.number} ngày {vn_date(plan.date)}"


def summarise(
    index: Index,
    today: dt.date,
    when: Period | None = None,
    unit: str | None = None,
    plan: str | None = None,
    situations: Situations | None = None,
) -> Summary:
    """Bucket every task in the period (and led by ``unit``, of ``plan``, when given).
    ``situations``: shared by several summaries of the same index and day."""
    situations = situations or Situations(index, today)
    outcomes: dict[str, Outcome] = {}
    lead_of: dict[str, list[Lead]] = {}
    chosen: list[Task] = []
    later = []
    within = (when.start, when.end) if when else None
    for task, parent, deadline in situations.in_order():
        if plan is not None and task.plan != plan:
            continue
        if not due_in_period(deadline, parent, when):
            continue
        state = situations.of(task, within)
        outcomes[task.id] = state.group
        lead_of[task.id] = situations.leads(task, state)
        if task.status is TaskStatus.DONE and task.completed is not None and task.completed > today:
            later.append(task.id)
        chosen.append(task)
    if unit is not None:
        led = [t for t in chosen if any(lead.unit == unit for lead in lead_of[t.id])]
        supported = [t for t in chosen if unit in t.coordinating]
        by_unit = [
            Line(unit, "Chủ trì", _tally(led, outcomes)),
            Line(unit, "Phối hợp", _tally(supported, outcomes)),
        ]
        chosen = led
    else:
        by_unit = _by_lead(index, chosen, outcomes, lead_of)
    by_plan = []
    of_plan: dict[str, list[Task]] = {}  # grouped once: not every task again for each plan
    for task in chosen:
        of_plan.setdefault(task.plan, []).append(task)
    for plan_id in sorted(of_plan, key=lambda p: _plan_order(index, p)):
        record = index.plans.get(plan_id)
        label = plan_label(record) if record else plan_id
        by_plan.append(Line(plan_id, label, _tally(of_plan[plan_id], outcomes)))
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


def _by_lead(
    index: Index, tasks: list[Task], outcomes: dict[str, Outcome], lead_of: dict[str, list[Lead]]
) -> list[Line]:
    """One line per lead unit, in Vietnamese order of names; a task with two leads counts
    for both. Open work taken over from a merged unit, and leads the document does not
    name (inferred), are lines of their own under the unit."""
    groups: dict[Lead | None, list[Task]] = {}
    for task in tasks:
        for lead in lead_of[task.id] or (None,):
            groups.setdefault(lead, []).append(task)
    named = sorted(
        (lead for lead in groups if lead is not None),
        key=lambda lead: (sort_key(unit_label(index, lead.unit)), lead.succeeded_from or "", lead.implied),
    )
    lines = [Line(lead.unit, lead_label(index, lead), _tally(groups[lead], outcomes)) for lead in named]
    if None in groups:
        lines.append(Line(None, NO_LEAD, _tally(groups[None], outcomes)))
    return lines


def lead_label(index: Index, lead: Lead) -> str:
    """'Ban Tuyên giáo và Dân vận (kế tục từ Ban Dân vận)', '... (chủ trì suy ra)'."""
    label = unit_label(index, lead.unit)
    if lead.succeeded_from:
        label += f" (kế tục từ {unit_label(index, lead.succeeded_from)})"
    if lead.implied:
        label += " (chủ trì suy ra)"
    return label


def counts(tally: Tally) -> Counter[str]:
    """Counts by outcome key, plus 'four' and 'total', for JSON."""
    result: Counter[str] = Counter({o.key: tally.count(o) for o in Outcome})
    result["four"] = tally.four
    result["total"] = tally.total
    return result
