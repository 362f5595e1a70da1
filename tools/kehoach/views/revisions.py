"""The records as they were at a git revision, read without touching the
working tree (``git ls-tree`` + ``git cat-file --batch``), or as they are in
the working tree; either way parsed by the checker's own strict reader."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..codes import Code
from ..findings import Severity
from ..index import Index, build
from ..load import MAX_FILE_BYTES, LoadedFile, discover, new_file, read_bytes, record_kind
from ..load.cache import RecordCache, content_key
from ..load.files import RECORDS_DIR
from ..model.common import Record
from ..read import from_cache, parse_record


class GitError(Exception):
    """git is missing, the folder is not a repository, or a revision does not exist (Vietnamese message)."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
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


def resolve(root: Path, revision: str) -> str:
    """The commit a revision names (a branch, tag, hash, HEAD~2...)."""
    try:
        _git(root, "rev-parse", "--show-toplevel")
    except GitError as err:
        if "not a git repository" not in str(err):
            raise  # git's own reason, e.g. a repository owned by another user
        raise GitError(f"{root} không nằm trong một kho git; 'kehoach diff' so sánh các phiên bản git") from None
    try:
        return (
            _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
            .decode("ascii")
            .strip()
        )
    except GitError:
        raise GitError(f"không có phiên bản '{revision}' trong kho git (xem 'git log --oneline')") from None


@dataclass
class Snapshot:
    """Valid records of one revision, and the files that could not be read as records."""

    label: str
    index: Index
    unreadable: dict[str, str] = field(default_factory=dict)  # path -> first error


def _snapshot(label: str, files: list[LoadedFile], valid: list[tuple[LoadedFile, Record]]) -> Snapshot:
    index, _ = build(files, valid)
    indexed = {id(entry.file) for entry in index.entries.values()}
    unreadable = {}
    for loaded in files:
        if id(loaded) in indexed:
            continue
        errors = [f for f in loaded.findings if f.severity is Severity.ERROR]
        first = f"{errors[0].line}:{errors[0].col}: {errors[0].message}" if errors else "trùng mã với một bản ghi khác"
        unreadable[str(loaded.rel)] = first
    return Snapshot(label, index, unreadable)


class _Reader:
    """Reads record files through the checker's content-keyed cache, read-only: files
    unchanged since the last check are not parsed again, and a diff never rewrites
    the cache with another revision's files."""

    def __init__(self, root: Path) -> None:
        self.cache = RecordCache(root)
        self.files: list[LoadedFile] = []
        self.valid: list[tuple[LoadedFile, Record]] = []

    def add(self, loaded: LoadedFile, data: bytes | None) -> None:
        """One file's bytes (None: could not be read, and ``loaded`` says why)."""
        record = None
        if data is not None:
            hit = self.cache.get(str(loaded.rel), content_key(data))
            record = from_cache(loaded, hit) if hit is not None else parse_record(data, loaded)
        self.files.append(loaded)
        if record is not None:
            self.valid.append((loaded, record))


def at_revision(root: Path, commit: str, label: str) -> Snapshot:
    """The records under ``records/`` in ``commit``."""
    listing = _git(root, "ls-tree", "-r", "-l", "-z", "--end-of-options", commit, "--", RECORDS_DIR)
    wanted: list[tuple[PurePosixPath, str, bool]] = []
    reader = _Reader(root)
    for item in filter(None, listing.split(b"\0")):
        meta, _, raw_path = item.partition(b"\t")
        mode, kind, sha, size = meta.decode("ascii").split()
        rel = PurePosixPath(raw_path.decode("utf-8", "replace"))
        if kind != "blob" or rel.suffix not in (".yaml", ".yml"):
            continue
        if mode == "120000":  # a symbolic link: its target may lie outside the repository
            loaded = LoadedFile(rel, record_kind(rel))
            loaded.add(Code.KH001, "tệp là liên kết tượng trưng; không đọc khi so sánh phiên bản")
            reader.add(loaded, None)
            continue
        wanted.append((rel, sha, int(size) <= MAX_FILE_BYTES))
    blobs = _cat(root, [sha for _, sha, small in wanted if small])
    for rel, sha, small in wanted:
        loaded = LoadedFile(rel, record_kind(rel))
        if not small:
            loaded.add(Code.KH001, f"tệp quá lớn (tối đa {MAX_FILE_BYTES:,} byte cho một bản ghi)")
        reader.add(loaded, blobs[sha] if small else None)
    return _snapshot(label, reader.files, reader.valid)


def _cat(root: Path, shas: list[str]) -> dict[str, bytes]:
    """Contents of blobs by id, all in one ``git cat-file --batch``."""
    if not shas:
        return {}
    out = _git(root, "cat-file", "--batch", stdin=("\n".join(shas) + "\n").encode("ascii"))
    blobs: dict[str, bytes] = {}
    at = 0
    while at < len(out):
        end = out.index(b"\n", at)
        sha, _, size = out[at:end].decode("ascii").split()
        start = end + 1
        blobs[sha] = out[start : start + int(size)]
        at = start + int(size) + 1  # content is followed by a newline
    return blobs


def working_tree(root: Path) -> Snapshot:
    """The records as they are on disk now, committed or not."""
    reader = _Reader(root)
    for path in discover(root):
        loaded = new_file(root, path)
        reader.add(loaded, read_bytes(path, loaded, root))
    return _snapshot("cây làm việc", reader.files, reader.valid)
