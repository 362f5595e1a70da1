"""Shared test helpers: fixture repositories built from tests/fixtures."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
CASES = FIXTURES / "cases"
REPO_ROOT = Path(__file__).parent.parent
CASE_META = ("expected.txt", "delete.txt", "today.txt")
DEFAULT_TODAY = dt.date(2021, 7, 1)  # the fixture plan's year, so nothing is overdue by accident


def case_today(case: str) -> dt.date:
    """The check date a case runs with: its today.txt, or DEFAULT_TODAY."""
    path = CASES / case / "today.txt"
    return dt.date.fromisoformat(path.read_text(encoding="utf-8").strip()) if path.exists() else DEFAULT_TODAY


def make_repo(tmp_path: Path, case: str | None = None) -> Path:
    """A copy of the base fixture repository with ``case``'s files laid over it.

    A case folder mirrors the repository; its ``delete.txt`` lists files to remove
    ``expected.txt`` (the findings the case must produce, at every severity) and
    ``today.txt`` (the check date) are not copied."""
    repo = tmp_path / "repo"
    shutil.copytree(BASE, repo, symlinks=True)
    if case:
        source = CASES / case
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            if path.is_dir() or rel.name in CASE_META:
                continue
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, repo / rel)
        deletions = source / "delete.txt"
        if deletions.exists():
            for line in deletions.read_text(encoding="utf-8").split():
                (repo / line).unlink()
    return repo


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests keep the record cache in a temporary folder, never in the user's."""
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def base_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


@pytest.fixture
def results_repo(tmp_path: Path) -> Path:
    """The base repository plus tests/fixtures/results: a 2021-2025 plan with a yearly
    task, three reports on it, and its issuing board merged into a new one on 1/7/2025."""
    repo = make_repo(tmp_path)
    shutil.copytree(FIXTURES / "results", repo, dirs_exist_ok=True)
    return repo
