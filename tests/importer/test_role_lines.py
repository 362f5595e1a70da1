"""A line that only states the role of the unit named above it ('1. Sở Y tế' / 'a) Là cơ quan đầu mối chủ
trì thực hiện các nhiệm vụ sau:' / 'b) Phối hợp với Sở Tài chính thực hiện:', or a bullet, a plain line or
a bare label 'Chủ trì:' / 'Phối hợp:') heads the points under it: under 'chủ trì (, phối hợp với X)' that
unit leads and X helps; under 'phối hợp với X' too, flagged (X may be meant to lead); under 'phối hợp'
alone that unit helps and the task says its lead is missing. And time
frames written inside a work item's words: a cadence mid-sentence, a step after another, several
deadlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer.draft import Outcome
from kehoach.text import fold

from .conftest import build_text

_HEADER = """\
UBND TỈNH LÀO CAI                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG                                 Độc lập - Tự do - Hạnh phúc

Số: 215/KH-SCT                             Lào Cai, ngày 05 tháng 6 năm 2026

KẾ HOẠCH
Quản lý hoạt động hóa chất năm 2026

Căn cứ Quyết định số 1238/QĐ-UBND ngày 01/6/2026 của Ủy ban nhân dân tỉnh.

"""
_TAIL = """
Nơi nhận:                                            KT. GIÁM ĐỐC
- Như trên;                                           PHÓ GIÁM ĐỐC
- Lưu: VT, CN.
                                                     Hoàng Văn Thuân
"""
CT, TC, YT, CA = "lao-cai-so-cong-thuong", "lao-cai-so-tai-chinh", "lao-cai-so-y-te", "lao-cai-cong-an-tinh"


def _tasks(tmp_path: Path, body: str) -> Outcome:
    outcome = build_text(tmp_path, _HEADER + body + _TAIL)
    assert outcome.refused == []
    return outcome


def _roles(outcome: Outcome) -> dict[str, tuple[list[str], list[str], bool]]:
    """Each task's first words -> (lead, coordinating, whether its lead is flagged as missing)."""
    return {
        t.data["text"][:20]: (
            t.data["lead"] if not t.data.get("lead_implied") else [],
            t.data.get("coordinating", []),
            any("cần ghi chủ trì" in why for why in t.doubts.get("lead", [])),
        )
        for t in outcome.tasks
    }


_LETTERED = """\
II. NHIỆM VỤ
1. Sở Công Thương
a) Là cơ quan đầu mối chủ trì thực hiện các nhiệm vụ sau:
- Rà soát các cơ sở kinh doanh hóa chất.
b) Phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau:
- Bố trí kinh phí cho hoạt động kiểm tra.
2. Công an tỉnh
a) Chủ trì, phối hợp với Sở Y tế:
- Kiểm tra việc vận chuyển hóa chất.
b) Tham gia phối hợp:
- Điều tra các vụ cháy nổ do hóa chất.
"""
_BULLETS = """\
II. NHIỆM VỤ
1. Sở Công Thương
- Là cơ quan đầu mối chủ trì thực hiện các nhiệm vụ sau:
+ Rà soát các cơ sở kinh doanh hóa chất.
- Phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau:
+ Bố trí kinh phí cho hoạt động kiểm tra.
2. Công an tỉnh
- Chủ trì, phối hợp với Sở Y tế thực hiện:
+ Kiểm tra việc vận chuyển hóa chất.
- Phối hợp thực hiện:
+ Điều tra các vụ cháy nổ do hóa chất.
"""
_PLAIN_AND_LABELS = """\
II. NHIỆM VỤ
1. Sở Công Thương
Chủ trì thực hiện các nhiệm vụ sau:
- Rà soát các cơ sở kinh doanh hóa chất.
Phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau:
- Bố trí kinh phí cho hoạt động kiểm tra.
2. Công an tỉnh
Chủ trì:
- Kiểm tra việc vận chuyển hóa chất.
Phối hợp:
- Điều tra các vụ cháy nổ do hóa chất.
"""


@pytest.mark.parametrize("body", [_LETTERED, _BULLETS, _PLAIN_AND_LABELS], ids=["lettered", "bullets", "plain"])
def test_a_role_line_heads_the_points_under_it(tmp_path: Path, body: str) -> None:
    outcome = _tasks(tmp_path, body)
    roles = _roles(outcome)
    assert set(roles) == {
        "Rà soát các cơ sở ki",
        "Bố trí kinh phí cho ",
        "Kiểm tra việc vận ch",
        "Điều tra các vụ cháy",
    }
    assert roles["Rà soát các cơ sở ki"] == ([CT], [], False)
    # 'phối hợp với X' under a unit: as usually read, the unit still leads and X helps; flagged for review
    assert roles["Bố trí kinh phí cho "] == ([CT], [TC], False)
    helped = next(t for t in outcome.tasks if t.data["text"].startswith("Bố trí kinh phí"))
    assert any("phối hợp với" in why and "sửa lại" in why for why in helped.doubts["lead"])
    lead, helpers, _ = roles["Kiểm tra việc vận ch"]
    assert lead == [CA] and (helpers == [YT] or body is _PLAIN_AND_LABELS)
    assert roles["Điều tra các vụ cháy"] == ([], [CA], True)  # helps; no lead named: flagged


def test_a_label_over_unit_names_is_still_their_list(tmp_path: Path) -> None:
    """'Phối hợp:' over bullets that are names is the list of who helps, not a role line."""
    body = """\
II. NHIỆM VỤ
1. Rà soát các cơ sở kinh doanh hóa chất trên địa bàn tỉnh.
- Chủ trì: Sở Công Thương.
- Phối hợp:
+ Sở Tài chính;
+ Sở Y tế.
"""
    roles = _roles(_tasks(tmp_path, body))
    assert roles == {"Rà soát các cơ sở ki": ([CT], [TC, YT], False)}


@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        ("Các sở, ngành định kỳ hằng quý báo cáo kết quả thực hiện về Sở Công Thương.", "định kỳ hằng quý"),
        (
            "Sở Nội vụ tổng hợp, báo cáo định kỳ 6 tháng và hằng năm về Ủy ban nhân dân tỉnh.",
            "định kỳ 6 tháng và hằng năm",
        ),
        ("Sở Y tế ban hành hướng dẫn sau khi quy chế được ban hành.", "sau khi quy chế được ban hành"),
        (
            "Sở Tài chính bố trí kinh phí trong vòng 30 ngày kể từ khi kế hoạch được phê duyệt.",
            "trong vòng 30 ngày kể từ khi kế hoạch được phê duyệt",
        ),
        (
            "Sở Tư pháp thẩm định dự thảo trong vòng 2 tháng kể từ ngày nhận hồ sơ.",
            "trong vòng 2 tháng kể từ ngày nhận hồ sơ",
        ),
    ],
)
def test_a_time_inside_the_sentence_is_read_and_flagged(tmp_path: Path, sentence: str, time: str) -> None:
    outcome = _tasks(tmp_path, f"II. NHIỆM VỤ\n1. {sentence}\n")
    (task,) = outcome.tasks
    assert task.data["timeframe"] == time
    assert any("lấy từ nội dung" in why for why in task.doubts["timeframe"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Sở Công Thương xây dựng quy chế, trình Ủy ban nhân dân tỉnh trước ngày 30/7/2026; tổ chức triển khai "
        "trước ngày 30/9/2026.",
        "Sở Công Thương hoàn thành dự thảo trong tháng 7/2026, ban hành chậm nhất ngày 15/9/2026.",
    ],
)
def test_several_deadlines_in_one_item_are_flagged(tmp_path: Path, sentence: str) -> None:
    (task,) = _tasks(tmp_path, f"II. NHIỆM VỤ\n1. {sentence}\n").tasks
    assert any("2 mốc thời gian" in why for why in task.doubts["timeframe"])


def test_a_cadence_without_periodic_is_not_a_time(tmp_path: Path) -> None:
    """'kế hoạch hằng năm' inside a sentence names what is built, not when."""
    (task,) = _tasks(
        tmp_path, "II. NHIỆM VỤ\n1. Sở Công Thương xây dựng kế hoạch hằng năm về quản lý hóa chất.\n"
    ).tasks
    assert "timeframe" not in task.data


_GROUPS_OVER_LISTS = """\
III. NỘI DUNG KIỂM TRA, GIÁM SÁT
* Năm 2026: (02 cuộc kiểm tra, 01 cuộc giám sát)
- Về kiểm tra: 02 cuộc
1. Kiểm tra việc quán triệt, thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025-2030 trên địa bàn xã. (Giao
Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026).
2. Kiểm tra việc lãnh đạo công tác phòng, chống tham nhũng, lãng phí, tiêu cực trên địa bàn xã. (Giao Ủy ban
Kiểm tra Đảng ủy chủtrì, tham mưu trong quý III/2026).
- Về giám sát: 01 cuộc
Giám sát việc thực hiện công tác bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031 trên địa bàn
xã (Giao Hội đồng nhân dân xã chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam xã trong quý I/2026).
* Năm 2027: (01 cuộc kiểm tra)
1. Kiểm tra công tác chuẩn bị và tổ chức Đại hội các chi bộ trực thuộc Đảng bộ xã, nhiệm kỳ 2027-2030. (Giao
Ban Xây dựng Đảng chủ trì, tham mưu trong quý I/2027).
"""


def test_items_of_lists_numbered_again_under_short_group_headings(tmp_path: Path) -> None:
    """'* Năm 2026: (...)' / '- Về kiểm tra: 02 cuộc' / '1. ...' / '2. ...' / '- Về giám sát: 01 cuộc' / ...: the
    short bullets head groups of one list; each numbered point (and the group's one unnumbered point) is an
    item, not a heading over the bullet after it; each names its lead in a closing '(Giao X chủ trì ...)'."""
    header = _HEADER.replace("SỞ CÔNG THƯƠNG ", "ĐẢNG ỦY XÃ CỐC SAN").replace("215/KH-SCT", "24-CTr/ĐU")
    outcome = build_text(tmp_path, header.replace("KẾ HOẠCH", "CHƯƠNG TRÌNH") + _GROUPS_OVER_LISTS + _TAIL)
    found = [(t.data["text"][:22], t.data.get("timeframe")) for t in outcome.tasks]
    assert found == [
        ("Kiểm tra việc quán tri", "trong quý II/2026"),
        ("Kiểm tra việc lãnh đạo", "trong quý III/2026"),
        ("Giám sát việc thực hiệ", "trong quý I/2026"),
        ("Kiểm tra công tác chuẩ", "trong quý I/2027"),
    ]
    leads = [[m.split("-", 2)[-1] for m in t.data["lead"]] for t in outcome.tasks]
    assert leads[0] == leads[3] and "xay-dung-dang" in leads[0][0]
    assert "kiem-tra" in leads[1][0] and "hoi-dong-nhan-dan" in leads[2][0]
    assert not any(t.data.get("lead_implied") for t in outcome.tasks)


@pytest.mark.parametrize(
    ("heading", "lead", "helpers"),
    [
        ("2. Giao Công an tỉnh chủ trì, phối hợp với Sở Y tế:", [CA], [YT]),
        ("2. Giao Công an tỉnh chủ trì, phối hợp với Sở Y tế thực hiện các nhiệm vụ sau:", [CA], [YT]),
        ("2. Đề nghị Công an tỉnh chủ trì, phối hợp với Sở Tài chính, Sở Y tế:", [CA], [TC, YT]),
        ("2. Giao Sở Tài chính:", [TC], []),
        ("2. Đề nghị Sở Y tế:", [YT], []),
    ],
)
def test_a_heading_that_gives_the_points_under_it(
    tmp_path: Path, heading: str, lead: list[str], helpers: list[str]
) -> None:
    """'Giao X (chủ trì, phối hợp với Y):', 'Đề nghị X:' over points: X leads each point, Y helps."""
    body = f"III. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương theo dõi việc thực hiện kế hoạch.\n{heading}\n"
    body += "- Kiểm tra việc vận chuyển hóa chất.\n- Điều tra các vụ cháy nổ do hóa chất.\n"
    roles = _roles(_tasks(tmp_path, body))
    assert roles["Kiểm tra việc vận ch"] == (lead, helpers, False)
    assert roles["Điều tra các vụ cháy"] == (lead, helpers, False)


@pytest.mark.parametrize(
    "heading",
    [
        "1.2. Ban hành các Nghị quyết của Ban Chấp hành Đảng bộ xã:",
        "1.1. Tập trung lãnh đạo, chỉ đạo triển khai thực hiện:",
        "1.3. Xây dựng các đề án của Ủy ban nhân dân xã:",
    ],
)
def test_a_lead_in_heading_that_opens_with_work_names_no_unit(tmp_path: Path, heading: str) -> None:
    """'Ban hành ...' is work, not a 'Ban': the heading says what its points are, and proposes no unit."""
    body = f"II. NHIỆM VỤ\n1. Kinh tế\n{heading}\n- Nghị quyết về phát triển nông nghiệp giai đoạn 2026 - 2030.\n"
    outcome = _tasks(tmp_path, body)
    (task,) = outcome.tasks
    assert task.data.get("lead_implied") is True
    assert not any(fold(u.data["name"]).startswith(("ban hanh", "tap trung", "xay dung")) for u in outcome.units)
