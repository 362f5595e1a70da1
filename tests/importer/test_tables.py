"""Task tables, wherever a plan puts them and however it writes them: rows with '|' or tabs in a
text file, a Word table, in the body or in an appendix after the signature. The header is found by
its labels (any wording, any order), a row wrapped over several rows is one task, a row that fills
only its content cell is a group, and a Word table gives the same tasks as its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from kehoach.importer import document, draft, source, tables
from kehoach.importer.draft import Outcome
from kehoach.importer.lines import LineReader
from kehoach.index import Index

from .conftest import word_file
from .test_structure import FOOTER, HEADER


def build(path: Path, index: Index) -> Outcome:
    return document.build(source.read(path), index)


BODY = """\
I. NHIỆM VỤ
1. Công tác tuyên truyền
- Tuyên truyền kết quả thực hiện công tác dân vận trên báo Bình Thuận.
* Chủ trì: Ban Dân vận Tỉnh ủy.
II. TỔ CHỨC THỰC HIỆN
Các đơn vị căn cứ kế hoạch triển khai thực hiện.
"""

ROWS = [
    ["STT", "Nội dung công việc", "Thời hạn hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"],
    ["(1)", "(2)", "(3)", "(4)", "(5)"],
    ["I", "Các việc làm ngay", "", "", ""],
    ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Quý II/2023", "Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc tỉnh"],
    ["2", "Rà soát, bổ sung quy chế phối hợp giữa", "Năm 2023", "Ban Dân vận Tỉnh ủy", ""],
    ["", "các cơ quan trong hệ thống chính trị", "", "", "Công an tỉnh"],
    ["II", "Các việc làm thường xuyên", "", "", ""],
    ["3", "Theo dõi, nắm tình hình tôn giáo", "Thường xuyên", "Ban Dân vận Tỉnh ủy", ""],
]

APPENDIX = """
PHỤ LỤC
DANH MỤC NHIỆM VỤ TRỌNG TÂM
(Kèm theo Kế hoạch số 20-KH/BDVTU ngày 10/3/2023
của Ban Dân vận Tỉnh ủy)
"""


def _text_plan(path: Path, separator: str) -> Path:
    rows = "\n".join(separator.join(row) for row in ROWS)
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + rows + "\n", encoding="utf-8")
    return path


def _word_plan(path: Path) -> Path:
    return word_file(path, HEADER + BODY + FOOTER + APPENDIX, ROWS)


def _table_tasks(outcome: Outcome) -> list[dict]:
    return [t.data for t in outcome.tasks if t.data["section"].startswith("PL")]


@pytest.mark.parametrize("separator", [" | ", "\t"])
def test_a_table_in_an_appendix_after_the_signature_gives_one_task_per_row(
    tmp_path: Path, index: Index, separator: str
) -> None:
    outcome = build(_text_plan(tmp_path / "ke-hoach.txt", separator), index)
    rows = _table_tasks(outcome)
    assert [t["text"] for t in rows] == [
        "Tổ chức hội nghị quán triệt Nghị quyết",
        "Rà soát, bổ sung quy chế phối hợp giữa các cơ quan trong hệ thống chính trị",
        "Theo dõi, nắm tình hình tôn giáo",
    ]
    assert [t["section"] for t in rows] == ["PL.I", "PL.I", "PL.II"]
    assert [t.get("timeframe") for t in rows] == ["Quý II/2023", "Năm 2023", "Thường xuyên"]
    assert all(t["lead"] == ["binh-thuan-ban-dan-van"] for t in rows)
    assert rows[0]["coordinating"] == ["binh-thuan-mat-tran-to-quoc"]
    assert rows[1]["coordinating"] == ["binh-thuan-cong-an-tinh"]  # from the row's wrapped part
    assert "coordinating" not in rows[2]
    # the task of the body is still read; the appendix's "(Kèm theo ...)" cites nothing
    assert outcome.tasks[0].data["text"].startswith("Tuyên truyền kết quả")
    assert not [d for d in outcome.directives if "20-KH" in str(d.data.get("number"))]
    plan = outcome.plan.data  # type: ignore[union-attr]
    appendix = plan["sections"][-1]
    assert (appendix["number"], appendix["heading"]) == ("PL", "Danh mục nhiệm vụ trọng tâm")
    assert [s["heading"] for s in appendix["sections"]] == ["Các việc làm ngay", "Các việc làm thường xuyên"]
    assert plan["recipients"] == ["Thường trực Tỉnh ủy,", "Lưu Văn thư."]


def test_a_word_table_gives_the_same_tasks_as_its_text(tmp_path: Path, index: Index) -> None:
    text = build(_text_plan(tmp_path / "ke-hoach.txt", " | "), index)
    word = build(_word_plan(tmp_path / "ke-hoach.docx"), index)
    keys = ("text", "section", "lead", "coordinating", "timeframe")
    assert [{k: t.get(k) for k in keys} for t in _table_tasks(word)] == [
        {k: t.get(k) for k in keys} for t in _table_tasks(text)
    ]


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            ["TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
            ["number", "content", "lead", "coordinating", "timeframe"],
        ),
        (
            [
                "Số TT",
                "Nhiệm vụ cụ thể",
                "Thời hạn thực hiện (*)",
                "Đơn vị phối hợp thực hiện",
                "Sở, ngành chủ trì tham mưu",
            ],
            ["number", "content", "timeframe", "coordinating", "lead"],
        ),
        (["Nội dung", "Cơ quan thực hiện", "Tiến độ", "Ghi chú"], ["content", "lead", "timeframe", "note"]),
    ],
)
def test_the_header_is_read_by_its_labels_whatever_the_wording_and_order(header: list[str], roles: list[str]) -> None:
    found = tables.column_roles([[[cell] for cell in header]])
    assert found is not None and found[0] == roles


def test_a_table_that_is_not_a_task_table_is_left_alone() -> None:
    assert tables.read([[["ỦY BAN NHÂN DÂN"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]]]) is None
    assert tables.read([[["Họ và tên"], ["Chức vụ"]], [["Nguyễn Văn A"], ["Trưởng ban"]]]) is None


def test_a_long_paragraph_holding_label_words_is_no_column_label() -> None:
    """A cell of body text that happens to say 'chủ trì', 'phối hợp', 'thời gian' is not a header."""
    body = "Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành xây dựng nội dung; thời gian hoàn thành quý II. " * 5
    assert tables.role_of(body) is None
    assert tables.column_roles([[[body], [body]], [["1"], ["Việc"]]]) is None


def test_a_table_whose_rows_write_outside_the_header_columns_is_read_row_by_row() -> None:
    """Rows whose words stand in none of the columns the header names are not dropped: the table
    is then not read as a task table of that header (every row is kept, cell by cell)."""
    header = [[""], [""], ["STT"], ["Nội dung"], ["Chủ trì"], ["Thời gian"]]
    rows = [header] + [[[f"Việc thứ {n} ghi ngoài các cột"], [f"Ghi chú {n}"], [], [], [], []] for n in range(1, 6)]
    rows.insert(3, [[], [], ["1"], ["Rà soát văn bản"], ["Sở Tư pháp"], ["Quý II/2025"]])
    assert tables.read(rows) is None
    kept = [header, rows[3], rows[1]]
    table = tables.read(kept)
    assert table is not None and any("Rà soát văn bản" in line.text for line in table.lines)


def test_a_table_of_targets_gives_no_task(tmp_path: Path, index: Index) -> None:
    rows = "\n".join(
        [
            "TT | Chỉ tiêu | Mục tiêu | Cơ quan chủ trì",
            "1 | Tỷ lệ hộ dân được tuyên truyền | 100% | Ban Dân vận Tỉnh ủy",
        ]
    )
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + "\nPHỤ LỤC 1\nCÁC CHỈ TIÊU\n" + rows + "\n", encoding="utf-8")
    outcome = build(path, index)
    assert not _table_tasks(outcome)
    assert outcome.plan.data["sections"][-1]["number"] == "PL1"  # type: ignore[union-attr]


def test_a_heading_naming_a_unit_gives_the_lead_of_the_points_under_it(tmp_path: Path, index: Index) -> None:
    body = """\
I. NHIỆM VỤ
- Tuyên truyền kết quả thực hiện công tác dân vận.
* Chủ trì: Ban Dân vận Tỉnh ủy.
II. TỔ CHỨC THỰC HIỆN
1. Công an tỉnh
- Nắm tình hình an ninh trong vùng đồng bào có đạo.
- Phối hợp bảo vệ các sự kiện tôn giáo lớn.
2. Mặt trận Tổ quốc tỉnh
- Vận động chức sắc tôn giáo tham gia phong trào thi đua.
"""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + body + FOOTER, encoding="utf-8")
    found = [t.data for t in build(path, index).tasks]
    assert [(t["section"], t["lead"]) for t in found[1:]] == [
        ("II.1", ["binh-thuan-cong-an-tinh"]),
        ("II.1", ["binh-thuan-cong-an-tinh"]),
        ("II.2", ["binh-thuan-mat-tran-to-quoc"]),
    ]


def test_a_time_per_level_keeps_each_level_its_own_deadline(tmp_path: Path, index: Index) -> None:
    body = """\
I. NHIỆM VỤ
- Tổ chức hội nghị sơ kết công tác dân vận.
* Chủ trì: Ban Dân vận Tỉnh ủy.
* Thời gian thực hiện: cấp tỉnh quý III/2023; cấp huyện quý IV/2023.
"""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + body + FOOTER, encoding="utf-8")
    task = build(path, index).tasks[0]
    assert task.data["timeframe"] == "cấp tỉnh quý III/2023; cấp huyện quý IV/2023"
    assert task.data["timeframe_by_level"] == [
        {"level": "cấp tỉnh", "timeframe": "quý III/2023"},
        {"level": "cấp huyện", "timeframe": "quý IV/2023"},
    ]
    assert draft.model_problems(task) == []


def test_a_table_aligned_with_spaces_gives_one_task_per_row_and_the_rest_is_imported(
    tmp_path: Path, index: Index
) -> None:
    aligned = """
PHỤ LỤC 2
DANH MỤC NHIỆM VỤ
TT       Nhiệm vụ cụ thể                          Cơ quan chủ trì      Thời hạn
1        Tổ chức hội nghị quán triệt Nghị         Ban Dân vận          Quý II/2023
         quyết của Tỉnh ủy                        Tỉnh ủy
2        Theo dõi, nắm tình hình tôn giáo         Ban Dân vận Tỉnh ủy  Thường xuyên
"""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + aligned, encoding="utf-8")
    outcome = build(path, index)
    assert [t.data["text"][:20] for t in outcome.tasks][:1] == ["Tuyên truyền kết quả"]
    found = _table_tasks(outcome)
    assert [t["text"] for t in found] == [
        "Tổ chức hội nghị quán triệt Nghị quyết của Tỉnh ủy",
        "Theo dõi, nắm tình hình tôn giáo",
    ]
    assert [t.get("timeframe") for t in found] == ["Quý II/2023", "Thường xuyên"]
    assert all(t["lead"] == ["binh-thuan-ban-dan-van"] for t in found)


def test_a_table_written_one_cell_per_line_between_bars_gives_one_task_per_row(tmp_path: Path, index: Index) -> None:
    """A converted Word table written one cell per line, cells parted by lines holding only '|'
    (two '|' lines meet between rows; an empty cell is two '|' lines too), reads as the same
    table; a row's number alone on its line is taken for a page number and lost, the row is not."""
    rows = [ROWS[0], ["I. Các việc làm ngay"], ROWS[3], [*ROWS[4][:4], ""], ROWS[6], ROWS[7]]
    lines: list[str] = []
    for row in rows:
        lines.append("|")
        for cell in row:
            lines.extend([cell, "|"] if cell else ["|"])
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + "\n".join(lines) + "\n", encoding="utf-8")
    found = _table_tasks(build(path, index))
    assert [t["text"] for t in found] == [
        "Tổ chức hội nghị quán triệt Nghị quyết",
        "Rà soát, bổ sung quy chế phối hợp giữa",
        "Theo dõi, nắm tình hình tôn giáo",
    ]
    assert [t["section"] for t in found] == ["PL.I", "PL.I", "PL.II"]
    assert [t.get("timeframe") for t in found] == ["Quý II/2023", "Năm 2023", "Thường xuyên"]
    assert all(t["lead"] == ["binh-thuan-ban-dan-van"] for t in found)
    assert found[0]["coordinating"] == ["binh-thuan-mat-tran-to-quoc"]


# ---------------------------------------------------------------- tables that name people

PEOPLE_TITLE = """
PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC KIỂM TRA
(Kèm theo Kế hoạch số 20-KH/BDVTU ngày 10/3/2023 của Ban Dân vận Tỉnh ủy)
"""


def _people_plan(path: Path, header: str, rows: list[tuple[str, str]], title: str = PEOPLE_TITLE) -> Path:
    """A plan whose appendix (a title in capitals over '(Kèm theo ...)', no 'PHỤ LỤC') is a table
    whose number column Word numbered by itself: the extracted rows open with an empty cell."""
    lines = [f"TT | Nhiệm vụ thực hiện | {header} | Ghi chú"]
    lines += [f" | {work} | {who} | " for work, who in rows]
    path.write_text(HEADER + BODY + FOOTER + title + "\n".join(lines) + "\n", encoding="utf-8")
    return path


PEOPLE_ROWS = [
    ("Rà soát việc đáp ứng các điều kiện của học viên", "Đỗ Mạnh Cường Vũ Việt Linh Nguyễn Thị Loan"),
    ("Xây dựng bài kiểm tra, đáp án", "Vũ Việt Linh"),
    ("Trình ký chứng chỉ", "Đỗ Mạnh Cường; Lò Văn Sáng"),
]


@pytest.mark.parametrize("header", ["Người thực hiện", "Cán bộ thực hiện", "Đơn vị/người thực hiện"])
def test_a_table_naming_people_gives_its_rows_as_tasks_and_no_unit_for_a_person(
    tmp_path: Path, index: Index, header: str
) -> None:
    outcome = build(_people_plan(tmp_path / "ke-hoach.txt", header, PEOPLE_ROWS), index)
    rows = _table_tasks(outcome)
    assert [t["text"] for t in rows] == [work for work, _ in PEOPLE_ROWS]
    # nobody's name becomes a unit: the issuer leads, flagged, and the names stay in the note
    assert not [u for u in outcome.units if any(n in u.data["name"] for n in ("Cường", "Linh", "Loan", "Sáng"))]
    assert all(t["lead"] == ["binh-thuan-ban-dan-van"] and t["lead_implied"] for t in rows)
    assert [t["note"] for t in rows] == [
        "Người thực hiện: Đỗ Mạnh Cường; Vũ Việt Linh; Nguyễn Thị Loan",
        "Người thực hiện: Vũ Việt Linh",
        "Người thực hiện: Đỗ Mạnh Cường; Lò Văn Sáng",
    ]
    tasks = [t for t in outcome.tasks if t.data["section"].startswith("PL")]
    assert all("người thực hiện" in " ".join(t.doubts.get("lead", [])) for t in tasks)


def test_units_and_people_in_one_column_go_each_their_own_way(tmp_path: Path, index: Index) -> None:
    rows = [("Tổ chức hội nghị quán triệt", "Ban Dân vận Tỉnh ủy"), ("Rà soát vào điểm", "Nguyễn Thị Loan")]
    outcome = build(_people_plan(tmp_path / "ke-hoach.txt", "Đơn vị/người thực hiện", rows), index)
    first, second = _table_tasks(outcome)
    assert first["lead"] == ["binh-thuan-ban-dan-van"] and not first.get("lead_implied")
    assert "note" not in first
    assert second["lead_implied"] and second["note"] == "Người thực hiện: Nguyễn Thị Loan"


def test_a_post_in_a_column_of_people_stands_for_the_leadership_of_a_unit(tmp_path: Path, index: Index) -> None:
    rows = [("Trình ký chứng chỉ", "Phó Trưởng ban Dân vận Tỉnh ủy")]
    outcome = build(_people_plan(tmp_path / "ke-hoach.txt", "Người phụ trách", rows), index)
    (row,) = _table_tasks(outcome)
    assert "note" not in row and not row.get("lead_implied")
    assert not [u for u in outcome.units if u.data["name"].startswith("Phó Trưởng")]


def test_a_task_table_right_after_the_signature_with_no_heading_is_read(tmp_path: Path, index: Index) -> None:
    outcome = build(_people_plan(tmp_path / "ke-hoach.txt", "Người thực hiện", PEOPLE_ROWS, title="\n"), index)
    assert [t["text"] for t in _table_tasks(outcome)] == [work for work, _ in PEOPLE_ROWS]
    assert outcome.plan.data["recipients"] == ["Thường trực Tỉnh ủy,", "Lưu Văn thư."]  # type: ignore[union-attr]


def test_a_word_table_naming_people_gives_the_same_tasks_as_its_text(tmp_path: Path, index: Index) -> None:
    doc = Document()
    for line in (HEADER + BODY + FOOTER + PEOPLE_TITLE).splitlines():
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(PEOPLE_ROWS) + 1, cols=4)
    for c, value in enumerate(["TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"]):
        table.cell(0, c).text = value
    for r, (work, who) in enumerate(PEOPLE_ROWS, start=1):
        table.cell(r, 1).text = work
        cell = table.cell(r, 2)
        names = tables.personal_names(who) or [who]
        cell.text = names[0]
        for name in names[1:]:
            cell.add_paragraph(name)  # one name a paragraph, as the clerk typed them
    doc.save(str(tmp_path / "ke-hoach.docx"))
    word = build(tmp_path / "ke-hoach.docx", index)
    text = build(_people_plan(tmp_path / "ke-hoach.txt", "Người thực hiện", PEOPLE_ROWS), index)
    keys = ("text", "lead", "lead_implied", "note")
    assert [{k: t.get(k) for k in keys} for t in _table_tasks(word)] == [
        {k: t.get(k) for k in keys} for t in _table_tasks(text)
    ]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Nhiệm vụ thực hiện", "content"),  # the first noun names the column; 'thực hiện' qualifies it
        ("Nội dung công việc thực hiện", "content"),
        ("Người thực hiện", "person"),
        ("Cán bộ phụ trách", "person"),
        ("Kết quả thực hiện", "output"),
        ("Thời gian thực hiện", "timeframe"),
        ("Đơn vị thực hiện", "lead"),
        ("Đơn vị phối hợp thực hiện", "coordinating"),
        ("Tên đơn vị được kiểm tra", "subject"),
    ],
)
def test_a_header_cell_is_read_by_its_first_noun(header: str, role: str) -> None:
    assert tables.role_of(header) == role


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Đỗ Mạnh Cường Vũ Việt Linh Nguyễn Thị Loan", ["Đỗ Mạnh Cường", "Vũ Việt Linh", "Nguyễn Thị Loan"]),
        ("Nguyễn Thị thúy Nhung", ["Nguyễn Thị thúy Nhung"]),  # a slip of the pen is still a name
        ("Nguyễn Vũ Linh", ["Nguyễn Vũ Linh"]),  # a family name inside a name does not cut it
        ("Lê Văn Tám, Giàng A Dơ", ["Lê Văn Tám", "Giàng A Dơ"]),
        ("Sở Nội vụ", None),
        ("Ban Dân vận Tỉnh ủy", None),
        ("Phòng Quản lý công nghiệp", None),
        ("Đỗ Mạnh Cường phụ trách", None),
    ],
)
def test_people_named_in_a_cell(cell: str, names: list[str] | None) -> None:
    assert tables.personal_names(cell) == names


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        (" | Rà soát vào điểm | Nguyễn Thị Loan | ", ("", "Rà soát vào điểm", "Nguyễn Thị Loan", "")),
        ("TT | Nhiệm vụ | Người thực hiện | Ghi chú", ("TT", "Nhiệm vụ", "Người thực hiện", "Ghi chú")),
        ("| 1 | Rà soát vào điểm | Sở Nội vụ |", ("1", "Rà soát vào điểm", "Sở Nội vụ")),  # Markdown
    ],
)
def test_a_row_joined_with_bars_keeps_its_empty_first_cell_unless_it_is_markdown(
    row: str, cells: tuple[str, ...]
) -> None:
    doc = source.Document(Path("bang.txt"), [])
    LineReader(doc).take(row, 1)
    assert [line.cells for line in doc.lines] == [cells]


def test_a_cell_cut_by_a_guess_names_no_new_unit_and_its_field_is_flagged(tmp_path: Path, index: Index) -> None:
    """A row of a table laid out with spaces whose work runs into the unit's column with one space
    and no capital near the boundary: the cut is a guess, so the words given to the unit's column
    ('trường các sở ngành') are no new unit; the task's lead and text carry a KIỂM TRA note. The
    rows cut cleanly are read as before, their units known."""
    aligned = """
PHỤ LỤC 2
DANH MỤC NHIỆM VỤ
TT   Nhiệm vụ cụ thể                               Cơ quan chủ trì      Thời hạn
1    Tổ chức hội nghị quán triệt Nghị quyết        Ban Dân vận Tỉnh ủy  Quý II/2023
2    Rà soát văn bản quy phạm về bảo vệ môi trường các sở ngành         Năm 2023
3    Theo dõi, nắm tình hình tôn giáo              Ban Dân vận Tỉnh ủy  Thường xuyên
"""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + aligned, encoding="utf-8")
    outcome = build(path, index)
    found = [t for t in outcome.tasks if t.data["section"].startswith("PL")]
    assert [t.data["lead"] for t in found] == [["binh-thuan-ban-dan-van"]] * 3  # the guessed one: the issuer
    assert [bool(t.doubts.get("lead")) for t in found] == [False, True, False]
    assert "trường các sở ngành" in found[1].doubts["lead"][0] and found[1].doubts.get("text")
    assert not [u for u in outcome.units if "truong" in str(u.data.get("id", ""))]
    assert not any("các sở ngành" in str(u.data.get("name", "")) for u in outcome.units)


def test_a_word_row_with_no_number_but_its_own_work_and_time_is_a_task_of_its_own() -> None:
    """In a Word table a row whose number cell is empty is the rest of the row above (a row split
    over two) unless it has its own work, opening in capitals, and its own time."""
    header = [["STT"], ["Nội dung"], ["Chủ trì"], ["Thời gian"]]
    rows = [
        header,
        [["1"], ["Tổ chức hội nghị quán triệt"], ["Ban Tuyên giáo"], ["Quý II/2024"]],
        [[], ["Rà soát quy chế phối hợp"], ["Văn phòng"], ["Quý III/2024"]],
        [["3"], ["Kiểm tra việc thực hiện"], ["Ban Dân vận"], ["Năm 2024"]],
        [[], ["của các huyện, thị xã"], [], []],
    ]
    table = tables.read(rows)
    assert table is not None
    assert [(line.number, line.text) for line in table.lines if line.kind == "row"] == [
        ("1", "Tổ chức hội nghị quán triệt"),
        (None, "Rà soát quy chế phối hợp"),
        ("3", "Kiểm tra việc thực hiện của các huyện, thị xã"),
    ]
