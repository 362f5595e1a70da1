"""A topic heading a line break cut before its last words ('1. Về Dự án Nhà máy điện Nhơn' / 'Trạch 3 và Nhơn Trạch 4',
'c) Về việc thỏa thuận giao cắt tuyến ống Cái' / 'Mép-Phú Mỹ: Ủy ban nhân dân Thành phố ... xử lý ...'): the cut fell
before a name's capital, so the lines were read as two paragraphs and the heading's tail as a point of work. Joined
back into one paragraph before the walk."""

from __future__ import annotations

import dataclasses
import re

from ..source import BULLET, LETTERED, NUMBERED, Paragraph, label_of

# The most words a heading's tail takes when it stands alone, or before the colon that closes the topic.
_TAIL_WORDS = 8
_TOPIC = re.compile(r"^Về\s+\S")
_CLOSED = (".", ":", ";", "!", "?", ")")


def _marked(text: str) -> bool:
    return bool(NUMBERED.match(text) or LETTERED.match(text) or BULLET.match(text) or label_of(text))


def _topic_cut(para: Paragraph) -> bool:
    """A numbered or lettered point opening with 'Về' that closes neither a sentence nor its topic."""
    found = NUMBERED.match(para.text) or LETTERED.match(para.text)
    rest = found["rest"].rstrip() if found else ""
    return para.table is None and bool(_TOPIC.match(rest)) and not rest.endswith(_CLOSED) and len(rest) < 150


def _tail_of(para: Paragraph, after: Paragraph | None) -> bool:
    """The paragraph is the cut heading's tail: unmarked, opening with a capital, and either a few words closing
    no sentence over a marked point, or a few words closing the topic with a colon before the work."""
    text = para.text.strip()
    if para.table is not None or not text[:1].isupper() or _marked(text):
        return False
    before, colon, _ = text.partition(":")
    if colon:
        return len(before.split()) <= _TAIL_WORDS and not before.rstrip().endswith(_CLOSED)
    alone = len(text.split()) <= _TAIL_WORDS and not text.endswith(_CLOSED)
    return alone and after is not None and after.table is None and _marked(after.text)


def join_topic_wraps(paras: list[Paragraph]) -> list[Paragraph]:
    """Topic headings cut before a capital joined with their tails (see the module's text)."""
    out: list[Paragraph] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        tail = paras[i + 1] if i + 1 < len(paras) else None
        after = paras[i + 2] if i + 2 < len(paras) else None
        if tail is not None and _topic_cut(para) and _tail_of(tail, after):
            out.append(dataclasses.replace(para, text=f"{para.text.rstrip()} {tail.text.strip()}"))
            i += 2
            continue
        out.append(para)
        i += 1
    return out
