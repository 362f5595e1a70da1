"""KH205 names, for every task whose place in its plan another task holds, the
first of them in path order, however the records were indexed."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.index import Index
from kehoach.rules.base import Context
from kehoach.rules.identity import check_task_order
from kehoach.synth import synthesise


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_task_after_the_first_in_path_order_is_named(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    synthesise(tmp_path / "repo", 300, seed=seed)
    for path in sorted((tmp_path / "repo" / "records").rglob("tasks/*.yaml")):
        if rng.random() < 0.4:
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^order: \d+$", f"order: {rng.randint(1, 3)}", text), encoding="utf-8")
    index = run_check(tmp_path / "repo", today=dt.date(2026, 1, 1)).index
    entries = list(index.entries.values())
    rng.shuffle(entries)  # the order the records were indexed in does not matter
    index = Index({entry.id: entry for entry in entries})
    expected = []
    first: dict[tuple[str, int], str] = {}
    for entry in sorted((e for e in entries if e.kind.value == "task"), key=lambda e: str(e.file.rel)):
        place = (entry.record.plan, entry.record.order)  # type: ignore[union-attr]
        if place in first:
            expected.append((str(entry.file.rel), f"thứ tự {place[1]} đã dùng cho nhiệm vụ '{first[place]}'"))
        else:
            first[place] = entry.id
    found = sorted(
        (f.path, f.message.removesuffix(" của cùng kế hoạch"))
        for f in check_task_order(Context(index, dt.date(2026, 1, 1)))
    )
    assert found == sorted(expected)
    assert len(expected) > 10
