"""The header read alike from text and from Word, however its lines were printed: a letter's
subject run on after its date in one Word paragraph, recipients wrapped at a capital or with
their address in brackets under them, and a title in capitals over a body paragraph that opens
with no 'Căn cứ' or 'Thực hiện'."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

from kehoach.importer import header, source

LETTER = """\
ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH YÊN BÌNH                                   Độc lập - Tự do - Hạnh phúc
Số: 412/UBND-NC
                                     Yên Bình, ngày 03 tháng 4 năm 2026
V/v tăng cường quản lý hoạt động
giết mổ gia súc trên địa bàn tỉnh

            Kính gửi:
                 - Các Sở: Nông nghiệp và Môi trường, Y tế, Công
                 an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ban Quản lý
                 Khu kinh tế tỉnh;
                 - Hợp tác xã Chăn nuôi Đồng Tâm
                 (Địa chỉ: thôn Đồng Tâm, xã Yên Hòa)

      Thời gian qua, hoạt động giết mổ gia súc trên địa bàn tỉnh còn nhiều tồn tại.
      1. Sở Nông nghiệp và Môi trường kiểm tra các cơ sở giết mổ trong quý II/2026.
"""

# The same letter as a Word file writes it: the date and the subject in one paragraph of the
# header's cell, each recipient a paragraph, one of them broken where the page broke it.
LETTER_WORD = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH YÊN BÌNH",
    "Số: 412/UBND-NC",
    "Yên Bình, ngày 03 tháng 4 năm 2026 V/v tăng cường quản lý hoạt động giết mổ gia súc trên địa bàn tỉnh",
    "Kính gửi:",
    "- Các Sở: Nông nghiệp và Môi trường, Y tế, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ban Quản lý",
    "Khu kinh tế tỉnh;",
    "- Hợp tác xã Chăn nuôi Đồng Tâm",
    "(Địa chỉ: thôn Đồng Tâm, xã Yên Hòa)",
    "Thời gian qua, hoạt động giết mổ gia súc trên địa bàn tỉnh còn nhiều tồn tại.",
    "1. Sở Nông nghiệp và Môi trường kiểm tra các cơ sở giết mổ trong quý II/2026.",
]

PLAN = """\
ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH YÊN BÌNH                                   Độc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND                            Yên Bình, ngày 05 tháng 5 năm 2026

                                 KẾ HOẠCH
              PHÒNG, CHỐNG DỊCH BỆNH SAU MÙA MƯA LŨ
                    TRÊN ĐỊA BÀN TỈNH YÊN BÌNH

      Mưa lớn kéo dài từ ngày 20
đến ngày 25 tháng 4 năm 2026 làm ngập nhiều khu dân cư, nguy cơ dịch bệnh bùng phát
sau mưa lũ rất cao; nhiều công trình nước sạch bị hư hỏng, nhiều giếng nước bị ô
nhiễm, nhiều trạm y tế xã bị ngập nước, thiết bị hư hại, chưa thể khắc phục ngay;
nhiều hộ dân phải ở tạm tại các điểm sơ tán tập trung trong điều kiện thiếu nước sạch.
      Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

PLAN_WORD = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH YÊN BÌNH",
    "Số: 88/KH-UBND",
    "Yên Bình, ngày 05 tháng 5 năm 2026",
    "KẾ HOẠCH",
    "PHÒNG, CHỐNG DỊCH BỆNH SAU MÙA MƯA LŨ TRÊN ĐỊA BÀN TỈNH YÊN BÌNH",
    "Mưa lớn kéo dài từ ngày 20 đến ngày 25 tháng 4 năm 2026 làm ngập nhiều khu dân cư, nguy cơ dịch bệnh"
    " bùng phát sau mưa lũ rất cao; nhiều công trình nước sạch bị hư hỏng, nhiều giếng nước bị ô nhiễm, nhiều"
    " trạm y tế xã bị ngập nước, thiết bị hư hại, chưa thể khắc phục ngay; nhiều hộ dân phải ở tạm tại các"
    " điểm sơ tán tập trung trong điều kiện thiếu nước sạch.",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
]


def _both(tmp_path: Path, text: str, paragraphs: list[str]) -> list[tuple[header.Header, source.Document]]:
    plain = tmp_path / "van-ban.txt"
    plain.write_text(text, encoding="utf-8")
    word = WordDocument()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    word.save(str(tmp_path / "van-ban.docx"))
    docs = [source.read(plain), source.read(tmp_path / "van-ban.docx")]
    return [(header.parse(doc), doc) for doc in docs]


def _body(found: header.Header, doc: source.Document) -> str:
    return next(line.text.strip() for line in doc.lines[found.body_start :] if line.text.strip())


def test_a_letter_reads_alike_from_text_and_from_word(tmp_path: Path) -> None:
    for found, doc in _both(tmp_path, LETTER, LETTER_WORD):
        assert found.heading == "Công văn"
        assert found.title == "tăng cường quản lý hoạt động giết mổ gia súc trên địa bàn tỉnh"
        assert found.recipients == [
            "Các Sở: Nông nghiệp và Môi trường, Y tế, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ban Quản lý"
            " Khu kinh tế tỉnh",
            "Hợp tác xã Chăn nuôi Đồng Tâm",
        ]
        assert _body(found, doc).startswith("Thời gian qua")


def test_a_title_in_capitals_ends_at_the_bodys_first_sentence(tmp_path: Path) -> None:
    for found, doc in _both(tmp_path, PLAN, PLAN_WORD):
        assert found.title == "Phòng, chống dịch bệnh sau mùa mưa lũ trên địa bàn tỉnh yên bình"
        assert _body(found, doc).startswith("Mưa lớn kéo dài từ ngày 20")


def test_a_bracket_never_closed_under_the_title_takes_its_wrapped_line_only(tmp_path: Path) -> None:
    """'(Kèm theo Quyết định ... của Bộ trưởng Bộ Nông' / 'nghiệp và Môi trường' with no ')' in
    the text: the body starts after the wrapped line in text and in Word alike."""
    text = "\n".join(
        [
            "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 31/KH-BNNMT                          Hà Nội, ngày 10 tháng 6 năm 2026",
            "KẾ HOẠCH",
            "TRIỂN KHAI CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY RỪNG NĂM 2026",
            "(Kèm theo Quyết định số 2201/QĐ-BNNMT ngày 10 tháng 6 năm 2026 của Bộ trưởng Bộ Nông",
            "nghiệp và Môi trường",
            "Mùa khô năm 2026 được dự báo kéo dài, nguy cơ cháy rừng ở mức cao trên cả nước.",
            "I. MỤC ĐÍCH, YÊU CẦU",
        ]
    )
    paragraphs = [
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        "Số: 31/KH-BNNMT",
        "Hà Nội, ngày 10 tháng 6 năm 2026",
        *text.splitlines()[2:],
    ]
    for found, doc in _both(tmp_path, text + "\n", paragraphs):
        assert _body(found, doc).startswith("Mùa khô năm 2026")


def test_a_header_table_written_one_cell_a_line_between_bars(tmp_path: Path) -> None:
    """A web copy writes the header's table one cell a line between lone '|' lines: the bars are
    no lines of the header, so its date is found and the subject ends at a cell's end, as in Word."""
    cells = [
        ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "--------"],
        ["CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"],
        [],
        ["Số: 5160/SGDĐT-GDTX", "V/v tổ chức tập huấn cán bộ quản lý", "trung tâm học tập cộng đồng năm 2026"],
        ["Thành phố Hồ Chí Minh, ngày 02 tháng 12 năm 2025"],
    ]
    text = "\n".join(["|", *("\n".join([*cell, "|"]) for cell in cells)])
    body = ["Kính gửi: Ủy ban nhân dân phường, xã và đặc khu", "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;"]
    word = [line for cell in cells for line in cell]
    for found, _ in _both(tmp_path, "\n".join([text, *body]) + "\n", [*word, *body]):
        assert found.date is not None and (found.date.day, found.date.month) == (2, 12)
        assert found.title == "tổ chức tập huấn cán bộ quản lý trung tâm học tập cộng đồng năm 2026"


def test_a_subject_ends_where_the_place_cut_after_its_comma_begins(tmp_path: Path) -> None:
    """'Hà Nội,' alone on its line and the date on the next (a narrow cell): the letter's subject
    above them ends there, in text and in Word alike; the place and date are read whole."""
    paragraphs = [
        "VĂN PHÒNG CHÍNH PHỦ",
        "Số: 2210/VPCP-KTTH",
        "V/v",
        "đề xuất của Bộ Tài chính về chương trình tín dụng cho",
        "hợp tác xã nông nghiệp",
        "Hà Nội,",
        "ngày 14 tháng 3 năm 2026",
        "Kính gửi: Bộ Tài chính.",
        "Xét đề nghị của Bộ Tài chính, Thủ tướng Chính phủ có ý kiến như sau:",
    ]
    for found, _ in _both(tmp_path, "\n".join(paragraphs) + "\n", paragraphs):
        assert found.title == "đề xuất của Bộ Tài chính về chương trình tín dụng cho hợp tác xã nông nghiệp"
        assert found.place == "Hà Nội"
        assert str(found.date) == "2026-03-14"
