"""Where the comments of a record file belong: each full-line comment is tied to
the key or list item that follows it, each end-of-line comment to the key or
item on its line, so that rewriting the file in another key order carries every
comment along with what it describes."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]


@dataclass
class Comments:
    """The comments of one file, keyed by the path of the node they describe."""

    header: list[str] = field(default_factory=list)  # before the first key: about the whole file
    before: dict[Path, list[str]] = field(default_factory=dict)
    eol: dict[Path, str] = field(default_factory=dict)
    footer: list[str] = field(default_factory=list)  # after the last value

    def texts(self) -> list[str]:
        """Every comment, for checking that a rewrite lost none."""
        found = [*self.header, *self.footer, *self.eol.values()]
        for lines in self.before.values():
            found.extend(lines)
        return found


@dataclass
class _Walk:
    nodes: list[tuple[int, int, int, Path]] = field(default_factory=list)  # line, col, depth, path
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # scalar start/end line, col


def _walk(text: str) -> _Walk:
    walk = _Walk()
    events = iter(yaml.parse(text, Loader=_Loader))

    def mark(event: yaml.Event) -> tuple[int, int]:
        start = event.start_mark
        assert start is not None  # the parser marks every event it yields
        return start.line, start.column

    def node(event: yaml.Event, path: Path) -> None:
        if isinstance(event, yaml.ScalarEvent):
            line, col = mark(event)
            if event.style in ("|", ">"):  # a block's text starts on the next line: the indicator's
                line, col = line + 1, 0  # own line may end with a comment ("title: >-  # ...")
            end = event.end_mark
            assert end is not None
            walk.spans.append((line, col, end.line, end.column))
        elif isinstance(event, yaml.MappingStartEvent):
            while not isinstance(key := next(events), yaml.MappingEndEvent):
                child = (*path, key.value if isinstance(key, yaml.ScalarEvent) else "?")
                walk.nodes.append((*mark(key), len(child), child))
                node(key, child)
                node(next(events), child)
        elif isinstance(event, yaml.SequenceStartEvent):
            index = 0
            while not isinstance(item := next(events), yaml.SequenceEndEvent):
                child = (*path, index)
                walk.nodes.append((*mark(item), len(child), child))
                node(item, child)
                index += 1

    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            node(next(events), ())
    return walk


def _comment_starts(lines: list[str], spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """(line, col) of every '#' that starts a comment: outside scalars, after blank or line start."""
    covered: dict[int, list[tuple[int, float]]] = {}
    for start_line, start_col, end_line, end_col in spans:
        for line in range(start_line, end_line + 1):
            begin = start_col if line == start_line else 0
            end = end_col if line == end_line else float("inf")
            covered.setdefault(line, []).append((begin, end))
    found = []
    for number, text in enumerate(lines):
        col = text.find("#")
        while col != -1:
            inside = any(begin <= col < end for begin, end in covered.get(number, ()))
            if not inside and (col == 0 or text[col - 1] in " \t"):
                found.append((number, col))
                break
            col = text.find("#", col + 1)
    return found


def collect(text: str) -> Comments:
    """Tie every comment of ``text`` (a YAML document that parses) to a node path."""
    lines = text.splitlines()
    walk = _walk(text)
    nodes = sorted(walk.nodes)
    starts = [(line, col) for line, col, _, _ in nodes]
    result = Comments()
    for line, col in _comment_starts(lines, walk.spans):
        comment = lines[line][col:].rstrip()
        if lines[line][:col].strip():  # end of line: the first node of its line, else the last one before
            at = bisect.bisect_left(starts, (line, 0))
            if at == len(nodes) or nodes[at][0] != line:
                at -= 1
            if at >= 0:
                path = nodes[at][3]
                result.eol[path] = f"{result.eol[path]} {comment}" if path in result.eol else comment
                continue
            result.header.append(comment)
            continue
        at = bisect.bisect_right(starts, (line, len(lines[line])))
        if at == 0:
            result.header.append(comment)
        elif at == len(nodes):
            result.footer.append(comment)
        else:
            result.before.setdefault(nodes[at][3], []).append(comment)
    return result
