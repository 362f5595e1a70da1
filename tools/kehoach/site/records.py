"""Pages generated from the records: index -> {site path: Page}. Pure: no
MkDocs and no file access here, so every page can be tested on its own.

Each page kind has its module (overview, listings, plan, directive, unit, report);
they share ``context.SiteData``. Every piece of record text is escaped by
``html.esc`` before it is written."""

from __future__ import annotations

import datetime as dt

from ..index import Index
from .background import Later
from .context import SiteData, SourceUrl, directive_page, plan_page, report_page, unit_page
from .dashboard import DASHBOARD, DashboardPages
from .directive import DirectivePages
from .downloads import PLAN_DOCX_LIMIT, documents, feeds, sheets
from .html import Page
from .listings import ListingPages
from .overview import OverviewPages
from .plan import PlanPages
from .recent import RECENT, Change, RecentPages
from .report import ReportPages
from .search import search_files
from .unit import UnitPages

__all__ = ["build_pages", "build_site", "directive_page", "plan_page", "unit_page"]


def build_site(
    index: Index,
    today: dt.date,
    source_url: SourceUrl | None = None,
    changed: dict[str, dt.date] | None = None,
    recent: list[Change] | None = None,
    docx_limit: int = PLAN_DOCX_LIMIT,
    fork: bool = True,
) -> dict[str, Page | bytes | str]:
    """Every generated page of the site {path under docs/: Page}, with the
    take-away files {path: bytes} (CSV, Excel, iCalendar) the pages link to
    and the search index {path: script}. ``recent``: the
    changes read from git (None outside a repository); each plan as .docx
    unless there are more than ``docx_limit`` plans. With ``fork``, the
    spreadsheets and the search index are made by a forked child meanwhile
    (``background``), where that is safe."""
    data = SiteData(index, today, source_url or (lambda _path: None), changed or {})
    # the spreadsheets and the search index need nothing from the pages: made meanwhile,
    # each by a child of its own (together they take longer than the pages)
    later = [
        Later(lambda: sheets(data), fork=fork),
        Later(lambda: search_files(index, today, data.situations), fork=fork),
    ]
    try:
        files = feeds(data) | documents(data, docx_limit)
        data.downloads = set(files)
        pages = build_pages(index, today, data=data)
        pages[RECENT] = RecentPages(data, recent).page()
        made = [child.result() for child in later]
    finally:
        for child in later:
            child.cancel()  # nothing left to stop once its result is in
    return pages | files | made[0] | made[1]


def build_pages(
    index: Index,
    today: dt.date,
    source_url: SourceUrl | None = None,
    changed: dict[str, dt.date] | None = None,
    data: SiteData | None = None,
) -> dict[str, Page]:
    """Every generated page of the site: {path under docs/: Page}."""
    data = data or SiteData(index, today, source_url or (lambda _path: None), changed or {})
    pages = OverviewPages(data).pages() | ListingPages(data).pages()
    pages[DASHBOARD] = DashboardPages(data).page()
    pages[RECENT] = RecentPages(data, None).page()  # build_site puts in what git tells
    plans, directives, units = PlanPages(data), DirectivePages(data), UnitPages(data)
    pages |= {plan_page(p): plans.page(p) for p in index.plans}
    pages |= {directive_page(d): directives.page(d) for d in index.directives}
    pages |= {unit_page(u): units.page(u) for u in index.units}
    reports = ReportPages(data)
    pages |= {report_page(r): reports.page(r) for r in index.reports}
    return pages
