"""The fast reader of record files against the strict reader it stands in front
of: on every input, it either declines or gives exactly what ``yamlsafe``
gives (the same values of the same types, the same key and value positions in
the same order, and no problem to report)."""

from __future__ import annotations

import random
from pathlib import Path, PurePosixPath
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
    flat = text.replace("\n", "")
    if "\t" not in flat and "\r" not in flat and flat.isprintable():  # as reading a file finds it
        again = fastyaml.read(text, printable=True)
        assert (again is None) is (fast is None), text
        assert fast is None or (_same(again[0], fast[0]) and again[1] == fast[1]), text
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
        assert as_is or not chr(code).isprintable(), hex(code)  # what lets a printable text skip the search
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
    assert len(taken) >= 0.99 * len(synthetic)  # plans with nested sections and reports too
    assert all(_by_canonical(text) is not None for text in _texts(REPO_ROOT / "records"))  # as kehoach fmt writes
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


def _agrees_canonically(text: str) -> bool:
    """Whether ``_canonical`` declines ``text`` (False) or reads it as yamlsafe does (True);
    texts ``read`` gives no reader (unusual characters, document markers) are left out."""
    unusual = fastyaml._UNUSUAL.search(text) or text.startswith(fastyaml._MARKERS)
    fast = None if unusual or "\n---" in text or "\n..." in text or "\n%" in text else _by_canonical(text)
    if fast is None:
        return False
    strict = yamlsafe.parse(text)
    assert strict.problems == [], text
    assert _same(fast[0], strict.data), text
    assert list(fast[1].items()) == list(strict.positions.keys.items()), text
    assert list(fast[2].items()) == list(strict.positions.values.items()), text
    return True


def _text(rng: random.Random) -> Any:
    if rng.random() < 0.6:  # the usual text, long enough to be folded at times
        return " ".join(["Tổ chức sơ kết việc thực hiện"] * rng.randint(1, 3))
    return rng.choice(["1", "II.3", "2021-12-01", 7, 1.5, None, True, "yes", "a: b", "x #y", "'q'", "dòng\nđoạn"])


def _value(rng: random.Random, depth: int) -> Any:
    """A record-like value of a key: text, or a list of text and of mappings holding lists in turn."""
    if depth < 5 and rng.random() < 0.35:
        return [_item(rng, depth + 1) for _ in range(rng.randint(1, 3))]
    return _text(rng)


def _item(rng: random.Random, depth: int) -> Any:
    if rng.random() < 0.5:
        keys = rng.sample(["number", "heading", "text", "sections", "note", "date"], rng.randint(1, 4))
        return {key: _value(rng, depth + 1) for key in keys}
    return _text(rng)


@pytest.mark.parametrize("indented_lists", [False, True], ids=["lists at the key's column", "lists indented"])
def test_nested_records_as_the_tools_write_them_are_read_canonically_as_yamlsafe_reads_them(
    indented_lists: bool,
) -> None:
    """Lists of mappings holding lists (a plan's sections) as PyYAML writes them (dashes
    at the key's column) and as ``kehoach fmt`` writes them (dashes two columns in),
    with folded and quoted text, read by the canonical reader exactly as yamlsafe reads them."""

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False if indented_lists else indentless)

    rng = random.Random(17)
    taken = nested = 0
    for _ in range(1500):
        value = {f"k{n}": _value(rng, 0) for n in range(rng.randint(1, 5))}
        text = yaml.dump(
            value, Dumper=Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
            width=rng.choice([60, 100, 1000]), default_style=rng.choice([None, None, None, "'", '"', ">"]),
        )  # fmt: skip
        if _agrees_canonically(text):
            taken += 1
            nested += "\n  - " in text or "\n    - " in text
        _agrees_canonically(mutate(text, rng))
    assert taken > 350 and nested > 100  # the nested layout is read here, not only declined


def test_records_in_the_canonical_form_are_read_canonically_as_yamlsafe_reads_them() -> None:
    """Every record of the repository, written again by ``kehoach fmt``'s own writer
    (indented lists, folded blocks, double quotes, comments beside their keys), is
    read by the canonical reader, as yamlsafe reads it."""
    from kehoach.author import canonical
    from kehoach.author.fmt import _comments
    from kehoach.kinds import kind_of

    count = 0
    for path in sorted((REPO_ROOT / "records").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(REPO_ROOT)
        kind = kind_of(PurePosixPath(rel.as_posix()))
        assert kind is not None
        written = canonical.render(kind, yamlsafe.parse(text).data, PurePosixPath(rel.as_posix()), _comments(text))
        assert _agrees_canonically(written), written
        count += 1
    assert count > 100


def test_long_files_and_far_columns_are_read_alike() -> None:
    """A record of thousands of lines, and values starting far to the right, are
    read as yamlsafe reads them (past what the canonical reader keeps marks for)."""
    long = "id: a\nbasis:\n" + "".join(f"- tw-{n}\n" for n in range(2500))
    far = "id: a\nnote:" + " " * 200 + "xa\nsections:\n- number: I\n  heading:" + " " * 180 + "Mục\n"
    for text in (long, far):
        assert agrees(text)
