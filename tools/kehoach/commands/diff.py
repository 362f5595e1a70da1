"""``kehoach diff``: what changed in the records between two git revisions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "liệt kê thay đổi bản ghi giữa hai phiên bản git"
DESCRIPTION = (
    "Liệt kê kế hoạch, nhiệm vụ, văn bản, đơn vị được thêm, bỏ hoặc sửa giữa hai phiên bản git "
    "(đổi tình trạng, đổi hạn, đổi đơn vị chủ trì...), để ghi biên bản họp hoặc mô tả pull request. "
    "Không đổi gì trong thư mục làm việc."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rev1", metavar="PHIÊN-BẢN-1", help="phiên bản gốc (mã commit, nhánh, thẻ, HEAD~1...)")
    parser.add_argument(
        "rev2",
        metavar="PHIÊN-BẢN-2",
        nargs="?",
        help="phiên bản so sánh (mặc định: các tệp hiện có, cả phần chưa commit)",
    )
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="dạng kết quả")


def run(args: argparse.Namespace, root: Path) -> int:
    from ..views.diff import compare, render
    from ..views.revisions import GitError, at_revision, resolve, working_tree

    try:
        first = resolve(root, args.rev1)
        second = resolve(root, args.rev2) if args.rev2 else None
        old = at_revision(root, first, f"{args.rev1} ({first[:7]})")
        new = at_revision(root, second, f"{args.rev2} ({second[:7]})") if second else working_tree(root)
    except GitError as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(render(args.format, compare(old, new)))
    return 0
