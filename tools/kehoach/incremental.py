"""Checking what a change can affect, not the whole repository again.

The last check of a working tree is kept in the user's cache folder (``laststate``:
each file's stat signature and findings before the repository's configuration is
applied, each folder's digest, and for each record what the rules that look across
records read of it).
A check then

- returns the stored findings when no file changed (nothing is parsed, the model
  and the rules are not even imported; a check of named files reads only their
  findings and those a change elsewhere can cause);
- when some files changed, parses them and the records around them (looked up by
  path and id, not by loading every record's summary), re-runs the rules that read
  a record and its neighbours on the records whose findings can depend on the
  change (``rules.registry.Reads`` says how far each rule reads), and keeps every
  other file's findings; a file that was not read as a record and still is not
  is read alone (references to its name only say that it has errors);
- when files were added or removed, does the same around them: the records naming
  an added or removed id, those it names, and the records sharing one of the keys a
  repository-wide rule compares (``rules.registry.Rule.groups``: a document's number,
  a task's order; an id, a case-folded path), found in the state's lookups;
- checks everything again (through the record cache) when the change can reach
  further: a file made valid or invalid, a record's identity or one of the facts
  compared across the whole repository changed (ids, task order, document numbers,
  supersession, unit parents), a record added or removed next to another sharing
  such a key or linked into a chain of supersession or unit parents that may close
  a cycle, a finding of a repository-wide rule sits in a changed file, a dangling
  reference is written in a changed file, appears after a removal, or a name (or the
  set of records) its suggestions compare changed, the check date or the code changed.

The result is the full check's, finding by finding (tests/test_incremental.py
compares them over random edit sequences, with and without reports)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import os
import pickle
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from .codes import Code
from .config import Config
from .findings import Finding, Severity
from .kinds import RECORDS_DIR, Kind
from .laststate import (
    BROKEN,
    DANGLING,
    KNOCK_ON,
    WIDE,
    Damaged,
    FileState,
    Row,
    Signature,
    Store,
    Summary,
    folder_of,
    forget,
    state_written,
    write,
)
from .load import LoadedFile, read_bytes
from .load.cache import RACY_NS, RecordCache, cache_folder, code_digest, content_key
from .load.files import record_kind

if TYPE_CHECKING:  # imported where used: a check with nothing changed never needs the model
    from .index import Entry
    from .model.common import Record
    from .pipeline import Checked
    from .read import Each
    from .sources import ReadFile

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


def _row(finding: Finding) -> Row:
    return (finding.line, finding.col, str(finding.code), finding.message, finding.severity.value)


_CODES: dict[str, Code] = {code.value: code for code in Code}
_SEVERITIES: dict[str, Severity] = {severity.value: severity for severity in Severity}


def _finding(path: str, row: Row) -> Finding:
    line, col, code, message, severity = row
    return Finding(path, line, col, _CODES[code], message, _SEVERITIES[severity])


def _version() -> str:
    """Names the code the state was made by (``load.cache.code_digest``)."""
    return code_digest()


RECORD_SUFFIXES = (".yaml", ".yml")


class Walked:
    """What one walk of ``records/`` saw, folder by folder: each record file's name
    and stat values (inode, mtime, ctime, size; None for a file changed moments
    before the check, or a folder that cannot be listed), and a digest of each
    folder's listing (None when a file in it has no signature). A folder whose
    digest is the one stored holds the same files with the same signatures: its
    files need no comparison one by one."""

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {}  # folder ("records/.../") -> names of its record files
        self.stats: dict[str, list[int | None]] = {}  # folder -> 4 values per name (None x 4: no signature)
        self.digests: dict[str, bytes | None] = {}
        self.count = 0
        self.unlisted = False  # a folder could not be listed

    def signatures(self, folders: Iterable[str]) -> dict[str, Signature]:
        """The signature of every file in ``folders`` (those seen by the walk)."""
        found: dict[str, Signature] = {}
        for folder in folders:
            stats = self.stats.get(folder)
            if stats is None:
                continue
            for at, name in enumerate(self.names[folder]):
                ino, mtime, ctime, size = stats[4 * at : 4 * at + 4]
                found[folder + name] = None if ino is None else f"{mtime}:{ctime}:{size}:{ino}"
        return found

    def all_signatures(self) -> dict[str, Signature]:
        return self.signatures(self.names)


def _digest(names: list[str], stats: list[int | None]) -> bytes:
    return hashlib.blake2b(pickle.dumps((names, stats), protocol=5), digest_size=16).digest()


# A folder as the walk lists it: its prefix ("records/.../"), the names of its record
# files, their stat values (4 per name), its digest (None: a file in it has no signature)
# and whether a folder in it could not be listed.
_Listed = tuple[str, list[str], list[int | None], bytes | None, bool]

# Folders this deep ("records/plans/<plan>/") are listed apart, each with what it holds;
# so are the record files of a folder holding many ("records/directives/", some 12,000
# files at 100,000 records), _STAT_CHUNK at a time. With this many such parts (some
# 15,000 files), a second process lists part of them while this one lists the rest
# (listing 100,000 files takes over half a second); with fewer, sharing costs this
# process about as much as it saves. When this process has other work to do meanwhile
# (importing the model for a changed file), the second process can list nearly all of
# them: sharing pays from some 4,000 files on (starting the second process costs this
# one about as much as listing them).
_SHARED_DEPTH = 3
SHARED_WALK_MIN = 1000
SHARED_WALK_MIN_MEANWHILE = 250
_WALK_CHUNK = 32  # parts taken at a time by each process
_STAT_CHUNK = 256  # record files of one folder in a part

# A part listed apart: the folder's path and prefix, and None (the folder with what it
# holds) or the names of record files in it (their stat values only).
_Job = tuple[str, str, list[str] | None]


class _Unlisted(Exception):
    """A folder listed apart could not be listed: the walk is done again in one go."""


class _Pending:
    """A folder whose record files' stat values are taken apart (``_STAT_CHUNK`` at a
    time, by the parts ``first`` to ``last``): its listing with those values missing."""

    __slots__ = ("clean", "first", "last", "listed", "positions")

    def __init__(self, listed: _Listed, positions: list[int], first: int, last: int, clean: bool) -> None:
        self.listed, self.positions, self.first, self.last, self.clean = listed, positions, first, last, clean

    def complete(self, parts: Sequence[object]) -> _Listed:
        """The folder's listing, with the stat values of ``parts[first:last]``."""
        prefix, names, stats, _, unlisted = self.listed
        values = [value for part in parts[self.first : self.last] for value in cast("list[int | None]", part)]
        for at, position in enumerate(self.positions):
            stats[4 * position : 4 * position + 4] = values[4 * at : 4 * at + 4]
        clean = self.clean and None not in values
        return prefix, names, stats, _digest(names, stats) if clean else None, unlisted


def _listing(path: str, prefix: str, since: int, out: list[_Listed | int | _Pending], jobs: list[_Job] | None) -> bool:
    """List the folder at ``path`` and those inside it into ``out`` (each after the
    folders inside it, as ``load.files.walk`` goes); with ``jobs``, a folder at
    ``_SHARED_DEPTH`` is not listed but added to ``jobs``, its place in ``out``
    kept by its number, and a folder with many entries has its record files' stat
    values taken by jobs too (its place kept by a ``_Pending``). False when the
    folder cannot be listed."""
    try:
        with os.scandir(path) as listing:
            entries = list(listing)
    except OSError:
        return False
    names: list[str] = []
    stats: list[int | None] = []
    clean = True
    unlisted = False
    deeper = jobs is not None and prefix.count("/") + 1 >= _SHARED_DEPTH
    apart: list[int] | None = [] if jobs is not None and len(entries) >= 2 * _STAT_CHUNK else None
    for entry in entries:
        name = entry.name
        try:
            # load.files.is_record_name, spelled out: this runs once per file of the repository
            if name.endswith(RECORD_SUFFIXES) and name not in RECORD_SUFFIXES:
                if apart is not None:  # its stat values taken by a job
                    apart.append(len(names))
                    names.append(name)
                    stats += (None, None, None, None)
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    names.append(name)
                    stats += (None, None, None, None)
                    clean = False
                    continue
                mtime, ctime = st.st_mtime_ns, st.st_ctime_ns
                names.append(name)
                if mtime >= since or ctime >= since:
                    stats += (None, None, None, None)
                    clean = False
                else:
                    stats += (st.st_ino, mtime, ctime, st.st_size)
            elif entry.is_dir(follow_symlinks=False):
                if deeper:
                    assert jobs is not None
                    out.append(len(jobs))
                    jobs.append((entry.path, prefix + name + "/", None))
                elif not _listing(entry.path, prefix + name + "/", since, out, jobs):
                    names.append(name)  # listed as a file: the reader reports it
                    stats += (None, None, None, None)
                    clean = False
                    unlisted = True
        except OSError:
            continue
    if apart:
        assert jobs is not None
        first = len(jobs)
        for start in range(0, len(apart), _STAT_CHUNK):
            jobs.append((path, prefix, [names[at] for at in apart[start : start + _STAT_CHUNK]]))
        out.append(_Pending((prefix, names, stats, None, unlisted), apart, first, len(jobs), clean))
        return True
    out.append((prefix, names, stats, _digest(names, stats) if clean else None, unlisted))
    return True


def _stat_values(path: str, names: list[str], since: int) -> list[int | None]:
    """The stat values of the record files ``names`` in the folder at ``path``, as
    ``_listing`` takes them (4 per name; None x 4: no signature)."""
    stats: list[int | None] = []
    for name in names:
        try:
            st = os.lstat(os.path.join(path, name))
        except OSError:
            stats += (None, None, None, None)
            continue
        mtime, ctime = st.st_mtime_ns, st.st_ctime_ns
        if mtime >= since or ctime >= since:
            stats += (None, None, None, None)
        else:
            stats += (st.st_ino, mtime, ctime, st.st_size)
    return stats


def _walk_jobs(since: int, jobs: Sequence[_Job]) -> list[list[_Listed] | list[int | None]]:
    """What each part listed apart holds: a folder's listings, or record files' stat
    values; raises ``_Unlisted``."""
    done: list[list[_Listed] | list[int | None]] = []
    for path, prefix, names in jobs:
        if names is not None:
            done.append(_stat_values(path, names, since))
            continue
        out: list[_Listed | int | _Pending] = []
        if not _listing(path, prefix, since, out, None):
            raise _Unlisted(prefix)
        done.append(cast("list[_Listed]", out))  # no jobs: no numbers in it
    return done


def _walk(
    root: Path, since_ns: int, share_min: int = SHARED_WALK_MIN, meanwhile: Callable[[], None] | None = None
) -> Walked:
    """Every file ``load.files.walk`` lists, with its stat values (a file changed
    moments before the check has none: it is read again); with ``share_min``
    parts listed apart or more, part of them listed by a second process;
    ``meanwhile``: work this process does first while the second one lists folders
    (not done when the walk is not shared)."""
    since = since_ns - RACY_NS
    top = os.path.join(root, RECORDS_DIR)
    walked = Walked()
    if not os.path.isdir(top):
        return walked
    out: list[_Listed | int | _Pending] = []
    jobs: list[_Job] = []
    if not _listing(top, RECORDS_DIR + "/", since, out, jobs):
        walked.names[""] = [RECORDS_DIR]
        walked.stats[""] = [None] * 4
        walked.digests[""] = None
        walked.count = 1
        walked.unlisted = True
        return walked
    try:
        if len(jobs) >= share_min:
            from .parallel import start

            lister = functools.partial(_walk_jobs, since)
            shared = start(jobs, lister, chunk=_WALK_CHUNK)  # the second process lists from the back now
            if meanwhile:
                meanwhile()
            first, second = shared.finish(lister)
            listed = first + second
        else:
            listed = _walk_jobs(since, jobs)
    except _Unlisted:  # a folder listed apart that cannot be listed is named in its folder: all again, in one go
        out = []
        _listing(top, RECORDS_DIR + "/", since, out, None)
        listed = []
    for item in out:
        if isinstance(item, int):
            parts = cast("list[_Listed]", listed[item])
        else:
            parts = [item.complete(listed) if isinstance(item, _Pending) else item]
        for prefix, names, stats, digest, unlisted in parts:
            walked.names[prefix] = names
            walked.stats[prefix] = stats
            walked.digests[prefix] = digest
            walked.count += len(names)
            walked.unlisted |= unlisted
    return walked


def _signatures(root: Path, since_ns: int) -> dict[str, Signature]:
    """The signature of every file ``load.files.walk`` lists."""
    return _walk(root, since_ns).all_signatures()


@dataclass
class Result:
    findings: list[Finding]
    files: int
    incremental: bool  # False: everything was checked again
    hidden: int = 0  # findings of severity info left out (asked for without them)


def check_working_tree(
    root: Path, config: Config, today: dt.date, scope: frozenset[str] | None = None, infos: bool = True
) -> Result:
    """The findings ``pipeline.check`` gives for the working tree at ``root``
    (with the record cache), from the last check's state where it can; without
    ``infos``, those of severity info are only counted."""
    # The walk, the models and rules imported and the state's rows make many
    # objects and no cycles worth collecting: the cyclic garbage collector would
    # only rescan them (a tenth of an edit's time at 100,000 records).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_working_tree(root, config, today, scope, infos)
    finally:
        if collecting:
            gc.enable()


def _check_working_tree(
    root: Path, config: Config, today: dt.date, scope: frozenset[str] | None, infos: bool
) -> Result:
    started = time.time_ns()
    folder = cache_folder(root)
    version = _version()
    meanwhile = _preparing(root, folder, scope)
    share_min = SHARED_WALK_MIN_MEANWHILE if meanwhile else SHARED_WALK_MIN
    walked = _walk(root, started, share_min, meanwhile)  # may fork: before the state is opened
    store = Store.open(folder, {"version": version, "today": today})
    if store is not None:
        try:
            result = _from_state(root, store, walked, config, scope, infos)
        except Damaged:
            result = None
        finally:
            store.close()
        if result is not None:
            return result
    return _full(root, folder, version, walked, config, today, scope, infos)


def _preparing(root: Path, folder: Path, scope: frozenset[str] | None) -> Callable[[], None] | None:
    """What to do while the walk goes on in a second process, when a file named
    (as pre-commit names the files of a commit) has changed since the state of the
    last check was written (by its times), or there is no such state: import the
    model and the rules, and build the validators of the named files' kinds, which
    checking it will need. None when no file is named or none looks changed (a
    check that finds nothing changed needs neither)."""
    if not scope:
        return None
    written = state_written(folder)
    kinds: set[Kind] = set()
    for rel in sorted(scope)[:MAX_NAMED_LOOKED]:
        try:
            st = os.lstat(os.path.join(root, rel))
        except (OSError, ValueError):
            continue
        kind = record_kind(PurePosixPath(rel))
        if kind is not None and (written is None or max(st.st_mtime_ns, st.st_ctime_ns) >= written):
            kinds.add(kind)
    return functools.partial(_prepare, frozenset(kinds)) if kinds else None


MAX_NAMED_LOOKED = 50  # named files looked at by _preparing (a commit of many files is checked as usual)


def _prepare(kinds: frozenset[Kind]) -> None:
    from . import index, pipeline, read  # noqa: F401 - what re-checking a changed file imports
    from .model import MODELS
    from .rules import base, registry  # noqa: F401

    for kind in sorted(kinds):
        MODELS[kind].model_rebuild()


def checked_contents(root: Path) -> dict[str, bytes]:
    """Path -> content key of what the last check read, for the files whose signature
    has not moved since (``read.read_one`` then takes the record cache's reading of that
    content without reading the file: the site's build, just after ``kehoach check``).
    A file changed moments ago has no signature, and one the check did not read no
    content key: neither is listed, and is read again."""
    started = time.time_ns()
    store = Store.open(cache_folder(root), {"version": _version()})
    if store is None:
        return {}
    try:
        stored = store.contents()
    except Damaged:
        return {}
    finally:
        store.close()
    now = _signatures(root, started)
    return {rel: key for rel, (sig, key) in stored.items() if sig is not None and now.get(rel) == sig}


@dataclass(frozen=True)
class CheckedTree:
    """A source for ``pipeline.check``: the records on disk under ``root``, as
    ``WorkingTree(root, use_cache=True)`` reads them, just after ``kehoach check``
    (the site's build). A file whose signature has not moved since that check is not
    read again, its reading taken from the record cache by the content key the check
    kept (``checked_contents``); any other file is read as usual."""

    root: Path

    reads_in_batches = True  # ``read`` takes ``each`` (``read.Reader.finish``)

    def read(self, each: Each | None = None) -> list[ReadFile]:
        from .read import read_files

        cache = RecordCache(self.root)
        read = read_files(self.root, cache, checked_contents(self.root), each)
        cache.save()
        return read


def _looked(signatures: dict[str, Signature], stored: dict[str, Signature]) -> list[str]:
    """Files known before to read again: those whose signature moved, and those without one."""
    return [rel for rel, sig in signatures.items() if rel in stored and (sig is None or sig != stored[rel])]


def _from_state(
    root: Path,
    store: Store,
    walked: Walked,
    config: Config,
    scope: frozenset[str] | None,
    infos: bool,
) -> Result | None:
    """The findings from the stored state brought up to date, or None when the
    change calls for checking everything again."""
    digests, now = store.digests(), walked.digests
    if digests == now and None not in now.values():  # compared at C speed: nothing moved
        moved_folders = []
    else:
        moved_folders = sorted(
            d for d in now.keys() | digests.keys() if now.get(d) is None or now.get(d) != digests.get(d)
        )
    signatures = walked.signatures(moved_folders)
    stored = store.signatures(moved_folders)
    added = sorted(signatures.keys() - stored.keys())
    removed = sorted(stored.keys() - signatures.keys())
    if (added or removed) and (walked.unlisted or not all(rel.endswith(RECORD_SUFFIXES) for rel in (*added, *removed))):
        # A folder that cannot be listed (now, or before: it was listed as a file
        # then): which records it holds is unknown, and references to them wait.
        return None
    looked = _looked(signatures, stored)
    contents = {rel: _read(root, rel) for rel in (*looked, *added)}
    read_now = {rel: content_key(data) for rel, (_, data) in contents.items() if data is not None}
    kept_keys = store.keys(looked)
    changed = [rel for rel in looked if not _same_content(kept_keys.get(rel), read_now.get(rel))]
    racy = [rel for rel in (*looked, *added) if signatures[rel] is None]  # kept by content key until they settle
    keys = {rel: read_now[rel] for rel in racy if rel in read_now}
    rechecked: dict[str, list[Row]] = {}
    summaries: dict[str, Summary] = {}
    broken: set[str] = set()
    if changed or added or removed:
        done = _recheck(root, store, {rel: contents[rel] for rel in (*changed, *added)}, set(added), set(removed))
        if done is None:
            return None
        rechecked, summaries, broken = done
    result = _stored_findings(store, scope, rechecked, config, infos, removed)
    result.files = walked.count
    if looked or rechecked or moved_folders:
        knock, wide = store.meta["knock"], store.meta["wide"]
        others = {folder_of(rel) for rel in rechecked if rel not in signatures}  # neighbours, unchanged
        signatures.update(walked.signatures(others))
        # what the check read of each re-checked file: read now, or (a neighbour) as before
        kept = store.contents(rel for rel in rechecked if rel not in contents)
        read_now.update((rel, content) for rel, (sig, content) in kept.items() if sig == signatures.get(rel))
        files = {
            rel: FileState(
                signatures[rel], keys.get(rel), rows, _flags(rows, knock, wide, rel in broken), read_now.get(rel)
            )
            for rel, rows in rechecked.items()
        }
        moved = {rel: (signatures[rel], keys.get(rel)) for rel in looked if rel not in files}
        digested = {d: now[d] for d in moved_folders if d in now}
        store.update(files, moved, summaries, digested, set(moved_folders) - now.keys(), removed)
    return result


def _same_content(kept: bytes | None, now: bytes | None) -> bool:
    """Whether a file read again holds what it held when last read, by content key (for
    files read just after they changed; any other file whose signature moved counts as changed)."""
    return now is not None and kept is not None and kept == now


def _stored_findings(
    store: Store,
    scope: frozenset[str] | None,
    rechecked: dict[str, list[Row]],
    config: Config,
    infos: bool,
    removed: Iterable[str] = (),
) -> Result:
    """The findings as ``pipeline.check`` gives them (all, or those about ``scope``
    and those a change elsewhere can cause), from the stored ones and ``rechecked``
    (those of ``removed`` files left out)."""
    touches_info = any(
        code in _CODES and _CODES[code].severity is Severity.INFO for code in (*config.disabled, *config.severities)
    )
    hidden = 0
    if scope is None and not infos and not touches_info:  # the info findings only counted, not read
        by_path = dict(store.all_rows(infos=False))
        hidden = store.info_count() - store.info_count([*rechecked, *removed])
        by_path.update(rechecked)
    elif scope is None:
        by_path = dict(store.all_rows())
        by_path.update(rechecked)
    else:
        knock: frozenset[str] = store.meta["knock"]
        by_path = store.flagged(KNOCK_ON)
        by_path.update(rechecked)
        for path in list(by_path):
            if path not in scope:
                by_path[path] = [row for row in by_path[path] if row[2] in knock]
        by_path.update(store.rows(scope - rechecked.keys()))
        by_path.update({path: rows for path, rows in rechecked.items() if path in scope})
    for path in removed:
        by_path.pop(path, None)
    findings = []
    disabled, severities = config.disabled, config.severities
    for path in sorted(by_path):
        for row in by_path[path]:
            code = row[2]
            if code in disabled:
                continue
            severity = severities.get(code) or _SEVERITIES[row[4]]
            if severity is Severity.INFO and not infos:
                hidden += 1
                continue
            findings.append(Finding(path, row[0], row[1], _CODES[code], row[3], severity))
    return _finish(Result(findings, 0, incremental=True, hidden=hidden), config)


def _finish(result: Result, config: Config) -> Result:
    """With the configuration's own problems, in output order."""
    if config.problems:
        result.findings = [*result.findings, *config.problems]
        result.findings.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    return result


def _configured(findings: list[Finding], config: Config, infos: bool) -> Result:
    """``findings`` with the configuration applied (codes disabled, severities changed);
    those of severity info counted apart unless ``infos``."""
    kept, hidden = [], 0
    for finding in findings:
        if finding.code in config.disabled:
            continue
        if finding.code in config.severities:
            finding = dataclasses.replace(finding, severity=config.severities[finding.code])
        if finding.severity is Severity.INFO and not infos:
            hidden += 1
            continue
        kept.append(finding)
    return _finish(Result(kept, 0, incremental=False, hidden=hidden), config)


def _flags(rows: Iterable[Row], knock: frozenset[str], wide: frozenset[str], broken: bool) -> int:
    flags = BROKEN if broken else 0
    for row in rows:
        code = row[2]
        flags |= (KNOCK_ON if code in knock else 0) | (WIDE if code in wide else 0)
        flags |= DANGLING if code == Code.KH301 else 0
    return flags


def _full(
    root: Path,
    folder: Path,
    version: str,
    walked: Walked,
    config: Config,
    today: dt.date,
    scope: frozenset[str] | None,
    infos: bool,
) -> Result:
    """Check everything (through the record cache) and keep the state of this check."""
    from .pipeline import check
    from .rules.registry import KNOCK_ON_CODES
    from .sources import WorkingTree

    # Files changed moments ago are read before the check: their content key, kept
    # in place of a signature, tells the next check whether they changed again.
    signatures = walked.all_signatures()
    keys = {rel: content_key(data) for rel, sig in signatures.items() if sig is None and (data := _read(root, rel)[1])}
    cache = RecordCache(root)
    checked = check(WorkingTree(root, use_cache=True, cache=cache), Config(), today)
    _save(folder, version, today, checked, signatures, keys, walked.digests, cache.keys())
    findings = checked.findings
    if scope is not None:
        findings = [f for f in findings if f.path in scope or f.code in KNOCK_ON_CODES]
    full = _configured(findings, config, infos)
    full.files = checked.files
    return full


def _save(
    folder: Path,
    version: str,
    today: dt.date,
    checked: Checked,
    signatures: Mapping[str, Signature],
    keys: Mapping[str, bytes],
    digests: Mapping[str, bytes | None],
    contents: Mapping[str, bytes],
) -> None:
    from .rules.registry import KNOCK_ON_CODES

    knock, wide = frozenset(map(str, KNOCK_ON_CODES)), _wide_codes()
    rows: dict[str, list[Row]] = {str(loaded.rel): [] for loaded in checked.index.files}
    for finding in checked.findings:
        if finding.path not in rows:  # a finding about no file listed: nothing to keep it with
            forget(folder)  # nor an earlier state: check everything next time
            return
        rows[finding.path].append(_row(finding))
    broken = {str(loaded.rel) for loaded in checked.index.broken.values()}  # one per name: others count as valid

    def files() -> Iterator[tuple[str, FileState]]:
        for rel, found in rows.items():
            sig = signatures.get(rel)
            flags = _flags(found, knock, wide, rel in broken)
            yield rel, FileState(sig, keys.get(rel) if sig is None else None, found, flags, contents.get(rel))

    # made as they are written (laststate.write): never all held at once
    summaries = ((str(entry.file.rel), _summary(entry)) for entry in checked.index.entries.values())
    meta = {"version": version, "today": today, "knock": knock, "wide": wide}
    write(folder, meta, files(), summaries, digests)


def _wide_codes() -> frozenset[str]:
    """Codes of the rules reading the whole repository with no key to find what a
    record is compared with (cycles, duplicate ids, case-folded paths): a change
    to a file holding one of them is checked in full."""
    from .rules.registry import RULES, Reads

    return frozenset(
        str(code) for rule in RULES if rule.reads is Reads.ALL and rule.groups is None for code in rule.codes
    )


# --- What a change reaches --------------------------------------------------------

CYCLE_FIELDS = {Kind.UNIT.value: "parent", Kind.DIRECTIVE.value: "supersedes"}  # the links cycles are made of


def _facts(record: Record, rel: str) -> tuple[Any, ...]:
    """What the repository-wide rules without keys compare (an edit changing it is
    checked in full): the file's stem (which record of a duplicated id is indexed,
    which broken file a reference names), unit parents, supersession."""
    from .model import Directive, Unit

    stem = PurePosixPath(rel).stem
    if isinstance(record, Directive):
        return (stem, record.supersedes)
    if isinstance(record, Unit):
        return (stem, record.parent)
    return (stem,)


def _group_keys(record: Record) -> tuple[str, ...]:
    """The keys the repository-wide rules group ``record`` by (``Rule.groups``)."""
    from .rules.registry import RULES

    return tuple(
        f"{rule.name}:{key!r}" for rule in RULES if rule.groups is not None and (key := rule.groups(record)) is not None
    )


def _spellings(kind: str, record: Record) -> tuple[str, ...]:
    """The names ``resolve.Suggester`` knows a record by, and its label in messages."""
    from .index import describe
    from .resolve import suggestion_spellings

    return (record.id, *(name or "" for name in suggestion_spellings(kind, record)), describe(record))


def _summary(entry: Entry) -> Summary:
    from .index import references

    targets = tuple((str(ref.path[0]), ref.target) for ref in references(entry))
    facts = _facts(entry.record, str(entry.file.rel))
    spellings = _spellings(entry.kind.value, entry.record)
    return Summary(entry.kind.value, entry.id, facts, targets, spellings, _group_keys(entry.record))


def _read(root: Path, rel: str) -> tuple[LoadedFile, bytes | None]:
    path = PurePosixPath(rel)
    loaded = LoadedFile(path, record_kind(path))
    return loaded, read_bytes(os.path.join(root, rel), loaded, root)


def _parsed(loaded: LoadedFile, data: bytes | None) -> tuple[LoadedFile, Record | None]:
    from .read import parse_record

    return loaded, parse_record(data, loaded) if data is not None else None


def _cached(root: Path, rel: str, cache: RecordCache) -> tuple[LoadedFile, Record | None]:
    """An unchanged file read as the full check reads it (``read.read_one``): from the
    record cache when it holds this content (no parsing, no validation), else parsed
    (a missing, damaged or stale entry is only a miss)."""
    from .read import read_one

    _, loaded, record, _ = read_one(root, rel, None, cache)
    return loaded, record


def _entry(loaded: LoadedFile, record: Record | None) -> Entry:
    """A changed file's record (valid and of a known kind: ``_recheck`` made sure)."""
    from .index import Entry

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
        new[rel] = _summary(_entry(loaded, record))
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
    from .model import REFERENCE_FIELDS

    kinds: set[str] = set()
    for kind, field in store.dangling_fields():
        for name, wanted in REFERENCE_FIELDS.get(Kind(kind), {}).items():
            if name.partition(".")[0] == field:
                kinds.update(k.value for k in wanted)
    return kinds


def _recheck(
    root: Path,
    store: Store,
    contents: dict[str, tuple[LoadedFile, bytes | None]],
    added: set[str] = frozenset(),  # type: ignore[assignment]
    removed: set[str] = frozenset(),  # type: ignore[assignment]
) -> tuple[dict[str, list[Row]], dict[str, Summary], set[str]] | None:
    """The findings of every file the change can affect, the changed and added
    records' new summaries and the changed files still not read as records; None
    when the change calls for checking everything again."""
    from .rules.registry import RULES

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
        new[rel] = _summary(_entry(loaded, record))
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
    from .index import build
    from .pipeline import settle
    from .rules.base import Context
    from .rules.registry import RULES, Reads

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
            rows[finding.path].append(_row(finding))
    for found in rows.values():
        found.sort()
    return rows
