"""A notice of a meeting's conclusions: the meeting's own view ('Thường trực cơ bản nhất trí với ...',
'Hội nghị thống nhất với ...') and the shortcomings it notes are not work; work it gives by name in a
later sentence of the same paragraph ('... . Giao Văn phòng ...', '. Đề nghị Ban ...') is a task of its
own; a topic line ('- Về công tác xây dựng Đảng:') over points heads them, each point being work."""

from __future__ import annotations

from pathlib import Path

from kehoach.index import Index

from .test_structure import build, openings, tasks

VIEWS = """\
I. VỀ KẾT QUẢ CÔNG TÁC DÂN VẬN QUÝ I
Thường trực Ban Dân vận cơ bản nhất trí với báo cáo của Phòng Đoàn thể và các hội. Giao Văn phòng Ban \
tổng hợp ý kiến, hoàn thiện báo cáo trình Lãnh đạo Ban. Đề nghị Phòng Dân tộc và Tôn giáo phối hợp \
rà soát số liệu.
* Bên cạnh đó, vẫn còn một số hạn chế đã nêu trong báo cáo; Thường trực lưu ý:
- Việc nắm tình hình ở một số khu dân cư còn chậm.
- Tỷ lệ chi bộ sinh hoạt chuyên đề dân vận còn thấp.
* Về nhiệm vụ thời gian tới: Thường trực cơ bản nhất trí với các nhiệm vụ nêu trong dự thảo; đồng \
thời lưu ý một số nội dung sau:
- Về công tác xây dựng Đảng:
+ Tổ chức quán triệt chuyên đề dân vận đến các chi bộ.
+ Rà soát, kiện toàn khối dân vận ở cơ sở.
II. VỀ THỜI GIAN TỔ CHỨC HỘI NGHỊ
- Về thời gian tổ chức: Thường trực nhất trí với đề xuất của Phòng Đoàn thể và các hội, cụ thể:
+ Hội nghị cụm số 1: Ngày 10/4/2023.
+ Hội nghị cụm số 2: Ngày 12/4/2023.
- Thống nhất với Phòng Dân tộc và Tôn giáo về danh sách đại biểu dự hội nghị.
- Tổ chức Hội nghị thống nhất về nội dung sinh hoạt chuyên đề quý II.
"""


def test_the_meetings_view_is_not_work_but_the_work_it_gives_is(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, VIEWS)
    texts = [t["text"] for t in tasks(outcome)]
    assert openings(texts) == [
        "Giao Văn phòng Ban",
        "Đề nghị Phòng Dân",
        "Tổ chức quán triệt",
        "Rà soát, kiện toàn",
        "Thống nhất với Phòng",
        "Tổ chức Hội nghị",
    ]
    office, ethnic = tasks(outcome)[:2]
    assert office["lead"] and not office.get("lead_implied")
    assert ethnic["lead"] == ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]


CLOSING_WORDS = """\
I. NHIỆM VỤ
1. Phòng Đoàn thể và các hội tổng hợp ý kiến của các hội, báo cáo Lãnh đạo Ban trước ngày 15/4/2023.
2. Thông báo để các chi bộ biết lịch sinh hoạt chuyên đề quý II.
Ban Dân vận Tỉnh ủy xin trân trọng thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.
"""


def test_the_senders_closing_words_are_not_a_task(tmp_path: Path, index: Index) -> None:
    """'X xin thông báo để ... biết, thực hiện./.' closes a notice; a point that is itself to inform
    someone ('Thông báo để các chi bộ biết ...') is work."""
    texts = [t["text"] for t in tasks(build(tmp_path, index, CLOSING_WORDS))]
    assert openings(texts) == ["Phòng Đoàn thể và", "Thông báo để các"]


RESULTS_AND_PAPERS = """\
1. Về tình hình thực hiện nhiệm vụ quý I: Thường trực cơ bản nhất trí với báo cáo của Văn phòng. Đồng thời, ghi \
nhận các phòng đã chủ động triển khai nhiệm vụ, thể hiện trên các mặt:
- Hội nghị sơ kết phong trào “Dân vận khéo” được tổ chức đúng thời gian, có chất lượng.
- Công tác nắm tình hình Nhân dân được duy trì thường xuyên ở các khu dân cư.
* Về nhiệm vụ thời gian tới: Thường trực cơ bản nhất trí với các nhiệm vụ nêu trong dự thảo; đồng thời lưu ý \
một số nội dung sau:
- Tổ chức quán triệt chuyên đề dân vận đến các chi bộ.
2. Cho ý kiến các nội dung Phòng Đoàn thể và các hội trình, gồm:
- Tờ trình số 05-TTr/BDV ngày 02/4/2023 về chủ trương tổ chức hội thi “Dân vận khéo”.
- Báo cáo số 12-BC/BDV ngày 03/4/2023 về kết quả khảo sát mô hình dân vận ở cơ sở.
Thường trực cơ bản nhất trí với các nội dung trình. Giao Phòng Đoàn thể và các hội hoàn thiện hồ sơ, trình Lãnh \
đạo Ban trước ngày 20/4/2023.
"""


def test_points_under_a_lead_in_of_results_and_a_list_of_papers_are_not_work(tmp_path: Path, index: Index) -> None:
    """'..., thể hiện trên các mặt:' leads into results of the period, not work; the papers put to the meeting
    ('- Tờ trình số ...', '- Báo cáo số ...') are papers; the work the meeting gives after them is a task."""
    outcome = build(tmp_path, index, RESULTS_AND_PAPERS)
    assert openings([t["text"] for t in tasks(outcome)]) == ["Tổ chức quán triệt", "Giao Phòng Đoàn thể"]


PRAISE = """\
I. KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
1. Chủ tịch Ủy ban nhân dân tỉnh ghi nhận, biểu dương và đánh giá cao sự nỗ lực của các sở, ngành trong quý I.
2. Ghi nhận, biểu dương tinh thần chủ động của các xã vùng cao trong phòng, chống thiên tai.
3. Thay mặt Ủy ban nhân dân tỉnh, biểu dương những kết quả của lực lượng Công an tỉnh. Giao Sở Nội vụ tổng hợp, \
đề xuất khen thưởng trước ngày 15/4/2026.
4. Biểu dương, khen thưởng kịp thời các tập thể có thành tích trong phòng, chống thiên tai.
5. Sở Nông nghiệp và Môi trường tổ chức biểu dương các mô hình sản xuất hiệu quả trong quý II/2026.
"""


def test_praise_by_whoever_concludes_is_not_work_but_praise_given_as_work_is(tmp_path: Path, index: Index) -> None:
    """'Chủ tịch ... ghi nhận, biểu dương ...', 'Ghi nhận, biểu dương tinh thần ...', 'Thay mặt ..., biểu dương
    ...' state the view of whoever concludes; 'Biểu dương, khen thưởng ...' and 'Sở X tổ chức biểu dương ...'
    are work, and so is work given by name after the praise."""
    outcome = build(tmp_path, index, PRAISE)
    assert openings([t["text"] for t in tasks(outcome)]) == [
        "Giao Sở Nội vụ",
        "Biểu dương, khen thưởng",
        "Sở Nông nghiệp và",
    ]


WORK_AMID_ASSESSMENT = """\
I. ĐÁNH GIÁ CHUNG
Năm 2025, tỉnh đã hoàn thành việc sắp xếp đơn vị hành chính cấp xã, bộ máy mới vận hành ổn định.
Để tiếp tục nâng cao hiệu quả hoạt động của chính quyền cấp xã, tỉnh cần tập trung thực hiện tốt một số nhiệm vụ, \
giải pháp sau đây:
1. Cấp ủy, chính quyền các cấp phải xác định việc nâng cao chất lượng đội ngũ cán bộ cấp xã là nhiệm vụ trọng tâm \
của cả hệ thống chính trị, trong đó chú trọng bồi dưỡng kỹ năng số, bố trí cán bộ phù hợp với năng lực.
Sở Nội vụ hướng dẫn các xã rà soát vị trí việc làm, hoàn thành trong quý I/2026.
2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính ở cấp xã.
II. VỀ CÁC KIẾN NGHỊ CỦA TỈNH
1. Giao Bộ Nội vụ nghiên cứu kiến nghị về biên chế cấp xã.
"""


def test_a_lead_in_calling_for_work_amid_an_assessment_opens_the_work_after_it(tmp_path: Path, index: Index) -> None:
    """In a notice's assessment, '..., tỉnh cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:' leads
    into work: its points are tasks, given to whom the lead-in names with a flag, and so is a long numbered
    sentence over a plain paragraph, which heads nothing; the assessment before the lead-in is not work."""
    outcome = build(tmp_path, index, WORK_AMID_ASSESSMENT)
    assert openings([t["text"] for t in tasks(outcome)]) == [
        "Cấp ủy, chính quyền",
        "Sở Nội vụ hướng",
        "Đẩy mạnh chuyển đổi",
        "Giao Bộ Nội vụ",
    ]
    digital = outcome.tasks[2]
    assert any("câu dẫn" in why for why in digital.doubts["lead"])  # given to whom the lead-in names: flagged
