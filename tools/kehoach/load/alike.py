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
- a function making the data of a file of that layout from its lines (an
  expression written out once: generated Python source, compiled; keys of the
  one form the canonical reader takes, every other part a number): each value cut
  at its known column, plain text as written unless its first character may make
  it otherwise (a number, a quoted text...: then read as the canonical reader
  does), placed in dictionaries and lists.

A file is of a layout when each of its lines starts with that layout's head for
the line and the lines without a value are exactly their heads (as ``fastyaml``
reads it, the file then has the layout's structure). A layout found before is
looked up by how many line feeds, ':' and '\n- ' the file holds, and the file
matched whole against its pattern (its heads, and a group for each value: the
values cut out in one call, no line split); failing that, layouts are looked up by
where each line's first ':' is (a tuple of numbers made in one pass in C), and
made from a file found so after a few others (``_MADE_AFTER``): the files of a
rare layout are read the ordinary way without making one. Whether any value holds what would end or break a plain
text (': ', ' #', a ':' or a space at its end) is known for the whole file at
once, by counting ':' and '#' in it against its heads and looking for a space at
a line's end: only in a file where one may (a quoted 'Nội dung 1: ...') is each
value looked at for them.

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
from .positions import MAX_INT_DIGITS, Positions, _shape_of

# The head of a line (after the line feed before it): a comment; a key (after list
# dashes and indentation), then ': ' and a value, or the line's end; a list dash and
# a value; the indentation of a folded text's line. A line with no head (blank, a
# lone '-', 'key:value', a value further right than its head...) is not in any layout.
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
Grouped = Callable[[tuple[str, ...]], dict[str, Any]]


class _Layout:
    """The heads of a layout's lines, the positions of its keys and values, the
    function making a file's data from its lines (None: a layout the canonical
    reader does not take, whose files are read the ordinary way), how many ':' and
    '#' its heads hold, and the function making the data of a file of the layout
    whose values may hold them (made when first needed)."""

    __slots__ = (
        "build",
        "checked",
        "colons",
        "grouped",
        "grouped_checked",
        "hashes",
        "heads",
        "pattern",
        "positions",
        "skeleton",
    )

    def __init__(self, heads: list[str], build: Build | None, positions: Positions, skeleton: Any = None) -> None:
        self.heads = heads
        self.build = build
        self.positions = positions
        self.colons = sum(head.count(":") for head in heads)
        self.hashes = sum(head.count("#") for head in heads)
        self.checked: Build | None = None
        self.skeleton = skeleton  # the data read of the skeleton
        self.pattern: re.Pattern[str] | None = None  # made with ``grouped``, when first needed
        self.grouped: Grouped | None = None
        self.grouped_checked: Grouped | None = None

    def checking(self) -> Build:
        """The function making the data with every value looked at for what would end or
        break a plain text (': ', ' #', a ':' at its end...: a quoted value may hold them)."""
        source = _checking(_Writer(self.heads, checked=True).value(self.skeleton), self.heads)
        checked: Build = _function(source)
        self.checked = checked
        return checked

    def matching(self) -> re.Pattern[str]:
        """The whole text of a file of the layout as a pattern: each line its head, then
        (after a head followed by a value) a value of one line not starting with a space,
        its group; and the function making the data from the groups (``grouped``)."""
        parts = []
        for head in self.heads:
            parts.append(re.escape(head) + ("([^ \n][^\n]*)\n" if _has_value(head) else "\n"))
        self.pattern = re.compile("".join(parts))
        self.grouped = _function(f"lambda g: {_Writer(self.heads, grouped=True).value(self.skeleton)}")
        return self.pattern

    def grouped_checking(self) -> Grouped:
        """``checking`` for the groups of ``pattern``."""
        made = _Writer(self.heads, checked=True, grouped=True).value(self.skeleton)
        checked: Grouped = _function(f"lambda g: {made}")
        self.grouped_checked = checked
        return checked


_LAYOUTS: dict[tuple[str, ...], _Layout] = {}  # heads -> layout
_BY_COLONS: dict[tuple[int, ...], list[_Layout]] = {}  # where each line's ':' is -> the layouts found so
# The hashes of the colon tuples of files read no layout found, and how many were: a
# layout is made from the file found so after as many files as ``_MADE_AFTER``, less
# one (making one costs about as much as reading 15 files the ordinary way: the files
# of a rare layout are read so).
_MISSES: dict[int, int] = {}
# The layouts found so far by how many line feeds, ':' and '\n- ' a file of each held:
# a file's three counts (three passes in C) name one layout or a few, and its text is
# then matched whole against each one's pattern (``_Layout.matching``), which cuts out
# its values too, before its lines are split and looked at one by one.
_BY_COUNTS: dict[tuple[int, int, int], list[_Layout]] = {}
_MADE_AFTER = 8
_CANDIDATES = 4  # layouts kept for one colon tuple (the last found first)
# Bounds for long-running processes reading many unusual files: all forgotten past these.
_LAYOUTS_MAX = 4_000
_SEEN_MAX = 100_000


def read(text: str, printable: bool = False) -> tuple[dict[str, Any], Positions] | None:
    """``fastyaml.read(text, printable)``, by a layout read before when the file has one."""
    if printable and text[-1:] == "\n":
        found = _alike(text)
        if found is not None:
            return found
    return fastyaml.read(text, printable)


def _alike(text: str) -> tuple[dict[str, Any], Positions] | None:
    """The data and positions of a file of printable characters ending with a line
    feed (``text``) by its layout; None when it has none (yet), or when a line or a
    value is not one the layout reads."""
    counts = (text.count("\n"), text.count(":"), text.count("\n- "))
    for layout in _BY_COUNTS.get(counts, ()):
        match = (layout.pattern or layout.matching()).fullmatch(text)
        if match is not None:
            return _by_groups(text, counts[1], layout, match.groups())
    lines = text.split("\n")
    lines.pop()
    colons = tuple(map(str.find, lines, _COLON))
    for at, layout in enumerate(_BY_COLONS.get(colons, ())):
        if all(map(str.startswith, lines, layout.heads)):  # as many heads as lines: found by the colon tuple
            if at:
                candidates = _BY_COLONS[colons]
                candidates.insert(0, candidates.pop(at))
            break
    else:
        seen = hash(colons)
        misses = _MISSES.get(seen, 0) + 1
        if misses < _MADE_AFTER:  # a file unlike those before: read the ordinary way
            if len(_MISSES) >= _SEEN_MAX:
                _MISSES.clear()
            _MISSES[seen] = misses
            return None
        del _MISSES[seen]
        made = _found(text, len(lines))
        if made is None:
            return None
        layout = made
        if len(_BY_COLONS) >= _SEEN_MAX:
            _BY_COLONS.clear()
        candidates = _BY_COLONS.setdefault(colons, [])
        candidates.insert(0, layout)
        del candidates[_CANDIDATES:]
    build = layout.build
    if build is None:
        return None
    known = _BY_COUNTS.setdefault(counts, [])
    if layout not in known:
        if len(_BY_COUNTS) >= _SEEN_MAX:
            _BY_COUNTS.clear()
            known = _BY_COUNTS[counts] = []
        known.insert(0, layout)
        del known[_CANDIDATES:]
    if _values_may_break(text, counts[1], layout):
        build = layout.checked or layout.checking()  # a value may hold them: each looked at
    try:
        return build(lines), layout.positions
    except (_Decline, IndexError):
        return None


def _values_may_break(text: str, colons: int, layout: _Layout) -> bool:
    """Whether a value of a file of the layout (``colons``: the ':' it holds) may hold what
    would end or break a plain text: more ':' or '#' than the heads hold, or a line ending in
    a space. Only then is each value looked at."""
    return colons != layout.colons or text.count("#") != layout.hashes or " \n" in text


def _function(source: str) -> Any:
    """A layout's function made from its source text (a lambda), with the names it calls in scope."""
    return eval(compile(source, "<layout>", "eval"), _scope())


def _by_groups(
    text: str, colons: int, layout: _Layout, values: tuple[str, ...]
) -> tuple[dict[str, Any], Positions] | None:
    """The data and positions of a file matched whole by the layout's pattern (``values``:
    its groups), or None when a value is not one the layout reads."""
    grouped = layout.grouped
    assert grouped is not None
    if _values_may_break(text, colons, layout):
        grouped = layout.grouped_checked or layout.grouped_checking()  # a value may hold them: each looked at
    try:
        return grouped(values), layout.positions
    except (_Decline, IndexError):
        return None


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
            _BY_COUNTS.clear()
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
        made = _Writer(heads).value(data)
    except _Decline:
        return _Layout(heads, None, Positions())
    build: Build = _function(_checking(made, heads))
    positions = Positions.__new__(Positions)
    positions.shape = _shape_of(tuple(keys), tuple(values))
    positions.marks = (*keys.values(), *values.values())
    return _Layout(heads, build, positions, data)


def _checking(made: str, heads: list[str]) -> str:
    """The function (source) giving the data ``made`` of a file's lines when each line
    whose head is the whole line (a comment, a key ending its line) holds nothing more."""
    whole = " or ".join(f"len(g[{j}]) != {len(head)}" for j, head in enumerate(heads) if not _has_value(head))
    return f"lambda g: x() if {whole} else {made}" if whole else f"lambda g: {made}"


def _scope() -> dict[str, Any]:
    """What the code made for a layout sees: no builtin but ``len``, the readers of values."""
    return {
        "__builtins__": {},
        "len": len,
        "s": _text,
        "i": _item,
        "f": _folded,
        "n": _intern,
        "w": _word,
        "j": _word_item,
        "x": _decline,
        "Q": _NOT_AS_WRITTEN,
        "W": _WORD_FIRST,
    }


_PLACEHOLDERS = re.compile(r"v[0-9]+(?: v[0-9]+)*")


class _Writer:
    """The Python source of an expression making the skeleton's data from a file's
    lines ``g``, each value cut at its known column. Unless ``checked``, the file is
    known to have no ':', '#' or space at a line's end in its values (``_alike``): a
    value whose first character is none that may make it other than plain text (or a
    word of 6 letters or more) is then as written, and only the others are read by
    ``_text`` (short list items interned, as ``fastyaml`` does)."""

    def __init__(self, heads: list[str], checked: bool = False, grouped: bool = False) -> None:
        self.heads = heads
        self.checked = checked
        # grouped: ``g`` holds the values alone, the groups of the layout's pattern
        self.group = (
            {j: n for n, j in enumerate(j for j, head in enumerate(heads) if _has_value(head))} if grouped else None
        )

    def cut(self, j: int) -> str:
        if self.group is not None:
            return f"g[{self.group[j]}]"
        return f"g[{j}][{len(self.heads[j])}:]"

    def value(self, value: Any, item: bool = False) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{key!r}: {self.value(inner)}" for key, inner in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.value(inner, True) for inner in value) + "]"
        if value is None:
            return "None"
        if not isinstance(value, str) or _PLACEHOLDERS.fullmatch(value) is None:
            raise _Decline  # a head folded into a text ('  - x' after a text): not a layout
        lines = [int(part[1:]) for part in value.split(" ")]
        if len(lines) > 1:
            return f"f({', '.join(self.cut(j) for j in lines)})"
        if self.checked:
            return f"{'i' if item else 's'}({self.cut(lines[0])})"
        if item:
            return f"(n(v) if (v := {self.cut(lines[0])})[0] not in Q and len(v) <= {_SHARED_TEXT} else j(v))"
        return f"(v if (v := {self.cut(lines[0])})[0] not in Q else w(v))"


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
        if first == "'":
            if value[-1] == "'" and value.count("'") == 2:  # the usual quoted text ('2025-06-30'): no quote in it
                return value[1:-1]
        elif value.isdigit() and value.isascii():  # a count, an order: as ``fastyaml._resolve`` reads it
            if len(value) > MAX_INT_DIGITS or (first == "0" and len(value) > 1):
                raise _Decline
            return int(value)
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


def _word(value: str) -> Any:
    """A key's value in a file whose values hold no ':', '#' or space at their end,
    starting with a character that may make it other than plain text: a word of 6
    letters or more is plain text as written (the usual 'Tháng 10/2023')."""
    return value if value[0] in _WORD_FIRST and len(value) > 5 else _text(value)


def _word_item(value: str) -> Any:
    """A list item, as ``_word`` reads a key's value, short text interned."""
    if value[0] in _WORD_FIRST and 5 < len(value) <= _SHARED_TEXT:
        return _intern(value)
    return _item(value)


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
