"""``kehoach ketqua``: enter the results of a report, task after task, without
editing files by hand (Tab completes task ids and outcomes); the report record
keeps its comments and order and is written atomically."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import iso_date

if TYPE_CHECKING:  # the modules are imported when the command runs: the CLI starts fast
    from ..author.results import Entry
    from ..index import Index
    from ..model import Report

HELP = "nhập kết quả thực hiện nhiệm vụ vào một báo cáo"
DESCRIPTION = (
    "Thêm kết quả từng nhiệm vụ vào bản ghi báo cáo (records/reports/<mã>.yaml). Không có --task thì hỏi lần lượt: "
    "mã nhiệm vụ (Tab gợi ý các nhiệm vụ của kế hoạch được báo cáo, gõ 'nv05' hay tên ngắn của nhiệm vụ "
    "cũng được), kết quả (Tab gợi ý), "
    "nội dung, ngày, sản phẩm; Enter ở mã nhiệm vụ để kết thúc và ghi. Tệp giữ nguyên chú thích và thứ tự."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("report", metavar="BÁO-CÁO", help="mã báo cáo hoặc đường dẫn tệp")
    parser.add_argument("--task", metavar="NHIỆM-VỤ", help="mã nhiệm vụ (ghi một kết quả, không hỏi)")
    parser.add_argument(
        "--outcome", metavar="KẾT-QUẢ", help="done, partial, not-done, stopped, carried (hoặc tiếng Việt)"
    )
    parser.add_argument("--text", metavar="NỘI-DUNG", help="kết quả như báo cáo ghi")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="ngày hoàn thành (mặc định: ngày báo cáo)")
    parser.add_argument("--delivered", metavar="SẢN-PHẨM", help="sản phẩm đã có")


def _find(root: Path, name: str) -> Path | None:
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or "/" in name:
        path = path if path.is_absolute() else Path.cwd() / path
        return path if path.is_file() else None
    candidate = root / "records" / "reports" / f"{name}.yaml"
    return candidate if candidate.is_file() else None


def run(args: argparse.Namespace, root: Path) -> int:
    from ..atomic import WriteFailed
    from ..author.results import Entry, ResultsError, add, parse_outcome, resolve_task
    from ..check import load_repository

    path = _find(root, args.report)
    if path is None:
        print(f"kehoach: không có báo cáo '{args.report}' (records/reports/<mã>.yaml)", file=sys.stderr)
        return 2
    index, _ = load_repository(root)
    report = index.reports.get(path.stem)
    if report is None:
        print(
            f"kehoach: '{path.name}' chưa đọc được như một báo cáo; hãy sửa theo 'kehoach check' trước", file=sys.stderr
        )
        return 2
    try:
        if args.task is not None:
            if not (args.outcome and args.text):
                print("kehoach: --task cần kèm --outcome và --text", file=sys.stderr)
                return 2
            task = resolve_task(index, report, args.task)
            entries = [Entry(task, parse_outcome(args.outcome), args.text, args.date, args.delivered)]
        elif sys.stdin.isatty():
            entries = _ask(report, index)
        else:
            print("kehoach: thiếu --task, --outcome, --text (không có cửa sổ lệnh để hỏi)", file=sys.stderr)
            return 2
        if not entries:
            print("Không có kết quả nào được thêm.")
            return 0
        add(path, entries)
    except (ResultsError, WriteFailed) as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    print(
        f"đã thêm {len(entries)} kết quả vào {path.relative_to(root).as_posix() if path.is_relative_to(root) else path}"
    )
    return 0


def _ask(report: Report, index: Index) -> list[Entry]:
    """Ask for results until an empty task id (or end of input)."""
    from ..author.prompt import _completer
    from ..author.results import Entry, ResultsError, parse_outcome, resolve_task, task_choices
    from ..model import ResultOutcome
    from ..text import clip

    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        readline = None  # type: ignore[assignment]
    tasks = index.tasks
    choices = task_choices(report, tasks)
    outcomes = [o.value for o in ResultOutcome] + [o.label for o in ResultOutcome]

    def complete_with(options: list[str]) -> None:
        if readline is not None:
            readline.set_completer_delims("")
            readline.set_completer(_completer(options))
            readline.parse_and_bind("tab: complete")

    print(f"Báo cáo {report.number}: {len(choices)} nhiệm vụ có thể ghi kết quả (Tab để gợi ý).")
    entries: list[Entry] = []
    try:
        while True:
            complete_with(choices)
            written = input("Mã nhiệm vụ (Enter để kết thúc): ").strip()
            if not written:
                break
            try:
                task_id = resolve_task(index, report, written)
            except ResultsError as err:
                print(f"  {err}")
                continue
            print(f"  {clip(tasks[task_id].text, 70)}")
            complete_with(outcomes)
            while True:
                try:
                    outcome = parse_outcome(input("Kết quả (hoàn thành, một phần, chưa, dừng, chuyển kỳ sau): "))
                    break
                except ResultsError as err:
                    print(f"  {err}")
            complete_with([])
            text = ""
            while not text:
                text = input("Nội dung kết quả: ").strip()
            date = _ask_date()
            delivered = input("Sản phẩm đã có (Enter để bỏ qua): ").strip() or None
            entries.append(Entry(task_id, outcome, text, date, delivered))
    except EOFError:
        print()
    return entries


def _ask_date() -> dt.date | None:
    while True:
        written = input("Ngày hoàn thành YYYY-MM-DD (Enter: theo ngày báo cáo): ").strip()
        if not written:
            return None
        try:
            return dt.date.fromisoformat(written)
        except ValueError:
            print("  cần ngày dạng YYYY-MM-DD, ví dụ 2025-06-30")
