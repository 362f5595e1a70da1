"""The benchmark suite: `kehoach check` against check-jsonschema (schema only,
up to 10,000 records) and strictdoc (benchmarks/compare.py) on synthetic
repositories, the one-file check as pre-commit runs it, and the site build
against plain MkDocs. Writes the results, with the machine's description and
load, to docs/tham-khao/hieu-nang.md.

Usage: .venv/bin/python benchmarks/run.py [--sizes 1000,10000,100000] [--site-sizes 1000,10000,40000] [--repeat 3]
    [--strictdoc-size 11000]
(--site-sizes "" measures the checks only and keeps the page's site figures;
--strictdoc-size 0 leaves strictdoc out.)

Every measurement runs in a fresh process and times the whole process, from
start to exit (what a user waits for, interpreter start included); each
kehoach measurement is repeated and the shortest run kept, as other work on the
machine only ever makes a run longer. Memory is the peak of what the process
and its children hold together (sampled proportional set sizes, ``TreeMemory``),
and the peak of the process alone; CPU time is user + system time of all of
them, less dependent on the machine's load."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "tham-khao" / "hieu-nang.md"
TODAY = "2026-01-01"  # fixed, so that the findings (overdue tasks) are the same every run
SCHEMA_FILES = (("unit", "units/*.yaml"), ("directive", "directives/*.yaml"),
                ("plan", "plans/*/*.yaml"), ("task", "plans/*/tasks/*.yaml"))  # fmt: skip
SCHEMA_MAX = 10_000  # check-jsonschema beyond this would take most of the run (10 minutes at 100k)

# The measured process reports its own peak memory and its children's on exit.
# (kehoach ends some commands with os._exit, skipping the freeing of what it read:
# the report is then made just before.)
_CHILD = """
import json, os, resource, runpy, sys
module, args = json.loads(sys.stdin.read())
sys.argv = [module, *args]
def measured():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print("MEASURED", own, children, file=sys.stderr, flush=True)
ending, parent = os._exit, os.getpid()
def measured_exit(code):
    if os.getpid() == parent:  # not a forked helper process ending
        measured()
    ending(code)
os._exit = measured_exit
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
except SystemExit:
    pass
measured()
"""


@dataclass
class Run:
    seconds: float
    memory_mb: float  # peak of the process
    helper_mb: float  # peak of the largest of its child processes (0: none)
    cpu: float = 0.0  # user + system seconds of the process and its children
    total_mb: float = 0.0  # peak of the memory of the process and its children together (TreeMemory)


class TreeMemory(threading.Thread):
    """The peak of the memory a process and all its descendants hold together, sampled five times
    a second (reading a process's sizes walks its page tables and holds off its own changes of
    its memory map: sampled every 10 ms, a check of 100,000 records took 4.5 s longer): the sum
    of each one's proportional set size (a page that n processes share counts 1/n in each, so
    what a forked child shares with its parent counts once).
    The peaks of single processes (``ru_maxrss``) cannot be added up: a child's includes what
    it shares, and two children's peaks need not come at the same time."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb = pid, every, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.every):
            self.peak_kb = max(self.peak_kb, sum(map(_pss_kb, _tree(self.pid))))

    def stop(self) -> float:
        self.done.set()
        self.join()
        return self.peak_kb / 1024


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants now (the kernel's list of each thread's children)."""
    found, todo = [], [pid]
    while todo:
        at = todo.pop()
        found.append(at)
        try:
            for task in os.listdir(f"/proc/{at}/task"):
                with open(f"/proc/{at}/task/{task}/children") as children:
                    todo.extend(int(child) for child in children.read().split())
        except OSError:  # ended meanwhile
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):  # ended meanwhile
        pass
    return 0


def run_once(module: str, args: list[str], env: dict[str, str]) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As installed for a user: Python keeps the compiled modules (this variable, set in
        # some development shells, would compile every module again on every run).
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, **env},
    )
    sampler = TreeMemory(process.pid)
    sampler.start()
    _, stderr = process.communicate(json.dumps([module, args]))
    seconds = time.perf_counter() - start
    total = sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    line = next((x for x in reversed(stderr.splitlines()) if x.startswith("MEASURED")), None)
    if line is None:
        raise RuntimeError(f"{module} {args[:4]} failed:\n{stderr[-2000:]}")
    own, children = (int(x) / 1024 for x in line.split()[1:])
    return Run(seconds, own, children, cpu, max(total, own))


def best(module: str, args: list[str], env: dict[str, str], repeat: int, before: object = None) -> Run:
    """The shortest of ``repeat`` runs (``before``, if given, is called before each)."""
    runs = []
    for _ in range(repeat):
        if callable(before):
            before()
        runs.append(run_once(module, args, env))
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(
        fastest.seconds,
        max(r.memory_mb for r in runs),
        max(r.helper_mb for r in runs),
        fastest.cpu,
        max(r.total_mb for r in runs),
    )


def number(value: float, decimals: int = 0) -> str:
    """A number written the Vietnamese way: 1.000 and 2,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def seconds(value: float) -> str:
    return f"{number(value, 2 if value < 10 else 1)} s"


def memory(run: Run) -> str:
    """The peak of all the processes together (with that of the first alone when others ran)."""
    text = f"{number(max(run.total_mb, run.memory_mb))} MB"
    return text + f" ({number(run.memory_mb)} MB)" if run.helper_mb > 20 else text


def check_row(size: int, work: Path, repeat: int, synthesised: Path | None = None) -> dict[str, object]:
    from kehoach.synth import synthesise

    kept = synthesised / f"kho-{size}" if synthesised else None
    repo = kept if kept and kept.is_dir() else work / f"kho-{size}"
    if repo != kept:
        synthesise(repo, size, seed=1)
    os.sync()  # the new files' write-back to disk must not overlap the measurements
    env = {"KEHOACH_CACHE_DIR": str(work / "cache")}
    check = ["--root", str(repo), "check", "--today", TODAY]
    cli = "kehoach"
    reps = repeat if size <= 10_000 else max(1, repeat - 1)
    cold = best(cli, [*check, "--no-cache"], env, reps)
    run_once(cli, check, env)  # fills the cache and keeps the state of the check

    def forget() -> None:  # the state of the last check gone (another day, another version): read all from the cache
        for state in (work / "cache").rglob("last-check*"):
            state.unlink()

    warm = best(cli, check, env, reps, before=forget)
    run_once(cli, check, env)
    unchanged = best(cli, check, env, reps)
    one = sorted((repo / "records" / "plans").rglob("*-nv01.yaml"))[0]
    single = best(cli, [*check, str(one)], env, reps)
    original = one.read_bytes()
    edits = iter(range(1, 1000))

    def edit() -> None:  # pre-commit after a change: the file differs from what the cache holds
        one.write_bytes(original + f"# sửa lần {next(edits)}\n".encode())

    edited = best(cli, [*check, str(one)], env, reps, before=edit)
    one.write_bytes(original + b"\n  : [\n")  # broken, then edited while still broken
    run_once(cli, check, env)

    def edit_broken() -> None:
        one.write_bytes(original + f"\n  : [ sửa lần {next(edits)}\n".encode())

    broken = best(cli, [*check, str(one)], env, reps, before=edit_broken)
    one.write_bytes(original)
    run_once(cli, check, env)
    # A task added under a new id (checked as pre-commit checks it), then removed
    # again (pre-commit then runs a check of everything: no file is named).
    new = one.with_name(one.name.replace("-nv01", "-nv90"))
    added_text = original.decode().replace("-nv01", "-nv90").replace("order: 1\n", "order: 90\n")

    def add() -> None:
        new.unlink(missing_ok=True)
        run_once(cli, check, env)
        new.write_text(added_text + f"# thêm lần {next(edits)}\n", encoding="utf-8")

    added = best(cli, [*check, str(new)], env, 1, before=add)
    removed = best(cli, check, env, 1, before=lambda: new.unlink())
    schema = Run(0.0, 0.0, 0.0)
    for kind, pattern in () if size > SCHEMA_MAX else SCHEMA_FILES:
        files = [str(p) for p in (repo / "records").glob(pattern)]
        part = run_once("check_jsonschema", ["--schemafile", str(ROOT / "schema" / f"{kind}.schema.json"), *files], {})
        schema = Run(schema.seconds + part.seconds, max(schema.memory_mb, part.memory_mb), 0.0, schema.cpu + part.cpu)
    if repo != kept:
        shutil.rmtree(repo)
    return {
        "size": size,
        "cold": cold,
        "warm": warm,
        "unchanged": unchanged,
        "single": single,
        "edited": edited,
        "broken": broken,
        "added": added,
        "removed": removed,
        "schema": schema,
    }


def site_rows(sizes: list[int], repeat: int) -> list[dict[str, float]]:
    """The shortest of ``repeat`` builds of each size, and of the plain MkDocs builds."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from site_build import run_measure

    rows = []
    for size in sizes:
        row = min((run_measure(str(size)) for _ in range(repeat)), key=lambda r: r["seconds"])
        plain = min(run_measure("--plain", str(int(row["pages"])))["seconds"] for _ in range(repeat))
        rows.append({**row, "plain_seconds": plain})
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    memory_text = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
        with open("/proc/meminfo", encoding="utf-8") as info:
            memory_text = f", {number(int(info.readline().split()[1]) / 1024 / 1024)} GiB RAM"
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} lõi{memory_text}; {platform.platform()}, Python {platform.python_version()}"


def load() -> str:
    try:
        return ", ".join(number(x, 2) for x in os.getloadavg())
    except OSError:
        return "không rõ"


def check_section(rows: list[dict[str, object]]) -> list[str]:
    lines = [
        "## Kiểm tra bản ghi",
        "",
        "Thời gian tính từ lúc chạy lệnh đến lúc lệnh kết thúc (gồm cả khởi động Python, với mã đã biên dịch",
        "của các mô-đun được lưu lại như khi cài đặt bình thường), lấy lần nhanh nhất;",
        "bộ nhớ là mức cao nhất của tổng bộ nhớ lệnh dùng, mọi tiến trình của nó cộng lại (PSS, lấy mẫu 5 lần "
        "mỗi giây: trang nhớ các tiến trình dùng chung chỉ tính một lần); trong ngoặc, khi lệnh chạy thêm tiến trình "
        "phụ: mức cao nhất của riêng tiến trình chính.",
        "",
        "- **Lần đầu**: đọc mọi tệp (`--no-cache`); từ 2.000 tệp trở lên, hai tiến trình cùng đọc.",
        "- **Toàn bộ, từ bộ nhớ đệm**: kiểm tra lại toàn bộ, kết quả đọc từng tệp lấy từ bộ nhớ đệm theo nội dung",
        "  tệp (như khi sang ngày khác hoặc sau khi cập nhật công cụ).",
        "- **Không đổi gì**: không tệp nào đổi từ lần kiểm tra trước: trả lại kết quả đã lưu, không đọc tệp nào.",
        "- **check-jsonschema**: chỉ kiểm lược đồ (`schema/`), không đối chiếu tham chiếu giữa các bản ghi;",
        '  cột "nhanh hơn" so với lần đầu của kehoach; chỉ đo đến 10.000 bản ghi.',
        "- **CPU**: thời gian CPU (người dùng + hệ thống) của lần đầu, cả tiến trình đọc song song: ít phụ thuộc",
        "  tải máy hơn thời gian chờ.",
        "- **Một tệp**: `kehoach check <tệp>` như pre-commit gọi, với tệp không đổi và với tệp vừa sửa",
        "  (đọc lại tệp đó và các bản ghi liên quan, kiểm tra lại các bản ghi có thể đổi kết quả);",
        "  bảng thứ hai: sau các thay đổi khác.",
        "",
        "| Bản ghi | Lần đầu | CPU | Toàn bộ, từ bộ nhớ đệm | Không đổi gì | check-jsonschema | Nhanh hơn "
        "| Một tệp | Một tệp vừa sửa |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cold, warm, unchanged, schema = row["cold"], row["warm"], row["unchanged"], row["schema"]
        single, edited = row["single"], row["edited"]
        assert isinstance(cold, Run) and isinstance(warm, Run) and isinstance(schema, Run)
        assert isinstance(unchanged, Run) and isinstance(single, Run) and isinstance(edited, Run)
        measured = schema.seconds > 0
        lines.append(
            f"| {number(float(row['size']))} | {seconds(cold.seconds)}, {memory(cold)} "  # type: ignore[arg-type]
            f"| {seconds(cold.cpu)} | {seconds(warm.seconds)}, {memory(warm)} "
            f"| {seconds(unchanged.seconds)}, {memory(unchanged)} "
            f"| {f'{seconds(schema.seconds)}, {memory(schema)}' if measured else '—'} "
            f"| {f'{number(schema.seconds / cold.seconds, 1)}×' if measured else '—'} "
            f"| {seconds(single.seconds)} | {seconds(edited.seconds)} |"
        )
    lines += [
        "",
        "Sau một thay đổi (thời gian chờ, trong ngoặc: thời gian CPU): sửa một tệp; sửa một tệp đang lỗi mà vẫn lỗi",
        "(`kehoach check <tệp>`); thêm một nhiệm vụ mới (`kehoach check <tệp mới>`); xoá nhiệm vụ đó",
        "(`kehoach check`, như pre-commit chạy khi lần commit chỉ xoá tệp).",
        "",
        "| Bản ghi | Sửa một tệp | Sửa tệp đang lỗi | Thêm một tệp | Xoá một tệp |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        runs = [run for name in ("edited", "broken", "added", "removed") if isinstance(run := row[name], Run)]
        assert len(runs) == 4
        cells = " | ".join(f"{seconds(run.seconds)} ({seconds(run.cpu)})" for run in runs)
        lines.append(f"| {number(float(row['size']))} | {cells} |")  # type: ignore[arg-type]
    return lines


def strictdoc_section(row: dict[str, object]) -> list[str]:
    ours, theirs = row["kehoach"], row["strictdoc"]
    assert isinstance(ours, compare.Timing) and isinstance(theirs, compare.Timing)
    megabytes = float(row["record_bytes"]) / 1e6  # type: ignore[arg-type]
    sdoc_megabytes = float(row["sdoc_bytes"]) / 1e6  # type: ignore[arg-type]
    return [
        "## So với strictdoc",
        "",
        f"strictdoc {row['version']} (cài từ PyPI vào môi trường riêng của lần đo) đọc và kiểm tra"
        f" {number(float(row['requirements']))} yêu cầu dạng .sdoc ({number(sdoc_megabytes, 1)} MB),",  # type: ignore[arg-type]
        f"chuyển từ {number(float(row['records']))} bản ghi giả lập ({number(megabytes, 1)} MB) cùng nội dung;"  # type: ignore[arg-type]
        " mỗi liên kết của bản ghi (nhiệm vụ",
        "với kế hoạch, văn bản được trích dẫn) thành một quan hệ Parent mà strictdoc đối chiếu. strictdoc chạy",
        "`strictdoc export --formats json` (xuất nhẹ nhất mà vẫn đọc và kiểm tra mọi tài liệu), kehoach chạy",
        "`check --no-cache`; hai lệnh chạy xen kẽ nhau trong cùng lần đo, lấy lần nhanh nhất của mỗi bên.",
        "",
        "| Công cụ | Thời gian | CPU |",
        "|---|---|---|",
        f"| kehoach `check --no-cache` | {seconds(ours.seconds)} | {seconds(ours.cpu)} |",
        f"| strictdoc `export --formats json` | {seconds(theirs.seconds)} | {seconds(theirs.cpu)} |",
        "",
        f"kehoach nhanh hơn {number(theirs.seconds / ours.seconds, 1)} lần theo thời gian chờ,"
        f" {number(theirs.cpu / ours.cpu, 1)} lần theo thời gian CPU.",
    ]


def site_section(rows: list[dict[str, float]]) -> list[str]:
    lines = [
        "## Dựng trang web",
        "",
        "Như `make site`: kiểm tra bản ghi trước (điền bộ nhớ đệm), rồi đo riêng `mkdocs build`, lấy lần nhanh nhất.",
        "Cột MkDocs thuần:",
        "cùng số trang Markdown tĩnh ngắn, cùng giao diện và cấu hình, không có móc sinh trang; phần chênh là việc",
        "sinh trang từ bản ghi và chuyển đổi các trang đó (bảng, danh sách nhiệm vụ) sang HTML.",
        "",
        "Cột chỉ mục tìm kiếm: cả chỉ mục (chia nhỏ); trong ngoặc: phần nhiều nhất một lần tìm đầu tiên phải tải",
        "(danh sách nhóm từ, hai nhóm từ lớn nhất, 30 khối kết quả lớn nhất, từ vựng cho gợi ý).",
        "",
        "| Bản ghi | Thời gian | Bộ nhớ | Số trang | Chỉ mục tìm kiếm | MkDocs thuần, cùng số trang |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {number(row['records'])} | {seconds(row['seconds'])} | {number(row['peak_mb'])} MB "
            f"| {number(row['pages'])} | {number(row['index_bytes'] / 1e6, 2)} MB "
            f"({number(row.get('first_search_bytes', 0) / 1e6, 2)} MB) | {seconds(row['plain_seconds'])} |"
        )
    ratios = []
    for small, large in itertools.pairwise(rows):
        times = number(large["seconds"] / small["seconds"], 2)
        records = number(large["records"] / small["records"], 1)
        span = f"từ {number(small['records'])} lên {number(large['records'])} bản ghi"
        ratios.append(f"{span} (gấp {records}): gấp {times}")
    if ratios:
        lines += ["", "Thời gian tăng theo số bản ghi: " + "; ".join(ratios) + "."]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--site-sizes", default="1000,10000,40000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (check at 100k: one fewer)")
    parser.add_argument(
        "--strictdoc-size", type=int, default=11_000, help="records compared with strictdoc (0: not compared)"
    )
    parser.add_argument(
        "--strictdoc-repeat", type=int, default=1, help="runs of strictdoc and kehoach side by side (strictdoc is slow)"
    )
    parser.add_argument(
        "--synthesised",
        type=Path,
        help="folder holding kho-<size> made earlier by 'kehoach synth --seed 1' (used as is, not removed)",
    )
    args = parser.parse_args()
    load_before = load()
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s):
            step = time.perf_counter()
            rows.append(check_row(size, Path(tmp), args.repeat, args.synthesised))
            print(f"check {size}: {time.perf_counter() - step:.0f} s", file=sys.stderr)
        if args.strictdoc_size:
            step = time.perf_counter()
            work = args.synthesised or Path(tmp)
            kept = args.synthesised / f"kho-{args.strictdoc_size}" if args.synthesised else None
            repo = kept if kept and kept.is_dir() else None
            versus = compare.compare(args.strictdoc_size, work, args.strictdoc_repeat, repo)
            print(f"strictdoc {args.strictdoc_size}: {time.perf_counter() - step:.0f} s", file=sys.stderr)
    header = [
        "# Hiệu năng",
        "",
        f"Đo ngày {dt.date.today():%d/%m/%Y} bằng `benchmarks/run.py` trên: {machine()}.",
        f"Tải máy (trung bình 1, 5, 15 phút) lúc bắt đầu: {load_before}; lúc xong: {{load_after}}.",
        "Kho bản ghi giả lập sinh bằng `kehoach synth` (đơn vị, văn bản có quan hệ thay thế, kế hoạch, nhiệm vụ);",
        f"ngày kiểm tra cố định `--today {TODAY}`.",
        "",
    ]
    body = check_section(rows)
    if args.strictdoc_size:
        body += ["", *strictdoc_section(versus)]
    site_sizes = [int(s) for s in args.site_sizes.split(",") if s]
    if not site_sizes:  # the site measured another time: keep what the page says of it
        kept = PAGE.read_text(encoding="utf-8").split("## Dựng trang web", 1) if PAGE.exists() else []
        old_site = ["## Dựng trang web" + kept[1].rstrip("\n")] if len(kept) == 2 else []
        write([*header, *body, "", *old_site], load())
        print(PAGE.read_text(encoding="utf-8"))
        return
    write([*header, *body], load())  # the site build below copies docs/, which must hold this page already
    site = site_rows(site_sizes, args.repeat)
    write([*header, *body, "", *site_section(site)], load())
    print(f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(PAGE.read_text(encoding="utf-8"))


def write(lines: list[str], load_after: str) -> None:
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    PAGE.write_text("\n".join(lines).replace("{load_after}", load_after) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
