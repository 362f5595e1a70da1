"""A letter's closing sentence that calls on a group only to carry it out, after its ground ('Căn cứ nội dung chỉ đạo
trên, các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện./.'): the closing, not a task, and not the text
under the last numbered point, which stays a point of work."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_text

LETTER = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NGHỆ AN                       Độc lập - Tự do - Hạnh phúc\n"
    "Số: 4321/UBND-KT                  Nghệ An, ngày 10 tháng 6 năm 2025\n"
    "V/v tăng cường quản lý vật liệu nổ công nghiệp\n"
    "\n"
    "Kính gửi:\n"
    "- Sở Công Thương;\n"
    "- Công an tỉnh.\n"
    "\n"
    "Để tăng cường công tác quản lý vật liệu nổ công nghiệp trên địa bàn tỉnh, Ủy ban nhân dân tỉnh yêu cầu:\n"
    "1. Sở Công Thương chủ trì kiểm tra vật liệu nổ công nghiệp tại các mỏ, hoàn thành trong quý III/2025.\n"
    "2. Công an tỉnh phối hợp kiểm tra, xử lý vi phạm về vật liệu nổ công nghiệp.\n"
    "Căn cứ nội dung chỉ đạo trên, các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện./.\n"
    "Nơi nhận:                                           KT. CHỦ TỊCH\n"
    "- Như trên;                                         PHÓ CHỦ TỊCH\n"
    "- Lưu: VT.\n"
)


def test_a_closing_call_on_all_to_carry_out_is_no_task(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, LETTER)
    assert [(task.data["text"].split()[:3], task.data["lead"]) for task in outcome.tasks] == [
        (["Sở", "Công", "Thương"], ["nghe-an-so-cong-thuong"]),
        (["Công", "an", "tỉnh"], ["nghe-an-cong-an-tinh"]),
    ]
