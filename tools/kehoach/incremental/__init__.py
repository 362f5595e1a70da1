"""Checking what a change can affect, not the whole repository again.

The last check of a working tree is kept in the user's cache folder (``state``:
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
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..codes import Code
from ..config import Config
from ..findings import Finding, Severity, in_order
from ..kinds import Kind
from ..load.cache import RecordCache, cache_folder, code_digest, content_key
from ..load.files import record_kind
from .reach import read_file, recheck, summarise
from .state import (
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
    row_of,
    state_written,
    write,
)
from .walk import RECORD_SUFFIXES, SHARED_WALK_MIN, SHARED_WALK_MIN_MEANWHILE, Walked, signatures_now, stat_walk

if TYPE_CHECKING:
    from ..pipeline import Checked
    from ..sources import WorkingTree

_CODES: dict[str, Code] = {code.value: code for code in Code}
_SEVERITIES: dict[str, Severity] = {severity.value: severity for severity in Severity}


def _version() -> str:
    """Names the code the state was made by (``load.cache.code_digest``)."""
    return code_digest()


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
    walked = stat_walk(root, started, share_min, meanwhile)  # may fork: before the state is opened
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
    from .. import index, pipeline, read  # noqa: F401 - what re-checking a changed file imports
    from ..model import MODELS
    from ..rules import base, registry  # noqa: F401

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
    now = signatures_now(root, started)
    return {rel: key for rel, (sig, key) in stored.items() if sig is not None and now.get(rel) == sig}


def checked_tree(root: Path) -> WorkingTree:
    """A source for ``pipeline.check``: the records on disk under ``root``, as
    ``WorkingTree(root, use_cache=True)`` reads them, just after ``kehoach check``
    (the site's build). A file whose signature has not moved since that check is not
    read again, its reading taken from the record cache by the content key the check
    kept (``checked_contents``); any other file is read as usual."""
    from ..sources import WorkingTree

    return WorkingTree(root, use_cache=True, known=checked_contents(root))


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
    contents = {rel: read_file(root, rel) for rel in (*looked, *added)}
    read_now = {rel: content_key(data) for rel, (_, data) in contents.items() if data is not None}
    kept_keys = store.keys(looked)
    changed = [rel for rel in looked if not _same_content(kept_keys.get(rel), read_now.get(rel))]
    racy = [rel for rel in (*looked, *added) if signatures[rel] is None]  # kept by content key until they settle
    keys = {rel: read_now[rel] for rel in racy if rel in read_now}
    rechecked: dict[str, list[Row]] = {}
    summaries: dict[str, Summary] = {}
    broken: set[str] = set()
    if changed or added or removed:
        done = recheck(root, store, {rel: contents[rel] for rel in (*changed, *added)}, set(added), set(removed))
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
        result.findings = in_order([*result.findings, *config.problems])
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
    from ..pipeline import check
    from ..rules.registry import KNOCK_ON_CODES
    from ..sources import WorkingTree

    # Files changed moments ago are read before the check: their content key, kept
    # in place of a signature, tells the next check whether they changed again.
    keys = {rel: content_key(data) for rel in walked.unsigned() if (data := read_file(root, rel)[1])}
    cache = RecordCache(root)
    checked = check(WorkingTree(root, use_cache=True, cache=cache), Config(), today)
    # made now, not before the check: not held (20 MB at 100,000 records) through its peak
    signatures = walked.all_signatures()
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
    from ..rules.registry import KNOCK_ON_CODES

    knock, wide = frozenset(map(str, KNOCK_ON_CODES)), _wide_codes()
    rows: dict[str, list[Row]] = {str(loaded.rel): [] for loaded in checked.index.files}
    for finding in checked.findings:
        if finding.path not in rows:  # a finding about no file listed: nothing to keep it with
            forget(folder)  # nor an earlier state: check everything next time
            return
        rows[finding.path].append(row_of(finding))
    broken = {str(loaded.rel) for loaded in checked.index.broken.values()}  # one per name: others count as valid

    def files() -> Iterator[tuple[str, FileState]]:
        for rel, found in rows.items():
            sig = signatures.get(rel)
            flags = _flags(found, knock, wide, rel in broken)
            yield rel, FileState(sig, keys.get(rel) if sig is None else None, found, flags, contents.get(rel))

    # made as they are written (state.write): never all held at once
    summaries = ((str(entry.file.rel), summarise(entry)) for entry in checked.index.entries.values())
    meta = {"version": version, "today": today, "knock": knock, "wide": wide}
    write(folder, meta, files(), summaries, digests)


def _wide_codes() -> frozenset[str]:
    """Codes of the rules reading the whole repository with no key to find what a
    record is compared with (cycles, duplicate ids, case-folded paths): a change
    to a file holding one of them is checked in full."""
    from ..rules.registry import RULES, Reads

    return frozenset(
        str(code) for rule in RULES if rule.reads is Reads.ALL and rule.groups is None for code in rule.codes
    )
