"""The everyday path in a real git repository: with the hooks installed, a
commit of a broken record is refused with the checker's message; fixing it lets
the commit through; deleting a directive that a task cites is refused."""

from __future__ import annotations

import os
import re
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


def test_three_mistakes_one_vietnamese_message_each(repo: Path) -> None:
    """A bad date, a YAML syntax error and a list item indented too far: the refusal names each once,
    in Vietnamese, at file:line:col; the JSON Schema hook still runs but adds nothing English."""
    plan = "records/plans/binh-thuan-2022-54-kh-bdvtu/tasks/binh-thuan-2022-54-kh-bdvtu"
    dated, indented, broken = (repo / f"{plan}-nv0{n}.yaml" for n in (6, 7, 8))
    dated.write_text(
        dated.read_text(encoding="utf-8") + "status: in-progress\nprogress:\n  - date: 31/02/2021\n    note: Đã họp\n",
        encoding="utf-8",
    )
    broken.write_text(broken.read_text(encoding="utf-8").replace("order: 8\n", "order: 8\ntitle Điển hình\n"), "utf-8")
    text = indented.read_text(encoding="utf-8")
    item = "  - binh-thuan-ban-dan-van-chi-uy\n"
    assert item in text
    indented.write_text(text.replace(item, " " + item), encoding="utf-8")
    refused = _commit(repo, "ba lỗi")
    output = refused.stdout + refused.stderr
    _git(repo, "reset", "-q", "--hard")
    assert refused.returncode != 0
    found = re.findall(r"^(records/\S+?):(\d+):(\d+): (KH\d{3}) \[lỗi\] (.*)$", output, re.M)
    assert sorted((path.rsplit("-", 1)[1], code) for path, _, _, code, _ in found) == [
        ("nv06.yaml", "KH104"),
        ("nv07.yaml", "KH010"),
        ("nv08.yaml", "KH010"),
    ], output
    messages = {path.rsplit("-", 1)[1]: message for path, _, _, _, message in found}
    assert "31/02/2021" in messages["nv06.yaml"]
    assert "thiếu dấu ':'" in messages["nv08.yaml"]
    assert "thụt lề sâu hơn" in messages["nv07.yaml"]
    framing = re.compile(
        r"^(.*\.{3,}\s*(Passed|Failed|Skipped|\(no files to check\)Skipped)|- hook id: |- exit code: )"
    )
    excerpt = re.compile(r"^\s+\d*\s\|")
    for line in output.splitlines():
        if line.strip() and not framing.match(line) and not excerpt.match(line):
            assert not line.isascii(), f"not Vietnamese: {line!r}\n{output}"


def test_the_schema_hook_still_checks_what_kehoach_accepts(repo: Path) -> None:
    """A file kehoach check accepts but the JSON Schema rejects (here a schema made stricter) is reported."""
    import json

    schema = repo / "schema/task.schema.json"
    original = schema.read_text(encoding="utf-8")
    stricter = json.loads(original)
    stricter["required"] = [*stricter.get("required", []), "ghi-chu-bat-buoc"]
    schema.write_text(json.dumps(stricter, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-verify", "-m", "lược đồ chặt hơn")
    path = repo / TASK
    path.write_text(path.read_text(encoding="utf-8").replace("\ntext:", "\n# sửa nhỏ\ntext:", 1), encoding="utf-8")
    refused = _commit(repo, "sửa nhỏ")
    output = refused.stdout + refused.stderr
    _git(repo, "reset", "-q", "--hard")
    schema.write_text(original, encoding="utf-8")
    _git(repo, "commit", "-qa", "--no-verify", "-m", "trả lại lược đồ")
    assert refused.returncode != 0
    assert "Lược đồ schema/task.schema.json từ chối tệp mà 'kehoach check' chấp nhận" in output
    assert TASK in output
