"""Where the importer writes the issuer as the lead of work whose text names no one, it says so when a lead-in,
a line or a heading above the work names who does it (and when such a lead-in says when)."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_text, task_with

HEAD = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NGHỆ AN                    Độc lập - Tự do - Hạnh phúc\n"
    "Số: 1031/KH-UBND               Nghệ An, ngày 10 tháng 3 năm 2025\n\n"
    "KẾ HOẠCH\nphát triển kinh tế biển\n\n"
)


def test_every_point_under_a_lead_in_naming_who_is_flagged_with_its_time(tmp_path: Path) -> None:
    text = HEAD + (
        "I. NHIỆM VỤ TRỌNG TÂM\n"
        "Đề nghị Ban Thường vụ Huyện ủy tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trong quý IV năm 2025 "
        "và những tháng đầu năm 2026; trong đó lưu ý một số nội dung sau:\n"
        "1. Đổi mới cách làm, khai thác tối đa nguồn lực bên trong.\n"
        "2. Nâng cao hiệu quả liên kết vùng, khai thác lợi thế cảng biển.\n"
        "3. Đẩy mạnh cải cách thủ tục hành chính, cải thiện môi trường đầu tư.\n"
    )
    outcome = build_text(tmp_path, text)
    for opening in ("Nâng cao hiệu quả", "Đẩy mạnh cải cách"):
        task = task_with(outcome, opening)
        if task.data.get("lead_implied"):
            assert "lead" in task.doubts
        if not task.data.get("timeframe"):
            assert "timeframe" in task.doubts


def test_points_under_a_line_naming_a_body_or_a_heading_naming_bodies_by_role_are_flagged(tmp_path: Path) -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n"
        "1. Hoàn thiện thể chế\n"
        "- Sở Xây dựng\n"
        "+ Ban hành hướng dẫn cải tạo các bến cá theo thẩm quyền.\n"
        "+ Rà soát quy hoạch các khu neo đậu tránh trú bão.\n"
        "2. Cơ quan chủ trì giải quyết thủ tục đầu tư\n"
        "a) Chủ trì tham mưu giải quyết các khó khăn, vướng mắc của nhà đầu tư.\n"
        "b) Định kỳ đánh giá tình hình hoạt động của các dự án đầu tư.\n"
    )
    outcome = build_text(tmp_path, text)
    for opening in ("Rà soát quy hoạch", "Chủ trì tham mưu", "Định kỳ đánh giá"):
        task = task_with(outcome, opening)
        assert not task.data.get("lead_implied") or "lead" in task.doubts, opening


def test_work_under_a_plain_lead_in_naming_no_one_is_not_flagged(tmp_path: Path) -> None:
    """Precision: a lead-in that names no body ('Các nhiệm vụ cụ thể như sau:') gives no flag on the lead."""
    text = HEAD + (
        "I. NHIỆM VỤ\n"
        "Các nhiệm vụ cụ thể như sau:\n"
        "1. Tổ chức hội nghị triển khai kế hoạch.\n"
        "2. Xây dựng chuyên mục tuyên truyền trên cổng thông tin.\n"
    )
    outcome = build_text(tmp_path, text)
    task = task_with(outcome, "Xây dựng chuyên mục")
    assert task.data.get("lead_implied") and "lead" not in task.doubts


def test_points_under_a_heading_naming_a_post_are_flagged(tmp_path: Path) -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n"
        "1. Chủ tịch Ủy ban nhân dân các xã ven biển\n"
        "a) Kêu gọi tàu thuyền vào nơi tránh trú an toàn.\n"
        "b) Rà soát phương án sơ tán dân ở vùng nguy hiểm.\n"
    )
    outcome = build_text(tmp_path, text)
    for opening in ("Kêu gọi tàu thuyền", "Rà soát phương án"):
        task = task_with(outcome, opening)
        assert not task.data.get("lead_implied") or "lead" in task.doubts, opening


def test_a_lead_in_naming_who_inside_its_last_sentence_flags_the_points(tmp_path: Path) -> None:
    text = HEAD + (
        "I. NHIỆM VỤ TRỌNG TÂM\n"
        "Thời gian tới, tình hình còn nhiều khó khăn. Quán triệt ý kiến chỉ đạo; căn cứ vào phương hướng đã nêu, "
        "Sở Nông nghiệp và Môi trường và các phòng kinh tế cụ thể hoá để thực hiện trong 02 tháng cuối năm 2025, "
        "trong đó, cần tập trung một số nhiệm vụ trọng tâm sau:\n"
        "(1) Rà soát quy hoạch vùng nuôi trồng thủy sản ven biển.\n"
        "(2) Kiểm tra điều kiện an toàn của các cảng cá.\n"
    )
    outcome = build_text(tmp_path, text)
    task = task_with(outcome, "Kiểm tra điều kiện")
    assert not task.data.get("lead_implied") or "lead" in task.doubts
    assert task.data.get("timeframe") or "timeframe" in task.doubts


def test_a_lead_in_whose_subject_is_the_issuer_flags_no_lead(tmp_path: Path) -> None:
    """Precision: 'căn cứ ..., Ủy ban nhân dân tỉnh xây dựng kế hoạch như sau:' names the issuer, who does the work."""
    text = HEAD + (
        "I. NHIỆM VỤ\n"
        "Căn cứ tình hình thực tế, Ủy ban nhân dân tỉnh Nghệ An thống nhất triển khai các nội dung sau:\n"
        "1. Tổ chức hội nghị triển khai kế hoạch.\n"
        "2. Xây dựng chuyên mục tuyên truyền trên cổng thông tin.\n"
    )
    outcome = build_text(tmp_path, text)
    task = task_with(outcome, "Xây dựng chuyên mục")
    assert task.data.get("lead_implied") and "lead" not in task.doubts


def test_work_asked_of_a_standing_committee_written_in_lower_case_is_flagged(tmp_path: Path) -> None:
    text = HEAD + ("I. KIẾN NGHỊ\n1. Đề nghị thường trực các huyện ủy tiếp tục quan tâm lãnh đạo công tác văn phòng.\n")
    outcome = build_text(tmp_path, text)
    task = task_with(outcome, "Đề nghị thường trực")
    assert not task.data.get("lead_implied") or "lead" in task.doubts


def test_points_under_a_numbered_sentence_naming_who_inside_it_are_flagged(tmp_path: Path) -> None:
    """'5. Để nâng cao ..., các Sở, ngành, UBND cấp xã ... triển khai những nội dung sau:' over 'a) ...': the
    sentence names who does the list after a clause, not at its start."""
    text = HEAD + (
        "I. NHIỆM VỤ\n"
        "1. Để tăng cường quản lý nhà nước về khai thác cảng cá, các Sở, ngành, UBND cấp xã ven biển theo chức năng, "
        "nhiệm vụ được giao triển khai thực hiện những nội dung sau:\n"
        "a) Rà soát hiện trạng các cảng cá, bến cá trên địa bàn.\n"
        "b) Kiểm tra việc chấp hành quy định về neo đậu tàu thuyền.\n"
    )
    outcome = build_text(tmp_path, text)
    for opening in ("Rà soát hiện trạng", "Kiểm tra việc chấp hành"):
        task = task_with(outcome, opening)
        assert not task.data.get("lead_implied") or "lead" in task.doubts, opening


def test_a_point_opening_with_a_body_named_by_its_role_or_naming_it_after_a_condition_is_flagged(
    tmp_path: Path,
) -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n"
        "1. Cơ quan được lấy ý kiến có trách nhiệm trả lời bằng văn bản trong thời hạn quy định.\n"
        "2. Trường hợp hồ sơ chưa đầy đủ thì đơn vị tiếp nhận hướng dẫn tổ chức bổ sung hồ sơ.\n"
        "3. Phân công các đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.\n"
    )
    outcome = build_text(tmp_path, text)
    for opening in ("Cơ quan được lấy ý kiến", "Trường hợp hồ sơ", "Phân công các đồng chí"):
        task = task_with(outcome, opening)
        assert not task.data.get("lead_implied") or "lead" in task.doubts, opening


def test_points_under_a_lead_in_naming_the_issuer_and_others_are_flagged(tmp_path: Path) -> None:
    """The issuer written as the lead leaves out the other bodies the lead-in gives the list to."""
    text = HEAD + (
        "I. NHIỆM VỤ\n"
        "Thời gian tới, căn cứ các mục tiêu đã đề ra, Ủy ban nhân dân tỉnh và các huyện, thị xã, thành phố cụ thể "
        "hoá để tổ chức thực hiện, trong đó, cần tập trung một số nhiệm vụ sau:\n"
        "1. Nâng cao chất lượng quy hoạch không gian biển.\n"
        "2. Phát triển hạ tầng các khu kinh tế ven biển.\n"
    )
    outcome = build_text(tmp_path, text)
    task = task_with(outcome, "Phát triển hạ tầng")
    assert not task.data.get("lead_implied") or "lead" in task.doubts
