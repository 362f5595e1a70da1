"""Record pages are built from a frame rendered once per folder (kehoach/site/frames.py),
most of them written after the build, out of MkDocs' page loop, and their titles
read by one shared converter: the pages must be exactly those the whole theme
gives (through MkDocs' loop, every one), also for a title full of markup, with a
site address (canonical links, a sitemap naming every page) and for pages with
and without a table of contents."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page as MkDocsPage

from kehoach.site import background, frames
from kehoach.site.frames import FULL_RENDER, Frames

from ..conftest import REPO_ROOT

HOSTILE = '<b>in đậm</b> & "ngoặc" </title><script>x</script> {{ config }} *sao* [liên](kết)'


def _set(path: Path, key: str, value: str) -> None:
    """Replace the top-level ``key`` of a record file (with its continuation lines) by ``value``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    lines[start:end] = [f"{key}: '{value}'"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _build(repo: Path, site: Path, full: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_TODAY", "2022-04-01")
    monkeypatch.setenv(FULL_RENDER, "1" if full else "0")
    build(load_config(str(repo / "mkdocs.yml"), site_dir=str(site), strict=True))


@pytest.mark.parametrize("fork", [False, True], ids=["one-process", "half-by-a-child"])
def test_framed_pages_are_the_pages_the_theme_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    # the held pages written by this process alone, or every other one by a forked child
    monkeypatch.setattr(frames, "FORK_FROM", 2 if fork else 10**9)
    if fork:
        monkeypatch.setattr(background, "can_fork", lambda: True)
    repo = tmp_path / "kho"
    repo.mkdir()
    for part in ("records", "docs", "tools"):
        shutil.copytree(REPO_ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    settings = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (repo / "mkdocs.yml").write_text("site_url: https://kho.example/ke-hoach/\n" + settings, encoding="utf-8")
    _set(next((repo / "records/plans").glob("*/*.yaml")), "title", HOSTILE)
    unit = sorted((repo / "records/units").glob("*.yaml"))[0]
    _set(unit, "name", HOSTILE)
    # a page of the repository's own docs linking to record pages (written out of MkDocs' loop)
    plans = sorted(p.parent.name for p in (repo / "records/plans").glob("*/*.yaml"))
    links = "\n".join(f"- [{plan}](../ke-hoach/{plan}.md)" for plan in plans)
    (repo / "docs/huong-dan/ke-hoach-mau.md").write_text(f"# Kế hoạch mẫu\n\n{links}\n", encoding="utf-8")

    framed_log = tmp_path / "framed.txt"  # pages rendered from a frame, by this process or a child
    render = Frames.render
    looped: list[str] = []  # pages MkDocs' own loop built
    build_page = mkdocs_build._build_page

    def counted_loop(page: MkDocsPage, *args: object, **kwargs: object) -> None:
        looped.append(page.file.src_uri)
        build_page(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(mkdocs_build, "_build_page", counted_loop)

    def counted(self: Frames, page: object, context: object) -> str | None:
        html = render(self, page, context)  # type: ignore[arg-type]
        if html is not None:
            with framed_log.open("a", encoding="utf-8") as log:
                log.write(f"{os.getpid()} {page.file.src_uri}\n")  # type: ignore[attr-defined]
        return html

    monkeypatch.setattr(Frames, "render", counted)
    _build(repo, tmp_path / "framed", False, monkeypatch)
    logged = [line.split(" ", 1) for line in framed_log.read_text(encoding="utf-8").splitlines()]
    framed_pages = [path for _pid, path in logged]
    assert len({pid for pid, _path in logged}) == (2 if fork else 1)
    assert len(framed_pages) > 50  # the frames were used, not the theme for every page
    held = set(framed_pages) - set(looped)
    assert len(held) > 50  # most record pages were written out of MkDocs' loop
    looped.clear()
    _build(repo, tmp_path / "full", True, monkeypatch)
    assert held <= set(looped)  # the full render builds them all through MkDocs
    framed = sorted(p.relative_to(tmp_path / "framed") for p in (tmp_path / "framed").rglob("*.html"))
    assert framed == sorted(p.relative_to(tmp_path / "full") for p in (tmp_path / "full").rglob("*.html"))
    differ = [str(p) for p in framed if (tmp_path / "framed" / p).read_bytes() != (tmp_path / "full" / p).read_bytes()]
    assert differ == []
    linking = (tmp_path / "framed/huong-dan/ke-hoach-mau.html").read_text(encoding="utf-8")
    assert all(f'href="../ke-hoach/{plan}.html"' in linking for plan in plans)
    sitemap = (tmp_path / "framed/sitemap.xml").read_text(encoding="utf-8")
    assert sitemap == (tmp_path / "full/sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == len(framed) - 1  # every page but 404.html
    unit_page = (tmp_path / "framed/don-vi" / (unit.stem + ".html")).read_text(encoding="utf-8")
    assert "<script>x</script>" not in unit_page and "&lt;script&gt;x&lt;/script&gt;" in unit_page
    assert f'<link rel="canonical" href="https://kho.example/ke-hoach/don-vi/{unit.stem}.html">' in unit_page
    assert {path.split("/")[0] for path in framed_pages} >= {"ke-hoach", "van-ban", "don-vi"}
