"""Task tables copied from a PDF one cell per line with nothing between the cells: no '|', no tab,
no spaces lining up columns. Each cell's text is printed line after line as the page wrapped it
(a narrow column's cell over several lines: 'Quý IV hàng' / 'năm', 'Ban Xây' / 'dựng Đảng'), a
row's cells one after the other, an empty cell not at all:

    Stt / Nội dung / Thời gian / Cơ quan / chủ trì / I / Lĩnh vực kinh tế /
    Xây dựng Nghị quyết về cơ cấu lại / ngành nông nghiệp. / Quý I/2026 / Đảng uỷ / UBND xã / ...

Nothing in such text says where a cell ends; this module reads the table by evidence only:

- the header: a line naming the row-number column ('STT', 'TT') alone, the labels of the other
  columns on the lines under it (a label wrapped over lines: its lines after the first open with a
  small letter), and under a label the parts it spans when their words are in it ('BTV', 'BCH'
  under 'Thời gian trình BTV, BCH') or when they name columns of who does the work ('Chủ trì',
  'Phối hợp' under 'Cơ quan thực hiện');
- the row's shape the header gives: its work first, then the narrow columns of when and who, so a
  row is its work's lines, then lines that read as a time or a unit's name (with the lines that
  wrap them), up to the next row's work; a line of the work that only looks like a time or a name
  (a word of a justified line printed alone: 'số' / '11-KH/ĐU', 'của' / 'Ban') goes on with the
  work while the line before it ends on a word that needs its next ('số', 'ngày', 'của', 'về');
- a row number alone on its line opens a row; a Roman one opens a group, whose title is its next
  line (and the lines wrapping it).

The narrow cells of a row are given to the columns in the header's order (times, then who). A row
whose shape differs from the one most rows have (no time, or no unit, where most rows name both;
a unit before a time) may have been cut wrongly: its columns of who and when are flagged. The rows
it gives are the row model of ``tables`` (``tables.read`` reads them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..text import fold
from . import cellrows, tables

_NUMBER_HEAD = frozenset(("stt", "tt", "so tt", "s tt"))
_MAX_LABEL = 40
_HEADER_LINES = 16  # the most lines a header's labels take
# An abbreviation standing for a unit or a header's part ('MTTQVN', 'TT.', 'BTV', 'UBKT').
_ABBREVIATION = re.compile(r"^[A-ZĐ]{2,8}\.?$")
_ROMAN = re.compile(r"^[IVXLC]{1,6}[.)]?$")
# A line that only says how the work is done is the time's ('Thực hiện theo' / 'chỉ đạo của Tỉnh uỷ').
_TIME_MORE = re.compile(r"^thực hiện theo\b", re.IGNORECASE)
# A document's number: never a time, whatever its figures ('11-KH/ĐU', '38-CT/TW, ngày 30/7/2024').
_DOC_NUMBER = re.compile(r"\d+\s*-\s*[A-ZĐ]{2,}|\d+/[A-ZĐ]{2,}|\b\d+/\d{4}/[A-ZĐ]")
# The words a line cannot end a cell on: the next line holds what they introduce.
_OPEN_WORDS = (
    "số",
    "ngày",
    "của",
    "về",
    "và",
    "với",
    "các",
    "cho",
    "tại",
    "trong",
    "đến",
    "từ",
    "những",
    "được",
    "giai đoạn",
    "phối hợp",
    "chủ trì",
)
_OPEN_END = re.compile(rf"(?:{'|'.join(_OPEN_WORDS)}|[-–(])$", re.IGNORECASE)
_WHO = ("lead", "coordinating", "advising", "person")
_NARROW = 18  # the longest line of a narrow column (a time, a unit) taken as wrapping its cell


def opens_header(text: str) -> bool:
    """Whether a line is the row-number column's label alone ('STT', 'TT'): where such a table may start."""
    key = " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())
    return key in _NUMBER_HEAD


@dataclass
class Stacked:
    """The table read: its header as one row of labels, then its rows, each as wide as the header."""

    rows: list[tables.Row]
    lines: list[int]  # index (into the lines given) of the first line of each row
    unsure: list[dict[int, str]] = field(default_factory=list)  # per row, the columns a guess placed
    end: int = 0  # index after the table's last line
    guessed: int = 0  # rows whose shape differs from the table's


@dataclass
class _Row:
    line: int
    number: str = ""
    content: list[str] = field(default_factory=list)
    tail: list[tuple[str, list[str]]] = field(default_factory=list)  # (time | unit, lines) in order
    group: bool = False


def read(texts: list[str], at: int) -> Stacked | None:
    """The task table whose header opens at ``texts[at]`` (see ``opens_header``), or None when the
    lines under it are no such table's header (or its columns are not a work and who or when)."""
    return scan(texts, at)[0]


def scan(texts: list[str], at: int) -> tuple[Stacked | None, int]:
    """``read``, and the index of the line the reading reached: a header under ``texts[at]`` and
    before that line is a header printed again in what was read, not one to read anew (each line is
    read about once, whatever the text)."""
    found = _header(texts, at)
    if found is None:
        return None, at + 1
    columns, start = found
    roles = tables.header_roles(columns)
    if "content" not in roles or not ({"lead", "timeframe", "coordinating"} & set(roles)):
        return None, start
    if roles.index("content") > 1 or any(r in ("output", "target", "subject", None) for r in roles):
        return None, start  # another column of words: where its cells end cannot be told from the work's
    head = [t for t in (" ".join(x.split()) for x in texts[at:start]) if t]
    rows, end = _rows(texts, start, head)
    reached = end
    while rows and (rows[-1].group or not rows[-1].tail):
        end = rows.pop().line  # a paragraph under the table (or a heading): no row of it
    tasks = [r for r in rows if not r.group]
    if not tasks or sum(1 for r in tasks if r.tail) * 2 < len(tasks):
        return None, reached  # most rows name neither who nor when: not a table of this shape
    return _laid_out(columns, roles, at, rows, end), end


# ---------------------------------------------------------------- header


def _header(texts: list[str], at: int) -> tuple[list[str], int] | None:
    """The header's column labels and the index of the line after it."""
    labels: list[str] = [" ".join(texts[at].split())]
    parts: list[str] = []
    j = at + 1
    while j < len(texts) and j <= at + _HEADER_LINES:
        text = " ".join(texts[j].split())
        if not text:
            j += 1
            continue
        if len(text) > _MAX_LABEL or tables.ROW_NUMBER.match(text):
            break
        if text[:1].islower():
            (parts or labels)[-1] += " " + text  # a label wrapped
        elif _ABBREVIATION.match(text) and tables.role_of(text) is None and len(labels) > 1:
            parts.append(text)  # 'BTV', 'BCH' under 'Thời gian trình BTV, BCH'
        elif tables.role_of(text) is not None and not parts:
            labels.append(text)
        else:
            break
        j += 1
    if len(labels) < 3:
        return None
    return _spanned(labels, parts), j


def _spanned(labels: list[str], parts: list[str]) -> list[str]:
    """The columns of a header written over two rows: the parts under a label that spans them."""
    if not parts:
        # labels of who ('Chủ trì', 'Phối hợp') after a label of who ('Cơ quan thực hiện'): a second row
        roles = [tables.role_of(label) for label in labels]
        first = next((k for k in range(1, len(roles)) if roles[k] in _WHO and roles[k] in roles[:k]), None)
        if first is None:
            return labels
        labels, parts = labels[:first], labels[first:]
        at = next((k for k, r in enumerate(roles[:first]) if r in _WHO), None)
        return labels if at is None else [*labels[:at], *parts, *labels[at + 1 :]]
    for at, label in enumerate(labels):
        if all(fold(part).rstrip(".") in fold(label) for part in parts):
            return [*labels[:at], *(f"{label} {part}" for part in parts), *labels[at + 1 :]]
    return labels


# ---------------------------------------------------------------- rows


def _kind(text: str) -> str:
    """'number', 'time', 'unit', 'wrap' (a line opening with a small letter or a mark) or 'text'."""
    if tables.ROW_NUMBER.match(text) and len(text) <= 8:
        return "number"
    if not text[:1].isupper() and not text[:1].isdigit():
        return "wrap"
    if _DOC_NUMBER.search(text):
        return "text"
    if cellrows.unit_like(text) or _ABBREVIATION.match(text):
        return "unit"
    if (len(text) <= 60 and cellrows.kind(text) == "time") or (len(text) <= 25 and _TIME_MORE.match(text)):
        return "time"
    return "wrap" if text[:1].isdigit() else "text"


def _rows(texts: list[str], start: int, head: list[str]) -> tuple[list[_Row], int]:
    """The rows from ``texts[start]`` and the index after the table's last line; ``head``: the
    header's lines, which a page may print again."""
    rows: list[_Row] = []
    row: _Row | None = None
    longest = 0
    j = start
    while j < len(texts):
        text = " ".join(texts[j].split())
        if not text:
            j += 1
            continue
        if text == head[0] and (again := _again(texts, j, head)):
            j = again  # the header printed again at the top of a page
            continue
        if longest and len(text) > 2 * longest + 20:
            break  # a paragraph under the table
        kind = _kind(text)
        if kind == "number":
            row = _Row(j, number=text.rstrip(".)"), group=bool(_ROMAN.match(text)))
            rows.append(row)
        elif row is None or (kind == "text" and row.tail and not _goes_on(row.tail[-1][1][-1])):
            row = _Row(j, content=[text])
            rows.append(row)
        elif row.group and row.content and kind != "wrap":
            row = _Row(j, content=[text])  # the group's title is one line and its wraps
            rows.append(row)
        elif not row.tail:
            if kind in ("time", "unit") and row.content and not row.group and not _goes_on(row.content[-1]):
                row.tail.append((kind, [text]))
            else:
                row.content.append(text)
        elif kind == "wrap" or _goes_on(row.tail[-1][1][-1]):
            if len(text) > _NARROW and kind == "wrap":
                row.content.append(text)  # the end of the work printed after the narrow cells
            else:
                row.tail[-1][1].append(text)
        else:
            row.tail.append((kind if kind != "text" else "unit", [text]))
        if kind == "text" or (row is not None and not row.tail):
            longest = max(longest, len(text))
        j += 1
    return rows, j


def _again(texts: list[str], at: int, head: list[str]) -> int:
    """The index after the header's lines when they are printed again from ``texts[at]``, else 0."""
    k = 0
    j = at
    while j < len(texts) and k < len(head):
        text = " ".join(texts[j].split())
        if text and text != head[k]:
            return 0
        k += bool(text)
        j += 1
    return j if k == len(head) else 0


def _goes_on(text: str) -> bool:
    """Whether a line ends on a word that needs the next line ('... Kế hoạch số', '... của')."""
    return bool(_OPEN_END.search(text.rstrip()))


# ---------------------------------------------------------------- columns


def _laid_out(columns: list[str], roles: list[str | None], at: int, rows: list[_Row], end: int) -> Stacked:
    width = len(columns)
    number = roles.index("number") if "number" in roles else None
    content = roles.index("content")
    times = [k for k, r in enumerate(roles) if r == "timeframe"]
    who = [k for k, r in enumerate(roles) if r in _WHO]
    shapes = Counter(_shape(r) for r in rows if not r.group)
    usual = shapes.most_common(1)[0][0]
    out = Stacked([[[label] for label in columns]], [at], [{}], end)
    for row in rows:
        cells: list[list[str]] = [[] for _ in range(width)]
        if number is not None and row.number:
            cells[number] = [row.number]
        cells[content] = [tables.join_wrapped(row.content)] if row.content else []
        placed: dict[int, str] = {}
        if not row.group:
            timed = [tables.join_wrapped(lines) for kind, lines in row.tail if kind == "time"]
            named = [tables.join_wrapped(lines) for kind, lines in row.tail if kind == "unit"]
            for k, value in zip(times, _spread(timed, len(times)), strict=False):
                cells[k] = [value] if value else []
            for k, value in zip(who, _spread(named, len(who)), strict=False):
                cells[k] = [value] if value else []
            why = _doubt(row, usual, timed, named, times, who)
            if why:
                placed = {k: tables.PLACED + why for k in [*times, *who]}
                out.guessed += 1
        out.rows.append(cells)
        out.lines.append(row.line)
        out.unsure.append(placed)
    return out


def _shape(row: _Row) -> tuple[bool, bool]:
    kinds = {kind for kind, _ in row.tail}
    return "time" in kinds, "unit" in kinds


def _spread(values: list[str], slots: int) -> list[str]:
    """Cells for ``slots`` columns of one kind from the values read in order: one value each, the
    last column taking the rest (a unit's name wrapped over lines that each read as a name)."""
    if slots <= 0 or not values:
        return []
    if len(values) <= slots:
        return values
    if slots == 1:
        return [" ".join(values)]
    return [*values[: slots - 1], "; ".join(values[slots - 1 :])]


def _doubt(
    row: _Row, usual: tuple[bool, bool], timed: list[str], named: list[str], times: list[int], who: list[int]
) -> str:
    """Why a row's narrow cells may be cut or placed wrongly ('' when they read as the table's rows do)."""
    kinds = [kind for kind, _ in row.tail]
    # the header's order: times before units ('Thời gian | Chủ trì') or units before times
    early, late = ("time", "unit") if times and who and times[0] < who[0] else ("unit", "time")
    if times and who and late in kinds and early in kinds[kinds.index(late) :]:
        return (
            "bảng chép từ PDF mỗi ô một dòng: các ô thời gian và đơn vị không theo thứ tự cột của đầu bảng, "
            "cột của các ô được đoán"
        )
    if _shape(row) != usual:
        return (
            "bảng chép từ PDF mỗi ô một dòng, không có dấu phân cột: hàng thiếu ô thời gian hoặc ô đơn vị mà "
            "phần lớn các hàng có (ô để trống, hoặc chỗ ngắt ô được đoán sai)"
        )
    if len(named) > 1 and len(who) > 1:
        return "bảng chép từ PDF mỗi ô một dòng: tên đơn vị vắt qua nhiều dòng, ô chủ trì và phối hợp được tách đoán"
    if len(timed) > max(len(times), 1):
        return "bảng chép từ PDF mỗi ô một dòng: nhiều ô thời gian hơn số cột thời gian"
    return ""
