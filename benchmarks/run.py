"""The benchmark suite: `kehoach check` against check-jsonschema (schema only)
on synthetic repositories, the one-file check as pre-commit runs it, and the
site build. Writes the results, with the machine's description, to
docs/tham-khao/hieu-nang.md.

Usage: .venv/bin/python benchmarks/run.py [--sizes 1000,10000,100000] [--site-sizes 1000,10000]
Each measurement runs in a fresh process; wall time and peak memory (RSS)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "tham-khao" / "hieu-nang.md"

# A child process measures itself: wall time of main() and its own peak RSS.
# Arguments come on standard input: 100,000 file names do not fit a command line.
_CHILD = """
import json, resource, sys, time
module, args = json.loads(sys.stdin.read())
sys.argv = [module, *args]
start = time.perf_counter()
try:
    main = __import__(module, fromlist=["main"]).main
    main(args)
except SystemExit:
    pass
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def run_child(module: str, args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps([module, args]),
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    seconds, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss_kb) / 1024


def check_rows(size: int, work: Path) -> list[str]:
    from kehoach.synth import synthesise

    repo = work / f"kho-{size}"
    synthesise(repo, size, seed=1)
    cache = {"KEHOACH_CACHE_DIR": str(work / "cache")}
    cold = run_child("kehoach.cli", ["--root", str(repo), "check", "--no-cache"], cache)
    run_child("kehoach.cli", ["--root", str(repo), "check"], cache)  # fills the cache
    warm = run_child("kehoach.cli", ["--root", str(repo), "check"], cache)
    one = next((repo / "records" / "plans").rglob("*-nv01.yaml"))
    single = run_child("kehoach.cli", ["--root", str(repo), "check", str(one)], cache)
    schema_time = 0.0
    schema_rss = 0.0
    for kind, pattern in (("unit", "units/*.yaml"), ("directive", "directives/*.yaml"),
                          ("plan", "plans/*/*.yaml"), ("task", "plans/*/tasks/*.yaml")):  # fmt: skip
        files = [str(p) for p in (repo / "records").glob(pattern)]
        seconds, rss = run_child(
            "check_jsonschema", ["--schemafile", str(ROOT / "schema" / f"{kind}.schema.json"), *files]
        )
        schema_time += seconds
        schema_rss = max(schema_rss, rss)
    return [
        f"| {size:,} | {cold[0]:.1f} s / {cold[1]:.0f} MB | {warm[0]:.1f} s / {warm[1]:.0f} MB "
        f"| {schema_time:.1f} s / {schema_rss:.0f} MB | {schema_time / cold[0]:.1f}× | {single[0]:.2f} s |"
    ]


def site_rows(size: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from site_build import measure

    row = measure(size)
    return [f"| {size:,} | {row['seconds']:.1f} s | {int(row['pages']):,} | {row['index_bytes'] / 1e6:.2f} MB |"]


def machine() -> str:
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            memory = f", {int(info.readline().split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    return f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} lõi{memory}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--site-sizes", default="1000,10000")
    args = parser.parse_args()
    lines = [
        "# Hiệu năng",
        "",
        f"Đo ngày {dt.date.today():%d/%m/%Y} bằng `benchmarks/run.py` trên: {machine()}.",
        "Kho bản ghi giả lập sinh bằng `kehoach synth` (đơn vị, văn bản có quan hệ thay thế, kế hoạch, nhiệm vụ).",
        "",
        "## Kiểm tra bản ghi",
        "",
        "Lần đầu: đọc mọi tệp (`--no-cache`). Lần sau: bộ nhớ đệm theo nội dung tệp. check-jsonschema chỉ kiểm",
        "lược đồ, không đối chiếu tham chiếu; cột cuối là một tệp trong kho, như pre-commit gọi.",
        "",
        "| Bản ghi | kehoach check (lần đầu) | kehoach check (lần sau) | check-jsonschema | Nhanh hơn | Một tệp |",
        "|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s):
            started = time.perf_counter()
            lines += check_rows(size, Path(tmp))
            print(f"check {size}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    write(lines)  # the site build below copies docs/, which must hold this page already
    lines += ["", "## Dựng trang web", "", "| Bản ghi | Thời gian | Số trang | Chỉ mục tìm kiếm |", "|---|---|---|---|"]
    for size in (int(s) for s in args.site_sizes.split(",") if s):
        lines += site_rows(size)
    write(lines)
    print(PAGE.read_text(encoding="utf-8"))


def write(lines: list[str]) -> None:
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    PAGE.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
