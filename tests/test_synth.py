"""The synthetic repository used by the benchmarks is valid and realistic."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach import cli
from kehoach.check import run_check
from kehoach.findings import Severity


def test_a_synthetic_repository_passes_the_checker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kho"
    assert cli.main(["synth", "--records", "600", "--out", str(out), "--seed", "7"]) == 0
    assert "đã sinh 600 bản ghi" in capsys.readouterr().out
    result = run_check(out)
    problems = [f"{f.location()}: {f.code} {f.message}" for f in result.findings if f.severity is not Severity.INFO]
    assert problems == []
    kinds = {e.kind for e in result.index.entries.values()}
    assert kinds == {"unit", "directive", "plan", "task", "report"}
    reported = [r for report in result.index.reports.values() for r in report.results]
    assert reported and all(r.task in result.index.tasks for r in reported)
    assert result.records == 600
    frames = {t.timeframe for t in result.index.tasks.values()}
    assert len(frames) > 20  # time frames of many forms
    assert any(d.supersedes for d in result.index.directives.values())


def test_same_seed_same_repository(tmp_path: Path) -> None:
    from kehoach.synth import synthesise

    synthesise(tmp_path / "a", 200, seed=3)
    synthesise(tmp_path / "b", 200, seed=3)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.yaml"))
    assert files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)


def test_refuses_a_folder_with_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.txt").write_text("x")
    assert cli.main(["synth", "--records", "10", "--out", str(tmp_path)]) == 2
    assert "đã có nội dung" in capsys.readouterr().err
