"""Record pages put into a frame rendered once per folder, not through the whole
theme each: with thousands of record pages, rendering Material's template for
every one (its navigation above all) was most of the build.

Record pages (a plan, a directive, a unit, a report) are not in the
navigation, so everything around their content is the same for every page of
a folder: links are relative to the folder, nothing in the navigation is
active. The theme is rendered once per folder with marker values for what
differs (title, content, table of contents, canonical address); each page is
then that frame with its own values put in. A frame in which any marker is
left over (a theme that uses the title in a way not handled here) is not
used: those pages are rendered through the theme as before.

Only one record page of each folder (one with a table of contents, one without)
goes through MkDocs' page loop: it gives the frame, and the others of the folder
are written from it after the build (``HeldPages``), without MkDocs reading,
converting and rendering each (most of the build at 10,000 records was MkDocs'
work per page). They are added to the sitemap when there is one.

Pages built either way are the same, byte for byte (tests/site/test_frames.py)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.commands.build import _build_page, _build_theme_template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import normalize_url, write_file

from .background import Later
from .html import Page, esc

TEMPLATE = "kh-record.html"  # in theme/: the filled frame, or the whole theme when there is none
FULL_RENDER = "KEHOACH_SITE_FULL_RENDER"  # set to 1: every page through the whole theme (for comparison)

# Marker values: each of the title's three forms (as is, without tags, escaped) differs.
TITLE = "<b>KHFRAMETITLE</b>&amp;"
CONTENT = "<h1>KHFRAMECONTENT</h1>"
ANCHOR = "khframeanchor"
CANONICAL = "KHFRAMECANONICAL"
LEFTOVER = ("KHFRAME", "khframe")
FORK_FROM = 100  # held pages: with fewer, starting a second process costs more than it saves

_MISSING = object()


def page_title(title: str) -> str:
    """A generated page's title as the theme writes it, escaped. (Read from the
    page's Markdown, MkDocs would escape character references twice, and the
    theme would unescape the title into <title>: record text could close the
    element and open a script.)"""
    return " ".join(esc(title).split())


def frame_key(path: str, page: Page) -> tuple[str, bool]:
    """The frame a generated page at ``path`` (under docs/, ending .md) is put in:
    its folder, and whether it has a table of contents (as ``Frames.render`` keys them)."""
    return path.rpartition("/")[0], bool(page.toc)


def render_generated(page: MkDocsPage, toc: list[dict[str, Any]]) -> None:
    """What MkDocs' ``Page.render`` does, for a generated page: its Markdown is its
    title only, and its body is put in by the hook (on_page_content), so there is
    nothing to convert (a Markdown converter built for each of thousands of pages
    was a tenth of the build). The title is the page's metadata (the hook's ``page_title``)."""
    page.content = ""
    page.toc = get_toc(toc)  # type: ignore[arg-type]
    page.present_anchor_ids = _ids(toc)


def _ids(tokens: list[dict[str, Any]]) -> set[str]:
    return {t["id"] for t in tokens} | {i for t in tokens for i in _ids(t["children"])}


def _toc_shape(items: list[Any]) -> tuple[Any, ...] | None:
    """Everything the headings of a table of contents hold (title, anchor, level,
    whatever else an extension set on them), as a key; None when some value
    cannot be one: the table is then rendered for the page."""
    shape = []
    for item in items:
        children = _toc_shape(item.children)
        if children is None:
            return None
        fields = tuple(sorted((name, value) for name, value in vars(item).items() if name != "children"))
        try:
            hash(fields)
        except TypeError:
            return None
        shape.append((fields, children))
    return tuple(shape)


@dataclass(frozen=True)
class Frame:
    parts: list[str]  # text between the slots
    slots: list[str]  # what goes between: "title", "plain", "escaped", "content", "toc", "skip", "canonical"

    def fill(self, values: dict[str, str]) -> str:
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out += [values[slot], part]
        return "".join(out)


class _Translations:
    """The theme's ``lang`` (partials/language.html), each word looked up once."""

    def __init__(self, env: Environment, context: Any) -> None:
        self._lookup = env.from_string('{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}')
        self._context = dict(context)
        self._words: dict[str, str] = {}

    def t(self, key: str) -> str:
        if key not in self._words:
            self._words[key] = self._lookup.render(self._context, key=key)
        return self._words[key]


class Frames:
    """The frames of one build, by (folder, whether the page has a table of contents)."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.enabled = os.environ.get(FULL_RENDER) != "1"
        self._frames: dict[tuple[str, bool], Frame | None] = {}
        self._toc_template = env.get_template("partials/toc.html")
        self._lang: _Translations | None = None
        self._tocs: dict[tuple[str, tuple[Any, ...]], str] = {}  # (folder, headings) -> rendered

    def render(self, page: MkDocsPage, context: Any) -> str | None:
        """The page's HTML from its folder's frame; None to render it through the theme."""
        if not self.enabled:
            return None
        key = (page.url.rpartition("/")[0], bool(page.toc.items))
        if key not in self._frames:
            self._frames[key] = self._frame(page, context)
        frame = self._frames[key]
        if frame is None:
            return None
        content = page.content or ""
        if "<h1" not in content:  # the theme would add a heading: not what the frame holds
            return None
        title = page.title or ""
        first = next(iter(page.toc), None)
        values = {
            "title": title,
            "plain": Markup(title).striptags(),
            "escaped": str(escape(title)),
            "content": content,
            "toc": self._page_toc(page, context),
            "skip": normalize_url(first.url, page=page, base=context["base_url"]) if first else "",
            "canonical": page.canonical_url or "",
        }
        return frame.fill(values)

    def has_frame(self, page: MkDocsPage) -> bool:
        return self._frames.get((page.url.rpartition("/")[0], bool(page.toc.items))) is not None

    def _page_toc(self, page: MkDocsPage, context: Any) -> str:
        """The page's table of contents: rendered once for all the pages of a folder
        with the same headings (all the unit pages, most directive pages)."""
        shape = _toc_shape(page.toc.items)
        if shape is None:
            return self._toc(context)
        key = (page.url.rpartition("/")[0], shape)
        found = self._tocs.get(key)
        if found is None:
            found = self._tocs[key] = self._toc(context)
        return found

    def _toc(self, context: Any) -> str:
        """The table of contents as the theme renders it, with the translations
        base.html imports (looked up once, not imported again for every page)."""
        if self._lang is None:
            self._lang = _Translations(self.env, context)
        return self._toc_template.render(context, lang=self._lang)

    def _frame(self, page: MkDocsPage, context: Any) -> Frame | None:
        saved = {name: page.__dict__.get(name, _MISSING) for name in ("title", "content", "toc", "canonical_url")}
        meta_title = page.meta.get("title", _MISSING)
        try:
            page.title = TITLE
            if meta_title is not _MISSING:
                page.meta["title"] = TITLE
            page.content = CONTENT
            with_toc = bool(saved["toc"] is not _MISSING and saved["toc"].items)
            page.toc = get_toc([{"level": 2, "id": ANCHOR, "name": "KHFRAMETOC", "children": []}] if with_toc else [])
            page.canonical_url = CANONICAL if saved["canonical_url"] not in (_MISSING, None) else None
            html = self.env.get_template("main.html").render(context)
            toc = self._toc(context)
        finally:
            if meta_title is not _MISSING:
                page.meta["title"] = meta_title
            for name, value in saved.items():
                if value is _MISSING:
                    page.__dict__.pop(name, None)
                else:
                    page.__dict__[name] = value
        if html.count(toc) != 1:
            return None
        # longest first: the escaped and plain titles are not parts of another marker
        markers = [
            (toc, "toc"),
            (CONTENT, "content"),
            (f"#{ANCHOR}", "skip"),
            (str(escape(TITLE)), "escaped"),
            (TITLE, "title"),
            (Markup(TITLE).striptags(), "plain"),
            (CANONICAL, "canonical"),
        ]
        parts: list[str] = [html]
        slots: list[str] = []
        for marker, slot in markers:
            split_parts: list[str] = []
            split_slots: list[str] = []
            for i, part in enumerate(parts):
                pieces = part.split(marker)
                split_parts.append(pieces[0])
                for piece in pieces[1:]:
                    split_slots.append(slot)
                    split_parts.append(piece)
                if i < len(slots):
                    split_slots.append(slots[i])
            parts, slots = split_parts, split_slots
        if any(word in part for part in parts for word in LEFTOVER):
            return None
        return Frame(parts, slots)


class _HeldFile(File):
    """A record page written from its folder's frame after the build: in the
    build's files (links to it resolve as to any page), but neither read nor
    rendered by MkDocs' loop, nor copied."""

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        return None


def held_file(config: MkDocsConfig, path: str, markdown: str) -> File:
    """The file of a page at ``path`` (under docs/, .md) that ``HeldPages`` writes."""
    file = _HeldFile.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    # a page's address, .html, as File gives a page's without directory URLs (pages are only
    # held without them), not as a static file's
    file.dest_uri = posixpath.join(posixpath.dirname(file.src_uri), file.name + ".html")
    return file


def _listed(config: MkDocsConfig, page: MkDocsPage) -> File:
    """A held page as MkDocs' sitemap lists a page."""
    file = File.generated(config, page.file.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    file.page = page
    return file


class HeldPages:
    """The record pages kept out of MkDocs' page loop, written after the build from
    the frame of their folder, which a page of the same folder built by MkDocs gave
    (``seen``, from on_page_context). A page whose folder has no frame (a theme the
    frame cannot be made from) is rendered through the whole theme, as MkDocs would."""

    def __init__(
        self,
        frames: Frames,
        config: MkDocsConfig,
        files: Files,
        held: dict[str, Page],
        nav: Navigation | None,
        env: Environment,
    ) -> None:
        self.frames, self.config, self.files, self.held, self.nav, self.env = frames, config, files, held, nav, env
        self._contexts: dict[tuple[str, bool], dict[str, Any]] = {}

    def seen(self, page: MkDocsPage, context: Any) -> None:
        key = (page.url.rpartition("/")[0], bool(page.toc.items))
        if key not in self._contexts and self.frames.has_frame(page):
            self._contexts[key] = dict(context)

    def write(self) -> None:
        if not self.held:
            return
        pages = [self._page(path, generated) for path, generated in self.held.items()]
        doc_files = self.files.documentation_pages()
        # The build's other work is done by now and the machine has two cores: every
        # other page is written by a forked child meanwhile (``background.Later``: where
        # forking is safe; a child that fails leaves its pages to this process).
        theirs = Later(lambda: self._write(pages[1::2], doc_files)) if len(pages) >= FORK_FROM else None
        try:
            self._write(pages[::2] if theirs is not None else pages, doc_files)
            if theirs is not None:
                theirs.result()
        finally:
            if theirs is not None:
                theirs.cancel()
        if self.config.site_url and "sitemap.xml" in self.config.theme.static_templates and self.nav is not None:
            # MkDocs' sitemap, made again with the held pages in it, in their places
            listed = {page.file.src_uri: page for page in pages}
            every = Files([_listed(self.config, listed[f.src_uri]) if f.src_uri in listed else f for f in self.files])
            _build_theme_template("sitemap.xml", self.env, every, self.config, self.nav)

    def _write(self, pages: list[MkDocsPage], doc_files: Any) -> None:
        for page in pages:
            context = self._contexts.get((page.url.rpartition("/")[0], bool(page.toc.items)))
            html = self.frames.render(page, {**context, "page": page}) if context is not None else None
            if html is None or self.nav is None:
                _build_page(page, self.config, doc_files, self.nav, self.env)  # type: ignore[arg-type]
            else:
                # written as MkDocs writes every page it builds (the site is rebuilt by every build)
                write_file(html.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)

    def _page(self, path: str, generated: Page) -> MkDocsPage:
        """The page as MkDocs' loop and the hook would have made it (``render_generated``, on_page_content)."""
        file = self.files.get_file_from_path(path)
        if file is None:  # taken out of the build by another hook
            file = held_file(self.config, path, generated.markdown)
        page = MkDocsPage(None, file, self.config)
        page.meta = {"title": page_title(generated.title), "template": TEMPLATE}
        page.markdown = generated.markdown
        render_generated(page, generated.toc)
        page.content = generated.html
        return page
