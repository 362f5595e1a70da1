"""Pages generated from the records: index -> {site path: Page}. Pure: no
MkDocs and no file access here, so every page can be tested on its own.

Each page kind has its module (overview, listings, plan, directive, unit, report);
they share ``context.SiteData``. Every piece of record text is escaped by
``html.esc`` before it is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..index import Index
from .background import Later
from .context import SiteData, SourceUrl, directive_page, plan_page, report_page, unit_page
from .dashboard import DASHBOARD, DashboardPages
from .directive import DirectivePages
from .downloads import PLAN_DOCX_LIMIT, documents, documents_written, feeds, sheets
from .html import Page
from .listings import ListingPages
from .overview import OverviewPages
from .plan import PlanPages
from .recent import RECENT, Change, RecentPages
from .report import ReportPages
from .search import search_files
from .unit import UnitPages

__all__ = ["build_pages", "build_site", "directive_page", "plan_page", "plan_pages", "unit_page"]


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
    spreadsheets, the search index, the plan pages and the .docx of the plans are
    each made by a forked child meanwhile (``background``), where that is safe."""
    data = SiteData(index, today, source_url or (lambda _path: None), changed or {})
    # the spreadsheets and the search index need nothing from the pages: made meanwhile,
    # each by a child of its own
    later: list[Later[Any]] = [
        Later(lambda: sheets(data), fork=fork),
        Later(lambda: search_files(index, today, data.situations), fork=fork),
    ]
    try:
        # each plan as .docx (a small site only) takes longer than all its pages: by a child too
        word = Later(lambda: documents(data, docx_limit), fork=fork) if documents_written(data, docx_limit) else None
        if word is not None:
            later.append(word)
        files = feeds(data)
        data.downloads = {*files, *documents_written(data, docx_limit)}  # the pages link to them: known before
        # the plan pages too, by a third child: the other two leave the second core idle
        # for most of the time this process makes the other pages
        plans = Later(lambda: plan_pages(data), fork=fork)
        later.append(plans)
        pages = build_pages(index, today, data=data, plans=plans.result)
        pages[RECENT] = RecentPages(data, recent).page()
        made = [child.result() for child in later[:2]]
        files |= word.result() if word is not None else {}
    finally:
        for child in later:
            child.cancel()  # nothing left to stop once its result is in
    return pages | files | made[0] | made[1]


def plan_pages(data: SiteData) -> dict[str, Page]:
    plans = PlanPages(data)
    return {plan_page(p): plans.page(p) for p in data.index.plans}


def build_pages(
    index: Index,
    today: dt.date,
    source_url: SourceUrl | None = None,
    changed: dict[str, dt.date] | None = None,
    data: SiteData | None = None,
    plans: Callable[[], dict[str, Page]] | None = None,
) -> dict[str, Page]:
    """Every generated page of the site: {path under docs/: Page}. ``plans``: gives
    the plan pages when they are made elsewhere (by a forked child: ``build_site``)."""
    data = data or SiteData(index, today, source_url or (lambda _path: None), changed or {})
    pages = OverviewPages(data).pages() | ListingPages(data).pages()
    pages[DASHBOARD] = DashboardPages(data).page()
    pages[RECENT] = RecentPages(data, None).page()  # build_site puts in what git tells
    directives, units = DirectivePages(data), UnitPages(data)
    made = {directive_page(d): directives.page(d) for d in index.directives}
    made |= {unit_page(u): units.page(u) for u in index.units}
    pages |= plans() if plans is not None else plan_pages(data)  # in the same place as ever
    pages |= made
    reports = ReportPages(data)
    pages |= {report_page(r): reports.page(r) for r in index.reports}
    return pages
