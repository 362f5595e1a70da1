"""Cycle and chain rules on graphs that break naive algorithms: a unit parent
chain thousands of levels deep (cubic when each walk re-scans its path) and
directives that each supersede the next three (exponentially many paths).
They must finish (no timing asserted here: benchmarks/graph.py measures)
and say exactly what a small graph of the same shape says."""

from __future__ import annotations

import importlib.util
import itertools
import re
from pathlib import Path

from kehoach.check import run_check
from kehoach.findings import Severity

_SPEC = importlib.util.spec_from_file_location(
    "graph_benchmark", Path(__file__).resolve().parents[2] / "benchmarks" / "graph.py"
)
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def problems(root: Path) -> list[str]:
    result = run_check(root)
    return [f"{f.path}:{f.line}: {f.code} {f.message}" for f in result.findings if f.severity is not Severity.INFO]


def test_a_deep_parent_chain_without_a_loop_is_clean(tmp_path: Path) -> None:
    bench.unit_chain(tmp_path, 3000)
    assert problems(tmp_path) == []


def test_a_deep_parent_loop_is_one_finding_naming_every_unit_in_order(tmp_path: Path) -> None:
    bench.unit_chain(tmp_path, 3000, loop=True)
    found = problems(tmp_path)
    assert len(found) == 1
    assert found[0].startswith("records/units/u00000.yaml:5: KH311 vòng lặp cấp trên: u00000 → u00001 → u00002")
    chain = re.search(r": (u00000 → .*?);", found[0])
    assert chain is not None
    assert chain.group(1).split(" → ") == [f"u{n:05d}" for n in range(3000)] + ["u00000"]


def test_dense_supersession_without_a_loop_is_clean(tmp_path: Path) -> None:
    bench.superseding_directives(tmp_path, 300, 3)
    assert problems(tmp_path) == []


def test_dense_supersession_closed_by_one_link_is_one_finding(tmp_path: Path) -> None:
    """300 documents, each superseding the next three, the oldest the newest: every
    document is on some cycle; one finding names the shortest one and the group."""
    bench.superseding_directives(tmp_path, 300, 3, loop=True)
    found = problems(tmp_path)
    assert len(found) == 1, found
    assert found[0].startswith("records/directives/d0000.yaml:")
    assert " KH310 vòng lặp thay thế văn bản: d0000 → " in found[0]
    assert "d0299 → d0000 (cả nhóm 300 mã nối vòng với nhau" in found[0]
    steps = re.search(r": (d0000 → .*?) \(", found[0])
    assert steps is not None
    cycle = [int(d[1:]) for d in steps.group(1).split(" → ")]
    assert all(0 < b - a <= 3 for a, b in itertools.pairwise(cycle[:-1]))  # real links only
    assert cycle[-2:] == [299, 0]
    assert len(cycle) == 1 + 100 + 1  # the shortest: 100 steps of at most three from d0000 to d0299, and back


def test_two_separate_loops_are_two_findings(tmp_path: Path) -> None:
    bench.unit_chain(tmp_path / "a", 4, loop=True)
    for path in sorted((tmp_path / "a" / "records" / "units").iterdir()):
        text = path.read_text(encoding="utf-8")
        for n in range(4):
            text = text.replace(f"u{n:05d}", f"v{n:05d}")
        (tmp_path / "a" / "records" / "units" / path.name.replace("u", "v", 1)).write_text(text, encoding="utf-8")
    found = problems(tmp_path / "a")
    assert [f.split(": KH311")[0] for f in found] == ["records/units/u00000.yaml:5", "records/units/v00000.yaml:5"]


def test_many_files_with_one_id_name_three_others_and_count_the_rest(tmp_path: Path) -> None:
    """A finding per file, each of bounded length (listing every other file made n findings of n names)."""
    bench.unit_chain(tmp_path, 1)
    text = (tmp_path / "records/units/u00000.yaml").read_text(encoding="utf-8")
    for n in range(1, 40):
        (tmp_path / f"records/units/u00000-{n:02d}.yaml").write_text(text, encoding="utf-8")
    found = [f for f in problems(tmp_path) if " KH203 " in f]
    assert len(found) == 40
    first = next(f for f in found if f.startswith("records/units/u00000.yaml:"))
    assert first.endswith(
        "KH203 mã 'u00000' cũng được dùng trong records/units/u00000-01.yaml, records/units/u00000-02.yaml, "
        "records/units/u00000-03.yaml và 36 nơi khác; mỗi bản ghi một mã riêng"
    )
    assert all(f.count("records/units/") == 4 for f in found)
