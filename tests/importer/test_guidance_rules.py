"""A guidance document ('Hướng dẫn') explains rules: its cases, steps, examples and ways of reckoning are not
work; its points that call for an action, open with a time or give work to bodies it names are. A heading that
names a topic ('2. Về nguyên tắc phân bổ:') does not name who does its points."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer import document, source
from kehoach.index import Index

from .test_structure import openings

GUIDANCE = """\
BAN CHẤP HÀNH TRUNG ƯƠNG                 ĐẢNG CỘNG SẢN VIỆT NAM
BAN KINH TẾ                              ---------------
Số 12-HD/BKTTW                           Hà Nội, ngày 05 tháng 3 năm 2026

HƯỚNG DẪN
MỘT SỐ NỘI DUNG VỀ PHÂN BỔ HỌC BỔNG CHO SINH VIÊN

Ban Kinh tế Trung ương hướng dẫn một số nội dung như sau:

I. VỀ NGUYÊN TẮC PHÂN BỔ
1. Về đối tượng được xét học bổng (Điều 4):
- Sinh viên được xét học bổng phải có điểm trung bình từ 8,0 trở lên.
- Đối với sinh viên năm cuối, thì điểm trung bình tính theo cả khóa học.
- Đồng chí Trần Văn Bình, giảng viên Trường X, là người hướng dẫn; nếu sinh viên đạt giải, thì được cộng điểm.
- Chỉ xét học bổng cho sinh viên không bị kỷ luật trong năm học.
2. Về cách tính điểm:
- Bước 1: Lập danh sách sinh viên đủ điều kiện theo từng khoa.
- Bước 2: Xếp thứ tự theo điểm từ cao xuống thấp.
- Việc xét học bổng được thực hiện một lần vào đầu mỗi học kỳ.
- Hằng năm, tiến hành rà soát danh sách sinh viên nhận học bổng trong Quý I.
- Đẩy mạnh ứng dụng phần mềm trong quản lý hồ sơ học bổng.
- Lưu ý: Căn cứ kết quả học tập của năm trước; các trường đại học có trách nhiệm công khai danh sách sinh viên.

II. TỔ CHỨC THỰC HIỆN
1. Các trường đại học cụ thể hóa hướng dẫn này, ban hành quy chế xét học bổng.
2. Ban Kinh tế Trung ương theo dõi, đôn đốc việc thực hiện Hướng dẫn này.

Nơi nhận:                                K/T TRƯỞNG BAN
- Các trường đại học,                    PHÓ TRƯỞNG BAN
- Lưu Văn phòng Ban.
                                         Nguyễn Văn Nam
"""


def _tasks(tmp_path: Path, index: Index, text: str) -> list[str]:
    path = tmp_path / "huong-dan.txt"
    path.write_text(text, encoding="utf-8")
    outcome = document.build(source.read(path), index)
    return [t.data["text"] for t in outcome.tasks]


def test_a_guidance_documents_rules_are_not_work(tmp_path: Path, index: Index) -> None:
    assert openings(_tasks(tmp_path, index, GUIDANCE)) == [
        "Hằng năm, tiến hành",
        "Đẩy mạnh ứng dụng",
        "Lưu ý: Căn cứ",
        "Các trường đại học",
        "Ban Kinh tế Trung",
    ]


def test_the_same_points_in_a_plan_stay_work(tmp_path: Path, index: Index) -> None:
    # A plan gives work even in the words of a rule: only a guidance document is read as rules.
    plan = GUIDANCE.replace("Số 12-HD/BKTTW", "Số 12-KH/BKTTW").replace("HƯỚNG DẪN\n", "KẾ HOẠCH\n")
    texts = _tasks(tmp_path, index, plan)
    assert any(t.startswith("Bước 1: Lập danh sách") for t in texts)


def test_a_topic_heading_does_not_name_who(tmp_path: Path, index: Index) -> None:
    plan = GUIDANCE.replace("Số 12-HD/BKTTW", "Số 12-KH/BKTTW").replace("HƯỚNG DẪN\n", "KẾ HOẠCH\n")
    path = tmp_path / "ke-hoach.txt"
    path.write_text(plan, encoding="utf-8")
    outcome = document.build(source.read(path), index)
    written = "\n".join(f"{t.data} {t.doubts} {t.notes}" for t in outcome.tasks)
    assert "Về cách tính điểm" not in written
    assert "Về đối tượng được xét" not in written


RESOLUTION = """\
HỘI ĐỒNG NHÂN DÂN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HẢI PHÒNG                      Độc lập - Tự do - Hạnh phúc
Số: 21/2026/NQ-HĐND                      Hải Phòng, ngày 10 tháng 4 năm 2026

NGHỊ QUYẾT
Quy định khu vực hạn chế xe tải trong nội thành

HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HẢI PHÒNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
QUYẾT NGHỊ:
Điều 1. Biện pháp hạn chế
1. Cấm xe tải trên 10 tấn đi vào các tuyến phố nội thành từ 6 giờ đến 22 giờ.
2. Đối với xe chở vật liệu xây dựng: cấm dừng, đỗ trên vỉa hè.
3. Ủy ban nhân dân Thành phố tổ chức cắm biển báo các tuyến phố hạn chế trước ngày 30/6/2026.
Điều 2. Hiệu lực thi hành
Nghị quyết này có hiệu lực từ ngày 01 tháng 5 năm 2026.
"""


BAN_UNDER_A_BODY = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HẢI PHÒNG                      Độc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND                           Hải Phòng, ngày 12 tháng 4 năm 2026

KẾ HOẠCH
Bảo đảm an toàn công trình trong mùa mưa bão

I. NHIỆM VỤ
1. Sở Xây dựng
- Nghiêm cấm cấp phép đào đường trong mùa mưa bão.
- Kiểm tra các công trình đang thi công trước ngày 15/5/2026.
2. Công an thành phố
- Tuần tra các tuyến đường ngập sâu.
3. Biện pháp hạn chế xe tải trong mùa mưa bão:
- Cấm xe tải trên 10 tấn đi qua các cầu yếu.
"""


def test_bans_stated_for_all_are_rules_not_work(tmp_path: Path, index: Index) -> None:
    assert openings(_tasks(tmp_path, index, RESOLUTION)) == ["Ủy ban nhân dân"]


def test_a_ban_under_a_bodys_heading_is_its_work_under_a_topic_a_rule(tmp_path: Path, index: Index) -> None:
    texts = _tasks(tmp_path, index, BAN_UNDER_A_BODY)
    assert openings(texts) == ["Nghiêm cấm cấp phép", "Kiểm tra các công", "Tuần tra các tuyến"]
