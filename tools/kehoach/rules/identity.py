"""Identity and layout rules: ids match file names, files sit where their kind
belongs, ids are unique, tasks live in their plan's folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..codes import Code
from ..findings import Finding
from ..index import Entry
from ..kinds import Kind
from ..load.files import expected_place
from ..model import Directive, Plan, Task
from ..model.common import Record
from .base import Context, at


def check_file_names(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.entries():
        stem = entry.file.rel.stem
        if stem != entry.id:
            yield at(
                entry,
                ("id",),
                Code.KH201,
                f"mã '{entry.id}' khác tên tệp '{entry.file.rel.name}'; đổi tên tệp thành '{entry.id}.yaml' "
                f"hoặc sửa mã thành '{stem}'",
            )


SHOWN = 3  # others named in a finding about a group; the rest are counted (a group of n: O(n), not O(n²))


def _others(group: Sequence[Entry], entry: Entry, name: Callable[[Entry], str]) -> str:
    others = [e for e in group[: SHOWN + 1] if e is not entry][:SHOWN]
    rest = len(group) - 1 - len(others)
    return ", ".join(name(e) for e in others) + (f" và {rest} nơi khác" if rest else "")


def check_duplicates(ctx: Context) -> Iterator[Finding]:
    for group in ctx.duplicates:
        for entry in group:
            others = _others(group, entry, lambda e: str(e.file.rel))
            yield at(
                entry, ("id",), Code.KH203, f"mã '{entry.id}' cũng được dùng trong {others}; mỗi bản ghi một mã riêng"
            )


def check_task_folders(ctx: Context) -> Iterator[Finding]:
    for entry, task in ctx.records(Task):
        folder_plan = entry.file.rel.parts[2]
        if task.plan != folder_plan:
            yield at(
                entry,
                ("plan",),
                Code.KH204,
                f"nhiệm vụ nằm trong thư mục của kế hoạch '{folder_plan}' nhưng ghi 'plan: {task.plan}'; "
                f"chuyển tệp tới {expected_place('task', task.id, task.plan)} hoặc sửa 'plan'",
            )


def _task_place(task: Task) -> tuple[str, int]:
    return (task.plan, task.order)


def task_order_key(record: Record) -> tuple[str, int] | None:
    """What ``check_task_order`` groups a task by: its plan and its order."""
    return _task_place(record) if isinstance(record, Task) else None


def check_task_order(ctx: Context) -> Iterator[Finding]:
    """KH205 on each task whose place in its plan a task before it in path order holds
    (only the places held more than once are sorted: nearly none)."""
    first: dict[tuple[str, int], Entry] = {}
    clashes: dict[tuple[str, int], list[Entry]] = {}
    for entry in ctx.index.of_kind(Kind.TASK):
        task = entry.record
        if not isinstance(task, Task):  # never so: a task's record is a Task (index.tasks)
            continue
        key = _task_place(task)
        held = first.setdefault(key, entry)
        if held is not entry:
            clashes.setdefault(key, [held]).append(entry)
    for (_, order), group in clashes.items():
        earliest, *others = sorted(group, key=lambda e: str(e.file.rel))
        for entry in others:
            yield at(
                entry, ("order",), Code.KH205, f"thứ tự {order} đã dùng cho nhiệm vụ '{earliest.id}' của cùng kế hoạch"
            )


def check_case_collisions(ctx: Context) -> Iterator[Finding]:
    """KH206 on each file whose name differs from another's only in case, naming the
    first of them in path order (only the names that collide are sorted: nearly none)."""
    names = [str(loaded.rel) for loaded in ctx.index.files]
    # Usually no two names fold alike: found by folding them all in one call (case
    # folding maps each character alone, and none to or from a line break), so
    # that each name is looked at one by one only when some do.
    folded = "\n".join(names).casefold().split("\n")
    if len(folded) == len(names) and len(set(folded)) == len(names):
        return
    seen: dict[str, str] = {}
    clashes: dict[str, list[str]] = {}
    for name in names:
        key = name.casefold()
        first = seen.get(key)
        if first is None:
            seen[key] = name
        else:
            clashes.setdefault(key, [first]).append(name)
    found: list[tuple[str, str]] = []
    for group in clashes.values():
        first, *others = sorted(group)
        found.extend((name, first) for name in others)
    for name, first in sorted(found):
        yield Finding(
            name,
            1,
            1,
            Code.KH206,
            f"tệp này và {first} chỉ khác nhau chữ hoa, chữ thường; trên Windows và macOS chúng là một tệp",
            Code.KH206.severity,
        )


def check_same_document(ctx: Context) -> Iterator[Finding]:
    """The same issuer, number and year recorded under two ids (a number whose serial is left
    blank, '/KH-UBND', names no one document)."""
    groups: dict[DocumentKey, list[Entry]] = {}
    for entry in ctx.index.entries.values():
        key = document_key(entry.record)
        if key is not None:
            groups.setdefault(key, []).append(entry)
    for (_, number, year, _), group in groups.items():
        if len(group) < 2:
            continue
        for entry in group:
            others = _others(group, entry, lambda e: f"'{e.id}'")
            when = f" năm {year}" if year else ""
            yield at(
                entry,
                ("number",),
                Code.KH207,
                f"văn bản {number}{when} của cùng cơ quan ban hành đã được ghi ở {others}; giữ một bản ghi "
                "và sửa các tham chiếu về mã đó",
            )


DocumentKey = tuple[str | None, str, int | None, str | None]


def document_key(record: Record) -> DocumentKey | None:
    """What ``check_same_document`` groups a document by: issuer, number, year and term
    (two terms may issue the same number); None for a record it does not compare."""
    if isinstance(record, Directive | Plan) and record.number and not _blank_serial(record.number):
        return (record.issuer, record.number, record.date.year if record.date else None, getattr(record, "term", None))
    return None


def _blank_serial(number: str) -> bool:
    return number.startswith(("/", "-"))
