"""The rules about tasks run from the records' compact facts (as a large check
runs them, in a process that never held the records) give the findings the
same rules give over the index, finding by finding."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.findings import Finding
from kehoach.index import Index
from kehoach.rules import compact
from kehoach.rules.base import Context
from kehoach.synth import synthesise

from ..conftest import FIXTURES


def _over_the_index(index: Index, today: dt.date) -> list[Finding]:
    context = Context(index, today)
    return sorted(f for rule in compact.COMPACT_RULES for f in rule.check(context))


def _from_the_facts(index: Index, today: dt.date, batch: int) -> list[Finding]:
    """Every file's facts, packed ``batch`` records at a time, then the records left out
    of the index (sharing an id) named, as the check sends them."""
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
    return sorted(compact.placed(compact.run(batches, today), files))


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_random_repositories_give_the_same_findings(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    synthesise(tmp_path / "repo", rng.choice([300, 600, 900]), seed=seed)
    index = run_check(tmp_path / "repo", today=dt.date(2026, 1, 1)).index
    for today in (dt.date(2024, 3, 31), dt.date(2025, 7, 1), dt.date(2026, 1, 1), dt.date(2031, 12, 31)):
        expected = _over_the_index(index, today)
        assert _from_the_facts(index, today, rng.choice([1, 7, 100])) == expected
    assert {f.code for f in _over_the_index(index, dt.date(2026, 1, 1))} >= {"KH603", "KH711"}


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
