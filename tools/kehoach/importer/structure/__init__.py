"""Stage 3 of an import: the body of a plan as sections and work items.

Conventions of party plans that this stage follows:

- Sections are numbered I., II. (top), 1., 2. or 1-, 2- (second level), 1.1., 1.1-
  (third); a numbered line with content under it (bullets, deeper numbers, a
  paragraph) is a heading, one without is itself a work item. Items are the
  leaves: numbered points, "-", "+", "*" bullets and plain paragraphs.
- "Chủ trì / Phối hợp / Thời gian thực hiện" lines (a block) govern the items
  written before them since the previous block, within the same section. A block
  without a lead that sits between two items of one group belongs to the item
  above it only. An item that names its own lead ("Sở Nội vụ: ...", "Lãnh đạo
  Ban, Chi bộ phối hợp tổ chức ...", "Giao Phòng X ...") is not governed.
- Section I (Mục đích, yêu cầu) holds aims and requirements, not tasks. In
  "Tổ chức thực hiện" only points that assign work to a named unit, or that open
  with a time ("Năm 2021, ..."), are tasks; the rest are general requirements.
- The plan ends with "Trên đây là ..." (closing), "Nơi nhận:" and the signer.

The steps of reading, one module each: ``prepare`` (lines before reading: bare numbers,
recipients, tables written with bars or aligned with spaces, syllables run together), ``wraps`` (topic headings a line
break cut before a capital), ``kinds`` (what each paragraph
is by its form), ``headings`` (headings and numbering), ``labels`` (label lines and their
scope), ``articles`` (a legal text's chapters and articles), ``roles`` (role lines), ``items`` and ``work``
(points: what they are, who does them),
``subjects`` (who a point names), ``timeframes`` (time phrases), ``tail`` (recipients and
signer); ``walker`` sends each paragraph to its step over the shared ``state``.
"""

from __future__ import annotations

from .. import pipes
from ..source import Document, Line, opens_appendix, paragraphs
from ..units import Registry
from . import appendix
from .articles import read_legal
from .model import NO_SECTIONS, Body, Item, LabelLine, RoleLine, Section
from .patterns import point_mark
from .prepare import (
    figure_tables,
    join_bare_numbers,
    move_trailing_numbers,
    read_aligned_tables,
    read_bar_tables,
    read_syllables,
    split_recipients,
    written_back,
)
from .tail import read_tail, recipients_at, tail_start
from .timeframes import deadline_of, deadlines_in, heading_time, reads_as_timeframe, time_in_text
from .walker import Walker
from .wraps import join_topic_wraps

__all__ = [
    "NO_SECTIONS",
    "Body",
    "Item",
    "LabelLine",
    "RoleLine",
    "Section",
    "deadline_of",
    "deadlines_in",
    "heading_time",
    "parse",
    "point_mark",
    "reads_as_timeframe",
    "recipients_at",
    "time_in_text",
]


def parse(doc: Document, start: int, registry: Registry, doc_type: str = "", figures: bool = False) -> Body:
    """The body of a document from line ``start``; ``doc_type`` is its type line ('Kế hoạch', 'Hướng dẫn').
    ``figures``: tables of figures are kept as text (a report reads them), not left out."""
    body = Body()
    lines = pipes.read_tables(split_recipients(doc.lines[start:]), body.skipped)
    doc.lines[start:] = figure_tables(read_bar_tables(lines, body.skipped), body.skipped, keep=figures)
    at_tail = tail_start(doc.lines, start)
    appendix_at = next((i for i in range(at_tail, len(doc.lines)) if opens_appendix(doc.lines, i)), len(doc.lines))
    read_tail(body, doc.lines[at_tail:appendix_at])
    paras = paragraphs(doc, _aligned(body, doc.lines[start:at_tail], figures)) + paragraphs(
        doc, _aligned(body, doc.lines[appendix_at:], figures), appendix_first=True
    )
    paras = join_topic_wraps(move_trailing_numbers(join_bare_numbers(paras)))
    joins = read_syllables(paras)
    paras, legal = read_legal(paras)
    Walker(body, paras, registry, doc_type, legal).run()
    appendix.deadlines(body)
    written_back(body, joins)
    return body


def _aligned(body: Body, lines: list[Line], figures: bool) -> list[Line]:
    """The lines with the tables aligned with spaces or stacked one cell per line read (tables of figures
    among them left out, or kept: ``figures``)."""
    return figure_tables(read_aligned_tables(body, lines), body.skipped, keep=figures)
