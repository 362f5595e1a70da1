"""What a rule needs: the index and the date of the check (``Context``), and a
way to report a finding placed at a field of a record (``at``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Finding
from ..index import Entry, Index
from .catalog import RULES


@dataclass(frozen=True)
class Context:
    index: Index
    today: dt.date


def at(entry: Entry, path: tuple[str | int, ...], code: str, message: str) -> Finding:
    line, col = entry.position(path)
    return Finding(str(entry.file.rel), line, col, code, message, RULES[code].severity)


def vn_date(value: dt.date | None) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates."""
    return value.strftime("%d/%m/%Y") if value else "không rõ ngày"
