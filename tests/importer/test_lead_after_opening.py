"""A sentence that says when, on what grounds or to what end before it names who does the work ('Sau tối đa
10 ngày kể từ ..., các phòng chuyên môn ... có trách nhiệm ...', 'Căn cứ ..., Sở X khẩn trương ...') gives the
work to the bodies named after the opening phrase; the lead so read is a guess and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build_text

HEAD = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH YÊN BÁI                    Độc lập - Tự do - Hạnh phúc\n"
    "Số: 215/KH-UBND               Yên Bái, ngày 12 tháng 5 năm 2025\n\n"
    "KẾ HOẠCH\nquản lý giá trên địa bàn tỉnh\n\n"
    "I. NHIỆM VỤ\n"
)


def _task(outcome, opening: str):  # type: ignore[no-untyped-def]
    return next(t for t in outcome.tasks if t.data["text"].startswith(opening))


def _names(outcome, ids: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    proposed = {u.id: u.data["name"] for u in outcome.units}
    return [proposed.get(i, i) for i in ids]


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        (
            "Trong thời hạn 07 ngày kể từ ngày nhận được văn bản, Sở Công Thương rà soát, cập nhật danh mục hàng hóa.",
            "Sở Công Thương",
        ),
        (
            "Căn cứ kết quả kiểm tra của năm trước, Sở Xây dựng khẩn trương hoàn thiện quy trình thẩm định giá.",
            "Sở Xây dựng",
        ),
        (
            "Trên cơ sở đề nghị của các sở, ngành liên quan, Sở Tài chính tổng hợp, trình phương án giá.",
            "Sở Tài chính",
        ),
    ],
)
def test_the_lead_named_after_an_opening_phrase_is_read_and_flagged(tmp_path: Path, sentence: str, lead: str) -> None:
    outcome = build_text(tmp_path, HEAD + "1. " + sentence + "\n")
    task = _task(outcome, sentence[:20])
    assert not task.data.get("lead_implied")
    assert any(lead in name for name in _names(outcome, task.data["lead"]))
    assert "lead" in task.doubts


def test_an_opening_phrase_with_no_body_after_it_names_no_lead(tmp_path: Path) -> None:
    sentence = "Định kỳ hằng quý, tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh."
    outcome = build_text(tmp_path, HEAD + "1. " + sentence + "\n")
    task = _task(outcome, sentence[:20])
    assert task.data.get("lead_implied")


def test_a_meeting_named_after_an_opening_phrase_is_no_lead(tmp_path: Path) -> None:
    sentence = "Theo quy định, Hội nghị hiệp thương lần thứ ba để lập danh sách chính thức được tổ chức trong tháng 3."
    outcome = build_text(tmp_path, HEAD + "1. " + sentence + "\n")
    names = {u.data["name"] for u in outcome.units}
    assert not any(name.startswith("Hội nghị") for name in names)


def test_work_asked_of_ministries_in_lower_case_is_flagged(tmp_path: Path) -> None:
    """'Yêu cầu các bộ, ngành, địa phương ...': the bodies asked do the work; the issuer written as the lead is
    a guess and says so."""
    sentence = "Yêu cầu các bộ, ngành, địa phương khẩn trương hoàn thành việc bàn giao mặt bằng."
    outcome = build_text(tmp_path, HEAD + "1. " + sentence + "\n")
    task = _task(outcome, sentence[:20])
    assert not task.data.get("lead_implied") or "lead" in task.doubts
