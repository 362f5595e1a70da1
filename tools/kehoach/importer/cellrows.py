"""Task tables written one cell per line, as a web page's table reads when taken as text: each cell a
group of lines, the cells parted by lines holding only '|' (a row is '|', cell, '|', cell, ..., '|',
so two '|' lines meet between rows and an empty cell is one '|' more).

Such text keeps what the page's table (HTML) wrote and nothing more. A cell merged over several rows
is written once, in its first row: the rows under it have fewer cells than the header has columns,
and nothing says which columns they leave out. A header cell spanning two columns ('Cơ quan thực
hiện' over 'Chủ trì' and 'Phối hợp') is one cell of the first header row, the cells under it a second
row of fewer cells. This module

- counts the '|' lines between cells: one between the cells of a row, more for empty cells or a
  new row; a row starts at a row's number, at a group heading ('I. NÂNG CAO NHẬN THỨC'), when the
  row is full, or where the next cell cannot be what the column after the empty ones holds (the
  work of a task after a unit's column);
- reads a header over two rows into one row of labels, the spanning cell's label under its parts;
- gives each cell of a short row (cells left out under a merged cell above) its column by what it
  reads as (a row's number, a time, a unit's name, a sentence of work), and each column left out
  the value of the row above (the merged cell covers it, as a Word table gives a merged cell to
  every row it covers); where two columns fit a cell alike ('Sở X' as the lead or as coordinating
  when one of the two is merged), the cell is flagged, never placed silently;
- reads a short row that is only a number and a title, or a title alone, as a group heading, not a
  task that takes the cells of the row above.

The rows it gives are the row model of ``tables`` (``tables.read`` reads them).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..text import fold
from . import tables, timewords, verbs
from .units import ORG_WORDS

BAR = tables.BAR


@dataclass
class _Cell:
    text: str
    gap: int  # '|' lines between it and the cell before it (the first cell: before it)
    line: int  # index of its first line in the lines given


@dataclass
class Read:
    """The table read: its header as one row of labels, then its rows, each as wide as the header."""

    rows: list[tables.Row]
    lines: list[int]  # index (into the lines given) of the first line of each row
    # for each row, the cells (by column) whose column was chosen among others that fit it as well
    placed: list[dict[int, str]] = field(default_factory=list)
    # for each row, the columns it leaves out and takes from the cell merged over it from a row above
    merged: list[set[int]] = field(default_factory=list)
    tasks: int = 0  # rows that are not group headings
    guessed: int = 0  # of them, rows whose cells could not be placed by the rule of merged cells


def cells(texts: list[str]) -> list[_Cell]:
    """The cells of lines written one cell per line, each with the '|' lines before it."""
    out: list[_Cell] = []
    gap, start = 0, 0
    parts: list[str] = []
    for at, raw in enumerate(texts):
        text = raw.strip()
        if text == BAR:
            if parts:
                out.append(_Cell(tables.join_wrapped(parts), gap, start))
                parts, gap = [], 0
            gap += 1
        elif any(c.isalnum() for c in text) or parts:
            if not parts:
                start = at
            parts.append(text)
    if parts:
        out.append(_Cell(tables.join_wrapped(parts), gap, start))
    return out


def read(texts: list[str]) -> Read | None:
    """The rows of a task table written one cell per line, or None when its header names no task
    table's columns."""
    found = cells(texts)
    bounds = _header_bounds(found)
    if bounds is None:
        return None
    head_at, body_at = bounds
    width = _width(found[head_at:], body_at - head_at)
    header = _numbered_header(_header(found[head_at:body_at], width), found[body_at:])
    roles = tables.header_roles(header)
    if "content" not in roles:
        return None
    # group headings written above the header ('B | PHÁT TRIỂN ...' over a table of its own)
    rows = _rows(found[:head_at], width, roles) + _rows(found[body_at:], width, roles)
    return place(header, found[head_at].line, rows)


def place(header: list[str], line: int, rows: list[tuple[list[str], int]]) -> Read:
    """The rows of a table written as a web page's table is (a cell merged over several rows written
    in its first row only), each as wide as ``header``: ``rows`` are each row's cells as written,
    empty cells included, with the line of its first cell; ``line`` is the header's. Every reader of
    such text (one cell per line, Markdown rows) lays its rows out here."""
    width = len(header)
    roles = tables.header_roles(header)
    out = Read([[[label] for label in header]], [line], [{}], [set()])
    # a column no row as wide as the table fills: a row may leave it out (merged with the empty cell
    # above it), nothing being lost
    full = [slots for slots, _ in rows if len(slots) == width]
    blank = {c for c in range(width) if full and not any(slots[c] for slots in full)}
    # each column's value in the nearest row above that has the column, since the last group row
    # (a group row spans the table: no cell above it is merged with a row under it)
    carry = [""] * width
    previous: str | None = None  # the number of the last task row
    for slots, at in rows:
        kept, placed, guessed, under = _lay_out(slots, width, roles, carry, previous, blank)
        if kept is None or _header_again(kept, header):
            continue
        kept = _title_aside(kept, roles)
        if _is_group(kept, roles):
            carry = [""] * width
        else:
            carry = list(kept)
            out.tasks += 1
            out.guessed += guessed
            if "number" in roles:
                previous = kept[roles.index("number")] or previous
        out.rows.append([[c] if c else [] for c in kept])
        out.lines.append(at)
        out.placed.append(placed)
        out.merged.append(under)
    return out


# ---------------------------------------------------------------- header and width


def _header_bounds(found: list[_Cell]) -> tuple[int, int] | None:
    """Where the header starts and the body after it starts (in cells): the header is the first
    row (of the first five) naming a task table's columns, with the rows of labels only under it
    (a header over two or three rows); rows above it are group headings. None when no row names
    a task table's columns."""
    segments = _segments(found)
    starts = [0]
    for segment in segments:
        starts.append(starts[-1] + len(segment))
    for first in range(min(len(segments) - 1, 5)):
        if not all(_label(c.text) or tables.role_of(c.text) == "number" for c in segments[first]):
            continue  # a group heading above the header ('B | PHÁT TRIỂN ...')
        taken = first + 1
        while taken < min(len(segments) - 1, first + 3) and all(_label(c.text) for c in segments[taken]):
            taken += 1
        roles = {tables.role_of(c.text) for s in segments[first:taken] for c in s}
        if "content" in roles and roles & {"lead", "timeframe", "coordinating", "person"}:
            return starts[first], starts[taken]
    return None


def _numbered_header(header: list[str], body: list[_Cell]) -> list[str]:
    """A header that labels every column but the rows' numbers ('Nội dung | Đơn vị thực hiện | ...'
    over rows '1.1 | ...'): its labels are those of the columns after the number column."""
    roles = [tables.role_of(label) for label in header]
    filled = [label for label in header if label]
    if "number" in roles or len(filled) != len(header) - 1 or header[-1]:
        return header
    opening = [c for c in body if c.gap >= 2]
    if opening and sum(1 for c in opening if tables.ROW_NUMBER.match(c.text)) * 2 > len(opening):
        return ["STT", *filled]
    return header


def _label(text: str) -> bool:
    return len(text) <= 40 and tables.role_of(text) not in (None, "number") and not tables.ROW_NUMBER.match(text)


def _segments(found: list[_Cell]) -> list[list[_Cell]]:
    out: list[list[_Cell]] = []
    for cell in found:
        if not out or cell.gap >= 2:
            out.append([])
        out[-1].append(cell)
    return out


def _width(found: list[_Cell], body_at: int) -> int:
    """How many columns the table has: as many cells as numbered rows write side by side most often
    (a header spanning columns writes fewer), or the header's when it has more: its first row's, or
    its two rows' when a cell of the first spans the columns the second labels (rows under merged
    cells write fewer cells too, so the header's count is not taken down by theirs)."""
    head = _segments(found[:body_at])
    first = [c.text for c in head[0]]
    header = len(first)
    if len(head) > 1:
        second = _slots([c for s in head[1:] for c in s])
        if _spanning(first, second) is not None:
            header = len(first) + len(second) - 1
    numbered = [len(s) for s in _segments(found[body_at:]) if tables.ROW_NUMBER.match(s[0].text)]
    most = max(numbered, key=lambda n: (numbered.count(n), n)) if numbered else 0
    return max(header, most)


def _header(found: list[_Cell], width: int) -> list[str]:
    """The labels of the header's columns, one per column: a header over two rows is read into one,
    the label of a cell spanning several columns given to each of the columns under it (with the
    label under it when that says no role by itself: 'Thời gian' over 'Bắt đầu')."""
    whole = _slots(found)
    if len(whole) == width:
        return whole
    segments = _segments(found)
    for split in range(1, len(segments)):
        first = _slots([c for s in segments[:split] for c in s])
        second = _slots([c for s in segments[split:] for c in s])
        if len(first) == width and len(second) == width:
            return [
                f"{a} {b}".strip() if b and tables.role_of(b) is None else (b or a)
                for a, b in zip(first, second, strict=True)
            ]
        if len(first) + len(second) - 1 == width and (at := _spanning(first, second)) is not None:
            under = [b if tables.role_of(b) else f"{first[at]} {b}" for b in second]
            return [*first[:at], *under, *first[at + 1 :]]
    first = _slots(segments[0])
    return first[:width] + [""] * (width - len(first))


def _slots(row: list[_Cell]) -> list[str]:
    """A row's cells with its empty cells ('|' lines more than one between two cells)."""
    out: list[str] = []
    for k, cell in enumerate(row):
        out.extend([""] * (cell.gap - 1 if k else 0))
        out.append(cell.text)
    return out


def _spanning(first: list[str], second: list[str]) -> int | None:
    """Which cell of the first header row spans the columns the second row labels: one that names
    no role of its own the others lack, among the columns of who or when ('Cơ quan thực hiện',
    'Phân công', 'Thời gian'); the one whose parts name the most roles."""
    below = [tables.role_of(b) for b in second]
    best: tuple[int, int] | None = None
    for at, label in enumerate(first):
        role = tables.role_of(label)
        if role in ("number", "content") and len([r for r in below if r]) > 1:
            continue
        others = [tables.role_of(x) for k, x in enumerate(first) if k != at]
        score = len({r for r in below if r} - set(others))
        if best is None or score > best[0]:
            best = (score, at)
    return best[1] if best and best[0] else None


# ---------------------------------------------------------------- rows


def _rows(found: list[_Cell], width: int, roles: list[str | None]) -> list[tuple[list[str], int]]:
    """The body's rows, each as its cells and empty cells (fewer than ``width`` under a merged cell),
    with the line of its first cell."""
    out: list[tuple[list[str], int]] = []
    row: list[str] | None = None
    start = 0
    # how many cells each one opens a run of, written side by side (one '|' between them)
    runs = [0] * len(found)
    for k in range(len(found) - 1, -1, -1):
        runs[k] = 1 + (runs[k + 1] if k + 1 < len(found) and found[k + 1].gap == 1 else 0)
    for k, cell in enumerate(found):
        if row is None:
            row, start = [""] * min(max(cell.gap - 2, 0), width - 1) + [cell.text], cell.line
            continue
        at = len(row) + cell.gap - 1  # the column the cell is in if the row goes on
        if cell.gap == 1 and at < width:
            row.append(cell.text)
            continue
        if cell.gap >= 2 and at + runs[k] <= width and not _opens_row(cell.text, roles, at, width - runs[k]):
            row.extend([""] * (cell.gap - 1) + [cell.text])
            continue
        leading = _leading(cell, width, roles)
        trailing = min(max(cell.gap - 2 - leading, 0), width - len(row))
        out.append((row + [""] * trailing, start))
        row, start = [""] * leading + [cell.text], cell.line
    if row is not None:
        out.append((row, start))
    return out


def _leading(cell: _Cell, width: int, roles: list[str | None]) -> int:
    """How many of the empty cells between two rows open the next one: as few as put its first cell
    in a column that may hold it (an empty number before a task's work), the others close the row
    above."""
    spare = min(max(cell.gap - 2, 0), width - 1)
    cell_kind = kind(cell.text)
    return next((k for k in range(spare + 1) if _fit(cell_kind, roles[k]) < _MISFIT), 0)


def _opens_row(text: str, roles: list[str | None], at: int, last: int) -> bool:
    """Whether a cell after empty cells opens the next row rather than going on with this one: a
    row's number or a group heading does; so does a cell that fits none of the columns from ``at``
    to ``last`` (the row may leave out merged cells, which puts its cells further right)."""
    if "number" in roles and tables.ROW_NUMBER.match(text):
        return True
    if tables.GROUP_CELL.match(text) and _capitals(text):
        return True
    cell_kind = kind(text)
    return all(_fit(cell_kind, roles[col]) >= _MISFIT for col in range(at, last + 1))


# ---------------------------------------------------------------- what a cell reads as

# A time opens with a word of time or a figure ('Quý IV/2026', 'Trước ngày 30/11', 'Thường xuyên',
# 'Theo kế hoạch riêng', '2025 - 2030'); a few words holding a year or a date are one too.
_TIME = re.compile(
    rf"^(?:{timewords.alternation(timewords.OPENING)}(?!\w)"
    r"|(?:h[àằ]ng\s+)?(?:năm|quý|tháng|tuần|ngày)(?:\s+(?:\d|[IVX]+\b|đầu|cuối|tới|sau|này)|\s*$|\s*[,;])"
    r"|theo (?!dõi)|\d)",
    re.IGNORECASE,
)
_DATED = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}\b")
# A deadline inside longer words: a day, a month, a quarter or a year with its figure after a word saying
# by when ('thông qua trước ngày 10/01/2025', 'hoàn thành trong quý III/2026'), or in brackets ('(tháng
# 02/2025)'). A date naming what the work is about ('Nghị quyết số 71/2022/QH15 ngày 15/11/2022') is none.
_WHEN = re.compile(
    rf"(?:\b{timewords.alternation((*timewords.BY, 'đến', 'xong'))}\s+|\(\s*)"
    r"(?:(?:đầu|giữa|cuối)\s+)?(?:ngày|tháng|quý|năm)\s+"
    r"(?:\d{1,2}/(?:\d{1,2}/)?(?:19|20)\d\d|[IVX]{1,4}(?:/|\s+năm\s+)(?:19|20)\d\d|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_HEADS = tuple(
    sorted(
        {fold(w) for w, _ in ORG_WORDS}
        | {
            "cong ty",
            "tong cong ty",
            "doanh nghiep",
            "hiep hoi",
            "lien minh",
            "co quan",
            "don vi",
            "bo doi",
            "chinh quyen",
            "thuong truc",
            "lanh dao",
            "giam doc",
            "chu tich",
            "thu truong",
            "bao ",
            "dai ",
            "to cong tac",
            "to chuc",
            "ubmttq",
            "bch",
            "bchqs",
            "kbnn",
            "bhxh",
            "bao hiem",
            "dien luc",
        },
        key=len,
        reverse=True,
    )
)
# Words that follow 'các' in a group of units ('các sở, ban, ngành', 'các cơ quan, đơn vị').
_GROUP_NOUNS = (
    "so",
    "ban",
    "nganh",
    "bo",
    "co quan",
    "don vi",
    "dia phuong",
    "xa",
    "phuong",
    "huyen",
    "tinh",
    "to chuc",
    "hoi",
    "doan the",
    "doanh nghiep",
    "truong",
    "cap",
    "phong",
    "dang uy",
    "chi bo",
    "thanh vien",
    "tap the",
)
_WORK_VERB = re.compile(rf"^{verbs.alternation(list(verbs.WORK))}\b", re.IGNORECASE)


def kind(text: str) -> str:
    """What a cell reads as: 'number' (a row's number), 'time', 'unit' (a unit's name or a list of
    them), 'dated' (a deadline with more words around it: 'Trình UBTVQH xem xét, thông qua trước ngày
    10/01/2025'), 'work' (a sentence saying what is done) or 'short' (a few
    words of anything)."""
    text = text.strip()
    if tables.ROW_NUMBER.match(text):
        return "number"
    if unit_like(text):
        return "unit"
    timed = (len(text) <= 60 and _TIME.match(text)) or (len(text) <= 25 and _DATED.search(text))
    if timed and not _WORK_VERB.match(text):
        return "time"
    if _WHEN.search(text):
        return "dated"
    if len(text) >= 45 or _WORK_VERB.match(text):
        return "work"
    return "short"


def unit_like(text: str) -> bool:
    """Whether a cell names units: each of its parts (parted by ';' or a line) opens with a unit's
    head word ('Sở', 'UBND', 'Công an', 'Trung tâm') or is a group of them ('Các sở, ban, ngành')."""
    parts = [p.strip(" .,-+") for p in re.split(r"[;\n]", text) if p.strip(" .,-+")]
    if not parts or len(text) > 300:
        return False
    return all(_unit_part(p) for p in parts)


def _unit_part(part: str) -> bool:
    key = " ".join(re.sub(r"[^\w\s]", " ", fold(part)).split()) + " "
    if _WORK_VERB.match(part) or not part[:1].isupper():
        return False
    if key.startswith("cac ") or key.startswith("nhung "):
        rest = key.split(" ", 1)[1]
        return rest.startswith(tuple(f"{n} " for n in _GROUP_NOUNS))
    return key.startswith(tuple(h if h.endswith(" ") else f"{h} " for h in _HEADS))


_MISFIT = 3.0  # a cell this unlike its column is not in it
_UNIT_ROLES = ("lead", "coordinating", "advising", "person", "subject")
# How unlike each kind of cell is each role of column (the roles not named take anything a little).
_FIT: dict[str | None, dict[str, float]] = {
    "number": {"number": 0, "time": 5, "unit": 5, "work": 5, "dated": 5, "short": 5},
    "content": {"work": 0, "dated": 0.5, "short": 1, "unit": 2, "time": 3, "number": 5},
    "timeframe": {"time": 0, "dated": 1.5, "short": 2, "unit": 4, "work": 4, "number": 5},
    "output": {"work": 1, "dated": 1, "short": 1, "unit": 3, "time": 3, "number": 5},
    **{r: {"unit": 0, "short": 1, "work": 3, "dated": 3, "time": 4, "number": 5} for r in _UNIT_ROLES},
}
_ANY = {"work": 1, "dated": 1, "short": 1, "unit": 1.5, "time": 2, "number": 4}
# Which column a merged cell is, when the cells of a row fit more than one choice (the choice is then
# flagged): a row's number and its time are merged most often, the lead before who coordinates (one
# lead for a run of tasks), the work least (a row of its own work is a row of its own).
_LEFT_OUT: dict[str | None, float] = {"number": 0.0, "timeframe": 0.1, "lead": 0.2, "coordinating": 0.3, "content": 0.6}
_SUB_ROW_LEAD = 0.2
_AS_ABOVE = 0.5  # a cell written as the row above has it is in that column (a merged cell is not written again)
# The columns whose value a review must check when their placement is a guess (tables.LABELS' roles).
_WEIGHED = ("content", "lead", "coordinating", "advising", "timeframe", "person")


def _fit(cell_kind: str, role: str | None) -> float:
    return _FIT.get(role, _ANY)[cell_kind]


# ---------------------------------------------------------------- short rows


def _lay_out(
    slots: list[str],
    width: int,
    roles: list[str | None],
    carry: list[str],
    previous: str | None,
    blank: set[int] | frozenset[int] = frozenset(),
) -> tuple[list[str] | None, dict[int, str], bool, set[int]]:
    """A row as wide as the table, the columns whose value is a guess (with why), whether the
    row's cells could not be placed by the rule of merged cells at all, and the columns it takes from
    a cell merged over it; None for no row.

    The rule is a web page's (HTML): a cell merged over several rows is written in its first row
    only, and each row under it writes its other cells in order. A row of fewer cells than the table
    has columns is read as such a row when its cells can be placed so: each column it leaves out has
    a value in the row above (since the last group row), which it takes, and each cell is in a
    column that may hold it (no time in a unit's column, no unit in the time's). When one placement
    fits, the row is read without doubt; when several fit, the columns they give different values
    are flagged; when none fits, the row is still read (the likeliest placement), every column of
    who and when flagged."""
    if not any(slots):
        return None, {}, False, set()
    if len(slots) == width:
        return slots, {}, False, set()
    count = f"hàng có {len([s for s in slots if s])} ô cho {width} cột"
    if len(slots) > width:
        row = [*slots[: width - 1], " ".join(s for s in slots[width - 1 :] if s)]
        return row, _flag(row, roles, range(width), f"{count}: các ô thừa được ghép vào cột cuối"), True, set()
    if (group := _group_row(slots, width, roles, previous)) is not None:
        return group, {}, False, set()
    fitting = _placements(slots, width, roles, carry, strict=True, blank=blank)
    if fitting:
        rows = [_fill(slots, columns, width, carry) for columns in fitting]
        row = rows[0]
        differ = [c for c in range(width) if any(other[c] != row[c] for other in rows[1:])]
        why = f"{count}; theo ô gộp với hàng trên, ô của hàng xếp được vào cột theo {len(rows)} cách"
        if len([s for s in slots if s]) == 2 and "number" in roles and row[roles.index("number")]:
            # a number and a work only, the number the next one: a task whose other cells are all merged
            # with the row above, or a group's title spanning the table; either reads
            differ = [c for c in range(width) if roles[c] != "content"]
            why = f"{count} (số và nội dung): có thể là dòng nhóm; các cột khác lấy theo ô gộp ở hàng trên"
        under = {c for c in range(width) if c not in fitting[0] and row[c]}
        return row, _flag(row, roles, differ, why), False, under
    columns = _placements(slots, width, roles, carry, strict=False)[0]
    row = _fill(slots, columns, width, carry)
    why = f"{count}; các ô không xếp được vào cột theo ô gộp với hàng trên, cột của ô được đoán"
    return row, _flag(row, roles, range(width), why), True, {c for c in range(width) if c not in columns and row[c]}


def _flag(row: list[str], roles: list[str | None], columns: range | list[int], why: str) -> dict[int, str]:
    return {c: tables.PLACED + why for c in columns if roles[c] in _WEIGHED}


def _fill(slots: list[str], columns: tuple[int, ...], width: int, carry: list[str]) -> list[str]:
    """The row: its cells in their columns, each column it leaves out the merged cell above."""
    row = list(carry) if len(carry) == width else [""] * width
    for slot, col in zip(slots, columns, strict=True):
        row[col] = slot
    return row


def _placements(
    slots: list[str],
    width: int,
    roles: list[str | None],
    carry: list[str],
    strict: bool,
    blank: set[int] | frozenset[int] = frozenset(),
) -> list[tuple[int, ...]]:
    """The columns of the row's cells (in order) for each way the row may be read, likeliest first.
    ``strict``: only the ways the rule of merged cells allows (see ``_lay_out``); otherwise every way.
    ``blank``: columns the table leaves empty, which a row may leave out with nothing above."""
    kinds = [kind(s) if s else None for s in slots]
    scored: list[tuple[float, tuple[int, ...]]] = []
    for columns in itertools.combinations(range(width), len(slots)):
        left_out = [c for c in range(width) if c not in columns]
        if strict and any(not carry[c] and c not in blank for c in left_out):
            continue  # nothing above to be merged with
        costs = [_fit(k, roles[col]) for k, col in zip(kinds, columns, strict=True) if k]
        if strict and costs and max(costs) >= _MISFIT:
            continue
        omitted = [roles[c] for c in left_out]
        cost = sum(costs) + sum(_LEFT_OUT.get(r, 0.4) for r in omitted)
        if "number" in omitted and "content" not in omitted:
            # a row of its own work under a numbered task (a part of it) names who does it: the units
            # it writes lead rather than coordinate
            cost += _SUB_ROW_LEAD * omitted.count("lead")
        cost -= _AS_ABOVE * sum(1 for s, c in zip(slots, columns, strict=True) if s and fold(carry[c]) == fold(s))
        scored.append((cost, columns))
    scored.sort(key=lambda s: s[0])
    return [columns for _, columns in scored]


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


def _group_row(slots: list[str], width: int, roles: list[str | None], previous: str | None) -> list[str] | None:
    """A short row that is a group heading: a title alone ('I. NÂNG CAO NHẬN THỨC', 'Nhóm nhiệm
    vụ ...'), or a number and a title, the number not the next of the task rows above ('II' after
    '5'; '3' after '2' is the next task, its other cells merged with the row above)."""
    filled = [s for s in slots if s]
    if "content" not in roles:
        return None
    content = roles.index("content")
    number = roles.index("number") if "number" in roles else None
    row = [""] * width
    if len(filled) == 1:
        text = filled[0]
        if (match := tables.GROUP_CELL.match(text)) and number is not None:
            row[number], row[content] = match["num"], match["rest"]
            return row
        if _SUB_ROW.match(text) or kind(text) not in ("work", "dated", "short"):
            return None  # a sub-row of the task above ('- Cấp tỉnh'), or a unit or time alone
        row[content] = text
        return row
    if len(filled) == 2 and number is not None and tables.ROW_NUMBER.match(filled[0]):
        if _next_number(previous, filled[0]) and not _capitals(filled[1]):
            return None
        if kind(filled[1]) in ("work", "dated", "short") or _capitals(filled[1]):
            row[number], row[content] = filled[0], filled[1]
            return row
    return None


_SUB_ROW = re.compile(r"^(?:[-–+•*]|[a-zđ][.)])\s*\S")


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _next_number(previous: str | None, number: str) -> bool:
    """Whether ``number`` follows ``previous`` at the same depth ('3' after '2', '1.3' after '1.2')."""
    if previous is None:
        return False
    a, b = previous.rstrip(".)").split("."), number.rstrip(".)").split(".")
    if len(a) != len(b) or not all(x.isdigit() for x in a + b):
        return False
    return a[:-1] == b[:-1] and int(b[-1]) == int(a[-1]) + 1


def _header_again(row: list[str], header: list[str]) -> bool:
    """The header written again over a part of the table (its labels, its number column's left out)."""
    labels = {fold(label) for label in header if label}
    filled = [fold(c) for c in row if c]
    return len(filled) >= 2 and all(c in labels for c in filled)


def _title_aside(row: list[str], roles: list[str | None]) -> list[str]:
    """'5.1 |  | Thương mại |  | ...': a number and a few words that name no unit, out of the content
    column, the rest empty: a group's title set in the wrong column; it is the group's content."""
    if "content" not in roles or "number" not in roles:
        return row
    number, content = roles.index("number"), roles.index("content")
    others = [k for k, c in enumerate(row) if c and k != number]
    if row[number] and len(others) == 1 and others[0] != content and kind(row[others[0]]) == "short":
        out = list(row)
        out[content], out[others[0]] = row[others[0]], ""
        return out
    return row


def _is_group(row: list[str], roles: list[str | None]) -> bool:
    """A row that fills only its number and content: a group heading (tables.read reads it so)."""
    return not any(v for v, r in zip(row, roles, strict=True) if v and r not in ("number", "content", "note"))
