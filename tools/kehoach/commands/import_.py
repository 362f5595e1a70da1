"""``kehoach import``: draft records from a plan written as text or Word (.docx)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

HELP = "nhập một kế hoạch hoặc báo cáo từ tệp văn bản (.txt) hoặc Word (.docx) thành bản ghi nháp"
DESCRIPTION = (
    "Đọc một kế hoạch, chương trình hoặc báo cáo (tệp văn bản UTF-8 hoặc .docx), tạo bản ghi kế hoạch, nhiệm "
    "vụ, báo cáo (kết quả, số liệu), văn bản được dẫn và đơn vị chưa có trong danh mục. Không ghi đè bản ghi "
    "đã có; giá trị cần người xem lại được đánh dấu bằng chú thích '# KIỂM TRA:'."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="TỆP", help="tệp kế hoạch hoặc báo cáo (.txt UTF-8 hoặc .docx)")
    parser.add_argument("--issuer", metavar="MÃ-ĐƠN-VỊ", help="mã đơn vị ban hành (mặc định: đọc từ phần đầu văn bản)")
    parser.add_argument("--out", type=Path, metavar="THƯ-MỤC", help="kho để ghi bản ghi vào (mặc định: kho hiện tại)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in danh sách tệp sẽ tạo, không ghi gì")


def run(args: argparse.Namespace, root: Path) -> int:
    from ..config import Config
    from ..importer import document, draft, header, source, summary, write
    from ..pipeline import check
    from ..sources import WorkingTree

    try:
        text = source.read(args.file)
    except source.SourceError as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    out = (args.out or root).resolve()
    index = check(WorkingTree(root, use_cache=True), Config(), dt.date.today(), rules=()).index
    try:
        outcome = document.build(text, index, args.issuer)
    except (header.HeaderError, draft.DraftError) as err:
        print(f"kehoach: {args.file}: {err}", file=sys.stderr)
        return 2
    if outcome.refused:
        for reason in outcome.refused:
            print(f"kehoach: {args.file}: {reason}", file=sys.stderr)
        return 1
    findings = write.check_drafts(root, out, outcome)
    if args.dry_run:
        sys.stdout.write(summary.plan_of_files(outcome, out, findings))
        return 1 if any(f.severity.value == "error" for f in findings) else 0
    written = write.write(out, outcome)
    sys.stdout.write(summary.report(outcome, written, findings))
    for path, reason in written.failed:
        print(f"kehoach: không ghi được {path}: {reason}", file=sys.stderr)
    if written.failed:
        return 2
    return 1 if any(f.severity.value == "error" for f in findings) else 0
