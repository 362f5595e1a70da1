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
Inside a shard, the entries are pickled in pages of sixteen, in path order,
after a small header (which page starts with which path, where each page lies,
every path held). A shard's header is read when one of its files is first asked
for, and a page only when one of its entries is: a check of a few files (an edit)
reads and unpickles only the pages holding the entries it asks for, not the
1,500 neighbours sharing their shard at 100,000 records (nor the 1.7 MB of the
shard); a check reading everything (the state of the last check lost, the site)
reads each page once, the names every record repeats (classes, field names)
shared within a page. An entry holds the content key of the file it was read
from and what reading it produced, without the file's path objects (rebuilt from
the key, which is the path): the findings, the suppressions, the positions and
the validated record."""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import itertools
import os
import pickle
import sys
import time
import zlib
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ..atomic import write_atomic

_PACKAGE = Path(__file__).resolve().parent.parent
SHARDS = 64
# Entries pickled together. A check after an edit unpickles one page for each
# record around the edited one (a dozen, in as many shards): at 32 a page, 7 ms
# at 100,000 records; at 16, 2.5 ms, while reading every page (the state of the
# last check lost, the site) takes as long and the cache is 2% larger (at 8,
# 1.5 ms, but 6% larger and reading it all up to a tenth slower).
PAGE = 16
# A shard: MAGIC, the header's length (8 bytes, little-endian), the header (version,
# number of entries, first path of each page, where each page ends after the header,
# every path joined by NUL), then the pickled pages (path -> (content key, reading)).
FORMAT = "indexed"
MAGIC = b"KHRC"
_LENGTH = 8


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
    digest.update(_source_digest())
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


RACY_NS = 2_000_000_000  # a file changed this close to a reading of it may have changed again unseen


def _sources() -> list[tuple[str, str, os.stat_result]]:
    """The package's modules: (path inside the package, path, stat values), in path order."""
    found: list[tuple[str, str, os.stat_result]] = []

    def visit(folder: str, prefix: str) -> None:
        with os.scandir(folder) as listing:
            entries = list(listing)
        for entry in entries:
            if entry.name.endswith(".py") and entry.is_file():
                found.append((prefix + entry.name, entry.path, entry.stat()))
            elif entry.is_dir() and entry.name != "__pycache__":
                visit(entry.path, prefix + entry.name + "/")

    visit(str(_PACKAGE), "")
    return sorted(found)


def _source_digest() -> bytes:
    """A digest of the package's source: every module's path and content. Kept in the
    cache folder under a digest of the modules' paths and stat values (inode, times,
    size), so that it is not read again at every start (a twentieth of a one-file
    check): a module changed since has other times. Kept only when no module changed
    moments before it was read (within the times' resolution, a change just after
    the reading could leave the same times)."""
    started = time.time_ns()
    sources = _sources()
    seen = hashlib.blake2b(digest_size=16)
    seen.update(repr([(rel, st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size) for rel, _, st in sources]).encode())
    kept = _base_folder() / f"code-{hashlib.blake2b(str(_PACKAGE).encode(), digest_size=8).hexdigest()}"
    with contextlib.suppress(OSError):
        known = kept.read_bytes()
        if len(known) == 32 and known[:16] == seen.digest():
            return known[16:]
    digest = hashlib.blake2b(digest_size=16)
    for rel, path, _ in sources:
        digest.update(rel.encode())
        with open(path, "rb") as stream:
            digest.update(stream.read())
    if all(max(st.st_mtime_ns, st.st_ctime_ns) < started - RACY_NS for _, _, st in sources):
        with contextlib.suppress(OSError):
            kept.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(kept, seen.digest() + digest.digest(), durable=False)
    return digest.digest()


def _code_version() -> str:
    return f"{code_digest()}|{SHARDS}|{FORMAT}"


def _base_folder() -> Path:
    """The cache folder of every repository."""
    base = os.environ.get("KEHOACH_CACHE_DIR")
    return Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kehoach"


def cache_folder(root: Path) -> Path:
    """Where the cache of the repository at ``root`` lives."""
    return _base_folder() / hashlib.blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()


def content_key(data: bytes) -> bytes:
    # SHA-256 runs on the processor's SHA extensions where present: faster than BLAKE2 here.
    return hashlib.sha256(data).digest()


def shard_of(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogateescape")) % SHARDS  # a name may not be UTF-8


class _Shard:
    """One shard as read: its header, and its pages, each read and unpickled when
    one of its entries is first asked for."""

    __slots__ = ("count", "firsts", "held", "names", "pages", "stream", "values")

    def __init__(
        self, firsts: list[str], pages: list[tuple[int, int] | None], names: str, count: int, stream: Any = None
    ) -> None:
        self.firsts = firsts  # the first path of each page
        self.pages = pages  # (offset, length) of each page not read yet
        self.names = names  # every path held, joined by NUL
        self.count = count
        self.stream = stream  # the shard's file, open while a page is left to read
        self.held: set[str] | None = None
        self.values: dict[str, Any] = {}  # entries of the pages read, not taken yet

    def has(self, rel: str) -> bool:
        if self.held is None:
            self.held = set(self.names.split("\0")) if self.names else set()
        return rel in self.held

    def take(self, rel: str, key: bytes) -> Any | None:
        """The reading cached for ``rel`` when its content key is ``key`` (then
        forgotten here: the caller keeps it), else None."""
        at = bisect.bisect_right(self.firsts, rel) - 1
        if 0 <= at < len(self.pages) and (page := self.pages[at]) is not None:
            self.pages[at] = None  # read once, whatever it holds
            try:
                values = pickle.loads(os.pread(self.stream.fileno(), page[1], page[0]))
            except Exception:  # a damaged page, or a file closed since: its files are read again
                values = None
            if isinstance(values, dict):
                self.values.update(values)
            if not any(self.pages):
                self.close()
        hit = self.values.get(rel)
        if not (isinstance(hit, tuple) and len(hit) == 2 and hit[0] == key):
            return None
        del self.values[rel]
        return hit[1]

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None


def _header(data: bytes) -> int:
    """The length of the header a shard's file starts with (``data``: its first bytes); -1 if it has none."""
    if len(data) < len(MAGIC) + _LENGTH or not data.startswith(MAGIC):
        return -1
    return int.from_bytes(data[len(MAGIC) : len(MAGIC) + _LENGTH], "little")


def _pages(ends: list[int], base: int) -> list[tuple[int, int]]:
    """(offset, length) of each page, from where each ends after the header (at ``base``)."""
    return [(base + start, end - start) for start, end in zip([0, *ends[:-1]], ends, strict=True)]


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
            self.stored[shard] = entries.count
        return entries

    def _load(self, shard: int) -> _Shard:
        """The shard's header, its file kept open to read pages from (the file a later
        save puts in its place is another)."""
        try:
            stream = self._path(shard).open("rb", buffering=0)
        except OSError:  # missing: start afresh
            return _Shard([], [], "", 0)
        try:
            size = _header(stream.read(len(MAGIC) + _LENGTH))
            if not 0 < size <= os.fstat(stream.fileno()).st_size:
                raise ValueError(size)
            version, count, firsts, ends, names = pickle.loads(stream.read(size))
            if (
                version == self.version
                and isinstance(count, int)
                and isinstance(names, str)
                and isinstance(firsts, list)
                and isinstance(ends, list)
                and len(firsts) == len(ends)
                and all(isinstance(end, int) for end in ends)
            ):
                pages: list[tuple[int, int] | None] = list(_pages(ends, len(MAGIC) + _LENGTH + size))
                return _Shard(firsts, pages, names, count, stream)
        except Exception:  # damaged or from another version: start afresh
            pass
        stream.close()
        return _Shard([], [], "", 0)

    def has(self, rel: str) -> bool:
        """Whether some content of ``rel`` is cached (not necessarily the current one)."""
        shard = shard_of(rel)
        return self._shard(shard).has(rel) or rel in self.used[shard]

    def has_done(self) -> None:
        """``has`` asked for every file: the sets of paths it made are let go (20 MB at
        100,000 records, held through the check otherwise); made again if asked again."""
        for entries in self.entries:
            if entries is not None:
                entries.held = None

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
        for entries in self.entries:  # no file left open where it is replaced
            if entries is not None:
                entries.close()
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
    """A shard's file: its header and its entries in pages of PAGE, in path order
    (neighbours, often read together, share a page)."""
    rels = sorted(used)
    firsts: list[str] = []
    pages: list[bytes] = []
    for start in range(0, len(rels), PAGE):
        chunk = rels[start : start + PAGE]
        firsts.append(chunk[0])
        pages.append(pickle.dumps({rel: used[rel] for rel in chunk}, protocol=pickle.HIGHEST_PROTOCOL))
    return _joined(version, len(rels), firsts, pages, "\0".join(rels))


def _joined(version: str, count: int, firsts: list[str], pages: list[bytes], names: str) -> bytes:
    """A shard's file made of its parts."""
    ends = list(itertools.accumulate(map(len, pages)))
    header = pickle.dumps((version, count, firsts, ends, names), protocol=pickle.HIGHEST_PROTOCOL)
    return b"".join([MAGIC, len(header).to_bytes(_LENGTH, "little"), header, *pages])


def _parts(data: bytes) -> tuple[str, int, list[str], list[bytes], str]:
    """The parts of a shard's file (``_joined`` undone)."""
    size = _header(data)
    version, count, firsts, ends, names = pickle.loads(data[len(MAGIC) + _LENGTH : len(MAGIC) + _LENGTH + size])
    pages = [data[offset : offset + length] for offset, length in _pages(ends, len(MAGIC) + _LENGTH + size)]
    return version, count, firsts, pages, names
