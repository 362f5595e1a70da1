"""Sharing a long job between this process and one forked child, for the
machines the project targets (two cores): reading 100,000 record files takes
about ten seconds in one process, running the rules over them a few more.

The two take chunks from opposite ends of the list until they meet, so neither
waits for the other however the machine is loaded; the child writes each
chunk's results to a file (held in memory where the system allows), which
this process reads between its own chunks (so the cost of taking them in is
shared out too). Only where it is
safe: on systems that fork, from a process with a single thread (forking a
threaded process can leave a lock held forever in the child), never from a
daemonic worker. Whatever goes wrong in the child, the parent does the child's
share itself: the result is always the one a single process would give."""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

CHUNK = 250  # items taken at a time: a few hundredths of a second of work


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    # A worker of another program's process pool (multiprocessing's daemonic
    # processes) must not fork: only then is multiprocessing looked at.
    pool = sys.modules.get("multiprocessing")
    return (
        hasattr(os, "fork")
        and threading.active_count() == 1
        and not (pool is not None and pool.current_process().daemon)
        and cores() > 1
    )


class _Ends:
    """The next item from the front and the item after the last one left at the
    back, shared between the two processes: two numbers in memory mapped by both
    (anonymous and shared, so the forked child writes the parent's), changed
    under a lock on the spool file (``fcntl.lockf``: held by one process at a
    time, and let go by a process that dies)."""

    def __init__(self, size: int, descriptor: int) -> None:
        import mmap
        import struct

        self.memory = mmap.mmap(-1, 16)
        self.pair = struct.Struct("qq")
        self.pair.pack_into(self.memory, 0, 0, size)
        self.descriptor = descriptor

    # Chunks shrink as the items left run out (an eighth of them at most), so
    # that neither process is left with a whole chunk to do once the other is done.
    SHARE_LEFT = 8

    def _take(self, chunk: int, front: bool) -> tuple[int, int]:
        import fcntl

        fcntl.lockf(self.descriptor, fcntl.LOCK_EX)
        try:
            first, after = self.pair.unpack_from(self.memory, 0)
            left = after - first
            size = min(chunk, max(1, left // self.SHARE_LEFT), max(left, 0))
            if front:
                start, end = first, first + size
                self.pair.pack_into(self.memory, 0, max(start, end), after)
            else:
                start, end = after - size, after
                self.pair.pack_into(self.memory, 0, first, min(start, end))
        finally:
            fcntl.lockf(self.descriptor, fcntl.LOCK_UN)
        return start, end

    def take_front(self, chunk: int) -> tuple[int, int]:
        return self._take(chunk, front=True)

    def take_back(self, chunk: int) -> tuple[int, int]:
        return self._take(chunk, front=False)


def _spool() -> int:
    """A file for the child's results, gone once closed: in memory where the system
    offers it (no temporary folder), else a temporary file."""
    try:
        return os.memfd_create("kehoach-share", os.MFD_CLOEXEC)
    except (AttributeError, OSError):
        import tempfile

        with tempfile.TemporaryFile() as file:
            return os.dup(file.fileno())


_HEADER = 8  # the length of each chunk's pickled results, before them in the spool


def _child(work: Callable[[Sequence[T]], list[S]], items: Sequence[T], ends: _Ends, spool: int, chunk: int) -> None:
    try:
        while True:
            start, end = ends.take_back(chunk)
            if start >= end:
                break
            data = pickle.dumps((start, work(items[start:end])), protocol=pickle.HIGHEST_PROTOCOL)
            frame = memoryview(len(data).to_bytes(_HEADER, "little") + data)
            while frame:  # whole, so that the parent can take it while this process goes on
                frame = frame[os.write(spool, frame) :]
    except BaseException:  # stop; the parent does what was not written
        pass


class _Spool:
    """The chunks the child has written so far, taken by the parent as they come
    (between its own chunks, so that taking them is shared out like the rest of
    the work) without moving the child's place in the file."""

    def __init__(self, descriptor: int, taken: Callable[[int, Any], Any]) -> None:
        self.descriptor = descriptor
        self.taken = taken
        self.offset = 0
        self.broken = False
        self.chunks: dict[int, Any] = {}

    def take(self) -> None:
        """Every chunk written in full since the last call; a chunk cut short
        (a dying child) or unreadable ends the taking."""
        while not self.broken:
            header = os.pread(self.descriptor, _HEADER, self.offset)
            if len(header) < _HEADER:
                return
            size = int.from_bytes(header, "little")
            data = os.pread(self.descriptor, size, self.offset + _HEADER)
            if len(data) < size:
                return  # still being written, or cut short
            try:
                start, part = pickle.loads(data)
                self.chunks[start] = self.taken(start, part)
            except Exception:  # what a dying child wrote: the parent does it
                self.broken = True
                return
            self.offset += _HEADER + size


def share(
    items: Sequence[T],
    mine: Callable[[Sequence[T]], list[R]],
    theirs: Callable[[Sequence[T]], list[S]],
    chunk: int | None = None,
    receive: Callable[[Sequence[T], list[S]], list[R]] | None = None,
) -> tuple[list[R], list[R]]:
    """Split ``items`` at some point k: return ``mine(items[:k])`` and the results
    for ``items[k:]`` (each a list with one result per item), the second
    computed by a forked child with ``theirs`` while this process computes the
    first, when possible; otherwise k is the end and everything is done here.
    Items are taken ``chunk`` at a time (``CHUNK`` unless given: one for long
    items). ``receive`` turns the child's results for some items into what
    ``mine`` gives for them (by default they are the same); it is called here
    as the child's chunks come, between this process's own chunks."""
    return start(items, theirs, chunk).finish(mine, receive)


def start(items: Sequence[T], theirs: Callable[[Sequence[T]], list[S]], chunk: int | None = None) -> Shared[T, S]:
    """``share`` begun: the child forked now and at work from the back of
    ``items``, while this process does something else first (imports what its
    own part needs and the child's does not); ``finish`` does the rest."""
    return Shared(items, theirs, chunk or CHUNK)


class Shared(Generic[T, S]):
    """A share of ``items`` begun, the child (if any) at work from their back."""

    def __init__(self, items: Sequence[T], theirs: Callable[[Sequence[T]], list[S]], chunk: int) -> None:
        self.items = items
        self.chunk = chunk
        self.child: int | None = None  # its process id
        if len(items) < 2 * chunk or not can_fork():
            return
        # Forked directly (os.fork), not through multiprocessing: importing it and
        # setting up its lock, shared values and process object cost this process
        # more than a one-file check's whole walk of 10,000 files shares out.
        try:
            self.spool = _spool()
        except OSError:  # no temporary folder...
            return
        try:
            self.ends = _Ends(len(items), self.spool)
            child = os.fork()
        except (OSError, ValueError):  # no memory to share, no process left...
            os.close(self.spool)
            return
        if child == 0:  # the child: its share, then its end, whatever happens
            try:
                _child(theirs, items, self.ends, self.spool, chunk)
            finally:
                os._exit(0)
        self.child = child

    def _join(self, stop: bool = False) -> None:
        import signal

        assert self.child is not None
        try:
            if stop:
                os.kill(self.child, signal.SIGTERM)
            os.waitpid(self.child, 0)
        except (ChildProcessError, ProcessLookupError):  # ended and reaped already
            pass

    def finish(
        self,
        mine: Callable[[Sequence[T]], list[R]],
        receive: Callable[[Sequence[T], list[S]], list[R]] | None = None,
    ) -> tuple[list[R], list[R]]:
        """This process's part from the front of the items until it meets the
        child's, then the child's results (what it did not send done here)."""
        items, chunk, child = self.items, self.chunk, self.child
        if child is None:
            return mine(items), []

        def taken(start: int, part: list[S]) -> list[R]:
            return receive(items[start : start + len(part)], part) if receive else part  # type: ignore[return-value]

        try:
            received = _Spool(self.spool, taken)
            try:
                first: list[R] = []
                while True:
                    start, end = self.ends.take_front(chunk)
                    if start >= end:
                        break
                    first.extend(mine(items[start:end]))
                    received.take()
            except BaseException:  # interrupted, or failing as it would alone: the child's work is moot
                self._join(stop=True)
                raise
            self._join()
            received.take()
        finally:
            os.close(self.spool)
        second: list[R] = []
        position = len(first)
        while position < len(items):  # the child's chunks in order; what it did not send is done here
            part = received.chunks.get(position)
            if part is None:
                upto = min((start for start in received.chunks if start > position), default=len(items))
                part = mine(items[position:upto])
            second.extend(part)
            position += len(part)
        return first, second


class Aside:
    """A child forked now, while this process is still small, that does one job
    over what this process hands it as it goes (``send``: blobs appended to a file
    held in memory, so that sending never waits for the child). ``work`` is given
    the blobs one by one as they are sent (it may begin on them while this process
    is still sending: what is left once every blob is sent is what the end of the
    job waits for); ``start`` says every blob is sent, and this process goes on with
    other work; ``result`` is what ``work`` made of every blob sent, or None when no
    child could be forked or it failed (the caller then does the job itself).
    Forked before this process holds much, the child shares little with it:
    neither copies the other's pages as it writes its own."""

    def __init__(self, work: Callable[[Iterator[bytes]], bytes]) -> None:
        self.child: int | None = None
        if not can_fork():
            return
        try:
            self.feed, self.back = _spool(), _spool()
        except OSError:
            return
        try:
            waiting, self.go = os.pipe()
            child = os.fork()
        except OSError:
            os.close(self.feed)
            os.close(self.back)
            return
        if child == 0:
            status = 1
            try:
                os.close(self.go)
                made = work(_each_frame(self.feed, waiting))
                _write(self.back, len(made).to_bytes(_HEADER, "little") + made)
                status = 0
            except BaseException:  # the parent does the job
                pass
            finally:
                os._exit(status)
        os.close(waiting)
        self.child = child

    def send(self, blob: bytes) -> None:
        if self.child is not None:
            try:
                _write(self.feed, len(blob).to_bytes(_HEADER, "little") + blob)
            except OSError:  # no room left for it (memory, disk): the child is stopped, the caller does the job
                self.cancel()

    def start(self) -> None:
        """Every blob is sent: the child finishes its job."""
        if self.child is not None and self.go >= 0:
            os.close(self.go)
            self.go = -1

    def result(self) -> bytes | None:
        """What the child made (waiting for it), or None when it failed."""
        child = self.child
        if child is None:
            return None
        self.child = None
        try:
            _, status = os.waitpid(child, 0)
            if status != 0:
                return None
            frames = _frames(self.back)
            return frames[0] if frames else None
        finally:
            os.close(self.feed)
            os.close(self.back)

    def cancel(self) -> None:
        """The job is not wanted (this process failed): the child is stopped."""
        import signal

        if self.child is None:
            return
        with contextlib.suppress(OSError):
            os.kill(self.child, signal.SIGKILL)
        self.start()
        self.result()


def _write(descriptor: int, data: bytes) -> None:
    """``data`` whole at the end of the file ``descriptor``."""
    frame = memoryview(data)
    while frame:
        frame = frame[os.write(descriptor, frame) :]


class CutShort(Exception):
    """A frame was written in part only."""


def _each_frame(descriptor: int, waiting: int | None = None) -> Iterator[bytes]:
    """Every frame written to ``descriptor``, read one at a time (so that they are
    never all held at once); CutShort when one is cut short. With ``waiting`` (the
    reading end of a pipe the writer closes once every frame is written), each frame
    is given as soon as it is written whole, while the writer goes on."""
    offset = 0
    while True:
        header = os.pread(descriptor, _HEADER, offset)
        size = int.from_bytes(header, "little")
        data = os.pread(descriptor, size, offset + _HEADER) if len(header) == _HEADER else b""
        if len(header) == _HEADER and len(data) == size:
            yield data
            offset += _HEADER + size
        elif waiting is not None:  # the next frame not written (whole) yet: wait for it, or for the end
            if select.select([waiting], [], [], _POLL)[0] and not os.read(waiting, 1):
                waiting = None  # every frame is written: what is there now is all there will be
        elif header:
            raise CutShort
        else:
            return


_POLL = 0.05  # seconds between looks for a frame while the writer goes on


def _frames(descriptor: int) -> list[bytes] | None:
    """Every frame written to ``descriptor`` (each its length, then itself), or None
    when one is cut short."""
    frames: list[bytes] = []
    offset = 0
    while True:
        header = os.pread(descriptor, _HEADER, offset)
        if not header:
            return frames
        if len(header) < _HEADER:
            return None
        size = int.from_bytes(header, "little")
        data = os.pread(descriptor, size, offset + _HEADER)
        if len(data) < size:
            return None
        frames.append(data)
        offset += _HEADER + size
