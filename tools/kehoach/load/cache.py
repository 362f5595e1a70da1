"""A cache of read records keyed by each file's content, so that a check after
a small change (pre-commit, `make serve`) re-reads only the changed files.

Stored outside the repository, in the user's cache folder ($KEHOACH_CACHE_DIR,
else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach), one file per repository:
a file inside the working tree could arrive with a pull request, and a pickle
must never come from anyone else. The cache is tied to the exact source of the
whole package and to the versions of Python, pydantic and PyYAML: any change
to the code starts it afresh. A damaged cache file is ignored.

An entry holds what reading one file produced, without the file's path objects
(rebuilt from the key, which is the path): the findings, the suppressions, the
positions and the validated record."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import pydantic
import yaml

_PACKAGE = Path(__file__).resolve().parent.parent


def _code_version() -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{sys.version}|{pydantic.VERSION}|{yaml.__version__}|{yaml.__with_libyaml__}".encode())
    for source in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(source.relative_to(_PACKAGE)).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def cache_file(root: Path) -> Path:
    base = os.environ.get("KEHOACH_CACHE_DIR")
    folder = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kehoach"
    name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()
    return folder / f"{name}.pickle"


def content_key(data: bytes) -> bytes:
    # SHA-256 runs on the processor's SHA extensions where present: faster than BLAKE2 here.
    return hashlib.sha256(data).digest()


class RecordCache:
    def __init__(self, root: Path) -> None:
        self.path = cache_file(root)
        self.version = _code_version()
        self.entries: dict[str, tuple[bytes, Any]] = {}
        self.used: dict[str, tuple[bytes, Any]] = {}
        self.changed = False
        try:
            with self.path.open("rb") as stream:
                version, entries = pickle.load(stream)
            if version == self.version and isinstance(entries, dict):
                self.entries = entries
        except Exception:  # missing, damaged or from another version: start afresh
            self.entries = {}

    def get(self, rel: str, key: bytes) -> Any | None:
        hit = self.entries.get(rel)
        if hit is not None and hit[0] == key:
            self.used[rel] = hit
            return hit[1]
        return None

    def put(self, rel: str, key: bytes, value: Any) -> None:
        self.used[rel] = (key, value)
        self.changed = True

    def save(self) -> None:
        """Keep the entries of this run's files only (deleted files drop out)."""
        if not self.changed and len(self.used) == len(self.entries):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as stream:
                pickle.dump((self.version, self.used), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.path)
        except OSError:
            pass  # a read-only checkout still gets its check, just without a cache
