"""Round trip: every plan in records/ written to Word and imported back into a
copy of the repository without it gives the same records: the same number, date,
issuer, basis and sections, tasks in the same sections and order, with the same
text, leads, coordinating units, time frames and cited documents. Exactly: no
difference is allowed for any plan."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.check import run_check

from ..conftest import REPO_ROOT
from .roundtrip import differences, essentials

TODAY = dt.date(2026, 1, 1)
PLANS = sorted(p.name for p in (REPO_ROOT / "records/plans").iterdir() if p.is_dir())


@pytest.mark.parametrize("plan", PLANS)
def test_plan_survives_word_and_back(plan: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO_ROOT / "records", repo / "records")
    shutil.copy(REPO_ROOT / "pyproject.toml", repo / "pyproject.toml")
    word = tmp_path / f"{plan}.docx"
    export = ["--root", str(REPO_ROOT), "export", "plan", plan, "--format", "docx", "--out", str(word)]
    assert cli.main(export) == 0
    shutil.rmtree(repo / "records/plans" / plan)
    assert cli.main(["--root", str(repo), "import", str(word)]) == 0, capsys.readouterr().err
    before = essentials(run_check(REPO_ROOT, today=TODAY).index, plan)
    after = essentials(run_check(repo, today=TODAY).index, plan)
    assert differences(before, after) == []
    assert len(before["tasks"]) == len(after["tasks"]) > 0
