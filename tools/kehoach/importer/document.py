"""One document to drafts: its header says whether it is a report (``report``:
a report record, plus a plan for its programme part) or a plan of any type
(``draft``: plan, programme, plan issued by a decision, letter assigning work)."""

from __future__ import annotations

from ..index import Index
from . import header as head
from . import report, source
from .draft import Outcome, build_plan


def build(doc: source.Document, index: Index, issuer: str | None = None) -> Outcome:
    header = head.parse(doc)
    if report.is_report(header):
        return report.build(doc, header, index, issuer)
    outcome = build_plan(doc, header, index, issuer)
    if header.headerless and not outcome.tasks:
        raise head.HeaderError(head.NO_HEADER)  # no header and no work: not a document this reads
    return outcome
