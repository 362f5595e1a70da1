"""Replace a file atomically and durably: the one way kehoach writes a file.

The new content goes to a temporary file in the same folder, is flushed and
fsynced, takes the mode of the file it replaces, and is renamed over it; the
folder is fsynced so that the rename survives a crash. A kill, a full disk or
a file-size limit at any moment leaves either the old file or the new one,
never a cut one. On any error the temporary file is removed, the original is
untouched, and the error raised names the file.

A file that nobody may write (no write permission bit at all, or not writable
by this user) is never replaced: its owner marked it read-only, and renaming
over it would quietly undo that (root included, whom permissions do not stop).

``durable=False`` skips the fsyncs, for files that can be rebuilt (caches,
synthetic repositories, scratch copies): still atomic for every other process
and against a kill, only not across a power cut.

Temporary files are named ``.<name>.<random>.kehoach-tmp``: a kill -9 can leave
one behind, and no reader of records takes it for a record.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from .oserrors import write_reason

TEMP_SUFFIX = ".kehoach-tmp"


class WriteFailed(OSError):
    """A file could not be written; the file on disk is as it was before."""

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror)
        self.path = path
        self.cause = cause

    @property
    def reason(self) -> str:
        """Why, in Vietnamese."""
        return write_reason(self.cause)

    def __str__(self) -> str:
        return f"không ghi được {self.path}: {self.reason} (tệp cũ giữ nguyên)"


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be opened or synced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _refuse_read_only(target: Path) -> None:
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str], *, exclusive: bool = False, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without error,
    the temporary file (written by the caller, for example a library's ``save``)
    is synced and put in place of ``path`` in one step.

    ``exclusive``: never replace an existing file; if ``path`` appears in the
    meantime, raise :class:`WriteFailed` (EEXIST) and leave it as it is.
    ``durable``: fsync the file and its folder (see the module's docstring).
    """
    import tempfile  # here: a check that writes nothing (most) never needs it

    target = Path(os.path.realpath(path))  # a symlinked record is replaced at its target, the link kept
    try:
        if not exclusive:
            _refuse_read_only(target)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as error:
        raise WriteFailed(Path(path), error) from error
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        if durable:
            _sync_file(temporary)
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = _default_mode()
        os.chmod(temporary, mode)
        if exclusive:
            os.link(temporary, target)  # fails with EEXIST rather than replace
            temporary.unlink()
        else:
            _refuse_read_only(target)  # made read-only while the new content was written
            os.replace(temporary, target)
        if durable:
            _fsync_folder(target.parent)
    except OSError as error:
        raise WriteFailed(Path(path), error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    encoding: str = "utf-8",
    exclusive: bool = False,
    durable: bool = True,
) -> None:
    """Put ``data`` in ``path`` atomically (see the module's docstring)."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with replacing(path, exclusive=exclusive, durable=durable) as temporary, open(temporary, "wb") as stream:
        stream.write(payload)
        stream.flush()
