"""Cost of the report records: `kehoach check` on a synthetic repository with
reports (this checkout) against the same size without them, checked by another
checkout (the one before reports existed, given with --baseline); and the time
to write the report .docx for one unit and one year.

Usage: .venv/bin/python benchmarks/results.py [--records 10000] [--repeat 3]
                                              [--baseline /path/to/other/checkout/.venv/bin/python]

Every measurement is a fresh process timed from start to exit, repeated, the
shortest kept (other work on the machine only makes a run longer)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-01-01"


def best(command: list[str], repeat: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return min(times)


def kehoach(python: str, *args: str) -> list[str]:
    return [python, "-m", "kehoach", *args]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", help="python of a checkout to compare with (its own synth, its own check)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kehoach-results-"))
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(work / "cache")}
    try:
        here = work / "with-reports"
        subprocess.run(kehoach(sys.executable, "synth", "--records", str(args.records), "--out", str(here)), check=True)
        reports = len(list((here / "records" / "reports").glob("*.yaml")))
        check = ["check", "--no-cache", "--today", TODAY]
        after = best(kehoach(sys.executable, "--root", str(here), *check), args.repeat, env)
        print(f"check, {args.records} bản ghi ({reports} báo cáo), mã này: {after:.2f} s")
        if args.baseline:
            there = work / "baseline"
            subprocess.run(
                kehoach(args.baseline, "synth", "--records", str(args.records), "--out", str(there)), check=True
            )
            before = best(kehoach(args.baseline, "--root", str(there), *check), args.repeat, env)
            print(
                f"check, {args.records} bản ghi, mã so sánh: {before:.2f} s; chênh {100 * (after / before - 1):+.1f}%"
            )
        unit = sorted(p.stem for p in (here / "records" / "units").glob("*-ban-dan-van.yaml") if "tw-" not in p.stem)[0]
        subprocess.run(kehoach(sys.executable, "--root", str(here), "check", "--today", TODAY), env=env, check=False)
        document = ["report", "--format", "docx", "--unit", unit, "--year", "2022", "--today", TODAY]
        docx = best(
            kehoach(sys.executable, "--root", str(here), *document, "--out", str(work / "bc.docx")), args.repeat, env
        )
        print(f"report .docx, {unit}, năm 2022: {docx:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
