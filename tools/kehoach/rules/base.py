"""What a rule needs: the index and the date of the check (``Context``), and a
way to report a finding placed at a field of a record (``at``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import text
from ..findings import Finding
from ..index import Entry, Index
from ..model import Directive, Plan, Task
from .catalog import RULES


@dataclass(frozen=True)
class Context:
    index: Index
    today: dt.date


def at(entry: Entry, path: tuple[str | int, ...], code: str, message: str) -> Finding:
    line, col = entry.position(path)
    return Finding(str(entry.file.rel), line, col, code, message, RULES[code].severity)


@dataclass(frozen=True)
class Citation:
    """A document cited by a plan ('basis') or a task ('implements'), with the citing plan's date."""

    field: str
    position: int
    target: str
    when: dt.date


def citations(index: Index, entry: Entry) -> list[Citation]:
    record = entry.record
    if isinstance(record, Plan):
        return [Citation("basis", i, target, record.date) for i, target in enumerate(record.basis)]
    if isinstance(record, Task) and record.plan in index.plans:
        when = index.plans[record.plan].date
        return [Citation("implements", i, target, when) for i, target in enumerate(record.implements)]
    return []


def document_date(index: Index, entry: Entry) -> dt.date | None:
    """The date a record speaks as of: its own date, or its plan's for a task."""
    record = entry.record
    if isinstance(record, Directive | Plan):
        return record.date
    if isinstance(record, Task) and record.plan in index.plans:
        return index.plans[record.plan].date
    return None


def vn_date(value: dt.date | None) -> str:
    """A date in a message; a missing one is said so."""
    return text.vn_date(value, missing="không rõ ngày")
