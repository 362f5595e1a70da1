"""A document read whole in which no point gives work (a letter that reports, answers, informs) is
not refused: its header and the documents it cites are drafted, with a plan that holds no task and
says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.findings import Severity
from kehoach.importer.draft import NO_TASKS

from .conftest import accuracy_module, build_text, registry_repo, run

# The header as one table row (cells joined by ' | ', each cell's paragraphs by a space), as a text
# taken from a Word file gives it.
_ROW_HEADER = (
    "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG ____________________ Số:         /SCT-CN V/v cập nhật công tác quản lý "
    "hoạt động hóa chất năm 2025  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc "
    "______________________________________ Lào Cai, ngày       tháng 6 năm 2026\n"
)
_PRINTED_HEADER = """\
UBND TỈNH LÀO CAI                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG                                 Độc lập - Tự do - Hạnh phúc

Số: 215/SCT-CN                             Lào Cai, ngày 05 tháng 6 năm 2026
V/v cập nhật công tác quản lý hoạt động hóa chất năm 2025
"""
_BODY = """
Kính gửi: Cục Hóa chất

Thực hiện Công văn số 1238/HC-QLHC ngày 01/6/2026 của Cục Hóa chất về việc rà soát, cập nhật công tác quản lý.

Sau khi tiến hành rà soát, Sở Công Thương tỉnh Lào Cai {lead_in}

1. Đối với hóa chất nhóm 2: Trong giai đoạn từ ngày 17/01/2026 đến ngày 30/06/2026, Sở Công Thương chưa tiếp nhận hồ sơ.

2. Đối với hóa chất nhóm 1: Trong giai đoạn từ ngày 29/05/2026 đến ngày 30/06/2026, Sở Công Thương chưa cấp giấy phép.

Trên đây là báo cáo của Sở Công Thương tỉnh Lào Cai, kính gửi Cục Hóa chất tổng hợp./.

Nơi nhận:                                            KT. GIÁM ĐỐC
- Như trên;                                           PHÓ GIÁM ĐỐC
- Lưu: VT, CN.
                                                     Hoàng Văn Thuân
"""
_REPORTING = [
    "báo cáo, cung cấp một số thông tin cụ thể như sau:",
    "báo cáo như sau:",
    "xin cung cấp thông tin như sau:",
]


@pytest.mark.parametrize("header", [_ROW_HEADER, _PRINTED_HEADER], ids=["one-row", "printed"])
@pytest.mark.parametrize("lead_in", _REPORTING)
def test_a_letter_that_reports_drafts_its_header_and_citations_and_no_task(
    tmp_path: Path, header: str, lead_in: str
) -> None:
    outcome = build_text(tmp_path, header + _BODY.format(lead_in=lead_in))
    assert outcome.refused == [] and outcome.plan is not None
    assert outcome.tasks == []
    plan = outcome.plan.data
    assert plan["title"] == "cập nhật công tác quản lý hoạt động hóa chất năm 2025"
    assert plan["place"] == "Lào Cai"
    assert [d.data["number"] for d in outcome.directives] == ["1238/HC-QLHC"]
    assert NO_TASKS in outcome.plan.doubts[""]
    assert any("nội dung báo cáo, không phải nhiệm vụ" in why for why in outcome.plan.doubts["sections"])


def test_the_header_row_gives_issuer_parent_number_and_the_month(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, _ROW_HEADER + _BODY.format(lead_in=_REPORTING[0]))
    plan = outcome.plan
    assert plan is not None
    assert plan.data["number"] == "/SCT-CN" and plan.data["type"] == "cong-van"
    assert plan.data["issuer"] == "lao-cai-so-cong-thuong"
    assert plan.data["date"].year == 2026 and "date" in plan.doubts  # the day is left blank: flagged


@pytest.mark.parametrize(
    "lead_in",
    [
        "đề nghị các đơn vị báo cáo như sau:",
        "yêu cầu các phòng cung cấp thông tin như sau:",
        "giao các phòng chuyên môn thực hiện như sau:",
    ],
)
def test_a_lead_in_that_asks_or_assigns_keeps_its_points_as_tasks(tmp_path: Path, lead_in: str) -> None:
    outcome = build_text(tmp_path, _PRINTED_HEADER + _BODY.format(lead_in=lead_in))
    assert len(outcome.tasks) == 2
    assert "" not in (outcome.plan.doubts if outcome.plan else {})


def test_the_command_writes_the_draft_exits_as_for_doubts_and_says_no_task_was_found(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cv.txt"
    source.write_text(_ROW_HEADER + _BODY.format(lead_in=_REPORTING[0]), encoding="utf-8")
    code, out, err = run(capsys, "--root", str(empty_repo), "import", str(source))
    assert code == 0, err
    assert "0 nhiệm vụ" in out and "không tìm thấy nhiệm vụ nào" in out
    [plan_file] = (empty_repo / "records/plans").glob("*/*.yaml")
    assert "# KIỂM TRA: không tìm thấy nhiệm vụ nào" in plan_file.read_text(encoding="utf-8")
    assert list((empty_repo / "records/directives").glob("*.yaml"))
    assert [f for f in run_check(empty_repo).findings if f.severity is Severity.ERROR] == []


def test_the_accuracy_benchmark_scores_such_a_document_as_read(tmp_path: Path) -> None:
    accuracy = accuracy_module()
    source = tmp_path / "cv.txt"
    source.write_text(_ROW_HEADER + _BODY.format(lead_in=_REPORTING[0]), encoding="utf-8")
    index, _ = accuracy.load_repository(registry_repo(tmp_path))
    found = accuracy.run_import(source, index)
    assert found.refused is None and found.tasks == []
    expected = accuracy.Expected("cv", "dev", source, [], [("1238/HC-QLHC", None)], set())
    score = accuracy.score(expected, found, "cv")
    assert score.refused == 0 and score.doc_recall.right == 1 and score.task_precision.total == 0


def test_a_word_file_whose_header_row_ran_its_lines_together_is_read(tmp_path: Path) -> None:
    """The same letter as a Word file: the header a table row whose two cells each hold one paragraph
    with the header's lines run together (a file converted from another format)."""
    from docx import Document

    left, right = (cell.strip() for cell in _ROW_HEADER.split(" | "))
    document = Document()
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = left, right
    for paragraph in _BODY.format(lead_in=_REPORTING[0]).split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    path = tmp_path / "cv.docx"
    document.save(str(path))
    from kehoach.check import load_repository
    from kehoach.importer import document as importer
    from kehoach.importer import source

    index, _ = load_repository(registry_repo(tmp_path))
    outcome = importer.build(source.read(path), index)
    assert outcome.plan is not None and outcome.tasks == []
    assert outcome.plan.data["number"] == "/SCT-CN" and outcome.plan.data["place"] == "Lào Cai"
    assert [d.data["number"] for d in outcome.directives] == ["1238/HC-QLHC"]
