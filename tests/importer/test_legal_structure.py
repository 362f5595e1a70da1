"""A legal text (a regulation a decision issues, a resolution setting norms): its chapters, sections and titled
articles are headings, whether written on one line or broken over two ('Chương' / 'II', 'Điều 3.' / 'Kê khai
giá', 'Điều' / '5. Kiểm tra'); a chapter of general provisions and the articles on taking effect hold no work;
elsewhere a clause is work when it gives work to whom it names or states a date by which something is due."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer.source import Paragraph
from kehoach.importer.structure.articles import read_legal

from .conftest import build_text

HEADER = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NGHỆ AN                       Độc lập - Tự do - Hạnh phúc\n"
    "Số: 15/2025/QĐ-UBND                  Nghệ An, ngày 10 tháng 6 năm 2025\n\n"
    "QUYẾT ĐỊNH\n"
    "Quy định phân công nhiệm vụ quản lý nhà nước về đo lường trên địa bàn tỉnh Nghệ An\n\n"
    "Căn cứ Luật Đo lường số 04/2011/QH13;\n"
    "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.\n\n"
    "Ủy ban nhân dân tỉnh ban hành Quyết định quy định phân công nhiệm vụ quản lý nhà nước về đo lường.\n\n"
)

REGULATION = HEADER + (
    "Chương\n\nI\n\nQUY ĐỊNH CHUNG\n\n"
    "Điều 1.\n\nPhạm vi điều chỉnh\n\n"
    "Quyết định này quy định việc phân công nhiệm vụ quản lý nhà nước về đo lường trên địa bàn tỉnh.\n\n"
    "Điều 2.\n\nNguyên tắc phân công\n\n"
    "1. Mỗi nhiệm vụ giao một cơ quan chủ trì, bảo đảm không chồng chéo.\n\n"
    "2. Cơ quan chủ trì chịu trách nhiệm về kết quả thực hiện nhiệm vụ được giao.\n\n"
    "Chương II\n\nQUY ĐỊNH CỤ THỂ\n\n"
    "Mục 1.\n\nKIỂM ĐỊNH PHƯƠNG TIỆN ĐO\n\n"
    "Điều 3.\n\nĐăng ký kiểm định\n\n"
    "1. Sở Khoa học và Công nghệ có trách nhiệm tổng hợp danh mục phương tiện đo phải kiểm định của các "
    "ngành, trình Ủy ban nhân dân tỉnh ban hành.\n\n"
    "2. Các cơ quan quản lý chuyên ngành rà soát danh sách cơ sở sử dụng phương tiện đo, gửi về đầu mối "
    "tổng hợp trước ngày 20 tháng 01 hằng năm.\n\n"
    "3. Đối tượng phải đăng ký: Tổ chức, cá nhân sử dụng phương tiện đo nhóm 2 trên địa bàn tỉnh.\n\n"
    "Điều 4. Báo cáo kết quả kiểm định\n\n"
    "a) Sở Tài chính:\n\n"
    "Bố trí kinh phí kiểm định phương tiện đo của các cơ quan nhà nước cấp tỉnh.\n\n"
    "Hướng dẫn các cơ quan thanh quyết toán kinh phí kiểm định theo quy định.\n\n"
    "Mục 2.\n\nKIỂM TRA VỀ ĐO LƯỜNG Điều\n\n"
    "5. Kiểm tra nhà nước về đo lường\n\n"
    "1. Sở Khoa học và Công nghệ chủ trì kiểm tra nhà nước về đo lường đối với phương tiện đo trên địa bàn.\n\n"
    "2. Sở Tài chính chịu trách nhiệm cập nhật dữ liệu đo lường đối với:\n\n"
    "a) Kết quả kiểm định phương tiện đo;\n\n"
    "b) Danh sách tổ chức kiểm định.\n\n"
    "3. Tần suất kiểm tra: Thực hiện theo quy định tại khoản 2 Điều 8.\n\n"
    "4. Kể từ ngày 01 tháng 01 năm 2026: Thực hiện kiểm tra định kỳ.\n\n"
    "Chương\n\nIII\n\nTỔ CHỨC THỰC HIỆN\n\n"
    "Điều 6. Hiệu lực thi hành\n\n"
    "1. Quyết định này có hiệu lực kể từ ngày 20 tháng 6 năm 2025.\n\n"
    "2. Bãi bỏ Quyết định số 07/2020/QĐ-UBND ngày 05 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh.\n\n"
    "Điều 7. Trách nhiệm thi hành\n\n"
    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành "
    "Quyết định này./.\n\n"
    "Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN\n"
    "- Như Điều 7;\n"
    "- Lưu: VT.                                         CHỦ TỊCH\n"
)


def _texts(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [task.data["text"] for task in outcome.tasks]


def test_a_regulations_chapters_sections_and_articles_are_headings_not_tasks(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, REGULATION)
    assert outcome.plan is not None, outcome.refused
    texts = _texts(outcome)
    for word in ("Chương", "Điều", "Mục", "III", "QUY ĐỊNH", "KIỂM", "Đăng ký kiểm định", "Phạm vi"):
        assert not any(text.startswith(word) for text in texts), (word, texts)
    parts = [section["heading"] for section in outcome.plan.data["sections"]]
    assert parts[:3] == ["Quy định chung", "Quy định cụ thể", "Tổ chức thực hiện"]


def test_general_provisions_and_taking_effect_hold_no_work(tmp_path: Path) -> None:
    texts = _texts(build_text(tmp_path, REGULATION))
    assert not any("Mỗi nhiệm vụ giao" in text or "Cơ quan chủ trì chịu" in text for text in texts)
    assert not any("có hiệu lực" in text or "Bãi bỏ" in text or "thi hành" in text for text in texts)
    assert not any(text.startswith("Đối tượng phải đăng ký") for text in texts)


def test_clauses_giving_work_or_a_deadline_are_tasks(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, REGULATION)
    by_text = {task.data["text"][:40]: task for task in outcome.tasks}
    lead = by_text["Sở Khoa học và Công nghệ có trách nhiệm "]
    assert lead.data["lead"] == ["nghe-an-so-khoa-hoc-va-cong-nghe"]
    # a duty with a date by which it is due is work, though the bodies it names are no unit of the registry
    assert any(text.startswith("Các cơ quan quản lý chuyên ngành rà soát") for text in _texts(outcome))
    # 'a) Sở Tài chính:' heads the paragraphs under it: they are its work, it is none itself
    funds = [
        task for task in outcome.tasks if task.data["text"].startswith(("Bố trí kinh phí", "Hướng dẫn các cơ quan"))
    ]
    assert len(funds) == 2
    assert all(task.data["lead"] == ["nghe-an-so-tai-chinh"] for task in funds)
    assert not any(text.rstrip(":") == "Sở Tài chính" for text in _texts(outcome))
    assert any(text.startswith("Sở Khoa học và Công nghệ chủ trì kiểm tra") for text in _texts(outcome))


def _para(text: str, line: int) -> Paragraph:
    return Paragraph(text, line)


def test_articles_clauses_are_numbered_under_their_article() -> None:
    paras = [
        _para("Điều", 1),
        _para("3. Đăng ký kiểm định", 2),
        _para("1. Sở X tổng hợp danh mục.", 3),
        _para("15 Nghị định số 85/2024/NĐ-CP quy định.", 4),
        _para("Điều 4.", 5),
        _para("Báo cáo kết quả", 6),
        _para("2. Sở Y báo cáo.", 7),
    ]
    read, legal = read_legal(paras)
    assert [p.text for p in read] == [
        "3. Đăng ký kiểm định",
        "3.1. Sở X tổng hợp danh mục.",
        "15 Nghị định số 85/2024/NĐ-CP quy định.",  # a figure a line break left first is no clause
        "4. Báo cáo kết quả",
        "4.2. Sở Y báo cáo.",
    ]
    assert sorted(legal.articles.values()) == ["Điều 3", "Điều 4"]


def test_a_decision_whose_articles_are_sentences_is_left_to_the_decision_reading() -> None:
    paras = [
        _para("Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.", 1),
        _para("Điều 2. Thành lập Tổ công tác gồm các đồng chí sau:", 2),
        _para("1. Đồng chí A - Tổ trưởng.", 3),
        _para("Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này", 4),
    ]
    read, legal = read_legal(paras)
    assert read == paras
    assert not legal.articles


def test_points_finishing_a_clause_a_rule_pointer_and_a_dated_stage(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, REGULATION)
    texts = _texts(outcome)
    # '... đối với:' / 'a) ...' / 'b) ...': the points name what the one duty covers
    [update] = [t for t in outcome.tasks if t.data["text"].startswith("Sở Tài chính chịu trách nhiệm cập nhật")]
    assert update.data["lead"] == ["nghe-an-so-tai-chinh"]
    assert not any(text.startswith(("Kết quả kiểm định", "Danh sách tổ chức")) for text in texts)
    # a clause that only says which rule applies is no work
    assert not any(text.startswith("Tần suất kiểm tra") for text in texts)
    # a stage opening with its date written out is work, due then
    [stage] = [task for task in outcome.tasks if task.data["text"].startswith("Kể từ ngày 01 tháng 01 năm 2026")]
    assert stage.data["timeframe"] == "Kể từ ngày 01 tháng 01 năm 2026"


COORDINATION = HEADER.replace("Quy định phân công nhiệm vụ", "Ban hành Quy chế phối hợp về nhiệm vụ") + (
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý nhà nước về đo lường trên địa bàn tỉnh.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2025.\n\n"
    "QUY CHẾ\n\nPHỐI HỢP QUẢN LÝ NHÀ NƯỚC VỀ ĐO LƯỜNG\n\n"
    "Chương I\n\nNHỮNG QUY ĐỊNH CHUNG\n\n"
    "Điều 1. Phạm vi điều chỉnh\n\n"
    "Quy chế này quy định việc phối hợp quản lý đo lường.\n\n"
    "Điều 2. Nội dung phối hợp\n\n"
    "1. Tham mưu xây dựng văn bản quản lý nhà nước về đo lường.\n\n"
    "2. Kiểm tra, xử lý vi phạm về đo lường trên địa bàn tỉnh.\n\n"
    "Chương II\n\nTRÁCH NHIỆM PHỐI HỢP\n\n"
    "Điều 3. Phối hợp trong tuyên truyền, phổ biến chủ trương, chính sách, pháp luật về đo lường và tập huấn, "
    "bồi dưỡng chuyên môn, nghiệp vụ cho cán bộ, công chức làm công tác đo lường ở các cấp\n\n"
    "1. Sở Khoa học và Công nghệ\n\n"
    "Chủ trì xây dựng kế hoạch tuyên truyền pháp luật về đo lường cho doanh nghiệp trên địa bàn tỉnh.\n\n"
    "2. Sở Tư pháp\n\n"
    "Phối hợp thẩm định tài liệu tuyên truyền pháp luật về đo lường.\n\n"
    "Điều 4. Phối hợp kiểm tra phương tiện đo, hàng đóng gói sẵn, chất lượng hàng hóa lưu thông trên thị trường "
    "và xử lý vi phạm hành chính trong lĩnh vực đo lường theo thẩm quyền.\n\n"
    "1. Sở Khoa học và Công nghệ\n\n"
    "Chủ trì kiểm tra phương tiện đo nhóm 2 tại các chợ trên địa bàn tỉnh.\n\n"
    "2. Công an tỉnh\n\n"
    "Phối hợp xử lý các hành vi gian lận về đo lường.\n\n"
    "Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN\n"
    "- Lưu: VT.                                         CHỦ TỊCH\n"
)


def test_a_general_chapters_contents_of_coordination_are_rules_not_tasks(tmp_path: Path) -> None:
    # 'Điều 2. Nội dung phối hợp' in a chapter of general provisions lists what the coordination covers:
    # no body is given work there
    texts = _texts(build_text(tmp_path, COORDINATION))
    assert not any(text.startswith(("Tham mưu xây dựng văn bản", "Kiểm tra, xử lý vi phạm")) for text in texts)


def test_a_long_article_title_heads_its_clauses_as_a_short_one_does(tmp_path: Path) -> None:
    # titles over two printed lines, one of them closed with a period, head the clauses numbered from 1 under them
    outcome = build_text(tmp_path, COORDINATION)
    texts = _texts(outcome)
    titles = ("Điều", "Phối hợp trong tuyên truyền", "Phối hợp kiểm tra phương tiện")
    assert not any(text.startswith(titles) for text in texts)
    leads = [(task.data["text"].split()[:3], task.data["lead"]) for task in outcome.tasks]
    assert leads == [
        (["Chủ", "trì", "xây"], ["nghe-an-so-khoa-hoc-va-cong-nghe"]),
        (["Phối", "hợp", "thẩm"], ["nghe-an-so-tu-phap"]),
        (["Chủ", "trì", "kiểm"], ["nghe-an-so-khoa-hoc-va-cong-nghe"]),
        (["Phối", "hợp", "xử"], ["nghe-an-cong-an-tinh"]),
    ]
