"""A directive's page: what it is, what replaced it, and which plans and tasks carry it out."""

from __future__ import annotations

from ..kinds import Kind
from ..rules.graph import successors
from ..text import vn_date
from .context import SiteData, directive_page, plan_page
from .html import Col, Page, esc, link, meta_list, nb, table


class DirectivePages:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def page(self, directive_id: str) -> Page:
        data, index = self.data, self.data.index
        here = directive_page(directive_id)
        d = index.directives[directive_id]
        newer = successors(index, directive_id)
        meta = [
            ("Số", nb(d.number or (f"{d.partial_number} (không đầy đủ)" if d.partial_number else "(không số)"))),
            *([("Số như văn bản dẫn ghi", nb(d.number_written))] if d.number_written else []),
            *([("Khóa", esc(d.term))] if d.term else []),
            ("Loại", esc(d.type.label)),
            (
                "Cơ quan ban hành",
                data.issuers_html(here, d.issuer, d.co_issuers, "(văn bản dẫn không ghi)"),
            ),
            ("Ngày ban hành", nb(vn_date(d.date))),
            ("Hiệu lực", esc(d.status.label)),
            ("Thay thế", ", ".join(data.doc_link(here, s) for s in d.supersedes)),
            ("Bị thay thế bởi", ", ".join(data.doc_link(here, n.id) for n in newer)),
        ]
        citing = sorted({r.source.id for f in ("basis", "cites") for r in index.referrers(directive_id, f, Kind.PLAN)})
        tasks = [r.source.record for r in index.referrers(directive_id, "implements", Kind.TASK)]
        plan_rows = [
            [
                f'<span class="kh-nb">{link(here, plan_page(p), index.plans[p].number)}</span>',
                nb(vn_date(index.plans[p].date)),
                esc(index.plans[p].title),
            ]
            for p in citing
        ]
        page = Page(data.titles[directive_id], wide=True)
        page.add(f'<p class="kh-title">{esc(d.shown_title)}</p>', meta_list(meta))
        page.heading(2, "Kế hoạch căn cứ hoặc nhắc đến văn bản này")
        page.add(table([Col("Số", "nb"), Col("Ngày", "nb", key=True), Col("Trích yếu", "text")], plan_rows))
        page.heading(2, "Nhiệm vụ triển khai văn bản này")
        page.add(
            data.as_of() if tasks else "",
            data.task_table(here, sorted(tasks, key=lambda t: (t.plan, t.order)), with_plan=True),  # type: ignore[arg-type]
        )
        return page.add(data.source_html(f"records/directives/{directive_id}.yaml"))
