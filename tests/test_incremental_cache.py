"""A check after an edit takes the unchanged records around the edited one from
the record cache (as the full check does) instead of reading and validating them
again; a cache shard that is damaged, missing or holds an older content of a
record only makes the check read that record's file: the findings stay the full
check's, and nothing is raised."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.config import load_config
from kehoach.incremental import check_working_tree
from kehoach.load.cache import MAGIC, _joined, _parts, cache_folder
from kehoach.synth import synthesise

TODAY = dt.date(2024, 6, 1)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("kehoach.incremental.walk.RACY_NS", -(10**18))  # every file here is seconds old
    root = tmp_path / "kho"
    synthesise(root, 80, seed=3)
    for path in (root / "records").rglob("*.yaml"):
        os.utime(path, ns=(10**9, 10**9))
    return root


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed and validated from here on (not taken from the cache)."""
    import kehoach.read

    parsed: list[str] = []
    real = kehoach.read.parse_record

    def counting(data: bytes, loaded: kehoach.read.LoadedFile) -> object:
        parsed.append(str(loaded.rel))
        return real(data, loaded)

    monkeypatch.setattr(kehoach.read, "parse_record", counting)
    return parsed


def _tasks(root: Path) -> list[Path]:
    """Two tasks of one plan."""
    first = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    return [first, first.with_name(first.name.replace("-nv01", "-nv02"))]


def _write(path: Path, text: str, step: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(2 * 10**9 + step, 2 * 10**9 + step))


def _check(root: Path) -> list[str]:
    """The incremental check's findings, asserted equal to the full check's (and the state used)."""
    quick = check_working_tree(root, load_config(root), TODAY)
    assert quick.incremental
    assert quick.findings == run_check(root, today=TODAY).findings
    return [f"{f.path} {f.code}" for f in quick.findings]


def test_the_records_around_an_edit_come_from_the_cache(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_working_tree(root, load_config(root), TODAY)  # the full check: fills the cache
    task = _tasks(root)[0]
    parsed = _parses(monkeypatch)
    _write(task, task.read_text(encoding="utf-8") + "# sửa\n", 1)
    quick = check_working_tree(root, load_config(root), TODAY)
    assert quick.incremental
    assert parsed == [str(task.relative_to(root))]  # its plan, its units and the other tasks: from the cache
    monkeypatch.undo()
    assert quick.findings == run_check(root, today=TODAY).findings


@pytest.mark.parametrize(
    "damage", ["garbage", "missing", "empty", "another version", "header of another shape", "entries of another shape"]
)
def test_a_damaged_or_missing_cache_shard_makes_the_check_read_the_files(
    root: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    import pickle

    check_working_tree(root, load_config(root), TODAY)
    shards = sorted(cache_folder(root).glob("*.pickle"))
    assert shards
    for number, shard in enumerate(shards):
        if damage == "garbage":
            shard.write_bytes(b"\x80\x05not a pickle at all")
        elif damage == "missing":
            shard.unlink()
        elif damage == "empty":
            shard.write_bytes(b"")
        elif damage == "another version":
            version, count, firsts, pages, names = _parts(shard.read_bytes())
            shard.write_bytes(_joined("another", count, firsts, pages, names))
        elif damage == "header of another shape":
            shard.write_bytes(MAGIC + (10**9).to_bytes(8, "little") + pickle.dumps(("a", 1)))
        else:  # the right version and header; pages holding something else, entries of other shapes, no pickle
            version, count, firsts, pages, names = _parts(shard.read_bytes())
            bad = []
            for page, data in enumerate(pages):
                entries = pickle.loads(data)  # path -> (content key, reading)
                shapes = [
                    pickle.dumps(None),
                    pickle.dumps(("a", 1)),
                    b"\x80\x05garbage",
                    pickle.dumps([1, 2, 3, 4]),
                    pickle.dumps({rel: ("a", 1) for rel in entries}),
                    pickle.dumps({rel: (key, ("a", 1)) for rel, (key, _) in entries.items()}),
                    pickle.dumps({rel: (key, [1, 2, 3, 4]) for rel, (key, _) in entries.items()}),
                ]
                bad.append(shapes[(number + page) % len(shapes)])
            shard.write_bytes(_joined(version, count, firsts, bad, names))
    task = _tasks(root)[0]
    parsed = _parses(monkeypatch)
    _write(task, task.read_text(encoding="utf-8") + "# sửa\n", 1)
    quick = check_working_tree(root, load_config(root), TODAY)
    assert quick.incremental
    assert len(parsed) > 1  # the records around it read from their files
    monkeypatch.undo()
    assert quick.findings == run_check(root, today=TODAY).findings


def test_a_record_whose_cached_content_is_older_is_read_again(root: Path) -> None:
    """The cache is not written by a check from the state: after an edit of one
    task, the cache still holds its earlier content. Another edit next to it must
    see it as it is now (same order as its neighbour: KH205), not as cached."""
    first, second = _tasks(root)
    check_working_tree(root, load_config(root), TODAY)
    order = re.search(r"^order: (\d+)$", first.read_text(encoding="utf-8"), re.MULTILINE)
    assert order is not None
    text = re.sub(r"^order: \d+$", f"order: {order[1]}", second.read_text(encoding="utf-8"), flags=re.MULTILINE)
    _write(second, text, 1)
    assert f"{second.relative_to(root)} KH205" in _check(root)
    _write(first, first.read_text(encoding="utf-8") + "# sửa\n", 2)  # the second task read as a neighbour
    assert f"{second.relative_to(root)} KH205" in _check(root)
