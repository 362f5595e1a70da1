"""Shared by the browser tests: the repository's site built once (as of
1 April 2022), served over http from a local server and also opened from the
folder (file://), in Debian's headless chromium driven by chromedriver; and a
site with reports (tests/fixtures/results, as of 1 August 2025) for the page
kinds the repository's records do not have yet."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from ..conftest import FIXTURES, REPO_ROOT, make_repo

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SHOTS = REPO_ROOT / "test-output" / "screenshots"
TODAY = "2022-04-01"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    os.environ["KEHOACH_TODAY"] = TODAY
    try:
        build(load_config(str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site), strict=True))
    finally:
        del os.environ["KEHOACH_TODAY"]
    return site


@pytest.fixture(scope="session")
def built_with_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the base fixture repository with tests/fixtures/results: reports,
    their results and figures, a unit merged into another."""
    repo = make_repo(tmp_path_factory.mktemp("results"))
    shutil.copytree(FIXTURES / "results", repo, dirs_exist_ok=True)
    for part in ("docs", "tools"):
        shutil.copytree(REPO_ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    site = tmp_path_factory.mktemp("results-site")
    os.environ["KEHOACH_TODAY"] = "2025-08-01"
    try:
        build(load_config(str(repo / "mkdocs.yml"), site_dir=str(site), strict=True))
    finally:
        del os.environ["KEHOACH_TODAY"]
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def _serving(folder: Path) -> Iterator[str]:
    """A built site served over HTTP on a free local port, as an office intranet serves it."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="package")
def server(built: Path) -> Iterator[str]:
    with _serving(built) as url:
        yield url


@pytest.fixture(scope="package")
def server_with_reports(built_with_reports: Path) -> Iterator[str]:
    with _serving(built_with_reports) as url:
        yield url


@pytest.fixture(scope="session")
def folder(built: Path) -> str:
    """The same site opened from its folder, as a reader given a copy would."""
    return built.as_uri() + "/"


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    assert Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists(), "chạy 'make test' để cài chromium"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def phone(driver: WebDriver) -> None:
    """A 390 px wide phone screen (device pixels 3x), as an iPhone 12-15 shows pages."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}
    )


def desktop(driver: WebDriver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
