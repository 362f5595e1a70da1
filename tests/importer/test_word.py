"""Word files as offices write them: a work plan kept in a table (one row per task,
columns for the lead, the coordinating units and the time), footnotes, and files
that are not Word documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from kehoach.check import load_repository
from kehoach.importer import document, source

from .conftest import registry_repo


def _table_plan(path: Path) -> Path:
    document = Document()
    for line in ("TỈNH ỦY BÌNH THUẬN", "BAN DÂN VẬN", "Số 31-KH/BDVTU", "Bình Thuận, ngày 15 tháng 4 năm 2023"):
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph("thực hiện công tác dân vận năm 2023")
    document.add_paragraph("Căn cứ Kế hoạch số 56-KH/TU, ngày 24/02/2022 của Ban Thường vụ Tỉnh ủy.")
    document.add_paragraph().add_run("I. NHIỆM VỤ CỤ THỂ").bold = True
    rows = [
        ("STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
        ("1", "Công tác dân vận chính quyền", "", "", ""),
        ("1.1", "Tổng kết Chương trình phối hợp năm 2022", "Lãnh đạo Ban", "Công an tỉnh", "Quý II/2023"),
        (
            "1.2",
            "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở",
            "Phòng Dân vận các cơ quan nhà nước",
            "",
            "Tháng 9/2023",
        ),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    heading = table.rows[1]
    heading.cells[1].merge(heading.cells[4])  # a group row spans the table
    document.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    document.add_paragraph("1. Các phòng thuộc Ban chủ động triển khai thực hiện.")
    document.save(path)
    return path


def test_a_work_plan_table_becomes_tasks(tmp_path: Path) -> None:
    index, _ = load_repository(registry_repo(tmp_path))
    outcome = document.build(source.read(_table_plan(tmp_path / "bang.docx")), index)
    assert [
        (t.data["text"], t.data["lead"], t.data.get("coordinating"), t.data["timeframe"]) for t in outcome.tasks
    ] == [
        (
            "Tổng kết Chương trình phối hợp năm 2022",
            ["binh-thuan-ban-dan-van-lanh-dao-ban"],
            ["binh-thuan-cong-an-tinh"],
            "Quý II/2023",
        ),
        (
            "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở",
            ["binh-thuan-ban-dan-van-phong-dan-van-cac-co-quan-nha-nuoc"],
            None,
            "Tháng 9/2023",
        ),
    ]
    assert outcome.plan.data["number"] == "31-KH/BDVTU"  # type: ignore[union-attr]
    assert [t.data["section"] for t in outcome.tasks] == ["I.1", "I.1"]


def test_a_damaged_word_file(tmp_path: Path) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(source.SourceError, match=r"không phải tệp Word \.docx hợp lệ"):
        source.read(path)
