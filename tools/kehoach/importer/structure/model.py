"""What the structure stage reads a body into: sections, items, label lines, role lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..source import Paragraph
from ..units import Match


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
    passive: bool = False  # written in the passive: what opens it receives the work, never leads it (Subjects)


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


ARTICLES = "văn bản giao việc theo từng điều; mục 'I. Các điều của quyết định' do lệnh nhập đặt để ghi các điều"
NO_SECTIONS = "văn bản không chia mục; mục 'I. Nội dung' do lệnh nhập đặt để ghi các nhiệm vụ"
