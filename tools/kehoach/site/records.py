"""Pages generated from the records: index -> {site path: Page}. Pure: no
MkDocs and no file access here, so every page can be tested on its own.

Each page kind has its module (overview, listings, plan, directive, unit);
they share ``context.SiteData``. Every piece of record text is escaped by
``html.esc`` before it is written."""

from __future__ import annotations

import datetime as dt

from ..index import Index
from .context import SiteData, SourceUrl, directive_page, plan_page, unit_page
from .directive import DirectivePages
from .html import Page
from .listings import ListingPages
from .overview import OverviewPages
from .plan import PlanPages
from .unit import UnitPages

__all__ = ["build_pages", "directive_page", "plan_page", "unit_page"]


def build_pages(
    index: Index,
    today: dt.date,
    source_url: SourceUrl | None = None,
    changed: dict[str, dt.date] | None = None,
) -> dict[str, Page]:
    """Every generated page of the site: {path under docs/: Page}."""
    data = SiteData(index, today, source_url or (lambda _path: None), changed or {})
    pages = OverviewPages(data).pages() | ListingPages(data).pages()
    plans, directives, units = PlanPages(data), DirectivePages(data), UnitPages(data)
    pages |= {plan_page(p): plans.page(p) for p in index.plans}
    pages |= {directive_page(d): directives.page(d) for d in index.directives}
    pages |= {unit_page(u): units.page(u) for u in index.units}
    return pages
