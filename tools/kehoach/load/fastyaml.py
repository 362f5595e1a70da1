"""A fast reader for the YAML that record files are written in, in front of
``yamlsafe``: block mappings with simple keys, block sequences, plain,
single- and double-quoted scalars on one line, plain scalars folded over
several lines, literal and folded blocks, comments and blank lines.

It reads a file line by line with string methods instead of a scanner, a
parser and one Python object per event (most of a check's time at 100,000
records). Its result is the one ``yamlsafe.parse`` gives: the same values of
the same types, the same positions in the same order. Anything outside that
subset, or anything ``yamlsafe`` would report (an ambiguous yes/no, a number
with a leading zero, a duplicate key, anchors, tags, flow collections, tabs,
document markers, unusual indentation...), makes it decline (return None), and
the file is read by ``yamlsafe``, which names the problem. A differential test
(tests/load/test_fastyaml.py) holds the two to the same results."""

from __future__ import annotations

import math
import re
import sys
from typing import Any

from .positions import _SHARED, MAX_DEPTH, MAX_INT_DIGITS, Path, Positions, _shared

# Characters that make a file too unusual for this reader: any but a line feed
# and those YAML allows as they are (so no control character), and of those
# tabs and carriage returns (indentation and line ends that YAML reads its own
# way), the other line breaks YAML knows (NEL, line and paragraph separators)
# and a BOM inside. Written as the characters refused (the complement of
# "\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"):
# that negated class, spanning all of Unicode, took 12-30 ms to compile at the
# start of every command; this one takes one.
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# Document markers and directives, at the start of a line.
_MARKERS = ("---", "...", "%")
# A key as records write them: a name, then ':' at the end of the line or
# before a space. Quoted keys and keys with other characters go to yamlsafe.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
_SINGLE = re.compile(r"'((?:[^']|'')*)' *$")
_DOUBLE = re.compile(r'"([^"\\]*)" *$')
_BLOCK = re.compile(r"([|>])(-?) *$")
# First characters of a plain scalar left to yamlsafe: indicators ('-' is
# allowed when a non-space follows: '-5', '-KH'), and every quote or block start
# not matched above (a quoted scalar on several lines, with escapes, a comment).
_NOT_PLAIN_FIRST = frozenset("?:,[]{}#&*!|>'\"%@`")

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_AMBIGUOUS = frozenset({"yes", "no", "on", "off", "y", "n"})
_SPECIAL_FIRST = frozenset("~nNtTfFyYoO+-.0123456789")
_WORD_FIRST = frozenset("~nNtTfFyYoO")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$")
# keys yamlsafe reads as null or a boolean, or reports as ambiguous (any case of yes, no...)
_BAD_KEYS = (
    _NULL
    | _TRUE
    | _FALSE
    | {
        "".join(letters)
        for word in _AMBIGUOUS
        for letters in __import__("itertools").product(*((c.lower(), c.upper()) for c in word))
    }
)


class _Decline(Exception):
    """Outside the subset: yamlsafe reads this file."""


def _resolve(value: str) -> Any:
    """A plain scalar's value as yamlsafe's builder gives it; declines where it
    would report a problem (ambiguous words, leading zeros, long numbers)."""
    if not value or value[0] not in _SPECIAL_FIRST:
        if not value:
            return None
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if len(value) <= 3 and value.lower() in _AMBIGUOUS:
        raise _Decline
    if value[0] in _WORD_FIRST:
        return value
    if _INT.match(value):
        digits = value.lstrip("+-")
        if len(digits) > MAX_INT_DIGITS or (len(digits) > 1 and digits[0] == "0"):
            raise _Decline
        return int(value)
    if _FLOAT.match(value):
        number = float(value)
        if not math.isfinite(number):
            raise _Decline
        return number
    return value


def _plain_line(text: str) -> str:
    """One line of a plain scalar, trailing spaces removed; declines on what
    would end it or make it an error (': ', ' #', a ':' at the end)."""
    text = text.rstrip(" ")
    if ": " in text or " #" in text or text.endswith(":"):
        raise _Decline
    return text


class _Reader:
    __slots__ = ("count", "indents", "keys", "lines", "values")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.count = len(lines)
        # the indentation of each line, -1 for a blank line or a comment
        self.indents = [
            len(line) - len(body) if body and body[0] != "#" else -1
            for line, body in zip(lines, [line.lstrip(" ") for line in lines], strict=True)
        ]
        self.keys: dict[Path, tuple[int, int]] = {}
        self.values: dict[Path, tuple[int, int]] = {}

    def next_line(self, i: int) -> int:
        """The first line from ``i`` that is not blank or a comment (count at the end)."""
        indents = self.indents
        count = self.count
        while i < count and indents[i] < 0:
            i += 1
        return i

    def document(self) -> dict[str, Any]:
        i = self.next_line(0)
        if i == self.count or self.indents[i] != 0:
            raise _Decline
        self.values[()] = _shared((i + 1, 1))
        data, i = self.mapping(i, 0, (), 1)
        if i != self.count:
            raise _Decline  # something less indented than the root: not this reader's
        return data

    def below(self, i: int, colon: int, col: int, path: Path, depth: int) -> tuple[Any, int]:
        """The value of a key at column ``col`` with nothing after its colon (at ``colon``) on line
        ``i``: the block under it, a list at the key's column, or null placed just after the ':'."""
        j = self.next_line(i + 1)
        inner = self.indents[j] if j < self.count else -1
        line = self.lines[j] if j < self.count else ""
        if inner > col or (inner == col and line.startswith("-", col) and line[col + 1 : col + 2] in ("", " ")):
            return self.block(j, inner, path, depth + 1)
        position = (i + 1, colon + 2)
        self.values[path] = _SHARED.get(position) or _shared(position)
        return None, j

    def mapping(self, i: int, col: int, path: Path, depth: int) -> tuple[dict[str, Any], int]:
        """A block mapping whose keys sit at column ``col``, from line ``i``;
        returns it and the first line after it (not blank or a comment)."""
        if depth > MAX_DEPTH - 2:
            raise _Decline
        lines = self.lines
        indents = self.indents
        count = self.count
        keys = self.keys
        values = self.values
        shared = _SHARED.get
        match_key = _KEY.match
        result: dict[str, Any] = {}
        while True:
            line = lines[i]
            match = match_key(line, col)
            if match is None:
                raise _Decline
            key = match.group(1)
            if key in result or key in _BAD_KEYS:
                raise _Decline  # a duplicate, or a key yamlsafe reads as null, a boolean or ambiguous
            child = (*path, key)
            child = shared(child) or _shared(child)
            position = (i + 1, col + 1)
            keys[child] = shared(position) or _shared(position)
            at = match.end()
            if at < len(line):  # a value on the key's line
                nxt = indents[i + 1] if i + 1 < count else 0
                if line[at] not in _NOT_PLAIN_FIRST and 0 <= nxt <= col and line[at] != "-":
                    # the usual line, 'key: text' followed by a line of this mapping or one further out
                    value = line[at:].rstrip(" ")
                    if ": " in value or " #" in value or value[-1] == ":":
                        raise _Decline
                    position = (i + 1, at + 1)
                    values[child] = shared(position) or _shared(position)
                    result[key] = value if value[0] not in _SPECIAL_FIRST else _resolve(value)
                    i += 1
                else:
                    result[key], i = self.inline(i, at, col, child, depth)
            else:
                result[key], i = self.below(i, match.end(1), col, child, depth)
            if i == count:
                return result, i
            indent = indents[i]
            if indent != col:
                if indent < 0:  # blank lines and comments after the value
                    i = self.next_line(i)
                    if i == count:
                        return result, i
                    indent = indents[i]
                    if indent == col:
                        continue
                if indent > col:
                    raise _Decline
                return result, i

    def block(self, i: int, col: int, path: Path, depth: int) -> tuple[Any, int]:
        """A mapping or a list starting at line ``i``, column ``col``, on a line of its own."""
        line = self.lines[i]
        self.values[path] = _shared((i + 1, col + 1))
        if line.startswith("-", col):
            return self.sequence(i, col, path, depth)
        return self.mapping(i, col, path, depth)

    def sequence(self, i: int, col: int, path: Path, depth: int) -> tuple[list[Any], int]:
        """A block list whose '-' sit at column ``col``, from line ``i``."""
        if depth > MAX_DEPTH - 2:
            raise _Decline
        lines = self.lines
        indents = self.indents
        count = self.count
        values = self.values
        shared = _SHARED.get
        result: list[Any] = []
        while True:
            line = lines[i]
            if not line.startswith("- ", col):
                raise _Decline  # '-' alone, or not an item
            at = col + 2
            while line.startswith(" ", at):
                at += 1
            child = (*path, len(result))
            child = shared(child) or _shared(child)
            nxt = indents[i + 1] if i + 1 < count else 0
            first = line[at]
            usual = first not in _NOT_PLAIN_FIRST and first != "-" and ": " not in line and line[-1] != ":"
            if usual and 0 <= nxt <= col:
                # the usual item, '- text' followed by the next item or a line further out
                value = line[at:].rstrip(" ")
                if " #" in value:
                    raise _Decline
                position = (i + 1, at + 1)
                values[child] = shared(position) or _shared(position)
                result.append(value if value[0] not in _SPECIAL_FIRST else _resolve(value))
                i += 1
            elif _KEY.match(line, at) is not None:
                position = (i + 1, at + 1)
                values[child] = shared(position) or _shared(position)
                item, i = self.mapping(i, at, child, depth + 1)
                result.append(item)
            else:
                item, i = self.inline(i, at, col, child, depth, item=True)
                result.append(item)
            if i == count:
                return result, i
            indent = indents[i]
            if indent < 0:
                i = self.next_line(i)
                if i == count:
                    return result, i
                indent = indents[i]
            if indent != col or not lines[i].startswith("-", col):
                if indent > col:
                    raise _Decline
                return result, i

    def inline(self, i: int, at: int, parent: int, path: Path, depth: int, item: bool = False) -> tuple[Any, int]:
        """A scalar starting at column ``at`` of line ``i`` (a key's value or a list
        item, in a block indented at ``parent``); returns it and the next
        line that is not blank or a comment."""
        line = self.lines[i]
        first = line[at]
        self.values[path] = _shared((i + 1, at + 1))
        if first == "'":
            match = _SINGLE.match(line, at)
            if match is None:
                raise _Decline
            value: Any = match.group(1).replace("''", "'")
            return value, self.after_scalar(i + 1, parent)
        if first == '"':
            match = _DOUBLE.match(line, at)
            if match is None:
                raise _Decline
            return match.group(1), self.after_scalar(i + 1, parent)
        if first in "|>":
            match = _BLOCK.match(line, at)
            if match is None:
                raise _Decline
            return self.block_scalar(i + 1, parent, match.group(1) == "|", match.group(2) == "-")
        if first in _NOT_PLAIN_FIRST or (first == "-" and line[at + 1 : at + 2] in ("", " ")):
            raise _Decline
        return self.plain(i, at, parent, item)

    def after_scalar(self, i: int, parent: int) -> int:
        """The next line after a one-line scalar: it must not be indented more than its block."""
        i = self.next_line(i)
        if i < self.count and self.indents[i] > parent:
            raise _Decline
        return i

    def plain(self, i: int, at: int, parent: int, item: bool) -> tuple[Any, int]:
        """A plain scalar, folded over the lines indented more than ``parent``
        (a list item on several lines is left to yamlsafe, which checks it)."""
        lines = self.lines
        indents = self.indents
        value = _plain_line(lines[i][at:])
        blanks = 0
        i += 1
        count = self.count
        while i < count:
            indent = indents[i]
            if indent < 0:
                if lines[i].strip(" "):  # a comment ends the scalar
                    break
                blanks += 1
                i += 1
                continue
            if indent <= parent:
                break
            if item:
                raise _Decline
            more = _plain_line(lines[i][indent:])
            value = value + " " + more if blanks == 0 else value + "\n" * blanks + more
            blanks = 0
            i += 1
        return _resolve(value), self.after_scalar(i, parent)

    def block_scalar(self, i: int, parent: int, literal: bool, strip: bool) -> tuple[str, int]:
        """A literal (|) or folded (>) block from line ``i``, clipped or stripped (-)."""
        value, i = _block_scalar(self.lines, i, parent, literal, strip)
        return value, self.after_scalar(i, parent)


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_GOOD_KEYS: dict[str, bool] = {}  # a key as written -> whether _KEY takes it and it is not a bad key
_GOOD_KEYS_MAX = 10_000  # a bound for long-running processes reading hostile files


def _good_key(key: str) -> bool:
    good = _GOOD_KEYS.get(key)
    if good is None:
        if len(_GOOD_KEYS) >= _GOOD_KEYS_MAX:
            _GOOD_KEYS.clear()
        good = _GOOD_KEYS[key] = _NAME.fullmatch(key) is not None and key not in _BAD_KEYS
    return good


def _scalar(line: str, at: int) -> Any:
    """A one-line scalar from column ``at`` to the end of ``line``, as ``_Reader`` reads
    it (plain or single-quoted); declines anything else (double quotes, blocks...)."""
    first = line[at]
    if first == "'":
        match = _SINGLE.match(line, at)
        if match is None:
            raise _Decline
        return match.group(1).replace("''", "'")
    if first in _NOT_PLAIN_FIRST or (first == "-" and line[at + 1 : at + 2] in ("", " ")):
        raise _Decline
    value = line[at:].rstrip(" ")
    if ": " in value or " #" in value or value[-1] == ":":
        raise _Decline
    return value if value[0] not in _SPECIAL_FIRST else _resolve(value)


_SIMPLE_NOT_FIRST = _NOT_PLAIN_FIRST | _SPECIAL_FIRST  # a plain value starting otherwise is a string as written
_QUOTED_OR_BLOCK = frozenset('"|>')  # first characters of values _scalar leaves to _special
_FIRST_COLUMN: list[tuple[int, int]] = []  # the shared (row, 1) of the first rows


def _first_column(row: int) -> tuple[int, int]:
    """The shared position (row, 1)."""
    if row < 1000:
        while len(_FIRST_COLUMN) <= row:
            _FIRST_COLUMN.append(_shared((len(_FIRST_COLUMN), 1)))
        return _FIRST_COLUMN[row]
    position: tuple[int, int] = _shared((row, 1))
    return position


# The shared position (row, column) of each place the canonical reader marks, by
# row then column (two list lookups instead of a tuple made and looked up in
# _SHARED for every key and value): rows as long as the longest file read so far,
# each filled in as its columns are asked for; a column past the width, or a file
# longer than the rows kept (many times the longest record), is declined.
_MARKS: list[list[tuple[int, int] | None]] = []
_MARKS_WIDTH = 160
_MARKS_ROWS = 2000


def _marks(count: int) -> list[list[tuple[int, int] | None]]:
    """``_MARKS`` with the rows of a file of ``count`` lines."""
    while len(_MARKS) <= count:
        _MARKS.append([None] * _MARKS_WIDTH)
    return _MARKS


def _mark(row: int, col: int) -> tuple[int, int]:
    """The shared (row, col), kept in ``_MARKS`` the first time it is asked for."""
    position: tuple[int, int] = _shared((row, col))
    _MARKS[row][col] = position
    return position


def _canonical(
    lines: list[str], comments: bool = True
) -> tuple[dict[str, Any], dict[Path, Any], dict[Path, Any]] | None:
    """The usual record as ``kehoach fmt``, the importer and ``synth`` write it, read
    without ``_Reader``'s generality: keys at the first column, each with a one-line
    plain, quoted or block value (a plain text may go on over indented lines), or with
    a list below it, its dashes at the key's column (as ``synth`` writes) or two columns
    in (as ``kehoach fmt`` writes), of such values or of mappings whose keys sit two
    columns after the dash, themselves holding such values or lists, to any depth;
    comment lines anywhere between entries; no blank line but in a block value. The
    data and the positions (keys and values, by path, in ``_Reader``'s order) are
    ``_Reader``'s; None for anything else, which ``_Reader`` then reads (differential
    tests hold the two, and yamlsafe, to the same results).
    ``comments``: False when no line but the first ones can be a comment."""
    keys: dict[Path, Any] = {}
    values: dict[Path, Any] = {}
    top = _TOP_PATHS.get
    first_column = _FIRST_COLUMN
    count = len(lines)
    if count >= _MARKS_ROWS:
        return None
    marks = _marks(count)
    i = _first_entry(lines)
    if i == count:
        return None
    values[()] = _shared((i + 1, 1))
    data: dict[str, Any] = {}
    while i < count:
        line = lines[i]
        colon = line.find(":")
        if colon <= 0:
            return None
        key = line[:colon]
        path = top(key) or _top_path(key)  # () for a key _Reader does not take
        if not path or key in data:
            return None
        row = i + 1  # the key's line, 1-based
        keys[path] = first_column[row] if row < len(first_column) else _first_column(row)
        end = len(line)
        at = colon + 1
        if at < end:
            if line[at] != " ":
                return None  # 'key:value': not a key
            at += 1
            while at < end and line[at] == " ":
                at += 1
        i += 1
        if at < end:
            values[path] = marks[row][at + 1] or _mark(row, at + 1)
            first = line[at]
            if first in _SIMPLE_NOT_FIRST and (first not in _WORD_FIRST or end - at < 6 or line[-1] == " "):
                data[key], i = _special(lines, i - 1, line, at, 0)
            else:  # the usual value: plain text, as written (_scalar's last case; a word of 6 letters or more)
                value = line[at:].rstrip(" ")  # the same string when it ends otherwise (the usual line)
                if ": " in value or " #" in value or value[-1] == ":":
                    return None
                if i < count and lines[i][:1] == " ":  # a long text folded over the lines below
                    value, i = _folded(lines, i, value, " ")
                data[key] = value
        elif i < count and lines[i].startswith("- ") and not comments:  # the usual list, as synth writes it
            values[path] = first_column[i + 1] if i + 1 < len(first_column) else _first_column(i + 1)
            data[key], i = _items(lines, i, 0, path, keys, values, False, 2)
        else:
            data[key], i = _below(lines, i, 0, (row, colon + 2), path, keys, values, comments, 1)
        while comments and i < count and lines[i].startswith("#"):
            i += 1
    return data, keys, values


def _first_entry(lines: list[str]) -> int:
    """The first line after the comments at the top (the schema line an editor reads)."""
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    return i


def _special(lines: list[str], i: int, line: str, at: int, parent: int) -> tuple[Any, int]:
    """A value starting at column ``at`` of line ``i`` (``line``) with a character that
    may make it other than plain text: quoted, a block (its lines indented more than
    ``parent``, the column of its key), a number, a word read as null or a boolean;
    returns it and the line after it."""
    first = line[at]
    if first not in _QUOTED_OR_BLOCK:
        return _scalar(line, at), i + 1
    if first in "|>":
        match = _BLOCK.match(line, at)
        if match is None:
            raise _Decline
        return _block_scalar(lines, i + 1, parent, match.group(1) == "|", match.group(2) == "-")
    if first == '"':
        match = _DOUBLE.match(line, at)
        if match is None:
            raise _Decline
        return match.group(1), i + 1
    return _scalar(line, at), i + 1


def _folded(lines: list[str], i: int, value: str, deeper: str) -> tuple[str, int]:
    """A key's plain text ``value`` folded over the lines from line ``i`` that start with
    ``deeper`` (indented more than the key: ``_Reader.plain``, each joined with a space);
    returns it and the line after it. Declines a blank or comment line among them, and
    what would end or break the text."""
    count = len(lines)
    while i < count and lines[i].startswith(deeper):
        more = lines[i].strip(" ")
        if not more or more[0] == "#" or ": " in more or " #" in more or more[-1] == ":":
            raise _Decline
        value = value + " " + more
        i += 1
    return value, i


def _block_scalar(lines: list[str], i: int, parent: int, literal: bool, strip: bool) -> tuple[str, int]:
    """A literal (|) or folded (>) block from line ``i``, clipped or stripped (-), its
    lines indented more than ``parent``; returns it and the first line after it."""
    count = len(lines)
    start = i
    while i < count and not lines[i]:
        i += 1
    if i == count:
        raise _Decline
    line = lines[i]
    indent = len(line) - len(line.lstrip(" "))
    if indent <= parent or start != i:
        raise _Decline  # empty, or starting with blank lines
    pad = " " * indent
    parts: list[str] = []
    blanks = 0
    while i < count:
        line = lines[i]
        if not line:
            blanks += 1
            i += 1
            continue
        if not line.startswith(pad):
            if not line.strip(" "):
                raise _Decline  # a line of spaces only
            break
        text = line[indent:]
        if not text.strip(" ") or (not literal and text[0] == " "):
            raise _Decline  # spaces only, or a more indented line folded in
        if parts:
            if literal:
                parts.append("\n" * (blanks + 1))
            else:
                parts.append("\n" * blanks if blanks else " ")
        parts.append(text)
        blanks = 0
        i += 1
    value = "".join(parts)
    if not strip:
        value += "\n"
    return value, i


def _uncommented(lines: list[str], i: int) -> int:
    """The first line from ``i`` that is not a comment (at any indentation)."""
    count = len(lines)
    while i < count and lines[i].lstrip(" ")[:1] == "#":
        i += 1
    return i


def _indent(line: str) -> int:
    """A line's indentation; declines a blank line (the tools write none between entries)."""
    body = line.lstrip(" ")
    if not body:
        raise _Decline
    return len(line) - len(body)


_DASHES: list[str] = []  # the start of a list item at column n: n spaces and '- '


def _dash(col: int) -> str:
    while len(_DASHES) <= col:
        _DASHES.append(" " * len(_DASHES) + "- ")
    return _DASHES[col]


def _below(
    lines: list[str],
    i: int,
    col: int,
    null_at: tuple[int, int],
    path: Path,
    keys: dict[Path, Any],
    values: dict[Path, Any],
    comments: bool,
    depth: int,
) -> tuple[Any, int]:
    """The value of a key at column ``col`` (in a mapping ``depth`` deep) with nothing
    after its ':', from line ``i``: a list whose dashes sit at the key's column or two
    columns in, or null (placed at ``null_at``, just after the ':'); returns it and the
    line after it."""
    if comments:
        i = _uncommented(lines, i)
    if i < len(lines):
        line = lines[i]
        if line.startswith(_DASH[col] if col < _DASHED else _dash(col)):  # as synth (PyYAML) writes lists
            values[path] = _first_column(i + 1) if col == 0 else _shared((i + 1, col + 1))
            return _items(lines, i, col, path, keys, values, comments, depth + 1)
        if line.startswith(_DASH[col + 2] if col + 2 < _DASHED else _dash(col + 2)):  # as kehoach fmt does
            values[path] = _shared((i + 1, col + 3))
            return _items(lines, i, col + 2, path, keys, values, comments, depth + 1)
        indent = _indent(line)
        if indent > col or line.startswith("-", col):
            raise _Decline  # a block under the key, or a line _Reader reads its own way
    values[path] = _SHARED.get(null_at) or _shared(null_at)
    return None, i


_TOP_PATHS: dict[str, Path] = {}  # a key as written -> its shared path, or (): not a key _Reader takes


def _top_path(key: str) -> Path:
    if len(_TOP_PATHS) >= _GOOD_KEYS_MAX:
        _TOP_PATHS.clear()
    path: Path = _shared((key,)) if _good_key(key) else ()
    _TOP_PATHS[key] = path
    return path


def _items(
    lines: list[str],
    i: int,
    col: int,
    path: Path,
    keys: dict[Path, Any],
    values: dict[Path, Any],
    comments: bool,
    depth: int,
) -> tuple[list[Any], int]:
    """The list whose items ('- ' at column ``col``, ``depth`` deep) start at line ``i``;
    returns it and the first line after it that is not a comment."""
    if depth > _DEEPEST:
        raise _Decline
    shared = _SHARED.get
    marks = _MARKS
    count = len(lines)
    dash = _DASH[col] if col < _DASHED else _dash(col)
    at = col + 2
    result: list[Any] = []
    while i < count:
        line = lines[i]
        if not line.startswith(dash):
            if (not line or line[0] in " -") if col == 0 else (_indent(line) > col or line.startswith("-", col)):
                raise _Decline  # an item on several lines, or a '-' _Reader reads its own way
            break
        child = (*path, len(result))
        child = shared(child) or _shared(child)
        values[child] = marks[i + 1][at + 1] or _mark(i + 1, at + 1)
        colon = line.find(":", at)
        if colon > at and (colon + 1 == len(line) or line[colon + 1] == " ") and _NAME.fullmatch(line, at, colon):
            item, i = _item_mapping(lines, i, at, child, keys, values, comments, depth + 1)
            result.append(item)
        else:
            first = line[at]
            if first == " " or (
                first in _SIMPLE_NOT_FIRST and (first not in _WORD_FIRST or len(line) - at < 6 or line[-1] == " ")
            ):
                if first == " ":
                    raise _Decline
                item, i = _special(lines, i, line, at, col)
                result.append(item)
            else:  # the usual item: plain text, as written
                value = line[at:].rstrip(" ")
                if ": " in value or " #" in value or value[-1] == ":":
                    raise _Decline
                result.append(_intern(value) if len(value) <= _SHARED_TEXT else value)
                i += 1
        if comments:
            i = _uncommented(lines, i)
    return result, i


def _item_mapping(
    lines: list[str],
    i: int,
    col: int,
    path: Path,
    keys: dict[Path, Any],
    values: dict[Path, Any],
    comments: bool,
    depth: int,
) -> tuple[dict[str, Any], int]:
    """A mapping that is a list item (``depth`` deep): its first key after the dash,
    the others below it at the same column ``col``; returns it and the line after it."""
    if depth > _DEEPEST:
        raise _Decline
    shared = _SHARED.get
    marks = _MARKS
    count = len(lines)
    pad = " " * col
    deeper = pad + " "
    result: dict[str, Any] = {}
    while True:
        line = lines[i]
        colon = line.find(":", col)
        key = line[col:colon]
        if colon <= col or not _good_key(key) or key in result:
            raise _Decline  # not a key, or a duplicate
        child = (*path, key)
        child = shared(child) or _shared(child)
        keys[child] = marks[i + 1][col + 1] or _mark(i + 1, col + 1)
        at = colon + 1
        if at == len(line):  # nothing after the ':': a list below, or null
            result[key], i = _below(lines, i + 1, col, (i + 1, at + 1), child, keys, values, comments, depth)
        else:
            if line[at] != " ":
                raise _Decline  # 'key:value': not a key
            at += 1
            while line.startswith(" ", at):
                at += 1
            values[child] = marks[i + 1][at + 1] or _mark(i + 1, at + 1)
            first = line[at]
            if first in _SIMPLE_NOT_FIRST and (first not in _WORD_FIRST or len(line) - at < 6 or line[-1] == " "):
                result[key], i = _special(lines, i, line, at, col)
            else:  # plain text, maybe folded over the lines below
                value = line[at:].rstrip(" ")
                if ": " in value or " #" in value or value[-1] == ":":
                    raise _Decline
                i += 1
                if i < count and lines[i].startswith(deeper):
                    value, i = _folded(lines, i, value, deeper)
                result[key] = value
        if comments:
            i = _uncommented(lines, i)
        if i == count:
            return result, i
        line = lines[i]
        if not line.startswith(pad):
            return result, i  # a line further out (the list goes on or ends; a blank line is declined there)
        if line[col] == " ":
            raise _Decline  # indented more than the mapping's keys


_DASHED = 16
# A short item of a list is most often the id of another record (the units that
# lead a task, a plan's basis), written in many files: the same string object for
# each of its copies, kept once in memory (interned; and sent interned by the
# second process, see read._pack), instead of one for each file.
_intern = sys.intern
_SHARED_TEXT = 80
_DEEPEST = MAX_DEPTH - 2  # as _Reader: deeper is yamlsafe's, which reports it
_DASH = [_dash(col) for col in range(_DASHED)]


def read(text: str, printable: bool = False) -> tuple[dict[str, Any], Positions] | None:
    """The data and positions of a record file's text, exactly as
    ``yamlsafe.parse`` would give them with no problem, or None when the text
    is outside this reader's subset or would have problems. ``printable``: the
    caller found every character but line feeds printable (``str.isprintable``,
    false for each character ``_UNUSUAL`` finds), so they are not looked for again."""
    if (not printable and _UNUSUAL.search(text) is not None) or text.startswith(_MARKERS):
        return None
    if "\n---" in text or "\n..." in text or "\n%" in text:  # each 'in' one scan in C, faster than a loop
        return None
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    try:  # comments at the first column, or indented ones (' #' is in them)
        canonical = _canonical(lines, "\n#" in text or " #" in text)
    except (_Decline, IndexError):
        canonical = None
    if canonical is not None:
        data, keys, values = canonical
        return data, Positions(keys, values)
    reader = _Reader(lines)
    try:
        data = reader.document()
    except (_Decline, IndexError):
        return None
    return data, Positions(reader.keys, reader.values)
