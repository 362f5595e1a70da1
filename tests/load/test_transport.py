"""What the second process sends back of the files it parsed arrives as it was:
the same data (values of the same types, keys in the same order), positions,
findings and suppressions, for every kind of file the fixtures hold (broken,
suppressed, unreadable) and for generated records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kehoach import read
from kehoach.load.files import walk
from kehoach.synth import synthesise

from ..conftest import CASES, make_repo


def _typed(value: Any) -> Any:
    """A value with the type of everything in it, so that 1 and True, 1 and 1.0 differ."""
    if isinstance(value, dict):
        return ("dict", [(key, _typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(item) for item in value])
    return (type(value).__name__, value)


def _same(before: list[tuple[bytes, Any]], after: list[tuple[bytes, Any]]) -> None:
    assert len(before) == len(after)
    for (key, sent), (key_after, arrived) in zip(before, after, strict=True):
        assert key == key_after
        if sent is None:
            assert arrived is None
            continue
        findings, suppressions, positions, data, parsed = sent
        assert arrived[0] == findings
        assert arrived[1] == suppressions
        assert arrived[2] == positions
        assert dict(arrived[2].keys) == dict(positions.keys) and list(arrived[2].values) == list(positions.values)
        assert _typed(arrived[3]) == _typed(data)
        assert arrived[4] is parsed


def _round_trip(root: Path, size: int) -> int:
    listing = walk(root)
    for start in range(0, len(listing), size):
        chunk = listing[start : start + size]
        parsed = [read._parsed(root, rel, is_link, None, b"") for rel, is_link in chunk]
        packed = read._pack(parsed)
        assert len(packed) == len(chunk)
        _same(parsed, read._unpack(packed))
    return len(listing)


def test_every_fixture_file_arrives_as_parsed(tmp_path: Path) -> None:
    seen = 0
    for case in sorted(p.name for p in CASES.iterdir() if p.is_dir()):
        seen += _round_trip(make_repo(tmp_path / case, case), 7)
    assert seen > 500


def test_generated_records_arrive_as_parsed(tmp_path: Path) -> None:
    synthesise(tmp_path / "repo", 600, seed=3)
    assert _round_trip(tmp_path / "repo", 250) >= 600


def test_a_value_marshal_cannot_write_is_sent_pickled() -> None:
    import datetime as dt

    from kehoach.load.positions import Positions

    odd = ([], None, Positions({("a",): (1, 1)}, {(): (1, 1), ("a",): (1, 4)}), {"a": dt.date(2021, 2, 8)}, True)
    usual = ([], None, Positions({("b",): (1, 1)}, {(): (1, 1), ("b",): (1, 4)}), {"b": "x"}, True)
    sent = [(b"k1", odd), (b"k2", usual), (b"k3", None)]
    packed = read._pack(sent)
    assert len(packed) == 3 and packed[0][:1] == b"P"  # type: ignore[index]
    _same(sent, read._unpack(packed))
    assert read._unpack(read._pack(sent[1:]))[0][1][3] == {"b": "x"}
