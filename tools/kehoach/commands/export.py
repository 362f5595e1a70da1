"""``kehoach export``: tasks, plans or directives as a CSV or XLSX table,
one row per record, for the office's own spreadsheets."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import iso_date

HELP = "xuất nhiệm vụ, kế hoạch hoặc văn bản ra bảng CSV, Excel; một kế hoạch ra văn bản Word"
DESCRIPTION = (
    "Xuất mỗi bản ghi một dòng, tiêu đề cột tiếng Việt, đơn vị ghi bằng tên, thời gian như văn bản kèm hạn "
    "tính được. CSV dạng UTF-8 có BOM (Excel mở đúng tiếng Việt); XLSX có dòng tiêu đề cố định, bộ lọc, "
    "ngày là ngày thật. 'export plan MÃ --format docx --out TỆP' viết lại một kế hoạch thành văn bản Word "
    "đúng thể thức (phần đầu, căn cứ, các mục, nhiệm vụ với Chủ trì, Phối hợp, Thời gian, nơi nhận)."
)
DELIMITERS = {",": ",", ";": ";", "tab": "\t"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind", choices=("tasks", "plans", "directives", "plan"), help="loại bản ghi cần xuất; plan: một kế hoạch"
    )
    parser.add_argument("record", nargs="?", metavar="MÃ", help="với 'plan': mã hoặc số hiệu của kế hoạch")
    parser.add_argument(
        "--format",
        choices=("csv", "xlsx", "docx"),
        help="dạng tệp (mặc định: theo đuôi tệp của --out, nếu không thì csv); docx cho 'plan'",
    )
    parser.add_argument("--out", type=Path, metavar="TỆP", help="tệp cần ghi (mặc định: in CSV ra màn hình)")
    parser.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    parser.add_argument("--plan", metavar="KẾ-HOẠCH", help="chỉ bản ghi của một kế hoạch (mã hoặc số hiệu)")
    parser.add_argument("--unit", metavar="ĐƠN-VỊ", help="chỉ bản ghi của một đơn vị (mã, tên hoặc ký hiệu)")
    parser.add_argument(
        "--status",
        help="chỉ bản ghi có tình trạng này (nhiệm vụ: planned, in-progress, done, cancelled, overdue, unreported)",
    )
    parser.add_argument(
        "--year", type=int, metavar="NĂM", help="nhiệm vụ có hạn trong năm; kế hoạch, văn bản ban hành trong năm"
    )
    parser.add_argument("--quarter", type=int, metavar="QUÝ", help="như --year nhưng trong một quý (1-4) của --year")
    parser.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help="ngày dùng để tính tình hình, quá hạn (mặc định: hôm nay)"
    )
    parser.add_argument(
        "--delimiter",
        choices=tuple(DELIMITERS),
        default=",",
        help="dấu phân cách cột của CSV (';' nếu Excel dồn mọi thứ vào một cột)",
    )


def _problem(message: str) -> int:
    print(f"kehoach: {message}", file=sys.stderr)
    return 2


def _target_problem(out: Path | None, fmt: str, force: bool) -> str | None:
    if out is None:
        return "tệp Excel cần một nơi để ghi: thêm --out TỆP.xlsx" if fmt == "xlsx" else None
    if out.is_dir():
        return f"'{out}' là một thư mục; hãy ghi tên tệp"
    if out.exists() and not force:
        return f"tệp '{out}' đã có; dùng --force để ghi đè"
    if not out.parent.resolve().is_dir():
        return f"không có thư mục '{out.parent}' để ghi tệp"
    return None


def run(args: argparse.Namespace, root: Path) -> int:
    from ..atomic import WriteFailed, replacing, write_atomic
    from ..oserrors import write_reason
    from ..views.export import Filters, build_sheet, check_status
    from ..views.select import SelectionError, period, resolve_plan, resolve_unit
    from ..views.sheets import csv_bytes, write_xlsx
    from ..views.source import NoRepository, read_checked

    if args.kind == "plan" or args.format == "docx":
        return _plan_document(args, root)
    if args.record is not None:
        return _problem(f"'{args.record}' thừa: chỉ 'export plan MÃ' nhận mã bản ghi")
    out: Path | None = args.out
    fmt = args.format or ("xlsx" if out is not None and out.suffix.lower() == ".xlsx" else "csv")
    if problem := _target_problem(out, fmt, args.force):
        return _problem(problem)
    try:
        check_status(args.kind, args.status)
        when = period(args.year, args.quarter)
        checked = read_checked(root)
    except (SelectionError, NoRepository) as err:
        return _problem(str(err))
    if checked.errors:
        sys.stderr.write(checked.refusal("xuất dữ liệu"))
        return 1
    index = checked.index
    try:
        filters = Filters(
            plan=resolve_plan(index, args.plan) if args.plan else None,
            unit=resolve_unit(index, args.unit) if args.unit else None,
            status=args.status,
            period=when,
        )
    except SelectionError as err:
        return _problem(str(err))
    sheet = build_sheet(args.kind, index, args.today or dt.date.today(), filters)
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(csv_bytes(sheet, DELIMITERS[args.delimiter]))
        sys.stdout.buffer.flush()
        return 0
    warnings: list[str] = []
    try:
        # Through a temporary file beside ``out``: a failed export never leaves half a file,
        # and a file it replaces stays whole until the new one is complete.
        if fmt == "xlsx":
            with replacing(out) as temporary:
                warnings.extend(write_xlsx(sheet, temporary))
        else:
            write_atomic(out, csv_bytes(sheet, DELIMITERS[args.delimiter]))
    except WriteFailed as err:
        return _problem(f"không ghi được '{out}': {err.reason} (tệp cũ, nếu có, giữ nguyên)")
    except OSError as err:
        return _problem(f"không ghi được '{out}': {write_reason(err)}")
    for warning in warnings:
        print(f"kehoach: cảnh báo: {warning}", file=sys.stderr)
    print(f"Đã ghi {len(sheet.rows)} dòng vào {out}.", file=sys.stderr)
    return 0


def _plan_document(args: argparse.Namespace, root: Path) -> int:
    """``export plan ID --format docx --out F``: the plan as a Word document."""
    from ..atomic import WriteFailed
    from ..views.select import SelectionError, resolve_plan
    from ..views.source import NoRepository, read_checked
    from ..word.plan import write

    if args.kind != "plan" or args.record is None or (args.format or "docx") != "docx" or args.out is None:
        return _problem("viết kế hoạch ra Word: kehoach export plan MÃ-KẾ-HOẠCH --format docx --out TỆP.docx")
    if problem := _target_problem(args.out, "docx", args.force):
        return _problem(problem)
    try:
        checked = read_checked(root)
        plan_id = resolve_plan(checked.index, args.record)
    except (SelectionError, NoRepository) as err:
        return _problem(str(err))
    if checked.errors:
        sys.stderr.write(checked.refusal("xuất dữ liệu"))
        return 1
    try:
        write(checked.index, plan_id, args.out)
    except WriteFailed as err:
        return _problem(str(err))
    print(f"Đã ghi kế hoạch {checked.index.plans[plan_id].number} vào {args.out}.", file=sys.stderr)
    return 0
