"""Task tables written as Markdown pipe tables, as a web page or a document converted to Markdown
writes them: '| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |', a rule '|---|:---:|' under the
header (the line reader drops it), then a row a line.

Conversions break that form in known ways, which this module reads back into rows:

- a cell's text wraps onto the following lines, which do not open with '|' (a line break inside
  the cell: '| 1 | Tổ chức hội nghị' / 'quán triệt Nghị quyết | Ban Tuyên giáo | Quý II |');
- a row goes on over several lines, each opening with '|' but the first not closed with one
  ('| 1 | Rà soát ... | Sở Tư pháp' / '| Quý III/2026 |'): the '|' opening the next line closes
  the cell left open; a row closed with '|' and taken up again on a line opening with '|' has an
  empty cell between the two (a break written inside the empty cell);
- lines holding only '|' and rows of empty cells ('| |||||'), which say nothing;
- empty cells after a row's last cell ('| ... | Quý II | ||'), which are no columns;
- a row that spans the table ('| I. NHÓM NHIỆM VỤ ... |') is a group heading;
- a row of fewer cells than the header has columns: a web page's cell merged over several rows is
  written in its first row only, the rows under it leave it out (cellrows.place lays them out, by
  the same rule as a table written one cell per line, flagging a placement it has to choose).

A row is one line as Markdown writes it unless a line of it shows it goes on: a line that does not
close with '|', or a next line that does not open with one. A row written on several lines ends where
it has as many cells as the header, or where the next line opens a row (its first cell a row's number).

The rows read become the row model of ``tables``, which reads them as every other table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cellrows, tables
from .lines import Line, figure_lines, table_lines

BAR = tables.BAR


@dataclass
class _Row:
    cells: list[str]
    line: int  # index of its first line
    lines: int = 1  # how many lines it was written on
    open: bool = False  # its last line did not close its last cell with '|': the next line may go on with it


@dataclass
class Piped:
    """A Markdown table read: its rows (header first, each a list of cells as written, empty cells
    after the last one left out) with the index of each row's first line, and how many lines it takes."""

    rows: list[list[str]]
    lines: list[int]
    end: int  # index of the line after the table


# A footnote's reference as a web page writes it, after a word: 'Ủy ban Đối ngoại [3]' (its text '[3] ...'
# under the table); written as the line reader reads a footnote's reference.
_NOTE_REF = re.compile(r"(?<=[\w).])\s*\[(\d{1,3})\](?!\()")


def _parts(text: str) -> tuple[bool, bool, list[str]]:
    """Whether a line opens with '|', whether it closes with one, and its cells' texts."""
    lead, trail = text.startswith(BAR), text.endswith(BAR) and len(text) > 1
    parts = text.split(BAR)
    parts = parts[1 if lead else 0 : len(parts) - 1 if trail else len(parts)]
    return lead, trail, [_NOTE_REF.sub(r"[^\1]", " ".join(p.split())) for p in parts]


def _filled(cells: list[str]) -> int:
    """How many cells a row has up to its last filled one."""
    return max((k + 1 for k, cell in enumerate(cells) if cell), default=0)


def read(texts: list[str], start: int = 0) -> Piped | None:
    """The Markdown table whose header is ``texts[start]``, to the line that ends it: a blank line (unless
    a row left open goes on under it), or a line of text under a row that is whole; its lines counted
    from ``start``. None when the header is no row of two cells or more (known once the next row starts:
    nothing more is read, so trying each line of a long run of bars costs that line's row only)."""
    if start >= len(texts) or not tables.markdown_row(texts[start].rstrip()):
        return None
    rows: list[_Row] = []
    width = 0
    k = start
    while k < len(texts):
        text = texts[k].strip()
        row = rows[-1] if rows else None
        if not text:
            following = next((j for j in range(k + 1, len(texts)) if texts[j].strip()), None)
            if row is None or not row.open or following is None or not texts[following].lstrip().startswith(BAR):
                break
            k = following
            continue
        if text == BAR:  # closes a cell left open; else nothing
            if row is not None:
                row.open = False
            k += 1
            continue
        lead, trail, parts = _parts(text)
        if row is None or (lead and _starts_row(row, parts, width)):
            if len(rows) == 1 and _filled(rows[0].cells) < 2:
                return None  # the header, now whole, is no row of two cells
            width = max(width, _filled(row.cells) if row else 0)  # the widest row so far: the table's width
            rows.append(_Row(parts, k - start, open=not trail))
        elif not lead and not _goes_on(row, text, width):
            break
        else:
            if lead and not row.open:
                row.cells.append("")  # the cell between the bar closing the line above and this one
            elif not lead and row.open and parts:
                row.cells[-1] = tables.join_wrapped([row.cells[-1], parts.pop(0)])
            row.cells.extend(parts)
            row.lines += 1
            row.open = not trail
        k += 1
    if not rows or _filled(rows[0].cells) < 2:
        return None
    out = Piped([], [], k - start)
    for row in rows:
        cells = row.cells[: _filled(row.cells)]
        if cells:  # not '| |||||', a row of empty cells
            out.rows.append(cells)
            out.lines.append(row.line)
    return out


def _starts_row(row: _Row, parts: list[str], width: int) -> bool:
    """Whether a line opening with '|' starts a row rather than going on with ``row``; ``width``: the
    widest row above it (0 under the first)."""
    if not width:  # the header: it goes on while its lines leave a cell open
        return not row.open
    count = _filled(row.cells)
    if count >= width or (parts and tables.ROW_NUMBER.match(parts[0]) and count > 1):
        return True
    if row.open:
        return False  # the bar closes the cell the line above left open
    # a row closed with '|' goes on only when a line of it showed it was broken, and what follows fits
    return row.lines == 1 or count + 1 + _filled(parts) > width


def _goes_on(row: _Row, text: str, width: int) -> bool:
    """Whether a line not opening with '|' goes on with ``row``: it holds a bar (a cell of the row
    wrapped onto it); or the row's last cell was left open and the row is short of cells or the
    line's words go on with the cell's (lower case). Text under a row closed with '|' is not the table's."""
    if BAR in text:
        return True
    return row.open and (not width or _filled(row.cells) < width or text[:1].islower())


# The share of a table's task rows whose cells cannot be placed by the rule of merged cells above which
# the message says the table was read by guess (each such row is flagged in any case).
_GUESSED_ROWS = 0.2


def read_tables(lines: list[Line], skipped: list[str]) -> list[Line]:
    """Each Markdown task table among ``lines`` becomes the lines of its rows (tables.py), as a Word
    table would; another Markdown table (a header's or a signature's block, figures) is left as it
    is. A task table none of whose rows can be read is dropped, its message naming its line in
    ``skipped``: its lines would read as wrong tasks; the rest is imported."""
    out: list[Line] = []
    texts = [ln.text for ln in lines]
    i = 0
    while i < len(lines):
        line = lines[i]
        piped = read(texts, i) if line.table is None and tables.markdown_row(line.text.rstrip()) else None
        if piped is None:
            out.append(line)
            i += 1
            continue
        run = lines[i : i + piped.end]
        # a task table's header alone gives nothing (its rows follow written otherwise), as a Word table's would
        rows = [[[cell] for cell in row] for row in piped.rows]
        # a table of figures: no task to a plan, and no message of a task table not read
        figures = len(rows) > 1 and tables.figures(rows) is not None
        given = _table_lines(piped, run, [] if figures else skipped) if len(rows) > 1 else _header_only(piped)
        if given is None or (figures and not given):
            given = run  # not a task table (or one of figures none of whose rows reads): its lines as they are
        out.extend(figure_lines(given, rows))
        i += piped.end
    return out


def _table_lines(piped: Piped, run: list[Line], skipped: list[str]) -> list[Line] | None:
    """The lines a Markdown table gives, or None for a table that is not a task table."""
    header, used = _header(piped.rows)
    roles = tables.header_roles(header)
    if tables.column_roles([[[label] for label in header]]) is None:
        return None
    where = f"dòng {run[0].number}: bảng Markdown ('{_short(' | '.join(filter(None, header)))}')"
    body = list(zip(piped.rows[used:], piped.lines[used:], strict=True))
    found = cellrows.place(header, piped.lines[0], body)
    short = any(found.merged)  # the table leaves out merged cells: an empty cell it writes is empty
    table = tables.read(found.rows, found.placed, merges_lost=not short) if "content" in roles else None
    if table is None or not table.lines:
        skipped.append(
            f"{where} có đầu bảng nhiệm vụ nhưng không đọc được thành từng hàng; các dòng của bảng "
            "không được nhập, cần nhập tay"
        )
        return []
    if found.guessed:
        skipped.append(
            f"{where} có {found.guessed}/{found.tasks} hàng không xếp được ô vào cột theo ô gộp với hàng trên; "
            "các hàng ấy được nhập, cột chủ trì, phối hợp, thời gian có ghi chú KIỂM TRA"
        )
    return table_lines(table, [run[k].number for k in found.lines])


def _header_only(piped: Piped) -> list[Line] | None:
    return [] if tables.column_roles([[[cell] for cell in piped.rows[0]]]) is not None else None


def _header(rows: list[list[str]]) -> tuple[list[str], int]:
    """The header's labels, one per column, and how many rows it takes: rows of labels under the first
    ('| | | Chủ trì | Phối hợp | |' under a cell 'Cơ quan thực hiện' spanning two columns) name the
    columns they fill, a label saying no role by itself going with the one above ('Thời gian' over
    'Bắt đầu')."""
    header, used = list(rows[0]), 1
    while used < min(len(rows), 3) and _labels(rows[used]):
        below = rows[used]
        width = max(len(header), len(below))
        header += [""] * (width - len(header))
        below = below + [""] * (width - len(below))
        header = [
            f"{a} {b}".strip() if b and tables.role_of(b) is None else (b or a)
            for a, b in zip(header, below, strict=True)
        ]
        used += 1
    return header, used


def _labels(row: list[str]) -> bool:
    """A row of a header's labels only: no row's number, each filled cell a column's label."""
    filled = [cell for cell in row if cell]
    return (
        bool(filled)
        and not tables.ROW_NUMBER.match(row[0])
        and all(len(cell) <= 40 and tables.role_of(cell) not in (None, "number") for cell in filled)
    )


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
