"""``kehoach schema``: write (or check) schema/<kind>.schema.json from the models."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "sinh JSON Schema từ mô hình"
DESCRIPTION = "Ghi các tệp schema/<loại>.schema.json."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="chỉ kiểm tra, không ghi; mã thoát 1 nếu tệp đã cũ")


def run(args: argparse.Namespace, root: Path) -> int:
    from .. import schema

    if args.check:
        outdated = schema.stale(root)
        for path in outdated:
            print(f"{path.relative_to(root)}: đã cũ so với mô hình; chạy 'kehoach schema' để sinh lại")
        return 1 if outdated else 0
    from ..atomic import WriteFailed

    try:
        written = schema.write_all(root)
    except WriteFailed as err:  # the files written before it stay written, each whole
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"đã ghi {path.relative_to(root)}")
    return 0
