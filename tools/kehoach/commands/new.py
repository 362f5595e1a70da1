"""``kehoach new``: create a new record file from flags or prompts."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..kinds import Kind

HELP = "tạo bản ghi mới (kế hoạch, nhiệm vụ, văn bản, đơn vị, báo cáo)"
DESCRIPTION = (
    "Tạo một tệp bản ghi mới đúng tên, đúng chỗ, hợp lệ, với mã kế tiếp còn trống. Giá trị lấy từ tùy chọn; "
    "thiếu giá trị bắt buộc thì hỏi (khi chạy trong cửa sổ lệnh), gõ Tab để gợi ý tên đơn vị, văn bản "
    "(có dấu hay không dấu đều được). Không bao giờ ghi đè tệp đã có."
)
KINDS = {kind.value: kind.heading.lower() for kind in (Kind.PLAN, Kind.TASK, Kind.DIRECTIVE, Kind.UNIT, Kind.REPORT)}


def configure(parser: argparse.ArgumentParser) -> None:
    from ..author.new import FIELDS

    parser.add_argument(
        "record_kind",
        metavar="LOẠI",
        choices=list(KINDS),
        help="loại bản ghi: " + ", ".join(f"{k} ({v})" for k, v in KINDS.items()),
    )
    seen: set[str] = set()
    for specs in FIELDS.values():
        for spec in specs:
            if spec.name in seen:
                continue
            seen.add(spec.name)
            flag = "--" + spec.name.replace("_", "-")
            if spec.name == "coordinating":
                parser.add_argument(flag, "--support", dest=spec.name, action="append", help=spec.prompt)
            elif spec.many:
                parser.add_argument(flag, dest=spec.name, action="append", help=spec.prompt + " (lặp lại được)")
            else:
                parser.add_argument(flag, dest=spec.name, help=spec.prompt)


def run(args: argparse.Namespace, root: Path) -> int:
    from ..author.new import FIELDS, NewError, create
    from ..author.prompt import ask
    from ..config import Config
    from ..pipeline import check
    from ..sources import WorkingTree

    values = {spec.name: getattr(args, spec.name, None) for spec in FIELDS[args.record_kind]}
    missing = [spec for spec in FIELDS[args.record_kind] if spec.required and not values.get(spec.name)]
    index = check(WorkingTree(root, use_cache=True), Config(), dt.date.today(), rules=()).index
    if missing and not sys.stdin.isatty():
        flags = ", ".join("--" + spec.name.replace("_", "-") for spec in missing)
        print(f"kehoach: thiếu giá trị bắt buộc: {flags}", file=sys.stderr)
        return 2
    try:
        if missing:
            for spec in FIELDS[args.record_kind]:
                if values.get(spec.name) is None:
                    values[spec.name] = ask(index, spec)
        path = create(root, index, args.record_kind, values)
    except NewError as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    except EOFError:
        print("\nkehoach: đã dừng, chưa tạo tệp", file=sys.stderr)
        return 2
    print(f"đã tạo: {path.relative_to(root).as_posix()}")
    return 0
