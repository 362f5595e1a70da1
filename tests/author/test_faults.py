"""fmt and status when writing fails: a file-size limit (as a full disk does, the
write stops part-way), a full disk reported by the file system, a read-only
record, a FIFO named like a record. Every file ends up as it was or as intended,
never cut or empty; each failure is named in Vietnamese with its file; the
other files are still formatted."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.atomic import TEMP_SUFFIX
from kehoach.author.fmt import canonical_text
from kehoach.load import discover, load_file

TASK = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv02.yaml"


def messy(root: Path) -> dict[Path, tuple[bytes, bytes]]:
    """Make every record non-canonical (CRLF line ends); return its old and canonical bytes."""
    versions = {}
    for path in discover(root):
        old = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        path.write_bytes(old)
        result = canonical_text(root, path)
        assert result.text is not None, result.findings
        versions[path] = (old, result.text.encode("utf-8"))
    return versions


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


def kehoach(root: Path, *argv: str, fsize: int | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run kehoach in a child process, optionally under a file-size limit (SIGXFSZ ignored, so that
    a write past the limit fails with EFBIG as a full disk fails with ENOSPC)."""

    def limit() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "kehoach", "--root", str(root), *argv],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=timeout,
        check=False,
    )


def test_fmt_under_a_file_size_limit_leaves_each_file_old_or_new(base_repo: Path) -> None:
    versions = messy(base_repo)
    sizes = sorted(len(new) for _, new in versions.values())
    limit = sizes[len(sizes) // 2]  # about half the files cannot be written whole
    too_big = {path for path, (_, new) in versions.items() if len(new) > limit}
    assert too_big and len(too_big) < len(versions)
    done = kehoach(base_repo, "fmt", fsize=limit)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "lỗi nội bộ" not in done.stderr
    for path, (old, new) in versions.items():
        rel = path.relative_to(base_repo).as_posix()
        if path in too_big:
            assert path.read_bytes() == old, rel
            assert f"kehoach: không ghi được {rel}: tệp vượt giới hạn kích thước (tệp cũ giữ nguyên)" in done.stderr
        else:
            assert path.read_bytes() == new, rel
            assert f"đã định dạng lại: {rel}" in done.stdout
    assert f"{len(too_big)} tệp không ghi được, để nguyên" in done.stdout
    assert leftovers(base_repo) == []


def test_status_under_a_file_size_limit_leaves_the_task_whole(base_repo: Path) -> None:
    path = base_repo / TASK
    old = path.read_bytes()
    task = path.stem
    done = kehoach(base_repo, "status", task, "done", "--date", "2021-06-30", fsize=len(old) + 10)
    assert done.returncode == 2
    assert f"không ghi được {TASK}: tệp vượt giới hạn kích thước (tệp cũ giữ nguyên, chưa ghi tiến độ)" in done.stderr
    assert "Traceback" not in done.stderr and "lỗi nội bộ" not in done.stderr
    assert path.read_bytes() == old
    assert leftovers(base_repo) == []
    assert kehoach(base_repo, "status", task, "done", "--date", "2021-06-30").returncode == 0  # without the limit
    assert load_file(base_repo, path).data["status"] == "done"


def _full_disk_for(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file system reports a full disk when the temporary file for ``name`` is synced
    (where delayed allocation reports ENOSPC); every other file is written."""
    import kehoach.atomic

    sync = kehoach.atomic._sync_file

    def failing(path: Path) -> None:
        if path.name.startswith(f".{name}."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        sync(path)

    monkeypatch.setattr(kehoach.atomic, "_sync_file", failing)


def test_fmt_on_a_full_disk_names_the_file_and_formats_the_others(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    versions = messy(base_repo)
    _full_disk_for(Path(TASK).name, monkeypatch)
    assert cli.main(["--root", str(base_repo), "fmt"]) == 1
    out, err = capsys.readouterr()
    assert f"kehoach: không ghi được {TASK}: ổ đĩa đã đầy (tệp cũ giữ nguyên)" in err
    for path, (old, new) in versions.items():
        assert path.read_bytes() == (old if path == base_repo / TASK else new)
    assert f"{len(versions)} tệp, {len(versions) - 1} tệp đã định dạng lại; 1 tệp không ghi được, để nguyên." in out
    assert leftovers(base_repo) == []


def test_status_on_a_full_disk_leaves_the_task(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = base_repo / TASK
    old = path.read_bytes()
    _full_disk_for(path.name, monkeypatch)
    assert cli.main(["--root", str(base_repo), "status", path.stem, "done", "--date", "2021-06-30"]) == 2
    err = capsys.readouterr().err
    assert f"không ghi được {TASK}: ổ đĩa đã đầy" in err and "lỗi nội bộ" not in err
    assert path.read_bytes() == old


def test_fmt_leaves_a_read_only_record_and_formats_the_others(
    base_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read-only by its mode: refused by kehoach itself, so root (whom permissions do not stop) is refused too."""
    versions = messy(base_repo)
    locked = base_repo / TASK
    locked.chmod(0o444)
    assert cli.main(["--root", str(base_repo), "fmt"]) == 1
    out, err = capsys.readouterr()
    assert f"kehoach: không ghi được {TASK}: tệp chỉ cho đọc hoặc không có quyền ghi (tệp cũ giữ nguyên)" in err
    assert "lỗi nội bộ" not in err
    for path, (old, new) in versions.items():
        assert path.read_bytes() == (old if path == locked else new)
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert "1 tệp không ghi được, để nguyên." in out


def test_status_leaves_a_read_only_task(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_repo / TASK
    old = path.read_bytes()
    path.chmod(0o444)
    assert cli.main(["--root", str(base_repo), "status", path.stem, "done", "--date", "2021-06-30"]) == 2
    err = capsys.readouterr().err
    assert f"không ghi được {TASK}: tệp chỉ cho đọc" in err
    assert path.read_bytes() == old


def test_fmt_skips_a_fifo_named_like_a_record(base_repo: Path) -> None:
    """Opening a FIFO for reading waits for a writer forever: fmt must name it and go on."""
    fifo = base_repo / "records/units/tinh-a-ong.yaml"
    os.mkfifo(fifo)
    versions = messy(base_repo)
    done = kehoach(base_repo, "fmt", str(fifo), *(str(p) for p in versions), timeout=60)
    assert done.returncode == 1
    assert "records/units/tinh-a-ong.yaml:1:1: KH001 [lỗi] tệp là một đường ống (FIFO)" in done.stdout
    assert all(path.read_bytes() == new for path, (_, new) in versions.items())
    whole = kehoach(base_repo, "fmt", timeout=60)  # the whole repository, the FIFO among the records
    assert "Traceback" not in whole.stderr and "lỗi nội bộ" not in whole.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_status_refuses_a_fifo_task(base_repo: Path) -> None:
    fifo = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv09.yaml"
    os.mkfifo(fifo)
    done = kehoach(base_repo, "status", "tinh-a-2021-12-kh-bdvtu-nv09", "done", "--date", "2021-06-30", timeout=60)
    assert done.returncode == 2
    assert "tệp là một đường ống (FIFO)" in done.stderr or "không có nhiệm vụ mã" in done.stderr
    assert "lỗi nội bộ" not in done.stderr


# Every step of the atomic write at which a kill can land, before or after it.
_STEPS = ["tempfile.mkstemp", "_sync_file", "os.chmod", "os.replace", "_fsync_folder"]
_KILLER = """
import os, signal, sys, tempfile
import kehoach.atomic as atomic
owner, name = sys.argv[1].rsplit(".", 1) if "." in sys.argv[1] else ("atomic", sys.argv[1])
target = {"atomic": atomic, "os": atomic.os, "tempfile": tempfile}[owner]
original = getattr(target, name)
def dying(*args, **kwargs):
    if sys.argv[2] == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
setattr(target, name, dying)
from kehoach import cli
cli.main(sys.argv[3:])
"""


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("step", _STEPS)
def test_status_killed_at_any_step_of_the_write_leaves_the_old_or_the_new_task(
    base_repo: Path, step: str, when: str
) -> None:
    path = base_repo / TASK
    old = path.read_bytes()
    argv = ["--root", str(base_repo), "status", path.stem, "done", "--date", "2021-06-30"]
    done = subprocess.run([sys.executable, "-c", _KILLER, step, when, *argv], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL
    after = path.read_bytes()
    if after != old:  # the new version, whole: it reads as the intended update
        assert load_file(base_repo, path).data["status"] == "done"
        assert after.startswith(old.split(b"\nstatus:")[0])
    assert (after == old) == (step != "_fsync_folder" and (step != "os.replace" or when == "before"))
    assert all(p.stat().st_size > 0 for p in discover(base_repo))
