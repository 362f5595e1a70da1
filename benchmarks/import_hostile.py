"""Time `kehoach import` on hostile text shapes: the work a long, strange file costs should
grow with its size, never with its square. Each shape is one piece of text repeated (letters
with no space, commas, digits, dots, slashes, 'ngày', 'Số', a heading, brackets, ...), laid out
three ways: one line with no header, one line after a real header, and many short lines after
that header (lines of 40 pieces that never end a sentence). Every import runs in a fresh process
(`kehoach import --dry-run`) and its CPU time is read from the child's resource usage, so a loaded
machine changes the figures little.

Usage: .venv/bin/python benchmarks/import_hostile.py [--kilobytes 200] [--timeout 120]

The table lists every case slowest first; a case that runs out of time shows '> timeout'. A
shape that takes much longer per kilobyte than plain prose is a pattern to look at.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = """TỈNH ỦY BÌNH THUẬN               ĐẢNG CỘNG SẢN VIỆT NAM
       BAN DÂN VẬN
           *               Bình Thuận, ngày 29 tháng 3 năm 2022
   Số 54 -KH/BDVTU

KẾ HOẠCH
tuyên truyền năm 2022
"""
PIECES = {
    "chữ liền": "a",
    "chữ và cách": "a ",
    "dấu phẩy": ", ",
    "chữ số": "1",
    "dấu chấm": ".",
    "gạch chéo": "1/",
    "gạch dưới": "_",
    "dấu bằng": "=",
    "gạch đầu dòng": "- ",
    "ngoặc mở": "(",
    "cột bảng": "| ",
    "tab": "a\t",
    "cách không ngắt": "a\u00a0",
    "ngày": "ngày ",
    "Số": "Số ",
    "đề mục La Mã": "I. ",
    "nhãn": "Chủ trì: ",
    "chữ hoa": "KẾ HOẠCH ",
    "đậm": "**",
    "ngoặc kép": '"a" ',
    "văn xuôi": "Tổ chức quán triệt nghị quyết cho cán bộ, đảng viên ",
    # a table copied from a PDF one cell per line: its header alone, again and again; a header and a row
    "đầu bảng mỗi ô một dòng": "STT\nNội dung\nCơ quan\nchủ trì\nThời gian\n",
    "bảng mỗi ô một dòng": "STT\nNội dung\nThời gian\nChủ trì\nXây dựng kế hoạch số\n05\nQuý I/2026\nSở Nội vụ\n",
}
LAYOUTS = ("một dòng, không phần đầu", "một dòng sau phần đầu", "nhiều dòng ngắn sau phần đầu")


def text_of(piece: str, layout: str, size: int) -> str:
    if layout == LAYOUTS[0]:
        return piece * (size // len(piece)) + "\n"
    if layout == LAYOUTS[1]:
        return HEADER + "\n1. " + piece * (size // len(piece)) + "\n"
    line = piece * max(1, 40 // len(piece) if len(piece) > 1 else 40)
    return HEADER + "\n" + (line + "\n") * (size // (len(line) + 1))


def cpu_of(path: Path, repo: Path, timeout: float) -> float | None:
    """CPU seconds of one `kehoach import --dry-run` in a fresh process; None past ``timeout``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "kehoach", "--root", str(repo), "import", "--dry-run", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tools")}
    try:
        subprocess.run(command, env=env, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kilobytes", type=int, default=200, help="size of each case (default 200)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a case counts as too slow")
    args = parser.parse_args(argv)
    size = args.kilobytes * 1000
    rows: list[tuple[float, str, str, str]] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kehoach-hostile-") as tmp:
        repo = Path(tmp) / "kho"
        (repo / "records").mkdir(parents=True)
        for name, piece in PIECES.items():
            for layout in LAYOUTS:
                path = Path(tmp) / "van-ban.txt"
                path.write_text(text_of(piece, layout, size), encoding="utf-8")
                cpu = cpu_of(path, repo, args.timeout)
                shown = f"> {args.timeout:.0f}" if cpu is None else f"{cpu:.2f}"
                rows.append((float("inf") if cpu is None else cpu, name, layout, shown))
    rows.sort(reverse=True)
    print(f"Nhập {len(rows)} văn bản dạng bất thường, mỗi văn bản {args.kilobytes} KB (CPU, giây; chậm nhất trước):\n")
    print("| mẫu | bố cục | CPU (s) |")
    print("|---|---|---|")
    for _, name, layout, shown in rows:
        print(f"| {name} | {layout} | {shown} |")
    median = rows[len(rows) // 2][3]
    print(f"\nChậm nhất {rows[0][3]} s; trung vị {median} s; cả lượt {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
