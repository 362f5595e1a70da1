"""Checking what a change can affect, not the whole repository again.

The last check of a working tree is kept in the user's cache folder (beside the
record cache): each file's stat signature, its findings (before the
repository's configuration is applied), and for each record what the rules
that look across records read of it. A check then

- returns the stored findings when no file changed (nothing is parsed);
- when some files changed, parses them and the records around them, re-runs
  the rules that read a record and its neighbours on the records whose
  findings can depend on the change, and keeps every other file's findings;
- checks everything again (through the record cache) when the change can
  reach further: a repository with reports (their results reach across plans),
  a file added, removed, made valid or invalid, a record's
  identity or one of the facts compared across the whole repository changed
  (ids, task order, document numbers, supersession, unit parents), a finding
  of a repository-wide rule sits in a changed file, any reference is dangling
  (its suggestions compare every record), the check date or the code changed.

The result is the full check's, finding by finding (tests/test_incremental.py
compares them over random edit sequences)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from .atomic import write_atomic
from .codes import Code
from .config import Config
from .findings import Finding, Severity
from .index import Entry, Index, build, references
from .kinds import RECORDS_DIR, Kind
from .load import LoadedFile, read_bytes
from .load.cache import _code_version, cache_folder, content_key
from .load.files import is_record_name, record_kind
from .model import Directive, Plan, Task, Unit
from .model.common import Record
from .pipeline import Checked, check, settle
from .read import parse_record
from .rules.base import Context
from .rules.registry import KNOCK_ON_CODES, RULES, Reads
from .sources import WorkingTree

STATE_FILE = "last-check.pickle"
GRAPH_FILE = "last-check-records.pickle"
REWRITE_AFTER = 1000  # summaries revised before the records' file is written afresh
RACY_NS = 2_000_000_000  # a file changed this close to a check may have changed again unseen

LOCAL_RULES = tuple(rule for rule in RULES if rule.reads is not Reads.ALL)
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
ALL_FOLLOWED = all(rule.name in FOLLOWED_RULES for rule in RULES)
WIDE_CODES = frozenset(code for rule in RULES if rule.reads is Reads.ALL for code in rule.codes)

Signature = tuple[int, int, int, int] | None  # mtime ns, ctime ns, size, inode; None: look again


class Summary(NamedTuple):
    """What the last check knew of one indexed record (a tuple: a large repository
    has a hundred thousand, loaded on every check that finds a change)."""

    kind: str
    id: str
    facts: tuple[Any, ...]  # what the repository-wide rules compare
    targets: tuple[tuple[str, str], ...]  # (field, id) of every reference written in it
    spellings: tuple[str, ...]  # what suggestions for a dangling reference compare


Row = tuple[int, int, str, str, str]  # a finding in its file: line, col, code, message, severity


def _row(finding: Finding) -> Row:
    return (finding.line, finding.col, str(finding.code), finding.message, finding.severity.value)


_CODES: dict[str, Code] = {code.value: code for code in Code}
_SEVERITIES: dict[str, Severity] = {severity.value: severity for severity in Severity}


def _finding(path: str, row: Row) -> Finding:
    line, col, code, message, severity = row
    return Finding(path, line, col, _CODES[code], message, _SEVERITIES[severity])


@dataclass
class State:
    """The last check. Saved as two files: what every check needs (the files'
    signatures and findings), and the records' summaries, read only when a
    file changed."""

    version: str
    today: dt.date
    generation: str  # names the records' summaries saved with these findings
    signatures: dict[str, Signature] = field(default_factory=dict)
    findings: dict[str, list[Row]] = field(default_factory=dict)  # before configuration
    # Summaries changed since the records' file was written, saved with the findings:
    # a check after an edit rewrites a few summaries, not a hundred thousand.
    revised: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    # Content keys of the files read when they had just changed (no signature yet):
    # the next check reads them again, and finds them unchanged without re-checking.
    keys: dict[str, bytes] = field(default_factory=dict)
    records: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # path -> its indexed record's Summary
    by_id: dict[str, str] = field(default_factory=dict)  # id -> path of the indexed record
    referrers: dict[str, set[str]] = field(default_factory=dict)  # id -> paths of records naming it
    successors: dict[str, set[str]] = field(default_factory=dict)  # id -> paths of records superseding it

    def summary(self, rel: str) -> Summary:
        return Summary._make(self.records[rel])

    def link(self, rel: str, summary: Summary) -> None:
        self.records[rel] = tuple(summary)
        self.by_id[summary.id] = rel
        for name, target in summary.targets:
            self.referrers.setdefault(target, set()).add(rel)
            if name == "supersedes":
                self.successors.setdefault(target, set()).add(rel)

    def unlink(self, rel: str) -> None:
        summary = Summary._make(self.records.pop(rel))
        for name, target in summary.targets:
            self.referrers.get(target, set()).discard(rel)
            if name == "supersedes":
                self.successors.get(target, set()).discard(rel)

    def all_findings(self) -> list[Finding]:
        """Every finding, in the order of a check's output (each file's rows are kept sorted)."""
        findings = self.findings
        return [_finding(path, row) for path in sorted(findings) for row in findings[path]]


def _facts(record: Record, rel: str) -> tuple[Any, ...]:
    stem = PurePosixPath(rel).stem
    if isinstance(record, Task):
        return (stem, record.plan, record.order)
    if isinstance(record, Directive):
        return (stem, record.issuer, record.number, record.date.year if record.date else None, record.supersedes)
    if isinstance(record, Plan):
        return (stem, record.issuer, record.number, record.date.year if record.date else None)
    if isinstance(record, Unit):
        return (stem, record.parent)
    return (stem,)


def _spellings(record: Record) -> tuple[str, ...]:
    """The names ``rules.references.Suggester`` knows a record by."""
    if isinstance(record, Unit):
        return (record.id, record.name, *record.short_names, *record.aliases)
    if isinstance(record, Directive | Plan):
        return (record.id, record.number or "", record.title)
    return (record.id,)


def _summary(entry: Entry) -> Summary:
    targets = tuple((str(ref.path[0]), ref.target) for ref in references(entry))
    facts = _facts(entry.record, str(entry.file.rel))
    return Summary(entry.kind.value, entry.id, facts, targets, _spellings(entry.record))


def _signatures(root: Path, since_ns: int) -> dict[str, Signature]:
    """The signature of every file ``load.files.walk`` lists, taken in one walk
    (a file changed moments before the check has none: it is read again)."""
    found: dict[str, Signature] = {}
    since = since_ns - RACY_NS

    def sign(entry: os.DirEntry[str], rel: str) -> None:
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            found[rel] = None
            return
        recent = st.st_mtime_ns >= since or st.st_ctime_ns >= since
        found[rel] = None if recent else (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)

    def visit(folder: str, prefix: str) -> None:  # lists what load.files.walk lists
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            found[prefix.rstrip("/")] = None
            return
        for entry in entries:
            try:
                if is_record_name(entry.name):
                    sign(entry, prefix + entry.name)
                elif not entry.is_symlink() and entry.is_dir(follow_symlinks=False):
                    visit(entry.path, prefix + entry.name + "/")
            except OSError:
                continue

    if (root / RECORDS_DIR).is_dir():
        visit(os.path.join(root, RECORDS_DIR), RECORDS_DIR + "/")
    return found


def _state_paths(root: Path) -> tuple[Path, Path]:
    folder = cache_folder(root)
    return folder / STATE_FILE, folder / GRAPH_FILE


def _unpickle(path: Path) -> Any:
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except Exception:  # missing, damaged or of another shape: check everything
        return None


def _load(root: Path) -> State | None:
    """The last check's signatures and findings (its records' summaries are read by ``_load_graph``)."""
    stored = _unpickle(_state_paths(root)[0])
    if not (isinstance(stored, tuple) and len(stored) == 7 and stored[0] == _code_version()):
        return None
    return State(*stored)


def _load_graph(root: Path, state: State) -> bool:
    """Fill ``state`` with the records' summaries saved with it; False if they are missing."""
    stored = _unpickle(_state_paths(root)[1])
    if not (isinstance(stored, tuple) and len(stored) == 5 and stored[0] == state.generation):
        return False
    _, state.records, state.by_id, state.referrers, state.successors = stored
    for rel, summary in state.revised.items():
        if rel in state.records:
            state.unlink(rel)
        state.link(rel, Summary._make(summary))
    return True


def _save(root: Path, state: State, graph: bool) -> None:
    quick, slow = _state_paths(root)
    if graph or len(state.revised) > REWRITE_AFTER:  # first: the findings never name summaries not yet written
        state.generation = uuid.uuid4().hex
        state.revised = {}
        _dump(slow, (state.generation, state.records, state.by_id, state.referrers, state.successors))
    stored = (state.version, state.today, state.generation, state.signatures, state.findings, state.revised, state.keys)
    _dump(quick, stored)


def _dump(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(path, data, durable=False)  # a lost state only means a full check
    except OSError:  # a read-only cache folder: the next check is a full one
        pass


def _finish(findings: list[Finding], files: int, config: Config, scope: frozenset[str] | None) -> Result:
    """The findings as ``pipeline.check`` returns them, from ``findings`` in output order."""
    kept = settle(findings, config, Index()) if config.disabled or config.severities else findings
    if scope is not None:
        kept = [f for f in kept if f.path in scope or f.code in KNOCK_ON_CODES]
    if config.problems:
        kept = [*kept, *config.problems]
        kept.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    return Result(kept, files, incremental=True)


@dataclass
class Result:
    findings: list[Finding]
    files: int
    incremental: bool  # False: everything was checked again


def check_working_tree(root: Path, config: Config, today: dt.date, scope: frozenset[str] | None = None) -> Result:
    """The findings ``pipeline.check`` gives for the working tree at ``root``
    (with the record cache), from the last check's state where it can."""
    started = time.time_ns()
    state = _load(root)
    signatures = _signatures(root, started)
    if state is not None and state.today == today:
        moved = signatures != state.signatures
        changed = _update(root, state, signatures)
        if changed is not None:
            if changed or moved:
                _save(root, state, graph=False)
            return _finish(state.all_findings(), len(signatures), config, scope)
    checked = check(WorkingTree(root, use_cache=True), Config(), today)
    _save(root, _state_of(checked, signatures, today), graph=True)
    full = _finish(checked.findings, checked.files, config, scope)
    full.incremental = False
    return full


def _state_of(checked: Checked, signatures: dict[str, Signature], today: dt.date) -> State:
    state = State(_code_version(), today, "")
    state.signatures = {str(f.rel): signatures.get(str(f.rel)) for f in checked.index.files}
    for loaded in checked.index.files:
        state.findings[str(loaded.rel)] = []
    for finding in checked.findings:
        state.findings.setdefault(finding.path, []).append(_row(finding))
    for entry in checked.index.entries.values():
        state.link(str(entry.file.rel), _summary(entry))
    return state


def _update(root: Path, state: State, signatures: dict[str, Signature]) -> bool | None:
    """Bring ``state`` up to date with the files' ``signatures``: whether a file
    changed, or None when the change calls for checking everything again."""
    if signatures.keys() != state.signatures.keys():
        return None  # a file added or removed
    looked = [rel for rel, sig in signatures.items() if sig is None or sig != state.signatures[rel]]
    contents = {rel: _read(root, rel) for rel in looked}
    changed = [rel for rel in looked if not _same_content(state, rel, contents[rel][1])]
    if changed and not _can_follow(root, state, changed):
        return None
    state.keys = {
        rel: content_key(data) for rel, (_, data) in contents.items() if signatures[rel] is None and data is not None
    }
    if changed:
        fresh = {rel: _parsed(*contents[rel]) for rel in changed}
        if not _same_shape(state, fresh) or not _same_suggestions(state, fresh):
            return None
        affected = _affected(state, fresh)
        recomputed = _recheck(root, state, fresh, affected)
        if recomputed is None:
            return None
        for rel, (loaded, record) in fresh.items():
            state.unlink(rel)
            state.link(rel, _summary(_entry(loaded, record)))
            state.revised[rel] = state.records[rel]
        state.findings.update(recomputed)
    state.signatures = signatures
    return bool(changed)


def _can_follow(root: Path, state: State, changed: list[str]) -> bool:
    """Whether the records around the changed files are enough to check again."""
    if not (ALL_FOLLOWED and _local_change_possible(state, changed) and _load_graph(root, state)):
        return False
    # A report's results change tasks' situations and whether a task was done
    # twice, across plans: with reports in the repository, a change checks everything.
    return not any(summary[0] == Kind.REPORT for summary in state.records.values())


def _same_content(state: State, rel: str, data: bytes | None) -> bool:
    """Whether a file read again holds what it held when last read (for files read
    just after they changed; any other file whose signature moved counts as changed)."""
    return data is not None and rel in state.keys and state.keys[rel] == content_key(data)


def _local_change_possible(state: State, changed: list[str]) -> bool:
    return not any(row[2] in WIDE_CODES for rel in changed for row in state.findings.get(rel, ()))


def _same_suggestions(state: State, fresh: dict[str, tuple[LoadedFile, Record | None]]) -> bool:
    """Whether every dangling reference still gets the same suggestions: no record
    changed a name they are drawn from, or no reference is dangling."""
    renamed = any(_spellings(_entry(*fresh[rel]).record) != state.summary(rel).spellings for rel in fresh)
    return not renamed or not any(row[2] == Code.KH301 for rows in state.findings.values() for row in rows)


def _read(root: Path, rel: str) -> tuple[LoadedFile, bytes | None]:
    path = PurePosixPath(rel)
    loaded = LoadedFile(path, record_kind(path))
    return loaded, read_bytes(os.path.join(root, rel), loaded, root)


def _parsed(loaded: LoadedFile, data: bytes | None) -> tuple[LoadedFile, Record | None]:
    return loaded, parse_record(data, loaded) if data is not None else None


def _parse(root: Path, rels: Iterable[str]) -> dict[str, tuple[LoadedFile, Record | None]]:
    return {rel: _parsed(*_read(root, rel)) for rel in rels}


def _same_shape(state: State, fresh: dict[str, tuple[LoadedFile, Record | None]]) -> bool:
    """Whether every changed file still holds a valid record, the one indexed, with the same facts."""
    for rel, (loaded, record) in fresh.items():
        old = state.summary(rel) if rel in state.records else None
        if record is None or old is None or loaded.kind != old.kind or record.id != old.id:
            return False
        if _facts(record, rel) != old.facts:
            return False
    return True


def _targets_of(state: State, rel: str, fresh: dict[str, tuple[LoadedFile, Record | None]]) -> set[str]:
    """Ids a record names, before and after the change."""
    ids = {target for _, target in state.summary(rel).targets}
    if rel in fresh:
        ids |= {target for _, target in _summary(_entry(*fresh[rel])).targets}
    return ids


def _entry(loaded: LoadedFile, record: Record | None) -> Entry:
    """A changed file's record (valid and of a known kind: ``_same_shape`` made sure)."""
    assert loaded.kind is not None and record is not None
    return Entry(loaded.kind, record, loaded)


def _paths(state: State, ids: Iterable[str]) -> set[str]:
    return {state.by_id[i] for i in ids if i in state.by_id}


def _affected(state: State, fresh: dict[str, tuple[LoadedFile, Record | None]]) -> set[str]:
    """Files whose findings the change can alter: the changed records, those naming
    them, those they name, and those citing a document they supersede."""
    affected = set(fresh)
    for rel in fresh:
        affected |= state.referrers.get(state.summary(rel).id, set())
        affected |= _paths(state, _targets_of(state, rel, fresh))
        for name, target in state.summary(rel).targets:
            if name == "supersedes":  # unchanged: supersession is one of the facts
                affected |= state.referrers.get(target, set())
    return affected


def _reads(state: State, affected: set[str], fresh: dict[str, tuple[LoadedFile, Record | None]]) -> set[str]:
    """Files the local rules read to check the ``affected`` records."""
    needed = set(affected)
    for rel in affected:
        record_id = state.summary(rel).id
        targets = _targets_of(state, rel, fresh)
        needed |= _paths(state, targets)
        for target in targets:
            needed |= state.successors.get(target, set())
        needed |= state.successors.get(record_id, set())
        others = state.referrers.get(record_id, set()) - fresh.keys()
        if others:
            needed.add(min(others))  # whether anything else cites it (the changed files are read anyway)
    return needed


def _recheck(
    root: Path, state: State, fresh: dict[str, tuple[LoadedFile, Record | None]], affected: set[str]
) -> dict[str, list[Row]] | None:
    needed = _reads(state, affected, fresh)
    read = dict(fresh)
    read.update(_parse(root, sorted(needed - set(fresh))))
    files = [read[rel][0] for rel in sorted(read, key=lambda r: PurePosixPath(r).parts)]
    valid = [(read[rel][0], rec) for rel in sorted(read) if (rec := read[rel][1]) is not None]
    index, _ = build(files, valid)
    context = Context(index, state.today, frozenset(affected))
    findings = [f for rel in affected for f in read[rel][0].findings]
    for rule in LOCAL_RULES:
        findings.extend(f for f in rule.check(context) if f.path in affected)
    findings = settle(findings, Config(), index)
    if any(f.code == Code.KH301 and f.path in fresh for f in findings):
        return None  # a dangling reference in a changed file: its suggestions compare every record
    # Kept from the last check: the repository-wide rules' findings (their facts did
    # not change), and the dangling references of unchanged files (no id appeared or
    # went, no name changed while one dangles: their suggestions are the same).
    recomputed = {rel: [row for row in state.findings.get(rel, ()) if _kept(row[2], rel in fresh)] for rel in affected}
    for finding in findings:
        if not _kept(finding.code, finding.path in fresh):
            recomputed[finding.path].append(_row(finding))
    for rows in recomputed.values():
        rows.sort()
    return recomputed


def _kept(code: str, changed: bool) -> bool:
    return code in WIDE_CODES or (code == Code.KH301 and not changed)
