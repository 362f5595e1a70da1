"""Cost of the report records: `kehoach check` on a synthetic repository with
reports (this checkout), on the same repository without its reports (the
reports' own cost, same code), and on a repository of the same size checked by
another checkout (the one before reports existed, given with --baseline: this
also counts every other change since); and the time to write the report .docx
for one unit and one year.

Usage: .venv/bin/python benchmarks/results.py [--records 10000] [--repeat 3]
                                              [--baseline /path/to/other/checkout/.venv/bin/python] [--page]

--page replaces the section "Báo cáo kết quả" of docs/tham-khao/hieu-nang.md with the figures.

Every measurement is a fresh process timed from start to exit, repeated, the
shortest kept (other work on the machine only makes a run longer)."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-01-01"
PAGE = Path(__file__).resolve().parent.parent / "docs" / "tham-khao" / "hieu-nang.md"
HEADING = "## Báo cáo kết quả"


def vn(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def write_section(lines: list[str]) -> None:
    """Put ``lines`` as the page's report section, in place of the previous one."""
    sys.path.insert(0, str(PAGE.parents[2] / "tools"))
    from kehoach.atomic import write_atomic

    text = PAGE.read_text(encoding="utf-8")
    start = text.find(HEADING)
    if start < 0:
        before, after = text.rstrip("\n") + "\n\n", ""
    else:
        end = text.find("\n#", start + len(HEADING))  # the section has no headings of its own
        before, after = text[:start], (text[end + 1 :] if end >= 0 else "")
    write_atomic(PAGE, before + "\n".join(lines) + "\n" + ("\n" + after if after else ""))


def best(command: list[str], repeat: int, env: dict[str, str]) -> float:
    """Shortest wall time of ``repeat`` runs; the CPU time of that run is kept in CPU[-1]."""
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, env=env)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        times.append((wall, cpu))
    wall, cpu = min(times)
    CPU.append(min(c for _, c in times))
    return wall


CPU: list[float] = []  # the least CPU time (user + system) of each measurement, in order


def kehoach(python: str, *args: str) -> list[str]:
    return [python, "-m", "kehoach", *args]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", help="python of a checkout to compare with (its own synth, its own check)")
    parser.add_argument("--page", action="store_true", help="write the figures into docs/tham-khao/hieu-nang.md")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kehoach-results-"))
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(work / "cache")}
    try:
        here = work / "with-reports"
        subprocess.run(kehoach(sys.executable, "synth", "--records", str(args.records), "--out", str(here)), check=True)
        reports = len(list((here / "records" / "reports").glob("*.yaml")))
        check = ["check", "--no-cache", "--today", TODAY]
        after = best(kehoach(sys.executable, "--root", str(here), *check), args.repeat, env)
        print(f"check, {args.records} bản ghi ({reports} báo cáo), mã này: {after:.2f} s (CPU {CPU[-1]:.2f} s)")
        cpu_after = CPU[-1]
        # The reports' own cost: the same repository, the same code, without records/reports/.
        bare = work / "without-reports"
        shutil.copytree(here, bare)
        shutil.rmtree(bare / "records" / "reports")
        alone = best(kehoach(sys.executable, "--root", str(bare), *check), args.repeat, env)
        cpu_alone = CPU[-1]
        print(
            f"check, cùng kho bỏ {reports} báo cáo, mã này: {alone:.2f} s (CPU {cpu_alone:.2f} s); "
            f"báo cáo thêm {100 * (after / alone - 1):+.1f}% (CPU {100 * (cpu_after / cpu_alone - 1):+.1f}%)"
        )
        if args.baseline:
            there = work / "baseline"
            subprocess.run(
                kehoach(args.baseline, "synth", "--records", str(args.records), "--out", str(there)), check=True
            )
            before = best(kehoach(args.baseline, "--root", str(there), *check), args.repeat, env)
            change, cpu_change = 100 * (after / before - 1), 100 * (cpu_after / CPU[-1] - 1)
            print(
                f"check, {args.records} bản ghi, mã so sánh: {before:.2f} s (CPU {CPU[-1]:.2f} s); "
                f"chênh {change:+.1f}% (CPU {cpu_change:+.1f}%)"
            )
        unit = sorted(p.stem for p in (here / "records" / "units").glob("*-ban-dan-van.yaml") if "tw-" not in p.stem)[0]
        warm = kehoach(sys.executable, "--root", str(here), "check", "--today", TODAY)
        subprocess.run(warm, env=env, check=False, capture_output=True)
        document = ["report", "--format", "docx", "--unit", unit, "--year", "2022", "--today", TODAY]
        docx = best(
            kehoach(sys.executable, "--root", str(here), *document, "--out", str(work / "bc.docx")), args.repeat, env
        )
        print(f"report .docx, {unit}, năm 2022: {docx:.2f} s (CPU {CPU[-1]:.2f} s)")
        if args.page:
            load = ", ".join(vn(x) for x in os.getloadavg())
            rows = [
                f"| `check --no-cache`, có {reports} báo cáo | {vn(after)} s | {vn(cpu_after)} s |",
                f"| `check --no-cache`, cùng kho bỏ các báo cáo | {vn(alone)} s | {vn(cpu_alone)} s |",
            ]
            if args.baseline:
                rows.append(f"| `check --no-cache`, mã trước khi có báo cáo | {vn(before)} s | {vn(CPU[-2])} s |")
            rows.append(f"| `report --format docx`, một đơn vị, năm 2022 | {vn(docx)} s | {vn(CPU[-1])} s |")
            size = f"{args.records:,}".replace(",", ".")
            lines = [
                HEADING,
                "",
                f"`benchmarks/results.py`, kho giả lập {size} bản ghi (`kehoach synth`, có báo cáo tổng kết trên "
                f"một phần ba số kế hoạch); tải máy lúc xong: {load}. Lấy lần nhanh nhất trong {args.repeat} lần; "
                "thời gian CPU (người dùng + hệ thống, cả tiến trình đọc song song) ít phụ thuộc tải máy hơn. "
                "Dòng “cùng kho bỏ các báo cáo” cho phần tốn của chính các báo cáo (cùng mã, cùng kho); dòng "
                "“mã trước khi có báo cáo” so với bản mã trước khi có loại bản ghi báo cáo, gồm cả mọi thay đổi "
                "khác từ đó.",
                "",
            ]
            if os.getloadavg()[0] > (os.cpu_count() or 1):
                lines += [
                    "Máy bận hơn số lõi của nó khi đo: thời gian tuyệt đối dài hơn nhiều so với máy rảnh (xem bảng",
                    "kiểm tra ở trên); so sánh các dòng với nhau, và cột CPU.",
                    "",
                ]
            write_section([*lines, "| Lệnh | Thời gian | CPU |", "|---|---|---|", *rows])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
