"""The site's own search index: one small entry per record, folded (no
diacritics, lower case) so that 'dan van' finds 'dân vận' and 'hoà' finds
'hòa'. Shipped as a script file so search works from a folder (file://) too."""

from __future__ import annotations

import json

from ..index import Index
from ..model import Plan
from ..text import fold_words
from .html import page_url
from .records import directive_page, plan_page, unit_page

INDEX_PATH = "assets/search-index.js"
SNIPPET = 160  # characters of a task's text shown as its title in the results
SEARCHED = 400  # characters of a task's text that can be found (keeps the index small)


# The form both the index and the typed query are compared in (the page's script does the same).
search_fold = fold_words


def search_entries(index: Index) -> list[list[str]]:
    """[url, title, kind label, folded key words, folded other text] per record."""
    units = index.units
    entries: list[list[str]] = []
    for document in [*index.plans.values(), *index.directives.values()]:
        if isinstance(document, Plan):
            page, kind, name = plan_page(document.id), "Kế hoạch", document.heading
        else:
            page, kind, name = directive_page(document.id), "Văn bản", document.type.label.split(" (")[0]
        number = document.number or ""
        title = f"{name} {number}: {document.title}".replace(" :", ":")
        issuer = units[document.issuer].name if document.issuer in units else ""
        keys = search_fold(f"{number} {document.title}")
        entries.append([page_url(page), title, kind, keys, search_fold(issuer)])
    for unit in index.units.values():
        names = " ".join([unit.name, *unit.short_names, *unit.aliases, *unit.codes])
        entries.append(
            [page_url(unit_page(unit.id)), unit.name, "Đơn vị", search_fold(names), search_fold(unit.province or "")]
        )
    for task in index.tasks.values():
        plan = index.plans.get(task.plan)
        text = " ".join(task.text.split())
        short = task.title or (text if len(text) <= SNIPPET else text[:SNIPPET].rstrip() + "…")
        leads = " ".join(units[u].name for u in task.lead if u in units)
        url = page_url(plan_page(task.plan)) + "#" + task.id
        where = f"Nhiệm vụ, {plan.number}" if plan else "Nhiệm vụ"
        searched = text[:SEARCHED]
        entries.append(
            [url, short, where, search_fold(short), search_fold(f"{searched} {leads} {plan.number if plan else ''}")]
        )
    return entries


def search_index_script(index: Index) -> str:
    payload = json.dumps(search_entries(index), ensure_ascii=False, separators=(",", ":"))
    return f"window.KEHOACH_SEARCH={payload};\n"


def search_page() -> str:
    return "\n".join(
        [
            "# Tìm kiếm",
            "",
            '<form class="kh-search" onsubmit="return false">',
            '<input id="kh-q" type="search" autocomplete="off" '
            'placeholder="Số hiệu, trích yếu, tên đơn vị... (gõ có dấu hoặc không dấu)" aria-label="Tìm kiếm">',
            "</form>",
            '<p id="kh-count" class="kh-asof">Gõ từ khóa để tìm kế hoạch, nhiệm vụ, văn bản, đơn vị.</p>',
            '<ol id="kh-results" class="kh-results"></ol>',
            f'<script src="{INDEX_PATH}"></script>',
            '<script src="assets/kehoach-search.js"></script>',
            "",
        ]
    )
