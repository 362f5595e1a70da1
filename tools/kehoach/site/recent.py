"""The "Thay đổi gần đây" page: records added or removed, task statuses
changed, new reports, read from git at build time (the last commits touching
records/, up to 90 days before the newest). Outside a git repository, or
without git, the page says that the history is not available."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..model import TaskStatus
from ..text import vn_date
from .changes import _GIT, _prefix
from .context import SiteData, directive_page, plan_page, report_page, unit_page
from .html import Page, esc, link

RECENT = "thay-doi.md"
COMMITS = 200  # at most this many commits are read
DAYS = 90  # and none older than this before the newest one
SHOWN = 400  # entries on the page at most

_TASK = re.compile(r"^records/plans/([^/]+)/tasks/([^/]+)\.yaml$")
_PLAN = re.compile(r"^records/plans/([^/]+)/\1\.yaml$")
_FLAT = re.compile(r"^records/(units|directives|reports)/([^/]+)\.yaml$")
_STATUS = re.compile(r"^\+status:\s*['\"]?([a-z-]+)")
_LOG = ("-p", "-U0", "--no-renames", "--no-ext-diff", "--no-color", "--format=%x00%cs")
STATUS_LABELS = {s.value: s.label for s in TaskStatus}


@dataclass(frozen=True)
class Change:
    day: dt.date
    what: str  # "added", "removed", "status"
    kind: str  # "task", "plan", "unit", "directive", "report"
    record: str
    plan: str = ""  # the plan of a task
    status: str = ""  # the new status, for "status"


def _record(path: str) -> tuple[str, str, str] | None:
    """(kind, id, plan) of a record file, or None for another file."""
    if found := _TASK.match(path):
        return "task", found.group(2), found.group(1)
    if found := _PLAN.match(path):
        return "plan", found.group(1), ""
    if found := _FLAT.match(path):
        return found.group(1).rstrip("s"), found.group(2), ""
    return None


def parse(log: str, prefix: str = "") -> list[Change]:
    """Changes from ``git log -p -U0 --format=%x00%cs`` output, newest first."""
    changes: list[Change] = []
    newest: dt.date | None = None
    for block in log.split("\0")[1:]:
        date_line, _, body = block.partition("\n")
        try:
            day = dt.date.fromisoformat(date_line.strip())
        except ValueError:
            continue
        newest = newest or day
        if (newest - day).days > DAYS:
            break
        current: tuple[str, str, str] | None = None
        for line in body.split("\n"):
            if line.startswith("diff --git "):
                name = line.rpartition(" b/")[2]
                current = _record(name[len(prefix) :]) if name.startswith(prefix) else None
            elif current is None:
                continue
            elif line.startswith("new file mode"):
                changes.append(Change(day, "added", *current))
            elif line.startswith("deleted file mode"):
                changes.append(Change(day, "removed", *current))
                current = None
            elif current[0] == "task" and (status := _STATUS.match(line)):
                changes.append(Change(day, "status", *current, status=status.group(1)))
    # a status written in the same commit that added the task is no change
    added = {(c.day, c.record) for c in changes if c.what == "added"}
    return [c for c in changes if c.what != "status" or (c.day, c.record) not in added]


def read_changes(root: Path, commits: int = COMMITS) -> list[Change] | None:
    """The recent changes of records/, or None when git cannot tell (no repository, no git)."""
    try:
        done = subprocess.run(
            [*_GIT, "-C", str(root), "log", f"-n{commits}", *_LOG, "--", "records"],
            capture_output=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return parse(done.stdout.decode("utf-8", "replace"), _prefix(root))


KIND_WORDS = {
    "plan": "kế hoạch",
    "directive": "văn bản chỉ đạo",
    "unit": "đơn vị",
    "report": "báo cáo",
    "task": "nhiệm vụ",
}


class RecentPages:
    def __init__(self, data: SiteData, changes: list[Change] | None) -> None:
        self.data = data
        self.changes = changes

    def page(self) -> Page:
        page = Page("Thay đổi gần đây")
        if self.changes is None:
            return page.add(
                '<p class="kh-empty">Trang được dựng ngoài kho git (hoặc máy không có git), '
                "nên không có lịch sử thay đổi.</p>"
            )
        page.add(
            f"<p>Bản ghi được thêm, tình trạng nhiệm vụ được cập nhật, báo cáo mới: trong {DAYS} ngày "
            "tính đến lần cập nhật gần nhất, theo lịch sử của kho bản ghi.</p>"
        )
        entries = self._entries()
        if not entries:
            return page.add('<p class="kh-empty">Không có thay đổi nào.</p>')
        by_day: dict[dt.date, list[str]] = defaultdict(list)
        for day, text in entries[:SHOWN]:
            by_day[day].append(text)
        for day in sorted(by_day, reverse=True):
            items = "".join(f"<li>{text}</li>" for text in by_day[day])
            page.heading(2, f"Ngày {vn_date(day)}", f"ngay-{day.isoformat()}").add(f"<ul>{items}</ul>")
        if len(entries) > SHOWN:
            page.add(f'<p class="kh-empty">Và {len(entries) - SHOWN} thay đổi cũ hơn không hiện ở đây.</p>')
        return page

    def _entries(self) -> list[tuple[dt.date, str]]:
        """(day, sentence) newest first; tasks added to one plan on one day make one sentence."""
        assert self.changes is not None
        added_tasks: dict[tuple[dt.date, str], int] = defaultdict(int)
        entries: list[tuple[dt.date, str]] = []
        for change in self.changes:
            if change.what == "added" and change.kind == "task":
                if (change.day, change.plan) not in added_tasks:
                    entries.append((change.day, f"\0{change.plan}"))  # filled in below
                added_tasks[(change.day, change.plan)] += 1
            else:
                entries.append((change.day, self._sentence(change)))
        return [
            (day, self._tasks_added(text[1:], added_tasks[(day, text[1:])]) if text.startswith("\0") else text)
            for day, text in entries
        ]

    def _tasks_added(self, plan_id: str, count: int) -> str:
        return f"Thêm {count} nhiệm vụ vào kế hoạch {self._record_link('plan', plan_id)}"

    def _sentence(self, change: Change) -> str:
        words = KIND_WORDS[change.kind]
        if change.what == "removed":
            return f"Xóa {words} <code>{esc(change.record)}</code>"
        if change.what == "status":
            label = STATUS_LABELS.get(change.status, change.status)
            return f"Nhiệm vụ {self._task_link(change)}: tình trạng chuyển thành «{esc(label)}»"
        if change.kind == "report":
            return f"Báo cáo mới {self._record_link('report', change.record)}"
        return f"Thêm {words} {self._record_link(change.kind, change.record)}"

    def _task_link(self, change: Change) -> str:
        task = self.data.index.tasks.get(change.record)
        if task is None:  # gone since
            return f"<code>{esc(change.record)}</code>"
        return self.data.task_link(RECENT, task)

    def _record_link(self, kind: str, record_id: str) -> str:
        index, data = self.data.index, self.data
        if kind == "plan" and record_id in index.plans:
            return link(RECENT, plan_page(record_id), data.titles[record_id], title=index.plans[record_id].title)
        if kind == "directive" and record_id in index.directives:
            return link(RECENT, directive_page(record_id), data.titles[record_id])
        if kind == "unit" and record_id in index.units:
            return link(RECENT, unit_page(record_id), index.units[record_id].name)
        if kind == "report" and record_id in index.reports:
            return link(RECENT, report_page(record_id), index.reports[record_id].number)
        return f"<code>{esc(record_id)}</code>"  # no page (removed since)
