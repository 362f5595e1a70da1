"""``kehoach ketqua``: results appended to a report record, by flags or by
answering questions; the rest of the file stays byte for byte."""

from __future__ import annotations

import builtins
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehoach import cli

from ..conftest import CASES, make_repo

REPORT = "records/reports/tinh-a-2021-20-bc-bdvtu.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path)
    shutil.copytree(CASES / "ok-KH801-report-on-its-plans" / "records", root / "records", dirs_exist_ok=True)
    path = root / REPORT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("results:\n", "results:  # kết quả theo thứ tự báo cáo\n"), encoding="utf-8")
    return root


def _ketqua(repo: Path, *argv: str) -> int:
    return cli.main(["--root", str(repo), "ketqua", *argv])


def test_one_result_by_flags_keeps_the_rest_of_the_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (repo / REPORT).read_text(encoding="utf-8")
    argv = ["tinh-a-2021-20-bc-bdvtu", "--task", "nv01", "--outcome", "hoàn thành", "--text", "Đã quán triệt."]
    assert _ketqua(repo, *argv, "--date", "2021-06-20") == 0
    assert "đã thêm 1 kết quả" in capsys.readouterr().out
    after = (repo / REPORT).read_text(encoding="utf-8")
    added = (
        "  - task: tinh-a-2021-12-kh-bdvtu-nv01\n    outcome: done\n    date: 2021-06-20\n    text: Đã quán triệt.\n"
    )
    head, tail = before.split("figures:\n")
    assert after == head + added + "figures:\n" + tail
    assert cli.main(["--root", str(repo), "check", "--today", "2021-07-01"]) == 0


def test_questions_with_tab_completion_then_one_write(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers: Iterator[str] = iter(
        [
            "nv07",  # not a task of the plan: asked again
            "nv01",
            "xong",
            "Đã quán triệt Nghị quyết số 25-NQ/TW.",
            "2021-13-01",  # not a date: asked again
            "2021-06-15",
            "Báo cáo số 18-BC/BDVTU",
            "tinh-a-2021-12-kh-bdvtu-nv02",
            "mot phan",
            "Khảo sát thêm 01 đợt.",
            "",
            "",
            "",  # end
        ]
    )
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert _ketqua(repo, "tinh-a-2021-20-bc-bdvtu") == 0
    out = capsys.readouterr().out
    assert "không có nhiệm vụ 'nv07'" in out and "đã thêm 2 kết quả" in out
    text = (repo / REPORT).read_text(encoding="utf-8")
    assert (
        "  - task: tinh-a-2021-12-kh-bdvtu-nv01\n    outcome: done\n    date: 2021-06-15\n"
        "    text: Đã quán triệt Nghị quyết số 25-NQ/TW.\n    delivered: Báo cáo số 18-BC/BDVTU\n"
        "  - task: tinh-a-2021-12-kh-bdvtu-nv02\n    outcome: partial\n    text: Khảo sát thêm 01 đợt.\n"
    ) in text
    assert "results:  # kết quả theo thứ tự báo cáo\n" in text


def test_a_report_without_results_gets_the_key_in_model_order(repo: Path) -> None:
    path = repo / REPORT
    text = path.read_text(encoding="utf-8")
    start, end = text.index("results:"), text.index("figures:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    argv = ["tinh-a-2021-20-bc-bdvtu", "--task", "nv02", "--outcome", "partial", "--text", "Khảo sát 02 đợt."]
    assert _ketqua(repo, *argv) == 0
    new = path.read_text(encoding="utf-8")
    assert new.index("plans:") < new.index("results:") < new.index("figures:")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["khong-co"], "không có báo cáo 'khong-co'"),
        (["tinh-a-2021-20-bc-bdvtu", "--task", "nv01"], "--task cần kèm --outcome và --text"),
        (["tinh-a-2021-20-bc-bdvtu", "--task", "nv01", "--outcome", "tot", "--text", "x"], "không hiểu kết quả 'tot'"),
        (["tinh-a-2021-20-bc-bdvtu", "--task", "nv09", "--outcome", "done", "--text", "x"], "không có nhiệm vụ 'nv09'"),
        (["tinh-a-2021-20-bc-bdvtu"], "không có cửa sổ lệnh để hỏi"),
        # a mistyped short id: the shared resolver offers the task it is close to
        (
            ["tinh-a-2021-20-bc-bdvtu", "--task", "nv1", "--outcome", "done", "--text", "x"],
            "không có nhiệm vụ 'nv1'; có phải là:\n  - tinh-a-2021-12-kh-bdvtu-nv01",
        ),
    ],
)
def test_refusals_leave_the_file_as_it_was(
    repo: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    before = (repo / REPORT).read_bytes()
    assert _ketqua(repo, *argv) == 2
    assert message in capsys.readouterr().err
    assert (repo / REPORT).read_bytes() == before
