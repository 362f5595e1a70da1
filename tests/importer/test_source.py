"""Reading a plan file: damaged exported text becomes clean paragraphs, and files
that are not plans get a clear Vietnamese message instead of a traceback."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kehoach.importer import source


def _read(tmp_path: Path, text: str, name: str = "ke-hoach.txt") -> source.Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return source.read(path)


def _paragraphs(doc: source.Document) -> list[str]:
    return [p.text for p in source.paragraphs(doc, doc.lines)]


# Exported the way Word exports justified text: a blank line after every line, a space at its end.
WRAPPED = (
    " \n\n".join(
        [
            "1- Triển khai thực hiện, hoàn thành tốt các nhiệm vụ trọng tâm năm 2021",
            "được Ban Thường vụ Tỉnh ủy giao tại Quyết định số 68-QĐ/TU, ngày 28/12/2020.",
            "2- Phối hợp theo dõi, tham mưu tổ chức thành công Đại hội đại biểu phụ nữ",
            "các cấp và Đại hội đại biểu phụ nữ tỉnh lần thứ XV, nhiệm kỳ 2021-",
            "2026 (theo Chỉ thị số 51-CT/TU, ngày 29/9/2020 của Ban Thường vụ Tỉnh ủy).",
            "3- Xây dựng, duy trì, nhân rộng điển hình trong thực hiện các phong",
            "trào thi đua yêu nước",
            "Lãnh đạo Ban, Chi bộ, Ban Chấp hành Công đoàn phát động đảng viên, cán",
            "bộ công chức, đoàn viên tích cực thực hiện các phong trào thi đua của Kết luận số",
            "21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.",
            "* Chủ trì: Lãnh đạo Ban, Chi bộ.",
            "* Thời gian thực hiện: Thường xuyên.",
        ]
    )
    + " \n"
)


def test_wrapped_lines_become_paragraphs(tmp_path: Path) -> None:
    doc = _read(tmp_path, WRAPPED * 2)
    assert doc.wrapped
    paragraphs = _paragraphs(doc)
    assert paragraphs[:6] == [
        "1- Triển khai thực hiện, hoàn thành tốt các nhiệm vụ trọng tâm năm 2021 được Ban Thường vụ Tỉnh ủy "
        "giao tại Quyết định số 68-QĐ/TU, ngày 28/12/2020.",
        # A word broken at the hyphen is joined without a space: "2021-2026".
        "2- Phối hợp theo dõi, tham mưu tổ chức thành công Đại hội đại biểu phụ nữ các cấp và Đại hội đại biểu "
        "phụ nữ tỉnh lần thứ XV, nhiệm kỳ 2021-2026 (theo Chỉ thị số 51-CT/TU, ngày 29/9/2020 của Ban Thường vụ "
        "Tỉnh ủy).",
        # A short line ends its paragraph even without a full stop.
        "3- Xây dựng, duy trì, nhân rộng điển hình trong thực hiện các phong trào thi đua yêu nước",
        "Lãnh đạo Ban, Chi bộ, Ban Chấp hành Công đoàn phát động đảng viên, cán bộ công chức, đoàn viên tích cực "
        "thực hiện các phong trào thi đua của Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương "
        "Đảng.",
        "* Chủ trì: Lãnh đạo Ban, Chi bộ.",
        "* Thời gian thực hiện: Thường xuyên.",
    ]


def test_a_paragraph_wrapped_over_thousands_of_lines_is_joined_whole(tmp_path: Path) -> None:
    """However many lines a paragraph runs over, it is one paragraph, joined as a short one is: a
    bracket opened on its first line still lets a label line in lower case continue it, and a word
    broken at a hyphen on the last line but one is joined without a space."""
    middle = ["các hoạt động tuyên truyền ở cơ sở"] * 3000
    lines = ["1. Tổ chức (gồm", *middle, "giai đoạn 2021-", "2026; phối hợp: Sở Y tế).", "2. Tổng kết."]
    assert _paragraphs(_read(tmp_path, "\n".join(lines) + "\n")) == [
        " ".join(["1. Tổ chức (gồm", *middle, "giai đoạn 2021-2026; phối hợp: Sở Y tế)."]),
        "2. Tổng kết.",
    ]


def test_page_numbers_and_form_feeds_are_dropped(tmp_path: Path) -> None:
    text = "- Tổng kết Chương trình phối hợp\n- 2 -\n\f giữa Ban Dân vận và Công an tỉnh.\nTrang 3\n- Việc khác.\n"
    assert _paragraphs(_read(tmp_path, text)) == [
        "- Tổng kết Chương trình phối hợp giữa Ban Dân vận và Công an tỉnh.",
        "- Việc khác.",
    ]


def test_footnotes_leave_the_text_and_keep_their_marker(tmp_path: Path) -> None:
    text = (
        "Căn cứ Kết luận số 43-KL/TW của Ban Bí thư<sup>1</sup>; Chương trình số 12-CTr/TU của Tỉnh ủy[^2].\n"
        "<sup>1</sup> Kết luận về tiếp tục thực hiện Chỉ thị số 49-CT/TW, ngày 20/10/2015\n"
        "của Ban Bí thư.\n"
        "[^2]: Ban hành ngày 20/12/2022.\n"
        "I. MỤC ĐÍCH\n"
    )
    doc = _read(tmp_path, text)
    first = source.paragraphs(doc, doc.lines)[0]
    assert first.text == "Căn cứ Kết luận số 43-KL/TW của Ban Bí thư; Chương trình số 12-CTr/TU của Tỉnh ủy."
    assert first.markers == ("1", "2")
    assert doc.footnotes == {
        "1": "Kết luận về tiếp tục thực hiện Chỉ thị số 49-CT/TW, ngày 20/10/2015 của Ban Bí thư.",
        "2": "Ban hành ngày 20/12/2022.",
    }
    assert [line.text for line in doc.lines] == [
        text.splitlines()[0].replace("<sup>1</sup>", "").replace("[^2]", ""),
        "I. MỤC ĐÍCH",
    ]


@pytest.mark.parametrize(
    "notes",
    [
        # the marker alone on its line, its text on the lines after it (in capitals or not)
        "[1]\nChương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị\n"
        "quyết số 21-NQ/TW.\n\n[2] Chỉ\nthị số 27/CT-TTg ngày 15/7/2024 của Thủ tướng Chính phủ.\n",
        # the marker and its text on one line, a blank line between notes
        "[1] Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW.\n"
        "\n[2] Chỉ thị số 27/CT-TTg ngày 15/7/2024 của Thủ tướng Chính phủ.\n",
    ],
)
def test_endnotes_numbered_in_brackets_after_the_signature_are_notes(tmp_path: Path, notes: str) -> None:
    """Word's endnotes as a web page or a PDF writes them: '[1]' in the text, '[1] ...' after the signature."""
    body = "Các cấp đã ban hành nhiều chương trình, kế hoạch[1] và văn bản[2] để triển khai.\nNơi nhận:\n- Như trên.\n"
    doc = _read(tmp_path, body + "\n" + notes)
    assert doc.footnotes == {
        "1": "Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW.",
        "2": "Chỉ thị số 27/CT-TTg ngày 15/7/2024 của Thủ tướng Chính phủ.",
    }
    assert not any("30-CTr/TU" in line.text or "27/CT-TTg" in line.text for line in doc.lines)
    # the text keeps what it says, brackets included: only a line opening with one is a note
    assert doc.lines[0].text == body.splitlines()[0]


def test_a_bracketed_number_inside_a_line_is_not_a_note(tmp_path: Path) -> None:
    doc = _read(tmp_path, "1. Rà soát các điểm [1] và [2] của Phụ lục.\n[Đã sửa] theo góp ý.\n")
    assert doc.footnotes == {}
    assert [line.text for line in doc.lines] == ["1. Rà soát các điểm [1] và [2] của Phụ lục.", "[Đã sửa] theo góp ý."]


def test_superscript_that_is_not_a_footnote_keeps_its_content(tmp_path: Path) -> None:
    doc = _read(tmp_path, "Xây dựng nhà văn hóa 200 m<sup>2</sup> cho thôn.\n")
    assert _paragraphs(doc) == ["Xây dựng nhà văn hóa 200 m2 cho thôn."]


def test_decomposed_letters_are_composed_and_a_misplaced_tone_moves_to_its_vowel(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Ban Dân vận Tỉnh ủy")
    # Old input methods put the dot below on the consonant: "Môṭ" (t + U+0323) for "Một".
    doc = _read(tmp_path, f"{decomposed} xây dựng mô hình “Môt\u0323 giúp môt\u0323”.\n")
    assert _paragraphs(doc) == ["Ban Dân vận Tỉnh ủy xây dựng mô hình “Một giúp một”."]
    assert any("NFD" in note for note in doc.notes)
    assert any("dấu thanh" in note for note in doc.notes)


def test_legacy_encoding_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(b"KE\xcc HOA\xf2CH c\xf4ng ta\xecc da\xe2n va\xe2\xf2n")  # Windows-1258: marks after letters
    with pytest.raises(source.SourceError, match="không phải UTF-8") as caught:
        source.read(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "tệp Word cũ"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "không phải"),
        ("hong.docx", b"PK\x03\x04 not really a zip", "không phải tệp Word .docx hợp lệ"),
    ],
)
def test_files_that_are_not_text_plans(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(source.SourceError, match=expected):
        source.read(path)


def test_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(source.SourceError, match="thư mục"):
        source.read(tmp_path)
    with pytest.raises(source.SourceError, match="không đọc được"):
        source.read(tmp_path / "khong-co.txt")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("* Chủ trì: Lãnh đạo Ban.", ("lead", "Lãnh đạo Ban.")),
        ("- Cơ quan chủ trì tham mưu: Ban Dân vận Tỉnh ủy", ("lead", "Ban Dân vận Tỉnh ủy")),
        ("Cơ quan, đơn vị phối hợp: Sở Nội vụ", ("coordinating", "Sở Nội vụ")),
        ("* Chịu trách nhiệm tham mưu: Phòng Đoàn thể và các hội.", ("advising", "Phòng Đoàn thể và các hội.")),
        ("* Chịu trách nhiệm thực hiện: Toàn thể cán bộ", ("executing", "Toàn thể cán bộ")),
        ("+ Thời gian hoàn thành: Quý II/2023", ("timeframe", "Quý II/2023")),
        ("Tiến độ thực hiện: Tháng 6/2023", ("timeframe", "Tháng 6/2023")),
        ("* Cách thức thực hiện: Từng cá nhân đăng ký", ("method", "Từng cá nhân đăng ký")),
        ("Thực hiện Công văn số 308-CV/TU, ngày 26/11/2021", None),
        ("- Tổ chức hội nghị: cấp tỉnh", None),
    ],
)
def test_label_lines(line: str, expected: tuple[str, str] | None) -> None:
    assert source.label_of(line) == expected


def test_a_note_listing_documents_goes_on_with_a_line_opening_with_the_next_one(tmp_path: Path) -> None:
    """'...; Kế hoạch số ...' on a line of its own after a ';' is the note's next document, not body text."""
    body = "Các tỉnh đã ban hành kế hoạch[1] để triển khai.\nNơi nhận:\n- Như trên.\n"
    notes = (
        "[1]\nChương trình số 12-CTr/TU ngày 02/3/2019 của Tỉnh ủy Bến Tre;\n"
        "Kế hoạch số 41/KH-UBND ngày 10/4/2019 của UBND tỉnh Bến Tre, Quyết định\n"
        "số 7/QĐ-UBND ngày 03/01/2020;\nQuyết định số 88/QĐ-UBND ngày 05/5/2020 của UBND tỉnh Trà Vinh.\n"
    )
    doc = _read(tmp_path, body + "\n" + notes)
    assert doc.footnotes["1"].endswith("Quyết định số 88/QĐ-UBND ngày 05/5/2020 của UBND tỉnh Trà Vinh.")
    assert "41/KH-UBND" in doc.footnotes["1"]
    assert not any("88/QĐ-UBND" in line.text for line in doc.lines)


def test_a_line_stopping_at_a_comma_or_a_joining_word_goes_on_in_the_next(tmp_path: Path) -> None:
    """A heading or a point cut after a comma or after 'với', 'và', 'của' ... goes on in the next line, even when
    that line opens with a capital ('ĐMST', 'Sở Tài chính'); a line closing its sentence does not."""
    text = (
        "5. Nhiệm vụ về chuyển đổi số,\n"
        "ĐMST và CĐS\n"
        "a) Sở Khoa học và Công nghệ chủ trì, phối hợp với\n"
        "Sở Tài chính rà soát danh mục dự án.\n"
        "Sở Nội vụ tổng hợp kết quả.\n"
    )
    assert _paragraphs(_read(tmp_path, text)) == [
        "5. Nhiệm vụ về chuyển đổi số, ĐMST và CĐS",
        "a) Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính rà soát danh mục dự án.",
        "Sở Nội vụ tổng hợp kết quả.",
    ]


def test_the_lines_joined_into_paragraphs_are_told_one_by_one() -> None:
    """Whoever lays the text out again (a Word file of the same page) learns where the text's
    paragraphs end: each line joined to the one above is told, an appendix's title lines after the
    first and a '(Kèm theo ...)' line's wrapped rest among them; a line that opens a paragraph is not."""
    text = "\n".join(
        [
            "1. Sở Nội vụ chủ trì rà soát thủ tục hành chính",
            "trực tuyến trên địa bàn tỉnh.",
            "2. Sở Tài chính bảo đảm kinh phí.",
            "PHỤ LỤC",
            "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ",
            "CỦA CÁC SỞ, NGÀNH",
            "(Kèm theo Kế hoạch số 12/KH-UBND",
            "ngày 3 tháng 3 năm 2025)",
        ]
    )
    doc = source.from_text(Path("ke-hoach.txt"), text)
    told: list[int] = []
    paragraphs = source.paragraphs(doc, doc.lines, joined=lambda line: told.append(line.number))
    assert told == [2, 6, 8]
    assert [p.text for p in paragraphs][:2] == [
        "1. Sở Nội vụ chủ trì rà soát thủ tục hành chính trực tuyến trên địa bàn tỉnh.",
        "2. Sở Tài chính bảo đảm kinh phí.",
    ]


@pytest.mark.parametrize(
    "body_line", ["- Rà soát hồ sơ cấp phép, việc đăng ký ngày bắt đầu khai", "- Rà soát hồ sơ, đăng ký khai"]
)
def test_a_paragraph_cut_by_the_notes_at_a_page_s_foot_goes_on_over_them(tmp_path: Path, body_line: str) -> None:
    """Text taken from a PDF: the page's last paragraph stops mid-sentence, the page's notes (a plain
    number, no footnote mark) follow, then the page break and the paragraph's rest. The rest joins the
    paragraph, not the last note, however far the cut line ran; the notes are no paragraph of the body
    and are told aside."""
    text = "\n".join(
        [
            "1. Sở Nông nghiệp và Môi trường chủ trì rà soát các mỏ được cấp phép khai thác trên địa bàn tỉnh.",
            body_line,
            "1 Hồ sơ đăng ký được quy định tại Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025 của Bộ Tài chính",
            "2 Các mỏ đã có giấy phép trước ngày 01/7/2025",
            "                                         2",
            "",
            "thác của các tổ chức với cơ quan có thẩm quyền theo quy định1.",
            "2. Công an tỉnh kiểm tra thực địa tại các mỏ.",
            "1 Một mục đánh số không có dấu chấm sau một câu đã kết thúc.",
        ]
    )
    doc = source.from_text(Path("ke-hoach.txt"), text)
    aside: list[int] = []
    paragraphs = source.paragraphs(doc, doc.lines, aside=lambda line: aside.append(line.number))
    assert aside == [3, 4]
    assert [p.text for p in paragraphs][1:] == [
        f"{body_line} thác của các tổ chức với cơ quan có thẩm quyền theo quy định1.",
        "2. Công an tỉnh kiểm tra thực địa tại các mỏ.",
        "1 Một mục đánh số không có dấu chấm sau một câu đã kết thúc.",  # no page's foot: as before
    ]
