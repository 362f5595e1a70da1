"""An appendix whose rows detail a point of the body: the point names the appendix and says by when
('Khẩn trương ... xử lý các kiến nghị ... (Phụ lục kèm theo), hoàn thành trước ngày 15/12/2025'), the
appendix's rows say what and who, not when. Such rows take the point's time, flagged with where it
was read; a row with a time of its own keeps it."""

from __future__ import annotations

import re

from .model import Body, Item, Section

# The body naming an appendix: 'Phụ lục kèm theo', 'theo Phụ lục I', 'tại Phụ lục số 02'.
_NAMED = re.compile(r"\bphụ lục(?:\s+(?:số\s*)?(?P<num>\d{1,2}|[IVX]{1,5}|[A-Z])\b)?", re.IGNORECASE)


def _key(number: str | None) -> str:
    """An appendix's section number as the structure stage writes it ('PL', 'PL1', 'PLII')."""
    return f"PL{number.lstrip('0') or number}" if number else "PL"


def _time(item: Item) -> str | None:
    """The time a point of the body states: a time label of its own, else its own words'."""
    own = next((label.value for label in item.own if label.role == "timeframe"), None)
    return own or item.time_text


def deadlines(body: Body) -> None:
    """Give the rows of each appendix that state no time the time of the body's point naming that
    appendix, when the points naming it state one time between them."""
    appendices = [s for s in body.sections if s.role == "appendix"]
    if not appendices:
        return
    named: dict[str, list[tuple[Item, str | None]]] = {}
    for item in body.items:
        if not item.path or item.path[0].startswith("PL"):
            continue
        for found in _NAMED.finditer(item.text):
            key = _key(found["num"])
            if key == "PL" and len(appendices) == 1:
                key = appendices[0].number  # 'Phụ lục kèm theo': the one appendix there is
            named.setdefault(key, []).append((item, _time(item)))
    for section in appendices:
        timed = [(item, time) for item, time in named.get(section.number, []) if time]
        if len({time for _, time in timed}) != 1:
            continue
        point, time = timed[0]
        where = point.number or (point.path[-1] if point.path else "")
        _give(body, section, time, f"mục {where} của văn bản, mục giao các việc trong phụ lục")


def _give(body: Body, section: Section, time: str, where: str) -> None:
    for item in body.items:
        if item.path and item.path[0] == section.number and item.role == "task" and item.heading_time is None:
            item.heading_time = (time, where)
