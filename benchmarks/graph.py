"""Benchmark: `kehoach check` on relation graphs built to be hard for naive
cycle and chain checks: a unit parent chain thousands of levels deep, and
directives that each supersede the next two or more (every path through them
would be exponentially many).

Usage: .venv/bin/python benchmarks/graph.py [--depth 10000] [--directives 1000] [--fan 3] [--timeout 120]

Each repository is checked in a fresh process; the whole process is timed
(interpreter start included) and the shortest of --repeat runs kept. The
record cache lives in a temporary folder. A run that exceeds --timeout is
reported as such."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-01-01"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def unit_chain(root: Path, depth: int, *, loop: bool = False) -> None:
    """Units u00000 -> u00001 -> ... each the child of the next (the order in which a walk
    up the chain meets ever larger ids); with ``loop`` the last one's parent is the first,
    closing one cycle through all of them."""
    for n in range(depth):
        parent = f"u{n + 1:05d}" if n + 1 < depth else ("u00000" if loop else None)
        lines = [f"id: u{n:05d}", f"name: Đơn vị cấp {n}", "kind: department", "province: Tỉnh A"]
        if parent:
            lines.append(f"parent: {parent}")
        _write(root / "records" / "units" / f"u{n:05d}.yaml", "\n".join(lines) + "\n")


def superseding_directives(root: Path, count: int, fan: int, *, loop: bool = False) -> None:
    """Directives d0000 .. d<count-1>, each superseding the next ``fan`` ones (older, so the
    dates agree); all but the newest are superseded. With ``loop`` the oldest supersedes
    the newest, closing cycles through all of them."""
    _write(
        root / "records" / "units" / "tw-bo-chinh-tri.yaml",
        "id: tw-bo-chinh-tri\nname: Bộ Chính trị\ncodes: [TW]\nkind: party-leadership\n",
    )
    newest = dt.date(2025, 12, 31)
    for n in range(count):
        replaced = [f"d{m:04d}" for m in range(n + 1, min(n + 1 + fan, count))]
        if loop and n == count - 1:
            replaced = ["d0000"]
        lines = [
            f"id: d{n:04d}",
            f"number: {n + 1}-NQ/TW",
            "type: nghi-quyet",
            "issuer: tw-bo-chinh-tri",
            f"date: {(newest - dt.timedelta(days=n)).isoformat()}",
            f"title: về vấn đề số {n + 1}",
            f"status: {'superseded' if n or loop else 'in-force'}",
        ]
        if replaced:
            lines.append(f"supersedes: [{', '.join(replaced)}]")
        _write(root / "records" / "directives" / f"d{n:04d}.yaml", "\n".join(lines) + "\n")


def _check(root: Path, timeout: float, extra: tuple[str, ...] = ()) -> tuple[float | None, int, str]:
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(root / ".cache"), "KEHOACH_TODAY": TODAY}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kehoach", "--root", str(root), "check", *extra],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, -1, ""
    return time.perf_counter() - start, done.returncode, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depth", type=int, default=10_000)
    parser.add_argument("--directives", type=int, default=1_000)
    parser.add_argument("--fan", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument(
        "--no-cache", action="store_true", help="time the check alone, without writing the record cache and its state"
    )
    args = parser.parse_args()
    cases = [
        (f"unit parent chain, {args.depth} deep", lambda r: unit_chain(r, args.depth)),
        (f"unit parent cycle, {args.depth} long", lambda r: unit_chain(r, args.depth, loop=True)),
        (
            f"{args.directives} directives each superseding the next {args.fan}",
            lambda r: superseding_directives(r, args.directives, args.fan),
        ),
        (
            f"{args.directives} directives each superseding the next {args.fan}, oldest superseding newest",
            lambda r: superseding_directives(r, args.directives, args.fan, loop=True),
        ),
    ]
    for name, build in cases:
        with tempfile.TemporaryDirectory(prefix="kehoach-graph-") as folder:
            root = Path(folder)
            build(root)
            runs = [_check(root, args.timeout, ("--no-cache",) if args.no_cache else ()) for _ in range(args.repeat)]
            times = [t for t, _, _ in runs if t is not None]
            codes = {line.split()[1] for line in runs[-1][2].splitlines() if " KH" in line and ": KH" in line}
            shown = f"{min(times):.2f} s" if times else f"> {args.timeout:.0f} s (stopped)"
            print(f"{name}: {shown}; exit {runs[-1][1]}; rule codes {sorted(codes) or '-'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
