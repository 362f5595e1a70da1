"""Documents cited in running text: numbers as mistyped in real plans, dates,
issuers and titles as written, documents without a number, and what is not a
citation at all."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.importer.citations import find, normalise_number
from kehoach.model import DocType


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("12-KH/BDVTU", "12-KH/BDVTU"),
        ("36 - KH/BDVTU", "36-KH/BDVTU"),
        ("01 – CTr/BDVTW", "01-CTr/BDVTW"),
        ("775- CV/ĐUK", "775-CV/ĐUK"),
        ("65-Ctr/TU", "65-CTr/TU"),
        ("72-NQ-TW", "72-NQ/TW"),
        ("04/2015/NĐ-CP", "04/2015/NĐ-CP"),
    ],
)
def test_numbers_are_normalised_and_the_original_kept(written: str, expected: str) -> None:
    number, note = normalise_number(written)
    assert number == expected
    assert (note is None) == (written == expected)
    if note:
        assert written.split()[0] in note


def test_a_full_citation() -> None:
    [cited] = find(
        "Căn cứ Kế hoạch số 45-KH/BDVTW, ngày 11/01/2021 của Ban Dân vận Trung ương về công tác năm 2021; "
        "Ban Dân vận Tỉnh ủy xây dựng kế hoạch"
    )
    assert (cited.number, cited.doc_type, cited.date) == ("45-KH/BDVTW", DocType.KE_HOACH, dt.date(2021, 1, 11))
    assert cited.issuer_text == "Ban Dân vận Trung ương"
    assert cited.title == "về công tác năm 2021"


def test_term_and_quoted_title_with_a_nested_citation() -> None:
    first, nested = find(
        "đẩy mạnh việc thực hiện Kết luận số 01-KL/TW của Bộ Chính trị (khóa XIII) về “tiếp tục thực hiện "
        "Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”; "
        "thực hiện nghiêm Quy định"
    )
    assert (first.number, first.issuer_text, first.term) == ("01-KL/TW", "Bộ Chính trị", "XIII")
    assert first.title == (
        "về “tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh”"
    )
    assert nested.number == "05-CT/TW"
    assert nested.title == "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


@pytest.mark.parametrize(
    "speaker",
    [
        "Phó Thủ tướng Chính phủ Lê Văn A có ý kiến như sau:",
        "Thủ tướng Chính phủ chỉ đạo:",
        "Bộ trưởng yêu cầu:",
        "Ban Tuyên giáo Trung ương hướng dẫn việc kiện toàn đội ngũ các cấp như sau:",
        "Phó Thủ tướng",  # a web copy's line ends there: the rest of the sentence is another paragraph
    ],
)
def test_the_title_ends_where_who_speaks_on_the_document_begins(speaker: str) -> None:
    # a Government Office letter: 'Xét Tờ trình số ... về X, <who> có ý kiến như sau:'
    [cited] = find(f"Xét Tờ trình số 12/TTr-BXD ngày 05/11/2025 của Bộ Xây dựng về thành lập Quỹ nhà ở, {speaker}")
    assert cited.title == "về thành lập Quỹ nhà ở"


def test_a_title_naming_a_post_keeps_it() -> None:
    [cited] = find("Căn cứ Quyết định số 5/QĐ-UBND ngày 02/01/2025 về chế độ báo cáo của Chủ tịch xã, thôn trưởng.")
    assert cited.title == "về chế độ báo cáo của Chủ tịch xã, thôn trưởng"


def test_title_and_date_written_once_for_two_documents() -> None:
    conclusion, directive = find(
        "Sơ kết 05 năm thực hiện Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị và Chỉ thị số "
        "14-CT/TU, ngày 27/7/2016 của Ban Thường vụ Tỉnh ủy về tiếp tục đẩy mạnh việc xây dựng và thực hiện "
        "quy chế dân chủ ở cơ sở (tổ chức hội nghị vào tháng 6/2021)."
    )
    assert (
        conclusion.title == directive.title == "về tiếp tục đẩy mạnh việc xây dựng và thực hiện quy chế dân chủ ở cơ sở"
    )
    assert conclusion.title_shared and not directive.title_shared
    first, second = find("theo Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, ngày 13/12/2013 của Bộ Chính trị;")
    assert first.date == second.date == dt.date(2013, 12, 13)
    assert first.issuer_text == "Bộ Chính trị"


def test_the_word_of_the_text_yields_to_the_type_in_the_number() -> None:
    [cited] = find("Chương Trình số 31-KH/TU ngày 06/9/2013 “về tăng cường sự lãnh đạo của Đảng”")
    assert cited.doc_type is DocType.KE_HOACH
    assert any("Chương Trình" in note for _, note, _ in cited.notes)


def test_state_numbers() -> None:
    decree, directive, letter = find(
        "Thực hiện Nghị định số 04/2015/NĐ-CP, ngày 09/01/2015 của Chính phủ; Chỉ thị số 16/CT-TTg của Thủ "
        "tướng; Công văn số 123/UBND-VX của Ủy ban nhân dân tỉnh"
    )
    assert (decree.number, decree.doc_type) == ("04/2015/NĐ-CP", DocType.NGHI_DINH)
    assert (directive.number, directive.doc_type) == ("16/CT-TTg", DocType.CHI_THI)
    assert (letter.number, letter.doc_type) == ("123/UBND-VX", DocType.CONG_VAN)


def test_congress_resolutions_without_a_number() -> None:
    national, provincial = find(
        "Trên cơ sở các nội dung cơ bản của Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, Đại hội Đảng bộ "
        "tỉnh lần thứ XI nhiệm kỳ 2020-2025 các địa phương xây dựng chương trình"
    )
    assert national.congress == ("national", "XIII")
    assert provincial.congress == ("province", "XI")
    assert national.doc_type is provincial.doc_type is DocType.NGHI_QUYET_DAI_HOI
    [short] = find("ban hành Chương trình hành động thực hiện Nghị quyết Đại hội XIII của Đảng về công tác dân vận")
    assert short.congress == ("national", "XIII")


def test_a_commune_congress_by_its_term_or_its_ordinal_is_the_communes() -> None:
    [by_term] = find("Căn cứ Nghị quyết Đại hội Đảng bộ phường khóa I, nhiệm kỳ 2025 - 2030;")
    assert by_term.congress == ("commune", "I")
    assert by_term.title == "Nghị quyết Đại hội Đảng bộ phường lần thứ I, nhiệm kỳ 2025 - 2030"
    # syllables run together in a PDF's text ('lần thứXIV', 'Đảng bộxã'): the same three resolutions
    national, provincial, commune = find(
        "quán triệt Nghị quyết Đại hội toàn quốc lần thứXIV của Đảng; Nghị quyết Đại hội Đảng bộtỉnh lần thứII "
        "và Nghị quyết Đại hội Đảng bộxã lần thứI, nhiệm kỳ2025-2030."
    )
    assert (national.congress, provincial.congress, commune.congress) == (
        ("national", "XIV"),
        ("province", "II"),
        ("commune", "I"),
    )
    assert commune.title == "Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030"
    assert find("tổ chức thành công Đại hội Đảng bộ xã lần thứ I") == []  # the event, not its resolution


def test_named_documents_cited_but_not_those_the_plan_will_write() -> None:
    found = find(
        "Phối hợp Ban Cán sự đảng tổng kết, đánh giá kết quả thực hiện Kế hoạch phối hợp công tác dân vận năm "
        "2020; ban hành Kế hoạch tiếp tục phối hợp thực hiện công tác dân vận năm 2021."
    )
    assert [(c.doc_type, c.title) for c in found] == [(DocType.KE_HOACH, "Kế hoạch phối hợp công tác dân vận năm 2020")]
    [scheme] = find(
        "Tham mưu cấp ủy kế hoạch tiếp tục thực hiện Đề án “Nâng cao năng lực hoạt động của Mặt trận Tổ quốc "
        "và các đoàn thể ở xã, phường, thị trấn” giai đoạn 2021 – 2025 (Gọi tắt là Đề án 1217)."
    )
    assert scheme.doc_type is DocType.DE_AN
    assert scheme.title.startswith("Nâng cao năng lực hoạt động")
    assert scheme.short_name == "Đề án 1217"
    assert find("Các cơ quan, đơn vị căn cứ Kế hoạch này chủ động triển khai thực hiện.") == []


def test_a_short_back_reference_names_the_document_it_replaces() -> None:
    new, old = find(
        "(Quyết định số 23-QĐ/TW, ngày 30/7/2021 của Bộ Chính trị về việc ban hành Quy chế công tác dân vận "
        "của hệ thống chính trị (thay thế QĐ 290) và Nghị quyết"
    )
    assert old.number is None and old.partial == "QĐ 290"  # kept as written: no serial, issuer or year invented
    assert new.supersedes == ["~QĐ 290"]
    assert any(doubt for _, _, doubt in old.notes)


def test_a_type_and_serial_after_the_full_number_is_the_same_document() -> None:
    full, again = find(
        "Quán triệt Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy; thực hiện Chỉ thị 11."
    )
    assert full.number == again.number == "11-CT/TU"
    assert again.partial is None


def test_a_year_or_a_plan_length_is_not_a_serial() -> None:
    assert find("Tổng kết Kế hoạch 5 năm; xây dựng Kế hoạch 2026 của cơ quan") == []


def test_the_term_is_read_and_two_terms_give_two_documents() -> None:
    [one] = find("Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương (khóa XI) về công tác dân vận")
    assert one.term == "XI" and one.issuer_text == "Ban Chấp hành Trung ương"
    [inside] = find(
        "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về xây dựng Đảng"
    )
    assert inside.term == "XIII" and inside.issuer_text == "Ban Chấp hành Trung ương Đảng"
    first, second = find("tiếp tục thực hiện Nghị quyết số 23-NQ/TW của Ban Chấp hành Trung ương (khóa IX, khóa XII)")
    assert (first.number, first.term) == ("23-NQ/TW", "IX")
    assert (second.number, second.term) == ("23-NQ/TW", "XII")


def test_a_law_named_before_its_number_is_one_document_and_the_issuer_is_not_invented() -> None:
    cited = find(
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, ngày 25/6/2015; "
        "Luật Thực hiện dân chủ ở cơ sở; Hiến pháp năm 2013"
    )
    assert [(c.number, c.title) for c in cited] == [
        ("85/2015/QH13", "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân"),
        (None, "Luật Thực hiện dân chủ ở cơ sở"),
        (None, "Hiến pháp năm 2013"),
    ]
    assert all(c.issuer_text is None for c in cited)


def test_a_form_number_is_not_a_document() -> None:
    assert find("Biên bản Hội nghị hiệp thương lần thứ hai (Mẫu số 03/HNMT)") == []
    assert find("Biên bản Hội nghị hiệp thương lần thứ nhất (Mẫu số 01 và 02/HNMT)") == []


@pytest.mark.parametrize(
    "text",
    [
        "nhiệm kỳ 2021-2026 và giai đoạn 2017 – 2021",
        "kỷ niệm Ngày truyền thống 15/10; đạt 340/436 đơn",
        "cải thiện các chỉ số PAPI, PAR –Index, PCI và SIPAS",
        "phòng, chống dịch Covid – 19 trong năm",
    ],
)
def test_dates_and_figures_are_not_citations(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize(
    "item",
    [
        'Hướng dẫn các huyện ủy, thành ủy triển khai phong trào thi đua "Dân vận khéo" năm 2023.',
        "2. Quy định cụ thể việc đăng ký mô hình “Dân vận khéo” của các cơ quan, đơn vị.",
    ],
)
def test_a_type_word_that_opens_an_item_is_its_verb_not_a_citation(item: str) -> None:
    assert find(item) == []


def test_the_same_word_after_a_verb_of_citing_is_a_citation() -> None:
    [cited] = find('Triển khai thực hiện Hướng dẫn về phong trào thi đua "Dân vận khéo" giai đoạn 2021-2025.')
    assert cited.doc_type is DocType.HUONG_DAN


def test_a_type_code_the_numbering_rules_do_not_list() -> None:
    """'03-KHLT/...' (kế hoạch liên tịch) cannot be a valid number: the document is kept,
    numberless, with the number in its title and a note to review."""
    [joint] = find("Tổng kết Kế hoạch liên tịch số 03-KHLT/BDVTU-SNV, ngày 12/3/2019 về phối hợp công tác dân vận;")
    assert (joint.number, joint.doc_type, joint.date) == (None, DocType.KE_HOACH, dt.date(2019, 3, 12))
    assert joint.title == "Kế hoạch liên tịch số 03-KHLT/BDVTU-SNV về phối hợp công tác dân vận"
    assert any(doubt for _, _, doubt in joint.notes)


def test_laws_and_plenary_resolutions_named_without_a_number() -> None:
    found = find(
        "Triển khai thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2022, Luật Tín ngưỡng, tôn giáo và Nghị quyết "
        "Trung ương 5 khóa XI; góp ý dự thảo Luật Đất đai (sửa đổi)."
    )
    assert [(c.doc_type, c.title) for c in found] == [
        (DocType.LUAT, "Luật Thực hiện dân chủ ở cơ sở năm 2022"),
        (DocType.LUAT, "Luật Tín ngưỡng, tôn giáo"),
        (DocType.NGHI_QUYET, "Nghị quyết Trung ương 5 khóa XI"),
    ]


def test_laws_in_a_list_each_with_its_whole_name() -> None:
    found = find(
        "Thực hiện quy định của Luật Khoáng sản năm 2010, Luật Địa chất và khoáng sản năm 2024, Luật Quản lý, sử "
        "dụng tài sản công; Luật Phòng, chống tham nhũng, Luật An ninh mạng, Chỉ thị số 32/CT-TTg ngày 21/10/2025 "
        "và Bộ Luật hình sự năm 2015; Luật Thanh tra và các văn bản hướng dẫn thi hành."
    )
    assert [(c.number, c.title) for c in found] == [
        (None, "Luật Khoáng sản năm 2010"),
        (None, "Luật Địa chất và khoáng sản năm 2024"),
        (None, "Luật Quản lý, sử dụng tài sản công"),
        (None, "Luật Phòng, chống tham nhũng"),
        (None, "Luật An ninh mạng"),  # the directive after it is not its number
        ("32/CT-TTg", None),
        (None, "Bộ Luật hình sự năm 2015"),
        (None, "Luật Thanh tra"),
    ]


def test_a_law_with_its_date_and_an_amending_law() -> None:
    dated, amending = find(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; phù hợp với Luật sửa đổi, bổ sung "
        "một số điều của Luật Địa chất và khoáng sản năm 2025."
    )
    assert (dated.title, dated.date) == ("Luật Tổ chức chính quyền địa phương", dt.date(2025, 6, 16))
    assert amending.title == "Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản năm 2025"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "được sửa đổi, bổ sung tại Luật Sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương "
            "thức đối tác công tư, Luật Hải quan, Luật Quản lý, sử dụng tài sản công; Căn cứ Luật Xây dựng.",
            "Luật Sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức đối tác công tư, "
            "Luật Hải quan, Luật Quản lý, sử dụng tài sản công",
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu; Căn cứ Luật "
            "Xây dựng.",
            "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu",
        ),
        (  # the year closes the amending law's title
            "theo Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản năm 2025, Luật Xây dựng.",
            "Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản năm 2025",
        ),
    ],
)
def test_the_laws_an_amending_law_amends_are_its_title_not_documents_of_their_own(text: str, title: str) -> None:
    """'Luật sửa đổi, bổ sung một số điều của Luật X, Luật Y và Luật Z' (either case of 'Sửa đổi') is one
    document: the laws it amends are words of its title; a law after a ';' is cited on its own."""
    found = find(text)
    assert found[0].title == title and found[0].number is None
    assert [c.title for c in found[1:]] == (["Luật Xây dựng"] if "Xây dựng" in text else [])


@pytest.mark.parametrize(
    "text",
    [
        "các nhiệm vụ của Chương trình thực hiện theo quy định của Luật Ngân sách nhà nước.",
        "có trình độ đáp ứng chuẩn theo quy định của Luật Ngân sách nhà nước.",
    ],
)
def test_chuong_trinh_and_trinh_do_are_not_the_verb_to_submit(text: str) -> None:
    assert [c.title for c in find(text)] == ["Luật Ngân sách nhà nước"]


def test_a_law_is_not_a_school_subject() -> None:
    assert find("cán bộ có trình độ đại học Luật hoặc chuyên ngành luật trở lên.") == []


def test_a_programme_named_in_another_documents_title_is_its_subject() -> None:
    found = find(
        "Căn cứ Quyết định số 338/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ phê duyệt Đề án “Đầu tư xây dựng "
        "ít nhất 01 triệu căn hộ nhà ở xã hội cho đối tượng thu nhập thấp giai đoạn 2021 - 2030”;"
    )
    assert [c.number for c in found] == ["338/QĐ-TTg"]


def test_a_joint_resolution_numbered_with_its_type_then_its_issuers() -> None:
    [joint] = find(
        "Căn cứ Nghị quyết liên tịch số 102/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 15/9/2025 của Ủy ban "
        "Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
    )
    assert (joint.number_written, joint.doc_type) == ("102/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN", DocType.NGHI_QUYET)


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "theo Giấy phép dịch vụ nổ mìn số 333/GP-ATMT ngày 10/5/2024 của Cục Kỹ thuật an toàn môi trường và "
            "công nghiệp cấp, thời gian đình chỉ 4,5 tháng",
            "Cục Kỹ thuật an toàn môi trường và công nghiệp",
        ),
        ("Quyết định số 12/QĐ-UBND ngày 02/01/2025 của UBND tỉnh cấp.", "UBND tỉnh"),
        # a level after 'cấp' is part of the name
        ("Kế hoạch số 5/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân cấp tỉnh về việc X", "Ủy ban nhân dân cấp tỉnh"),
    ],
)
def test_issued_by_is_not_part_of_the_issuer(text: str, issuer: str) -> None:
    [cited] = find(text)
    assert cited.issuer_text == issuer


def test_a_national_standard_is_cited_as_written_not_as_a_state_number() -> None:
    [standard] = find("thực hiện theo quy định hiện hành và QCVN\n01:2019/BCT về an toàn trong sản xuất")
    assert standard.number is None and standard.number_written == "QCVN 01:2019/BCT"
    assert standard.doc_type is DocType.KHAC
    assert any(doubt for _, _, doubt in standard.notes)
    # a national standard (TCVN) is published, not issued by a body for others to carry out: no cited document
    assert find("theo tiêu chuẩn TCVN 5507:2002 về hóa chất nguy hiểm") == []


def test_a_number_with_a_part_serial_is_kept_as_written() -> None:
    """'66.2/2025/NQ-CP': the Government numbers some resolutions by part; the number is kept as written."""
    [resolution] = find("theo Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ về xử lý")
    assert resolution.number is None and resolution.number_written == "66.2/2025/NQ-CP"
    assert any(doubt for _, _, doubt in resolution.notes)


@pytest.mark.parametrize(
    "number",
    ["01-GCN-MT", "02", "13.4/2026/ĐN-VL", "01.6/GĐN/KSYB", "30.6/GĐN-ĐQ&V", "YBB-SA032/26-LR", "11/2026CV-YVG"],
)
def test_a_letter_cited_by_a_number_outside_the_rules_is_kept_as_written(number: str) -> None:
    text = f"Xét đề nghị của Công ty cổ phần Miền Tây tại văn bản số {number} ngày 21/4/2026; Công ty B tại ..."
    [letter] = find(text)
    assert letter.number is None and letter.number_written == number
    assert letter.doc_type is DocType.CONG_VAN
    assert letter.date == dt.date(2026, 4, 21)
    assert any(doubt for field_, _, doubt in letter.notes if field_ == "number")


def test_a_number_without_a_date_after_it_is_not_read_as_a_letter() -> None:
    assert find("Văn bản số 3 của bộ hồ sơ gồm các tài liệu sau") == []
    assert find("Thông báo số lượng học viên trước ngày 20/5/2026") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Căn cứ Nghị quyết số 101/2025/UBTVQH15 của Ủy ban Thường vụ Quốc hội quy định chi tiết;", DocType.NGHI_QUYET),
        ("Căn cứ Nghị quyết số 55/2023/QH15 ngày 24/6/2023 của Quốc hội về chất vấn;", DocType.NGHI_QUYET),
        ("Căn cứ Luật số 25/2018/QH14 về tố cáo;", DocType.LUAT),
        ("Căn cứ số 25/2018/QH14;", DocType.LUAT),
        ("Thực hiện Công văn số 2449/UBND-KT ngày 05/3/2026 của UBND tỉnh;", DocType.CONG_VAN),
        ("Thực hiện văn bản số 2449/UBND-KT ngày 05/3/2026 của UBND tỉnh;", DocType.CONG_VAN),
    ],
)
def test_a_number_without_a_type_part_takes_the_type_the_text_names(text: str, kind: DocType) -> None:
    assert [c.doc_type for c in find(text) if c.number] == [kind]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Thời hạn ban hành: Theo tiến độ được giao của Luật An ninh mạng 2025.", ["Luật An ninh mạng 2025"]),
        (
            "theo Luật Bảo vệ dữ liệu cá nhân 2025 và Luật Đất đai năm 2024.",
            ["Luật Bảo vệ dữ liệu cá nhân 2025", "Luật Đất đai năm 2024"],
        ),
        ("tổ chức đưa Luật vào cuộc sống hiệu quả.", []),
        ("rà soát các Luật thuộc thẩm quyền quản lý nhà nước.", []),
        ("bảo đảm thi hành Luật trên phạm vi cả nước.", []),
        ("góp ý dự thảo Luật Đất đai (sửa đổi);", []),
    ],
)
def test_a_law_is_named_by_its_name_not_by_running_text(text: str, titles: list[str]) -> None:
    assert [c.title for c in find(text)] == titles


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "thực hiện thắng lợi Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, thi đua lập thành "
            "tích chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
            ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"],
        ),
        (
            "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, Đại hội Đảng bộ tỉnh lần thứ XI;",
            [
                "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI",
            ],
        ),
        (
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Đại hội đại biểu Đảng bộ tỉnh lần thứ XV;",
            [
                "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV",
            ],
        ),
        ("lập thành tích chào mừng Đại hội lần thứ XIV của Đảng", []),
    ],
)
def test_a_congress_named_after_its_resolution_is_not_another_resolution(text: str, titles: list[str]) -> None:
    assert [c.title for c in find(text)] == titles


@pytest.mark.parametrize(
    ("written", "issuer", "title"),
    [
        (
            "Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của Ban Chỉ đạo về phát triển khoa học, công nghệ, "
            "đổi mới sáng tạo và chuyển đổi số tỉnh ban hành Chương trình công tác năm 2025;",
            "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh",
            "ban hành Chương trình công tác năm 2025",
        ),
        (
            "Thông báo số 30-TB/TGV ngày 13/6/2025 của Tổ giúp việc Ban chỉ đạo Trung ương về phát triển khoa học, "
            "công nghệ và chuyển đổi số thông báo kết luận cuộc họp; Kế hoạch số 283/KH-UBND",
            "Tổ giúp việc Ban chỉ đạo Trung ương về phát triển khoa học, công nghệ và chuyển đổi số",
            "thông báo kết luận cuộc họp",
        ),
        (
            "Kế hoạch số 5/KH-BCĐ ngày 1/2/2025 của Ban Chỉ đạo về phòng, chống tham nhũng tỉnh Đồng Tháp về "
            "triển khai công tác năm 2025;",
            "Ban Chỉ đạo về phòng, chống tham nhũng tỉnh Đồng Tháp",
            "về triển khai công tác năm 2025",
        ),
        # the subject ends nowhere it could: it is the title, as before
        (
            "Kế hoạch số 6/KH-BCĐ ngày 1/2/2025 của Ban Chỉ đạo về phòng, chống tham nhũng, tiêu cực.",
            "Ban Chỉ đạo",
            "về phòng, chống tham nhũng, tiêu cực",
        ),
        (
            "Quyết định số 12/QĐ-BCĐ ngày 1/2/2025 của Ban Chỉ đạo tỉnh về việc kiện toàn;",
            "Ban Chỉ đạo tỉnh",
            "về việc kiện toàn",
        ),
    ],
)
def test_an_issuer_named_by_its_subject(written: str, issuer: str, title: str) -> None:
    cited = find(written)[0]
    assert (cited.issuer_text, cited.title) == (issuer, title)


@pytest.mark.parametrize(
    ("written", "numbers"),
    [
        # the space after 'số' lost, as some PDF converters give the text
        (
            "thực hiện Chỉ thịsố55-CT/TU ngày 11/12/2024 của Ban Bí thư và Chỉ thịsố04-\nCT/TU ngày 08/01/2026",
            [("55-CT/TU", DocType.CHI_THI), ("04-CT/TU", DocType.CHI_THI)],
        ),
        ("theo Quyết định Số12/QĐ-UBND ngày 1/2/2025", [("12/QĐ-UBND", DocType.QUYET_DINH)]),
        # a word ending in 'số'-like letters is not 'số': the number stays unread inside a word
        ("mã2019/BCT", []),
    ],
)
def test_a_number_glued_to_so(written: str, numbers: list[tuple[str, DocType]]) -> None:
    assert [(c.number, c.doc_type) for c in find(written)] == numbers


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("t h e o N g h ị q u y ế t s ố 1 6 / N Q - H Đ N D v à", "16/NQ-HĐND"),
        ("theo Quyết định số\n0 1 / Q Đ - C T N n g à y 0 5", "01/QĐ-CTN"),
        ("Kế hoạch số 1 2 - K H / Đ U ngày 3/4/2025", "12-KH/ĐU"),
        ("Quyết định số 1 6 / 2 0 2 5 / Q Đ - U B N D của", "16/2025/QĐ-UBND"),
    ],
)
def test_a_number_written_letter_by_letter(written: str, number: str) -> None:
    [cited] = find(written)
    assert cited.number == number
    assert cited.number_written is not None and cited.number_written.replace(" ", "") == number
    assert any("cách từng chữ" in note for _, note, _ in cited.notes)


def test_a_law_named_in_running_text_ends_where_the_sentence_goes_on() -> None:
    [law] = find("Đã tổ chức 05 hội nghị phổ biến Luật Phòng, chống tham nhũng cho 300 lượt cán bộ.")
    assert law.title == "Luật Phòng, chống tham nhũng"
    [dated] = find("tuyên truyền Luật Đất đai năm 2024 tới các hộ dân")
    assert dated.title == "Luật Đất đai năm 2024"


def test_a_type_left_to_guess_names_the_candidates_in_one_order() -> None:
    """A number whose type code fits two kinds and no kind written: the note lists both in the
    catalogue's order, so the same text gives the same draft on every run."""
    [cited] = find("Thực hiện số 290/QĐ-UBND ngày 05/3/2024 của Ủy ban nhân dân tỉnh; Sở Y tế xây dựng kế hoạch")
    candidates = [message for _, message, _ in cited.notes if "có thể là" in message]
    expected = ", ".join(kind.label for kind in DocType if kind in {DocType.QUYET_DINH, DocType.QUY_DINH})
    assert candidates == [f"văn bản không ghi tên loại; loại QĐ có thể là {expected}"]


def test_notes_printed_as_footnotes_whose_markers_were_not_read_keep_their_wrapped_lines() -> None:
    from kehoach.importer.citations import unmarked_notes

    lines = [
        "3. Kiểm tra việc thực hiện",
        "(1) Hành vi lãng phí nêu tại Hướng dẫn số 63-HD/BCĐTW, ngày 28/4/2025 và Quy định số 69-",
        "QĐ/TW, ngày 06/7/2022 của Bộ Chính trị.",
        "",
        "[2]",
        "Quyết định số 12-QĐ/ĐU ngày 03/3/2025 của Ban Thường vụ Đảng ủy.",
        "3 Giám sát theo Kế hoạch số 15-KH/ĐU, ngày 18/9/2025 của Ban Thường vụ",
        "- Tổ chức hội nghị sơ kết.",
        "Năm 2025 toàn xã có 12 chi bộ.",  # a year is no marker
    ]
    assert unmarked_notes(lines) == [
        # the number the line broke at its hyphen is one word again, as the paragraphs' reader joins it
        "Hành vi lãng phí nêu tại Hướng dẫn số 63-HD/BCĐTW, ngày 28/4/2025 và Quy định số 69-QĐ/TW, ngày 06/7/2022 "
        "của Bộ Chính trị.",
        "Quyết định số 12-QĐ/ĐU ngày 03/3/2025 của Ban Thường vụ Đảng ủy.",
        "Giám sát theo Kế hoạch số 15-KH/ĐU, ngày 18/9/2025 của Ban Thường vụ",
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # an issuer code with a dotted part, as an office writes its unit ('VPCP-V.I', 'BCĐ.HMTN')
        (
            "Thực hiện Văn bản số 4410/VPCP-V.II ngày 02/6/2025 của Văn phòng Chính phủ, Sở Y tế báo cáo.",
            "4410/VPCP-V.II",
        ),
        ("Triển khai Công văn 15/BCĐ.PCTT của Ban Chỉ đạo tỉnh về phòng, chống lụt bão.", "15/BCĐ.PCTT"),
        # a full stop after the number ends the sentence, not the code
        ("Thực hiện Kế hoạch số 12/KH-UBND. Tiếp theo, Sở Y tế báo cáo.", "12/KH-UBND"),
    ],
)
def test_a_dotted_issuer_code_is_part_of_the_number(text: str, number: str) -> None:
    [cited] = find(text)
    assert number in (cited.number, cited.number_written)
