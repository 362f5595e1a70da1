"""Review notes left in a record: ``kehoach import`` writes "# KIỂM TRA: ..." before
every value it inferred rather than read; a record still carrying one has not been
reviewed against the source document (reported as KH018, a warning)."""

from __future__ import annotations

import re

from ..text import clip, fold

_NOTE = re.compile(r"#\s*(kiem tra\s*:.*)$")


def review_notes(text: str) -> list[tuple[int, int, str]]:
    """(line, column, the note as written, shortened) of each review comment, accents optional."""
    if "#" not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        at = line.find("#")
        if at < 0:
            continue
        folded = fold(line[at:])
        if not _NOTE.match(folded):
            continue
        note = line[at:].strip()
        found.append((number, at + 1, clip(note, 80)))
    return found
