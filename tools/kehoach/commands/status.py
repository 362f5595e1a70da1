"""``kehoach status``: record progress on one task."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import iso_date

HELP = "ghi tiến độ, tình trạng của một nhiệm vụ"
DESCRIPTION = (
    "Ghi một lần cập nhật tiến độ vào nhiệm vụ: đổi tình trạng, thêm một mục vào nhật ký tiến độ, "
    "ghi ngày hoàn thành khi xong. Chỉ các dòng đó thay đổi; chú thích và cách viết của phần còn lại giữ nguyên."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("task", metavar="NHIỆM_VỤ", help="mã nhiệm vụ hoặc đường dẫn tệp")
    parser.add_argument(
        "status",
        metavar="TÌNH_TRẠNG",
        help="planned, in-progress, done, cancelled, hoặc nhãn tiếng Việt (gõ không dấu cũng được: 'da hoan thanh')",
    )
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="ngày cập nhật (mặc định: hôm nay)")
    parser.add_argument("--note", metavar="NỘI_DUNG", help="kết quả, tiến độ hoặc vướng mắc (mặc định: tên tình trạng)")
    parser.add_argument(
        "--evidence",
        metavar="VĂN_BẢN",
        help="minh chứng: mã văn bản trong kho, hoặc tên văn bản (ví dụ 'Báo cáo số 15-BC/BDVTU')",
    )


def run(args: argparse.Namespace, root: Path) -> int:
    from ..atomic import WriteFailed, write_atomic
    from ..author.status import StatusError, Update, check_evidence, find_task, parse_status, update_task
    from ..text import nfc

    today = dt.date.today()
    date = args.date or today
    try:
        status = parse_status(args.status)
        if date > today:
            raise StatusError(f"ngày cập nhật {date.isoformat()} ở tương lai")
        path = find_task(root, args.task)
        evidence = nfc(args.evidence.strip()) if args.evidence and args.evidence.strip() else None
        if evidence:
            check_evidence(root, evidence)
        note = nfc(args.note.strip()) if args.note and args.note.strip() else status.label
        text = update_task(root, path, Update(status, date, note, evidence))
    except StatusError as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    try:
        write_atomic(path, text.encode("utf-8"))
    except WriteFailed as err:
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path
        print(f"kehoach: không ghi được {shown}: {err.reason} (tệp cũ giữ nguyên, chưa ghi tiến độ)", file=sys.stderr)
        return 2
    print(f"đã ghi: {path.name}: {status.value} ({status.label}), ngày {date.isoformat()}")
    return 0
