"""Files written alike, read by their layout (``alike``), against the reader it
stands in front of (``fastyaml.read``): on every input the layout either
declines or gives exactly what that reader gives (the same values of the same
types, the same key and value positions in the same order). Each text is read
after a file of the same layout, so that the layout is made and used (made from
the second file here, not after a few as in a check)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from kehoach.load import alike, fastyaml
from kehoach.synth import synthesise

from ..conftest import REPO_ROOT
from .test_fastyaml import _same, _texts, mutate


@pytest.fixture(autouse=True)
def made_from_the_second_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alike, "_MADE_AFTER", 2)


def _by_layout(text: str) -> Any:
    """What the layout of ``text`` reads of it (None when it declines)."""
    flat = text.replace("\n", "")
    if "\t" in flat or "\r" in flat or not flat.isprintable() or text[-1:] != "\n":
        return None
    return alike._alike(text)


def agrees(text: str) -> bool:
    """Whether the layout declines ``text`` (False) or reads it as ``fastyaml.read`` does (True)."""
    found = _by_layout(text)
    if found is None:
        return False
    fast = fastyaml.read(text, True)
    assert fast is not None, text
    assert _same(found[0], fast[0]), text
    assert list(found[1].keys.items()) == list(fast[1].keys.items()), text
    assert list(found[1].values.items()) == list(fast[1].values.items()), text
    return True


def _read_twice(text: str) -> bool:
    """``text`` read as the second file of its layout."""
    _by_layout(text)
    return agrees(text)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("synth") / "kho"
    synthesise(root, 1500, seed=11)
    return _texts(root / "records")


def test_synthetic_records_are_read_by_their_layout_as_fastyaml_reads_them(synthetic: list[str]) -> None:
    taken = sum(_read_twice(text) for text in synthetic)
    assert taken >= 0.9 * len(synthetic)  # the records the tools write have layouts
    for text in _texts(REPO_ROOT / "records") + _texts(REPO_ROOT / "tests" / "fixtures"):
        _read_twice(text)


# Values put in place of a value of a file whose layout is known: each keeps the
# line's head, and many are values the layout must decline or read otherwise.
_VALUES = [
    "x", "Tỉnh ủy", "a: b", "a:", "a #b", "#c", " x", "x ", "x  ", "'q'", "'a: b'", "'it''s'", "'open", '"d"',
    '"a: b"', '"e\\x"', '"open', "|", "|-", ">", ">-", "&a x", "*a", "!!str x", "[a]", "{a: b}", "- x", "-", "-5",
    "0", "07", "1.5", ".5", "1e3", "1e999", "nan", "~", "null", "Null", "true", "False", "yes", "No", "on", "y",
    "%x", "@x", "`x", "?x", "? x", ",x", "9" * 20, "đ", "---", "...", "key: value", "key:", "x:y", "http://a.b",
    "\u00a0x", "x\u00a0", "năm 2026 ", "Ngày 1", "Tháng 10/2023", "note", "notes", "Noteworthy",
    "''", "'2025-06-30'", "'a'b'", "'x' ", "'a''", "00", "12", "123456789012345678", "1234567890123456789",
    "\u0663", "\u00b2", "1\u00b2", "C#", "a:b", "a#", "x #", "Đ: x", "10:30",
]  # fmt: skip


def _revalued(text: str, rng: random.Random) -> str:
    """``text`` with the values of a few of its lines replaced (after their heads)."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        line = lines[i]
        for sep in (": ", "- "):
            at = line.find(sep)
            if at >= 0:
                lines[i] = line[: at + len(sep)] + rng.choice(_VALUES)
                break
        else:
            if line.startswith(" ") and line.strip():  # a folded line
                lines[i] = line[: len(line) - len(line.lstrip(" "))] + rng.choice(_VALUES)
    return "\n".join(lines)


def _revalued_known(synthetic: list[str], seed: int, count: int) -> Iterator[str]:
    """``count`` files, each a synthetic or real record whose layout is known by then
    (read twice), with some of its values changed."""
    rng = random.Random(seed)
    texts = synthetic + _texts(REPO_ROOT / "records")
    for _ in range(count):
        text = rng.choice(texts)
        _by_layout(text)
        _by_layout(text)  # the layout made
        yield _revalued(text, rng)


def test_values_changed_in_files_of_a_known_layout_are_declined_or_read_alike(synthetic: list[str]) -> None:
    accepted = sum(agrees(changed) for changed in _revalued_known(synthetic, 21, 8000))
    assert accepted > 2000  # many changed values are still read by the layout: the comparison is not vacuous


def test_files_broken_after_their_layout_is_known_are_declined_or_read_alike(synthetic: list[str]) -> None:
    """Mutations of YAML (comments, quoting, indentation, CRLF, BOM, tabs, anchors,
    blank lines, lines doubled or swapped) of files whose layout is known."""
    rng = random.Random(22)
    texts = synthetic + _texts(REPO_ROOT / "records")
    for _ in range(8000):
        text = rng.choice(texts)
        _by_layout(text)
        _by_layout(text)
        mutated = mutate(text, rng)
        agrees(mutated)
        agrees(mutated)  # and read again, its own layout made
        for prefix in ("\ufeff", "# c\n", "---\n", "%YAML 1.2\n---\n"):
            agrees(prefix + text)
        agrees(text.replace("\n", "\r\n"))
        agrees(text.replace("\n  ", "\n\t", 1))
        agrees(text.rstrip("\n"))


def test_a_layout_is_made_from_a_file_written_alike_after_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alike, "_MADE_AFTER", 4)
    alike._MISSES.clear()
    alike._BY_COLONS.clear()
    alike._BY_COUNTS.clear()
    alike._LAYOUTS.clear()
    texts = [f"id: a-{n}\nname: Một {n}\nlead:\n- b{n}\n" for n in range(1, 5)]
    second = "id: a-5\nname: 'Hai: 2'\nlead:\n- 7\n"
    for text in texts[:3]:  # the first of their kind: read the ordinary way
        assert _by_layout(text) is None
    assert agrees(texts[3]) and agrees(second) and agrees(texts[0])
    assert alike.read(second, True) == fastyaml.read(second, True)
    assert len(alike._LAYOUTS) == 1


def test_files_of_a_known_layout_are_read_whole_by_its_pattern(synthetic: list[str]) -> None:
    """Once a layout is known, a file of it is matched whole by the layout's pattern
    (its values cut out at once) rather than split into lines: read as ``fastyaml``
    reads it, or declined where a value is one the layout does not read."""
    by_pattern = 0
    for changed in _revalued_known(synthetic, 23, 3000):
        counts = (changed.count("\n"), changed.count(":"), changed.count("\n- "))
        matching = [layout for layout in alike._BY_COUNTS.get(counts, ()) if layout.pattern is not None]
        if agrees(changed) and any(layout.pattern.fullmatch(changed) for layout in matching):  # type: ignore[union-attr]
            by_pattern += 1
    assert by_pattern > 500  # the comparison is not vacuous
