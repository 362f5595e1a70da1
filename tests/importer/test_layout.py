"""Where paragraphs begin when the layout shows it: paragraphs parted by blank lines and
hard-wrapped inside (a web page turned into text), and paragraphs whose first line is indented
while the lines wrapped from it start at the margin (text laid out from a PDF). A wrapped line
that starts with a capital or a figure goes on with its paragraph; a layout the whole document
does not follow says nothing."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

from kehoach.importer import source


def _paragraphs(tmp_path: Path, text: str, name: str = "ke-hoach.txt") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = source.read(path)
    return [p.text for p in source.paragraphs(doc, doc.lines)]


# A web page turned into text: blank lines part the paragraphs, each hard-wrapped at ~80
# characters, its first line often shorter; a heading's number may stand alone on a line.
WEB = """\
III. NỘI
DUNG GIÁM SÁT

1. Nhiệm vụ của các sở, ngành

- Huy động nguồn lực từ các
Chương trình, Dự án, các tổ chức phi Chính phủ, nguồn viện trợ không hoàn lại để
thực hiện các nhiệm vụ của Kế hoạch.

- Phối hợp với Sở Giáo dục và
Đào tạo kiểm tra việc thực hiện các quy định liên quan đến dịch vụ giáo dục
2025 - 2030 trên địa bàn tỉnh

- Chủ trì tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh

Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí thực hiện
Kế hoạch.

4.
Ủy ban nhân dân các xã, phường

- Tổ chức triển khai thực hiện Kế hoạch trên địa bàn.

- Báo cáo kết quả thực hiện về Sở Tài chính trước ngày
15/12 hằng năm.
"""


def test_blank_lines_part_paragraphs_wrapped_inside(tmp_path: Path) -> None:
    assert _paragraphs(tmp_path, WEB) == [
        "III. NỘI DUNG GIÁM SÁT",
        "1. Nhiệm vụ của các sở, ngành",
        # a line starting with a capital goes on with its paragraph
        "- Huy động nguồn lực từ các Chương trình, Dự án, các tổ chức phi Chính phủ, nguồn viện trợ không "
        "hoàn lại để thực hiện các nhiệm vụ của Kế hoạch.",
        # and so does one starting with a figure
        "- Phối hợp với Sở Giáo dục và Đào tạo kiểm tra việc thực hiện các quy định liên quan đến dịch vụ "
        "giáo dục 2025 - 2030 trên địa bàn tỉnh",
        # a paragraph that ends without a full stop is still ended by the blank line
        "- Chủ trì tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh",
        "Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí thực hiện Kế hoạch.",
        "4. Ủy ban nhân dân các xã, phường",
        "- Tổ chức triển khai thực hiện Kế hoạch trên địa bàn.",
        "- Báo cáo kết quả thực hiện về Sở Tài chính trước ngày 15/12 hằng năm.",
    ]


def test_a_blank_line_after_every_printed_line_says_nothing(tmp_path: Path) -> None:
    """Text exported from Word with a blank line after every line: the blank lines part lines, not
    paragraphs; the wording decides (a short line without a full stop ends its paragraph)."""
    text = "\n\n".join(
        [
            "1. Tổ chức hội nghị quán triệt Nghị quyết của Tỉnh ủy đến toàn thể cán bộ, đảng viên",
            "trong toàn Đảng bộ, hoàn thành trong quý II năm 2026.",
            "2. Rà soát, bổ sung quy chế phối hợp giữa các cơ quan trong khối",
            "Chủ trì: Ban Tuyên giáo Tỉnh ủy.",
            "3. Xây dựng, nhân rộng điển hình trong thực hiện các phong",
            "trào thi đua yêu nước",
            "Lãnh đạo Ban phát động đảng viên tích cực thực hiện các phong trào thi đua.",
        ]
        * 2
    )
    paragraphs = _paragraphs(tmp_path, text)
    assert paragraphs[:5] == [
        "1. Tổ chức hội nghị quán triệt Nghị quyết của Tỉnh ủy đến toàn thể cán bộ, đảng viên trong toàn "
        "Đảng bộ, hoàn thành trong quý II năm 2026.",
        "2. Rà soát, bổ sung quy chế phối hợp giữa các cơ quan trong khối",
        "Chủ trì: Ban Tuyên giáo Tỉnh ủy.",
        "3. Xây dựng, nhân rộng điển hình trong thực hiện các phong trào thi đua yêu nước",
        "Lãnh đạo Ban phát động đảng viên tích cực thực hiện các phong trào thi đua.",
    ]


# Text laid out from a PDF (pdftotext -layout): a paragraph's first line indented, the lines
# wrapped from it at the margin, a page number between two pages, the second page laid out
# with its margin three spaces further right.
PDF = """\
      3.3. Huy động, phân bổ và sử dụng hiệu quả các nguồn lực
      - Bố trí tối thiểu 2% ngân sách tỉnh cho sự nghiệp bảo vệ môi trường.
Hoàn thiện cơ chế, chính sách phân bổ, quản lý, sử dụng kinh phí sự nghiệp
môi trường bảo đảm tiết kiệm, hiệu quả.
      - Thường xuyên nghiên cứu, xây dựng, ban hành cơ chế, chính sách khuyến
khích xã hội hóa đầu tư cho bảo vệ môi trường, thu hút nguồn vốn ngoài ngân
sách cho xử lý chất thải và phục hồi môi trường tại các khu công nghiệp
      Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
      3.4. Kiểm soát các nguồn gây ô nhiễm
      - Tăng cường kiểm soát các cơ sở công nghiệp có nguồn phát thải lớn.
Thường xuyên giám sát chặt chẽ việc vận hành các công trình xử lý chất thải
ở các cơ sở. Yêu cầu các cơ sở sản xuất, kinh doanh thuộc đối tượng thực hiện
lắp đặt, vận hành hệ thống quan trắc tự động, liên tục thực hiện đầy đủ việc
                                         4

   Kết nối, truyền số liệu về Sở Nông nghiệp và Môi trường theo quy định; xử lý
   nghiêm các vi phạm.
         - Rà soát, đánh giá hiện trạng các bãi chôn lấp chất thải rắn sinh hoạt
   2026 - 2030 trên địa bàn tỉnh, đóng cửa các bãi không hợp vệ sinh.
         4. Ủy ban Kiểm tra Tỉnh ủy thường xuyên kiểm tra, giám sát các cấp
   uỷ, tổ chức đảng trong việc triển khai thực hiện Chương trình hành động.
"""


def test_indented_first_lines_open_paragraphs_and_the_margin_goes_on(tmp_path: Path) -> None:
    assert _paragraphs(tmp_path, PDF) == [
        "3.3. Huy động, phân bổ và sử dụng hiệu quả các nguồn lực",
        # a sentence starting at the margin after a full stop goes on with the item
        "- Bố trí tối thiểu 2% ngân sách tỉnh cho sự nghiệp bảo vệ môi trường. Hoàn thiện cơ chế, chính sách "
        "phân bổ, quản lý, sử dụng kinh phí sự nghiệp môi trường bảo đảm tiết kiệm, hiệu quả.",
        # an indented line opens a paragraph though the long line above ended without a full stop
        "- Thường xuyên nghiên cứu, xây dựng, ban hành cơ chế, chính sách khuyến khích xã hội hóa đầu tư cho "
        "bảo vệ môi trường, thu hút nguồn vốn ngoài ngân sách cho xử lý chất thải và phục hồi môi trường tại "
        "các khu công nghiệp",
        "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.",
        "3.4. Kiểm soát các nguồn gây ô nhiễm",
        # over the page break, at the next page's own margin
        "- Tăng cường kiểm soát các cơ sở công nghiệp có nguồn phát thải lớn. Thường xuyên giám sát chặt chẽ "
        "việc vận hành các công trình xử lý chất thải ở các cơ sở. Yêu cầu các cơ sở sản xuất, kinh doanh thuộc "
        "đối tượng thực hiện lắp đặt, vận hành hệ thống quan trắc tự động, liên tục thực hiện đầy đủ việc Kết "
        "nối, truyền số liệu về Sở Nông nghiệp và Môi trường theo quy định; xử lý nghiêm các vi phạm.",
        "- Rà soát, đánh giá hiện trạng các bãi chôn lấp chất thải rắn sinh hoạt 2026 - 2030 trên địa bàn "
        "tỉnh, đóng cửa các bãi không hợp vệ sinh.",
        "4. Ủy ban Kiểm tra Tỉnh ủy thường xuyên kiểm tra, giám sát các cấp uỷ, tổ chức đảng trong việc "
        "triển khai thực hiện Chương trình hành động.",
    ]


def test_items_written_at_the_margin_say_nothing_by_their_indentation(tmp_path: Path) -> None:
    """The same text with every line at the margin: indentation shows no paragraph, and a line
    starting with a capital after a full stop opens one, as the wording says."""
    flat = "\n".join(line.strip() for line in PDF.splitlines())
    paragraphs = _paragraphs(tmp_path, flat)
    assert "- Tăng cường kiểm soát các cơ sở công nghiệp có nguồn phát thải lớn." in paragraphs
    assert any(p.startswith("Thường xuyên giám sát chặt chẽ việc vận hành") for p in paragraphs)


def test_a_word_file_with_a_paragraph_per_printed_line_and_empty_ones_between(tmp_path: Path) -> None:
    """A conversion to Word that makes each printed line a paragraph and leaves an empty paragraph
    between two real ones reads as the text does."""
    word = WordDocument()
    for line in WEB.splitlines():
        word.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    word.save(str(path))
    doc = source.read(path)
    paragraphs = [p.text for p in source.paragraphs(doc, doc.lines)]
    assert paragraphs == _paragraphs(tmp_path, WEB)


def _word_lines(tmp_path: Path, printed: list[tuple[str, bool]]) -> list[str]:
    """A Word file made from a PDF: each printed line (wrapped at 90 letters) its own paragraph,
    headings bold; the paragraphs the reader gives."""
    word = WordDocument()
    for text, bold in printed:
        word.add_paragraph().add_run(text).bold = bold
    path = tmp_path / "ke-hoach.docx"
    word.save(str(path))
    doc = source.read(path)
    return [p.text for p in source.paragraphs(doc, doc.lines)]


# Lines of body text printed to the margin (about 90 letters), around the cases under test.
FILL = [
    ("- Rà soát, đánh giá việc thực hiện các chính sách hỗ trợ doanh nghiệp nhỏ và vừa trên địa", False),
    ("bàn tỉnh; đề xuất sửa đổi, bổ sung các chính sách không còn phù hợp với thực tiễn hiện nay.", False),
    ("- Tăng cường công tác thanh tra, kiểm tra việc chấp hành pháp luật về khoáng sản của các tổ", False),
    ("chức, cá nhân hoạt động khoáng sản trên địa bàn tỉnh theo kế hoạch được phê duyệt hằng năm.", False),
] * 3


def test_a_bold_heading_that_ends_by_hand_is_not_joined_to_the_paragraph_under_it(tmp_path: Path) -> None:
    """A bold heading's second line may lose its bold in a conversion; but a heading line that
    leaves room for the next word on it ended by hand, whatever its length."""
    for heading in (
        "9. Tổ chức nghiên cứu, học tập kinh nghiệm công tác xây dựng chính sách, pháp luật",
        "7. Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường",
    ):
        found = _word_lines(
            tmp_path,
            [
                *FILL,
                (heading, True),
                ("Tham mưu, đề xuất tổ chức Đoàn của tỉnh hoặc tham gia các Đoàn nghiên cứu.", False),
            ],
        )
        assert found[-2:] == [heading, "Tham mưu, đề xuất tổ chức Đoàn của tỉnh hoặc tham gia các Đoàn nghiên cứu."]
    wrapped = "9. Tổ chức nghiên cứu, học tập kinh nghiệm công tác xây dựng chính sách, pháp luật của"
    found = _word_lines(tmp_path, [*FILL, (wrapped, True), ("Trung ương và địa phương", False)])
    assert found[-1] == wrapped + " Trung ương và địa phương"  # 'Trung' would not have fitted: wrapped


def test_a_colon_at_the_margin_goes_on_when_the_next_word_would_not_have_fitted(tmp_path: Path) -> None:
    colon = "- Thực hiện đa dạng hóa các hình thức tuyên truyền, phổ biến pháp luật về khoáng sản như:"
    after = "Hội nghị, tập huấn, phương tiện thông tin đại chúng."
    assert _word_lines(tmp_path, [*FILL, (colon, False), (after, False)])[-1] == f"{colon} {after}"
    short = "- Các nội dung tuyên truyền như:"
    assert _word_lines(tmp_path, [*FILL, (short, False), (after, False)])[-2:] == [short, after]


def test_a_bold_heading_goes_on_to_its_short_tail_that_closes_no_sentence(tmp_path: Path) -> None:
    """Bold letters are wider: a heading may break before a word that would fit in plain text.
    Its tail is a short line closing no sentence (a name), not a paragraph under it."""
    for heading, tail in (
        ("1- Triển khai thực hiện phong trào thi đua “Dân vận khéo” tại cơ quan", "Ban Dân vận Tỉnh ủy"),
        ("2. Nâng cao chất lượng công tác tuyên truyền, vận động nhân dân ở", "vùng đồng bào dân tộc thiểu số"),
    ):
        found = _word_lines(tmp_path, [*FILL, (heading, True), (tail, False), ("1.1- Công tác quán triệt", True)])
        assert found[-2:] == [f"{heading} {tail}", "1.1- Công tác quán triệt"]


def test_a_figure_wrapped_to_the_start_of_a_line_goes_on_and_a_numbered_item_does_not(tmp_path: Path) -> None:
    """'... khoản 3 Điều 27; khoản / 6 Điều 30; ...': a figure with no mark after it that opens a
    line under a line run to the margin without ending is the wrap of a phrase, in a Word file of
    one paragraph per printed line as in text; after a line that ends a sentence, or under a
    short line, it opens an item numbered that way."""
    for before, figure in (
        ("+ Nội dung: quy định chi tiết khoản 7 Điều 20; khoản 7 Điều 21; khoản 3 Điều 27; khoản", "6 Điều 30."),
        ("- Tổ chức tập huấn cho cán bộ làm công tác dân vận ở cơ sở trên địa bàn tỉnh, tổng cộng", "120 lượt người."),
    ):
        assert _word_lines(tmp_path, [*FILL, (before, False), (figure, False)])[-1] == f"{before} {figure}"
    ended = "- Tổ chức tập huấn cho cán bộ làm công tác dân vận ở cơ sở trên địa bàn toàn tỉnh năm 2026."
    short = "- Tổ chức tập huấn cho cán bộ"
    for above in (ended, short):
        found = _word_lines(tmp_path, [*FILL, (above, False), ("2 Tổ chức hội nghị sơ kết", False)])
        assert found[-2:] == [above, "2 Tổ chức hội nghị sơ kết"]


def test_the_width_is_read_from_the_body_not_from_tables_or_the_tail(tmp_path: Path) -> None:
    """A PDF-to-Word file whose body is wrapped at the page's width and whose appendix holds a table
    written one cell per paragraph (short lines after 'Nơi nhận:'): the body is still read as wrapped,
    a line running to the margin going on with the next one."""
    body = [text for text, _ in FILL] * 2
    tail = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "PHỤ LỤC", "STT", "Địa điểm", "Số mẫu"]
    tail += ["Xã Nga Tân", "Ba mẫu nước", "Quý II"] * 12
    word = WordDocument()
    for line in [*body, *tail]:
        word.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    word.save(str(path))
    doc = source.read(path)
    assert doc.wrapped
    paragraphs = [p.text for p in source.paragraphs(doc, doc.lines)]
    assert paragraphs[0] == f"{FILL[0][0]} {FILL[1][0]}"


def test_the_signers_title_in_capitals_over_an_appendix_heading_is_no_appendix(tmp_path: Path) -> None:
    """After the signature, the signer's post in capitals ('PHÓ GIÁM ĐỐC' / 'SỞ CÔNG THƯƠNG LÀO CAI')
    stands over the appendix's own heading ('PHỤ LỤC I'): the appendix opens at its heading, not at
    the post, whichever lines in capitals come before the '(Kèm theo ...)' line."""
    lines = [
        "Nơi nhận:",
        "- Lưu: VT.",
        "Hoàng Văn Thuân",
        "PHÓ GIÁM ĐỐC",
        "SỞ CÔNG THƯƠNG LÀO CAI",
        "PHỤ LỤC I",
        "KẾ HOẠCH KIỂM TRA",
        "(Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026)",
    ]
    path = tmp_path / "ke-hoach.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = source.read(path)
    assert next(ln.text for k, ln in enumerate(doc.lines) if source.opens_appendix(doc.lines, k)) == "PHỤ LỤC I"
    # with no heading of its own, the title in capitals over '(Kèm theo ...)' still opens it
    path.write_text("\n".join(lines[:2] + lines[6:]) + "\n", encoding="utf-8")
    doc = source.read(path)
    opening = next(ln.text for k, ln in enumerate(doc.lines) if source.opens_appendix(doc.lines, k))
    assert opening == "KẾ HOẠCH KIỂM TRA"


def test_an_appendix_titled_in_capitals_with_a_subtitle_over_its_attachment_line(tmp_path: Path) -> None:
    """An outline appended after the signature: its title in capitals, a subtitle in sentence case over
    two lines, then '(Kèm theo ...)'. The appendix opens at its title; the signer's block stops there
    (it took the whole outline as the signer's title); the signer's stamp above it opens nothing."""
    lines = [
        "Nơi nhận:",
        "- Các chi bộ trực thuộc,",
        "- Lưu VP.",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Thị Lan",
        "ĐẢNG ỦY XÃ TÂN HẢI",
        "12-09-2025 10:15:00 +07:00",
        "ĐỀ CƯƠNG BÁO CÁO",
        "Sơ kết công tác cải cách hành chính",
        "giai đoạn 2021 - 2025",
        "(Kèm theo Kế hoạch số 15-KH/ĐU ngày 10/9/2025 của Ban Thường vụ Đảng ủy)",
        "I. KẾT QUẢ THỰC HIỆN",
    ]
    path = tmp_path / "ke-hoach.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = source.read(path)
    assert [ln.text for k, ln in enumerate(doc.lines) if source.opens_appendix(doc.lines, k)][:1] == [
        "ĐỀ CƯƠNG BÁO CÁO"
    ]
    # a sentence ended, or an item, between the title and the line is no subtitle
    for between in ("Các chi bộ báo cáo đúng hạn.", "1. Kết quả thực hiện"):
        path.write_text("\n".join([*lines[:9], between, *lines[11:]]) + "\n", encoding="utf-8")
        doc = source.read(path)
        assert not any(source.opens_appendix(doc.lines, k) for k in range(len(doc.lines)))


def test_a_word_file_of_real_paragraphs_most_of_them_short_is_not_read_as_printed_lines(tmp_path: Path) -> None:
    """A Word file written by an office: each paragraph is a Word paragraph, most of them short (the
    header's lines, headings, short items), a few long ones far wider than any printed line. It is
    no file of one paragraph per printed line: a long paragraph closing with a colon keeps apart
    from the item under it, and one closing no sentence from the heading under it."""
    short = [
        "ỦY BAN NHÂN DÂN TỈNH",
        "Số: 20/KH-UBND",
        "KẾ HOẠCH",
        "Triển khai thi đua chi trả không dùng tiền mặt",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Nâng cao trách nhiệm của các cấp, các ngành trong thi đua.",
        "b) Phát hiện, nhân rộng các điển hình tiên tiến trong phong trào.",
        "2. Yêu cầu",
        "a) Thi đua thiết thực, tiết kiệm, hiệu quả, tránh hình thức.",
        "b) Khen thưởng kịp thời, công khai, đúng người, đúng việc.",
        "c) Theo dõi, đôn đốc, kiểm tra, đánh giá định kỳ hằng quý.",
        "d) Sơ kết đợt một trước ngày 30 tháng 9, tổng kết cuối năm.",
        "đ) Các đơn vị báo cáo kết quả về Sở Nội vụ đúng thời hạn.",
        "e) Bảo đảm an toàn, bảo mật thông tin của người hưởng.",
        "II. NỘI DUNG THI ĐUA",
    ]
    intro = (
        "Vận động người hưởng trợ cấp xã hội chuyển từ nhận tiền mặt sang nhận qua tài khoản ngân hàng, "
        "ví điện tử; giải thích những lợi ích của giao dịch không dùng tiền mặt trong đời sống hằng ngày "
        "để người dân tự nguyện đăng ký mở tài khoản, các nội dung này được cụ thể hóa bằng các chỉ tiêu như sau:"
    )
    item = (
        "(1) Ít nhất 85% người hưởng trợ cấp xã hội mở mới tài khoản ngân hàng, ví điện tử hoặc người đã có "
        "tài khoản tự nguyện cung cấp số tài khoản để nhận tiền trợ cấp bằng phương thức không dùng tiền mặt."
    )
    open_ended = (
        "Ủy ban nhân dân các xã, phường phối hợp với các ngân hàng thương mại mở tài khoản cho người hưởng "
        "trợ cấp tại trụ sở, nhà văn hóa hoặc tại nhà đối với người cao tuổi, người khuyết tật nặng"
    )
    word = WordDocument()
    for text in [*short, intro, item, "III. TỔ CHỨC THỰC HIỆN", open_ended, "Khen thưởng cuối đợt thi đua."]:
        word.add_paragraph(text)
    path = tmp_path / "ke-hoach.docx"
    word.save(str(path))
    doc = source.read(path)
    paragraphs = [p.text for p in source.paragraphs(doc, doc.lines)]
    assert intro in paragraphs and item in paragraphs
    assert open_ended in paragraphs and "Khen thưởng cuối đợt thi đua." in paragraphs
    assert not doc.wrapped


def test_a_pdf_converted_to_word_shows_where_paragraphs_begin_by_the_first_lines_indentation(tmp_path: Path) -> None:
    """A PDF converted to Word: one Word paragraph per printed line, each paragraph's first line set
    in by the paragraph's indentation (as administrative documents are laid out), the lines wrapped
    from it at the margin. A short line that closes no sentence ('... giơ tay hoặc bỏ phiếu kín')
    ends its paragraph when the line under it is set in, and a line at the margin goes on."""
    printed = [
        (True, "1. Hội nghị thông qua danh sách những người ứng cử đại biểu Hội đồng nhân dân"),
        (False, "xã theo đề nghị của Ban Thường trực Ủy ban Mặt trận Tổ quốc xã, kèm theo biên"),
        (False, "bản hội nghị cử tri nơi cư trú và nơi công tác của những người ứng cử."),
        (True, "2. Hội nghị cử Tổ kiểm phiếu từ 05 đến 15 thành viên"),
        (True, "3. Hội nghị biểu quyết bằng hình thức giơ tay hoặc bỏ phiếu kín"),
        (True, "Trường hợp hội nghị biểu quyết bằng hình thức giơ tay thì Tổ kiểm phiếu đếm,"),
        (False, "tính kết quả biểu quyết đối với từng người ứng cử."),
        (True, "4. Ban Thường trực gửi biên bản hội nghị đến Ủy ban bầu cử xã trước ngày"),
        (False, "20 tháng 2 năm 2026 để tổng hợp, báo cáo theo quy định; đồng thời gửi Ban"),
        (False, "Thường trực Ủy ban Mặt trận Tổ quốc tỉnh để theo dõi, hướng dẫn thực hiện."),
        (True, "5. Các tổ chức thành viên phối hợp tuyên truyền về cuộc bầu cử trên địa"),
        (False, "bàn dân cư, vận động cử tri tham gia đầy đủ, đúng quy định của pháp luật về"),
        (False, "bầu cử, bảo đảm dân chủ, bình đẳng, đúng pháp luật, an toàn và tiết kiệm."),
        (True, "6. Văn phòng Đảng ủy bảo đảm điều kiện tổ chức hội nghị hiệp thương lần"),
        (False, "thứ hai tại hội trường Ủy ban nhân dân xã, bố trí chỗ ngồi, âm thanh, ánh"),
        (False, "sáng và tài liệu phục vụ hội nghị theo đề nghị của Ban Thường trực."),
    ]
    paragraphs = _printed_word(tmp_path, printed)
    assert "3. Hội nghị biểu quyết bằng hình thức giơ tay hoặc bỏ phiếu kín" in paragraphs
    assert (
        "Trường hợp hội nghị biểu quyết bằng hình thức giơ tay thì Tổ kiểm phiếu đếm, tính kết quả biểu "
        "quyết đối với từng người ứng cử." in paragraphs
    )
    assert len(paragraphs) == 7


def test_points_numbered_in_brackets_show_the_indentation_as_numbered_ones_do(tmp_path: Path) -> None:
    """A conclusion converted from PDF numbers its points '(1)', '(2)' ...: a point whose first line is set
    in opens a paragraph even when the line above closed its sentence at the margin."""
    printed = []
    for n in range(1, 7):
        printed += [
            (True, f"({n}) Văn phòng cấp ủy các cấp tiếp tục nâng cao chất lượng tham mưu, tổng hợp, theo"),
            (False, "dõi, đôn đốc việc thực hiện các nghị quyết, chỉ thị, kết luận của Trung ương và của cấp"),
            (False, "ủy; bảo đảm tốt công tác hậu cần phục vụ hoạt động của cấp ủy trong giai đoạn mới."),
        ]
    paragraphs = _printed_word(tmp_path, printed)
    assert [p[:4] for p in paragraphs] == [f"({n}) " for n in range(1, 7)]


def _printed_word(tmp_path: Path, printed: list[tuple[bool, str]]) -> list[str]:
    """The paragraphs read from a Word file of one paragraph per printed line, the first line of
    each paragraph set in (a PDF converted to Word)."""
    from docx.shared import Cm

    word = WordDocument()
    for indented, line in printed:
        paragraph = word.add_paragraph(line)
        if indented:
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
    path = tmp_path / "quyet-dinh.docx"
    word.save(str(path))
    doc = source.read(path)
    return [p.text for p in source.paragraphs(doc, doc.lines)]


_PLAN_LINES = [
    (True, "1. Các bộ, cơ quan ngang bộ tổ chức phổ biến, quán triệt nội dung của Luật đến cán bộ, công chức"),
    (False, "và người lao động thuộc phạm vi quản lý, hoàn thành trong quý IV năm 2025 theo kế hoạch chung."),
    (True, "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực"),
    (False, "thuộc trung ương chịu trách nhiệm tổ chức thực hiện đầy đủ, kịp thời các nội dung Kế hoạch này."),
    (True, "Căn cứ nội dung Kế hoạch này và tình hình thực tiễn, các bộ, ngành và địa phương xây dựng kế"),
    (False, "hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý, báo cáo kết quả về Bộ Công an."),
    (True, "3. Bộ Công an chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này; tổng hợp kết"),
    (False, "quả thực hiện, báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 12 hằng năm theo quy định."),
    (True, "4. Bộ Tài chính bảo đảm kinh phí thực hiện Kế hoạch theo quy định của pháp luật về ngân sách"),
    (False, "nhà nước; các địa phương bố trí kinh phí thực hiện từ ngân sách địa phương theo phân cấp."),
    (True, "5. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ, ngành và địa phương kịp thời"),
    (False, "phản ánh về Bộ Công an để tổng hợp, hướng dẫn, giải quyết theo thẩm quyền hoặc trình cấp có"),
    (False, "thẩm quyền xem xét, quyết định."),
]


def test_a_decisions_tail_over_the_plan_it_issues_does_not_hide_the_plans_indentation(tmp_path: Path) -> None:
    """A decision converted from PDF: its short articles and its recipients come first, the plan it
    issues after them. The plan's first lines set in show where its paragraphs begin, as they do
    in a plan alone: a line set in after one that ran to the margin opens a paragraph."""
    head = [
        (True, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật."),
        (True, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành."),
        (False, "Nơi nhận:"),
        (False, "- Như Điều 2;"),
        (False, "- Lưu: VT."),
        (False, "KẾ HOẠCH"),
    ]
    paragraphs = _printed_word(tmp_path, head + _PLAN_LINES)
    assert (
        "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
        "trung ương chịu trách nhiệm tổ chức thực hiện đầy đủ, kịp thời các nội dung Kế hoạch này." in paragraphs
    )
    assert any(p.startswith("Căn cứ nội dung Kế hoạch này") for p in paragraphs)


def test_a_paragraph_set_in_that_opens_with_a_bracket_is_a_paragraph(tmp_path: Path) -> None:
    """'(Mục tiêu xuất khẩu chi tiết có phụ lục kèm theo)' set in under a paragraph that ran to the
    margin: it opens a paragraph, as one opening with a capital does."""
    lines = [*_PLAN_LINES[:2], (True, "(Mục tiêu chi tiết có phụ lục kèm theo)"), *_PLAN_LINES[2:]]
    assert "(Mục tiêu chi tiết có phụ lục kèm theo)" in _printed_word(tmp_path, lines)


def test_the_cell_after_a_rows_number_opens_its_own_paragraph_among_printed_lines(tmp_path: Path) -> None:
    """A PDF converted to Word whose appendix is a table written one cell a paragraph: the cell after
    a row's number ('2' beside the figure '606959') is the next row's first cell, not the printed
    line after the number, though it stands at the margin as the lines wrapped from a paragraph do."""
    cells = [
        (False, "Cửa sông lạch Càn: khu vực"),
        (False, "cấp nước chung cho vùng nuôi tôm Nga Tân và Nga Tiến"),
        (False, "2210567"),
        (False, "606959"),
        (False, "2"),
        (False, "Cửa sông lạch Sung: khu vực"),
        (False, "nước cấp chung cho vùng nuôi tôm Nga Thủy và vùng nuôi tôm Đa Lộc"),
        (False, "2209277"),
    ]
    paragraphs = _printed_word(tmp_path, [*_PLAN_LINES, (False, "PHỤ LỤC"), *cells])
    assert not any(p.startswith("2 Cửa sông") or p.endswith(" 2 Cửa sông lạch Sung: khu vực") for p in paragraphs)
    assert any(p.startswith("Cửa sông lạch Sung") for p in paragraphs)


def test_nothing_goes_on_after_the_mark_that_closes_the_text(tmp_path: Path) -> None:
    """'... nghiêm túc thực hiện./.' closes the text's body: the line at the margin under it (the
    signer's block in capitals) opens its own paragraph, though a line at the margin goes on."""
    lines = [*_PLAN_LINES[:-1], (False, "thẩm quyền xem xét, quyết định./."), (False, "ỦY BAN NHÂN DÂN THÀNH PHỐ")]
    paragraphs = _printed_word(tmp_path, lines)
    assert paragraphs[-1] == "ỦY BAN NHÂN DÂN THÀNH PHỐ"


def test_a_whole_paragraph_among_paragraphs_as_short_as_printed_lines_ends_where_its_sentence_ends(
    tmp_path: Path,
) -> None:
    """A Word file whose paragraphs are mostly as short as printed lines (a web page's lines kept as
    paragraphs, a table's cells one a paragraph) reads as printed lines; a paragraph there far longer
    than any printed line is a whole paragraph, and when it ends a sentence the paragraph under it
    opens a new one, as the short last line of that paragraph shows in text."""
    items = [
        f"{letter}) Tiêu chí {k}: đánh giá công tác tổ chức hoạt động của trung tâm học tập số {k}."
        for k, letter in enumerate("abcdeghiklmnopq", start=1)
    ]
    whole = "Trung tâm học tập cộng đồng căn cứ vào kết quả cụ thể đạt được thông qua các minh chứng phù hợp."
    after = "Tổng số điểm tối đa cho tất cả các tiêu chí là 100 điểm, chấm theo từng minh chứng."
    word = WordDocument()
    for text in ["KẾ HOẠCH", "Đánh giá trung tâm học tập cộng đồng năm 2025", "1. Các tiêu chí", *items]:
        word.add_paragraph(text)
    for text in ["2. Việc đánh giá, xếp loại", whole, after, "3. Tổ chức thực hiện"]:
        word.add_paragraph(text)
    path = tmp_path / "huong-dan.docx"
    word.save(str(path))
    doc = source.read(path)
    assert doc.wrapped  # the paragraphs read as printed lines
    paragraphs = [p.text for p in source.paragraphs(doc, doc.lines)]
    assert whole in paragraphs and after in paragraphs
