"""Take-away files built with the site: the tasks as CSV and Excel (the same
sheet as `kehoach export tasks`) and the due dates as iCalendar feeds, for the
office and for each lead unit. {site path: bytes}."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..views.export import task_sheet
from ..views.sheets import csv_bytes, write_xlsx
from .calendar import calendars
from .context import SiteData

FOLDER = "tai-ve"
TASKS_CSV = f"{FOLDER}/nhiem-vu.csv"
TASKS_XLSX = f"{FOLDER}/nhiem-vu.xlsx"
OFFICE_ICS = f"{FOLDER}/han-nhiem-vu.ics"


def unit_ics(unit_id: str) -> str:
    return f"{FOLDER}/don-vi/{unit_id}.ics"


def feeds(data: SiteData) -> dict[str, bytes]:
    """The iCalendar files: the office's and each lead unit's."""
    found = calendars(data.index, data.situations, data.unit_labels, data.today)
    return {(unit_ics(unit) if unit else OFFICE_ICS): text.encode("utf-8") for unit, text in found.items()}


def sheets(data: SiteData) -> dict[str, bytes]:
    sheet = task_sheet(data.index, data.today)
    with tempfile.TemporaryDirectory() as tmp:  # openpyxl saves to a file; ours, read back at once
        path = Path(tmp) / "nhiem-vu.xlsx"
        write_xlsx(sheet, path)
        workbook = path.read_bytes()
    return {TASKS_CSV: csv_bytes(sheet), TASKS_XLSX: workbook}
