"""Inline rule suppression written as YAML comments in a record file:

    lead: []  # kehoach: disable=KH701          (this line)
    # kehoach: disable=KH701                    (a comment line: the next line)
    # kehoach: disable-file=KH702               (the whole file)

Unknown rule codes in such a comment are reported (KH005)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

_DIRECTIVE = re.compile(r"#\s*kehoach:\s*(disable|disable-file)\s*=\s*([A-Za-z0-9, ]+)")


@dataclass
class Suppressions:
    by_line: dict[int, set[str]] = field(default_factory=dict)
    whole_file: set[str] = field(default_factory=set)
    unknown: list[tuple[int, int, str]] = field(default_factory=list)  # line, col, code

    def covers(self, code: str, line: int) -> bool:
        return code in self.whole_file or code in self.by_line.get(line, ())

    def __bool__(self) -> bool:
        """Whether the file holds any suppression comment (a known code or not)."""
        return bool(self.by_line or self.whole_file or self.unknown)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Read back (from the record cache), a file's empty suppressions are NONE again.
        if not self:
            return _none, ()
        return Suppressions, (self.by_line, self.whole_file, self.unknown)


NONE = Suppressions()
"""The suppressions of a file that has none: one object shared by every such file
(most files), never changed, instead of a dictionary, a set and a list for each
(half a kilobyte a file: 50 MB at 100,000 records)."""


def none() -> Suppressions:
    """``NONE``, as a default of a field."""
    return NONE


_none = none


def read_suppressions(text: str, known: Collection[str]) -> Suppressions:
    if "kehoach:" not in text:
        return NONE
    result = Suppressions()
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _DIRECTIVE.search(line)
        if not match:
            continue
        codes = {c.strip().upper() for c in match[2].split(",") if c.strip()}
        for code in sorted(codes - set(known)):
            result.unknown.append((index + 1, match.start() + 1, code))
        codes &= set(known)
        if match[1] == "disable-file":
            result.whole_file |= codes
            continue
        target = index + 1
        if line[: match.start()].strip() == "":  # a comment line: applies to the next content line
            target = next(
                (
                    i + 1
                    for i in range(index + 1, len(lines))
                    if lines[i].strip() and not lines[i].lstrip().startswith("#")
                ),
                index + 1,
            )
        result.by_line.setdefault(target, set()).update(codes)
    return result if result else NONE
