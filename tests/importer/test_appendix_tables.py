"""Appendix tables that detail a point of the body: a table of what bodies asked for, each row given to
the ministry of its last column, and the point of the body that names the appendix saying by when."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer import document, source, tables
from kehoach.importer.draft import Draft, Outcome
from kehoach.index import Index

from .test_structure import FOOTER, HEADER

BODY = """\
I. NHIỆM VỤ
1. Tổ chức hội nghị quán triệt Nghị quyết trong quý II/2023.
* Chủ trì: Ban Dân vận Tỉnh ủy.
2. Rà soát, xử lý các kiến nghị của các địa phương (Phụ lục kèm theo), hoàn thành trước ngày 15/12/2023.
* Chủ trì: Ban Dân vận Tỉnh ủy.
"""

APPENDIX = """
PHỤ LỤC
KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG VÀ PHÂN CÔNG XỬ LÝ
(Kèm theo Kế hoạch số 20-KH/BDVTU ngày 10/3/2023 của Ban Dân vận Tỉnh ủy)
TT | Địa phương kiến nghị | Nội dung kiến nghị | Cơ quan xử lý
1 | Huyện Tuy Phong | Đề nghị hướng dẫn việc lấy ý kiến Nhân dân về quy chế dân chủ | Mặt trận Tổ quốc tỉnh
2 | Huyện Bắc Bình | Đề nghị bố trí kinh phí tuyên truyền cho các xã vùng đồng bào | Công an tỉnh | Quý IV/2023
"""


def build(tmp_path: Path, index: Index, body: str = BODY, appendix: str = APPENDIX) -> Outcome:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + body + FOOTER + appendix, encoding="utf-8")
    return document.build(source.read(path), index)


def rows(outcome: Outcome) -> list[Draft]:
    return [t for t in outcome.tasks if str(t.data["section"]).startswith("PL")]


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Tỉnh kiến nghị", "subject"),  # who asked: not who does it
        ("Địa phương đề xuất", "subject"),
        ("Thông tin đề xuất", "content"),  # what was asked: the work the row gives
        ("Nội dung kiến nghị", "content"),
        ("Bộ phụ trách tiếp nhận, xử lý", "lead"),
    ],
)
def test_a_table_of_requests_is_read_by_what_was_asked_and_who_deals_with_it(label: str, role: str) -> None:
    assert tables.role_of(label) == role


def test_rows_of_an_appendix_take_the_time_of_the_point_naming_it_flagged(tmp_path: Path, index: Index) -> None:
    first, second = rows(build(tmp_path, index, appendix=APPENDIX.replace(" | Quý IV/2023", "")))
    assert first.data["text"] == "Đề nghị hướng dẫn việc lấy ý kiến Nhân dân về quy chế dân chủ"
    assert first.data["lead"] == ["binh-thuan-mat-tran-to-quoc"]
    assert second.data["lead"] == ["binh-thuan-cong-an-tinh"]
    for row in (first, second):
        assert row.data["timeframe"] == "trước ngày 15/12/2023"
        assert any("mục 2" in why for why in row.doubts["timeframe"])


def test_a_row_with_its_own_time_keeps_it(tmp_path: Path, index: Index) -> None:
    appendix = APPENDIX.replace("Cơ quan xử lý", "Cơ quan xử lý | Thời hạn").replace(
        "Mặt trận Tổ quốc tỉnh", "Mặt trận Tổ quốc tỉnh | Quý III/2023"
    )
    first, second = rows(build(tmp_path, index, appendix=appendix))
    assert (first.data["timeframe"], second.data["timeframe"]) == ("Quý III/2023", "Quý IV/2023")
    assert "timeframe" not in first.doubts


def test_an_appendix_two_points_give_two_times_takes_neither(tmp_path: Path, index: Index) -> None:
    body = BODY + "3. Báo cáo kết quả xử lý các kiến nghị tại Phụ lục trước ngày 30/12/2023.\n"
    appendix = APPENDIX.replace(" | Quý IV/2023", "")
    assert all("timeframe" not in row.data for row in rows(build(tmp_path, index, body, appendix)))
