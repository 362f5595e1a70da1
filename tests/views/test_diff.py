"""``kehoach diff``: changes between revisions of a fixture git history built
here, read without touching the working tree. The expected lists are written
by hand from the edits each commit makes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach import cli

from ..conftest import make_repo
from .conftest import REPORTING

PLAN = "records/plans/tinh-a-2021-12-kh-bdvtu"
TASKS = f"{PLAN}/tasks"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Văn thư",
    "GIT_AUTHOR_EMAIL": "vanthu@example.org",
    "GIT_COMMITTER_NAME": "Văn thư",
    "GIT_COMMITTER_EMAIL": "vanthu@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env={**os.environ, **GIT_ENV}
    )
    return done.stdout.strip()


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, list[str]]:
    """Three commits of the base fixture:

    1. the base repository;
    2. nv01 done on 15/09/2021; nv02 led by Ban Dân tộc instead of Ban Dân vận (which now supports);
       nv03 and nv06 added; Nghị quyết 25 marked expired;
    3. the plan's period widened to 'Năm 2021 - 2022' (nv06, with no time frame of its own, is now
       due a year later); nv01 moved from quý III to quý IV; nv03 removed.
    """
    repo = make_repo(tmp_path)
    git(repo, "init", "-q")
    first = commit(repo, "Kho ban đầu")
    edit(
        repo,
        f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv01.yaml",
        "timeframe: quý III/2021\n",
        "timeframe: quý III/2021\nstatus: done\ncompleted: 2021-09-15\n",
    )
    edit(
        repo,
        f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv02.yaml",
        "lead: [tinh-a-ban-dan-van]\ncoordinating: [tinh-a-ban-dan-toc]",
        "lead: [tinh-a-ban-dan-toc]\ncoordinating: [tinh-a-ban-dan-van]",
    )
    for task in ("nv03", "nv06"):
        name = f"tinh-a-2021-12-kh-bdvtu-{task}.yaml"
        shutil.copy(REPORTING / TASKS / name, repo / TASKS / name)
    edit(repo, "records/directives/tw-2013-25-nq-tw.yaml", "status: in-force", "status: expired")
    second = commit(repo, "Cập nhật tiến độ")
    edit(repo, f"{PLAN}/tinh-a-2021-12-kh-bdvtu.yaml", "period: Năm 2021", "period: Năm 2021 - 2022")
    edit(repo, f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv01.yaml", "quý III/2021", "quý IV/2021")
    (repo / TASKS / "tinh-a-2021-12-kh-bdvtu-nv03.yaml").unlink()
    third = commit(repo, "Điều chỉnh kế hoạch")
    return repo, [first, second, third]


def diff(capsys: pytest.CaptureFixture[str], repo: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(repo), "diff", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_status_lead_and_additions(history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    repo, (first, second, _) = history
    code, out, err = diff(capsys, repo, first, second)
    assert (code, err) == (0, "")
    assert out == "\n".join(
        [
            f"Thay đổi bản ghi từ {first} ({first[:7]}) đến {second} ({second[:7]})",
            "",
            "Nhiệm vụ",
            " ~ Sửa tinh-a-2021-12-kh-bdvtu-nv01 (12-KH/BDVTU, mục I: Tiếp tục quán triệt Nghị quyết số 25-NQ/TW.)",
            "      tình trạng: Theo kế hoạch (chưa có báo cáo tiến độ) → Đã hoàn thành",
            "      ngày hoàn thành: (trống) → 15/09/2021",
            "      chủ trì: Ban Dân vận Tỉnh ủy Tỉnh A; hạn: 30/09/2021 (quý III/2021)",
            " ~ Sửa tinh-a-2021-12-kh-bdvtu-nv02 (12-KH/BDVTU, mục II.1: Phối hợp nắm tình hình vùng đồng bào dân tộc "
            "thiểu số.)",
            "      chủ trì: thêm Ban Dân tộc tỉnh; bỏ Ban Dân vận Tỉnh ủy Tỉnh A",
            "      phối hợp: thêm Ban Dân vận Tỉnh ủy Tỉnh A; bỏ Ban Dân tộc tỉnh",
            "      hạn: Thường xuyên; tình trạng: Đang thực hiện",
            " + Thêm tinh-a-2021-12-kh-bdvtu-nv03 (12-KH/BDVTU, mục I: Tổ chức hội nghị sơ kết công tác dân vận "
            "quý I.)",
            "      chủ trì: Ban Dân vận Tỉnh ủy Tỉnh A; hạn: 31/03/2021 (Tháng 3/2021); tình trạng: Đã hoàn thành",
            " + Thêm tinh-a-2021-12-kh-bdvtu-nv06 (12-KH/BDVTU, mục II.1: - Phối hợp tuyên truyền chính sách dân tộc "
            "trên báo, đài tỉnh.)",
            "      chủ trì: Ban Dân vận Tỉnh ủy Tỉnh A, Ban Dân tộc tỉnh; hạn: 31/12/2021; "
            "tình trạng: Theo kế hoạch (chưa có báo cáo tiến độ)",
            "",
            "Văn bản chỉ đạo",
            " ~ Sửa tw-2013-25-nq-tw (25-NQ/TW: về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận "
            "trong tình hình mới)",
            "      hiệu lực: Còn hiệu lực → Hết hiệu lực",
            "",
            "Tóm tắt: nhiệm vụ: 2 thêm, 2 sửa (1 đổi tình trạng, 1 đổi chủ trì); văn bản: 1 sửa.",
            "",
        ]
    )


def test_deadlines_follow_the_plan_and_removals(
    history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, (_, second, third) = history
    code, out, _ = diff(capsys, repo, second, third, "--format", "json")
    assert code == 0
    changes = {(c["kind"], c["id"], c["action"]): c["fields"] for c in json.loads(out)["changes"]}
    plan = changes[("plan", "tinh-a-2021-12-kh-bdvtu", "changed")]
    assert [(f["field"], f["text"]) for f in plan] == [
        ("period", "'Năm 2021' → 'Năm 2021 - 2022'"),
        ("deadline", "31/12/2021 → 31/12/2022"),
    ]
    nv01 = changes[("task", "tinh-a-2021-12-kh-bdvtu-nv01", "changed")]
    assert [(f["field"], f["old"], f["new"]) for f in nv01] == [
        ("timeframe", "quý III/2021", "quý IV/2021"),
        ("deadline", "2021-09-30", "2021-12-31"),
    ]
    # nv06's file did not change, but its deadline did: it has no time frame and follows the plan
    nv06 = changes[("task", "tinh-a-2021-12-kh-bdvtu-nv06", "changed")]
    assert [(f["title"], f["text"]) for f in nv06] == [("hạn (tính)", "31/12/2021 → 31/12/2022")]
    assert changes[("task", "tinh-a-2021-12-kh-bdvtu-nv03", "removed")] == []
    assert len(changes) == 4


def test_working_tree_by_default_and_left_untouched(
    history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, _ = history
    edit(repo, "records/units/tinh-a-ban-dan-toc.yaml", "name: Ban Dân tộc tỉnh", "name: Ban Dân tộc Tỉnh A")
    (repo / f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv02.yaml").write_text("id: [\n", encoding="utf-8")
    before = git(repo, "status", "--porcelain"), git(repo, "stash", "list")
    code, out, _ = diff(capsys, repo, "HEAD", "--format", "markdown")
    assert code == 0
    assert (git(repo, "status", "--porcelain"), git(repo, "stash", "list")) == before
    assert (
        out.splitlines()[0] == f"## Thay đổi bản ghi từ HEAD ({git(repo, 'rev-parse', '--short=7', 'HEAD')}) "
        "đến các tệp hiện có (cả phần chưa commit)"
    )
    assert (
        "- **Sửa** `tinh-a-ban-dan-toc` (Ban Dân tộc Tỉnh A)\n"
        "  - tên chính thức: 'Ban Dân tộc tỉnh' → 'Ban Dân tộc Tỉnh A'" in out
    )
    # a record whose file is now broken is not reported as removed
    assert "- **Không đọc được** `tinh-a-2021-12-kh-bdvtu-nv02`" in out
    assert (
        f"  - tệp {TASKS}/tinh-a-2021-12-kh-bdvtu-nv02.yaml có lỗi ở các tệp hiện có (cả phần chưa commit) "
        "(2:1: lỗi cú pháp YAML" in out
    )
    assert "Bỏ" not in out


def test_no_change(history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    repo, (_, _, third) = history
    code, out, _ = diff(capsys, repo, third)
    assert code == 0
    assert out.endswith("Tóm tắt: Không có thay đổi nào trong bản ghi.\n")


def test_branch_and_relative_names(history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    repo, (first, _, _) = history
    git(repo, "tag", "ban-dau", first)
    by_tag = diff(capsys, repo, "ban-dau", "HEAD~1")[1].splitlines()[2:]
    by_hash = diff(capsys, repo, first, "HEAD~1")[1].splitlines()[2:]
    assert by_tag == by_hash and by_tag[0] == "Nhiệm vụ"


def test_unknown_revision(history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    repo, _ = history
    written = tmp_path / "written-by-git"
    for revision in ("khong-co", f"--output={written}"):
        code, out, err = diff(capsys, repo, "--", revision)
        assert (code, out) == (2, "")
        assert err == f"kehoach: không có phiên bản '{revision}' trong kho git (xem 'git log --oneline')\n"
    assert not written.exists()  # a revision is never read as an option of git


def test_not_a_git_repository(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = diff(capsys, base_repo, "HEAD")
    assert code == 2
    assert "không nằm trong một kho git" in err


def test_a_file_mended_since_is_said_to_have_been_unreadable(
    history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, _ = history
    task = repo / f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv02.yaml"
    good = task.read_text(encoding="utf-8")
    task.write_text(good.replace("status: in-progress", "status: xong"), encoding="utf-8")
    broken = commit(repo, "Ghi nhầm tình trạng")
    task.write_text(good, encoding="utf-8")
    code, out, _ = diff(capsys, repo, broken, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["unreadable"]["from"] == {
        f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv02.yaml": "11:9: trường 'status': giá trị 'xong' không hợp lệ; "
        "cần một trong: planned, in-progress, done, cancelled"
    }
    (change,) = data["changes"]
    assert (change["id"], change["action"]) == ("tinh-a-2021-12-kh-bdvtu-nv02", "added")
    assert change["note"] == f"ở {broken} ({broken[:7]}) tệp này có lỗi, không đọc được"


def test_markdown_for_a_pull_request_in_plain_words(
    history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A new task shows its lead, deadline and status; the working files are named in plain words."""
    repo, (first, second, _) = history
    code, out, _ = diff(capsys, repo, first, second, "--format", "markdown")
    assert code == 0
    assert (
        "- **Thêm** `tinh-a-2021-12-kh-bdvtu-nv03` (12-KH/BDVTU, mục I: Tổ chức hội nghị sơ kết công tác dân vận "
        "quý I.)\n  - chủ trì: Ban Dân vận Tỉnh ủy Tỉnh A; hạn: 31/03/2021 (Tháng 3/2021); tình trạng: Đã hoàn thành\n"
    ) in out
    code, out, _ = diff(capsys, repo, "HEAD", "--format", "markdown")
    assert "cây làm việc" not in out and "các tệp hiện có (cả phần chưa commit)" in out
