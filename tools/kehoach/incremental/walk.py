"""The walk of ``records/`` that tells a check what changed without reading a
file: every record file's stat signature and a digest of each folder's listing,
listed in two processes when the repository is large (``parallel``)."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import cast

from ..kinds import RECORDS_DIR
from ..load.cache import RACY_NS
from .state import Signature

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

    def unsigned(self) -> list[str]:
        """The files seen without a signature (changed moments before the check)."""
        return [
            folder + name
            for folder, names in self.names.items()
            for at, name in enumerate(names)
            if self.stats[folder][4 * at] is None
        ]


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


def stat_walk(
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
            from ..parallel import start

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


def signatures_now(root: Path, since_ns: int) -> dict[str, Signature]:
    """The signature of every file ``load.files.walk`` lists."""
    return stat_walk(root, since_ns).all_signatures()
