"""Benchmark: build the site for synthetic repositories of several sizes and
report build time, page count and search index size.

Usage: .venv/bin/python benchmarks/site_build.py [N ...]   (default: 1000 10000)"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from kehoach.synth import synthesise

ROOT = Path(__file__).resolve().parent.parent


def measure(records: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "kho"
        synthesise(repo, records, seed=1)
        shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", repo / "docs")
        shutil.copytree(ROOT / "tools", repo / "tools", ignore=shutil.ignore_patterns("__pycache__"))
        os.environ["KEHOACH_TODAY"] = "2026-01-01"
        start = time.perf_counter()
        build(load_config(str(repo / "mkdocs.yml"), site_dir=str(repo / "site")))
        seconds = time.perf_counter() - start
        pages = sum(1 for _ in (repo / "site").rglob("*.html"))
        index = (repo / "site/assets/search-index.js").stat().st_size
        return {"records": records, "seconds": seconds, "pages": pages, "index_bytes": index}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1000, 10000]
    print(f"{'bản ghi':>8} {'giây':>8} {'trang':>7} {'chỉ mục tìm kiếm':>18}")
    for size in sizes:
        row = measure(size)
        print(f"{row['records']:>8} {row['seconds']:>8.1f} {row['pages']:>7} {row['index_bytes'] / 1e6:>15.2f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
