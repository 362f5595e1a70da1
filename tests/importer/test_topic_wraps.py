"""Notices of conclusions printed at a fixed width. A topic heading a line break cut before a name's capital
('1. Về Dự án Bến cảng tổng hợp Sơn' / 'Dương giai đoạn 2', 'b) Về việc di dời tuyến ống dẫn nước Kỳ' / 'Anh-Vũng
Áng: Ủy ban nhân dân tỉnh ... xử lý ...') is one heading: its tail is no task, and the work after its colon is one
task with its topic. A point numbered in its own text ('(ii) Ủy ban nhân dân tỉnh ... chỉ đạo ...') names its lead
after the number."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_text

NOTICE = (
    "VĂN PHÒNG CHÍNH PHỦ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "                                   Độc lập - Tự do - Hạnh phúc\n"
    "Số: 701/TB-VPCP                    Hà Nội, ngày 02 tháng 12 năm 2025\n"
    "\n"
    "THÔNG BÁO\n"
    "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC VỀ CÁC DỰ ÁN CẢNG BIỂN\n"
    "Ngày 25 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã đi khảo sát thực tế và\n"
    "làm việc tại các dự án cảng biển tại tỉnh Hà Tĩnh. Sau khi nghe báo cáo của các\n"
    "chủ đầu tư, Phó Thủ tướng Chính phủ đã có ý kiến chỉ đạo như sau:\n"
    "1. Về Dự án Bến cảng tổng hợp Sơn\n"
    "Dương giai đoạn 2\n"
    "a) Bộ Xây dựng chủ trì hướng dẫn Chủ đầu tư hoàn thiện hồ sơ điều chỉnh dự án,\n"
    "hoàn thành trong tháng 12 năm 2025.\n"
    "b) Về việc di dời tuyến ống dẫn nước Kỳ\n"
    "Anh-Vũng Áng: Ủy ban nhân dân tỉnh Hà Tĩnh xử lý dứt điểm trong tháng 12 năm\n"
    "2025, bảo đảm cấp nước ổn định cho khu kinh tế.\n"
    "2. Bộ Công Thương phối hợp với các bộ, cơ quan liên quan báo cáo Thủ tướng\n"
    "Chính phủ trong quý I năm 2026.\n"
    "Văn phòng Chính phủ thông báo để các bộ, cơ quan liên quan biết, thực hiện./.\n"
)


def test_a_topic_heading_cut_before_a_capital_is_one_heading(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, NOTICE)
    texts = [task.data["text"] for task in outcome.tasks]
    assert not any(text.startswith(("Dương giai đoạn", "Anh-Vũng Áng")) for text in texts)
    assert "Về việc di dời tuyến ống dẫn nước Kỳ" not in texts
    [pipe] = [task.data for task in outcome.tasks if task.data["text"].startswith("Về việc di dời")]
    assert pipe["text"].startswith("Về việc di dời tuyến ống dẫn nước Kỳ Anh-Vũng Áng: Ủy ban nhân dân tỉnh Hà Tĩnh")
    assert pipe["timeframe"] == "trong tháng 12 năm 2025"
    assert len(texts) == 3


NUMBERED_IN_TEXT = (
    "VĂN PHÒNG CHÍNH PHỦ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "                                   Độc lập - Tự do - Hạnh phúc\n"
    "Số: 702/TB-VPCP                    Hà Nội, ngày 03 tháng 12 năm 2025\n"
    "\n"
    "THÔNG BÁO\n"
    "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC VỀ DỰ ÁN CẢNG BIỂN\n"
    "Sau khi nghe báo cáo của Chủ đầu tư và ý kiến phát biểu của các bộ, cơ quan,\n"
    "Phó Thủ tướng Chính phủ kết luận như sau:\n"
    "1. Về tiến độ Dự án Bến cảng tổng hợp Sơn Dương giai đoạn 2 tại tỉnh Hà Tĩnh\n"
    "a) Đánh giá cao nỗ lực của Chủ đầu tư trong thời gian qua, đã hoàn thành được\n"
    "một số mốc tiến độ quan trọng.\n"
    "b) Để hoàn thành dự án đúng tiến độ, đề\n"
    "nghị:\n"
    "(i) Bộ Xây dựng hướng dẫn Chủ đầu tư hoàn thiện hồ sơ điều chỉnh dự án theo\n"
    "đúng quy định của pháp luật về xây dựng.\n"
    "(ii) Ủy ban nhân dân tỉnh Hà Tĩnh chỉ đạo các sở, ngành liên quan hoàn thành\n"
    "bàn giao mặt bằng cho Chủ đầu tư trong tháng 12 năm 2025.\n"
    "Văn phòng Chính phủ thông báo để các bộ, cơ quan liên quan biết, thực hiện./.\n"
)


def test_a_point_numbered_in_its_text_names_its_lead_after_the_number(tmp_path: Path) -> None:
    # '(i) Bộ Xây dựng hướng dẫn ...': the number written in the paragraph is no part of the subject
    outcome = build_text(tmp_path, NUMBERED_IN_TEXT)
    leads = [task.data["lead"] for task in outcome.tasks]
    assert leads == [["tw-bo-xay-dung"], ["ha-tinh-uy-ban-nhan-dan-tinh-ha-tinh"]]
