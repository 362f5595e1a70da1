"""The one reader of task tables, for every source: Word tables, rows written with '|' or tabs,
and columns aligned with spaces (text laid out from a PDF).

Each source first becomes the same row model (a list of rows, each a list of cells, each cell a
list of the paragraphs written in it); this module then

- finds the header row by its labels, whatever their wording and order ("STT", "Nội dung" or
  "Tên nhiệm vụ", "Cơ quan chủ trì", "Phối hợp", "Thời gian"/"Thời hạn"...), a header split over
  two rows included, and skips the row that only numbers the columns ("(1) | (2) | ...");
- merges a row wrapped over several rows (no number of its own, under a numbered row);
- reads a row that fills only its content cell as a group heading ("II.1 Hoàn thiện thể chế");
- gives every other row as a work item followed by its label lines ("+ Chủ trì: ..."), the lines
  the structure stage already reads, marked as table lines so that nothing outside the row joins
  or governs them.

A table whose header names no content column, or neither who nor when, is not a task table:
its rows are left as they are (the header and signature blocks are two-column tables). A table of
figures (``figures``: counts, budgets, indicators, told by its cells whatever its header says) gives
no task either: each reader marks its lines (lines.figure_lines), which a plan's body leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import fold
from . import verbs
from .forms import PERSON_TITLE

# Column roles, tried in this order on the folded header cell: the first whose word the cell
# contains wins ("Đơn vị phối hợp thực hiện" coordinates; "Sở, ngành chủ trì tham mưu" leads;
# "Thời hạn thực hiện" is a time).
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("note", ("ghi chu",)),
    # who is inspected; who raised what the row asks to be dealt with ('Tỉnh kiến nghị', 'Địa phương đề xuất')
    (
        "subject",
        (
            *("duoc kiem tra", "duoc giam sat", "duoc khao sat", "duoc thanh tra"),
            *("tinh kien nghi", "tinh de xuat", "dia phuong kien nghi", "dia phuong de xuat", "don vi kien nghi"),
        ),
    ),
    ("person", ("ca nhan", "nguoi phu trach", "lanh dao phu trach", "nguoi chi dao")),
    # (not 'Năm 2026' or 'Giai đoạn 2026 - 2030' alone: a target's figures by year)
    (
        "timeframe",
        (
            *("thoi gian", "thoi han", "tien do", "moc hoan thanh", "lo trinh", "thoi diem", "han hoan thanh"),
            *("nam thuc hien", "nam hoan thanh", "giai doan thuc hien"),
        ),
    ),
    ("lead", ("chu tri phoi hop", "chu tri va phoi hop")),  # one column naming the lead, then who coordinates
    ("coordinating", ("phoi hop",)),
    ("lead", ("chu tri",)),
    ("advising", ("tham muu",)),
    ("lead", ("thuc hien", "phu trach", "dau moi", "co quan", "don vi")),
    ("output", ("san pham", "ket qua", "hinh thuc")),
    ("target", ("muc tieu", "chi tieu")),
    (
        "content",
        (
            *("noi dung", "nhiem vu", "cong viec", "ten ", "hoat dong", "de an", "danh muc", "giai phap", "doi tuong"),
            *("kien nghi", "de xuat"),  # what a body asks, which the row gives someone to deal with
        ),
    ),
)
# A header names its column by its first noun; the words after it qualify it ("Nhiệm vụ thực hiện"
# is the work, "Người thực hiện" who does it, "Kết quả thực hiện" what comes out). A header opening
# with one of these nouns takes its role from it before the words inside are weighed.
_HEAD_NOUNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("content", ("noi dung", "nhiem vu", "cong viec", "ten ", "hoat dong", "danh muc", "giai phap", "de an")),
    ("person", ("nguoi ", "ca nhan", "can bo", "chuyen vien", "lanh dao phu trach", "ho va ten", "ho ten")),
    ("timeframe", ("thoi gian", "thoi han", "tien do", "moc ", "lo trinh", "thoi diem", "han ")),
    ("output", ("san pham", "ket qua")),
    # a budget ('Kinh phí thực hiện', 'Nguồn vốn'): no one's work, whatever words follow
    ("note", ("kinh phi", "nguon kinh phi", "nguon von", "du toan", "nguon luc")),
)
# Labels of a table of sampling or monitoring points ('Thông số quan trắc', 'Tần suất', 'Số lượng
# mẫu', 'Tọa độ lấy mẫu'): two of them and its rows are points, not tasks, whatever its other columns.
_SAMPLING = re.compile(r"\b(?:thong so|tan suat|so luong mau|so mau|toa do|vi tri lay mau|diem quan trac|mau/lan)\b")
_NUMBER_HEADS = ("stt", "tt", "so tt", "so thu tu", "thu tu", "so")
LABELS = {
    "lead": "Chủ trì",
    "coordinating": "Phối hợp",
    "advising": "Chịu trách nhiệm tham mưu",
    "timeframe": "Thời gian thực hiện",
    "output": "Sản phẩm",
    "person": "Người thực hiện",
}
_UNIT_ROLES = ("lead", "coordinating", "advising")
_WHO_ROLES = (*_UNIT_ROLES, "person")
_COLUMN_NUMBERS = re.compile(r"^\(?\s*(?:\d{1,2}|[A-Za-z])\s*\)?(?:\s*=\s*.*)?$")
ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6}(?:\.\d{1,3}){0,3}|[A-Za-zĐđ])[.)]?$")

# The mark of a doubt on a cell whose column was chosen among others that fit it as well (a row
# written with fewer cells than the header has columns, cellrows.py): its words are whole, only
# the column it gives them to is a guess. Other doubts are on cells cut from their neighbours by a
# guess (aligned.py), whose words may be another cell's.
PLACED = "cột của ô được đoán: "


_FIELDS = re.compile(r"^«(?P<fields>[a-z,]*)»")


def placed(doubt: str | None) -> str | None:
    """Why a cell's column is a guess, when that is its doubt (see ``PLACED``)."""
    if not doubt or not doubt.startswith(PLACED):
        return None
    return _FIELDS.sub("", doubt[len(PLACED) :])


def placed_fields(doubt: str | None) -> list[str]:
    """The fields of a row a guess on its content cell covers too: those whose cell the guess left
    empty (no line of their own carries the doubt)."""
    found = _FIELDS.match(doubt[len(PLACED) :]) if doubt and doubt.startswith(PLACED) else None
    return [f for f in found["fields"].split(",") if f] if found else []


Cell = list[str]  # the paragraphs written in one cell
Row = list[Cell]


@dataclass
class TableLine:
    """One line a task table gives the structure stage."""

    text: str
    kind: str  # group, row, label, text
    number: str | None = None  # the row's or group's number as written ("II.1", "3")
    depth: int = 0  # group headings: 1 for "I", 2 for "II.1"
    row: int = 0  # index of the (first) row it comes from, for line numbers
    # why the cell this line gives was cut from its neighbours by a guess (a table laid out with
    # spaces): its value may hold words of the next cell, so it must be flagged and name no new unit
    doubt: str | None = None


@dataclass
class Table:
    roles: list[str | None]
    header_rows: int
    lines: list[TableLine] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # rows that could not be read, for a message


# A column's label is a few words ('Cơ quan, đơn vị chủ trì thực hiện', 'Sản phẩm, kết quả đầu ra dự kiến
# (Nghị quyết, Quyết định, ...)'); a cell longer than this is text that happens to hold such words (a
# row that swallowed paragraphs of the body), never a header.
MAX_LABEL_CHARS = 200


def role_of(cell: str) -> str | None:
    if len(cell) > MAX_LABEL_CHARS:
        return None
    key = " ".join(re.sub(r"[^\w\s]", " ", fold(cell)).split())
    if not key:
        return None
    if key in _NUMBER_HEADS:
        return "number"
    padded = f" {key} "

    def says(words: tuple[str, ...]) -> bool:
        return any(f" {w.strip()} " in padded or (w.endswith(" ") and padded.startswith(f" {w}")) for w in words)

    for role, words in _ROLE_WORDS[:2]:  # a note; who is inspected ('Tên đơn vị được kiểm tra')
        if says(words):
            return role
    for role, heads in _HEAD_NOUNS:
        if key.startswith(heads) or f"{key} " in heads:
            return role
    return next((role for role, words in _ROLE_WORDS[2:] if says(words)), None)


# Who has another part in the work than doing it: who submits it ('Cơ quan trình'), examines or
# appraises it ('Cơ quan thẩm tra', 'Cơ quan thẩm định', 'chuẩn bị ý kiến'), approves or issues it ('Cấp
# phê duyệt', 'Cơ quan ban hành'), as a table of documents to draft lists them beside who drafts them.
_OTHER_PART = re.compile(
    r"\b(?:(?<!chuong )(?<!quy )(?<!cong )trinh|tham tra|tham dinh|cho y kien|chuan bi y kien|gop y"
    r"|phe duyet|ban hanh)\b"
)


def header_roles(labels: list[str]) -> list[str | None]:
    """The role of each column of a header (``role_of``); of several columns naming who does the work,
    those naming another part in it (submitting, examining, approving) have none when one does not."""
    roles = [role_of(label) for label in labels]
    leads = [k for k, role in enumerate(roles) if role == "lead"]
    other = [k for k in leads if _OTHER_PART.search(" ".join(fold(labels[k]).split()))]
    if other and len(other) < len(leads):
        for k in other:
            roles[k] = None
    return roles


def column_roles(rows: list[Row]) -> tuple[list[str | None], int] | None:
    """The roles of the columns and how many rows the header takes, or None for another table.

    The header is one of the first rows; a second header row ("Chủ trì | Phối hợp" under a merged
    "Cơ quan thực hiện") fills in the columns the first leaves open."""
    for at, row in enumerate(rows[:4]):
        roles = header_roles([" ".join(cell) for cell in row])
        if "content" not in roles or not ({"lead", "timeframe", "coordinating", "person"} & set(roles)):
            continue
        if sum(1 for cell in row if _SAMPLING.search(fold(" ".join(cell)))) >= 2:
            return None  # where and what is sampled, how often: a monitoring programme's points, not tasks
        used = at + 1
        if used < len(rows):
            below = [role_of(" ".join(cell)) for cell in rows[used]]
            if len(below) == len(roles) and any(below) and not any(_filled(c) and _is_number(c) for c in rows[used]):
                refined = [b or r for r, b in zip(roles, below, strict=True)]
                if refined != roles and not any(
                    role is None and _filled(c) for role, c in zip(below, rows[used], strict=True)
                ):
                    roles, used = refined, used + 1
        return roles, used
    return None


def _filled(cell: Cell) -> bool:
    return any(p.strip() for p in cell)


def _is_number(cell: Cell) -> bool:
    return bool(ROW_NUMBER.match(" ".join(cell).strip()))


def _text(cell: Cell, role: str | None) -> str:
    parts = [" ".join(p.split()) for p in cell if p.strip()]
    if role in _WHO_ROLES and len(parts) > 1 and not any(p.endswith((",", ";")) or p[:1].islower() for p in parts[1:]):
        return "; ".join(p.rstrip(" ;,") for p in parts)  # one unit (or person) per paragraph of the cell
    return join_wrapped(parts)


_BROKEN_WORD = re.compile(r"\w-$")


def join_wrapped(parts: list[str]) -> str:
    """Lines wrapped from one paragraph or cell, joined as the paragraph reader joins them: by a
    space, save after a word broken at a hyphen ('Kết luận số 75-' / 'KL/TW' is '75-KL/TW')."""
    out = ""
    for part in parts:
        part = " ".join(part.split())
        if not part:
            continue
        glue = "" if not out or (_BROKEN_WORD.search(out) and part[:1].isalnum()) else " "
        out += glue + part
    return out


def read(rows: list[Row], unsure: list[dict[int, str]] | None = None, merges_lost: bool = False) -> Table | None:
    """A task table as the lines of its rows, or None when the rows are not a task table.
    ``unsure``: for each row, the cells (by column) whose cut was guessed, with why; the lines
    they give carry it as their ``doubt``. ``merges_lost``: the rows come from text that writes a
    cell merged over several rows once and leaves the cells under it empty ('|'-joined rows): an
    empty lead or time under a row that has one is taken from it, flagged (see ``_carry_down``)."""
    found = column_roles(rows)
    if found is None:
        return None
    roles, used = found
    table = Table(roles, used)
    merged: list[tuple[int, dict[str, list[str]], dict[str, str]]] = []
    headers = {_folded(row) for row in rows[:used]}
    unread = 0  # rows with words in none of the columns the header names
    for at, row in enumerate(rows[used:], start=used):
        if _folded(row) in headers or _labels_only(row):
            continue  # the header printed again at the top of the next page, or over a part of the table
        cells: dict[str, list[str]] = {r: [] for r in roles if r}
        doubts: dict[str, str] = {}
        for col, role in enumerate(roles):
            cell = row[col] if col < len(row) else []
            if role and _filled(cell) and (value := _text(cell, role)) not in cells[role]:
                cells[role].append(value)  # two columns of one role ('BTV' | 'BCH' times) saying the same: once
            if role and unsure and at < len(unsure) and col in unsure[at]:
                doubts.setdefault(role, unsure[at][col])
        if not any(cells.values()):
            unread += any(_filled(cell) for cell in row)
            continue
        if _numbers_columns(row):
            continue
        number = " ".join(cells.get("number", [])).strip()
        if "number" in roles and not number and merged and _continues(merged[-1][1], cells):
            for role, values in cells.items():
                merged[-1][1].setdefault(role, []).extend(values)
            merged[-1][2].update({r: why for r, why in doubts.items() if r not in merged[-1][2]})
            continue
        merged.append((at, cells, doubts))
    if unread > len(merged):
        return None  # most rows write outside the header's columns: not this header's table; read row by row
    if merges_lost:
        _carry_down(merged)
    for at, cells, doubts in merged:
        for line in _row_lines(cells, roles, doubts):
            line.row = at
            table.lines.append(line)
    return table


_CARRIED = ("lead", "timeframe")  # the cells a table merges over a run of rows most (one lead, one time)


def _carry_down(merged: list[tuple[int, dict[str, list[str]], dict[str, str]]]) -> None:
    """Rows of text that lost a table's merged cells: a task row with no lead (or no time) under a
    task row of the same group that has one takes it, flagged: the cell may be merged with the one
    above (what a Word table's text writes: the merged cell in its first row only) or left empty."""
    above: dict[str, list[str]] | None = None
    for _, cells, doubts in merged:
        if not any(v for r, v in cells.items() if r not in ("content", "number", "note")):
            above = None  # a group heading: a merged cell does not run across it
            continue
        for role in _CARRIED:
            if role in cells and not cells[role] and above and above.get(role):
                cells[role] = list(above[role])
                doubts.setdefault(
                    role,
                    f"{PLACED}ô '{LABELS[role]}' của hàng để trống, lấy theo hàng trên (bảng chép dạng chữ không "
                    "giữ ô gộp: ô có thể gộp với hàng trên, hoặc để trống)",
                )
        above = cells


def _labels_only(row: Row) -> bool:
    """A row of a task table's labels only ('STT | Nội dung | Đơn vị thực hiện | ...'), in other words
    than the header's: a part of the table headed anew."""
    filled = [" ".join(cell) for cell in row if _filled(cell)]
    roles = [role_of(text) for text in filled]
    return len(filled) >= 3 and "content" in roles and None not in roles and all(len(t) <= 40 for t in filled)


def _folded(row: Row) -> tuple[str, ...]:
    return tuple(" ".join(fold(" ".join(cell)).split()) for cell in row)


def _numbers_columns(row: Row) -> bool:
    """'(1) | (2) | (3)': the row that numbers the columns."""
    filled = [" ".join(c).strip() for c in row if _filled(c)]
    return len(filled) >= 2 and all(_COLUMN_NUMBERS.match(t) for t in filled) and any("(" in t for t in filled)


def _continues(above: dict[str, list[str]], cells: dict[str, list[str]]) -> bool:
    """A row without a number under a numbered row that is not a group heading continues it."""
    if not above.get("number"):
        return False
    work = " ".join(cells.get("content", []))
    if cells.get("timeframe") and above.get("timeframe") and work[:1].isupper():
        return False  # its own work and its own time: a task whose number was left out
    above_filled = [r for r, v in above.items() if v and r not in ("content", "number")]
    return bool(above_filled) or not [r for r, v in cells.items() if v and r not in ("content", "number")]


def _row_lines(cells: dict[str, list[str]], roles: list[str | None], doubts: dict[str, str]) -> list[TableLine]:
    values = {role: " ".join(v).strip() for role, v in cells.items()}
    content = values.get("content", "")
    number = values.get("number") or None
    if number:
        number = number.rstrip(".)")
    if not content:
        return []
    others = [r for r, v in values.items() if v and r not in ("content", "number", "note")]
    if not others:
        depth = _depth(number)
        return [TableLine(content, "group", number, depth)]
    kind = "text" if "target" in roles else "row"
    who = _who(values)
    # a column whose value is a guess and that the row leaves empty: the content line carries its doubt
    unsaid = [r for r, why in doubts.items() if r in LABELS and r not in who and placed(why)]
    doubt = doubts.get("content")
    if unsaid:
        why = doubts.get("content") or doubts[unsaid[0]]
        fields = ",".join(unsaid + (["text"] if "content" in doubts else []))
        doubt = f"{PLACED}«{fields}»{placed(why) or why}"
    out = [TableLine(content, kind, number, doubt=doubt)]
    if kind == "row":
        for role, value in who.items():
            out.append(TableLine(f"+ {LABELS[role]}: {value}", "label", doubt=doubts.get(role)))
    return out


# A lead's cell naming who works with it in brackets: 'Ban Công tác đại biểu (Văn phòng Quốc hội phối hợp)',
# 'Ủy ban Đối ngoại (Văn phòng Quốc hội phối hợp chuẩn bị)'.
_WITH_LEAD = re.compile(r"^(?P<lead>[^()]*?[^\s(])\s*\((?P<with>[^()]+?)\s+(?:cùng\s+)?phối hợp\b[^()]*\)\s*[.;]?$")
# ... or after the words of the lead's part: 'Đảng uỷ UBND xã chủ trì, phối hợp Quân sự xã'.
# The unit after 'phối hợp' opens with a capital or is a group ('các ...'): not 'phối hợp thực hiện'.
_LEAD_THEN_WITH = re.compile(
    r"^(?P<lead>\S.*?)\s+(?:chủ trì\s*[,;]?\s*)?phối hợp(?:\s+với)?\s+(?P<with>(?:các\s+)?\S.*?)\s*[.;]?$"
)


def _lead_with(cell: str) -> re.Match[str] | None:
    if (found := _WITH_LEAD.match(cell)) is not None:
        return found
    found = _LEAD_THEN_WITH.match(cell)
    return found if found is not None and (found["with"][:1].isupper() or found["with"].startswith("các ")) else None


def _who(values: dict[str, str]) -> dict[str, str]:
    """The row's cells by the label they are given. A cell that names people by their names (a
    column 'Người thực hiện', or names written in a unit's column) is not a unit: it is given as
    'Người thực hiện'. A post in a column of people ('Phó Giám đốc Sở') stands for the leadership
    of a unit: it leads when the row names no lead. Who a lead's cell says works with it, in
    brackets or after 'phối hợp' ('Đảng uỷ UBND xã chủ trì, phối hợp Công an xã'), coordinates."""
    out = {r: values[r] for r in ("lead", "coordinating", "advising", "timeframe", "output") if values.get(r)}
    if (found := _lead_with(out.get("lead", ""))) is not None:
        out["lead"] = found["lead"]
        out["coordinating"] = "; ".join(filter(None, [found["with"], out.get("coordinating")]))
    people = [values["person"]] if values.get("person") else []
    for role in _UNIT_ROLES:
        named = personal_names(out.get(role, ""), least=3)
        if named:
            people.append("; ".join(named))
            del out[role]
    for value in people:
        named = personal_names(value)
        if named is None and "lead" not in out and _posts(value):
            out["lead"] = value
        else:
            out["person"] = "; ".join(filter(None, [out.get("person"), "; ".join(named or [value])]))
    return {r: out[r] for r in LABELS if r in out}


# ---------------------------------------------------------------- tables of figures

# A cell that is a figure: a count, an amount, a share ('1.885', '94,29', '100%', '(12)', '+3,5').
_FIGURE = re.compile(r"^[+-]?\(?\d[\d.,]*\)?\s*%?$")
_NO_FIGURE = re.compile(r"^[-–—x×/.]+$")  # a figure left out ('-', 'x'): says nothing either way
_WORK = re.compile(rf"^{verbs.alternation(list(verbs.WORK))}\b", re.IGNORECASE)
_SHARE = 0.6  # the share of a column's cells that are figures for it to be a column of figures
_SENTENCE = 12  # words: a cell this long says something, as work does
# A column of points a criterion is worth ('Điểm', 'Điểm chuẩn', 'Thang điểm', 'Điểm tối đa', 'Số điểm'); not
# a place or a time ('Địa điểm', 'Thời điểm'), nor how points are given ('Hướng dẫn chấm điểm').
_POINTS = re.compile(r"^(?:thang |so |muc |tong )?diem\b")
# What a table that gives no task is, as the message naming it says ('{labels}': its first labels).
FIGURES = "bảng số liệu ('{labels}') không phải bảng nhiệm vụ (các cột phần lớn là số, không cột nào nêu việc làm)"
SCORES = "bảng tiêu chí chấm điểm ('{labels}') không phải bảng nhiệm vụ (mỗi hàng là một tiêu chí và số điểm của nó)"


def figures(rows: list[Row]) -> str | None:
    """What a table of figures is (``FIGURES`` or ``SCORES``, for its message), or None for a table that
    may give work. Its rows are no tasks whatever its other labels say: under its header (the rows
    before the first holding a figure past its first cell), most of its columns but the rows' numbers
    hold figures in most of their cells and no column holds work (cells opening with a verb of work,
    or sentences) - statistics, counts, budgets, indicators by year; or a column its header names as
    points holds figures - criteria and the points each is worth, whatever the criteria say."""
    texts = [[" ".join(" ".join(cell).split()) for cell in row] for row in rows]
    start = next((k for k, row in enumerate(texts) if any(_FIGURE.match(t) for t in row[1:])), None)
    if start is None or len(texts) - start < 2:
        return None
    body = texts[start:]
    width = max(len(row) for row in body)
    heads = [" ".join(t for row in texts[:start] for t in row[c : c + 1]) for c in range(width)]
    numeric = worded = 0
    work = False
    for col in range(width):
        values = [row[col] for row in body if col < len(row) and row[col] and not _NO_FIGURE.match(row[col])]
        if not values:
            continue
        if role_of(heads[col]) == "number" or (
            col == 0 and sum(1 for v in values if ROW_NUMBER.match(v)) >= _SHARE * len(values)
        ):
            continue  # the rows' numbers
        if sum(1 for v in values if _FIGURE.match(v)) >= _SHARE * len(values):
            if _POINTS.match(" ".join(fold(heads[col]).split())):
                return SCORES
            numeric += 1
            continue
        worded += 1
        said = sum(
            1 for v in values if _WORK.match(v) or (len(v.split()) >= _SENTENCE and not _FIGURE.match(v.split()[0]))
        )
        # a column of work: a task table with figures beside its tasks (a budget)
        work = work or (said * 2 >= len(values) and len(values) * 3 >= len(body))
    return FIGURES if not work and numeric >= 2 and numeric >= worded else None


def labels(rows: list[Row]) -> str:
    """A table's first labels, to name it in a message ('STT | Địa phương | Số hộ | ...'): its first
    row's filled cells, a cell merged across columns (given to each) once."""
    said: list[str] = []
    for cell in rows[0] if rows else []:
        text = " ".join(" ".join(cell).split())
        if text and (not said or said[-1] != text):
            said.append(text)
    text = " | ".join(said)
    return text if len(text) <= 60 else text[:57].rstrip() + "..."


# ---------------------------------------------------------------- people named in a cell

# Family names: a person's name opens with one ('Đỗ Mạnh Cường'). Two to five words, each written
# with a capital (a slip of the pen aside: 'Nguyễn Thị thúy Nhung'), and no word a unit's name uses.
_FAMILY_WORDS = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương "
    "Lâm Lương Mai Lưu Tô Tạ Hà Đinh Cao Chu Châu Quách Thái Kiều Triệu Mạc Đàm Lại Hứa Nông Lò Giàng "
    "Sùng Vàng Thào Lù Hầu Cầm Quàng Khổng Phùng Tăng Từ Diệp Âu La Ninh Doãn Nghiêm Kim Thân Tống Bạch"
)
_FAMILY_NAMES = frozenset(_FAMILY_WORDS.split())


def personal_names(text: str, least: int = 2) -> list[str] | None:
    """The persons' names a cell holds ('Đỗ Mạnh Cường Vũ Việt Linh' when the cell's paragraphs were
    joined by a space, 'Đỗ Mạnh Cường; Vũ Việt Linh'), or None when it holds anything else. ``least``:
    the fewest words of a name (three where a place's name could be meant: 'Hà Nội')."""
    out: list[list[str]] = []
    for part in (p.strip(" .,") for p in re.split(r"[;\n]|,\s*(?=\S)", text)):
        if not part:
            continue
        words = part.split()
        if words[0] not in _FAMILY_NAMES:
            return None
        start = len(out)
        for word in words:
            if not word.isalpha() or (word[:1].islower() and (len(out) == start or len(out[-1]) < 2)):
                return None
            # a family name opens the next person once this one has a given name
            if word in _FAMILY_NAMES and (len(out) == start or len(out[-1]) >= 3):
                out.append([word])
            else:
                out[-1].append(word)
    if not out or any(not least <= len(name) <= 5 or name[-1][:1].islower() for name in out):
        return None
    return [" ".join(name) for name in out]


def _posts(value: str) -> bool:
    """Whether every part of the cell is a person's post ('Phó Giám đốc Sở phụ trách')."""

    parts = [p.strip(" .") for p in re.split(r"[;\n]", value) if p.strip(" .")]
    return bool(parts) and all(PERSON_TITLE.match(p) for p in parts)


def _depth(number: str | None) -> int:
    if not number:
        return 1
    return number.count(".") + 1


# ---------------------------------------------------------------- one cell per line

BAR = "|"


def markdown_row(text: str) -> bool:
    """Whether a line is a row of a Markdown table: it opens at the margin with '|' and has another
    (pipes.py reads such tables; a row of cells joined with ' | ' opens with a cell or a space)."""
    return text.startswith(BAR) and text.count(BAR) >= 2


GROUP_CELL = re.compile(r"^(?P<num>[IVXLC]{1,6}(?:\.\d{1,3}){0,3}|\d{1,3}(?:\.\d{1,3}){0,3})[.)]?\s+(?P<rest>\S.*)$")


def bar_rows(texts: list[str]) -> list[Row]:
    """The rows of a table written one cell per line, the cells parted by lines holding only '|'
    (a row is '|', cell, '|', cell, ..., '|', so two '|' lines meet between rows). Two '|' lines
    inside a row are an empty cell: a row ends there only when it has as many cells as the header
    or the next cell is a row's number."""
    segments: list[list[str]] = [[]]
    cell: list[str] = []
    for text in (t.strip() for t in texts):
        if text != BAR:
            cell.append(text)
        elif cell:
            segments[-1].append(join_wrapped(cell))
            cell = []
        elif segments[-1]:
            segments.append([])
    if cell:
        segments[-1].append(join_wrapped(cell))
    segments = [s for s in segments if s]
    if not segments:
        return []
    width = len(segments[0])
    rows: list[list[str]] = [segments[0]]
    for segment in segments[1:]:
        row = rows[-1]
        if len(row) >= width or ROW_NUMBER.match(segment[0]) or len(row) + 1 + len(segment) > width:
            rows.append(list(segment))
        else:
            row.extend(["", *segment])
    numbered = role_of(segments[0][0]) == "number"
    out = [rows[0]]
    for row in rows[1:]:
        row = _group_cells(row, width)
        if numbered and len(row) < width and not ROW_NUMBER.match(row[0]):
            row = ["", *row]  # its number was alone on a line, taken for a page number; empty cells trail
        out.append(row)
    return [[[c] for c in row] for row in out]


def _group_cells(row: list[str], width: int) -> list[str]:
    """'I. NÂNG CAO NHẬN THỨC' alone in a row that spans the table: its number, then its content."""
    group = GROUP_CELL.match(row[0]) if len(row) == 1 and width > 2 else None
    return [group["num"], group["rest"]] if group else row
