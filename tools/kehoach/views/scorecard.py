"""Per unit and per year, how the tasks a unit leads stand: led, done on time,
done late, in time, overdue, no report, the share done, and how many meet the
'5 rõ'. A task counts in the year it falls due; a periodic task in each year
it falls due; open work of a merged unit counts for its successor. The home
page and every unit page of the site show it; the numbers come from
``derived`` like everywhere else."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..derived import Group, five_clear, leads, periods, task_deadline
from ..index import Index
from .buckets import Situations

COLUMNS = (
    ("led", "Chủ trì"),
    ("on_time", "Đúng hạn"),
    ("late", "Trễ hạn"),
    ("in_time", "Trong hạn"),
    ("overdue", "Quá hạn"),
    ("unreported", "Chưa có báo cáo"),
    ("done_share", "% hoàn thành"),
    ("five_clear", "Đủ '5 rõ'"),
)
_GROUP_FIELD = {
    Group.ON_TIME: "on_time",
    Group.LATE: "late",
    Group.IN_TIME: "in_time",
    Group.OVERDUE: "overdue",
    Group.UNREPORTED: "unreported",
}


@dataclass
class Row:
    unit: str
    year: int
    led: int = 0
    on_time: int = 0
    late: int = 0
    in_time: int = 0
    overdue: int = 0
    unreported: int = 0
    five_clear: int = 0

    @property
    def due(self) -> int:
        """Tasks that fell or fall due in the year (the base of the share done)."""
        return self.on_time + self.late + self.in_time + self.overdue + self.unreported

    @property
    def done_share(self) -> float | None:
        return (self.on_time + self.late) / self.due if self.due else None


def _years(index: Index, task_id: str, today: dt.date) -> list[int]:
    task = index.tasks[task_id]
    plan = index.plans.get(task.plan)
    cycle = periods(task, plan, today)
    if cycle:
        return sorted({end.year for _, end in cycle if end.year <= today.year + 1})
    deadline = task_deadline(task, plan)
    return [deadline.year] if deadline else []


def scorecard(index: Index, today: dt.date, situations: Situations | None = None) -> dict[int, list[Row]]:
    """Year -> one row per lead unit (units in id order), newest year first.
    ``situations``: shared with other counts of the same index and day."""
    situations = situations or Situations(index, today)
    rows: dict[tuple[int, str], Row] = {}
    for task in index.tasks.values():
        plan = index.plans.get(task.plan)
        clear = not five_clear(task, plan)
        for year in _years(index, task.id, today):
            state = situations.of(task, (dt.date(year, 1, 1), dt.date(year, 12, 31)))
            for lead in leads(index, task, today, state):
                row = rows.setdefault((year, lead.unit), Row(lead.unit, year))
                row.led += 1
                row.five_clear += clear
                field = _GROUP_FIELD.get(state.group)
                if field:
                    setattr(row, field, getattr(row, field) + 1)
    by_year: dict[int, list[Row]] = defaultdict(list)
    for (year, _), row in sorted(rows.items(), key=lambda item: (-item[0][0], item[0][1])):
        by_year[year].append(row)
    return dict(by_year)


def for_unit(card: dict[int, list[Row]], unit_id: str) -> list[Row]:
    """The unit's row of each year, newest first."""
    return [row for rows in card.values() for row in rows if row.unit == unit_id]


def share_text(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%".replace(".", ",")
