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


def write_xlsx(sheet: Sheet, target: Path | BinaryIO, cell_by_cell: bool = False) -> list[str]:
    """Write the sheet as an XLSX workbook to ``target`` (a path or a binary
    stream); return warnings (cells cut to fit). XlsxWriter streams the rows
    (constant memory); the data rows are written as it would write them cell by
    cell (``cell_by_cell``), a row at a time (``_write_rows``), several times faster."""
    import xlsxwriter  # type: ignore[import-untyped]

    # text is always text: never a formula, a number or a link, whatever it looks like
    options = {
        "constant_memory": True,  # rows go to a temporary file as they are written, strings inline
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    workbook = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, options)
    if sheet.as_of is not None:
        # the as-of day, not the clock: the same records give the same bytes on every build
        workbook.set_properties({"created": dt.datetime.combine(sheet.as_of, dt.time(), dt.UTC)})
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

    warnings: list[str] = []

    for col, column in enumerate(sheet.columns):
        ws.set_column(col, col, column.width)
        _put_cell(ws, 0, col, column.header, True, style, warnings, header)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)
    wraps = [column.wrap for column in sheet.columns]
    if cell_by_cell or not _streams_rows(ws):
        for r, row in enumerate(sheet.rows, start=1):
            for col, value in enumerate(row):
                _put_cell(ws, r, col, value, wraps[col], style, warnings)
    else:
        _write_rows(ws, sheet.rows, wraps, style, warnings)
    if sheet.notes:
        about = workbook.add_worksheet("Thông tin")
        bold = workbook.add_format({"bold": True})
        about.set_column(0, 0, 20)
        about.set_column(1, 1, 90)
        for r, (label, value) in enumerate(sheet.notes):
            _put_cell(about, r, 0, label, False, style, warnings, bold)
            _put_cell(about, r, 1, value, False, style, warnings)
    workbook.close()
    return warnings


# What XlsxWriter does to the text of a cell in constant-memory mode (xmlwriter.py,
# worksheet.py, utility.py of the locked version): literal "_xHHHH_" escaped, control
# characters written as _xHHHH_, whitespace kept at either end, & < > escaped.
_LITERAL_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_LEADING_SPACE = re.compile(r"^\s")
_TRAILING_SPACE = re.compile(r"\s$")
_PRESERVE = ' xml:space="preserve"'
# Text with any of these goes the whole way (_xlsx_text, _inline); other text is written as it is.
# (Python's \s is str.isspace(): the same test on the first and last character.)
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff&<>]|_x")
_EXCEL_EPOCH = dt.date(1899, 12, 31)
_SHORT = 16383  # text this short is within Excel's limit of 32767 UTF-16 units whatever it holds


def _streams_rows(ws: Any) -> bool:
    """Whether the worksheet writes its rows to a stream as XlsxWriter 3 does in constant-memory mode."""
    return bool(getattr(ws, "constant_memory", False)) and all(
        hasattr(ws, name) for name in ("fh", "previous_row", "table", "_write_single_row", "_check_dimensions")
    )


def _inline(text: str) -> tuple[str, str]:
    """(attribute of <t>, content of <t>) of a text cell, as XlsxWriter writes it."""
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", _LITERAL_ESCAPE.sub(r"_x005F\1", text))
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    space = _PRESERVE if _LEADING_SPACE.search(text) or _TRAILING_SPACE.search(text) else ""
    return space, text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _serial(day: dt.date) -> float:
    """A date as Excel's serial number (1900 system, with its 29 February 1900)."""
    days = (day - _EXCEL_EPOCH).days
    return float(days + 1 if days > 59 else days)


def _write_rows(ws: Any, rows: list[list[Value]], wraps: list[bool], style: Any, warnings: list[str]) -> None:
    """The data rows (from the second), written to XlsxWriter's row stream a row at a
    time, byte for byte as its write_string/write_datetime/write_number would write
    them (tests/views/test_sheets.py compares both); a row with text too long to be
    sure of goes cell by cell through XlsxWriter."""
    letters = [_column_letter(col) for col in range(len(wraps))]
    numbers: dict[tuple[bool, bool, bool], int] = {}  # format -> its number, given at its first use

    def number_of(key: tuple[bool, bool, bool]) -> int:
        found = numbers.get(key)
        if found is None:
            found = numbers[key] = style(*key)._get_xf_index()
        return found

    for r, row in enumerate(rows, start=1):
        if any(isinstance(v, str) and len(v) > _SHORT for v in row):
            for col, value in enumerate(row):
                _put_cell(ws, r, col, value, wraps[col], style, warnings)
            continue
        if all(value is None for value in row):
            continue  # an empty row is not written
        # the row before (the header, or a row written cell by cell) goes out first, and
        # its formats get their numbers first, as when XlsxWriter writes this row's first cell
        ws._write_single_row(r)
        cells = []
        at = f"{r + 1}"
        last = 0
        for col, value in enumerate(row):
            if value is None:
                continue
            last = col
            if isinstance(value, str):
                if _SPECIAL.search(value):
                    text = _xlsx_text(value)[0]
                    space, content = _inline(text)
                else:  # most text: nothing to replace or escape
                    text = content = value
                    space = _PRESERVE if value[:1].isspace() or value[-1:].isspace() else ""
                index = number_of((wraps[col], False, text.startswith(FORMULA_START)))
                cells.append(
                    f'<c r="{letters[col]}{at}" s="{index}" t="inlineStr"><is><t{space}>{content}</t></is></c>'
                )
            else:
                is_date = isinstance(value, dt.date)
                index = number_of((wraps[col], is_date, False))
                shown = _serial(value) if isinstance(value, dt.date) else value
                cells.append(f'<c r="{letters[col]}{at}" s="{index}"><v>{shown:.16G}</v></c>')
        ws._check_dimensions(r, last)
        ws.fh.write(f'<row r="{at}">{"".join(cells)}</row>')


def _put_cell(
    ws: Any, row: int, col: int, value: Value, wrap: bool, style: Any, warnings: list[str], fmt: Any = None
) -> None:
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
