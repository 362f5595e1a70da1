"""Reports on the site: a page per report (results linking to their tasks,
figures), tasks and plans linking to the reports that mention them, the
per-unit results table on the home and unit pages, and open work of a merged
unit shown under its successor. On tests/fixtures/results as of 01/08/2025."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.check import run_check
from kehoach.site.records import build_pages

TODAY = dt.date(2025, 8, 1)
REPORT = "bao-cao/tinh-a-2021-90-bc-bdvtu.md"


def _pages(repo: Path) -> dict[str, str]:
    index = run_check(repo, today=TODAY).index
    return {path: page.html for path, page in build_pages(index, TODAY).items()}


def test_a_page_per_report_with_results_linked_to_tasks_and_figures(results_repo: Path) -> None:
    path = results_repo / "records/reports/tinh-a-2021-90-bc-bdvtu.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("10/10 huyện.", "10/10 huyện <script>x</script>"))
    pages = _pages(results_repo)
    assert sorted(p for p in pages if p.startswith("bao-cao/")) == [
        "bao-cao/tinh-a-2021-90-bc-bdvtu.md",
        "bao-cao/tinh-a-2023-10-bc-bdvtu.md",
        "bao-cao/tinh-a-2023-95-bc-bdvtu.md",
    ]
    page = pages[REPORT]
    assert 'href="../ke-hoach/tinh-a-2021-40-kh-bdvtu.html#tinh-a-2021-40-kh-bdvtu-nv03"' in page
    assert "Hoàn thành" in page and "Ban hành Hướng dẫn xây dựng mô hình" in page
    assert "1.234 mô hình" in page and "1.000" in page
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_tasks_and_plans_link_to_their_reports(results_repo: Path) -> None:
    plan = _pages(results_repo)["ke-hoach/tinh-a-2021-40-kh-bdvtu.md"]
    for report in ("tinh-a-2021-90-bc-bdvtu", "tinh-a-2023-10-bc-bdvtu", "tinh-a-2023-95-bc-bdvtu"):
        assert f'href="../bao-cao/{report}.html"' in plan


def test_results_per_unit_and_year_on_home_and_unit_pages(results_repo: Path) -> None:
    pages = _pages(results_repo)
    home = pages["index.md"]
    assert "Kết quả theo đơn vị chủ trì" in home
    assert [year for year in range(2021, 2026) if f"Năm {year}" in home] == [2021, 2022, 2023, 2024, 2025]
    unit = pages["don-vi/tinh-a-ban-tuyen-giao-va-dan-van.md"]
    assert "Kết quả theo năm" in unit and "% hoàn thành" in unit
    # Ban Dân vận merged into it on 1/7/2025: its open tasks are listed here, the done ones stay there.
    assert "Kế tục từ Ban Dân vận Tỉnh ủy Tỉnh A" in unit
    assert "Biểu dương điển hình" in unit  # nv04, open
    assert "Ban hành hướng dẫn xây dựng mô hình" not in unit  # nv03, done before the merger
