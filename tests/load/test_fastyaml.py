"""The fast reader of record files against the strict reader it stands in front
of: on every input, it either declines or gives exactly what ``yamlsafe``
gives (the same values of the same types, the same key and value positions in
the same order, and no problem to report)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.load import fastyaml, yamlsafe
from kehoach.load.encoding import DecodeFailure, decode
from kehoach.synth import synthesise

from ..conftest import REPO_ROOT, make_repo
from ..hostile.corpus import generate


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types, dictionaries in the same order (True is not 1, 1.0 is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def agrees(text: str) -> bool:
    """Whether the fast reader declines ``text`` (False) or reads it as yamlsafe
    does (True); fails the test on any difference."""
    fast = fastyaml.read(text)
    if fast is None:
        return False
    strict = yamlsafe.parse(text)
    assert strict.problems == [], text
    data, positions = fast
    assert _same(data, strict.data), text
    assert list(positions.keys.items()) == list(strict.positions.keys.items()), text
    assert list(positions.values.items()) == list(strict.positions.values.items()), text
    return True


def _texts(root: Path) -> list[str]:
    texts = []
    for path in sorted(root.rglob("*.yaml")):
        if path.is_file() and not path.is_symlink():
            decoded = decode(path.read_bytes())
            if not isinstance(decoded, DecodeFailure):
                texts.append(decoded[0])
    return texts


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("synth") / "kho"
    synthesise(root, 1500, seed=7)
    return _texts(root / "records")


def test_the_repository_s_records_and_the_fixtures_are_read_alike() -> None:
    records = _texts(REPO_ROOT / "records")
    accepted = [agrees(text) for text in records]
    assert sum(accepted) >= 0.9 * len(records)  # the records as written by the tools are the fast reader's subset
    for text in _texts(REPO_ROOT / "tests" / "fixtures"):
        agrees(text)


def test_synthetic_records_are_all_read_fast_and_alike(synthetic: list[str]) -> None:
    assert len(synthetic) > 1000
    assert all(agrees(text) for text in synthetic)


# the hostile cases that write a record's content (the others break the file system or the environment)
_WRITTEN = [case for case in generate() if not (case.fault or case.subprocess or case.klass in {"filesystem", "env"})]


@pytest.mark.parametrize("case", _WRITTEN, ids=lambda case: case.id)
def test_hostile_repositories_are_read_alike(case: Any, tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    case.build(root)
    for text in _texts(root / "records"):
        agrees(text)


# Edits that break or bend YAML where a fast reader could go wrong.
_PIECES = [
    " ", "  ", "\n", "\n\n", "-", "- ", ":", ": ", "#", " #", "'", "''", '"', "\\", "|", "|-", "|+", ">", ">-",
    ">2", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!", "%", "@", "`", "?", "? ", "~", "null", "yes", "No",
    "0", "07", "-1", "1.5", "1e3", ".5", "1e999", "true", "\t", "\r", "\r\n", "\x85", "\u2028", "\ufeff", "---",
    "...", "a", "đ", "Tỉnh", "x: y", "key:", "\n  ", "\n- ", "\n    ", "\n# c\n", "9" * 20,
]  # fmt: skip


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        lines = text.split("\n")
        choice = rng.randrange(6)
        at = rng.randrange(len(text) + 1)
        if choice == 0:
            text = text[:at] + rng.choice(_PIECES) + text[at:]
        elif choice == 1:
            text = text[:at] + text[at + rng.randint(1, 3) :]
        elif choice == 2 and lines:  # a line indented more or less
            i = rng.randrange(len(lines))
            lines[i] = " " * rng.randint(1, 3) + lines[i] if rng.random() < 0.5 else lines[i][rng.randint(1, 2) :]
            text = "\n".join(lines)
        elif choice == 3 and lines:  # a line twice (duplicate keys, repeated items)
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif choice == 4 and len(lines) > 1:  # two lines swapped
            i = rng.randrange(len(lines) - 1)
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:at] + rng.choice(_PIECES) + rng.choice(_PIECES) + text[at:]
    return text


def test_mutated_records_are_declined_or_read_alike(synthetic: list[str]) -> None:
    rng = random.Random(15)
    canonical = synthetic + _texts(REPO_ROOT / "records")
    accepted = 0
    for _ in range(6000):
        accepted += agrees(mutate(rng.choice(canonical), rng))
    assert accepted > 600  # many mutations stay valid (text changed in a value): the comparison is not vacuous


_SCALARS = st.one_of(
    st.text(alphabet=st.sampled_from("ab đTỉnh0123456789-:#'\"~.,[]{}&*!|>%@`?\\ eE+_/"), max_size=30),
    st.sampled_from(["yes", "no", "On", "null", "~", "true", "False", "007", "0", "-5", "1.5", ".5", "1e3", "nan"]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
)
_KEYS = st.one_of(st.from_regex(r"[a-z_][a-z0-9_-]{0,8}", fullmatch=True), st.sampled_from(["yes", "n", "null", "1"]))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=6),
    indent=st.sampled_from([2, 3, 4]),
    width=st.sampled_from([20, 40, 100]),
    style=st.sampled_from([None, None, None, "'", '"', "|", ">"]),
    indented_lists=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_generated_yaml_is_declined_or_read_alike(
    value: dict[str, Any], indent: int, width: int, style: str | None, indented_lists: bool, seed: int
) -> None:
    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False if indented_lists else indentless)

    text = yaml.dump(
        value, Dumper=Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
        indent=indent, width=width, default_style=style,
    )  # fmt: skip
    agrees(text)
    agrees(mutate(text, random.Random(seed)))


def test_the_characters_left_to_the_strict_reader_are_exactly_those_outside_what_yaml_takes_as_is() -> None:
    """The fast reader declines a file holding any character but a line feed and
    those YAML allows as they are (no control character, tab, carriage return,
    NEL, line or paragraph separator, BOM inside, surrogate, U+FFFE/U+FFFF);
    its pattern is written as the complement of those ranges, checked here over
    all of Unicode."""
    taken = ((0x0A, 0x0A), (0x20, 0x7E), (0xA0, 0x2027), (0x202A, 0xD7FF), (0xE000, 0xFEFE), (0xFF00, 0xFFFD))
    taken += ((0x10000, 0x10FFFF),)
    for code in range(0x110000):
        as_is = any(low <= code <= high for low, high in taken)
        assert bool(fastyaml._UNUSUAL.match(chr(code))) is not as_is, hex(code)
    assert fastyaml.read("id: a\u2028b\n") is None
    assert fastyaml.read("id: a\tb\n") is None
    assert fastyaml.read("id: ab\n") is not None


def _by_reader(text: str) -> tuple[Any, Any] | None:
    """What the general line reader (``fastyaml._Reader``) gives, or None when it declines."""
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    reader = fastyaml._Reader(lines)
    try:
        return reader.document(), reader
    except (fastyaml._Decline, IndexError):
        return None


def _by_canonical(text: str) -> tuple[Any, Any, Any] | None:
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    try:
        return fastyaml._canonical(lines)
    except (fastyaml._Decline, IndexError):
        return None


def test_the_canonical_layout_is_read_as_the_general_reader_reads_it(synthetic: list[str]) -> None:
    """The reader of the layout the tools write (``_canonical``) takes nearly every
    record they write, and wherever it takes a text (records, then the same
    mutated), it gives the general reader's values and positions, in its order."""
    rng = random.Random(16)
    canonical = synthetic + _texts(REPO_ROOT / "records")
    taken = [text for text in synthetic if _by_canonical(text) is not None]
    assert len(taken) >= 0.8 * len(synthetic)  # plans with nested sections are left to the general reader
    compared = 0
    for text in [*canonical, *(mutate(rng.choice(canonical), rng) for _ in range(6000))]:
        fast = _by_canonical(text)
        if fast is None or fastyaml._UNUSUAL.search(text) or text.startswith(fastyaml._MARKERS) or "\n---" in text:
            continue
        general = _by_reader(text)
        assert general is not None, text
        data, reader = general
        assert _same(fast[0], data), text
        assert list(fast[1].items()) == list(reader.keys.items()), text
        assert list(fast[2].items()) == list(reader.values.items()), text
        compared += 1
    assert compared > len(canonical) + 500  # mutations the canonical reader takes were compared too
