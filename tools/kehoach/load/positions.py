"""Where each key and value of a parsed document sits, and the shapes both YAML
readers (``fastyaml`` for the usual record, ``yamlsafe`` for anything else)
share: kept apart from ``yamlsafe`` so that reading the usual record does not
import PyYAML."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..codes import Code

MAX_DEPTH = 32
MAX_INT_DIGITS = 18  # beyond any count or order in a plan (and Python refuses to read over 4,300)

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based
    col: int  # 1-based
    code: Code
    message: str


class _Shape:
    """The paths of a document's keys and values, in order: the same in every file
    written alike (every task with the same fields), so shared by their positions."""

    __slots__ = ("_key_at", "_value_at", "keys", "values")

    def __init__(self, keys: tuple[Path, ...], values: tuple[Path, ...]) -> None:
        self.keys = keys
        self.values = values
        self._key_at: dict[Path, int] | None = None
        self._value_at: dict[Path, int] | None = None

    def __reduce__(self) -> tuple[Any, tuple[tuple[Path, ...], tuple[Path, ...]]]:
        # Read back (from the record cache) as the shape already made for files
        # written alike, not as a copy of it for each cache page.
        return _shape_of, (self.keys, self.values)

    def key_at(self) -> dict[Path, int]:
        if self._key_at is None:
            self._key_at = {path: i for i, path in enumerate(self.keys)}
        return self._key_at

    def value_at(self) -> dict[Path, int]:
        if self._value_at is None:
            offset = len(self.keys)
            self._value_at = {path: offset + i for i, path in enumerate(self.values)}
        return self._value_at


_SHAPES: dict[tuple[tuple[Path, ...], tuple[Path, ...]], _Shape] = {}
_SHAPES_MAX = 10_000  # a bound for long-running processes reading hostile files
_NO_SHAPE = _Shape((), ())


def _shape_of(keys: tuple[Path, ...], values: tuple[Path, ...]) -> _Shape:
    """The shape of a document with these paths, shared by the files written alike."""
    paths = (keys, values)
    shape = _SHAPES.get(paths)
    if shape is None:
        if len(_SHAPES) >= _SHAPES_MAX:
            _SHAPES.clear()
        shape = _SHAPES[paths] = _Shape(*paths)
    return shape


class _Marks(Mapping[Path, tuple[int, int]]):
    """The positions of a document's keys, or of its values, by path (read only)."""

    __slots__ = ("_at", "_marks")

    def __init__(self, at: dict[Path, int], marks: tuple[tuple[int, int], ...]) -> None:
        self._at = at
        self._marks = marks

    def __getitem__(self, path: Path) -> tuple[int, int]:
        return self._marks[self._at[path]]

    def __contains__(self, path: object) -> bool:
        return path in self._at

    def __iter__(self) -> Iterator[Path]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class Positions:
    """Where each key and value of a document starts, by path from the root.

    Kept small, as there is one for every record of a repository: the paths are
    shared by the files of the same shape, and each file holds only its marks
    (line, column), keys' first, in the order of the paths."""

    __slots__ = ("marks", "shape")

    def __init__(
        self, keys: Mapping[Path, tuple[int, int]] | None = None, values: Mapping[Path, tuple[int, int]] | None = None
    ) -> None:
        keys = keys or {}
        values = values or {}
        if not keys and not values:
            self.shape = _NO_SHAPE
            self.marks: tuple[tuple[int, int], ...] = ()
            return
        self.shape = _shape_of(tuple(keys), tuple(values))
        self.marks = (*keys.values(), *values.values())

    def __getstate__(self) -> tuple[_Shape, tuple[tuple[int, int], ...]]:
        return self.shape, self.marks

    def __setstate__(self, state: tuple[_Shape, tuple[tuple[int, int], ...]]) -> None:
        # Read back (from the record cache), each mark is the tuple the files
        # read meanwhile share (``_shared``), not a copy of it for each cache page:
        # a repository read from the cache takes as much memory as one parsed.
        self.shape, marks = state
        known = _SHARED.get
        self.marks = tuple([known(mark) or _shared(mark) for mark in marks])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Positions):
            return NotImplemented
        return dict(self.keys) == dict(other.keys) and dict(self.values) == dict(other.values)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Positions(keys={dict(self.keys)!r}, values={dict(self.values)!r})"

    @property
    def keys(self) -> _Marks:
        return _Marks(self.shape.key_at(), self.marks)

    @property
    def values(self) -> _Marks:
        return _Marks(self.shape.value_at(), self.marks)

    def of(self, path: Path) -> tuple[int, int]:
        """Best position for a finding about ``path``: its value, else its key,
        else the nearest enclosing value that exists (a missing field points at
        the mapping that lacks it)."""
        key_at = self.shape.key_at()
        value_at = self.shape.value_at()
        marks = self.marks
        for cut in range(len(path), -1, -1):
            prefix = path[:cut]
            if cut == len(path) and prefix in value_at:
                return marks[value_at[prefix]]
            if prefix in key_at:
                return marks[key_at[prefix]]
            if prefix in value_at:
                return marks[value_at[prefix]]
        return (1, 1)

    def has_key(self, path: Path) -> bool:
        """Whether the document has the key ``path`` (``path in self.keys``, without the mapping)."""
        return path in self.shape.key_at()

    def key_of(self, path: Path) -> tuple[int, int]:
        at = self.shape.key_at().get(path)
        return self.marks[at] if at is not None else self.of(path)


@dataclass
class Parsed:
    data: Any
    positions: Positions
    problems: list[Problem]


# Paths and positions repeat from file to file (("lead", 0), (4, 3)...): one
# shared tuple for each equal value keeps a large repository's positions small
# in memory and in the cache (pickle writes a shared object once).
_SHARED: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_SHARED_MAX = 200_000  # a bound for long-running processes reading hostile files


def _shared(value: tuple[Any, ...]) -> Any:
    found = _SHARED.get(value)
    if found is None:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.clear()
        _SHARED[value] = found = value
    return found
