"""axe-core (from the npm registry, locked in package-lock.json) run in the
browser on one page of every kind, on a desktop and on a phone screen: no violation."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from ..conftest import REPO_ROOT
from .conftest import desktop, phone
from .test_phone import PAGE_KINDS, REPORT_PAGE_KINDS

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), "chạy 'make test' (npm ci) để cài axe-core"
    return AXE.read_text(encoding="utf-8")


def _violations(browser: WebDriver, axe_source: str) -> list[str]:
    browser.execute_script(axe_source)
    result = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations)); })"
        ".catch(function (e) { done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])); });"
    )
    return [
        f"{v['id']} ({v.get('impact')}): {v['help']} — " + "; ".join(n["html"][:120] for n in v["nodes"][:3])
        for v in json.loads(result)
    ]


@pytest.mark.parametrize("name", PAGE_KINDS)
def test_no_accessibility_violation_on_a_desktop(server: str, browser: WebDriver, axe_source: str, name: str) -> None:
    desktop(browser)
    browser.get(server + PAGE_KINDS[name])
    assert _violations(browser, axe_source) == []


@pytest.mark.parametrize("name", REPORT_PAGE_KINDS)
def test_no_accessibility_violation_on_report_pages(
    server_with_reports: str, browser: WebDriver, axe_source: str, name: str
) -> None:
    for screen in (desktop, phone):
        screen(browser)
        try:
            browser.get(server_with_reports + REPORT_PAGE_KINDS[name])
            assert browser.find_elements(By.CSS_SELECTOR, "article h1")
            assert _violations(browser, axe_source) == [], screen.__name__
        finally:
            desktop(browser)


@pytest.mark.parametrize("name", ["trang-chu", "qua-han", "ke-hoach", "van-ban", "don-vi", "tim-kiem"])
def test_no_accessibility_violation_on_a_phone(server: str, browser: WebDriver, axe_source: str, name: str) -> None:
    phone(browser)
    try:
        browser.get(server + PAGE_KINDS[name])
        assert _violations(browser, axe_source) == []
    finally:
        desktop(browser)


@pytest.mark.parametrize("name", ["trang-chu", "qua-han", "ke-hoach", "tim-kiem"])
def test_no_accessibility_violation_in_the_dark_scheme(
    server: str, browser: WebDriver, axe_source: str, name: str
) -> None:
    desktop(browser)
    browser.get(server + PAGE_KINDS[name])
    browser.find_element(By.CSS_SELECTOR, "label[for='__palette_1']").click()  # the reader's toggle
    assert browser.execute_script("return document.body.getAttribute('data-md-color-scheme')") == "slate"
    try:
        assert _violations(browser, axe_source) == []
    finally:
        browser.find_element(By.CSS_SELECTOR, "label[for='__palette_0']").click()
