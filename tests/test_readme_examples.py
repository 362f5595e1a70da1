"""The README's and the guide's own `kehoach new` and `kehoach status` examples, run as written on a
copy of the real records: each succeeds, and never writes a unit of another province than the plan's."""

from __future__ import annotations

import io
import re
import shlex
import shutil
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.check import load_repository
from kehoach.load import load_file

from .conftest import REPO_ROOT

PAGES = ("README.md", "docs/huong-dan/soan-thao.md")


def examples(command: str) -> list[list[str]]:
    found = []
    for page in PAGES:
        text = (REPO_ROOT / page).read_text(encoding="utf-8").replace("\\\n", " ")
        for line in text.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith(f".venv/bin/kehoach {command} "):
                found.append(shlex.split(line)[1:])
    return found


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO_ROOT / "records", tmp_path / "records")
    shutil.copytree(REPO_ROOT / "schema", tmp_path / "schema")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # as in a script: nothing is asked
    monkeypatch.setattr("kehoach.commands.status.dt.date", _Today)
    return tmp_path


class _Today(__import__("datetime").date):
    @classmethod
    def today(cls) -> _Today:
        return cls(2022, 12, 31)


def test_the_pages_have_examples() -> None:
    assert len(examples("new")) >= 3 and len(examples("status")) >= 2


@pytest.mark.parametrize("argv", examples("new"), ids=lambda a: " ".join(a[:4]))
def test_new_examples_stay_in_their_province(repo: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["--root", str(repo), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    rel = re.fullmatch(r"đã tạo: (\S+)\n", out)[1]  # type: ignore[index]
    data = load_file(repo, repo / rel).data
    index, _ = load_repository(repo)
    plan = index.plans.get(data.get("plan", ""))
    issuer = index.units.get(plan.issuer if plan else data.get("issuer", ""))
    home = issuer.province if issuer else data.get("province")
    named = [data.get("issuer"), data.get("parent"), *data.get("lead", []), *data.get("coordinating", [])]
    for unit_id in filter(None, named):
        assert index.units[unit_id].province in (home, None), f"{unit_id} is not of {home}"


@pytest.mark.parametrize("argv", examples("status"), ids=lambda a: " ".join(a[:4]))
def test_status_examples_run_as_written(repo: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["--root", str(repo), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("đã ghi: ")
