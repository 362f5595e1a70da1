"""The walk that finds what changed since the last check sees exactly the files the
reader lists, folders that cannot be listed included (listed as files: the reader
reports them)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kehoach import incremental
from kehoach.incremental import _preparing
from kehoach.incremental.walk import RACY_NS, Walked, stat_walk
from kehoach.load.files import walk
from kehoach.synth import synthesise


def test_the_walk_sees_what_the_reader_lists(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    synthesise(root, 120, seed=2)
    plans = root / "records" / "plans"
    (plans / "thu-muc.yaml").mkdir()  # a folder named like a record: listed as a file
    (plans / "lac-cho.yml").write_text("id: x\n", encoding="utf-8")
    seen = stat_walk(root, 0)
    assert len(seen.names) > 10
    assert seen.count == len(walk(root))
    assert set(seen.all_signatures()) == {rel for rel, _ in walk(root)}
    assert not seen.unlisted


def test_a_folder_that_cannot_be_listed_is_listed_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kho"
    synthesise(root, 60, seed=4)
    tasks = sorted((root / "records" / "plans").glob("*/tasks"))[0]
    real = os.scandir

    def scandir(path: str) -> object:  # as for a folder without the permission to list it
        if Path(path) == tasks:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    seen = stat_walk(root, 0)
    assert seen.unlisted
    parent = str(tasks.parent.relative_to(root)) + "/"
    assert "tasks" in seen.names[parent] and seen.digests[parent] is None
    assert set(seen.all_signatures()) == {rel for rel, _ in walk(root)}  # the reader lists it too


def _seen(walked: Walked) -> tuple[object, ...]:
    return (
        list(walked.names.items()),
        list(walked.stats.items()),
        list(walked.digests.items()),
        walked.count,
        walked.unlisted,
    )


@pytest.mark.parametrize("racy", [False, True])
def test_a_walk_shared_with_a_second_process_sees_what_one_process_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, racy: bool
) -> None:
    root = tmp_path / "kho"
    synthesise(root, 400, seed=3)
    since = 0 if racy else time.time_ns() + 2 * RACY_NS  # racy: every file changed moments before the check
    alone = stat_walk(root, since, share_min=10**9)
    # every plan's folder listed apart, and the record files of every folder of 8 entries or more
    # taken 4 at a time; half of them in a second process
    monkeypatch.setattr(incremental.walk, "_STAT_CHUNK", 4)
    shared = stat_walk(root, since, share_min=1)
    assert _seen(shared) == _seen(alone)  # the same folders, in the same order, with the same digests
    assert alone.count == len(walk(root))
    assert (None in alone.digests.values()) is racy and (None in alone.all_signatures().values()) is racy
    on_its_own = stat_walk(root, since, share_min=10**9)  # the files taken apart, all in this process
    assert _seen(on_its_own) == _seen(alone)


def test_a_folder_listed_apart_that_cannot_be_listed_is_listed_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "kho"
    synthesise(root, 60, seed=4)
    plan = sorted((root / "records" / "plans").glob("*/tasks"))[0].parent
    real = os.scandir

    def scandir(path: str) -> object:
        if Path(path) == plan:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    seen = stat_walk(root, 0, share_min=1)
    assert seen.unlisted
    assert plan.name in seen.names["records/plans/"] and seen.digests["records/plans/"] is None
    assert set(seen.all_signatures()) == {rel for rel, _ in walk(root)}


def test_work_done_meanwhile_is_done_once_and_changes_nothing_the_walk_sees(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    synthesise(root, 400, seed=3)
    done: list[int] = []
    shared = stat_walk(root, 0, share_min=1, meanwhile=lambda: done.append(os.getpid()))
    assert done == [os.getpid()]  # here, not in the second process
    assert _seen(shared) == _seen(stat_walk(root, 0, share_min=10**9))
    assert not done[1:]
    stat_walk(root, 0, share_min=10**9, meanwhile=lambda: done.append(0))
    assert done == [os.getpid()]  # not shared: nothing done meanwhile


def test_the_model_is_prepared_only_for_a_named_file_changed_since_the_last_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kehoach.check import check_findings
    from kehoach.load.cache import cache_folder

    root = tmp_path / "kho"
    synthesise(root, 40, seed=5)
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    folder = cache_folder(root)
    one = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    rel = str(one.relative_to(root))
    assert _preparing(root, folder, frozenset({rel})) is not None  # no state yet: a full check needs the model
    check_findings(root)
    assert _preparing(root, folder, None) is None  # nothing named: what changed is unknown before the walk
    assert _preparing(root, folder, frozenset({rel})) is None  # not changed since
    one.write_bytes(one.read_bytes() + b"# x\n")
    assert _preparing(root, folder, frozenset({rel})) is not None
