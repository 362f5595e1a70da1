"""``kehoach check``: validate every record, report findings of the given paths."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..report import FORMATS
from . import iso_date, outside, report_missing

HELP = "kiểm tra bản ghi"
DESCRIPTION = "Kiểm tra mọi bản ghi, hoặc các tệp chỉ ra."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="tệp hoặc thư mục cần báo cáo (mặc định: tất cả)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="dạng kết quả")
    parser.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi (mã thoát 1)")
    parser.add_argument(
        "--info", action="store_true", help="hiện cả các mục thông tin (nhiệm vụ quá hạn, văn bản chưa ai trích dẫn)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="đọc lại mọi tệp, không dùng bộ nhớ đệm (~/.cache/kehoach)"
    )
    parser.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help="ngày dùng để tính quá hạn (mặc định: hôm nay)"
    )


def run(args: argparse.Namespace, root: Path) -> int:
    from .. import report
    from ..check import check_findings
    from ..findings import Severity

    if report_missing(args.paths):
        return 2
    if outside(args.paths, root):
        return 2
    infos = args.info or args.format == "json"
    shown, files, hidden = check_findings(root, args.paths, args.today, use_cache=not args.no_cache, infos=infos)
    report.write(sys.stdout, args.format, shown, files, hidden)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in shown) else 0
