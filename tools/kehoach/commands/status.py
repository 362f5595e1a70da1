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
    parser.add_argument(
        "task", metavar="NHIỆM-VỤ", help="mã nhiệm vụ, mã ngắn trong kế hoạch (nv29) hoặc đường dẫn tệp"
    )
    parser.add_argument(
        "status",
        nargs="+",
        metavar="TÌNH-TRẠNG",
        help="planned, in-progress, done, cancelled, hoặc nhãn tiếng Việt, không cần ngoặc kép hay dấu "
        "(hoàn thành, da hoan thanh, đang thực hiện, hủy)",
    )
    parser.add_argument("--plan", metavar="KẾ-HOẠCH", help="kế hoạch của nhiệm vụ ghi bằng mã ngắn (mã hoặc số hiệu)")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="ngày cập nhật (mặc định: hôm nay)")
    parser.add_argument(
        "--note",
        nargs="+",
        metavar="NỘI-DUNG",
        help="kết quả, tiến độ hoặc vướng mắc, không cần ngoặc kép (mặc định: tên tình trạng)",
    )
    parser.add_argument(
        "--evidence",
        nargs="+",
        metavar="VĂN-BẢN",
        help="minh chứng: mã văn bản trong kho, hoặc tên văn bản (ví dụ Báo cáo số 15-BC/BDVTU)",
    )


def run(args: argparse.Namespace, root: Path) -> int:
    from ..atomic import WriteFailed, write_atomic
    from ..author.status import StatusError, Update, check_evidence, find_task, is_latest, parse_status, update_task
    from ..text import nfc

    today = dt.date.today()
    date = args.date or today
    words = " ".join(args.status)
    evidence = nfc(" ".join(args.evidence).strip()) if args.evidence else None
    note = nfc(" ".join(args.note).strip()) if args.note else ""
    try:
        status = parse_status(words)
        if date > today:
            raise StatusError(f"ngày cập nhật {date.isoformat()} ở tương lai")
        path = find_task(root, args.task, args.plan, choose=_chooser())
        if evidence:
            check_evidence(root, evidence)
        update = Update(status, date, note or status.label, evidence or None)
        text = update_task(root, path, update)
        latest = is_latest(path.read_bytes().decode("utf-8"), update)
    except StatusError as err:
        print(f"kehoach: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nkehoach: đã dừng (Ctrl-C); chưa ghi gì.", file=sys.stderr)
        return 130
    try:
        write_atomic(path, text.encode("utf-8"))
    except WriteFailed as err:
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path
        print(f"kehoach: không ghi được {shown}: {err.reason} (tệp cũ giữ nguyên, chưa ghi tiến độ)", file=sys.stderr)
        return 2
    if not latest:
        print(
            f"đã ghi: {path.name}: mục tiến độ ngày {date.isoformat()} chèn theo thứ tự ngày; "
            "tình trạng giữ nguyên vì đã có cập nhật mới hơn"
        )
        return 0
    print(f"đã ghi: {path.name}: {status.value} ({status.label}), ngày {date.isoformat()}")
    return 0


def _chooser():
    """On a terminal, a numbered choice among several tasks; otherwise none (the list is printed)."""
    if not sys.stdin.isatty():
        return None
    from ..author.new import NewError
    from ..author.prompt import pick
    from ..author.status import StatusError

    def choose(resolution):
        try:
            return pick(resolution)
        except (NewError, EOFError):
            raise StatusError("chưa chọn nhiệm vụ; không ghi gì") from None

    return choose
