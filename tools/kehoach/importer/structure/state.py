"""The state of one walk over a body's paragraphs, shared by the readers of each step."""

from __future__ import annotations

import re

from ..source import NUMBERED, Paragraph
from ..units import Match, Registry
from .articles import Legal
from .kinds import Kinds
from .model import ARTICLES, Body, Item, LabelLine, RoleLine, Section
from .subjects import Subjects


class Walk:
    """One walk over a body's paragraphs: the open sections, the items a block would govern, what the
    points read so far head. The readers of each step read and change it."""

    def __init__(self, body: Body, paras: list[Paragraph], registry: Registry) -> None:
        self.body = body
        self.paras = paras
        self.registry = registry
        self.kinds = Kinds(paras)
        self.subjects = Subjects(registry)
        self.roman = self.kinds.roman  # the body numbers its parts I., II.
        self.legal = Legal()  # the chapters and titled articles of a legal text, read as headings
        self.guidance = False  # the document explains rules (a 'Hướng dẫn'): its points are work only when given
        self.at = self.kinds.at  # a paragraph's position, by identity
        self.stack: list[Section] = []
        self.pending: list[Item] = []
        self.pending_level = 0
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
        # a worked example's lead-in ('Ví dụ 1:'): its section, and the mark of the list it interrupts
        self.example: tuple[tuple[str, ...], str | None] | None = None
        # a lead-in amid results that opens work ('Để ..., thành phố cần tập trung thực hiện một số nhiệm vụ, giải
        # pháp sau đây:'): its section; the points after it there, and in the sections under it, are work
        self.opened_work: tuple[str, ...] | None = None
        self.opened_who: str | None = None  # whom that lead-in names, before its call
        self.opened_lead: list[Match] = []  # the units it names, when read as units
        # a decision's articles written after the parts an article approves ('Điều 2. Quyết định này có hiệu lực
        # ...' after 'VI. TỔ CHỨC THỰC HIỆN'), by identity: each closes those parts and is an article again
        self.late_articles: set[int] = set()

    def level_of(self, para: Paragraph, kind: str) -> int:
        if kind in ("roman", "appendix"):
            return 1
        if kind == "group":  # a table's group row sits under the section that holds the table
            outer = [s for s in self.stack if not s.table_group]
            return (outer[-1].level if outer else 0) + max(para.depth, 1)
        if kind == "number":
            depth = NUMBERED.match(para.text)["num"].count(".") + 1  # type: ignore[index]
            # numbered under a part I., II., or inside an appendix of criteria (its rows '1. Tổ chức bộ máy')
            criteria = bool(self.stack) and self.stack[0].role == "criteria"
            return depth + (1 if self.roman or criteria else 0)
        if kind == "letter":  # "a)" sits one level under the numbered section it follows
            numbered = [s for s in self.stack if not (len(s.number) == 1 and s.number.islower())]
            return (numbered[-1].level if numbered else 0) + 1
        return 99

    def section(self) -> Section | None:
        return self.stack[-1] if self.stack else None

    def path(self) -> tuple[str, ...]:
        """Section keys as tasks write them: a '6.1' inside '6' adds only '1' (see index.section_paths)."""
        return tuple(s.number.rstrip(".-").split(".")[-1] for s in self.stack)

    def top_role(self) -> str:
        """The role of the part a point sits in; a sub-section that reports, sets rules, states aims or money
        overrides it."""
        overriding = ("context", "norms", "work", "aims", "funds")
        inner = next((s.role for s in reversed(self.stack) if s.role in overriding), None)
        if inner == "work":
            return "tasks"  # "3.2. Nội dung kiểm tra" under "3. Đối tượng, nội dung kiểm tra"
        if self.opened_work is not None and self.path()[: len(self.opened_work)] != self.opened_work:
            self.opened_work = None
        if inner == "context" and self.opened_work is not None:
            return "tasks"  # the points after 'Để ..., cần tập trung thực hiện các nhiệm vụ sau:' amid results
        return inner or (self.outer().role if self.stack else "tasks")

    def outer(self) -> Section:
        """The outermost part a point sits in: the decision's own part when its articles are read as points
        ('I. Các điều của quyết định'), unless a part of what an article approves is open under it ('Điều 1. Phê
        duyệt Chương trình ... với những nội dung chủ yếu sau:' / 'II. NHIỆM VỤ, GIẢI PHÁP'): that part's role
        holds, read as a plan's part is."""
        first = self.stack[0]
        part = self.stack[1] if first.heading_note == ARTICLES and len(self.stack) > 1 else None
        if part is not None and re.fullmatch(r"[IVXL]+", part.number.rstrip(".-")):
            return part
        return first

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

    def close_pending(self) -> None:
        self.pending = []
