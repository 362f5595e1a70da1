"""Which paragraphs are work, read by the shape of the sentence and of the block: a report of what was
done is not a task; 'Đối với X thì <who> có trách nhiệm ...' gives the work to who it names; a line
that only states a deadline after points is their deadline; a heading over the fields of an event
(Địa điểm, Thời gian, Thành phần, Nhiệm vụ) is one task holding those fields. Each with variants as
plans and reports write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer.structure import deadline_of
from kehoach.index import Index

from .test_structure import build, tasks

DONE = """\
I. NHIỆM VỤ
1. Công tác tuyên truyền
- Tuyên truyền kết quả Đại hội Đảng bộ tỉnh.
- Năm 2022, Ban Dân vận Tỉnh ủy đã tổ chức 12 hội nghị quán triệt với 1.250 lượt cán bộ tham dự.
- Đã ban hành 05 kế hoạch, 03 hướng dẫn về công tác dân vận.
- Toàn tỉnh đã có 15/15 xã xây dựng mô hình “Dân vận khéo”.
- Thực hiện Kế hoạch số 56-KH/TU, Ban đã phối hợp tổ chức 04 lớp tập huấn.
- Tiếp tục thực hiện các nội dung đã đề ra tại Kế hoạch số 56-KH/TU.
- Rà soát các mô hình đã được công nhận để nhân rộng.
- Các phòng đã được giao nhiệm vụ chủ động triển khai thực hiện.
- Căn cứ kết quả đã đạt được, xây dựng kế hoạch năm 2024.
2. Công tác kiểm tra
Qua kiểm tra, đã phát hiện và chấn chỉnh 03 đơn vị thực hiện chưa nghiêm quy chế dân chủ.
- Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở.
"""


def test_a_report_of_what_was_done_is_not_a_task(tmp_path: Path, index: Index) -> None:
    """'... đã tổ chức ...', 'Đã ban hành ...', 'Qua kiểm tra, đã phát hiện ...' report; an 'đã' in a
    clause about the work's object ('các nội dung đã đề ra', 'đã được công nhận'), after who was given
    work ('đã được giao'), or after a ground ('Căn cứ kết quả đã đạt được, ...') does not."""
    outcome = build(tmp_path, index, DONE)
    texts = [t["text"][:30] for t in tasks(outcome)]
    assert texts == [
        "Tuyên truyền kết quả Đại hội Đ",
        "Tiếp tục thực hiện các nội dun",
        "Rà soát các mô hình đã được cô",
        "Các phòng đã được giao nhiệm v",
        "Căn cứ kết quả đã đạt được, xâ",
        "Kiểm tra việc thực hiện quy ch",
    ]
    sections = outcome.plan.doubts.get("sections", [])  # type: ignore[union-attr]
    assert any("kể việc đã làm" in d and "dòng 11" in d for d in sections)  # said once for section 1
    assert any("kể việc đã làm" in d and "dòng 21" in d for d in sections)


DONE_IN_ORGANISATION = """\
I. NHIỆM VỤ
1. Tổ chức hội nghị sơ kết công tác dân vận.
II. TỔ CHỨC THỰC HIỆN
1. Ban Tổ chức Tỉnh ủy đã ban hành Hướng dẫn số 12-HD/BTCTU về kiện toàn tổ chức.
2. Ban Tổ chức Tỉnh ủy phối hợp theo dõi, đôn đốc việc thực hiện kế hoạch.
"""


def test_a_report_of_what_was_done_is_not_work_in_the_organisation_part(tmp_path: Path, index: Index) -> None:
    texts = [t["text"][:30] for t in tasks(build(tmp_path, index, DONE_IN_ORGANISATION))]
    assert texts == ["Tổ chức hội nghị sơ kết công t", "Ban Tổ chức Tỉnh ủy phối hợp t"]


FOR_CASE = """\
I. NHIỆM VỤ
1. Công tác nắm tình hình
- Đối với các vụ việc khiếu kiện đông người thì Phòng Dân tộc và Tôn giáo có trách nhiệm nắm tình hình, báo cáo.
- Đối với công tác dân vận chính quyền, thì Phòng Dân vận các cơ quan nhà nước chủ trì tham mưu sơ kết.
- Đối với các tổ chức tôn giáo mới thì các đồng chí được phân công theo dõi địa bàn có trách nhiệm nắm chắc tình hình.
- Đối với vụ việc phức tạp thì cần báo cáo kịp thời Thường trực Tỉnh ủy.
II. TỔ CHỨC THỰC HIỆN
1. Đối với việc sơ kết thì Phòng Đoàn thể và các hội có trách nhiệm tổng hợp, báo cáo Lãnh đạo Ban.
"""


def test_for_a_case_then_who_is_given_the_work(tmp_path: Path, index: Index) -> None:
    """'Đối với X thì <who> có trách nhiệm / chủ trì ...': who is the lead, in a task section and in
    'Tổ chức thực hiện'; one the registry does not read is named in a flag, not replaced silently by
    the issuer; 'Đối với X thì cần ...' names nobody and falls to the issuer."""
    outcome = build(tmp_path, index, FOR_CASE)
    first, second, third, fourth, fifth = outcome.tasks
    assert first.data["lead"] == ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]
    assert second.data["lead"] == ["binh-thuan-ban-dan-van-phong-dan-van-cac-co-quan-nha-nuoc"]
    assert any("các đồng chí được phân công theo dõi địa bàn" in d for d in third.doubts["lead"])
    assert fourth.data["lead_implied"] is True and "lead" not in fourth.doubts
    assert fifth.data["lead"] == ["binh-thuan-ban-dan-van-phong-doan-the-va-cac-hoi"]


DEADLINES = """\
I. NHIỆM VỤ
1. Công tác kiểm tra
- Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở.
- Giám sát việc thực hiện phong trào thi đua.
Hoàn thành trước ngày 30/6/2023.
2. Công tác tuyên truyền
- Tuyên truyền kết quả Đại hội.
Các nội dung trên hoàn thành trong quý III/2023.
- Biên soạn tài liệu hỏi đáp.
3. Công tác sơ kết
- Sơ kết phong trào thi đua.
- Tổng kết công tác dân vận.
(Thời gian hoàn thành: tháng 12/2023)
4. Công tác nắm tình hình
- Nắm tình hình đoàn viên, hội viên trong tháng 5/2023.
- Thực hiện rà soát các mô hình trước ngày 15/11/2023.
"""


def test_a_deadline_line_after_points_is_their_deadline(tmp_path: Path, index: Index) -> None:
    """A line that only says when ('Hoàn thành trước ngày ...', '(Thời gian hoàn thành: ...)') is the
    deadline of the points above it in their group, not a task; one that names them ('Các nội dung
    trên ...') holds for those above it only; a point whose work is followed by a time is work."""
    found = tasks(build(tmp_path, index, DEADLINES))
    assert [(t["text"][:20], t.get("timeframe")) for t in found] == [
        ("Kiểm tra việc thực h", "trước ngày 30/6/2023"),
        ("Giám sát việc thực h", "trước ngày 30/6/2023"),
        ("Tuyên truyền kết quả", "trong quý III/2023"),
        ("Biên soạn tài liệu h", None),
        ("Sơ kết phong trào th", "tháng 12/2023"),
        ("Tổng kết công tác dâ", "tháng 12/2023"),
        ("Nắm tình hình đoàn v", "trong tháng 5/2023"),
        ("Thực hiện rà soát cá", "trước ngày 15/11/2023"),
    ]


@pytest.mark.parametrize(
    ("line", "time"),
    [
        ("Hoàn thành trước ngày 30/6/2023.", "trước ngày 30/6/2023"),
        ("- Thực hiện xong trước ngày 15/11/2025.", "trước ngày 15/11/2025"),
        ("Các nhiệm vụ nêu trên phải hoàn thành trong quý IV năm 2025.", "trong quý IV năm 2025"),
        ("(Thời hạn hoàn thành: trước 31/12/2025)", "trước 31/12/2025"),
        ("Thực hiện thường xuyên.", "thường xuyên"),
        ("Thực hiện rà soát các mô hình trước ngày 15/11/2023.", None),
        ("Hoàn thành việc kiện toàn tổ chức trong năm 2025.", None),
        ("Tổ chức hội nghị trong tháng 5/2023.", None),
    ],
)
def test_what_reads_as_a_deadline_line(line: str, time: str | None) -> None:
    found = deadline_of(line)
    assert (found[0] if found else None) == time


EVENT_FIELDS = """\
I. NỘI DUNG
1. Hội nghị sơ kết công tác dân vận
- Địa điểm: Hội trường Tỉnh ủy.
- Thời gian: Tháng 7/2023.
- Thành phần: Lãnh đạo Ban, các phòng thuộc Ban.
- Nhiệm vụ: Phòng Đoàn thể và các hội chuẩn bị nội dung, tài liệu.
2. Hội nghị tổng kết công tác dân vận
a) Nhiệm vụ cụ thể: Chuẩn bị báo cáo tổng kết, danh sách khen thưởng.
b) Thời gian: Tháng 12/2023.
c) Địa điểm: Hội trường Ban Dân vận Tỉnh ủy.
3. Lớp tập huấn nghiệp vụ
Hình thức: Trực tiếp kết hợp trực tuyến.
Công việc: Ban Tổ chức Tỉnh ủy chủ trì biên soạn tài liệu.
Thời gian: Quý III/2023.
"""


def test_a_heading_over_the_fields_of_an_event_is_one_task(tmp_path: Path, index: Index) -> None:
    """'1. Hội nghị ...' over 'Địa điểm / Thời gian / Thành phần / Nhiệm vụ' lines (dashed, lettered or
    plain, the work line anywhere in the run) is one task: the heading its text, the work line its
    content, the unit that opens the work its lead, the time its time frame."""
    first, second, third = tasks(build(tmp_path, index, EVENT_FIELDS))
    assert first["text"] == "Hội nghị sơ kết công tác dân vận"
    assert first["lead"] == ["binh-thuan-ban-dan-van-phong-doan-the-va-cac-hoi"]
    assert first["timeframe"] == "Tháng 7/2023"
    assert "Phòng Đoàn thể và các hội chuẩn bị nội dung" in first["method"]
    assert second["text"] == "Hội nghị tổng kết công tác dân vận"
    assert second["lead_implied"] is True  # the work line names no unit: the issuer's
    assert second["method"].startswith("Chuẩn bị báo cáo tổng kết")
    assert second["timeframe"] == "Tháng 12/2023"
    assert third["text"] == "Lớp tập huấn nghiệp vụ"
    assert third["lead"] == ["binh-thuan-ban-to-chuc"]
    assert third["timeframe"] == "Quý III/2023"


ASSIGNED_AMID_RESULTS = """\
I. KẾT QUẢ THỰC HIỆN
1. Công tác tuyên truyền
Ban Dân vận Tỉnh ủy đã tổ chức 12 hội nghị quán triệt với 1.250 lượt cán bộ tham dự.
- Tổ chức 05 lớp tập huấn cho 300 cán bộ.
2. Tiếp tục yêu cầu các phòng thuộc Ban thực hiện tốt các nội dung sau:
- Tham mưu tổng kết phong trào thi đua “Dân vận khéo”.
- Nắm tình hình tư tưởng của đoàn viên, hội viên.
3. Công tác kiểm tra
- Kiểm tra 04 cơ sở về thực hiện quy chế dân chủ.
- Giao Phòng Đoàn thể và các hội theo dõi, tổng hợp tình hình báo cáo Lãnh đạo Ban.
- Tiếp tục yêu cầu Ban Tổ chức Tỉnh ủy hướng dẫn kiện toàn tổ chức bộ máy.
- Đề nghị Ban Tổ chức Tỉnh ủy quan tâm bố trí biên chế.
II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024
1. Tiếp tục giao Phòng Dân tộc và Tôn giáo thực hiện các nội dung:
- Nắm tình hình đồng bào có đạo.
2. Yêu cầu Ban Tổ chức Tỉnh ủy chủ trì sơ kết công tác tổ chức.
"""


def test_work_assigned_amid_results_and_in_the_programme(tmp_path: Path, index: Index) -> None:
    """Amid results, 'Tiếp tục yêu cầu X ...:' over points and 'Giao X ...', 'Tiếp tục yêu cầu X ...'
    points give work to X; what was done ('đã tổ chức', 'Tổ chức 05 lớp ...' amid results) and a request
    ('Đề nghị Ban X quan tâm ...', most often a proposal upward) are not tasks. In the programme, a
    heading 'Tiếp tục giao X ...:' gives its points to X."""
    found = tasks(build(tmp_path, index, ASSIGNED_AMID_RESULTS))
    assert [(t["text"][:25], t["lead"]) for t in found] == [
        ("Tham mưu tổng kết phong t", ["binh-thuan-ban-dan-van-cac-phong"]),
        ("Nắm tình hình tư tưởng củ", ["binh-thuan-ban-dan-van-cac-phong"]),
        ("Giao Phòng Đoàn thể và cá", ["binh-thuan-ban-dan-van-phong-doan-the-va-cac-hoi"]),
        ("Tiếp tục yêu cầu Ban Tổ c", ["binh-thuan-ban-to-chuc"]),
        ("Nắm tình hình đồng bào có", ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]),
        ("Yêu cầu Ban Tổ chức Tỉnh ", ["binh-thuan-ban-to-chuc"]),
    ]


TARGETS_NOTES_FUNDS = """\
I. NỘI DUNG THI ĐUA
1. Nội dung thi đua
Vận động người hưởng trợ cấp nhận tiền qua tài khoản, được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:
- 100% số người hưởng trợ cấp chưa có tài khoản được tuyên truyền, vận động.
- Ít nhất 85% người hưởng trợ cấp mở mới tài khoản.
2. Phương án triển khai
a) Tổ chức tuyên truyền, vận động người hưởng trợ cấp mở tài khoản.
Lưu ý khi bình xét thi đua:
- Đối với các xã: nếu có hai địa phương bằng điểm thì xét số tài khoản mở mới.
3. Lộ trình
3.1. Giai đoạn 2025 - 2030
- Hoàn thiện cơ sở dữ liệu người hưởng trợ cấp.
3.2. Giai đoạn từ năm 2031 đến năm 2035
- Mở rộng chi trả không dùng tiền mặt.
II. NGUỒN KINH PHÍ THỰC HIỆN
1. Kinh phí thực hiện Kế hoạch được bố trí trong dự toán chi ngân sách hằng năm.
2. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.
"""


def test_targets_notes_and_funds_are_not_tasks_and_a_phase_heading_gives_its_time(tmp_path: Path, index: Index) -> None:
    """Points after a lead-in to targets ('... các chỉ tiêu cụ thể như sau:') or to notes ('Lưu ý ...:')
    are the section's text; a point stating where money comes from is not work, one giving the money to
    a unit is; a heading that is a phase ('3.1. Giai đoạn 2025 - 2030') is the time of its points,
    flagged as read from the heading."""
    outcome = build(tmp_path, index, TARGETS_NOTES_FUNDS)
    found = [(t.data["text"][:25], t.data.get("timeframe"), "timeframe" in t.doubts) for t in outcome.tasks]
    assert found == [
        ("Tổ chức tuyên truyền, vận", None, False),
        ("Hoàn thiện cơ sở dữ liệu ", "Giai đoạn 2025 - 2030", True),
        ("Mở rộng chi trả không dùn", "Giai đoạn từ năm 2031 đến năm 2035", True),
        ("Sở Tài chính tham mưu bố ", None, False),
    ]
