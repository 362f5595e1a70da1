"""Take-away files built with the site: the tasks as CSV and Excel (the same
sheet as `kehoach export tasks`), the due dates as iCalendar feeds, for the
office and for each lead unit, and each plan as a Word document (the same as
`kehoach export plan ID --format docx`). {site path: bytes}."""

from __future__ import annotations

import io

from ..views.export import task_sheet
from ..views.sheets import csv_bytes, xlsx_bytes
from .calendar import calendars
from .context import SiteData

FOLDER = "tai-ve"
TASKS_CSV = f"{FOLDER}/nhiem-vu.csv"
TASKS_XLSX = f"{FOLDER}/nhiem-vu.xlsx"
OFFICE_ICS = f"{FOLDER}/han-nhiem-vu.ics"
# Writing a plan to Word takes about a tenth of a second: above this many plans
# the site is built without them (mkdocs.yml extra.plan_docx_limit changes it).
PLAN_DOCX_LIMIT = 100


def unit_ics(unit_id: str) -> str:
    return f"{FOLDER}/don-vi/{unit_id}.ics"


def plan_docx(plan_id: str) -> str:
    return f"{FOLDER}/ke-hoach/{plan_id}.docx"


def documents_written(data: SiteData, limit: int = PLAN_DOCX_LIMIT) -> list[str]:
    """The paths ``documents`` gives, known before any is written."""
    return [] if len(data.index.plans) > limit else [plan_docx(plan_id) for plan_id in data.index.plans]


def documents(data: SiteData, limit: int = PLAN_DOCX_LIMIT) -> dict[str, bytes]:
    """Each plan as .docx; none when there are more than ``limit`` plans."""
    if not documents_written(data, limit):
        return {}
    # imported only here: python-docx and the Word layout take a third of a second to
    # load, for nothing on a site with more plans than the limit
    from ..word.plan import build as plan_document

    found = {}
    for plan_id in data.index.plans:
        buffer = io.BytesIO()  # the site's files are written by the build, not here
        plan_document(data.index, plan_id).save(buffer)  # type: ignore[attr-defined]
        found[plan_docx(plan_id)] = buffer.getvalue()
    return found


def feeds(data: SiteData) -> dict[str, bytes]:
    """The iCalendar files: the office's and each lead unit's."""
    found = calendars(data.index, data.situations, data.unit_labels, data.today)
    return {(unit_ics(unit) if unit else OFFICE_ICS): text.encode("utf-8") for unit, text in found.items()}


def sheets(data: SiteData) -> dict[str, bytes]:
    sheet = task_sheet(data.index, data.today, situations=data.situations)
    return {TASKS_CSV: csv_bytes(sheet), TASKS_XLSX: xlsx_bytes(sheet)}
