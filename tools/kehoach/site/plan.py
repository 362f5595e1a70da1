"""A plan's page: its header, aims, a timeline, and its tasks in the
document's own order under the document's own sections."""

from __future__ import annotations

from collections import defaultdict

from ..derived import plan_window, read_timeframe, reported
from ..model import Plan, Task
from ..model.plan import Section
from ..text import vn_date
from .context import ROLES, SiteData, paragraphs, plan_page, short, task_path
from .downloads import plan_docx
from .html import Page, esc, file_href, href, meta_list, nb
from .timeline import Bar, Row, legend, timeline_svg


class PlanPages:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def page(self, plan_id: str) -> Page:
        data = self.data
        here = plan_page(plan_id)
        plan = data.index.plans[plan_id]
        tasks = data.tasks_by_plan.get(plan_id, [])
        header = [
            ("Số", nb(plan.number)),
            (
                "Cơ quan ban hành",
                data.issuers_html(here, plan.issuer, plan.co_issuers, "(văn bản không ghi)"),
            ),
            ("Ngày ban hành", nb(vn_date(plan.date)) + (f", {esc(plan.place)}" if plan.place else "")),
            ("Thời gian", esc(plan.period or "")),
            ("Người ký", esc(" – ".join(filter(None, [plan.signer_title, plan.signer])))),
            ("Căn cứ", ", ".join(data.doc_link(here, b) for b in plan.basis)),
            ("Văn bản được nhắc đến", ", ".join(data.doc_link(here, c) for c in plan.cites)),
            ("Báo cáo", ", ".join(data.report_link(here, r.source.id) for r in data.index.referrers(plan_id, "plans"))),
        ]
        page = Page(data.titles[plan_id]).add(
            f'<p class="kh-title">{esc(plan.title)}</p>', meta_list(header), data.as_of()
        )
        if plan_docx(plan_id) in data.downloads:
            page.add(
                f'<p class="kh-screen-only"><a href="{file_href(here, plan_docx(plan_id))}">Tải văn bản (.docx)</a></p>'
            )
        if plan.preamble:
            page.add(f'<p class="kh-preamble">{esc(plan.preamble)}</p>')
        for heading, items in (("Mục đích", plan.aims), ("Yêu cầu", plan.requirements)):
            if items:
                page.heading(2, heading).add("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
        chart = self.timeline(here, plan, tasks)
        if chart:
            page.heading(2, "Tiến độ theo thời gian", css="kh-screen-only").add(
                f'<div class="kh-chart">{chart}</div>', legend()
            )
        page.add(self.print_table(here, tasks))
        by_section: dict[str, list[Task]] = defaultdict(list)
        for task in tasks:
            by_section[task.section].append(task)
        page.add('<div class="kh-plan-body">')  # on paper the compact table stands for it
        self._sections(page, here, plan.sections, "", by_section, 2)
        page.add("</div>")
        if plan.closing:
            page.add(f'<p class="kh-closing">{esc(plan.closing)}</p>')
        if plan.recipients:
            page.heading(2, "Nơi nhận").add("<ul>" + "".join(f"<li>{esc(r)}</li>" for r in plan.recipients) + "</ul>")
        return page.add(data.source_html(f"records/plans/{plan_id}/{plan_id}.yaml"))

    def print_table(self, here: str, tasks: list[Task]) -> str:
        """The compact table a plan prints as (hidden on screen): task, lead, time frame, situation."""
        if not tasks:
            return ""
        rows = "".join(
            f"<tr><td>{esc(task.number or task.order)}</td><td>{esc(short(task, 400))}</td>"
            f"<td>{self.data.units_html(here, task.lead)}</td><td>{esc(task.timeframe or '')}</td>"
            f"<td>{self.data.status_html(task)}</td></tr>"
            for task in tasks
        )
        return (
            '<table class="kh-print-only kh-print-table"><caption>Các nhiệm vụ</caption>'
            '<thead><tr><th scope="col">TT</th><th scope="col">Nhiệm vụ</th><th scope="col">Chủ trì</th>'
            f'<th scope="col">Thời gian</th><th scope="col">Tình trạng</th></tr></thead><tbody>{rows}</tbody></table>'
        )

    def timeline(self, here: str, plan: Plan, tasks: list[Task]) -> str:
        rows = []
        window_start, window_end = plan_window(plan)
        for task in tasks:
            frame = read_timeframe(task.timeframe)
            parts = frame.parts if frame else ()
            bars = [Bar(part.start or min(plan.date, part.end), part.end) for part in parts if part.end]
            if task.timeframe is None and window_start and window_end:  # due with the plan itself
                bars.append(Bar(window_start, window_end))
            label = f"{task.order}. {short(task, 60)}"
            target = href(here, here, task.id).replace("&amp;", "&")
            rows.append(Row(label, target, tuple(bars), self.data.situations[task.id].key))
        return timeline_svg(rows, self.data.today, f"Thời gian các nhiệm vụ của kế hoạch {plan.number}")

    def _sections(
        self, page: Page, here: str, sections: list[Section], prefix: str, by_section: dict[str, list[Task]], depth: int
    ) -> None:
        for section in sections:
            key = f"{prefix}.{section.number.split('.')[-1]}" if prefix else section.number
            page.heading(min(depth, 6), f"{section.number}. {section.heading}")
            if section.text:
                page.add(f'<div class="kh-text">{paragraphs(section.text, block=True)}</div>')
            for task in by_section.get(key, []):
                page.add(self.task_block(here, task))
            self._sections(page, here, section.sections, key, by_section, depth + 1)

    def task_block(self, here: str, task: Task) -> str:
        data = self.data
        rows = [(label, data.units_html(here, getattr(task, field))) for field, label in ROLES]
        if task.lead_implied:  # an editor's note: shown in the reviewer's view only
            note = '<em class="kh-editor">(văn bản không ghi; suy ra từ cơ quan ban hành)</em>'
            rows[0] = ("Chủ trì", f"{rows[0][1]} {note}")
        state = data.situations[task.id]
        reports = reported(data.index, task.id)
        rows += [
            ("Thời gian", esc(task.timeframe or "")),
            ("Hạn", nb(vn_date(state.deadline))),
            ("Tình trạng", data.status_html(task)),
            ("Văn bản liên quan", ", ".join(data.doc_link(here, d) for d in task.implements)),
            (
                "Báo cáo",
                ", ".join(dict.fromkeys(data.report_link(here, r.report.id) for r in reports)),
            ),
            ("Cách thức", esc(task.method or "")),
            ("Hoàn thành", nb(vn_date(task.completed))),
        ]
        progress = ""
        if task.progress:
            items = "".join(
                f"<li><strong>{vn_date(p.date)}</strong>: {esc(p.note)}"
                + (f" <em>({esc(p.evidence)})</em>" if p.evidence else "")
                + "</li>"
                for p in task.progress
            )
            progress = f'<p class="kh-progress-title">Tiến độ</p><ul class="kh-progress">{items}</ul>'
        number = f"{esc(task.number)}. " if task.number else ""
        return (
            f'<div class="kh-task" id="{esc(task.id)}">'
            f'<p class="kh-task-text">{number}{paragraphs(task.text)}</p>'
            f"{meta_list(rows)}{progress}"
            f"{data.source_html(task_path(task))}</div>"
        )
