"""A document reads alike from its text and from a Word file holding the same page: small
documents built here in both forms, one layout each."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

from kehoach.importer import source

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def test_a_tab_inside_a_cell_of_a_row_written_with_bars_is_no_cell(tmp_path: Path) -> None:
    """A row written with ' | ' keeps a tab typed inside one of its cells in that cell, as the Word
    table it was taken from does."""
    text = tmp_path / "bao-cao.txt"
    text.write_text("Nơi nhận: - Sở Tài chính; - UBND các xã;\t- Lưu: VT. |  | TM. ỦY BAN NHÂN DÂN\n", encoding="utf-8")
    word = WordDocument()
    row = word.add_table(rows=1, cols=3).rows[0].cells
    row[0].text = "Nơi nhận: - Sở Tài chính; - UBND các xã;\t- Lưu: VT."
    row[2].text = "TM. ỦY BAN NHÂN DÂN"
    word.save(str(tmp_path / "bao-cao.docx"))
    read = [
        [[" ".join(cell.split()) for cell in line.columns] for line in source.read(path).lines]
        for path in (text, tmp_path / "bao-cao.docx")
    ]
    assert read[0] == read[1] == [["Nơi nhận: - Sở Tài chính; - UBND các xã; - Lưu: VT.", "TM. ỦY BAN NHÂN DÂN"]]


def _maker():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docx", CORPUS / "make_docx.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_a_sentence_the_text_path_joins_over_a_blank_line_is_one_word_paragraph() -> None:
    """Text taken from a PDF may leave a blank line inside a sentence ('... Điều 8 và' / '' /
    'Khoản 1 Điều 22 ...'); the text path reads one paragraph, and a Word form of the page holds
    one paragraph too, not two (the second would read as a new item)."""
    text = "\n".join(
        [
            "      Tổ chức, cá nhân hoạt động khoáng sản thực hiện bảo vệ tài nguyên địa chất chưa",
            "khai thác, sử dụng và khoáng sản chưa khai thác theo quy định tại Điều 7 Luật Địa",
            "chất và khoáng sản; báo cáo kịp thời cho cơ quan quản lý nhà nước có thẩm quyền",
            "khi phát hiện khoáng sản mới trong quá trình khai thác theo giấy phép được cấp.",
            "      Thực hiện đầy đủ nghĩa vụ tài chính theo quy định: tiền cấp quyền khai thác",
            "khoáng sản; ký quỹ cải tạo, phục hồi môi trường; tiền thuê đất; thuế tài nguyên",
            "và các khoản phí bảo vệ môi trường đối với khai thác khoáng sản theo quy định của",
            "pháp luật hiện hành; lập hồ sơ pháp lý về bảo vệ môi trường trình cơ quan có thẩm",
            "quyền phê duyệt, xác nhận theo quy định pháp luật về bảo vệ môi trường hiện hành.",
            "      1. Hồ sơ đăng ký ngày bắt đầu khai thác được quy định tại Khoản 2 Điều 8 và",
            "",
            "Khoản 1 Điều 22 Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025.",
            "",
            "      2. Báo cáo kết quả khai thác hằng năm trước ngày 15 tháng 01 năm sau.",
        ]
    )
    paragraphs = [value for kind, value in _maker().blocks(text, "txt") if kind == "para"]
    assert paragraphs[-2:] == [
        "1. Hồ sơ đăng ký ngày bắt đầu khai thác được quy định tại Khoản 2 Điều 8 và Khoản 1 Điều 22 "
        "Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025.",
        "2. Báo cáo kết quả khai thác hằng năm trước ngày 15 tháng 01 năm sau.",
    ]


CELLS = ["TT", "Chỉ tiêu", "ĐVT", "Năm 2026", "1", "Cà phê", "Ha", "26.120", "2", "Chè", "Ha", "6.132"]


def test_a_tables_cells_one_a_paragraph_keep_their_row_numbers(tmp_path: Path) -> None:
    """A table written one cell a paragraph (as text taken from a web page writes it between lone
    '|' lines) keeps its rows' numbers in Word as in text; they are cells, not page numbers."""
    text = tmp_path / "phu-luc.txt"
    text.write_text("\n".join(["PHỤ LỤC", "", "|", *(f"{cell}\n|" for cell in CELLS)]) + "\n", encoding="utf-8")
    word = WordDocument()
    for paragraph in ["PHỤ LỤC", *CELLS]:
        word.add_paragraph(paragraph)
    word.save(str(tmp_path / "phu-luc.docx"))
    read = [
        [line.text.strip() for line in source.read(path).lines if line.text.strip() not in ("", "|")]
        for path in (text, tmp_path / "phu-luc.docx")
    ]
    assert read[0] == read[1] == ["PHỤ LỤC", *CELLS]


def test_a_page_number_among_printed_lines_is_still_left_out(tmp_path: Path) -> None:
    """A page number a conversion from PDF leaves between printed lines of the page's width is
    no cell: it is left out, as in text."""
    lines = [
        "Các sở, ban, ngành, địa phương tổ chức triển khai thực hiện nghiêm túc các nội dung",
        "của Kế hoạch này; định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ để tổng",
        "2",
        "hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định trước ngày 15 của tháng cuối quý.",
    ]
    word = WordDocument()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(tmp_path / "ke-hoach.docx"))
    assert "2" not in [line.text.strip() for line in source.read(tmp_path / "ke-hoach.docx").lines]


def test_printed_lines_never_end_on_a_word_written_with_a_hyphen_before_a_space() -> None:
    """'Nghị quyết số 57- NQ/TW' printed with 'số 57-' at a line's end would read as a word broken
    at its hyphen ('57-NQ/TW'); the form of printed lines carries the word down instead."""
    text = "Thực hiện hiệu quả Nghị quyết số 57- NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, " * 3
    for k in range(40, 90):
        printed = _maker().wrap(("x" * k) + " " + text)
        assert " ".join(printed) == ("x" * k) + " " + text.strip()
        assert not any(line.endswith("57-") for line in printed)


def test_printed_lines_are_rejoined_though_most_paragraphs_are_a_tables_cells(tmp_path: Path) -> None:
    """A Word file of one paragraph per printed line whose appendix is a table written one cell a
    paragraph: the cells are not printed at the page's width, and the lines of the text are still
    read as wrapped and joined into their paragraphs."""
    printed = [
        "1. Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan xây dựng kế hoạch của",
        "Ủy ban nhân dân tỉnh về xúc tiến thương mại cho các sản phẩm nông sản chủ lực của tỉnh",
        "Sơn La tham gia xuất khẩu, hoàn thành trong quý II năm 2026.",
        "2. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn các hợp tác xã cấp mã số vùng trồng",
        "Sơn La, truy xuất nguồn gốc cho các sản phẩm chủ lực, thực hiện thường xuyên hằng năm.",
        "3. Ủy ban nhân dân các xã, phường phối hợp tuyên truyền, vận động nông dân và Hội Nông",
        "Dân tham gia liên kết sản xuất theo chuỗi giá trị gắn với tiêu thụ sản phẩm hằng năm.",
        "4. Sở Tài chính chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách",
        "Nhà nước và các nguồn vốn hợp pháp khác theo phân cấp, thực hiện hằng năm đúng hạn.",
        "5. Sở Khoa học và Công nghệ chủ trì hỗ trợ đăng ký bảo hộ nhãn hiệu, chỉ dẫn địa lý cho",
        "Sản phẩm chủ lực của tỉnh tại các thị trường xuất khẩu trọng điểm trong năm 2026.",
    ]
    cells = ["TT", "Sản phẩm", "Năm 2026", "Năm 2027"]
    for row in range(1, 12):
        cells += [str(row), f"Nông sản {row}", f"{row * 1000}.500", f"{row * 1100}.000"]
    word = WordDocument()
    for line in [*printed, "PHỤ LỤC", *cells]:
        word.add_paragraph(line)
    word.save(str(tmp_path / "ke-hoach.docx"))
    doc = source.read(tmp_path / "ke-hoach.docx")
    texts = [p.text for p in source.paragraphs(doc, doc.lines)]
    assert texts[:5] == [
        " ".join(line.strip() for line in printed[start:end])
        for start, end in ((0, 3), (3, 5), (5, 7), (7, 9), (9, 11))
    ]


def test_an_appendix_title_of_four_printed_lines_in_one_word_paragraph(tmp_path: Path) -> None:
    """'PHỤ LỤC' over a title in capitals that prints over four lines: the text reads the lines as
    the appendix's title, and so does Word, where they are one paragraph."""
    title = (
        "DANH MỤC CÁC ĐỀ ÁN, NHIỆM VỤ ƯU TIÊN TRIỂN KHAI PHONG TRÀO TOÀN DÂN THAM GIA BẢO VỆ MÔI "
        "TRƯỜNG; GIẢM THIỂU PHÁT SINH, PHÂN LOẠI, THU GOM, XỬ LÝ RÁC THẢI SINH HOẠT TRÊN ĐỊA BÀN "
        "CÁC XÃ, PHƯỜNG TRONG GIAI ĐOẠN 2026 - 2030"
    )
    word = WordDocument()
    for paragraph in ["PHỤ LỤC", title, "Đề án phân loại rác thải tại nguồn ở khu dân cư."]:
        word.add_paragraph(paragraph)
    word.save(str(tmp_path / "phu-luc.docx"))
    doc = source.read(tmp_path / "phu-luc.docx")
    first = source.paragraphs(doc, doc.lines)[0]
    assert len(title) > 200 and (first.table, first.text) == ("appendix", title)
