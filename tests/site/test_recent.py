"""The "Thay đổi gần đây" page, read from the repository's git history at build
time: records added, statuses changed, new reports; without git it says so."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from kehoach.check import load_repository
from kehoach.site.recent import RECENT, read_changes
from kehoach.site.records import build_site

TODAY = dt.date(2021, 7, 1)
TASK = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv02.yaml"


def _git(repo: Path, *args: str, day: str = "2021-06-01T10:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day}
    identity = ["-c", "user.name=Văn thư", "-c", "user.email=vanthu@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _page(repo: Path) -> str:
    index, _ = load_repository(repo, TODAY)
    return build_site(index, TODAY, recent=read_changes(repo))[RECENT].html  # type: ignore[union-attr]


def test_added_records_and_a_status_change_are_listed_with_links(base_repo: Path) -> None:
    _git(base_repo, "init", "-q")
    _git(base_repo, "add", "-A")
    _git(base_repo, "commit", "-qm", "first records", day="2021-05-03T09:00:00")
    task = base_repo / TASK
    done = task.read_text(encoding="utf-8").replace("status: in-progress", "status: done\ncompleted: 2021-06-01")
    task.write_text(done, encoding="utf-8")
    _git(base_repo, "commit", "-qam", "task done", day="2021-06-02T09:00:00")
    html = _page(base_repo)
    assert "Ngày 02/06/2021" in html and "Ngày 03/05/2021" in html
    assert html.index("Ngày 02/06/2021") < html.index("Ngày 03/05/2021")  # newest first
    assert "tình trạng chuyển thành «Đã hoàn thành»" in html
    assert 'href="ke-hoach/tinh-a-2021-12-kh-bdvtu.html#tinh-a-2021-12-kh-bdvtu-nv02"' in html
    assert "Thêm 2 nhiệm vụ vào kế hoạch" in html  # one line for the tasks of one plan, not one each
    assert 'href="don-vi/' in html and "Thêm đơn vị" in html
    # the first commit's statuses are not changes: the task was added with it
    assert html.count("tình trạng chuyển thành") == 1


def test_outside_git_the_page_says_there_is_no_history(base_repo: Path) -> None:
    assert read_changes(base_repo) is None
    html = _page(base_repo)
    assert "ngoài kho git" in html


def test_the_built_site_lists_recent_changes_from_the_menu(server: str, browser: WebDriver) -> None:
    browser.get(server + "index.html")
    browser.find_element(By.LINK_TEXT, "Thay đổi gần đây").click()
    assert browser.current_url.endswith("thay-doi.html")
    article = browser.find_element(By.CSS_SELECTOR, "article")
    assert article.find_elements(By.TAG_NAME, "h2"), "the repository has history: entries by day"
    targets = [a.get_attribute("href") for a in article.find_elements(By.CSS_SELECTOR, "li a")]
    assert targets, "each entry links to its record's page"
    for target in targets[:: max(1, len(targets) // 5)]:
        browser.get(target)
        heading = browser.find_element(By.TAG_NAME, "h1").text
        assert heading and heading not in ("Error response", "Không tìm thấy trang"), target
