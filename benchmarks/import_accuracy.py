"""Accuracy of `kehoach import` on the seed plans, against the hand-made records.

Each seed (tests/fixtures/sources/<plan id>.txt) is imported into a fresh
repository holding only the units registry; the result is compared with the
hand-made records of records/plans/<plan id>/:

- cited documents: the directives the hand-made plan and tasks refer to, and
  those whose comments say they are cited in the plan, matched by normalised
  number and type (documents without a number: by type and title);
- tasks: matched one to one by text similarity;
- lead units and time frames: on matched tasks; a time frame is right when both
  are absent or both read to the same dated parts ("vào tháng 8/2021" equals
  "Tháng 8/2021").

Usage: .venv/bin/python benchmarks/import_accuracy.py [--page] [SEED ...]
With --page, writes the figures to docs/tham-khao/nhap-van-ban.md.
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import shutil
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "fixtures" / "sources"
PAGE = ROOT / "docs" / "tham-khao" / "nhap-van-ban.md"
TASK_MATCH = 0.75  # text similarity above which two tasks are the same work item

sys.path.insert(0, str(ROOT / "tools"))

from kehoach.check import load_repository  # noqa: E402
from kehoach.cli import main as cli_main  # noqa: E402
from kehoach.model import Directive, Plan, Task  # noqa: E402
from kehoach.model.timeframe import TimeFrameError, parse_timeframe  # noqa: E402
from kehoach.text import fold  # noqa: E402


@dataclass
class Ratio:
    right: int
    total: int

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.value:.1%} ({self.right}/{self.total})"


@dataclass
class Score:
    seed: str
    doc_precision: Ratio
    doc_recall: Ratio
    task_precision: Ratio
    task_recall: Ratio
    lead: Ratio  # matched tasks with the right lead units
    timeframe: Ratio  # matched tasks with the right time frame
    both: Ratio  # hand-made tasks found with the right lead and time frame
    misses: list[str]


def import_seed(seed: str, work: Path) -> Path:
    """Import one seed into a repository holding only the units registry; return the repository."""
    repo = work / seed
    (repo / "records").mkdir(parents=True)
    shutil.copytree(ROOT / "records" / "units", repo / "records" / "units")
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        code = cli_main(["--root", str(repo), "import", str(SOURCES / f"{seed}.txt")])
    if code not in (0, 1):
        raise RuntimeError(f"import of {seed} failed ({code}): {sink.getvalue()}")
    return repo


# ---------------------------------------------------------------- cited documents


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", fold(number).replace("đ", "d"))


def _doc_key(record: Directive) -> tuple[str, str]:
    if record.number:
        return ("n", _number_key(record.number))
    return ("t", record.type.value)


def _title_close(a: str, b: str) -> bool:
    ka, kb = set(re.findall(r"\w+", fold(a))), set(re.findall(r"\w+", fold(b)))
    return bool(ka and kb) and len(ka & kb) / min(len(ka), len(kb)) >= 0.6


def hand_made_documents(seed: str) -> list[Directive]:
    """The directives the hand-made records say the plan cites: those its plan and tasks refer to,
    and those whose comments say they are cited in it (in a section's text, say)."""
    index, _ = load_repository(ROOT)
    plan: Plan = index.plans[seed]
    cited: set[str] = set(plan.basis)
    for entry in index.of_kind("task"):
        task: Task = entry.record  # type: ignore[assignment]
        if task.plan == seed:
            cited.update(task.implements)
    mark = f"Kế hoạch {plan.number}"
    for entry in index.of_kind("directive"):
        text = (ROOT / entry.file.rel).read_text(encoding="utf-8")
        if any(mark in line for line in text.splitlines() if line.startswith("#")):
            cited.add(entry.id)
    return [index.directives[i] for i in sorted(cited) if i in index.directives]


def compare_documents(expected: list[Directive], found: list[Directive]) -> tuple[Ratio, Ratio, list[str]]:
    unmatched = list(found)
    hits = 0
    misses = []
    for record in expected:
        match = None
        for candidate in unmatched:
            if record.type != candidate.type or bool(record.number) != bool(candidate.number):
                continue
            if (record.number and _number_key(record.number) == _number_key(candidate.number or "")) or (
                not record.number and _title_close(record.title, candidate.title)
            ):
                match = candidate
                break
        if match is not None:
            unmatched.remove(match)
            hits += 1
        else:
            misses.append(f"văn bản không nhận ra: {record.number or record.title} ({record.type.value})")
    distinct_found = len(found)
    misses += [f"văn bản thừa: {r.number or r.title} ({r.type.value})" for r in unmatched]
    return Ratio(hits, distinct_found), Ratio(hits, len(expected)), misses


def _deduplicated(records: list[Directive]) -> list[Directive]:
    """Hand-made records may hold two documents under one number (different terms): as cited
    documents of one plan they count once, as the issue asks ("flagged, not split")."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for record in records:
        key = (*_doc_key(record), record.type.value if record.number else fold(record.title))
        if key not in seen:
            seen.add(key)
            out.append(record)
    return out


# ---------------------------------------------------------------- tasks


def _parts(text: str) -> list[tuple] | None:
    try:
        frame = parse_timeframe(text)
    except TimeFrameError:
        return None
    return sorted((p.kind, p.start, p.end, p.recurrence, p.open_ended, p.by) for p in frame.parts)


def same_timeframe(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if fold(a) == fold(b):
        return True
    pa, pb = _parts(a), _parts(b)
    return pa is not None and pa == pb


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def match_tasks(expected: list[Task], found: list[Task]) -> list[tuple[Task, Task]]:
    pairs = []
    for e in expected:
        for f in found:
            quick = difflib.SequenceMatcher(None, fold(e.text), fold(f.text), autojunk=False).quick_ratio()
            if quick >= TASK_MATCH:
                ratio = _similarity(e.text, f.text)
                if ratio >= TASK_MATCH:
                    pairs.append((ratio, e, f))
    pairs.sort(key=lambda p: -p[0])
    used_e: set[str] = set()
    used_f: set[str] = set()
    out = []
    for _, e, f in pairs:
        if e.id in used_e or f.id in used_f:
            continue
        used_e.add(e.id)
        used_f.add(f.id)
        out.append((e, f))
    return out


def tasks_of(index, plan_id: str) -> list[Task]:
    return sorted(
        (e.record for e in index.of_kind("task") if e.record.plan == plan_id),  # type: ignore[attr-defined]
        key=lambda t: t.order,
    )


# ---------------------------------------------------------------- one seed


def measure(seed: str, work: Path) -> Score:
    repo = import_seed(seed, work)
    imported, _ = load_repository(repo)
    hand, _ = load_repository(ROOT)
    expected_docs = _deduplicated(hand_made_documents(seed))
    found_docs = list(imported.directives.values())
    doc_p, doc_r, misses = compare_documents(expected_docs, found_docs)
    expected_tasks = tasks_of(hand, seed)
    found_tasks = tasks_of(imported, seed)
    pairs = match_tasks(expected_tasks, found_tasks)
    lead = sum(sorted(e.lead) == sorted(f.lead) for e, f in pairs)
    time = sum(same_timeframe(e.timeframe, f.timeframe) for e, f in pairs)
    both = sum(sorted(e.lead) == sorted(f.lead) and same_timeframe(e.timeframe, f.timeframe) for e, f in pairs)
    matched_e = {e.id for e, _ in pairs}
    matched_f = {f.id for _, f in pairs}
    misses += [f"nhiệm vụ không nhận ra: {t.id}: {t.text[:70]}" for t in expected_tasks if t.id not in matched_e]
    misses += [f"nhiệm vụ thừa: {t.id}: {t.text[:70]}" for t in found_tasks if t.id not in matched_f]
    for e, f in pairs:
        if sorted(e.lead) != sorted(f.lead):
            misses.append(f"chủ trì sai ở {e.id}: cần {e.lead}, nhập được {f.lead}")
        if not same_timeframe(e.timeframe, f.timeframe):
            misses.append(f"thời gian sai ở {e.id}: cần {e.timeframe!r}, nhập được {f.timeframe!r}")
    return Score(
        seed,
        doc_p,
        doc_r,
        Ratio(len(pairs), len(found_tasks)),
        Ratio(len(pairs), len(expected_tasks)),
        Ratio(lead, len(pairs)),
        Ratio(time, len(pairs)),
        Ratio(both, len(expected_tasks)),
        misses,
    )


def total(scores: list[Score]) -> Score:
    def add(name: str) -> Ratio:
        return Ratio(sum(getattr(s, name).right for s in scores), sum(getattr(s, name).total for s in scores))

    return Score(
        "tổng",
        *(
            add(n)
            for n in ("doc_precision", "doc_recall", "task_precision", "task_recall", "lead", "timeframe", "both")
        ),
        [],
    )


def seeds() -> list[str]:
    return sorted(p.stem for p in SOURCES.glob("*.txt") if (ROOT / "records" / "plans" / p.stem).is_dir())


COLUMNS = (
    "Kế hoạch",
    "Văn bản: độ chính xác",
    "Văn bản: độ phủ",
    "Nhiệm vụ: độ chính xác",
    "Nhiệm vụ: độ phủ",
    "Chủ trì đúng",
    "Thời gian đúng",
    "Nhiệm vụ đúng cả chủ trì và thời gian",
)


def table(scores: list[Score]) -> str:
    rows = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for s in scores:
        cells = [s.seed, s.doc_precision, s.doc_recall, s.task_precision, s.task_recall, s.lead, s.timeframe, s.both]
        rows.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(rows)


def page(scores: list[Score]) -> str:
    return f"""# Độ chính xác của lệnh nhập văn bản

Trang này do `benchmarks/import_accuracy.py --page` sinh ra. Mỗi kế hoạch mẫu trong
`tests/fixtures/sources/` được nhập (`kehoach import`) vào một kho trống chỉ có danh mục đơn vị,
rồi so với bản ghi do người làm trong `records/`:

- **Văn bản**: văn bản được dẫn, so theo số hiệu đã chuẩn hóa và loại văn bản (văn bản không số:
  theo loại và trích yếu). Độ chính xác là tỷ lệ văn bản nhập được có trong bản ghi người làm; độ
  phủ là tỷ lệ văn bản người làm đã ghi mà lệnh nhập tìm ra.
- **Nhiệm vụ**: ghép từng cặp theo độ giống nhau của nội dung.
- **Chủ trì đúng**, **Thời gian đúng**: trên các nhiệm vụ ghép được; thời gian đúng khi cả hai cùng
  để trống hoặc cùng đọc ra một mốc ("vào tháng 8/2021" và "Tháng 8/2021" là một).
- **Nhiệm vụ đúng cả chủ trì và thời gian**: trên tổng số nhiệm vụ người làm đã ghi.

Mục tiêu: ít nhất 95% văn bản và 90% nhiệm vụ đúng cả chủ trì và thời gian.

Các con số này đo trên chính những văn bản mẫu đã dùng khi viết lệnh nhập, nên là mức cao nhất có
thể chờ đợi. Với kế hoạch khác (tỉnh khác, cách đánh số, cách ghi "Chủ trì" khác) kết quả sẽ thấp
hơn; vì vậy mọi giá trị lệnh suy ra đều có chú thích `# KIỂM TRA:` để người xem lại. Hai kế hoạch
viết thêm theo các quy ước khác (`tests/fixtures/sources/extra/`: một tỉnh khác và một huyện ủy)
được kiểm thử với kết quả do người ghi sẵn (`tests/importer/test_other_plans.py`).

{table(scores)}

Các kiểm thử trong `tests/importer/` giữ các con số này làm ngưỡng (thấp hơn một chút), để một thay
đổi làm lệnh nhập kém đi sẽ bị phát hiện.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="*", help="plan ids (default: every seed with hand-made records)")
    parser.add_argument("--page", action="store_true", help=f"write {PAGE.relative_to(ROOT)}")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        scores = [measure(seed, Path(work)) for seed in (args.seeds or seeds())]
    all_scores = [*scores, total(scores)]
    print(table(all_scores))
    if args.misses:
        for score in scores:
            for miss in score.misses:
                print(f"{score.seed}: {miss}")
    if args.page:
        PAGE.write_text(page(all_scores), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
