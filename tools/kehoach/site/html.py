"""Safe building blocks for generated pages: every piece of record text goes
through ``esc`` (HTML) or ``md_text`` (Markdown) before it reaches a page."""

from __future__ import annotations

import html
import posixpath


def esc(text: object) -> str:
    """Record text as HTML text: tags, entities and template braces shown literally."""
    escaped = html.escape(str(text), quote=True)
    # MkDocs does not run templates over pages, but a theme or plugin might: keep braces inert.
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def md_text(text: str) -> str:
    """Record text inside Markdown (a heading, a paragraph): no markup, no HTML."""
    escaped = esc(text)
    for char in "\\`*_[]#|!":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def page_url(path: str) -> str:
    """The built file of a generated Markdown page (use_directory_urls is off, so
    pages open from a folder as well as from a server)."""
    return path[: -len(".md")] + ".html"


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link between two generated pages, escaped for an attribute."""
    target = posixpath.relpath(page_url(to_page), posixpath.dirname(page_url(from_page)) or ".")
    return esc(target + (f"#{anchor}" if anchor else ""))


def link(from_page: str, to_page: str, text: str, anchor: str | None = None) -> str:
    return f'<a href="{href(from_page, to_page, anchor)}">{esc(text)}</a>'


def table(headers: list[str], rows: list[list[str]], css: str = "kh-table") -> str:
    """An HTML table; cells are already-safe HTML. Sortable by the shipped script."""
    if not rows:
        return '<p class="kh-empty">Không có.</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{css} kh-sortable">\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>'
