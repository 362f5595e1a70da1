"""Where a cold check's time goes, stage by stage, in one run of the pipeline
as ``kehoach check --no-cache`` runs it: the second process forked to read
before the model is imported, the model imported, the files read by both
processes (each record's index entry made and the rules that read a record
alone run over it as it comes, as ``pipeline.check`` does), the index built,
what the rules ask of it prepared, the other rules,
the findings settled and sorted, and the report written (to nowhere). Each
stage's wall time and this process's CPU time; the second process's CPU
time at the end (reading, and the rules up to 40,000 records).

On a quiet two-core machine this process's CPU time is about the wall time
(it never waits for the child, which reads from the other end of the list);
on a loaded one, wall times stretch and CPU times are what compare.

Usage: .venv/bin/python benchmarks/stages.py REPOSITORY [--today 2026-01-01]"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import resource
import sys
import time
from pathlib import Path
from typing import Any


class Clock:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.rows.append((name, wall - self.wall, cpu - self.cpu))
        self.wall, self.cpu = wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repository", type=Path)
    parser.add_argument("--today", default="2026-01-01")
    args = parser.parse_args()
    today = dt.date.fromisoformat(args.today)
    gc.disable()  # as the pipeline does while it reads and checks
    clock = Clock()
    from kehoach.sources import WorkingTree

    begun = WorkingTree(args.repository).begin()
    clock.lap("files listed, second process forked")
    from kehoach import pipeline, report
    from kehoach.config import load_config
    from kehoach.index import build
    from kehoach.model import build_models
    from kehoach.rules.base import Context
    from kehoach.rules.registry import RULES

    build_models()
    config = load_config(args.repository)
    clock.lap("model imported and built")
    early = pipeline.Early(RULES, today)
    read = begun.read(early)
    clock.lap(f"{len(read)} files read and validated, the rules on each record alone (with the second process)")
    files = [loaded for loaded, _ in read]
    index = early.index(files)
    duplicates: list[list[Any]] = []
    if index is None:  # records sharing an id
        index, duplicates = build(files, [(loaded, record) for loaded, record in read if record is not None])
    findings = [f for loaded in files for f in loaded.findings]
    clock.lap("index built")
    context = Context(index, today, None, tuple(tuple(group) for group in duplicates))
    early.parts = []
    findings.extend(early.found(duplicates))
    index.prepare()
    clock.lap("what the rules ask of the index prepared")
    for found in pipeline.run_rules(context, [rule for rule in RULES if rule not in early.rules]):
        findings.extend(found)
    clock.lap("rules")
    findings = pipeline.settle(findings, config, index)
    findings.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    clock.lap(f"{len(findings)} findings settled and sorted")
    report.write(io.StringIO(), "text", findings, len(files))
    clock.lap("report written")
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    total_wall = sum(wall for _, wall, _ in clock.rows)
    total_cpu = sum(cpu for _, _, cpu in clock.rows)
    for name, wall, cpu in clock.rows:
        print(f"{wall:7.2f} s wall {cpu:7.2f} s CPU  {name}")
    print(f"{total_wall:7.2f} s wall {total_cpu:7.2f} s CPU  in all (interpreter start not included)")
    print(f"{'':21}{child.ru_utime + child.ru_stime:7.2f} s CPU  second process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
