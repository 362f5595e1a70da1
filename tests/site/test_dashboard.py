"""The results page: the four groups per year, quarter and lead unit, the
same counts as `kehoach report`, with the on-time share and a bar each row."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from kehoach.check import load_repository
from kehoach.derived import Group
from kehoach.site.dashboard import DASHBOARD, bar, on_time_share
from kehoach.site.records import build_pages
from kehoach.views.buckets import Tally, summarise
from kehoach.views.select import period


def _tally(**counts: int) -> Tally:
    tally = Tally()
    for name, n in counts.items():
        for i in range(n):
            tally.add(f"{name}-{i}", Group[name])
    return tally


def test_share_on_time_is_out_of_the_four_groups() -> None:
    tally = _tally(ON_TIME=3, LATE=1, OVERDUE=2, UNREPORTED=5)
    assert on_time_share(tally) == "50%"  # 3 of 6: the five unreported are counted apart
    assert on_time_share(_tally(UNREPORTED=2)) == "—"


def test_bar_segments_follow_the_counts_and_say_them() -> None:
    svg = ET.fromstring(bar(_tally(ON_TIME=1, OVERDUE=3)))
    widths = [float(r.get("width")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths == [40.0, 120.0]
    assert "Hoàn thành đúng hạn 1" in svg.get("aria-label") and "Quá hạn chưa hoàn thành 3" in svg.get("aria-label")


def test_the_page_gives_the_report_counts(base_repo: Path) -> None:
    today = dt.date(2022, 1, 15)
    index, _ = load_repository(base_repo, today)
    page = build_pages(index, today)[DASHBOARD].html
    total = summarise(index, today, period(2021, None)).total
    assert "Năm 2021" in page and "Quý IV/2021" in page
    assert f'data-label="Cộng 4 nhóm"><span class="kh-nb">{total.four}</span>' in page
    assert "Tính đến ngày <strong>15/01/2022</strong>" in page
