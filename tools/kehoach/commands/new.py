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
    from ..author.fields import FIELDS

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
    from ..author.fields import FIELDS
    from ..author.new import Draft, NewError, create
    from ..author.prompt import ask, pick
    from ..config import Config
    from ..pipeline import check
    from ..sources import WorkingTree

    kind = Kind(args.record_kind)
    values = {spec.name: getattr(args, spec.name, None) for spec in FIELDS[kind]}
    missing = [spec for spec in FIELDS[kind] if spec.required and not values.get(spec.name)]
    interactive = sys.stdin.isatty()
    if missing and not interactive:
        flags = ", ".join("--" + spec.name.replace("_", "-") for spec in missing)
        print(f"kehoach: thiếu giá trị bắt buộc: {flags}", file=sys.stderr)
        return 2
    index = check(WorkingTree(root, use_cache=True), Config(), dt.date.today(), rules=()).index
    draft = Draft(index, kind)
    try:
        for spec in FIELDS[kind]:
            given = values.get(spec.name)
            if given is not None:
                try:
                    draft.accept(spec, given, choose=pick if interactive else None)
                    continue
                except NewError as err:
                    if not interactive:
                        raise
                    print(f"kehoach: --{spec.name.replace('_', '-')}: {err}")
            elif not missing:
                continue
            ask(draft, spec)
        path = create(root, index, kind, draft.values)
    except NewError as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nkehoach: đã dừng (Ctrl-C); chưa ghi tệp nào.", file=sys.stderr)
        return 130
    except EOFError:
        print("\nkehoach: đã dừng, chưa ghi tệp nào.", file=sys.stderr)
        return 2
    print(f"đã tạo: {path.relative_to(root).as_posix()}")
    return 0
