"""YAML syntax errors as a clerk can act on them: libyaml's English reason
turned into a Vietnamese explanation with a hint (indentation, a missing ':',
a tab, an unclosed quote or bracket...), placed at the line where the mistake
most likely is (not where libyaml gave up), with that line shown and a caret."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_KEY_START = re.compile(r"^(\s*)(?:-\s+)?[\w.-]+\s*:(?:\s|$)")


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    col: int  # 1-based
    message: str


def excerpt(lines: list[str], line: int, col: int) -> str:
    """The line ``line`` as written, tabs shown as '→', and a caret under column ``col``."""
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1].rstrip("\r\n").replace("\t", "→")
    if len(text) > 110:  # a very long line: show the part around the column
        start = max(0, col - 60)
        text, col = ("…" if start else "") + text[start : start + 100], col - start + (1 if start else 0)
    number = str(line)
    return f"\n    {number} | {text}\n    {' ' * len(number)} | {' ' * max(col - 1, 0)}^"


def _mark(mark: Any) -> tuple[int, int] | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None


def _char(lines: list[str], line: int, col: int) -> str:
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _previous(lines: list[str], line: int) -> int | None:
    """The nearest line above ``line`` with content (not blank, not a comment)."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def explain(err: Any, text: str) -> Explained:
    """A Vietnamese explanation of a libyaml error (``yaml.MarkedYAMLError``) in ``text``."""
    lines = text.split("\n")
    problem = err.problem or ""
    at = _mark(err.problem_mark) or _mark(err.context_mark) or (1, 1)
    context = _mark(err.context_mark) or at
    line, col = at
    if "tab character" in problem or (problem.startswith("found character") and _char(lines, line, col) == "\t"):
        reason = "có ký tự tab; YAML chỉ thụt lề bằng dấu cách: thay tab bằng dấu cách (mỗi mức 2 dấu cách)"
        tab = lines[line - 1].find("\t") + 1 if 1 <= line <= len(lines) else 0
        return _done(lines, line, tab or col, reason)
    if problem.startswith("found character that cannot start any token"):
        char = _char(lines, line, col)
        reason = f"giá trị không được bắt đầu bằng ký tự '{char}'; hãy đặt cả giá trị trong ngoặc kép \"...\""
        return _done(lines, line, col, reason)
    if problem.startswith("could not find expected ':'"):
        line, col = context
        body = lines[line - 1] if 1 <= line <= len(lines) else ""
        gap = re.search(r"\s", body[col - 1 :])
        col = col + gap.start() if gap else len(body) + 1
        reason = "thiếu dấu ':' sau tên trường; viết 'tên: giá trị' (dấu hai chấm, rồi một dấu cách)"
        return _done(lines, line, col, reason)
    if "end of stream" in problem and "quoted scalar" in (err.context or ""):
        quote = _char(lines, *context) or '"'
        reason = f"dấu ngoặc {quote} mở ở đây chưa được đóng; thêm {quote} ở cuối giá trị"
        return _done(lines, *context, reason)
    if problem.startswith("found unknown escape character"):
        reason = (
            "trong ngoặc kép, dấu '\\' mở đầu một ký tự đặc biệt; viết '\\\\' hoặc dùng ngoặc đơn '...' thay ngoặc kép"
        )
        return _done(lines, line, col, reason)
    if problem.startswith("did not find expected ',' or"):
        closing = "]" if "]" in problem else "}"
        reason = f"dấu '{'[' if closing == ']' else '{'}' mở ở đây chưa được đóng bằng '{closing}' (hoặc thiếu dấu ',')"
        return _done(lines, *context, reason)
    if problem.startswith("mapping values are not allowed"):
        return _stray_colon(lines, line, col)
    if problem.startswith("did not find expected '-' indicator") or problem.startswith("did not find expected key"):
        return _misaligned(lines, line, col, context)
    if problem.startswith("block sequence entries are not allowed"):
        reason = "gạch đầu dòng '-' đặt sai chỗ: danh sách phải bắt đầu ở dòng riêng, dưới tên trường"
        return _done(lines, line, col, reason)
    reason = f"không đọc được cấu trúc YAML ở đây ({problem or err.context or 'lỗi không rõ'})"
    return _done(lines, line, col, reason)


def _stray_colon(lines: list[str], line: int, col: int) -> Explained:
    """A ':' libyaml did not expect: a key indented deeper than its siblings, or ': ' inside a value."""
    body = lines[line - 1] if 1 <= line <= len(lines) else ""
    above = _previous(lines, line)
    key = _KEY_START.match(body)
    if key and above is not None and _indent(body) > _indent(lines[above - 1]) and ":" in lines[above - 1]:
        reason = (
            f"dòng này thụt lề sâu hơn dòng {above}; các trường cùng cấp phải thẳng cột "
            f"(bớt {_indent(body) - _indent(lines[above - 1])} dấu cách)"
        )
        return _done(lines, line, _indent(body) + 1, reason)
    reason = "giá trị có dấu ': ' (hai chấm và dấu cách) cần đặt trong ngoặc kép \"...\""
    return _done(lines, line, col, reason)


def _misaligned(lines: list[str], line: int, col: int, context: tuple[int, int]) -> Explained:
    """A line that does not line up with the keys or list items it belongs with."""
    body = lines[line - 1] if 1 <= line <= len(lines) else ""
    before = body[: col - 1].rstrip()
    if before.endswith(('"', "'")) and before.strip() and not _KEY_START.match(body[col - 1 :]):
        reason = "có chữ sau dấu ngoặc đóng; đặt cả giá trị trong ngoặc, hoặc bỏ ngoặc"
        return _done(lines, line, col, reason)
    here = _indent(body) + 1
    opener = lines[context[0] - 1] if 1 <= context[0] <= len(lines) else ""
    if opener[context[1] - 1 : context[1]] == "-":  # inside a list whose items start at the context's '-'
        item = re.match(r"-\s+", opener[context[1] - 1 :])
        field = context[1] + (item.end() if item else 2)
        reason = (
            f"thụt lề sai: dòng này bắt đầu ở cột {here}; một mục mới của danh sách bắt đầu bằng '-' ở cột "
            f"{context[1]}, một trường của mục ở dòng {context[0]} phải thẳng cột {field}"
        )
    else:
        reason = (
            f"thụt lề sai: dòng này bắt đầu ở cột {here}, nhưng các trường cùng cấp (từ dòng {context[0]}) "
            f"bắt đầu ở cột {context[1]}"
        )
    return _done(lines, line, here, reason)


def _done(lines: list[str], line: int, col: int, reason: str) -> Explained:
    return Explained(line, col, f"lỗi cú pháp YAML: {reason}{excerpt(lines, line, col)}")


def merged_item(lines: list[str], start: int, end: int) -> tuple[int, int] | None:
    """Where a list item indented too far continues the item above it ('- a' then '   - b' reads as the
    one value 'a - b'): the 1-based line and column of the stray '-' between 0-based ``start`` and
    ``end`` lines, or None."""
    for number in range(start + 1, min(end, len(lines) - 1) + 1):
        stripped = lines[number].lstrip(" ")
        if stripped.startswith("- ") or stripped.rstrip() == "-":
            return number + 1, len(lines[number]) - len(stripped) + 1
    return None


__all__ = ["Explained", "excerpt", "explain", "merged_item"]
