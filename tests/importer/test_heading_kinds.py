"""A heading's kind governs the paragraphs under it, at any level: targets, viewpoints and aims ('Chỉ
tiêu', 'Quan điểm', 'Mục tiêu'), shortcomings ('... lưu ý một số mặt hạn chế ... là:') and money ('Kinh
phí thực hiện') are not work, even inside a part of tasks; a heading that names them as the object of work
('Khắc phục những hạn chế ...') or that also names work ('Mục tiêu, nhiệm vụ') is work."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer import document, source
from kehoach.index import Index

from .test_structure import HEADER, build, openings, tasks

TARGETS_IN_TASKS = """\
I. NỘI DUNG TRỌNG TÂM
1. Tổ chức tuyên truyền về công tác dân vận trên các phương tiện thông tin đại chúng.
2. Chỉ tiêu phấn đấu đến năm 2027
2.1. Hằng năm, 100% chi bộ được quán triệt chuyên đề dân vận.
2.2. Trên 90% khu dân cư đạt danh hiệu “Dân vận khéo”.
3. Quan điểm chỉ đạo
- Công tác dân vận là nhiệm vụ của cả hệ thống chính trị.
- Lấy cơ sở làm địa bàn trọng tâm.
4. Kinh phí thực hiện
- Ngân sách tỉnh: bố trí trong dự toán hằng năm của các cơ quan.
- Nguồn xã hội hóa: huy động doanh nghiệp tham gia.
5. Nhiệm vụ cụ thể
- Tổ chức hội nghị sơ kết phong trào thi đua “Dân vận khéo”.
- Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở.
"""


def test_targets_viewpoints_and_money_under_a_part_of_tasks_are_not_tasks(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, TARGETS_IN_TASKS)
    texts = [t["text"] for t in tasks(outcome)]
    assert openings(texts) == [
        "Tổ chức tuyên truyền",
        "Tổ chức hội nghị",
        "Kiểm tra việc thực",
    ]
    aims = outcome.plan.data["aims"]  # type: ignore[union-attr]
    assert "Trên 90% khu dân cư đạt danh hiệu “Dân vận khéo”." in aims
    assert "Lấy cơ sở làm địa bàn trọng tâm." in aims
    notes = outcome.plan.doubts.get("sections", [])  # type: ignore[union-attr]
    assert any("Chỉ tiêu phấn đấu" in n and "mục tiêu, chỉ tiêu, quan điểm" in n for n in notes)
    assert any("Kinh phí thực hiện" in n and "kinh phí" in n for n in notes)


VIEWPOINTS_PART = """\
I. QUAN ĐIỂM CHỈ ĐẠO
1. Công tác dân vận là nhiệm vụ chiến lược, có ý nghĩa quan trọng.
2. Phát huy quyền làm chủ của Nhân dân, lấy dân làm gốc.
II. VỀ PHƯƠNG HƯỚNG, MỤC TIÊU
1. Tập trung lãnh đạo thực hiện thắng lợi nhiệm vụ chính trị năm 2024.
III. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP
1. Đẩy mạnh phong trào thi đua “Dân vận khéo” ở cơ sở.
2. Yêu cầu các phòng thuộc Ban thực hiện các nội dung sau:
- Rà soát các mô hình dân vận khéo đã được công nhận.
"""


def test_a_part_of_viewpoints_is_aims_but_directions_and_mixed_parts_are_work(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, VIEWPOINTS_PART)
    texts = [t["text"] for t in tasks(outcome)]
    assert openings(texts) == [
        "Tập trung lãnh đạo",
        "Đẩy mạnh phong trào",
        "Rà soát các mô",
    ]
    assert len(outcome.plan.data["aims"]) == 2  # type: ignore[union-attr]


SHORTCOMINGS = """\
I. VỀ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ QUÝ I
1. Ngoài những mặt làm được, Thường trực lưu ý một số mặt hạn chế, yếu kém sau đây:
- Việc nắm tình hình ở một số thôn còn chậm, chưa kịp thời.
- Tỷ lệ thu gom rác thải ở khu dân cư còn thấp.
2. Khắc phục những hạn chế, yếu kém trong công tác nắm tình hình:
- Phân công cán bộ bám sát địa bàn, báo cáo hằng tuần.
"""


def test_a_heading_that_introduces_shortcomings_governs_its_points(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, SHORTCOMINGS)
    texts = [t["text"] for t in tasks(outcome)]
    assert openings(texts) == ["Phân công cán bộ"]
    notes = outcome.plan.doubts.get("sections", [])  # type: ignore[union-attr]
    assert any("Ngoài những mặt làm được" in n and "kết quả, tình hình" in n for n in notes)


CRITERIA_APPENDIX = """\
I. NHIỆM VỤ
1. Các chi bộ tự chấm điểm theo Bảng tiêu chí kèm theo, gửi Phòng Đoàn thể và các hội trước ngày 30/11/2023.
Nơi nhận:
- Như trên;
- Lưu VT.
TRƯỞNG BAN
Nguyễn Văn A
BẢNG TIÊU CHÍ CHẤM ĐIỂM, XẾP LOẠI
CHI BỘ THỰC HIỆN TỐT CÔNG TÁC DÂN VẬN
(Ban hành kèm theo Kế hoạch số 20-KH/BDVTU ngày 10/3/2023 của Ban Dân vận Tỉnh ủy)
1. Tổ chức sinh hoạt chuyên đề (20 điểm)
1.1. Sinh hoạt chuyên đề dân vận ít nhất 02 lần trong năm
10
Biên bản sinh hoạt chi bộ.
1.2. Tổ chức tuyên truyền, vận động Nhân dân
10
Kế hoạch, báo cáo kết quả tuyên truyền.
HƯỚNG DẪN CHẤM
1. Phòng Đoàn thể và các hội thành lập tổ chấm điểm.
2. Loại tốt: từ 85 điểm trở lên.
3. Chưa đạt: các trường hợp còn lại.
"""


def test_an_appendix_of_criteria_gives_no_task_but_the_work_it_names(tmp_path: Path, index: Index) -> None:
    """The rows of a table of criteria ('1.1. Sinh hoạt chuyên đề ...' / '10' / 'Biên bản ...') and its
    notes on scoring are rules; a point in it giving work to a unit it names is a task."""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + CRITERIA_APPENDIX, encoding="utf-8")
    outcome = document.build(source.read(path), index)
    texts = [t["text"] for t in tasks(outcome)]
    assert openings(texts) == ["Các chi bộ tự", "Phòng Đoàn thể và"]
    notes = outcome.plan.doubts.get("sections", [])  # type: ignore[union-attr]
    assert any("bảng tiêu chí để chấm" in n for n in notes)


CASES = """\
I. NHIỆM VỤ
1. Phòng Đoàn thể và các hội thẩm định đề xuất mô hình “Dân vận khéo” của các chi bộ.
Trường hợp các phòng có ý kiến khác nhau, Phòng Đoàn thể và các hội tổng hợp, báo cáo Lãnh đạo Ban.
Khi đánh giá mô hình ở khu dân cư thì căn cứ kết quả khảo sát của chi bộ.
2. Văn phòng Ban bố trí kinh phí tổ chức hội nghị biểu dương.
"""


def test_a_case_and_what_is_done_in_it_stays_with_the_task_above(tmp_path: Path, index: Index) -> None:
    """'Trường hợp ..., X ...' and 'Khi ... thì ...' state what is done in a case: a rule of the point above."""
    found = tasks(build(tmp_path, index, CASES))
    assert openings([t["text"] for t in found]) == ["Phòng Đoàn thể và", "Văn phòng Ban bố"]


NOTICE_PARTS = """\
I. VỀ KẾT QUẢ ĐẠT ĐƯỢC
Thực hiện chỉ đạo của Ban Thường vụ, công tác cải cách hành chính của tỉnh đạt nhiều kết quả quan trọng.
II. VỀ TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN
1. Về hạn chế: Tiến độ số hóa hồ sơ ở một số xã còn chậm.
2. Nguyên nhân: Nhân lực công nghệ thông tin ở cơ sở còn thiếu.
III. VỀ NHIỆM VỤ THỜI GIAN TỚI
1. Sở Nội vụ rà soát thủ tục hành chính cấp xã, báo cáo trước ngày 30/6/2026.
2. Về thành phần Tổ công tác
- Đại diện lãnh đạo Sở Nội vụ.
- Đại diện Văn phòng Ủy ban nhân dân tỉnh.
3. Về nguồn lực
- Sở Tài chính bố trí kinh phí số hóa hồ sơ cho các xã trong quý III/2026.
4. Hồ sơ đề nghị công nhận
- Bản đăng ký của xã có xác nhận của Ủy ban nhân dân xã.
- Báo cáo thành tích của xã.
"""


def test_a_heading_opening_with_ve_is_of_the_kind_its_words_name(tmp_path: Path, index: Index) -> None:
    """'I. VỀ KẾT QUẢ ĐẠT ĐƯỢC', 'II. VỀ TỒN TẠI, HẠN CHẾ ...', '2. Về thành phần ...': a notice's parts about
    results, shortcomings or who takes part govern their paragraphs as the same headings without 'Về' do, and a
    part listing the papers of a file ('Hồ sơ ...') gives no work; 'Về nguồn lực' heads work."""
    outcome = build(tmp_path, index, NOTICE_PARTS)
    assert openings([t["text"] for t in tasks(outcome)]) == ["Sở Nội vụ rà", "Sở Tài chính bố"]
    notes = outcome.plan.doubts.get("sections", [])  # type: ignore[union-attr]
    assert any("Về kết quả đạt được" in n and "kết quả, tình hình" in n for n in notes)
    assert any("Về thành phần" in n and "thành phần" in n for n in notes)
