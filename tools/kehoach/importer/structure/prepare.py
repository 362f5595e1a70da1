"""Preparing the lines of a body before it is read: numbers and bullets alone on their line, numbers
run onto the line above, recipients run into the closing, tables written with bars or aligned with spaces."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...text import fold
from .. import aligned, cellrows, stacked, tables
from ..lines import figure_lines, table_lines
from ..source import APPENDIX, HEADING_ROMAN, LOWER, UPPER, Line, Paragraph, starts_block
from ..syllables import Joins
from .model import Body
from .patterns import roman_heading

_BARE_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[a-zđ])\s*[.)\-–]$")


# A bullet with nothing after it, or with one word a line break cut from its sentence ('-' /
# 'Tham mưu ...', '+ Sở' / 'Xây dựng: hướng dẫn ...'): the mark of the paragraph that follows.
_BARE_BULLET = re.compile(rf"^[-–+*•]\s*(?:[{UPPER}][{LOWER}]*)?$")


def join_bare_numbers(paras: list[Paragraph]) -> list[Paragraph]:
    """'1.' or 'III.' alone on its line, its heading on the next ('1.' / 'Sở Y tế:'): one paragraph;
    so is a bullet alone on its line and the text under it."""
    out: list[Paragraph] = []
    for para in paras:
        above = out[-1] if out else None
        if (
            above is not None
            and above.table is None
            and para.table is None
            and (_BARE_NUMBER.match(above.text) or _BARE_BULLET.match(above.text))
            and not starts_block(para.text)
        ):
            above.text = f"{above.text} {para.text}"
            above.markers += para.markers
            continue
        out.append(para)
    return out


# A point's number a line join ran onto the end of the paragraph above ('... cấp tỉnh. 1.2.' /
# 'Sở Tài chính ...', 'IV. NHIỆM VỤ CỤ THỂ 1.' / 'Nhiệm vụ của ...'); not a number a sentence ends with
# ('... tại khoản 2.').
_TRAILING_NUMBER = re.compile(r"^(?P<body>.*?(?P<word>\S+))\s+(?P<num>\d{1,2}(?:\.\d{1,2}){0,3}[.)])$")


_NUMBERED_NOUN = re.compile(
    r"^(?:khoan|dieu|muc|diem|phan|so|nam|thang|ngay|lan|quy|doan|luc|chuong|bieu|mau|buoc|dot|ky|khoa|tiet)$"
)


def move_trailing_numbers(paras: list[Paragraph]) -> list[Paragraph]:
    for para, after in itertools.pairwise(paras):
        match = _TRAILING_NUMBER.match(para.text)
        if (
            match is None
            or para.table is not None
            or after.table is not None
            or starts_block(after.text)
            or not after.text[:1].isupper()
            or _NUMBERED_NOUN.match(fold(match["word"]).strip(".,;:()"))
        ):
            continue
        para.text = match["body"]
        after.text = f"{match['num']} {after.text}"
    return paras


_RUN_IN_RECIPIENTS = re.compile(r"(?<=[.;!?])\s+(?=Nơi nhận\s*:)")


def split_recipients(lines: list[Line]) -> list[Line]:
    """'... nghiêm túc triển khai thực hiện. Nơi nhận: ...': a conversion that ran the closing
    sentence and the recipients' block into one paragraph; they are two lines."""
    out: list[Line] = []
    for at, line in enumerate(lines):
        after = lines[at + 1] if at + 1 < len(lines) else None
        if after is not None and re.search(r"[.;!?]\s+Nơi\s*$", line.text) and re.match(r"\s*nhận\s*:", after.text):
            line = Line(re.sub(r"\s*Nơi\s*$", "", line.text), line.number, line.bold, None, line.markers)
            after.text = "Nơi " + after.text.lstrip()  # "... thực hiện. Nơi" / "nhận: ...": printed across lines
        parts = _RUN_IN_RECIPIENTS.split(line.text, maxsplit=1) if line.table is None else [line.text]
        if len(parts) == 2 and line.cells is None:
            out.append(Line(parts[0], line.number, line.bold, None, line.markers, line.page_start))
            out.append(Line(parts[1], line.number))
        else:
            out.append(line)
    return out


def read_bar_tables(lines: list[Line], skipped: list[str] | None = None) -> list[Line]:
    """A table written one cell per line between lines holding only '|' (a converted Word table):
    a task table becomes the table's lines, as a Word table would; of any other such table only
    the text stays (a '|' line alone says nothing). ``skipped``: where the messages naming a table
    read with doubts go."""
    out: list[Line] = []
    at = 0
    for run in bar_runs(lines, skipped if skipped is not None else []):
        out.extend(lines[at : run.first])
        out.extend(run.lines)
        at = run.last + 1
    out.extend(lines[at:])
    return out


def figure_tables(lines: list[Line], skipped: list[str], keep: bool = False) -> list[Line]:
    """The lines of tables of figures (statistics, counts, budgets, indicators: ``tables.figures``), which
    each table's reader marks, left out of the body with a message naming each table's first line: their
    rows are no tasks. ``keep``: kept as text instead (a report reads its figures from them)."""
    out: list[Line] = []
    for at, line in enumerate(lines):
        if line.figures is None:
            out.append(line)
        elif keep:
            out.append(dataclasses.replace(line, figures=None))
        elif at == 0 or lines[at - 1].figures != line.figures:  # a table's first line
            skipped.append(f"dòng {line.number}: {line.figures}; các dòng của bảng không được nhập thành nhiệm vụ")
    return out


@dataclass
class BarRun:
    """A table written one cell per line, as the body's reader reads it (``bar_runs``)."""

    first: int  # index of its first '|' line in the lines given
    last: int  # index of its last '|' line
    lines: list[Line]  # the lines it gives: a task table's lines, or its text without the '|' lines
    # the task table's rows as read (header first), or a table of figures' (its lines marked as such: no
    # task); None for another table
    rows: list[tables.Row] | None
    unsure: bool = False  # some cell's column was chosen by a guess (the records flag it)
    merged: list[set[int]] = field(default_factory=list)  # per row, the columns a cell merged from above fills


def bar_runs(lines: list[Line], skipped: list[str]) -> Iterator[BarRun]:
    """The tables written one cell per line among ``lines``, in order: each from a '|' line to where
    ``_bar_run_end`` ends it. Those that read as a task table have their rows (a Word form of the
    page holds them as a Word table: see tests/fixtures/corpus/make_docx.py)."""
    i = 0
    while i < len(lines):
        if lines[i].text.strip() != tables.BAR or lines[i].table is not None:
            i += 1
            continue
        last = _bar_run_end(lines, i)
        yield _bar_table(lines[i : last + 1], i, last, skipped)
        i = last + 1


_CELL_LINES = 30  # the most lines a cell of a table written with blank lines between its lines takes


def _bar_run_end(lines: list[Line], i: int) -> int:
    """The last '|' line of the table whose first '|' line is ``lines[i]``: the table runs to the
    first blank line, or, written with a blank line between all its lines ('|', '', 'TT', '', '|'),
    to the first run of more lines with no '|' than a cell takes. A line of spaces between two '|'
    lines is an empty cell. (A cell of many lines in a table without blank lines does not end it.)"""
    spaced = i + 1 < len(lines) and not lines[i + 1].text.strip()
    last = j = i
    since = 0  # lines with words since the last '|' line
    while j < len(lines) and not APPENDIX.match(lines[j].text.strip()):
        text = lines[j].text.strip()
        if not text and not spaced and not _empty_cell(lines, j):
            break
        if text == tables.BAR:
            last, since = j, 0
        elif text:
            since += 1
            if spaced and since > _CELL_LINES:
                break
        j += 1
    return last


def _empty_cell(lines: list[Line], at: int) -> bool:
    """Whether a line of spaces is an empty cell ('|', ' ', '|'), not the blank line ending a table."""
    return bool(lines[at].text) and at + 1 < len(lines) and lines[at + 1].text.strip() == tables.BAR


# The most rows of a table written one cell per line whose cells cannot be placed by the rule of
# merged cells (see cellrows._lay_out) for its reading to be taken: a table with more was written
# otherwise than that rule reads (its header's columns are not its rows'), and is read cell after
# cell as before, each short row flagged.
_GUESSED_ROWS = 0.2


def _bar_table(run: list[Line], first: int, last: int, skipped: list[str]) -> BarRun:
    """What a table written one cell per line gives: a task table's lines (cellrows.py, or the rows
    as tables.bar_rows cuts them when cellrows cannot read them by its header), or its text without
    the '|' lines."""
    texts = [line.text for line in run]
    found = cellrows.read(texts)
    where = f"dòng {run[0].number}: bảng viết mỗi ô một dòng"
    if found is not None and len(found.rows) > 1 and found.guessed <= _GUESSED_ROWS * found.tasks:
        table = tables.read(found.rows, found.placed)
        if table is not None:
            if found.guessed:
                skipped.append(
                    f"{where} có {found.guessed}/{found.tasks} hàng không xếp được ô vào cột theo ô gộp với hàng "
                    "trên; các hàng ấy được nhập, cột chủ trì, phối hợp, thời gian có ghi chú KIỂM TRA"
                )
            read = figure_lines(table_lines(table, [run[k].number for k in found.lines]), found.rows)
            unsure = bool(found.guessed or any(found.placed))
            return BarRun(first, last, read, found.rows, unsure, found.merged)
    rows = tables.bar_rows(texts)
    found_roles = tables.column_roles(rows) if len(rows) > 1 else None
    width = len(rows[0]) if rows else 0
    short = [
        {c: f"{tables.PLACED}hàng có {len(row)} ô cho {width} cột, các ô được xếp theo thứ tự" for c in range(width)}
        if found_roles and k >= found_roles[1] and len(row) < width
        else {}
        for k, row in enumerate(rows)
    ]
    table = tables.read(rows, short) if len(rows) > 1 else None
    if table is None:
        figures = len(rows) > 1 and tables.figures(rows) is not None
        if found is not None and not figures:
            skipped.append(f"{where} có đầu bảng nhiệm vụ nhưng không đọc được thành từng hàng; chữ của bảng được giữ")
        text = [line for line in run if line.text.strip() and line.text.strip() != tables.BAR]
        if figures:  # no task to a plan; a Word form of the page holds it as a Word table, as its rows are read
            return BarRun(first, last, figure_lines(text, rows), rows)
        return BarRun(first, last, text, None)
    if found is not None and any(short):
        skipped.append(
            f"{where}: {sum(1 for s in short if s)} hàng có ít ô hơn số cột của đầu bảng, các ô được xếp theo "
            "thứ tự; cột chủ trì, phối hợp, thời gian của các hàng ấy có ghi chú KIỂM TRA"
        )
    firsts = [line.number for k, line in enumerate(run) if k and run[k - 1].text.strip() == tables.BAR]
    read = figure_lines(table_lines(table, _row_numbers(table, firsts)), rows)
    return BarRun(first, last, read, rows, any(short))


def _row_numbers(table: tables.Table, firsts: list[int]) -> list[int]:
    """A source line for each row of the table (the first line after a '|'), near enough to name it."""
    count = max((line.row for line in table.lines), default=0) + 1
    step = max(len(firsts) // max(count, 1), 1)
    return [firsts[min(k * step, len(firsts) - 1)] for k in range(count)] if firsts else []


# A table laid out with spaces (text taken from a PDF): "TT      Nội dung      Chủ trì ...".
_ALIGNED_HEADER = re.compile(r"^\s{0,6}(?:S[ốô]\s*TT|STT|TT)\s{2,}\S")


def read_aligned_tables(body: Body, lines: list[Line]) -> list[Line]:
    """A task table whose columns are aligned with spaces becomes the table's lines, as a Word
    table would (see aligned.py); one that cannot be cut into cells is dropped, its rows would
    read as wrong tasks. The message names its line; the rest is imported."""
    out: list[Line] = []
    texts: list[str] | None = None
    scanned = 0  # lines a table written one cell per line was looked for in (each looked at once)
    i = 0
    while i < len(lines):
        line = lines[i]
        if i >= scanned and line.table is None and line.cells is None and stacked.opens_header(line.text):
            texts = texts or [ln.text if ln.table is None and ln.cells is None else "" for ln in lines]
            end, scanned = _stacked_table(body, lines, texts, i, out)
            if end is not None:
                i = end
                continue
        if (
            line.table is None
            and line.cells is None
            and _ALIGNED_HEADER.match(line.text)
            and aligned.is_header([ln.text for ln in lines[max(i - 4, 0) : i + 6]], min(i, 4))
        ):
            end = _aligned_end(lines, i + 1)
            _aligned_table(body, lines, i, end, out)
            i = end
            continue
        out.append(line)
        i += 1
    return out


def _stacked_table(body: Body, lines: list[Line], texts: list[str], at: int, out: list[Line]) -> tuple[int | None, int]:
    """A task table copied from a PDF one cell per line (see stacked.py) whose header opens at
    ``lines[at]``: its lines go to ``out``; the index after it (None for no such table), and the
    index the reading reached."""
    found, reached = stacked.scan(texts, at)
    table = tables.read(found.rows, found.unsure) if found is not None and len(found.rows) > 1 else None
    if found is None or table is None:
        return None, reached
    out.extend(figure_lines(table_lines(table, [lines[k].number for k in found.lines]), found.rows))
    if found.guessed:
        body.skipped.append(
            f"dòng {lines[at].number}: bảng chép mỗi ô một dòng, không có dấu phân cột; {found.guessed} hàng "
            "có chỗ ngắt ô được đoán, cột chủ trì, phối hợp, thời gian của các hàng ấy có ghi chú KIỂM TRA"
        )
    return found.end, reached


def _aligned_end(lines: list[Line], start: int) -> int:
    for j in range(start, len(lines)):
        text = lines[j].text.strip()
        if APPENDIX.match(text) or (HEADING_ROMAN.match(text) and roman_heading(text)) or lines[j].table:
            return j
    return len(lines)


def _aligned_table(body: Body, lines: list[Line], at: int, end: int, out: list[Line]) -> None:
    """Read the table whose header's number line is ``lines[at]``, or drop it with a message."""
    first = aligned.header_extent([ln.text for ln in lines[:end]], at)[0]
    run = lines[first:end]
    pages = {k for k, ln in enumerate(run) if ln.page_break}
    layout = aligned.read([ln.text for ln in run], at - first, pages)
    table = tables.read(layout.rows, layout.unsure) if layout is not None and len(layout.rows) > 1 else None
    text = " ".join(lines[at].text.split())[:60]
    if layout is None or table is None:
        body.skipped.append(
            f"dòng {lines[at].number}: bảng căn cột bằng khoảng trắng ('{text}') chưa "
            "đọc được thành từng ô; các dòng của bảng không được nhập, cần nhập tay"
        )
        del out[len(out) - (at - first) :]  # the header's wrapped lines above its "TT" line
        return
    del out[len(out) - (at - first) :]
    out.extend(figure_lines(table_lines(table, [run[k].number for k in layout.lines]), layout.rows))
    if layout.doubts:
        body.skipped.append(
            f"dòng {lines[at].number}: bảng căn cột bằng khoảng trắng ('{text}') đã đọc thành từng ô, nhưng "
            f"{len(layout.doubts)} chỗ chữ vắt qua hai cột được tách đoán (ví dụ {layout.doubts[0]}); "
            "cần đối chiếu các cột chủ trì, phối hợp, thời gian với văn bản"
        )


def read_syllables(paras: list[Paragraph]) -> Joins:
    """Words of syllables run together ('uỷchủtrì', 'đềnghịcác', from a PDF) read as their syllables, so
    that every step matches them; what was cut is remembered to write the records' text as the source
    wrote it (see ``written_back``)."""
    joins = Joins.of([para.text for para in paras])
    for para in paras:
        para.text = joins.split(para.text, para.line)
    return joins


def written_back(body: Body, joins: Joins) -> None:
    """The text the records take (items, their details, headings, sections' text, the preamble and the
    closing) as the source wrote it: the words cut for reading joined again."""
    if not joins.cuts:
        return
    for item in body.items:
        item.text = joins.verbatim(item.text, item.line)
        item.details = [joins.verbatim(detail) for detail in item.details]
    sections = list(body.sections)
    while sections:
        section = sections.pop()
        section.heading = joins.verbatim(section.heading, section.line)
        section.texts = [joins.verbatim(text) for text in section.texts]
        sections.extend(section.children)
    for para in body.preamble:
        para.text = joins.verbatim(para.text, para.line)
    if body.closing:
        body.closing = joins.verbatim(body.closing)
