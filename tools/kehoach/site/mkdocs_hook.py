"""MkDocs hook: checks the records and adds the generated pages to the build.
All content comes from ``kehoach.site``; this file only adapts it to MkDocs.

The build fails with the checker's messages when a record has an error. The
date that 'overdue' is counted from is the build date, or KEHOACH_TODAY.

Pages generated from records are finished HTML: MkDocs reads only their title
as Markdown, and the body is put in place afterwards (on_page_content)."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import shutil
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from kehoach.atomic import WriteFailed, write_atomic
from kehoach.check import check_findings
from kehoach.config import load_config
from kehoach.dates import today_from_environment
from kehoach.findings import Severity
from kehoach.incremental import checked_tree
from kehoach.pipeline import check
from kehoach.report import as_text
from kehoach.site.changes import last_changed
from kehoach.site.downloads import PLAN_DOCX_LIMIT
from kehoach.site.frames import (
    FULL_RENDER,
    TEMPLATE,
    Frames,
    HeldPages,
    frame_key,
    held_file,
    page_title,
    render_generated,
)
from kehoach.site.html import Page, UnsafeUrl, safe_url
from kehoach.site.pages import GENERATED_PAGES
from kehoach.site.printing import print_css
from kehoach.site.recent import read_changes
from kehoach.site.records import build_site
from kehoach.site.search import search_page

SEARCH_PAGE = "tim-kiem.md"
PRINT_CSS = "assets/kehoach-print.css"  # listed in mkdocs.yml extra_css; carries the build date


# Material's script can fetch Mermaid and a ResizeObserver polyfill from a CDN
# (only when a page has a diagram or the browser is very old). The site must
# never reach another host, so those addresses become empty local scripts.
CDN = re.compile(r"https://(?:unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)/[^\"'\\\s)]+")

_finished: dict[str, Page] = {}  # src path -> generated page, for on_page_content
_in_nav: set[str] = set()  # src paths of the pages in the navigation
_frames: list[Frames] = []  # this build's frames (set by on_env)
_held: dict[str, Page] = {}  # src path -> record page written from its folder's frame after the build
_nav: list[Navigation] = []  # this build's navigation (set by on_nav)
_built: list[HeldPages] = []  # writes the held pages (set by on_env)


def build_date() -> dt.date:
    try:
        return today_from_environment() or dt.date.today()
    except ValueError as err:  # a clear message, not a traceback, from `make site`
        raise PluginError(str(err)) from None


def _source_base(config: MkDocsConfig) -> str:
    """extra.source_url: where a reader can open a record file and propose a change,
    e.g. https://git.example.org/ban-dan-van/kehoach/-/blob/main (not repo_url:
    Material would then call the host's API from every page)."""
    try:
        return safe_url(str(config.extra.get("source_url") or ""), "mkdocs.yml: extra.source_url").rstrip("/")
    except UnsafeUrl as error:
        raise PluginError(f"Không dựng trang: {error}") from None


def _docx_limit(config: MkDocsConfig) -> int:
    """extra.plan_docx_limit: above this many plans the site has no .docx of each plan."""
    value = config.extra.get("plan_docx_limit", PLAN_DOCX_LIMIT)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PluginError(
            f"Không dựng trang: mkdocs.yml: extra.plan_docx_limit phải là số nguyên không âm, không phải {value!r}"
        )
    return value


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _source_base(config)  # refuse a bad address before any work is done
    _docx_limit(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    today = build_date()
    # `make site` has just checked the records: the findings come from that check's
    # state (only files changed since are checked again), and the records from the
    # record cache (files unchanged since that check are not even read: the state
    # names the content the check read), indexed without running the rules again.
    findings, count, _hidden = check_findings(root, today=today)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise PluginError("Bản ghi có lỗi, không dựng trang:\n" + as_text(errors, count))
    index = check(checked_tree(root), load_config(root), today, rules=()).index
    base = _source_base(config)
    # The records stay alive for the whole build and hold no garbage: kept out of the
    # collector's scans (a full scan of them took a second at 40k records, several times).
    gc.freeze()

    def source_url(path: str) -> str | None:
        return f"{base}/{path}" if base else None

    pages: dict[str, str | bytes | Page] = {path: render() for path, render in GENERATED_PAGES.items()}
    pages |= build_site(index, today, source_url, last_changed(root), read_changes(root), _docx_limit(config))
    pages[SEARCH_PAGE] = search_page()
    pages[PRINT_CSS] = print_css(today, config.site_name)
    _finished.clear()
    _held.clear()
    # Record pages (out of the navigation) are the same around their content within a
    # folder: one of each folder goes through MkDocs, and gives the frame the others
    # are written from after the build (frames.HeldPages), out of MkDocs' page loop.
    in_nav = _nav_paths(config.nav)
    hold = os.environ.get(FULL_RENDER) != "1" and not config.use_directory_urls and in_nav is not None
    seen: set[tuple[str, bool]] = set()
    for path, content in pages.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        if isinstance(content, Page):
            if hold and path not in in_nav:  # type: ignore[operator]
                key = frame_key(path, content)
                if key in seen:
                    _held[path] = content
                    files.append(held_file(config, path, content.markdown))  # links to it resolve
                    continue
                seen.add(key)
            _finished[path] = content
            content = content.markdown
        files.append(File.generated(config, path, content=content))
    return files


def _nav_paths(nav: object) -> set[str] | None:
    """The pages mkdocs.yml's navigation names (None: no navigation, every page is in it)."""
    if nav is None:
        return None
    found: set[str] = set()

    def visit(item: object) -> None:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                visit(value)
        elif isinstance(item, list):
            for value in item:
                visit(value)

    visit(nav)
    return found


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _nav[:] = [nav]
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_pre_page(page: MkDocsPage, config: MkDocsConfig, files: Files) -> MkDocsPage:
    generated = _finished.get(page.file.src_uri)
    if generated is not None and os.environ.get(FULL_RENDER) != "1":
        page.render = lambda config, files: render_generated(page, generated.toc)  # type: ignore[method-assign]
    return page


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    generated = _finished.get(page.file.src_uri)
    if generated is None:
        return html
    page.toc = get_toc(generated.toc)  # type: ignore[arg-type]
    if not page.is_homepage:  # the home page's <title> is the site's name
        page.meta["title"] = page_title(generated.title)
    if page.file.src_uri not in _in_nav:  # a record page: built from its folder's frame (frames.py)
        page.meta["template"] = TEMPLATE
    return generated.html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _frames[:] = [Frames(env)]
    _built[:] = [HeldPages(_frames[0], config, files, _held, _nav[0] if _nav else None, env)]
    return env


def on_page_context(context: dict, page: MkDocsPage, config: MkDocsConfig, nav: Navigation) -> dict:
    if page.meta.get("template") == TEMPLATE:
        html = _frames[0].render(page, context)
        if html is not None:
            context["kh_html"] = html
        _built[0].seen(page, context)
    return context


# Material's files this site never loads: its lunr search and the search worker
# (the site has its own search) and source maps.
UNUSED = ("assets/javascripts/lunr", "assets/javascripts/workers")
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/")


def on_post_build(config: MkDocsConfig) -> None:
    try:
        if _built:
            _built[0].write()
    except WriteFailed as err:
        raise PluginError(f"Không dựng được trang: {err}") from err
    finally:
        _built.clear()
        _held.clear()
        _nav.clear()
    gc.unfreeze()  # collected as usual again (`mkdocs serve` builds many times)
    site = Path(config.site_dir)
    for folder in UNUSED:
        shutil.rmtree(site / folder, ignore_errors=True)
    for source_map in site.joinpath("assets").rglob("*.map"):
        source_map.unlink()
    if not config.site_url:  # a sitemap needs the site's address; without it MkDocs writes an empty one
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            site.joinpath(name).unlink(missing_ok=True)
    for script in [*site.joinpath("assets", "javascripts").rglob("*.js"), *site.joinpath("assets").rglob("*.css")]:
        text = script.read_text(encoding="utf-8")
        cleaned = SOURCE_MAP.sub("", CDN.sub("data:text/javascript,", text))
        if cleaned != text:
            _rewrite(script, cleaned)
    not_found = site / "404.html"
    if not_found.exists():  # served at any depth: its links must not assume the site's root
        text = not_found.read_text(encoding="utf-8")
        _rewrite(not_found, re.sub(r'((?:href|src)=")/(?!/)', r"\1./", text))


def _rewrite(path: Path, text: str) -> None:
    try:
        write_atomic(path, text, durable=False)  # rebuilt by every build
    except WriteFailed as err:
        raise PluginError(f"Không dựng được trang: {err}") from err
