"""What a change reaches: the records whose findings an edit, an addition or a
removal can alter (found in the stored state by path, id, reference and group
key), the records the rules must read to check them, and those rules run again
over just these. ``recheck`` answers None when the change can reach further than
the state can tell: the caller then checks everything."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..config import Config
from ..kinds import Kind
from ..load import LoadedFile, read_bytes
from ..load.cache import RecordCache
from ..load.files import record_kind
from .state import BROKEN, DANGLING, WIDE, Row, Store, Summary, row_of

if TYPE_CHECKING:  # imported where used: a check with nothing changed never needs the model
    from ..index import Entry
    from ..model.common import Record

# The rules whose reads ``_affected`` and ``_reads`` were written for. A rule added
# later makes every change a full check until they are brought up to date with it.
FOLLOWED_RULES = frozenset(
    {
        "file_names", "duplicates", "task_folders", "task_order", "case_collisions", "same_document",
        "references", "sections", "supersession_cycles", "unit_cycles", "superseded_citations",
        "supersession_status", "type_codes", "issuer_codes", "cited_dates", "task_dates", "unit_validity",
        "completion", "overdue", "lead", "uncited", "five_clear", "covered_plans", "result_dates",
        "done_twice", "figure_units", "period", "result_targets",
    }
)  # fmt: skip

Fresh = dict[str, tuple[LoadedFile, "Record | None"]]  # changed files, read and validated

CYCLE_FIELDS = {Kind.UNIT.value: "parent", Kind.DIRECTIVE.value: "supersedes"}  # the links cycles are made of


def _facts(record: Record, rel: str) -> tuple[Any, ...]:
    """What the repository-wide rules without keys compare (an edit changing it is
    checked in full): the file's stem (which record of a duplicated id is indexed,
    which broken file a reference names), unit parents, supersession."""
    from ..model import Directive, Unit

    stem = PurePosixPath(rel).stem
    if isinstance(record, Directive):
        return (stem, record.supersedes)
    if isinstance(record, Unit):
        return (stem, record.parent)
    return (stem,)


def _group_keys(record: Record) -> tuple[str, ...]:
    """The keys the repository-wide rules group ``record`` by (``Rule.groups``)."""
    from ..rules.registry import RULES

    return tuple(
        f"{rule.name}:{key!r}" for rule in RULES if rule.groups is not None and (key := rule.groups(record)) is not None
    )


def _spellings(kind: str, record: Record) -> tuple[str, ...]:
    """The names ``resolve.Suggester`` knows a record by, and its label in messages."""
    from ..index import describe
    from ..resolve import suggestion_spellings

    return (record.id, *(name or "" for name in suggestion_spellings(kind, record)), describe(record))


def summarise(entry: Entry) -> Summary:
    from ..index import references

    targets = tuple((str(ref.path[0]), ref.target) for ref in references(entry))
    facts = _facts(entry.record, str(entry.file.rel))
    spellings = _spellings(entry.kind.value, entry.record)
    return Summary(entry.kind.value, entry.id, facts, targets, spellings, _group_keys(entry.record))


def read_file(root: Path, rel: str) -> tuple[LoadedFile, bytes | None]:
    path = PurePosixPath(rel)
    loaded = LoadedFile(path, record_kind(path))
    return loaded, read_bytes(os.path.join(root, rel), loaded, root)


def _parsed(loaded: LoadedFile, data: bytes | None) -> tuple[LoadedFile, Record | None]:
    from ..read import parse_record

    return loaded, parse_record(data, loaded) if data is not None else None


def _cached(root: Path, rel: str, cache: RecordCache) -> tuple[LoadedFile, Record | None]:
    """An unchanged file read as the full check reads it (``read.read_one``): from the
    record cache when it holds this content (no parsing, no validation), else parsed
    (a missing, damaged or stale entry is only a miss)."""
    from ..read import read_one

    _, loaded, record, _ = read_one(root, rel, None, cache)
    return loaded, record


def _entry(loaded: LoadedFile, record: Record | None) -> Entry:
    """A changed file's record (valid and of a known kind: ``recheck`` made sure)."""
    from ..index import Entry

    assert loaded.kind is not None and record is not None
    return Entry(loaded.kind, record, loaded)


class _Around:
    """The stored graph around the changed records: summaries fetched by path as
    needed, the changed records' summaries before the change (edited and removed
    files) and after it (edited and added files)."""

    def __init__(self, store: Store, old: dict[str, Summary], new: dict[str, Summary], removed: set[str]) -> None:
        self.store = store
        self.old = old
        self.new = new
        self.removed = removed
        self.changed = set(old) | set(new)
        self.known: dict[str, Summary] = dict(old)

    def summaries(self, paths: Iterable[str]) -> dict[str, Summary]:
        """The stored summaries of ``paths`` (as before the change)."""
        paths = list(paths)
        wanted = [p for p in paths if p not in self.known and p not in self.new]
        if wanted:
            self.known.update(self.store.summaries(wanted))
        return {p: self.known[p] for p in paths if p in self.known}

    def current(self, paths: Iterable[str]) -> dict[str, Summary]:
        """The summaries of ``paths`` after the change (none for removed files)."""
        found = self.summaries(p for p in paths if p not in self.new and p not in self.removed)
        found.update({p: self.new[p] for p in paths if p in self.new})
        return found

    def targets(self, paths: Iterable[str], field: str | None = None) -> set[str]:
        """Ids the records at ``paths`` name (in ``field``), before and after the change."""
        paths = list(paths)
        ids: set[str] = set()
        for summary in (*self.summaries(paths).values(), *(self.new[p] for p in paths if p in self.new)):
            ids.update(target for name, target in summary.targets if field is None or name == field)
        return ids

    def paths(self, ids: Iterable[str]) -> set[str]:
        """Paths of the records with ``ids``, before and after the change."""
        ids = set(ids)
        return set(self.store.paths_of(ids).values()) | {p for p, s in self.new.items() if s.id in ids}

    def ids(self, paths: Iterable[str], kind: Kind | None = None) -> set[str]:
        return {s.id for s in self.current(paths).values() if kind is None or s.kind == kind}

    def referrers(self, ids: set[str], field: str | None = None, kind: str | None = None) -> set[str]:
        """Paths of the records naming any of ``ids``, before and after the change."""
        found = self.store.referrers(ids, field, kind)
        for rel, summary in self.new.items():
            if (kind is None or summary.kind == kind) and any(
                t in ids and (field is None or f == field) for f, t in summary.targets
            ):
                found.add(rel)
        return found

    def reports_on(self, task_ids: set[str]) -> set[str]:
        """Paths of the reports giving a result for any of the tasks (stored, and changed now)."""
        return self.referrers(task_ids, "results", Kind.REPORT.value)

    def sharing(self, paths: Iterable[str]) -> set[str]:
        """Records grouped with those at ``paths`` by a repository-wide rule (a key
        they share, before or after the change), themselves included."""
        paths = set(paths)
        keys = {k for p in paths & self.changed for s in (self.old.get(p), self.new.get(p)) if s for k in s.keys}
        keys |= {k for s in self.summaries(paths - self.changed).values() for k in s.keys}
        return self.store.sharing(keys) | {p for p, s in self.new.items() if keys.intersection(s.keys)}


def _affected(around: _Around) -> set[str]:
    """Files whose findings the change can alter: the changed records, those naming
    them, those they name, those citing a document they supersede, those sharing a
    key a repository-wide rule compares; and for the reports' rules, the reports on
    the tasks a changed report names, on a changed task, or on the tasks of a changed
    plan (a task's periods follow its plan)."""
    changed = around.changed
    summaries = [*around.old.values(), *around.new.values()]
    affected = set(changed)
    affected |= around.referrers({s.id for s in summaries})
    affected |= around.paths(around.targets(changed))
    affected |= around.referrers(around.targets(changed, "supersedes"))  # unchanged: supersession is a fact
    affected |= around.sharing(changed)
    reports = [rel for rel in changed if (around.old.get(rel) or around.new[rel]).kind == Kind.REPORT]
    tasks = around.ids(around.paths(around.targets(reports, "results")), Kind.TASK)
    tasks |= {s.id for s in summaries if s.kind == Kind.TASK}
    plans = {s.id for s in summaries if s.kind == Kind.PLAN}
    if plans:
        tasks |= around.ids(around.referrers(plans, "plan", Kind.TASK.value))
    return (affected | around.reports_on(tasks)) - around.removed


def _reads(around: _Around, affected: set[str]) -> set[str]:
    """Files the local rules read to check the ``affected`` records: the records
    they name and the documents superseding those, the documents superseding them,
    one other record naming each (whether anything cites it), the records sharing
    a key with them, every report on an affected task, and for an affected report
    its tasks' plans and every report on its tasks (a task done twice)."""
    needed = set(affected)
    targets = around.targets(affected)
    needed |= around.paths(targets)
    needed |= around.referrers(targets, "supersedes")
    summaries = around.current(affected)
    ids = {s.id for s in summaries.values()}
    needed |= around.referrers(ids, "supersedes")
    needed |= _one_other(around, ids)
    needed |= around.sharing(affected)
    reports = [rel for rel, s in summaries.items() if s.kind == Kind.REPORT]
    reported_paths = around.paths(around.targets(reports, "results"))
    reported = around.ids(reported_paths, Kind.TASK)
    needed |= around.paths(around.targets(reported_paths, "plan"))
    reported |= {s.id for s in summaries.values() if s.kind == Kind.TASK}
    return (needed | around.reports_on(reported)) - around.removed


def _one_other(around: _Around, ids: set[str]) -> set[str]:
    """For each id, one record naming it other than the changed ones (these are read anyway)."""
    found: set[str] = set()
    for record_id in ids:
        others = around.store.referrers({record_id}) - around.changed
        if others:
            found.add(min(others))
    return found


def _local_set_change(
    store: Store, fresh: Fresh, added: set[str], removed: set[str], old: dict[str, Summary]
) -> dict[str, Summary] | None:
    """The added records' summaries when adding and removing these files changes
    only what the records around them can see; None when it can reach further: a
    dangling reference asking for a record of a kind added or removed (its
    suggestions compare every record of that kind), a path
    equal to another but for case, an id already used (or re-used by a record
    unlike the one removed), an added record named by a record already there (a
    reference that dangled) or closing a chain of units or supersession on itself,
    a broken file added or removed whose name a record uses."""
    changed = added | removed
    folds = [rel.casefold() for rel in changed]
    if len(set(folds)) < len(folds) or store.same_folded(changed) - removed:
        return None
    new = _added_summaries(store, fresh, added, removed, old)
    if new is None:
        return None
    gone = {s.id: s for rel, s in old.items() if rel in removed}
    if not _ids_stay_local(store, new, gone, removed):
        return None
    kinds = {s.kind for s in new.values()} | {s.kind for s in gone.values()}
    if kinds & _dangling_kinds(store):
        return None  # a dangling reference whose suggestions may now name another record
    fresh_ids = {s.id for s in new.values()} - gone.keys()
    for summary in new.values():
        link = CYCLE_FIELDS.get(summary.kind)
        if link and any(f == link and t in fresh_ids for f, t in summary.targets):
            return None
    return new


def _added_summaries(
    store: Store, fresh: Fresh, added: set[str], removed: set[str], old: dict[str, Summary]
) -> dict[str, Summary] | None:
    """The summaries of the records added; None when a file added or removed that is
    not a record (a broken one) has a name some record uses."""
    new: dict[str, Summary] = {}
    for rel in added:
        loaded, record = fresh[rel]
        if record is None:
            if store.referrers({PurePosixPath(rel).stem}) - removed:
                return None
            continue
        new[rel] = summarise(_entry(loaded, record))
    for rel in removed - old.keys():  # a file that was not read as a record: references to its name said so
        if store.referrers({PurePosixPath(rel).stem}) - removed:
            return None
    return new


def _ids_stay_local(store: Store, new: dict[str, Summary], gone: dict[str, Summary], removed: set[str]) -> bool:
    """False when an added record's id is used twice, re-used by a record unlike the one
    removed, held by a record already there, or named by one (a reference that dangled)."""
    ids = [s.id for s in new.values()]
    if len(set(ids)) < len(ids):
        return False
    held = store.paths_of(ids)
    for summary in new.values():
        before = gone.get(summary.id)
        if before is not None:  # moved or renamed: the same record elsewhere
            if (before.kind, before.facts[1:]) != (summary.kind, summary.facts[1:]):
                return False
        elif summary.id in held and held[summary.id] not in removed:
            return False  # a duplicate id
        elif store.referrers({summary.id}) - removed:
            return False
    return True


def _dangling_kinds(store: Store) -> set[str]:
    """The kinds of records the dangling references of the repository ask for (their
    suggestions are drawn from the records of those kinds only)."""
    from ..model import REFERENCE_FIELDS

    kinds: set[str] = set()
    for kind, field in store.dangling_fields():
        for name, wanted in REFERENCE_FIELDS.get(Kind(kind), {}).items():
            if name.partition(".")[0] == field:
                kinds.update(k.value for k in wanted)
    return kinds


def recheck(
    root: Path,
    store: Store,
    contents: dict[str, tuple[LoadedFile, bytes | None]],
    added: set[str] = frozenset(),  # type: ignore[assignment]
    removed: set[str] = frozenset(),  # type: ignore[assignment]
) -> tuple[dict[str, list[Row]], dict[str, Summary], set[str]] | None:
    """The findings of every file the change can affect, the changed and added
    records' new summaries and the changed files still not read as records; None
    when the change calls for checking everything again."""
    from ..rules.registry import RULES

    if not all(rule.name in FOLLOWED_RULES for rule in RULES) or store.any_flagged(WIDE, [*contents, *removed]):
        return None
    fresh = {rel: _parsed(*contents[rel]) for rel in contents}
    old = store.summaries([*(rel for rel in fresh if rel not in added), *removed])
    new: dict[str, Summary] = {}
    if added or removed:
        found = _local_set_change(store, fresh, added, removed, old)
        if found is None:
            return None
        new.update(found)
    # A file that was not read as a record and still is not (its YAML or its fields
    # still wrong) is alone: no record names it, and the records naming its name
    # only say that it has errors. Only its own findings change.
    broken = store.flagged_paths(BROKEN, fresh)
    alone = {rel for rel, (_, record) in fresh.items() if record is None and rel in broken and contents[rel][1]}
    alone |= {rel for rel in added if fresh[rel][1] is None}  # _local_set_change made sure no record names it
    for rel, (loaded, record) in fresh.items():
        if rel in alone or rel in added:
            continue
        before = old.get(rel)
        if record is None or before is None or loaded.kind != before.kind or record.id != before.id:
            return None  # made valid or invalid, another kind or id
        if _facts(record, rel) != before.facts:
            return None
        new[rel] = summarise(_entry(loaded, record))
    edited = [rel for rel in new if rel not in added]
    if any(new[rel].spellings != old[rel].spellings for rel in edited) and store.any_flagged(DANGLING):
        return None  # a name a suggestion may show changed while a reference dangles
    around = _Around(store, old, new, removed)
    affected = _affected(around) | alone
    rows = _run_rules(root, store, fresh, affected, _reads(around, affected) | alone, bool(added or removed))
    return None if rows is None else (rows, new, alone)


def _run_rules(
    root: Path, store: Store, fresh: Fresh, affected: set[str], needed: set[str], ids_changed: bool = False
) -> dict[str, list[Row]] | None:
    from ..index import build
    from ..pipeline import settle
    from ..rules.base import Context
    from ..rules.registry import RULES, Reads

    read = dict(fresh)
    cache = RecordCache(root)  # the unchanged records as the full check takes them, without parsing them again
    read.update({rel: _cached(root, rel, cache) for rel in sorted(needed - fresh.keys())})
    in_order = sorted(read, key=lambda r: PurePosixPath(r).parts)  # as the full check lists them
    files = [read[rel][0] for rel in in_order]
    valid = [(read[rel][0], rec) for rel in in_order if (rec := read[rel][1]) is not None]
    index, _ = build(files, valid)
    context = Context(index, store.meta["today"], frozenset(affected), kept=frozenset(affected))
    findings = [f for rel in affected for f in read[rel][0].findings]
    for rule in RULES:
        if rule.reads is not Reads.ALL or rule.groups is not None:  # grouped: every record sharing a key is read
            findings.extend(f for f in rule.check(context) if f.path in affected)
    findings = settle(findings, Config(), index)
    if any(f.code == Code.KH301 and (ids_changed or f.path in fresh) for f in findings):
        return None  # a dangling reference in a changed file, or after a record went: suggestions compare every record
    if ids_changed and store.any_flagged(DANGLING, affected):
        return None  # a reference that dangled may name an added record now
    # Kept from the last check: the findings of the repository-wide rules without
    # keys (their facts did not change), and the dangling references of unchanged
    # files (no id appeared or went, no name changed while one dangles: their
    # suggestions are the same).
    wide: frozenset[str] = store.meta["wide"]
    stored = store.rows(affected)

    def kept(code: str, changed: bool) -> bool:
        return code in wide or (code == Code.KH301 and not changed)

    rows = {rel: [row for row in stored.get(rel, ()) if kept(row[2], rel in fresh)] for rel in affected}
    for finding in findings:
        if not kept(finding.code, finding.path in fresh):
            rows[finding.path].append(row_of(finding))
    for found in rows.values():
        found.sort()
    return rows
