"""Identity and layout rules: ids match file names, files sit where their kind
belongs, ids are unique, tasks live in their plan's folder."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..index import Entry, Index
from ..load.files import expected_place
from ..model import Task
from .base import at


def check_file_names(index: Index) -> Iterator[Finding]:
    for entry in index.entries.values():
        stem = entry.file.rel.stem
        if stem != entry.id:
            yield at(
                entry,
                ("id",),
                "KH201",
                f"mã '{entry.id}' khác tên tệp '{entry.file.rel.name}'; đổi tên tệp thành '{entry.id}.yaml' "
                f"hoặc sửa mã thành '{stem}'",
            )


def check_duplicates(groups: list[list[Entry]]) -> Iterator[Finding]:
    for group in groups:
        for entry in group:
            others = ", ".join(str(e.file.rel) for e in group if e is not entry)
            yield at(
                entry, ("id",), "KH203", f"mã '{entry.id}' cũng được dùng trong {others}; mỗi bản ghi một mã riêng"
            )


def check_task_folders(index: Index) -> Iterator[Finding]:
    for entry in index.of_kind("task"):
        task: Task = entry.record  # type: ignore[assignment]
        folder_plan = entry.file.rel.parts[2]
        if task.plan != folder_plan:
            yield at(
                entry,
                ("plan",),
                "KH204",
                f"nhiệm vụ nằm trong thư mục của kế hoạch '{folder_plan}' nhưng ghi 'plan: {task.plan}'; "
                f"chuyển tệp tới {expected_place('task', task.id, task.plan)} hoặc sửa 'plan'",
            )


def check_task_order(index: Index) -> Iterator[Finding]:
    seen: dict[tuple[str, int], Entry] = {}
    for entry in sorted(index.of_kind("task"), key=lambda e: str(e.file.rel)):
        task: Task = entry.record  # type: ignore[assignment]
        key = (task.plan, task.order)
        if key in seen:
            yield at(
                entry,
                ("order",),
                "KH205",
                f"thứ tự {task.order} đã dùng cho nhiệm vụ '{seen[key].id}' của cùng kế hoạch",
            )
        else:
            seen[key] = entry
