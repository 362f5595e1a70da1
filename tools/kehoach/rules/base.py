"""What a rule needs to report: a finding placed at a field of a record."""

from __future__ import annotations

from ..findings import Finding
from ..index import Entry
from .catalog import RULES


def at(entry: Entry, path: tuple[str | int, ...], code: str, message: str) -> Finding:
    line, col = entry.position(path)
    return Finding(str(entry.file.rel), line, col, code, message, RULES[code].severity)
