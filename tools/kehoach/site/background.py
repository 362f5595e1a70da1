"""One piece of the build done by a forked child while this process goes on
with the rest: the machines the project targets have two cores, and the
take-away files and the search index (a third of the build) need nothing from
the pages.

Only where forking is safe (``parallel.can_fork``: a system that forks, a
process with one thread, so never under ``mkdocs serve``); otherwise, and
whatever goes wrong in the child, this process does the work itself when the
result is asked for: the result is always the one a single process would give."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable
from typing import IO, Any, Generic, TypeVar

from ..parallel import can_fork

T = TypeVar("T")


def _child(work: Callable[[], Any], spool: int) -> None:
    # on any failure nothing whole is written: the parent does the work itself
    with os.fdopen(os.dup(spool), "wb") as out, contextlib.suppress(BaseException):
        pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)


class Later(Generic[T]):
    """``work()``, started now in a forked child when possible; ``result()`` waits for it."""

    def __init__(self, work: Callable[[], T], fork: bool = True) -> None:
        self._work = work
        self._child: Any = None
        self._spool: IO[bytes] | None = None
        if not (fork and can_fork()):
            return
        try:
            context = multiprocessing.get_context("fork")
            self._spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by result() or cancel()
            self._child = context.Process(target=_child, args=(work, self._spool.fileno()), daemon=True)
            self._child.start()
        except Exception:  # no temporary folder, no process left...: done here when asked for
            self.cancel()

    @property
    def forked(self) -> bool:
        return self._child is not None

    def result(self) -> T:
        if self._child is None or self._spool is None:
            return self._work()
        child, spool = self._child, self._spool
        self._child = self._spool = None
        with spool:
            child.join()
            if child.exitcode == 0:
                spool.seek(0)
                try:
                    return pickle.load(spool)
                except Exception:  # nothing or a part written (the work failed, or the child was killed)
                    pass
        return self._work()  # as alone: the same result, or the same error, here

    def cancel(self) -> None:
        """Stop the child (this process failed and will not ask for the result)."""
        if self._child is not None:
            self._child.terminate()
            self._child.join()
        if self._spool is not None:
            self._spool.close()
        self._child = self._spool = None
