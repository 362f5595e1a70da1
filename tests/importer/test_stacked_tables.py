"""Task tables copied from a PDF one cell per line with nothing between the cells: no '|', no tab,
no columns of spaces. Each cell's lines come as the page wrapped them, a row's cells one after the
other, an empty cell not at all. The import finds the columns from the header's labels and the
shape of the rows (the work, then the narrow cells of when and who); a row whose cut it had to
guess is flagged, never placed silently."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer import document, source, stacked
from kehoach.importer.draft import Outcome
from kehoach.index import Index

from .test_structure import FOOTER, HEADER
from .test_tables import APPENDIX, BODY

DANVAN = "binh-thuan-ban-dan-van"
MATTRAN = "binh-thuan-mat-tran-to-quoc"
CONGAN = "binh-thuan-cong-an-tinh"
VANPHONG = "binh-thuan-van-phong-tinh-uy"

# One cell a line, as a PDF's text layer gives a table: the header's labels wrapped in their
# narrow columns, a group row, the work wrapped (a justified line printed a word at a time), the
# time and the unit's name wrapped too.
ONE_UNIT = """\
STT
Nội dung công việc
Thời gian
hoàn thành
Cơ quan
chủ trì
I
CÔNG TÁC TUYÊN TRUYỀN
1
Tổ chức hội nghị quán triệt, triển khai
thực hiện Nghị quyết
số
05-NQ/TU
ngày
12/3/2026 của Tỉnh ủy về công tác dân vận.
Quý II/2026
Ban Dân vận
Tỉnh ủy
2
Kiểm tra, giám sát việc thực hiện quy chế
dân chủ ở cơ sở trên địa bàn tỉnh.
Quý IV hằng
năm
Mặt trận Tổ
quốc tỉnh
II
CÔNG TÁC AN NINH
3
Nắm tình hình an ninh nông thôn, kịp thời
báo cáo Thường trực Tỉnh ủy.
Thường xuyên
Công an tỉnh
"""


def build(tmp_path: Path, index: Index, table: str) -> Outcome:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + table, encoding="utf-8")
    return document.build(source.read(path), index)


def rows_of(outcome: Outcome) -> list[tuple[str, list[str], list[str], str | None, set[str]]]:
    return [
        (
            t.data["text"],
            t.data.get("lead", []),
            t.data.get("coordinating", []),
            t.data.get("timeframe"),
            set(t.doubts),
        )
        for t in outcome.tasks
        if str(t.data["section"]).startswith("PL")
    ]


def test_rows_are_read_from_the_header_and_the_shape_of_the_rows(tmp_path: Path, index: Index) -> None:
    found = rows_of(build(tmp_path, index, ONE_UNIT))
    assert [(text[:30], lead, time) for text, lead, _, time, _ in found] == [
        ("Tổ chức hội nghị quán triệt, t", [DANVAN], "Quý II/2026"),
        ("Kiểm tra, giám sát việc thực h", [MATTRAN], "Quý IV hằng năm"),
        ("Nắm tình hình an ninh nông thô", [CONGAN], "Thường xuyên"),
    ]
    # the work keeps every line of its cell, the words printed alone included
    assert found[0][0] == (
        "Tổ chức hội nghị quán triệt, triển khai thực hiện Nghị quyết số 05-NQ/TU ngày 12/3/2026 "
        "của Tỉnh ủy về công tác dân vận."
    )
    assert not any(doubts & {"lead", "timeframe"} for *_, doubts in found)


def test_group_rows_are_sections_not_tasks(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, ONE_UNIT)
    texts = [t.data["text"] for t in outcome.tasks]
    assert not any(text.startswith(("CÔNG TÁC TUYÊN TRUYỀN", "CÔNG TÁC AN NINH")) for text in texts)
    sections = {t.data["section"] for t in outcome.tasks if str(t.data["section"]).startswith("PL")}
    assert len(sections) == 2


def test_two_time_columns_saying_the_same_give_one_time_and_a_lead_cell_names_who_works_with_it(
    tmp_path: Path, index: Index
) -> None:
    """'Thời gian trình BTV, BCH' over the parts 'BTV' and 'BCH': the same time in both is written
    once; 'X chủ trì, phối hợp Y' in the lead's column: X leads, Y coordinates."""
    table = """\
TT
Nội dung
Thời gian trình BTV, BCH
Đơn vị
chủ trì
BTV
BCH
Xây dựng nghị quyết chuyên đề về công tác
dân vận của hệ thống chính trị.
Quý III/2026
Quý III/2026
Ban Dân vận Tỉnh ủy
chủ trì, phối hợp
Công an tỉnh
Sơ kết việc thực hiện quy chế dân chủ ở
cơ sở giai đoạn 2021 - 2025.
Quý IV/2026
Quý IV/2026
Văn phòng Tỉnh ủy
"""
    found = rows_of(build(tmp_path, index, table))
    assert [(text[:20], lead, coordinating, time) for text, lead, coordinating, time, _ in found] == [
        ("Xây dựng nghị quyết ", [DANVAN], [CONGAN], "Quý III/2026"),
        ("Sơ kết việc thực hiệ", [VANPHONG], [], "Quý IV/2026"),
    ]


def test_a_row_unlike_the_others_is_flagged(tmp_path: Path, index: Index) -> None:
    """Most rows name a time and a unit; one names no time: its cell may be empty, or the cut of its
    cells wrong. Its time and lead carry a '# KIỂM TRA:' note."""
    table = """\
STT
Nội dung công việc
Thời gian
Cơ quan chủ trì
1
Tổ chức hội nghị quán triệt Nghị quyết của
Tỉnh ủy về công tác dân vận.
Quý II/2026
Ban Dân vận Tỉnh ủy
2
Theo dõi, nắm tình hình tôn giáo, dân tộc
trên địa bàn tỉnh.
Công an tỉnh
3
Tổng kết công tác dân vận, báo cáo Ban
Thường vụ Tỉnh ủy.
Tháng 12/2026
Văn phòng Tỉnh ủy
"""
    outcome = build(tmp_path, index, table)
    found = {text[:20]: (lead, time, doubts) for text, lead, _, time, doubts in rows_of(outcome)}
    assert found["Theo dõi, nắm tình h"][:2] == ([CONGAN], None)
    assert "timeframe" in found["Theo dõi, nắm tình h"][2]
    assert not found["Tổ chức hội nghị quá"][2] & {"lead", "timeframe"}
    assert outcome.plan is not None
    assert "mỗi ô một dòng" in " ".join(outcome.plan.doubts.get("sections", []))


def test_a_header_with_no_rows_is_left_as_text(tmp_path: Path, index: Index) -> None:
    """The labels of a table and then paragraphs: no row names who or when, nothing is a table row."""
    table = """\
STT
Nội dung
Cơ quan chủ trì
Thời gian
Các cơ quan, đơn vị căn cứ nội dung kế hoạch này xây dựng kế hoạch của đơn vị mình và tổ chức thực hiện.
"""
    assert stacked.read(table.splitlines(), 0) is None
    # the paragraph is read as the body's paragraphs are, not as a row without its cells
    outcome = build(tmp_path, index, table)
    paragraph = [t for t in outcome.tasks if t.data["text"].startswith("Các cơ quan, đơn vị căn cứ")]
    assert not any(t.doubts.get("timeframe") for t in paragraph)


def test_only_a_header_line_alone_opens_such_a_table() -> None:
    assert stacked.opens_header("STT") and stacked.opens_header(" Stt ") and stacked.opens_header("TT")
    assert not stacked.opens_header("STT Nội dung") and not stacked.opens_header("1")
    # labels under 'STT' that name no work and no one: no table
    assert stacked.read(["STT", "Họ và tên", "Năm sinh", "Quê quán"], 0) is None


def test_the_headers_order_of_who_and_when_is_the_rows_order(tmp_path: Path, index: Index) -> None:
    """A header naming who before when: each row's unit, then its time, read without doubt; a row
    giving them the other way round is flagged."""
    table = """\
TT
Nội dung công việc
Cơ quan chủ trì
Thời gian
1
Tổ chức hội nghị quán triệt Nghị quyết của
Tỉnh ủy về công tác dân vận.
Ban Dân vận Tỉnh ủy
Quý II/2026
2
Theo dõi, nắm tình hình tôn giáo, dân tộc
trên địa bàn tỉnh.
Công an tỉnh
Thường xuyên
3
Tổng kết công tác dân vận, báo cáo Ban
Thường vụ Tỉnh ủy.
Tháng 12/2026
Văn phòng Tỉnh ủy
"""
    found = {text[:20]: (lead, time, doubts) for text, lead, _, time, doubts in rows_of(build(tmp_path, index, table))}
    assert found["Tổ chức hội nghị quá"] == ([DANVAN], "Quý II/2026", set())
    assert found["Theo dõi, nắm tình h"][:2] == ([CONGAN], "Thường xuyên")
    assert not found["Theo dõi, nắm tình h"][2] & {"lead", "timeframe"}
    assert {"lead", "timeframe"} <= found["Tổng kết công tác dâ"][2]
