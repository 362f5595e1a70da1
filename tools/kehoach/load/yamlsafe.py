"""Strict YAML reading: builds plain Python data from libyaml's event stream,
remembering where every key and value sits so later stages can point at the
exact line and column. Anything ambiguous or unsafe becomes a finding, never
an exception: anchors, aliases, tags, duplicate keys, several documents,
unquoted yes/no, deep nesting. Scalars follow the YAML 1.2 core schema (as
editors do) except that dates stay text for the models to validate."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import yaml

from ..codes import Code
from . import yamlerrors
from .positions import _SHARED, MAX_DEPTH, MAX_INT_DIGITS, Parsed, Path, Positions, Problem, _shared

try:  # libyaml's C parser is several times faster; the pure parser gives the same events
    # The parser alone: the builder below constructs the values, so a loader's
    # constructor and resolver (a tenth of the time of a small file) are not set up.
    from yaml._yaml import CParser as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_AMBIGUOUS = frozenset({"yes", "no", "on", "off", "y", "n"})
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$")


class _Stop(Exception):
    """Raised inside the builder when the rest of the document cannot be trusted."""


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    position: tuple[int, int] = _shared((mark.line + 1, mark.column + 1))
    return position


_SCALAR = yaml.ScalarEvent
_ALIAS = yaml.AliasEvent
_MAPPING_START = yaml.MappingStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
# A plain scalar starting with anything else is text: only these can begin a
# null, a boolean, a number or an ambiguous yes/no/on/off.
_SPECIAL_FIRST = frozenset("~nNtTfFyYoO+-.0123456789")
_WORD_FIRST = frozenset("~nNtTfFyYoO")  # of those, the first letters of words (a number starts otherwise)
_AMBIGUOUS_LONGEST = max(map(len, _AMBIGUOUS))


class _Builder:
    """Builds data and positions from libyaml's events. The hot paths (a key with
    a plain value, a list item) are written out inline: this is most of the
    time of reading a repository."""

    def __init__(self, next_event: Callable[[], Any], problems: list[Problem], text: str = "") -> None:
        # libyaml's own get_event: a Python wrapper per event would cost a tenth
        self.next: Callable[[], Any] = next_event
        self.keys: dict[Path, tuple[int, int]] = {}  # positions, packed into Positions at the end
        self.values: dict[Path, tuple[int, int]] = {}
        self.problems = problems
        self.text = text

    def merged(self, event: Any) -> None:
        """Stop at a list item that took in the next line's item ('- a' then '   - b' reads as 'a - b')."""
        lines = self.text.split("\n")
        found = yamlerrors.merged_item(lines, event.start_mark.line, event.end_mark.line)
        if found is None:
            return
        line, col = found
        item = event.start_mark.column
        message = (
            f"lỗi cú pháp YAML: mục danh sách ở dòng {line} thụt lề sâu hơn mục ở dòng {event.start_mark.line + 1} "
            f"nên bị đọc gộp thành một giá trị ('{event.value}'); đặt dấu '-' thẳng cột {item - 1} như mục trên"
        )
        self.problems.append(Problem(line, col, Code.KH010, message + yamlerrors.excerpt(lines, line, col)))
        raise _Stop

    def problem(self, event: Any, code: Code, message: str) -> None:
        line, col = _mark(event)
        self.problems.append(Problem(line, col, code, message))

    def node(self, event: Any, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.problem(event, Code.KH016, f"cấu trúc lồng sâu quá {MAX_DEPTH} mức")
            raise _Stop
        kind = event.__class__
        self.values[path] = _mark(event)
        if kind is _ALIAS:
            self.problem(event, Code.KH012, f"không dùng tham chiếu YAML '*{event.anchor}'; hãy ghi trực tiếp giá trị")
            return None
        if kind is _SCALAR:
            if event.anchor:
                self.problem(event, Code.KH012, f"không dùng neo YAML '&{event.anchor}'")
            return self.scalar(event)
        if kind is not _MAPPING_START and kind is not _SEQUENCE_START:
            raise _Stop  # pragma: no cover - libyaml emits no other node events
        if event.anchor:
            self.problem(event, Code.KH012, f"không dùng neo YAML '&{event.anchor}'")
        tag = event.tag
        if tag and not event.implicit:
            self.problem(event, Code.KH013, f"không dùng thẻ YAML '{tag}'")
        if kind is _MAPPING_START:
            return self.mapping(path, depth)
        return self.sequence(path, depth)

    def scalar(self, event: Any) -> Any:
        if event.tag and not (event.implicit[0] or event.implicit[1]):
            self.problem(event, Code.KH013, f"không dùng thẻ YAML '{event.tag}'")
            return event.value
        value = event.value
        if event.style or (value and value[0] not in _SPECIAL_FIRST):
            return value  # quoted or block scalars are always text ('' or None is plain)
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if len(value) <= _AMBIGUOUS_LONGEST and value.lower() in _AMBIGUOUS:
            self.problem(
                event,
                Code.KH014,
                f"giá trị '{value}' không có ngoặc kép là mơ hồ (có trình đọc hiểu là đúng/sai); "
                f'ghi true/false nếu là đúng/sai, hoặc "{value}" nếu là chữ',
            )
            return value
        if value[0] in _WORD_FIRST:  # not a number: text
            return value
        if _INT.match(value):
            return self.integer(event, value)
        if _FLOAT.match(value):
            number = float(value)
            return number if math.isfinite(number) else value  # 1e999: the text, for the model to refuse
        return value

    def integer(self, event: Any, value: str) -> Any:
        digits = value.lstrip("+-")
        if len(digits) > MAX_INT_DIGITS:
            self.problem(event, Code.KH103, f"số có {len(digits):,} chữ số, quá lớn (tối đa {MAX_INT_DIGITS} chữ số)")
            return value
        if len(digits) > 1 and digits[0] == "0":
            self.problem(
                event,
                Code.KH014,
                f"số '{value}' có số 0 ở đầu là mơ hồ (YAML 1.2 đọc là {int(value)}, YAML 1.1 đọc là số bát phân); "
                f'ghi {int(value)} nếu là số, hoặc "{value}" nếu là chữ (số hiệu, mục)',
            )
            return value
        return int(value)

    def mapping(self, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        next_event = self.next
        keys = self.keys
        values = self.values
        shared = _SHARED
        inline = depth < MAX_DEPTH  # a child node is within the depth limit
        while True:
            event = next_event()
            if event.__class__ is _MAPPING_END:
                return result
            if event.__class__ is not _SCALAR:
                self.problem(event, Code.KH015, "khóa của bảng phải là một chuỗi đơn giản")
                self.node(event, (*path, "?"), depth + 1)
                self.node(next_event(), (*path, "?"), depth + 1)
                continue
            mark: Any = event.start_mark  # set on every event the parser makes
            key_pos = (mark.line + 1, mark.column + 1)
            key_pos = shared.get(key_pos) or _shared(key_pos)
            if event.tag is None and (event.style or ((key := event.value) and key[0] not in _SPECIAL_FIRST)):
                key = event.value  # text as written, the usual key: what scalar() would return
            else:
                key = self.scalar(event)
            if key.__class__ is not str:  # keys are text, spelt as YAML writes the value ('? ' alone: null)
                key = "null" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
            child = (*path, key)
            child = shared.get(child) or _shared(child)
            if key in result:
                first = keys[child]
                self.problem(
                    event, Code.KH011, f"khóa '{key}' xuất hiện lần nữa (lần đầu ở dòng {first[0]}); chỉ giữ một"
                )
                self.node(next_event(), (*path, f"{key}#dup"), depth + 1)
                continue
            keys[child] = key_pos
            event = next_event()
            if inline and event.__class__ is _SCALAR and event.anchor is None:
                mark = event.start_mark
                value_pos = (mark.line + 1, mark.column + 1)
                values[child] = shared.get(value_pos) or _shared(value_pos)
                if event.tag is None and (event.style or ((value := event.value) and value[0] not in _SPECIAL_FIRST)):
                    result[key] = event.value  # text as written: what scalar() would return
                else:
                    result[key] = self.scalar(event)
            else:
                result[key] = self.node(event, child, depth + 1)

    def sequence(self, path: Path, depth: int) -> list[Any]:
        result: list[Any] = []
        next_event = self.next
        values = self.values
        shared = _SHARED
        inline = depth < MAX_DEPTH
        while True:
            event = next_event()
            if event.__class__ is _SEQUENCE_END:
                return result
            child = (*path, len(result))
            child = shared.get(child) or _shared(child)
            if inline and event.__class__ is _SCALAR and event.anchor is None:
                start: Any = event.start_mark  # both set on every event the parser makes
                end: Any = event.end_mark
                if end.line != start.line and not event.style:
                    self.merged(event)
                position = (start.line + 1, start.column + 1)
                values[child] = shared.get(position) or _shared(position)
                if event.tag is None and (event.style or ((value := event.value) and value[0] not in _SPECIAL_FIRST)):
                    result.append(event.value)  # text as written: what scalar() would return
                else:
                    result.append(self.scalar(event))
            else:
                result.append(self.node(event, child, depth + 1))

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
            self.problem(event, Code.KH015, "tệp chứa nhiều tài liệu YAML (dấu '---'); mỗi tệp chỉ một bản ghi")
        return data


def parse(text: str) -> Parsed:
    """Parse one record file's text. Never raises on bad input."""
    problems: list[Problem] = []
    data: Any = None
    loader = None
    builder = None
    try:
        loader = _Loader(text)
        builder = _Builder(loader.get_event, problems, text)
        data = builder.document()
    except _Stop:
        data = None
    except yaml.MarkedYAMLError as err:
        explained = yamlerrors.explain(err, text)
        problems.append(Problem(explained.line, explained.col, Code.KH010, explained.message))
        data = None
    except yaml.YAMLError as err:  # reader errors: control characters and the like
        problems.append(Problem(1, 1, Code.KH010, f"lỗi cú pháp YAML: {err}"))
        data = None
    finally:
        if loader is not None:
            loader.dispose()
    positions = Positions(builder.keys, builder.values) if builder is not None else Positions()
    return Parsed(data, positions, problems)
