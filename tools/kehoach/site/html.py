"""Safe building blocks for generated pages: every piece of record text goes
through ``esc`` before it reaches a page, every address through ``safe_url``.

Generated pages are finished HTML (a ``Page``): MkDocs does not parse them again
as Markdown, it only places them in the theme."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")


class UnsafeUrl(ValueError):
    """An address with a scheme that could run code or leave the site unexpectedly (Vietnamese message)."""


def safe_url(url: str, where: str) -> str:
    """``url`` if it is relative or http(s); else UnsafeUrl naming ``where`` it came from."""
    text = url.strip()
    # Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so judge the address without them.
    squeezed = re.sub(r"[\x00-\x20]", "", text)
    scheme = urlsplit(squeezed).scheme.lower() if ":" in squeezed.split("/", 1)[0] else ""
    if scheme and scheme not in ALLOWED_SCHEMES:
        raise UnsafeUrl(
            f"{where}: địa chỉ '{text}' dùng giao thức '{scheme}:' không được phép; "
            "chỉ dùng địa chỉ http://, https:// hoặc đường dẫn tương đối."
        )
    if squeezed.startswith("//"):
        raise UnsafeUrl(f"{where}: địa chỉ '{text}' thiếu giao thức; hãy ghi rõ https://.")
    return text


# html.escape's replacements, and template braces: MkDocs does not run templates
# over pages, but a theme or plugin might, so braces are kept inert.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "{": "&#123;", "}": "&#125;"}
)
_SPECIAL = re.compile(r"[&<>\"'{}]")


def esc(text: object) -> str:
    """Record text as HTML text: tags, entities and template braces shown literally."""
    value = text if type(text) is str else str(text)
    # most text has nothing to escape: one search, not seven replacements (a site holds a million pieces)
    return value.translate(_ESCAPES) if _SPECIAL.search(value) else value


def nb(text: object) -> str:
    """Text that must not break across lines (a document number, a date, a count)."""
    value = esc(text)
    return f'<span class="kh-nb">{value}</span>' if value else ""


@functools.lru_cache(maxsize=4096)  # the same headings recur on thousands of pages ('Năm 2024: quá hạn...')
def slugify(value: str, separator: str = "-") -> str:
    """An anchor id from a heading: no diacritics, 'đ' kept as 'd', lower case.
    Also used by MkDocs' toc extension for the hand-written pages (mkdocs.yml)."""
    text = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", separator, text).strip(separator)


def page_url(path: str) -> str:
    """The built file of a generated page (use_directory_urls is off, so pages
    open from a folder as well as from a server)."""
    return path[: -len(".md")] + ".html"


def relative(from_page: str, to_file: str) -> str:
    """``to_file`` as seen from the folder of ``from_page``; both are clean site
    paths ('a/b.md', no '.' or '..'), so this is posixpath.relpath without its
    cost (a listing links tens of thousands of times)."""
    here = from_page.split("/")[:-1]
    there = to_file.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + "/".join(there[shared:])


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link between two generated pages, escaped for an attribute."""
    target = relative(from_page, page_url(to_page))
    return esc(target + (f"#{anchor}" if anchor else ""))


def file_href(from_page: str, to_file: str) -> str:
    """A relative link from a generated page to a file built with the site (not a page)."""
    return esc(relative(from_page, to_file))


def link(from_page: str, to_page: str, text: str, anchor: str | None = None, title: str | None = None) -> str:
    tip = f' title="{esc(title)}"' if title else ""
    return a_tag(href(from_page, to_page, anchor), esc(text), tip)


def a_tag(address: str, inner: str, attributes: str = "") -> str:
    """A link from its parts already escaped (an ``href`` address, the HTML it shows)."""
    return f'<a href="{address}"{attributes}>{inner}</a>'


@dataclass(frozen=True)
class Col:
    """A table column: its header and how its cells behave on a narrow screen.

    kind: "text" (the main text, gets the room), "nb" (never breaks: numbers,
    dates, statuses), "units" (names, may wrap)."""

    header: str
    kind: str = "units"
    key: bool = False  # shown first on a phone card beside the title


def filter_attr(facets: dict[str, str | list[str]]) -> str:
    """A row's values for the listing filters (year, province, unit, plan, situation), as an attribute."""
    return f' data-filter="{esc(json.dumps(facets, ensure_ascii=False, separators=(",", ":")))}"'


def _cell_opening(column: Col) -> str:
    key = " kh-key" if column.key else ""
    return f'<td class="kh-{column.kind}{key}" data-label="{esc(column.header)}">'


def table(columns: list[Col], rows: list[list[str]], css: str = "kh-table", facets: list[str] | None = None) -> str:
    """An HTML table; cells are already-safe HTML. Sortable by the shipped script,
    and filterable when each row has its ``facets`` (from ``filter_attr``).

    Columns empty in every row are left out. Each cell carries its header
    (data-label) so a narrow screen shows rows as cards."""
    if not rows:
        return '<p class="kh-empty">Không có.</p>'
    attrs = facets or [""] * len(rows)
    if facets:
        css += " kh-filterable"
    keep = [i for i in range(len(columns)) if any(row[i] for row in rows)]
    head = "".join(f'<th scope="col" class="kh-{columns[i].kind}">{esc(columns[i].header)}</th>' for i in keep)
    opening = [_cell_opening(column) for column in columns]
    body = "".join(
        f"<tr{attrs[n]}>" + "".join([opening[i] + row[i] + "</td>" for i in keep]) + "</tr>"
        for n, row in enumerate(rows)
    )
    return (
        f'<div class="kh-table-box"><table class="{css} kh-sortable">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table></div>"
    )


def meta_list(items: list[tuple[str, str]]) -> str:
    """A definition list of (label, safe HTML) pairs; empty values left out."""
    return '<dl class="kh-meta">' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in items if v) + "</dl>"


@dataclass
class Page:
    """One generated page: its title (plain text), finished HTML body (with the
    h1) and its table of contents, in the shape MkDocs' toc extension gives."""

    title: str
    wide: bool = False  # a listing: the table takes the room of the page's own table of contents
    parts: list[str] = field(default_factory=list)
    toc: list[dict[str, Any]] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.parts.insert(0, f"<h1>{esc(self.title)}</h1>")

    def add(self, *html_parts: str) -> Page:
        self.parts.extend(p for p in html_parts if p)
        return self

    def heading(self, level: int, text: str, anchor: str | None = None, css: str | None = None) -> Page:
        """An h2..h6 with a unique id and a permanent link, entered in the toc."""
        base = slugify(anchor or text) or "muc"
        ident, n = base, 1
        while ident in self._ids:
            n += 1
            ident = f"{base}_{n}"
        self._ids.add(ident)
        classes = f' class="{esc(css)}"' if css else ""
        self.parts.append(
            f'<h{level} id="{esc(ident)}"{classes}>{esc(text)}'
            f'<a class="headerlink" href="#{esc(ident)}" title="Liên kết tới mục này">¶</a></h{level}>'
        )
        token = {"level": level, "id": ident, "name": esc(text), "children": []}
        siblings = self.toc
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
        return self

    @property
    def html(self) -> str:
        return "\n".join(self.parts) + "\n"

    @property
    def markdown(self) -> str:
        """What MkDocs reads from the page's file: the title only (the body is handed over finished)."""
        escaped = esc(self.title)
        for char in "\\`*_[]#|!<>":
            escaped = escaped.replace(char, "\\" + char)
        front = "---\nhide:\n  - toc\n---\n\n" if self.wide else ""
        return f"{front}# {' '.join(escaped.split())}\n"
