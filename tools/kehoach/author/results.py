"""``kehoach ketqua``: add results to a report record by appending lines to its
``results`` list. The rest of the file (comments, order, quoting) stays byte for
byte; the edited text is read back and must equal the intended data, and it
must validate as a report, before it is written (atomically)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_atomic
from ..kinds import Kind
from ..load import yamlsafe
from ..model import Report, Result, ResultOutcome
from ..model.validate import validate
from ..text import fold
from . import canonical


class ResultsError(Exception):
    """A reason the results cannot be added; the message is for the user."""


@dataclass(frozen=True)
class Entry:
    task: str
    outcome: ResultOutcome
    text: str
    date: dt.date | None = None
    delivered: str | None = None

    def data(self) -> dict[str, Any]:
        item: dict[str, Any] = {"task": self.task, "outcome": self.outcome.value}
        if self.date:
            item["date"] = self.date.isoformat()
        item["text"] = self.text
        if self.delivered:
            item["delivered"] = self.delivered
        return item


_SPOKEN = {
    "xong": ResultOutcome.DONE,
    "ht": ResultOutcome.DONE,
    "mot phan": ResultOutcome.PARTIAL,
    "chua": ResultOutcome.NOT_DONE,
    "chua lam": ResultOutcome.NOT_DONE,
    "dung": ResultOutcome.STOPPED,
    "chuyen": ResultOutcome.CARRIED,
    "ky sau": ResultOutcome.CARRIED,
}


def parse_outcome(text: str) -> ResultOutcome:
    """An outcome from its value ('done'), its label or a short word, accents optional ('hoàn thành', 'xong')."""
    wanted = fold(text).strip()
    if wanted in _SPOKEN:
        return _SPOKEN[wanted]
    for outcome in ResultOutcome:
        if wanted in (outcome.value, fold(outcome.label)):
            return outcome
    choices = ", ".join(f"{o.value} ({o.label})" for o in ResultOutcome)
    raise ResultsError(f"không hiểu kết quả '{text}'; chọn một trong: {choices}")


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def append(text: str, entries: list[Entry]) -> str:
    """The text of a report file with ``entries`` added at the end of its ``results``."""
    parsed = yamlsafe.parse(text)
    if parsed.problems or not isinstance(parsed.data, dict):
        raise ResultsError("tệp báo cáo có lỗi cú pháp; hãy sửa theo 'kehoach check' trước")
    data = parsed.data
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    trailing = lines[-1] == ""
    if trailing:
        lines.pop()
    items = [entry.data() for entry in entries]
    key_lines = {key: parsed.positions.keys[(key,)][0] - 1 for key in data}
    existing = data.get("results")
    if existing:
        first_line, first_col = parsed.positions.values[("results", 0)]
        if first_line - 1 == key_lines["results"]:
            raise ResultsError("'results' viết dạng [ ... ] trên một dòng; hãy chạy 'kehoach fmt' trước")
        dash = lines[first_line - 1].rfind("-", 0, first_col - 1)
        block = [line for item in items for line in canonical.render_lines("-", item, dash, Result)]
        at = _end_of(lines, key_lines, "results")
    else:
        block = canonical.render_lines("results:", items, 0, Report)
        if "results" in data:  # "results: []" or an empty value: replace the key's line
            at = key_lines["results"]
            lines[at : at + 1] = block
            block = []
        else:
            order = list(Report.model_fields)
            later = [n for key, n in key_lines.items() if key in order and order.index(key) > order.index("results")]
            at = min(later) if later else len(lines)
            while at > 0 and (not lines[at - 1].strip() or (later and _is_comment(lines[at - 1]))):
                at -= 1
    lines[at:at] = block
    new = newline.join(lines) + (newline if trailing else "")
    expected = dict(data)
    expected["results"] = [*(existing or []), *items]
    reread = yamlsafe.parse(new)
    if reread.problems or reread.data != expected:
        raise ResultsError("không thêm được kết quả mà giữ nguyên phần còn lại của tệp; hãy chạy 'kehoach fmt' trước")
    record, problems = validate(Kind.REPORT, expected)
    if record is None:
        raise ResultsError("báo cáo sau khi thêm không hợp lệ: " + "; ".join(message for _, _, message in problems))
    return new


def _end_of(lines: list[str], key_lines: dict[str, int], key: str) -> int:
    """The line after the last line of a top-level key's block (before the comments of the next key)."""
    later = [n for n in key_lines.values() if n > key_lines[key]]
    at = min(later) if later else len(lines)
    while at > 0 and (not lines[at - 1].strip() or (_is_comment(lines[at - 1]) and not lines[at - 1][:1].isspace())):
        at -= 1
    return at


def add(path: Path, entries: list[Entry]) -> None:
    """Append ``entries`` to the report file at ``path``, atomically."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ResultsError(f"không đọc được '{path}': {err}") from None
    write_atomic(path, append(text, entries))


def task_choices(report: Report, tasks: dict[str, Any]) -> list[str]:
    """Ids of the tasks of the plans the report covers, in plan order: what Tab completes."""
    covered = [t for t in tasks.values() if t.plan in report.plans]
    return [t.id for t in sorted(covered, key=lambda t: (report.plans.index(t.plan), t.order))]


def resolve_task(index: Any, report: Report, written: str) -> str:
    """The task ``written`` stands for: a task id as it is (a task of a plan the report does not
    cover is then a finding of ``check``), else what the shared resolver settles among the tasks
    of each plan the report covers ('nv05', a task's title or the words of it)."""
    from ..resolve import CLOSE, Candidate, Resolver

    written = written.strip()
    if written in index.tasks:
        return written
    settled: list[str] = []
    candidates: list[Candidate] = []
    close: list[Candidate] = []
    for plan in report.plans:
        found = Resolver(index, ("task",), within=plan).resolve(written)
        if found.chosen is not None:
            settled.append(found.chosen)
        (close if found.tier == CLOSE else candidates).extend(found.candidates)
    if len(settled) == 1:
        return settled[0]
    if candidates:
        listed = "".join(f"\n  - {c.describe()}" for c in candidates[:8])
        raise ResultsError(f"'{written}' khớp nhiều nhiệm vụ; hãy ghi mã:{listed}")
    if close:
        listed = "".join(f"\n  - {c.describe()}" for c in close[:8])
        raise ResultsError(f"không có nhiệm vụ '{written}'; có phải là:{listed}")
    choices = task_choices(report, index.tasks)
    hint = f"; các nhiệm vụ của kế hoạch được báo cáo: {', '.join(choices[:8])}" if choices else ""
    raise ResultsError(f"không có nhiệm vụ '{written}'{hint}")
