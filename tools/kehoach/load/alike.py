"""Record files written alike, read once for all: in front of ``fastyaml``.

The tools write thousands of records with the same keys on the same lines (every
task of a plan with a lead, two units coordinating, one document implemented...):
files that differ only in their values. Where each key and value of such a file
sits, and how its values make up the data, follow from its *layout* alone, the
start of each line up to its value (its *head*: ``id: ``, ``- ``, ``  text: ``, a
comment, a key ending its line, the spaces before a folded line's text). So a
layout is read once, by ``fastyaml``'s canonical reader on a skeleton of the file
(each value replaced by a placeholder), into:

- the positions of its keys and values (shared by all its files),
- a function making the data of a file of that layout from its lines: each
  value cut at its known column, checked and converted as the canonical reader
  does (a number, a quoted text...), placed in dictionaries and lists written
  out once (generated Python source, compiled; keys of the one form the
  canonical reader takes, every other part a number).

A file is of a layout when each of its lines starts with that layout's head
for the line, the lines without a value are exactly their heads, and no value
starts with a space (as ``fastyaml`` reads it, the file then has the layout's
structure). Layouts are looked up by where each line's first ':' is (a tuple
of numbers made in one pass in C), and made from the second file found so: a
file unlike any other is read the ordinary way without making one.

The result is exactly ``fastyaml.read``'s, or None and ``fastyaml.read`` reads the
file: any value the canonical reader would decline or read otherwise (a block
scalar, a ': ' in plain text, an anchor, a value beginning further right than
its head...), blank lines, and a file not ending with a line feed are left to
it. A differential test (tests/load/test_alike.py) holds the two to the same
data, of the same types, and the same positions."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from itertools import repeat
from typing import Any

from . import fastyaml
from .fastyaml import _DOUBLE, _SIMPLE_NOT_FIRST, _WORD_FIRST, _canonical, _Decline, _scalar
from .positions import Positions, _shape_of

# The head of a line (after the line feed before it): a comment; a key (after list
# dashes and indentation), then ': ' and a value, or the line's end; a list dash and
# a value; the indentation of a folded text's line. A line with no head (blank, a
# lone '-', 'key:value'...) is not in any layout.
_HEAD = re.compile(
    r"(\n(?: *#[^\n]*| *(?:- )*[A-Za-z_][A-Za-z0-9_-]*:(?: (?=[^ \n])|(?=\n))| *- (?=[^ \n])| +(?=[^ \n])))"
)
_COLON = repeat(":")
# A value's first characters that may make it other than plain text as written
# (as in ``fastyaml``), and a space: a value further right than its head.
_NOT_AS_WRITTEN = _SIMPLE_NOT_FIRST | {" "}
_SHARED_TEXT = 80  # list items this long or shorter are interned (as ``fastyaml._items`` does)
_intern = sys.intern

Build = Callable[[list[str]], dict[str, Any]]


class _Layout:
    """The heads of a layout's lines, the positions of its keys and values, and the
    function making a file's data from its lines (None: a layout the canonical
    reader does not take, whose files are read the ordinary way)."""

    __slots__ = ("build", "heads", "positions")

    def __init__(self, heads: list[str], build: Build | None, positions: Positions) -> None:
        self.heads = heads
        self.build = build
        self.positions = positions


_LAYOUTS: dict[tuple[str, ...], _Layout] = {}  # heads -> layout
_BY_COLONS: dict[tuple[int, ...], list[_Layout]] = {}  # where each line's ':' is -> the layouts found so
_SEEN: set[int] = set()  # the hashes of the colon tuples of files read, none made into a layout yet
_CANDIDATES = 4  # layouts kept for one colon tuple (the last found first)
# Bounds for long-running processes reading many unusual files: all forgotten past these.
_LAYOUTS_MAX = 4_000
_SEEN_MAX = 100_000


def read(text: str, printable: bool = False) -> tuple[dict[str, Any], Positions] | None:
    """``fastyaml.read(text, printable)``, by a layout read before when the file has one."""
    if printable and text[-1:] == "\n" and "\n\n" not in text:
        lines = text.split("\n")
        lines.pop()
        try:
            found = _alike(text, lines)
        except (_Decline, IndexError):
            found = None
        if found is not None:
            return found
    return fastyaml.read(text, printable)


def _alike(text: str, lines: list[str]) -> tuple[dict[str, Any], Positions] | None:
    """The data and positions of a file (``text``, split into ``lines``) by its layout;
    None when it has none (yet), or when a value is not one the layout reads."""
    colons = tuple(map(str.find, lines, _COLON))
    candidates = _BY_COLONS.get(colons)
    if candidates is None:
        seen = hash(colons)
        if seen not in _SEEN:  # the first file like this: read the ordinary way
            if len(_SEEN) >= _SEEN_MAX:
                _SEEN.clear()
            _SEEN.add(seen)
            return None
        if len(_BY_COLONS) >= _SEEN_MAX:
            _BY_COLONS.clear()
        candidates = _BY_COLONS[colons] = []
    for at, layout in enumerate(candidates):
        if all(map(str.startswith, lines, layout.heads)):  # as many heads as lines: found by the colon tuple
            if at:
                candidates.insert(0, candidates.pop(at))
            break
    else:
        made = _found(text, len(lines))
        if made is None:
            return None
        layout = made
        candidates.insert(0, layout)
        del candidates[_CANDIDATES:]
    if layout.build is None:
        return None
    data = layout.build(lines)
    return data, layout.positions


def _found(text: str, count: int) -> _Layout | None:
    """The layout of a file of ``count`` lines, made the first time; None when a line has no head."""
    parts = _HEAD.split("\n" + text)
    if len(parts) >> 1 != count:
        return None
    heads = tuple(parts[1::2])
    layout = _LAYOUTS.get(heads)
    if layout is None:
        if len(_LAYOUTS) >= _LAYOUTS_MAX:
            _LAYOUTS.clear()
            _BY_COLONS.clear()
        layout = _LAYOUTS[heads] = _made([head[1:] for head in heads])
    return layout


def _is_comment(head: str) -> bool:
    return head.lstrip(" ").startswith("#")


def _has_value(head: str) -> bool:
    """Whether a head is followed by a value on its line (it ends with ': ' or '- ', or is
    a folded text's indentation), rather than being the whole line (a comment, a key
    ending its line)."""
    return not _is_comment(head) and (head.endswith((": ", "- ")) or not head.strip(" "))


def _made(heads: list[str]) -> _Layout:
    """A layout of these heads, read by the canonical reader from a skeleton with the
    value of line j written 'vj'."""
    skeleton = [f"{head}v{j}" if _has_value(head) else head for j, head in enumerate(heads)]
    joined = "\n".join(skeleton)
    try:
        read = _canonical(skeleton, "\n#" in joined or " #" in joined)  # as fastyaml.read tells it
    except (_Decline, IndexError):
        read = None
    if read is None:
        return _Layout(heads, None, Positions())
    data, keys, values = read
    try:
        body = _source(data, heads)
    except _Decline:
        return _Layout(heads, None, Positions())
    whole = [f"len(g[{j}]) == {len(head)}" for j, head in enumerate(heads) if not _has_value(head)]
    if whole:
        body = f"({body} if {' and '.join(whole)} else x())"
    code = compile(f"lambda g: {body}", "<layout>", "eval")
    build: Build = eval(code, {"__builtins__": {}, "len": len, "s": _text, "i": _item, "f": _folded, "x": _decline})
    positions = Positions.__new__(Positions)
    positions.shape = _shape_of(tuple(keys), tuple(values))
    positions.marks = (*keys.values(), *values.values())
    return _Layout(heads, build, positions)


_PLACEHOLDERS = re.compile(r"v[0-9]+(?: v[0-9]+)*")


def _source(value: Any, heads: list[str], item: bool = False) -> str:
    """Python source making ``value`` of the skeleton's data from a file's lines ``g``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key!r}: {_source(inner, heads)}" for key, inner in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_source(inner, heads, True) for inner in value) + "]"
    if value is None:
        return "None"
    if not isinstance(value, str) or _PLACEHOLDERS.fullmatch(value) is None:
        raise _Decline  # a head folded into a text ('  - x' after a text): not a layout
    cut = [f"g[{j}][{len(heads[j])}:]" for j in (int(part[1:]) for part in value.split(" "))]
    if len(cut) > 1:
        return f"f({', '.join(cut)})"
    return f"{'i' if item else 's'}({cut[0]})"


def _decline() -> Any:
    raise _Decline


def _special(value: str) -> Any:
    """A value starting with a character that may make it other than plain text, as
    ``fastyaml._special`` reads it (but a block, which is not on its line alone)."""
    first = value[0]
    if first == '"':
        match = _DOUBLE.match(value)
        if match is None:
            raise _Decline
        return match.group(1)
    if first in "|> ":
        raise _Decline
    return _scalar(value, 0)


def _text(value: str) -> Any:
    """A key's value, as written after its head (``fastyaml._canonical``, ``_item_mapping``)."""
    first = value[0]
    if first in _NOT_AS_WRITTEN and (first not in _WORD_FIRST or len(value) < 6 or value[-1] == " "):
        return _special(value)
    if value[-1] == " ":
        value = value.rstrip(" ")
    if ": " in value or " #" in value or value[-1] == ":":
        raise _Decline
    return value


def _item(value: str) -> Any:
    """A list item, as written after its dash (``fastyaml._items``), read as a key's value is
    ('key: value' and 'key:' would be a mapping: declined); short text interned."""
    read = _text(value)
    return _intern(read) if read.__class__ is str and len(read) <= _SHARED_TEXT else read


def _folded(first: str, *more: str) -> str:
    """A key's plain text folded over the lines below it (``fastyaml._folded``): a value
    read otherwise (quoted, a number...) has no folded line after it in that reader."""
    if first[0] in _NOT_AS_WRITTEN and (first[0] not in _WORD_FIRST or len(first) < 6 or first[-1] == " "):
        raise _Decline
    parts = [first.rstrip(" ")]
    for line in more:
        if line[0] == " ":
            raise _Decline  # indented further than the layout's line: as read, the same text, but rare
        parts.append(line.rstrip(" "))
    for part in parts:
        if part[0] == "#" or ": " in part or " #" in part or part[-1] == ":":
            raise _Decline
    return " ".join(parts)


__all__ = ["read"]
