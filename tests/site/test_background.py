"""The spreadsheets, the search index and the plan pages are made by forked children
while the other pages are built (kehoach/site/background.py): the result must be the
one this process would give alone, also when the child fails or cannot be started."""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import os
import zipfile
from pathlib import Path

import pytest

from kehoach.check import load_repository
from kehoach.site import background
from kehoach.site.background import Later
from kehoach.site.html import Page
from kehoach.site.records import build_site

PARENT = os.getpid()
TODAY = dt.date(2025, 9, 1)

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


@pytest.fixture(autouse=True)
def _may_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build forks only from a process with one thread; the test session may
    run servers for the browser tests, which these children never touch."""
    monkeypatch.setattr(background, "can_fork", lambda: True)


def _files() -> dict[str, bytes]:
    return {f"tai-ve/{n}.csv": f"dòng {n}\n".encode() * n for n in range(200)}


@needs_fork
def test_the_child_gives_what_this_process_would() -> None:
    made_in: list[int] = []

    def work() -> tuple[int, dict[str, bytes]]:
        made_in.append(os.getpid())
        return os.getpid(), _files()

    later = Later(work)
    assert later.forked
    pid, files = later.result()
    assert pid != PARENT and made_in == []  # made by the child, not here
    assert files == _files()


@needs_fork
def test_a_child_that_fails_leaves_the_work_to_this_process() -> None:
    def work() -> dict[str, bytes]:
        if os.getpid() != PARENT:
            raise MemoryError("the child ran out of memory")
        return _files()

    later = Later(work)
    assert later.forked
    assert later.result() == _files()


@needs_fork
def test_a_child_killed_midway_leaves_the_work_to_this_process() -> None:
    def work() -> dict[str, bytes]:
        if os.getpid() != PARENT:
            os.kill(os.getpid(), 9)
        return _files()

    assert Later(work).result() == _files()


def test_an_error_is_raised_here_as_it_would_be_alone() -> None:
    def work() -> None:
        raise ValueError("bản ghi hỏng")

    for fork in (True, False):
        with pytest.raises(ValueError, match="bản ghi hỏng"):
            Later(work, fork=fork).result()


def test_without_fork_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "can_fork", lambda: False)
    later = Later(lambda: (os.getpid(), _files()))
    assert not later.forked
    assert later.result() == (PARENT, _files())


@needs_fork
def test_cancel_stops_the_child() -> None:
    later = Later(lambda: __import__("time").sleep(60))
    child = later._child
    later.cancel()
    assert child is not None and not child.is_alive()


@needs_fork
def test_the_site_made_with_children_is_the_site_made_alone(results_repo: Path) -> None:
    """The spreadsheets, the search index and the plan pages made by forked children:
    every page and file the same as one process makes them, in the same order."""
    index, _ = load_repository(results_repo, TODAY)
    forked = build_site(index, TODAY, fork=True)
    alone = build_site(index, TODAY, fork=False)
    assert list(forked) == list(alone)
    assert any(path.startswith("ke-hoach/") and path != "ke-hoach/index.md" for path in forked)
    for path, made in alone.items():
        other = forked[path]
        if isinstance(made, Page):
            assert isinstance(other, Page)
            assert (other.title, other.html, other.toc, other.markdown) == (
                made.title,
                made.html,
                made.toc,
                made.markdown,
            )
        elif isinstance(made, bytes) and made.startswith(b"PK"):  # a workbook or a document
            assert _parts(other) == _parts(made), path  # type: ignore[arg-type]
        else:
            assert other == made, path


def _parts(package: bytes) -> dict[str, bytes]:
    """An Office file's parts but docProps/core.xml, which holds the second it was written."""
    with zipfile.ZipFile(io.BytesIO(package)) as opened:
        return {name: opened.read(name) for name in opened.namelist() if name != "docProps/core.xml"}
