"""The per-unit table of results for each year (``views.scorecard``) as the home
page and the unit pages show it."""

from __future__ import annotations

from ..views.scorecard import COLUMNS, Row, share_text
from .context import SiteData
from .html import Col, table


def _cells(data: SiteData, here: str, row: Row, with_unit: bool) -> list[str]:
    numbers = [str(row.led), str(row.on_time), str(row.late), str(row.in_time), str(row.overdue)]
    numbers += [str(row.unreported), share_text(row.done_share), str(row.five_clear)]
    return ([data.unit_link(here, row.unit)] if with_unit else [str(row.year)]) + numbers


def scorecard_html(data: SiteData, here: str, rows: list[Row], with_unit: bool) -> str:
    """One row per unit (``with_unit``) or per year; the numbers right-aligned."""
    first = Col("Đơn vị", "text", key=True) if with_unit else Col("Năm", "nb", key=True)
    columns = [first, *(Col(label, "nb") for _, label in COLUMNS)]
    return table(columns, [_cells(data, here, row, with_unit) for row in rows])
