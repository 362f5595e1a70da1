"""Task tables written as Markdown pipe tables, as a web page converted to Markdown writes them, and
as the conversion breaks them: a cell's text wrapped onto the next line, a row going on over several
lines without its closing '|', lines holding only '|', rows of empty cells, group rows spanning the
table, cells a web page merges over several rows written once. Each row gives a task through the
same reading as every other form of table; a placement that is a guess is flagged; a task table
that cannot be read is left out with a message naming its line, and the rest is imported."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer import document, pipes, source
from kehoach.importer.draft import Draft, Outcome
from kehoach.index import Index

from .test_structure import FOOTER, HEADER
from .test_tables import APPENDIX, BODY

DV = "binh-thuan-ban-dan-van"
MT = "binh-thuan-mat-tran-to-quoc"
CA = "binh-thuan-cong-an-tinh"


def build(tmp_path: Path, index: Index, table: str, tail: str = "") -> Outcome:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + table + tail, encoding="utf-8")
    return document.build(source.read(path), index)


def rows(outcome: Outcome) -> list[Draft]:
    return [t for t in outcome.tasks if str(t.data["section"]).startswith("PL")]


def summary(outcome: Outcome) -> list[tuple[str, list[str] | None, list[str] | None, str | None]]:
    return [
        (t.data["text"], t.data.get("lead"), t.data.get("coordinating"), t.data.get("timeframe")) for t in rows(outcome)
    ]


def test_a_row_broken_over_several_lines_is_one_task(tmp_path: Path, index: Index) -> None:
    """A cell's text wrapped onto a line that does not open with '|', and a row whose line is not
    closed with '|' going on with the next line, which opens with '|'."""
    table = """\
| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |
|:---:|---|---|---|---|
| 1 | Tổ chức hội nghị quán triệt
Nghị quyết của Tỉnh ủy | Ban Dân vận Tỉnh ủy | Mặt trận Tổ quốc tỉnh | Quý II/2023 |
| 2 | Rà soát, bổ sung quy chế phối hợp giữa các cơ quan | Ban Dân vận Tỉnh ủy
| Công an tỉnh | Năm 2023 |
| 3 | Theo dõi, nắm tình hình tôn giáo | Mặt trận Tổ quốc tỉnh | | Thường xuyên
"""
    outcome = build(tmp_path, index, table, "\nCác đơn vị căn cứ phụ lục này triển khai thực hiện.\n")
    assert summary(outcome) == [
        ("Tổ chức hội nghị quán triệt Nghị quyết của Tỉnh ủy", [DV], [MT], "Quý II/2023"),
        ("Rà soát, bổ sung quy chế phối hợp giữa các cơ quan", [DV], [CA], "Năm 2023"),
        ("Theo dõi, nắm tình hình tôn giáo", [MT], None, "Thường xuyên"),
    ]
    assert not any(t.doubts for t in rows(outcome))
    # the line under the table is not one of its cells
    assert all("căn cứ phụ lục" not in t.data["text"] for t in outcome.tasks)


def test_group_rows_lone_bars_and_empty_rows_give_no_task(tmp_path: Path, index: Index) -> None:
    table = """\
| TT | Nội dung công việc | Cơ quan chủ trì | Thời gian thực hiện |
|
| I | Nhóm việc làm ngay | | |
| ||||
| 1 | Tổ chức hội nghị quán triệt Nghị quyết | Ban Dân vận Tỉnh ủy | Quý II/2023 |
|
| II. CÁC VIỆC LÀM THƯỜNG XUYÊN |
| 2 | Theo dõi, nắm tình hình tôn giáo | Mặt trận Tổ quốc tỉnh | Thường xuyên |
"""
    outcome = build(tmp_path, index, table)
    assert summary(outcome) == [
        ("Tổ chức hội nghị quán triệt Nghị quyết", [DV], None, "Quý II/2023"),
        ("Theo dõi, nắm tình hình tôn giáo", [MT], None, "Thường xuyên"),
    ]
    assert [t.data["section"] for t in rows(outcome)] == ["PL.I", "PL.II"]
    appendix = outcome.plan.data["sections"][-1]  # type: ignore[union-attr]
    assert [s["heading"] for s in appendix["sections"]] == ["Nhóm việc làm ngay", "Các việc làm thường xuyên"]


def test_a_cell_a_web_page_merges_over_rows_is_the_one_above_it(tmp_path: Path, index: Index) -> None:
    """A row under a lead merged over two rows leaves the lead out (one cell fewer): the row takes it,
    without doubt where its other cells can be placed only one way."""
    table = """\
| STT | Nội dung | Đơn vị chủ trì | Thời gian |
|---|---|---|---|
| 1 | Tổ chức hội nghị quán triệt Nghị quyết | Ban Dân vận Tỉnh ủy | Quý II/2023 |
| 2 | Rà soát, bổ sung quy chế phối hợp | Năm 2023 |
"""
    outcome = build(tmp_path, index, table)
    assert summary(outcome) == [
        ("Tổ chức hội nghị quán triệt Nghị quyết", [DV], None, "Quý II/2023"),
        ("Rà soát, bổ sung quy chế phối hợp", [DV], None, "Năm 2023"),
    ]
    assert not any(t.doubts for t in rows(outcome))


def test_a_row_whose_cells_fit_several_columns_is_imported_and_flagged(tmp_path: Path, index: Index) -> None:
    """Two units and two columns of units, one of them merged with the row above: which one the row
    left out is a guess, said on the task."""
    table = """\
| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Tổ chức hội nghị quán triệt Nghị quyết | Ban Dân vận Tỉnh ủy | Công an tỉnh | Quý II/2023 |
| 2 | Rà soát, bổ sung quy chế phối hợp | Mặt trận Tổ quốc tỉnh | Năm 2023 |
"""
    outcome = build(tmp_path, index, table)
    second = rows(outcome)[1]
    assert second.data["text"] == "Rà soát, bổ sung quy chế phối hợp"
    assert second.data["timeframe"] == "Năm 2023"
    assert {"lead", "coordinating"} & set(second.doubts)


def test_an_empty_lead_cell_is_the_one_above_only_as_a_flagged_guess(tmp_path: Path, index: Index) -> None:
    """A row as wide as the header with its lead left empty: the table may have lost a merged cell
    (a Word table written as text) or the row names no lead. Taken from above, flagged; in a table
    that shows its merged cells by leaving them out, an empty cell is empty."""
    table = """\
| STT | Nội dung | Chủ trì | Thời gian |
|---|---|---|---|
| 1 | Tổ chức hội nghị quán triệt Nghị quyết | Mặt trận Tổ quốc tỉnh | Quý II/2023 |
| 2 | Rà soát, bổ sung quy chế phối hợp | | Năm 2023 |
"""
    second = rows(build(tmp_path, index, table))[1]
    assert second.data["lead"] == [MT] and "lead" in second.doubts
    merged = table.replace("| 2 |", "| 3 | Theo dõi, nắm tình hình tôn giáo | Quý IV/2023 |\n| 2 |")
    third, second = rows(build(tmp_path, index, merged))[1:]
    assert third.data["lead"] == [MT] and "lead" not in third.doubts  # the cell merged over it, left out
    assert second.data.get("lead") != [MT]  # written empty where the table leaves merged cells out


def test_a_task_table_that_cannot_be_read_is_left_out_with_a_message(tmp_path: Path, index: Index) -> None:
    """A task table's header over rows that name no work: its lines would read as wrong tasks."""
    table = """\
| STT | Nội dung | Chủ trì | Thời gian |
|---|---|---|---|
| 1 | | Ban Dân vận Tỉnh ủy | Quý II/2023 |
| 2 | | Mặt trận Tổ quốc tỉnh | Năm 2023 |
"""
    outcome = build(tmp_path, index, table)
    assert not rows(outcome)
    assert outcome.tasks[0].data["text"].startswith("Tuyên truyền kết quả")  # the rest is imported
    plan = outcome.plan
    assert plan is not None
    number = (HEADER + BODY + FOOTER + APPENDIX).count("\n") + 1
    assert any(m.startswith(f"dòng {number}: bảng Markdown") for m in plan.doubts["sections"])


def test_a_markdown_table_of_another_kind_is_no_task_table() -> None:
    texts = [
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "| Số: 12/KH-UBND | Hà Nội, ngày 2/1/2025 |",
        "",
    ]
    lines = [source.Line(text, n) for n, text in enumerate(texts, start=1)]
    skipped: list[str] = []
    assert pipes.read_tables(lines, skipped) == lines
    assert not skipped


def test_a_table_of_documents_to_draft_is_led_by_who_drafts_them(tmp_path: Path, index: Index) -> None:
    """Who submits and who examines a draft are listed beside who drafts it; who works with the
    drafter is written in brackets in the drafter's cell."""
    table = (
        "| TT | Tên văn bản | Cơ quan trình | Cơ quan soạn thảo | Cơ quan thẩm tra | Tiến độ |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Quy chế phối hợp công tác dân vận | Thường trực Tỉnh ủy | Ban Dân vận Tỉnh ủy (Công an tỉnh phối hợp) "
        "| Mặt trận Tổ quốc tỉnh | Trình trước ngày 30/6/2023 |\n"
    )
    assert summary(build(tmp_path, index, table)) == [
        ("Quy chế phối hợp công tác dân vận", [DV], [CA], "Trình trước ngày 30/6/2023"),
    ]


def test_rows_are_cut_as_markdown_writes_them() -> None:
    texts = [
        "| TT | Nội dung | Chủ trì | Thời gian | |",
        "| 1 | Rà soát | Sở Tư pháp | Quý I | ||",  # empty cells after the last: no columns
        "| 2 | Tổng hợp [2] | Sở Nội vụ",  # not closed: the next line's bar closes its last cell
        "| Quý II |",
        "| 3 | Báo cáo | Sở Tài chính |",  # closed, one line: a row of its own, however short
        "Văn bản dưới bảng.",
    ]
    piped = pipes.read(texts)
    assert piped is not None
    assert piped.rows == [
        ["TT", "Nội dung", "Chủ trì", "Thời gian"],
        ["1", "Rà soát", "Sở Tư pháp", "Quý I"],
        ["2", "Tổng hợp[^2]", "Sở Nội vụ", "Quý II"],  # a footnote's reference as the line reader reads one
        ["3", "Báo cáo", "Sở Tài chính"],
    ]
    assert piped.lines == [0, 1, 2, 4] and piped.end == 5


class _ReadUpTo(list[str]):
    """Lines that fail the test when a reader looks past ``limit``."""

    limit = 0

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        if isinstance(k, int) and k > self.limit:
            raise AssertionError(f"đọc tới dòng {k}")
        return super().__getitem__(k)


def test_a_run_of_bars_with_no_header_is_given_up_at_its_first_row() -> None:
    """Lines of bars and empty cells ('| | | |'), thousands of them: from any line, the reader sees the
    header is no row of two cells as soon as the next row starts, and reads nothing further; trying
    each line in turn then reads each line about once, not the whole rest of the file each time."""
    texts = _ReadUpTo(["| | | | |"] * 5000)
    for start in (0, 10, 4000):
        texts.limit = start + 1
        assert pipes.read(texts, start) is None
