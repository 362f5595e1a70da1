"""Finding record files under ``records/`` and telling their kind from where
they sit (the layout is declared with each kind in ``kinds``)."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from ..kinds import RECORDS_DIR, SUFFIX, Kind, kind_of


def record_kind(rel: PurePosixPath) -> Kind | None:
    """Kind of the record stored at ``rel`` (relative to the repository root), or None."""
    return kind_of(rel)


def expected_place(kind: str, record_id: str, plan_id: str | None = None) -> PurePosixPath:
    """Where a record of ``kind`` with ``record_id`` belongs."""
    return Kind(kind).place(record_id, plan_id)


def is_record_name(name: str) -> bool:
    """A name a record file may have: '<stem>.yaml', or the mistaken '<stem>.yml'
    (reported as misplaced). Same test as ``PurePath.suffix``: '.yaml' alone has none."""
    dot = name.rfind(".")
    return 0 < dot < len(name) - 1 and name[dot:] in (SUFFIX, ".yml")


def walk(root: Path) -> list[tuple[str, bool]]:
    """(path relative to ``root`` in POSIX form, is a symbolic link) of every YAML
    file under ``root/records``, in the order of ``discover``.

    One ``scandir`` per folder, and no path objects: at 100,000 records this takes
    a tenth of the time ``Path.rglob`` does. Linked folders are not entered; a link
    named like a record file is listed whatever it points at, and so is anything
    else named like one (a folder, a FIFO, a device): the reader names it and
    skips it. A folder that cannot be listed is listed itself, for the reader to
    name once (its records are unknown, not missing)."""
    found: list[tuple[str, bool]] = []
    if (root / RECORDS_DIR).is_dir():
        _visit(os.path.join(root, RECORDS_DIR), RECORDS_DIR + "/", found)
    return found


def _visit(folder: str, prefix: str, found: list[tuple[str, bool]]) -> None:
    """``walk`` in one folder and those below it. A function of its own, not a
    closure calling itself: that would be a reference cycle keeping the whole
    listing alive until the cyclic collector ran."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        found.append((prefix.rstrip("/"), False))
        return
    for entry in entries:
        try:
            if entry.is_symlink():
                if is_record_name(entry.name):
                    found.append((prefix + entry.name, True))
            elif is_record_name(entry.name):
                found.append((prefix + entry.name, False))
            elif entry.is_dir(follow_symlinks=False):
                _visit(entry.path, prefix + entry.name + "/", found)
        except OSError:
            if is_record_name(entry.name):
                found.append((prefix + entry.name, False))


def could_hold(folder: str, kind: str, record_id: str) -> bool:
    """Whether the record ``record_id`` of ``kind`` would sit inside ``folder``
    (relative to the root): a reference to it cannot be called missing while
    that folder cannot be read."""
    parts = PurePosixPath(folder).parts
    if not parts or parts[0] != RECORDS_DIR:
        return False
    inner, layout = parts[1:], Kind(kind).layout
    if len(inner) >= len(layout):
        return False
    return all(
        part == record_id if slot == "{id}" else ("{" in slot or part == slot)
        for part, slot in zip(inner, layout, strict=False)
    )


def display(rel: str) -> str:
    """A listed path as it can be printed: bytes of a name that is not UTF-8
    written as escapes (\\xff)."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def discover(root: Path) -> list[Path]:
    """Every YAML file under ``root/records`` (both .yaml and the mistaken .yml),
    sorted as paths (by their parts): the regular files and the links that
    ``walk`` lists, for commands that open each one. What else ``walk`` lists
    (a FIFO, which would block the opening, a folder named like a record, a
    folder that cannot be listed) is for the checker to report."""
    return [root / rel for rel, is_link in walk(root) if is_link or os.path.isfile(os.path.join(root, rel))]
