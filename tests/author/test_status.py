"""kehoach status: only the intended lines change, the result passes check,
bad input gets a Vietnamese message and exit code 2."""

from __future__ import annotations

import contextlib
import difflib
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.author.status import parse_status
from kehoach.check import run_check
from kehoach.load import load_file
from kehoach.model import TaskStatus

from ..conftest import DEFAULT_TODAY

TASK = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv02.yaml"

ODD_TASK = """\
# yaml-language-server: $schema=../../../../schema/task.schema.json
# Ghi chú đầu tệp.
id: 'tinh-a-2021-12-kh-bdvtu-nv02'
plan:   "tinh-a-2021-12-kh-bdvtu"
section: 'II.1'
order: 2
# Văn bản gốc viết "Phối  hợp".
text: >-
    Phối hợp nắm tình hình vùng
    đồng bào dân tộc thiểu số.
lead: [tinh-a-ban-dan-van]   # kehoach: disable=KH701
coordinating:
    -   tinh-a-ban-dan-toc   # phối hợp
timeframe: "Thường xuyên"
product: Báo cáo tình hình vùng đồng bào dân tộc thiểu số
status: 'in-progress'  # cập nhật tháng 6
progress:
    # đợt một
    -   date: 2021-06-30
        note: 'Đã tổ chức 02 đợt khảo sát.'
# cuối tệp
"""


def status(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(root), "status", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_done_changes_only_status_completion_and_new_entry(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_repo / TASK
    path.write_text(ODD_TASK, encoding="utf-8")
    code, out, _ = status(
        capsys, base_repo, "tinh-a-2021-12-kh-bdvtu-nv02", "done", "--date", "2021-07-01", "--note", "Đã xong: báo cáo"
    )
    assert code == 0, out
    after = path.read_text(encoding="utf-8")
    assert changed_lines(ODD_TASK, after) == [
        "-status: 'in-progress'  # cập nhật tháng 6",
        "+status: done  # cập nhật tháng 6",
        "+completed: 2021-07-01",
        "+    - date: 2021-07-01",
        '+      note: "Đã xong: báo cáo"',
    ]
    assert after.endswith(
        "        note: 'Đã tổ chức 02 đợt khảo sát.'\n    - date: 2021-07-01\n"
        '      note: "Đã xong: báo cáo"\n# cuối tệp\n'
    )
    assert run_check(base_repo, today=DEFAULT_TODAY).findings == []


def test_first_entry_on_task_without_progress(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv01.yaml"
    assert cli.main(["--root", str(base_repo), "fmt", str(path)]) == 0  # a canonical file stays canonical
    before = path.read_text(encoding="utf-8")
    code, _, _ = status(
        capsys, base_repo, str(path), "đang thực hiện", "--date", "2021-06-15", "--evidence", "tw-2013-25-nq-tw"
    )
    assert code == 0
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        "+status: in-progress",
        "+progress:",
        "+  - date: 2021-06-15",
        "+    note: Đang thực hiện",
        "+    evidence: tw-2013-25-nq-tw",
    ]
    assert run_check(base_repo, today=DEFAULT_TODAY).findings == []
    assert cli.main(["--root", str(base_repo), "fmt", "--check", str(path)]) == 0


def test_reopening_removes_completion_date(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert status(capsys, base_repo, "tinh-a-2021-12-kh-bdvtu-nv02", "xong", "--date", "2021-06-30")[0] == 0
    assert "completed" in load_file(base_repo, base_repo / TASK).data
    reopen = ("in-progress", "--date", "2021-06-30", "--note", "Mở lại")
    assert status(capsys, base_repo, "tinh-a-2021-12-kh-bdvtu-nv02", *reopen)[0] == 0
    data = load_file(base_repo, base_repo / TASK).data
    assert "completed" not in data
    assert [e["note"] for e in data["progress"]] == ["Đã tổ chức 02 đợt khảo sát.", "Đã hoàn thành", "Mở lại"]
    assert run_check(base_repo, today=DEFAULT_TODAY).findings == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["khong-co-nv", "done"], "không có nhiệm vụ mã 'khong-co-nv'"),
        (["tinh-a-2021-12-kh-bdvtu-nv02", "xong xuôi hết"], "không hiểu tình trạng"),
        (["tinh-a-2021-12-kh-bdvtu-nv02", "done", "--date", "2999-01-01"], "ở tương lai"),
        (["tinh-a-2021-12-kh-bdvtu-nv02", "done", "--evidence", "tw-2099-01-nq-tw"], "không có văn bản"),
        (["tinh-a-2021-12-kh-bdvtu-nv02", "done", "--date", "30/6/2021"], "không phải ngày dạng YYYY-MM-DD"),
    ],
)
def test_bad_input_exit_2_and_file_untouched(
    base_repo: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = (base_repo / TASK).read_bytes()
    with pytest.raises(SystemExit) if "30/6/2021" in argv else contextlib.nullcontext():
        code, _, err = status(capsys, base_repo, *argv)
        assert code == 2
        assert message in err
    assert (base_repo / TASK).read_bytes() == before


def test_broken_task_file_is_refused(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_repo / TASK
    path.write_text("id: x\nstatus: [\n", encoding="utf-8")
    code, _, err = status(capsys, base_repo, "tinh-a-2021-12-kh-bdvtu-nv02", "done")
    assert code == 2
    assert "lỗi đọc tệp" in err
    assert path.read_text(encoding="utf-8") == "id: x\nstatus: [\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("done", TaskStatus.DONE), ("Đã hoàn thành", TaskStatus.DONE), ("da hoan thanh", TaskStatus.DONE),
     ("hủy", TaskStatus.CANCELLED),
     ("Xong", TaskStatus.DONE), ("Dang thuc hien", TaskStatus.IN_PROGRESS), ("planned", TaskStatus.PLANNED)],
)  # fmt: skip
def test_status_words(text: str, expected: TaskStatus) -> None:
    assert parse_status(text) is expected


def test_typed_as_people_type_it(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unquoted multi-word status and note, and a short id resolved within the plan."""
    code, _out, err = status(
        capsys, base_repo, "nv02", "--plan", "12-KH/BDVTU", "hoàn", "thành", "--date", "2021-06-30",
        "--note", "Đã", "tổ", "chức", "hội", "nghị",
    )  # fmt: skip
    assert code == 0, err
    data = load_file(base_repo, base_repo / TASK).data
    assert data["status"] == "done" and data["completed"] == "2021-06-30"
    assert data["progress"][-1] == {"date": "2021-06-30", "note": "Đã tổ chức hội nghị"}


def test_a_short_id_in_several_plans_is_listed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import shutil

    from ..conftest import REPO_ROOT

    shutil.copytree(REPO_ROOT / "records", tmp_path / "records")
    before = {p: p.read_bytes() for p in (tmp_path / "records").rglob("*-nv01.yaml")}
    code, _, err = status(capsys, tmp_path, "nv01", "done", "--date", "2022-06-30")
    assert code == 2
    assert "'nv01' khớp nhiều nhiệm vụ" in err and "--plan" in err
    assert "binh-thuan-2021-12-kh-bdvtu-nv01 (" in err and "binh-phuoc-2021-36-kh-bdvtu-nv01 (" in err
    assert {p: p.read_bytes() for p in before} == before


def test_back_dated_progress_goes_in_date_order(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert status(capsys, base_repo, "tinh-a-2021-12-kh-bdvtu-nv02", "done", "--date", "2021-06-30")[0] == 0
    code, out, _ = status(
        capsys,
        base_repo,
        "tinh-a-2021-12-kh-bdvtu-nv02",
        "đang thực hiện",
        "--date",
        "2021-03-01",
        "--note",
        "Khảo sát",
    )
    assert code == 0
    assert "tình trạng giữ nguyên" in out
    data = load_file(base_repo, base_repo / TASK).data
    dates = [e["date"] for e in data["progress"]]
    assert dates[0] == "2021-03-01" and dates == sorted(dates) and len(dates) >= 2
    assert data["status"] == "done" and data["completed"] == "2021-06-30"
    assert run_check(base_repo, today=DEFAULT_TODAY).findings == []


def test_a_date_before_the_plan_is_refused(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (base_repo / TASK).read_bytes()
    code, _, err = status(capsys, base_repo, "tinh-a-2021-12-kh-bdvtu-nv02", "done", "--date", "2020-12-31")
    assert code == 2
    assert "trước ngày ban hành kế hoạch 2021-02-08" in err
    assert (base_repo / TASK).read_bytes() == before
