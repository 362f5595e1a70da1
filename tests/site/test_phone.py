"""Every kind of page on a 390 px phone: nothing wider than the screen, and the
column a reader came for (days overdue, due date, situation) on screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import SHOTS, desktop, phone

# One page of every kind the site has (generated from records, and written by hand).
PAGE_KINDS = {
    "trang-chu": "index.html",
    "qua-han": "nhiem-vu/qua-han.html",
    "sap-den-han": "nhiem-vu/sap-den-han.html",
    "theo-tinh-trang": "nhiem-vu/index.html",
    "ket-qua": "ket-qua/index.html",
    "thay-doi": "thay-doi.html",
    "danh-sach-ke-hoach": "ke-hoach/index.html",
    "ke-hoach": "ke-hoach/binh-thuan-2022-54-kh-bdvtu.html",
    "danh-sach-van-ban": "van-ban/index.html",
    "theo-co-quan": "van-ban/theo-co-quan.html",
    "van-ban": "van-ban/tw-2013-25-nq-tw.html",
    "danh-sach-don-vi": "don-vi/index.html",
    "don-vi": "don-vi/binh-thuan-ban-dan-van.html",
    "tim-kiem": "tim-kiem.html?q=dan+van",
    "huong-dan": "huong-dan/ban-ghi.html",
    "quy-tac": "tham-khao/quy-tac.html",
    "tham-khao": "tham-khao/task.html",
    "khong-tim-thay": "404.html",
}

# Page kinds shown on the site with reports (conftest.built_with_reports): a report,
# the results page per quarter, a unit with a merged predecessor's open tasks.
REPORT_PAGE_KINDS = {
    "bao-cao": "bao-cao/tinh-a-2021-90-bc-bdvtu.html",
    "ket-qua-co-bao-cao": "ket-qua/index.html",
    "don-vi-ke-tuc": "don-vi/tinh-a-ban-tuyen-giao-va-dan-van.html",
    "ke-hoach-co-bao-cao": "ke-hoach/tinh-a-2021-40-kh-bdvtu.html",
}


# Elements that reach past the right edge of the screen, except inside a box
# that scrolls on its own (a wide chart or reference table the reader swipes).
WIDER_THAN_SCREEN = """
function boxed(e) {
  for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    var o = window.getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
  }
  return false;
}
return Array.from(document.querySelectorAll('.md-main *, .md-footer *')).filter(function (e) {
  var box = e.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.right > 391 && !boxed(e);
}).slice(0, 5).map(function (e) {
  return e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 60);
});
"""


@pytest.fixture
def on_phone(browser: WebDriver) -> Iterator[WebDriver]:
    phone(browser)
    yield browser
    desktop(browser)


@pytest.mark.parametrize("name", PAGE_KINDS)
def test_no_page_is_wider_than_a_phone(server: str, on_phone: WebDriver, name: str) -> None:
    on_phone.get(server + PAGE_KINDS[name])
    width = on_phone.execute_script("return window.innerWidth")
    overflow = on_phone.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
    )
    wide = on_phone.execute_script(WIDER_THAN_SCREEN)
    on_phone.save_screenshot(str(SHOTS / f"dien-thoai-{name}.png"))
    assert wide == []
    assert (width, overflow) == (390, 390)


@pytest.mark.parametrize("name", REPORT_PAGE_KINDS)
def test_no_report_page_is_wider_than_a_phone(server_with_reports: str, on_phone: WebDriver, name: str) -> None:
    on_phone.get(server_with_reports + REPORT_PAGE_KINDS[name])
    assert on_phone.find_elements(By.CSS_SELECTOR, "article h1")  # the page is there, not a 404
    overflow = on_phone.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
    )
    wide = on_phone.execute_script(WIDER_THAN_SCREEN)
    on_phone.save_screenshot(str(SHOTS / f"dien-thoai-{name}.png"))
    assert wide == []
    assert overflow == 390


@pytest.mark.parametrize(
    ("page", "column"),
    [("nhiem-vu/qua-han.html", "Số ngày quá hạn"), ("nhiem-vu/sap-den-han.html", "Hạn")],
)
def test_the_key_column_is_on_screen(server: str, on_phone: WebDriver, page: str, column: str) -> None:
    on_phone.get(server + page)
    cells = on_phone.find_elements(By.CSS_SELECTOR, f"table.kh-table td[data-label='{column}']")
    assert cells, f"không có cột '{column}'"
    first = cells[0]
    assert first.is_displayed() and first.text.strip()
    box = on_phone.execute_script("var b = arguments[0].getBoundingClientRect(); return [b.left, b.right];", first)
    assert box[0] >= 0 and box[1] <= 390
    # a reader sees the label beside the value, not a bare number
    label = on_phone.execute_script(
        "return window.getComputedStyle(arguments[0], '::before').getPropertyValue('content')", first
    )
    assert column in label


def test_a_card_leaves_out_the_labels_of_empty_cells(server: str, on_phone: WebDriver) -> None:
    """A task with no coordinating unit shows no bare "Phối hợp:" line on its card;
    one with coordinating units shows them under their label."""
    on_phone.get(server + "nhiem-vu/index.html")
    cells = on_phone.find_elements(By.CSS_SELECTOR, "table.kh-table td[data-label='Phối hợp']")
    empty = [c for c in cells if not c.get_attribute("textContent").strip()]
    named = [c for c in cells if c.get_attribute("textContent").strip()]
    assert empty and named, "trang cần cả nhiệm vụ có và không có đơn vị phối hợp"
    assert not any(c.is_displayed() for c in empty)
    assert all(c.is_displayed() for c in named[:20])
    desktop(on_phone)
    assert all(c.is_displayed() for c in empty[:5]), "trên màn hình rộng, ô trống vẫn giữ chỗ trong bảng"


def test_document_numbers_and_dates_do_not_break(server: str, on_phone: WebDriver) -> None:
    on_phone.get(server + "ke-hoach/index.html")
    numbers = on_phone.find_elements(By.CSS_SELECTOR, "table.kh-table td[data-label='Số'] a")
    assert numbers
    for link in numbers:
        lines = on_phone.execute_script("var r = arguments[0].getClientRects(); return r.length;", link)
        assert lines == 1, link.text


@pytest.mark.parametrize(
    "name", ["trang-chu", "qua-han", "sap-den-han", "theo-tinh-trang", "ke-hoach", "van-ban", "don-vi"]
)
def test_on_a_desktop_tables_fit_without_scrolling(server: str, browser: WebDriver, name: str) -> None:
    desktop(browser)
    browser.get(server + PAGE_KINDS[name])
    browser.save_screenshot(str(SHOTS / f"may-tinh-{name}.png"))
    scrolling = browser.execute_script(
        """return Array.from(document.querySelectorAll('.kh-table-box')).filter(function (box) {
             return box.scrollWidth > box.clientWidth + 1;
           }).map(function (box) { return box.querySelector('th').parentElement.textContent; })"""
    )
    assert scrolling == []
