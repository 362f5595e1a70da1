"""`new` and `status` in a real terminal (tmux), as a clerk types: a bad answer is
explained and asked again, a name shared by several units is offered as a
numbered choice, Tab completes after ';' and the chosen plan's sections, and
Ctrl-C leaves every file as it was."""

from __future__ import annotations

import itertools
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehoach.load import load_file

from ..conftest import REPO_ROOT

PLAN = "tinh-a-2021-12-kh-bdvtu"
TASKS = f"records/plans/{PLAN}/tasks"
_COUNTER = itertools.count()


class Terminal:
    """One command running in a tmux pane of its own server, read back as the screen shows it."""

    def __init__(self, command: str, cwd: Path, env: dict[str, str]) -> None:
        self.socket = f"kehoach-test-{os.getpid()}-{next(_COUNTER)}"
        self.env = {**os.environ, **env, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm"}
        # the shell survives Ctrl-C (a trap, reset to default for the command) to print the exit code
        shell = f"trap true INT; {command}; echo EXIT=$?; sleep 600"
        self.tmux("new-session", "-d", "-x", "160", "-y", "50", "-s", "t", "-c", str(cwd), "sh", "-c", shell)

    def tmux(self, *args: str) -> str:
        ran = subprocess.run(
            ["tmux", "-u", "-f", "/dev/null", "-L", self.socket, *args],
            capture_output=True,
            env=self.env,
            check=True,
        )
        return ran.stdout.decode("utf-8")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "t")

    def wait_for(self, text: str, after: int = 0) -> str:
        """The screen once ``text`` shows up (counting only appearances past the first ``after``)."""
        deadline = time.monotonic() + 60
        while True:
            shown = self.screen()
            if shown.count(text) > after:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"'{text}' never appeared; the screen:\n{shown}")
            time.sleep(0.1)

    def type(self, text: str, enter: bool = True) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)
        if enter:
            self.tmux("send-keys", "-t", "t", "Enter")

    def key(self, name: str) -> None:
        self.tmux("send-keys", "-t", "t", name)

    def close(self) -> None:
        subprocess.run(["tmux", "-f", "/dev/null", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def terminal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[type[Terminal]]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is missing: run 'make test-tools' (requirements/apt-test.txt)")
    opened: list[Terminal] = []
    cache = str(tmp_path_factory.mktemp("cache"))

    class Opened(Terminal):
        def __init__(self, command: str, cwd: Path) -> None:
            super().__init__(command, cwd, {"KEHOACH_CACHE_DIR": cache, "PYTHONPATH": str(REPO_ROOT / "tools")})
            opened.append(self)

    yield Opened
    for each in opened:
        each.close()


def kehoach(root: Path, *argv: str) -> str:
    return shlex.join([sys.executable, "-m", "kehoach", "--root", str(root), *argv])


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_new_task_asks_again_offers_a_choice_and_completes(base_repo: Path, terminal: type[Terminal]) -> None:
    term = terminal(kehoach(base_repo, "new", "task", "--plan", PLAN), base_repo)
    term.wait_for("Thuộc mục (I, II, II.1):")
    term.type("II.9")  # no such section: explained, asked again
    term.wait_for("✗ kế hoạch 'tinh-a-2021-12-kh-bdvtu' không có mục 'II.9'; các mục có: I, II, II.1")
    term.wait_for("Thuộc mục (I, II, II.1):", after=1)
    term.type("II.", enter=False)
    term.key("Tab")  # the only section starting 'II.'
    term.wait_for("Thuộc mục (I, II, II.1): II.1")
    term.type("")
    term.wait_for("Số thứ tự trong văn bản (Enter để bỏ qua):")
    term.type("")
    term.wait_for("Nội dung nhiệm vụ:")
    term.type("Tổ chức hội nghị sơ kết")
    term.wait_for("Đơn vị chủ trì")
    term.type("ban dan")  # two units: offered as a numbered choice
    shown = term.wait_for("Chọn số (1-2)")
    assert "'ban dan' khớp nhiều đơn vị:" in shown
    assert "1. tinh-a-ban-dan-toc (Ban Dân tộc tỉnh, Tỉnh A)" in shown and "2. tinh-a-ban-dan-van (" in shown
    term.type("2")
    term.wait_for("Đơn vị phối hợp")
    term.type("tinh-a-ban-dan-toc; tinh-a-t", enter=False)
    term.key("Tab")  # completes the name after ';', keeping what is before it
    term.wait_for("tinh-a-ban-dan-toc; tinh-a-tinh-uy")
    term.type("")
    term.wait_for("Văn bản liên quan")
    term.type("")
    term.wait_for("Thời gian thực hiện")
    term.type("quý IV/2021")
    shown = term.wait_for("EXIT=")
    assert "EXIT=0" in shown, shown
    assert f"đã tạo: {TASKS}/{PLAN}-nv03.yaml" in shown
    data = load_file(base_repo, base_repo / TASKS / f"{PLAN}-nv03.yaml").data
    assert data["section"] == "II.1" and data["lead"] == ["tinh-a-ban-dan-van"]
    assert data["coordinating"] == ["tinh-a-ban-dan-toc", "tinh-a-tinh-uy"]


def test_ctrl_c_in_new_writes_nothing(base_repo: Path, terminal: type[Terminal]) -> None:
    before = snapshot(base_repo)
    term = terminal(kehoach(base_repo, "new", "task", "--plan", PLAN, "--section", "I"), base_repo)
    term.wait_for("Số thứ tự trong văn bản")
    term.type("")
    term.wait_for("Nội dung nhiệm vụ:")
    term.type("Việc dở dang", enter=False)
    term.key("C-c")
    shown = term.wait_for("EXIT=")
    assert "kehoach: đã dừng (Ctrl-C); chưa ghi tệp nào." in shown and "EXIT=130" in shown
    assert "Traceback" not in shown
    assert snapshot(base_repo) == before


@pytest.fixture
def real_repo(tmp_path: Path) -> Path:
    shutil.copytree(REPO_ROOT / "records", tmp_path / "records")
    return tmp_path


def test_status_offers_the_tasks_a_short_id_names(real_repo: Path, terminal: type[Terminal]) -> None:
    term = terminal(kehoach(real_repo, "status", "nv01", "hoàn", "thành", "--date", "2022-06-30"), real_repo)
    shown = term.wait_for("Chọn số (1-3)")
    assert "'nv01' khớp nhiều nhiệm vụ:" in shown
    line = next(row for row in shown.splitlines() if "binh-thuan-2021-12-kh-bdvtu-nv01 (" in row)
    term.type(line.split(".")[0].strip())
    shown = term.wait_for("EXIT=")
    assert "EXIT=0" in shown and "đã ghi: binh-thuan-2021-12-kh-bdvtu-nv01.yaml: done" in shown
    path = real_repo / "records/plans/binh-thuan-2021-12-kh-bdvtu/tasks/binh-thuan-2021-12-kh-bdvtu-nv01.yaml"
    assert load_file(real_repo, path).data["status"] == "done"


def test_ctrl_c_in_status_writes_nothing(real_repo: Path, terminal: type[Terminal]) -> None:
    before = snapshot(real_repo)
    term = terminal(kehoach(real_repo, "status", "nv01", "done", "--date", "2022-06-30"), real_repo)
    term.wait_for("Chọn số (1-3)")
    term.key("C-c")
    shown = term.wait_for("EXIT=")
    assert "đã dừng (Ctrl-C); chưa ghi gì." in shown and "EXIT=130" in shown
    assert snapshot(real_repo) == before
