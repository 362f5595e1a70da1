"""A role written in brackets after the units it is theirs: 'Phòng X (chủ trì), Phòng Y (phối hợp)', in a
label line, at the opening of an item, or after the unit a heading names."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer.structure.fields import labels_of
from kehoach.index import Index

from .test_structure import build, tasks


def test_a_label_whose_units_carry_their_roles_in_brackets() -> None:
    lead, helpers = labels_of("- Cơ quan thực hiện: Sở Y tế (chủ trì); Sở Tài chính, Sở Nội vụ (phối hợp).", 3)
    assert (lead.role, lead.value) == ("lead", "Sở Y tế")
    assert (helpers.role, helpers.value) == ("coordinating", "Sở Tài chính, Sở Nội vụ")
    # units after the last mark help the lead a mark names
    lead, helpers = labels_of("Đơn vị thực hiện: Văn phòng (cơ quan chủ trì), Phòng Tổng hợp", 3)
    assert (lead.value, helpers.role, helpers.value) == ("Văn phòng", "coordinating", "Phòng Tổng hợp")
    # a label with no mark, or of a time, is as written
    [time] = labels_of("Thời gian thực hiện: Quý II/2026 (chủ trì)", 3)
    assert time.role == "timeframe"


MARKED = """\
I. NHIỆM VỤ
1. Công tác nắm tình hình
- Nắm tình hình tư tưởng của đoàn viên công đoàn cơ quan.
- Cơ quan thực hiện: Phòng Dân tộc và Tôn giáo (chủ trì), Phòng Đoàn thể và các hội (phối hợp).
2. Công tác tuyên truyền
- Phòng Đoàn thể và các hội (chủ trì), Phòng Dân tộc và Tôn giáo (phối hợp) tổ chức tuyên truyền về \
công tác dân vận.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Dân vận các cơ quan nhà nước (cơ quan chủ trì)
- Theo dõi, đôn đốc việc thực hiện Kế hoạch.
"""


def test_units_marked_with_their_roles_in_labels_items_and_headings(tmp_path: Path, index: Index) -> None:
    labelled, opening, under_heading = tasks(build(tmp_path, index, MARKED))
    for task, lead, helper in (
        (labelled, "phong-dan-toc-va-ton-giao", "phong-doan-the-va-cac-hoi"),
        (opening, "phong-doan-the-va-cac-hoi", "phong-dan-toc-va-ton-giao"),
    ):
        assert task["lead"] == [f"binh-thuan-ban-dan-van-{lead}"]
        assert task["coordinating"] == [f"binh-thuan-ban-dan-van-{helper}"]
    assert opening["text"].startswith("Phòng Đoàn thể và các hội (chủ trì)")  # the text stays as written
    assert under_heading["lead"] == ["binh-thuan-ban-dan-van-phong-dan-van-cac-co-quan-nha-nuoc"]
