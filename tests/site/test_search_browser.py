"""Search as a reader types it, in the browser, from a server and from the
folder (file://): no diacritics, kinds and their codes, Roman numerals,
signers, years, one wrong letter; the query kept in the address."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from .conftest import SHOTS


@pytest.fixture(params=["http", "file"])
def site(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue("server" if request.param == "http" else "folder")


def _type(browser: WebDriver, site: str, query: str) -> list[str]:
    browser.get(site + "tim-kiem.html")
    box = browser.find_element(By.ID, "kh-q")
    box.send_keys(query)
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "kh-count").text.endswith(("kết quả", "kết quả đầu)", "Không có kết quả."))
    )
    return [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#kh-results li a")]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("quy che dan chu", "quy chế dân chủ"),
        ("dan van kheo", "“Dân vận khéo”"),
        ("308 cv", "Công văn 308-CV/TU"),
        ("ban dan toc tinh binh phuoc", "Ban Dân tộc tỉnh Bình Phước"),
        ("Bân Dân tộc", "Ban Dân tộc tỉnh Bình Phước"),  # a misspelling kept as an alias
        ("thuong truc tinh uy", "Thường trực Tỉnh ủy"),
        ("thường trực tỉnh uỷ", "Thường trực Tỉnh ủy"),
        ("nghi quyet 25", "Nghị quyết 25-NQ/TW"),  # the resolution itself, before tasks citing it
        ("nq 25", "Nghị quyết 25-NQ/TW"),
        ("chi thi 05", "Chỉ thị 05-CT/TW"),
        ("dai hoi 13", "Đại hội"),  # indexed as "XIII"
        ("dai hoi XIII", "Đại hội"),
        ("le thi xuan trang", "36-KH/BDVTU"),  # the signer's name
    ],
)
def test_the_record_comes_first(site: str, browser: WebDriver, query: str, first: str) -> None:
    results = _type(browser, site, query)
    assert results, f"không có kết quả cho '{query}'"
    assert first in results[0], results[:5]


def test_roman_and_arabic_numerals_find_the_same_congress(site: str, browser: WebDriver) -> None:
    assert _type(browser, site, "dai hoi 13")[0] == _type(browser, site, "đại hội XIII")[0]


def test_results_show_date_province_and_status(site: str, browser: WebDriver) -> None:
    _type(browser, site, "dan van kheo 2022")
    facts = [f.text for f in browser.find_elements(By.CSS_SELECTOR, "#kh-results li .kh-facts")]
    assert any("/2022" in f and "Bình Thuận" in f for f in facts), facts[:5]
    assert any("Quá hạn" in f or "Trong hạn" in f or "Thường xuyên" in f for f in facts), facts[:5]


def test_one_wrong_letter_gets_a_suggestion_and_results(site: str, browser: WebDriver) -> None:
    results = _type(browser, site, "dan vna kheo")
    suggestion = browser.find_element(By.ID, "kh-suggest")
    assert suggestion.is_displayed() and "Có phải: dan van kheo?" in suggestion.text
    assert results and "Dân vận khéo" in results[0]
    browser.save_screenshot(str(SHOTS / "tim-kiem-goi-y.png"))


def test_the_query_is_kept_in_the_address(site: str, browser: WebDriver) -> None:
    _type(browser, site, "dan van")
    assert browser.current_url.endswith("tim-kiem.html?q=dan+van")
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#kh-results li a"))
    assert browser.find_element(By.ID, "kh-q").get_attribute("value") == "dan van"


def test_every_page_has_a_search_box_in_its_header(site: str, browser: WebDriver) -> None:
    browser.get(site + "ke-hoach/binh-thuan-2022-54-kh-bdvtu.html")
    box = browser.find_element(By.CSS_SELECTOR, ".md-header .kh-header-search input")
    box.send_keys("308 cv", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#kh-results li a"))
    assert "tim-kiem.html?q=308+cv" in browser.current_url
    assert "Công văn 308-CV/TU" in browser.find_elements(By.CSS_SELECTOR, "#kh-results li a")[0].text
    if site.startswith("http"):
        browser.save_screenshot(str(SHOTS / "tim-kiem.png"))
