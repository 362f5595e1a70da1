"""Due dates as iCalendar feeds (RFC 5545), built with the site so that a clerk
can subscribe in a calendar: one for the whole office, one per lead unit.
An event per open task with a deadline, on that day (all-day)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..derived import Situation
from ..index import Index
from ..model import Task
from ..text import clip

PRODID = "-//kehoach//Lich han nhiem vu//VI"
OPEN = ("overdue", "unreported", "in-time")  # done, cancelled, undated tasks have no date to keep


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character (3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, room = [], 0, 75  # a continuation line starts with a space: 74 octets of text
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, room = end, 74
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _event(task: Task, state: Situation, plan_number: str, leads: str, stamp: str) -> str:
    """The event's folded content lines (folded once: the office's and the units' feeds share it)."""
    due = state.deadline
    assert due is not None
    text = task.title or " ".join(task.text.split())
    summary = clip(text, 120)
    details = f"Kế hoạch {plan_number}. Chủ trì: {leads}. Thời gian: {task.timeframe or 'theo kế hoạch'}. {text}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{task.id}@kehoach",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{due + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape('Hạn: ' + summary)}",
        f"DESCRIPTION:{escape(details)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar(name: str, events: list[str]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines.append(f"X-WR-CALNAME:{escape(name)}")
    head = "".join(fold(line) + "\r\n" for line in lines)
    return head + "".join(events) + "END:VCALENDAR\r\n"


def calendars(index: Index, situations: dict[str, Situation], labels: dict[str, str], today: dt.date) -> dict[str, str]:
    """{'' for the office, or a unit id: iCalendar text}; units without a dated open task have none."""
    stamp = f"{today:%Y%m%d}T000000Z"
    office: list[str] = []
    by_unit: dict[str, list[str]] = defaultdict(list)
    for task in sorted(index.tasks.values(), key=lambda t: (t.plan, t.order)):
        state = situations[task.id]
        if state.key not in OPEN or state.deadline is None:
            continue
        plan = index.plans.get(task.plan)
        leads = ", ".join(labels.get(u, u) for u in task.lead)
        event = _event(task, state, plan.number if plan else task.plan, leads, stamp)
        office.append(event)
        for unit in task.lead:
            by_unit[unit].append(event)
    feeds = {"": calendar("Hạn nhiệm vụ", office)}
    for unit, events in by_unit.items():
        feeds[unit] = calendar(f"Hạn nhiệm vụ: {labels.get(unit, unit)}", events)
    return feeds
