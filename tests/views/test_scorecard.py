"""The per-unit, per-year table on tests/fixtures/results as of 01/08/2025
(see tests/test_derived.py for each task's story)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.check import run_check
from kehoach.views.scorecard import for_unit, scorecard, share_text

TODAY = dt.date(2025, 8, 1)


def test_each_year_counts_the_tasks_due_in_it(results_repo: Path) -> None:
    card = scorecard(run_check(results_repo, today=TODAY).index, TODAY)
    old, new, ethnic = "tinh-a-ban-dan-van", "tinh-a-ban-tuyen-giao-va-dan-van", "tinh-a-ban-dan-toc"
    rows = {(r.year, r.unit): r for rows in card.values() for r in rows}
    # 2021: the yearly nv01 (done), nv03 (done), done before the merger: the old board keeps them;
    # 12-KH nv01 (due 30/09/2021, nothing reported) is open: it goes to the new board.
    assert (rows[2021, old].led, rows[2021, old].on_time) == (2, 2)
    assert (rows[2021, new].led, rows[2021, new].unreported) == (1, 1)
    # 2022: nv01 reported but not done (overdue, now the new board's); nv02 done late by Ban Dân tộc.
    assert (rows[2022, new].overdue, rows[2022, ethnic].late) == (1, 1)
    # 2024: nv01's year and nv04, neither reported.
    assert rows[2024, new].unreported == 2 and rows[2024, new].done_share == 0
    # 2025: nv01 still in time.
    assert rows[2025, new].in_time == 1
    assert [r.year for r in for_unit(card, new)] == [2025, 2024, 2023, 2022, 2021]
    # Only nv01 names its product; its five are met (lead named, time frame, product...).
    assert rows[2021, old].five_clear == 1
    assert share_text(rows[2021, old].done_share) == "100%"


def test_shared_situations_are_those_assessed_for_each_period(results_repo: Path) -> None:
    """The counts share one ``Situations``: for every task and period it gives what
    ``derived.assess`` gives, a periodic task's situation differing between periods."""
    from kehoach.derived import assess, periods
    from kehoach.views.buckets import Situations

    index = run_check(results_repo, today=TODAY).index
    shared = Situations(index, TODAY)
    spans = [None] + [(dt.date(y, m, 1), dt.date(y, m + 2, 28)) for y in (2021, 2022, 2024) for m in (1, 7)]
    periodic = 0
    for task in index.tasks.values():
        seen = {shared.of(task, span) for span in spans}
        for span in spans:
            assert shared.of(task, span) == assess(index, task, TODAY, span)
        periodic += bool(periods(task, index.plans.get(task.plan), TODAY)) and len(seen) > 1
    assert periodic  # the fixture's yearly task stands differently in different years
