"""Tables of figures (statistics, counts by unit or place, budgets, indicators by year) give no task,
however they are written: rows joined with ' | ', one cell per line between lone '|' lines (a web
page), a Markdown table, a Word table. The table is left out with a message naming its first line;
the body's tasks and a task table with a column of figures beside its work are read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer import document, source, tables
from kehoach.importer.draft import Outcome
from kehoach.index import Index

from .conftest import word_file
from .test_structure import FOOTER, HEADER
from .test_tables import BODY

APPENDIX = """
PHỤ LỤC
TỔNG HỢP SỐ LIỆU THEO ĐỊA PHƯƠNG
(Kèm theo Kế hoạch số 20-KH/BDVTU ngày 10/3/2023 của Ban Dân vận Tỉnh ủy)
"""

# Counts by place: a column of places, then columns of figures (one left blank with '-').
COUNTS = [
    ["Số TT", "Địa phương", "Số hộ", "Số người", "Kinh phí hỗ trợ (triệu đồng)", "Tỷ lệ (%)"],
    ["1", "Huyện Tuy Phong", "1.204", "4.816", "2.350", "95,5"],
    ["2", "Huyện Bắc Bình", "987", "3.120", "-", "88"],
    ["3", "Thị xã La Gi", "1.530", "6.002", "3.115,5", "100"],
    ["4", "Huyện Hàm Tân", "640", "2.210", "1.020", "72,25"],
    ["", "Tổng cộng", "4.361", "16.148", "6.485,5", "89,2"],
]
# Figures under a header a task table could have ('Nội dung', 'Đơn vị thực hiện'): indicators by year.
INDICATORS = [
    ["TT", "Nội dung", "Đơn vị thực hiện", "Năm 2024", "Năm 2025", "Năm 2026"],
    ["1", "Số hội viên mới kết nạp", "Hội Nông dân tỉnh", "1.200", "1.350", "1.500"],
    ["2", "Số mô hình dân vận khéo", "Ban Dân vận Tỉnh ủy", "45", "50", "60"],
    ["3", "Tỷ lệ khu dân cư văn hóa", "Mặt trận Tổ quốc tỉnh", "85", "88", "90"],
]
# A task table with a budget column beside its work: its rows are tasks.
BUDGET = [
    ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện", "Kinh phí (triệu đồng)"],
    ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Quý II/2023", "120"],
    ["2", "Rà soát, bổ sung quy chế phối hợp", "Ban Dân vận Tỉnh ủy", "Năm 2023", "45,5"],
    ["3", "Theo dõi, nắm tình hình tôn giáo", "Mặt trận Tổ quốc tỉnh", "Thường xuyên", "30"],
]
# Criteria and the points each is worth, the criteria written as work and a unit's column beside them.
SCORES = [
    ["STT", "Nội dung tiêu chí", "Đơn vị thực hiện", "Điểm tối đa", "Cách chấm"],
    ["1", "Xây dựng kế hoạch tuyên truyền", "UBND cấp xã", "20", "Có kế hoạch: 20 điểm; không có: 0 điểm"],
    ["2", "Tổ chức hội nghị đối thoại với nhân dân", "UBND cấp xã", "30", "Mỗi hội nghị: 10 điểm"],
    ["3", "Vận động người dân mở tài khoản", "Hội Nông dân xã", "40", "Theo tỷ lệ người mở tài khoản"],
    ["4", "Điểm thưởng", "", "10", ""],
]
BODY_TASK = "Tuyên truyền kết quả thực hiện công tác dân vận"
FORMS = ("joined", "bars", "markdown", "word")


def _text(rows: list[list[str]], form: str) -> str:
    if form == "joined":
        return "".join(" | ".join(row) + "\n" for row in rows)
    if form == "bars":  # one cell per line, an empty cell nothing between two '|' lines
        return "".join("|\n" + "".join(f"{c}\n|\n" if c else "|\n" for c in row) for row in rows)
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(out + ["| " + " | ".join(row) + " |" for row in rows[1:]]) + "\n"


def _write(tmp_path: Path, rows: list[list[str]], form: str) -> Path:
    if form != "word":
        path = tmp_path / f"{form}.txt"
        path.write_text(HEADER + BODY + FOOTER + APPENDIX + _text(rows, form), encoding="utf-8")
        return path
    return word_file(tmp_path / "word.docx", HEADER + BODY + FOOTER + APPENDIX, rows)


def _build(tmp_path: Path, index: Index, rows: list[list[str]], form: str) -> Outcome:
    return document.build(source.read(_write(tmp_path, rows, form)), index)


def _skipped(outcome: Outcome) -> str:
    return " ".join(outcome.plan.doubts.get("sections", []))  # type: ignore[union-attr]


def _proposed(outcome: Outcome) -> list[str]:
    return [d.data.get("name", "") for d in outcome.drafts if d.kind == "unit"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("rows", "kind"),
    [(COUNTS, "bảng số liệu"), (INDICATORS, "bảng số liệu"), (SCORES, "bảng tiêu chí chấm điểm")],
    ids=["counts by place", "indicators under task labels", "criteria and points"],
)
def test_a_table_of_figures_gives_no_task_and_is_named_in_a_message(
    tmp_path: Path, index: Index, rows: list[list[str]], kind: str, form: str
) -> None:
    outcome = _build(tmp_path, index, rows, form)
    texts = [t.data["text"] for t in outcome.tasks]
    assert len(texts) == 1 and BODY_TASK in texts[0], texts
    assert not [name for name in _proposed(outcome) if any(ch.isdigit() for ch in name)]
    skipped = _skipped(outcome)
    assert kind in skipped and rows[0][1] in skipped
    assert "dòng " in skipped


@pytest.mark.parametrize("form", FORMS)
def test_a_task_table_with_a_column_of_figures_beside_its_work_gives_its_tasks(
    tmp_path: Path, index: Index, form: str
) -> None:
    outcome = _build(tmp_path, index, BUDGET, form)
    table = [t.data for t in outcome.tasks if str(t.data["section"]).startswith("PL")]
    assert [t["text"] for t in table] == [row[1] for row in BUDGET[1:]]
    assert [t.get("timeframe") for t in table] == [row[3] for row in BUDGET[1:]]
    assert "bảng số liệu" not in _skipped(outcome)


def test_figures_are_told_by_their_cells_not_by_the_header() -> None:
    def rows(table: list[list[str]]) -> list[tables.Row]:
        return [[[cell] for cell in row] for row in table]

    assert tables.figures(rows(COUNTS)) == tables.figures(rows(INDICATORS)) == tables.FIGURES
    assert tables.figures(rows(SCORES)) == tables.SCORES
    assert not tables.figures(rows(BUDGET))
    # a place or a time is no column of points
    where = [["TT", "Nội dung", "Địa điểm", "Thời điểm"], ["1", "Hội nghị", "12", "15"], ["2", "Tập huấn", "14", "20"]]
    assert tables.figures(rows(where)) != tables.SCORES
    # the same figures beside cells of work (a plan's activities and their cost): a task table
    work = [[row[0], f"Tổ chức tập huấn cho cán bộ {row[1]}", *row[2:]] for row in COUNTS[1:]]
    assert not tables.figures(rows([COUNTS[0], *work]))
    # dates and times are no figures: a table of deadlines is not one of figures
    dated = [[str(k), f"Việc {k}", f"Sở {k}", f"Quý {k}/2025", "31/12/2025"] for k in range(1, 5)]
    assert not tables.figures(rows([["TT", "Nội dung", "Chủ trì", "Thời gian", "Hạn"], *dated]))


REPORT = """ỦY BAN NHÂN DÂN                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ HỘI                                      Độc lập - Tự do - Hạnh phúc
Số: 88/BC-UBND                              Phú Hội, ngày 10 tháng 12 năm 2025

BÁO CÁO
Kết quả quản lý hoạt động khai thác khoáng sản năm 2025
-----

1. Công tác tuyên truyền
Đã tổ chức 05 hội nghị tuyên truyền Luật Khoáng sản cho 420 lượt người.
2. Số tổ chức được cấp phép
{table}
Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- UBND tỉnh;                                     CHỦ TỊCH
- Lưu: VT.
                                               Lê Văn Cường
"""
# Figures by kind of activity under labels a task table uses ('Loại hình hoạt động', 'Cơ quan cấp phép').
LICENCES = [
    ["TT", "Loại hình hoạt động", "Số tổ chức", "Số giấy phép", "Cơ quan cấp phép"],
    ["1", "Khai thác đá xây dựng", "12", "14", "UBND tỉnh"],
    ["2", "Khai thác cát sỏi lòng sông", "7", "7", "UBND tỉnh"],
    ["3", "Thăm dò khoáng sản", "3", "4", "Bộ Nông nghiệp và Môi trường"],
]


@pytest.mark.parametrize("form", ["joined", "bars"])
def test_a_report_reads_its_tables_of_figures_as_before(tmp_path: Path, index: Index, form: str) -> None:
    """A report's results are its figures: its tables of figures are read as they were, each row a result."""
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(table=_text(LICENCES, form)), encoding="utf-8")
    outcome = document.build(source.read(path), index)
    assert outcome.report is not None
    results = " ".join(text for _, text in outcome.paragraphs)
    assert all(row[1] in results for row in LICENCES[1:]), results
