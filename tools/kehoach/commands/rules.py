"""``kehoach rules``: the catalogue of rule codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "liệt kê các quy tắc kiểm tra"
DESCRIPTION = "Liệt kê mọi quy tắc kiểm tra với mã, mức và nội dung."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "markdown"), default="text")


def rules_table(fmt: str) -> str:
    from ..rules.registry import catalogue_rows

    if fmt == "markdown":
        rows = ["| Mã | Mức | Quy tắc |", "|---|---|---|"]
        rows += [f"| `{code}` | {severity} | {title} |" for code, severity, title in catalogue_rows()]
    else:
        rows = [f"{code}  {severity:<10} {title}" for code, severity, title in catalogue_rows()]
    return "\n".join(rows) + "\n"


def run(args: argparse.Namespace, root: Path) -> int:
    sys.stdout.write(rules_table(args.format))
    return 0
