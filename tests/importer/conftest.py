"""Helpers for the import tests: repositories holding only the units registry,
and running the command as a user does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach import cli

from ..conftest import REPO_ROOT

SOURCES = REPO_ROOT / "tests" / "fixtures" / "sources"
EXTRA = SOURCES / "extra"


def registry_repo(base: Path) -> Path:
    """A repository with the real units registry and nothing else: where an office starts."""
    repo = base / "kho"
    (repo / "records").mkdir(parents=True)
    shutil.copytree(REPO_ROOT / "records" / "units", repo / "records" / "units")
    return repo


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    return registry_repo(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files_under(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml"))}
