"""The command line as a user runs it: exit codes, output formats, partial
checks and the promise that no traceback reaches the user."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.commands import NAMES

from .conftest import make_repo

TASK = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv02.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_repository_exits_0(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(base_repo), "check", "--today", "2021-07-01")
    assert code == 0
    assert out == "Không có lỗi: đã kiểm tra 8 tệp.\n"


def test_findings_exit_1_with_path_line_col_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path, "KH108-bad-enum")
    code, out, _ = run(capsys, "--root", str(repo), "check", "--today", "2021-07-01")
    assert code == 1
    first, summary = out.splitlines()
    assert first.startswith(f"{TASK}:7:9: KH108 [lỗi] trường 'status': giá trị 'xong' không hợp lệ")
    assert summary == "Tìm thấy 1 lỗi trong 1 tệp (đã kiểm tra 8 tệp)."


def test_every_problem_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path, "KH108-bad-enum")
    shutil.copytree(
        make_repo(tmp_path / "other", "KH104-impossible-date") / "records/directives",
        repo / "records/directives",
        dirs_exist_ok=True,
    )
    code, out, _ = run(capsys, "--root", str(repo), "check")
    assert code == 1
    assert {"KH108", "KH104", "KH301"} <= {line.split(" ")[1] for line in out.splitlines()[:-1]}


def test_warnings_pass_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path, "KH701-no-lead")
    assert run(capsys, "--root", str(repo), "check", "--today", "2021-07-01")[0] == 0
    assert run(capsys, "--root", str(repo), "check", "--today", "2021-07-01", "--strict")[0] == 1


def test_checking_one_file_reports_that_file_but_resolves_against_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, "KH108-bad-enum")
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "check", "--today", "2021-07-01", TASK)
    assert code == 1
    assert [line.split(" ")[1] for line in out.splitlines()[:-1]] == ["KH108"]
    # the plan file is valid and the task's problem breaks nothing else: asking about the plan alone is clean
    plan = "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml"
    assert run(capsys, "check", "--today", "2021-07-01", plan)[0] == 0


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path, "KH108-bad-enum")
    code, out, _ = run(capsys, "--root", str(repo), "check", "--format", "json", "--today", "2021-07-01")
    payload = json.loads(out)
    assert code == 1
    assert payload["files"] == 8
    assert payload["findings"][0] | {"message": ""} == {
        "path": TASK,
        "line": 7,
        "column": 9,
        "code": "KH108",
        "severity": "error",
        "message": "",
    }


def test_github_format_escapes_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path, "KH108-bad-enum")
    _, out, _ = run(capsys, "--root", str(repo), "check", "--format", "github", "--today", "2021-07-01")
    assert out.splitlines()[0].startswith(f"::error file={TASK},line=7,col=9,title=KH108::trường 'status'")


def test_usage_errors_exit_2_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", "--format", "xml"])
    assert exited.value.code == 2
    assert "lỗi cú pháp lệnh" in capsys.readouterr().err


def test_missing_path_exits_2(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(base_repo), "check", str(base_repo / "records/khong-co.yaml"))
    assert code == 2
    assert "không tìm thấy" in err


def test_internal_errors_never_show_a_traceback(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("hỏng")

    monkeypatch.setattr("kehoach.check.check_findings", broken)
    code, _, err = run(capsys, "--root", str(base_repo), "check")
    assert code == 2
    assert "lỗi nội bộ" in err and "Traceback" not in err


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "markdown")
    assert code == 0
    assert "| `KH301` | lỗi | Tham chiếu tới bản ghi không tồn tại. |" in out


def test_root_is_found_from_a_subfolder(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(base_repo / "records" / "units")
    code, out, _ = run(capsys, "check", "--today", "2021-07-01")
    assert (code, out) == (0, "Không có lỗi: đã kiểm tra 8 tệp.\n")


def test_a_partial_check_also_reports_what_the_change_broke_elsewhere(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(base_repo)
    (base_repo / "records/directives/tw-2013-25-nq-tw.yaml").unlink()
    code, out, _ = run(capsys, "check", "--today", "2021-07-01", "records/units/tinh-a-ban-dan-van.yaml")
    assert code == 1
    broken = [line.split(":")[0] for line in out.splitlines()[:-1]]
    assert broken == [
        "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv01.yaml",
        "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml",
    ]
    assert all(" KH301 " in line for line in out.splitlines()[:-1])


def test_info_findings_are_hidden_unless_asked(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # By 2022 the fixture's 'quý III/2021' task is past due with nothing reported: an info finding.
    code, out, _ = run(capsys, "--root", str(base_repo), "check", "--today", "2022-01-01")
    assert code == 0
    assert "KH604" not in out and "Có 1 mục thông tin không hiện; xem bằng --info." in out
    code, out, _ = run(capsys, "--root", str(base_repo), "check", "--today", "2022-01-01", "--info")
    assert code == 0
    assert "KH604 [thông tin] chưa có báo cáo: đã qua hạn 30/09/2021" in out


def test_bad_today_is_a_usage_error(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--root", str(base_repo), "check", "--today", "2021-02-30"])
    assert exited.value.code == 2
    assert "2021-02-30" in capsys.readouterr().err


def test_usage_errors_and_help_are_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["chek"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "không có lựa chọn 'chek'" in err and "'check'" in err and "invalid choice" not in err
    with pytest.raises(SystemExit):
        cli.main(["synth"])
    assert "thiếu đối số bắt buộc: --records, --out" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["fmt", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: kehoach fmt") and "tùy chọn:" in out
    assert "options:" not in out and "show this help" not in out


def _command_help(parser: argparse.ArgumentParser, name: str) -> str:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return actions[0].choices[name].format_help()


@pytest.mark.parametrize("name", NAMES)
def test_a_command_run_alone_gets_the_arguments_it_has_among_all(name: str) -> None:
    """The parser set up for the command being run (the others only listed) reads its arguments as the full one."""
    assert _command_help(cli.build_parser(name), name) == _command_help(cli.build_parser(), name)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["check", "x.yaml"], "check"),
        (["--root", "kho", "check"], "check"),
        (["--root=kho", "new", "unit"], "new"),
        (["--root", "check", "new"], "new"),
        (["--ro", "kho", "check"], None),  # an abbreviation: every command's parser, argparse decides
        (["-h"], None),
        (["khong-co"], None),
        ([], None),
    ],
)
def test_the_command_is_told_from_the_arguments_only_when_plain(argv: list[str], named: str | None) -> None:
    assert cli._command_named(argv) == named


@pytest.mark.parametrize(
    ("case", "args"),
    [
        (None, ()),
        ("KH108-bad-enum", ()),
        ("KH108-bad-enum", ("--format", "json")),
        ("KH701-no-lead", ("--strict", "--no-cache")),
    ],
)
def test_the_command_prints_and_exits_as_main_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str | None, args: tuple[str, ...]
) -> None:
    """``kehoach check`` ends its process at once once its output is written
    (nothing it read is freed one by one): the output and the exit code are
    those of ``main`` run here, whether the output is long or short."""
    import os
    import subprocess
    import sys

    from kehoach import lifetime

    repo = make_repo(tmp_path, case)
    argv = ["--root", str(repo), "check", "--today", "2021-07-01", *args]
    # output buffered, as in a user's shell (some development shells set PYTHONUNBUFFERED)
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
        "KEHOACH_CACHE_DIR": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", *argv], capture_output=True, text=True, env=env, check=False
    )
    code, out, err = run(capsys, *argv)
    assert (done.returncode, done.stdout, done.stderr) == (code, out, err)
    assert out and lifetime.held is None  # run here, the process keeps nothing
