"""The site builds with --strict and makes no request to another host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..conftest import REPO_ROOT

# src/href attributes and CSS url(...) that would make the browser fetch something.
_FETCHING = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)""")


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    config = load_config(str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    return site


def test_home_and_rules_pages_are_built(built_site: Path) -> None:
    assert (built_site / "index.html").exists()
    rules = (built_site / "tham-khao/quy-tac.html").read_text(encoding="utf-8")
    assert "KH301" in rules
    assert 'lang="vi"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_no_page_or_stylesheet_references_another_host(built_site: Path) -> None:
    outside = []
    for path in built_site.rglob("*"):
        if path.suffix not in (".html", ".css"):
            continue
        for match in _FETCHING.finditer(path.read_text(encoding="utf-8", errors="replace")):
            target = match.group(1) or match.group(2)
            if re.match(r"^(?:[a-z]+:)?//", target, re.IGNORECASE) and not target.startswith("data:"):
                outside.append(f"{path.relative_to(built_site)}: {target}")
    assert outside == []


def test_no_script_carries_a_cdn_address(built_site: Path) -> None:
    cdn = re.compile(r"https?://(?:fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|cdnjs)")
    found = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*")
        if path.is_file() and cdn.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []
