"""No document that assigns work is refused: whatever its kind (a plan without a type line, a
decision whose articles assign the work, a programme, a project, a guidance, a directive, a
notice), whether it prints its number or not, and however its work is laid out (a table only, no
numbered sections), the import drafts what it can read and flags with '# KIỂM TRA:' what it
inferred."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer.draft import Outcome, model_problems

from .conftest import build_text

_HEADER = """\
UBND TỈNH LÀO CAI                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG                                 Độc lập - Tự do - Hạnh phúc

{number}                             Lào Cai, ngày 05 tháng 6 năm 2026

{kind}
{title}

"""
_NUMBERED = """\
Căn cứ Quyết định số 1238/QĐ-UBND ngày 01/6/2026 của Ủy ban nhân dân tỉnh.

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả quản lý hoạt động hóa chất.

II. NHIỆM VỤ
1. Rà soát các cơ sở kinh doanh hóa chất trên địa bàn tỉnh.
- Chủ trì: Sở Công Thương.
- Phối hợp: Sở Tài chính.
- Thời gian thực hiện: quý III/2026.
2. Tổ chức tập huấn cho doanh nghiệp về an toàn hóa chất.
- Chủ trì: Sở Công Thương.
- Thời gian thực hiện: tháng 9/2026.

III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Sở Công Thương trước ngày 15/12/2026.
"""
_UNNUMBERED = """\
Căn cứ Quyết định số 1238/QĐ-UBND ngày 01/6/2026 của Ủy ban nhân dân tỉnh.

Để nâng cao hiệu quả quản lý hoạt động hóa chất, Sở Công Thương đề nghị các đơn vị thực hiện như sau:
- Sở Tài chính chủ trì rà soát các cơ sở kinh doanh hóa chất trên địa bàn tỉnh, hoàn thành trong quý III/2026.
- Sở Y tế chủ trì tổ chức tập huấn cho doanh nghiệp về an toàn hóa chất trong tháng 9/2026.
"""
_TABLE_ONLY = """\
Căn cứ Quyết định số 1238/QĐ-UBND ngày 01/6/2026 của Ủy ban nhân dân tỉnh.

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1 | Rà soát các cơ sở kinh doanh hóa chất trên địa bàn tỉnh | Sở Công Thương | Sở Tài chính | Quý III/2026 |
| 2 | Tổ chức tập huấn cho doanh nghiệp về an toàn hóa chất | Sở Công Thương | Sở Y tế | Tháng 9/2026 |
"""
_TAIL = """
Nơi nhận:                                            KT. GIÁM ĐỐC
- Như trên;                                           PHÓ GIÁM ĐỐC
- Lưu: VT, CN.
                                                     Hoàng Văn Thuân
"""
_WORK = ["Rà soát các cơ sở kinh doanh hóa chất", "Tổ chức tập huấn cho doanh nghiệp"]


def _doc(number: str, kind: str, title: str, body: str = _NUMBERED) -> str:
    return _HEADER.format(number=number, kind=kind, title=title) + body + _TAIL


def _imported(tmp_path: Path, text: str) -> Outcome:
    outcome = build_text(tmp_path, text)
    assert outcome.refused == [] and outcome.plan is not None
    for record in outcome.drafts:
        assert model_problems(record) == [], (record.id, model_problems(record))
    return outcome


def _work_found(outcome: Outcome) -> None:
    texts = [t.data["text"] for t in outcome.tasks]
    for work in _WORK:
        assert any(work.casefold() in text.casefold() for text in texts), (work, texts)


@pytest.mark.parametrize(
    ("number", "kind", "plan_type", "heading"),
    [
        ("Số: 215/ĐA-SCT", "ĐỀ ÁN", "de-an", "Đề án"),
        ("Số: 215/HD-SCT", "HƯỚNG DẪN", "huong-dan", "Hướng dẫn"),
        ("Số: 15/CT-UBND", "CHỈ THỊ", "chi-thi", "Chỉ thị"),
        ("Số: 15/TB-SCT", "THÔNG BÁO", "thong-bao", "Thông báo"),
        ("Số: 215/QĐ-SCT", "QUYẾT ĐỊNH", "quyet-dinh", "Quyết định"),
        ("Số 12-NQ/ĐU", "NGHỊ QUYẾT", "nghi-quyet", "Nghị quyết"),
    ],
)
def test_another_kind_that_assigns_work_is_imported_and_flagged(
    tmp_path: Path, number: str, kind: str, plan_type: str, heading: str
) -> None:
    outcome = _imported(tmp_path, _doc(number, kind, "Về quản lý hoạt động hóa chất năm 2026"))
    plan = outcome.plan
    assert plan is not None
    assert (plan.data["type"], plan.data["heading"]) == (plan_type, heading)
    assert plan.data["title"] == "Về quản lý hoạt động hóa chất năm 2026"
    assert any("không phải kế hoạch" in why for why in plan.doubts["type"])
    _work_found(outcome)


@pytest.mark.parametrize(
    ("title", "number", "heading", "plan_type"),
    [
        ("QUẢN LÝ HOẠT ĐỘNG HÓA CHẤT NĂM 2026", "Số: 215/KH-SCT", "Kế hoạch", None),
        ("Triển khai quản lý hoạt động hóa chất năm 2026", "Số: 215/CTr-SCT", "Chương trình", "chuong-trinh"),
        ("Triển khai quản lý hoạt động hóa chất năm 2026", "Số: 215/SCT-CN", "Công văn", "cong-van"),
    ],
)
def test_a_document_without_a_type_line_is_read_from_its_number(
    tmp_path: Path, title: str, number: str, heading: str, plan_type: str | None
) -> None:
    """No 'KẾ HOẠCH' line under the number and date: the title follows the header block, the type
    comes from the number's type code, and both are flagged."""
    outcome = _imported(tmp_path, _doc(number, "", title))
    plan = outcome.plan
    assert plan is not None
    assert plan.data.get("type") == plan_type
    assert plan.data["title"].casefold() == title.casefold()
    assert plan.data["issuer"] == "lao-cai-so-cong-thuong"
    assert any("không tìm thấy dòng tên loại" in why and heading in why for why in plan.doubts["type"])
    _work_found(outcome)


@pytest.mark.parametrize("number", ["", "Số:", "Số: KH-SCT-2026"], ids=["none", "label-only", "unreadable"])
def test_a_missing_or_unreadable_number_is_left_blank_and_flagged(tmp_path: Path, number: str) -> None:
    outcome = _imported(tmp_path, _doc(number, "KẾ HOẠCH", "Quản lý hoạt động hóa chất năm 2026"))
    plan = outcome.plan
    assert plan is not None
    assert plan.data["number"] == "/KH-SCT"  # serial blank, type from the type line, issuer's initials
    assert any("ghi tạm số để trống" in why for why in plan.doubts["number"])
    _work_found(outcome)


def test_a_report_without_its_number_is_drafted(tmp_path: Path) -> None:
    text = _doc("", "BÁO CÁO", "Kết quả quản lý hoạt động hóa chất năm 2025")
    outcome = _imported(tmp_path, text)
    assert outcome.report is not None
    assert outcome.report.data["number"] == "/BC-SCT"
    assert any("ghi tạm số để trống" in why for why in outcome.report.doubts["number"])


@pytest.mark.parametrize(
    ("kind", "body"),
    [("KẾ HOẠCH", _UNNUMBERED), ("CHƯƠNG TRÌNH HÀNH ĐỘNG", _TABLE_ONLY), ("", _TABLE_ONLY), ("ĐỀ ÁN", _UNNUMBERED)],
    ids=["plan-no-sections", "programme-table-only", "no-type-line-table-only", "project-no-sections"],
)
def test_work_laid_out_without_numbered_sections(tmp_path: Path, kind: str, body: str) -> None:
    outcome = _imported(tmp_path, _doc("Số: 215/KH-SCT", kind, "Quản lý hoạt động hóa chất năm 2026", body))
    _work_found(outcome)


def test_a_header_copied_line_by_line_with_rules_under_each_block_is_read(tmp_path: Path) -> None:
    """A web copy prints the header's two columns one under the other, each block closed by a rule
    line ('--------'); a rule is not a heading numbered by an empty Roman numeral, so the number and
    date below it still end the header of a document without a type line."""
    header = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\n--------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
        "Số: 215/SCT-QLCN\nVề quản lý hoạt động hóa chất năm 2026\n"
        "Lào Cai, ngày 05 tháng 6 năm 2026\n"
        "Kính gửi: Các sở, ban, ngành tỉnh\n"
    )
    outcome = _imported(tmp_path, header + _UNNUMBERED + _TAIL)
    plan = outcome.plan
    assert plan is not None
    assert plan.data["number"] == "215/SCT-QLCN"
    assert plan.data["issuer"] == "lao-cai-so-cong-thuong"
    _work_found(outcome)


def test_a_document_whose_copy_lost_its_header_block_is_drafted_with_its_issuer_flagged(tmp_path: Path) -> None:
    """A copy that starts at the type line (no issuing body, number or date above it) is drafted, not
    stopped by an internal error: the issuer is left absent (no stand-in unit) and flagged for the clerk to name."""
    text = "NGHỊ QUYẾT\n\nVỀ QUẢN LÝ HOẠT ĐỘNG HÓA CHẤT NĂM 2026\n\n" + _UNNUMBERED + _TAIL
    outcome = _imported(tmp_path, text)
    plan = outcome.plan
    assert plan is not None
    assert plan.data["issuer"] is None
    assert plan.data["issuer"] not in {unit.id for unit in outcome.units}
    assert plan.doubts["issuer"]
    assert plan.doubts["number"] and plan.doubts["date"]
    _work_found(outcome)


@pytest.mark.parametrize(
    ("body", "heading", "plan_type"),
    [
        (_NUMBERED, "kế hoạch", None),
        (
            "Kính gửi:\n- Sở Tài chính;\n- Sở Y tế;\n- Ủy ban nhân dân các xã, phường.\n\n" + _UNNUMBERED,
            "công văn",
            "cong-van",
        ),
    ],
    ids=["body-only", "letter-body-only"],
)
def test_a_document_with_no_header_at_all_is_read_from_the_top_and_flagged(
    tmp_path: Path, body: str, heading: str, plan_type: str | None
) -> None:
    """An excerpt or a web copy that kept only the body: no issuer, number, date or type line. The
    work is drafted, and everything the header would have given is flagged for the clerk; a
    letter's recipients are not work."""
    outcome = _imported(tmp_path, body)
    plan = outcome.plan
    assert plan is not None
    assert plan.data.get("type") == plan_type
    assert any("không tìm thấy" in why and heading in why for why in plan.doubts["type"])
    assert plan.doubts["number"] and plan.doubts["date"]
    _work_found(outcome)
    texts = " ".join(t.data["text"] for t in outcome.tasks)
    assert "Kính gửi" not in texts and "Ủy ban nhân dân các xã, phường." not in texts
