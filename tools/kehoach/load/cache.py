"""A cache of read records keyed by each file's content, so that a check after
a small change (pre-commit, `make serve`) re-reads only the changed files.

Stored outside the repository, in the user's cache folder ($KEHOACH_CACHE_DIR,
else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach), one folder per repository:
a file inside the working tree could arrive with a pull request, and a pickle
must never come from anyone else. The cache is tied to the exact source of the
whole package and to the versions of Python, pydantic and PyYAML: any change
to the code starts it afresh. A damaged cache file is ignored.

The entries are spread over a fixed number of shard files by path, so that a
change to one record rewrites one shard, not the whole cache (at 10,000 records
rewriting everything took a quarter of a second, at 100,000 five seconds).
A shard is read when one of its files is first asked for. Inside it, the entries
are pickled in pages of a few dozen: a check of a few files (an edit) unpickles
only the pages holding the entries it asks for, not the 1,500 neighbours sharing
their shard at 100,000 records; a check reading everything (the state of the
last check lost, the site) unpickles each page once, the names every record
repeats (classes, field names) shared within a page, and drops the page's bytes
as soon as it is unpickled. An entry holds what reading one file produced,
without the file's path objects (rebuilt from the key, which is the path): the
findings, the suppressions, the positions and the validated record."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import zlib
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ..atomic import write_atomic

_PACKAGE = Path(__file__).resolve().parent.parent
SHARDS = 64
PAGE = 32  # entries pickled together
FORMAT = "pages"  # a shard: path -> (content key, page), and the pickled pages (path -> reading)


@functools.cache
def code_digest() -> str:
    """Names the code a cached result was made by: the package's source (every
    module's path and content), Python, and the installed versions of the
    libraries reading and validating records (found without importing them: a
    check with nothing changed, or a clean edit, never needs PyYAML). Computed once
    per process: the record cache and the state of the last check are both tied
    to it."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for source in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(source.relative_to(_PACKAGE)).encode())
        digest.update(source.read_bytes())
    for name in ("pydantic", "pydantic_core", "yaml"):
        spec = find_spec(name)
        folder = Path(spec.origin).parent if spec and spec.origin else None
        if folder is None:
            continue
        digest.update(str(folder).encode())
        try:
            listing = sorted(os.listdir(folder.parent))
            inside = sorted(os.listdir(folder))
        except OSError:
            continue
        digest.update("|".join(n for n in listing if n.endswith(".dist-info")).encode())  # name and version
        digest.update("|".join(n for n in inside if n.endswith((".so", ".pyd"))).encode())  # libyaml or not
    return digest.hexdigest()


def _code_version() -> str:
    return f"{code_digest()}|{SHARDS}|{FORMAT}"


def cache_folder(root: Path) -> Path:
    """Where the cache of the repository at ``root`` lives."""
    base = os.environ.get("KEHOACH_CACHE_DIR")
    folder = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kehoach"
    return folder / hashlib.blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()


def content_key(data: bytes) -> bytes:
    # SHA-256 runs on the processor's SHA extensions where present: faster than BLAKE2 here.
    return hashlib.sha256(data).digest()


def shard_of(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogateescape")) % SHARDS  # a name may not be UTF-8


Table = dict[str, tuple[bytes, int]]  # path -> (content key, page number)


class _Shard:
    """One shard as read: its table and its pages, each unpickled when one of its
    entries is first asked for (then its bytes are dropped)."""

    __slots__ = ("pages", "table", "values")

    def __init__(self, table: Table, pages: list[bytes | None]) -> None:
        self.table = table
        self.pages = pages
        self.values: dict[str, Any] = {}  # entries of the pages unpickled, not taken yet

    def take(self, rel: str, key: bytes) -> Any | None:
        """The reading cached for ``rel`` when its content key is ``key`` (then
        forgotten here: the caller keeps it), else None."""
        hit = self.table.get(rel)
        if not (isinstance(hit, tuple) and len(hit) == 2 and hit[0] == key):
            return None
        page = hit[1]
        if isinstance(page, int) and 0 <= page < len(self.pages) and (data := self.pages[page]) is not None:
            self.pages[page] = None  # unpickled once, whatever it holds
            try:
                values = pickle.loads(data)
            except Exception:  # a damaged page: its files are read again
                values = None
            if isinstance(values, dict):
                self.values.update(values)
        del self.table[rel]
        return self.values.pop(rel, None)


class RecordCache:
    """The cached readings of one repository. A shard is read the first time one of
    its files is asked for (a check of a few files reads only their shards), and
    its entries are unpickled a page at a time, when one of the page's entries is
    asked for: taking one record from a shard of 100,000 records' cache costs the
    unpickling of its page, not that of its 1,500 neighbours in the shard."""

    def __init__(self, root: Path) -> None:
        self.folder = cache_folder(root)
        self._version: str | None = None
        # Per shard: None until read; then its entries not taken yet (those taken,
        # or put, move to ``used``, unpickled).
        self.entries: list[_Shard | None] = [None] * SHARDS
        self.stored = [0] * SHARDS  # how many entries the shard held when read
        self.used: list[dict[str, tuple[bytes, Any]]] = [{} for _ in range(SHARDS)]
        self.changed = [False] * SHARDS

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = _code_version()
        return self._version

    def _path(self, shard: int) -> Path:
        return self.folder / f"{shard:02d}.pickle"

    def _shard(self, shard: int) -> _Shard:
        entries = self.entries[shard]
        if entries is None:
            entries = self.entries[shard] = self._load(shard)
            self.stored[shard] = len(entries.table)
        return entries

    def _load(self, shard: int) -> _Shard:
        try:
            with self._path(shard).open("rb") as stream:
                version, table, pages = pickle.load(stream)
            if version == self.version and isinstance(table, dict) and isinstance(pages, list):
                return _Shard(table, [page if isinstance(page, bytes) else None for page in pages])
        except Exception:  # missing, damaged or from another version: start afresh
            pass
        return _Shard({}, [])

    def has(self, rel: str) -> bool:
        """Whether some content of ``rel`` is cached (not necessarily the current one)."""
        shard = shard_of(rel)
        return rel in self._shard(shard).table or rel in self.used[shard]

    def get(self, rel: str, key: bytes) -> Any | None:
        shard = shard_of(rel)
        entries = self._shard(shard)
        taken = self.used[shard].get(rel)
        if taken is not None and taken[0] == key:
            return taken[1]
        value = entries.take(rel, key)
        if value is not None:
            self.used[shard][rel] = (key, value)
        return value

    def keys(self) -> dict[str, bytes]:
        """The content key of every file whose reading was taken from the cache or put in it by this run."""
        return {rel: key for used in self.used for rel, (key, _) in used.items()}

    def put(self, rel: str, key: bytes, value: Any) -> None:
        shard = shard_of(rel)
        self._shard(shard)
        self.used[shard][rel] = (key, value)
        self.changed[shard] = True

    def save(self) -> None:
        """Rewrite the shards that changed, keeping the entries of this run's
        files only (deleted files drop out; a shard none of whose files was asked
        for is emptied)."""
        with contextlib.suppress(OSError):  # the single cache file of earlier versions, beside the folder
            self.folder.with_suffix(".pickle").unlink(missing_ok=True)
        for shard in range(SHARDS):
            used = self.used[shard]
            if self.entries[shard] is None:
                if not self._path(shard).exists():
                    continue
            elif not self.changed[shard] and len(used) == self.stored[shard]:
                continue
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                write_atomic(self._path(shard), _packed(self.version, used), durable=False)  # a lost cache is rebuilt
            except OSError:
                return  # a read-only checkout still gets its check, just without a cache


def _packed(version: str, used: dict[str, tuple[bytes, Any]]) -> bytes:
    """A shard's file: its table and its entries in pages of PAGE, in path order
    (neighbours, often read together, share a page)."""
    rels = sorted(used)
    table: Table = {}
    pages: list[bytes] = []
    for start in range(0, len(rels), PAGE):
        chunk = rels[start : start + PAGE]
        for rel in chunk:
            table[rel] = (used[rel][0], len(pages))
        pages.append(pickle.dumps({rel: used[rel][1] for rel in chunk}, protocol=pickle.HIGHEST_PROTOCOL))
    return pickle.dumps((version, table, pages), protocol=pickle.HIGHEST_PROTOCOL)
