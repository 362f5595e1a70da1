"""Paragraphs that are not work, read by their place in the document: those a dispatch is sent to (under
'... điện:'), the situation it describes before it asks for work, its subject line ('V/V ...'), and a
recipients' list whose label is written with Markdown emphasis ('__Nơi nhận__:')."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer import document, source
from kehoach.importer.lines import clean_markup
from kehoach.index import Index

from .test_structure import build, openings, tasks

DISPATCH = """\
THỦ TƯỚNG CHÍNH PHỦ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
-------                      Độc lập - Tự do - Hạnh phúc
Số: 301/CĐ-TTg               Hà Nội, ngày 14 tháng 10 năm 2025

CÔNG ĐIỆN
V/V CHỦ ĐỘNG ỨNG PHÓ ĐỢT RÉT ĐẬM DIỆN RỘNG
THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La, Điện Biên, Lai Châu;
- Bộ trưởng các Bộ: Nông nghiệp và Môi trường, Y tế;
- Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.
Từ đêm 12/10/2025, một đợt không khí lạnh mạnh tràn về các tỉnh miền núi phía Bắc, nhiệt độ nhiều nơi
xuống dưới 5 độ, có nơi có băng giá.
Theo dự báo của cơ quan khí tượng, đợt rét có thể kéo dài thêm 5 ngày nữa.
Để bảo vệ sức khỏe Nhân dân và sản xuất nông nghiệp, Thủ tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân dân các tỉnh nêu trên chỉ đạo che chắn chuồng trại, chống rét cho vật nuôi.
2. Bộ trưởng Bộ Y tế chỉ đạo các cơ sở y tế sẵn sàng thuốc men, tiếp nhận người bệnh do rét.
3. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này./.

Nơi nhận:                                  THỦ TƯỚNG
- Như trên;
- Lưu: VT.
                                           Phạm Minh Chính
"""


def test_a_dispatch_addressees_and_situation_are_not_work(tmp_path: Path, index: Index) -> None:
    path = tmp_path / "cong-dien.txt"
    path.write_text(DISPATCH, encoding="utf-8")
    outcome = document.build(source.read(path), index)
    texts = [t.data["text"] for t in outcome.tasks]
    assert openings(texts) == ["Chủ tịch Ủy ban", "Bộ trưởng Bộ Y", "Văn phòng Chính phủ"]


def test_a_dispatch_is_drafted_as_one_with_its_subject_as_title(tmp_path: Path, index: Index) -> None:
    # 'CÔNG ĐIỆN' is its type line (type code CĐ), the subject follows its 'V/V' label and ends at the
    # line naming who sends it ('THỦ TƯỚNG CHÍNH PHỦ điện:'), over those it is sent to.
    path = tmp_path / "cong-dien.txt"
    path.write_text(DISPATCH.replace("V/V CHỦ ĐỘNG ỨNG PHÓ ĐỢT RÉT", "V/V CHỦ ĐỘNG ỨNG PHÓ\nĐỢT RÉT"), encoding="utf-8")
    plan = document.build(source.read(path), index).plan.data
    assert plan["type"] == "cong-dien"
    assert plan["number"] == "301/CĐ-TTg"
    assert plan["title"] == "Chủ động ứng phó đợt rét đậm diện rộng"


def test_a_dispatch_cited_by_its_number_is_a_dispatch_of_its_sender(tmp_path: Path, index: Index) -> None:
    text = DISPATCH.replace(
        "Để bảo vệ sức khỏe", "Tiếp theo Công điện số 298/CĐ-TTg ngày 10/10/2025, để bảo vệ sức khỏe"
    )
    path = tmp_path / "cong-dien.txt"
    path.write_text(text, encoding="utf-8")
    cited = [d.data for d in document.build(source.read(path), index).directives]
    assert [(d["number"], d["type"]) for d in cited] == [("298/CĐ-TTg", "cong-dien")]


LETTER_TO_UNITS = """\
I. NHIỆM VỤ
Ban Dân vận Tỉnh ủy gửi Kế hoạch đến các đơn vị sau đây. Kính gửi:
- Phòng Đoàn thể và các hội;
- Phòng Dân tộc và Tôn giáo.
1. Phòng Đoàn thể và các hội tổng hợp ý kiến của các hội trước ngày 15/4/2023.
- Phòng Dân tộc và Tôn giáo rà soát số liệu về đồng bào dân tộc thiểu số.
"""


def test_points_after_the_addressees_are_read_as_usual(tmp_path: Path, index: Index) -> None:
    # Inside the body a line ending in 'Kính gửi:' is not the document's opening: its points stay work.
    texts = [t["text"] for t in tasks(build(tmp_path, index, LETTER_TO_UNITS))]
    assert "Phòng Dân tộc và Tôn giáo rà soát số liệu về đồng bào dân tộc thiểu số." in texts


def test_a_recipients_label_in_markdown_emphasis_is_the_recipients_label() -> None:
    assert clean_markup("__Nơi nhận__:")[0] == "Nơi nhận:"
    assert clean_markup("__Nơi nhận: __")[0] == "Nơi nhận:"
    assert clean_markup("Họ và tên: ____________")[0] == "Họ và tên: ____________"  # a blank to fill in
    assert clean_markup("tên_tệp__cũ__mới")[0] == "tên_tệp__cũ__mới"


EMPHASISED_RECIPIENTS = """\
I. NHIỆM VỤ
1. Phòng Đoàn thể và các hội tổng hợp ý kiến của các hội trước ngày 15/4/2023.
2. Phòng Dân tộc và Tôn giáo rà soát số liệu về đồng bào dân tộc thiểu số.

__Nơi nhận__:
- Thường trực Tỉnh ủy (để báo cáo),
- Các huyện ủy, thành ủy,
- Lưu Văn phòng Ban.
"""


def test_recipients_under_an_emphasised_label_are_not_tasks(tmp_path: Path, index: Index) -> None:
    texts = [t["text"] for t in tasks(build(tmp_path, index, EMPHASISED_RECIPIENTS))]
    assert openings(texts) == ["Phòng Đoàn thể và", "Phòng Dân tộc và"]


EXAMPLES = """\
I. NHIỆM VỤ
1. Về số lượng đại biểu dự hội nghị
- Mỗi chi bộ cử không quá 03 đại biểu dự hội nghị cấp xã.
Ví dụ:
Chi bộ thôn A có 40 đảng viên, được cử 03 đại biểu.
Chi bộ thôn B có 12 đảng viên, được cử 02 đại biểu.
- Phòng Đoàn thể và các hội tổng hợp danh sách đại biểu trước ngày 15/4/2023.
Ví dụ: Đồng chí Nguyễn Văn X, Bí thư chi bộ thôn A, là đại biểu đương nhiên.
2. Về tổ chức hội nghị
Phòng Dân tộc và Tôn giáo chuẩn bị tài liệu hội nghị.
Ví dụ 2:
+ Hội nghị cụm số 1 tổ chức cho các chi bộ thôn A, B.
+ Hội nghị cụm số 2 tổ chức cho các chi bộ thôn C, D.
3. Văn phòng Ban bố trí hội trường.
"""


def test_a_worked_example_and_the_paragraphs_telling_it_are_not_work(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, EXAMPLES)
    assert openings([t["text"] for t in tasks(outcome)]) == [
        "Mỗi chi bộ cử",
        "Phòng Đoàn thể và",
        "Phòng Dân tộc và",
        "Văn phòng Ban bố",
    ]


CONTENTS = """\
I. NHIỆM VỤ
1. Sở Xây dựng lập đề án chỉnh trang đô thị, trình Ủy ban nhân dân tỉnh trong quý III/2026.
2. Đề án chỉnh trang đô thị bao gồm các nội dung chủ yếu sau:
a) Hiện trạng các tuyến phố cần chỉnh trang;
b) Các giải pháp chỉnh trang và lộ trình thực hiện;
c) Nhu cầu kinh phí và nguồn vốn.
3. Sở Tài chính thẩm định kinh phí của đề án trước ngày 30/9/2026.
4. Thẩm định đề án
- Hồ sơ đề nghị thẩm định gồm những tài liệu sau:
+ Tờ trình của Sở Xây dựng;
+ Dự thảo đề án.
- Nội dung thẩm định gồm: sự phù hợp với quy hoạch; nguồn vốn; hiệu quả đầu tư.
- Sở Xây dựng gửi hồ sơ đến Sở Tài chính trước ngày 15/9/2026.
"""


def test_the_contents_a_paper_holds_are_not_work(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, CONTENTS)
    assert openings([t["text"] for t in tasks(outcome)]) == [
        "Sở Xây dựng lập",
        "Sở Tài chính thẩm",
        "Sở Xây dựng gửi",
    ]


LIST_GIVEN_BY_A_SENTENCE = """\
I. NHIỆM VỤ TRỌNG TÂM
Thời gian tới, khối lượng công việc rất lớn. Đề nghị Phòng Đoàn thể và các hội tập trung chỉ đạo thực hiện \
quyết liệt; trong đó lưu ý một số nội dung trọng tâm sau:
- Rà soát, kiện toàn các chi hội ở khu dân cư.
- Phòng Dân tộc và Tôn giáo phối hợp tổ chức hội nghị với người có uy tín.
- Tổng hợp kết quả, báo cáo Thường trực trước ngày 30/11/2023.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Ban theo dõi, đôn đốc việc thực hiện.
"""


def test_points_after_a_sentence_naming_who_does_them_are_given_to_it_flagged(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, LIST_GIVEN_BY_A_SENTENCE)
    by_text = {" ".join(t.data["text"].split()[:3]): t for t in outcome.tasks}
    assert "Thời gian tới," not in by_text  # the lead-in is the section's text
    lead = by_text["Rà soát, kiện"].data["lead"]
    assert lead and "phong-doan-the" in lead[0]
    for opening in ("Rà soát, kiện", "Tổng hợp kết"):
        task = by_text[opening]
        assert task.data["lead"] == lead
        assert any("câu dẫn" in why for why in task.doubts["lead"])  # a lead read from the sentence above: flagged
    assert by_text["Phòng Dân tộc"].data["lead"] != lead  # a point naming its own unit keeps it


UNIT_HEADS = """\
I. NHIỆM VỤ

1. Nhiệm vụ của các phòng

- Phòng Đoàn thể và các hội

+ Tổng hợp ý kiến của các hội trước ngày 15/4/2023.

+ Rà soát, kiện toàn các chi hội ở khu dân cư.

- Phòng Dân tộc và Tôn giáo

+ Phối hợp tổ chức hội nghị với người có uy tín.

+ Rà soát số liệu về đồng bào dân tộc thiểu số.
"""


def test_each_unit_bullet_heads_the_points_under_it(tmp_path: Path, index: Index) -> None:
    # A web page's layout, a blank line between paragraphs: the second unit's points use the mark the first unit's
    # points used; they are its own, not the section's.
    leads = [t["lead"] for t in tasks(build(tmp_path, index, UNIT_HEADS))]
    assert len(leads) == 4 and leads[0] == leads[1] and leads[2] == leads[3]
    assert "doan-the" in leads[0][0] and "dan-toc" in leads[2][0]


TOPICS = """\
I. VỀ CÁC KIẾN NGHỊ CỦA BAN
1. Về kinh phí tổ chức hội nghị cử tri: Giao Phòng Đoàn thể và các hội chủ trì, tổng hợp nhu cầu, báo cáo \
Thường trực trước ngày 15/4/2023.
2. Về tài liệu tuyên truyền: Phòng Dân tộc và Tôn giáo khẩn trương biên soạn, phát hành trong tháng 4/2023.
3. Về lịch làm việc của Thường trực: Thường trực thống nhất với đề xuất của Văn phòng Ban.
"""


def test_a_topic_then_work_with_its_own_subject_gives_the_work_to_that_subject(tmp_path: Path, index: Index) -> None:
    # A notice of conclusions writes each point as its topic, a colon, then the work given ('Về X: Giao Y ...').
    outcome = build(tmp_path, index, TOPICS)
    leads = [t["lead"] for t in tasks(outcome)]
    assert len(leads) == 2
    assert "doan-the" in leads[0][0] and "dan-toc" in leads[1][0]
