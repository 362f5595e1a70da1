"""The ``kehoach`` command line: parses arguments and calls the library.

Exit codes: 0 clean, 1 findings (errors; warnings too with --strict),
2 usage error or unreadable input."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from . import report, schema
from .check import run_check
from .findings import Severity
from .rules.catalog import RULES
from .synth import synthesise


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder at or above ``start`` holding ``records/``."""
    for folder in (start, *start.parents):
        if (folder / "records").is_dir():
            return folder
    return start


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải ngày dạng YYYY-MM-DD") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English; ours are Vietnamese
        self.print_usage(sys.stderr)
        self.exit(2, f"kehoach: lỗi cú pháp lệnh: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kehoach", description="Kiểm tra, xuất bản kế hoạch, nhiệm vụ, văn bản chỉ đạo.")
    parser.add_argument("--root", type=Path, help="thư mục gốc của kho (mặc định: tìm thư mục có 'records/')")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="kiểm tra bản ghi", description="Kiểm tra mọi bản ghi, hoặc các tệp chỉ ra.")
    check.add_argument("paths", nargs="*", type=Path, help="tệp hoặc thư mục cần báo cáo (mặc định: tất cả)")
    check.add_argument("--format", choices=report.FORMATS, default="text", help="dạng kết quả")
    check.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi (mã thoát 1)")
    check.add_argument(
        "--info", action="store_true", help="hiện cả các mục thông tin (nhiệm vụ quá hạn, văn bản chưa ai trích dẫn)"
    )
    check.add_argument(
        "--no-cache", action="store_true", help="đọc lại mọi tệp, không dùng bộ nhớ đệm (~/.cache/kehoach)"
    )
    check.add_argument(
        "--today", type=_iso_date, metavar="YYYY-MM-DD", help="ngày dùng để tính quá hạn (mặc định: hôm nay)"
    )

    gen = sub.add_parser(
        "schema", help="sinh JSON Schema từ mô hình", description="Ghi các tệp schema/<loại>.schema.json."
    )
    gen.add_argument("--check", action="store_true", help="chỉ kiểm tra, không ghi; mã thoát 1 nếu tệp đã cũ")

    synth = sub.add_parser(
        "synth", help="sinh một kho bản ghi giả lập để đo hiệu năng", description="Sinh kho giả lập hợp lệ."
    )
    synth.add_argument("--records", type=int, required=True, help="số bản ghi cần sinh")
    synth.add_argument("--out", type=Path, required=True, help="thư mục đích (phải trống hoặc chưa có)")
    synth.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (cùng hạt giống, cùng kết quả)")

    rules = sub.add_parser("rules", help="liệt kê các quy tắc kiểm tra")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")
    return parser


def _cmd_check(args: argparse.Namespace, root: Path) -> int:
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"kehoach: không tìm thấy '{path}'", file=sys.stderr)
    if missing:
        return 2
    result = run_check(root, args.paths, args.today, use_cache=not args.no_cache)
    shown = (
        result.findings
        if args.info or args.format == "json"
        else [f for f in result.findings if f.severity is not Severity.INFO]
    )
    hidden = len(result.findings) - len(shown)
    sys.stdout.write(report.render(args.format, shown, result.files, hidden))
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in result.findings) else 0


def _cmd_schema(args: argparse.Namespace, root: Path) -> int:
    if args.check:
        outdated = schema.stale(root)
        for path in outdated:
            print(f"{path.relative_to(root)}: đã cũ so với mô hình; chạy 'kehoach schema' để sinh lại")
        return 1 if outdated else 0
    for path in schema.write_all(root):
        print(f"đã ghi {path.relative_to(root)}")
    return 0


def _cmd_synth(args: argparse.Namespace) -> int:
    if args.out.exists() and any(args.out.iterdir()):
        print(f"kehoach: thư mục '{args.out}' đã có nội dung; chọn thư mục trống", file=sys.stderr)
        return 2
    if args.records < 1:
        print("kehoach: --records phải lớn hơn 0", file=sys.stderr)
        return 2
    written = synthesise(args.out, args.records, args.seed)
    print(f"đã sinh {written} bản ghi trong {args.out}")
    return 0


def rules_table(fmt: str) -> str:
    if fmt == "markdown":
        rows = ["| Mã | Mức | Quy tắc |", "|---|---|---|"]
        rows += [f"| `{r.code}` | {r.severity.label} | {r.summary} |" for r in RULES.values()]
    else:
        rows = [f"{r.code}  {r.severity.label:<10} {r.summary}" for r in RULES.values()]
    return "\n".join(rows) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    try:
        if args.command == "check":
            return _cmd_check(args, root)
        if args.command == "schema":
            return _cmd_schema(args, root)
        if args.command == "synth":
            return _cmd_synth(args)
        sys.stdout.write(rules_table(args.format))
        return 0
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
