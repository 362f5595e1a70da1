"""Strict YAML reading: builds plain Python data from libyaml's event stream,
remembering where every key and value sits so later stages can point at the
exact line and column. Anything ambiguous or unsafe becomes a finding, never
an exception: anchors, aliases, tags, duplicate keys, several documents,
unquoted yes/no, deep nesting. Scalars follow the YAML 1.2 core schema (as
editors do) except that dates stay text for the models to validate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's C parser is several times faster; the pure parser gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32

Path = tuple[str | int, ...]

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_AMBIGUOUS = frozenset({"yes", "no", "on", "off", "y", "n"})
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$")


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based
    col: int  # 1-based
    code: str
    message: str


@dataclass
class Positions:
    """Where each key and value of a document starts, by path from the root."""

    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path) -> tuple[int, int]:
        """Best position for a finding about ``path``: its value, else its key,
        else the nearest enclosing value that exists (a missing field points at
        the mapping that lacks it)."""
        for cut in range(len(path), -1, -1):
            prefix = path[:cut]
            if cut == len(path) and prefix in self.values:
                return self.values[prefix]
            if prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)

    def key_of(self, path: Path) -> tuple[int, int]:
        return self.keys.get(path) or self.of(path)


@dataclass
class Parsed:
    data: Any
    positions: Positions
    problems: list[Problem]


class _Stop(Exception):
    """Raised inside the builder when the rest of the document cannot be trusted."""


# Paths and positions repeat from file to file (("lead", 0), (4, 3)...): one
# shared tuple for each equal value keeps a large repository's positions small
# in memory and in the cache (pickle writes a shared object once).
_SHARED: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_SHARED_MAX = 200_000  # a bound for long-running processes reading hostile files


def _shared(value: tuple[Any, ...]) -> Any:
    found = _SHARED.get(value)
    if found is None:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.clear()
        _SHARED[value] = found = value
    return found


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return _shared((mark.line + 1, mark.column + 1))


class _Builder:
    def __init__(self, events: Iterator[Any]) -> None:
        self.events = events
        self.positions = Positions()
        self.problems: list[Problem] = []

    def problem(self, event: Any, code: str, message: str) -> None:
        line, col = _mark(event)
        self.problems.append(Problem(line, col, code, message))

    def next(self) -> Any:
        return next(self.events)

    def node(self, event: Any, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.problem(event, "KH016", f"cấu trúc lồng sâu quá {MAX_DEPTH} mức")
            raise _Stop
        self.positions.values[path] = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            self.problem(event, "KH012", f"không dùng tham chiếu YAML '*{event.anchor}'; hãy ghi trực tiếp giá trị")
            return None
        if getattr(event, "anchor", None):
            self.problem(event, "KH012", f"không dùng neo YAML '&{event.anchor}'")
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        tag = event.tag
        if tag and not event.implicit:
            self.problem(event, "KH013", f"không dùng thẻ YAML '{tag}'")
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path, depth)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(path, depth)
        raise _Stop  # pragma: no cover - libyaml emits no other node events

    def scalar(self, event: Any) -> Any:
        if event.tag and not (event.implicit[0] or event.implicit[1]):
            self.problem(event, "KH013", f"không dùng thẻ YAML '{event.tag}'")
            return event.value
        value = event.value
        if event.style:  # quoted or block scalar: always text ('' or None is plain)
            return value
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value.lower() in _AMBIGUOUS:
            self.problem(
                event,
                "KH014",
                f"giá trị '{value}' không có ngoặc kép là mơ hồ (có trình đọc hiểu là đúng/sai); "
                f'ghi true/false nếu là đúng/sai, hoặc "{value}" nếu là chữ',
            )
            return value
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        return value

    def mapping(self, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while True:
            event = self.next()
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key_pos = _mark(event)
            if not isinstance(event, yaml.ScalarEvent):
                self.problem(event, "KH015", "khóa của bảng phải là một chuỗi đơn giản")
                self.node(event, (*path, "?"), depth + 1)
                self.node(self.next(), (*path, "?"), depth + 1)
                continue
            key = self.scalar(event)
            key = key if isinstance(key, str) else str(key).lower() if isinstance(key, bool) else str(key)
            child = _shared((*path, key))
            duplicate = key in result
            if duplicate:
                first = self.positions.keys[child]
                self.problem(event, "KH011", f"khóa '{key}' xuất hiện lần nữa (lần đầu ở dòng {first[0]}); chỉ giữ một")
            else:
                self.positions.keys[child] = key_pos
            value = self.node(self.next(), child if not duplicate else (*path, f"{key}#dup"), depth + 1)
            if not duplicate:
                result[key] = value

    def sequence(self, path: Path, depth: int) -> list[Any]:
        result: list[Any] = []
        while True:
            event = self.next()
            if isinstance(event, yaml.SequenceEndEvent):
                return result
            result.append(self.node(event, _shared((*path, len(result))), depth + 1))

    def document(self) -> Any:
        event = self.next()
        if not isinstance(event, yaml.StreamStartEvent):  # pragma: no cover
            raise _Stop
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        data = self.node(self.next(), (), 0)
        self.next()  # DocumentEnd
        event = self.next()
        if isinstance(event, yaml.DocumentStartEvent):
            self.problem(event, "KH015", "tệp chứa nhiều tài liệu YAML (dấu '---'); mỗi tệp chỉ một bản ghi")
        return data


def parse(text: str) -> Parsed:
    """Parse one record file's text. Never raises on bad input."""
    builder = _Builder(yaml.parse(text, Loader=_Loader))
    data: Any = None
    try:
        data = builder.document()
    except _Stop:
        data = None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = err.problem or "không đọc được"
        builder.problems.append(Problem(line, col, "KH010", f"lỗi cú pháp YAML: {_explain(reason)}"))
        data = None
    except yaml.YAMLError as err:  # reader errors: control characters and the like
        builder.problems.append(Problem(1, 1, "KH010", f"lỗi cú pháp YAML: {err}"))
        data = None
    return Parsed(data, builder.positions, builder.problems)


_REASONS = {
    "found character that cannot start any token": (
        "có ký tự không thể bắt đầu một giá trị (thường là tab: YAML chỉ thụt lề bằng dấu cách)"
    ),
    "mapping values are not allowed": "dấu ':' đặt sai chỗ (giá trị có ': ' cần đặt trong ngoặc kép)",
    "found undefined alias": "tham chiếu '*' tới neo không tồn tại",
}


def _explain(reason: str) -> str:
    for english, vietnamese in _REASONS.items():
        if reason.startswith(english):
            return f"{vietnamese} ({reason})"
    return reason
