"""A plan whose number is left blank for the hand ('Số:      /KH-SCT', 'Số: ……/KH-UBND') is still
imported, and the lines that name it by that blank number ('Kèm theo Kế hoạch số    /KH-SCT ...',
'theo Kế hoạch số ......./KH-UBND') are the plan itself, never a document it cites."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build_text

TEXT = (
    "{parent}              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "{issuer}                  Độc lập - Tự do - Hạnh phúc\n"
    "Số: {blank}/KH-{code}                    Lào Cai, ngày      tháng 6 năm 2026\n\n"
    "KẾ HOẠCH\nHuấn luyện kỹ thuật an toàn năm 2026\n\n"
    "Căn cứ Quyết định số 1883/QĐ-UBND ngày 06/11/2025 của UBND tỉnh Lào Cai về ủy quyền thực hiện nhiệm vụ;\n"
    "I. NHIỆM VỤ\n"
    "1. Tổ chức huấn luyện cho người lao động theo Kế hoạch số {blank}/KH-{code} này.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các đơn vị thực hiện nghiêm túc Kế hoạch này.\n\n"
    "PHỤ LỤC\n"
    "(Kèm theo Kế hoạch số {blank}/KH-{code} ngày {blank}/6/2026 của {issuer_name})\n"
)


@pytest.mark.parametrize(
    "blank",
    ["        ", "......", "……"],
    ids=["spaces", "dots", "ellipses"],
)
@pytest.mark.parametrize(
    ("parent", "issuer", "code", "issuer_name"),
    [
        ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "SCT", "Sở Công Thương"),
        ("", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "UBND", "UBND tỉnh Lào Cai"),
    ],
    ids=["department", "province"],
)
def test_a_blank_number_is_the_plan_itself(
    tmp_path: Path, blank: str, parent: str, issuer: str, code: str, issuer_name: str
) -> None:
    text = TEXT.format(blank=blank, parent=parent or " " * 17, issuer=issuer, code=code, issuer_name=issuer_name)
    outcome = build_text(tmp_path, text)
    assert outcome.plan is not None, outcome.refused
    assert outcome.plan.data["number"] == f"/KH-{code}"
    numbers = [
        d.data.get("number") or d.data.get("number_written") or d.data.get("partial_number") for d in outcome.directives
    ]
    assert numbers == ["1883/QĐ-UBND"]


SHORT = (
    "ỦY BAN MTTQ VIỆT NAM             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "     XÃ LƯƠNG MINH                  Độc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-MTTQ-BTT                    Lương Minh, ngày 10 tháng 01 năm 2026\n\n"
    "KẾ HOẠCH\nTổ chức hội nghị cử tri\n\n"
    "Căn cứ Nghị quyết số 101/2025/UBTVQH15 của Ủy ban Thường vụ Quốc hội quy định chi tiết việc tổ chức "
    "Hội nghị cử tri; Căn cứ Nghị quyết liên tịch số 102/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN hướng dẫn quy "
    "trình hiệp thương;\n"
    "I. NHIỆM VỤ\n"
    "1. Ban Thường trực tổ chức hội nghị theo Điều 2, 3 {first} và Điều 21 {second}.\n"
    "2. Ban Thường trực gửi biên bản theo mẫu 02/HNCT của {third}.\n"
)


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        ("Nghị quyết số 101/2025/UBTVQH15", "Nghị quyết liên tịch số 102/2025/NQLT", "Nghị quyết 101"),
        ("Nghị quyết 101", "Nghị quyết liên tịch số 102/2025/NQLT", "Nghị quyết số 101"),
        ("Nghị quyết số 101/2025", "Nghị quyết liên tịch 102/2025/NQLT", "Nghị quyết 101"),
    ],
)
def test_a_document_named_short_is_the_one_cited_in_full(tmp_path: Path, first: str, second: str, third: str) -> None:
    outcome = build_text(tmp_path, SHORT.format(first=first, second=second, third=third))
    numbers = sorted(d.data.get("number") or d.data.get("partial_number") or "" for d in outcome.directives)
    assert numbers == ["", "101/2025/UBTVQH15"]
    # the joint resolution's number, outside the numbering rules as printed here, is kept as written
    assert [d.data.get("number_written") for d in outcome.directives if not d.data.get("number")] == [
        "102/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN"
    ]


OWN = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH YÊN BÁI                    Độc lập - Tự do - Hạnh phúc\n"
    "Số: 88/KH-UBND               Yên Bái, ngày 12 tháng 5 năm 2026\n\n"
    "KẾ HOẠCH\nKiểm tra an toàn đập, hồ chứa nước trên địa bàn tỉnh Yên Bái năm 2026\n\n"
    "Căn cứ Quyết định số 1883/QĐ-UBND ngày 06/11/2025 của UBND tỉnh Yên Bái về phòng, chống thiên tai;\n"
    "I. NHIỆM VỤ\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì thực hiện {mention}.\n"
    "2. Các đơn vị báo cáo kết quả thực hiện {other}.\n"
)


@pytest.mark.parametrize(
    ("mention", "other", "cited"),
    [
        # the plan named by its kind and title, shortened, without a number: itself
        ("Kế hoạch kiểm tra an toàn đập, hồ chứa nước năm 2026", "Kế hoạch này", []),
        # by its own number: itself
        ("Kế hoạch số 88/KH-UBND", "Kế hoạch kiểm tra an toàn đập, hồ chứa nước năm 2026", []),
        # another plan of the same kind, another title: cited
        ("Kế hoạch phòng, chống thiên tai năm 2026", "Kế hoạch này", ["Kế hoạch phòng, chống thiên tai năm 2026"]),
    ],
)
def test_the_plan_named_by_its_own_title_or_number_is_itself(
    tmp_path: Path, mention: str, other: str, cited: list[str]
) -> None:
    outcome = build_text(tmp_path, OWN.format(mention=mention, other=other))
    others = [d for d in outcome.directives if d.data.get("number") != "1883/QĐ-UBND"]
    assert len(others) == len(cited)
    for directive, title in zip(others, cited, strict=True):
        assert directive.data.get("title", "") in title or title.endswith(directive.data.get("title", ""))
