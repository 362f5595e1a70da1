"""Reference rules: every id a record points at exists and is of the right
kind, and a task's section exists in its plan. Unknown ids get 'did you mean'
suggestions found accent-insensitively among ids, numbers, names and aliases."""

from __future__ import annotations

from collections.abc import Iterator

from ..codes import Code
from ..findings import Finding
from ..index import Index, section_paths
from ..kinds import Kind
from ..load.files import could_hold
from ..model import Task
from ..resolve import Suggester
from .base import Context, at


def _kinds_label(kinds: tuple[Kind, ...]) -> str:
    return " hoặc ".join(k.label for k in kinds)


def _unlisted_folders(index: Index) -> list[str]:
    """Folders of records that could not be listed (KH007): their records are unknown."""
    return [str(f.rel) for f in index.files if any(x.code == Code.KH007 for x in f.findings)]


def check_references(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    suggester: Suggester | None = None
    unlisted = _unlisted_folders(index)
    kept = ctx.kept
    for refs in index.outgoing.values():
        if kept is not None and refs and str(refs[0].source.file.rel) not in kept:
            continue  # its findings would be left out: no suggestion looked for
        for ref in refs:
            entry = ref.source
            target = index.entries.get(ref.target)
            if target is not None and target.kind in ref.kinds:
                continue
            if target is not None:
                yield at(
                    entry,
                    ref.path,
                    Code.KH302,
                    f"'{ref.target}' là {target.kind.label} ({index.label(ref.target)}), "
                    f"nhưng trường '{ref.field}' cần mã {_kinds_label(ref.kinds)}",
                )
                continue
            broken = index.broken.get(ref.target)
            if broken is not None:
                yield at(
                    entry,
                    ref.path,
                    Code.KH301,
                    f"{_kinds_label(ref.kinds)} '{ref.target}' (trường '{ref.field}') chưa đọc được vì tệp "
                    f"{broken.rel} có lỗi; sửa tệp đó trước",
                )
                continue
            if any(could_hold(folder, kind, ref.target) for folder in unlisted for kind in ref.kinds):
                continue  # perhaps in a folder that could not be read: named once there (KH007)
            suggester = suggester or Suggester(index)
            hints = suggester.suggest(ref.target, ref.kinds)
            hint = "; có phải là " + ", ".join(f"'{h}' ({index.label(h)})" for h in hints) + "?" if hints else ""
            yield at(
                entry,
                ref.path,
                Code.KH301,
                f"không tìm thấy {_kinds_label(ref.kinds)} có mã '{ref.target}' (trường '{ref.field}'){hint}",
            )


def check_sections(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    sections_of: dict[str, tuple[list[str], frozenset[str]]] = {}  # each plan's sections, listed and as a set
    for entry in index.of_kind(Kind.TASK):
        task = entry.record
        if not isinstance(task, Task):  # never so: a task's record is a Task (index.tasks)
            continue
        plan = index.plans.get(task.plan)
        if plan is None:
            continue  # reported as a dangling reference
        known = sections_of.get(task.plan)
        if known is None:
            paths = list(section_paths(plan.sections))
            known = sections_of[task.plan] = (paths, frozenset(paths))
        valid, valid_set = known
        if task.section not in valid_set:
            yield at(entry, ("section",), Code.KH303, unknown_section(task.plan, task.section, valid))


def unknown_section(plan_id: str, section: str, valid: list[str]) -> str:
    """KH303's message: a task's section that its plan (with the sections ``valid``) lacks."""
    listed = ", ".join(valid) or "(chưa khai báo mục)"
    return f"kế hoạch '{plan_id}' không có mục '{section}'; các mục có: {listed}"
