"""Tables for people: aligned plain text for a terminal and Markdown for
meeting minutes and pull requests. Widths are counted as a terminal draws
them (combining marks take no column, East Asian wide characters two), so a
column of Vietnamese names lines up whatever the input's composition."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

LEFT, RIGHT = "left", "right"


@dataclass(frozen=True)
class Column:
    header: str
    align: str = LEFT
    limit: int = 60  # widest the column gets; longer cells and headers wrap


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _cut(word: str, limit: int) -> list[str]:
    """A word wider than ``limit`` split into pieces that fit."""
    pieces, current = [], ""
    for ch in word:
        if current and width(current + ch) > limit:
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current] if current else pieces


def wrap(text: str, limit: int) -> list[str]:
    """``text`` broken at spaces into lines at most ``limit`` columns wide."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _cut(word, limit) if width(word) > limit else [word]:
            candidate = f"{current} {piece}" if current else piece
            if width(candidate) <= limit:
                current = candidate
            else:
                lines.append(current)
                current = piece
    return [*lines, current] if current or not lines else lines


def _pad(text: str, size: int, align: str) -> str:
    gap = " " * (size - width(text))
    return gap + text if align == RIGHT else text + gap


def text_table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> str:
    """Columns separated by two spaces, a rule under the header, cells wrapped to each column's limit."""
    sizes = []
    for i, column in enumerate(columns):
        longest_word = max((width(w) for w in column.header.split()), default=0)
        widest = max([width(column.header), *(width(row[i]) for row in rows)])
        sizes.append(max(min(widest, column.limit), min(longest_word, column.limit)))
    lines = _block([c.header for c in columns], columns, sizes, header=True)
    lines.append("  ".join("─" * size for size in sizes))
    for row in rows:
        lines += _block(list(row), columns, sizes)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _block(cells: list[str], columns: Sequence[Column], sizes: list[int], header: bool = False) -> list[str]:
    """One table row, several terminal lines high when a cell wraps."""
    wrapped = [wrap(cell, size) for cell, size in zip(cells, sizes, strict=True)]
    height = max(len(w) for w in wrapped)
    out = []
    for line in range(height):
        parts = []
        for column, size, lines in zip(columns, sizes, wrapped, strict=True):
            # headers sit at the bottom, next to the rule, as in printed tables
            pad = height - len(lines) if header else 0
            text = lines[line - pad] if 0 <= line - pad < len(lines) else ""
            parts.append(_pad(text, size, column.align))
        out.append("  ".join(parts))
    return out


def md_cell(text: str) -> str:
    """Record text inside a Markdown table cell: one line, pipes and markup shown literally."""
    escaped = " ".join(str(text).split())
    for char in "\\`*_[]<>|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def markdown_table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> str:
    head = "| " + " | ".join(md_cell(c.header) for c in columns) + " |"
    rule = "|" + "|".join("---:" if c.align == RIGHT else "---" for c in columns) + "|"
    body = ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join([head, rule, *body]) + "\n"
