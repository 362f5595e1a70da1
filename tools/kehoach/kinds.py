"""The kinds of record, declared once: each with its Vietnamese labels and the
place its files have under ``records/`` (the folder layout is part of the data
model: a file's kind is told from where it sits). A new kind is one member."""

from __future__ import annotations

from collections.abc import Sequence
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
    return kind_of_parts(rel.parts)


def kind_of_parts(parts: Sequence[str]) -> Kind | None:
    """``kind_of`` a path given by its parts (a listed path split at '/' gives
    them without the cost of a path object)."""
    if len(parts) < 3 or parts[0] != RECORDS_DIR:
        return None
    name = parts[-1]
    dot = name.rfind(".")  # rel.suffix and rel.stem, without computing them twice
    if not (0 < dot < len(name) - 1) or name[dot:] != SUFFIX:
        return None
    inner = (*parts[1:-1], name[:dot])
    for kind in _BY_PLACE.get((len(inner), inner[0]), _ANY_FOLDER.get(len(inner), ())):
        if kind.matches(inner):
            return kind
    return None


def _by_place() -> tuple[dict[tuple[int, str], tuple[Kind, ...]], dict[int, tuple[Kind, ...]]]:
    """The kinds whose ``matches`` can be true of a path of so many parts starting
    with a given folder (asked of every file of a check: the others are not
    tried); kinds whose layout starts with a placeholder are tried at any folder."""
    anywhere: dict[int, tuple[Kind, ...]] = {}
    for kind in Kind:
        if "{" in kind.layout[0]:
            anywhere[len(kind.layout)] = (*anywhere.get(len(kind.layout), ()), kind)
    placed: dict[tuple[int, str], tuple[Kind, ...]] = {}
    for kind in Kind:
        if "{" not in kind.layout[0]:
            key = (len(kind.layout), kind.layout[0])
            placed[key] = (*placed.get(key, ()), kind)
    for (length, folder), kinds in placed.items():
        placed[length, folder] = (*kinds, *anywhere.get(length, ()))
    return placed, anywhere


_BY_PLACE, _ANY_FOLDER = _by_place()
