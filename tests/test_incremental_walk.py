"""The walk that finds what changed since the last check sees exactly the files the
reader lists, folders that cannot be listed included (listed as files: the reader
reports them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach.incremental import _walk
from kehoach.load.files import walk
from kehoach.synth import synthesise


def test_the_walk_sees_what_the_reader_lists(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    synthesise(root, 120, seed=2)
    plans = root / "records" / "plans"
    (plans / "thu-muc.yaml").mkdir()  # a folder named like a record: listed as a file
    (plans / "lac-cho.yml").write_text("id: x\n", encoding="utf-8")
    seen = _walk(root, 0)
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
    seen = _walk(root, 0)
    assert seen.unlisted
    parent = str(tasks.parent.relative_to(root)) + "/"
    assert "tasks" in seen.names[parent] and seen.digests[parent] is None
    assert set(seen.all_signatures()) == {rel for rel, _ in walk(root)}  # the reader lists it too
