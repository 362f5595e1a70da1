"""The results page: the four groups per year, quarter and lead unit, the
same counts as `kehoach report`, with the on-time share and a bar each row."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from kehoach.check import load_repository
from kehoach.derived import Group
from kehoach.site.dashboard import DASHBOARD, bar, on_time_share
from kehoach.site.records import build_pages
from kehoach.views.buckets import Tally, summarise
from kehoach.views.select import QUARTER_NAMES, period


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


def _quarter_rows(html: str) -> dict[str, str]:
    """Quarter label -> the row's 'Cộng 4 nhóm' cell, from the unit page's quarter table."""
    section = html.split("Theo quý, năm", 1)[1]
    found = re.findall(
        r'data-label="Quý">(?:<[^>]+>)*([^<]+).*?data-label="Cộng 4 nhóm"><span class="kh-nb">(\d+)', section
    )
    return dict(found)


def test_a_unit_page_gives_its_groups_per_quarter_as_reports_count_them(results_repo: Path) -> None:
    today = dt.date(2021, 12, 31)
    index, _ = load_repository(results_repo, today)
    pages = build_pages(index, today)
    unit = "tinh-a-ban-dan-van"
    html = pages[f"don-vi/{unit}.md"].html
    rows = _quarter_rows(html)
    assert list(rows) == ["Quý I/2021", "Quý II/2021", "Quý III/2021", "Quý IV/2021"]
    for q, label in QUARTER_NAMES.items():  # the report for this unit and quarter, counted its own way
        led = summarise(index, today, period(2021, q), unit=unit).by_unit[0].tally
        assert rows[f"Quý {label}/2021"] == str(led.four)
        if led.count(Group.UNREPORTED):
            assert f'quý {label}: <span class="kh-nb">{led.count(Group.UNREPORTED)}</span>' in html
    assert any(rows.values()) and 'class="kh-bar-chart"' in html.split("Theo quý, năm", 1)[1]
    # the board that takes over only in 2025 leads nothing yet: no quarter table
    assert "Theo quý, năm" not in pages["don-vi/tinh-a-ban-tuyen-giao-va-dan-van.md"].html
    # a unit whose only task falls due next year shows that year's quarters
    assert "Theo quý, năm 2022" in pages["don-vi/tinh-a-ban-dan-toc.md"].html


def test_the_built_unit_page_draws_its_quarters(server: str, browser: WebDriver) -> None:
    browser.get(server + "don-vi/binh-phuoc-ban-dan-van.html")
    heading = browser.find_element(By.XPATH, "//h2[starts-with(normalize-space(), 'Theo quý, năm')]")
    table = heading.find_element(By.XPATH, "following::table[1]")
    assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == 4
    bars = table.find_elements(By.CSS_SELECTOR, "svg.kh-bar-chart")
    assert bars and all(b.get_attribute("aria-label") for b in bars)
    assert bars[0].size["width"] > 0
