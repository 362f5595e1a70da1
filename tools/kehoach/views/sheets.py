"""Writing a ``Sheet`` for a spreadsheet program. CSV is UTF-8 with a BOM
(without one Excel reads Vietnamese as mojibake); XLSX has a frozen, filtered
header, sized columns and real dates. Text that a spreadsheet would run as a
formula (starting with = + - @) is neutralised in both, as OWASP advises."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from .export import Sheet, Value

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CELL = 32767  # characters Excel holds in one cell
DATE_FORMAT = "dd/mm/yyyy"
# Control characters XML 1.0 cannot carry (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def risky(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula."""
    return text.startswith(FORMULA_START)


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()  # read as a date by Excel in every locale
    if isinstance(value, int):
        return str(value)
    return "'" + value if risky(value) else value


def csv_bytes(sheet: Sheet, delimiter: str = ",") -> bytes:
    """The sheet as CSV in UTF-8 with a byte order mark, CRLF line ends (as Excel writes them)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.header for c in sheet.columns])
    writer.writerows([_csv_cell(v) for v in row] for row in sheet.rows)
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_text(value: str) -> tuple[str, bool]:
    """Text as a cell can hold it, and whether it had to be cut to fit."""
    text = _ILLEGAL.sub("\ufffd", value)
    if len(text) > XLSX_MAX_CELL:
        return text[: XLSX_MAX_CELL - 1] + "…", True
    return text, False


def _put(cell: Any, value: Value) -> bool:
    """Store ``value`` in an openpyxl cell: text always as text, dates as dates.
    Return whether text had to be cut to fit."""
    cut = False
    if isinstance(value, str):
        value, cut = _xlsx_text(value)
        cell.value = value
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if risky(value):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
    return cut


def write_xlsx(sheet: Sheet, path: Path) -> list[str]:
    """Write the sheet as an XLSX workbook at ``path``; return warnings (cells cut to fit)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet.title
    warnings = []
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="DDE4EE")
    top, wrapped = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    for col, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=col)
        _put(cell, column.header)
        cell.font, cell.fill, cell.alignment = bold, shade, wrapped
        ws.column_dimensions[get_column_letter(col)].width = column.width
    for r, row in enumerate(sheet.rows, start=2):
        for col, (column, value) in enumerate(zip(sheet.columns, row, strict=True), start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=col)
            if _put(cell, value):
                warnings.append(f"ô {get_column_letter(col)}{r} dài quá {XLSX_MAX_CELL} ký tự, đã cắt bớt")
            cell.alignment = wrapped if column.wrap else top
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1}"
    if sheet.notes:
        about = workbook.create_sheet("Thông tin")
        for r, (label, value) in enumerate(sheet.notes, start=1):
            _put(about.cell(row=r, column=1), label)
            about.cell(row=r, column=1).font = bold
            _put(about.cell(row=r, column=2), value)
        about.column_dimensions["A"].width = 20
        about.column_dimensions["B"].width = 90
    workbook.save(path)
    return warnings
