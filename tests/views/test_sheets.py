"""The XLSX workbook: the data rows written a row at a time are the rows XlsxWriter
writes cell by cell, byte for byte, whatever the cells hold; and the workbook reads
back with openpyxl as the values written."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl

from kehoach.views.export import Column, Sheet
from kehoach.views.sheets import XLSX_MAX_CELL, write_xlsx

COLUMNS = [
    Column("Văn bản"),
    Column("Ngày", "date"),
    Column("Số", "int"),
    Column("Nội dung", wrap=True),
    Column("Ghi chú", wrap=True),
]
AWKWARD_TEXT = [
    "Nghị quyết 25-NQ/TW <b>&amp;</b> \"trích\" 'nguyên văn'",
    "  khoảng trắng ở đầu",
    "khoảng trắng ở cuối\n",
    "dòng một\ndòng hai\r\ndòng ba\tcột",
    "=SUM(A1:A3)",
    "+84 912",
    "-",
    "@tên",
    "chuông\a và \x00 ký tự điều khiển",
    "_x0041_ đã giống một mã thoát",
    "không phải ký tự \ufffe \uffff",
    "chữ ngoài mặt phẳng cơ bản 𝔸𝔹 😀",
    "",
]


def _sheet() -> Sheet:
    sheet = Sheet("Nhiệm vụ", COLUMNS, notes=[("Xuất ngày", dt.date(2026, 1, 1)), ("Ghi chú", "=không phải công thức")])
    days = [dt.date(1900, 1, 1), dt.date(1900, 2, 28), dt.date(1900, 3, 1), dt.date(2026, 12, 31), None]
    for n, text in enumerate(AWKWARD_TEXT):
        sheet.rows.append([f"vb-{n}", days[n % len(days)], n * 1000003, text, None if n % 3 else text[::-1]])
    sheet.rows.append([None, None, None, None, None])  # an empty row
    sheet.rows.append([None, None, None, None, "chỉ ô cuối"])
    sheet.rows.append(["dài", None, 0, "x" * 20000, "ngắn"])  # too long to be sure of: cell by cell
    sheet.rows.append(["dài hơn giới hạn", None, -5, "y" * (XLSX_MAX_CELL + 10), None])
    sheet.rows.append(["dài, chữ ngoài mặt phẳng cơ bản", dt.date(2000, 2, 29), None, "😀" * 17000, None])
    sheet.rows.append(["sau các hàng dài", dt.date(2001, 1, 1), 7, "bình thường", "=1"])
    return sheet


def _parts(cell_by_cell: bool) -> tuple[dict[str, bytes], list[str]]:
    buffer = io.BytesIO()
    warnings = write_xlsx(_sheet(), buffer, cell_by_cell=cell_by_cell)
    with zipfile.ZipFile(buffer) as workbook:
        # docProps/core.xml holds the time it was written
        return {name: workbook.read(name) for name in workbook.namelist() if name != "docProps/core.xml"}, warnings


def test_rows_written_at_once_are_the_rows_written_cell_by_cell() -> None:
    fast, fast_warnings = _parts(cell_by_cell=False)
    slow, slow_warnings = _parts(cell_by_cell=True)
    assert list(fast) == list(slow)
    for name in slow:
        assert fast[name] == slow[name], name
    assert fast_warnings == slow_warnings == [f"ô D{len(AWKWARD_TEXT) + 5} dài quá {XLSX_MAX_CELL} ký tự, đã cắt bớt"]


def test_workbook_reads_back_as_written() -> None:
    buffer = io.BytesIO()
    write_xlsx(_sheet(), buffer)
    ws = openpyxl.load_workbook(buffer)["Nhiệm vụ"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(c.header for c in COLUMNS)
    for n, text in enumerate(AWKWARD_TEXT):
        row = rows[n + 1]
        assert row[0] == f"vb-{n}"
        assert row[2] == n * 1000003
        if "_x" in text or any(c in text for c in "\r\ufffe\uffff"):
            continue  # written as Excel's _xHHHH_ escapes, which Excel reads back and openpyxl does not
        # control characters cannot be stored: shown as a visible replacement mark
        expected = text.replace("\a", "\ufffd").replace("\x00", "\ufffd")
        assert row[3] == expected
    assert rows[1][1] == dt.datetime(1900, 1, 1)
    assert rows[3][1] == dt.datetime(1900, 3, 1)
    assert rows[4][1] == dt.datetime(2026, 12, 31)
    quoted = {cell.value: cell.quotePrefix for cell in ws["D"][1:]}
    assert quoted["=SUM(A1:A3)"] and quoted["@tên"] and not quoted["  khoảng trắng ở đầu"]
    assert rows[-1] == ("sau các hàng dài", dt.datetime(2001, 1, 1), 7, "bình thường", "=1")
    assert rows[-3][3] == "y" * (XLSX_MAX_CELL - 1) + "…"
    assert ws.auto_filter.ref == f"A1:E{len(rows)}"


def test_workbook_of_the_same_day_is_the_same_file() -> None:
    """A site built twice from the same records gives the same workbook: its
    creation date (shown by Excel under Properties) is the as-of day, not the clock."""
    sheet = _sheet()
    sheet.as_of = dt.date(2026, 3, 31)
    first, second = io.BytesIO(), io.BytesIO()
    write_xlsx(sheet, first)
    write_xlsx(sheet, second)
    assert first.getvalue() == second.getvalue()
    with zipfile.ZipFile(first) as workbook:
        core = workbook.read("docProps/core.xml").decode()
    assert ">2026-03-31T00:00:00Z</dcterms:created>" in core
    assert openpyxl.load_workbook(first).properties.created == dt.datetime(2026, 3, 31)
