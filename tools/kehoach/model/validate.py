"""From loaded data to a model instance: runs the pydantic model and turns
each validation error into a finding at the YAML node it concerns, with a
Vietnamese message that quotes the bad value and says what was expected."""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args, get_origin

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..chars import describe, visible
from ..codes import Code
from ..kinds import Kind
from . import MODELS
from .common import Record


def _quote(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: short, on one line, control characters escaped."""
    if isinstance(value, str):
        text = f"'{visible(value)}'"
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        text = f"(số có {len(str(abs(value)))} chữ số)"
    else:
        text = visible(repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…'"


_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _id_problem(value: Any) -> str:
    """What is wrong with an id, naming the first character the pattern refuses
    (a zero-width space or a Cyrillic 'а' look like nothing or like 'a')."""
    if not isinstance(value, str):
        return ""
    for position, ch in enumerate(value, start=1):
        if ch not in _ID_CHARS:
            what = "chữ hoa" if "A" <= ch <= "Z" else ("dấu cách" if ch == " " else "ký tự")
            return f" (có {what} {describe(ch)} ở vị trí {position})"
    if not value:
        return " (để trống)"
    return " (dấu gạch nối ở đầu, ở cuối hoặc hai dấu liền nhau)"


def _field_name(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(bản ghi)"


def _field_type(model: type[Record], loc: tuple[str | int, ...]) -> Any:
    """The type at ``loc`` in ``model`` (list items and optionals unwrapped), or None."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        current = fields[part].annotation
        while get_origin(current) is not None:  # list[X], X | None
            args = [a for a in get_args(current) if a is not type(None)]
            current = args[0] if args else current
    return current


def _enum_choices(model: type[Record], loc: tuple[str | int, ...]) -> list[str]:
    """Allowed values for an enum field."""
    current = _field_type(model, loc)
    if isinstance(current, type) and issubclass(current, Enum):
        return [str(member.value) for member in current]
    return []


_SIMPLE = {
    "string_type": "cần một đoạn chữ",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên",
    "int_parsing_size": "cần một số nguyên không quá lớn",
    "float_type": "cần một số",
    "float_parsing": "cần một số",
    "finite_number": "cần một số hữu hạn",
    "none_required": "không được ghi giá trị",
    "bool_type": "cần true hoặc false",
    "bool_parsing": "cần true hoặc false",
    "list_type": "cần một danh sách (các dòng bắt đầu bằng '- ')",
    "dict_type": "cần một bảng 'khóa: giá trị'",
    "model_type": "cần một bảng 'khóa: giá trị'",
    "model_attributes_type": "cần một bảng 'khóa: giá trị'",
}


def explain(model: type[Record], error: ErrorDetails) -> tuple[Code, str]:
    """(rule code, Vietnamese message) for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    name = _field_name(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        import difflib  # here: only a misspelt field needs it

        known = _known_fields(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"có phải là '{close[0]}'? " if close else ""
        return Code.KH101, f"trường '{loc[-1]}' không có trong lược đồ; {hint}các trường hợp lệ: {', '.join(known)}"
    if kind == "missing":
        return Code.KH102, f"thiếu trường bắt buộc '{name}'"
    if kind == "record_rule":
        return Code.KH103, str(error["msg"])
    if kind == "iso_date":
        return Code.KH104, f"trường '{name}': {error['msg']}"
    if kind == "doc_number":
        return Code.KH106, f"trường '{name}': {error['msg']}"
    if kind == "timeframe":
        return Code.KH107, f"trường '{name}': không đọc được {_quote(value)}: {error['msg']}"
    if kind == "enum":
        choices = ", ".join(_enum_choices(model, loc)) or ctx.get("expected", "")
        return Code.KH108, f"trường '{name}': giá trị {_quote(value)} không hợp lệ; cần một trong: {choices}"
    if kind == "string_pattern_mismatch":
        return Code.KH105, (
            f"trường '{name}': {_quote(value)} không phải mã định danh hợp lệ{_id_problem(value)}; "
            "chỉ dùng chữ thường không dấu, số và dấu gạch nối, ví dụ 'binh-thuan-ban-dan-van'"
        )
    if kind in _SIMPLE:
        return Code.KH103, f"trường '{name}': {_SIMPLE[kind]}, nhận được {_quote(value)}"
    if kind in ("too_short", "string_too_short"):
        return Code.KH103, f"trường '{name}': không được để trống"
    if kind == "string_too_long":
        return Code.KH103, f"trường '{name}': dài quá {ctx.get('max_length')} ký tự"
    if kind == "greater_than_equal":
        return Code.KH103, f"trường '{name}': cần một số ≥ {ctx.get('ge')}, nhận được {_quote(value)}"
    if kind in ("greater_than", "less_than", "less_than_equal"):
        bound = {"greater_than": "> {gt}", "less_than": "< {lt}", "less_than_equal": "≤ {le}"}[kind].format_map(
            {k: ctx.get(k) for k in ("gt", "lt", "le")}
        )
        return Code.KH103, f"trường '{name}': cần một số {bound}, nhận được {_quote(value)}"
    # Any other kind of error: the value and the field, never the validator's English.
    return Code.KH103, f"trường '{name}': giá trị {_quote(value)} không hợp lệ (loại lỗi '{kind}')"


def _known_fields(model: type[Record], loc: tuple[str | int, ...]) -> list[str]:
    return list(getattr(_field_type(model, loc), "model_fields", {}))


def validate(kind: Kind, data: dict[str, Any]) -> tuple[Record | None, list[tuple[tuple[str | int, ...], Code, str]]]:
    """Validate ``data`` as a record of ``kind``; return the record (None if invalid)
    and a list of (location, rule code, message)."""
    model = MODELS[kind]
    try:
        record = model.model_validate(data)
    except ValidationError as err:
        problems = []
        for error in err.errors(include_url=False):
            code, message = explain(model, error)
            problems.append((tuple(error["loc"]), code, message))
        return None, problems
    share_fields_set(record)
    return record, []


# The names of the fields a record sets, which pydantic keeps with each record (a
# set of a dozen names: 728 bytes, more than the record's own dictionary), shared
# by the records that set the same fields: 70 MB less at 100,000 records (records
# read back from the record cache too: unpickled, each has a set of its own).
# Nothing changes a record's set (the models are frozen; a copy copies it).
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_FIELDS_SETS_MAX = 10_000  # a bound for long-running processes


def share_fields_set(record: Record) -> None:
    fields = record.__pydantic_fields_set__
    key = frozenset(fields)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        if len(_FIELDS_SETS) >= _FIELDS_SETS_MAX:
            _FIELDS_SETS.clear()
        _FIELDS_SETS[key] = fields
    elif shared is not fields:
        object.__setattr__(record, "__pydantic_fields_set__", shared)
