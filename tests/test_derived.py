"""A task's situation, computed from its status, progress and the reports that
mention it, on tests/fixtures/results (worked out by hand below, as of 01/08/2025):

  nv01 hằng năm, 2021-2025: 2021 done (report 90, 20/12/2021), 2022 partial only
       (report 10), 2023 done 30/11/2023 (report 95), 2024 nothing, 2025 running
  nv02 Năm 2022, done 15/01/2023 (report 10)          -> done 15 days late
  nv03 quý II/2021, done 15/06/2021 (report 90)        -> done on time
  nv04 Năm 2024, nothing recorded                      -> no report (not overdue)
  nv05 Năm 2023, progress 10/09/2023, lead implied     -> overdue
Ban Dân vận (issuer, lead of nv01 nv03 nv04 nv05) merged into Ban Tuyên giáo và Dân
vận on 1/7/2025: its open tasks go to the new board; nv03, done, stays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.derived import Group, assess, leads
from kehoach.index import Index

TODAY = dt.date(2025, 8, 1)
PLAN = "tinh-a-2021-40-kh-bdvtu"


@pytest.fixture
def index(results_repo: Path) -> Index:
    result = run_check(results_repo, today=TODAY)
    assert [f for f in result.findings if f.severity.value != "info"] == []
    return result.index


def state(index: Index, n: int, today: dt.date = TODAY, within: tuple[dt.date, dt.date] | None = None):
    return assess(index, index.tasks[f"{PLAN}-nv{n:02d}"], today, within)


def year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def test_each_group_from_reports_and_progress(index: Index) -> None:
    assert [state(index, n).group for n in range(1, 6)] == [
        Group.OVERDUE,  # its worst year, 2022: reported, not done
        Group.LATE,
        Group.ON_TIME,
        Group.UNREPORTED,
        Group.OVERDUE,
    ]


def test_nothing_reported_is_never_called_overdue(index: Index) -> None:
    nv04 = state(index, 4)
    assert (nv04.key, nv04.label, nv04.deadline) == ("unreported", "Chưa có báo cáo", dt.date(2024, 12, 31))


def test_late_completion_shows_late_not_plain_done(index: Index) -> None:
    nv02 = state(index, 2)
    assert (nv02.key, nv02.label, nv02.completed) == ("done-late", "Hoàn thành quá hạn 15 ngày", dt.date(2023, 1, 15))
    assert nv02.is_done


def test_a_yearly_task_is_due_each_year(index: Index) -> None:
    by_year = {y: state(index, 1, within=year(y)) for y in range(2021, 2026)}
    assert {y: s.group for y, s in by_year.items()} == {
        2021: Group.ON_TIME,
        2022: Group.OVERDUE,
        2023: Group.ON_TIME,
        2024: Group.UNREPORTED,
        2025: Group.IN_TIME,
    }
    assert by_year[2024].label == "Chưa có báo cáo (năm 2024)"
    assert by_year[2024].deadline == dt.date(2024, 12, 31)


def test_reports_after_the_date_asked_do_not_count(index: Index) -> None:
    # On 10/01/2023 report 10 (20/01/2023) does not exist yet: nv02 is past due with nothing recorded.
    assert state(index, 2, dt.date(2023, 1, 10)).group is Group.UNREPORTED
    assert state(index, 3, dt.date(2021, 6, 1)).group is Group.IN_TIME


def test_open_tasks_go_to_the_successor_done_ones_stay(index: Index) -> None:
    def lead_of(n: int) -> tuple[str, str | None, bool]:
        task = index.tasks[f"{PLAN}-nv{n:02d}"]
        (lead,) = leads(index, task, TODAY)
        return lead.unit, lead.succeeded_from, lead.implied

    new, old = "tinh-a-ban-tuyen-giao-va-dan-van", "tinh-a-ban-dan-van"
    assert lead_of(4) == (new, old, False)
    assert lead_of(5) == (new, old, True)  # implied lead, counted apart
    assert lead_of(3) == (old, None, False)
    # Before the merger the board still holds its work.
    assert leads(index, index.tasks[f"{PLAN}-nv04"], dt.date(2025, 6, 1))[0].unit == old
