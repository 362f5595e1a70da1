"""Rules over relations between records: cycles in supersession and in the
unit hierarchy, and citations of documents that were already superseded."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

from ..codes import Code
from ..findings import Finding
from ..index import Entry, Index
from ..model import Directive, DirectiveStatus, Plan, Task
from .base import Context, at, citations, vn_date


def _components(nodes: list[str], edges: Callable[[str], list[str]]) -> list[list[str]]:
    """The strongly connected components of the graph, by Tarjan's algorithm written
    without recursion (a chain 10,000 deep must not reach Python's recursion limit):
    O(V + E), each edge followed once."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in nodes:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges(root)))]
        while work:
            node, pending = work[-1]
            for nxt in pending:
                if nxt not in order:
                    order[nxt] = low[nxt] = len(order)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges(nxt))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], order[nxt])
            else:  # every edge of ``node`` followed
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == order[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    return found


def _shortest_cycle(start: str, members: set[str], edges: Callable[[str], list[str]]) -> list[str] | None:
    """The shortest cycle from ``start`` back to itself inside ``members`` (breadth first, O(V + E))."""
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in edges(node):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return path[::-1]
            if nxt in members and nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return None


def _cycles(nodes: list[str], edges: Callable[[str], list[str]]) -> list[tuple[list[str], int]]:
    """One cycle for each group of records that reach each other (a strongly connected
    component with a cycle): the shortest one through the group's smallest id, starting
    there, with the size of the group. Linear in records and links; listing every
    elementary cycle instead would take exponential time on dense graphs."""
    cycles = []
    for component in _components(nodes, edges):
        start = min(component)
        cycle = _shortest_cycle(start, set(component), edges)
        if cycle is not None:  # a single record without a link to itself has none
            cycles.append((cycle, len(component)))
    return sorted(cycles)


def _report_cycle(index: Index, found: tuple[list[str], int], field: str, code: Code, what: str) -> Finding:
    cycle, group = found
    first: Entry = index.entries[cycle[0]]
    chain = " → ".join([*cycle, cycle[0]])
    more = f" (cả nhóm {group} mã nối vòng với nhau, còn vòng khác ngoài vòng này)" if group > len(cycle) else ""
    return at(first, (field,), code, f"vòng lặp {what}: {chain}{more}; bỏ một liên kết để cắt vòng")


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
    refs = index.superseding.get(directive_id, ())
    return [record for ref in refs if isinstance(record := ref.source.record, Directive)]


def check_superseded_citations(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    # The documents some other states it supersedes: a citation of any other has nothing to report.
    superseded = {d for d in index.directives if index.superseding.get(d)}
    if not superseded:
        return
    for entry in ctx.entries():
        record = entry.record
        cited = record.basis if isinstance(record, Plan) else record.implements if isinstance(record, Task) else ()
        if superseded.isdisjoint(cited):
            continue
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
                        f"trích dẫn {old.name} ({vn_date(old.date)}), đã bị thay thế bởi "
                        f"{new.name} ngày {vn_date(new.date)}, trước ngày {vn_date(cite.when)} của "
                        f"kế hoạch; nên dẫn '{new.id}'",
                    )


def check_supersession_status(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    for entry, directive in ctx.records(Directive):
        newer = successors(index, directive.id)
        if newer and directive.status is not DirectiveStatus.SUPERSEDED:
            names = ", ".join(n.name for n in newer)
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
