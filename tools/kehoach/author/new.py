"""``kehoach new``: a brand-new record with the next free id, in the right
place, in canonical form. Names of units, directives and plans may be typed
as written in documents, accents optional; they are resolved to ids."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..atomic import WriteFailed, write_atomic
from ..index import Index, section_paths
from ..kinds import Kind
from ..load.files import expected_place
from ..model.validate import validate
from ..oserrors import write_reason
from ..resolve import Resolution, Resolver, province_of_plan
from ..text import nfc, slugify
from . import canonical
from .fields import FIELDS, Field


class NewError(Exception):
    """A reason the record cannot be created; the message is for the user."""


class Ambiguous(NewError):
    """A typed name that stands for several records (or only for another province's); the resolution
    lists the candidates, for a person to pick one."""

    def __init__(self, resolution: Resolution) -> None:
        super().__init__(resolution.message())
        self.resolution = resolution


Chooser = Callable[[Resolution], str]  # asks a person to pick one candidate; returns its id


def _normal_section(text: str) -> str:
    return ".".join(part.strip() for part in text.strip().strip(".").split(".")).casefold()


class Draft:
    """The values of a record being written, each checked when it is given: names resolved to ids
    (the plan's province first), sections looked up in the chosen plan, every other value validated
    by the record's model. A bad value raises NewError and is not kept."""

    def __init__(self, index: Index, kind: Kind) -> None:
        self.index = index
        self.kind = kind
        self.values: dict[str, Any] = {}

    @property
    def province(self) -> str | None:
        if self.kind == "task":
            return province_of_plan(self.index, self.values.get("plan"))
        unit = self.index.units.get(self.values.get("issuer") or "")
        return unit.province if unit else None

    def resolver(self, spec: Field) -> Resolver:
        return Resolver(self.index, spec.refers, self.province)

    def sections(self) -> list[str]:
        """The section keys of the chosen plan, in document order."""
        plan = self.index.plans.get(self.values.get("plan") or "")
        return list(section_paths(plan.sections)) if plan else []

    def accept(self, spec: Field, answer: str | list[str] | None, choose: Chooser | None = None) -> Any:
        """Check ``answer`` for ``spec`` and keep it; return the value kept (ids for names)."""
        parts = answer if isinstance(answer, list) else ([answer] if answer else [])
        parts = [nfc(part.strip()) for part in parts if part and part.strip()]
        if not parts:
            if spec.required:
                raise NewError(f"'{spec.prompt}' là bắt buộc")
            self.values.pop(spec.name, None)
            return None
        if len(parts) > 1 and not spec.many:
            raise NewError(f"'{spec.prompt}' chỉ nhận một giá trị")
        if spec.refers:
            value: Any = [self._resolve(spec, part, choose) for part in parts]
        elif spec.name == "section" and self.kind == "task":
            value = [self._section(parts[0])]
        else:
            value = parts
        value = value if spec.many else value[0]
        self._validate(spec, value)
        self.values[spec.name] = value
        return value

    def _resolve(self, spec: Field, text: str, choose: Chooser | None) -> str:
        found = self.resolver(spec).resolve(text)
        if found.chosen:
            return found.chosen
        if found.candidates and choose is not None:
            return choose(found)
        raise Ambiguous(found) if found.candidates else NewError(found.message())

    def _section(self, text: str) -> str:
        sections = self.sections()
        wanted = _normal_section(text)
        for key in sections:
            if _normal_section(key) == wanted:
                return key
        listed = ", ".join(sections) or "(kế hoạch chưa khai báo mục)"
        raise NewError(f"kế hoạch '{self.values.get('plan')}' không có mục '{text}'; các mục có: {listed}")

    def _validate(self, spec: Field, value: Any) -> None:
        _, problems = validate(self.kind, canonical.plain_data({**self.values, spec.name: value}))
        mine = [message for loc, _, message in problems if loc and loc[0] == spec.name]
        if mine:
            raise NewError("; ".join(mine))


def _scope(index: Index, unit_id: str) -> str:
    unit = index.units.get(unit_id)
    return slugify(unit.province) if unit and unit.province else unit_id.split("-")[0]


def _free(index: Index, base: str, taken: frozenset[str]) -> str:
    if base not in index.entries and base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in index.entries or f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def next_id(index: Index, kind: Kind, data: dict[str, Any], taken: frozenset[str] = frozenset()) -> str:
    """The next free id for a new record, following the repository's naming."""
    if kind == "task":
        plan = data["plan"]
        numbers = [int(m[1]) for t in index.tasks if (m := re.fullmatch(rf"{re.escape(plan)}-nv(\d+)", t))]
        return f"{plan}-nv{max(numbers, default=0) + 1:02d}"
    if kind == "unit":
        scope = slugify(data["province"]) if data.get("province") else "tw"
        slug = slugify(data.get("short_names", [None])[0] if data.get("short_names") else data["name"])
        return _free(index, slug if slug.startswith(scope + "-") else f"{scope}-{slug}", taken)
    scope = _scope(index, data["issuer"])
    year = str(data["date"])[:4] if data.get("date") else None
    tail = slugify(data["number"]) if data.get("number") else slugify(data["title"])[:40].strip("-")
    return _free(index, "-".join(p for p in (scope, year, tail) if p), taken)


def section_order(index: Index, plan_id: str, section: str) -> tuple[int, list[str]]:
    """Where a new task of ``section`` goes in its plan: its ``order`` (after the tasks of that section
    and of the sections before it in the document) and the tasks whose order moves up by one."""
    plan = index.plans[plan_id]
    keys = list(section_paths(plan.sections))
    rank = {key: i for i, key in enumerate(keys)}
    tasks = [t for t in index.tasks.values() if t.plan == plan_id]
    before = [t.order for t in tasks if rank.get(t.section, len(keys)) <= rank[section]]
    # After the last task of this section and those before it; the first task of the plan's first
    # sections goes before every other task.
    order = max(before) + 1 if before else min((t.order for t in tasks), default=1)
    moved = sorted((t.id for t in tasks if t.order >= order), key=lambda i: -index.tasks[i].order)
    return order, moved


def build(index: Index, kind: Kind, values: dict[str, Any]) -> dict[str, Any]:
    """The record's data from checked values: the id first, a new task's order inside its section."""
    data: dict[str, Any] = {spec.name: values[spec.name] for spec in FIELDS[kind] if values.get(spec.name)}
    if kind == "task":
        data["order"] = section_order(index, data["plan"], data["section"])[0]
    for key in ("date", "period_start", "period_end"):
        if isinstance(data.get(key), dt.date):
            data[key] = data[key].isoformat()
    return {"id": next_id(index, kind, data), **data}


def _renumbered(root: Path, index: Index, task_id: str) -> tuple[Path, bytes, str]:
    """(path, old bytes, new text) of a task whose order moves up by one; only its 'order' line changes."""
    from .status import StatusError, set_order

    entry = index.entries[task_id]
    path = root / entry.file.rel
    old = path.read_bytes()
    try:
        return path, old, set_order(old.decode("utf-8"), index.tasks[task_id].order + 1)
    except (StatusError, UnicodeDecodeError) as err:
        raise NewError(
            f"không đánh lại được thứ tự của '{entry.file.rel}' ({err}); hãy chạy 'kehoach fmt' trước"
        ) from None


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C waits until the files are written: a half-renumbered plan is never left behind by it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def create(root: Path, index: Index, kind: Kind, values: dict[str, Any]) -> Path:
    """Write the new record (and, for a task, move the later tasks' order up by one); return its path.

    Never overwrites. Every text is prepared and checked before the first write; the later tasks are
    renumbered from the last one back (each file replaced atomically), so that an interruption leaves
    at worst a gap in the numbering, which check accepts, never two tasks with one order; a failed
    write puts the files already renumbered back."""
    data = build(index, kind, values)
    record, problems = validate(kind, canonical.plain_data(data))
    if record is None or problems:
        details = "; ".join(message for _, _, message in problems)
        raise NewError(f"bản ghi mới chưa hợp lệ: {details}")
    rel = expected_place(kind, data["id"], data.get("plan"))
    path = root / rel
    if path.exists():
        raise NewError(f"tệp '{rel}' đã có; không ghi đè")
    if kind == "task":
        unreadable = sorted(str(f.rel) for f in index.broken.values() if f.rel.parent == rel.parent)
        if unreadable:
            raise NewError(f"kế hoạch có tệp nhiệm vụ chưa đọc được ({', '.join(unreadable)}); hãy sửa trước")
    moves = (
        [_renumbered(root, index, t) for t in section_order(index, data["plan"], data["section"])[1]]
        if kind == "task"
        else []
    )
    text = canonical.render_new(kind, data)
    done: list[tuple[Path, bytes, str]] = []
    with _uninterrupted():
        try:
            for move in moves:
                write_atomic(move[0], move[2])
                done.append(move)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text, exclusive=True)  # fails rather than overwrite, even in a race
        except (WriteFailed, OSError) as err:
            for moved, old, _ in reversed(done):
                write_atomic(moved, old)
            if isinstance(err, WriteFailed):
                raise NewError(str(err).replace(str(path), rel.as_posix())) from err
            raise NewError(f"không tạo được thư mục cho '{rel}': {write_reason(err)}") from err
    return path


__all__ = ["FIELDS", "Ambiguous", "Draft", "NewError", "create", "next_id", "section_order"]
