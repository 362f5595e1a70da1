"""The content-keyed cache gives the same findings as a fresh read, notices
every change, and survives a damaged cache file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

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


def _package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package of three modules, read as if a minute after they were written."""
    from kehoach.load import cache

    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for rel in ("__init__.py", "a.py", "sub/b.py"):
        (package / rel).write_text(f"# {rel}\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    monkeypatch.setattr(cache, "RACY_NS", cache.RACY_NS - 60 * 10**9)
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    return package


def test_the_digest_of_the_code_is_kept_and_follows_every_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kehoach.load import cache
    from kehoach.load.cache import RACY_NS, _source_digest

    package = _package(tmp_path, monkeypatch)
    first = _source_digest()
    kept = list((tmp_path / "cache").glob("code-*"))
    assert len(kept) == 1  # nothing changed moments before: kept
    reads: list[str] = []
    real = open

    def counting(path: object, *args: object, **kwargs: object) -> object:
        reads.append(str(path))
        return real(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", counting)
    assert _source_digest() == first
    assert not [path for path in reads if path.endswith(".py")]  # taken from what was kept, no module read
    monkeypatch.setattr("builtins.open", real)
    monkeypatch.setattr(cache, "RACY_NS", RACY_NS)  # now, moments after the change below
    module = package / "sub" / "b.py"
    module.write_text("# b, changed\n", encoding="utf-8")
    changed = _source_digest()
    assert changed != first
    assert kept[0].read_bytes()[16:] == first  # changed moments ago: not kept, read again next time
    (package / "c.py").write_text("", encoding="utf-8")
    assert _source_digest() not in (first, changed)  # a module added


def test_a_planted_or_damaged_digest_of_the_code_is_not_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kehoach.load.cache import _source_digest

    _package(tmp_path, monkeypatch)
    right = _source_digest()
    (kept,) = (tmp_path / "cache").glob("code-*")
    for planted in (b"", b"short", kept.read_bytes()[:16] + b"x" * 8, b"y" * 16 + right):
        kept.write_bytes(planted)
        assert _source_digest() == right


def test_records_read_from_the_cache_share_their_positions_paths_as_parsed_ones_do(tmp_path: Path) -> None:
    """A repository read back from the cache takes no more memory than one parsed:
    files written alike share one shape of paths, and equal positions one tuple,
    whichever cache page each file comes from."""
    import pickle
    from pathlib import PurePosixPath

    from kehoach.load import LoadedFile, parse_bytes
    from kehoach.load.files import record_kind

    text = "id: nv-{n}\nplan: kh\norder: {n}\nlead:\n- don-vi\n"
    read = []
    for n in (1, 2):
        rel = PurePosixPath(f"records/plans/kh/tasks/nv-{n}.yaml")
        loaded = LoadedFile(rel, record_kind(rel))
        parse_bytes(text.format(n=n).encode(), loaded)
        read.append(loaded.positions)
    assert read[0].shape is read[1].shape  # parsed: shared
    again = [pickle.loads(pickle.dumps(positions)) for positions in read]  # two cache pages
    assert again[0].shape is again[1].shape is read[0].shape
    assert again[0] == read[0] and again[1] == read[1]
    assert all(a is b for a, b in zip(again[0].marks, again[1].marks, strict=True))
