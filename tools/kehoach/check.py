"""``kehoach check`` over the working tree: the pipeline with the repository's
own configuration, on every file or on the files named (as pre-commit runs it)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .config import Config, load_config
from .incremental import check_working_tree

if TYPE_CHECKING:  # imported where used: a check with nothing changed never needs the model
    from .findings import Finding
    from .index import Index
    from .pipeline import Checked


def _selected(root: Path, paths: Sequence[Path]) -> frozenset[str]:
    """The files named (directly or inside named folders), relative to ``root`` in POSIX form."""
    chosen: set[str] = set()
    base = root.resolve()
    for path in paths:
        # realpath, not resolve(): a link loop among the files is reported by the reader, not raised here
        absolute = Path(os.path.realpath(path if path.is_absolute() else Path.cwd() / path))
        files = [Path(os.path.realpath(p)) for p in absolute.rglob("*")] if absolute.is_dir() else [absolute]
        for file in files:
            try:
                chosen.add(str(PurePosixPath(file.relative_to(base).as_posix())))
            except ValueError:
                chosen.add(str(PurePosixPath(file.as_posix())))
    return frozenset(chosen)


def run_check(
    root: Path, paths: Sequence[Path] = (), today: dt.date | None = None, use_cache: bool = False, infos: bool = True
) -> Checked:
    """Check the repository at ``root``. With ``paths``, report findings about
    those files, and the references elsewhere that they break; references are
    always resolved against the whole repository. Without ``infos``, findings of
    severity info are only counted (``Checked.hidden``)."""
    from .sources import WorkingTree

    source = WorkingTree(root, use_cache).begin()  # a second process reading already while the model is imported
    from .pipeline import check

    scope = _selected(root, paths) if paths else None
    return check(source, load_config(root), today or dt.date.today(), scope, infos=infos)


def check_findings(
    root: Path, paths: Sequence[Path] = (), today: dt.date | None = None, use_cache: bool = True, infos: bool = True
) -> tuple[list[Finding], int, int]:
    """The findings and the number of files ``run_check`` gives, as ``kehoach check``
    wants them: with the cache, only what changed since the last check is checked
    again (``incremental``), and no index is built. Without ``infos``, findings of
    severity info are left out, and counted (the third value)."""
    scope = _selected(root, paths) if paths else None
    config, when = load_config(root), today or dt.date.today()
    if use_cache:
        result = check_working_tree(root, config, when, scope, infos)
        return result.findings, result.files, result.hidden
    checked = run_check(root, paths, when, infos=infos)
    return checked.findings, checked.files, checked.hidden


def load_repository(root: Path, today: dt.date | None = None, use_cache: bool = False) -> tuple[Index, list[Finding]]:
    """The index of the repository at ``root`` and every finding, before its
    configuration is applied (inline suppressions are)."""
    from .pipeline import check
    from .sources import WorkingTree

    checked = check(WorkingTree(root, use_cache), Config(), today or dt.date.today())
    return checked.index, checked.findings
