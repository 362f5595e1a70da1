"""Pure functions from the library's data to Markdown pages (no MkDocs here)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..kinds import Kind
from ..model import MODELS
from ..rules.registry import catalogue_rows
from ..schema import schema_for

KIND_TITLES = {kind.value: kind.heading for kind in Kind}
KIND_PLACES = {kind.value: kind.pattern() for kind in Kind}


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
    lines += [f"| `{code}` | {severity} | {md_cell(title)} |" for code, severity, title in catalogue_rows()]
    return "\n".join(lines) + "\n"


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        return defs[node["$ref"].rsplit("/", 1)[-1]]
    return node


def _type_label(node: dict[str, Any], defs: dict[str, Any]) -> str:
    node = _resolve(node, defs)
    if "anyOf" in node:
        kinds = [_type_label(n, defs) for n in node["anyOf"] if n.get("type") != "null"]
        return " hoặc ".join(kinds)
    if "enum" in node:
        return "một trong: " + ", ".join(f"`{v}`" for v in node["enum"])
    kind = node.get("type")
    if kind == "array":
        return f"danh sách ({_type_label(node.get('items', {}), defs)})"
    if kind == "object":
        return "bảng khóa: giá trị"
    if kind == "string" and node.get("format") == "date":
        return "ngày YYYY-MM-DD"
    return {"string": "chữ", "integer": "số nguyên", "boolean": "true/false"}.get(kind or "", kind or "")


def reference_page(kind: Kind) -> str:
    """Every field of a record kind, from the schema generated from its model."""
    schema = schema_for(kind)
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    lines = [
        f"# {KIND_TITLES[kind]}",
        "",
        md_cell(MODELS[kind].__doc__ or ""),
        "",
        f"Tệp: `{KIND_PLACES[kind]}`. Lược đồ: `schema/{kind}.schema.json`. Trang này được sinh từ mô hình.",
        "",
        "| Trường | Bắt buộc | Kiểu | Ý nghĩa |",
        "|---|---|---|---|",
    ]
    for name, prop in schema["properties"].items():
        title = prop.get("title", "")
        description = prop.get("description", "")
        meaning = f"**{md_cell(title)}**. {md_cell(description)}" if title else md_cell(description)
        mark = "có" if name in required else ""
        lines.append(f"| `{name}` | {mark} | {_type_label(prop, defs)} | {meaning} |")
    for def_name, node in defs.items():
        if "enum" in node and "enumDescriptions" in node:
            lines += ["", f"## Giá trị của {md_cell(node.get('description', def_name).rstrip('.'))}", ""]
            lines += ["| Giá trị | Ý nghĩa |", "|---|---|"]
            lines += [f"| `{v}` | {md_cell(d)} |" for v, d in zip(node["enum"], node["enumDescriptions"], strict=True)]
        elif "properties" in node:
            lines += ["", f"## {md_cell(node.get('description', def_name))}", ""]
            lines += ["| Trường | Kiểu | Ý nghĩa |", "|---|---|---|"]
            lines += [
                f"| `{n}` | {_type_label(p, defs)} | {md_cell(p.get('title', ''))} |"
                for n, p in node["properties"].items()
            ]
    return "\n".join(lines) + "\n"


GENERATED_PAGES: dict[str, Callable[[], str]] = {
    "tham-khao/quy-tac.md": rules_page,
    **{f"tham-khao/{kind}.md": partial(reference_page, kind) for kind in MODELS},
}
"""Site path -> function producing its Markdown."""
