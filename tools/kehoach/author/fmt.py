"""``kehoach fmt``: rewrite record files in their canonical form. A file that
cannot be read as a record is reported (with the loader's own rule codes) and
left exactly as it is; a rewrite that would change the data or drop a comment
is refused the same way."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic
from ..codes import Code
from ..findings import Finding
from ..load import new_file, read_bytes, yamlsafe
from ..load.encoding import DecodeFailure, decode
from ..text import nfc
from . import canonical, comments

MODELINE_PREFIX = "# yaml-language-server:"


@dataclass
class FmtResult:
    path: Path
    rel: str
    original: bytes | None = None
    text: str | None = None  # the canonical text, when it could be produced
    findings: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text.encode("utf-8") != self.original


_KINDS = {
    stat.S_IFIFO: "tệp là một đường ống (FIFO)",
    stat.S_IFSOCK: "tệp là một socket",
    stat.S_IFCHR: "tệp là một thiết bị",
    stat.S_IFBLK: "tệp là một thiết bị",
    stat.S_IFDIR: "đường dẫn là một thư mục",
}


def not_a_regular_file(path: Path) -> str | None:
    """Why ``path`` must not be opened as a record (a FIFO would block the read forever), or None.
    A missing file or a symlink loop is left to the reader, which names it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "không phải tệp thường")


def _comments(text: str) -> comments.Comments:
    found = comments.collect(text)
    found.header = [line for line in found.header if not line.startswith(MODELINE_PREFIX)]
    return found


def canonical_text(root: Path, path: Path) -> FmtResult:
    """The canonical form of the record at ``path``, or findings saying why there is none."""
    loaded = new_file(root, path)
    result = FmtResult(path, str(loaded.rel), findings=loaded.findings)
    if odd := not_a_regular_file(path):
        loaded.add(Code.KH001, f"{odd}; không đọc, không định dạng")
        return result
    data = read_bytes(path, loaded, root)
    if data is None:
        return result
    result.original = data
    decoded = decode(data)
    if isinstance(decoded, DecodeFailure):
        loaded.add(Code.KH002, decoded.message, decoded.line, decoded.col)
        return result
    text = nfc(decoded[0]).replace("\r\n", "\n")  # BOM, NFD and CRLF are formatting: fixed here
    parsed = yamlsafe.parse(text)
    for problem in parsed.problems:
        loaded.add(problem.code, problem.message, problem.line, problem.col)
    if parsed.problems:
        return result
    if not isinstance(parsed.data, dict):
        loaded.add(Code.KH015, "nội dung tệp không phải một bản ghi dạng 'khóa: giá trị'; không định dạng")
        return result
    if loaded.kind is None:
        loaded.add(Code.KH202, "không xác định được loại bản ghi từ đường dẫn; không định dạng")
        return result
    before = _comments(text)
    try:
        output = canonical.render(loaded.kind, parsed.data, loaded.rel, before)
    except canonical.CanonicalError as err:
        loaded.add(Code.KH015, f"không đưa được về dạng chuẩn mà giữ nguyên dữ liệu ({err}); tệp để nguyên")
        return result
    if sorted(_comments(output).texts()) != sorted(before.texts()):
        loaded.add(Code.KH015, "dạng chuẩn sẽ làm mất hoặc đổi một chú thích; tệp để nguyên")
        return result
    result.text = output
    return result


def write(result: FmtResult) -> None:
    """Replace the file's content with its canonical text (same bytes the check compared),
    atomically: raises :class:`kehoach.atomic.WriteFailed`, the file untouched, when it cannot."""
    if result.text is not None:
        write_atomic(result.path, result.text.encode("utf-8"))
