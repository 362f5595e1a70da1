"""Stage 3 of an import: the body of a plan as sections and work items.

Conventions of party plans that this stage follows:

- Sections are numbered I., II. (top), 1., 2. or 1-, 2- (second level), 1.1., 1.1-
  (third); a numbered line with content under it (bullets, deeper numbers, a
  paragraph) is a heading, one without is itself a work item. Items are the
  leaves: numbered points, "-", "+", "*" bullets and plain paragraphs.
- "Chủ trì / Phối hợp / Thời gian thực hiện" lines (a block) govern the items
  written before them since the previous block, within the same section. A block
  without a lead that sits between two items of one group belongs to the item
  above it only. An item that names its own lead ("Sở Nội vụ: ...", "Lãnh đạo
  Ban, Chi bộ phối hợp tổ chức ...", "Giao Phòng X ...") is not governed.
- Section I (Mục đích, yêu cầu) holds aims and requirements, not tasks. In
  "Tổ chức thực hiện" only points that assign work to a named unit, or that open
  with a time ("Năm 2021, ..."), are tasks; the rest are general requirements.
- The plan ends with "Trên đây là ..." (closing), "Nơi nhận:" and the signer.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..model.timeframe import TimeFrameError, parse_timeframe
from ..text import fold
from . import aligned, tables, verbs
from .header import reading_case
from .source import (
    APPENDIX,
    BULLET,
    HEADING_ROMAN,
    LETTERED,
    LOWER,
    NUMBERED,
    UPPER,
    Document,
    Line,
    Paragraph,
    label_of,
    opens_appendix,
    paragraphs,
    starts_block,
    table_lines,
)
from .units import PERSON_TITLE, Match, Registry

# ---------------------------------------------------------------- data


@dataclass
class LabelLine:
    role: str  # lead, coordinating, advising, executing, timeframe, method, output, lead-or-executing
    value: str
    line: int
    doubt: str | None = None  # a table's cell cut from its neighbours by a guess (Paragraph.doubt): flagged
    above: bool = False  # it says it holds for the points above ('Các nội dung trên hoàn thành ...')


@dataclass
class Item:
    """One paragraph of a section that is not a heading: a work item, an aim, or general text."""

    text: str
    line: int
    path: tuple[str, ...]  # section numbers from the top: ("II", "1", "1.2")
    number: str | None = None  # "2.3" for a numbered point
    marker: str | None = None  # the bullet it was written with
    markers: tuple[str, ...] = ()  # footnotes referenced
    role: str = "task"  # task, aim, requirement, text
    lead: list[Match] = field(default_factory=list)  # named in the item itself
    lead_how: str | None = None  # colon, subject, giao
    advising: list[Match] = field(default_factory=list)
    own: list[LabelLine] = field(default_factory=list)  # label lines that belong to this item only
    block: list[LabelLine] = field(default_factory=list)  # the block that governs it
    block_line: int = 0
    time_text: str | None = None  # a time frame written in the item's own text
    time_how: str | None = None  # opening, parenthesis, inline, closing
    why: str | None = None  # why a point of "Tổ chức thực hiện" is (not) a task
    heading_time: tuple[str, str] | None = None  # (time, heading) when a section heading above states when
    who: str | None = None  # the heading above names who does it, in words not read as units
    details: list[str] = field(default_factory=list)  # sub-points that spell this task out ("+ Về tiêu chuẩn: ...")
    doubt: str | None = None  # a table row's content cell cut from its neighbours by a guess (Paragraph.doubt)
    lead_doubt: str | None = None  # why the lead read from a role line above needs review


@dataclass
class Section:
    number: str
    heading: str
    line: int
    level: int
    role: str = "tasks"  # aims, organisation, funds, context, norms, appendix, tasks; work: tasks inside norms
    heading_note: str | None = None
    time: str | None = None  # a time the heading states ("2. Trong tháng 12/2025")
    time_from: str | None = None  # where ``time`` was read when not in the heading (its lead-in paragraph)
    table_group: bool = False  # a group row of a task table ("II.1 Hoàn thiện thể chế")
    lead: list[Match] = field(default_factory=list)  # the units the heading names ("2. Sở Nội vụ")
    who: str | None = None  # a heading that names who does the work under it, not read as units
    # a role heading under a unit's ('1. Sở Y tế' / 'b) Phối hợp với Sở Tài chính thực hiện ...:'): the units
    # that help with the points under it, and whether no unit above leads them
    coordinating: list[Match] = field(default_factory=list)
    no_lead: bool = False
    role_doubt: str | None = None  # why the lead under a role heading needs review
    texts: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class RoleLine:
    """A role line heading the points under it ('- Phối hợp với Sở X thực hiện:' / '+ ...')."""

    head: object  # the bullet head it was read under (it heads the points while that one does)
    helpers: list[Match]  # the units it gives to help
    line: int
    unnamed: str | None  # the words standing for a lead it does not name ('Phối hợp thực hiện')
    doubt: str | None  # why the lead it gives needs review


@dataclass
class Body:
    preamble: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    closing: str | None = None
    period: str | None = None  # "Thời gian thực hiện từ năm 2021 đến năm 2025" in the text
    recipients: list[str] = field(default_factory=list)
    signer: str | None = None
    signer_title: str | None = None
    skipped: list[str] = field(default_factory=list)  # parts not read, each naming its line


# ---------------------------------------------------------------- the flow


def parse(doc: Document, start: int, registry: Registry) -> Body:
    doc.lines[start:] = _read_bar_tables(_split_recipients(doc.lines[start:]))
    tail_at = _tail_start(doc.lines, start)
    appendix_at = next((i for i in range(tail_at, len(doc.lines)) if opens_appendix(doc.lines, i)), len(doc.lines))
    body = Body()
    _read_tail(body, doc.lines[tail_at:appendix_at])
    paras = paragraphs(doc, _read_aligned_tables(body, doc.lines[start:tail_at])) + paragraphs(
        doc, _read_aligned_tables(body, doc.lines[appendix_at:]), appendix_first=True
    )
    _Walker(body, _move_trailing_numbers(_join_bare_numbers(paras)), registry).run()
    return body


_BARE_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[a-zđ])\s*[.)\-–]$")
# A bullet with nothing after it, or with one word a line break cut from its sentence ('-' /
# 'Tham mưu ...', '+ Sở' / 'Xây dựng: hướng dẫn ...'): the mark of the paragraph that follows.
_BARE_BULLET = re.compile(rf"^[-–+*•]\s*(?:[{UPPER}][{LOWER}]*)?$")


def _join_bare_numbers(paras: list[Paragraph]) -> list[Paragraph]:
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


def _move_trailing_numbers(paras: list[Paragraph]) -> list[Paragraph]:
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


_CLOSING_REQUEST = re.compile(
    r"^(?:Đề nghị|Yêu cầu|[^.;:]{0,80}?\b(?:đề nghị|yêu cầu))\b[^.;:]*"
    r"\b(?:nghiêm túc|triển khai thực hiện|tổ chức thực hiện)"
)
_RUN_IN_RECIPIENTS = re.compile(r"(?<=[.;!?])\s+(?=Nơi nhận\s*:)")


def _split_recipients(lines: list[Line]) -> list[Line]:
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


def _read_bar_tables(lines: list[Line]) -> list[Line]:
    """A table written one cell per line between lines holding only '|' (a converted Word table):
    a task table becomes the table's lines, as a Word table would; of any other such table only
    the text stays (a '|' line alone says nothing)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].text.strip() != tables.BAR or lines[i].table is not None:
            out.append(lines[i])
            i += 1
            continue
        last = j = i
        while j < len(lines) and lines[j].text.strip() and not APPENDIX.match(lines[j].text.strip()):
            if lines[j].text.strip() == tables.BAR:
                last = j
            j += 1
        run = lines[i : last + 1]
        rows = tables.bar_rows([line.text for line in run])
        table = tables.read(rows) if len(rows) > 1 else None
        if table is None:
            out.extend(line for line in run if line.text.strip() != tables.BAR)
        else:
            firsts = [line.number for k, line in enumerate(run) if k and run[k - 1].text.strip() == tables.BAR]
            out.extend(table_lines(table, _row_numbers(table, firsts)))
        i = last + 1
    return out


def _row_numbers(table: tables.Table, firsts: list[int]) -> list[int]:
    """A source line for each row of the table (the first line after a '|'), near enough to name it."""
    count = max((line.row for line in table.lines), default=0) + 1
    step = max(len(firsts) // max(count, 1), 1)
    return [firsts[min(k * step, len(firsts) - 1)] for k in range(count)] if firsts else []


# A table laid out with spaces (text taken from a PDF): "TT      Nội dung      Chủ trì ...".
_ALIGNED_HEADER = re.compile(r"^\s{0,6}(?:S[ốô]\s*TT|STT|TT)\s{2,}\S")


def _read_aligned_tables(body: Body, lines: list[Line]) -> list[Line]:
    """A task table whose columns are aligned with spaces becomes the table's lines, as a Word
    table would (see aligned.py); one that cannot be cut into cells is dropped, its rows would
    read as wrong tasks. The message names its line; the rest is imported."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
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


def _aligned_end(lines: list[Line], start: int) -> int:
    for j in range(start, len(lines)):
        text = lines[j].text.strip()
        if APPENDIX.match(text) or (HEADING_ROMAN.match(text) and _roman(text)) or lines[j].table:
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
    out.extend(table_lines(table, [run[k].number for k in layout.lines]))
    if layout.doubts:
        body.skipped.append(
            f"dòng {lines[at].number}: bảng căn cột bằng khoảng trắng ('{text}') đã đọc thành từng ô, nhưng "
            f"{len(layout.doubts)} chỗ chữ vắt qua hai cột được tách đoán (ví dụ {layout.doubts[0]}); "
            "cần đối chiếu các cột chủ trì, phối hợp, thời gian với văn bản"
        )


class _Walker:
    """Walks the paragraphs once, keeping the open sections and the items a block would govern."""

    def __init__(self, body: Body, paras: list[Paragraph], registry: Registry) -> None:
        self.body = body
        self.paras = paras
        self.registry = registry
        self.stack: list[Section] = []
        self.pending: list[Item] = []
        self.pending_level = 0
        self.roman = any(_roman(p.text) for p in paras)
        self.at = {id(p): i for i, p in enumerate(paras)}  # a paragraph's position, by identity
        self.after_heading = False  # the last paragraph read was a section heading
        self.leading: tuple[tuple[str, ...], list[LabelLine]] | None = None  # a block written under a heading
        self.detailed: tuple[Item, str] | None = None  # a task whose sub-points follow, and their bullet
        self.form: Section | None = None  # an appendix that is a form to fill in ('Đề cương báo cáo', 'Mẫu')
        # '1. Giao phòng X triển khai các công việc liên quan:' over '2. ...', '3. ...' numbered as its
        # siblings: the units it gives the work to, and where
        self.sibling_lead: tuple[list[Match], tuple[str, ...]] | None = None
        # a bullet that heads the points under it ('- Cấp thành phố' / '+ ...'): its mark, the marks in
        # use above it, the units it names, its section
        self.bullet_head: tuple[str, set[str], list[Match], tuple[str, ...]] | None = None
        self.bullet_role: RoleLine | None = None
        # a field of the event leading into a list ('Đối tượng: ..., cụ thể:' / '- Chỉ huy nổ mìn: ...'):
        # the mark of its points and its section; the points are the field's value, not work
        self.field_list: tuple[str, tuple[str, ...]] | None = None
        # a lead-in to targets or notes ('... các chỉ tiêu cụ thể như sau:', 'Lưu ý ...:'): its section
        self.not_work: tuple[str, ...] | None = None

    # ------------------------------------------------------------ helpers

    def kind_of(self, para: Paragraph) -> str:
        text = para.text
        if para.table is not None:
            return _TABLE_KINDS[para.table]
        if label_of(text) or ((lettered := LETTERED.match(text)) and label_of(lettered["rest"])):
            return "label"  # "c) Thời gian thực hiện: Hoàn thành trong năm 2025.": a field of the task above
        if (_CONTENT_FIELD.match(text) or self.content_of_point(para)) and self.label_follows(para):
            return "label"  # "- Nội dung thực hiện: ..." over "- Cơ quan thực hiện: ...": the task above, spelt out
        if _WORK_VALUE.match(lettered["rest"] if (lettered := LETTERED.match(text)) else text) and self.among_fields(
            para
        ):
            return "label"  # '- Địa điểm: ...' / '- Nhiệm vụ: Phòng X chuẩn bị ...': the work of the heading, a field
        if deadline_of(text) is not None and not NUMBERED.match(text) and not LETTERED.match(text):
            return "label"  # 'Hoàn thành trước ngày 30/6/2023.' after points: their deadline, not work
        if _WORK_FIELD.match(text) and self.label_before(para):
            return "label"  # '- Địa điểm: ...' / '- Thời gian: ...' / '- Nhiệm vụ:' / '+ ...': the work, one field more
        if self.roman and _roman(text):
            return "roman"
        if (m := NUMBERED.match(text)) and int(m["num"].split(".")[0]) <= 40:
            return "number"
        if LETTERED.match(text):
            return "letter"
        if BULLET.match(text):
            return "bullet"
        return "plain"

    def content_of_point(self, para: Paragraph) -> bool:
        """'+ Nội dung: ...' right under a point of another bullet ('- Nghị định quy định chi tiết ...'),
        over its label lines: what that point consists of, a field of it. ('- Nội dung: ...' right under a
        numbered heading opens the heading's work and stays the task.)"""
        found = _CONTENT_POINT.match(para.text)
        at = self.at.get(id(para))
        if found is None or not at:
            return False
        above = BULLET.match(self.paras[at - 1].text) if self.paras[at - 1].table is None else None
        return above is not None and above["mark"] != found["mark"] and label_of(above["rest"]) is None

    def among_fields(self, para: Paragraph) -> bool:
        """The paragraph sits in a run of label lines that holds a field of an event (Địa điểm, Thành
        phần, Hình thức): the run states the event the heading above names."""
        at = self.at.get(id(para))
        if at is None:
            return False
        run = [para]
        for step in (-1, 1):
            k = at + step
            while 0 <= k < len(self.paras) and self.paras[k].table is None and _label_text(self.paras[k].text):
                run.append(self.paras[k])
                k += step
        return len(run) > 1 and any(_EVENT_FIELD.match(p.text) for p in run)

    def label_before(self, para: Paragraph) -> bool:
        at = self.at.get(id(para))
        before = self.paras[at - 1] if at else None
        return before is not None and before.table is None and _label_text(before.text)

    def under_empty_label(self, i: int) -> bool:
        """The bullet at ``i`` is one of the points that make the value of a label line with none of its
        own above it ('- Nhiệm vụ:' / '+ Lắng nghe ...' / '+ Giải thích ...')."""
        mark = BULLET.match(self.paras[i].text)
        j = i - 1
        while mark and j >= 0 and (above := BULLET.match(self.paras[j].text)) and above["mark"] == mark["mark"]:
            j -= 1
        if mark is None or j < 0 or self.kind_of(self.paras[j]) != "label":
            return False
        head = BULLET.match(self.paras[j].text)
        return self.paras[j].text.rstrip().endswith(":") and (head is None or head["mark"] != mark["mark"])

    def label_follows(self, para: Paragraph) -> bool:
        at = self.at.get(id(para))
        after = self.paras[at + 1] if at is not None and at + 1 < len(self.paras) else None
        return after is not None and after.table is None and _label_text(after.text)

    def level_of(self, para: Paragraph, kind: str) -> int:
        if kind in ("roman", "appendix"):
            return 1
        if kind == "group":  # a table's group row sits under the section that holds the table
            outer = [s for s in self.stack if not s.table_group]
            return (outer[-1].level if outer else 0) + max(para.depth, 1)
        if kind == "number":
            depth = NUMBERED.match(para.text)["num"].count(".") + 1  # type: ignore[index]
            return depth + (1 if self.roman else 0)
        if kind == "letter":  # "a)" sits one level under the numbered section it follows
            numbered = [s for s in self.stack if not (len(s.number) == 1 and s.number.islower())]
            return (numbered[-1].level if numbered else 0) + 1
        return 99

    def is_heading(self, i: int, kind: str) -> bool:
        """A numbered line is a heading when content sits under it before the next point of its rank."""
        para = self.paras[i]
        if kind == "roman":
            return True
        if kind == "number" and self.sentence_over_points(para):
            return False
        level = self.level_of(para, kind)
        # Word: a bold numbered line is a heading (a heading does not close a sentence)...
        bold = para.bold and len(para.text) < 200 and not para.text.rstrip().endswith((".", ";"))
        labels = False
        for at, later in enumerate(self.paras[i + 1 :], i + 1):
            later_kind = self.kind_of(later)
            if later_kind == "plain" and (
                _CLOSING_PARAGRAPH.match(later.text) or (self.last_of_body(at) and _CLOSING_REQUEST.match(later.text))
            ):
                break  # the closing ('Trên đây ...', '... yêu cầu các Sở triển khai thực hiện./.'): nothing under
            if later_kind == "bullet" and _CRITERIA.search(para.text):
                return False  # "2. Hội nghị ... lập danh sách căn cứ vào các tiêu chí:" / "- ...": one task
            if later_kind == "plain" and (_CONDITION.match(later.text) or _ON_PROBLEMS.match(later.text)):
                return bold and not labels  # "Trường hợp ... thì ...": a rule of the point above, not under a heading
            if later_kind == "label" and self.role_label(at, heading=para):
                return True  # '2. Sở Y tế' / 'Chủ trì:' / '- việc': the role of its unit over its points
            if later_kind == "label" or (labels and later_kind == "bullet" and self.under_empty_label(at)):
                labels = True  # labels right after it: it is a work item, unless items follow them
                continue
            if later_kind == "bullet" and kind == "number" and self.bullet_over_new_list(para, at):
                return False  # '2. Kiểm tra ... (Giao X chủ trì).' / '- Về giám sát' / '1. ...': an item of a list
            if later_kind in ("roman", "number", "appendix", "group"):
                deeper = self.level_of(later, later_kind) > level
                return deeper or (bold and not labels)  # ...unless its own label lines follow it
            return not labels or later_kind in ("bullet", "letter")  # content under it
        return bold and not labels

    def restarts_numbering(self, para: Paragraph) -> bool:
        """The numbered line starts a list from one ('1.'), as under a group's short heading."""
        found = NUMBERED.match(para.text)
        return found is not None and found["num"].rstrip(".)") == "1"

    def bullet_over_new_list(self, para: Paragraph, at: int) -> bool:
        """After a numbered point that closes a sentence, a short bullet over a list numbered from one again
        ('- Về giám sát: 02 cuộc' / '1. ...') heads the next group of the same list: the point was an item
        of the group above, not a heading over the bullet."""
        if not para.text.rstrip().endswith((".", ";", ".)", ")")):
            return False
        k = at
        while k < min(at + 3, len(self.paras)) and self.kind_of(self.paras[k]) == "bullet":
            bullet = self.paras[k].text.rstrip()
            if len(bullet.split()) > 12 or bullet.endswith((".", ";")):
                return False  # '* Năm 2027: (...)' / '- Về kiểm tra: 02 cuộc': short group headings only
            k += 1
        after = self.paras[k] if k < len(self.paras) else None
        if after is None or k == at:
            return False
        if self.kind_of(after) == "number":
            return self.restarts_numbering(after)
        # a group of one, written without its number ('- Về giám sát: 01 cuộc' / 'Giám sát ... .'), after a
        # point too long to be a heading
        return self.kind_of(after) == "plain" and len(para.text) > 80 and after.text.rstrip().endswith((".", ")."))

    def sentence_over_points(self, para: Paragraph) -> bool:
        """In 'Tổ chức thực hiện', a numbered point that is a whole sentence giving work to whom it
        names ('1. Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch
        ...; đề ra giải pháp ....') is work, not a heading, though points follow it: they are its
        further work, given to the same bodies."""
        match = NUMBERED.match(para.text)
        text = match["rest"].rstrip() if match else ""
        if not self.stack or self.top_role() != "organisation" or len(text) < 80:
            return False
        if not text.endswith((".", ";")) and len(text) < 150:
            return False  # a long one need not close: its points may finish the sentence
        probe = Item(text, para.line, ())
        self.read_subject(probe)
        return bool(probe.lead)

    def letter_heading(self, i: int) -> bool:
        """'a) Công tác tuyên truyền' is a heading when bullets follow it (before any label line)."""
        for later in self.paras[i + 1 :]:
            return self.kind_of(later) == "bullet"
        return False

    def section(self) -> Section | None:
        return self.stack[-1] if self.stack else None

    def path(self) -> tuple[str, ...]:
        """Section keys as tasks write them: a '6.1' inside '6' adds only '1' (see index.section_paths)."""
        return tuple(s.number.rstrip(".-").split(".")[-1] for s in self.stack)

    def top_role(self) -> str:
        """The role of the part a point sits in; a sub-section that reports or sets rules overrides it."""
        inner = next((s.role for s in reversed(self.stack) if s.role in ("context", "norms", "work")), None)
        if inner == "work":
            return "tasks"  # "3.2. Nội dung kiểm tra" under "3. Đối tượng, nội dung kiểm tra"
        return inner or (self.stack[0].role if self.stack else "tasks")

    # ------------------------------------------------------------ walking

    def run(self) -> None:
        i = 0
        while i < len(self.paras) and not self.stack:
            para = self.paras[i]
            kind = self.kind_of(para)
            if kind in ("roman", "appendix", "group", "row") or (
                not self.roman and kind == "number" and self.is_heading(i, kind)
            ):
                break
            after_lead_in = bool(self.body.preamble) and self.body.preamble[-1].text.rstrip().endswith(":")
            if after_lead_in and kind != "plain" and not re.match(r"^[-+*•]?\s*(?:Căn cứ|Thực hiện|Theo)\b", para.text):
                # A plan without numbered sections: its items follow "... như sau:" directly.
                section = Section("I", "Nội dung", para.line, 0, heading_note=NO_SECTIONS)
                if _REPORTS.search(fold(self.body.preamble[-1].text)):
                    # "... báo cáo, cung cấp một số thông tin cụ thể như sau:": what the points say is news
                    section.role = "context"
                    self.body.skipped.append(
                        f"dòng {self.body.preamble[-1].line}: các điểm sau câu dẫn báo cáo, cung cấp thông tin là "
                        "nội dung báo cáo, không phải nhiệm vụ; ghi vào nội dung mục"
                    )
                self.body.sections.append(section)
                self.stack.append(section)
                break
            self.body.preamble.append(para)
            i += 1
        while i < len(self.paras):
            i = self.step(i)
        self.close_pending()

    def step(self, i: int) -> int:
        para = self.paras[i]
        kind = self.kind_of(para)
        text = para.text
        if self.form is not None and kind != "appendix":
            self.form.texts.append(text)  # a line of a form to fill in: the appendix's text, not work
            return i + 1
        if _CLOSING_PARAGRAPH.match(text):
            self.body.closing = _end_mark(text)
            return i + 1
        if kind == "plain" and self.last_of_body(i) and _CLOSING_REQUEST.match(text):
            # "Đề nghị các đơn vị nghiêm túc triển khai thực hiện.": the closing request, not a task
            self.body.closing = " ".join(filter(None, [self.body.closing, _end_mark(text)]))
            return i + 1
        if kind == "label" and self.role_label(i):
            self.add_item(para, "bullet" if BULLET.match(text) else "plain")
            return i + 1
        if kind == "label":
            return self.read_block(i)
        if kind in ("appendix", "group"):
            return self.open_section(para, kind)
        if kind == "row":
            return self.add_row(i)
        if kind == "number" and self.stack and self.top_role() == "organisation" and self.period_point(para):
            return i + 1  # "5. Thời gian thực hiện từ năm 2021 đến năm 2025, cụ thể như sau:" is text, not a section
        if (kind in ("roman", "number") and self.is_heading(i, kind)) or (kind == "letter" and self.letter_heading(i)):
            rest = self.heading_rest(i, kind)
            if kind == "roman" and not rest:
                self.number_to_next(para, i + 1)  # 'VI. TỔ CHỨC THỰC HIỆN 1.' / 'Trên cơ sở ...'
            return self.open_section(para, kind, rest)
        self.add_item(para, kind)
        return i + 1

    def read_block(self, i: int) -> int:
        """The label lines from ``i`` on, as one block; a label whose value is cut by a line break goes on
        in the line under it, and one with no value over points of another bullet ('- Thời gian thực
        hiện:' / '+ Các bộ gửi kết quả ... trước ngày 15/12/2025.' / '+ Bộ Công an tổng hợp ...') has them
        as its value: they are not tasks."""
        j = i
        block: list[LabelLine] = []
        while j < len(self.paras) and self.kind_of(self.paras[j]) == "label":
            text, line = self.paras[j].text, self.paras[j].line
            while j + 1 < len(self.paras) and self.label_goes_on(text, self.paras[j + 1]):
                j += 1  # "Đơn vị chủ trì thực hiện: Các" / "Sở, ngành, đơn vị, UBND cấp xã.": one label
                text = f"{text} {self.paras[j].text}"
            lettered = LETTERED.match(text)
            labels = _labels(lettered["rest"] if lettered else text, line)
            labels.extend(self.work_lead(lettered["rest"] if lettered else text, line))
            j += 1
            if labels and not labels[-1].value.strip():
                points, j = self.label_points(text, j)
                if labels[-1].role == "timeframe":  # each point's own time: '... trước ngày 15/12/2025'
                    points = [time_in_text(point)[0] or point for point in points]
                labels[-1].value = "; ".join(points)
            block.extend(labels)
        if self.pending and any(_EVENT_FIELD.match(p.text) for p in self.paras[i:j]):
            # 'Địa điểm / Thời gian / Thành phần' lines: the fields of the one event written above them
            self.pending[-1].own.extend(block)
            self.pending = []
            return j
        self.apply_block(block, j)
        return j

    def work_lead(self, text: str, line: int) -> list[LabelLine]:
        """'- Nhiệm vụ: Phòng X chuẩn bị nội dung, tài liệu.' among an event's fields: the unit that opens
        the work, when read as a unit, leads it."""
        found = _WORK_VALUE.match(text)
        if found is None or label_of(text) is not None:
            return []
        probe = Item(found["value"], line, ())
        self.read_subject(probe)
        if not probe.lead or probe.lead_how != "subject":
            return []
        return [LabelLine("lead", ", ".join(m.written for m in probe.lead), line)]

    def label_points(self, text: str, j: int) -> tuple[list[str], int]:
        """The bullets under a label line with no value, when their mark is not the label's own."""
        own = BULLET.match(text)
        points: list[str] = []
        mark = None
        while j < len(self.paras) and self.kind_of(self.paras[j]) == "bullet":
            found = BULLET.match(self.paras[j].text)
            if found is None or (own is not None and found["mark"] == own["mark"]) or mark not in (None, found["mark"]):
                break
            mark = found["mark"]
            points.append(_end_mark(found["rest"]).rstrip(" ;."))
            j += 1
        return points, j

    def label_goes_on(self, text: str, after: Paragraph) -> bool:
        """A label line whose value a line break cut: it does not close its sentence, and the next
        paragraph, unmarked and short, finishes it."""
        return (
            not text.rstrip().endswith((".", ";", "!", "?"))
            and self.kind_of(after) == "plain"
            and after.table is None
            and len(after.text) <= 160
            and not _roman(after.text)
        )

    def period_point(self, para: Paragraph) -> bool:
        """A point of 'Tổ chức thực hiện' stating the plan's period: the plan's period and a line of
        the section's text; the items under it ('- Năm 2021, ...') are the section's own."""
        match = NUMBERED.match(para.text)
        period = _period_statement(match["rest"]) if match else None
        if period is None:
            return False
        self.body.period = period
        self.add_item(para, "number")
        return True

    def heading_rest(self, i: int, kind: str) -> int:
        """How many paragraphs the heading at ``i`` takes: a heading in capitals cut by a line break
        ('I. MỤC' / 'ĐÍCH, YÊU CẦU') goes on in the capitals-only line under it."""
        para = self.paras[i]
        after = self.paras[i + 1] if i + 1 < len(self.paras) else None
        if kind != "roman" or after is None or self.kind_of(after) != "plain" or after.table is not None:
            return 0
        letters = [c for c in para.text + after.text if c.isalpha()]
        if len(after.text) > 120 or not all(c.isupper() for c in letters):
            return 0
        para.text = f"{para.text} {after.text}"
        self.number_to_next(para, i + 2)
        return 1

    def number_to_next(self, para: Paragraph, at: int) -> None:
        """'V. TỔ / CHỨC THỰC HIỆN / 1. / Sở Y tế:' read as 'CHỨC THỰC HIỆN 1.' then 'Sở Y tế:': the
        number that closes a heading in capitals is the next heading's."""
        tail = re.search(r"\s+(\d{1,2}(?:\.\d{1,2}){0,3}[.)])$", para.text)
        if tail is None or at >= len(self.paras) or self.kind_of(self.paras[at]) != "plain":
            return
        para.text = para.text[: tail.start()]
        self.paras[at].text = f"{tail[1]} {self.paras[at].text}"

    def open_section(self, para: Paragraph, kind: str, rest: int = 0) -> int:
        level = self.level_of(para, kind)
        if kind in ("appendix", "group"):
            number = para.key or self.next_group_number(level)
            heading = para.text or ("Phụ lục" if kind == "appendix" else number)
        else:
            pattern = {"roman": HEADING_ROMAN, "number": NUMBERED, "letter": LETTERED}[kind]
            match = pattern.match(para.text)
            number, heading = match["num"], match["rest"]  # type: ignore[index]
        if self.pending and level <= self.pending_level:
            self.close_pending()
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        note = None
        clean = _end_mark(heading).rstrip(" .:;")
        if clean.isupper():
            note = f"văn bản gốc viết hoa toàn bộ: '{clean}'"
            clean = clean[0] + clean[1:].lower()
        section = Section(number, clean, para.line, level, heading_note=note, time=heading_time(clean))
        section.table_group = kind == "group"
        if kind == "appendix":
            section.role = "appendix"
            self.body.sections.append(section)
            self.form = section if _FORM_TITLE.match(fold(clean)) else None
            if self.form is not None:
                self.body.skipped.append(
                    f"dòng {para.line}: phụ lục '{clean[:60]}' là mẫu, đề cương để điền, không phải nhiệm vụ; "
                    "các dòng của phụ lục ghi vào nội dung mục"
                )
        elif level == 1 or not self.stack:
            section.role = _section_role(clean)
            self.body.sections.append(section)
        else:
            section.role = _sub_role(clean, self.stack[-1].role)
            self.stack[-1].children.append(section)
        if section.role in ("context", "norms"):
            what = "kết quả, tình hình" if section.role == "context" else "quy định, tiêu chuẩn, thành phần"
            self.body.skipped.append(
                f"dòng {para.line}: mục {number} '{clean[:60]}' đọc là phần {what}, không phải nhiệm vụ; các đoạn "
                "của mục ghi vào nội dung mục"
            )
        if kind != "appendix":  # who the points under the heading belong to
            self.heading_who(section, heading, level)
            self.role_heading(section)
        self.stack.append(section)
        self.after_heading = True
        if self.leading and self.path()[: len(self.leading[0])] != self.leading[0]:
            self.leading = None
        if section.role == "organisation" and (period := _period_statement(heading)):
            self.body.period = period
        return self.at[id(para)] + 1 + rest

    def heading_who(self, section: Section, heading: str, level: int) -> None:
        """Who the work under a heading is given to: units it names, or, in a part that gives work by
        who does it ('Tổ chức thực hiện', 'Nhiệm vụ của thành viên Ban Chỉ đạo' at any level above),
        the words naming an agent ('1.1. Trưởng Ban Chỉ đạo', 'Trách nhiệm của đối tượng kiểm kê:')."""
        section.lead = self.heading_units(heading)
        clean = section.heading
        lead_in = _end_mark(heading).rstrip().endswith(":")
        assigning = section.role == "organisation" or any(_ASSIGNING.match(fold(s.heading)) for s in self.stack)
        owned = _OWNED_BY.match(clean) or re.match(r"^(?:Đề nghị|Giao)\s*:\s*(?=\S)", clean)
        named = _AGENT.match(clean) or _BODY_OF_LEVEL.match(clean)
        agent = (assigning and level > 1 and named) or owned  # 'Trách nhiệm của X' anywhere
        if lead_in and not agent and _OPENS_WITH_WORK.match(clean):
            return  # '1.2. Ban hành các Nghị quyết của Ban Chấp hành:', 'Tập trung lãnh đạo ...:': what, not who
        if not section.lead and (lead_in or agent) and len(heading) < 160 and section.role != "funds":
            # "1. Giám đốc các Sở ...; Chủ tịch UBND các xã:": who, not read as units
            who = clean[owned.end() :] if owned else _assigned_who(clean)
            # "Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh": a list of bodies
            section.who = re.sub(rf",\s+(?=[{UPPER}])", "; ", who) if owned and owned[0][:1] in "ĐG" else who

    def role_heading(self, section: Section) -> None:
        """A heading that only states the role of the unit named above it, over the points under it
        ('1. Sở Y tế' / 'a) Là cơ quan đầu mối chủ trì thực hiện các nhiệm vụ sau:' / 'b) Phối hợp với Sở
        Tài chính thực hiện:'): under 'chủ trì' that unit leads (with the units it names to help); under
        'phối hợp (với X)' it helps, X leads, and with no X named no lead is read (the task says so)."""
        if section.lead and (helped := _LEADS_WITH.search(section.heading)):
            # '2. Giao Công an tỉnh chủ trì, phối hợp với các đơn vị liên quan:': the heading's unit leads, X helps
            named, rest = self.registry.split(helped["with"])
            if named and not rest.strip(" ,;.") and all(_reads_as_body(m) for m in named):
                section.coordinating = named
            return
        above = self.section_lead()
        role = _ROLE_HEADING.match(section.heading)
        if role is None or not above:
            return
        reading = self.role_reading(role, above, section.heading)
        if reading is None:
            return
        section.lead, section.coordinating, unnamed, section.role_doubt = reading
        section.no_lead = unnamed is not None
        # no lead named: the heading stands as who, which reads as no unit, so the task asks for its lead
        section.who = unnamed

    def add_item(self, para: Paragraph, kind: str) -> None:
        """A point that is not a heading, read in steps: its mark, what it inherits from the
        sections above, what it is (task, aim, text), who does it."""
        number, marker, text = self.item_mark(para, kind)
        under_heading, self.after_heading = self.after_heading, False
        item = Item(_end_mark(text), para.line, self.path(), number, marker, para.markers)
        if self.in_not_work(item) or self.detail_of(item) or self.in_field_list(item):
            return
        if kind == "plain" and self.condition_of(item):
            return
        if kind == "plain" and under_heading and self.numbered_next(para) and self.section_lead_in(item):
            return
        head = self.bullet_head
        if head and (
            item.path != head[3]
            or item.marker == head[0]
            or item.marker in head[1]
            or (head[0] == _PLAIN_LEAD_IN and item.marker is None)
        ):
            self.bullet_head = None  # a point of the heading's rank or above: the heading's points are over
        if kind in ("bullet", "plain") and self.role_lead_in(para, item):
            return
        if kind == "bullet" and self.bullet_heading(para, item):
            return
        self.inherit(item)
        role = self.top_role()
        self.classify(item, role)
        if self.leads_field_list(item, para, role):
            item.role = "text"
        if item.role == "task":
            self.read_who(item, para, role)
            numbered = role == "organisation" and item.number is not None and item.role == "task"
            if numbered and item.lead and self.next_bullet(para) is not None:
                # '1. Các cơ quan ... xây dựng kế hoạch ....' / '- ...': the points are the same bodies' work
                self.bullet_head = (_PLAIN_LEAD_IN, set(), list(item.lead), item.path)
        if item.role != "task":
            if item.role == "text" and self.section() is not None:
                self.section().texts.append(_numbered_text(number, item.text))  # type: ignore[union-attr]
            self.body.items.append(item)
            return
        self.body.items.append(item)
        if not self.pending:
            self.pending_level = len(self.path())
        self.pending.append(item)

    def role_reading(
        self, role: re.Match[str], above: list[Match], text: str
    ) -> tuple[list[Match], list[Match], str | None, str | None] | None:
        """What a role line under unit(s) ``above`` says: (lead, helpers, the words standing for a lead it
        does not name, why the lead needs review). 'Chủ trì (, phối hợp với X)': they lead, X helps;
        'Phối hợp với X': as usually read, they still lead and X helps, flagged (X may be meant to lead);
        'Phối hợp' alone: they help, no lead is named. None when X does not read as bodies."""
        named, rest = self.registry.split(role["with"]) if role["with"] else ([], "")
        if rest.strip(" ,;.") or not all(_reads_as_body(m) for m in named):
            return None
        if fold(role["role"]).startswith("chu tri"):
            return list(above), named, None, None
        if not named:
            return [], list(above), text.rstrip(" :"), None
        who = ", ".join(m.written for m in above)
        return (
            list(above),
            named,
            None,
            f"dòng '{text.rstrip(' :')}' dưới tên '{who}': ghi '{who}' chủ trì, các đơn vị sau 'phối hợp với' "
            "là phối hợp; nếu văn bản muốn các đơn vị đó chủ trì thì sửa lại",
        )

    def role_lead_in(self, para: Paragraph, item: Item) -> bool:
        """A line that only states the role of the unit of the heading above, over the points under it
        ('1. Sở Tài chính' / '- Chủ trì thực hiện các nhiệm vụ sau:' / '+ ...' / '- Phối hợp với Sở X:' /
        '+ ...'): it heads those points as a role heading does (see role_heading); it is not work."""
        text = item.text.rstrip()
        role = _ROLE_HEADING.match(text.rstrip(" :")) if text.endswith(":") else None
        above = self.section_lead()
        at = self.at[id(para)] + 1
        after = self.paras[at] if at < len(self.paras) else None
        if role is None or not above or after is None or self.kind_of(after) != "bullet":
            return False
        mark = BULLET.match(after.text)["mark"]  # type: ignore[index]
        if mark == item.marker:
            return False
        reading = self.role_reading(role, above, text)
        if reading is None:
            return False
        lead, helpers, unnamed, doubt = reading
        marks = {i.marker for i in self.body.items if i.path == item.path and i.marker not in (None, item.marker, mark)}
        self.bullet_head = (item.marker or _PLAIN_LEAD_IN, marks, lead, item.path)
        self.bullet_role = RoleLine(self.bullet_head, helpers, item.line, unnamed, doubt)
        item.role, item.why = "text", "dòng nêu vai trò của đơn vị ở tên mục, dẫn các điểm dưới nó"
        if self.section() is not None:
            self.section().texts.append(f"{item.marker or ''} {text}".strip())  # type: ignore[union-attr]
        self.body.items.append(item)
        return True

    def role_label(self, i: int, heading: Paragraph | None = None) -> bool:
        """A label line with no value that names only a role ('Chủ trì:', '- Phối hợp thực hiện:') over
        points of another bullet that state work, not units, under a heading naming a unit (``heading``:
        the numbered line above, not yet read as one): a role line (see role_lead_in)."""
        text = self.paras[i].text
        label = label_of(text)
        if label is None or label[1] or label[0] not in ("lead", "coordinating") or not text.rstrip().endswith(":"):
            return False
        after = self.paras[i + 1] if i + 1 < len(self.paras) else None
        mark, point = BULLET.match(text), BULLET.match(after.text) if after is not None else None
        if point is None or after.table is not None or (mark is not None and mark["mark"] == point["mark"]):
            return False
        if not _ROLE_HEADING.match(_end_mark((mark["rest"] if mark else text).rstrip(" :"))):
            return False
        named, rest = self.registry.split(point["rest"])
        if named and not rest.strip(" .,;") and all(_reads_as_body(m) for m in named):
            return False  # 'Chủ trì:' / '- Sở Y tế': its value, written under it
        if heading is not None:
            found = NUMBERED.match(heading.text) or HEADING_ROMAN.match(heading.text)
            return found is not None and bool(self.heading_units(found["rest"]))
        return bool(self.section_lead())

    def role_of_points(self) -> RoleLine | None:
        """The role line heading the current points, if one does (it heads them while its bullet head does)."""
        if self.bullet_role is None or self.bullet_head is None or self.bullet_role.head is not self.bullet_head:
            return None
        return self.bullet_role

    def role_doubt(self) -> str | None:
        """Why a lead read from a role line or heading above the current point needs review."""
        if (role := self.role_of_points()) is not None:
            return role.doubt
        for s in reversed(self.stack):
            if s.role_doubt or s.lead or s.no_lead:
                return s.role_doubt
        return None

    def bullet_heading(self, para: Paragraph, item: Item) -> bool:
        """'- Nội dung giám sát của chủ chương trình' / '+ ...', '- Cấp xã' / '+ ...', '+ Nội dung theo
        dõi' / unmarked paragraphs: a short bullet line that closes no sentence, over points of a
        deeper mark or unmarked paragraphs, heads them; it is not work. A line cut at a line end
        ('- Huy động nguồn lực từ các') is not one."""
        text = item.text.rstrip()
        words = text.split()
        if not words or text.endswith((".", ";", ":", "!", "?", ",")) or len(words) > 14:
            return False
        if fold(words[-1]) in _CUT_WORDS or self.top_role() not in ("tasks", "organisation"):
            return False
        after = self.paras[self.at[id(para)] + 1] if self.at[id(para)] + 1 < len(self.paras) else None
        kind = self.kind_of(after) if after is not None else None
        if kind == "bullet":
            heads = BULLET.match(after.text)["mark"] != item.marker  # type: ignore[index, union-attr]
        elif kind == "number":
            heads = self.restarts_numbering(after)  # '- Về kiểm tra: 02 cuộc' / '1. ...' / '2. ...'
        else:
            heads = kind == "plain" and after.text[:1].isupper() and not _CLOSING_PARAGRAPH.match(after.text)  # type: ignore[union-attr]
        if not heads:
            return False
        above = {i.marker for i in self.body.items if i.path == item.path and i.marker and i.marker != item.marker}
        self.bullet_head = (item.marker or "", above, self.heading_units(text), item.path)
        item.role = "text"
        if self.section() is not None:
            self.section().texts.append(f"{item.marker} {item.text}")  # type: ignore[union-attr]
        self.body.items.append(item)
        return True

    def item_mark(self, para: Paragraph, kind: str) -> tuple[str | None, str | None, str]:
        """The number or bullet a point is written with, and its text; a numbered point closes the
        sections of its rank and deeper ('3.' after the heading '2.')."""
        text = para.text
        if kind in ("number", "roman"):
            match = NUMBERED.match(text) if kind == "number" else HEADING_ROMAN.match(text)
            level = self.level_of(para, kind)
            if self.pending and level <= self.pending_level:
                self.close_pending()
            while self.stack and self.stack[-1].level >= level:
                self.stack.pop()
            return match["num"], None, match["rest"]  # type: ignore[index]
        if kind == "letter":
            match = LETTERED.match(text)
            return match["num"], None, match["rest"]  # type: ignore[index]
        if kind == "bullet":
            match = BULLET.match(text)
            return None, match["mark"], match["rest"]  # type: ignore[index]
        if kind == "plain" and self.ends_list():
            self.stack.pop()  # "1.2. ... / - ... / - ... / Trên cơ sở ...": back to the section above
        return None, None, text

    def inherit(self, item: Item) -> None:
        """What the sections above say for every point under them: a time, a block of labels."""
        timed = next((s for s in reversed(self.stack) if s.time), None)
        if timed is not None:
            where = timed.time_from or f"tên mục '{timed.number} {timed.heading}'"
            item.heading_time = (timed.time, where)  # type: ignore[assignment]
        if self.leading and self.path()[: len(self.leading[0])] == self.leading[0]:
            item.block, item.block_line = self.leading[1], self.leading[1][0].line
        helpers, line = self.section_coordinating()
        if (role := self.role_of_points()) is not None:
            helpers, line = role.helpers, role.line
        item.lead_doubt = self.role_doubt()
        if helpers and not any(label.role == "coordinating" for label in item.block):
            names = "; ".join(m.written for m in helpers)
            item.block = [*item.block, LabelLine("coordinating", names, line)]
            item.block_line = item.block_line or line

    def classify(self, item: Item, role: str) -> None:
        """Task, aim, requirement or text, by the point's form and the part it sits in."""
        text = item.text
        if text.startswith("(") and text.rstrip(".").endswith(")") and text.count("(") == 1:
            item.role = "text"  # "(Một số nhiệm vụ trọng tâm có Phụ lục kèm theo)": a note on the section
        elif text.rstrip().endswith("!") or _QUOTED.match(text):
            item.role = "text"  # a slogan or a theme in quotes ("Ngày bầu cử là Ngày hội của toàn dân!"), not work
        elif _ON_PROBLEMS.match(text):
            item.role = "text"  # "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc ...": a standing rule
        elif _POINTER.match(text):
            item.role = "text"  # "Thực hiện theo lộ trình tại phần (II) của Kế hoạch này.": the work is elsewhere
        elif role in ("tasks", "organisation", "funds") and _reports_done(text):
            item.role, item.why = "text", "kể việc đã làm, không phải việc được giao"
            self.note_done(item)
        elif _FUNDS_POINT.match(text) and role in ("tasks", "funds"):
            item.role = "text"  # "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ...": money, not work
        elif _FIELD_POINT.match(text) and role != "organisation":
            item.role = "text"  # "1. Thời gian kiểm tra: 13h30' ngày 29/4/2026", "2. Địa điểm: ...": what, not work
        elif role == "aims":
            item.role = _aim_or_requirement(self.section(), text)
        elif role == "context" and _GIVES_WORK.match(text):
            item.why = "giao việc ngay trong phần kết quả, tình hình ('Tiếp tục yêu cầu X ...')"
        elif role in ("appendix", "context", "norms"):  # an appendix's tasks are its table's rows
            item.role = "text"
        elif role in ("organisation", "funds"):  # "Sở Tài chính chủ trì ... bố trí kinh phí" gives work
            self.organisation_point(item)

    def note_done(self, item: Item) -> None:
        """A paragraph reporting what was done goes to its section's text, once said per section; the
        points a report of it leads into ('... đã tổ chức các hoạt động sau:' / '- ...') are its own."""
        section = self.section()
        if section is not None:
            section.texts.append(_numbered_text(item.number, item.text))
            if not any(t.startswith(f"dòng {section.line}: ") and "đã làm" in t for t in self.body.skipped):
                self.body.skipped.append(
                    f"dòng {section.line}: đoạn kể việc đã làm ở mục {section.number} (dòng {item.line}: "
                    f"'{item.text[:50]}') không phải nhiệm vụ; ghi vào nội dung mục"
                )
        at = self.at_line(item.line)
        mark = self.next_bullet(self.paras[at]) if at is not None and item.text.rstrip().endswith(":") else None
        if mark is not None and mark != item.marker:
            self.field_list = (mark, item.path)

    def at_line(self, line: int) -> int | None:
        return next((i for i, p in enumerate(self.paras) if p.line == line), None)

    def read_who(self, item: Item, para: Paragraph, role: str) -> None:
        """Who does a task: its own words, else the heading above; a lead-in ('Cụ thể:') is text."""
        self.read_own(item)
        if _CRITERIA.search(item.text) and (mark := self.next_bullet(para)) is not None:
            self.detailed = (item, mark)  # the criteria it lists under it are its own words, not tasks
        if item.lead and self.heads_points(item, para):
            return
        if item.lead:
            return
        if role != "organisation" and item.text.rstrip().endswith(":") and self.next_is_item(para):
            if self.spelt_out(item, para) or (self.detailed and self.detailed[0] is item):
                return  # "- Tuyên truyền tiêu chuẩn, cơ cấu ..., cụ thể:" over "+" points: one task
            item.role = "text"  # a lead-in: "Cụ thể:", "trọng tâm là:"
        elif (role := self.role_of_points()) is not None and role.unnamed:
            item.who = role.unnamed  # '- Phối hợp thực hiện:' / '+ ...': no lead named; the task asks for one
        elif self.bullet_head and self.bullet_head[2]:
            item.lead, item.lead_how = list(self.bullet_head[2]), "heading"  # '- Sở Tài chính' / '+ ...'
            if self.own_subject(item.text):
                item.lead_how = "lead-in-doubt"  # '+ Cơ quan, tổ chức ... cung cấp ...': its own subject?
        elif self.sibling_lead and self.sibling_lead[1] == item.path and item.number is not None:
            item.lead, item.lead_how = list(self.sibling_lead[0]), "heading"  # 'Giao X ... các công việc:' / '1. ...'
        elif heading_lead := self.section_lead():
            item.lead, item.lead_how = list(heading_lead), "heading"
        elif item.who:
            return  # named in the point itself (see organisation_point)
        elif (written := _WHO_COLON.match(item.text) or _FOR_WHOM.match(item.text)) and not label_of(item.text):
            item.who = written["who"]  # "Ông. X - Trưởng đoàn: Phụ trách chung ...", "Đối với Đoàn kiểm tra: ..."
        elif case := _FOR_CASE.match(item.text):
            item.who = case["who"]  # "Đối với X thì các phòng thuộc Ban có trách nhiệm ..."
        elif who := self.section_who():
            item.who = who

    def heads_points(self, item: Item, para: Paragraph) -> bool:
        """A point that names who and ends with ':' over the points written under it leads into them
        ('- Ban Thường trực UBMTTQ xã trao đổi với cơ quan ... để tổ chức hội nghị cử tri:' / '+ ...',
        'Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc:' / '1. ...' / '2. ...'): it
        is no work of its own; the points are, given to whom it names unless they name their own."""
        text = item.text.rstrip()
        if not text.endswith(":") or _CRITERIA.search(text) or item.lead_how == "colon":
            return False
        if re.search(r"[.;!?]\s+\S", text):
            return False  # '... phát động các phong trào thi đua. Cụ thể:': a task its points spell out
        at = self.at[id(para)] + 1
        after = self.paras[at] if at < len(self.paras) else None
        if after is None or after.table is not None:
            return False
        kind = self.kind_of(after)
        if kind == "bullet" and item.number is None:
            mark = BULLET.match(after.text)["mark"]  # type: ignore[index]
            if mark == item.marker:
                return False
            above = {i.marker for i in self.body.items if i.path == item.path and i.marker and i.marker != mark}
            self.bullet_head = (item.marker or _PLAIN_LEAD_IN, above, list(item.lead), item.path)
        elif kind == "number" and item.marker is None and self.level_of(after, kind) == len(self.path()) + 1:
            self.sibling_lead = (list(item.lead), item.path)  # the numbered points after it, as its siblings
        else:
            return False
        item.role, item.why = "text", "câu dẫn giao các điểm dưới nó cho đơn vị nó nêu"
        return True

    def own_subject(self, text: str) -> bool:
        """The point opens with a name followed by what it does ('Cơ quan, tổ chức, đơn vị có người được
        giới thiệu ứng cử cung cấp ...'), though not read as units: it may name its own lead."""
        if _ORG_NAME.match(text) or _BODY_WORD.match(text) or PERSON_TITLE.match(text):
            return True
        matches, rest = self.registry.split(text)
        named = bool(matches) and (matches[0].known or _unit_like(matches[0].written))
        return named and bool(rest) and _VERB.match(rest) is not None

    def spelt_out(self, item: Item, para: Paragraph) -> bool:
        """A dash point that states work and ends with ':' over points of a deeper bullet ('-' then
        '+') is one task; its points spell out what it covers. A bare lead-in ('- Nhiệm vụ:',
        '- Cụ thể như sau:') or one that only names who ('- Sở Nội vụ:') introduces tasks instead."""
        if item.marker is None or item.role != "task":
            return False
        later = next(iter(self.paras[self.at[id(para)] + 1 :]), None)
        mark = BULLET.match(later.text) if later is not None and self.kind_of(later) == "bullet" else None
        if mark is None or mark["mark"] == item.marker or self.names_own_lead(mark["rest"]):
            return False  # '+ Sở Xây dựng: hướng dẫn ...': each point gives work to its own unit
        words = _LEAD_IN_TAIL.sub("", item.text.rstrip(" :")).split()
        if len(words) <= 3 or self.heading_units(item.text):
            return False
        self.detailed = (item, mark["mark"])
        return True

    def names_own_lead(self, text: str) -> bool:
        """A point that opens with the unit it gives work to: 'Sở Xây dựng: ...', 'Sở Tài chính phối hợp ...:'."""
        colon = re.match(r"^(?P<who>[^:;.()]{3,120}?)\s*:\s+(?=\S)", text)
        if colon is None:
            return False
        matches, _ = self.registry.split(colon["who"])
        return bool(matches) and (matches[0].known or bool(_ORG_NAME.match(colon["who"])))

    def detail_of(self, item: Item) -> bool:
        """A sub-point of the task just above that spells it out: kept with that task, not a task."""
        if self.detailed is None:
            return False
        parent, mark = self.detailed
        if item.marker != mark or item.path != parent.path:
            self.detailed = None
            return False
        parent.details.append(f"{mark} {item.text}")
        item.role = "detail"
        self.body.items.append(item)
        return True

    def leads_field_list(self, item: Item, para: Paragraph, role: str) -> bool:
        if role == "organisation" or not _FIELD_LIST.match(item.text) or not item.text.rstrip().endswith(":"):
            return False
        mark = self.next_bullet(para)
        if mark is None or mark == item.marker:
            return False
        self.field_list = (mark, item.path)
        return True

    def in_not_work(self, item: Item) -> bool:
        """A lead-in to targets or notes, or one of the points after it in its section: the section's text."""
        if self.not_work is not None and item.path != self.not_work:
            self.not_work = None
        if self.not_work is None and not _NOT_WORK_LEAD.search(item.text):
            return False
        self.not_work = item.path
        item.role, item.why = "text", "chỉ tiêu hoặc lưu ý sau câu dẫn, không phải nhiệm vụ"
        if self.section() is not None:
            self.section().texts.append(_numbered_text(item.number, item.text))  # type: ignore[union-attr]
        self.body.items.append(item)
        return True

    def in_field_list(self, item: Item) -> bool:
        """A point of the list a field of the event leads into ('Đối tượng: Theo danh sách đăng ký, cụ
        thể:' / '- Chỉ huy nổ mìn: Từ số thứ tự 01 đến 07.'): part of the field, the section's text."""
        if self.field_list is None:
            return False
        mark, path = self.field_list
        if item.marker != mark or item.path != path:
            self.field_list = None
            return False
        item.role = "text"
        if self.section() is not None:
            self.section().texts.append(f"{mark} {item.text}")  # type: ignore[union-attr]
        self.body.items.append(item)
        return True

    def condition_of(self, item: Item) -> bool:
        """'Trường hợp người ứng cử là người đứng đầu ... thì ...': an unmarked paragraph stating what is
        done in a case is a rule of the point above it (kept with it when that point is a task), not work."""
        if not _CONDITION.match(item.text):
            return False
        above = next((i for i in reversed(self.body.items) if i.role != "detail"), None)
        if above is not None and above.role == "task" and above.path[: len(item.path)] == item.path:
            above.details.append(item.text)
            item.role = "detail"
        else:
            item.role = "text"
            if self.section() is not None:
                self.section().texts.append(item.text)  # type: ignore[union-attr]
        self.body.items.append(item)
        return True

    def next_bullet(self, para: Paragraph) -> str | None:
        at = self.at[id(para)] + 1
        mark = (
            BULLET.match(self.paras[at].text)
            if at < len(self.paras) and self.kind_of(self.paras[at]) == "bullet"
            else None
        )
        return mark["mark"] if mark else None

    def numbered_next(self, para: Paragraph) -> bool:
        at = self.at[id(para)] + 1
        return at < len(self.paras) and self.kind_of(self.paras[at]) in ("number", "letter")

    def section_lead_in(self, item: Item) -> bool:
        """The unmarked paragraph right under a heading that leads into its numbered points ('Việc tổ chức
        hội nghị ... được thực hiện từ ngày 04/02/2026 đến ngày 08/02/2026 ..., cụ thể như sau:' / '1. ...')
        is the section's text; a time it states holds for the points under the section. (Over bullets, such
        a paragraph is a task its bullets spell out.)"""
        section = self.section()
        if section is None or not _LEAD_IN_END.search(item.text):
            return False
        item.role = "text"
        section.texts.append(item.text)
        self.body.items.append(item)
        span = _SPAN.search(item.text)
        time = span["t"] if span else time_in_text(item.text)[0]
        if time and reads_as_timeframe(time) and section.time is None:
            section.time = time
            section.time_from = f"đoạn mở đầu mục {section.number} (dòng {item.line})"
        return True

    def last_of_body(self, i: int) -> bool:
        """The paragraph is the body's last (an appendix may follow)."""
        return i + 1 == len(self.paras) or self.paras[i + 1].table == "appendix"

    def heading_units(self, heading: str) -> list[Match]:
        """The units a heading names as a whole ("2. Sở Nông nghiệp và Môi trường", "Công an tỉnh:"):
        the work written under it is theirs. A heading that is only names of the registry, of
        organisations, or that ends with ':' (a lead-in naming who) counts; one with more words
        ("1. Công tác tuyên truyền") does not."""
        text = _end_mark(heading).strip()
        text = re.sub(
            r"\s*(?:chủ trì|có trách nhiệm|chịu trách nhiệm|phối hợp|thực hiện)?\s*:?\s*$",
            "",
            text.rstrip(" .;:"),
            flags=re.I,
        )
        text = _ASSIGN.sub("", text)  # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, ...", "1. Tiếp tục yêu cầu Sở X ...:"
        if not text or len(text) > 160 or _OPENS_WITH_WORK.match(text):
            return []  # "1.2. Ban hành các Nghị quyết của ...:" names work ('Ban hành' is no 'Ban')
        if role := _UNIT_ROLE.match(text):
            text = role["unit"]  # "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": the unit, then its role
        matches, rest = self.registry.split(text)
        if not matches or not all(m.known or m.person or _ORG_NAME.match(m.written) for m in matches):
            return []  # "1.1. Trưởng Ban Chỉ đạo": a person's title stands for the leadership
        rest = rest.strip(" .,;:")
        if not rest or (heading.rstrip().endswith(":") and _VERB.match(rest)):
            return matches  # "2. Sở Nội vụ", "1. Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan ...:"
        return []

    def section_lead(self) -> list[Match]:
        return next((s.lead for s in reversed(self.stack) if s.lead or s.no_lead), [])

    def section_coordinating(self) -> tuple[list[Match], int]:
        """The units a role heading above gives to help ('Phối hợp với X:' under '1. Sở Y tế'), and its line."""
        for s in reversed(self.stack):
            if s.coordinating:
                return s.coordinating, s.line
            if s.lead or s.no_lead:
                break
        return [], 0

    def section_who(self) -> str | None:
        return next((s.who for s in reversed(self.stack) if s.who or s.lead), None)

    def next_group_number(self, level: int) -> str:
        """A number for a group or appendix written without one: its rank among its siblings."""
        siblings = self.stack[level - 2].children if level > 1 and len(self.stack) >= level - 1 else self.body.sections
        return str(len(siblings) + 1)

    def add_row(self, i: int) -> int:
        """A row of a task table: a work item whose label lines (the row's cells) are its own; no
        block outside the row governs it. A row of a table of targets is text, not a task."""
        para = self.paras[i]
        self.close_pending()
        self.after_heading = False
        text = _end_mark(para.text)
        item = Item(text, para.line, self.path(), para.key, None, para.markers)
        item.time_text, item.time_how = time_in_text(text)
        item.doubt = para.doubt
        j = i + 1
        while j < len(self.paras) and self.paras[j].table == "label":
            for label in _labels(self.paras[j].text, self.paras[j].line):
                label.doubt = self.paras[j].doubt
                item.own.append(label)
            j += 1
        if para.table == "text":
            item.role = "text"
            if self.section() is not None:
                self.section().texts.append(_numbered_text(para.key, text))  # type: ignore[union-attr]
        self.body.items.append(item)
        return j

    def ends_list(self) -> bool:
        """An unmarked paragraph right after the dash items of a numbered sub-section is not one of
        them: it speaks for the section the sub-section belongs to."""
        last = self.body.items[-1] if self.body.items else None
        return (
            self.top_role() == "tasks"
            and len(self.stack) >= 3
            and re.fullmatch(r"\d+(?:\.\d+)*[.\-]?", self.stack[-1].number) is not None
            and last is not None
            and last.marker is not None
            and last.path == self.path()
        )

    def next_is_item(self, para: Paragraph) -> bool:
        for later in self.paras[self.at[id(para)] + 1 :]:
            kind = self.kind_of(later)
            return kind in ("bullet", "letter", "plain")
        return False

    # ------------------------------------------------------------ who and when, in the item itself

    def read_own(self, item: Item) -> None:
        text = item.text
        inline = _INLINE_LABELS.search(text)
        if inline and inline.start() > 20:
            for part in re.split(r";\s*(?=[^;]*:)", text[inline.start() :].strip(" ()")):
                if found := label_of(part.strip()):
                    item.own.append(LabelLine(found[0], found[1].strip().rstrip(" ).;").strip(), item.line))
            item.text = text = text[: inline.start()].rstrip(" (;,")
        if colon := re.match(r"^(?P<who>[^:;.()]{3,90}?)\s*:\s+(?=\S)", text):
            matches, rest = self.registry.split(colon["who"])
            known = [m for m in matches if m.known or _ORG_NAME.match(m.written)]
            if known and not rest and len(known) == len(matches):
                item.lead, item.lead_how = known, "colon"  # "Sở Xây dựng: hướng dẫn ..."
        if not item.lead:
            self.read_subject(item)
        if not item.lead and (given := _GIVEN_IN_BRACKETS.search(text)):
            # '... (Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026).': the item names its lead last
            matches, rest = self.registry.split(given["who"])
            if matches and not rest.strip(" ,;") and all(_reads_as_body(m) for m in matches):
                item.lead, item.lead_how = matches, "giao"
        if item.lead_how in ("subject", None):
            person = PERSON_TITLE.match(item.text) is not None  # 'Đồng chí Chủ tịch ... chịu trách nhiệm ...'
            if item.marker is not None and item.lead_how == "subject" and not person:
                # a bullet's subject, when the registry knows it, yields to its group's 'Chủ trì' line; one
                # it does not know may be words of the sentence, not a unit
                named = all(m.known or _unit_like(m.written) for m in item.lead)
                item.lead, item.lead_how = (item.lead, "subject-bullet") if named else ([], None)
        item.time_text, item.time_how = time_in_text(text)

    def read_subject(self, item: Item, groups_only: bool = False) -> None:
        text = item.text
        # "Hằng năm, ...", "Căn cứ Kế hoạch này, ...", "Trên cơ sở nội dung Kế hoạch nêu trên, ...": the subject follows
        opening = _SUBJECT_OPENING.match(text)
        rest_text = text[opening.end() :] if opening else text
        if timed := _OPENING.match(rest_text):  # "Từ ngày 04/02/2026: Ban Thường trực ... họp ..."
            rest_text = rest_text[timed.end() :].lstrip(" ,:")
        giao = _ASSIGN.match(
            rest_text
        )  # "Đề nghị UBND xã ...", "Tiếp tục yêu cầu Sở X ...": work given to whom it names
        if groups_only and not self.bullet_subject(rest_text):
            return
        if giao:
            target = rest_text[giao.end() :]
            if fold(target).startswith(("cac ", "nhung ", "tung ")):
                return
            matches, rest = self.split_subject(target)
            matches = self.rejoin_and(matches, target)
            if not matches or not rest:
                return
            if "de nghi" in fold(giao[0]) and not all(m.known or _short_unit(m.written) for m in matches):
                return  # a request to bodies not read one by one: no lead rather than a wrong unit
            helped = re.match(r"^(?:giúp|tham mưu (?:cho|giúp))\s+", rest)
            if helped:
                who, _ = self.registry.split(rest[helped.end() :])
                if who and who[0].known:
                    item.lead, item.advising, item.lead_how = who[:1], matches, "giao-help"
                    return
            item.lead, item.lead_how = matches, "giao"
            return
        plural = fold(rest_text).startswith(("cac ", "nhung ", "tung ", "moi "))
        matches, rest = self.split_subject(rest_text)
        matches = self.rejoin_and(matches, rest_text)
        if plural and not (matches and matches[0].generic and all(m.usable for m in matches)):
            return  # "Các cấp ủy, tổ chức đảng chủ động ...": a group only when read as one
        known = all(m.usable for m in matches) or (len(matches) == 1 and bool(_ORG_NAME.match(rest_text)))
        if matches and rest and known and _VERB.match(rest):
            # a generic group as subject ("Các Sở, ban, ngành ... chủ động ...") yields to label lines
            item.lead, item.lead_how = matches, "subject-group" if plural else "subject"

    def split_subject(self, text: str) -> tuple[list[Match], str]:
        """The units a sentence opens with and the rest: a last name the registry does not know that ran
        on into the sentence ('Ban Thường trực UBMTTQ xã trao đổi với cơ quan') is cut before the verb,
        when what stays reads as a body's name ('Ban Thường trực UBMTTQ xã')."""
        matches, rest = self.registry.split(text)
        last = matches[-1] if matches else None
        if last is None or last.known or (verb := _CUT_VERB.search(last.written)) is None:
            return matches, rest
        name = last.written[: verb.start()]
        if not _short_unit(name) or len(name.split()) < 2:
            return matches, rest
        at = text.find(last.written)
        if at < 0:
            return matches, rest
        head, tail = self.registry.split(text[: at + len(name)])
        if len(head) != len(matches) or tail.strip(" ,;:"):
            return matches, rest
        return head, text[at + verb.start() :].strip()

    def rejoin_and(self, matches: list[Match], text: str) -> list[Match]:
        """'Sở Nông nghiệp và Môi trường chủ trì ...' split at 'và' into 'Sở Nông nghiệp' and 'Môi
        trường': a part the registry does not know that is no organisation's name is the rest of the
        name before it, when the two read as one unit."""
        out: list[Match] = []
        for match in matches:
            above = out[-1] if out else None
            joined = f"{above.written} và {match.written}" if above else ""
            if (
                above
                and not match.known
                and not match.generic
                and not _ORG_NAME.match(match.written)
                and joined in text
            ):
                whole, rest = self.registry.split(joined)
                if len(whole) == 1 and not rest.strip():
                    out[-1] = whole[0]
                    continue
            out.append(match)
        return out

    def bullet_subject(self, text: str) -> bool:
        """A bullet inside a group takes the group's block, unless its subject is a group of units, a
        person's title, or who leads ('- Sở Y tế chủ trì kiểm tra ...')."""
        return bool(
            fold(text).startswith(("cac ", "nhung ")) or PERSON_TITLE.match(text) or _SAYS_LEAD.search(text[:160])
        )

    def organisation_point(self, item: Item) -> None:
        """In 'Tổ chức thực hiện', a point is a task only when it gives work to a named unit (in its
        words or in the heading above it) or a time."""
        if self.section_lead() or self.section_who():
            item.why = "giao việc cho đơn vị nêu ở tên mục"
            return
        if self.sibling_lead and self.sibling_lead[1] == item.path and item.number is not None:
            item.lead, item.lead_how = list(self.sibling_lead[0]), "heading"
            item.why = "giao việc cho đơn vị nêu ở điểm mở đầu ('Giao ...:') ngang hàng"
            return
        if self.bullet_head and self.bullet_head[2] and item.marker is not None:
            item.why = "giao việc cho đơn vị nêu ở điểm dẫn ở trên"
            return
        if self.colon_who(item):
            item.why = "điểm mở đầu bằng đơn vị được giao ('Sở X: việc', 'Đề nghị X, Y: việc')"
            return
        self.read_subject(item)
        if item.lead and item.number is not None and item.text.rstrip().endswith(":"):
            self.sibling_lead = (list(item.lead), item.path)
        who = _WHO_COLON.match(item.text)
        if not item.lead and who and label_of(item.text) is None:
            item.why = "đoạn mở đầu bằng người, đơn vị được giao ('...: việc')"
            item.who = who["who"]  # "Đồng chí Phó Trưởng ban - Ủy viên: Trực tiếp chỉ đạo ..."
            return
        time_text, how = time_in_text(item.text)
        # A group "at every level" ("Ban Dân vận các cấp ủy", "các cấp ủy, tổ chức đảng") is the whole
        # system the plan calls on, not a body given work; a group of bodies ("các sở, ban, ngành",
        # "UBND các xã, phường") is.
        if item.lead and not any(re.search(r"\bcac cap\b", fold(m.written)) for m in item.lead):
            generic = any(m.generic or self.registry_generic(m.unit) for m in item.lead)
            if generic and _only_carry_out(item.text, item.lead[-1].written):
                # "Các đơn vị căn cứ Kế hoạch này triển khai thực hiện.": a call on all, no work of its own
                item.role, item.lead, item.advising = "text", [], []
                return
            item.why = "giao việc cho nhóm đơn vị" if generic else "giao việc cho đơn vị cụ thể"
            return
        if time_text and how == "opening" and fold(time_text) != "dinh ky":  # a bare "Định kỳ" names no time
            item.why = "mở đầu bằng mốc thời gian"
            return
        item.lead, item.advising = [], []
        if (who := _subject_words(item.text)) is not None:
            item.who, item.why = who, "câu có chủ thể là cơ quan, người được giao việc"
            return
        item.role = "text"

    def colon_who(self, item: Item) -> bool:
        """'3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp ...', '2. Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc
        Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp ...': bodies named before a colon,
        then their work. Every name must read as a body (known, a group, or an organisation's name)."""
        colon = _BODIES_COLON.match(item.text)
        if colon is None or label_of(item.text) or _FIELD_POINT.match(item.text):
            return False
        matches, rest = self.registry.split(colon["who"])
        if not matches or rest.strip(" ,;") or not all(_reads_as_body(m) for m in matches):
            return False
        item.lead, item.lead_how = matches, "colon"
        return True

    def registry_generic(self, unit_id: str | None) -> bool:
        unit = self.registry.units.get(unit_id or "")
        return bool(unit and unit.generic)

    # ------------------------------------------------------------ blocks

    def apply_block(self, block: list[LabelLine], after: int) -> None:
        if not self.pending and self.after_heading:
            # "2.1. Công tác tuyên truyền / Cơ quan chủ trì: ... / - item / - item": the block
            # right under a heading governs the items of that section written after it.
            self.leading = (self.path(), block)
            return
        if not self.pending:
            if self.body.items and self.body.items[-1].role == "task":
                self.body.items[-1].own.extend(block)  # a block after an item already governed
            return
        has_lead = any(line.role in ("lead", "lead-or-executing") or line.above for line in block)
        if not has_lead and self.more_items_follow(after):
            self.pending[-1].own.extend(block)  # belongs to the item just above
            return
        for item in self.pending:
            if item.lead_how in ("colon", "subject", "giao", "giao-help"):
                # "+ Sở Xây dựng: ..." names its own lead; the block's time still holds for it
                timed = [line for line in block if line.role == "timeframe"]
                if timed and not any(line.role == "timeframe" for line in item.own):
                    item.block, item.block_line = timed, timed[0].line
                continue
            if any(line.role == "lead" for line in item.own):
                continue  # "(Chủ trì: ...; thời gian: ...)" written in the item itself
            item.block = block
            item.block_line = block[0].line
        self.pending = []

    def more_items_follow(self, after: int) -> bool:
        for para in self.paras[after:]:
            kind = self.kind_of(para)
            mark = BULLET.match(para.text) if kind == "bullet" else None
            if mark and self.pending and self.pending[-1].marker not in (None, mark["mark"]):
                return False  # '+ a' / '+ b' / block / '- c': the block closes the '+' points above it
            if kind in ("bullet", "letter", "plain"):
                return True
            if kind == "number":
                return not self.is_heading(self.at[id(para)], kind) and len(self.path()) >= self.pending_level
            return False
        return False

    def close_pending(self) -> None:
        self.pending = []


# ---------------------------------------------------------------- helpers

# Words a sentence's subject opens with when it names bodies or people in general ('Cơ quan, tổ chức,
# đơn vị có người ứng cử cung cấp ...', 'Các đơn vị ...', 'Người đứng đầu ...').
_BODY_WORD = re.compile(r"^(?:Cơ quan|Đơn vị|Tổ chức|Các|Những|Người|Cá nhân|Doanh nghiệp)\b")
# A paragraph wholly in quotation marks: a theme or a motto ('1. Chủ đề thi đua' / '“Lập thành tích ...”.')
_QUOTED = re.compile(r'^[“"«][^“”"«»]{3,}[”"»]\s*[.;]?$')
_PLAIN_LEAD_IN = "¶"  # the mark of a lead-in written as a plain paragraph, over bullets
# Bodies named before a colon, then their work: 'Sở X: ...', 'Đề nghị X, Y và Z: ...'
_BODIES_COLON = re.compile(rf"^(?:(?:Đề nghị|Giao)\s+)?(?P<who>[{UPPER}a-zđ][^:;.()]{{2,160}}?)\s*:\s+(?=\S)")


_NEXT_LABEL = re.compile(
    r"[;.]\s+(?=(?:cơ quan|đơn vị)?\s*(?:chủ trì|phối hợp|thời gian|tham mưu)[^:;]{0,20}:)", re.IGNORECASE
)


def _labels(text: str, line: int) -> list[LabelLine]:
    """One or more labels on a line: 'Cơ quan chủ trì: UBND huyện; cơ quan phối hợp: Ban Dân vận Huyện ủy.'"""
    out: list[LabelLine] = []
    if (content := _CONTENT_FIELD.match(text) or _CONTENT_POINT.match(text) or _WORK_VALUE.match(text)) and (
        label_of(text) is None
    ):
        return [LabelLine("method", content["value"].strip(), line)]
    if label_of(text) is None and (deadline := deadline_of(text)) is not None:
        return [LabelLine("timeframe", deadline[0], line, above=deadline[1])]
    if _WORK_FIELD.match(text):
        return [LabelLine("method", "", line)]
    for part in _NEXT_LABEL.split(text):
        if found := label_of(part.strip()):
            out.append(LabelLine(found[0], found[1], line))
        elif out:
            out[-1].value += "; " + part.strip()
    return out


NO_SECTIONS = "văn bản không chia mục; mục 'I. Nội dung' do lệnh nhập đặt để ghi các nhiệm vụ"


_TABLE_KINDS = {"appendix": "appendix", "group": "group", "row": "row", "text": "row", "label": "label"}


def _label_text(text: str) -> bool:
    """A label line, lettered or not: '- Thời gian: ...', 'b) Địa điểm: ...'."""
    lettered = LETTERED.match(text)
    return label_of(lettered["rest"] if lettered else text) is not None


def _roman(text: str) -> bool:
    match = HEADING_ROMAN.match(text)
    return bool(match and match["num"] and match["rest"][:1].isupper())


_INLINE_LABELS = re.compile(
    r"[(;.]\s*(?:Cơ quan chủ trì|Đơn vị chủ trì|Chủ trì|Thời gian thực hiện|Thời gian hoàn thành)\s*:", re.IGNORECASE
)
_VERB = re.compile(rf"^[{LOWER}]")
# A lead-in by which the sender reports, not assigns ('Sở Công Thương báo cáo, cung cấp một số thông tin
# cụ thể như sau:'); one that asks or gives work ('đề nghị các đơn vị báo cáo ...') does not.
_REPORTS = re.compile(r"^(?!.*\b(?:de nghi|yeu cau|giao|chi dao)\b).*\b(?:bao cao|cung cap(?: thong tin)?)\b")
# A point that ends by naming the criteria it goes by ("... lập danh sách sơ bộ căn cứ vào các tiêu chí:"):
# the points under it list them; they are not work.
_CRITERIA = re.compile(
    r"\b(?:các|những)\s+(?:tiêu chí|tiêu chuẩn|điều kiện|căn cứ)(?:\s+(?:sau|sau đây|như sau))?\s*:\s*$", re.I
)
# The standing rule that closes many plans: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các
# cơ quan báo cáo ... để xem xét, giải quyết." It says what to do if a problem arises; it is not work.
_ON_PROBLEMS = re.compile(
    r"^Trong quá trình (?:tổ chức )?(?:thực hiện|triển khai)[^.;]{0,60}?\bnếu\s+(?:có|phát sinh|phát hiện|gặp)\s+"
    r"(?:những\s+|các\s+)?(?:khó khăn|vướng mắc|vấn đề)",
    re.IGNORECASE,
)
# A paragraph stating a case and what is done in it: a rule, not work.
_CONDITION = re.compile(r"^(?:Trường hợp|Nếu|Riêng trường hợp)\b[^.;:]{3,200}?\bthì\b")
# A paragraph that leads into the points under it ("..., cụ thể như sau:").
_LEAD_IN_END = re.compile(r"(?:như sau|sau đây|cụ thể|gồm|bao gồm|các nội dung sau)\s*:\s*$", re.IGNORECASE)
_SPAN = re.compile(r"\b(?P<t>từ ngày \d{1,2}/\d{1,2}/\d{4}\s+(?:đến|-|–)\s+(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4})", re.I)
_LEAD_IN_TAIL = re.compile(r"\s*(?:như sau|sau đây|gồm|bao gồm|cụ thể)\s*:?\s*$", re.IGNORECASE)
# A point that only says where the work is written: "Thực hiện theo lộ trình tại phần (II) của Kế
# hoạch này.", "Các nhiệm vụ cần làm ngay ... được xác định tại Phụ lục 2 kèm theo ...".
_POINTER = re.compile(
    r"^(?:(?:Thực hiện|Triển khai|Tổ chức thực hiện)?\s*theo\s+[^.;:]{0,60}?\btại|"
    r"[^.;:]{0,120}?\b(?:được xác định|được nêu|được quy định|được giao|có)\s+(?:tại|trong|ở))\s+"
    r"(?:các\s+)?(?:Phụ lục|phụ lục|Phụ biểu|phụ biểu|phần|Phần|mục|Mục)\b",
    re.IGNORECASE,
)
# A heading of 'Tổ chức thực hiện' that names who, in words that name agents ("2. Các tổ chức thành
# viên của MTTQ xã", "3. Cán bộ phụ trách lĩnh vực giám sát"), when the registry does not know them.
_AGENT = re.compile(
    r"^(?:Các|Ban|Cán bộ|Đồng chí|Ủy ban|Uỷ ban|UBND|Sở|Phòng|Hội|Đoàn|Thường trực|Tổ|Chi bộ|Đảng ủy|Đảng uỷ|"
    r"Trưởng|Phó|Công an|Trung tâm|Văn phòng|Thủ trưởng|Giám đốc|Chủ tịch|Bí thư|Mặt trận|Lãnh đạo|Chuyên viên|Bộ phận|"
    r"Thành viên|Tổ công tác)\b"
)
# A body named by its field and level, in a part giving work per body ("8. Thanh tra tỉnh", "9. Thuế tỉnh").
_BODY_OF_LEVEL = re.compile(
    rf"^[{UPPER}][{LOWER}]*(?:\s+[{LOWER}{UPPER}]+){{0,3}}\s+(?:tỉnh|huyện|thành phố|thị xã|xã|phường)$"
)
# A part that gives work by who does it, one heading per unit ("III. Phân công nhiệm vụ" / "1. Công an
# tỉnh"), as "Tổ chức thực hiện" does.
_ASSIGNING = re.compile(r"^(?:phan cong|trach nhiem|nhiem vu cua|nhiem vu cu the cua|giao nhiem vu)\b")
# "Trách nhiệm của đối tượng thực hiện kiểm kê": the heading names who, after these words
# "Trên đây là Kế hoạch ...": the paragraph that closes the plan's body
_CLOSING_PARAGRAPH = re.compile(r"^Trên đây\b")
_OWNED_BY = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ)(?: cụ thể)?\s+của\s+(?=\S)", re.IGNORECASE)
# "Đồng chí Trưởng ban - Trưởng Tiểu ban: Phụ trách chung, ...": who, a colon, then the work
_WHO_COLON = re.compile(
    rf"^(?P<who>(?:Đồng chí|Đ/c|Ông\.?|Bà\.?|Trưởng|Phó|Ủy viên|Uỷ viên|Thành viên|Các thành viên|Tổ trưởng)(?!\w)"
    rf"[^:;.()]{{2,110}}?)\s*:\s+(?=[{UPPER}])"
)
# "Đối với Đoàn kiểm tra: Các thành viên Đoàn thực hiện ...": the work of whom the opening names
_FOR_WHOM = re.compile(rf"^Đối với\s+(?P<who>[^:;.()]{{3,90}}?)\s*:\s+(?=[{UPPER}])")
# A unit, a dash, and its role in a body the plan sets up: "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo".
_UNIT_ROLE = re.compile(
    r"^(?P<unit>.+?)\s+[-–]\s+(?:Cơ quan (?:thường trực|chủ trì|đầu mối)|Thường trực|Thành viên|Ủy viên|Uỷ viên|"
    r"Trưởng ban|Phó Trưởng ban|Tổ trưởng|Thư ký)\b[^,;:]*$"
)
# A heading that states only a role ('Là cơ quan đầu mối chủ trì thực hiện các nhiệm vụ sau', 'Phối hợp với Sở
# Tài chính thực hiện', 'Chủ trì, phối hợp với X:', 'Tham gia phối hợp'): the unit named above has that role.
_ROLE_HEADING = re.compile(
    r"^(?:(?:Là\s+)?(?:cơ quan|đơn vị)(?:\s+(?:đầu mối|thường trực|chính))*\s*,?\s*)?"
    r"(?P<role>chủ trì|(?:tham gia\s+)?phối hợp)"
    r"(?:\s*,\s*phối hợp)?(?:\s+(?:với|cùng(?:\s+với)?)\s+(?P<with>[^:;()]+?))?"
    r"(?:\s*,?\s*(?:tổ chức\s+)?(?:thực hiện|triển khai)?\s*(?:các|những)?"
    r"\s*(?:nhiệm vụ|nội dung|công việc|việc|hoạt động)?"
    r"\s*(?:sau đây|sau|như sau|cụ thể(?:\s+như sau)?|gồm)?)?\s*$",
    re.IGNORECASE,
)
# A lead-in heading that opens with work ('Ban hành các Nghị quyết ...:', 'Tập trung lãnh đạo, chỉ đạo thực
# hiện:') names what its points are, not who does them; a word of work before a name ('Lãnh đạo Ban'), one that
# gives work ('Giao', 'Đề nghị', 'Yêu cầu') or states a role ('Chủ trì', 'Phối hợp') is not one.
_NOT_OPENING_WORK = ("giao", "đề nghị", "yêu cầu", "chủ trì", "phối hợp", "tham mưu", "phụ trách", "chịu trách nhiệm")
_OPENS_WITH_WORK = re.compile(
    rf"^(?i:{verbs.alternation([w for w in (*verbs.WORK, *verbs.MANNER) if w not in _NOT_OPENING_WORK])})\b"
    rf"(?!\s+[{UPPER}])"  # case-sensitive: 'Lãnh đạo Ban' names who
)
# A heading naming a unit that leads, then the units that help: '... chủ trì, phối hợp với X (thực hiện)'.
_LEADS_WITH = re.compile(
    r"\bchủ trì\s*,?\s*phối hợp\s+(?:với|cùng)\s+(?P<with>[^:;()]+?)"
    r"(?:\s*,?\s*(?:thực hiện|triển khai|tổ chức thực hiện)(?:\s+(?:các|những)(?:\s+\S+){1,3}?)?"
    r"(?:\s+(?:sau đây|sau|như sau))?)?\s*:?\s*$",
    re.IGNORECASE,
)
# An item that names who leads it in a closing bracket: '(Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý
# II/2026)', '(Giao Hội đồng nhân dân xã chủ trì, phối hợp với ...)', '(Giao Ủy ban Kiểm tra phối hợp với Văn
# phòng tham mưu ...)'. (A PDF's text may lose the space in 'chủ trì'.)
_GIVEN_IN_BRACKETS = re.compile(
    r"\(\s*(?:Giao|giao)\s+(?P<who>[^()]{3,100}?)\s+(?:chủ\s*trì|phối\s*hợp|tham\s*mưu|thực\s*hiện)\b[^()]*\)\s*[.;]?\s*$"
)
# A bullet that says who leads it: its subject is the lead even where a group's block governs.
_SAYS_LEAD = re.compile(rf"^[{UPPER}][^,;:.()]{{2,100}}?\s(?:chủ trì|chịu trách nhiệm|có trách nhiệm)\b")
# An organisation's name, for a subject the registry does not know: "Ủy ban nhân dân huyện chỉ đạo ..."
_ORG_NAME = re.compile(
    r"^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|(?:Ban|Sở|Phòng|Hội|Đảng ủy|Đảng đoàn|"
    r"Ban cán sự đảng|Công an|Bộ Chỉ huy|Mặt trận|Văn phòng|Trường|Huyện ủy|Thành ủy|Thị ủy|Tỉnh ủy|Liên đoàn|"
    rf"Tỉnh đoàn|Huyện đoàn|Trung tâm|Cục|Tổng cục|Chi cục|Vụ|Bộ|Viện|Tòa án|Kho bạc|Ngân hàng|Đài)\s+[{UPPER}])"
)


# Headings of parts that report or describe rather than assign: results, the situation ("context"),
# and rules, criteria, who takes part ("norms"). Their points are the section's text, not tasks.
_CONTEXT = re.compile(
    r"^(?:ket qua(?! du kien| dau ra| can dat)|danh gia (?:ket qua|tinh hinh|chung|thuc trang|viec)|tinh hinh|"
    r"thuc trang|hien trang|boi canh|su can thiet|co so (?:phap ly|chinh tri|thuc tien|xay dung)|"
    r"nhung (?:ket qua|han che)|han che|ton tai|nguyen nhan|bai hoc|(?:danh gia |du bao )?nguy co)\b"
)
_NORMS = re.compile(
    r"^(?:quy dinh ve|tieu chuan|tieu chi|nguyen tac|doi tuong|thanh phan|co cau|dieu kien|pham vi|"
    r"so luong)\b"
)


# An appendix that is a form or an outline to fill in, not work: "ĐỀ CƯƠNG BÁO CÁO ...", "Mẫu số 01",
# "BIỂU MẪU ...", "PHIẾU ĐĂNG KÝ ...", "DANH SÁCH ...".
_FORM_TITLE = re.compile(
    r"^(?:(?:mau|bieu mau)\b|de cuong|phieu|bien ban|to khai|danh sach|so theo doi|giay (?:moi|de nghi|xac nhan))"
)


# A point that states a field of the event the plan organises, not work: "Thời gian kiểm tra: ...",
# "Địa điểm: ...", "Đối tượng: ...", "Thành phần: ...".
_FIELD_POINT = re.compile(
    rf"^(?:(?:Thời gian|Đối tượng|Thành phần)(?: [{LOWER}]+){{0,3}}|Thời điểm|Địa điểm|Hình thức|Phạm vi|Quy mô|"
    r"Số lượng|Khách mời)\s*:"
)
# A field whose value may be a list, one point a line ('Đối tượng: ..., cụ thể:', 'Thành phần gồm:'); a
# time field leads into a schedule, whose points are work ('Thời gian: ... như sau:' / '- Từ ngày ...: ...').
_FIELD_LIST = re.compile(
    rf"^(?:(?:Đối tượng|Thành phần)(?: [{LOWER}]+){{0,3}}|Địa điểm|Hình thức|Phạm vi|Quy mô|Số lượng|Khách mời)"
    r"(?:,?\s+(?:cụ thể|gồm|bao gồm|như sau))?\s*:"
)
# "- Nội dung thực hiện: ...": what the task above consists of, written as a field among its label lines
# ("Nội dung: ..." alone opens the task's own paragraph under a heading naming an event: it stays the task)
_CONTENT_FIELD = re.compile(r"^[-+*•–]?\s*Nội dung (?:thực hiện|công việc)\s*:\s*(?P<value>\S.*)$", re.I)
# A field with no value of its own that lists the work of the item above: '- Nhiệm vụ:' / '+ ...'.
_WORK_FIELD = re.compile(r"^[-+*•–]?\s*(?:Nhiệm vụ|Nội dung|Công việc)(?: cụ thể)?\s*:\s*$")
# A field naming the work, with its value, among the fields of an event under a heading ('4. Hội nghị sơ
# kết' / '- Địa điểm: ...' / '- Thời gian: ...' / '- Nhiệm vụ: Phòng X chuẩn bị nội dung.'): the heading is
# the task, this its content. (A bare 'Nội dung: ...' opens the heading's work: see _CONTENT_POINT.)
_WORK_VALUE = re.compile(
    r"^[-+*•–]?\s*(?:Nhiệm vụ|Công việc)(?: cụ thể| chính| thực hiện| được giao)?\s*:\s*(?P<value>\S.*)$", re.I
)
_EVENT_FIELD = re.compile(r"^(?:[-+*•–]\s*)?(?:[a-zđ]\)\s*)?(?:Địa điểm|Thành phần|Hình thức)[^:]{0,30}:", re.I)
_CONTENT_POINT = re.compile(r"^(?P<mark>[-+*•–])\s*Nội dung\s*:\s*(?P<value>\S.*)$")
# Words a line cut at its end leaves last ('- Huy động nguồn lực từ các' / 'Chương trình, ...').
_CUT_WORDS = frozenset(
    {"cac", "va", "cua", "voi", "cho", "trong", "theo", "tai", "ve", "de", "nhung", "duoc", "la", "tu", "den"}
    | {"nhu", "hoac", "cung", "mot", "so", "nham", "tren", "duoi"}
)
# What may open a sentence before its subject, in a chain: a cadence ("Hằng năm, "), a ground or a
# point in time ("Căn cứ ..., ", "Sau hội nghị hiệp thương lần thứ hai, trên cơ sở danh sách ..., "), the
# field the point fills ("Nội dung: "), the case it is about ("Đối với vụ việc ở khu dân cư thì ").
_SUBJECT_OPENING = re.compile(
    r"^(?:(?:Nội dung|Nhiệm vụ|Công việc)\s*:\s*)?"
    r"(?:(?:(?:Hằng|Hàng)\s+(?:năm|quý|tháng)"
    r"|(?:Căn cứ|Trên cơ sở|Sau khi|Sau|Trước khi|Khi|Ngay sau khi)\b[^,;:]{3,150}),\s*)*"
    r"(?:Đối với\s[^;:]{3,150}?,?\s+thì\s+)?",
    re.IGNORECASE,
)
# "Đối với các vụ việc khiếu kiện đông người thì các phòng thuộc Ban có trách nhiệm ...": the case, then
# who is given the work in it, then the work; who is named though the words may not read as units.
_FOR_CASE = re.compile(
    r"^Đối với\s[^;:]{3,150}?,?\s+thì\s+(?P<who>[^,;:.()]{3,120}?)\s+"
    r"(?:có trách nhiệm|chịu trách nhiệm|chủ trì|chủ động|phối hợp|tham mưu|thực hiện|tổ chức|phải|cần)\b"
)
# Verbs that end a name the registry does not know and go on with the sentence ('Ban Thường trực UBMTTQ
# xã trao đổi với cơ quan ...'): the name is cut before them. Words that are also nouns in names ('Đoàn
# kiểm tra', 'các cơ quan, tổ chức') are left out.
_CUT_VERB = verbs.CUT_NAME
_WORK_HEADING = re.compile(r"^(?:noi dung|nhiem vu|giai phap|cac hoat dong|hoat dong)\b")
_FUNDS = re.compile(r"^(?:du kien |bao dam |dam bao )?(?:cac )?(?:nguon )?(?:kinh phi|nguon luc|von)\b")
# A point that states where money comes from or how it is spent, not work: 'Kinh phí thực hiện Kế hoạch
# được bố trí trong dự toán ...', 'Kinh phí khen thưởng: Từ nguồn ...', 'Nguồn kinh phí: ...'.
_FUNDS_POINT = re.compile(r"^(?:Nguồn\s+)?(?:kinh phí|vốn)\b(?![^.;:]{0,80}\b(?:chủ trì|tham mưu)\b)", re.I)
# A lead-in to points that are not work: targets ('... bằng các chỉ tiêu cụ thể như sau:') or notes on
# a rule ('Lưu ý khi bình xét thi đua:'). The points after it in its section are its content.
_NOT_WORK_LEAD = re.compile(
    r"(?:\b(?:các|những)\s+(?:chỉ tiêu|mục tiêu)(?:\s+[^\s:;]+){0,4}\s*:\s*$"
    r"|^(?:Lưu ý|Chú ý|Ghi chú)\b[^:]{0,80}:\s*$)",
    re.IGNORECASE,
)


# What a group is told to do when it is only to carry the plan out: "(căn cứ Kế hoạch này) chủ động
# triển khai thực hiện", "căn cứ Chỉ thị ... để tổ chức thực hiện kế hoạch này".
_CARRY_OUT = re.compile(
    r"^(?:(?:căn cứ|theo)\s+[^,;]{0,120}?\s+)?(?:để\s+)?(?:(?:chủ động|nghiêm túc|khẩn trương)\s+)*"
    r"(?:(?:tổ chức|triển khai)\s+)*thực hiện(?:\s+(?:tốt|nghiêm túc|có hiệu quả|hiệu quả))?"
    r"(?:\s+(?:kế hoạch|chương trình)(?:\s+này)?)?\s*[.;]?$",
    re.IGNORECASE,
)


def _only_carry_out(text: str, subject: str) -> bool:
    at = text.find(subject)
    return at >= 0 and _CARRY_OUT.match(text[at + len(subject) :].strip(" ,")) is not None


# Verbs that end a unit's name in a sentence: a name the registry does not know that holds one ran on
# into the sentence ('Ban Thường trực UBMTTQ xã trao đổi với cơ quan').
_VERB_IN_NAME = verbs.IN_NAME


def _unit_like(written: str) -> bool:
    """A name the registry does not know reads as a unit: it opens with an organisation's word and
    holds no verb of the sentence."""
    return bool(_ORG_NAME.match(written)) and _VERB_IN_NAME.search(written) is None


def _reads_as_body(match: Match) -> bool:
    """A name read from the text denotes bodies: known, a group ('các tổ chức chính trị - xã hội tỉnh'), or
    written as an organisation's name."""
    return match.named or _unit_like(match.written) or fold(match.written).startswith(("cac ", "nhung "))


# Verbs that follow the subject of a sentence giving work ('Thủ trưởng các sở, ban, ngành ... chịu trách
# nhiệm ...', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổng hợp, trình ...').
_WORK_VERB = verbs.AFTER_SUBJECT
_SUBJECT_VERB = re.compile(rf"^(?P<who>[^.;:()]{{3,160}}?)\s+{_WORK_VERB}\b")


def _subject_words(text: str) -> str | None:
    """The subject of a sentence that gives work to bodies or people it names though they are not read
    as units: the words before its verb, when they open as a body's or a post's name."""
    if (case := _FOR_CASE.match(text)) and not fold(case["who"]).startswith(("ta ", "chung ta")):
        return case["who"].strip(" ,")  # 'Đối với X thì <who> có trách nhiệm ...': the sentence says who
    opening = _SUBJECT_OPENING.match(text)
    rest = text[opening.end() :] if opening else text
    found = _SUBJECT_VERB.match(rest)
    if found is None:
        return None
    who = found["who"].strip(" ,")
    if not (_ORG_NAME.match(who) or PERSON_TITLE.match(who)) or _only_carry_out(text, who):
        return None  # 'Các phòng thuộc Ban ...': a call on the issuer's own staff stays the part's text
    if _VERB_IN_NAME.search(who) or re.search(r"\bcac cap\b", fold(who)):
        return None  # 'Ban Dân vận các cấp ủy ...': a call on every level
    return who


# A paragraph that reports what was done, not work to do: its opening and subject, then 'đã' and what
# was done ('Năm 2022, Ban Dân vận Tỉnh ủy đã tổ chức 12 hội nghị ...', 'Đã ban hành 05 kế hoạch ...',
# 'Toàn tỉnh đã có 15/15 xã ...'). An 'đã' after a verb of work belongs to a clause about the work's
# object ('Tiếp tục thực hiện các nội dung đã đề ra'); 'đã được giao' says who was given work; a
# ground or a case ('Căn cứ kết quả đã đạt được, ...', 'Đối với ... đã ...') opens work to do.
_DONE = re.compile(r"^(?P<before>[^;:.()]{0,160}?)(?<!\w)(?:đã|Đã)\s+(?!được\b|qua\b)(?=\w)")
_NOT_DONE = re.compile(
    r"\b(?:tiếp tục|cần|phải|đề nghị|yêu cầu|giao|có trách nhiệm|chịu trách nhiệm|chủ trì|sẽ|nhằm|để)\b"
)
_GROUND = re.compile(r"^(?:Căn cứ|Trên cơ sở|Đối với|Nếu|Khi|Sau khi|Trường hợp)\b[^,]*$", re.IGNORECASE)


_REPORT_OPENING = re.compile(
    r"^(?:Thực hiện|Triển khai|Qua|Từ|Trong|Năm|Đến|Thời gian qua|Sau|Với|Kết quả|Nhìn chung|Nhờ)\b"
)


def _reports_done(text: str) -> bool:
    found = _DONE.match(text)
    if found is None or _NOT_DONE.search(text):
        return False
    before = found["before"].strip()
    chunks = [c.strip() for c in before.split(",")] if before else []  # 'Qua kiểm tra, đã': ['Qua kiểm tra', '']
    if len(before.split()) > 14 or any(_GROUND.match(c) for c in chunks[-1:]):
        return False  # a long run before 'đã', or one naming a ground or a case: 'đã' is in a clause
    if len(chunks) > 1 and _REPORT_OPENING.match(chunks[0]):
        chunks = chunks[1:]  # 'Thực hiện Kế hoạch số 56, Ban đã ...', 'Qua kiểm tra, đã ...': an opening
    return not any(_VERB_IN_NAME.search(c[:1].lower() + c[1:]) for c in chunks if c)


# The words that give work to whom they name, at the opening of a point or a heading: 'Giao Sở X ...',
# 'Đề nghị: Hiệp hội ...', 'Tiếp tục yêu cầu các phòng thuộc Ban thực hiện ...:' (work assigned in a
# report's results or its programme is written this way).
_ASSIGN = re.compile(r"^(?:Tiếp tục\s+)?(?:Giao|Đề nghị|Yêu cầu|giao|đề nghị|yêu cầu)\s*:?\s+(?:cho\s+)?")
# Work given by the issuer to its own or lower bodies, amid results ('Tiếp tục yêu cầu các sở ...', 'Giao Sở
# X ...'); a request ('Đề nghị Bộ X ...') there is most often a proposal to a higher body, not work.
_GIVES_WORK = re.compile(r"^(?:Tiếp tục\s+)?(?:Giao|Yêu cầu|giao|yêu cầu)\s+(?:cho\s+)?\S")
_ASSIGNED_WORK = re.compile(rf"\s+{verbs.AFTER_SUBJECT}\b")


def _assigned_who(heading: str) -> str:
    """Who a heading that assigns names: 'Tiếp tục yêu cầu các phòng thuộc Ban thực hiện tốt các nội dung
    sau' -> 'các phòng thuộc Ban'; any other heading whole."""
    found = _ASSIGN.match(heading)
    if found is None or found[0].rstrip().endswith(":"):
        return heading
    rest = heading[found.end() :]
    work = _ASSIGNED_WORK.search(rest)
    return rest[: work.start()].strip(" ,") if work and work.start() >= 3 else heading


def _short_unit(written: str) -> bool:
    return _unit_like(written) and len(written.split()) <= 10 and "," not in written


def _sub_role(heading: str, parent: str) -> str:
    """A sub-section's role: its part's, unless its own heading says it reports or sets rules."""
    key = fold(heading)
    if parent in ("norms", "context") and _WORK_HEADING.match(key):
        return "work"  # "3. Đối tượng, nội dung kiểm tra" / "3.2. Nội dung kiểm tra": the work, under the rules
    if parent == "context" and _GIVES_WORK.match(heading):
        return "work"  # '2. Tiếp tục yêu cầu các phòng thuộc Ban thực hiện các nội dung sau:' amid results
    if parent not in ("tasks", "organisation"):
        return parent
    if _CONTEXT.match(key):
        return "context"
    if _NORMS.match(key):
        return "norms"
    return parent


def _section_role(heading: str) -> str:
    key = fold(heading)
    if key.startswith(("muc dich", "yeu cau", "muc tieu")) or key in ("muc dich yeu cau", "muc dich, yeu cau"):
        return "aims"
    if _CONTEXT.match(key) or key.startswith(("danh gia", "du bao")):
        return "context"  # a part of the plan headed "Đánh giá ..." assesses; its tasks are elsewhere
    if _NORMS.match(key):
        return "norms"
    if "to chuc thuc hien" in key and len(key) < 40:
        return "organisation"
    if _FUNDS.match(key) or key.startswith(("che do bao cao", "khau hieu")):
        return "funds"  # money, reports, slogans: text, not tasks
    return "tasks"


def _aim_or_requirement(section: Section | None, text: str) -> str:
    heading = fold(section.heading) if section else ""
    if heading.startswith("yeu cau"):
        return "requirement"
    if heading.startswith(("muc dich", "muc tieu")):
        return "aim"
    return "requirement" if re.search(r"\b(phải|cần|bảo đảm|đảm bảo)\b", text) else "aim"


def _numbered_text(number: str | None, text: str) -> str:
    return f"{number}. {text}" if number else text


def _end_mark(text: str) -> str:
    """Drop the end-of-document mark: '... cấp trên./.' -> '... cấp trên.'"""
    return re.sub(r"\s*\./\.\s*$", ".", text.strip())


def _period_statement(text: str) -> str | None:
    match = re.search(
        r"Thời gian thực hiện\s*:?\s*(?P<t>(?:từ|trong|giai đoạn|năm)[^:;]*?)(?:,\s*cụ thể|:|;|\.\s|\.$|$)", text, re.I
    )
    if not match:
        return None
    period = match["t"].strip(" ,.")
    try:
        parse_timeframe(period)
    except TimeFrameError:
        return None
    return period[0].upper() + period[1:]


# ---------------------------------------------------------------- time frames written in the text

_OPENING = re.compile(
    r"^(?P<t>(?:Thường xuyên|Định kỳ h[ằà]ng (?:năm|quý|tháng)|H[ằà]ng (?:năm|quý|tháng|tuần|ngày)|Định kỳ"
    r"|(?:Trong |Từ )?(?:năm|quý [IVX]+/?|tháng)\s*\d{1,4}(?:\s*/\s*\d{4})?(?:\s*[-–]\s*\d{4})?"
    r"(?:\s*(?:đến|-|–)\s*(?:năm|quý [IVX]+/?|tháng)?\s*\d{1,4}(?:\s*/\s*\d{4})?)?"
    r"|(?:6|Sáu) tháng (?:đầu|cuối) năm(?: \d{4})?|Đầu năm(?: \d{4})?|Cuối năm(?: \d{4})?"
    r"|(?:Trong |Từ |Trước |Đến |Chậm nhất )?ngày \d{1,2}/\d{1,2}/\d{4}"
    r"(?:\s*(?:-|–|đến)\s*(?:ngày )?\d{1,2}/\d{1,2}/\d{4})?))"
    rf"(?=\s*[,:]|\s+[{LOWER}])",
    re.IGNORECASE,
)
_TIME_WORDS = r"(?:vào|trước|trong|chậm nhất|hoàn thành)"
_INLINE_TIME = re.compile(
    rf"\b(?P<t>(?:xong\s+(?=trong\b))?{_TIME_WORDS}\s+(?:(?:đầu|giữa|cuối)\s+)?(?:ngày\s+\d{{1,2}}(?:/\d{{1,2}}(?:/\d{{4}})?|\s+tháng\s+\d{{1,2}}(?:\s+năm\s+\d{{4}})?)"
    r"|tháng\s+\d{1,2}\s*/\s*\d{4}|quý\s+[IVX]+\s*/\s*\d{4}|(?:quý\s+[IVX]+|tháng\s+\d{1,2})\s+năm\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4}))",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\((?P<t>[^()]{3,80})\)")
_CLOSING = re.compile(r"\b(?P<t>(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày))\s*[.;]?\s*$", re.IGNORECASE)
# A time tied to an event, or a daily cadence, inside the sentence: "Tổng điều tra lăng quăng ngay khi
# nước rút.", "Xử lý ... trong 24-48 giờ sau khi nước rút", "Báo cáo tổng hợp hàng ngày gửi UBND tỉnh".
_EVENT_TIME = re.compile(
    r"\b(?P<t>(?:ngay\s+(?:sau\s+|trước\s+)?khi|trong\s+(?:vòng\s+)?\d{1,3}(?:\s*-\s*\d{1,3})?\s+(?:giờ|ngày(?:\s+làm\s+việc)?|tuần|tháng)\s+"
    r"(?:sau khi|kể từ khi|kể từ))\s+[^,;.()]{2,60}?|(?:hằng|hàng)\s+ngày)\s*(?=[,;.()]|$|\s+(?:gửi|về|cho|để)\b)",
    re.IGNORECASE,
)
# Work done once something else is done: "... ban hành hướng dẫn sau khi quy chế được ban hành", "trình
# ... ngay sau khi kế hoạch được phê duyệt". (A 'sau khi' clause naming no such step is left alone.)
_AFTER_STEP = re.compile(
    r"\b(?P<t>sau khi\s+[^,;.()]{2,80}?\s(?:được\s+)?(?:ban hành|phê duyệt|thông qua|ký ban hành|có hiệu lực|kết thúc|"
    r"hoàn thành|tổ chức xong|công bố))\s*(?=[,;.()]|$)",
    re.IGNORECASE,
)
# A cadence inside the sentence: "Các sở định kỳ hằng quý báo cáo ...", "... báo cáo định kỳ 6 tháng và hằng
# năm về UBND tỉnh". Without 'định kỳ', 'hằng năm' mid-sentence most often names what (a yearly plan).
_EVERY = r"(?:(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần)|(?:6|sáu)\s+tháng(?:\s+(?:một lần|1 lần))?)"
_PERIODIC = re.compile(
    rf"\b(?P<t>định kỳ\s+{_EVERY}(?:\s*(?:,|và|hoặc)\s*(?:{_EVERY}|(?:cuối |đầu )?năm\b))*)", re.IGNORECASE
)
# The phases of an event: "... tuyên truyền trước, trong và sau cuộc bầu cử."
_PHASES = re.compile(
    r"\b(?P<t>trước,?\s+trong\s+và\s+sau\s+(?:khi\s+)?[^,;.()]{2,40}?)\s*(?=[,;.()]|$|\s+(?:để|nhằm|theo)\b)",
    re.IGNORECASE,
)
# A reporting cadence with its date: "định kỳ hàng năm (trước ngày 10/12) hoặc đột xuất", "định kỳ trước
# ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu)". One without a date ("định kỳ và đột
# xuất") states no time.
_EACH = r"(?:hằng|hàng)\s+(?:năm|quý|tháng)"
_CADENCE = re.compile(
    rf"\b(?P<t>định kỳ\s+(?:{_EACH}\s+)?\(?trước ngày\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?"
    rf"(?:\s+và\s+\d{{1,2}}/\d{{1,2}})?\)?(?:\s+{_EACH})?(?:\s+\(?hoặc đột xuất(?:\s+khi có yêu cầu)?\)?)?)",
    re.IGNORECASE,
)
_ON_REQUEST = re.compile(r"\b(?P<t>theo yêu cầu(?: của [^.;,]{3,40})?)\s*\.?\s*$", re.IGNORECASE)
_RECURRING_ONLY = re.compile(r"^(?:hằng|hàng)\s+(?:năm|quý|tháng)(?:\s+và\s+giai đoạn)?$", re.IGNORECASE)


_HEADING_TIME = re.compile(
    r"(?:^|\b(?:xuyên suốt|thực hiện|triển khai)\s+)(?P<t>(?:từ|trong|trước|sau|đến|đầu|cuối|giữa)\s+"
    r"(?:nay|ngày|tháng|quý|năm|\d)[^:;]*?)\s*[.:;]?$",
    re.IGNORECASE,
)


# A line that only says when the points above it are done ('Hoàn thành trước ngày 30/6/2023.', 'Các nội
# dung trên hoàn thành trong quý III/2023.', '(Thời gian hoàn thành: tháng 12/2023)', '- Thực hiện xong
# trước 15/11/2025.'): the deadline of those points, read as a time label line.
_DEADLINE = re.compile(
    r"^(?:[-+*•–]\s*)?\(?\s*(?P<back>(?:Các|Những|Toàn bộ|Tất cả)\s+(?:các\s+)?(?:nội dung|nhiệm vụ|việc|"
    r"công việc|hoạt động|phần việc|giải pháp)(?:\s+[^\s,;:.()]+){0,4}?\s+(?:trên|nêu trên|nói trên|này)\s*,?\s*)?"
    r"(?:(?:phải|được|cần)\s+)?(?:hoàn thành|thực hiện|triển khai|xong)(?:\s+xong)?\s*,?\s+"
    r"(?P<t>(?:xong\s+)?(?:trước|trong|vào|chậm nhất|từ|đến|quý|tháng|năm|ngày|hằng|hàng|thường xuyên)\b[^;:()]{0,80}?)"
    r"\s*[.;]?\s*\)?\s*[.;]?$",
    re.IGNORECASE,
)
_DEADLINE_LABEL = re.compile(
    r"^(?:[-+*•–]\s*)?\(\s*(?P<label>(?:Thời gian|Thời hạn)[^:()]{0,25}:\s*[^()]{3,80})\)\s*[.;]?$"
)


def deadline_of(text: str) -> tuple[str, bool] | None:
    """The time of a deadline line, and whether it names the points above it as its own."""
    if (found := _DEADLINE.match(text.strip())) and reads_as_timeframe(found["t"][:1].upper() + found["t"][1:]):
        return found["t"].rstrip(" .;"), bool(found["back"])
    paren = _DEADLINE_LABEL.match(text.strip())
    if paren and (label := label_of(paren["label"])) and label[0] == "timeframe":
        return label[1].rstrip(" .;"), False
    return None


# A heading that is a phase and its years, nothing else: "Giai đoạn 2025 - 2030", "Giai đoạn từ năm 2026
# đến năm 2030", "Thời kỳ 2031-2035". ("Nhiệm vụ giai đoạn 2026 - 2030" names what, not when.)
_PHASE_HEADING = re.compile(
    r"^(?:Giai đoạn|Thời kỳ|Lộ trình)\s+(?:từ\s+)?(?:năm\s+)?\d{4}\s*(?:[-–]|đến)\s*(?:năm\s+)?\d{4}$", re.IGNORECASE
)


def heading_time(heading: str) -> str | None:
    """The time a section heading states for the work under it: the whole heading ('Trong tháng
    12/2025', 'Từ tháng 01 đến ngày bầu cử 15/3/2026') or its closing phrase ('Nội dung tuyên truyền
    xuyên suốt từ nay đến kết thúc cuộc bầu cử')."""
    if _PHASE_HEADING.match(whole := heading.strip(" .:;")) and reads_as_timeframe(whole):
        return whole  # "1. Giai đoạn 2025 - 2030" over the points of that phase
    text = re.sub(r"^(?:Đợt|Giai đoạn|Bước|Phần)\s+[\dIVX]{1,3}\s*[:.\-–]\s*", "", whole, flags=re.I)
    opens = re.match(r"^(?:từ|trong|trước|sau|đến|năm|quý|tháng|đầu|cuối|giữa|ngày)\b", text, re.IGNORECASE)
    if opens and re.search(r"\d", text) and reads_as_timeframe(text):
        return text
    match = _HEADING_TIME.search(text)
    return match["t"].strip() if match else None


def reads_as_timeframe(text: str) -> bool:
    """Whether the time-frame reader understands ``text``."""
    try:
        parse_timeframe(text)
    except TimeFrameError:
        return False
    return True


def deadlines_in(text: str) -> list[str]:
    """Every dated time a work item's words state ('trình ... trước ngày 30/7/2026; triển khai trước ngày
    30/9/2026'), each once, in order."""
    found: list[str] = []
    for match in _INLINE_TIME.finditer(text):
        if match["t"] not in found and reads_as_timeframe(match["t"]):
            found.append(match["t"])
    return found


def time_in_text(text: str) -> tuple[str | None, str | None]:
    """A time frame written in a work item's own words, and where it was found.

    Only forms that state when the work is done count: an opening "Thường xuyên,",
    "Năm 2022 - 2024", a bracket "(vào tháng 8/2021)", "(hàng năm)", a "vào/trước
    ngày ..." phrase, a closing "hằng năm". A bare year or "giai đoạn 2016 - 2020"
    inside the sentence usually names what the work is about, not when it is done.
    """
    if (cadence := _CADENCE.search(text)) and reads_as_timeframe(cadence["t"]):
        return cadence["t"], "inline"
    if (opening := _OPENING.match(text)) and reads_as_timeframe(opening["t"]):
        return opening["t"], "opening"
    for paren in _PAREN.finditer(text):
        inner = paren["t"].strip()
        if _RECURRING_ONLY.match(inner):
            return inner, "parenthesis"
        if found := _INLINE_TIME.search(inner):
            return found["t"], "parenthesis"
    if (found := _INLINE_TIME.search(text)) and reads_as_timeframe(found["t"]):
        return found["t"], "inline"
    if (closing := _CLOSING.search(text)) and reads_as_timeframe(closing["t"]):
        return closing["t"], "closing"
    if (periodic := _PERIODIC.search(text)) and reads_as_timeframe(periodic["t"]):
        return periodic["t"], "inline"
    if (after := _AFTER_STEP.search(text)) and reads_as_timeframe(after["t"]):
        return after["t"], "inline"
    if (request := _ON_REQUEST.search(text)) and reads_as_timeframe(request["t"]):
        return request["t"], "closing"
    if (event := _EVENT_TIME.search(text)) and reads_as_timeframe(event["t"]):
        return event["t"], "inline"
    # 'trước, trong và sau khi nổ mìn': the care taken around a step, not when the work is done
    if (phases := _PHASES.search(text)) and "sau khi" not in phases["t"].lower() and reads_as_timeframe(phases["t"]):
        return phases["t"], "inline"
    return None, None


# ---------------------------------------------------------------- the tail: recipients and signer

_SIGNATURE = re.compile(r"^\(?\s*(?:đã ký|ký|đã ký và đóng dấu|ký tên, đóng dấu)\s*\)?$", re.IGNORECASE)
_TITLE_PREFIX = re.compile(r"^(?:T/M|K/T|TM\.?|KT\.?|Q\.|TL\.?|TUQ\.?)\s", re.IGNORECASE)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words) and not text.isupper()


def _is_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text) < 60


def _tail_start(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        if fold(lines[i].text.strip()).startswith("noi nhan"):
            return i
    i = len(lines)
    while i > start:
        text = " ".join(lines[i - 1].text.split())
        if not text or _SIGNATURE.match(text) or _is_name(text) or (_is_title(text) and len(text) < 40):
            i -= 1
            continue
        break
    return i


def _read_tail(body: Body, lines: list[Line]) -> None:
    titles: list[str] = []
    names: list[str] = []
    recipients: list[list[str]] = []  # [text, side note]
    for line in lines:
        for index, column in enumerate(line.columns):
            text = " ".join(column.split())
            if not text:
                continue
            if fold(text).startswith("noi nhan"):
                after = text.split(":", 1)[1].strip() if ":" in text else ""
                if after:
                    recipients.append([after.lstrip("-+• ").strip(), ""])
                continue
            if re.match(r"^[-+•]\s*", text) and index == 0:
                recipients.append([re.sub(r"^[-+•]\s*", "", text), ""])
            elif _SIGNATURE.match(text):
                continue
            elif _is_title(text) and (index > 0 or not recipients or _TITLE_PREFIX.match(text) or len(text) < 30):
                titles.append(text)
            elif _is_name(text) and (titles or index > 0 or not recipients):
                names.append(text)
            elif recipients and index == 0:
                recipients[-1][0] += " " + text  # a recipient wrapped onto the next line
            elif recipients:
                recipients[-1][1] = text  # a note written beside it: "(Báo" / "cáo)"
    body.recipients = _join_side_notes(recipients)
    if titles:
        body.signer_title = " - ".join(_title_case(t) for t in titles)
    if names:
        body.signer = names[-1]


def _join_side_notes(recipients: list[list[str]]) -> list[str]:
    """'(Báo' beside one line and 'cáo)' beside the next make one note '(Báo cáo)' for both."""
    out = [r[0] for r in recipients]
    notes = [r[1] for r in recipients]
    i = 0
    while i < len(notes):
        if notes[i] and notes[i].count("(") > notes[i].count(")"):
            j = i
            joined = notes[i]
            while joined.count("(") > joined.count(")") and j + 1 < len(notes) and notes[j + 1]:
                j += 1
                joined += " " + notes[j]
            for k in range(i, j + 1):
                out[k] = f"{out[k]} {joined}"
            i = j + 1
            continue
        if notes[i]:
            out[i] = f"{out[i]} {notes[i]}"
        i += 1
    # "Ban Dân vận TW (HN, T78), (Báo" written in one column: complete the open bracket.
    for k in range(len(out) - 1):
        tail = re.search(r"\(([^()]*)$", out[k])
        head = re.match(r"^(.*?)\s+([^()\s]*\))$", out[k + 1])
        if tail and head:
            note = f"({tail[1]} {head[2]}"
            out[k] = out[k][: tail.start()] + note
            out[k + 1] = f"{head[1]} {note}"
    return [" ".join(r.split()) for r in out]


def _title_case(text: str) -> str:
    """Signer titles in reading case: 'K/T TRƯỞNG BAN' -> 'K/T Trưởng ban',
    'PHÓ TRƯỞNG BAN' -> 'Phó Trưởng ban', 'T/M BAN THƯỜNG VỤ' -> 'T/M Ban Thường vụ'."""
    prefix = ""
    if match := _TITLE_PREFIX.match(text):
        prefix = match[0].strip().upper() + " "
        text = text[match.end() :]
    words = text.lower().split()
    if not words:
        return prefix.strip()
    if prefix.startswith("T/M") or prefix.startswith("TM"):
        return prefix + reading_case(" ".join(words))
    words[0] = words[0].capitalize()
    if words[0] == "Phó" and len(words) > 1:
        words[1] = words[1].capitalize()
    return prefix + " ".join(words)
