"""Label lines as written: 'Cơ quan chủ trì: UBND huyện; cơ quan phối hợp: ...', '- Nội dung thực hiện:
...', '- Nhiệm vụ:', a deadline line; what each says (see ``labels`` for the items they govern)."""

from __future__ import annotations

import re

from ..source import LETTERED, label_of
from .model import LabelLine
from .timeframes import deadline_of

_NEXT_LABEL = re.compile(
    r"[;.]\s+(?=(?:cơ quan|đơn vị)?\s*(?:chủ trì|phối hợp|thời gian|tham mưu)[^:;]{0,20}:)", re.IGNORECASE
)


def labels_of(text: str, line: int) -> list[LabelLine]:
    """One or more labels on a line: 'Cơ quan chủ trì: UBND huyện; cơ quan phối hợp: Ban Dân vận Huyện ủy.'"""
    out: list[LabelLine] = []
    if (content := CONTENT_FIELD.match(text) or CONTENT_POINT.match(text) or WORK_VALUE.match(text)) and (
        label_of(text) is None
    ):
        return [LabelLine("method", content["value"].strip(), line)]
    if label_of(text) is None and (deadline := deadline_of(text)) is not None:
        return [LabelLine("timeframe", deadline[0], line, above=deadline[1])]
    if WORK_FIELD.match(text):
        return [LabelLine("method", "", line)]
    for part in _NEXT_LABEL.split(text):
        if found := label_of(part.strip()):
            out.append(LabelLine(found[0], found[1], line))
        elif out:
            out[-1].value += "; " + part.strip()
    return [marked for label in out for marked in by_role_marks(label)]


# A role written in brackets after the units it is theirs: 'Sở Y tế (chủ trì)', '... (cơ quan phối hợp)'.
ROLE_MARK = re.compile(r"\(\s*(?:cơ quan\s+|đơn vị\s+)?(?P<role>chủ trì|phối hợp|tham mưu)\s*\)", re.IGNORECASE)
_MARK_ROLES = {"chủ trì": "lead", "phối hợp": "coordinating", "tham mưu": "advising"}


def by_role_marks(label: LabelLine) -> list[LabelLine]:
    """'Cơ quan thực hiện: Sở Y tế (chủ trì); Sở Tài chính, Sở Nội vụ (phối hợp).': the units written
    before a role in brackets, since the previous one, take that role; units after the last one help
    the lead a mark names. A label of another role, or with no mark, stays as it is."""
    marks = list(ROLE_MARK.finditer(label.value))
    if not marks or label.role not in ("lead", "lead-or-executing", "executing"):
        return [label]
    values: dict[str, list[str]] = {}
    start = 0
    for mark in marks:
        names = label.value[start : mark.start()].strip(" ,;.")
        if names:
            values.setdefault(_MARK_ROLES[" ".join(mark["role"].lower().split())], []).append(names)
        start = mark.end()
    if rest := label.value[start:].strip(" ,;."):
        values.setdefault("coordinating" if "lead" in values else label.role, []).append(rest)
    return [LabelLine(role, "; ".join(names), label.line, label.doubt, label.above) for role, names in values.items()]


def label_text(text: str) -> bool:
    """A label line, lettered or not: '- Thời gian: ...', 'b) Địa điểm: ...'."""
    lettered = LETTERED.match(text)
    return label_of(lettered["rest"] if lettered else text) is not None


# "- Nội dung thực hiện: ...": what the task above consists of, written as a field among its label lines
# ("Nội dung: ..." alone opens the task's own paragraph under a heading naming an event: it stays the task)
CONTENT_FIELD = re.compile(r"^[-+*•–]?\s*Nội dung (?:thực hiện|công việc)\s*:\s*(?P<value>\S.*)$", re.I)


# A field with no value of its own that lists the work of the item above: '- Nhiệm vụ:' / '+ ...'.
WORK_FIELD = re.compile(r"^[-+*•–]?\s*(?:Nhiệm vụ|Nội dung|Công việc)(?: cụ thể)?\s*:\s*$")


# A field naming the work, with its value, among the fields of an event under a heading ('4. Hội nghị sơ
# kết' / '- Địa điểm: ...' / '- Thời gian: ...' / '- Nhiệm vụ: Phòng X chuẩn bị nội dung.'): the heading is
# the task, this its content. (A bare 'Nội dung: ...' opens the heading's work: see CONTENT_POINT.)
WORK_VALUE = re.compile(
    r"^[-+*•–]?\s*(?:Nhiệm vụ|Công việc)(?: cụ thể| chính| thực hiện| được giao)?\s*:\s*(?P<value>\S.*)$", re.I
)


EVENT_FIELD = re.compile(r"^(?:[-+*•–]\s*)?(?:[a-zđ]\)\s*)?(?:Địa điểm|Thành phần|Hình thức)[^:]{0,30}:", re.I)


CONTENT_POINT = re.compile(r"^(?P<mark>[-+*•–])\s*Nội dung\s*:\s*(?P<value>\S.*)$")
