"""What editors show from the generated JSON Schemas, in Vietnamese: a message
for every value the schema can refuse (``errorMessage``, and
``patternErrorMessage`` for patterns: keywords yaml-language-server reads in
place of its English "Value is not accepted", "String does not match the
pattern"), and hovers without repeats (one title per field, enum values
described once)."""

from __future__ import annotations

from typing import Any

from .model.common import ID_PATTERN

# Keywords the schemas use beyond the JSON Schema vocabulary (editors read them; validators ignore them).
EDITOR_KEYWORDS = ("errorMessage", "patternErrorMessage", "enumDescriptions")

_ID_MESSAGE = (
    "Mã định danh chỉ gồm chữ thường không dấu, số và dấu gạch nối giữa các từ "
    "(ví dụ binh-thuan-ban-dan-van), tối đa 120 ký tự"
)
_DATE_MESSAGE = "Ngày ghi dạng YYYY-MM-DD và có thật trong lịch, ví dụ 2021-02-08"
_TYPE_MESSAGES = {
    "string": "Cần một đoạn chữ, không để trống",
    "integer": "Cần một số nguyên",
    "boolean": "Cần true hoặc false",
    "array": "Cần một danh sách: mỗi mục một dòng, bắt đầu bằng '- '",
}


def annotate(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with Vietnamese messages on every node that can refuse a value, and hovers deduplicated."""
    defs = document.get("$defs", {})
    _node(document, document.get("title") or "Bản ghi", defs)
    return document


def _label(node: dict[str, Any], fallback: str) -> str:
    return str(node.get("title") or fallback)


def _node(node: Any, name: str, defs: dict[str, Any]) -> None:
    if isinstance(node, list):
        for item in node:
            _node(item, name, defs)
        return
    if not isinstance(node, dict):
        return
    label = _label(node, name)
    _message(node, label)
    node.pop("examples", None)  # editors title them in English ("Example:"); the descriptions give examples
    _drop_repeated_hovers(node)
    if "anyOf" in node and "errorMessage" not in node:
        messages = [b.get("errorMessage") for b in node["anyOf"] if isinstance(b, dict) and b.get("type") != "null"]
        if messages and messages[0]:
            node["errorMessage"] = messages[0]
    for key, child in node.items():
        if key == "properties" and isinstance(child, dict):
            for field, sub in child.items():
                _property(sub, field, defs)
        elif key in ("$defs", "items", "anyOf", "allOf", "oneOf", "prefixItems"):
            _node(child if key != "$defs" else list(child.values()), label, defs)


def _message(node: dict[str, Any], label: str) -> None:
    """The Vietnamese message for the one kind of refusal the node states."""
    if "enum" in node:
        _enum(node, label)
    elif "pattern" in node:
        node["patternErrorMessage"] = _ID_MESSAGE if node["pattern"] == ID_PATTERN else _pattern_message(node, label)
        node["errorMessage"] = node["patternErrorMessage"]
    elif node.get("format") == "date":
        node["errorMessage"] = _DATE_MESSAGE
    elif "properties" in node:
        _object(node, label)
    elif node.get("type") in _TYPE_MESSAGES:
        node["errorMessage"] = _type_message(node)


def _drop_repeated_hovers(node: dict[str, Any]) -> None:
    """A branch's title or description equal to its parent's is shown twice
    ("Số và ký hiệu || Số và ký hiệu"): keep the parent's."""
    for branch in node.get("anyOf") or node.get("allOf") or []:
        for key in ("title", "description"):
            if isinstance(branch, dict) and key in node and branch.get(key) == node[key]:
                del branch[key]


def _property(node: Any, field: str, defs: dict[str, Any]) -> None:
    if not isinstance(node, dict):
        return
    ref = node.get("$ref", "")
    target = defs.get(ref.rsplit("/", 1)[-1]) if ref.startswith("#/$defs/") else None
    if target is not None and "description" not in node and "description" in target:
        node["description"] = target["description"]
    _node(node, str(node.get("title") or field), defs)


def _enum(node: dict[str, Any], label: str) -> None:
    values = [str(v) for v in node["enum"]]
    labels = node.get("enumDescriptions") or []
    choices = "; ".join(f"{v}: {d}" if d else v for v, d in zip(values, labels + [""] * len(values), strict=False))
    node["errorMessage"] = f"{label}: giá trị không hợp lệ; chọn một trong: {choices}"
    node.pop("markdownEnumDescriptions", None)  # repeated the value the hover already shows


def _pattern_message(node: dict[str, Any], label: str) -> str:
    examples = node.get("examples") or []
    shown = f" (ví dụ: {', '.join(str(e) for e in examples[:3])})" if examples else ""
    return f"{label} chưa đúng dạng{shown}"


def _object(node: dict[str, Any], label: str) -> None:
    required = node.get("required") or []
    known = ", ".join(node["properties"])
    needed = f"cần đủ các trường bắt buộc ({', '.join(required)}) và " if required else ""
    node["errorMessage"] = f"{label}: {needed}chỉ dùng các trường của lược đồ: {known}"


def _type_message(node: dict[str, Any]) -> str:
    kind = node["type"]
    message = _TYPE_MESSAGES[kind]
    if kind == "integer" and "minimum" in node:
        message += f" ≥ {node['minimum']}"
    if kind == "string" and "maxLength" in node:
        message += f", tối đa {node['maxLength']} ký tự"
    return message
