"""Stage 3 of the flow: every valid record in one index, keyed by id, with the
forward references each record makes. Relations in the other direction are
computed from these, never stored."""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .kinds import Kind
from .load import LoadedFile
from .model import REFERENCE_FIELDS, Directive, Plan, Report, Task, Unit
from .model.common import Record
from .model.plan import Section


@dataclass(slots=True)  # one for every record: without a dictionary each, 10 MB less at 100k records
class Entry:
    kind: Kind
    record: Record
    file: LoadedFile

    @property
    def id(self) -> str:
        return self.record.id

    def position(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        return self.file.positions.of(path)


class Reference(NamedTuple):
    """One id written in a record. A named tuple: a large repository has
    hundreds of thousands, and a tuple is made several times faster than a
    frozen dataclass."""

    source: Entry
    path: tuple[str | int, ...]  # where the reference is written, e.g. ("lead", 0)
    target: str
    kinds: tuple[Kind, ...]  # kinds it may point at
    # The field as REFERENCE_FIELDS names it: 'lead', 'results.task' (the path's
    # names; kept, not joined again: the rules ask for it of every reference).
    field: str


@dataclass
class Index:
    entries: dict[str, Entry] = field(default_factory=dict)
    files: list[LoadedFile] = field(default_factory=list)
    # Files that could not be read as records, by file name stem: a reference to
    # one of them is explained as a consequence, not as a missing record.
    broken: dict[str, LoadedFile] = field(default_factory=dict)

    # Built once, after the index is complete; the index is not changed afterwards.
    @cached_property
    def outgoing(self) -> dict[str, list[Reference]]:
        """Record id -> the references written in it, in the order written."""
        return {record_id: references(entry) for record_id, entry in self.entries.items()}

    @cached_property
    def incoming(self) -> dict[str, list[Reference]]:
        """Target id -> the references pointing at it: every back-link comes from here."""
        return self._links()[0]

    @cached_property
    def _incoming_by_field(self) -> dict[str, dict[str, list[Reference]]]:
        """Field name -> target id -> the references written in that field, all fields in one pass
        (a site at 10,000 records asks for a dozen fields tens of thousands of times)."""
        return self._links()[1]

    def _links(self) -> tuple[dict[str, list[Reference]], dict[str, dict[str, list[Reference]]]]:
        """``incoming`` and ``_incoming_by_field`` in one pass over every reference
        (both are asked for by the rules of every check), each kept once made."""
        links: dict[str, list[Reference]] = {}
        by_field: dict[str, dict[str, list[Reference]]] = {}
        for refs in self.outgoing.values():
            if not refs:
                continue
            fields = REFERENCE_FIELDS.get(refs[0].source.kind, {})  # one source for a record's references
            for ref in refs:
                target = ref.target
                found = links.get(target)
                if found is None:
                    links[target] = [ref]
                else:
                    found.append(ref)
                name = ref.field
                if name in fields:
                    targets = by_field.get(name)
                    if targets is None:
                        targets = by_field[name] = {}
                    found = targets.get(target)
                    if found is None:
                        targets[target] = [ref]
                    else:
                        found.append(ref)
        self.__dict__["incoming"] = links
        self.__dict__["_incoming_by_field"] = by_field
        return links, by_field

    @cached_property
    def targets(self) -> Set[str]:
        """Every id some record names (the keys of ``incoming``, without listing the
        references to each: what tells whether a record is named at all)."""
        if "incoming" in self.__dict__:
            return self.incoming.keys()
        return {ref.target for refs in self.outgoing.values() for ref in refs}

    @cached_property
    def superseding(self) -> dict[str, list[Reference]]:
        """Directive id -> the references to it in the 'supersedes' of other directives, in
        the order ``referrers`` gives them (only the directives' references are gone through)."""
        if "_incoming_by_field" in self.__dict__:
            by_field = self._incoming_by_field.get("supersedes", {})
            return {target: [r for r in refs if r.source.kind is Kind.DIRECTIVE] for target, refs in by_field.items()}
        found: dict[str, list[Reference]] = {}
        outgoing = self.outgoing
        for entry in self.of_kind(Kind.DIRECTIVE):
            for ref in outgoing[entry.id]:
                if ref.field == "supersedes":
                    found.setdefault(ref.target, []).append(ref)
        return found

    def referrers(self, target: str, field_name: str | None = None, kind: Kind | None = None) -> list[Reference]:
        """References to ``target``, optionally only from ``field_name`` of records of ``kind``."""
        if field_name is None:
            refs = self.incoming.get(target)
        else:
            through = self._incoming_by_field.get(field_name)
            refs = None if through is None else through.get(target)
        if not refs:  # most records, for most fields (asked for every task by every check)
            return []
        if kind is None:
            return list(refs)
        return [ref for ref in refs if ref.source.kind == kind]

    @cached_property
    def _by_kind(self) -> dict[Kind, list[Entry]]:
        kinds: dict[Kind, list[Entry]] = {}
        for entry in self.entries.values():
            kinds.setdefault(entry.kind, []).append(entry)
        return kinds

    def prepare(self) -> None:
        """Compute now what the rules ask of the index (computed once, before
        the rules are shared between two processes, rather than in each)."""
        for name in _PREPARED:
            getattr(self, name)

    def of_kind(self, kind: Kind) -> Iterator[Entry]:
        return iter(self._by_kind.get(kind, ()))

    def get(self, record_id: str, kind: Kind | None = None) -> Entry | None:
        entry = self.entries.get(record_id)
        return entry if entry and (kind is None or entry.kind == kind) else None

    def label(self, record_id: str) -> str:
        """Human name of a record, for messages: the unit name, the document number..."""
        entry = self.entries.get(record_id)
        if entry is None:
            return record_id
        return describe(entry.record)

    @cached_property
    def units(self) -> dict[str, Unit]:
        return {e.id: e.record for e in self.of_kind(Kind.UNIT) if isinstance(e.record, Unit)}

    @cached_property
    def plans(self) -> dict[str, Plan]:
        return {e.id: e.record for e in self.of_kind(Kind.PLAN) if isinstance(e.record, Plan)}

    @cached_property
    def directives(self) -> dict[str, Directive]:
        return {e.id: e.record for e in self.of_kind(Kind.DIRECTIVE) if isinstance(e.record, Directive)}

    @cached_property
    def tasks(self) -> dict[str, Task]:
        return {e.id: e.record for e in self.of_kind(Kind.TASK) if isinstance(e.record, Task)}

    @cached_property
    def reports(self) -> dict[str, Report]:
        return {e.id: e.record for e in self.of_kind(Kind.REPORT) if isinstance(e.record, Report)}


# Index.prepare: the index's cached views that the rules use.
_PREPARED = (
    "outgoing",
    "incoming",
    "_incoming_by_field",
    "targets",
    "superseding",
    "_by_kind",
    "units",
    "plans",
    "directives",
    "tasks",
    "reports",
)


def describe(record: Record) -> str:
    if isinstance(record, Unit):
        return record.name
    if isinstance(record, Directive):
        return record.name
    if isinstance(record, Plan | Report):
        return record.number or record.title
    if isinstance(record, Task):
        return record.title or record.id
    return record.id


# Each kind's reference fields split once: (field, field inside each list item or "", kinds, the whole name).
_REFERENCE_LAYOUT: dict[Kind, tuple[tuple[str, str, tuple[Kind, ...], str], ...]] = {
    kind: tuple((name.partition(".")[0], name.partition(".")[2], kinds, name) for name, kinds in fields.items())
    for kind, fields in REFERENCE_FIELDS.items()
}


def references(entry: Entry) -> list[Reference]:
    """Every forward reference written in ``entry``, with where it is written.
    (Written out in one function, without generators: it runs for every record
    of a repository.)"""
    found: list[Reference] = []
    add = found.append
    make = Reference._make
    record = entry.record
    for outer, inner, kinds, name in _REFERENCE_LAYOUT[entry.kind]:
        value = getattr(record, outer)
        if value is None:
            continue
        if inner:
            for i, item in enumerate(value):
                targets = getattr(item, inner)
                if targets is None:
                    continue
                if isinstance(targets, list):
                    for j, target in enumerate(targets):
                        add(make((entry, (outer, i, inner, j), target, kinds, name)))
                else:
                    add(make((entry, (outer, i, inner), targets, kinds, name)))
        elif isinstance(value, list):
            for i, target in enumerate(value):
                add(make((entry, (outer, i), target, kinds, name)))
        else:
            add(make((entry, (outer,), value, kinds, name)))
    return found


def section_paths(sections: list[Section], prefix: str = "") -> Iterator[str]:
    """Keys of a plan's sections as tasks write them: 'II', 'II.6', 'II.6.1'.

    A sub-section numbered '6.1' inside '6' contributes only its last component,
    so the key never repeats the parent's number."""
    for section in sections:
        last = section.number.rstrip(".-").split(".")[-1]
        key = f"{prefix}.{last}" if prefix else last
        yield key
        yield from section_paths(section.sections, key)


def entry_of(loaded: LoadedFile, record: Record) -> tuple[Entry, list[Reference]] | None:
    """A record's entry and the references written in it, made once the record is
    read (what ``build`` would make of it); None for a record that is never indexed."""
    if loaded.kind is None:
        return None
    entry = Entry(loaded.kind, record, loaded)
    return entry, references(entry)


def build(files: list[LoadedFile], records: list[tuple[LoadedFile, Record]]) -> tuple[Index, list[list[Entry]]]:
    """Index valid records by id; return the index and the groups of records sharing an id.
    ``records``: the valid records of ``files`` (a file's at most once), in the files' order.

    Of records sharing an id, the one whose file is named after it is indexed."""
    index = Index(files=files)
    entries = index.entries  # each id where it is first seen (its place in the index)
    groups: dict[str, list[Entry]] = {}  # only the ids seen more than once (nearly none)
    for loaded, record in records:
        if loaded.kind is not None:  # always so: the model stage needs the kind to make a record
            entry = Entry(loaded.kind, record, loaded)
            record_id = record.id
            held = entries.get(record_id)
            if held is None:
                entries[record_id] = entry
            elif record_id in groups:
                groups[record_id].append(entry)
            else:
                groups[record_id] = [held, entry]
    for record_id, group in groups.items():
        group.sort(key=lambda e: (e.file.rel.stem != record_id, str(e.file.rel)))
        entries[record_id] = group[0]  # at the place the id was first seen
    if len(records) == len(files):  # every file holds a valid record: none is broken
        index.broken = {}
    else:
        valid = {id(loaded) for loaded, _ in records}
        index.broken = {f.rel.stem: f for f in files if id(f) not in valid}
    return index, [groups[record_id] for record_id in entries if record_id in groups] if groups else []
