"""Sharing a long job between this process and one forked child, for the
machines the project targets (two cores): reading 100,000 record files takes
about ten seconds in one process, running the rules over them a few more.

The two take chunks from opposite ends of the list until they meet, so neither
waits for the other however the machine is loaded; the child writes each
chunk's results to a temporary file, read when both are done. Only where it is
safe: on systems that fork, from a process with a single thread (forking a
threaded process can leave a lock held forever in the child), never from a
daemonic worker. Whatever goes wrong in the child, the parent does the child's
share itself: the result is always the one a single process would give."""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

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
    import multiprocessing  # here, not above: most checks share no work and need neither

    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
        and cores() > 1
    )


class _Ends:
    """The next item from the front and the item after the last one left at the
    back, shared between the two processes."""

    def __init__(self, context: Any, size: int) -> None:
        self.lock = context.Lock()
        self.front = context.RawValue("q", 0)
        self.back = context.RawValue("q", size)

    def take_front(self, chunk: int) -> tuple[int, int]:
        with self.lock:
            start = self.front.value
            end = min(start + chunk, self.back.value)
            self.front.value = max(start, end)
        return start, end

    def take_back(self, chunk: int) -> tuple[int, int]:
        with self.lock:
            end = self.back.value
            start = max(end - chunk, self.front.value)
            self.back.value = min(start, end)
        return start, end


def _child(work: Callable[[Sequence[T]], list[S]], items: Sequence[T], ends: _Ends, spool: int, chunk: int) -> None:
    with os.fdopen(os.dup(spool), "wb") as out:
        try:
            while True:
                start, end = ends.take_back(chunk)
                if start >= end:
                    break
                pickle.dump((start, work(items[start:end])), out, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # stop; the parent does what was not written
            pass


def _spooled(spool: Any) -> dict[int, Any]:
    """The chunks the child wrote, by where they start; a chunk cut short is left out."""
    spool.seek(0)
    chunks: dict[int, Any] = {}
    while True:
        try:
            start, part = pickle.load(spool)
        except Exception:  # the end, or the end of what a dying child wrote
            return chunks
        chunks[start] = part


def share(
    items: Sequence[T],
    mine: Callable[[Sequence[T]], list[R]],
    theirs: Callable[[Sequence[T]], list[S]],
    chunk: int | None = None,
) -> tuple[list[R], list[S]]:
    """Split ``items`` at some point k: return ``mine(items[:k])`` and
    ``theirs(items[k:])`` (each a list with one result per item), the second
    computed by a forked child while this process computes the first, when
    possible; otherwise k is the end and everything is done here. Items are
    taken ``chunk`` at a time (``CHUNK`` unless given: one for long items)."""
    chunk = chunk or CHUNK
    if len(items) < 2 * chunk or not can_fork():
        return mine(items), []
    import multiprocessing
    import tempfile

    try:
        context = multiprocessing.get_context("fork")
        ends = _Ends(context, len(items))
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the with statement below
    except Exception:  # no shared memory for the lock, no temporary folder...
        return mine(items), []
    with spool:
        try:
            child = context.Process(target=_child, args=(theirs, items, ends, spool.fileno(), chunk), daemon=True)
            child.start()
        except Exception:
            return mine(items), []
        try:
            first: list[R] = []
            while True:
                start, end = ends.take_front(chunk)
                if start >= end:
                    break
                first.extend(mine(items[start:end]))
        except BaseException:  # interrupted, or failing as it would alone: the child's work is moot
            child.terminate()
            raise
        finally:
            child.join()
        received: dict[int, list[S]] = _spooled(spool)
    second: list[S] = []
    position = len(first)
    while position < len(items):  # the child's chunks in order; what it did not send is done here
        part = received.get(position)
        if part is None:
            upto = min((start for start in received if start > position), default=len(items))
            part = theirs(items[position:upto])
        second.extend(part)
        position += len(part)
    return first, second
