"""The records as they were at a git revision, or as they are in the working
tree, each read through the checker's pipeline (``sources.Revision`` and
``sources.WorkingTree``: the strict reader, no rules)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..findings import Severity
from ..index import Index
from ..pipeline import check
from ..sources import GitError, Revision, Source, WorkingTree, git


def resolve(root: Path, revision: str) -> str:
    """The commit a revision names (a branch, tag, hash, HEAD~2...)."""
    try:
        git(root, "rev-parse", "--show-toplevel")
    except GitError as err:
        if "not a git repository" not in str(err):
            raise  # git's own reason, e.g. a repository owned by another user
        raise GitError(f"{root} không nằm trong một kho git; 'kehoach diff' so sánh các phiên bản git") from None
    try:
        return (
            git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
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


def _snapshot(label: str, source: Source) -> Snapshot:
    # No rule runs, so the date does not matter.
    index = check(source, Config(), dt.date.today(), rules=()).index
    indexed = {id(entry.file) for entry in index.entries.values()}
    unreadable = {}
    for loaded in index.files:
        if id(loaded) in indexed:
            continue
        errors = [f for f in loaded.findings if f.severity is Severity.ERROR]
        first = f"{errors[0].line}:{errors[0].col}: {errors[0].message}" if errors else "trùng mã với một bản ghi khác"
        unreadable[str(loaded.rel)] = first
    return Snapshot(label, index, unreadable)


def at_revision(root: Path, commit: str, label: str) -> Snapshot:
    """The records under ``records/`` in ``commit``."""
    return _snapshot(label, Revision(root, commit))


WORKING_LABEL = "các tệp hiện có (cả phần chưa commit)"


def working_tree(root: Path) -> Snapshot:
    """The records as they are on disk now, committed or not (the cache is only read)."""
    return _snapshot(WORKING_LABEL, WorkingTree(root, use_cache=True, save_cache=False))


__all__ = ["GitError", "Snapshot", "at_revision", "resolve", "working_tree"]
