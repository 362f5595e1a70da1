"""The ``kehoach`` command line: parses arguments and hands them to one
module of ``kehoach.commands``.

Exit codes: 0 clean, 1 findings (errors; warnings too with --strict),
2 usage error or unreadable input."""

from __future__ import annotations

import argparse
import importlib
import keyword
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from .commands import NAMES


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder at or above ``start`` holding ``records/``."""
    for folder in (start, *start.parents):
        if (folder / "records").is_dir():
            return folder
    return start


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English; ours are Vietnamese
        self.print_usage(sys.stderr)
        self.exit(2, f"kehoach: lỗi cú pháp lệnh: {message}\n")


def _command(name: str) -> ModuleType:
    module = f"{name}_" if keyword.iskeyword(name) else name  # `import` lives in import_.py
    return importlib.import_module(f"{__package__}.commands.{module}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kehoach", description="Kiểm tra, xuất bản kế hoạch, nhiệm vụ, văn bản chỉ đạo.")
    parser.add_argument("--root", type=Path, help="thư mục gốc của kho (mặc định: tìm thư mục có 'records/')")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in NAMES:
        try:
            module = _command(name)
        except ModuleNotFoundError as err:  # a command still being written is left out of the menu
            if not (err.name or "").startswith(f"{__package__}.commands."):
                raise
            continue
        command = sub.add_parser(name, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP))
        module.configure(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    try:
        return _command(args.command).run(args, root)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # last line of defence: never show a traceback to a user
        print(
            f"kehoach: lỗi nội bộ ({type(err).__name__}: {err}). "
            "Đây là lỗi của công cụ, không phải của dữ liệu; hãy báo lại kèm lệnh đã chạy.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
