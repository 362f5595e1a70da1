"""A plan issued with a decision: the documents the decision's later articles name (a plan it
replaces, one it repeals) are documents the plan cites, as its 'Căn cứ' clauses are its basis."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build_text

TEXT = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NGHỆ AN                       Độc lập - Tự do - Hạnh phúc\n"
    "Số: 2853/QĐ-UBND                  Nghệ An, ngày 10 tháng 6 năm 2025\n\n"
    "QUYẾT ĐỊNH\n"
    "Ban hành Kế hoạch phòng, chống thiên tai năm 2025\n\n"
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n\n"
    "Căn cứ Luật Phòng, chống thiên tai năm 2013;\n"
    "Căn cứ Quyết định số 553/QĐ-TTg ngày 06 tháng 4 năm 2021 của Thủ tướng Chính phủ về phê duyệt Đề án;\n"
    "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường.\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2025.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. {article}\n\n"
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n\n"
    "KẾ HOẠCH\nPhòng, chống thiên tai năm 2025\n"
    "(Kèm theo Quyết định số 2853/QĐ-UBND ngày 10 tháng 6 năm 2025 của Ủy ban nhân dân tỉnh)\n\n"
    "I. NHIỆM VỤ\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì tổ chức diễn tập phòng, chống thiên tai.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các sở, ngành thực hiện nghiêm túc Kế hoạch này.\n"
)


@pytest.mark.parametrize(
    ("article", "named"),
    [
        ("Thay thế Quyết định số 3089/QĐ-UBND ngày 24 tháng 8 năm 2021 của Ủy ban nhân dân tỉnh.", ["3089/QĐ-UBND"]),
        (
            "Bãi bỏ Quyết định số 1397/QĐ-UBND ngày 08/6/2022 và Quyết định số 1179/QĐ-UBND ngày 13/4/2022.",
            ["1397/QĐ-UBND", "1179/QĐ-UBND"],
        ),
        ("", []),
    ],
    ids=["replaced", "repealed", "none"],
)
def test_documents_of_the_decisions_later_articles_are_cited(tmp_path: Path, article: str, named: list[str]) -> None:
    outcome = build_text(tmp_path, TEXT.format(article=article))
    assert outcome.plan is not None, outcome.refused
    numbers = {d.data.get("number") for d in outcome.directives}
    assert {"553/QĐ-TTg", *named} <= numbers
    assert "2853/QĐ-UBND" not in numbers  # the decision that issues the plan is the plan's own
    cites = {
        next(d.data.get("number") for d in outcome.directives if d.id == c) for c in outcome.plan.data.get("cites", [])
    }
    assert set(named) <= cites


GIVES_WORK = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NGHỆ AN                       Độc lập - Tự do - Hạnh phúc\n"
    "Số: 1234/QĐ-UBND                  Nghệ An, ngày 10 tháng 6 năm 2025\n\n"
    "QUYẾT ĐỊNH\n"
    "Về việc triển khai công tác phòng, chống thiên tai năm 2025\n\n"
    "Căn cứ Luật Phòng, chống thiên tai năm 2013;\n"
    "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường.\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Phê duyệt danh mục công trình phòng, chống thiên tai năm 2025.\n\n"
    "Điều 2. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính tổ chức triển khai thực hiện,\n"
    "hoàn thành trước ngày 30/9/2025.\n"
    "Điều 3. Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện trong quý III/2025.\n\n"
    "Điều 4. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Điều 5. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n\n"
    "Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN\n"
    "- Như Điều 5;\n"
    "- Lưu: VT.                                         CHỦ TỊCH\n"
)


def test_a_decision_that_gives_work_article_by_article(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, GIVES_WORK)
    assert outcome.plan is not None, outcome.refused
    # an article giving work to whom it names is a task; approving, taking effect, carrying out are not
    build, funds = (task.data for task in outcome.tasks)
    assert build["text"].startswith("Giao Sở Nông nghiệp và Môi trường chủ trì")
    assert build["timeframe"] == "trước ngày 30/9/2025"
    assert funds["text"] == "Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện trong quý III/2025."
    assert funds["timeframe"] == "trong quý III/2025"
    assert build["lead"] == ["nghe-an-so-nong-nghiep-va-moi-truong"]
    assert build["coordinating"] == funds["lead"] == ["nghe-an-so-tai-chinh"]
    [articles] = outcome.plan.data["sections"]
    assert "Quyết định này có hiệu lực kể từ ngày ký." in articles["text"]


BARE_ARTICLES = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NGHỆ AN                       Độc lập - Tự do - Hạnh phúc\n"
    "Số: 1235/QĐ-UBND                  Nghệ An, ngày 12 tháng 6 năm 2025\n\n"
    "QUYẾT ĐỊNH\n"
    "Về việc triển khai công tác chuyển đổi số năm 2025\n\n"
    "Căn cứ Luật Giao dịch điện tử năm 2023;\n"
    "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1.\n\n"
    "Phê duyệt danh mục nền tảng số dùng chung của tỉnh năm 2025.\n\n"
    "Điều 2.\n\n"
    "1. Sở Khoa học và Công nghệ chủ trì triển khai các nền tảng số dùng chung, hoàn thành trong năm 2025.\n\n"
    "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Liên đoàn Lao động tỉnh phối hợp tuyên truyền sử dụng.\n\n"
    "3. Sở Tài chính, trong phạm vi chức năng, nhiệm vụ được giao, chủ động bố trí kinh phí thực hiện.\n\n"
    "Điều 3.\n\n"
    "Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN\n"
    "- Như Điều 2;\n"
    "- Lưu: VT.                                         CHỦ TỊCH\n"
)


def test_articles_whose_mark_stands_alone_give_work_clause_by_clause(tmp_path: Path) -> None:
    # 'Điều 2.' over its clauses '1.', '2.', '3.': each clause giving or asking work of whom it names is a task,
    # though the bodies asked are not all read as units, and the scope between a subject and its verb is no name
    outcome = build_text(tmp_path, BARE_ARTICLES)
    assert outcome.plan is not None, outcome.refused
    texts = [task.data["text"] for task in outcome.tasks]
    assert [text.split(",")[0] for text in texts] == [
        "Sở Khoa học và Công nghệ chủ trì triển khai các nền tảng số dùng chung",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Sở Tài chính",
    ]
    assert outcome.tasks[2].data["lead"] == ["nghe-an-so-tai-chinh"]
    assert not any(text.startswith(("Phê duyệt", "Quyết định này", "Điều")) for text in texts)
