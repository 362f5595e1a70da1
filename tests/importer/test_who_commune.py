"""Who a commune's plan names: its header gives no province, so no unit of another province is
a model ('Ủy ban MTTQ tỉnh <xã>'); a bullet opening with a person's title is led by that
leadership, not by the unit of the heading above; a lead line whose value names no unit is
flagged, never silently the issuer; a ';' list keeps what follows the names out of them."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer.draft import Outcome, model_problems

from .conftest import build_text

TEXT = (
    "ỦY BAN MTTQ VIỆT NAM             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "XÃ HÒA SƠN                        Độc lập - Tự do - Hạnh phúc\n"
    "BAN THƯỜNG TRỰC\n"
    "Số: 12/KH-MTTQ-BTT                Hòa Sơn, ngày 20 tháng 11 năm 2025\n\n"
    "KẾ HOẠCH\nTổ chức hội nghị hiệp thương năm 2025\n\n"
    "I. NHIỆM VỤ\n"
    "1. Chuẩn bị hội nghị\n"
    "- Rà soát danh sách đại biểu dự hội nghị.\n"
    "Chủ trì: Các\n"
    "Thời gian thực hiện: tháng 11/2025\n"
    "2. Tổng hợp kết quả\n"
    "- Tổng hợp kết quả hiệp thương.\n"
    "Chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam xã chủ trì tổng hợp; Văn phòng Đảng ủy xã\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Ban Thường trực Ủy ban MTTQ Việt Nam xã\n"
    "- Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị.\n"
    "- Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ xã trực tiếp tham mưu xây dựng nội dung.\n"
)


def _build(tmp_path: Path) -> Outcome:
    return build_text(tmp_path, TEXT)


def test_a_communes_plan_proposes_units_as_written(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    names = [u.data["name"] for u in outcome.units]
    assert not any("tỉnh" in name for name in names)  # no province counterpart of another province's unit
    assert all(model_problems(d) == [] for d in outcome.drafts)


def test_a_persons_title_leads_the_bullet_it_opens(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    units = {u.id: u for u in outcome.units}
    chair = next(t for t in outcome.tasks if t.data["text"].startswith("Đồng chí Chủ tịch"))
    deputy = next(t for t in outcome.tasks if t.data["text"].startswith("Đồng chí Phó Chủ tịch"))
    assert chair.data["lead"] == deputy.data["lead"]
    leaders = units[chair.data["lead"][0]].data
    assert leaders["kind"] == "leadership"
    assert leaders["name"] == "Lãnh đạo Ủy ban MTTQ xã"
    assert "Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ xã" in leaders["aliases"]


def test_a_lead_line_naming_no_unit_is_flagged(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    task = next(t for t in outcome.tasks if t.data["text"].startswith("Rà soát"))
    assert task.data.get("lead_implied") is True
    assert any("'Các'" in note for note in task.doubts["lead"])
    assert not any(u.data["name"] == "Các" for u in outcome.units)


def test_a_semicolon_list_keeps_the_work_out_of_the_names(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    units = {u.id: u.data["name"] for u in outcome.units}
    task = next(t for t in outcome.tasks if t.data["text"].startswith("Tổng hợp"))
    assert [units.get(u, u) for u in task.data["lead"]] == [
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã",
        "Văn phòng Đảng ủy xã",
    ]
    assert not any("tổng hợp" in name for name in units.values())


STAFF = TEXT + (
    "2. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội\n"
    "- Chuẩn bị các điều kiện về cơ sở vật chất, tài liệu.\n"
    "3. Ban công tác Mặt trận các thôn trên địa bàn xã\n"
    "- Chủ trì, điều hành hội nghị lấy ý kiến cử tri nơi cư trú.\n"
)


def test_a_heading_naming_staff_or_a_body_leads_the_points_under_it(tmp_path: Path) -> None:
    """'2. Cán bộ phụ trách lĩnh vực ...' over points of 'Tổ chức thực hiện': staff are people, neither a
    unit nor a leadership, so the lead is left to a person and flagged; '3. Ban công tác Mặt trận các
    thôn ...' is a body the registry lacks, proposed and flagged, not dropped."""
    outcome = build_text(tmp_path, STAFF)
    units = {u.id: u for u in outcome.units}
    staff = next(t for t in outcome.tasks if t.data["text"].startswith("Chuẩn bị các điều kiện"))
    assert staff.data.get("lead_implied") is True
    assert any("Cán bộ phụ trách lĩnh vực" in note for note in staff.doubts["lead"])
    village = next(t for t in outcome.tasks if t.data["text"].startswith("Chủ trì, điều hành"))
    assert [units[u].data["name"] for u in village.data["lead"]] == ["Ban công tác Mặt trận các thôn trên địa bàn xã"]
    assert village.doubts.get("lead")
    assert not any("Cán bộ" in " ".join([u.data["name"], *u.data.get("aliases", [])]) for u in outcome.units)
