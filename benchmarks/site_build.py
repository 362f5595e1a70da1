"""Benchmark: build the site for synthetic repositories of several sizes and
report build time (wall clock, and CPU time: user + system, which depends
less on other work on the machine), peak memory, page count, search index
size and the most a first search loads; and, for comparison, build the same
number of plain Markdown pages with MkDocs alone (same theme and settings,
no hook).

The site is built as `make site` does it: `kehoach check` first (which fills
the record cache and keeps the check's state, both read by the build), then
`mkdocs build`, timed alone. The cache lives in a
temporary folder, never in the user's.

With --search-only, only the search index is built (no pages): its size and
what a first search loads, for sizes too large to build the whole site often
(100000 records).

Usage: .venv/bin/python benchmarks/site_build.py [--json] [--plain PAGES] [--search-only] [RECORDS ...]
(default: 1000 10000 40000). Each measurement runs in a fresh process (the parent only collects the figures)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLAIN_CONFIG = """site_name: Trang tĩnh
docs_dir: docs
use_directory_urls: false
validation:
  nav:
    omitted_files: ignore
theme:
  name: material
  language: vi
  font: false
  features:
    - navigation.sections
plugins: []
markdown_extensions:
  - tables
  - admonition
  - toc:
      permalink: true
nav:
  - Trang chủ: index.md
"""


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _build(config_file: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start, cpu = time.perf_counter(), _cpu()
    build(load_config(str(config_file), site_dir=str(config_file.parent / "site")))
    return time.perf_counter() - start, _cpu() - cpu


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_site(records: int) -> dict[str, float]:
    """Synthesise ``records`` records, check them (filling the cache), build the site."""
    from kehoach.check import check_findings
    from kehoach.synth import synthesise

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KEHOACH_CACHE_DIR"] = str(Path(tmp) / "cache")
        os.environ["KEHOACH_TODAY"] = "2026-01-01"
        repo = Path(tmp) / "kho"
        synthesise(repo, records, seed=1)
        shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", repo / "docs")
        shutil.copytree(ROOT / "tools", repo / "tools", ignore=shutil.ignore_patterns("__pycache__"))
        os.sync()  # the new files' write-back to disk must not overlap the measurement
        check_findings(repo, today=dt.date(2026, 1, 1))  # `kehoach check`, as `make site` does before building
        seconds, cpu = _build(repo / "mkdocs.yml")
        pages = sum(1 for _ in (repo / "site").rglob("*.html"))
        index, first = search_sizes(repo / "site/assets/search")
        return {
            "records": records,
            "seconds": seconds,
            "cpu": cpu,
            "pages": pages,
            "index_bytes": index,
            "first_search_bytes": first,
            "peak_mb": _peak_mb(),
        }


def measure_search(records: int) -> dict[str, float]:
    """Synthesise ``records`` records and build the search index only (no pages)."""
    from kehoach.atomic import write_atomic
    from kehoach.check import run_check
    from kehoach.site.search import search_files
    from kehoach.synth import synthesise

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KEHOACH_CACHE_DIR"] = str(Path(tmp) / "cache")
        repo = Path(tmp) / "kho"
        synthesise(repo, records, seed=1)
        checked = run_check(repo, use_cache=True)
        start, cpu = time.perf_counter(), _cpu()
        files = search_files(checked.index, dt.date(2026, 1, 1))
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu
        folder = Path(tmp) / "site"
        for path, script in files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(folder / path, script, durable=False)
        index, first = search_sizes(folder / "assets/search")
        return {"records": records, "seconds": seconds, "cpu": cpu, "index_bytes": index, "first_search_bytes": first}


def search_sizes(folder: Path) -> tuple[int, int]:
    """(whole split index, the most a first search can load): the list of word
    groups, the two largest groups (a two-word query) and the 30 largest result
    chunks (the 30 results shown), with the vocabulary of the 'có phải' suggestion."""
    size = {p: p.stat().st_size for p in folder.rglob("*.js")}
    groups = sorted((n for p, n in size.items() if p.parent.name == "s"), reverse=True)
    chunks = sorted((n for p, n in size.items() if p.parent.name == "d"), reverse=True)
    first = size[folder / "index.js"] + sum(groups[:2]) + sum(chunks[:30]) + size.get(folder / "v.js", 0)
    return sum(size.values()), first


def measure_plain(pages: int) -> dict[str, float]:
    """Build ``pages`` short static Markdown pages with MkDocs alone, reached from one index page."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        docs = site / "docs"
        (docs / "trang").mkdir(parents=True)
        links = []
        for number in range(1, pages):
            name = f"trang/trang-{number:05d}.md"
            (docs / name).write_text(
                f"# Trang {number}\n\nNội dung tĩnh của trang số {number}: kế hoạch, nhiệm vụ, văn bản.\n\n"
                f"| Cột | Giá trị |\n|---|---|\n| Số | {number} |\n",
                encoding="utf-8",
            )
            links.append(f"- [Trang {number}]({name})")
        (docs / "index.md").write_text("# Trang chủ\n\n" + "\n".join(links) + "\n", encoding="utf-8")
        (site / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
        seconds, cpu = _build(site / "mkdocs.yml")
        built = sum(1 for _ in (site / "site").rglob("*.html"))
        return {"pages": built, "seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb()}


def run_measure(*args: str) -> dict[str, float]:
    """One measurement in a fresh process (this script with --json)."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--json", *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="measure in this process, print one JSON line")
    parser.add_argument("--plain", type=int, metavar="PAGES", help="build this many plain pages instead")
    parser.add_argument("--search-only", action="store_true", help="build the search index only (no pages)")
    parser.add_argument("records", nargs="*", type=int)
    args = parser.parse_args(argv)
    if args.json:
        if args.plain:
            row = measure_plain(args.plain)
        elif args.search_only:
            row = measure_search(args.records[0])
        else:
            row = measure_site(args.records[0])
        print(json.dumps(row))
        return
    if args.search_only:
        print(f"{'bản ghi':>8} {'giây':>8} {'CPU':>8} {'chỉ mục tìm kiếm':>18} {'tìm lần đầu':>12}")
        for size in args.records or [100000]:
            row = run_measure("--search-only", str(size))
            print(
                f"{size:>8} {row['seconds']:>8.1f} {row['cpu']:>8.1f} {row['index_bytes'] / 1e6:>15.2f} MB"
                f" {row['first_search_bytes'] / 1e6:>9.2f} MB"
            )
        return
    print(
        f"{'bản ghi':>8} {'giây':>8} {'CPU':>8} {'trang':>7} {'chỉ mục tìm kiếm':>18} {'tìm lần đầu':>12}"
        f" {'MkDocs thuần':>14}"
    )
    for size in args.records or [1000, 10000, 40000]:
        row = run_measure(str(size))
        plain = run_measure("--plain", str(int(row["pages"])))
        print(
            f"{size:>8} {row['seconds']:>8.1f} {row['cpu']:>8.1f} {int(row['pages']):>7}"
            f" {row['index_bytes'] / 1e6:>15.2f} MB {row['first_search_bytes'] / 1e6:>9.2f} MB"
            f" {plain['seconds']:>12.1f} s"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
