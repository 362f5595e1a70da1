"""Task tables written one cell per line, as a web page's table reads when copied as text: the cells
parted by lines holding only '|', an empty cell one '|' more, and a cell merged over several rows
written once, in its first row (the rows under it have fewer cells than the header has columns).
Each row's lead, coordinating units and time come from its own cells or from the merged cell that
covers it; where a cell could be in two columns, the import says so instead of guessing silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer import cellrows, document, source, tables
from kehoach.importer.draft import Outcome
from kehoach.index import Index

from .test_structure import FOOTER, HEADER
from .test_tables import APPENDIX, BODY

# None: a cell merged with the one above (the page writes nothing for it); "": an empty cell.
Cells = list[str | None]

STD = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
DANVAN = "binh-thuan-ban-dan-van"
MATTRAN = "binh-thuan-mat-tran-to-quoc"
CONGAN = "binh-thuan-cong-an-tinh"
VANPHONG = "binh-thuan-van-phong-tinh-uy"


def bars(rows: list[Cells], spaced: bool = False) -> str:
    """The table as a web page's text gives it: '|', a cell, '|', a cell, ..., '|' for each row; a
    cell of several lines keeps its lines; ``spaced``: a blank line between all lines."""
    lines: list[str] = []
    for row in rows:
        lines.append("|")
        for cell in row:
            if cell is None:
                continue
            lines.extend([*cell.split("\n"), "|"] if cell else ["|"])
    return ("\n\n" if spaced else "\n").join(lines) + "\n"


def build(tmp_path: Path, index: Index, rows: list[Cells], spaced: bool = False) -> Outcome:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + "\n" + bars(rows, spaced), encoding="utf-8")
    return document.build(source.read(path), index)


def table_tasks(outcome: Outcome) -> list[dict]:
    return [t.data for t in outcome.tasks if str(t.data["section"]).startswith("PL")]


def table_drafts(outcome: Outcome) -> list:
    return [t for t in outcome.tasks if str(t.data["section"]).startswith("PL")]


def by_text(outcome: Outcome) -> dict[str, tuple[list[str], list[str], str | None, set[str]]]:
    return {
        t.data["text"]: (
            t.data.get("lead", []),
            t.data.get("coordinating", []),
            t.data.get("timeframe"),
            set(t.doubts),
        )
        for t in outcome.tasks
        if str(t.data["section"]).startswith("PL")
    }


def test_a_lead_merged_over_rows_is_the_lead_of_every_row_it_covers(tmp_path: Path, index: Index) -> None:
    rows: list[Cells] = [
        STD,
        ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Quý II/2026"],
        # lead and coordinating merged with row 1: its own number, work and time only
        ["2", "Sơ kết việc thực hiện quy chế dân chủ ở cơ sở", None, None, "Quý IV/2026"],
        ["3", "Theo dõi, nắm tình hình tôn giáo", "Công an tỉnh", "", "Thường xuyên"],
    ]
    found = by_text(build(tmp_path, index, rows))
    assert found["Sơ kết việc thực hiện quy chế dân chủ ở cơ sở"][:3] == ([DANVAN], [MATTRAN], "Quý IV/2026")
    # an empty cell stays empty: the row does not shift its time into the coordinating column
    assert found["Theo dõi, nắm tình hình tôn giáo"][:3] == ([CONGAN], [], "Thường xuyên")


def test_a_row_of_its_own_under_a_merged_number_is_a_task_with_its_own_lead(tmp_path: Path, index: Index) -> None:
    """A task written over two rows, its number, work and time merged: the second row is the same
    work done by another unit; a part of a task (its number merged, its own work) is a task of its own."""
    rows: list[Cells] = [
        STD,
        ["1", "Xây dựng đề án tuyên truyền về dân vận", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Năm 2026"],
        [None, None, "Văn phòng Tỉnh ủy", "Công an tỉnh", None],
        [
            "2",
            "Kiểm tra việc thực hiện quy chế dân chủ",
            "Ban Dân vận Tỉnh ủy",
            "Mặt trận Tổ quốc tỉnh",
            "Quý III/2026",
        ],
        [None, "Tổng hợp kết quả kiểm tra, báo cáo Thường trực Tỉnh ủy", "Văn phòng Tỉnh ủy", None, None],
    ]
    tasks = table_tasks(build(tmp_path, index, rows))
    assert [(t["text"][:20], t["lead"], t.get("coordinating"), t.get("timeframe")) for t in tasks] == [
        ("Xây dựng đề án tuyên", [DANVAN], [MATTRAN], "Năm 2026"),
        ("Xây dựng đề án tuyên", [VANPHONG], [CONGAN], "Năm 2026"),
        ("Kiểm tra việc thực h", [DANVAN], [MATTRAN], "Quý III/2026"),
        ("Tổng hợp kết quả kiể", [VANPHONG], [MATTRAN], "Quý III/2026"),
    ]


def test_a_cell_that_fits_two_columns_is_flagged_not_placed_silently(tmp_path: Path, index: Index) -> None:
    """'Công an tỉnh' alone where the lead or the coordinating unit is merged with the row above:
    either may be meant; both fields carry a '# KIỂM TRA:' note."""
    rows: list[Cells] = [
        STD,
        ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Quý II/2026"],
        ["2", "Theo dõi, nắm tình hình tôn giáo", "Công an tỉnh", "Thường xuyên"],
    ]
    outcome = build(tmp_path, index, rows)
    lead, coordinating, time, doubts = by_text(outcome)["Theo dõi, nắm tình hình tôn giáo"]
    assert time == "Thường xuyên"
    assert {*lead, *coordinating} >= {CONGAN}
    assert {"lead", "coordinating"} <= doubts
    task = next(t for t in outcome.tasks if t.data["text"].startswith("Theo dõi"))
    assert "gộp với hàng trên" in " ".join(task.doubts["lead"])


def test_a_header_over_two_rows_names_the_columns_under_its_spanning_cell(tmp_path: Path, index: Index) -> None:
    """'Cơ quan thực hiện' spans 'Chủ trì' and 'Phối hợp'; the cells the second row leaves out are
    the first row's, merged down."""
    rows: list[Cells] = [
        ["STT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời hạn"],
        ["Chủ trì", "Phối hợp"],
        ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Quý II/2026"],
        ["2", "Theo dõi, nắm tình hình tôn giáo", "Công an tỉnh", "Ban Dân vận Tỉnh ủy", "Thường xuyên"],
    ]
    found = by_text(build(tmp_path, index, rows))
    assert found["Tổ chức hội nghị quán triệt Nghị quyết"][:3] == ([DANVAN], [MATTRAN], "Quý II/2026")
    assert found["Theo dõi, nắm tình hình tôn giáo"][:3] == ([CONGAN], [DANVAN], "Thường xuyên")


def test_a_group_row_spanning_the_table_is_a_heading_not_a_task(tmp_path: Path, index: Index) -> None:
    """'II | Các việc làm thường xuyên' spans the columns after its number: a group of the rows
    under it, not a task taking the cells of the row above; '3' after '2' with its other cells
    merged is the next task."""
    rows: list[Cells] = [
        STD,
        ["I", "CÁC VIỆC LÀM NGAY"],
        ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Quý II/2026"],
        ["2", "Rà soát quy chế phối hợp giữa các cơ quan", "Công an tỉnh", "Văn phòng Tỉnh ủy", "Năm 2026"],
        ["3", "Sơ kết việc thực hiện quy chế phối hợp"],
        ["II", "Các việc làm thường xuyên"],
        ["4", "Theo dõi, nắm tình hình tôn giáo", "Công an tỉnh", "", "Thường xuyên"],
    ]
    outcome = build(tmp_path, index, rows)
    tasks = table_tasks(outcome)
    assert [t["text"][:20] for t in tasks] == [
        "Tổ chức hội nghị quá",
        "Rà soát quy chế phối",
        "Sơ kết việc thực hiệ",
        "Theo dõi, nắm tình h",
    ]
    assert [t["section"] for t in tasks] == ["PL.I", "PL.I", "PL.I", "PL.II"]
    assert (tasks[2]["lead"], tasks[2].get("timeframe")) == ([CONGAN], "Năm 2026")
    # it could as well be a group's title: who and when, taken from the row above, are flagged
    assert {"lead", "coordinating", "timeframe"} <= set(table_drafts(outcome)[2].doubts)
    assert "coordinating" not in tasks[3]


@pytest.mark.parametrize("spaced", [False, True], ids=["no blank lines", "a blank line between lines"])
def test_cells_wrapped_over_lines_with_or_without_blank_lines_read_alike(
    tmp_path: Path, index: Index, spaced: bool
) -> None:
    rows: list[Cells] = [
        STD,
        [
            "1",
            "Tổ chức hội nghị quán triệt\nNghị quyết của Tỉnh ủy",
            "Ban Dân vận\nTỉnh ủy",
            "Mặt trận Tổ quốc tỉnh",
            "Quý II/2026",
        ],
        ["2", "Theo dõi, nắm tình hình tôn giáo", None, "Công an tỉnh", "Thường\nxuyên"],
    ]
    found = by_text(build(tmp_path, index, rows, spaced))
    assert found["Tổ chức hội nghị quán triệt Nghị quyết của Tỉnh ủy"][:3] == ([DANVAN], [MATTRAN], "Quý II/2026")
    lead, coordinating, time, _ = found["Theo dõi, nắm tình hình tôn giáo"]
    assert time == "Thường xuyên"
    assert CONGAN in [*lead, *coordinating]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("12", "number"),
        ("II", "number"),
        ("Quý IV/2026", "time"),
        ("Thường xuyên", "time"),
        ("Trước ngày 30/11/2026", "time"),
        ("Sở Tài chính", "unit"),
        ("Các sở, ban, ngành; UBND các xã, phường", "unit"),
        ("Trung tâm Chuyển đổi số Thành phố", "unit"),
        ("Xây dựng kế hoạch thực hiện", "work"),
        ("Các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2026", "work"),
        ("Báo cáo", "work"),
        ("Nghị định", "short"),
        ("Hằng năm", "time"),
        ("Hàng quý, năm", "time"),
        # words that open as a time word does without being one
        ("Từng bước hoàn thiện thể chế", "short"),
        ("Hàng hóa xuất khẩu", "short"),
        ("Ngày hội văn hóa", "short"),
    ],
)
def test_what_a_cell_reads_as(text: str, kind: str) -> None:
    assert cellrows.kind(text) == kind


def test_rows_joined_with_bars_take_an_empty_lead_from_the_row_above_flagged(tmp_path: Path, index: Index) -> None:
    """Rows written ' | '-joined keep a merged cell in its first row and leave it empty below: the
    empty lead or time is the row above's, or really empty; it is taken, and flagged."""
    rows = [
        " | ".join(STD),
        "1 | Tổ chức hội nghị quán triệt Nghị quyết | Công an tỉnh | Mặt trận Tổ quốc tỉnh | Quý II/2026",
        "2 | Theo dõi, nắm tình hình tôn giáo |  |  | Thường xuyên",
        "3 | Sơ kết việc thực hiện quy chế dân chủ | Văn phòng Tỉnh ủy |  | ",
    ]
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + "\n".join(rows) + "\n", encoding="utf-8")
    found = by_text(document.build(source.read(path), index))
    lead, coordinating, time, doubts = found["Theo dõi, nắm tình hình tôn giáo"]
    assert (lead, coordinating, time) == ([CONGAN], [], "Thường xuyên")  # coordinating is not carried
    assert "lead" in doubts and "timeframe" not in doubts
    lead, _, time, doubts = found["Sơ kết việc thực hiện quy chế dân chủ"]
    assert (lead, time) == ([VANPHONG], "Thường xuyên")
    assert "timeframe" in doubts and "lead" not in doubts


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Lộ trình thực hiện", "timeframe"),  # not who does it, for its 'thực hiện'
        ("Năm thực hiện", "timeframe"),
        ("Thời điểm hoàn thành", "timeframe"),
        ("Hạn hoàn thành", "timeframe"),
        ("Kinh phí thực hiện", "note"),  # money, not a unit
        ("Tên nhiệm vụ (dự toán kinh phí)", "content"),  # the work, its budget named after it
        ("Cơ quan chủ trì, phối hợp", "lead"),  # one column: the lead first
        ("Năm 2026", None),  # a target's figures by year: no time of a task
    ],
)
def test_a_column_is_read_by_what_its_label_says(label: str, role: str | None) -> None:
    assert tables.role_of(label) == role


def test_a_table_of_sampling_points_gives_no_task(tmp_path: Path, index: Index) -> None:
    """What is sampled, where, how often and when: a monitoring programme's table, whose 'Thời gian'
    column does not make its rows tasks."""
    rows: list[Cells] = [
        ["TT", "Đối tượng quan trắc", "Thông số quan trắc", "Tần suất", "Thời gian quan trắc", "Số lượng mẫu/lần"],
        ["1", "Nước cấp cho vùng nuôi ven biển", "Độ mặn, pH, DO", "02 lần/tháng", "Từ tháng 3 đến tháng 10", "15"],
        ["2", "Ao nuôi đại diện", "pH, độ kiềm", "01 lần/tháng", "Từ tháng 3 đến tháng 10", "21"],
    ]
    outcome = build(tmp_path, index, rows)
    assert table_tasks(outcome) == []
    assert outcome.tasks[0].data["text"].startswith("Tuyên truyền kết quả")  # the body is read


def test_a_table_whose_groups_come_before_a_header_without_a_number_label(tmp_path: Path, index: Index) -> None:
    """A part of a long table set as a table of its own: its group rows first ('B | ...', 'I | ...'),
    then a header that labels every column but the numbers, written again over the next group;
    an empty cell written as a space; a group's title set in a unit's column."""
    rows: list[Cells] = [
        ["B", "CÁC VIỆC VỀ DÂN VẬN"],
        ["I", "Công tác tuyên truyền"],
        ["Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["1.1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", " ", "Quý II/2026"],
        ["II", "Công tác nắm tình hình"],
        ["Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["2.1", " ", "Tôn giáo", " ", " "],
        ["2.1.1", "Theo dõi, nắm tình hình tôn giáo", "Công an tỉnh", "Mặt trận Tổ quốc tỉnh", "Thường xuyên"],
    ]
    outcome = build(tmp_path, index, rows)
    tasks = table_tasks(outcome)
    assert [(t["text"], t["lead"], t.get("coordinating"), t.get("timeframe")) for t in tasks] == [
        ("Tổ chức hội nghị quán triệt Nghị quyết", [DANVAN], None, "Quý II/2026"),
        ("Theo dõi, nắm tình hình tôn giáo", [CONGAN], [MATTRAN], "Thường xuyên"),
    ]
    plan = outcome.plan.data  # type: ignore[union-attr]
    headings: list[str] = []
    sections = list(plan["sections"])
    while sections:
        section = sections.pop(0)
        headings.append(section["heading"])
        sections[:0] = section.get("sections", [])
    assert {"Công tác tuyên truyền", "Công tác nắm tình hình", "Tôn giáo"} <= set(headings)


def test_a_header_written_again_in_other_words_over_a_part_is_no_task(tmp_path: Path, index: Index) -> None:
    rows = [
        " | ".join(STD),
        "1 | Tổ chức hội nghị quán triệt Nghị quyết | Công an tỉnh | Mặt trận Tổ quốc tỉnh | Quý II/2026",
        "STT | Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện",
        "2 | Theo dõi, nắm tình hình tôn giáo | Văn phòng Tỉnh ủy |  | Thường xuyên",
    ]
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + "\n".join(rows) + "\n", encoding="utf-8")
    tasks = table_tasks(document.build(source.read(path), index))
    assert [t["text"] for t in tasks] == ["Tổ chức hội nghị quán triệt Nghị quyết", "Theo dõi, nắm tình hình tôn giáo"]


FULL: list[Cells] = [
    ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Quý II/2026"],
]


def test_a_row_short_of_exactly_the_columns_merged_above_is_read_without_doubt(tmp_path: Path, index: Index) -> None:
    """A time merged over three rows: only one placement of the short rows' cells fits, so nothing is
    flagged; a row of a number and its work only takes all its other cells from the row above."""
    rows: list[Cells] = [
        STD,
        *FULL,
        ["2", "Sơ kết việc thực hiện quy chế dân chủ ở cơ sở", "Công an tỉnh", "Văn phòng Tỉnh ủy", None],
        ["3", "Theo dõi, nắm tình hình tôn giáo", None, None, None],
    ]
    found = by_text(build(tmp_path, index, rows))
    assert found["Sơ kết việc thực hiện quy chế dân chủ ở cơ sở"] == ([CONGAN], [VANPHONG], "Quý II/2026", set())
    lead, coordinating, time, _ = found["Theo dõi, nắm tình hình tôn giáo"]
    assert (lead, coordinating, time) == ([CONGAN], [VANPHONG], "Quý II/2026")


def test_a_header_over_two_rows_counts_its_columns_when_the_rows_under_it_are_short(
    tmp_path: Path, index: Index
) -> None:
    """'Cơ quan thực hiện' spans 'Chủ trì' and 'Phối hợp' (five columns), and most rows leave out
    a merged lead (four cells): the table still has five columns, the cells of a short row are not
    read as if the lead were written."""
    rows: list[Cells] = [
        ["STT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời hạn"],
        ["Chủ trì", "Phối hợp"],
        ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Quý II/2026"],
        ["2", "Theo dõi, nắm tình hình tôn giáo", None, "Công an tỉnh", "Thường xuyên"],
        ["3", "Sơ kết việc thực hiện quy chế dân chủ ở cơ sở", None, "Văn phòng Tỉnh ủy", "Quý IV/2026"],
        ["4", "Kiểm tra việc thực hiện quy chế dân chủ", None, "Công an tỉnh", "Năm 2026"],
    ]
    found = by_text(build(tmp_path, index, rows))
    # the merged cell may be the lead or the coordinating unit: the likelier read, both flagged
    expected = ([DANVAN], [CONGAN], "Năm 2026", {"lead", "coordinating"})
    assert found["Kiểm tra việc thực hiện quy chế dân chủ"] == expected


def test_a_field_one_reading_leaves_empty_and_another_fills_is_flagged(tmp_path: Path, index: Index) -> None:
    """'| 2 | work | (empty) | time |' under a full row: the merged cell may be the lead (the empty cell
    then the coordinating unit's) or the coordinating unit (the empty cell the lead's). Both fields
    are flagged, the one left empty too."""
    rows: list[Cells] = [STD, *FULL, ["2", "Theo dõi, nắm tình hình tôn giáo", "", "Thường xuyên"]]
    lead, coordinating, time, doubts = by_text(build(tmp_path, index, rows))["Theo dõi, nắm tình hình tôn giáo"]
    assert time == "Thường xuyên"
    assert {"lead", "coordinating"} <= doubts
    assert "timeframe" not in doubts
    assert (lead, coordinating) in (([DANVAN], []), ([], [MATTRAN]))


def test_a_short_row_under_a_group_row_is_imported_and_flagged(tmp_path: Path, index: Index) -> None:
    """A group row spans the table: no cell above it is merged with the rows under it. A row of fewer
    cells right under it cannot be read by the rule of merged cells; it is imported, its lead,
    coordinating unit and time flagged, and the plan names the table's line."""
    rows: list[Cells] = [
        STD,
        *FULL,
        ["2", "Rà soát quy chế phối hợp giữa các cơ quan", "Công an tỉnh", "Văn phòng Tỉnh ủy", "Năm 2026"],
        ["3", "Kiểm tra việc thực hiện quy chế dân chủ", "Công an tỉnh", "Văn phòng Tỉnh ủy", "Năm 2026"],
        ["4", "Tổng hợp kết quả kiểm tra quy chế", "Văn phòng Tỉnh ủy", "Công an tỉnh", "Quý IV/2026"],
        ["II", "CÁC VIỆC LÀM THƯỜNG XUYÊN"],
        ["5", "Theo dõi, nắm tình hình tôn giáo", "Công an tỉnh", "Thường xuyên"],
    ]
    outcome = build(tmp_path, index, rows)
    lead, coordinating, _, doubts = by_text(outcome)["Theo dõi, nắm tình hình tôn giáo"]
    assert {"lead", "coordinating", "timeframe"} <= doubts
    assert CONGAN in [*lead, *coordinating]
    assert by_text(outcome)["Rà soát quy chế phối hợp giữa các cơ quan"][3] == set()
    skipped = " ".join(outcome.plan.doubts.get("sections", []))  # type: ignore[union-attr]
    assert "bảng viết mỗi ô một dòng" in skipped and "dòng " in skipped


def test_a_table_whose_rows_mostly_cannot_be_placed_keeps_its_rows_flagged(tmp_path: Path, index: Index) -> None:
    """Rows of fewer cells than the header's columns with nothing above to be merged with, again and
    again: the header does not describe the rows. Every row is still imported in the order of its
    cells, each short row's who and when flagged, and the plan names the table's line."""
    rows: list[Cells] = [STD]
    for group, (number, work) in enumerate(
        [("1", "Tổ chức hội nghị quán triệt Nghị quyết"), ("2", "Theo dõi, nắm tình hình tôn giáo")], start=1
    ):
        rows.append(["I" * group, f"NHÓM VIỆC SỐ {group}"])
        rows.append([number, work, "Công an tỉnh", "Quý IV/2026"])
    outcome = build(tmp_path, index, rows)
    found = by_text(outcome)
    for work in ("Tổ chức hội nghị quán triệt Nghị quyết", "Theo dõi, nắm tình hình tôn giáo"):
        assert {"lead", "coordinating", "timeframe"} <= found[work][3]
    assert "bảng viết mỗi ô một dòng" in " ".join(outcome.plan.doubts.get("sections", []))  # type: ignore[union-attr]


def test_a_cell_of_many_lines_does_not_end_the_table(tmp_path: Path, index: Index) -> None:
    """A task written over twenty lines of its cell: the rows after it are still the table's."""
    long_work = "\n".join(
        ["Tổ chức hội nghị quán triệt Nghị quyết"] + [f"nội dung chi tiết thứ {k} của hội nghị," for k in range(20)]
    )
    rows: list[Cells] = [
        STD,
        ["1", long_work, "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh", "Quý II/2026"],
        ["2", "Theo dõi, nắm tình hình tôn giáo", "Công an tỉnh", "Văn phòng Tỉnh ủy", "Thường xuyên"],
    ]
    found = by_text(build(tmp_path, index, rows))
    assert found["Theo dõi, nắm tình hình tôn giáo"][:3] == ([CONGAN], [VANPHONG], "Thường xuyên")
