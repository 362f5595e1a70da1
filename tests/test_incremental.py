"""A check that reuses the last check's state gives the full check's findings,
finding by finding, after any sequence of edits (seeded random edits on small
synthetic repositories, with and without reports: values changed, references
pointed elsewhere or nowhere, report results changed, added and removed, files
broken, broken files edited and mended, records added under new ids, files
removed, copied, touched)."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.check import run_check
from kehoach.config import load_config
from kehoach.incremental import check_working_tree
from kehoach.synth import synthesise

TODAY = dt.date(2024, 6, 1)


def _synthesise(root: Path, records: int, seed: int, reports: bool = False) -> None:
    """A synthetic repository, with its reports or without them (then the tasks'
    and plans' neighbourhoods are tested without the reports' rules)."""
    synthesise(root, records, seed=seed)
    if not reports:
        shutil.rmtree(root / "records" / "reports", ignore_errors=True)


def _records(root: Path) -> list[Path]:
    return sorted((root / "records").rglob("*.yaml"))


def _load(path: Path) -> dict[str, Any] | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _save(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _ids(root: Path, folder: str) -> list[str]:
    return sorted(p.stem for p in (root / "records" / folder).glob("*.yaml"))


def _edit(root: Path, rng: random.Random, step: int) -> str:
    """One random edit, the file given a time of its own (so that the check sees the
    change without waiting out the time granularity); returns what it did."""
    what = _change(root, rng, step)
    for path in _records(root):
        if path.stat().st_mtime_ns >= 10**15:  # written just now
            os.utime(path, ns=(2 * 10**9 + step, 2 * 10**9 + step))
    return what


STATUSES = {
    "task": ["planned", "in-progress", "done", "cancelled"],
    "directive": ["in-force", "superseded", "expired", "unknown"],
}
REFERENCES = {  # field -> folder of the records it names
    "lead": "units", "coordinating": "units", "issuer": "units", "co_issuers": "units", "parent": "units",
    "succeeded_by": "units", "implements": "directives", "basis": "directives", "supersedes": "directives",
}  # fmt: skip


def _kind(path: Path) -> str:
    return (
        "task"
        if path.parent.name == "tasks"
        else {"units": "unit", "directives": "directive", "reports": "report"}.get(path.parent.name, "plan")
    )


OUTCOMES = ["done", "done", "partial", "not-done", "stopped", "carried"]


def _tasks(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "records" / "plans").glob("*/tasks/*.yaml"))


def _change_result(root: Path, rng: random.Random, data: dict[str, Any]) -> str:
    """A report's results changed as people write them: another outcome or date, another
    task (sometimes one another report gives done, sometimes one that does not exist),
    a result added or dropped."""
    results = data.setdefault("results", [])
    what = rng.choice(["outcome", "date", "task", "add", "drop"])
    if what == "add" or not results:
        tasks = _tasks(root)
        task = rng.choice(tasks) if tasks else "khong-co-ma-nay"
        when = dt.date(rng.randint(2020, 2025), 12, 1)
        results.append({"task": task, "outcome": "done", "date": when, "text": "Đã hoàn thành nhiệm vụ."})
    elif what == "drop":
        results.pop(rng.randrange(len(results)))
    else:
        result = results[rng.randrange(len(results))]
        if what == "outcome":
            result["outcome"] = rng.choice(OUTCOMES)
        elif what == "date":
            result["date"] = dt.date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28))
        else:
            given = [r.get("task") for p in sorted((root / "records" / "reports").glob("*.yaml"))
                     for r in (_load(p) or {}).get("results") or [] if isinstance(r, dict)]  # fmt: skip
            choices = [t for t in given if t] or _tasks(root)
            result["task"] = rng.choice([*choices, "khong-co-ma-nay"] if rng.random() < 0.1 else choices)
    return what


def _new_value(root: Path, rng: random.Random, path: Path, key: str, value: Any) -> Any:
    """Another value of the same shape: most edits leave the record valid."""
    if key == "status":
        return rng.choice(STATUSES.get(_kind(path), ["x"]))
    if key == "plan":  # a task moved to another plan of the repository (its folder left as it is)
        return rng.choice(sorted(p.name for p in (root / "records" / "plans").iterdir()))
    if key in REFERENCES:
        target = rng.choice(
            [*_ids(root, REFERENCES[key]), "khong-co-ma-nay"] if rng.random() < 0.2 else _ids(root, REFERENCES[key])
        )
        return [target] if isinstance(value, list) else target
    if isinstance(value, dt.date):
        return dt.date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28))
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return rng.randint(1, 12)
    if isinstance(value, str):
        return rng.choice([value + " (sửa)", "Ban Dân vận", value[: len(value) // 2] or "x"])
    return value


BREAK = "\n  : [\n"  # what "break" appends: the file is no longer YAML


def _added(root: Path, rng: random.Random, step: int) -> Path:
    """A new record under a new id: a unit under an existing one, or a task of an existing plan."""
    units = _ids(root, "units")
    plans = sorted(p for p in (root / "records" / "plans").glob("*/*.yaml"))
    if plans and rng.random() < 0.5:
        plan = rng.choice(plans)
        task_id = f"{plan.stem}-nv{90 + step}"
        data: dict[str, Any] = {"id": task_id, "plan": plan.stem, "section": "I", "order": 90 + step,
                                "text": "Nhiệm vụ mới thêm.", "lead": [rng.choice(units or ["khong-co-ma-nay"])],
                                "timeframe": "hằng năm", "status": "planned"}  # fmt: skip
        path = plan.parent / "tasks" / f"{task_id}.yaml"
    else:
        unit_id = f"don-vi-moi-{step}"
        data = {"id": unit_id, "name": f"Đơn vị mới {step}", "kind": "party-board"}
        if units:
            data["parent"] = rng.choice(units)
        path = root / "records" / "units" / f"{unit_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    _save(path, data)
    return path


def _change(root: Path, rng: random.Random, step: int) -> str:
    reports = sorted((root / "records" / "reports").glob("*.yaml"))
    broken = [p for p in _records(root) if BREAK in p.read_text(encoding="utf-8")]
    if broken and rng.random() < 0.3:  # a broken file edited: still broken, or mended
        path = rng.choice(broken)
        text = path.read_text(encoding="utf-8")
        if rng.random() < 0.5:
            path.write_text(text.replace(BREAK, "", 1), encoding="utf-8")
            return f"mend {path.relative_to(root)}"
        path.write_text(f"# sửa lần {step}\n" + text + "# vẫn lỗi\n", encoding="utf-8")
        return f"edit broken {path.relative_to(root)}"
    path = rng.choice(reports if reports and rng.random() < 0.3 else _records(root))
    data = _load(path)
    action = rng.choice(["value"] * 8 + ["completed", "break", "remove", "copy", "touch", "lines", "add"])
    if action == "add":
        return f"add {_added(root, rng, step).relative_to(root)}"
    if action == "break":
        path.write_text(path.read_text(encoding="utf-8") + BREAK, encoding="utf-8")
    elif action == "remove":
        path.unlink()
    elif action == "copy":
        (path.parent / f"{path.stem}-copy.yaml").write_bytes(path.read_bytes())
    elif action == "touch":
        os.utime(path, ns=(3 * 10**9 + step, 3 * 10**9 + step))
    elif data is None:
        return f"{action} (not a record) {path.name}"
    elif action == "lines":  # the same data with a comment above: every position moves
        path.write_text("# ghi chú\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif action in ("value", "completed") and _kind(path) == "report" and rng.random() < 0.7:
        what = _change_result(root, rng, data)
        _save(path, data)
        return f"result {what} {path.relative_to(root)}"
    elif action == "completed" and _kind(path) == "task":
        data["completed"] = dt.date(rng.randint(2020, 2025), rng.randint(1, 12), rng.randint(1, 28))
        _save(path, data)
    else:
        key = rng.choice([k for k in data if k != "id"])
        data[key] = _new_value(root, rng, path, key, data[key])
        _save(path, data)
        return f"{action} {key}={data[key]!r} {path.relative_to(root)}"
    return f"{action} {path.relative_to(root)}"


def _same_as_full_check(root: Path, named: list[Path] | None, done: list[str]) -> int:
    """Check incrementally (only the named files, as pre-commit does, or everything) and fully;
    assert both give the same findings and files; 1 when the incremental check used the state."""
    scope = None if named is None else frozenset(str(p.relative_to(root)) for p in named)
    quick = check_working_tree(root, load_config(root), TODAY, scope)
    full = run_check(root, named, today=TODAY) if named is not None else run_check(root, today=TODAY)
    assert quick.findings == full.findings, done
    assert quick.files == full.files
    return int(quick.incremental)


@pytest.mark.parametrize("seed", range(8))
def test_incremental_checks_equal_full_checks(tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every file here is seconds old: without this, each would count as possibly
    # changed unseen, and be read again every time (correct, but not what is tested).
    monkeypatch.setattr("kehoach.incremental.walk.RACY_NS", -(10**18))
    root = tmp_path / "kho"
    # Half the runs with reports, whose results reach tasks and other reports.
    _synthesise(root, 60 + 10 * seed, seed, reports=seed % 2 == 1)
    for path in _records(root):
        os.utime(path, ns=(10**9, 10**9))
    rng = random.Random(seed)
    reused = 0
    done: list[str] = []
    for step in range(30):
        done.append(_edit(root, rng, step))
        if step % 3 == 2 and _records(root):  # a partial check, as pre-commit runs it
            reused += _same_as_full_check(root, [rng.choice(_records(root))], done)
        else:
            reused += _same_as_full_check(root, None, done)
    assert reused >= 3  # the state was used, not only rebuilt


@pytest.mark.parametrize("seed", range(4))
def test_report_edits_are_followed_and_equal_full_checks(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results written, changed and dropped in reports (and the tasks and plans they
    speak of changed): each check re-checks what the change reaches, and finds what
    the full check finds (tasks done twice, results for tasks of other plans,
    overdue tasks with and without a report)."""
    monkeypatch.setattr("kehoach.incremental.walk.RACY_NS", -(10**18))
    root = tmp_path / "kho"
    _synthesise(root, 150 + 20 * seed, 10 + seed, reports=True)
    reports = sorted((root / "records" / "reports").glob("*.yaml"))
    tasks = sorted((root / "records" / "plans").glob("*/tasks/*.yaml"))
    plans = sorted((root / "records" / "plans").glob("*/*.yaml"))
    assert len(reports) >= 2
    rng = random.Random(seed)
    check_working_tree(root, load_config(root), TODAY)
    followed = 0
    done: list[str] = []
    for step in range(16):
        path = rng.choice(reports * 4 + tasks[:10] + plans)
        data = _load(path)
        assert data is not None
        if _kind(path) == "report":
            done.append(f"result {_change_result(root, rng, data)} {path.name}")
        else:
            key = rng.choice([k for k in ("status", "completed", "timeframe", "date") if k in data] or ["status"])
            if key in ("completed", "date"):  # the year kept: a plan's year is compared across the repository
                year = int(str(data.get(key) or "2022")[:4])
                data[key] = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            else:
                frames = ["hằng quý", "năm 2022", "quý II/2021"]
                data[key] = rng.choice(frames if key == "timeframe" else STATUSES["task"])
            done.append(f"{key}={data[key]!r} {path.name}")
        _save(path, data)
        os.utime(path, ns=(2 * 10**9 + step, 2 * 10**9 + step))
        quick = check_working_tree(root, load_config(root), TODAY)
        assert quick.findings == run_check(root, today=TODAY).findings, done
        followed += quick.incremental
    assert followed >= 8, done


def test_nothing_changed_reuses_every_finding(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    _synthesise(root, 80, 1)
    first = check_working_tree(root, load_config(root), TODAY)
    again = check_working_tree(root, load_config(root), TODAY)
    assert not first.incremental and again.incremental
    assert again.findings == first.findings == run_check(root, today=TODAY).findings


@pytest.mark.parametrize("settings", ["", '[tool.kehoach]\nseverity = { KH702 = "warning", KH711 = "error" }\n'])
def test_findings_of_severity_info_are_counted_when_left_out(tmp_path: Path, settings: str) -> None:
    """As `kehoach check` shows them without --info: the others in full, the info ones
    only counted, from the state as from a full check (with severities re-graded)."""
    root = tmp_path / "kho"
    _synthesise(root, 80, 3, reports=True)
    (root / "pyproject.toml").write_text(settings, encoding="utf-8")
    every = run_check(root, today=TODAY).findings
    infos = [f for f in every if f.severity == "info"]
    assert infos and len(infos) < len(every)
    for _ in range(2):  # a full check, then from the state
        quick = check_working_tree(root, load_config(root), TODAY, infos=False)
        assert quick.findings == [f for f in every if f.severity != "info"]
        assert quick.hidden == len(infos)
    task = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    data = _load(task)
    assert data is not None
    data["status"] = "done"  # without a completion date: an error
    data.pop("completed", None)
    _save(task, data)
    every = run_check(root, today=TODAY).findings
    assert any(f.code == "KH601" for f in every)
    quick = check_working_tree(root, load_config(root), TODAY, infos=False)
    assert quick.incremental
    assert quick.findings == [f for f in every if f.severity != "info"]
    assert quick.hidden == sum(f.severity == "info" for f in every)


def test_another_day_checks_everything(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    _synthesise(root, 80, 2)
    check_working_tree(root, load_config(root), TODAY)
    later = check_working_tree(root, load_config(root), TODAY + dt.timedelta(days=400))
    assert not later.incremental
    assert later.findings == run_check(root, today=TODAY + dt.timedelta(days=400)).findings


def test_a_changed_report_is_checked_with_the_reports_and_tasks_around_it(tmp_path: Path) -> None:
    """A report's results reach across plans (a task's situation, a task done twice):
    a changed report is checked again with the tasks it names and the other reports
    on them, not with the whole repository."""
    from .conftest import make_repo

    root = make_repo(tmp_path, "KH803-done-twice")
    today = dt.date(2021, 12, 31)
    first = check_working_tree(root, load_config(root), today)
    assert any(f.code == "KH803" for f in first.findings)
    report = sorted((root / "records" / "reports").glob("*.yaml"))[-1]
    report.write_text(report.read_text(encoding="utf-8").replace("done", "partial"), encoding="utf-8")
    again = check_working_tree(root, load_config(root), today)
    assert again.incremental
    assert again.findings == run_check(root, today=today).findings
    assert not any(f.code == "KH803" for f in again.findings)


def test_the_signatures_cover_the_files_the_reader_lists(tmp_path: Path) -> None:
    from kehoach.incremental.walk import signatures_now
    from kehoach.load.files import walk

    root = tmp_path / "kho"
    _synthesise(root, 60, 4)
    units = root / "records" / "units"
    (units / "lac-cho.yml").write_text("id: x\n", encoding="utf-8")
    (units / "lien-ket.yaml").symlink_to(root / "records" / "directives")
    (units / "thu-muc.yaml").mkdir()
    (units / "ghi-chu.txt").write_text("x", encoding="utf-8")
    assert set(signatures_now(root, 0)) == {rel for rel, _ in walk(root)}


def test_a_file_read_just_after_it_changed_is_not_checked_again_when_unchanged(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    _synthesise(root, 60, 5)
    check_working_tree(root, load_config(root), TODAY)
    task = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    task.write_text(task.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    first = check_working_tree(root, load_config(root), TODAY)  # read now: too recent for a signature
    again = check_working_tree(root, load_config(root), TODAY)  # read again, found unchanged
    assert first.incremental and again.incremental
    assert again.findings == first.findings == run_check(root, today=TODAY).findings


@pytest.mark.parametrize("damage", ["garbage", "truncated", "pointer", "rows", "empty"])
def test_a_damaged_state_is_never_trusted(tmp_path: Path, damage: str) -> None:
    """Whatever happened to the stored state (a disk error, a cut file, a file of
    another program), the check gives the full check's findings and writes it afresh."""
    import sqlite3

    from kehoach.incremental.state import POINTER
    from kehoach.load.cache import cache_folder

    root = tmp_path / "kho"
    _synthesise(root, 70, 6, reports=True)
    check_working_tree(root, load_config(root), TODAY)
    folder = cache_folder(root)
    database = folder / (folder / POINTER).read_text(encoding="ascii")
    if damage == "garbage":
        database.write_bytes(b"SQLite format 3\0" + os.urandom(4096))
    elif damage == "truncated":
        database.write_bytes(database.read_bytes()[:3000])
    elif damage == "pointer":
        (folder / POINTER).write_text("../../etc/passwd", encoding="ascii")
    elif damage == "rows":  # findings that are not what was stored
        with sqlite3.connect(database) as db:
            db.execute("UPDATE files SET rows = x'00ff', infos = x'00ff'")
        db.close()
    else:
        database.write_bytes(b"")
    task = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    task.write_text(task.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    again = check_working_tree(root, load_config(root), TODAY)
    assert not again.incremental
    assert again.findings == run_check(root, today=TODAY).findings
    after = check_working_tree(root, load_config(root), TODAY)
    assert after.incremental and after.findings == again.findings


def test_a_state_written_by_another_version_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kho"
    _synthesise(root, 60, 7)
    check_working_tree(root, load_config(root), TODAY)
    monkeypatch.setattr("kehoach.incremental._version", lambda: "another")
    assert not check_working_tree(root, load_config(root), TODAY).incremental
    assert check_working_tree(root, load_config(root), TODAY).incremental


def test_a_broken_file_edited_again_is_checked_alone(tmp_path: Path) -> None:
    """A file that is still not a record after an edit (its YAML still broken, then
    its fields wrong) changes only its own findings: the check reads it alone and
    gives the full check's findings, including those of the references to it."""
    root = tmp_path / "kho"
    _synthesise(root, 80, 8)
    unit = sorted((root / "records" / "units").glob("*.yaml"))[0]
    original = unit.read_text(encoding="utf-8")
    check_working_tree(root, load_config(root), TODAY)
    unit.write_text(original + BREAK, encoding="utf-8")
    broken = check_working_tree(root, load_config(root), TODAY)
    assert broken.findings == run_check(root, today=TODAY).findings
    assert any(f.path == str(unit.relative_to(root)) for f in broken.findings)
    assert any(f.code == "KH301" and unit.stem in f.message for f in broken.findings)  # its referrers say so
    renamed = original.replace("name:", "ten:")  # a field the model does not know, the name missing
    for text in (original + "\n  : [ x\n", renamed + BREAK, renamed):
        unit.write_text(text, encoding="utf-8")
        again = check_working_tree(root, load_config(root), TODAY)
        assert again.incremental
        assert again.findings == run_check(root, today=TODAY).findings
    unit.write_text(original, encoding="utf-8")  # mended: a record again
    assert check_working_tree(root, load_config(root), TODAY).findings == run_check(root, today=TODAY).findings


def _same_number(root: Path, rng: random.Random, step: int) -> Path | None:
    """A new document recording the number, issuer and year of one already there
    (the same document twice), or a task taking the order of another of its plan."""
    directives = sorted((root / "records" / "directives").glob("*.yaml"))
    tasks = sorted((root / "records" / "plans").glob("*/tasks/*.yaml"))
    source = rng.choice(directives + tasks) if directives or tasks else None
    data = _load(source) if source else None
    if source is None or data is None:
        return None
    data["id"] = new_id = f"{source.stem}-trung-{step}"
    for field in ("supersedes", "succeeded_by"):
        data.pop(field, None)
    path = source.parent / f"{new_id}.yaml"
    _save(path, data)
    return path


def _set_change(root: Path, rng: random.Random, step: int) -> str:
    """One file added, removed or renamed, as commits do: a new unit or task, a
    document or task sharing the number or order of another, a broken file, a
    copy under a name differing only in case, a file removed (named by others or
    not), renamed with its id kept or changed; or one of the random edits."""
    records = _records(root)
    action = rng.choice(["add", "add", "same", "broken", "case", "remove", "remove", "rename", "rename-id", "edit"])
    if action == "edit" and records:  # an edit among them (a reference made to dangle, a file broken...)
        return _change(root, rng, step)
    if action == "add" or not records:
        return f"add {_added(root, rng, step).relative_to(root)}"
    if action == "same":
        path = _same_number(root, rng, step)
        return f"same number {path.relative_to(root) if path else None}"
    path = rng.choice(records)
    if action == "broken":
        new = path.parent / f"hong-{step}.yaml"
        new.write_text("id: hong\n  : [\n", encoding="utf-8")
        return f"broken {new.relative_to(root)}"
    if action == "case":
        new = path.parent / f"{path.stem.upper()}.yaml"
        new.write_bytes(path.read_bytes())
        return f"case {new.relative_to(root)}"
    if action == "remove":
        path.unlink()
        return f"remove {path.relative_to(root)}"
    new = path.with_name(f"{path.stem}-moi.yaml")
    if action == "rename-id" and (data := _load(path)) is not None:
        data["id"] = new.stem
        _save(new, data)
        path.unlink()
    else:
        path.rename(new)
    return f"{action} {path.relative_to(root)} -> {new.name}"


@pytest.mark.parametrize("seed", range(6))
def test_files_added_removed_and_renamed_are_checked_around_them(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files added, removed and renamed (one at a time, or several in one commit),
    checked whole or as pre-commit names them: the full check's findings every
    time, most often without checking everything again."""
    monkeypatch.setattr("kehoach.incremental.walk.RACY_NS", -(10**18))
    root = tmp_path / "kho"
    _synthesise(root, 80 + 10 * seed, 20 + seed, reports=seed % 2 == 0)
    for path in _records(root):
        os.utime(path, ns=(10**9, 10**9))
    pristine = tmp_path / "records"
    shutil.copytree(root / "records", pristine)
    rng = random.Random(seed)
    check_working_tree(root, load_config(root), TODAY)
    done: list[str] = []
    reused = 0
    for step in range(24):
        before = set(_records(root))
        done += [_set_change(root, rng, step) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        for path in _records(root):
            if path.stat().st_mtime_ns >= 10**15:
                os.utime(path, ns=(2 * 10**9 + step, 2 * 10**9 + step))
        new = sorted(set(_records(root)) - before)
        named = new if new and rng.random() < 0.5 else None  # pre-commit names the files added
        reused += _same_as_full_check(root, named, done)
        if step % 3 == 2:  # the repository made whole again now and then, so that changes stay local
            _mend(root, pristine)
            done.append("mend")
    assert reused >= 6, done


def _mend(root: Path, pristine: Path) -> None:
    """The records as they were first (every file written anew: all read again)."""
    shutil.rmtree(root / "records")
    shutil.copytree(pristine, root / "records")
    for path in _records(root):
        os.utime(path, ns=(10**9, 10**9))


def test_a_folder_listed_again_brings_back_the_references_that_waited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the directives' folder cannot be listed, a reference to a missing
    directive waits (its records are unknown); listed again, its files come back as
    added files and the reference is reported, as a full check reports it."""
    root = tmp_path / "kho"
    _synthesise(root, 80, 9)
    for path in _records(root):  # no record names a directive (they come back as files no one waited for)
        data = _load(path)
        if data is not None and {"basis", "implements", "supersedes"} & data.keys():
            for field in ("basis", "implements", "supersedes"):
                data.pop(field, None)
            _save(path, data)
    task = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    data = _load(task)
    assert data is not None
    data["implements"] = ["van-ban-khong-co"]
    _save(task, data)
    folder = os.path.realpath(root / "records" / "directives")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.path.realpath(os.fsdecode(path)) == folder:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    with monkeypatch.context() as patched:
        patched.setattr(os, "scandir", scandir)
        hidden = check_working_tree(root, load_config(root), TODAY)
        assert hidden.findings == run_check(root, today=TODAY).findings
        assert any(f.code == "KH007" for f in hidden.findings)
        assert not any("van-ban-khong-co" in f.message for f in hidden.findings)
    for path in _records(root):
        os.utime(path, ns=(10**9, 10**9))
    listed = check_working_tree(root, load_config(root), TODAY)
    assert listed.findings == run_check(root, today=TODAY).findings
    assert any(f.code == "KH301" and "van-ban-khong-co" in f.message for f in listed.findings)
