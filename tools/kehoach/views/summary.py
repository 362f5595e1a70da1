"""A bucket summary as people read it: a terminal table, Markdown for meeting
minutes and pull requests, or JSON for other programs."""

from __future__ import annotations

import json

from ..derived import APART, FOUR, task_deadline
from ..index import Index
from ..text import clip, vn_date
from .buckets import Line, Outcome, Summary, Tally, counts, unit_label
from .table import RIGHT, Column, markdown_table, md_cell, text_table

FORMATS = ("text", "markdown", "json")
TITLE = "Kết quả thực hiện nhiệm vụ"
FOUR_TOTAL = "Cộng 4 nhóm"
ALL_TOTAL = "Tổng số nhiệm vụ"
SHORT_TEXT = 70  # characters of a task's text in the task list


def _columns(first: str, summary: Summary) -> list[Column]:
    shown = [*FOUR, *summary.shown_apart]
    numbers = [Column(o.header, RIGHT, 10) for o in shown]
    return [
        Column(first, limit=40),
        *numbers[:4],
        Column(FOUR_TOTAL, RIGHT, 7),
        *numbers[4:],
        Column(ALL_TOTAL, RIGHT, 9),
    ]


def _row(label: str, tally: Tally, summary: Summary) -> list[str]:
    cells = [str(tally.count(o)) for o in FOUR]
    cells.append(str(tally.four))
    cells += [str(tally.count(o)) for o in summary.shown_apart]
    return [label, *cells, str(tally.total)]


def _tables(summary: Summary) -> list[tuple[str, list[Column], list[list[str]]]]:
    """(heading, columns, rows) of each table of the summary."""
    one_unit = summary.unit is not None
    unit_rows = [_row(line.label, line.tally, summary) for line in summary.by_unit]
    plan_rows = [_row(line.label, line.tally, summary) for line in summary.by_plan]
    total = _row("Tổng cộng", summary.total, summary)
    if unit_rows and not one_unit:  # the roles of one unit overlap: no total for them
        unit_rows.append(total)
    if plan_rows:
        plan_rows.append(total)
    return [
        (
            "Theo vai trò của đơn vị" if one_unit else "Theo đơn vị chủ trì",
            _columns("Vai trò" if one_unit else "Đơn vị chủ trì", summary),
            unit_rows,
        ),
        ("Theo kế hoạch", _columns("Kế hoạch", summary), plan_rows),
    ]


def _scope(index: Index, summary: Summary) -> list[str]:
    lines = [f"Tính đến ngày {vn_date(summary.today)}."]
    if summary.period is not None:
        lines.append(
            f"Phạm vi: nhiệm vụ có hạn trong {summary.period.label}, và nhiệm vụ không có hạn "
            f"(thường xuyên, định kỳ...) của các kế hoạch còn thực hiện trong {summary.period.label}."
        )
    if summary.unit is not None:
        lines.append(
            f"Đơn vị: {unit_label(index, summary.unit)}. Bảng theo kế hoạch đếm các nhiệm vụ đơn vị chủ trì; "
            "dòng 'Phối hợp' đếm riêng các nhiệm vụ đơn vị phối hợp."
        )
    return lines


def _notes(summary: Summary) -> list[str]:
    notes = [f"{o.header}: {o.label}." for o in [*FOUR, *summary.shown_apart]]
    notes.append(
        f"{FOUR_TOTAL}: số nhiệm vụ thuộc bốn nhóm trên; các cột sau đó đếm riêng những nhiệm vụ "
        "không xếp được vào bốn nhóm."
    )
    if summary.unit is None:
        notes.append(
            "Nhiệm vụ có nhiều đơn vị chủ trì được tính cho mỗi đơn vị; dòng 'Tổng cộng' đếm mỗi nhiệm vụ một lần."
        )
    if summary.completed_later:
        notes.append(
            f"{len(summary.completed_later)} nhiệm vụ ghi ngày hoàn thành sau ngày {vn_date(summary.today)} "
            "được tính là chưa hoàn thành tại ngày đó."
        )
    return notes


def _task_lines(index: Index, summary: Summary) -> list[tuple[str, list[str]]]:
    """(outcome label, one line per task) for every outcome that has tasks."""
    groups = []
    for result in [*FOUR, *APART]:
        ids = summary.total.tasks.get(result, [])
        lines = []
        for task_id in ids:
            task = index.tasks[task_id]
            plan = index.plans.get(task.plan)
            text = clip(task.title or task.text, SHORT_TEXT)
            deadline = task_deadline(task, plan)
            facts = [plan.number if plan else task.plan]
            if deadline:
                facts.append(f"hạn {vn_date(deadline)}")
            if task.completed and task.completed > summary.today:
                facts.append(f"ghi hoàn thành {vn_date(task.completed)}, sau ngày báo cáo")
            elif task.completed:
                facts.append(f"hoàn thành {vn_date(task.completed)}")
            leads = ", ".join(unit_label(index, u) for u in task.lead) or "chưa ghi chủ trì"
            lines.append(f"{task_id} ({'; '.join(facts)}; {leads}): {text}")
        if lines:
            groups.append((result.label, lines))
    return groups


def as_text(index: Index, summary: Summary, details: bool = False) -> str:
    out = [TITLE.upper(), *_scope(index, summary), ""]
    for heading, columns, rows in _tables(summary):
        out += [heading, text_table(columns, rows) if rows else "(không có nhiệm vụ)\n"]
    out += ["Ghi chú:", *(f"- {n}" for n in _notes(summary))]
    if details:
        for label, lines in _task_lines(index, summary):
            out += ["", f"{label} ({len(lines)}):", *(f"- {line}" for line in lines)]
    return "\n".join(out) + "\n"


def as_markdown(index: Index, summary: Summary, details: bool = False) -> str:
    out = [f"## {TITLE}", "", *(f"{line}  " for line in _scope(index, summary)), ""]
    for heading, columns, rows in _tables(summary):
        out += [f"### {heading}", "", markdown_table(columns, rows) if rows else "Không có nhiệm vụ.\n"]
    out += ["Ghi chú:", "", *(f"- {n}" for n in _notes(summary))]
    if details:
        for label, lines in _task_lines(index, summary):
            out += ["", f"### {label} ({len(lines)})", "", *(f"- {md_cell(line)}" for line in lines)]
    return "\n".join(out) + "\n"


def _line_json(line: Line) -> dict[str, object]:
    return {
        "id": line.key,
        "label": line.label,
        "counts": dict(counts(line.tally)),
        "tasks": {o.key: ids for o, ids in line.tally.tasks.items()},
    }


def as_json(index: Index, summary: Summary, details: bool = False) -> str:
    period = summary.period
    payload = {
        "today": summary.today.isoformat(),
        "period": {"label": period.label, "start": period.start.isoformat(), "end": period.end.isoformat()}
        if period
        else None,
        "unit": summary.unit,
        "outcomes": {o.key: o.label for o in Outcome},
        "four": [o.key for o in FOUR],
        "by_unit": [_line_json(line) for line in summary.by_unit],
        "by_plan": [_line_json(line) for line in summary.by_plan],
        "total": _line_json(Line(None, "Tổng cộng", summary.total)),
        "completed_after_today": summary.completed_later,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, index: Index, summary: Summary, details: bool = False) -> str:
    return {"text": as_text, "markdown": as_markdown, "json": as_json}[fmt](index, summary, details)
