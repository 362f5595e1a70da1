"""``kehoach find``: search the records from the terminal, with or without diacritics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "tìm bản ghi theo mã, số hiệu, tên, nội dung (gõ có dấu hay không dấu đều được)"
DESCRIPTION = (
    "Tìm kế hoạch, nhiệm vụ, văn bản, đơn vị có chứa mọi từ đã gõ (ở đầu một từ), không phân biệt dấu, "
    "hoa thường: 'dan van' tìm ra 'Dân vận', '308 cv' tìm ra '308-CV/TU'. Mỗi kết quả ghi tệp:dòng."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", metavar="TỪ-KHÓA", help="từ cần tìm")
    parser.add_argument(
        "--kind", choices=("plans", "tasks", "directives", "units"), action="append", help="chỉ tìm loại bản ghi này"
    )
    parser.add_argument("--limit", type=int, default=50, help="số kết quả tối đa (0: không giới hạn; mặc định 50)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="dạng kết quả")


def run(args: argparse.Namespace, root: Path) -> int:
    from ..kinds import Kind
    from ..resolve import EXACT, EXACT_ID, Resolver
    from ..views.find import KINDS, as_json, as_text, search, terms_of
    from ..views.source import NoRepository, read_checked

    query = " ".join(args.text)
    if not terms_of(query):
        print(f"kehoach: '{query}' không có chữ hay số nào để tìm", file=sys.stderr)
        return 2
    if args.limit < 0:
        print("kehoach: --limit không được âm", file=sys.stderr)
        return 2
    try:
        checked = read_checked(root)
    except NoRepository as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    broken = checked.unread
    if broken:
        print(
            f"kehoach: {len(broken)} tệp có lỗi nên không tìm trong đó ({', '.join(broken[:3])}"
            f"{', ...' if len(broken) > 3 else ''}); xem bằng 'kehoach check'",
            file=sys.stderr,
        )
    kinds = {KINDS[k] for k in args.kind} if args.kind else None
    hits = search(checked.index, query, kinds)
    # A record the words name exactly (its id, name, short name, number) comes first, as in `new` and `report`.
    named = Resolver(checked.index, sorted(kinds) if kinds else list(Kind)).resolve(query)
    if named.tier in (EXACT_ID, EXACT):
        exact = {candidate.id for candidate in named.candidates}
        hits.sort(key=lambda hit: hit.entry.id not in exact)
    sys.stdout.write((as_json if args.format == "json" else as_text)(hits, args.limit))
    return 0 if hits else 1
