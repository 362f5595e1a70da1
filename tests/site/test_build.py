"""The site builds with --strict and makes no request to another host."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from kehoach.site.html import slugify

from ..conftest import REPO_ROOT, make_repo

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


def test_a_repository_with_an_invalid_record_does_not_build(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "KH301-dangling-unit")
    for part in ("mkdocs.yml", "docs", "tools"):
        source = REPO_ROOT / part
        if source.is_dir():
            shutil.copytree(source, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, repo / part)
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(Abort) as failed:  # MkDocs aborts on the hook's PluginError
        build(config)
    cause = failed.value.__context__
    assert isinstance(cause, PluginError)
    message = str(cause)
    assert "Bản ghi có lỗi, không dựng trang" in message
    assert (
        "tinh-a-2021-12-kh-bdvtu-nv02.yaml:7:16: KH301 [lỗi] không tìm thấy đơn vị có mã 'ban-dan-toc-tinh'" in message
    )


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x", "data:text/html,x"]
)
def test_a_source_address_with_a_forbidden_scheme_stops_the_build(tmp_path: Path, address: str) -> None:
    repo = make_repo(tmp_path)
    for part in ("docs", "tools"):
        shutil.copytree(REPO_ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    settings = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'source_url: ""' in settings
    (repo / "mkdocs.yml").write_text(
        settings.replace('source_url: ""', f"source_url: {json.dumps(address)}"), encoding="utf-8"
    )
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(Abort) as failed:
        build(config)
    message = str(failed.value.__context__)
    assert "mkdocs.yml: extra.source_url" in message
    assert "không được phép; chỉ dùng địa chỉ http://, https:// hoặc đường dẫn tương đối" in message
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("limit", ["-1", "nhiều", "true"])
def test_a_bad_word_document_limit_stops_the_build_with_a_message(tmp_path: Path, limit: str) -> None:
    repo = make_repo(tmp_path)
    for part in ("docs", "tools"):
        shutil.copytree(REPO_ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    settings = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plan_docx_limit: 100" in settings
    (repo / "mkdocs.yml").write_text(settings.replace("plan_docx_limit: 100", f"plan_docx_limit: {limit}"), "utf-8")
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(Abort) as failed:
        build(config)
    assert "extra.plan_docx_limit phải là số nguyên không âm" in str(failed.value.__context__)


def test_the_site_is_vietnamese_and_carries_no_unused_weight(built_site: Path) -> None:
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Không tìm thấy trang" in not_found and "Not found" not in not_found
    assert not re.search(r'(?:href|src)="/(?!/)', not_found)  # relative: works at any depth, and from a folder
    guide = (built_site / "huong-dan/ban-ghi.html").read_text(encoding="utf-8")
    assert 'title="Liên kết tới mục này"' in guide and "Permanent link" not in guide
    assert not (built_site / "sitemap.xml").exists()  # no site_url: no (empty) sitemap
    assert not (built_site / "assets/javascripts/lunr").exists()
    assert not (built_site / "assets/javascripts/workers").exists()
    assert not list(built_site.rglob("*.map"))
    assert not any("sourceMappingURL" in p.read_text(encoding="utf-8") for p in built_site.rglob("*.js"))


def test_anchors_keep_d_for_dd() -> None:
    assert slugify("Nghị quyết Đại hội") == "nghi-quyet-dai-hoi"
    assert slugify("Đơn vị, đảng viên") == "don-vi-dang-vien"
