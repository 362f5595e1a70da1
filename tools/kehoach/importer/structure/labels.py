"""Label lines ('Chủ trì: ...', 'Thời gian thực hiện: ...') and their scope: the item above, the items
since the previous block, or the section under whose heading they are written."""

from __future__ import annotations

from ..source import BULLET, LETTERED, Paragraph, label_of
from .fields import EVENT_FIELD, WORK_VALUE, labels_of
from .headings import Headings
from .model import Item, LabelLine
from .patterns import end_mark, roman_heading
from .state import Walk
from .timeframes import time_in_text


class Labels:
    """Reads blocks of label lines and gives each to the items it governs."""

    def __init__(self, w: Walk, headings: Headings) -> None:
        self.w = w
        self.headings = headings

    def read_block(self, i: int) -> int:
        """The label lines from ``i`` on, as one block; a label whose value is cut by a line break goes on
        in the line under it, and one with no value over points of another bullet ('- Thời gian thực
        hiện:' / '+ Các bộ gửi kết quả ... trước ngày 15/12/2025.' / '+ Bộ Công an tổng hợp ...') has them
        as its value: they are not tasks."""
        j = i
        block: list[LabelLine] = []
        while j < len(self.w.paras) and self.w.kinds.kind_of(self.w.paras[j]) == "label":
            text, line = self.w.paras[j].text, self.w.paras[j].line
            while j + 1 < len(self.w.paras) and self.label_goes_on(text, self.w.paras[j + 1]):
                j += 1  # "Đơn vị chủ trì thực hiện: Các" / "Sở, ngành, đơn vị, UBND cấp xã.": one label
                text = f"{text} {self.w.paras[j].text}"
            lettered = LETTERED.match(text)
            labels = labels_of(lettered["rest"] if lettered else text, line)
            labels.extend(self.work_lead(lettered["rest"] if lettered else text, line))
            j += 1
            if labels and not labels[-1].value.strip():
                points, j = self.label_points(text, j)
                if labels[-1].role == "timeframe":  # each point's own time: '... trước ngày 15/12/2025'
                    points = [time_in_text(point)[0] or point for point in points]
                labels[-1].value = "; ".join(points)
            block.extend(labels)
        if self.w.pending and any(EVENT_FIELD.match(p.text) for p in self.w.paras[i:j]):
            # 'Địa điểm / Thời gian / Thành phần' lines: the fields of the one event written above them
            self.w.pending[-1].own.extend(block)
            self.w.pending = []
            return j
        self.apply_block(block, j)
        return j

    def work_lead(self, text: str, line: int) -> list[LabelLine]:
        """'- Nhiệm vụ: Phòng X chuẩn bị nội dung, tài liệu.' among an event's fields: the unit that opens
        the work, when read as a unit, leads it."""
        found = WORK_VALUE.match(text)
        if found is None or label_of(text) is not None:
            return []
        probe = Item(found["value"], line, ())
        self.w.subjects.read_subject(probe)
        if not probe.lead or probe.lead_how != "subject":
            return []
        return [LabelLine("lead", ", ".join(m.written for m in probe.lead), line)]

    def label_points(self, text: str, j: int) -> tuple[list[str], int]:
        """The bullets under a label line with no value, when their mark is not the label's own."""
        own = BULLET.match(text)
        points: list[str] = []
        mark = None
        while j < len(self.w.paras) and self.w.kinds.kind_of(self.w.paras[j]) == "bullet":
            found = BULLET.match(self.w.paras[j].text)
            if found is None or (own is not None and found["mark"] == own["mark"]) or mark not in (None, found["mark"]):
                break
            mark = found["mark"]
            points.append(end_mark(found["rest"]).rstrip(" ;."))
            j += 1
        return points, j

    def label_goes_on(self, text: str, after: Paragraph) -> bool:
        """A label line whose value a line break cut: it does not close its sentence, and the next
        paragraph, unmarked and short, finishes it."""
        return (
            not text.rstrip().endswith((".", ";", "!", "?"))
            and self.w.kinds.kind_of(after) == "plain"
            and after.table is None
            and len(after.text) <= 160
            and not roman_heading(after.text)
        )

    def apply_block(self, block: list[LabelLine], after: int) -> None:
        if not self.w.pending and self.w.after_heading:
            # "2.1. Công tác tuyên truyền / Cơ quan chủ trì: ... / - item / - item": the block
            # right under a heading governs the items of that section written after it.
            self.w.leading = (self.w.path(), block)
            return
        if not self.w.pending:
            if self.w.body.items and self.w.body.items[-1].role == "task":
                self.w.body.items[-1].own.extend(block)  # a block after an item already governed
            return
        has_lead = any(line.role in ("lead", "lead-or-executing") or line.above for line in block)
        if not has_lead and self.more_items_follow(after):
            self.w.pending[-1].own.extend(block)  # belongs to the item just above
            return
        for item in self.w.pending:
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
        self.w.pending = []

    def more_items_follow(self, after: int) -> bool:
        for para in self.w.paras[after:]:
            kind = self.w.kinds.kind_of(para)
            mark = BULLET.match(para.text) if kind == "bullet" else None
            if mark and self.w.pending and self.w.pending[-1].marker not in (None, mark["mark"]):
                return False  # '+ a' / '+ b' / block / '- c': the block closes the '+' points above it
            if kind in ("bullet", "letter", "plain"):
                return True
            if kind == "number":
                return (
                    not self.headings.is_heading(self.w.at[id(para)], kind)
                    and len(self.w.path()) >= self.w.pending_level
                )
            return False
        return False
