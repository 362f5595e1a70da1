"""Who a point belongs to when its own words do not say: the heading above it ("2. Công an tỉnh",
"1. Ủy ban nhân dân tỉnh, chỉ đạo ...:"), a person named before a colon in "Tổ chức thực hiện";
and what is not work at all (slogans, notes in brackets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer import document, draft, source
from kehoach.index import Index

from .test_structure import FOOTER, HEADER


def build(tmp_path: Path, index: Index, body: str) -> draft.Outcome:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + body + FOOTER, encoding="utf-8")
    return document.build(source.read(path), index)


def test_a_heading_naming_a_unit_and_what_it_does_gives_the_lead(tmp_path: Path, index: Index) -> None:
    body = """\
I. NHIỆM VỤ
1. Công an tỉnh, chỉ đạo các đơn vị trực thuộc:
- Nắm tình hình an ninh trong vùng đồng bào có đạo.
- Phối hợp bảo vệ các sự kiện tôn giáo lớn.
2. Công tác tuyên truyền
- Tuyên truyền kết quả thực hiện công tác dân vận.
"""
    found = [t.data for t in build(tmp_path, index, body).tasks]
    assert [t["lead"] for t in found[:2]] == [["binh-thuan-cong-an-tinh"], ["binh-thuan-cong-an-tinh"]]
    assert found[2].get("lead_implied")  # "Công tác tuyên truyền" names no unit


def test_a_person_before_a_colon_in_organisation_makes_a_task_to_check(tmp_path: Path, index: Index) -> None:
    body = """\
I. NHIỆM VỤ
- Tuyên truyền kết quả thực hiện công tác dân vận.
* Chủ trì: Ban Dân vận Tỉnh ủy.
II. TỔ CHỨC THỰC HIỆN
1. Đồng chí Phó Trưởng ban - Tổ trưởng: Trực tiếp chỉ đạo các nội dung tuyên truyền.
2. Nguồn lực thực hiện: Kinh phí bố trí trong dự toán hằng năm.
"""
    outcome = build(tmp_path, index, body)
    texts = [t.data["text"] for t in outcome.tasks]
    assert texts[1].startswith("Đồng chí Phó Trưởng ban - Tổ trưởng:")
    assert not any(t.startswith("Nguồn lực") for t in texts)
    assert "Đồng chí Phó Trưởng ban - Tổ trưởng" in " ".join(outcome.tasks[1].doubts["lead"])


def test_slogans_and_bracketed_notes_are_not_tasks(tmp_path: Path, index: Index) -> None:
    body = """\
I. NHIỆM VỤ
- Tuyên truyền kết quả thực hiện công tác dân vận.
(Một số nhiệm vụ trọng tâm có Phụ lục kèm theo)
II. KHẨU HIỆU TUYÊN TRUYỀN
1. Nhiệt liệt chào mừng Ngày bầu cử!
2. Toàn dân tích cực tham gia bầu cử
"""
    texts = [t.data["text"] for t in build(tmp_path, index, body).tasks]
    assert texts == ["Tuyên truyền kết quả thực hiện công tác dân vận."]


def test_an_organisation_heading_naming_agents_makes_its_points_tasks_to_check(tmp_path: Path, index: Index) -> None:
    body = """\
I. NHIỆM VỤ
1.1. Nội dung: Hội nghị hiệp thương lần thứ nhất.
- Thời gian: Quý II/2023.
- Thành phần: Ban Thường trực, đại diện các tổ chức thành viên.
- Đơn vị chủ trì: Ban Dân vận Tỉnh ủy.
- Kết quả: Biên bản hội nghị.
II. TỔ CHỨC THỰC HIỆN
1. Các tổ chức thành viên của Mặt trận
- Cử đại diện lãnh đạo tham dự đầy đủ các hội nghị.
2. Chế độ báo cáo
- Định kỳ báo cáo kết quả về Ban Dân vận Tỉnh ủy.
"""
    outcome = build(tmp_path, index, body)
    found = [t.data for t in outcome.tasks]
    assert [t["text"] for t in found] == [
        "Nội dung: Hội nghị hiệp thương lần thứ nhất.",
        "Cử đại diện lãnh đạo tham dự đầy đủ các hội nghị.",
    ]
    assert found[0]["lead"] == ["binh-thuan-ban-dan-van"]
    assert found[0]["timeframe"] == "Quý II/2023"
    assert "Thành phần" in found[0]["method"] or "Ban Thường trực" in found[0]["method"]
    assert "Các tổ chức thành viên của Mặt trận" in " ".join(outcome.tasks[1].doubts["lead"])


@pytest.mark.parametrize("joint", [" ", "\n"])
def test_recipients_run_into_the_closing_sentence_are_still_the_tail(tmp_path: Path, index: Index, joint: str) -> None:
    body = f"""\
I. NHIỆM VỤ
- Tuyên truyền kết quả thực hiện công tác dân vận.
* Chủ trì: Ban Dân vận Tỉnh ủy.
Đề nghị các đơn vị nghiêm túc thực hiện. Nơi{joint}nhận:                  TRƯỞNG BAN
- Thường trực Tỉnh ủy,
- Lưu Văn thư.
                                           Đặng Hồng Sỹ
"""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + body, encoding="utf-8")
    outcome = document.build(source.read(path), index)
    assert [t.data["text"][:20] for t in outcome.tasks] == ["Tuyên truyền kết quả"]
    assert outcome.plan.data["recipients"] == ["Thường trực Tỉnh ủy,", "Lưu Văn thư."]  # type: ignore[union-attr]
