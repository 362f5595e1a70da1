"""Reference rules: every id a record points at exists and is of the right
kind, and a task's section exists in its plan. Unknown ids get 'did you mean'
suggestions found accent-insensitively among ids, numbers, names and aliases."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..codes import Code
from ..findings import Finding
from ..index import Index, section_paths
from ..kinds import Kind
from ..model import Directive, Plan, Unit
from ..text import fold, slugify
from .base import Context, at


def _kinds_label(kinds: tuple[Kind, ...]) -> str:
    return " hoặc ".join(k.label for k in kinds)


class Suggester:
    """Maps folded spellings (ids, names, aliases, numbers) to record ids."""

    def __init__(self, index: Index) -> None:
        self.keys: dict[str, set[str]] = {}
        for entry in index.entries.values():
            record = entry.record
            spellings = [record.id]
            if isinstance(record, Unit):
                spellings += [record.name, *record.short_names, *record.aliases]
            if isinstance(record, Directive | Plan) and record.number:
                spellings.append(record.number)
            if isinstance(record, Directive | Plan):
                spellings.append(record.title)
            for spelling in spellings:
                for key in {fold(spelling), slugify(spelling)}:
                    self.keys.setdefault(key, set()).add(record.id)
        self.index = index
        self._all_keys = list(self.keys)
        self._memo: dict[tuple[str, tuple[Kind, ...], int], list[str]] = {}
        self._fuzzy = 0

    # Each close-match search compares against every key: after this many distinct unknown ids
    # (a mass breakage, not a typo) only exact accent-insensitive matches are suggested, so a
    # check stays linear in the number of broken references.
    FUZZY_LIMIT = 200

    def suggest(self, written: str, kinds: tuple[Kind, ...], limit: int = 3) -> list[str]:
        key = (written, kinds, limit)
        if key not in self._memo:
            self._memo[key] = self._suggest(written, kinds, limit)
        return self._memo[key]

    def _suggest(self, written: str, kinds: tuple[Kind, ...], limit: int) -> list[str]:
        wanted = [fold(written), slugify(written)]
        found: list[str] = []
        for key in wanted:
            for candidate in self.keys.get(key, ()):
                if candidate not in found:
                    found.append(candidate)
        self._fuzzy += 1
        if self._fuzzy > self.FUZZY_LIMIT:
            return [c for c in found if self.index.entries[c].kind in kinds][:limit]
        for key in wanted:
            for match in difflib.get_close_matches(key, self._all_keys, n=limit * 2, cutoff=0.75):
                for candidate in sorted(self.keys[match]):
                    if candidate not in found:
                        found.append(candidate)
        return [c for c in found if self.index.entries[c].kind in kinds][:limit]


def check_references(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    suggester: Suggester | None = None
    for refs in index.outgoing.values():
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
    sections_of: dict[str, list[str]] = {}
    for entry in index.of_kind(Kind.TASK):
        task = index.tasks[entry.id]
        plan = index.plans.get(task.plan)
        if plan is None:
            continue  # reported as a dangling reference
        if task.plan not in sections_of:
            sections_of[task.plan] = list(section_paths(plan.sections))
        valid = sections_of[task.plan]
        listed = ", ".join(valid) or "(chưa khai báo mục)"
        if task.section not in valid:
            yield at(
                entry,
                ("section",),
                Code.KH303,
                f"kế hoạch '{task.plan}' không có mục '{task.section}'; các mục có: {listed}",
            )
