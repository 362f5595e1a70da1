"""Terminal and Markdown tables: columns line up however the text is composed."""

from __future__ import annotations

import unicodedata

from kehoach.views.table import RIGHT, Column, markdown_table, text_table, width, wrap


def test_width_counts_terminal_columns() -> None:
    assert width("Tỉnh ủy") == 7
    assert width(unicodedata.normalize("NFD", "Tỉnh ủy")) == 7  # combining marks take no column
    assert width("漢字") == 4  # wide characters take two


def test_rows_line_up_whatever_the_composition() -> None:
    nfd = unicodedata.normalize("NFD", "Ban Dân tộc tỉnh")
    out = text_table([Column("Đơn vị"), Column("Số", RIGHT)], [["Ban Dân tộc tỉnh", "1"], [nfd, "22"], ["漢字", "3"]])
    lines = out.splitlines()
    assert lines[0] == "Đơn vị            Số"
    assert {width(line) for line in lines} == {20}
    assert lines[2:] == ["Ban Dân tộc tỉnh   1", f"{nfd}  22", "漢字" + " " * 15 + "3"]


def test_long_cells_wrap_at_the_column_limit() -> None:
    out = text_table([Column("Tên", limit=12), Column("N", RIGHT)], [["Ban Dân vận Tỉnh ủy Bình Thuận", "5"]])
    assert out.splitlines()[2:] == ["Ban Dân vận   5", "Tỉnh ủy Bình", "Thuận"]
    assert wrap("BDVTU-BTGDVTU-TU", 5) == ["BDVTU", "-BTGD", "VTU-T", "U"]


def test_markdown_cells_cannot_break_the_table() -> None:
    out = markdown_table([Column("Tên"), Column("Số", RIGHT)], [["A | B\n*C*", "1"]])
    assert out.splitlines() == ["| Tên | Số |", "|---|---:|", "| A \\| B \\*C\\* | 1 |"]
