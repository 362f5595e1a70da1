"""``kehoach report``: tasks in the four buckets state bodies report in, per
lead unit and per plan, as of a date."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import iso_date

HELP = "báo cáo kết quả thực hiện nhiệm vụ theo đơn vị, kế hoạch"
DESCRIPTION = (
    "Đếm nhiệm vụ theo bốn nhóm (hoàn thành đúng hạn, hoàn thành trễ hạn, chưa hoàn thành trong hạn, "
    "chưa hoàn thành quá hạn) cho từng đơn vị chủ trì và từng kế hoạch; nhiệm vụ thường xuyên, định kỳ "
    "và nhiệm vụ dừng, hủy được đếm riêng. --year/--quarter chọn nhiệm vụ có hạn trong khoảng đó."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", metavar="ĐƠN-VỊ", help="chỉ một đơn vị (mã, tên, tên ngắn hoặc ký hiệu)")
    parser.add_argument("--plan", metavar="KẾ-HOẠCH", help="chỉ một kế hoạch (mã hoặc số hiệu, ví dụ 12-KH/BDVTU)")
    parser.add_argument("--year", type=int, metavar="NĂM", help="chỉ nhiệm vụ có hạn trong năm này")
    parser.add_argument("--quarter", type=int, metavar="QUÝ", help="chỉ nhiệm vụ có hạn trong quý này (1-4) của --year")
    parser.add_argument(
        "--today",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="ngày lập báo cáo, dùng để tính quá hạn (mặc định: hôm nay)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json", "docx"),
        default="text",
        help="dạng kết quả; docx: dự thảo văn bản báo cáo (Word) của một đơn vị, cần --unit và --out",
    )
    parser.add_argument("--out", metavar="TỆP", type=Path, help="tệp .docx sẽ ghi (với --format docx)")
    parser.add_argument("--details", action="store_true", help="liệt kê cả từng nhiệm vụ của mỗi nhóm")


def run(args: argparse.Namespace, root: Path) -> int:
    from ..views.buckets import summarise
    from ..views.select import SelectionError, period, resolve_plan, resolve_unit
    from ..views.source import NoRepository, read_checked
    from ..views.summary import render

    if args.format == "docx" and (args.out is None or args.unit is None):
        print("kehoach: --format docx cần --unit (đơn vị báo cáo) và --out (tệp .docx sẽ ghi)", file=sys.stderr)
        return 2
    try:
        when = period(args.year, args.quarter)
        checked = read_checked(root)
    except (SelectionError, NoRepository) as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    if checked.errors:
        sys.stderr.write(checked.refusal("lập báo cáo"))
        return 1
    index = checked.index
    try:
        unit = resolve_unit(index, args.unit) if args.unit else None
        plan = resolve_plan(index, args.plan) if args.plan else None
    except SelectionError as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    today = args.today or dt.date.today()
    summary = summarise(index, today, when, unit, plan)
    if args.format == "docx":
        from ..atomic import WriteFailed
        from ..word.report import write

        try:
            write(index, summary, unit, today, args.out)  # type: ignore[arg-type]
        except WriteFailed as err:
            print(f"kehoach: {err}", file=sys.stderr)
            return 2
        print(f"đã ghi: {args.out}")
        return 0
    sys.stdout.write(render(args.format, index, summary, args.details))
    return 0
