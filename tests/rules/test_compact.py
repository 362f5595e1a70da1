"""The rules run from the records' compact facts (as a large check runs them, in
a process that never held the records: the rules about tasks, cited dates,
issuer codes) give the findings the same rules give over the index,
finding by finding."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.findings import Finding
from kehoach.index import Index
from kehoach.rules import compact
from kehoach.rules.base import Context
from kehoach.synth import synthesise

from ..conftest import CASES, FIXTURES, case_today, make_repo


def _over_the_index(index: Index, today: dt.date) -> list[Finding]:
    context = Context(index, today)
    return sorted(f for rule in compact.COMPACT_RULES for f in rule.check(context))


def _from_the_facts(index: Index, today: dt.date, batch: int, backwards: bool = False) -> list[Finding]:
    """Every file's facts, packed ``batch`` records at a time, then the records left out
    of the index (sharing an id) named, as the check sends them (``backwards``: the
    batches sent last file first, so tasks come before their plans and reports)."""
    files = []
    rows = []
    indexed = {id(entry.file): entry for entry in index.entries.values()}
    for loaded in index.files:
        entry = indexed.get(id(loaded))
        if entry is None:
            continue
        fact = compact.facts(len(files), loaded, entry.record)
        if fact is not None:
            rows.append(fact)
            files.append(loaded)
    batches = [compact.pack(rows[i : i + batch]) for i in range(0, len(rows), batch)]
    if backwards:
        batches.reverse()
    return sorted(compact.placed(compact.run(batches, today), files))


def _stir(repo: Path, rng: random.Random) -> None:
    """Edits a synthetic repository is written without: plans dated before what they
    cite, documents numbered for another issuer."""
    records = repo / "records"
    units = sorted(p.stem for p in (records / "units").glob("*.yaml") if "codes:" in p.read_text(encoding="utf-8"))
    for path in sorted(records.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "/plans/" in path.as_posix() and "/tasks/" not in path.as_posix() and rng.random() < 0.3:
            text = re.sub(r"(?m)^date: '\d{4}", f"date: '{rng.randint(2000, 2012)}", text)
        if rng.random() < 0.2:
            text = re.sub(r"(?m)^issuer: .*$", f"issuer: {rng.choice(units)}", text)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_random_repositories_give_the_same_findings(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    synthesise(tmp_path / "repo", rng.choice([300, 600, 900]), seed=seed)
    _stir(tmp_path / "repo", rng)
    index = run_check(tmp_path / "repo", today=dt.date(2026, 1, 1)).index
    for today in (dt.date(2024, 3, 31), dt.date(2025, 7, 1), dt.date(2026, 1, 1), dt.date(2031, 12, 31)):
        expected = _over_the_index(index, today)
        assert _from_the_facts(index, today, rng.choice([1, 7, 100])) == expected
        assert _from_the_facts(index, today, rng.choice([1, 7, 100]), backwards=True) == expected
    codes = {f.code for f in _over_the_index(index, dt.date(2026, 1, 1))}
    assert codes >= {"KH603", "KH711", "KH402", "KH501"}


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_every_rule_case_gives_the_same_findings(tmp_path: Path, case: str) -> None:
    index = run_check(make_repo(tmp_path, case), today=case_today(case)).index
    for today in (case_today(case), dt.date(2031, 12, 31)):
        assert _from_the_facts(index, today, 2) == _over_the_index(index, today)
        assert _from_the_facts(index, today, 1, backwards=True) == _over_the_index(index, today)


@pytest.mark.parametrize("name", ["reporting", "results", "base"])
def test_the_report_fixtures_give_the_same_findings(name: str) -> None:
    """Periodic tasks, results given by several reports, stopped and done tasks."""
    index = run_check(FIXTURES / name, today=dt.date(2021, 7, 1)).index
    for today in (dt.date(2021, 7, 1), dt.date(2023, 1, 1), dt.date(2026, 6, 30)):
        assert _from_the_facts(index, today, 3) == _over_the_index(index, today)


def test_a_record_left_out_of_the_index_gives_no_finding(tmp_path: Path) -> None:
    synthesise(tmp_path / "repo", 300, seed=9)
    index = run_check(tmp_path / "repo", today=dt.date(2026, 1, 1)).index
    today = dt.date(2031, 1, 1)  # every task with a deadline overdue or unreported
    facts = [compact.facts(0, e.file, e.record) for e in index.entries.values() if e.kind.value == "task"]
    fact = next(f for f in facts if f is not None and compact.run([compact.pack([f])], today))
    assert compact.run([compact.pack([fact]), compact.left_out([0])], today) == []
    assert compact.run([compact.pack([fact]), compact.left_out([1])], today)


def _quiet(index: Index, today: dt.date) -> list[str]:
    """The rules the process aside shows to find nothing, from the facts of ``index``'s records."""
    files, rows = [], []
    for entry in index.entries.values():
        fact = compact.facts(len(files), entry.file, entry.record)
        if fact is not None:
            rows.append(fact)
            files.append(entry.file)
    names = [str(loaded.rel) for loaded in index.files]
    return compact.run_aside([compact.pack(rows)], today, "\n".join(names), len(names))[1]


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_a_rule_shown_to_find_nothing_finds_nothing(tmp_path: Path, case: str) -> None:
    """KH205, KH206 and KH207 are left out of a large check when the process aside shows
    from the facts that no two records share their key: never when the rule finds something."""
    today = case_today(case)
    index = run_check(make_repo(tmp_path, case), today=today).index
    quiet = _quiet(index, today)
    context = Context(index, today)
    for rule in compact.QUIET_RULES:
        if rule.name in quiet:
            assert list(rule.check(context)) == [], rule.name
    if case.startswith(("KH205", "KH206", "KH207")):
        assert len(quiet) == 2


def test_a_synthetic_repository_runs_none_of_the_rules_comparing_keys(tmp_path: Path) -> None:
    synthesise(tmp_path / "repo", 600, seed=3)
    index = run_check(tmp_path / "repo", today=dt.date(2026, 1, 1)).index
    assert sorted(_quiet(index, dt.date(2026, 1, 1))) == ["case_collisions", "same_document", "task_order"]


@pytest.mark.parametrize(
    ("names", "quiet"),
    [
        (["records/units/a.yaml", "records/units/b.yaml"], True),
        (["records/units/a.yaml", "records/units/A.yaml"], False),
        (["records/units/\udcff.yaml", "records/units/\udcfe.yaml"], True),  # not UTF-8: shown escaped, apart
        (["records/units/a\nb.yaml", "records/units/c.yaml"], False),  # a line break in a name: not shown
    ],
)
def test_names_folding_alike_are_never_shown_quiet(names: list[str], quiet: bool) -> None:
    shown = compact.run_aside([], dt.date(2026, 1, 1), "\n".join(names), len(names))[1]
    assert ("case_collisions" in shown) is quiet
