"""Stage 1 of the flow: find record files and read them strictly into plain
data with positions. Nothing here raises on bad input; problems become findings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..codes import Code
from ..findings import Finding, Severity
from ..kinds import Kind
from ..text import is_nfc, nfc
from . import yamlsafe
from .encoding import DecodeFailure, decode
from .files import discover, record_kind
from .review import review_notes
from .suppress import Suppressions, read_suppressions

KNOWN_CODES = frozenset(code.value for code in Code)
MAX_FILE_BYTES = 1024 * 1024  # a long plan is ~50 KB; anything near this is a mistake


@dataclass
class LoadedFile:
    rel: PurePosixPath  # relative to the repository root
    kind: Kind | None
    data: Any = None
    positions: yamlsafe.Positions = field(default_factory=yamlsafe.Positions)
    findings: list[Finding] = field(default_factory=list)
    suppressions: Suppressions = field(default_factory=Suppressions)

    def add(self, code: Code, message: str, line: int = 1, col: int = 1) -> None:
        self.findings.append(Finding(str(self.rel), line, col, code, message, code.severity))


def _first_non_nfc(text: str) -> tuple[int, int]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not is_nfc(line):
            for col in range(len(line)):
                if not is_nfc(line[: col + 1]) or not is_nfc(line[col : col + 2]):
                    return lineno, col + 1
            return lineno, 1
    return 1, 1


def read_bytes(path: Path | str, loaded: LoadedFile, root: Path, is_link: bool | None = None) -> bytes | None:
    """Read one file's bytes, or record why it cannot be read. ``is_link`` saves a
    system call when the caller listed the folder already."""
    try:
        if (os.path.islink(path) if is_link is None else is_link) and not (
            resolved := Path(path).resolve()
        ).is_relative_to(root.resolve()):
            loaded.add(Code.KH001, f"tệp là liên kết trỏ ra ngoài kho ({resolved}); không đọc")
            return None
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE_BYTES:
                loaded.add(Code.KH001, f"tệp quá lớn ({size:,} byte; tối đa {MAX_FILE_BYTES:,} byte cho một bản ghi)")
                return None
            return stream.read()
    except OSError as err:
        loaded.add(Code.KH001, f"không đọc được tệp: {err.strerror or err}")
        return None


def decode_text(data: bytes, loaded: LoadedFile) -> str | None:
    """Decode bytes as UTF-8 NFC text, or record why they cannot be."""
    decoded = decode(data)
    if isinstance(decoded, DecodeFailure):
        loaded.add(Code.KH002, decoded.message, decoded.line, decoded.col)
        return None
    text, had_bom = decoded
    if had_bom:
        loaded.add(Code.KH003, "tệp bắt đầu bằng BOM (EF BB BF); hãy lưu ở dạng UTF-8 không BOM")
    if not is_nfc(text):
        line, col = _first_non_nfc(text)
        loaded.add(
            Code.KH004,
            "văn bản có ký tự tổ hợp (dấu tách rời, NFD); hãy lưu ở dạng dựng sẵn NFC "
            "(gõ lại bằng bộ gõ đặt bảng mã Unicode dựng sẵn, hoặc chuyển mã bằng công cụ của bộ gõ)",
            line,
            col,
        )
        text = nfc(text)
    return text


def new_file(root: Path, path: Path) -> LoadedFile:
    try:
        rel = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        rel = PurePosixPath(path.as_posix())
    return LoadedFile(rel, record_kind(rel))


def load_file(root: Path, path: Path) -> LoadedFile:
    """Read one record file strictly. Always returns; ``data`` is None when unusable."""
    loaded = new_file(root, path)
    data = read_bytes(path, loaded, root)
    if data is not None:
        parse_bytes(data, loaded)
    return loaded


def parse_bytes(data: bytes, loaded: LoadedFile) -> None:
    """Decode and parse a file's bytes into ``loaded``: data, positions, findings."""
    text = decode_text(data, loaded)
    if text is None:
        return
    loaded.suppressions = read_suppressions(text, KNOWN_CODES)
    for line, col, code in loaded.suppressions.unknown:
        loaded.add(Code.KH005, f"chú thích tắt quy tắc nêu mã '{code}' không tồn tại (xem 'kehoach rules')", line, col)
    for line, col, note in review_notes(text):
        loaded.add(
            Code.KH017,
            f"chú thích '{note}' chưa được xem lại: đối chiếu với văn bản gốc, sửa giá trị nếu cần, rồi xóa chú thích",
            line,
            col,
        )
    parsed = yamlsafe.parse(text)
    loaded.positions = parsed.positions
    for problem in parsed.problems:
        loaded.add(problem.code, problem.message, problem.line, problem.col)
    if parsed.data is None and not any(f.severity is Severity.ERROR for f in loaded.findings):
        loaded.add(Code.KH015, "tệp rỗng; cần một bản ghi dạng 'khóa: giá trị'")
    elif parsed.data is not None and not isinstance(parsed.data, dict):
        shape = "danh sách" if isinstance(parsed.data, list) else "một giá trị đơn"
        loaded.add(Code.KH015, f"nội dung tệp là {shape}; cần một bản ghi dạng 'khóa: giá trị'")
    else:
        loaded.data = parsed.data


__all__ = ["LoadedFile", "discover", "load_file", "new_file", "parse_bytes", "read_bytes", "record_kind"]
