"""A listed file's kind, as reading a repository tells it (remembered by folder),
is the kind its path gives, whatever the folders and names are."""

from __future__ import annotations

import itertools

from kehoach.kinds import Kind, kind_of_parts
from kehoach.read import _kind

_FOLDERS = ["records", "plans", "units", "directives", "reports", "tasks", "kh-1", "kh-2", "x", "records.yaml", ""]
_NAMES = ["kh-1", "kh-2", "tasks", "plans", "records", "x", "a.b", "", ".yaml"]
_SUFFIXES = [".yaml", ".yml", "", ".YAML", ".yaml.bak"]


def test_a_listed_file_s_kind_is_the_kind_its_path_gives() -> None:
    paths = [
        "/".join((*folders, name + suffix))
        for depth in range(0, 5)
        for folders in itertools.product(_FOLDERS, repeat=depth)
        if not depth or folders[0] == "records" or depth < 3
        for name in _NAMES
        for suffix in _SUFFIXES
    ]
    assert len(paths) > 10_000
    kinds = {_kind(path) for path in paths}
    for path in paths:  # asked twice: the second time from what was remembered
        assert _kind(path) == kind_of_parts(path.split("/")), path
        assert _kind(path) == kind_of_parts(path.split("/")), path
    assert set(Kind) <= kinds  # every kind was met
