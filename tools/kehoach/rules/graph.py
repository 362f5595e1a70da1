"""Rules over relations between records: cycles in supersession and in the
unit hierarchy, and citations of documents that were already superseded."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..codes import Code
from ..findings import Finding
from ..index import Entry, Index
from ..kinds import Kind
from ..model import Directive, DirectiveStatus
from .base import Context, at, citations, vn_date


def _cycles(nodes: list[str], edges: Callable[[str], list[str]]) -> list[list[str]]:
    """Each elementary cycle reachable by following ``edges``, once, starting at its smallest id."""
    found: dict[tuple[str, ...], list[str]] = {}
    for start in nodes:
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in edges(node):
                if nxt == start:
                    low = path.index(min(path))
                    cycle = path[low:] + path[:low]
                    found.setdefault(tuple(cycle), cycle)
                elif nxt not in path and nxt > start:  # visit each cycle from its smallest member only
                    stack.append((nxt, [*path, nxt]))
    return list(found.values())


def _report_cycle(index: Index, cycle: list[str], field: str, code: Code, what: str) -> Finding:
    first: Entry = index.entries[cycle[0]]
    chain = " → ".join([*cycle, cycle[0]])
    return at(first, (field,), code, f"vòng lặp {what}: {chain}; bỏ một liên kết để cắt vòng")


def check_supersession_cycles(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    directives = index.directives
    for cycle in _cycles(sorted(directives), lambda d: [s for s in directives[d].supersedes if s in directives]):
        yield _report_cycle(index, cycle, "supersedes", Code.KH310, "thay thế văn bản")


def check_unit_cycles(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    units = index.units
    for cycle in _cycles(sorted(units), lambda u: [p] if (p := units[u].parent) is not None and p in units else []):
        yield _report_cycle(index, cycle, "parent", Code.KH311, "cấp trên")


def successors(index: Index, directive_id: str) -> list[Directive]:
    """Documents that state they supersede ``directive_id`` (derived from their 'supersedes')."""
    refs = index.referrers(directive_id, "supersedes", Kind.DIRECTIVE)
    return [record for ref in refs if isinstance(record := ref.source.record, Directive)]


def check_superseded_citations(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    for entry in ctx.entries():
        for cite in citations(index, entry):
            old = index.directives.get(cite.target)
            if old is None:
                continue
            for new in successors(index, cite.target):
                if new.date and new.date <= cite.when:
                    yield at(
                        entry,
                        (cite.field, cite.position),
                        Code.KH320,
                        f"trích dẫn {old.number or old.title} ({vn_date(old.date)}), đã bị thay thế bởi "
                        f"{new.number or new.title} ngày {vn_date(new.date)}, trước ngày {vn_date(cite.when)} của "
                        f"kế hoạch; nên dẫn '{new.id}'",
                    )


def check_supersession_status(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    for entry, directive in ctx.records(Directive):
        newer = successors(index, directive.id)
        if newer and directive.status is not DirectiveStatus.SUPERSEDED:
            names = ", ".join(n.number or n.title for n in newer)
            yield at(
                entry,
                ("status",),
                Code.KH321,
                f"văn bản đã bị thay thế bởi {names} nhưng ghi 'status: {directive.status.value}'; "
                "sửa thành 'status: superseded'",
            )
        if not newer and directive.status is DirectiveStatus.SUPERSEDED:
            yield at(
                entry,
                ("status",),
                Code.KH322,
                "văn bản ghi đã bị thay thế nhưng kho chưa có văn bản nào ghi 'supersedes' tới nó",
            )
