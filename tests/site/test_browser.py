"""The built site in a real headless browser (Debian's chromium): navigation,
a task anchor, a directive back-link, a sortable table; no console error and no
request to any host but the local server. Screenshots go to test-output/."""

from __future__ import annotations

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from kehoach.text import sort_key

from .conftest import SHOTS

PLAN = "ke-hoach/binh-thuan-2022-54-kh-bdvtu.html"


def _requests(driver: WebDriver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_reading_a_plan_a_task_and_a_directive(server: str, browser: WebDriver) -> None:
    browser.get(server)
    assert "Kế hoạch công tác" in browser.title
    assert "01/04/2022" in browser.find_element(By.CLASS_NAME, "kh-asof").text
    browser.save_screenshot(str(SHOTS / "trang-chu.png"))

    browser.find_element(By.LINK_TEXT, "Kế hoạch").click()
    browser.find_element(By.LINK_TEXT, "54-KH/BDVTU").click()
    assert browser.current_url.endswith(PLAN)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kế hoạch 54-KH/BDVTU"
    browser.save_screenshot(str(SHOTS / "ke-hoach.png"))

    task = browser.find_element(By.ID, "binh-thuan-2022-54-kh-bdvtu-nv09")
    assert "Hướng dẫn xây dựng mô hình" in task.text and "Tháng 3/2022" in task.text

    browser.find_element(By.CSS_SELECTOR, "dl.kh-meta a[href$='binh-thuan-2021-308-cv-tu.html']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Công văn 308-CV/TU"
    browser.save_screenshot(str(SHOTS / "van-ban.png"))
    back = browser.find_element(
        By.CSS_SELECTOR, f"table a[href$='{PLAN.split('/')[1]}#binh-thuan-2022-54-kh-bdvtu-nv11']"
    )
    back.click()
    assert browser.current_url.endswith("#binh-thuan-2022-54-kh-bdvtu-nv11")
    assert browser.find_element(By.ID, "binh-thuan-2022-54-kh-bdvtu-nv11").is_displayed()


def test_tables_sort_in_vietnamese_order(server: str, browser: WebDriver) -> None:
    browser.get(server + "don-vi/index.html")
    table = browser.find_elements(By.CSS_SELECTOR, "table.kh-sortable")[0]
    header = table.find_elements(By.TAG_NAME, "th")[1]  # "Loại"
    header.click()
    kinds = [row.find_elements(By.TAG_NAME, "td")[1].text for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert kinds == sorted(kinds, key=sort_key)
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    again = [row.find_elements(By.TAG_NAME, "td")[1].text for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert again == sorted(kinds, key=sort_key, reverse=True)


def test_no_console_error_and_no_request_outside(server: str, browser: WebDriver) -> None:
    browser.get_log("performance")  # start afresh
    for page in ("", PLAN, "van-ban/index.html", "nhiem-vu/qua-han.html", "don-vi/binh-thuan-ban-dan-van.html"):
        browser.get(server + page)
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    requests = _requests(browser)
    assert any(u.endswith("kehoach.js") for u in requests)  # the log does see the pages' own requests
    outside = [u for u in requests if not u.startswith((server, "data:", "blob:", "about:"))]
    assert outside == []


def test_listings_filter_by_year_province_unit_plan_and_situation_kept_in_the_address(
    server: str, folder: str, browser: WebDriver
) -> None:
    for site in (server, folder):
        browser.get(site + "nhiem-vu/index.html")
        rows = browser.find_elements(By.CSS_SELECTOR, "table.kh-filterable tbody tr")
        names = [s.get_attribute("name") for s in browser.find_elements(By.CSS_SELECTOR, ".kh-filters select")]
        assert {"nam", "tinh", "don-vi", "ke-hoach"} <= set(names)
        Select(browser.find_element(By.CSS_SELECTOR, ".kh-filters select[name='ke-hoach']")).select_by_value(
            "54-KH/BDVTU"
        )
        shown = [r for r in rows if r.is_displayed()]
        assert 0 < len(shown) < len(rows)
        assert all("54-KH/BDVTU" in r.text for r in shown)
        assert "ke-hoach=54-KH%2FBDVTU" in browser.current_url
        # the address carries the filter: opening it again shows the same rows
        browser.get(browser.current_url)
        again = [r for r in browser.find_elements(By.CSS_SELECTOR, "table.kh-filterable tbody tr") if r.is_displayed()]
        assert len(again) == len(shown)
    browser.save_screenshot(str(SHOTS / "loc.png"))
