"""The site's build takes the records `kehoach check` has just read (``checked_tree``):
a file unchanged since that check is not read again, its reading taken from the
record cache by the content key the check's state kept; any file changed since,
whether checked again or not, is read again and shows its new content."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kehoach import incremental, read
from kehoach.check import check_findings
from kehoach.incremental import checked_tree
from kehoach.load import LoadedFile
from kehoach.sources import WorkingTree

from ..conftest import REPO_ROOT, make_repo

TODAY = dt.date(2022, 4, 1)
UNIT = "records/units/tinh-a-ban-dan-toc.yaml"


@pytest.fixture(autouse=True)
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    # A file written moments before a look has no signature (its next change could keep
    # it): read again whatever the state says. The files here are all just written, and
    # the edits come at once: counted as settled, the shortcut is what is tested.
    monkeypatch.setattr(incremental.walk, "RACY_NS", 0)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The record files read from disk (not taken from the cache) from now on."""
    seen: list[str] = []
    original = read.read_bytes  # type: ignore[attr-defined]

    def counted(path: str, loaded: LoadedFile, root: Path, is_link: bool | None = None) -> bytes | None:
        seen.append(os.path.relpath(path, root).replace(os.sep, "/"))
        return original(path, loaded, root, is_link)

    monkeypatch.setattr(read, "read_bytes", counted)
    return seen


def _records(source: WorkingTree) -> dict[str, tuple[object, ...]]:
    return {
        str(loaded.rel): (loaded.kind, record, loaded.findings, loaded.positions.marks, loaded.suppressions)
        for loaded, record in source.read()
    }


def _edit(repo: Path, old: str, new: str) -> None:
    path = repo / UNIT
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_files_unchanged_since_the_check_are_not_read_again(base_repo: Path, reads: list[str]) -> None:
    check_findings(base_repo, today=TODAY)
    reads.clear()
    taken = _records(checked_tree(base_repo))
    assert reads == []
    assert taken == _records(WorkingTree(base_repo, use_cache=True))  # the same readings as a read of every file
    assert len(reads) == len(taken) > 5


def test_a_file_edited_after_the_check_is_read_again(base_repo: Path, reads: list[str]) -> None:
    check_findings(base_repo, today=TODAY)
    _edit(base_repo, "Ban Dân tộc tỉnh", "Ban Dân tộc Tỉnh")  # same size: only the times tell
    reads.clear()
    taken = _records(checked_tree(base_repo))
    assert reads == [UNIT]
    assert taken[UNIT][1].name == "Ban Dân tộc Tỉnh"  # type: ignore[attr-defined]


def test_an_edit_checked_since_is_read_again(base_repo: Path, reads: list[str]) -> None:
    check_findings(base_repo, today=TODAY)
    _edit(base_repo, "Ban Dân tộc tỉnh", "Ban Dân tộc và Tôn giáo tỉnh")
    check_findings(base_repo, today=TODAY)  # the state has the new signature; the cache the old reading
    reads.clear()
    taken = _records(checked_tree(base_repo))
    assert reads == [UNIT]
    assert taken[UNIT][1].name == "Ban Dân tộc và Tôn giáo tỉnh"  # type: ignore[attr-defined]
    reads.clear()
    assert _records(checked_tree(base_repo))[UNIT] == taken[UNIT]  # the build put the new reading in the cache
    assert reads == []


def test_a_record_edited_after_the_check_shows_on_its_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "kho")
    for part in ("docs", "tools"):
        shutil.copytree(REPO_ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    monkeypatch.setenv("KEHOACH_TODAY", TODAY.isoformat())
    check_findings(repo, today=TODAY)  # as `make site` does before building
    _edit(repo, "Ban Dân tộc tỉnh", "Ban Dân tộc Tỉnh")
    build(load_config(str(repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    page = (tmp_path / "site/don-vi/tinh-a-ban-dan-toc.html").read_text(encoding="utf-8")
    assert "Ban Dân tộc Tỉnh" in page
