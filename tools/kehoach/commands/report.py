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
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="dạng kết quả")
    parser.add_argument("--details", action="store_true", help="liệt kê cả từng nhiệm vụ của mỗi nhóm")


def run(args: argparse.Namespace, root: Path) -> int:
    from ..views.buckets import summarise
    from ..views.select import SelectionError, period, resolve_plan, resolve_unit
    from ..views.source import NoRepository, read_checked
    from ..views.summary import render

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
    summary = summarise(index, args.today or dt.date.today(), when, unit, plan)
    sys.stdout.write(render(args.format, index, summary, args.details))
    return 0
