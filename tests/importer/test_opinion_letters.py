"""A letter that conveys a leader's opinion (the Government Office's 'Phó Thủ tướng X có ý kiến như sau:',
a 'Thủ tướng Chính phủ yêu cầu:'): the plain paragraphs under that lead-in are the work, though nothing
numbers them; the sender's closing words and the recipients' list are not. Copied from a web page, the
letter's lines are wrapped at the page's width under a header of short cells, its 'Nơi nhận:' label
may be cut after 'Nơi' and the signer's name after its first word."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build_text

HEADER = """\
|
VĂN PHÒNG CHÍNH PHỦ
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 1234/VPCP-CN
V/v triển khai dự án
đường cao tốc Bắc - Nam
|
Hà Nội, ngày 20 tháng 11
năm 2025
|
Kính gửi: Bộ trưởng Bộ Xây dựng.
"""
# A web page's lines: wrapped at about 80 characters, a capital at a line's start mid-sentence.
OPINION = """\
Xét Báo cáo số 99/BC-BXD ngày 10 tháng 11 năm 2025 của Bộ Xây dựng về tiến độ dự
án đường cao tốc Bắc - Nam, Phó Thủ tướng Trần Văn An có ý kiến như sau:
Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính và các địa phương liên quan khẩn
trương xử lý các vướng mắc về giải phóng mặt bằng theo đúng Quy hoạch mạng lưới
đường bộ và quy định của Luật Đường bộ, hoàn thành trước ngày 15 tháng 12 năm
2025; báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 12 năm 2025.
Văn phòng Chính phủ xin thông báo để Bộ Xây dựng và các cơ quan liên quan biết,
thực hiện./.
|
Nơi
nhận:
- Như trên;
- Thủ tướng, các Phó Thủ tướng;
- Bộ Tài chính;
- Lưu: VT, CN.
|
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn
Văn Bình
"""


@pytest.mark.parametrize(
    "lead_in",
    [
        "Phó Thủ tướng Trần Văn An có ý kiến như sau:",
        "Thủ tướng Chính phủ yêu cầu:",
        "Phó Thủ tướng Trần Văn An có ý kiến chỉ đạo như sau:",
    ],
)
def test_the_paragraph_under_an_opinion_is_one_task_and_nothing_else_is(tmp_path: Path, lead_in: str) -> None:
    text = HEADER + OPINION.replace("Phó Thủ tướng Trần Văn An có ý kiến như sau:", lead_in)
    outcome = build_text(tmp_path, text)
    assert [t.data["text"][:33] for t in outcome.tasks] == ["Bộ Xây dựng chủ trì, phối hợp với"]
    [task] = outcome.tasks
    assert task.data["text"].endswith("kết quả thực hiện trong tháng 12 năm 2025.")  # one paragraph, whole
    assert task.data["timeframe"] == "trước ngày 15 tháng 12 năm 2025"
    assert outcome.plan is not None
    assert "Bộ Tài chính;" in outcome.plan.data["recipients"]
    assert outcome.plan.data["recipients"][-1] == "Lưu: VT, CN."
    assert outcome.plan.data["signer"] == "Nguyễn Văn Bình"  # the name wrapped after its first word, whole


def test_a_report_cited_in_the_lead_in_does_not_make_the_opinion_news(tmp_path: Path) -> None:
    # 'Xét Báo cáo số ...' names a report, but the lead-in says whose opinion follows: the work is kept
    outcome = build_text(tmp_path, HEADER + OPINION)
    assert len(outcome.tasks) == 1
    assert not any("cung cấp thông tin" in note for note in outcome.plan.doubts.get("sections", []))
