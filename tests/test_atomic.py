"""The one writer: a file is the old one or the new one, never a cut one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kehoach.atomic import TEMP_SUFFIX, WriteFailed, replacing, write_atomic


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_writes_a_new_file_with_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    write_atomic(target, "id: a\ntitle: Ánh\n")
    assert target.read_text(encoding="utf-8") == "id: a\ntitle: Ánh\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert leftovers(tmp_path) == []


def test_replacing_keeps_the_mode_of_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_exclusive_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("mine\n")
    with pytest.raises(WriteFailed) as caught:
        write_atomic(target, "theirs\n", exclusive=True)
    assert target.read_text() == "mine\n"
    assert "tệp đã tồn tại" in str(caught.value) and "a.yaml" in str(caught.value)
    assert leftovers(tmp_path) == []


def test_a_symlinked_file_is_replaced_at_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_leaves_the_file_and_names_it(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(WriteFailed) as caught:
            write_atomic(target, "new\n")
    finally:
        tmp_path.chmod(0o755)
    assert target.read_text() == "old\n"
    assert "a.yaml" in str(caught.value)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed) as caught:
        write_atomic(tmp_path / "no" / "a.yaml", "x\n")
    assert "thư mục không tồn tại" in str(caught.value) and "a.yaml" in str(caught.value)


def test_an_error_inside_the_block_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_a_file_size_limit_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """As a full disk does: the write fails part-way; the record must not be cut."""
    target = tmp_path / "a.yaml"
    old = "tiêu đề: " + "ư" * 200 + "\n"
    target.write_text(old, encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1001, 1001))
        from kehoach.atomic import WriteFailed, write_atomic
        try:
            write_atomic({str(target)!r}, "ư" * 5000)
        except WriteFailed as error:
            print(error)
            sys.exit(3)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 3, done.stderr
    assert "vượt giới hạn kích thước" in done.stdout
    assert target.read_text(encoding="utf-8") == old
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_a_read_only_file_is_never_replaced_even_by_root(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    target.chmod(mode)
    try:
        with pytest.raises(WriteFailed) as caught:
            write_atomic(target, "new\n")
        assert "tệp chỉ cho đọc" in str(caught.value) and "a.yaml" in str(caught.value)
        target.chmod(0o600)
        assert target.read_text() == "old\n"
    finally:
        target.chmod(0o600)
    assert leftovers(tmp_path) == []


def test_a_file_made_read_only_while_being_replaced_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    with pytest.raises(WriteFailed), replacing(target) as temporary:
        temporary.write_text("new\n")
        target.chmod(0o444)
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_without_durability_the_replacement_is_still_atomic(tmp_path: Path) -> None:
    target = tmp_path / "cache.pickle"
    target.write_bytes(b"old")
    write_atomic(target, b"new", durable=False)
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []
