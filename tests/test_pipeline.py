"""One entry point over any source: records held in memory are checked exactly
as the same records written to disk, and nothing is written."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from kehoach.check import run_check
from kehoach.config import load_config
from kehoach.pipeline import check
from kehoach.sources import WithDrafts

from .conftest import BASE, CASE_META, CASES, case_today, make_repo


def _new_files(case: str) -> dict[PurePosixPath, bytes] | None:
    """The record files a case adds to the base repository, or None when it does anything else."""
    folder = CASES / case
    if (folder / "delete.txt").exists():
        return None
    added = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_dir() or rel.name in CASE_META:
            continue
        if (BASE / rel).exists() or rel.parts[0] != "records":
            return None
        added[PurePosixPath(rel.as_posix())] = path.read_bytes()
    return added or None


ADDING = [case.name for case in sorted(CASES.iterdir()) if case.is_dir() and _new_files(case.name)]


def test_some_cases_only_add_files() -> None:
    assert len(ADDING) >= 5


@pytest.mark.parametrize("case", ADDING)
def test_drafts_in_memory_are_checked_as_files_on_disk(tmp_path: Path, case: str) -> None:
    drafts = _new_files(case)
    assert drafts is not None
    base = make_repo(tmp_path / "base")
    before = sorted(p for p in base.rglob("*"))
    in_memory = check(WithDrafts([base], drafts), load_config(base), case_today(case), frozenset(map(str, drafts)))
    assert sorted(p for p in base.rglob("*")) == before
    on_disk = make_repo(tmp_path / "disk", case)
    written = run_check(on_disk, [on_disk / rel for rel in drafts], case_today(case))
    assert in_memory.findings == written.findings
    assert sorted(in_memory.index.entries) == sorted(written.index.entries)


def test_findings_come_in_the_order_of_their_place_code_and_message() -> None:
    """As sorting them by (path, line, col, code, message) orders them, ties kept as they came."""
    import random

    from kehoach.codes import Code
    from kehoach.findings import Finding, Severity
    from kehoach.pipeline import in_order

    rng = random.Random(3)
    codes = [Code.KH603, Code.KH711, Code.KH303, Code.KH501]
    findings = [
        Finding(
            f"records/{rng.choice('abc')}/{rng.randint(0, 30)}.yaml",
            rng.randint(0, 3),
            rng.randint(1, 2),
            rng.choice(codes),
            rng.choice(["x", "y"]),
            rng.choice(list(Severity)),
        )
        for _ in range(2000)
    ]
    expected = sorted(findings, key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    ordered = in_order(list(findings))
    assert [id(f) for f in ordered] == [id(f) for f in expected]


@pytest.mark.parametrize("case", ["KH203-duplicate-id", "KH301-dangling-unit", "KH104-impossible-date", None])
def test_the_index_made_as_records_are_read_is_the_index_of_every_record(
    tmp_path: Path, case: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch of records read is indexed as it comes; joined in the files' order, the
    batches give what indexing every record at once gives: the same ids in the same order,
    the same references, the same unreadable files, whichever process read each file."""
    from kehoach import read
    from kehoach.index import build
    from kehoach.sources import WorkingTree
    from kehoach.synth import synthesise

    if case is None:
        synthesise(tmp_path / "repo", 400, seed=2)
        repo = tmp_path / "repo"
    else:
        repo = make_repo(tmp_path, case)
    monkeypatch.setattr(read, "PARALLEL_MIN_FILES", 0)  # read in two processes where the system allows
    checked = check(WorkingTree(repo), load_config(repo), case_today(case or "none")).index
    every = WorkingTree(repo).read()
    whole, _ = build([loaded for loaded, _ in every], [(loaded, record) for loaded, record in every if record])
    for index in (checked, whole):
        assert sum(1 for _ in index.files) == len(every)
    assert [(i, str(e.file.rel)) for i, e in checked.entries.items()] == [
        (i, str(e.file.rel)) for i, e in whole.entries.items()
    ]
    written = [[(r.path, r.target, r.field) for r in refs] for refs in checked.outgoing.values()]
    assert written == [[(r.path, r.target, r.field) for r in refs] for refs in whole.outgoing.values()]
    assert {k: str(f.rel) for k, f in checked.broken.items()} == {k: str(f.rel) for k, f in whole.broken.items()}
