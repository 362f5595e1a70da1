"""Where the records of a check come from: small adapters that each return
every record file read and validated (stages 1 and 2), for ``pipeline.check``.

- ``WorkingTree``: the files under ``records/`` now (content-keyed cache,
  parallel reading: ``read.read_files``);
- ``Revision``: the files of a git revision, read without touching the working
  tree (``git ls-tree`` + ``git cat-file --batch``);
- ``WithDrafts``: one or more working trees overlaid, plus files held in memory
  (records drafted by ``kehoach import`` before they are written)."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Protocol

from .codes import Code
from .kinds import RECORDS_DIR
from .load import MAX_FILE_BYTES, LoadedFile
from .load.cache import RecordCache, content_key
from .load.files import record_kind
from .read import Each, Reader, from_cache, parse_record

if TYPE_CHECKING:
    from .model.common import Record

ReadFile = tuple[LoadedFile, "Record | None"]


class Source(Protocol):
    def read(self) -> list[ReadFile]:
        """Every record file, read and validated (the record is None when invalid)."""
        ...


class BatchedSource(ABC):
    """A source whose files are listed before they are read (``begin``: how many
    there are tells the pipeline whether to set a process aside for some rules), then
    handed over batch by batch as they are read, so that what is done with each
    record alone (``pipeline.Early``) overlaps the reading."""

    @abstractmethod
    def begin(self) -> Begun:
        """This source with its files listed and its reading begun now."""

    def read(self, each: Each | None = None) -> list[ReadFile]:
        """Every record file, read and validated; ``each`` called with every batch as it is read."""
        return self.begin().read(each)


@dataclass(frozen=True)
class WorkingTree(BatchedSource):
    """The records on disk under ``root``; with ``use_cache``, files unchanged since
    the last check come from the cache, which is then brought up to date (unless
    ``save_cache`` is False); ``cache``: the cache to use (the caller then asks it which
    contents were read: ``RecordCache.keys``); ``known``: path -> content key of the
    files whose cached reading is taken without reading them (``read.read_one``)."""

    root: Path
    use_cache: bool = False
    save_cache: bool = True
    cache: RecordCache | None = field(default=None, compare=False)
    known: Mapping[str, bytes] = field(default_factory=dict, compare=False)

    def begin(self) -> Begun:
        """This source with its reading begun now (``read.Reader``: the second
        process forked before the caller imports the model)."""
        cache = self.cache if self.cache is not None else RecordCache(self.root) if self.use_cache else None
        return Begun(cache, Reader(self.root, cache, self.known), self.save_cache)


@dataclass(frozen=True)
class Begun(BatchedSource):
    """Record files whose reading has begun (``BatchedSource.begin``), through
    ``cache`` when given, which is saved once they are read if ``save``."""

    cache: RecordCache | None
    reader: Reader
    save: bool = True

    @property
    def listed(self) -> int:
        """How many record files there are to read."""
        return len(self.reader.listing)

    def begin(self) -> Begun:
        return self

    def read(self, each: Each | None = None) -> list[ReadFile]:
        """Every file read; ``each`` called with them batch by batch as they are read (``Reader.finish``)."""
        read = self.reader.finish(each)
        if self.cache and self.save:
            self.cache.save()
        return read


def _in_memory(rel: PurePosixPath, data: bytes, cache: RecordCache | None) -> ReadFile:
    """A file read from bytes already at hand; through the cache, read-only, when given."""
    loaded = LoadedFile(rel, record_kind(rel))
    hit = cache.get(str(rel), content_key(data)) if cache else None
    record = from_cache(loaded, hit) if hit is not None else parse_record(data, loaded)
    return loaded, record


@dataclass(frozen=True)
class WithDrafts:
    """The working trees ``roots`` overlaid (a later one's file replaces an earlier
    one's at the same path), plus ``drafts`` (path -> content) where no file is."""

    roots: Sequence[Path]
    drafts: Mapping[PurePosixPath, bytes] = field(default_factory=dict)

    def read(self) -> list[ReadFile]:
        merged: dict[str, ReadFile] = {}
        for root in dict.fromkeys(self.roots):
            for loaded, record in WorkingTree(root, use_cache=True, save_cache=False).read():
                merged[str(loaded.rel)] = (loaded, record)
        for rel, data in self.drafts.items():
            merged.setdefault(str(rel), _in_memory(rel, data, None))
        return [merged[rel] for rel in sorted(merged, key=lambda rel: PurePosixPath(rel).parts)]


class GitError(Exception):
    """git is missing, the folder is not a repository, or a revision does not exist (Vietnamese message)."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Output of a git command run in ``root``; GitError with git's reason when it fails."""
    import subprocess  # here, not above: a check of the working tree runs no git

    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            check=False,
            env={**os.environ, "LC_ALL": "C"},  # git's messages in one language, so they can be recognised
        )
    except FileNotFoundError:
        raise GitError("không tìm thấy lệnh git; hãy cài git") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} báo lỗi: {message[-1] if message else done.returncode}")
    return done.stdout


def _cat(root: Path, shas: list[str]) -> dict[str, bytes]:
    """Contents of blobs by id, all in one ``git cat-file --batch``."""
    if not shas:
        return {}
    out = git(root, "cat-file", "--batch", stdin=("\n".join(shas) + "\n").encode("ascii"))
    blobs: dict[str, bytes] = {}
    at = 0
    while at < len(out):
        end = out.index(b"\n", at)
        sha, _, size = out[at:end].decode("ascii").split()
        start = end + 1
        blobs[sha] = out[start : start + int(size)]
        at = start + int(size) + 1  # content is followed by a newline
    return blobs


@dataclass(frozen=True)
class Revision:
    """The records under ``records/`` in git commit ``commit`` of the repository at
    ``root``. Files unchanged since the last check are taken from the cache, which
    is only read: another revision's files never replace the working tree's there."""

    root: Path
    commit: str

    def read(self) -> list[ReadFile]:
        listing = git(self.root, "ls-tree", "-r", "-l", "-z", "--end-of-options", self.commit, "--", RECORDS_DIR)
        cache = RecordCache(self.root)
        read: list[ReadFile] = []
        wanted: list[tuple[PurePosixPath, str, bool]] = []
        for item in filter(None, listing.split(b"\0")):
            meta, _, raw_path = item.partition(b"\t")
            mode, kind, sha, size = meta.decode("ascii").split()
            rel = PurePosixPath(raw_path.decode("utf-8", "replace"))
            if kind != "blob" or rel.suffix not in (".yaml", ".yml"):
                continue
            if mode == "120000":  # a symbolic link: its target may lie outside the repository
                read.append((_unread(rel, "tệp là liên kết tượng trưng; không đọc khi so sánh phiên bản"), None))
            else:
                wanted.append((rel, sha, int(size) <= MAX_FILE_BYTES))
        blobs = _cat(self.root, [sha for _, sha, small in wanted if small])
        for rel, sha, small in wanted:
            if small:
                read.append(_in_memory(rel, blobs[sha], cache))
            else:
                read.append((_unread(rel, f"tệp quá lớn (tối đa {MAX_FILE_BYTES:,} byte cho một bản ghi)"), None))
        return read


def _unread(rel: PurePosixPath, why: str) -> LoadedFile:
    loaded = LoadedFile(rel, record_kind(rel))
    loaded.add(Code.KH001, why)
    return loaded
