"""What each paragraph is by its form: a heading number, a bullet, a label line, a table's row, plain text."""

from __future__ import annotations

from ..source import BULLET, LETTERED, NUMBERED, Paragraph, label_of
from .fields import CONTENT_FIELD, CONTENT_POINT, EVENT_FIELD, WORK_FIELD, WORK_VALUE, label_text
from .patterns import CLOSING_WORDS, roman_heading
from .timeframes import deadline_of

_TABLE_KINDS = {"appendix": "appendix", "group": "group", "row": "row", "text": "row", "label": "label"}


class Kinds:
    """The paragraphs of a body and what each is by its form."""

    def __init__(self, paras: list[Paragraph]) -> None:
        self.paras = paras
        self.roman = any(roman_heading(p.text) for p in paras)
        self.at = {id(p): i for i, p in enumerate(paras)}  # a paragraph's position, by identity

    def kind_of(self, para: Paragraph) -> str:
        text = para.text
        if para.table is not None:
            return _TABLE_KINDS[para.table]
        if label_of(text) or ((lettered := LETTERED.match(text)) and label_of(lettered["rest"])):
            return "label"  # "c) Thời gian thực hiện: Hoàn thành trong năm 2025.": a field of the task above
        if (CONTENT_FIELD.match(text) or self.content_of_point(para)) and self.label_follows(para):
            return "label"  # "- Nội dung thực hiện: ..." over "- Cơ quan thực hiện: ...": the task above, spelt out
        if WORK_VALUE.match(lettered["rest"] if (lettered := LETTERED.match(text)) else text) and self.among_fields(
            para
        ):
            return "label"  # '- Địa điểm: ...' / '- Nhiệm vụ: Phòng X chuẩn bị ...': the work of the heading, a field
        if deadline_of(text) is not None and not NUMBERED.match(text) and not LETTERED.match(text):
            return "label"  # 'Hoàn thành trước ngày 30/6/2023.' after points: their deadline, not work
        if WORK_FIELD.match(text) and self.label_before(para):
            return "label"  # '- Địa điểm: ...' / '- Thời gian: ...' / '- Nhiệm vụ:' / '+ ...': the work, one field more
        if self.roman and roman_heading(text):
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
        found = CONTENT_POINT.match(para.text)
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
            while 0 <= k < len(self.paras) and self.paras[k].table is None and label_text(self.paras[k].text):
                run.append(self.paras[k])
                k += step
        return len(run) > 1 and any(EVENT_FIELD.match(p.text) for p in run)

    def label_before(self, para: Paragraph) -> bool:
        at = self.at.get(id(para))
        before = self.paras[at - 1] if at else None
        return before is not None and before.table is None and label_text(before.text)

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
        return after is not None and after.table is None and label_text(after.text)

    def at_line(self, line: int) -> int | None:
        return next((i for i, p in enumerate(self.paras) if p.line == line), None)

    def next_bullet(self, para: Paragraph) -> str | None:
        at = self.at[id(para)] + 1
        mark = (
            BULLET.match(self.paras[at].text)
            if at < len(self.paras) and self.kind_of(self.paras[at]) == "bullet"
            else None
        )
        return mark["mark"] if mark else None

    def next_lettered(self, para: Paragraph) -> bool:
        at = self.at[id(para)] + 1
        return at < len(self.paras) and self.paras[at].table is None and LETTERED.match(self.paras[at].text) is not None

    def numbered_next(self, para: Paragraph) -> bool:
        at = self.at[id(para)] + 1
        return at < len(self.paras) and self.kind_of(self.paras[at]) in ("number", "letter")

    def last_of_body(self, i: int) -> bool:
        """The paragraph is the body's last (an appendix may follow)."""
        return i + 1 == len(self.paras) or self.paras[i + 1].table == "appendix"

    def closing_words(self, i: int) -> bool:
        """The sender's closing words, written last ('Văn phòng Chính phủ xin thông báo để ... biết, thực
        hiện./.'): the end mark or the body's end says it is the last."""
        text = self.paras[i].text
        last = text.rstrip().endswith("./.") or self.last_of_body(i)
        return last and self.kind_of(self.paras[i]) == "plain" and CLOSING_WORDS.match(text) is not None

    def next_is_item(self, para: Paragraph) -> bool:
        for later in self.paras[self.at[id(para)] + 1 :]:
            kind = self.kind_of(later)
            return kind in ("bullet", "letter", "plain")
        return False
