"""Stages 1 and 2 for a whole repository: every record file read and validated,
from the content-keyed cache when the file is unchanged, and in two processes
when many files need parsing (reading is most of a check's time).

The model (pydantic and the record classes) is imported only where a file is
validated: the second process, forked before the model is imported, only
parses, and the first validates what it sends back (``Reader``)."""

from __future__ import annotations

import functools
import marshal
import os
import pickle
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .codes import Code
from .findings import Finding
from .kinds import SUFFIX, Kind, kind_of_parts
from .load import LoadedFile, parse_bytes, read_bytes
from .load.cache import RecordCache, content_key
from .load.files import display, walk
from .load.positions import Path as KeyPath
from .load.positions import Positions, _shape_of
from .load.suppress import NONE as NO_SUPPRESSIONS
from .load.suppress import Suppressions
from .parallel import Shared, start

if TYPE_CHECKING:
    from .model.common import Record

_PLACES = ", ".join(k.pattern() for k in list(Kind)[:-1]) + " hoặc " + list(Kind)[-1].pattern()


def model_stage(loaded: LoadedFile) -> Record | None:
    """Validate a loaded file against the model of its kind; problems become its findings."""
    if loaded.kind is None:
        loaded.add(
            Code.KH202,
            "không xác định được loại bản ghi từ đường dẫn; bản ghi nằm ở " + _PLACES + " (phần mở rộng .yaml)",
        )
        return None
    if loaded.data is None:
        return None
    record, problems = _validator()(loaded.kind, loaded.data)
    for loc, code, message in problems:
        line, col = loaded.positions.key_of(loc) if code == Code.KH101 else loaded.positions.of(loc)
        loaded.add(code, message, line, col)
    return record


@functools.cache
def _validator() -> Callable[[Kind, Any], tuple[Record | None, list[tuple[Any, Code, str]]]]:
    """``model.validate.validate``, imported the first time a file is validated."""
    from .model.validate import validate

    return validate


@functools.cache
def _record_class() -> type:
    from .model.common import Record

    return Record


# What reading one file produced, as kept in the cache and sent back by a child:
# its findings, suppressions, positions and record (None when invalid).
Reading = tuple[list[Finding], Suppressions, Positions, "Record | None"]
# A parsing as the child sends it: the findings, the suppressions (None when
# there are none: the usual file; an empty one costs as much to send as the
# positions), the positions, the parsed data (None when unusable), and whether
# the file was parsed (False: it could not be read, and is not validated).
Sent = tuple[list[Finding], Suppressions | None, Positions, Any, bool]
# One file read: content key, the file, its record, whether read now (not from the cache).
Read = tuple[bytes, LoadedFile, "Record | None", bool]

# Parsing is worth a second process from this many files to parse (fork and
# sending the results back cost a few hundredths of a second).
PARALLEL_MIN_FILES = 2000


def parse_record(data: bytes, loaded: LoadedFile) -> Record | None:
    """Parse and validate one record file's bytes, wherever they were read from
    (the working tree, or a git revision for ``kehoach diff``)."""
    parse_bytes(data, loaded)
    return _validated(loaded)


def _validated(loaded: LoadedFile) -> Record | None:
    """Stage 2 on a parsed file (``model_stage``); the raw mapping is dropped then,
    as the record holds the content now."""
    record = model_stage(loaded)
    loaded.data = None
    return record


def usable(hit: object) -> bool:
    """Whether a cache entry has the shape of a reading. The cache is tied to the
    code's version, but a damaged or planted file can hold anything; an entry of
    another shape is ignored and the file read again."""
    if not (isinstance(hit, tuple) and len(hit) == 4):
        return False
    findings, suppressions, positions, record = hit
    return (
        isinstance(findings, list)
        and all(
            isinstance(f, Finding)
            and isinstance(f.path, str)
            and isinstance(f.line, int)
            and isinstance(f.col, int)
            and isinstance(f.code, str)
            and isinstance(f.message, str)
            for f in findings
        )
        and isinstance(suppressions, Suppressions)
        and isinstance(positions, Positions)
        and (record is None or isinstance(record, _record_class()))
    )


def from_cache(loaded: LoadedFile, hit: Reading) -> Record | None:
    """Restore a file's reading from a cache entry; returns its record (holding the
    set of the fields it sets that validating it would have given it: shared)."""
    from .model.validate import share_fields_set  # the model is imported by now: the record was unpickled

    loaded.findings, loaded.suppressions, loaded.positions, record = hit
    if record is not None:
        share_fields_set(record)
    return record


def _loaded(rel: str) -> LoadedFile:
    """A file as listed by ``walk`` (a POSIX path relative to the root, with no
    empty, '.' or '..' part: its parts are the path split at '/')."""
    name = display(rel)  # a name that is not UTF-8 is reported, printably
    return LoadedFile(PurePosixPath(name), _kind(name))


_KIND_IN: dict[str, Kind | None] = {}  # a folder -> the kind of its files named unlike any of its folders
_KIND_IN_MAX = 100_000  # a bound for long-running processes
_NOT_YET = object()


def _kind(name: str) -> Kind | None:
    """``kind_of_parts`` of a listed path. The kind of a file whose name (less its
    suffix) is none of its folders' names depends on the folder alone (a file's own
    name only matters to a layout naming it after a folder, as a plan's): found
    once for each folder (a plan's tasks share one), looked up for its other files."""
    slash = name.rfind("/")
    folder = name[:slash]
    if slash < 0 or len(name) - slash <= len(SUFFIX) + 1 or not name.endswith(SUFFIX):
        return kind_of_parts(name.split("/"))
    if f"/{name[slash + 1 : -len(SUFFIX)]}/" in f"/{folder}/":
        return kind_of_parts(name.split("/"))
    kind = _KIND_IN.get(folder, _NOT_YET)
    if kind is _NOT_YET:
        if len(_KIND_IN) >= _KIND_IN_MAX:
            _KIND_IN.clear()
        kind = _KIND_IN[folder] = kind_of_parts(name.split("/"))
    return kind  # type: ignore[return-value]


_UNPLACED = PurePosixPath()


def _parsed_only(rel: str) -> LoadedFile:
    """A file the second process only reads and parses: what it sends back (findings
    named by the path as listed, suppressions, positions, data) needs neither the
    path object nor the kind, which this process makes once when it takes the file
    in (``_received``)."""
    return LoadedFile(_UNPLACED, None, name=display(rel))


def read_one(root: Path, rel: str, is_link: bool | None, cache: RecordCache | None, known: bytes = b"") -> Read:
    """Read and validate one file, from the cache when its content is unchanged
    (``is_link``: as listed, or None when unknown; ``known``: the content key of what
    the last check read of the file, its signature unchanged since: the cache's reading
    of that content is taken without reading the file, when the cache holds it).

    Returns the content key (empty without a cache or when the file cannot be
    read), the file, its record (None when invalid), and whether the reading
    was made now rather than found in the cache."""
    key, loaded, hit, data = _fetch(root, rel, is_link, cache, known)
    if hit is not None:
        return key, loaded, from_cache(loaded, hit), False
    return key, loaded, None if data is None else parse_record(data, loaded), True


def _fetch(
    root: Path,
    rel: str,
    is_link: bool | None,
    cache: RecordCache | None,
    known: bytes,
    made: Callable[[str], LoadedFile] = _loaded,
) -> tuple[bytes, LoadedFile, Reading | None, bytes | None]:
    """What ``read_one`` starts with, in either process: the content key, the file
    (``made`` of its path), and either the cache's reading of it (taken by ``known``
    without reading the file, or by the key of its bytes) or its bytes (None when
    they cannot be read, with the key empty then)."""
    loaded = made(rel)
    if known and cache and (hit := cache.get(rel, known)) is not None and usable(hit):
        return known, loaded, hit, None
    data = read_bytes(os.path.join(root, rel), loaded, root, is_link)
    if data is None:
        return b"", loaded, None, None
    key = content_key(data) if cache else b""
    if cache and (hit := cache.get(rel, key)) is not None and usable(hit):
        return key, loaded, hit, None
    return key, loaded, None, data


NOTHING_KNOWN: Mapping[str, bytes] = {}


def _read_all(
    root: Path, listing: Sequence[tuple[str, bool]], cache: RecordCache | None, known: Mapping[str, bytes]
) -> list[Read]:
    return [read_one(root, rel, is_link, cache, known.get(rel, b"")) for rel, is_link in listing]


def _parse_in_child(
    root: Path, listing: Sequence[tuple[str, bool]], cache: RecordCache | None, known: Mapping[str, bytes]
) -> list[bytes | None]:
    """What the second process does with its files: read and parse them, not
    validate them (it never imports the model); it sends back what ``_parsed``
    gives of each, packed (``_pack``)."""
    return _pack([_parsed(root, rel, is_link, cache, known.get(rel, b"")) for rel, is_link in listing])


def _parsed(root: Path, rel: str, is_link: bool, cache: RecordCache | None, known: bytes) -> tuple[bytes, Sent | None]:
    """One file read and parsed by the second process: the key, plus what parsing
    found of a file not found in the cache (the parent's copy of the cache holds
    the others)."""
    key, loaded, hit, data = _fetch(root, rel, is_link, cache, known, _parsed_only)
    if hit is not None:
        return key, None
    if data is not None:
        parse_bytes(data, loaded)
    suppressions = loaded.suppressions or None  # most files have none: NONE, made again on arrival
    return key, (loaded.findings, suppressions, loaded.positions, loaded.data, data is not None)


# A chunk's results travel from the second process as one blob in the place of
# its first file (the other places empty), written by marshal rather than pickle:
# the parsed data (dictionaries, lists, text, numbers) and the positions' marks
# as they are, each shape of positions once for the chunk, and only what the
# usual file lacks (findings, suppressions, a file not parsed) pickled. Writing
# a chunk takes a third of pickle's time, reading it back a little less (no
# object is rebuilt by a function of Python), and the data read back are equal,
# of the same types, in the same order.
_PLAIN = 0  # the usual file: no findings, no suppressions, parsed
_PICKLED = 1  # anything else: the whole of what was sent, pickled


def _pack(sent: list[tuple[bytes, Sent | None]]) -> list[bytes | None]:
    shapes: dict[int, int] = {}
    paths: list[tuple[tuple[KeyPath, ...], tuple[KeyPath, ...]]] = []
    rows: list[Any] = []
    for key, reading in sent:
        if reading is None:
            rows.append((key,))
            continue
        findings, suppressions, positions, data, parsed = reading
        if findings or suppressions is not None or not parsed:
            rows.append((key, _PICKLED, pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL)))
            continue
        shape = positions.shape
        at = shapes.get(id(shape))
        if at is None:
            at = shapes[id(shape)] = len(paths)
            paths.append((shape.keys, shape.values))
        rows.append((key, _PLAIN, at, positions.marks, data))
    try:
        blob = b"M" + marshal.dumps((paths, rows))
    except ValueError:  # a value marshal does not write: pickled as it is
        blob = b"P" + pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL)
    return [blob, *([None] * (len(sent) - 1))] if sent else []


def _unpack(part: Sequence[bytes | None]) -> list[tuple[bytes, Sent | None]]:
    """What ``_pack`` sent, as it was before."""
    if not part:
        return []
    blob = part[0]
    assert blob is not None
    if blob[:1] == b"P":
        unpickled: list[tuple[bytes, Sent | None]] = pickle.loads(blob[1:])
        return unpickled
    paths, rows = marshal.loads(blob[1:])
    shapes = [_shape_of(keys, values) for keys, values in paths]
    sent: list[tuple[bytes, Sent | None]] = []
    made = Positions.__new__
    for row in rows:
        if len(row) == 1:
            sent.append((row[0], None))
        elif row[1] == _PICKLED:
            sent.append((row[0], pickle.loads(row[2])))
        else:
            key, _, at, marks, data = row
            positions = made(Positions)
            positions.shape = shapes[at]
            positions.marks = marks
            sent.append((key, ([], None, positions, data, True)))
    return sent


def _received(root: Path, rel: str, is_link: bool, key: bytes, sent: Sent | None, cache: RecordCache | None) -> Read:
    """A file parsed (or found in the cache) by the child, as read_one would have
    returned it here: validated now."""
    if sent is None:  # found in the cache by the child
        loaded = _loaded(rel)
        reading = cache.get(rel, key) if cache else None
        if reading is None or not usable(reading):  # pragma: no cover - the child read the same cache
            return read_one(root, rel, is_link, None)
        return key, loaded, from_cache(loaded, reading), False
    findings, suppressions, positions, data, parsed = sent
    name = display(rel)
    loaded = LoadedFile(  # made once, here, with what the child sent (no default made to be replaced)
        PurePosixPath(name), _kind(name), None, positions, findings, suppressions or NO_SUPPRESSIONS
    )
    if not parsed:
        return key, loaded, None, True
    loaded.data = data
    return key, loaded, _validated(loaded), True


def _received_all(
    root: Path, cache: RecordCache | None, listing: Sequence[tuple[str, bool]], part: Sequence[bytes | None]
) -> list[Read]:
    return [
        _received(root, rel, is_link, key, reading, cache)
        for (rel, is_link), (key, reading) in zip(listing, _unpack(part), strict=True)
    ]


# What a caller does with each batch of files read (``Reader.finish``).
Each = Callable[[list[tuple[LoadedFile, "Record | None"]]], None]


def _then(read: Callable[..., list[Read]], each: Each | None) -> Callable[..., list[Read]]:
    """``read``, then ``each`` called with the files it read."""
    if each is None:
        return read

    def reading(*args: Any) -> list[Read]:
        results = read(*args)
        each([(loaded, record) for _, loaded, record, _ in results])
        return results

    return reading


class Reader:
    """The reading of every record file under ``root`` begun: with many files to
    parse, a second process is forked at once and parses about half of them,
    while this process imports the model (``finish``) and reads the rest.
    ``known``: path -> content key of the files whose cached reading can be
    taken without reading them (``read_one``)."""

    def __init__(self, root: Path, cache: RecordCache | None, known: Mapping[str, bytes] = NOTHING_KNOWN) -> None:
        self.root = root
        self.cache = cache
        self.known = known
        self.listing = walk(root)
        self.shared: Shared[tuple[str, bool], bytes | None] | None = None
        unread = sum(1 for rel, _ in self.listing if not cache or not cache.has(rel))
        if cache:
            cache.has_done()
        if unread >= PARALLEL_MIN_FILES:
            self.shared = start(self.listing, functools.partial(_parse_in_child, root, cache=cache, known=known))

    def finish(self, each: Each | None = None) -> list[tuple[LoadedFile, Record | None]]:
        """Every file read and validated, in the order listed. ``each`` is called
        with every batch of files as soon as they are read and validated (in no
        particular order), so that what the caller does with a file alone is
        shared out between the two processes like the reading: the child parses
        more of the files while this process does it."""
        root, cache, known = self.root, self.cache, self.known
        if self.shared is not None:
            from .model import build_models

            build_models()
            mine, theirs = self.shared.finish(
                _then(functools.partial(_read_all, root, cache=cache, known=known), each),
                receive=_then(functools.partial(_received_all, root, cache), each),
            )
            results = mine + theirs
        else:
            results = _then(_read_all, each)(root, self.listing, cache, known)
        read: list[tuple[LoadedFile, Record | None]] = []
        for key, loaded, record, fresh in results:
            if fresh and cache and key:
                cache.put(str(loaded.rel), key, (loaded.findings, loaded.suppressions, loaded.positions, record))
            read.append((loaded, record))
        return read


def read_files(
    root: Path, cache: RecordCache | None, known: Mapping[str, bytes] = NOTHING_KNOWN, each: Each | None = None
) -> list[tuple[LoadedFile, Record | None]]:
    """Every record file under ``root`` read and validated (``Reader``)."""
    return Reader(root, cache, known).finish(each)
