"""Printing from the browser (chromium's own PDF output, read back with
poppler's pdfinfo and pdftotext): A4 pages, the as-of date on every page, a
plan as a compact table, the overdue list many rows to a page."""

from __future__ import annotations

import base64
import math
import re
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from ..conftest import REPO_ROOT
from .conftest import desktop

OUT = REPO_ROOT / "test-output" / "print"
AS_OF = "tính đến ngày 01/04/2022"


def _print(browser: WebDriver, url: str, name: str) -> tuple[list[str], str]:
    """(page sizes, text of each page joined by form feeds) of ``url`` printed to PDF."""
    desktop(browser)
    browser.get(url)
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.pdf"
    path.write_bytes(base64.b64decode(pdf["data"]))
    info = subprocess.run(["pdfinfo", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+ x [\d.]+ pts)", info)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return sizes, text


def _is_a4(size: str) -> bool:
    """210 x 297 mm, give or take the PDF writer's rounding (under a point)."""
    width, height = (float(v) for v in size.removesuffix(" pts").split(" x "))
    return abs(width - 595.28) < 1 and abs(height - 841.89) < 1


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    assert Path("/usr/bin/pdftotext").exists(), "chạy 'make test' để cài poppler-utils"


def test_the_largest_plan_prints_on_a4_with_the_as_of_date_on_every_page(server: str, browser: WebDriver) -> None:
    sizes, text = _print(browser, server + "ke-hoach/binh-phuoc-2021-36-kh-bdvtu.html", "ke-hoach-lon-nhat")
    assert sizes and all(_is_a4(size) for size in sizes), sizes
    pages = text.split("\f")[: len(sizes)]
    assert all(AS_OF in page for page in pages), [p[-300:] for p in pages]
    assert "Các nhiệm vụ" in text  # the compact table, not the screen's task cards


def test_a_29_task_plan_fits_on_four_pages(server: str, browser: WebDriver) -> None:
    browser.get(server + "ke-hoach/binh-thuan-2021-12-kh-bdvtu.html")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".kh-task")) == 29
    sizes, text = _print(browser, server + "ke-hoach/binh-thuan-2021-12-kh-bdvtu.html", "ke-hoach-29-nhiem-vu")
    assert 1 <= len(sizes) <= 4
    assert "Trang 1/" in text and AS_OF in text


def test_the_overdue_list_prints_many_rows_a_page(server: str, browser: WebDriver) -> None:
    browser.get(server + "nhiem-vu/qua-han.html")
    rows = len(browser.find_elements(By.CSS_SELECTOR, "table.kh-table tbody tr"))
    sizes, text = _print(browser, server + "nhiem-vu/qua-han.html", "qua-han")
    assert rows >= 20
    assert len(sizes) <= math.ceil(rows / 20), (rows, len(sizes))  # at least 20 rows on every page but the last
    assert all(AS_OF in page for page in text.split("\f")[: len(sizes)])
