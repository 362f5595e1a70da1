"""Work written in the passive ('X sẽ được Y làm ...'): who does it is named after 'sẽ được'; what opens
the sentence receives the work, unless it is given it ('X sẽ được giao ...')."""

from __future__ import annotations

from pathlib import Path

from kehoach.index import Index

from .test_structure import build, tasks

PASSIVE = """\
I. NHIỆM VỤ
1. Công tác tuyên truyền
- Các văn bản hướng dẫn về công tác dân vận sẽ được Lãnh đạo Ban thẩm định trong quý II/2023.
- Phòng Dân tộc và Tôn giáo sẽ được hỗ trợ tài liệu để tổ chức hội nghị tại cơ sở.
- Phòng Dân tộc và Tôn giáo sẽ được giao theo dõi tình hình đồng bào có đạo.
"""


def test_the_units_after_se_duoc_lead_the_work(tmp_path: Path, index: Index) -> None:
    drafted, helped, given = tasks(build(tmp_path, index, PASSIVE))
    assert drafted["lead"] == ["binh-thuan-ban-dan-van-lanh-dao-ban"]
    assert helped["lead"] != ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]  # it receives, it does not lead
    assert given["lead"] == ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]


RECEIVED = """\
I. NHIỆM VỤ
1. Công tác tuyên truyền
- Phòng Dân tộc và Tôn giáo đã được cấp tài liệu để tổ chức hội nghị tại cơ sở.
- Phòng Dân tộc và Tôn giáo được hỗ trợ kinh phí mở lớp bồi dưỡng.
- Phòng Dân tộc và Tôn giáo được giao theo dõi tình hình đồng bào có đạo.
"""


def test_a_subject_that_receives_the_work_without_se_does_not_lead_it(tmp_path: Path, index: Index) -> None:
    supplied, funded, given = tasks(build(tmp_path, index, RECEIVED))
    office = ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]
    assert supplied["lead"] != office and funded["lead"] != office  # 'đã được', 'được': it receives the work
    assert given["lead"] == office  # 'được giao': it is given the work
