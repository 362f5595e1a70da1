"""Items: a point that is not a heading, read in steps; its mark, what it inherits, what it heads; table rows."""

from __future__ import annotations

import dataclasses
import re

from ...text import fold
from ..source import BULLET, HEADING_ROMAN, LETTERED, NUMBERED, Paragraph
from .fields import labels_of
from .headings import Headings
from .model import Item, LabelLine
from .patterns import (
    AGREES,
    CLOSING_PARAGRAPH,
    CONDITION,
    CONTENTS_OF_PAPER,
    EXAMPLE,
    HANGING,
    PLAIN_LEAD_IN,
    RESULTS_LEAD,
    WORK_SENTENCE,
    end_mark,
    numbered_text,
)
from .roles import Roles
from .state import Walk
from .timeframes import SPAN, period_statement, reads_as_timeframe, time_in_text
from .work import FIELD_LIST, NOT_WORK_LEAD, Work

LETTER_POINTS = "a)"  # the mark ``Walk.detailed`` holds for lettered points ('a)', 'b)')


# A paragraph that leads into the points under it ("..., cụ thể như sau:").
_LEAD_IN_END = re.compile(r"(?:như sau|sau đây|cụ thể|gồm|bao gồm|các nội dung sau)\s*:\s*$", re.IGNORECASE)


# Words a line cut at its end leaves last ('- Huy động nguồn lực từ các' / 'Chương trình, ...').
_CUT_WORDS = frozenset(
    {"cac", "va", "cua", "voi", "cho", "trong", "theo", "tai", "ve", "de", "nhung", "duoc", "la", "tu", "den"}
    | {"nhu", "hoac", "cung", "mot", "so", "nham", "tren", "duoi"}
)


class Items:
    """Reads the points that are not headings, and the rows of task tables."""

    def __init__(self, w: Walk, roles: Roles, headings: Headings, work: Work) -> None:
        self.w = w
        self.roles = roles
        self.headings = headings
        self.work = work

    def period_point(self, para: Paragraph) -> bool:
        """A point of 'Tổ chức thực hiện' stating the plan's period: the plan's period and a line of
        the section's text; the items under it ('- Năm 2021, ...') are the section's own."""
        match = NUMBERED.match(para.text)
        period = period_statement(match["rest"]) if match else None
        if period is None:
            return False
        self.w.body.period = period
        self.add_item(para, "number")
        return True

    def add_item(self, para: Paragraph, kind: str) -> None:
        """A point that is not a heading, read in steps: its mark, what it inherits from the
        sections above, what it is (task, aim, text), who does it."""
        self.split_after_view(para, kind)
        number, marker, text = self.item_mark(para, kind)
        under_heading, self.w.after_heading = self.w.after_heading, False
        item = Item(end_mark(text), para.line, self.w.path(), number, marker, para.markers)
        if self.in_example(item) or self.in_not_work(item) or self.detail_of(item) or self.in_field_list(item):
            return
        if kind == "plain" and self.condition_of(item):
            return
        if kind == "plain" and under_heading and self.w.kinds.numbered_next(para) and self.section_lead_in(item):
            return
        head = self.w.bullet_head
        if head and (
            item.path != head[3]
            or item.marker == head[0]
            or item.marker in head[1]
            or (head[0] == PLAIN_LEAD_IN and item.marker is None)
        ):
            self.w.bullet_head = None  # a point of the heading's rank or above: the heading's points are over
        if kind in ("bullet", "plain") and self.roles.role_lead_in(para, item):
            return
        if kind == "bullet" and self.bullet_heading(para, item):
            return
        self.inherit(item)
        role = self.w.top_role()
        self.work.classify(item, role)
        if self.leads_field_list(item, para, role):
            item.role = "text"
        if item.role == "task":
            self.work.read_who(item, para, role)
            if item.role == "task" and HANGING.search(item.text) and self.w.kinds.next_lettered(para):
                self.w.detailed = (item, LETTER_POINTS)  # '... đối với:' / 'a) ...': its points finish its sentence
            numbered = role == "organisation" and item.number is not None and item.role == "task"
            if numbered and item.lead and self.w.kinds.next_bullet(para) is not None:
                # '1. Các cơ quan ... xây dựng kế hoạch ....' / '- ...': the points are the same bodies' work
                self.w.bullet_head = (PLAIN_LEAD_IN, set(), list(item.lead), item.path)
        if item.role != "task":
            if item.role == "text" and self.w.section() is not None:
                self.w.section().texts.append(numbered_text(number, item.text))  # type: ignore[union-attr]
            self.w.body.items.append(item)
            return
        self.w.body.items.append(item)
        if not self.w.pending:
            self.w.pending_level = len(self.w.path())
        self.w.pending.append(item)

    def split_after_view(self, para: Paragraph, kind: str) -> None:
        """A paragraph that opens with the meeting's view and then gives work by name ('Thường trực cơ bản
        nhất trí với phương án ... . Đề nghị Ban Xây dựng Đảng phối hợp ... . Giao Văn phòng ...'): the view
        is the section's text; each sentence giving work is a point of its own, read after it."""
        pattern = {"bullet": BULLET, "number": NUMBERED, "letter": LETTERED}.get(kind)
        found = pattern.match(para.text) if pattern else None
        if not AGREES.match(found["rest"] if found else para.text):
            return
        first, *more = WORK_SENTENCE.split(para.text)
        if not more:
            return
        at = self.w.at[id(para)]
        para.text = first
        self.w.paras[at + 1 : at + 1] = [dataclasses.replace(para, text=text, markers=()) for text in more]
        self.w.at.clear()
        self.w.at.update({id(p): n for n, p in enumerate(self.w.paras)})

    def bullet_heading(self, para: Paragraph, item: Item) -> bool:
        """'- Nội dung giám sát của chủ chương trình' / '+ ...', '- Cấp xã' / '+ ...', '+ Nội dung theo
        dõi' / unmarked paragraphs: a short bullet line that closes no sentence, over points of a
        deeper mark or unmarked paragraphs, heads them; it is not work. A line cut at a line end
        ('- Huy động nguồn lực từ các') is not one."""
        text = item.text.rstrip()
        words = text.split()
        if not words or text.endswith((".", ";", ":", "!", "?", ",")) or len(words) > 14:
            return False
        if fold(words[-1]) in _CUT_WORDS or self.w.top_role() not in ("tasks", "organisation"):
            return False
        after = self.w.paras[self.w.at[id(para)] + 1] if self.w.at[id(para)] + 1 < len(self.w.paras) else None
        kind = self.w.kinds.kind_of(after) if after is not None else None
        if kind == "bullet":
            heads = BULLET.match(after.text)["mark"] != item.marker  # type: ignore[index, union-attr]
        elif kind == "number" and after is not None:
            heads = self.headings.restarts_numbering(after)  # '- Về kiểm tra: 02 cuộc' / '1. ...' / '2. ...'
        else:
            heads = kind == "plain" and after.text[:1].isupper() and not CLOSING_PARAGRAPH.match(after.text)  # type: ignore[union-attr]
        if not heads:
            return False
        self.w.bullet_head = (item.marker or "", self.marks_above(item), self.w.subjects.heading_units(text), item.path)
        item.role = "text"
        if self.w.section() is not None:
            self.w.section().texts.append(f"{item.marker} {item.text}")  # type: ignore[union-attr]
        self.w.body.items.append(item)
        return True

    def marks_above(self, item: Item) -> set[str]:
        """The marks the points of the item's section used before its first point of the item's mark: those of
        a rank above it. A mark first used under an earlier point of its own mark ('- Bộ Tài chính' / '+ ...' /
        '- Bộ Công Thương' / '+ ...') is of the rank below."""
        marks: set[str] = set()
        for above in self.w.body.items:
            if above.path != item.path or not above.marker:
                continue
            if above.marker == item.marker:
                break
            marks.add(above.marker)
        return marks

    def item_mark(self, para: Paragraph, kind: str) -> tuple[str | None, str | None, str]:
        """The number or bullet a point is written with, and its text; a numbered point closes the
        sections of its rank and deeper ('3.' after the heading '2.')."""
        text = para.text
        if kind in ("number", "roman"):
            match = NUMBERED.match(text) if kind == "number" else HEADING_ROMAN.match(text)
            level = self.w.level_of(para, kind)
            if self.w.pending and level <= self.w.pending_level:
                self.w.close_pending()
            while self.w.stack and self.w.stack[-1].level >= level:
                self.w.stack.pop()
            return match["num"], None, match["rest"]  # type: ignore[index]
        if kind == "letter":
            match = LETTERED.match(text)
            return match["num"], None, match["rest"]  # type: ignore[index]
        if kind == "bullet":
            match = BULLET.match(text)
            return None, match["mark"], match["rest"]  # type: ignore[index]
        if kind == "plain" and self.w.ends_list():
            self.w.stack.pop()  # "1.2. ... / - ... / - ... / Trên cơ sở ...": back to the section above
        return None, None, text

    def inherit(self, item: Item) -> None:
        """What the sections above say for every point under them: a time, a block of labels."""
        timed = next((s for s in reversed(self.w.stack) if s.time), None)
        if timed is not None:
            where = timed.time_from or f"tên mục '{timed.number} {timed.heading}'"
            item.heading_time = (timed.time, where)  # type: ignore[assignment]
        if self.w.leading and self.w.path()[: len(self.w.leading[0])] == self.w.leading[0]:
            item.block, item.block_line = self.w.leading[1], self.w.leading[1][0].line
        helpers, line = self.w.section_coordinating()
        if (role := self.roles.role_of_points()) is not None:
            helpers, line = role.helpers, role.line
        item.lead_doubt = self.roles.role_doubt()
        if helpers and not any(label.role == "coordinating" for label in item.block):
            names = "; ".join(m.written for m in helpers)
            item.block = [*item.block, LabelLine("coordinating", names, line)]
            item.block_line = item.block_line or line

    def detail_of(self, item: Item) -> bool:
        """A sub-point of the task just above that spells it out: kept with that task, not a task."""
        if self.w.detailed is None:
            return False
        parent, mark = self.w.detailed
        lettered = mark == LETTER_POINTS and item.marker is None and item.number is not None and item.number.isalpha()
        if not (lettered or item.marker == mark) or item.path != parent.path:
            self.w.detailed = None
            return False
        parent.details.append(f"{item.number}) {item.text}" if lettered else f"{mark} {item.text}")
        item.role = "detail"
        self.w.body.items.append(item)
        return True

    def leads_field_list(self, item: Item, para: Paragraph, role: str) -> bool:
        # a field of the event, results, or the contents of a paper ('Hồ sơ gồm các tài liệu sau:' / '- ...')
        lead_in = (
            FIELD_LIST.match(item.text) or RESULTS_LEAD.search(item.text) or CONTENTS_OF_PAPER.match(fold(item.text))
        )
        if role == "organisation" or not lead_in or not item.text.rstrip().endswith(":"):
            return False
        mark = self.w.kinds.next_bullet(para)
        if mark is None or mark == item.marker:
            return False
        self.w.field_list = (mark, item.path)
        return True

    def in_not_work(self, item: Item) -> bool:
        """A lead-in to targets or notes, or one of the points after it in its section: the section's text."""
        if self.w.not_work is not None and item.path != self.w.not_work:
            self.w.not_work = None
        if self.w.not_work is None and not NOT_WORK_LEAD.search(item.text):
            return False
        self.w.not_work = item.path
        item.role, item.why = "text", "chỉ tiêu hoặc lưu ý sau câu dẫn, không phải nhiệm vụ"
        if self.w.section() is not None:
            self.w.section().texts.append(numbered_text(item.number, item.text))  # type: ignore[union-attr]
        self.w.body.items.append(item)
        return True

    def in_example(self, item: Item) -> bool:
        """A worked example ('Ví dụ: ...'), or a paragraph telling the one a 'Ví dụ:' line leads into: the unmarked
        paragraphs and the points of another mark after it, up to the next numbered point or a point of the mark
        the list above it runs on with. The section's text, not work."""
        example = self.w.example
        if example is not None:
            path, resumes = example
            if item.path != path or item.number is not None or (item.marker is not None and item.marker == resumes):
                self.w.example = None
        if EXAMPLE.match(item.text):
            if item.text.rstrip().endswith(":"):
                above = next((i for i in reversed(self.w.body.items) if i.path == item.path), None)
                self.w.example = (item.path, item.marker or (above.marker if above is not None else None))
        elif self.w.example is None:
            return False
        item.role, item.why = "text", "ví dụ minh họa cách áp dụng quy định, không phải việc được giao"
        if self.w.section() is not None:
            self.w.section().texts.append(numbered_text(item.number, item.text))  # type: ignore[union-attr]
        self.w.body.items.append(item)
        return True

    def in_field_list(self, item: Item) -> bool:
        """A point of the list a field of the event leads into ('Đối tượng: Theo danh sách đăng ký, cụ
        thể:' / '- Chỉ huy nổ mìn: Từ số thứ tự 01 đến 07.'): part of the field, the section's text."""
        if self.w.field_list is None:
            return False
        mark, path = self.w.field_list
        if item.marker != mark or item.path != path:
            self.w.field_list = None
            return False
        item.role = "text"
        if self.w.section() is not None:
            self.w.section().texts.append(f"{mark} {item.text}")  # type: ignore[union-attr]
        self.w.body.items.append(item)
        return True

    def condition_of(self, item: Item) -> bool:
        """'Trường hợp người ứng cử là người đứng đầu ... thì ...': an unmarked paragraph stating what is
        done in a case is a rule of the point above it (kept with it when that point is a task), not work."""
        if not CONDITION.match(item.text):
            return False
        above = next((i for i in reversed(self.w.body.items) if i.role != "detail"), None)
        if above is not None and above.role == "task" and above.path[: len(item.path)] == item.path:
            above.details.append(item.text)
            item.role = "detail"
        else:
            item.role = "text"
            if self.w.section() is not None:
                self.w.section().texts.append(item.text)  # type: ignore[union-attr]
        self.w.body.items.append(item)
        return True

    def section_lead_in(self, item: Item) -> bool:
        """The unmarked paragraph right under a heading that leads into its numbered points ('Việc tổ chức
        hội nghị ... được thực hiện từ ngày 04/02/2026 đến ngày 08/02/2026 ..., cụ thể như sau:' / '1. ...')
        is the section's text; a time it states holds for the points under the section. (Over bullets, such
        a paragraph is a task its bullets spell out.)"""
        section = self.w.section()
        if section is None or not _LEAD_IN_END.search(item.text):
            return False
        item.role = "text"
        section.texts.append(item.text)
        self.w.body.items.append(item)
        span = SPAN.search(item.text)
        time = span["t"] if span else time_in_text(item.text)[0]
        if time and reads_as_timeframe(time) and section.time is None:
            section.time = time
            section.time_from = f"đoạn mở đầu mục {section.number} (dòng {item.line})"
        return True

    def add_row(self, i: int) -> int:
        """A row of a task table: a work item whose label lines (the row's cells) are its own; no
        block outside the row governs it. A row of a table of targets is text, not a task."""
        para = self.w.paras[i]
        self.w.close_pending()
        self.w.after_heading = False
        text = end_mark(para.text)
        item = Item(text, para.line, self.w.path(), para.key, None, para.markers)
        item.time_text, item.time_how = time_in_text(text)
        item.doubt = para.doubt
        j = i + 1
        while j < len(self.w.paras) and self.w.paras[j].table == "label":
            for label in labels_of(self.w.paras[j].text, self.w.paras[j].line):
                label.doubt = self.w.paras[j].doubt
                item.own.append(label)
            j += 1
        if para.table == "text":
            item.role = "text"
            if self.w.section() is not None:
                self.w.section().texts.append(numbered_text(para.key, text))  # type: ignore[union-attr]
        self.w.body.items.append(item)
        return j
