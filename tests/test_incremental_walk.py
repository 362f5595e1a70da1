"""The walk that finds what changed since the last check lists the folders in
two threads on a machine with two cores: it sees exactly what one thread sees,
folders that cannot be listed included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kehoach.incremental
from kehoach.incremental import _walk
from kehoach.load.files import walk
from kehoach.synth import synthesise


def _seen(root: Path, monkeypatch: pytest.MonkeyPatch, cores: int) -> kehoach.incremental.Walked:
    monkeypatch.setattr(kehoach.incremental, "SPLIT", 2)  # shared out from the third folder on
    monkeypatch.setattr(kehoach.incremental, "cores", lambda: cores)
    return _walk(root, 0)


def test_two_threads_see_what_one_sees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kho"
    synthesise(root, 120, seed=2)
    plans = root / "records" / "plans"
    (plans / "thu-muc.yaml").mkdir()  # a folder named like a record: listed as a file
    (plans / "lac-cho.yml").write_text("id: x\n", encoding="utf-8")
    one, two = _seen(root, monkeypatch, 1), _seen(root, monkeypatch, 2)
    assert len(two.names) > 10
    assert two.names == one.names and two.stats == one.stats and two.digests == one.digests
    assert two.count == one.count == len(walk(root))
    assert set(two.all_signatures()) == {rel for rel, _ in walk(root)}
    assert not two.unlisted


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
    one, two = _seen(root, monkeypatch, 1), _seen(root, monkeypatch, 2)
    assert two.unlisted and one.unlisted
    parent = str(tasks.parent.relative_to(root)) + "/"
    assert "tasks" in two.names[parent] and two.digests[parent] is None
    assert two.names == one.names and two.stats == one.stats and two.digests == one.digests
    assert set(two.all_signatures()) == {rel for rel, _ in walk(root)}  # the reader lists it too
