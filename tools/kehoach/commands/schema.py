"""``kehoach schema``: write (or check) schema/<kind>.schema.json from the models."""

from __future__ import annotations

import argparse
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
    for path in schema.write_all(root):
        print(f"đã ghi {path.relative_to(root)}")
    return 0
