"""Tasks numbered inside one paragraph ('a) Sở Tài chính: (1) ...; (2) ...', '... tập trung: (i) ...; (ii)
...', 'Giao X: 1) ... 2) ...'): each number is a task of its own, its text the piece as written, with the
unit of the paragraph's lead-in unless it names its own; numbers inside citations or footnote marks are not
task numbers."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer.structure.inline import points, split
from kehoach.index import Index

from .test_structure import build, tasks

INLINE = """\
I. NHIỆM VỤ
1. Hoàn thiện quy trình cấp phép xây dựng: (1) Sở Xây dựng rà soát các thủ tục cấp phép, hoàn thành \
trước ngày 15/10/2026; (2) Sở Tư pháp thẩm định dự thảo quy định mới.
2. Bảo đảm nguồn lực
a) Sở Tài chính: (1) Tham mưu bố trí kinh phí cho các nhiệm vụ chuyển đổi số, hoàn thành trong quý IV \
năm 2026; (2) Hướng dẫn các sở, ngành lập dự toán năm 2027.
b) Sở Nội vụ tham mưu kiện toàn tổ chức bộ máy các phòng chuyên môn.
3. Khẩn trương hoàn thiện các báo cáo: (i) Báo cáo kết quả thực hiện chương trình chuyển đổi số; (ii) Báo \
cáo các khó khăn, vướng mắc; gửi Sở Tư pháp trước ngày 30/11/2026.
"""


def test_each_inline_number_is_a_task_with_the_lead_ins_unit(tmp_path: Path, index: Index) -> None:
    found = tasks(build(tmp_path, index, INLINE))
    assert [t["text"] for t in found] == [
        "Sở Xây dựng rà soát các thủ tục cấp phép, hoàn thành trước ngày 15/10/2026",
        "Sở Tư pháp thẩm định dự thảo quy định mới.",
        "Tham mưu bố trí kinh phí cho các nhiệm vụ chuyển đổi số, hoàn thành trong quý IV năm 2026",
        "Hướng dẫn các sở, ngành lập dự toán năm 2027.",
        "Sở Nội vụ tham mưu kiện toàn tổ chức bộ máy các phòng chuyên môn.",
        # a lead-in that is itself the work: the reports it lists are its parts, one task
        "Khẩn trương hoàn thiện các báo cáo: (i) Báo cáo kết quả thực hiện chương trình chuyển đổi số; (ii) "
        "Báo cáo các khó khăn, vướng mắc; gửi Sở Tư pháp trước ngày 30/11/2026.",
    ]
    leads = [t["lead"] for t in found]
    assert "xay-dung" in leads[0][0] and "tu-phap" in leads[1][0]
    assert "tai-chinh" in leads[2][0] and leads[2] == leads[3]  # the lead-in's unit, for both pieces
    assert found[0].get("timeframe") == "trước ngày 15/10/2026" and found[1].get("timeframe") is None


NESTED = """\
I. NHIỆM VỤ
1. Đẩy mạnh cải cách hành chính: (1) Các sở, ngành rà soát quy trình giải quyết hồ sơ trực tuyến; (2) \
các sở, ngành tập trung: (i) Sửa đổi các quy định về hồ sơ giấy; (ii) Cắt giảm thời gian giải quyết hồ sơ; \
(3) Sở Khoa học và Công nghệ phát triển Cổng dịch vụ công của tỉnh với 03 chức năng chính: (i) Tiếp nhận \
hồ sơ; (ii) Trả kết quả; (iii) Tra cứu tiến độ.
"""


def test_a_nested_list_is_split_only_under_a_unit(tmp_path: Path, index: Index) -> None:
    """'(2) các sở, ngành tập trung: (i) ...; (ii) ...' gives two tasks to the units it names; the functions of
    a thing to build ('... với 03 chức năng chính: (i) ...') are that task's own words."""
    texts = [t["text"] for t in tasks(build(tmp_path, index, NESTED))]
    assert [" ".join(text.split()[:3]) for text in texts] == [
        "Các sở, ngành",
        "Sửa đổi các",
        "Cắt giảm thời",
        "Sở Khoa học",
    ]
    assert texts[-1].endswith("(iii) Tra cứu tiến độ.")


def test_numbers_that_are_not_a_list_of_tasks_are_left_as_written() -> None:
    for text in (
        "Thực hiện theo khoản 1, 2 Điều 3 Nghị quyết số 1) của Hội đồng nhân dân tỉnh.",  # a citation
        "Các sở rà soát số liệu năm 2025 (1); tổng hợp gửi Sở Tài chính (2).",  # footnote marks
        "Sở Y tế thực hiện: (2) khám sàng lọc; (3) tiêm chủng.",  # does not start from 1
        "Kết quả: (1) 12; (2) 15.",  # pieces that are figures, not work
    ):
        assert split(text) is None, text


def test_run_together_numbers_without_parentheses() -> None:
    assert points(
        "Giao Sở Y tế: 1) xây dựng kế hoạch; 2) tổ chức kiểm tra.", None, lambda _: True, lambda _: False
    ) == [
        "Giao Sở Y tế:",
        "- xây dựng kế hoạch",
        "- tổ chức kiểm tra.",
    ]
    # a bullet's pieces go one mark deeper
    assert points("- Sở Y tế: (a) lập kế hoạch; (b) kiểm tra.", "-", lambda _: True, lambda _: False) == [
        "- Sở Y tế:",
        "+ lập kế hoạch",
        "+ kiểm tra.",
    ]
