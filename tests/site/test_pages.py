"""Generated pages, tested without MkDocs."""

from __future__ import annotations

from kehoach.rules.registry import CODES as RULES
from kehoach.site.pages import md_cell, rules_page


def test_rules_page_lists_every_rule_once() -> None:
    page = rules_page()
    for code in RULES:
        assert page.count(f"`{code}`") == 1


def test_cells_escape_markup_and_table_breaks() -> None:
    cell = md_cell("<script>alert(1)</script> | *đậm* [liên kết](http://x) {{ mẫu }}\nxuống dòng")
    assert "<script>" not in cell
    assert "|" not in cell.replace("\\|", "")
    assert "\n" not in cell
    assert "\\*đậm\\*" in cell and "\\[liên kết\\]" in cell and "\\{\\{" in cell
