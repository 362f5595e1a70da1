"""A report's page: who issued it, for which period and plans, each result
with a link to its task, the results of whole sections, and the figures."""

from __future__ import annotations

from ..model import Report
from ..text import vn_date
from .context import SiteData, plan_page, report_page
from .html import Col, Page, esc, link, meta_list, nb, table

RESULT_COLUMNS = [
    Col("Nhiệm vụ", "text"),
    Col("Kết quả", "status", key=True),
    Col("Nội dung", "text"),
    Col("Ngày", "nb"),
    Col("Sản phẩm", "text"),
]
FIGURE_COLUMNS = [Col("Chỉ tiêu", "text"), Col("Số liệu", "nb", key=True), Col("Chỉ tiêu đặt ra", "nb"), Col("Thuộc")]


def _number(value: float) -> str:
    """1234 -> '1.234', 77.98 -> '77,98'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".partition(".")
    return whole.replace(",", ".") + "," + frac.rstrip("0")


class ReportPages:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def page(self, report_id: str) -> Page:
        data, index = self.data, self.data.index
        here = report_page(report_id)
        report: Report = index.reports[report_id]
        meta = [
            ("Số", esc(report.number)),
            (
                "Cơ quan ban hành",
                data.issuers_html(here, report.issuer, report.co_issuers, "(văn bản không ghi)"),
            ),
            ("Ngày", nb(vn_date(report.date))),
            # each date whole, but the period may break between them (a phone has room for one)
            ("Kỳ báo cáo", f"{nb(vn_date(report.period_start))} – {nb(vn_date(report.period_end))}"),
            ("Kế hoạch được báo cáo", ", ".join(data.doc_link(here, p) for p in report.plans)),
            ("Người ký", esc(" ".join(filter(None, [report.signer_title, report.signer])))),
        ]
        page = Page(f"{report.heading} {report.number}", wide=True)
        page.add(f'<p class="kh-title">{esc(report.title)}</p>', meta_list(meta))
        rows = []
        for result in report.results:
            task = index.tasks.get(result.task) if result.task else None
            if task is not None:
                where = data.task_link(here, task)
            elif result.section:
                plan_id = result.plan or (report.plans[0] if len(report.plans) == 1 else None)
                target = link(here, plan_page(plan_id), f"Mục {result.section}") if plan_id in index.plans else ""
                where = target or esc(f"Mục {result.section}")
            else:
                where = esc(result.task or "")
            rows.append(
                [
                    where,
                    f'<span class="kh-status kh-result-{esc(result.outcome.value)}">{esc(result.outcome.label)}</span>',
                    esc(result.text),
                    nb(vn_date(result.date)),
                    esc(result.delivered or ""),
                ]
            )
        if rows:
            page.heading(2, "Kết quả").add(table(RESULT_COLUMNS, rows))
        figures = []
        for figure in report.figures:
            task = index.tasks.get(figure.task) if figure.task else None
            figures.append(
                [
                    esc(figure.name),
                    nb(f"{_number(figure.value)} {figure.unit or ''}".strip()),
                    nb(_number(figure.target) if figure.target is not None else ""),
                    data.task_link(here, task) if task else esc(f"Mục {figure.section}" if figure.section else ""),
                ]
            )
        if figures:
            page.heading(2, "Số liệu").add(table(FIGURE_COLUMNS, figures))
        return page.add(data.source_html(f"records/reports/{report_id}.yaml"))
