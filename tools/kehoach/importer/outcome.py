"""What an import drafts: the records to write, each doubtful value with a note, and what
the import would link or refuse."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..kinds import Kind
from ..load.files import expected_place


@dataclass
class Draft:
    """One record to write: its data in model field order and the notes on its values."""

    kind: Kind
    data: dict[str, Any]
    doubts: dict[str, list[str]] = field(default_factory=dict)  # field ("" = whole record) -> why to review
    notes: dict[str, list[str]] = field(default_factory=dict)  # field -> what the source wrote (not doubts)

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def path(self) -> PurePosixPath:
        return expected_place(self.kind, self.id, self.data.get("plan"))

    def doubt(self, key: str, message: str) -> None:
        notes = self.doubts.setdefault(key, [])
        if message not in notes:
            notes.append(message)

    def note(self, key: str, message: str) -> None:
        notes = self.notes.setdefault(key, [])
        if message not in notes:
            notes.append(message)


@dataclass
class Outcome:
    """What an import would do: records to create, records linked, what was refused."""

    source: Path
    report: Draft | None = None  # a báo cáo (importer.report); its programme part, if any, is ``plan``
    plan: Draft | None = None
    tasks: list[Draft] = field(default_factory=list)
    directives: list[Draft] = field(default_factory=list)
    units: list[Draft] = field(default_factory=list)
    linked_directives: list[str] = field(default_factory=list)
    linked_units: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    cleaning: list[str] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # a report's result paragraphs: section, text

    @property
    def drafts(self) -> list[Draft]:
        return (
            ([self.report] if self.report else [])
            + ([self.plan] if self.plan else [])
            + self.tasks
            + self.directives
            + self.units
        )

    @property
    def doubt_count(self) -> int:
        return sum(len(notes) for d in self.drafts for notes in d.doubts.values())


class DraftError(Exception):
    """The plan cannot be drafted (no number, an unknown --issuer); the message says why."""
