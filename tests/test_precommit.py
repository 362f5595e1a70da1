"""The everyday path in a real git repository: with the hooks installed, a
commit of a broken record is refused with the checker's message; fixing it lets
the commit through; deleting a directive that a task cites is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

TASK = "records/plans/binh-thuan-2022-54-kh-bdvtu/tasks/binh-thuan-2022-54-kh-bdvtu-nv06.yaml"
DIRECTIVE = "records/directives/binh-thuan-2021-308-cv-tu.yaml"


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Cán bộ", "GIT_AUTHOR_EMAIL": "cb@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Cán bộ", "GIT_COMMITTER_EMAIL": "cb@example.org"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("kho") / "kho"
    # tracked and new (not ignored) files, as they are in the working tree
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, tracked.decode().split("\0")):
        source = REPO_ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    assert _git(repo, "init", "-q", "-b", "main").returncode == 0
    _git(repo, "add", "-A")
    assert _git(repo, "commit", "-q", "--no-verify", "-m", "khởi tạo").returncode == 0
    installed = subprocess.run(
        [str(Path(sys.executable).with_name("pre-commit")), "install"], cwd=repo, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stderr
    return repo


def _commit(repo: Path, message: str) -> subprocess.CompletedProcess[str]:
    _git(repo, "add", "-A")
    return _git(repo, "commit", "-q", "-m", message)


def test_broken_record_is_refused_then_accepted_once_fixed(repo: Path) -> None:
    path = repo / TASK
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("lead:\n", "lead:\n  - binh-thuan-ban-dan-vn\n", 1), encoding="utf-8")
    refused = _commit(repo, "thêm đơn vị chủ trì")
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert f"{TASK}:" in output and "KH301" in output and "binh-thuan-ban-dan-vn" in output
    assert "có phải là 'binh-thuan-ban-dan-van'" in output

    path.write_text(original.replace("lead:\n", "lead:\n  - binh-thuan-ban-dan-van\n", 1), encoding="utf-8")
    accepted = _commit(repo, "thêm đơn vị chủ trì (đã sửa mã)")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _git(repo, "log", "-1", "--format=%s").stdout.strip() == "thêm đơn vị chủ trì (đã sửa mã)"


def test_deleting_a_cited_directive_is_refused(repo: Path) -> None:
    (repo / DIRECTIVE).unlink()
    refused = _commit(repo, "xóa công văn")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "KH301" in output and "binh-thuan-2021-308-cv-tu" in output
    _git(repo, "checkout", "--", ".")
    _git(repo, "reset", "-q", "--hard")
