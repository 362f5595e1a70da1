"""kehoach new: the next free id, the right place, a file that passes check and
fmt --check, names typed without accents, no overwriting, prompts on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.check import run_check
from kehoach.findings import Severity
from kehoach.load import load_file

from ..conftest import DEFAULT_TODAY

PLAN = "tinh-a-2021-12-kh-bdvtu"
TASKS = f"records/plans/{PLAN}/tasks"


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def new(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(root), "new", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def assert_valid(root: Path, rel: str) -> None:
    findings = run_check(root, today=DEFAULT_TODAY).findings
    assert [f for f in findings if f.severity is not Severity.INFO] == []  # a new directive is uncited (KH702)
    assert cli.main(["--root", str(root), "fmt", "--check", str(root / rel)]) == 0


def test_task_from_flags_gets_next_id_and_order(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = new(
        capsys, base_repo, "task", "--plan", PLAN, "--section", "II.1", "--text", "Tổ chức hội nghị sơ kết",
        "--lead", "ban dan van tinh uy", "--support", "Bân Dân tộc tỉnh", "--timeframe", "quý IV/2021",
    )  # fmt: skip
    rel = f"{TASKS}/{PLAN}-nv03.yaml"
    assert code == 0
    assert out == f"đã tạo: {rel}\n"
    data = load_file(base_repo, base_repo / rel).data
    assert data["id"] == f"{PLAN}-nv03"
    assert data["order"] == 3
    assert data["lead"] == ["tinh-a-ban-dan-van"]
    assert data["coordinating"] == ["tinh-a-ban-dan-toc"]
    assert (
        (base_repo / rel)
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../../../schema/task.schema.json\n")
    )
    assert_valid(base_repo, rel)


@pytest.mark.parametrize(
    ("argv", "rel"),
    [
        (["directive", "--type", "chi-thi", "--issuer", "Tỉnh ủy", "--number", "05-CT/TU", "--date", "2021-03-01",
          "--title", "về tăng cường công tác dân vận"], "records/directives/tinh-a-2021-05-ct-tu.yaml"),
        (["plan", "--number", "15-KH/BDVTU", "--issuer", "tinh-a-ban-dan-van", "--date", "2021-05-01",
          "--title", "thực hiện Chỉ thị 05"], "records/plans/tinh-a-2021-15-kh-bdvtu/tinh-a-2021-15-kh-bdvtu.yaml"),
        (["unit", "--name", "Sở Nội vụ", "--kind", "state-body", "--province", "Tỉnh A"],
         "records/units/tinh-a-so-noi-vu.yaml"),
    ],
)  # fmt: skip
def test_other_kinds_named_like_existing_ids(
    base_repo: Path, capsys: pytest.CaptureFixture[str], argv: list[str], rel: str
) -> None:
    code, out, err = new(capsys, base_repo, *argv)
    assert code == 0, err
    assert out == f"đã tạo: {rel}\n"
    assert_valid(base_repo, rel)


def test_missing_values_without_terminal_exit_2(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = new(capsys, base_repo, "task", "--plan", PLAN)
    assert code == 2
    assert "thiếu giá trị bắt buộc: --section, --text" in err
    assert not (base_repo / f"{TASKS}/{PLAN}-nv03.yaml").exists()


def test_refuses_to_overwrite(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = base_repo / f"{TASKS}/{PLAN}-nv03.yaml"
    blocker.write_text("id: [hỏng\n", encoding="utf-8")  # unreadable, so not counted, but there
    code, _, err = new(capsys, base_repo, "task", "--plan", PLAN, "--section", "I", "--text", "Việc mới")
    assert code == 2
    assert "đã có; không ghi đè" in err
    assert blocker.read_text(encoding="utf-8") == "id: [hỏng\n"


def test_unknown_or_ambiguous_names_are_explained(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = new(capsys, base_repo, "task", "--plan", PLAN, "--section", "I", "--text", "x", "--lead", "Sở Y tế")
    assert code == 2
    assert "không tìm thấy đơn vị 'Sở Y tế'" in err
    code, _, err = new(capsys, base_repo, "task", "--plan", PLAN, "--section", "I", "--text", "x", "--lead", "ban dan")
    assert code == 2
    assert "khớp nhiều đơn vị" in err


def test_prompts_on_a_terminal(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal(""))
    answers = iter(["", "Việc hỏi đáp", "Ban Dan van Tinh uy", "", "", "Thường xuyên"])
    asked: list[str] = []

    def fake_input(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", fake_input)
    code, _, err = new(capsys, base_repo, "task", "--plan", PLAN, "--section", "I")
    assert code == 0, err
    assert asked[1].startswith("Nội dung nhiệm vụ")
    assert asked[0].startswith("Số thứ tự trong văn bản")
    data = load_file(base_repo, base_repo / f"{TASKS}/{PLAN}-nv03.yaml").data
    assert data["lead"] == ["tinh-a-ban-dan-van"]
    assert data["timeframe"] == "Thường xuyên"
    assert "number" not in data
    assert data["text"] == "Việc hỏi đáp"


def test_a_full_disk_creates_no_file_and_names_it(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    import kehoach.atomic

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(kehoach.atomic, "_sync_file", full)
    argv = ["unit", "--name", "Sở Nội vụ", "--kind", "state-body", "--province", "Tỉnh A"]
    code, out, err = new(capsys, base_repo, *argv)
    assert code == 2 and out == ""
    assert "kehoach: không ghi được records/units/tinh-a-so-noi-vu.yaml: ổ đĩa đã đầy" in err
    assert not (base_repo / "records/units/tinh-a-so-noi-vu.yaml").exists()
    assert [p.name for p in (base_repo / "records/units").iterdir() if p.name.startswith(".")] == []


def test_a_task_is_placed_inside_its_section(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A task added to the first section sorts before the later sections' tasks, which move up by one
    (only their 'order' line changes)."""
    later = base_repo / f"{TASKS}/{PLAN}-nv02.yaml"
    before = later.read_text(encoding="utf-8")
    sections = {p.name: load_file(base_repo, p).data["section"] for p in sorted((base_repo / TASKS).glob("*.yaml"))}
    first = min(sections.values())
    code, _out, err = new(
        capsys,
        base_repo,
        "task",
        "--plan",
        PLAN,
        "--section",
        first,
        "--text",
        "Việc chen vào",
        "--lead",
        "tinh-a-ban-dan-van",
    )
    assert code == 0, err
    orders = {p.stem: load_file(base_repo, p).data for p in sorted((base_repo / TASKS).glob("*.yaml"))}
    added = orders[f"{PLAN}-nv03"]
    same = [d["order"] for i, d in orders.items() if d["section"] == first and i != f"{PLAN}-nv03"]
    assert added["order"] == max(same) + 1
    assert sorted(d["order"] for d in orders.values()) == [1, 2, 3]
    after = later.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [("order: 2", "order: 3")]
    assert_valid(base_repo, f"{TASKS}/{PLAN}-nv03.yaml")


def test_a_missing_section_is_refused_with_the_sections_listed(
    base_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = new(capsys, base_repo, "task", "--plan", PLAN, "--section", "II.9", "--text", "x")
    assert code == 2
    assert "không có mục 'II.9'; các mục có: " in err
    assert not (base_repo / f"{TASKS}/{PLAN}-nv03.yaml").exists()


def test_a_bad_answer_is_asked_again_and_an_ambiguous_name_offered(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal(""))
    # section II.9 (no such section) then I; number skipped; text; lead 'ban dan' (two units) -> choice 2;
    # coordinating and implements skipped; a timeframe that is not one, then a good one.
    answers = iter(["II.9", "I", "", "Việc mới", "ban dan", "2", "", "", "quý 9/2021", "quý IV/2021"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    code, out, err = new(capsys, base_repo, "task", "--plan", PLAN)
    assert code == 0, err
    assert "✗ kế hoạch 'tinh-a-2021-12-kh-bdvtu' không có mục 'II.9'" in out
    assert "'ban dan' khớp nhiều đơn vị:\n    1. tinh-a-ban-dan-toc" in out
    assert "✗ trường 'timeframe'" in out
    data = load_file(base_repo, base_repo / f"{TASKS}/{PLAN}-nv03.yaml").data
    assert data["lead"] == ["tinh-a-ban-dan-van"]
    assert data["section"] == "I" and data["timeframe"] == "quý IV/2021"


def test_ctrl_c_writes_nothing(
    base_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("sys.stdin", Terminal(""))
    monkeypatch.setattr("builtins.input", interrupted)
    files = sorted(p.read_bytes() for p in base_repo.rglob("*.yaml"))
    code, _, err = new(capsys, base_repo, "task", "--plan", PLAN)
    assert code == 130
    assert "đã dừng (Ctrl-C); chưa ghi tệp nào" in err
    assert sorted(p.read_bytes() for p in base_repo.rglob("*.yaml")) == files
