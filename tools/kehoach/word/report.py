"""The draft of a Báo cáo sơ kết/tổng kết for one unit and one period, as a
Word document an office can correct and sign: the groups per plan, the results
and figures the unit's reports give per plan and section, then the unfinished
tasks with their lead units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ..derived import FOUR, Group, Reported, assess, leads, reported
from ..index import Index, section_paths
from ..model import Figure, Plan, Report, Result, Task
from ..text import clip, vn_date
from ..views.buckets import Summary, Tally, lead_label, plan_label, unit_label
from ..views.select import Period
from . import issuer, layout

OPEN = (Group.OVERDUE, Group.UNREPORTED, Group.IN_TIME)


def _number(value: float) -> str:
    """1234 -> '1.234', 77.98 -> '77,98': numbers as Vietnamese documents write them."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".partition(".")
    return whole.replace(",", ".") + "," + frac.rstrip("0")


def figure_line(figure: Figure) -> str:
    text = f"{figure.name}: {_number(figure.value)}"
    if figure.unit:
        text += f" {figure.unit}"
    if figure.target:
        share = figure.value / figure.target * 100
        text += f" (chỉ tiêu {_number(figure.target)}, đạt {_number(round(share, 2))}%)"
    return "- " + text + "."


def _overlaps(report: Report, period: Period | None) -> bool:
    return period is None or (report.period_start <= period.end and report.period_end >= period.start)


def _counts_sentence(tally: Tally) -> str:
    parts = [f"{group.header.lower()} {tally.count(group)}" for group in FOUR]
    apart = [f"{group.header.lower()} {tally.count(group)}" for group in (Group.UNREPORTED,) if tally.count(group)]
    sentence = f"{tally.total} nhiệm vụ: " + ", ".join(parts)
    if apart:
        sentence += "; " + ", ".join(apart) + " (không tính là quá hạn)"
    others = tally.total - tally.four - tally.count(Group.UNREPORTED)
    if others:
        sentence += f"; {others} nhiệm vụ thường xuyên, chưa rõ hạn hoặc dừng"
    return sentence + "."


def _period_words(period: Period | None, today: dt.date) -> str:
    return period.label if period else f"đến ngày {vn_date(today)}"


def build(index: Index, summary: Summary, unit_id: str, today: dt.date) -> object:
    """The report document for ``unit_id`` from the summary of its tasks."""
    period = summary.period
    unit = index.units.get(unit_id)
    superior, body_name = issuer.masthead_names(index, unit_id)
    own = sorted(
        (r for r in index.reports.values() if unit_id in (r.issuer, *r.co_issuers) and _overlaps(r, period)),
        key=lambda r: (r.date, r.id),
    )
    latest_plan = max((p for p in index.plans.values() if p.issuer == unit_id), key=lambda p: p.date, default=None)
    parent = index.units.get(unit.parent) if unit and unit.parent else None
    header = layout.Header(
        state=issuer.is_state(unit),
        superior=superior,
        issuer=body_name,
        number=issuer.draft_number(index, unit_id, "BC"),
        place=issuer.place_of(index, unit_id),
        date=None,
        year=today.year,
        heading="Báo cáo",
        title=f"Kết quả thực hiện các kế hoạch công tác {_period_words(period, today)}",
        signer_title=latest_plan.signer_title if latest_plan else None,
        signer=latest_plan.signer if latest_plan else None,
        recipients=[*([f"{parent.name} (b/c)"] if parent and not parent.generic else []), "Lưu Văn phòng."],
    )
    document = layout.new_document()
    layout.masthead(document, header)
    name = unit.name if unit else unit_id
    layout.body(
        document,
        f"{name} báo cáo kết quả thực hiện các kế hoạch công tác {_period_words(period, today)} "
        f"(số liệu tính đến ngày {vn_date(today)}) như sau:",
    )
    layout.heading(document, "I. KẾT QUẢ THỰC HIỆN")
    layout.body(document, f"{name} chủ trì {_counts_sentence(summary.total)}")
    tasks_of = _tasks_by_plan(index, summary)
    for number, line in enumerate(summary.by_plan, start=1):
        plan = index.plans.get(line.key or "")
        if plan is None:
            continue
        layout.heading(document, f"{number}. Kế hoạch số {plan_label(plan)} {plan.title}")
        layout.body(document, f"Chủ trì {_counts_sentence(line.tally)}")
        _plan_results(document, index, plan, tasks_of.get(plan.id, []), own, period, today)
    _unmatched_figures(document, own, {p.key for p in summary.by_plan})
    layout.heading(document, "II. NHIỆM VỤ CHƯA HOÀN THÀNH")
    unfinished = _unfinished(index, summary, today, period)
    if unfinished:
        layout.table(
            document,
            ("TT", "Nhiệm vụ", "Kế hoạch", "Đơn vị chủ trì", "Hạn", "Tình hình"),
            unfinished,
            (0.9, 5.6, 2.4, 3.2, 1.9, 2.5),
        )
    else:
        layout.body(document, "Không có nhiệm vụ chưa hoàn thành trong kỳ.")
    layout.closing(document, header)
    return document


def _tasks_by_plan(index: Index, summary: Summary) -> dict[str, list[Task]]:
    ids = {task_id for ids in summary.total.tasks.values() for task_id in ids}
    grouped: dict[str, list[Task]] = {}
    for task_id in ids:
        task = index.tasks[task_id]
        grouped.setdefault(task.plan, []).append(task)
    for tasks in grouped.values():
        tasks.sort(key=lambda t: t.order)
    return grouped


def _section_label(plan: Plan, key: str) -> str:
    headings = dict(_headings(plan.sections))
    return f"Mục {key}. {headings[key]}" if key in headings else f"Mục {key}"


def _headings(sections: Iterable, prefix: str = "") -> Iterable[tuple[str, str]]:
    for section in sections:
        last = section.number.rstrip(".-").split(".")[-1]
        key = f"{prefix}.{last}" if prefix else last
        yield key, section.heading
        yield from _headings(section.sections, key)


def _plan_results(
    document: object,
    index: Index,
    plan: Plan,
    tasks: list[Task],
    own: list[Report],
    period: Period | None,
    today: dt.date,
) -> None:
    """Per section of the plan: the section's own results, each task's results and figures."""
    by_section: dict[str, list[str]] = {}
    for report in own:
        for result in report.results:
            if result.task is None and result.section and (result.plan or _only_plan(report)) == plan.id:
                by_section.setdefault(result.section, []).append(_result_text(result))
        for figure in report.figures:
            task = index.tasks.get(figure.task) if figure.task else None
            if (task and task.plan == plan.id) or (not task and figure.section and _only_plan(report) == plan.id):
                by_section.setdefault(task.section if task else figure.section or "", []).append(figure_line(figure))
    for task in tasks:
        results = [r for r in reported(index, task.id) if _overlaps(r.report, period) and r.report.date <= today]
        state = assess(index, task, today, (period.start, period.end) if period else None)
        lines = [_task_result_text(task, results, state.label)]
        by_section.setdefault(task.section, []).extend(lines)
    for key in section_paths(plan.sections):
        if key in by_section:
            layout.body(document, _section_label(plan, key), italic=True)
            for line in by_section[key]:
                layout.body(document, line)


def _only_plan(report: Report) -> str | None:
    return report.plans[0] if len(report.plans) == 1 else None


def _result_text(result: Result) -> str:
    text = f"- {result.text}"
    if result.delivered:
        text += f" Sản phẩm: {result.delivered}."
    return text


def _task_result_text(task: Task, results: list[Reported], situation: str) -> str:
    name = task.title or clip(task.text, 160)
    said = " ".join(r.result.text for r in results)
    delivered = "; ".join(r.result.delivered for r in results if r.result.delivered)
    text = f"- {name} ({situation.lower()})"
    if said:
        text += f": {said}"
    if task.product:
        text += f" Sản phẩm dự kiến: {task.product}" + (f"; đã có: {delivered}." if delivered else "; chưa có.")
    elif delivered:
        text += f" Sản phẩm: {delivered}."
    return text


def _unmatched_figures(document: object, own: list[Report], plans: set[str | None]) -> None:
    """Figures of the unit's reports tied to no task or section of the plans above."""
    loose = [f for r in own for f in r.figures if f.task is None and f.section is None]
    if loose:
        layout.body(document, "Một số số liệu khác:", italic=True)
        for figure in loose:
            layout.body(document, figure_line(figure))


def _unfinished(index: Index, summary: Summary, today: dt.date, period: Period | None) -> list[list[str]]:
    rows = []
    ids = [task_id for group in OPEN for task_id in summary.total.tasks.get(group, [])]
    tasks = sorted((index.tasks[i] for i in ids), key=lambda t: (t.plan, t.order))
    for number, task in enumerate(tasks, start=1):
        state = assess(index, task, today, (period.start, period.end) if period else None)
        plan = index.plans.get(task.plan)
        lead = "; ".join(lead_label(index, lead) for lead in leads(index, task, today, state)) or "(chưa ghi)"
        rows.append(
            [
                str(number),
                task.title or clip(task.text, 220),
                plan.number if plan else task.plan,
                lead,
                vn_date(state.deadline) or (task.timeframe or ""),
                state.label,
            ]
        )
    return rows


def write(index: Index, summary: Summary, unit_id: str, today: dt.date, path: Path) -> None:
    layout.save(build(index, summary, unit_id, today), path)


__all__ = ["build", "figure_line", "unit_label", "write"]
