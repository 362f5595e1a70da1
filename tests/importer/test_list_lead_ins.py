"""A lead-in that only names the list of work under it ('Ban Chỉ đạo có nhiệm vụ:', '- Các hoạt động truyền thông
bao gồm:') is no work of its own: the points under it are, given to whom it names."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer import document, source
from kehoach.index import Index

from .test_structure import build, openings, tasks

DECISION = """\
ĐẢNG BỘ XÃ AN BÌNH                       ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY                                  ---------------
Số 15-QĐ/ĐU                              An Bình, ngày 02 tháng 3 năm 2026

QUYẾT ĐỊNH
Thành lập Ban Chỉ đạo chuyển đổi số

ĐẢNG ỦY XÃ AN BÌNH
Căn cứ Quy chế làm việc của Đảng ủy xã nhiệm kỳ 2025 - 2030;
QUYẾT ĐỊNH:
Điều 1. Thành lập Ban Chỉ đạo chuyển đổi số của Đảng ủy xã gồm 05 đồng chí.
Điều 2. Ban Chỉ đạo có nhiệm vụ:
1. Xây dựng kế hoạch chuyển đổi số của Đảng bộ xã trước ngày 30/4/2026.
2. Hướng dẫn các chi bộ sử dụng sổ tay đảng viên điện tử.
Điều 3. Văn phòng Đảng ủy và các đồng chí có tên tại Điều 1 thi hành Quyết định này./.

Nơi nhận:                                T/M ĐẢNG ỦY
- Như Điều 3,                            BÍ THƯ
- Lưu Văn phòng Đảng ủy.
                                         Trần Văn An
"""


def test_an_article_naming_duties_leads_into_them(tmp_path: Path, index: Index) -> None:
    path = tmp_path / "quyet-dinh.txt"
    path.write_text(DECISION, encoding="utf-8")
    outcome = document.build(source.read(path), index)
    texts = [t.data["text"] for t in outcome.tasks]
    assert "Ban Chỉ đạo có nhiệm vụ:" not in texts
    assert openings(texts)[:2] == ["Xây dựng kế hoạch", "Hướng dẫn các chi"]


CONTENTS = """\
I. NHIỆM VỤ
1. Tuyên truyền về chuyển đổi số
- Các hoạt động truyền thông trong năm bao gồm:
+ Đăng tải tin, bài trên Cổng thông tin điện tử của xã.
+ Phát thanh trên hệ thống loa truyền thanh cơ sở.
2. Tập huấn kỹ năng số cho cán bộ
- Tổ chức 02 lớp tập huấn trong quý II/2026.
"""


def test_a_list_of_contents_leads_into_its_points(tmp_path: Path, index: Index) -> None:
    texts = [t["text"] for t in tasks(build(tmp_path, index, CONTENTS))]
    assert openings(texts) == ["Đăng tải tin, bài", "Phát thanh trên hệ", "Tổ chức 02 lớp"]


GROUPS_AFTER_GROUNDS = """\
I. NHIỆM VỤ
1. Rà soát các điểm ngập úng trên địa bàn trước ngày 30/5/2026.
II. TỔ CHỨC THỰC HIỆN
1. Căn cứ Kế hoạch này, các sở, ngành, Ủy ban nhân dân các xã xây dựng phương án phòng chống ngập úng của đơn vị.
2. Các tỉnh ủy, thành ủy có trách nhiệm chỉ đạo tổng kết công tác phòng chống thiên tai.
3. Các sở, ngành căn cứ Kế hoạch này triển khai thực hiện.
"""


def test_a_group_of_bodies_after_the_grounds_is_given_work(tmp_path: Path, index: Index) -> None:
    # A call on them only to carry the plan out ('... căn cứ Kế hoạch này triển khai thực hiện') is not work.
    texts = [t["text"] for t in tasks(build(tmp_path, index, GROUPS_AFTER_GROUNDS))]
    assert openings(texts) == ["Rà soát các điểm", "Căn cứ Kế hoạch", "Các tỉnh ủy, thành"]
