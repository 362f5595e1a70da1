"""The content-keyed cache gives the same findings as a fresh read, notices
every change, and survives a damaged cache file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.check import run_check
from kehoach.load.cache import SHARDS, cache_folder

from ..conftest import make_repo

TODAY = dt.date(2021, 7, 1)
TASK = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv02.yaml"


def _lines(repo: Path, use_cache: bool) -> list[str]:
    return [f"{f.location()}: {f.code} {f.message}" for f in run_check(repo, today=TODAY, use_cache=use_cache).findings]


def test_warm_run_matches_a_fresh_read(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "KH301-dangling-unit")
    fresh = _lines(repo, use_cache=False)
    assert fresh
    assert _lines(repo, use_cache=True) == fresh  # writes the cache
    assert any(cache_folder(repo).glob("*.pickle"))
    assert not any(p.suffix == ".pickle" for p in repo.rglob("*"))  # never inside the repository
    assert _lines(repo, use_cache=True) == fresh  # reads it


def test_an_edit_is_seen_through_the_cache(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    assert _lines(repo, use_cache=True) == []
    path = repo / TASK
    path.write_text(path.read_text(encoding="utf-8").replace("status: in-progress", "status: xong"), encoding="utf-8")
    assert [line.split(" ")[1] for line in _lines(repo, use_cache=True)] == ["KH108"]
    path.unlink()
    assert _lines(repo, use_cache=True) == []


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "KH108-bad-enum")
    expected = _lines(repo, use_cache=False)
    assert _lines(repo, use_cache=True) == expected  # writes the cache
    shards = sorted(cache_folder(repo).glob("*.pickle"))
    assert shards
    for shard in shards:
        shard.write_bytes(b"not a pickle")
    assert _lines(repo, use_cache=True) == expected
    assert _lines(repo, use_cache=True) == expected  # the damaged shards were rewritten


def test_an_edit_rewrites_only_its_shard(tmp_path: Path) -> None:
    """A rewritten shard is a new file (written aside, then renamed over the old one)."""
    repo = make_repo(tmp_path)
    assert _lines(repo, use_cache=True) == []
    before = {p: p.stat().st_ino for p in cache_folder(repo).glob("*.pickle")}
    assert 1 < len(before) <= SHARDS
    path = repo / TASK
    path.write_text(path.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    assert _lines(repo, use_cache=True) == []
    after = {p: p.stat().st_ino for p in cache_folder(repo).glob("*.pickle")}
    assert after.keys() == before.keys()
    assert len([p for p in after if after[p] != before[p]]) == 1


def test_the_single_cache_file_of_earlier_versions_is_removed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    old = cache_folder(repo).with_suffix(".pickle")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"an earlier cache")
    assert _lines(repo, use_cache=True) == []
    assert not old.exists()
