"""The kinds of record, declared once: each with its Vietnamese labels and the
place its files have under ``records/`` (the folder layout is part of the data
model: a file's kind is told from where it sits). A new kind is one member."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePosixPath

RECORDS_DIR = "records"
SUFFIX = ".yaml"


class Kind(StrEnum):
    """A record kind; its value is the kind as written in code and schema file names ('task')."""

    label: str  # "nhiệm vụ": in messages, after a number or "các"
    heading: str  # "Nhiệm vụ": headings; may be longer ("Văn bản chỉ đạo")
    layout: tuple[str, ...]  # folders and file stem under records/; "{id}" and "{plan}" are filled in

    # The defaults only let a type checker accept Kind("task"), the lookup by value.
    def __new__(cls, value: str, label: str = "", heading: str = "", layout: str = "") -> Kind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.heading = heading
        member.layout = tuple(layout.split("/"))
        return member

    UNIT = "unit", "đơn vị", "Đơn vị", "units/{id}"
    DIRECTIVE = "directive", "văn bản", "Văn bản chỉ đạo", "directives/{id}"
    PLAN = "plan", "kế hoạch", "Kế hoạch", "plans/{id}/{id}"
    TASK = "task", "nhiệm vụ", "Nhiệm vụ", "plans/{plan}/tasks/{id}"
    REPORT = "report", "báo cáo", "Báo cáo", "reports/{id}"

    @property
    def folder(self) -> str:
        """The folder its files sit in, as named in the layout and on the command line ('tasks')."""
        return [part for part in self.layout if "{" not in part][-1]

    def place(self, record_id: str, plan_id: str | None = None) -> PurePosixPath:
        """Where the record of this kind with ``record_id`` belongs."""
        parts = [part.format(id=record_id, plan=plan_id or "<plan>") for part in self.layout]
        parts[-1] += SUFFIX
        return PurePosixPath(RECORDS_DIR, *parts)

    def pattern(self) -> str:
        """The place of its files as a reader is told it: 'records/units/<mã>.yaml'."""
        several = sum(part.count("{") for part in self.layout) > 1
        own = f"<mã {self.label}>" if several else "<mã>"
        return str(self.place(own, f"<mã {Kind.PLAN.label}>"))

    def matches(self, parts: tuple[str, ...]) -> bool:
        """Whether a path (its parts under records/, the last without its suffix) fits the layout."""
        if len(parts) != len(self.layout):
            return False
        the_id = None  # every "{id}" slot holds the same id, every fixed slot its folder name
        for part, slot in zip(parts, self.layout, strict=True):
            if slot == "{id}":
                if the_id is None:
                    the_id = part
                elif part != the_id:
                    return False
            elif "{" not in slot and part != slot:
                return False
        return the_id is not None


def kind_of(rel: PurePosixPath) -> Kind | None:
    """Kind of the record stored at ``rel`` (relative to the repository root), or None."""
    parts = rel.parts
    if len(parts) < 3 or parts[0] != RECORDS_DIR:
        return None
    name = parts[-1]
    dot = name.rfind(".")  # rel.suffix and rel.stem, without computing them twice
    if not (0 < dot < len(name) - 1) or name[dot:] != SUFFIX:
        return None
    inner = (*parts[1:-1], name[:dot])
    for kind in _KINDS:
        if kind.matches(inner):
            return kind
    return None


_KINDS = tuple(Kind)  # iterating the enum itself goes through its metaclass each time
