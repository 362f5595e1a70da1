"""Review notes left in a record: ``kehoach import`` writes "# KIỂM TRA: ..." before
every value it inferred rather than read; a record still carrying one has not been
reviewed against the source document (reported as KH018, a warning)."""

from __future__ import annotations

import functools
import re

from ..text import clip, fold

_NOTE = re.compile(r"#\s*(kiem tra\s*:.*)$")


def review_notes(text: str) -> list[tuple[int, int, str]]:
    """(line, column, the note as written, shortened) of each review comment, accents optional."""
    first = text.find("#")
    if first < 0:
        return []
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    if first < len(line) and (end < 0 or text.find("#", end) < 0) and line.isprintable():
        # The usual file: only its first line (the schema line an editor reads) has a '#'
        # (and, printable, no line break other than the '\n' after it): that line alone looked at.
        return [(1, first + 1, clip(line[first:].strip(), 80))] if _is_note(line[first:]) else []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        at = line.find("#")
        if at < 0:
            continue
        if not _is_note(line[at:]):
            continue
        note = line[at:].strip()
        found.append((number, at + 1, clip(note, 80)))
    return found


@functools.lru_cache(maxsize=1024)
def _is_note(comment: str) -> bool:
    """Whether a comment is a review note. Remembered: most comments are the same
    in every file of a kind (the schema line an editor reads)."""
    return _NOTE.match(fold(comment)) is not None
