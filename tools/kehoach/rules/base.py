"""What a rule needs: the index and the date of the check (``Context``), and a
way to report a finding placed at a field of a record (``at``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple, TypeVar

from .. import text
from ..codes import Code
from ..findings import Finding
from ..index import Entry, Index
from ..kinds import Kind
from ..load import LoadedFile
from ..model import MODELS, Directive, Plan, Record, Report, Task

R = TypeVar("R", bound=Record)
_KIND_OF: dict[type[Record], Kind] = {model: kind for kind, model in MODELS.items()}


@dataclass(frozen=True)
class Context:
    index: Index
    today: dt.date
    # The files whose own findings are wanted (a partial check, as pre-commit
    # runs it), or None for every file. Rules whose findings sit in the record
    # they look at go through entries() and skip the others; rules that compare
    # records with each other, and those whose findings a change can cause in
    # other files (registry.KNOCK_ON_CODES), look at every record.
    scope: frozenset[str] | None = None
    # Groups of records sharing an id (all but the first of each left out of the index).
    duplicates: tuple[tuple[Entry, ...], ...] = ()
    # The only files whose findings are kept at all, those a change elsewhere
    # can cause included (an incremental check reads the records around the ones
    # it checks again only to check those): a rule may leave the others out.
    # None: every file's findings are kept.
    kept: frozenset[str] | None = None

    def entries(self, kind: Kind | None = None) -> Iterable[Entry]:
        """The records (of ``kind``) whose findings are wanted."""
        if self.scope is None:
            return self.index.entries.values() if kind is None else self.index.of_kind(kind)
        return [e for e in self._in_scope if kind is None or e.kind == kind]

    def records(self, model: type[R]) -> list[tuple[Entry, R]]:
        """The records of ``model`` whose findings are wanted, each with its entry
        (listed once for all the rules asking: a dozen ask for the tasks)."""
        found = self._records.get(model)
        if found is None:
            found = self._records[model] = [
                (entry, entry.record) for entry in self.entries(_KIND_OF[model]) if isinstance(entry.record, model)
            ]
        return found  # type: ignore[return-value]

    @cached_property
    def _records(self) -> dict[type[Record], list[tuple[Entry, Record]]]:
        return {}

    @cached_property
    def _in_scope(self) -> list[Entry]:
        scope = self.scope or frozenset()
        return [e for e in self.index.entries.values() if str(e.file.rel) in scope]


def at(entry: Entry, path: tuple[str | int, ...], code: Code, message: str) -> Finding:
    return at_file(entry.file, path, code, message)


def at_file(file: LoadedFile, path: tuple[str | int, ...], code: Code, message: str) -> Finding:
    """A finding about the value at ``path`` of the record read from ``file``."""
    positions = file.positions
    found = positions.shape.value_at().get(path)  # the usual finding: about a value the record holds
    line, col = positions.of(path) if found is None else positions.marks[found]
    return Finding(str(file.rel), line, col, code, message, code.severity)


class Citation(NamedTuple):
    """A document cited by a plan ('basis') or a task ('implements'), with the citing plan's date.
    A named tuple: two rules make one for every citation of a repository (a frozen
    dataclass is made several times slower)."""

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
    if isinstance(record, Directive | Plan | Report):
        return record.date
    if isinstance(record, Task) and record.plan in index.plans:
        return index.plans[record.plan].date
    return None


@lru_cache(maxsize=4096)  # the same few thousand dates recur in many findings (formatting one is slow)
def vn_date(value: dt.date | None) -> str:
    """A date in a message; a missing one is said so."""
    return text.vn_date(value, missing="không rõ ngày")
