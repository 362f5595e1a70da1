"""Task tables as offices really lay them out, each written four ways: rows joined with ' | ' in a
text file, one cell per line between lone '|' lines (a web page or a conversion), a Markdown pipe
table (a web page converted to Markdown), and a Word table.
Every way must give the same records, record by record, and the tasks the table holds: a header over
two or three rows, a table continued after a page break with or without its header repeated, merged
cells, rows with no number, cells wrapped over several lines, a table in an appendix after the
signature, and the columns (work | who | when) in any order or with extra columns (budget, notes,
products)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from kehoach.importer import document, source, tables
from kehoach.importer.draft import Outcome
from kehoach.index import Index

from .test_structure import FOOTER, HEADER
from .test_tables import BODY

APPENDIX = """
PHỤ LỤC
DANH MỤC NHIỆM VỤ TRỌNG TÂM
(Kèm theo Kế hoạch số 20-KH/BDVTU ngày 10/3/2023 của Ban Dân vận Tỉnh ủy)
"""

PAGE = "\n2\n"  # a page break as text taken from a PDF writes it: the page's number alone on its line

# A cell wrapped over lines is written with '\n' inside it; None: merged with the cell above (Word).
Rows = list[list[str | None]]

TASKS = [
    ("Tổ chức hội nghị quán triệt Nghị quyết", "Quý II/2023", "binh-thuan-ban-dan-van"),
    (
        "Rà soát, bổ sung quy chế phối hợp giữa các cơ quan trong hệ thống chính trị",
        "Năm 2023",
        "binh-thuan-ban-dan-van",
    ),
    ("Theo dõi, nắm tình hình tôn giáo", "Thường xuyên", "binh-thuan-mat-tran-to-quoc"),
]


@dataclass
class Variant:
    name: str
    header: Rows
    body: Rows
    after_break: Rows | None = None  # rows printed on the next page
    repeat_header: bool = False  # the header printed again at the top of the next page
    merges: tuple[tuple[int, int], ...] = ()  # (row, column) of the body merged with the cell above (Word)
    # Written one cell per line, a header cell left empty under a merged one looks like the end of a row:
    # such headers are not read from that form yet (tables.bar_rows takes the first row's cells as the width).
    bars: bool = True


STD = [["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện"]]
R1 = ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Dân vận Tỉnh ủy", "Quý II/2023"]
R2 = [
    "2",
    "Rà soát, bổ sung quy chế phối hợp giữa các cơ quan trong hệ thống chính trị",
    "Ban Dân vận Tỉnh ủy",
    "Năm 2023",
]
R3 = ["3", "Theo dõi, nắm tình hình tôn giáo", "Mặt trận Tổ quốc tỉnh", "Thường xuyên"]


def _order(rows: Rows, order: list[int]) -> Rows:
    return [[row[i] for i in order] for row in rows]


def _with(rows: Rows, column: int, values: list[str]) -> Rows:
    return [[*row[:column], value, *row[column:]] for row, value in zip(rows, values, strict=True)]


VARIANTS = [
    Variant("plain", STD, [R1, R2, R3]),
    Variant(
        "header over two rows",
        [
            ["STT", "Nội dung công việc", "Cơ quan thực hiện", "", "Thời gian thực hiện"],
            ["", "", "Chủ trì", "Phối hợp", ""],
        ],
        [[*R1[:3], "", R1[3]], [*R2[:3], "", R2[3]], [*R3[:3], "", R3[3]]],
        bars=False,
    ),
    Variant(
        "header over three rows",
        [
            ["STT", "Nội dung công việc", "Phân công thực hiện", "", ""],
            ["", "", "Cơ quan thực hiện", "", "Thời gian thực hiện"],
            ["", "", "Chủ trì", "Phối hợp", ""],
        ],
        [[*R1[:3], "", R1[3]], [*R2[:3], "", R2[3]], [*R3[:3], "", R3[3]]],
        bars=False,
    ),
    Variant("continued after a page break", STD, [R1, R2], after_break=[R3]),
    Variant("continued after a page break, header repeated", STD, [R1, R2], after_break=[R3], repeat_header=True),
    Variant("rows with no number", STD, [["", *R1[1:]], R2, ["", *R3[1:]]]),
    Variant(
        "cells wrapped over lines",
        STD,
        [
            R1,
            [
                "2",
                "Rà soát, bổ sung quy chế phối hợp giữa\ncác cơ quan trong hệ thống chính trị",
                "Ban Dân vận\nTỉnh ủy",
                "Năm\n2023",
            ],
            R3,
        ],
    ),
    Variant(
        "a row wrapped over two rows",
        STD,
        [
            R1,
            ["2", "Rà soát, bổ sung quy chế phối hợp giữa", "Ban Dân vận Tỉnh ủy", "Năm 2023"],
            ["", "các cơ quan trong hệ thống chính trị", "", ""],
            R3,
        ],
    ),
    Variant(
        "lead merged down two rows",
        STD,
        [R1, ["2", R2[1], "", R2[3]], R3],
        merges=((1, 2),),
    ),
    Variant("columns in another order", _order(STD, [0, 3, 2, 1]), _order([R1, R2, R3], [0, 3, 2, 1])),
    Variant(
        "who and when before the work",
        [["TT", "Đơn vị thực hiện", "Thời hạn", "Nội dung"]],
        _order([R1, R2, R3], [0, 2, 3, 1]),
    ),
    Variant(
        "extra columns",
        [["STT", "Nội dung", "Sản phẩm", "Đơn vị chủ trì", "Kinh phí", "Thời gian", "Ghi chú"]],
        [
            [R1[0], R1[1], "Hội nghị", R1[2], "Ngân sách tỉnh", R1[3], ""],
            [R2[0], R2[1], "Quy chế", R2[2], "", R2[3], "Trình Thường trực"],
            [R3[0], R3[1], "Báo cáo", R3[2], "Không", R3[3], ""],
        ],
    ),
]


def _cells(row: list[str | None]) -> list[str]:
    return ["" if c is None else c for c in row]


def _rows(variant: Variant) -> tuple[Rows, Rows]:
    first = variant.header + variant.body
    second = (variant.header if variant.repeat_header else []) + (variant.after_break or [])
    return first, second


def _bars(rows: Rows, merged: frozenset[tuple[int, int]] = frozenset()) -> str:
    """One cell per line between lone '|' lines, an empty cell nothing between two of them; a cell
    merged with the one above (``merged``: row, column) written nothing for, as a web page does."""
    return "".join(
        "|\n" + "".join(f"{c}\n|\n" if c else "|\n" for k, c in enumerate(_cells(row)) if (r, k) not in merged)
        for r, row in enumerate(rows)
    )


def _markdown(rows: Rows, merged: frozenset[tuple[int, int]] = frozenset(), rule: bool = True) -> str:
    """Markdown rows, the '|---|' rule under the first (``rule``); a line break in a cell kept as a
    conversion keeps it (the row goes on over the next lines); a cell merged with the one above
    (``merged``: row, column) written nothing for, as a web page's table does."""
    out = []
    for r, row in enumerate(rows):
        out.append("| " + " | ".join(c for k, c in enumerate(_cells(row)) if (r, k) not in merged) + " |")
        if r == 0 and rule:
            out.append("|" + "---|" * len(row))
    return "\n".join(out) + "\n"


def write_markdown(variant: Variant, path: Path) -> Path:
    first, second = _rows(variant)
    merged = frozenset((len(variant.header) + r, c) for r, c in variant.merges)
    table = _markdown(first, merged) + (_markdown(second, rule=variant.repeat_header) if second else "")
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + table, encoding="utf-8")
    return path


def write_text(variant: Variant, path: Path, bars: bool) -> Path:
    first, second = _rows(variant)
    if bars:
        merged = frozenset((len(variant.header) + r, c) for r, c in variant.merges)
        table = _bars(first, merged) + _bars(second)  # a web page has no page numbers
    else:

        def joined(rows: Rows) -> str:
            # a wrapped cell as a conversion writes it: each printed line a row of its own
            out = []
            for row in rows:
                cells = [c.split("\n") for c in _cells(row)]
                for k in range(max(len(c) for c in cells)):
                    out.append(" | ".join(c[k] if k < len(c) else "" for c in cells))
            return "\n".join(out) + "\n"

        table = joined(first) + (PAGE + joined(second) if second else "")
    path.write_text(HEADER + BODY + FOOTER + APPENDIX + table, encoding="utf-8")
    return path


def write_word(variant: Variant, path: Path) -> Path:
    doc = Document()
    for line in (HEADER + BODY + FOOTER + APPENDIX).splitlines():
        doc.add_paragraph(line)
    for k, rows in enumerate(_rows(variant)):
        if not rows:
            continue
        if k:
            doc.add_paragraph("")  # the page break a conversion of the PDF leaves between the two parts
        table = doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(_cells(row)):
                cell = table.cell(r, c)
                # Word wraps a long cell itself: one paragraph (two paragraphs in a cell are two names)
                cell.text = " ".join(value.split("\n"))
        if k == 0:
            for r, c in variant.merges:
                at = len(variant.header) + r
                table.cell(at - 1, c).merge(table.cell(at, c))
    doc.save(str(path))
    return path


def _records(outcome: Outcome) -> list[dict]:
    return [d.data for d in outcome.drafts if d.kind in ("task", "unit", "directive")]


def _table_tasks(outcome: Outcome) -> list[tuple[str, str | None, str]]:
    return [
        (t.data["text"], t.data.get("timeframe"), (t.data.get("lead") or [""])[0])
        for t in outcome.tasks
        if str(t.data["section"]).startswith("PL")
    ]


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_every_way_of_writing_a_task_table_gives_its_tasks_and_the_same_records(
    tmp_path: Path, index: Index, variant: Variant
) -> None:
    built = {
        "text": write_text(variant, tmp_path / "bang.txt", bars=False),
        "word": write_word(variant, tmp_path / "bang.docx"),
        "markdown": write_markdown(variant, tmp_path / "bang.md.txt"),
    }
    if variant.bars:
        built["bars"] = write_text(variant, tmp_path / "o.txt", bars=True)
    outcomes = {form: document.build(source.read(path), index) for form, path in built.items()}
    for form, outcome in outcomes.items():
        assert _table_tasks(outcome) == TASKS, form
    if variant.bars:
        assert _records(outcomes["bars"]) == _records(outcomes["text"])
    if not variant.merges:
        assert _records(outcomes["markdown"]) == _records(outcomes["text"])
    if variant.merges:
        # a cell merged down the rows is given to every row it covers in Word; text written from the
        # table holds it once, in its first row, and the rows under it name no lead (the issuer's)
        row = next(t for t in outcomes["word"].tasks if t.data["text"] == TASKS[1][0])
        assert "lead_implied" not in row.data
        return
    assert _records(outcomes["word"]) == _records(outcomes["text"])


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["Thực hiện Kết luận số 75-", "KL/TW của Bộ Chính trị"], "Thực hiện Kết luận số 75-KL/TW của Bộ Chính trị"),
        (["Nghị định số 180/2026/NĐ-", "CP"], "Nghị định số 180/2026/NĐ-CP"),
        (["các tổ chức chính trị -", "xã hội"], "các tổ chức chính trị - xã hội"),  # a dash between words
        (["Ban Dân vận", "  Tỉnh ủy  "], "Ban Dân vận Tỉnh ủy"),
    ],
)
def test_lines_wrapped_in_a_cell_join_as_a_paragraph_joins_them(parts: list[str], joined: str) -> None:
    assert tables.join_wrapped(parts) == joined


def test_a_row_of_two_cells_parted_by_one_bar_is_a_row_in_text_as_in_word(tmp_path: Path, index: Index) -> None:
    """The signature block converted from a Word table: 'Nơi nhận: ... | TM. ...' on one line."""
    tail = (
        "\nNơi nhận: - Thường trực Tỉnh ủy; - Lưu: VT. | TM. BAN THƯỜNG VỤ PHÓ TRƯỞNG BAN\n"
        "                                           Đặng Hồng Sỹ\n"
    )
    text = tmp_path / "ke-hoach.txt"
    text.write_text(HEADER + BODY + tail, encoding="utf-8")
    doc = Document()
    for line in (HEADER + BODY).splitlines():
        doc.add_paragraph(line)
    row = doc.add_table(rows=1, cols=2)
    row.cell(0, 0).text = "Nơi nhận: - Thường trực Tỉnh ủy; - Lưu: VT."
    row.cell(0, 1).text = "TM. BAN THƯỜNG VỤ PHÓ TRƯỞNG BAN"
    doc.add_paragraph("Đặng Hồng Sỹ")
    doc.save(str(tmp_path / "ke-hoach.docx"))
    plans = [document.build(source.read(p), index).plan for p in (text, tmp_path / "ke-hoach.docx")]
    assert [p.data.get("signer_title") for p in plans if p] == ["TM. Ban Thường vụ phó trưởng ban"] * 2
    assert plans[0].data.get("recipients") == plans[1].data.get("recipients")  # type: ignore[union-attr]


def test_an_attachment_line_wrapped_in_text_is_not_the_start_of_the_body(tmp_path: Path, index: Index) -> None:
    """'(Kèm theo Quyết định số ... của Ủy ban' / 'nhân dân tỉnh)': printed lines of one header line,
    as the Word paragraph they come from holds them; the body (the preamble) starts under them."""
    header = HEADER.replace("-----\n", "(Kèm theo Quyết định số 12/QĐ-BDVTU ngày 10/3/2023 của Ban\nDân vận Tỉnh ủy)\n")
    text = tmp_path / "ke-hoach.txt"
    text.write_text(header + BODY + FOOTER, encoding="utf-8")
    doc = Document()
    for line in (header.replace("Ban\nDân", "Ban Dân") + BODY + FOOTER).splitlines():
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "ke-hoach.docx"))
    plans = [document.build(source.read(p), index).plan for p in (text, tmp_path / "ke-hoach.docx")]
    preambles = [p.data.get("preamble") for p in plans if p]
    assert preambles[0] == preambles[1]
    assert preambles[0].startswith("Căn cứ Kế hoạch số 56-KH/TU")
