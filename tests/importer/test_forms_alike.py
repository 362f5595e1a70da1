"""A document reads alike from its text and from a Word file holding the same page: small
documents built here in both forms, one layout each."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

from kehoach.importer import document, source
from kehoach.index import Index

from .test_stacked_tables import ONE_UNIT
from .test_structure import FOOTER, HEADER
from .test_tables import APPENDIX, BODY

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


def test_a_number_alone_in_a_word_file_of_real_paragraphs_is_a_cell_wherever_it_stands(tmp_path: Path) -> None:
    """A table of criteria written one cell a paragraph whose cells are long sentences: the points
    ('20') and the rows' numbers ('2') stand between long cells, not in a run of short ones. In a
    Word file of real paragraphs a page's number is in the footer, so each is a cell, kept as the
    text keeps a number after a lone '|'."""
    cells = [
        "STT",
        "TIÊU CHÍ THI ĐUA",
        "ĐIỂM CHUẨN",
        "1",
        "Tỷ lệ hộ gia đình được tuyên truyền, giải thích lợi ích của việc thanh toán không dùng "
        "tiền mặt và vận động mở tài khoản để nhận chi trả trợ cấp từ ngân sách nhà nước",
        "20",
        "Cách thức chấm điểm: điều kiện để chấm điểm là có kế hoạch tuyên truyền; tổ chức tuyên "
        "truyền trực tiếp đến hộ gia đình hoặc qua hệ thống loa truyền thanh của xã, phường.",
        "2",
        "Tỷ lệ người hưởng trợ cấp mở mới tài khoản ngân hàng hoặc tự nguyện cung cấp số tài "
        "khoản để nhận tiền trợ cấp bằng phương thức không dùng tiền mặt trên địa bàn",
        "40",
    ]
    text = tmp_path / "phu-luc.txt"
    text.write_text("\n".join(["PHỤ LỤC", "", "|", *(f"{cell}\n|" for cell in cells)]) + "\n", encoding="utf-8")
    word = WordDocument()
    for paragraph in ["PHỤ LỤC", *cells]:
        word.add_paragraph(paragraph)
    word.save(str(tmp_path / "phu-luc.docx"))
    read = [
        [line.text.strip() for line in source.read(path).lines if line.text.strip() not in ("", "|")]
        for path in (text, tmp_path / "phu-luc.docx")
    ]
    assert read[0] == read[1] == ["PHỤ LỤC", *cells]


def test_a_printed_line_never_opens_with_what_reads_as_an_items_mark() -> None:
    """A paragraph printed over lines, as a conversion from PDF gives it, never has a line after
    the first that opens with what reads as an item's mark or number ('-N, NO2--N' of 'NH4+ -N',
    '12);' of 'tháng 12);') nor a last line of no letter ('2026'): the text printed where its own
    lines break did not put them there, and reading them would open an item the text does not
    have."""
    maker = _maker()
    from kehoach.importer.forms import starts_block

    texts = [
        "Thông số quan trắc gồm pH, độ mặn, độ kiềm, DO, nhiệt độ nước, độ trong, khí độc, NH4+ -N, NO2--N, "
        "PO43--P, TSS, Vibrio sp, quan trắc với tần suất 02 lần/tháng.",
        "Báo cáo định kỳ hằng năm gửi trước ngày 15 tháng 01 của năm liền kề sau năm báo cáo, kỳ báo cáo "
        "là năm (từ 01 tháng 01 đến 31 tháng 12); báo cáo đột xuất khi có yêu cầu.",
        "THÔNG SỐ, TẦN SUẤT, THỜI GIAN, SỐ LƯỢNG MẪU QUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN NĂM 2026",
    ]
    for text in texts:
        for pad in range(0, 30, 3):
            printed = maker.wrap(("x" * pad) + " " + text if pad else text)
            assert " ".join(printed) == (("x" * pad) + " " + text if pad else text)
            assert not any(starts_block(line) for line in printed[1:]), printed
            assert any(ch.isalpha() for ch in printed[-1]), printed


def test_a_word_broken_at_its_hyphen_goes_on_though_its_rest_is_in_capitals() -> None:
    """'... Thông tư số 36/2025/TT-' / 'BNNMT;': the rest of a number broken at its hyphen, in
    capitals, is no line of a header's block standing alone; the Word form joins it as the text
    path does."""
    text = "\n".join(
        [
            "      b) Sổ theo dõi hàm lượng, tỷ lệ khoáng sản có ích trong khoáng sản nguyên khai đã khai",
            "thác, số liệu được ghi chép hằng tháng vào sổ theo dõi theo quy định tại Thông tư số 36/2025/TT-",
            "BNNMT;",
            "      c) Sổ theo dõi khối lượng khoáng sản đã bán ra, vận chuyển ra khỏi khu vực khai thác.",
        ]
    )
    paragraphs = [value for kind, value in _maker().blocks(text, "txt") if kind == "para"]
    assert paragraphs[0].endswith("Thông tư số 36/2025/TT-BNNMT;")
    assert len(paragraphs) == 2


def test_a_web_pages_block_of_several_paragraphs_is_parted_where_the_text_parts_it() -> None:
    """A web page's block with no blank line between a heading and its numbered points: the Word
    form holds the paragraphs the text path reads, not one paragraph of the whole block."""
    lines = [
        "HƯỚNG DẪN ĐÁNH GIÁ",
        "1. Ủy ban nhân dân phường,",
        "xã, đặc khu quyết định thành lập đoàn kiểm tra.",
        "2. Việc đánh giá, xếp loại căn cứ vào kết quả cụ thể đạt được thông qua các",
        "minh chứng phù hợp.",
    ]
    text = "\n".join(["Mở đầu của trang.", "", *lines, ""])
    paragraphs = [value for kind, value in _maker().blocks(text, "web") if kind == "para"]
    assert paragraphs[1:] == [
        "HƯỚNG DẪN ĐÁNH GIÁ",
        "1. Ủy ban nhân dân phường, xã, đặc khu quyết định thành lập đoàn kiểm tra.",
        "2. Việc đánh giá, xếp loại căn cứ vào kết quả cụ thể đạt được thông qua các minh chứng phù hợp.",
    ]


def test_a_page_number_set_in_with_spaces_among_a_tables_printed_lines_is_left_out(tmp_path: Path) -> None:
    """A Word file of real paragraphs that keeps a table's printed lines as a conversion from PDF
    gives them (columns laid out with spaces): the page's number the page centres, set in with
    spaces, is left out, as in text."""
    word = WordDocument()
    word.add_paragraph(
        "Các sở, ban, ngành, địa phương tổ chức triển khai thực hiện nghiêm túc các nội dung của Kế hoạch "
        "này; định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
    )
    for line in [
        "   Xây dựng Kế hoạch thích ứng với biến đổi khí hậu giai      Đảng ủy UBND     Quý IV/2026",
        "   đoạn 2031 - 2040, tầm nhìn đến năm 2060                    tỉnh",
        "                                                          19",
        "   Đầu tư phát triển khu công nghiệp sinh thái                 Đảng ủy UBND     Năm 2027",
    ]:
        word.add_paragraph(line)
    word.save(str(tmp_path / "ke-hoach.docx"))
    assert "19" not in [line.text.strip() for line in source.read(tmp_path / "ke-hoach.docx").lines]


def test_a_recipient_wrapped_at_a_hyphen_keeps_its_word_whole() -> None:
    """A recipients' line the page broke inside a number at its hyphen ('Quy định số 69-' /
    'QĐ/TW, ...'): the recipient reads '69-QĐ/TW', as the paragraph a Word file holds does."""
    from kehoach.importer.lines import Line
    from kehoach.importer.structure import read_tail
    from kehoach.importer.structure.model import Body

    texts = [
        "Nơi nhận:",
        "- Các chi bộ trực thuộc (thực hiện các nội dung nêu tại Quy định số 69-",
        "QĐ/TW của Bộ Chính trị);",
        "- Lưu VPĐU.",
    ]
    body = Body()
    read_tail(body, [Line(text, number) for number, text in enumerate(texts, start=1)])
    assert body.recipients == [
        "Các chi bộ trực thuộc (thực hiện các nội dung nêu tại Quy định số 69-QĐ/TW của Bộ Chính trị);",
        "Lưu VPĐU.",
    ]


def test_a_word_paragraph_that_opens_with_a_figure_is_its_own_paragraph(tmp_path: Path) -> None:
    """'- Du lịch và dịch vụ' over '100% điểm đến du lịch ...': in a Word file of real paragraphs the
    second is a paragraph, as the blank line between them says in a web page's text; only a printed
    line has a figure wrapped to its start."""
    paragraphs = [
        "Phấn đấu đến năm 2030 các chỉ tiêu chủ yếu theo từng lĩnh vực đạt như sau, cụ thể là các chỉ "
        "tiêu về nông nghiệp, công nghiệp, du lịch và dịch vụ của tỉnh.",
        "- Du lịch và dịch vụ",
        "100% điểm đến du lịch trọng điểm ứng dụng công nghệ số (hướng dẫn số, bản đồ số, thanh toán "
        "điện tử, quảng bá trực tuyến).",
    ]
    word = WordDocument()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    word.save(str(tmp_path / "ke-hoach.docx"))
    doc = source.read(tmp_path / "ke-hoach.docx")
    assert [p.text for p in source.paragraphs(doc, doc.lines)] == paragraphs


def test_a_line_in_lower_case_under_one_word_in_capitals_goes_on_with_it() -> None:
    """A cell printed over lines ('Uỷ ban' / 'MTTQVN' / 'xã') and letter-spaced text ('S T E M' /
    't ạ i c á c c ơ s ở'): the line in lower case goes on with the word in capitals above it, as
    the text path joins them; under a title ('ĐỀ CƯƠNG BÁO CÁO' / 'phục vụ ...') it stays apart,
    as the header's reader of lines reads it."""
    maker = _maker()
    for lines, joined in (
        (["Uỷ ban", "MTTQVN", "xã"], "MTTQVN xã"),
        (["báo cáo k ế t q u ả t r i ể n k h a i", "S T E M", "t ạ i c á c c ơ s ở"], "S T E M t ạ i c á c c ơ s ở"),
    ):
        paragraphs = [value for kind, value in maker.blocks("\n".join(lines), "txt") if kind == "para"]
        assert paragraphs[-1] == joined
    title = ["ĐỀ CƯƠNG BÁO CÁO", "phục vụ làm việc của Thường trực Đảng uỷ với các tổ chức cơ sở Đảng"]
    assert [value for kind, value in maker.blocks("\n".join(title), "txt") if kind == "para"] == title


def _web_page(*rows: list[str]) -> str:
    """A web page taken as text with no blank line anywhere: the header's table, the body, then a
    task table, each table one cell per line between lone '|' lines."""
    cells = [
        "|",
        "ỦY BAN NHÂN DÂN",
        "TỈNH HÒA BÌNH",
        "|",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "|",
        "|",
        "Số: 12/KH-UBND",
        "|",
        "Hòa Bình, ngày 3 tháng 3 năm 2025",
        "|",
        "KẾ HOẠCH",
        "Triển khai công tác chuyển đổi số năm 2025",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Bảo đảm triển khai đồng bộ, hiệu quả các nhiệm vụ chuyển đổi số trên địa bàn tỉnh.",
        "II. NHIỆM VỤ",
        "1. Sở Nội vụ chủ trì rà soát thủ tục hành chính trực tuyến, hoàn thành trong quý III năm 2025.",
        "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
        "|",
    ]
    for row in (["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"], *rows):
        cells += [*(f"{cell}\n|" for cell in row), "|"]
    return "\n".join(cells[:-1]) + "\n"


def _tasks(path: Path, index: Index) -> list[tuple[str, list[str], str | None]]:
    outcome = document.build(source.read(path), index)
    return [(t.data["text"], t.data.get("lead", []), t.data.get("timeframe")) for t in outcome.tasks]


def test_a_web_page_run_on_into_its_tables_keeps_its_body_out_of_the_word_table(tmp_path: Path, index: Index) -> None:
    """A web page whose header's cells, body and task table follow one another with no blank line:
    the Word forms hold the body as paragraphs and only the task table as a Word table, as the text
    path reads them, not the whole page in one table whose header row swallowed the body."""
    text = _web_page(["1", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Nội vụ", "Quý II/2025"])
    maker = _maker()
    blocks = maker.blocks(text, "web")
    assert [value for kind, value in blocks if kind == "table"] == [
        [
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
            ["1", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Nội vụ", "Quý II/2025"],
        ]
    ]
    (tmp_path / "ke-hoach.txt").write_text(text, encoding="utf-8")
    maker.write_paragraphs(text, "web", tmp_path / "ke-hoach.docx")
    read = [_tasks(tmp_path / name, index) for name in ("ke-hoach.txt", "ke-hoach.docx")]
    assert read[0] == read[1]
    tasks = [task for task, _, _ in read[0]]
    assert tasks[0] == "Sở Nội vụ chủ trì rà soát thủ tục hành chính trực tuyến, hoàn thành trong quý III năm 2025."
    assert tasks[-1] == "Xây dựng cơ sở dữ liệu dùng chung"


def test_a_web_tables_cell_merged_over_rows_is_one_merged_word_cell(tmp_path: Path, index: Index) -> None:
    """A web page's task table writes a cell merged over two rows in the first only (the lead of
    both tasks): the Word forms merge that cell over the two rows, as Word does, and both tasks read
    the one lead, in Word as in text."""
    text = _web_page(
        ["1", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Nội vụ", "Quý II/2025"],
        ["2", "Tổ chức tập huấn cho cán bộ phụ trách chuyển đổi số của các sở, ngành", "Quý III/2025"],
    )
    maker = _maker()
    (tmp_path / "ke-hoach.txt").write_text(text, encoding="utf-8")
    maker.write_word(text, "web", tmp_path / "ke-hoach.docx")
    table = WordDocument(str(tmp_path / "ke-hoach.docx")).tables[0]
    assert [len(row._tr.tc_lst) for row in table.rows] == [4, 4, 4]
    merged = table.rows[2]._tr.tc_lst[2].tcPr.vMerge
    assert merged is not None and table.cell(2, 2).text == "Sở Nội vụ"
    read = [_tasks(tmp_path / name, index) for name in ("ke-hoach.txt", "ke-hoach.docx")]
    assert read[0] == read[1]
    assert [(task, time) for task, _, time in read[0][-2:]] == [
        ("Xây dựng cơ sở dữ liệu dùng chung", "Quý II/2025"),
        ("Tổ chức tập huấn cho cán bộ phụ trách chuyển đổi số của các sở, ngành", "Quý III/2025"),
    ]
    assert read[0][-2][1] == read[0][-1][1] != []


def test_a_table_copied_from_a_pdf_one_cell_a_line_keeps_its_lines_in_word(tmp_path: Path, index: Index) -> None:
    """A task table a PDF's text gives one cell per line with nothing between the cells: the Word
    forms hold its printed lines, a paragraph each (not joined into paragraphs of text, which would
    run its rows together), and read the rows the text reads."""
    text = HEADER + BODY + FOOTER + APPENDIX + ONE_UNIT
    maker = _maker()
    table = ONE_UNIT.splitlines()
    for printed in (False, True):
        held = [value for kind, value in maker.blocks(text, "txt", printed=printed) if kind == "lines"]
        assert held == [table]
    (tmp_path / "ke-hoach.txt").write_text(text, encoding="utf-8")
    maker.write_paragraphs(text, "txt", tmp_path / "ke-hoach.docx")
    read = [_tasks(tmp_path / name, index) for name in ("ke-hoach.txt", "ke-hoach.docx")]
    assert read[0] == read[1]
    assert (
        "Nắm tình hình an ninh nông thôn, kịp thời báo cáo Thường trực Tỉnh ủy.",
        ["binh-thuan-cong-an-tinh"],
        "Thường xuyên",
    ) in read[0]
