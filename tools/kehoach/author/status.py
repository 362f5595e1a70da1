"""``kehoach status``: record progress on a task by editing only the lines that
change (the status value, the completion date, one new progress entry). The
rest of the file, comments, quoting and indentation included, stays byte for
byte; the edited text is read back and must equal the intended data."""

from __future__ import annotations

import datetime as dt
import glob
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..kinds import RECORDS_DIR
from ..load import discover, load_file, record_kind, yamlsafe
from ..load.positions import Positions
from ..model import ProgressEntry, Task, TaskStatus
from ..model.common import ID_PATTERN
from ..text import fold
from . import canonical
from .fmt import not_a_regular_file


class StatusError(Exception):
    """A reason the update cannot be made; the message is for the user."""


@dataclass
class Update:
    status: TaskStatus
    date: dt.date
    note: str
    evidence: str | None = None


_SPOKEN = {
    "xong": TaskStatus.DONE,
    "hoan thanh": TaskStatus.DONE,
    "dang lam": TaskStatus.IN_PROGRESS,
    "chua lam": TaskStatus.PLANNED,
}


def parse_status(text: str) -> TaskStatus:
    """A status from its value ('done') or its Vietnamese label, accents optional ('da hoan thanh', 'hủy')."""
    wanted = fold(text)
    if wanted in _SPOKEN:
        return _SPOKEN[wanted]
    for status in TaskStatus:
        if wanted in (status.value, fold(status.label)):
            return status
    matches = [s for s in TaskStatus if re.search(rf"\b{re.escape(wanted)}\b", fold(s.label))] if wanted else []
    if len(matches) == 1:
        return matches[0]
    choices = ", ".join(f"{s.value} ({s.label})" for s in TaskStatus)
    raise StatusError(f"không hiểu tình trạng '{text}'; chọn một trong: {choices}")


def find_task(root: Path, name: str, plan: str | None = None, choose: Any = None) -> Path:
    """The task file named by its id, its path, or its short id within a plan ('nv29', 'nv29' of
    ``plan``); several tasks of that short id are offered to ``choose`` (a terminal) or listed."""
    as_path = Path(name)
    if as_path.suffix in (".yaml", ".yml") or "/" in name:
        path = as_path if as_path.is_absolute() else Path.cwd() / as_path
        if not path.is_file():
            raise StatusError(f"không tìm thấy tệp '{name}'")
        return path
    for path in discover(root):
        if path.stem == name and record_kind(_rel(root, path)) == "task":
            return path
    odd = [p for p in (root / RECORDS_DIR / "plans").glob(f"*/tasks/{glob.escape(name)}.yaml") if not p.is_file()]
    if odd:
        raise StatusError(f"không có nhiệm vụ mã '{name}': {_rel(root, odd[0])} không phải một tệp thường")
    return _short_id(root, name, plan, choose)


def _short_id(root: Path, name: str, plan: str | None, choose: Any) -> Path:
    """A task named by a short id or title, resolved in the whole repository."""
    from ..check import load_repository
    from ..resolve import CLOSE, Resolver

    index, _ = load_repository(root)
    within = None
    if plan:
        found_plan = Resolver(index, ("plan",)).resolve(plan)
        if found_plan.chosen is None:
            raise StatusError(found_plan.message())
        within = found_plan.chosen
    found = Resolver(index, ("task",), within=within).resolve(name)
    chosen = found.chosen
    if chosen is None and found.candidates and found.tier != CLOSE and choose is not None:
        chosen = choose(found)
    if chosen is None:
        if found.tier in (CLOSE, None):
            listed = "".join(f"\n  - {c.describe()}" for c in found.candidates)
            hint = f"; có phải là:{listed}" if listed else ""
            raise StatusError(f"không có nhiệm vụ mã '{name}' trong {RECORDS_DIR}/{hint}")
        hint = "" if within else "\nghi rõ kế hoạch bằng --plan, hoặc ghi đủ mã nhiệm vụ"
        raise StatusError(found.message() + hint)
    return root / index.entries[chosen].file.rel


def _rel(root: Path, path: Path) -> PurePosixPath:
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        return PurePosixPath(path.as_posix())


def check_evidence(root: Path, evidence: str) -> None:
    """An evidence that looks like a record id must name an existing directive or plan."""
    if not re.match(ID_PATTERN, evidence):
        return  # free text such as 'Báo cáo số 15-BC/BDVTU'
    for path in discover(root):
        if path.stem == evidence and record_kind(_rel(root, path)) in ("directive", "plan"):
            return
    raise StatusError(f"minh chứng '{evidence}' trông như mã văn bản nhưng kho không có văn bản hay kế hoạch mã đó")


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _tied_comment(line: str, before_key: bool) -> bool:
    """A comment line that belongs with what follows: any comment before a key, a top-level one at the end."""
    return _is_comment(line) and (before_key or not line[:1].isspace())


def _top_key_lines(data: dict[str, Any], positions: Positions) -> dict[str, int]:
    return {key: positions.keys[(key,)][0] - 1 for key in data}


def _insert_at(lines: list[str], key_lines: dict[str, int], key: str) -> int:
    """Where a new top-level ``key`` goes: before the first later key of the model order
    (and before the comments tied to it), else at the end before trailing comments."""
    order = list(Task.model_fields)
    later = [key_lines[k] for k in key_lines if k in order and order.index(k) > order.index(key)]
    at = min(later) if later else len(lines)
    while at > 0 and (not lines[at - 1].strip() or _tied_comment(lines[at - 1], bool(later))):
        at -= 1
    return at


def _value_span(line: str, col: int) -> tuple[int, int]:
    """Start and end (exclusive) of a one-line scalar starting at ``col`` (0-based), before any comment."""
    rest = line[col:]
    match = re.match(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|.*?(?=\s+#|\s*$)', rest)
    end = col + (match.end() if match else len(rest))
    return col, end


def _set_scalar(lines: list[str], data: dict[str, Any], positions: Positions, key: str, value: str) -> None:
    key_lines = _top_key_lines(data, positions)
    if key in data:
        line, col = positions.values[(key,)]
        if line - 1 != key_lines[key] and data[key] is not None:
            raise StatusError(f"giá trị '{key}' viết trên nhiều dòng; hãy chạy 'kehoach fmt' trước")
        text = lines[line - 1]
        start, end = _value_span(text, col - 1) if data[key] is not None else (len(text.split("#")[0].rstrip()), None)
        end = end if end is not None else start
        pad = "" if data[key] is not None else " "
        lines[line - 1] = text[:start] + pad + value + text[end:]
        return
    lines.insert(_insert_at(lines, key_lines, key), f"{key}: {value}")


def _remove_key(lines: list[str], data: dict[str, Any], positions: Positions, key: str) -> None:
    if key not in data:
        return
    line, _ = positions.values[(key,)]
    if line - 1 != _top_key_lines(data, positions)[key]:
        raise StatusError(f"giá trị '{key}' viết trên nhiều dòng; hãy chạy 'kehoach fmt' trước")
    del lines[line - 1]


def progress_position(existing: list[Any], date: str) -> int:
    """Where an entry dated ``date`` goes in a log kept oldest first: after every entry of that day or
    before (an entry of an earlier date is inserted in its place, not appended)."""
    at = len(existing)
    while at > 0 and isinstance(existing[at - 1], dict) and str(existing[at - 1].get("date", "")) > date:
        at -= 1
    return at


def _append_progress(lines: list[str], data: dict[str, Any], positions: Positions, entry: dict) -> None:
    existing = data.get("progress")
    key_lines = _top_key_lines(data, positions)
    if existing:
        first_line, first_col = positions.values[("progress", 0)]
        if first_line - 1 == key_lines["progress"]:
            raise StatusError("'progress' viết dạng [ ... ] trên một dòng; hãy chạy 'kehoach fmt' trước")
        dash = lines[first_line - 1].rfind("-", 0, first_col - 1)
        where = progress_position(existing, entry["date"])
        if where < len(existing):  # before an existing entry, and before the comments tied to it
            at = positions.values[("progress", where)][0] - 1
            while at > 0 and _is_comment(lines[at - 1]):
                at -= 1
        else:
            later = [n for n in key_lines.values() if n > key_lines["progress"]]
            at = min(later) if later else len(lines)
            while at > 0 and (not lines[at - 1].strip() or _tied_comment(lines[at - 1], bool(later))):
                at -= 1
        lines[at:at] = canonical.render_lines("-", entry, dash, ProgressEntry)
        return
    block = canonical.render_lines("progress:", [entry], 0, ProgressEntry)
    if "progress" in data:  # progress: [] or an empty value
        at = key_lines["progress"]
        comment = re.search(r"\s+#.*$", lines[at])
        lines[at : at + 1] = [block[0] + (comment.group() if comment else ""), *block[1:]]
        return
    at = _insert_at(lines, key_lines, "progress")
    lines[at:at] = block


def _edit(text: str, change: Any, *args: Any) -> str:
    """Apply one line edit to ``text``, with positions read from its current state."""
    parsed = yamlsafe.parse(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    trailing = lines[-1] == ""
    if trailing:
        lines.pop()
    change(lines, parsed.data, parsed.positions, *args)
    return newline.join(lines) + (newline if trailing else "")


def apply(text: str, update: Update) -> str:
    """The text of a task file after ``update``; raises StatusError when it cannot be done exactly."""
    parsed = yamlsafe.parse(text)
    if parsed.problems or not isinstance(parsed.data, dict):
        raise StatusError("tệp nhiệm vụ có lỗi cú pháp; hãy sửa theo 'kehoach check' trước")
    data = parsed.data
    entry: dict[str, Any] = {"date": update.date.isoformat(), "note": update.note}
    if update.evidence:
        entry["evidence"] = update.evidence
    expected = dict(data)
    log = list(data.get("progress") or [])
    where = progress_position(log, entry["date"])
    log.insert(where, entry)
    expected["progress"] = log
    if where == len(log) - 1:  # the latest entry sets the status; an older one only fills the log
        text = _status_lines(text, data, expected, update)
    text = _edit(text, _append_progress, entry)
    reread = yamlsafe.parse(text)
    if reread.problems or reread.data != expected:
        raise StatusError("không ghi được thay đổi mà giữ nguyên phần còn lại của tệp; hãy chạy 'kehoach fmt' trước")
    return text


def set_order(text: str, order: int) -> str:
    """The text of a task file with its ``order`` changed, every other byte kept."""
    parsed = yamlsafe.parse(text)
    if parsed.problems or not isinstance(parsed.data, dict) or "order" not in parsed.data:
        raise StatusError("tệp nhiệm vụ có lỗi hoặc thiếu 'order'")
    changed = _edit(text, _set_scalar, "order", str(order))
    reread = yamlsafe.parse(changed)
    if reread.problems or reread.data != {**parsed.data, "order": order}:
        raise StatusError("không đổi được riêng dòng 'order'")
    return changed


def _status_lines(text: str, data: dict[str, Any], expected: dict[str, Any], update: Update) -> str:
    """Set ``status`` (and ``completed``) for an update that is the latest of the log."""
    expected["status"] = update.status.value
    if data.get("status") != update.status.value:
        text = _edit(text, _set_scalar, "status", update.status.value)
    if update.status is TaskStatus.DONE:
        expected["completed"] = data.get("completed") or update.date.isoformat()
        if not data.get("completed"):
            text = _edit(text, _set_scalar, "completed", update.date.isoformat())
    elif "completed" in data:
        expected.pop("completed")
        text = _edit(text, _remove_key, "completed")
    return text


def is_latest(text: str, update: Update) -> bool:
    """Whether ``update`` would be the newest entry of the task's progress log (it then sets the status)."""
    data = yamlsafe.parse(text).data
    log = list(data.get("progress") or []) if isinstance(data, dict) else []
    return progress_position(log, update.date.isoformat()) == len(log)


def update_task(root: Path, path: Path, update: Update) -> str:
    """Apply ``update`` to the task file at ``path``; return its new text (not yet written)."""
    if problem := not_a_regular_file(path):
        raise StatusError(f"'{path}': {problem}; không đọc")
    loaded = load_file(root, path)
    if loaded.kind != "task":
        raise StatusError(f"'{loaded.rel}' không phải tệp nhiệm vụ (records/plans/<kế hoạch>/tasks/<mã>.yaml)")
    if loaded.data is None or any(f.code.startswith("KH0") for f in loaded.findings):
        raise StatusError(f"'{loaded.rel}' có lỗi đọc tệp; hãy sửa theo 'kehoach check {loaded.rel}' trước")
    plan_date = _plan_date(root, loaded.data.get("plan"))
    if plan_date and update.date < plan_date:
        raise StatusError(
            f"ngày cập nhật {update.date.isoformat()} trước ngày ban hành kế hoạch {plan_date.isoformat()}"
        )
    return apply(path.read_bytes().decode("utf-8"), update)


def _plan_date(root: Path, plan_id: Any) -> dt.date | None:
    """The issue date of the task's plan, read from the plan's own file (no whole-repository read)."""
    if not isinstance(plan_id, str) or not re.match(ID_PATTERN, plan_id):
        return None
    path = root / RECORDS_DIR / "plans" / plan_id / f"{plan_id}.yaml"
    if not path.is_file():
        return None
    data = load_file(root, path).data
    try:
        return dt.date.fromisoformat(str(data.get("date"))) if isinstance(data, dict) else None
    except ValueError:
        return None
