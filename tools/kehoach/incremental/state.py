"""Where the last check of a working tree is kept (for ``incremental``): an SQLite
database in the repository's cache folder, so that a check reads only the rows
it needs. Every check reads the folders' digests, and the signatures of the files
in the folders whose digest moved; a check of a few files reads
their findings and those that a change elsewhere can cause; a check after an
edit looks up the records around the changed ones by path, by id and by the ids
they name, instead of loading a summary of every record.

Tables:
- ``files``: each record file's folder and signature (or the content key of a file
  read just after it changed), the content key of what the check read (the site
  takes the record cache's reading of a file whose signature has not moved since,
  without reading the file again), its findings (before the repository's
  configuration is applied) and flags telling which kinds of finding it holds;
- ``folders``: a digest of each folder's listing with its files' signatures
  (None when one of them has none): a check compares the files of only the
  folders whose digest moved. Every check reads them all: they are kept in
  ``FOLDER_BUCKETS`` pickled mappings (by a hash of the folder's path), read in
  a few milliseconds at 100,000 records where a row per folder took 10, and a
  change rewrites only the buckets of the folders it moved;
- ``records``: each indexed record's summary (what the repository-wide rules
  compare, the ids it names, the names suggestions are drawn from), by path and id;
- ``refs``: every reference, by the id it names, with the field and the kind of the
  record naming it;
- ``keys``: the keys a repository-wide rule groups records by (a document's issuer,
  number and year; a task's plan and order), so that a record added, removed or
  changed finds the records sharing one without reading every record; ``files``
  also keeps each path case-folded, for the same reason.

A check that starts afresh writes a new database under a new name, makes it
durable, then points ``last-check.name`` at it (written atomically); later checks
change only the rows of the files they re-checked, in one transaction (write-ahead
log). A kill at any moment leaves the old state or the new one; a database that
cannot be read, of another version or of another shape is ignored and replaced by
a full check. Nothing in it comes from the working tree unchecked: it lives in the
user's cache folder, never inside a repository."""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..atomic import write_atomic

if TYPE_CHECKING:
    from ..findings import Finding

POINTER = "last-check.name"
PREFIX = "last-check-"
SUFFIX = ".sqlite"

Signature = str | None  # "mtime ns:ctime ns:size:inode" (one string: compared and stored at C speed); None: look again
Row = tuple[int, int, str, str, str]  # a finding in its file: line, col, code, message, severity


def row_of(finding: Finding) -> Row:
    return (finding.line, finding.col, str(finding.code), finding.message, finding.severity.value)


# Flags of a file's findings.
KNOCK_ON = 1  # a finding a change elsewhere can cause (reported by partial checks too)
WIDE = 2  # a finding of a rule comparing the whole repository
DANGLING = 4  # a dangling reference (its suggestions compare every record)
BROKEN = 8  # the file was not read as a record (invalid YAML or fields, unknown kind)

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE files(
    path TEXT PRIMARY KEY, folder TEXT NOT NULL, fold TEXT NOT NULL, sig TEXT, key BLOB, rows BLOB,
    infos BLOB, info_count INTEGER NOT NULL, flags INTEGER NOT NULL, content BLOB);
CREATE INDEX flagged ON files(flags) WHERE flags != 0;
CREATE INDEX file_folders ON files(folder);
CREATE INDEX file_folds ON files(fold);
CREATE INDEX with_rows ON files(path) WHERE rows IS NOT NULL;
CREATE INDEX with_infos ON files(info_count) WHERE info_count != 0;
CREATE TABLE folders(bucket INTEGER PRIMARY KEY, digests BLOB NOT NULL);
CREATE TABLE records(path TEXT PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, summary BLOB NOT NULL);
CREATE INDEX record_ids ON records(id);
CREATE TABLE refs(
    target TEXT NOT NULL, source TEXT NOT NULL, field TEXT NOT NULL, kind TEXT NOT NULL,
    PRIMARY KEY(target, source, field)) WITHOUT ROWID;
CREATE TABLE keys(key TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY(key, path)) WITHOUT ROWID;
CREATE INDEX key_paths ON keys(path);
"""


class Summary(NamedTuple):
    """What the last check knew of one indexed record."""

    kind: str
    id: str
    facts: tuple[Any, ...]  # what the repository-wide rules compare
    targets: tuple[tuple[str, str], ...]  # (field, id) of every reference written in it
    spellings: tuple[str, ...]  # what suggestions for a dangling reference, and labels in messages, show
    keys: tuple[str, ...] = ()  # what repository-wide rules group it by with other records


class FileState(NamedTuple):
    """A file's row: its signature, content key (racy files), findings and their flags,
    and the content key of what the check read (None: unknown, or not read)."""

    signature: Signature
    key: bytes | None
    rows: list[Row]  # sorted
    flags: int
    content: bytes | None = None


INFO = "info"  # the severity of findings kept apart: most are of this kind, and a check shows them only when asked


def _pack(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(blob: bytes | None) -> Any:
    return pickle.loads(blob) if blob is not None else []


class Damaged(Exception):
    """The stored state cannot be trusted: check everything again."""


class Store:
    """An open state database. Every read raises ``Damaged`` when the database
    turns out unreadable; the caller then checks everything."""

    def __init__(self, folder: Path, name: str, db: sqlite3.Connection) -> None:
        self.folder = folder
        self.name = name
        self.db = db
        self.meta: dict[str, Any] = {}

    @classmethod
    def open(cls, folder: Path, wanted: Mapping[str, Any]) -> Store | None:
        """The current state when its meta data holds ``wanted`` (version, date...), else None."""
        name = _current_name(folder)
        if name is None:
            return None
        path = folder / name
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=rw", uri=True, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return None
        store = cls(folder, name, db)
        try:
            db.execute("PRAGMA synchronous=NORMAL")
            store.meta = {key: pickle.loads(value) for key, value in db.execute("SELECT key, value FROM meta")}
        except Exception:  # damaged, not a database, of another shape
            store.close()
            return None
        if any(store.meta.get(key) != value for key, value in wanted.items()):
            store.close()
            return None
        return store

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    def _query(self, sql: str, args: Iterable[Any] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, tuple(args)).fetchall()
        except Exception as err:  # sqlite3.DatabaseError, a damaged pickle...
            raise Damaged(str(err)) from err

    def _query_in(self, sql: str, values: Iterable[Any], before: tuple[Any, ...] = ()) -> Iterator[Any]:
        """The rows of ``sql``, whose ``IN ({marks})`` is given ``values`` a chunk at a time (SQLite
        caps the parameters of one statement); ``before`` fills the parameters ahead of the list."""
        for chunk in _chunks(values):
            yield from self._query(sql.format(marks=_marks(chunk)), (*before, *chunk))

    def digests(self) -> dict[str, bytes | None]:
        """Each folder's digest, as the last check saw it."""
        found: dict[str, bytes | None] = {}
        try:
            for (blob,) in self.db.execute("SELECT digests FROM folders"):
                found.update(_bucket(blob))
        except Exception as err:
            raise Damaged(str(err)) from err
        return found

    def signatures(self, folders: Iterable[str]) -> dict[str, Signature]:
        """The signatures of the files in ``folders``."""
        return dict(self._query_in("SELECT path, sig FROM files WHERE folder IN ({marks})", folders))

    def info_count(self, paths: Iterable[str] | None = None) -> int:
        """How many findings of severity info the files (all, or at ``paths``) hold."""
        if paths is None:
            # summed from a small index: no scan of every file's row
            return int(self._query("SELECT total(info_count) FROM files WHERE info_count != 0")[0][0])
        sql = "SELECT total(info_count) FROM files WHERE path IN ({marks})"
        return sum(int(total) for (total,) in self._query_in(sql, paths))

    def contents(self, paths: Iterable[str] | None = None) -> dict[str, tuple[Signature, bytes]]:
        """(signature, content key of what the check read) of the files (all, or at ``paths``)
        whose content key is known."""
        if paths is None:
            return {path: (sig, content) for path, sig, content in self._query(
                "SELECT path, sig, content FROM files WHERE content IS NOT NULL")}  # fmt: skip
        sql = "SELECT path, sig, content FROM files WHERE content IS NOT NULL AND path IN ({marks})"
        return {path: (sig, content) for path, sig, content in self._query_in(sql, paths)}

    def keys(self, paths: Iterable[str]) -> dict[str, bytes]:
        """Content keys kept for files read just after they changed."""
        return dict(self._query_in("SELECT path, key FROM files WHERE key IS NOT NULL AND path IN ({marks})", paths))

    def all_rows(self, infos: bool = True) -> Iterator[tuple[str, list[Row]]]:
        """Every file's findings (without those of severity info unless ``infos``), in path order
        (without them, read through an index of the files holding others: no scan of every row)."""
        sql = "SELECT path, rows, infos FROM files WHERE rows IS NOT NULL OR infos IS NOT NULL ORDER BY path"
        if not infos:
            sql = "SELECT path, rows, NULL FROM files WHERE rows IS NOT NULL ORDER BY path"
        try:
            for path, blob, info_blob in self.db.execute(sql):
                yield path, _merged(blob, info_blob)
        except Exception as err:
            raise Damaged(str(err)) from err

    def rows(self, paths: Iterable[str]) -> dict[str, list[Row]]:
        sql = "SELECT path, rows, infos FROM files WHERE path IN ({marks})"
        return {path: self._rows(blob, info_blob) for path, blob, info_blob in self._query_in(sql, paths)}

    def flagged(self, flag: int) -> dict[str, list[Row]]:
        """The findings of every file with ``flag``."""
        return {path: self._rows(blob, info_blob) for path, blob, info_blob in self._query(
            "SELECT path, rows, infos FROM files WHERE flags != 0 AND flags & ? != 0", (flag,))}  # fmt: skip

    def flagged_paths(self, flag: int, paths: Iterable[str]) -> set[str]:
        """Those of ``paths`` whose file has ``flag``."""
        sql = "SELECT path FROM files WHERE flags & ? != 0 AND path IN ({marks})"
        return {path for (path,) in self._query_in(sql, paths, (flag,))}

    def any_flagged(self, flag: int, paths: Iterable[str] | None = None) -> bool:
        if paths is None:
            return bool(self._query("SELECT 1 FROM files WHERE flags != 0 AND flags & ? != 0 LIMIT 1", (flag,)))
        sql = "SELECT 1 FROM files WHERE flags & ? != 0 AND path IN ({marks}) LIMIT 1"
        return any(True for _ in self._query_in(sql, paths, (flag,)))

    @staticmethod
    def _rows(blob: bytes | None, info_blob: bytes | None) -> list[Row]:
        try:
            return _merged(blob, info_blob)
        except Exception as err:
            raise Damaged(str(err)) from err

    def summaries(self, paths: Iterable[str]) -> dict[str, Summary]:
        found: dict[str, Summary] = {}
        for path, blob in self._query_in("SELECT path, summary FROM records WHERE path IN ({marks})", paths):
            try:
                found[path] = Summary._make(pickle.loads(blob))
            except Exception as err:
                raise Damaged(str(err)) from err
        return found

    def paths_of(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> path of the indexed record with that id."""
        return dict(self._query_in("SELECT id, path FROM records WHERE id IN ({marks})", ids))

    def dangling_fields(self) -> set[tuple[str, str]]:
        """(kind of the record, field) of every reference that names no record, in the
        files holding a dangling reference."""
        sql = (
            "SELECT DISTINCT refs.kind, refs.field FROM files JOIN refs ON refs.source = files.path "
            "WHERE files.flags != 0 AND files.flags & ? != 0 "
            "AND NOT EXISTS (SELECT 1 FROM records WHERE records.id = refs.target)"
        )
        return {(kind, field) for kind, field in self._query(sql, (DANGLING,))}

    def sharing(self, keys: Iterable[str]) -> set[str]:
        """Paths of the records grouped under any of ``keys`` by a repository-wide rule."""
        return {path for (path,) in self._query_in("SELECT path FROM keys WHERE key IN ({marks})", keys)}

    def same_folded(self, paths: Iterable[str]) -> set[str]:
        """Files whose path, case-folded, is that of one of ``paths`` (themselves included)."""
        folded = {path.casefold() for path in paths}
        return {path for (path,) in self._query_in("SELECT path FROM files WHERE fold IN ({marks})", folded)}

    def referrers(self, ids: Iterable[str], field: str | None = None, kind: str | None = None) -> set[str]:
        """Paths of the records naming any of ``ids`` (in ``field``, from records of ``kind``)."""
        # the conditions on field and kind come first, so that their parameters lead the list
        where = "".join(f"{column} = ? AND " for column, value in (("field", field), ("kind", kind)) if value)
        sql = f"SELECT source FROM refs WHERE {where}target IN ({{marks}})"
        return {source for (source,) in self._query_in(sql, ids, tuple(x for x in (field, kind) if x))}

    def update(
        self,
        files: Mapping[str, FileState],
        signatures: Mapping[str, tuple[Signature, bytes | None]],
        summaries: Mapping[str, Summary],
        digests: Mapping[str, bytes | None] = {},
        gone: Iterable[str] = (),
        removed: Iterable[str] = (),
    ) -> bool:
        """Write the re-checked ``files`` (whole rows, added ones included), the new
        signatures and keys of others, the changed records' summaries and the new
        digests of folders (those ``gone`` forgotten), forget the ``removed`` files,
        in one transaction; False when another check changed the state meanwhile
        (nothing is written then)."""
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                (generation,) = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
                if pickle.loads(generation) != self.meta.get("generation"):
                    db.execute("ROLLBACK")
                    return False
                db.executemany(
                    "UPDATE files SET sig = ?, key = ? WHERE path = ?",
                    [(sig, key, path) for path, (sig, key) in signatures.items()],
                )
                gone_files = [(path,) for path in removed]
                _forget_refs(db, [*summaries, *removed])
                for table in ("files", "records", "keys"):
                    db.executemany(f"DELETE FROM {table} WHERE path = ?", gone_files)
                db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [_file_row(path, state) for path, state in files.items()],
                )
                _update_folders(db, digests, gone)
                for path, summary in summaries.items():
                    db.execute("DELETE FROM keys WHERE path = ?", (path,))
                    db.execute(
                        "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
                        (path, summary.id, summary.kind, _pack(tuple(summary))),
                    )
                    db.executemany("INSERT OR IGNORE INTO refs VALUES (?, ?, ?, ?)", _refs(path, summary))
                    db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", _keys(path, summary))
                generation = _unique()
                db.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (_pack(generation),))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error:  # busy, read-only, full disk: the next check does the work again
            return False
        self.meta["generation"] = generation
        return True


def _current_name(folder: Path) -> str | None:
    """The current state database's file name, as the pointer file names it, or None
    when there is no pointer or it names anything but a state file in this folder."""
    try:
        name = (folder / POINTER).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX) and "/" not in name):
        return None
    return name


def state_written(folder: Path) -> int | None:
    """When the current state database was last written (ns; its write-ahead log
    included), or None when there is none."""
    name = _current_name(folder)
    if name is None:
        return None
    times = []
    for path in (folder / name, folder / f"{name}-wal"):
        with contextlib.suppress(OSError):
            times.append(path.stat().st_mtime_ns)
    return max(times, default=None)


def _forget_refs(db: sqlite3.Connection, paths: list[str]) -> None:
    """Delete the references written in the records at ``paths``, found by their
    key (target, source, field) from each record's stored summary: the table is
    keyed by target, and a delete by source alone reads every reference of the
    repository (a quarter of a second at 100,000 records, for each changed file).
    A summary that cannot be read falls back to that slow delete."""
    slow: list[tuple[str]] = []
    for chunk in _chunks(paths):
        sql = f"SELECT path, summary FROM records WHERE path IN ({_marks(chunk)})"
        for path, blob in db.execute(sql, chunk).fetchall():
            try:
                refs = _refs(path, Summary._make(pickle.loads(blob)))
            except Exception:  # damaged: every row naming this source goes, the slow way
                slow.append((path,))
                continue
            db.executemany("DELETE FROM refs WHERE target = ? AND source = ? AND field = ?", [r[:3] for r in refs])
    db.executemany("DELETE FROM refs WHERE source = ?", slow)


FOLDER_BUCKETS = 64


def _bucket_of(folder: str) -> int:
    return zlib.crc32(folder.encode("utf-8", "surrogateescape")) % FOLDER_BUCKETS


def _bucket(blob: bytes) -> dict[str, bytes | None]:
    """The folders' digests kept in one bucket (``Damaged`` when it holds anything else)."""
    try:
        found = pickle.loads(blob)
    except Exception as err:
        raise Damaged(str(err)) from err
    if not isinstance(found, dict):
        raise Damaged("a bucket of folders' digests holds no mapping")
    return found


def _buckets(digests: Mapping[str, bytes | None]) -> dict[int, bytes]:
    """The folders' digests pickled by bucket."""
    grouped: dict[int, dict[str, bytes | None]] = {}
    for folder, digest in digests.items():
        grouped.setdefault(_bucket_of(folder), {})[folder] = digest
    return {bucket: _pack(found) for bucket, found in grouped.items()}


def _update_folders(db: sqlite3.Connection, digests: Mapping[str, bytes | None], gone: Iterable[str]) -> None:
    """Set the ``digests`` of folders and forget the ``gone`` ones, rewriting only their buckets."""
    gone = list(gone)
    touched = sorted({_bucket_of(folder) for folder in (*digests, *gone)})
    if not touched:
        return
    sql = f"SELECT bucket, digests FROM folders WHERE bucket IN ({_marks(touched)})"
    buckets = {b: _bucket(blob) for b, blob in db.execute(sql, touched)}
    for folder, digest in digests.items():
        buckets.setdefault(_bucket_of(folder), {})[folder] = digest
    for folder in gone:
        buckets.get(_bucket_of(folder), {}).pop(folder, None)
    db.executemany("INSERT OR REPLACE INTO folders VALUES (?, ?)", [(b, _pack(found)) for b, found in buckets.items()])


def _unique() -> str:
    """A name no other check picks (uuid4's randomness, without importing uuid)."""
    return os.urandom(16).hex()


def folder_of(rel: str) -> str:
    """The folder a listed path is in, as the walk names folders ("records/units/")."""
    return rel[: rel.rfind("/") + 1]


def _file_row(path: str, state: FileState) -> tuple[Any, ...]:
    return (path, folder_of(path), path.casefold(), *_file_values(state))


def _file_values(state: FileState) -> tuple[Any, ...]:
    rows = [row for row in state.rows if row[4] != INFO]
    infos = [row for row in state.rows if row[4] == INFO]
    packed = _pack(rows) if rows else None
    infos_packed = _pack(infos) if infos else None
    return (state.signature, state.key, packed, infos_packed, len(infos), state.flags, state.content)


def _merged(blob: bytes | None, info_blob: bytes | None) -> list[Row]:
    rows: list[Row] = _unpack(blob)
    if info_blob is None:
        return rows
    return sorted([*rows, *_unpack(info_blob)]) if rows else _unpack(info_blob)


def _refs(path: str, summary: Summary) -> list[tuple[str, str, str, str]]:
    return [(target, path, field, summary.kind) for field, target in summary.targets]


def _keys(path: str, summary: Summary) -> list[tuple[str, str]]:
    return [(key, path) for key in summary.keys]


def _marks(values: Sequence[Any]) -> str:
    """One SQL parameter mark for each of ``values``."""
    return ",".join("?" * len(values))


def _chunks(values: Iterable[str], size: int = 500) -> Iterator[tuple[str, ...]]:
    items = list(values)
    for start in range(0, len(items), size):
        yield tuple(items[start : start + size])


def write(
    folder: Path,
    meta: Mapping[str, Any],
    files: Iterable[tuple[str, FileState]],
    summaries: Iterable[tuple[str, Summary]],
    digests: Mapping[str, bytes | None],
) -> None:
    """Replace the state with a new database holding ``files``, ``summaries`` and the folders' ``digests``
    (quietly nothing when the cache folder cannot be written: the next check is a full one).
    ``files`` and ``summaries`` are taken as they come, a part at a time: made as they are
    written, they are never all held at once (100 MB at 100,000 records, on top of the check's)."""
    name = f"{PREFIX}{_unique()}{SUFFIX}"
    path = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=OFF")  # a new file: a kill while writing leaves it unreferenced
            db.execute("PRAGMA synchronous=OFF")
            db.execute("BEGIN")
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [(key, _pack(value)) for key, value in {**meta, "generation": _unique()}.items()],
            )
            db.executemany(
                "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (_file_row(rel, state) for rel, state in files),
            )
            db.executemany("INSERT INTO folders VALUES (?, ?)", _buckets(digests).items())
            for part in _parts(summaries):
                db.executemany(
                    "INSERT INTO records VALUES (?, ?, ?, ?)", [(rel, s.id, s.kind, _pack(tuple(s))) for rel, s in part]
                )
                db.executemany(
                    "INSERT OR IGNORE INTO refs VALUES (?, ?, ?, ?)", [r for rel, s in part for r in _refs(rel, s)]
                )
                db.executemany(
                    "INSERT OR IGNORE INTO keys VALUES (?, ?)", [r for rel, s in part for r in _keys(rel, s)]
                )
            db.execute("COMMIT")
            db.execute("PRAGMA journal_mode=WAL")
        finally:
            db.close()
        with open(path, "rb+") as stream:  # durable before anything points at it
            os.fsync(stream.fileno())
        write_atomic(folder / POINTER, name.encode("ascii"), durable=False)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            path.unlink()
        return
    forget(folder, keep=name)


def _parts(summaries: Iterable[tuple[str, Summary]], size: int = 1000) -> Iterator[list[tuple[str, Summary]]]:
    part: list[tuple[str, Summary]] = []
    for item in summaries:
        part.append(item)
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def forget(folder: Path, keep: str | None = None) -> None:
    """Remove the state databases other than ``keep`` (and the files of earlier versions)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        stale = name.startswith(PREFIX) and name.split("-wal")[0].split("-shm")[0].split("-journal")[0] != keep
        if stale or name in ("last-check.pickle", "last-check-records.pickle"):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)
