"""A point whose sentence opens with a body and what it does ('(ii) Bộ Xây dựng chỉ đạo ...') gives the work to
that body, flagged as read from the sentence; a point whose text holds a time the import does not write as its
time frame ('đến hết tháng 12 năm 2025', 'thường xuyên') says so, so that no missed time is silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build_text, task_with

PLAN = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH YÊN BÁI                    Độc lập - Tự do - Hạnh phúc\n"
    "Số: 77/KH-UBND               Yên Bái, ngày 12 tháng 5 năm 2025\n\n"
    "KẾ HOẠCH\nchuyển đổi số năm 2025\n\nI. NHIỆM VỤ\n"
)


def _names(outcome, ids: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    proposed = {u.id: u.data["name"] for u in outcome.units}
    return [proposed.get(i, i) for i in ids]


@pytest.mark.parametrize(
    ("point", "lead"),
    [
        ("(ii) Bộ Xây dựng chỉ đạo nhà thầu đẩy nhanh thi công nhà ga hành khách.", "Bộ Xây dựng"),
        ("(iii) Ủy ban nhân dân tỉnh Khánh Hòa chỉ đạo bàn giao mặt bằng còn lại.", "Ủy ban nhân dân tỉnh Khánh Hòa"),
    ],
)
def test_a_point_opening_with_a_body_gives_it_the_work_flagged(tmp_path: Path, point: str, lead: str) -> None:
    outcome = build_text(tmp_path, PLAN + "1. Về hạ tầng:\n" + point + "\n(iv) Bộ Tài chính bố trí vốn cho dự án.\n")
    task = task_with(outcome, point[6:30])
    assert any(lead in name for name in _names(outcome, task.data["lead"]))
    assert "lead" in task.doubts
    assert not task.data.get("lead_implied")


@pytest.mark.parametrize("mark", ["(2)", "(ii)", "(b)"])
def test_a_point_s_own_mark_is_its_number_not_words_of_its_text(tmp_path: Path, mark: str) -> None:
    outcome = build_text(tmp_path, PLAN + f"1. Về hạ tầng:\n{mark} Bộ Xây dựng chỉ đạo nhà thầu đẩy nhanh thi công.\n")
    task = task_with(outcome, "chỉ đạo nhà thầu")
    assert task.data["text"].startswith("Bộ Xây dựng chỉ đạo")  # the text as the work reads, the mark apart
    assert task.data["number"] == mark
    assert any("Bộ Xây dựng" in name for name in _names(outcome, task.data["lead"]))


def test_a_sentence_opening_with_no_body_gets_no_lead_from_it(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, PLAN + "1. Về hạ tầng:\n(ii) Đẩy nhanh thi công nhà ga hành khách.\n")
    task = task_with(outcome, "Đẩy nhanh thi công")
    assert "chủ ngữ" not in " ".join(task.doubts.get("lead", []))


@pytest.mark.parametrize(
    "sentence",
    [
        "Sở Thông tin và Truyền thông rà soát hạ tầng, hoàn thành việc nâng cấp đến hết tháng 9 năm 2025 tại các xã.",
        "Sở Nội vụ thường xuyên kiểm tra việc cập nhật hồ sơ điện tử của cán bộ.",
        "Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số trong năm 2025 theo phân cấp.",
    ],
)
def test_a_time_inside_the_sentence_that_is_not_written_is_flagged(tmp_path: Path, sentence: str) -> None:
    outcome = build_text(tmp_path, PLAN + "1. " + sentence + "\n")
    task = task_with(outcome, sentence[:25])
    assert task.data.get("timeframe") or "timeframe" in task.doubts


def test_a_cited_documents_date_is_no_time_of_the_work(tmp_path: Path) -> None:
    sentence = "Sở Tư pháp hướng dẫn thi hành Nghị định ngày 08 tháng 10 năm 2019 của Chính phủ."
    outcome = build_text(tmp_path, PLAN + "1. " + sentence + "\n")
    task = task_with(outcome, sentence[:25])
    assert "timeframe" not in task.doubts


@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        # a report due when asked: a time
        ("Sở Y tế tổng hợp, báo cáo kết quả thực hiện theo yêu cầu của Ủy ban nhân dân tỉnh.", "theo yêu cầu"),
        # what is done and for whom: no time
        ("Sở Y tế thực hiện các nhiệm vụ khác theo yêu cầu của Ủy ban nhân dân tỉnh.", None),
        ("Sở Y tế cung cấp đầy đủ hồ sơ, tài liệu cho đoàn kiểm tra theo yêu cầu.", None),
    ],
)
def test_on_request_is_a_time_only_for_a_report(tmp_path: Path, sentence: str, time: str | None) -> None:
    outcome = build_text(tmp_path, PLAN + "1. " + sentence + "\n")
    task = task_with(outcome, sentence[:25])
    found = task.data.get("timeframe")
    assert (found is None) if time is None else (found is not None and found.startswith(time))


def test_a_deadline_the_heading_above_writes_for_its_points_is_never_silent(tmp_path: Path) -> None:
    outcome = build_text(
        tmp_path,
        PLAN.replace("I. NHIỆM VỤ", "I. NHIỆM VỤ NĂM 2025")
        + "1. Các sở, ngành khẩn trương khắc phục bất cập của hệ thống thông tin, hoàn thành trong tháng 11 năm "
        "2025, cụ thể:\na) Rà soát, chuẩn hóa dữ liệu thủ tục hành chính trên hệ thống.\n"
        "2. Về đào tạo\na) Mở lớp bồi dưỡng kỹ năng số cho cán bộ.\n",
    )
    under_deadline = task_with(outcome, "Rà soát, chuẩn hóa")
    assert under_deadline.data.get("timeframe") or "tháng 11 năm 2025" in " ".join(under_deadline.doubts["timeframe"])
    # the part's own year ('NHIỆM VỤ NĂM 2025') is the plan's period, no deadline the point leaves unwritten
    assert "timeframe" not in task_with(outcome, "Mở lớp bồi dưỡng").doubts


def test_a_deadline_the_point_over_a_list_writes_is_never_silent_for_its_points(tmp_path: Path) -> None:
    outcome = build_text(
        tmp_path,
        PLAN + "1. Về hệ thống thông tin\nb) Các sở khắc phục bất cập, hoàn thành trong tháng 11 năm 2025, cụ thể:\n"
        "(1) Sở Tài chính kết nối cơ sở dữ liệu thuế với hệ thống một cửa.\n"
        "(2) Sở Y tế nâng cấp hệ thống cấp phép hành nghề khám bệnh, chữa bệnh.\n",
    )
    for opening in ("kết nối cơ sở dữ liệu thuế", "nâng cấp hệ thống cấp phép"):
        task = task_with(outcome, opening)
        assert task.data.get("timeframe") or "tháng 11 năm 2025" in " ".join(task.doubts.get("timeframe", []))
