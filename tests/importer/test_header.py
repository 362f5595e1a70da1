"""The header block of a plan: two columns laid out with spaces, the same run
together on one line, and dates that do not exist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.importer import header, source
from kehoach.text import fold


def _header(tmp_path: Path, text: str) -> header.Header:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return header.parse(source.read(path))


TWO_COLUMNS = """\
      ĐẢNG BỘ TỈNH ĐẮK NÔNG                        ĐẢNG CỘNG SẢN VIỆT NAM
        HUYỆN ỦY CƯ JÚT
              *                           Cư Jút, ngày 05 tháng 01 năm 2024
        Số: 15 - KH/HU

                                  KẾ HOẠCH
          thực hiện Chỉ thị số 16/CT-TTg về công tác dân vận chính quyền
                                  năm 2024
                                   -----
Thực hiện Nghị định số 04/2015/NĐ-CP ...
"""

RUN_TOGETHER = """\
TỈNH ỦY BÌNH THUẬN ĐẢNG CỘNG SẢN VIỆT NAM
BAN DÂN VẬN Bình Thuận, ngày 08 tháng 02 năm 2021
* Số 12-KH/BDVTU
KẾ HOẠCH HÀNH ĐỘNG
thực hiện công tác dân vận năm 2021
I. NHIỆM VỤ
"""


def test_two_columns(tmp_path: Path) -> None:
    found = _header(tmp_path, TWO_COLUMNS)
    assert found.organisations == ["ĐẢNG BỘ TỈNH ĐẮK NÔNG", "HUYỆN ỦY CƯ JÚT"]
    assert (found.province, found.locality, found.issuer_name) == ("Đắk Nông", "Cư Jút", "Huyện ủy Cư Jút")
    assert (found.number, found.place, found.date) == ("15-KH/HU", "Cư Jút", dt.date(2024, 1, 5))
    assert "15 - KH/HU" in found.doubts["number"]
    assert found.title == "thực hiện Chỉ thị số 16/CT-TTg về công tác dân vận chính quyền năm 2024"


def test_columns_run_together(tmp_path: Path) -> None:
    found = _header(tmp_path, RUN_TOGETHER)
    assert found.organisations == ["TỈNH ỦY BÌNH THUẬN", "BAN DÂN VẬN"]
    assert (found.number, found.place, found.date) == ("12-KH/BDVTU", "Bình Thuận", dt.date(2021, 2, 8))
    assert found.heading == "Kế hoạch hành động"
    assert found.title == "thực hiện công tác dân vận năm 2021"


def test_a_date_that_does_not_exist(tmp_path: Path) -> None:
    found = _header(tmp_path, RUN_TOGETHER.replace("08 tháng 02", "30 tháng 02"))
    assert found.date is None
    assert "không có trong lịch" in found.doubts["date"]


@pytest.mark.parametrize(
    ("kind", "heading"),
    [("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động"), ("CHƯƠNG TRÌNH CÔNG TÁC", "Chương trình công tác")],
)
def test_programmes_are_read_like_plans(tmp_path: Path, kind: str, heading: str) -> None:
    found = _header(tmp_path, RUN_TOGETHER.replace("KẾ HOẠCH HÀNH ĐỘNG", kind))
    assert found.heading == heading
    assert found.title == "thực hiện công tác dân vận năm 2021"


@pytest.mark.parametrize(
    ("kind", "heading"), [("NGHỊ QUYẾT", "Nghị quyết"), ("CHỈ THỊ", "Chỉ thị"), ("ĐỀ ÁN", "Đề án")]
)
def test_other_kinds_of_document_are_read_and_flagged(tmp_path: Path, kind: str, heading: str) -> None:
    """Another kind of document that may assign work is not refused: its type line is read, and flagged."""
    found = _header(tmp_path, RUN_TOGETHER.replace("KẾ HOẠCH HÀNH ĐỘNG", kind))
    assert found.heading == heading
    assert found.title == "thực hiện công tác dân vận năm 2021"
    assert "không phải kế hoạch" in found.doubts["type"]


@pytest.mark.parametrize(
    ("kind", "heading"),
    [("BÁO CÁO", "Báo cáo"), ("BÁO CÁO SƠ KẾT", "Báo cáo sơ kết"), ("BÁO CÁO TỔNG KẾT", "Báo cáo tổng kết")],
)
def test_reports_are_read_for_the_report_import(tmp_path: Path, kind: str, heading: str) -> None:
    found = _header(tmp_path, RUN_TOGETHER.replace("KẾ HOẠCH HÀNH ĐỘNG", kind))
    assert found.heading == heading
    assert found.title == "thực hiện công tác dân vận năm 2021"


@pytest.mark.parametrize(
    ("line", "heading"),
    [("BÁO CÁO KẾT QUẢ THỰC HIỆN", "Báo cáo"), ("BÁO CÁO SƠ KẾT KẾT QUẢ THỰC HIỆN", "Báo cáo sơ kết")],
)
def test_a_report_type_line_that_opens_its_title(tmp_path: Path, line: str, heading: str) -> None:
    """'BÁO CÁO KẾT QUẢ THỰC HIỆN / CÔNG TÁC DÂN VẬN NĂM 2021': the type line is 'Báo cáo' (and its kind),
    the words after it open the title."""
    text = RUN_TOGETHER.replace("KẾ HOẠCH HÀNH ĐỘNG\nthực hiện công tác", f"{line}\nCÔNG TÁC")
    text = text.replace("dân vận năm 2021", "DÂN VẬN NĂM 2021")
    found = _header(tmp_path, text)
    assert found.heading == heading
    assert found.title == "Kết quả thực hiện công tác dân vận năm 2021"
    assert "title" in found.doubts  # written in capitals: put in reading case, said so


@pytest.mark.parametrize("kind", ["BÁO CÁO", "BÁO CÁO TỔNG KẾT", "KẾ HOẠCH"])
def test_a_type_line_run_into_a_capitalised_title(tmp_path: Path, kind: str) -> None:
    """One Word paragraph 'BÁO CÁO Kết quả ...': the type line, then the title as written."""
    text = RUN_TOGETHER.replace("KẾ HOẠCH HÀNH ĐỘNG\nthực hiện", f"{kind} Kết quả thực hiện")
    found = _header(tmp_path, text)
    assert found.heading == header.reading_case(kind)
    assert found.title == "Kết quả thực hiện công tác dân vận năm 2021"


STATE = """\
ỦY BAN MTTQ VIỆT NAM        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ LƯƠNG MINH                  Độc lập - Tự do - Hạnh phúc
BAN THƯỜNG TRỰC

Số:    /KH-MTTQ-BTT            Lương Minh, ngày 25 tháng 11 năm 2025

KẾ HOẠCH
Tổ chức các hội nghị hiệp thương năm 2025
"""


@pytest.mark.parametrize("motto", ["CỘNG HÒA", "CỘNG HOÀ", "CỘNG  HÒA"])
def test_the_national_motto_is_never_part_of_the_issuer(tmp_path: Path, motto: str) -> None:
    found = _header(tmp_path, STATE.replace("CỘNG HÒA", motto))
    assert found.organisations == ["ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"]
    assert (found.place, found.date) == ("Lương Minh", dt.date(2025, 11, 25))


def test_a_number_left_blank_for_the_hand_is_read_as_written(tmp_path: Path) -> None:
    found = _header(tmp_path, STATE)
    assert found.number_text == "/KH-MTTQ-BTT"
    assert found.number == "/KH-MTTQ-BTT"  # a number not yet given, not a malformed one
    assert "number" not in found.doubts


def test_a_date_left_blank_keeps_its_place_and_year_and_a_title_may_open_with_trien_khai(tmp_path: Path) -> None:
    text = STATE.replace("Lương Minh, ngày 25 tháng 11 năm 2025", "Lương Minh, ngày       tháng      năm 2025")
    text = text.replace("Tổ chức các hội nghị hiệp thương năm 2025", "Triển khai các hội nghị hiệp thương năm 2025")
    found = _header(tmp_path, text)
    assert (found.place, found.date, found.blank_year) == ("Lương Minh", None, 2025)
    assert "để trống ngày" in found.doubts["date"]
    assert found.title == "Triển khai các hội nghị hiệp thương năm 2025"


def test_a_motto_wrapped_over_two_lines_of_its_column_is_not_part_of_the_issuer(tmp_path: Path) -> None:
    found = _header(
        tmp_path,
        "   ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
        "     TỈNH LÀO CAI                         VIỆT NAM\n"
        "                                  Độc lập - Tự do -\n"
        "                                       Hạnh phúc\n"
        "   Số: 12/KH-UBND             Lào Cai, ngày 10 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nthực hiện công tác dân vận năm 2026\n-----\nI. NHIỆM VỤ\n",
    )
    assert found.organisations == ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"]  # no 'VIỆT NAM', no 'Hạnh phúc'
    assert found.province == "Lào Cai"


_COMMUNE_BOARD = """\
ỦY BAN MTTQ VIỆT NAM              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ LƯƠNG MINH                        Độc lập - Tự do - Hạnh phúc
BAN THƯỜNG TRỰC
Số: 12/KH-MTTQ-BTT                   Lương Minh, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Tổ chức hội nghị hiệp thương
"""

_TEAM = """\
   SỞ CÔNG THƯƠNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    ĐOÀN KIỂM TRA                         Độc lập - Tự do - Hạnh Phúc
  THEO QUYẾT ĐỊNH
   SỐ 1050/QĐ-SCT                      Lào Cai, ngày 10 tháng 3 năm 2026

     Số: 1105/KH-ĐKT

                               KẾ HOẠCH
Kiểm tra việc sử dụng vật liệu nổ công nghiệp
"""

_SUBCOMMITTEE = """\
ỦY BAN BẦU CỬ XÃ PHỐ BẢNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN,          Độc lập - Tự do - Hạnh phúc
KHÁNH TIẾT
Số: 01/KH-TBTTKT                      Phố Bảng, ngày 08 tháng 12 năm 2025

KẾ HOẠCH
Thông tin, tuyên truyền về bầu cử
"""


@pytest.mark.parametrize(
    ("text", "organisations", "issuer"),
    [
        (_COMMUNE_BOARD, ["ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"], "Ban Thường trực"),
        (_TEAM, ["SỞ CÔNG THƯƠNG", "ĐOÀN KIỂM TRA"], "Đoàn kiểm tra"),
        (
            _SUBCOMMITTEE,
            ["ỦY BAN BẦU CỬ XÃ PHỐ BẢNG", "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT"],
            "Tiểu ban thông tin, tuyên truyền, khánh tiết",
        ),
    ],
)
def test_a_team_or_subcommittee_under_its_body(
    tmp_path: Path, text: str, organisations: list[str], issuer: str
) -> None:
    """A team or a subcommittee is a body of its own under its office, a line of its own (a standing
    board too); the decision that set a team up ('THEO QUYẾT ĐỊNH SỐ ...') is not part of its name."""
    found = _header(tmp_path, text)
    assert found.organisations == organisations
    assert found.issuer_name == issuer


# A header table converted one cell per line, the cells parted by lines holding only '|', each
# cell wrapped narrow: 'Số:' on one line, its number on the next.
NUMBER_BELOW = """\
|
UỶ BAN NHÂN
DÂN
TỈNH LAI CHÂU
--------
|
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
|
Số:
{number}
|
Lai Châu, ngày
19 tháng 11 năm 2025
|

KẾ HOẠCH

TRIỂN KHAI THI HÀNH LUẬT TIÊU CHUẨN VÀ QUY CHUẨN KỸ THUẬT

I. MỤC ĐÍCH, YÊU CẦU
"""


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("7360/KH-UBND", "7360/KH-UBND"), ("54-KH/BDVTU", "54-KH/BDVTU"), ("12 /KH-SCT", "12/KH-SCT")],
)
def test_a_number_on_the_line_under_so_is_that_number_in_text_and_in_word(
    tmp_path: Path, written: str, canonical: str
) -> None:
    """The number is read, not refused as 'Số:' with nothing after it, from the text and from a Word
    file writing each of those lines as its own paragraph."""
    from docx import Document as WordDocument

    text = NUMBER_BELOW.format(number=written)
    word = WordDocument()
    for line in text.splitlines():
        word.add_paragraph(line)
    word.save(tmp_path / "ke-hoach.docx")
    for found in (_header(tmp_path, text), header.parse(source.read(tmp_path / "ke-hoach.docx"))):
        assert found.number == canonical


def test_so_over_a_line_that_is_no_number_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text("Số:\nLai Châu, ngày 19 tháng 11 năm 2025\nSố:\n2026\n", encoding="utf-8")
    assert [line.text for line in source.read(path).lines] == [
        "Số:",
        "Lai Châu, ngày 19 tháng 11 năm 2025",
        "Số:",
        "2026",
    ]


def test_a_centrally_run_city_is_the_province_of_its_header(tmp_path: Path) -> None:
    """'ỦY BAN NHÂN DÂN / THÀNH PHỐ ĐÀ NẴNG' names the province (a city run from the centre), and a
    place cut by a narrow cell ('Thành phố Đà' / 'Nẵng, ngày ...') is one place."""
    found = _header(
        tmp_path,
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 31/KH-UBND\nThành phố Đà\nNẵng, ngày 02 tháng 4 năm 2026\n\n"
        "KẾ HOẠCH\nphòng, chống thiên tai năm 2026\n-----\nI. NHIỆM VỤ\n",
    )
    assert (found.province, found.province_guessed, found.province_city) == ("Đà Nẵng", False, True)
    assert (found.place, found.date) == ("Thành phố Đà Nẵng", dt.date(2026, 4, 2))


@pytest.mark.parametrize(
    ("lines", "province", "locality"),
    [
        (["HỘI ĐỒNG NHÂN DÂN", "TỈNH QUẢNG TRỊ"], "Quảng Trị", None),
        (["HĐND THÀNH PHỐ CẦN THƠ"], "Cần Thơ", None),
        # a city's committee under the province's party organisation: the province is the outer line's
        (["ĐẢNG BỘ TỈNH NGHỆ AN", "THÀNH ỦY VINH"], "Nghệ An", "Vinh"),
    ],
)
def test_the_province_is_read_from_the_outermost_line_that_names_it(
    tmp_path: Path, lines: list[str], province: str, locality: str | None
) -> None:
    found = _header(
        tmp_path,
        "\n".join(lines) + "\nSố: 7-KH/TU\nHà Tĩnh, ngày 02 tháng 4 năm 2026\n\n"
        "KẾ HOẠCH\nphòng, chống thiên tai năm 2026\n-----\nI. NHIỆM VỤ\n",
    )
    assert (found.province, found.locality, found.province_guessed) == (province, locality, False)


_DECIDED = """\
{block}QUYẾT ĐỊNH
Về việc thành lập Tổ công tác kiểm tra an toàn thực phẩm
năm 2026
{authority}
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Xét đề nghị của Sở Y tế.
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác.
"""
_BLOCK = """\
ỦY BAN NHÂN DÂN                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÀO CAI                                     Độc lập - Tự do - Hạnh phúc
Số: 15/QĐ-UBND                              Lào Cai, ngày 05 tháng 01 năm 2026
"""


@pytest.mark.parametrize(
    "authority",
    ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", "CHỦ TỊCH UBND TỈNH"],
)
def test_who_decides_printed_above_the_grounds_is_not_part_of_the_title(tmp_path: Path, authority: str) -> None:
    found = _header(tmp_path, _DECIDED.format(block=_BLOCK, authority=authority))
    assert found.title == "Về việc thành lập Tổ công tác kiểm tra an toàn thực phẩm năm 2026"
    assert (fold(found.issuer_name or ""), found.number) == ("uy ban nhan dan tinh lao cai", "15/QĐ-UBND")


def test_who_decides_is_the_issuer_of_a_copy_that_lost_its_header_block(tmp_path: Path) -> None:
    found = _header(tmp_path, _DECIDED.format(block="", authority="CHỦ TỊCH\nỦY BAN NHÂN DÂN TỈNH LÀO CAI"))
    assert found.title == "Về việc thành lập Tổ công tác kiểm tra an toàn thực phẩm năm 2026"
    assert (fold(found.issuer_name or ""), found.province) == ("uy ban nhan dan tinh lao cai", "Lào Cai")


def test_a_motto_and_a_date_cut_after_any_word_by_a_narrow_cell(tmp_path: Path) -> None:
    """A web page's header: each cell's words wrapped anywhere, the motto's first word alone on its line."""
    found = _header(
        tmp_path,
        "|\nSỞ\nTƯ PHÁP\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\n|\n|\nSố: 15/KH-STP\n|\nSơn La, ngày 09\ntháng 3 năm 2026\n|\n"
        "KẾ HOẠCH\nTuyên truyền pháp luật năm 2026\n",
    )
    assert found.organisations == ["SỞ TƯ PHÁP"]
    assert (found.place, found.date) == ("Sơn La", dt.date(2026, 3, 9))


@pytest.mark.parametrize("place", ["XÃ TÂN HÒA", "XÃ CỘNG HÒA"])
def test_a_commune_named_hoa_keeps_its_name(tmp_path: Path, place: str) -> None:
    found = _header(tmp_path, STATE.replace("XÃ LƯƠNG MINH", place))
    assert found.organisations[0] == f"ỦY BAN MTTQ VIỆT NAM {place}"


def test_dates_are_found_as_the_plain_pattern_finds_them() -> None:
    """The header's date patterns look only near 'ngày ... năm ....' (a long line with no comma made
    the plain search cost seconds); over generated header text they find what the plain pattern
    finds, to the character and group."""
    import random
    import re

    place = r"(?P<place>[^,]{0,60}?)\s*,?\s*"
    plain = {
        header._DATE: re.compile(place + header._DATE.tail.pattern, re.IGNORECASE),
        header._BLANK_DATE: re.compile(place + header._BLANK_DATE.tail.pattern, re.IGNORECASE),
    }
    words = ["Lào Cai", ",", "ngày", "Ngày", "tháng", "năm", "2026", "12", "3", "  ", "x" * 50, "TỈNH ỦY", "Số: 05"]
    rnd = random.Random(7)
    for _ in range(20000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 20)))
        for near, pattern in plain.items():
            found, expected = near.search(text), pattern.search(text)
            assert (found and (found.span(), found.groupdict())) == (
                expected and (expected.span(), expected.groupdict())
            )


_UNDER_A_COMMITTEE = """\
{parent}                          ĐẢNG CỘNG SẢN VIỆT NAM
{body}
          *                     {place}, ngày 03 tháng 3 năm 2026
Số 11-KL/{code}

KẾT LUẬN
về công tác văn phòng năm 2026
"""


@pytest.mark.parametrize(
    ("parent", "body", "place", "code", "issuer", "province"),
    [
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", "Hà Nội", "VPTW", "Văn phòng Trung ương Đảng", None),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN KINH TẾ", "Hà Nội", "BKTTW", "Ban Kinh tế Trung ương", None),
        ("TỈNH UỶ QUẢNG TRỊ", "VĂN PHÒNG", "Đông Hà", "VPTU", "Văn phòng Tỉnh ủy", "Quảng Trị"),
    ],
)
def test_a_board_written_under_its_party_committee(
    tmp_path: Path, parent: str, body: str, place: str, code: str, issuer: str, province: str | None
) -> None:
    """The upper line is the committee, the lower only the kind of its board or office: the issuer is that
    committee's board; a body of the Central Committee is no body of the province its place is in."""
    found = _header(tmp_path, _UNDER_A_COMMITTEE.format(parent=parent, body=body, place=place, code=code))
    assert found.organisations == [parent, body]
    assert (found.issuer_name, found.province) == (issuer, province)


def test_the_partys_name_wrapped_in_a_narrow_column_is_not_the_issuers(tmp_path: Path) -> None:
    """'ĐẢNG CỘNG' / 'SẢN VIỆT NAM': the party's name over two lines of its column, after a board's lines,
    is the motto, never the end of the issuer's name ('Văn phòng Đảng cộng sản Việt Nam')."""
    found = _header(
        tmp_path,
        "BAN CHẤP HÀNH\nTRUNG ƯƠNG\nBAN KINH TẾ\n\nĐẢNG CỘNG\nSẢN VIỆT NAM\n---------------\n"
        "Số 51-KH/BKTTW\nHà Nội, ngày 03 tháng 3 năm 2026\n\nKẾ HOẠCH\nkhảo sát năm 2026\n-----\nI. NHIỆM VỤ\n",
    )
    assert found.organisations == ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN KINH TẾ"]
    assert found.issuer_name == "Ban Kinh tế Trung ương"
