"""``kehoach synth``: a valid synthetic repository of any size, for benchmarks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "sinh một kho bản ghi giả lập để đo hiệu năng"
DESCRIPTION = "Sinh kho giả lập hợp lệ."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--records", type=int, required=True, help="số bản ghi cần sinh")
    parser.add_argument("--out", type=Path, required=True, help="thư mục đích (phải trống hoặc chưa có)")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (cùng hạt giống, cùng kết quả)")


def run(args: argparse.Namespace, root: Path) -> int:
    from ..atomic import WriteFailed
    from ..synth import synthesise

    if args.out.exists() and any(args.out.iterdir()):
        print(f"kehoach: thư mục '{args.out}' đã có nội dung; chọn thư mục trống", file=sys.stderr)
        return 2
    if args.records < 1:
        print("kehoach: --records phải lớn hơn 0", file=sys.stderr)
        return 2
    try:
        written = synthesise(args.out, args.records, args.seed)
    except WriteFailed as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    print(f"đã sinh {written} bản ghi trong {args.out}")
    return 0
