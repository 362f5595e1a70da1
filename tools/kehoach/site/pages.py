"""Pure functions from the library's data to Markdown pages (no MkDocs here)."""

from __future__ import annotations

from ..rules.catalog import RULES


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no table breaks, no markup."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\|*_`[]{}#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\n", " ")


def rules_page() -> str:
    lines = [
        "# Quy tắc kiểm tra",
        "",
        "Mỗi lỗi do `kehoach check` báo có một mã cố định. Bảng này được sinh từ mã nguồn "
        "(`kehoach rules` in cùng nội dung).",
        "",
        "| Mã | Mức | Quy tắc |",
        "|---|---|---|",
    ]
    lines += [f"| `{r.code}` | {r.severity.label} | {md_cell(r.summary)} |" for r in RULES.values()]
    return "\n".join(lines) + "\n"


GENERATED_PAGES = {"tham-khao/quy-tac.md": rules_page}
"""Site path -> function producing its Markdown."""
