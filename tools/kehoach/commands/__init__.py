"""One module per ``kehoach`` sub-command.

Each module defines ``HELP`` (one Vietnamese line for ``kehoach --help``),
``configure(parser)`` (its arguments) and ``run(args, root) -> int`` (its
exit code). Modules import the heavy parts of the library inside ``run`` so
that ``kehoach --help`` and a one-file check start fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# The order in which ``kehoach --help`` lists the commands.
NAMES = (
    "check",
    "new",
    "fmt",
    "status",
    "ketqua",
    "report",
    "export",
    "diff",
    "find",
    "import",
    "schema",
    "rules",
    "synth",
)


def iso_date(text: str) -> dt.date:
    """argparse type for a ``YYYY-MM-DD`` option, with a Vietnamese message."""
    from ..chars import visible
    from ..dates import parse_day

    try:
        return parse_day(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(visible(str(err))) from None


def report_missing(paths: Sequence[Path]) -> bool:
    """Name every given path that does not exist; True when any is missing (exit 2)."""
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"kehoach: không tìm thấy '{path}'", file=sys.stderr)
    return bool(missing)


def outside(paths: Sequence[Path], root: Path) -> bool:
    """Name every given path outside the repository at ``root``; True when any is (exit 2)."""
    found = False
    for path in paths:
        try:
            inside = Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
        except (OSError, ValueError):
            inside = False
        if not inside:
            print(f"kehoach: '{path}' nằm ngoài kho '{root}'; chỉ kiểm tra được tệp trong kho", file=sys.stderr)
            found = True
    return found
