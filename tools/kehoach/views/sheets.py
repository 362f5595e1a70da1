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
from typing import Any, BinaryIO

from .export import Sheet, Value

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CELL = 32767  # characters Excel holds in one cell
DATE_FORMAT = "dd/mm/yyyy"
# Control characters XML 1.0 cannot carry (a spreadsheet program refuses them).
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


def write_xlsx(sheet: Sheet, target: Path | BinaryIO) -> list[str]:
    """Write the sheet as an XLSX workbook to ``target`` (a path or a binary
    stream); return warnings (cells cut to fit). XlsxWriter streams the rows
    (constant memory): tens of thousands of tasks take a second or two."""
    import xlsxwriter

    # text is always text: never a formula, a number or a link, whatever it looks like
    options = {
        "constant_memory": True,  # rows go to a temporary file as they are written, strings inline
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    workbook = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, options)
    ws = workbook.add_worksheet(sheet.title)
    header = workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "text_wrap": True, "valign": "top"})
    formats: dict[tuple[bool, bool, bool], Any] = {}

    def style(wrap: bool, date: bool, quoted: bool) -> Any:
        key = (wrap, date, quoted)
        if key not in formats:
            spec: dict[str, Any] = {"valign": "top", "text_wrap": wrap}
            if date:
                spec["num_format"] = DATE_FORMAT
            if quoted:
                spec["quote_prefix"] = True  # and Excel keeps it text when the cell is edited
            formats[key] = workbook.add_format(spec)
        return formats[key]

    warnings = []

    def put(ws: Any, row: int, col: int, value: Value, wrap: bool, fmt: Any = None) -> None:
        if value is None:
            return
        if isinstance(value, str):
            text, cut = _xlsx_text(value)
            if cut:
                warnings.append(f"ô {_column_letter(col)}{row + 1} dài quá {XLSX_MAX_CELL} ký tự, đã cắt bớt")
            ws.write_string(row, col, text, fmt or style(wrap, False, risky(text)))
        elif isinstance(value, dt.date):
            ws.write_datetime(row, col, value, fmt or style(wrap, True, False))
        else:
            ws.write_number(row, col, value, fmt or style(wrap, False, False))

    for col, column in enumerate(sheet.columns):
        ws.set_column(col, col, column.width)
        put(ws, 0, col, column.header, True, header)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)
    wraps = [column.wrap for column in sheet.columns]
    for r, row in enumerate(sheet.rows, start=1):
        for col, value in enumerate(row):
            put(ws, r, col, value, wraps[col])
    if sheet.notes:
        about = workbook.add_worksheet("Thông tin")
        bold = workbook.add_format({"bold": True})
        about.set_column(0, 0, 20)
        about.set_column(1, 1, 90)
        for r, (label, value) in enumerate(sheet.notes):
            put(about, r, 0, label, False, bold)
            put(about, r, 1, value, False)
    workbook.close()
    return warnings


def _column_letter(col: int) -> str:
    """'A' for 0, 'AA' for 26."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx_bytes(sheet: Sheet) -> bytes:
    """The workbook as bytes (the site's downloads are written by the build)."""
    buffer = io.BytesIO()
    write_xlsx(sheet, buffer)
    return buffer.getvalue()
