"""What changed in the records between two revisions, as a list people read in
meeting minutes and pull requests: records added and removed, and for each
changed record the fields that changed, with status, deadline and lead
changes spelt out (units by name, documents by number, dates dd/mm/yyyy)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..derived import plan_window, task_deadline
from ..index import Index
from ..kinds import Kind
from ..model import MODELS, REFERENCE_FIELDS, Directive, Plan, Task, Unit
from ..model.common import Record
from ..text import clip, vn_date
from .revisions import Snapshot

# Changes listed by kind in this order: plans, then their tasks, then documents and units.
KIND_ORDER = (Kind.PLAN, Kind.TASK, Kind.DIRECTIVE, Kind.UNIT)
ACTIONS = {"added": "Thêm", "changed": "Sửa", "removed": "Bỏ", "unreadable": "Không đọc được"}
SHORT = 80  # text up to this long is quoted in full; longer text is said to be changed
EMPTY = "(trống)"


@dataclass
class FieldChange:
    name: str  # model field, or "deadline" for the computed one
    title: str  # Vietnamese
    text: str  # "Theo kế hoạch → Đã hoàn thành", "thêm Ban A; bỏ Ban B", "đã sửa"
    old: Any = None
    new: Any = None


@dataclass
class Change:
    kind: Kind
    id: str
    action: str  # added, changed, removed, unreadable
    label: str
    fields: list[FieldChange] = field(default_factory=list)
    note: str | None = None  # why a file could not be read, or that it could not be before
    # For a new or changed task, what a reviewer needs besides the changes: who leads it, by when,
    # how it stands (title, text); the facts already among the changed fields are not repeated.
    facts: list[tuple[str, str]] = field(default_factory=list)

    def touches(self, *names: str) -> bool:
        return any(f.name in names for f in self.fields)


@dataclass
class Diff:
    old: Snapshot
    new: Snapshot
    changes: list[Change]

    def summary(self) -> str:
        """One line for minutes: how many of each kind were added, changed, removed."""
        parts = []
        for kind in KIND_ORDER:
            mine = [c for c in self.changes if c.kind == kind]
            if not mine:
                continue
            counted = [
                f"{sum(c.action == a for c in mine)} {ACTIONS[a].lower()}"
                for a in ACTIONS
                if any(c.action == a for c in mine)
            ]
            extra = []
            if kind == "task":
                if n := sum(c.touches("status") for c in mine):
                    extra.append(f"{n} đổi tình trạng")
                if n := sum(c.touches("deadline") for c in mine):
                    extra.append(f"{n} đổi hạn")
                if n := sum(c.touches("lead") for c in mine):
                    extra.append(f"{n} đổi chủ trì")
            tail = f" ({', '.join(extra)})" if extra else ""
            parts.append(f"{kind.label}: {', '.join(counted)}{tail}")
        return "; ".join(parts) + "." if parts else "Không có thay đổi nào trong bản ghi."


# ------------------------------------------------------------------ labels


def label(record: Record, index: Index) -> str:
    """How a record is named in the list."""
    if isinstance(record, Plan):
        return f"{record.number} ngày {vn_date(record.date)}: {record.title}"
    if isinstance(record, Directive):
        return f"{record.number}: {record.shown_title}" if record.number else record.name
    if isinstance(record, Unit):
        return record.name
    if isinstance(record, Task):
        plan = index.plans.get(record.plan)
        text = clip(record.title or record.text, SHORT)
        return f"{plan.number if plan else record.plan}, mục {record.section}: {text}"
    return record.id


def _name(record_id: str, *indexes: Index) -> str:
    """A referenced record by name, from the first revision that has it readable."""
    entry = next((index.entries[record_id] for index in indexes if record_id in index.entries), None)
    record = entry.record if entry else None
    if isinstance(record, Unit):
        return record.name
    if isinstance(record, Directive):
        return record.name
    if isinstance(record, Plan):
        return record.number or record.title
    return record_id


def _show(value: Any) -> str:
    if value is None or value == [] or value == "":
        return EMPTY
    if isinstance(value, Enum):
        return getattr(value, "label", str(value.value))
    if isinstance(value, dt.date):
        return vn_date(value)
    if isinstance(value, bool):
        return "có" if value else "không"
    return f"'{' '.join(str(value).split())}'"


def _plain(value: Any) -> Any:
    """A value for JSON."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value


def task_facts(task: Task, index: Index, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Lead, deadline and status of a task, in words ("chủ trì: Ban Dân vận Tỉnh ủy ...")."""
    facts = []
    if "lead" not in skip:
        facts.append(("chủ trì", ", ".join(_name(u, index) for u in task.lead) or "chưa ghi"))
    if "deadline" not in skip and "timeframe" not in skip:
        deadline = task_deadline(task, index.plans.get(task.plan))
        when = f" ({' '.join(task.timeframe.split())})" if task.timeframe else ""
        facts.append(("hạn", f"{vn_date(deadline)}{when}" if deadline else (task.timeframe or "không ghi")))
    if "status" not in skip:
        facts.append(("tình trạng", task.status.label))
    return facts


# ------------------------------------------------------------------ comparing


def _list_change(old: list[Any] | None, new: list[Any] | None, old_name: Any, new_name: Any) -> str:
    """Items added and removed, each named by ``old_name``/``new_name``; or that only the order changed."""
    gone = [old_name(item) for item in old or [] if item not in (new or [])]
    came = [new_name(item) for item in new or [] if item not in (old or [])]
    parts = ([f"thêm {', '.join(came)}"] if came else []) + ([f"bỏ {', '.join(gone)}"] if gone else [])
    return "; ".join(parts) or "đổi thứ tự"


def _reference_change(old: Any, new: Any, before: Index, after: Index) -> str:
    """A changed reference field, its records by name (from whichever revision has them)."""
    if isinstance(new, list | type(None)) and isinstance(old, list | type(None)):
        return _list_change(old, new, lambda r: _name(r, before, after), lambda r: _name(r, after, before))
    old_name = _name(old, before, after) if old else EMPTY
    new_name = _name(new, after, before) if new else EMPTY
    return f"{old_name} → {new_name}"


def _value_change(name: str, old: Any, new: Any) -> str:
    """A changed plain field: new progress entries spelt out, short values quoted, long ones said to be changed."""
    if name == "progress" and old == new[: len(old)]:
        return "; ".join(f"thêm {vn_date(p.date)}: {' '.join(p.note.split())}" for p in new[len(old) :])
    if isinstance(old, list) or isinstance(new, list):
        items = [*(old or []), *(new or [])]
        if all(isinstance(i, str) and len(i) <= SHORT for i in items):
            return _list_change(old, new, lambda i: f"'{i}'", lambda i: f"'{i}'")
        return "đã sửa"
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > SHORT:
        return "đã sửa"
    return f"{_show(old)} → {_show(new)}"


def _field_change(kind: Kind, name: str, old: Any, new: Any, before: Index, after: Index) -> FieldChange:
    info = MODELS[kind].model_fields[name]
    title = (info.title or name).lower()
    if name in REFERENCE_FIELDS[kind]:
        text = _reference_change(old, new, before, after)
    else:
        text = _value_change(name, old, new)
    return FieldChange(name, title, text, _plain(old), _plain(new))


def _computed(old: Record, new: Record, before: Index, after: Index) -> list[FieldChange]:
    """Changes of facts derived from the records: a task's or plan's deadline."""
    if isinstance(old, Task) and isinstance(new, Task):
        a, b = task_deadline(old, before.plans.get(old.plan)), task_deadline(new, after.plans.get(new.plan))
        title = "hạn (tính)"
    elif isinstance(old, Plan) and isinstance(new, Plan):
        a, b = plan_window(old)[1], plan_window(new)[1]
        title = "hạn (cuối thời gian kế hoạch)"
    else:
        return []
    if a == b:
        return []
    text = f"{vn_date(a, EMPTY)} → {vn_date(b, EMPTY)}"
    return [FieldChange("deadline", title, text, _plain(a), _plain(b))]


def _changed(kind: Kind, old: Record, new: Record, before: Index, after: Index) -> list[FieldChange]:
    changes = []
    for name in MODELS[kind].model_fields:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            changes.append(_field_change(kind, name, a, b, before, after))
    return changes + _computed(old, new, before, after)


def _order(kind: Kind, record: Record) -> tuple[int, str, int]:
    """Where a change goes in the list: by kind, tasks in their plan's order, plans by date."""
    if isinstance(record, Task):
        return (KIND_ORDER.index(kind), record.plan, record.order)
    if isinstance(record, Plan):
        return (KIND_ORDER.index(kind), record.date.isoformat(), 0)
    return (KIND_ORDER.index(kind), "", 0)


def compare(old: Snapshot, new: Snapshot) -> Diff:
    before, after = old.index, new.index
    changes: list[tuple[tuple[int, str, int], Change]] = []
    for record_id in sorted(set(before.entries) | set(after.entries)):
        a, b = before.entries.get(record_id), after.entries.get(record_id)
        if a and b and a.kind == b.kind:
            fields = _changed(a.kind, a.record, b.record, before, after)
            if fields:
                change = Change(b.kind, record_id, "changed", label(b.record, after), fields)
                if isinstance(b.record, Task):
                    change.facts = task_facts(b.record, after, tuple(f.name for f in fields))
                changes.append((_order(b.kind, b.record), change))
            continue
        if a:
            path = str(a.file.rel)
            note: str | None
            if path in new.unreadable:
                note = f"tệp {path} có lỗi ở {new.label} ({new.unreadable[path]}); xem bằng 'kehoach check'"
                change = Change(a.kind, record_id, "unreadable", label(a.record, before), note=note)
            else:
                change = Change(a.kind, record_id, "removed", label(a.record, before))
            changes.append((_order(a.kind, a.record), change))
        if b:
            path = str(b.file.rel)
            note = f"ở {old.label} tệp này có lỗi, không đọc được" if path in old.unreadable else None
            change = Change(b.kind, record_id, "added", label(b.record, after), note=note)
            if isinstance(b.record, Task):
                change.facts = task_facts(b.record, after)
            changes.append((_order(b.kind, b.record), change))
    changes.sort(key=lambda pair: (pair[0], pair[1].id, list(ACTIONS).index(pair[1].action)))
    return Diff(old, new, [change for _, change in changes])


# ------------------------------------------------------------------ rendering


def _lines(diff: Diff, markdown: bool) -> list[str]:
    out: list[str] = []
    for kind in KIND_ORDER:
        mine = [c for c in diff.changes if c.kind == kind]
        if not mine:
            continue
        out += [f"### {kind.heading}", ""] if markdown else [kind.heading]
        for change in mine:
            what = f"**{ACTIONS[change.action]}**" if markdown else ACTIONS[change.action]
            ident = f"`{change.id}`" if markdown else change.id
            bullet = (
                "-"
                if markdown
                else " " + {"added": "+", "removed": "-", "changed": "~", "unreadable": "!"}[change.action]
            )
            out.append(f"{bullet} {what} {ident} ({_md(change.label) if markdown else change.label})")
            indent = "  -" if markdown else "     "
            for item in change.fields:
                out.append(f"{indent} {item.title}: {_md(item.text) if markdown else item.text}")
            if change.facts:
                facts = "; ".join(f"{title}: {text}" for title, text in change.facts)
                out.append(f"{indent} {_md(facts) if markdown else facts}")
            if change.note:
                out.append(f"{indent} {_md(change.note) if markdown else change.note}")
        out.append("")
    return out


def _md(text: str) -> str:
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def as_text(diff: Diff) -> str:
    head = [f"Thay đổi bản ghi từ {diff.old.label} đến {diff.new.label}", ""]
    return "\n".join([*head, *_lines(diff, False), f"Tóm tắt: {diff.summary()}"]) + "\n"


def as_markdown(diff: Diff) -> str:
    head = [f"## Thay đổi bản ghi từ {_md(diff.old.label)} đến {_md(diff.new.label)}", ""]
    return "\n".join([*head, f"{diff.summary()}", "", *_lines(diff, True)]).rstrip() + "\n"


def as_json(diff: Diff) -> str:
    payload = {
        "from": diff.old.label,
        "to": diff.new.label,
        "summary": diff.summary(),
        "changes": [
            {
                "kind": c.kind,
                "id": c.id,
                "action": c.action,
                "label": c.label,
                "note": c.note,
                "fields": [
                    {"field": f.name, "title": f.title, "text": f.text, "old": f.old, "new": f.new} for f in c.fields
                ],
                "facts": {title: text for title, text in c.facts},
            }
            for c in diff.changes
        ],
        "unreadable": {"from": diff.old.unreadable, "to": diff.new.unreadable},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, diff: Diff) -> str:
    return {"text": as_text, "markdown": as_markdown, "json": as_json}[fmt](diff)
