"""Reading, and running the rules, in two processes gives exactly what one
process gives, and the parent finishes the job when the child cannot."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from kehoach import parallel, pipeline, read
from kehoach.check import run_check

from .conftest import CASES, case_today, make_repo

two_cores = pytest.mark.skipif(parallel.cores() < 2, reason="one core: the work is never shared")


def _double(chunk: Sequence[int]) -> list[tuple[int, int]]:
    time.sleep(0.005)  # long enough for the child to start before the parent is done alone
    return [(2 * x, os.getpid()) for x in chunk]


@two_cores
def test_both_processes_work_and_the_results_keep_their_order() -> None:
    assert parallel.can_fork(), threading.enumerate()
    items = list(range(5000))
    mine, theirs = parallel.share(items, _double, _double)
    assert [value for value, _ in mine + theirs] == [2 * x for x in items]
    assert {pid for _, pid in mine} == {os.getpid()}
    assert theirs and os.getpid() not in {pid for _, pid in theirs}


@two_cores
def test_the_parent_does_the_share_of_a_child_that_dies() -> None:
    parent = os.getpid()

    def dies_in_child(chunk: Sequence[int]) -> list[tuple[int, int]]:
        if os.getpid() != parent:
            os._exit(3)
        return _double(chunk)

    items = list(range(5000))
    mine, theirs = parallel.share(items, _double, dies_in_child)
    assert [value for value, _ in mine + theirs] == [2 * x for x in items]
    assert {pid for _, pid in mine + theirs} == {parent}


@two_cores
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_every_case_gives_the_same_findings_read_in_two_processes(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, case)
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(read, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_RECORDS", 0)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    for use_cache in (False, True, True):  # without the cache, filling it, reading it
        result = run_check(repo, today=case_today(case), use_cache=use_cache)
        shown = [f"{f.location()}: {f.code} {f.message}" for f in result.findings]
        assert [line for text in shown for line in text.splitlines()] == expected  # a syntax error shows its line


@two_cores
def test_an_error_here_stops_the_child_and_is_raised() -> None:
    def fails_at_once(chunk: Sequence[int]) -> list[tuple[int, int]]:
        raise ValueError("hỏng")

    with pytest.raises(ValueError, match="hỏng"):
        parallel.share(list(range(100_000)), fails_at_once, _double)


@two_cores
def test_rules_shared_with_a_child_give_the_findings_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kehoach.synth import synthesise

    synthesise(tmp_path / "repo", 400, seed=5)
    today = dt.date(2026, 1, 1)  # tasks overdue, directives uncited: findings from several rules
    alone = run_check(tmp_path / "repo", today=today).findings
    shared: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> tuple[list[Any], list[Any]]:
        mine, theirs = parallel.share(*args, **kwargs)
        shared.append(len(theirs))
        return mine, theirs

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_RECORDS", 0)
    monkeypatch.setattr(pipeline, "share", counted)
    assert run_check(tmp_path / "repo", today=today).findings == alone
    assert shared and shared[0] > 0  # the child ran some of the rules
    assert len({f.code for f in alone}) > 1


def test_rules_stay_in_one_process_past_the_memory_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A child copies the pages of every record it reads: past PARALLEL_MAX_RECORDS the rules run here."""
    from kehoach.synth import synthesise

    synthesise(tmp_path / "repo", 400, seed=5)
    calls: list[int] = []
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_RECORDS", 0)
    monkeypatch.setattr(pipeline, "PARALLEL_MAX_RECORDS", 100)
    monkeypatch.setattr(pipeline, "share", lambda *a, **k: calls.append(1) or ([], []))
    findings = run_check(tmp_path / "repo", today=dt.date(2026, 1, 1)).findings
    assert calls == [] and findings


@two_cores
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_every_case_gives_the_same_findings_with_the_task_rules_aside(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules about tasks run in a process forked before reading, from the records' facts."""
    from kehoach.rules import compact

    repo = make_repo(tmp_path, case)
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(pipeline, "ASIDE_MIN_FILES", 0)
    real, placed = compact.settled, []

    def counted(*args: Any) -> Any:
        placed.append(1)
        return real(*args)

    monkeypatch.setattr(compact, "settled", counted)
    result = run_check(repo, today=case_today(case))
    shown = [f"{f.location()}: {f.code} {f.message}" for f in result.findings]
    assert [line for text in shown for line in text.splitlines()] == expected
    assert placed  # the findings came from the process aside


def test_the_task_rules_run_here_when_the_process_aside_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kehoach.synth import synthesise

    synthesise(tmp_path / "repo", 300, seed=4)
    today = dt.date(2026, 1, 1)
    alone = run_check(tmp_path / "repo", today=today).findings
    monkeypatch.setattr(pipeline, "ASIDE_MIN_FILES", 0)
    monkeypatch.setattr(pipeline, "_compact", lambda *_: 1 / 0)
    assert run_check(tmp_path / "repo", today=today).findings == alone
    assert {"KH603", "KH711"} <= {f.code for f in alone}


@two_cores
def test_the_process_aside_takes_each_blob_as_it_is_sent(tmp_path: Path) -> None:
    """Its job begins on what is sent while this process still sends (reading goes on),
    so that little is left for the end of the check to wait for."""
    seen = tmp_path / "seen"

    def work(blobs: Any) -> bytes:
        taken = []
        for blob in blobs:
            taken.append(blob)
            with seen.open("ab") as file:
                file.write(blob)
        return b"+".join(taken)

    aside = parallel.Aside(work)
    aside.send(b"first")
    waited = 0.0
    while not (seen.exists() and seen.read_bytes() == b"first") and waited < 60:
        time.sleep(0.05)
        waited += 0.05
    assert seen.read_bytes() == b"first"  # taken before every blob is sent
    aside.send(b"second")
    aside.start()
    assert aside.result() == b"first+second"


def _cut_short(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process aside failing as ``how`` says."""
    import signal

    parent = os.getpid()
    write = parallel._write

    def cut(descriptor: int, data: bytes) -> None:
        if how == "child writes half" and os.getpid() != parent:
            write(descriptor, data[: len(data) // 2])  # the findings' frame, cut short
            os._exit(0)
        if how == "no room to send" and os.getpid() == parent:
            raise OSError(28, "No space left on device")
        write(descriptor, data)

    monkeypatch.setattr(parallel, "_write", cut)
    if how == "child killed":
        monkeypatch.setattr(pipeline, "_compact", lambda *_: os.kill(os.getpid(), signal.SIGKILL))
    if how == "unreadable findings":
        monkeypatch.setattr(pipeline, "_compact", lambda *_: b"\x00not what was asked")


@two_cores
@pytest.mark.parametrize("how", ["child writes half", "child killed", "unreadable findings", "no room to send"])
def test_a_process_aside_cut_short_loses_no_finding(
    tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever the aside sends back cut short (or cannot be sent), the rules of tasks run
    here: the user sees every finding and the exit code of a check without it, no traceback."""
    from kehoach import cli
    from kehoach.synth import synthesise

    synthesise(tmp_path / "repo", 300, seed=4)
    argv = ["--root", str(tmp_path / "repo"), "check", "--no-cache", "--info", "--today", "2026-01-01"]
    code = cli.main(argv)
    alone = capsys.readouterr()
    monkeypatch.setattr(pipeline, "ASIDE_MIN_FILES", 0)
    _cut_short(how, monkeypatch)
    assert cli.main(argv) == code
    shown = capsys.readouterr()
    assert shown.out == alone.out and "KH603" in shown.out
    assert "Traceback" not in shown.err


@two_cores
@pytest.mark.parametrize("aside", [True, False])
def test_findings_of_severity_info_only_counted_are_those_shown_with_info(
    tmp_path: Path, aside: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check that only counts the findings of severity info (``kehoach check`` without
    --info) counts exactly those a check keeping them shows, once the configuration
    (codes disabled, severities changed) and the files' suppressions are applied, and
    shows the others as they are."""
    from kehoach.config import load_config
    from kehoach.findings import Severity
    from kehoach.pipeline import check
    from kehoach.sources import WorkingTree
    from kehoach.synth import synthesise

    repo = tmp_path / "repo"
    synthesise(repo, 300, seed=4)
    (repo / "pyproject.toml").write_text(
        '[tool.kehoach]\ndisable = ["KH711"]\n[tool.kehoach.severity]\nKH604 = "warning"\n', encoding="utf-8"
    )
    tasks = sorted((repo / "records" / "plans").rglob("tasks/*.yaml"))
    for task in tasks[::7]:
        task.write_text("# kehoach: disable-file=KH603,KH604\n" + task.read_text(encoding="utf-8"), encoding="utf-8")
    if aside:
        monkeypatch.setattr(pipeline, "ASIDE_MIN_FILES", 0)
    today = dt.date(2026, 1, 1)
    every = check(WorkingTree(repo), load_config(repo), today)
    counted = check(WorkingTree(repo), load_config(repo), today, infos=False)
    shown = [f for f in every.findings if f.severity is not Severity.INFO]
    assert counted.findings == shown
    assert counted.hidden == len(every.findings) - len(shown) > 0
    assert {"KH604"} <= {f.code for f in shown} and "KH711" not in {f.code for f in every.findings}
