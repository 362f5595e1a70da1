"""Speed of `kehoach import` on long documents: a plan of about 100 printed pages, and a
4 MB text, as text and as Word (.docx, one paragraph per printed line and real paragraphs).

The documents are generated: the header of a real plan, then sections numbered I, II, ...
holding numbered points, bullets and "Chủ trì / Phối hợp / Thời gian thực hiện" blocks,
each point different (a counter in its text, its own time frame), printed wrapped at about
90 characters with a blank line between lines, as text exported from Word is. A printed A4
page of a plan holds about 3,000 characters.

Every import runs in a fresh process (`kehoach import --dry-run`, which also checks the
drafts in a scratch copy of the repository) and the whole process is timed; the shortest
of --repeat runs is kept. Target: a 100-page document in under 10 s.

Usage: .venv/bin/python benchmarks/import_speed.py [--repeat 2] [--pages 100] [--megabytes 4]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_CHARS = 3000
WIDTH = 90
HEADER = """TỈNH ỦY BÌNH THUẬN               ĐẢNG CỘNG SẢN VIỆT NAM

       BAN DÂN VẬN
           *               Bình Thuận, ngày 29 tháng 3 năm 2022

   Số 54 -KH/BDVTU

KẾ HOẠCH

thực hiện công tác dân vận năm 2022
-----

Thực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy về phát động phong
trào thi đua “Dân vận khéo”, giai đoạn 2021 – 2025; Ban Dân vận Tỉnh ủy ban hành Kế hoạch thực
hiện với các nội dung cụ thể, như sau:

I- Mục đích, yêu cầu

1- Tiếp tục quán triệt, nâng cao nhận thức của cán bộ, đảng viên, công chức về quan điểm của Đảng.
"""
ROMAN = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
LEADS = ["Phòng Đoàn thể và các hội", "Phòng Dân vận các cơ quan nhà nước", "Lãnh đạo Ban", "Văn phòng Ban"]
MONTHS = ["Quý I/2022", "Tháng 5/2022", "Quý III/2022", "Thường xuyên", "Trước ngày 30/11/2022"]


def _point(n: int) -> list[str]:
    lead = LEADS[n % len(LEADS)]
    text = (
        f"Tổ chức hội nghị quán triệt, triển khai nội dung số {n} về công tác dân vận của hệ thống chính "
        f"trị, gắn với phong trào thi đua “Dân vận khéo” và việc thực hiện Chỉ thị số 44-CT/TU, ngày "
        f"23/12/2013 của Ban Thường vụ Tỉnh ủy tại {n % 97 + 1} xã, phường, thị trấn trên địa bàn tỉnh."
    )
    return [
        f"- {text}",
        f"- Cơ quan chủ trì: {lead}.",
        "- Cơ quan phối hợp: Văn phòng Ban.",
        f"- Thời gian thực hiện: {MONTHS[n % len(MONTHS)]}.",
    ]


def plan_text(chars: int) -> str:
    """A plan of about ``chars`` characters, printed as exported text."""
    paragraphs = HEADER.split("\n")
    size = len(HEADER)
    n = 0
    for roman in ROMAN * 1000:
        if size >= chars:
            break
        paragraphs.append(f"{roman}- Nhiệm vụ trọng tâm, phần {roman}")
        for section in range(1, 31):
            if size >= chars:
                break
            paragraphs.append(f"{section}- Công tác tuyên truyền, nhóm việc {section}")
            for _ in range(3):
                n += 1
                for para in _point(n):
                    paragraphs.append(para)
                    size += len(para)
    paragraphs += [
        "Trên đây là Kế hoạch thực hiện năm 2022./.",
        "",
        "Nơi nhận:",
        "- Lưu VP.",
        "",
        "TRƯỞNG BAN",
        "",
        "Nguyễn Văn A",
    ]
    lines: list[str] = []
    for para in paragraphs:
        wrapped = textwrap.wrap(para, WIDTH) or [""]
        for line in wrapped:
            lines += [line, ""]
    return "\n".join(lines) + "\n"


def write_docx(text: str, path: Path, one_line_each: bool) -> None:
    from docx import Document

    document = Document()
    if one_line_each:
        for line in text.splitlines():
            if line.strip():
                document.add_paragraph(line)
    else:
        for block in text.split("\n\n"):
            if block.strip():
                document.add_paragraph(" ".join(block.split()))
    document.save(str(path))


def timed(source: Path, repo: Path, repeat: int) -> tuple[float, int]:
    best = float("inf")
    code = -1
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(repo / ".cache")}
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "kehoach", "--root", str(repo), "import", str(source), "--dry-run"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        best = min(best, time.perf_counter() - start)
        code = done.returncode
        if code not in (0, 1):
            raise SystemExit(f"import of {source.name} failed ({code}): {done.stderr[-2000:]}")
    # the task files it would create, each listed once (a task's path is named again beside each of its doubts)
    tasks = sum(1 for line in done.stdout.splitlines() if "/tasks/" in line and line.rstrip().endswith("(mới)"))
    return best, tasks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--megabytes", type=float, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kh-import-speed-") as scratch:
        work = Path(scratch)
        repo = work / "kho"
        (repo / "records").mkdir(parents=True)
        shutil.copytree(ROOT / "records" / "units", repo / "records" / "units")
        cases = [
            (f"{args.pages} trang", args.pages * PAGE_CHARS),
            (f"{args.megabytes:g} MB", int(args.megabytes * 2**20)),
        ]
        load = ", ".join(f"{x:.2f}".replace(".", ",") for x in os.getloadavg())
        print(f"Tải máy (trung bình 1, 5, 15 phút) lúc bắt đầu: {load}; {os.cpu_count()} lõi.")
        print()
        print("| Văn bản | Dạng | Kích thước | Nhiệm vụ | Thời gian |")
        print("|---|---|---|---|---|")
        for name, chars in cases:
            text = plan_text(chars)
            txt = work / "ke-hoach.txt"
            txt.write_text(text, encoding="utf-8")
            files = [("văn bản .txt", txt)]
            for label, one in (("Word, mỗi dòng một đoạn", True), ("Word, đoạn thật", False)):
                path = work / f"ke-hoach-{int(one)}.docx"
                write_docx(text, path, one)
                files.append((label, path))
            for label, path in files:
                seconds, tasks = timed(path, repo, args.repeat)
                size = path.stat().st_size
                print(f"| {name} | {label} | {size / 1024:,.0f} KB | {tasks} | {seconds:.2f} s |", flush=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tools"))
    sys.exit(main())
