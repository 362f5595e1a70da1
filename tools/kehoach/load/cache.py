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
An entry holds what reading one file produced, without the file's path objects
(rebuilt from the key, which is the path): the findings, the suppressions, the
positions and the validated record."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

from ..atomic import write_atomic

_PACKAGE = Path(__file__).resolve().parent.parent
SHARDS = 64


def _code_version() -> str:
    import pydantic  # here, not above: a check with nothing changed never imports them
    import yaml

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{sys.version}|{pydantic.VERSION}|{yaml.__version__}|{yaml.__with_libyaml__}|{SHARDS}".encode())
    for source in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(source.relative_to(_PACKAGE)).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


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


class RecordCache:
    def __init__(self, root: Path) -> None:
        self.folder = cache_folder(root)
        self.version = _code_version()
        self.entries: list[dict[str, tuple[bytes, Any]]] = [self._load(n) for n in range(SHARDS)]
        self.used: list[dict[str, tuple[bytes, Any]]] = [{} for _ in range(SHARDS)]
        self.changed = [False] * SHARDS

    def _path(self, shard: int) -> Path:
        return self.folder / f"{shard:02d}.pickle"

    def _load(self, shard: int) -> dict[str, tuple[bytes, Any]]:
        try:
            with self._path(shard).open("rb") as stream:
                version, entries = pickle.load(stream)
            if version == self.version and isinstance(entries, dict):
                return entries
        except Exception:  # missing, damaged or from another version: start afresh
            pass
        return {}

    def has(self, rel: str) -> bool:
        """Whether some content of ``rel`` is cached (not necessarily the current one)."""
        return rel in self.entries[shard_of(rel)]

    def get(self, rel: str, key: bytes) -> Any | None:
        shard = shard_of(rel)
        hit = self.entries[shard].get(rel)
        if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == key:  # an entry of another shape is a miss
            self.used[shard][rel] = hit
            return hit[1]
        return None

    def put(self, rel: str, key: bytes, value: Any) -> None:
        shard = shard_of(rel)
        self.used[shard][rel] = (key, value)
        self.changed[shard] = True

    def save(self) -> None:
        """Rewrite the shards that changed, keeping the entries of this run's
        files only (deleted files drop out)."""
        with contextlib.suppress(OSError):  # the single cache file of earlier versions, beside the folder
            self.folder.with_suffix(".pickle").unlink(missing_ok=True)
        for shard in range(SHARDS):
            used = self.used[shard]
            if not self.changed[shard] and len(used) == len(self.entries[shard]):
                continue
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                data = pickle.dumps((self.version, used), protocol=pickle.HIGHEST_PROTOCOL)
                write_atomic(self._path(shard), data, durable=False)  # a lost cache is only rebuilt
            except OSError:
                return  # a read-only checkout still gets its check, just without a cache
