"""Task tables laid out with spaces (text taken from a PDF with its layout kept), cut into the row
model of ``tables``.

Such a table has no cell borders, only columns of text: a column's text may start left of its
header, run into the next column with a single space, wrap over several lines, and a row's
cells may be centred on its number (lines above and below the number line) or start on it.
This module

- finds the columns from the header's labels (the text runs of the header lines, runs being
  parted by two spaces or more, grouped by where they overlap), then, on each page, puts each
  boundary between two columns in the gap between their labels (scaled to the page's width),
  where the fewest lines of the page write across (a vote over the page's lines);
- cuts each line into runs, gives each run to the column it lies in, and splits a run that
  crosses a boundary at the space nearest it that a capital or a figure follows (a cell starts
  there; not inside a name such as 'Đảng ủy UBND'), else at the space nearest it, noting
  a split it had to guess;
- starts a row at a line whose number column holds a row number; lines between two number
  lines go to the row above when rows start on their number, or, when the cells are centred on
  it, each to the nearer number line (a tie goes where the cell above is still unbalanced);
  a group line ("II.1 ...", "I ...") bounds the rows around it; the header repeated at the
  top of a page and the line numbering the columns are left out.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from . import tables

_RUN = re.compile(r"\S+(?: \S+)*")
_GROUP_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}(?:\.\d{1,3}){0,3}|[A-ZĐ])[.)]?$")
_NEAR = 12  # how far from a boundary a run may be split at a single space


# The line of a table's header that holds its number column's label: "TT      Nội dung      Chủ trì ...".
HEADER = re.compile(r"^\s{0,6}(?:S[ốô]\s*TT|STT|TT)\s{2,}\S")


def is_header(texts: list[str], at: int) -> bool:
    """Whether ``texts[at]`` is the number line of a table's header laid out with spaces: a number
    column's label, then, on it or on the header's lines around it (a header written over two or
    three lines), at least one label of a task table's other columns."""
    if not HEADER.match(texts[at]):
        return False
    first, last = header_extent(texts, at)
    roles = {tables.role_of(col.text) for col in columns(texts[first:last])}
    return "number" in roles and len(roles - {None, "number"}) >= 1


@dataclass
class Run:
    start: int
    end: int
    text: str


@dataclass
class Layout:
    """The table read: its rows in the row model, the line of each row, doubtful cuts."""

    rows: list[tables.Row]
    lines: list[int]  # index (into the lines given) of each row's number line; the header's first
    doubts: list[str] = field(default_factory=list)
    # for each row, the cells (by column) holding a piece whose cut was guessed, with why: what the
    # reader of such a cell must not trust (see tables.read's ``unsure``)
    unsure: list[dict[int, str]] = field(default_factory=list)


def runs(text: str) -> list[Run]:
    return [Run(m.start(), m.end(), m.group()) for m in _RUN.finditer(text)]


def header_extent(texts: list[str], at: int) -> tuple[int, int]:
    """The lines of the header around its number line ``at``: the indented lines just above it and
    the lines of short labels below it up to the first line opening with a row number, at most
    four each way."""
    first = at
    while first > 0 and at - first < 4 and _header_above(texts[first - 1]):
        first -= 1
    last = at + 1
    while last < len(texts) and last - at <= 4 and _header_below(texts[last]):
        last += 1
    return first, last


_LABEL_WIDTH = 24  # a header's label is wrapped within its column: longer runs are a row's text


def _header_below(text: str) -> bool:
    """A line below the header's number line that is part of the header: short labels only (a
    row's text centred on its number may start above the number line), not a row."""
    found = runs(text)
    return bool(found) and all(len(r.text) <= _LABEL_WIDTH for r in found) and not _opens_row(text)


def _header_above(text: str) -> bool:
    """A line above the header's number line that is part of the header: indented (the number
    column's label is on the number line), not a title in capitals, not a row, not a line of prose
    ('(Kèm theo Kế hoạch số ... của Tỉnh ủy)' set in over a table with no blank line between: a
    label is wrapped within its column)."""
    found = runs(text)
    labels = all(len(r.text) <= 2 * _LABEL_WIDTH for r in found)
    return bool(found) and found[0].start > 3 and text.upper() != text and labels and not _opens_row(text)


def _opens_row(text: str) -> bool:
    found = runs(text)
    if not found or found[0].start > 6:
        return False
    head = found[0].text.split(" ", 1)[0]
    return bool(tables.ROW_NUMBER.match(head))


def columns(header: list[str]) -> list[Run]:
    """The header's columns: its runs grouped by horizontal overlap, each with its words."""
    placed = sorted(((r, n) for n, line in enumerate(header) for r in runs(line)), key=lambda p: p[0].start)
    groups: list[list[tuple[Run, int]]] = []
    for run, n in placed:
        if groups and run.start <= max(r.end for r, _ in groups[-1]):
            groups[-1].append((run, n))
        else:
            groups.append([(run, n)])
    out = []
    for group in groups:
        words = " ".join(r.text for r, _ in sorted(group, key=lambda p: (p[1], p[0].start)))
        out.append(Run(min(r.start for r, _ in group), max(r.end for r, _ in group), words))
    return out


def boundaries(cols: list[Run], body: list[str], scale: float = 1.0) -> list[int]:
    """Where each column after the first begins on one page: in the gap between two header
    labels (scaled to the page's width: a PDF lays each page out anew, narrower or wider), the
    position the fewest lines write across, nearest the right label on a tie."""
    out: list[int] = []
    for left, right in itertools.pairwise(cols):
        lo, hi = round(left.end * scale), round(max(right.start, left.end) * scale)
        lo = max(lo - 2, out[-1] + 2 if out else 1, round(left.start * scale) + 1)
        best = min(range(lo, max(hi + 2, lo) + 1), key=lambda x: (_occupied(body, x), abs(hi - x)))
        out.append(best)
    return out


def _occupied(body: list[str], x: int) -> int:
    """How many lines write across position x (a letter, or a single space inside a run)."""
    return sum(1 for t in body if 0 < x < len(t) and (t[x] != " " or (t[x - 1] != " " and t[x + 1 : x + 2] != " ")))


def _width(lines: list[str]) -> int:
    return max((len(t.rstrip()) for t in lines), default=0)


def _column(pos: int, bounds: list[int]) -> int:
    return sum(1 for b in bounds if pos >= b)


@dataclass
class Near:
    """What the lines around one line show of each column on its page: the runs that lie inside one
    column on the lines just above and below (a row's other lines: a PDF lays out each row anew, its
    columns a few letters left or right of the next row's), and how far right each column's text
    reaches on the page."""

    runs: dict[int, list[Run]]
    reach: dict[int, int]
    left: set[int]  # columns whose text is left-aligned (the others are centred)
    roles: list[str | None] = field(default_factory=list)  # each column's role (tables.role_of)


def cut(
    text: str,
    bounds: list[int],
    doubts: list[str],
    edges: dict[int, int] | None = None,
    near: Near | None = None,
    unsure: dict[int, str] | None = None,
) -> dict[int, list[str]]:
    """The pieces of one line, by column; ``edges``: where the text of a column starts on most lines;
    ``near``: the columns as the lines around it show them; ``unsure`` is given the columns of the
    pieces of a run whose cut was guessed, with why."""
    cells: dict[int, list[str]] = {}
    for run in runs(text):
        known = len(doubts)
        for col, piece in _split(run, bounds, doubts, edges or {}, near=near):
            cells.setdefault(col, []).append(piece)
            if len(doubts) > known and unsure is not None:
                unsure.setdefault(col, doubts[known])
    return cells


_NEAR_LINES = 4  # how many lines above and below show a row's columns


_SHIFT = 15  # how far left of the page's boundary a row may lay a column out (a PDF squeezes some rows)


def local_bounds(texts: list[str], bounds: list[int]) -> list[list[int]]:
    """For each line of a page, the boundaries the lines around it keep free: a page's boundary that
    two of those lines or more write a letter across is moved (at most ``_SHIFT`` letters left, a
    few right) to where the fewest of them write across (a single space inside a run counting
    less, nearer the page's position on a tie) when none writes a letter there. A PDF lays each row
    out anew: a squeezed row's columns start left of the others'."""
    out = []
    for at in range(len(texts)):
        window = texts[max(at - _NEAR_LINES, 0) : at + _NEAR_LINES + 1]
        moved = bounds[:1]
        for k, bound in enumerate(bounds[1:], start=1):
            low = max(bound - _SHIFT, moved[-1] + 2)
            high = max(min(bound + 5, bounds[k + 1] - 2 if k + 1 < len(bounds) else bound + 5), low)
            best = min(
                range(low, high + 1), key=lambda x: (_crossing(window, x) + abs(x - bound) * 0.05, abs(x - bound))
            )
            # moved only to where no line writes a letter, away from where two lines or more do
            free = _letters(window, best) == 0 and _letters(window, bound) >= 2
            moved.append(best if free else bound)
        out.append(moved)
    return out


def _letters(texts: list[str], x: int) -> int:
    return sum(1 for t in texts if 0 < x < len(t) and t[x] != " ")


def _crossing(texts: list[str], x: int) -> float:
    """How much the lines write across position x: a letter counts 1, a single space inside a run less."""
    cost = 0.0
    for t in texts:
        if 0 < x < len(t) and t[x] != " ":
            cost += 1
        elif 0 < x < len(t) - 1 and t[x - 1] != " " and t[x + 1] != " ":
            cost += 0.3
    return cost


def near_columns(texts: list[str], bounds: list[list[int]], edges: dict[int, int]) -> list[Near]:
    """For each line of a page, the columns as the lines around it show them (see ``Near``);
    ``bounds``: each line's boundaries."""
    clean: list[list[tuple[int, Run]]] = []
    reach: dict[int, int] = {}
    for text, line_bounds in zip(texts, bounds, strict=True):
        placed = [
            (_column(r.start, line_bounds), r)
            for r in runs(text)
            if _column(r.start, line_bounds) == _column(r.end - 1, line_bounds)
        ]
        clean.append(placed)
        for col, run in placed:
            reach[col] = max(reach.get(col, 0), run.end)
    starts: dict[int, list[Run]] = {}
    for placed in clean:
        for col, run in placed:
            starts.setdefault(col, []).append(run)
    left = {col for col, found in starts.items() if _left_aligned(found)}
    out = []
    for at in range(len(texts)):
        around: dict[int, list[Run]] = {}
        for k in range(max(at - _NEAR_LINES, 0), min(at + _NEAR_LINES + 1, len(texts))):
            for col, run in clean[k] if k != at else ():
                around.setdefault(col, []).append(run)
        out.append(Near(around, reach, left))
    return out


def _left_aligned(found: list[Run]) -> bool:
    """Whether a column's cells are plainly left-aligned on a page rather than centred: their runs
    start at one place, or their starts lie closer together than their middles by more than a letter
    (runs of one length, 'tỉnh' under 'tỉnh' a few letters apart, say nothing)."""
    if len(found) < 3:
        return False
    starts = _spread([r.start for r in found])
    return starts < 0.5 or starts + 1 < _spread([(r.start + r.end) / 2 for r in found])


def _spread(values: list[float]) -> float:
    middle = sorted(values)[len(values) // 2]
    return sum(abs(v - middle) for v in values) / len(values)


def left_edges(texts: list[str], bounds: list[int]) -> dict[int, int]:
    """The position where each column's text starts on most lines of a page (left-aligned cells),
    when at least three lines start a run there."""
    starts: dict[int, list[int]] = {}
    for text in texts:
        for run in runs(text):
            starts.setdefault(_column(run.start, bounds), []).append(run.start)
    out = {}
    for col, found in starts.items():
        best = max(set(found), key=lambda x: (found.count(x), -x))
        if found.count(best) >= 3:
            out[col] = best
    return out


def _split(
    run: Run, bounds: list[int], doubts: list[str], edges: dict[int, int], least: int = 0, near: Near | None = None
) -> list[tuple[int, str]]:
    """A run's pieces by column; ``least``: the run was cut from the column before this one."""
    first, last = max(_column(run.start, bounds), least), _column(run.end - 1, bounds)
    if (time := _time_tail(run, first, near)) is not None and near is not None:
        column = near.roles.index("timeframe", first + 1)
        if time == run.start:  # the run is the time, laid out left of its column's boundary
            return [(column, run.text)]
        # the words before the time may still cross from a unit's column into a person's
        words = Run(run.start, time - 1, run.text[: time - run.start - 1])
        return [*_split(words, bounds, doubts, edges, least, near), (column, run.text[time - run.start :])]
    if first >= last and not _overreaches(run, first, len(bounds), near):
        return [(first, run.text)]
    edge = bounds[first]  # the first boundary the run crosses
    spaces = [run.start + m.start() for m in re.finditer(" ", run.text)]
    if near is not None and first >= 1 and (near.runs.get(first) or near.runs.get(first + 1)):
        at, cost = _best_cut(run, first, spaces, near, edge)
        # a cell opening in lower case is the middle of a phrase cut in two, however well it lines up
        if cost >= _UNSURE or (at is not None and at >= run.start and run.text[at - run.start + 1 :][:1].islower()):
            where = (
                "cả vào một cột" if at is None or at < run.start else f"ở '{run.text[: at - run.start].split()[-1]} |'"
            )
            doubts.append(f"'{run.text}' vắt qua hai cột, không thẳng hàng với các dòng quanh nó; đã xếp {where}")
        if at is None:  # the run is one cell that reaches past the boundary
            return [(first, run.text)]
        if at < run.start:  # the run is one cell of the next column, laid out left of the boundary
            return _split(run, bounds, doubts, edges, first + 1, near)
        left, right = run.text[: at - run.start], run.text[at - run.start + 1 :]
        return [(first, left), *_split(Run(at + 1, run.end, right), bounds, doubts, edges, first + 1, near)]
    close = [s for s in spaces if abs(s - edge) <= _NEAR]
    if not close:
        inside = min(run.end, bounds[first + 1] if first + 1 < len(bounds) else run.end) - edge
        col = first if edge - run.start >= inside else first + 1
        doubts.append(f"'{run.text}' vắt qua hai cột; đã xếp cả vào một cột")
        return [(col, run.text)]
    # a cell's text starts with a capital or a figure ("Đảng ủy", "2026 - 2030"): the nearest
    # space before one, else the space nearest the boundary
    upper = [s for s in close if _opens_cell(run.text, s - run.start)]
    at = min(upper or close, key=lambda s: abs(s - edge))
    if not upper:
        doubts.append(f"'{run.text}' vắt qua hai cột; đã tách ở '{run.text[: at - run.start].split()[-1]} |'")
    rest = Run(at + 1, run.end, run.text[at - run.start + 1 :])
    return [(first, run.text[: at - run.start]), *_split(rest, bounds, doubts, edges, first + 1)]


_UNSEEN = 2.0  # the cost of a piece whose column no line around shows


_UNSURE = 2 * _UNSEEN  # a cut that costs this much lines up with nothing around it: noted as a guess


def _best_cut(run: Run, col: int, spaces: list[int], near: Near, edge: int) -> tuple[int | None, float]:
    """Where a run that crosses from column ``col`` into the next one is cut: at the space that puts
    each piece in line with the cells of its column on the lines around it (their left edges or
    their middles: a PDF centres some columns), the next cell opening with a capital or a figure;
    or nowhere: None when the whole run lines up with its column better than any cut, its text
    reaching no further right than the column's text does elsewhere on the page; ``run.start - 1``
    when it lines up with the next column (a row laid out left of the others). A tie goes to the
    cut nearest the boundary. Also what the cut costs (how badly it lines up)."""
    candidates: list[tuple[float, int | None]] = [
        (_misfit(run, col, near) + max(0, run.end - near.reach.get(col, run.end)), None)
    ]
    if near.runs.get(col + 1):  # the next column's cells around it show where it starts on this row
        whole = _misfit(run, col + 1, near) + _opening(run.text, -1) + abs(run.start - edge) * _TIE
        whole += _unlike(run.text, col + 1, near)
        candidates.append((whole, run.start - 1))
    for at in spaces:
        left = Run(run.start, at, run.text[: at - run.start])
        right = Run(at + 1, run.end, run.text[at - run.start + 1 :])
        cost = _misfit(left, col, near) + _misfit(right, col + 1, near) + _opening(run.text, at - run.start)
        cost += _unlike(right.text, col + 1, near)
        # a cell reaches no further right than its column's text does elsewhere on the page (a
        # left-aligned column's lines end raggedly: half the cost)
        cost += max(0, at - near.reach.get(col, at)) * (0.5 if col in near.left else 1.0)
        candidates.append((cost + abs(at + 1 - edge) * _TIE, at))
    best = min(candidates, key=lambda c: c[0])
    return best[1], best[0]


_TIE = 0.1  # per letter between a cut and the boundary
_TIME_WORDS = re.compile(r"\d|thường xuyên|hằng|hàng|định kỳ|trước|trong|quý|tháng|năm", re.IGNORECASE)


def _unlike(text: str, col: int, near: Near) -> float:
    """How unlike the cells of its column a piece is: a time has a figure or a word of time."""
    roles = near.roles
    if col < len(roles) and roles[col] == "timeframe" and not _TIME_WORDS.search(text):
        return 5 * _UNSEEN
    return 0.0


# A time written at the end of a run ('Phó Chủ tịch 2026 - 2030', '... tỉnh Quý II/2026'): a figure
# of years or a date, or a time word and what follows it.
_TIME_TAIL = re.compile(
    r"(?:^|\s)(?P<time>(?:\d{4}\s*[-–]\s*\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|\d{4})(?:\s*\(.*)?|"
    r"(?:Trước|Trong|Từ|Đến|Năm|Quý|Tháng)\s.*\d.*|(?:Hằng|Hàng) năm|Thường xuyên|Định kỳ)$"
)
_WHO_ROLES = ("lead", "coordinating", "advising", "person", "subject")


def _time_tail(run: Run, col: int, near: Near | None) -> int | None:
    """Where a time begins at the end of (or makes) a run of a column naming units or people, when
    the columns after it name units or people up to the one holding the time ('Chủ trì | Cá nhân
    phụ trách | Thời hạn'): the cells were laid out one space apart, or the time left of its
    column's boundary. No unit or person is named with a year."""
    roles = near.roles if near is not None else []
    if col >= len(roles) or roles[col] not in _WHO_ROLES or "timeframe" not in roles[col + 1 :]:
        return None
    if any(role not in _WHO_ROLES for role in roles[col + 1 : roles.index("timeframe", col + 1)]):
        return None
    found = _TIME_TAIL.search(run.text)
    return run.start + found.start("time") if found else None


def _overreaches(run: Run, col: int, count: int, near: Near | None) -> bool:
    """Whether a run inside one column by the page's boundaries reaches further right than the
    column's text does elsewhere on the page, into a next column laid out left of its boundary on
    this row ('Tỉnh ủy viên, Phó Chủ 2026 - 2030'), with a space to cut it at."""
    if near is None or not 1 <= col < count or " " not in run.text:
        return False
    return run.end > near.reach.get(col, run.end) + 1 and bool(near.runs.get(col))


def _opening(text: str, at: int) -> float:
    """How unlikely a cell starts after the space at ``at`` (-1: the text's start): not at all before
    a capital or a figure that opens a cell, a little before a capital that could go on a name
    ('Đảng ủy HĐND | Đồng chí ...' or 'Đảng ủy | UBND'), more before a small letter."""
    if at < 0:
        return 0.0 if text[:1].isupper() or text[:1].isdigit() else _UNSEEN
    if _opens_cell(text, at):
        return 0.0
    return _UNSEEN / 2 if text[at + 1 : at + 2].isupper() else _UNSEEN


def _misfit(piece: Run, col: int, near: Near) -> float:
    """How far a piece lies from the cells of its column on the lines around it: from the nearest
    cell's left edge or middle."""
    others = near.runs.get(col)
    if not others:
        return _UNSEEN
    if col in near.left:
        return min(abs(piece.start - r.start) for r in others)
    middle = (piece.start + piece.end) / 2
    return min(min(abs(piece.start - r.start), abs(middle - (r.start + r.end) / 2)) for r in others)


def _opens_cell(text: str, at: int) -> bool:
    """Whether a cell may start after the space at ``at``: before a capital that does not go on
    a name begun just before ('Đảng ủy | UBND'), or a figure after a word (not '2026 - | 2030')."""
    after, words = text[at + 1 : at + 2], text[:at].split()
    if after.isdigit():
        return bool(words) and words[-1][-1:].isalpha()
    return after.isupper() and not any(w[:1].isupper() for w in words[-2:])


@dataclass
class _Line:
    at: int  # index into the lines given
    cells: dict[int, list[str]]
    anchor: str | None = None  # "row" or "group" for a number line
    unsure: dict[int, str] = field(default_factory=dict)  # columns whose piece was cut by a guess, why


def read(texts: list[str], at: int, pages: set[int] | frozenset[int] = frozenset()) -> Layout | None:
    """The rows of the table whose header's number line is ``texts[at]`` (its body running to
    the end of ``texts``), or None when the header names no task table's columns. ``pages``:
    the lines that open a page; each page of the table is laid out anew, so each page gets its
    own column boundaries."""
    first, last = header_extent(texts, at)
    cols = columns(texts[first:last])
    roles = [tables.role_of(c.text) for c in cols]
    if roles[:1] != ["number"] or "content" not in roles:
        return None
    repeated = {" ".join(t.split()) for t in texts[first:last] if t.strip()}
    body_at = [k for k in range(last, len(texts)) if texts[k].strip() and " ".join(texts[k].split()) not in repeated]
    doubts: list[str] = []
    lines = []
    split = _pages(body_at, pages)
    reference = max(_width(texts[first:last]), _width([texts[k] for k in split[0]])) if split else 0
    for page in split:
        body = [texts[k] for k in page]
        bounds = boundaries(cols, body, _width(body) / reference if reference else 1.0)
        edges = left_edges(body, bounds)
        local = local_bounds(body, bounds)
        nears = near_columns(body, local, edges)
        for near in nears:
            near.roles = roles
        for k, line_bounds, near in zip(page, local, nears, strict=True):
            unsure: dict[int, str] = {}
            cells = cut(texts[k], line_bounds, doubts, edges, near, unsure)
            lines.append(_classify(k, cells, len(runs(texts[k])), unsure))
    lines = [ln for ln in lines if not tables._numbers_columns([[p] for ps in ln.cells.values() for p in ps])]
    centred = _centred(lines)
    if not centred:
        _unnumbered_rows(lines, roles)
    rows = _rows(lines, centred)
    out = Layout([], [], doubts)
    for anchor, pieces, unsure in rows:
        row: tables.Row = [[tables.join_wrapped(pieces.get(c, []))] if pieces.get(c) else [] for c in range(len(cols))]
        out.rows.append(row)
        out.lines.append(anchor)
        out.unsure.append({c: why for c, why in unsure.items() if c < len(cols)})
    header = [[c.text] for c in cols]
    out.rows.insert(0, header)
    out.lines.insert(0, at)
    out.unsure.insert(0, {})
    return out


def _pages(body_at: list[int], pages: set[int] | frozenset[int]) -> list[list[int]]:
    out: list[list[int]] = [[]]
    for k in body_at:
        if out[-1] and any(out[-1][-1] < p <= k for p in pages):
            out.append([])
        out[-1].append(k)
    return [p for p in out if p]


def _classify(k: int, cells: dict[int, list[str]], count: int, unsure: dict[int, str]) -> _Line:
    number = " ".join(cells.get(0, []))
    line = _Line(k, cells, unsure=unsure)
    if number and tables.ROW_NUMBER.match(number):
        if _GROUP_NUMBER.match(number) and count <= 2:  # "II.1 Hoàn thiện thể chế ...": one run of words
            words = [p for c in sorted(cells) if c for p in cells[c]]
            line.cells = {0: cells[0], 1: [" ".join(words)]}
            line.unsure = {}  # a group's words are one heading, whatever column they lay in
            line.anchor = "group"
        else:
            line.anchor = "row"
    elif number:
        line.cells.setdefault(1, []).insert(0, number)  # text that starts left of the content column
        del line.cells[0]
        if 0 in unsure:
            unsure.setdefault(1, unsure.pop(0))
    return line


def _unnumbered_rows(lines: list[_Line], roles: list[str | None]) -> None:
    """In a table whose rows start on their number: a line with no number that writes a work opening
    in capitals, a unit or a person and a time, under a row whose number line has its time, is a row
    whose number was left out, not the rest of the row above (whose cells would then hold two units
    and two times)."""
    if "timeframe" not in roles or "content" not in roles:
        return
    time, content = roles.index("timeframe"), roles.index("content")
    who = [k for k, role in enumerate(roles) if role in _WHO_ROLES]
    above: _Line | None = None
    for line in lines:
        if not line.anchor:
            work = " ".join(line.cells.get(content, []))
            if not (above and above.cells.get(time) and line.cells.get(time) and work[:1].isupper()):
                continue
            if not any(line.cells.get(k) for k in who):
                continue
            line.anchor = "row"
        above = line if line.anchor == "row" else None


def _centred(lines: list[_Line]) -> bool:
    """Whether the cells are centred on the row's number: the content beside most numbers is
    empty or goes on from a line above (lower case)."""
    votes = [" ".join(ln.cells.get(1, [])) for ln in lines if ln.anchor == "row"]
    centred = sum(1 for v in votes if not v or v[:1].islower())
    return centred * 2 > len(votes)


def _rows(lines: list[_Line], centred: bool) -> list[tuple[int, dict[int, list[str]], dict[int, str]]]:
    """Each row: its number line, its pieces by column, and the columns holding a piece cut by a guess."""
    anchors = [n for n, ln in enumerate(lines) if ln.anchor]
    rows = {n: {c: list(v) for c, v in lines[n].cells.items()} for n in anchors}
    unsure = {n: dict(lines[n].unsure) for n in anchors}
    above: dict[tuple[int, int], int] = {}
    below: dict[tuple[int, int], int] = {}
    spans = _centred_cells(lines, anchors) if centred else {}
    for n, line in enumerate(lines):
        if line.anchor:
            continue
        before = max((a for a in anchors if a < n), default=None)
        after = min((a for a in anchors if a > n), default=None)
        for col, pieces in line.cells.items():
            owner = spans.get((n, col)) or _owner(n, col, before, after, lines, centred, above, below)
            if owner is None:
                continue
            (below if owner < n else above)[(owner, col)] = (below if owner < n else above).get((owner, col), 0) + 1
            if col in line.unsure:
                unsure[owner].setdefault(col, line.unsure[col])
            cell = rows[owner].setdefault(col, [])
            if owner > n:  # lines above the number line come before it, in order
                at = above[(owner, col)] - 1
                cell[at:at] = pieces
            else:
                cell.extend(pieces)
    return [(lines[n].at, rows[n], unsure[n]) for n in anchors]


def _centred_cells(lines: list[_Line], anchors: list[int]) -> dict[tuple[int, int], int]:
    """The row of each line's piece in a table whose cells are centred on their row's number: in
    each column, a row's cell reaches as far below its number line as it starts above it (then on
    over lines going on in lower case), the next cell starts after it; a group line bounds both."""
    owners: dict[tuple[int, int], int] = {}
    rows = [a for a in anchors if lines[a].anchor == "row"]
    for col in {c for ln in lines for c in ln.cells}:
        filled = [n for n, ln in enumerate(lines) if not ln.anchor and ln.cells.get(col)]
        at = 0
        for k, row in enumerate(rows):
            bound = min((a for a in anchors if a > row), default=len(lines))
            start = min([row] * bool(lines[row].cells.get(col)) + filled[at : at + 1] or [row])
            end = 2 * row - start if start <= row else row
            while (
                at < len(filled)
                and filled[at] < bound
                and (filled[at] <= end or (filled[at] == end + 1 and _goes_on(lines[filled[at]].cells[col])))
            ):
                owners[(filled[at], col)] = row
                end = max(end, filled[at])
                at += 1
            groups = [a for a in anchors if a > row and lines[a].anchor == "group"]
            if k + 1 < len(rows) and groups and groups[0] < rows[k + 1]:
                while at < len(filled) and filled[at] < groups[0]:  # left above a group: the row's
                    owners[(filled[at], col)] = row
                    at += 1
        for n in filled[at:]:
            owners[(n, col)] = rows[-1] if rows and n > rows[-1] else owners.get((n, col), 0)
    return {key: row for key, row in owners.items() if row}


def _goes_on(pieces: list[str]) -> bool:
    return bool(pieces) and pieces[0][:1].islower()


def _owner(
    n: int,
    col: int,
    before: int | None,
    after: int | None,
    lines: list[_Line],
    centred: bool,
    above: dict[tuple[int, int], int],
    below: dict[tuple[int, int], int],
) -> int | None:
    if before is None or after is None:
        return after if before is None else before
    if lines[before].anchor == "group":
        return after if centred else before
    if lines[after].anchor == "group" or not centred:
        return before
    up, down = lines[n].at - lines[before].at, lines[after].at - lines[n].at  # blank lines count
    if up != down:
        return before if up < down else after
    return before if above.get((before, col), 0) > below.get((before, col), 0) else after
