"""When each record file last changed, from git, read once at build time.
Outside a git repository (a copied folder, an archive) or without git, pages
simply do not show the date."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

_GIT = ("git", "-c", "core.quotePath=false")


def last_changed(root: Path, folder: str = "records") -> dict[str, dt.date]:
    """{path relative to the repository: date of the last commit that touched it}."""
    try:
        done = subprocess.run(
            [*_GIT, "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder],
            capture_output=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    prefix = _prefix(root)
    changed: dict[str, dt.date] = {}
    for block in done.stdout.decode("utf-8", "replace").split("\0")[1:]:
        date_line, _, names = block.partition("\n")
        try:
            day = dt.date.fromisoformat(date_line.strip())
        except ValueError:
            continue
        for name in names.split("\n"):
            name = name.strip()
            if name.startswith(prefix):
                changed.setdefault(name[len(prefix) :], day)  # newest first: keep the first seen
    return changed


def _prefix(root: Path) -> str:
    """The repository's own folder inside the git work tree ('' at its top)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else ""
