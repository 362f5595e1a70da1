"""Stage 1 of the flow: find record files and read them strictly into plain
data with positions. Nothing here raises on bad input; problems become findings."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..chars import BIDI_CONTROLS, describe, hidden_character, invisible_in, is_invisible, not_allowed_in_yaml, visible
from ..codes import Code
from ..findings import Finding, Severity
from ..kinds import Kind
from ..oserrors import read_reason
from ..text import is_nfc, nfc
from . import alike
from .encoding import DecodeFailure, decode
from .files import discover, is_record_name, record_kind
from .positions import Parsed, Positions
from .positions import Path as KeyPath
from .review import review_notes
from .suppress import Suppressions, read_suppressions
from .suppress import none as no_suppressions

KNOWN_CODES = frozenset(code.value for code in Code)
MAX_FILE_BYTES = 1024 * 1024  # a long plan is ~50 KB; anything near this is a mistake


@dataclass
class LoadedFile:
    rel: PurePosixPath  # relative to the repository root
    kind: Kind | None
    data: Any = None
    positions: Positions = field(default_factory=Positions)
    findings: list[Finding] = field(default_factory=list)
    suppressions: Suppressions = field(default_factory=no_suppressions)
    name: str = ""  # the path its findings name, when not ``str(rel)`` (a file only parsed, not placed)

    def add(self, code: Code, message: str, line: int = 1, col: int = 1) -> None:
        self.findings.append(Finding(self.name or str(self.rel), line, col, code, message, code.severity))


def _first_non_nfc(text: str) -> tuple[int, int]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not is_nfc(line):
            for col in range(len(line)):
                if not is_nfc(line[: col + 1]) or not is_nfc(line[col : col + 2]):
                    return lineno, col + 1
            return lineno, 1
    return 1, 1


_NOT_A_FILE = (
    (stat.S_ISFIFO, "là một ống dẫn (FIFO)"),
    (stat.S_ISSOCK, "là một ổ cắm (socket)"),
    (stat.S_ISCHR, "là một thiết bị ký tự"),
    (stat.S_ISBLK, "là một thiết bị khối"),
)


def _not_a_file(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None  # the usual file
    for test, what in _NOT_A_FILE:
        if test(mode):
            return what
    return "không phải tệp thường"


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def _read_regular(path: Path | str) -> bytes | None:
    """The bytes of the usual file, listed as no link: a regular file within the size
    limit, read with three system calls (open, fstat, read) and no look at it before.
    None for anything else (a folder, a FIFO, a link put in its place, a file too
    large, an error), which ``read_bytes`` then looks at and names (a FIFO or a device
    listed as a file is opened first, without waiting for a writer, never as a terminal)."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        data = _read_upto(descriptor, MAX_FILE_BYTES + 1, info.st_size + 1)
        return data if len(data) <= MAX_FILE_BYTES else None
    except OSError:
        return None
    finally:
        os.close(descriptor)


def read_bytes(path: Path | str, loaded: LoadedFile, root: Path, is_link: bool | None = None) -> bytes | None:
    """Read one file's bytes, or record why it cannot be read. ``is_link`` saves a
    system call when the caller listed the folder already.

    Never blocks and never follows a link out of the repository: anything but a
    regular file (a folder, a FIFO, a device, a socket, a link loop) is named and
    skipped, and the file is opened without waiting for a writer."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        loaded.add(
            Code.KH001, "tên tệp không phải UTF-8; hãy đổi tên tệp (chỉ chữ thường không dấu, số và dấu gạch nối)"
        )
        return None
    if is_link is False and (data := _read_regular(path)) is not None:
        return data
    try:
        if (os.path.islink(path) if is_link is None else is_link) and not (
            resolved := Path(os.path.realpath(path))
        ).is_relative_to(root.resolve()):
            loaded.add(Code.KH001, f"tệp là liên kết trỏ ra ngoài kho ({visible(str(resolved))}); không đọc")
            return None
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            if is_record_name(os.path.basename(path)):
                loaded.add(Code.KH001, "đây là một thư mục đặt tên như tệp bản ghi; bản ghi phải là một tệp .yaml")
            else:
                _unreadable_folder(path, loaded)
            return None
        if (what := _not_a_file(info.st_mode)) is not None:
            loaded.add(Code.KH001, f"không đọc được tệp: {what}; bỏ qua")
            return None
        descriptor = os.open(path, _OPEN_FLAGS)
        try:  # the descriptor read directly: no file object for a read of a few hundred bytes
            info = os.fstat(descriptor)
            if (what := _not_a_file(info.st_mode)) is not None:  # replaced since the first look
                loaded.add(Code.KH001, f"không đọc được tệp: {what}; bỏ qua")
                return None
            if info.st_size <= MAX_FILE_BYTES:
                # a file growing meanwhile is still bounded
                data = _read_upto(descriptor, MAX_FILE_BYTES + 1, info.st_size + 1)
                if len(data) <= MAX_FILE_BYTES:
                    return data
            size = max(info.st_size, MAX_FILE_BYTES + 1)
            loaded.add(Code.KH001, f"tệp quá lớn ({size:,} byte; tối đa {MAX_FILE_BYTES:,} byte cho một bản ghi)")
            return None
        finally:
            os.close(descriptor)
    except OSError as err:
        loaded.add(Code.KH001, f"không đọc được tệp: {read_reason(err)}")
        return None
    except (RuntimeError, ValueError) as err:  # a link loop on some Python versions; a NUL in a name
        loaded.add(Code.KH001, f"không đọc được tệp: {visible(str(err))}")
        return None


def _read_upto(descriptor: int, limit: int, expected: int) -> bytes:
    """Up to ``limit`` bytes from the descriptor, until its end (``expected``:
    the size to ask for first, one more than the file's size, so that a file
    that has not grown is read in one call, which returns less than asked)."""
    chunks = []
    size = 0
    ask = min(expected, limit)
    while size < limit:
        chunk = os.read(descriptor, ask)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if len(chunk) < ask and size < expected:
            break  # the end of a regular file: a short read
        ask = min(limit - size, 1 << 16)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _unreadable_folder(path: Path | str, loaded: LoadedFile) -> None:
    """A folder of records listed as an entry: it could not be listed (KH007)."""
    try:
        os.scandir(path).close()
        reason = "không liệt kê được"
    except OSError as err:
        reason = read_reason(err)
    loaded.add(Code.KH007, f"không đọc được thư mục ({reason}); các bản ghi trong đó chưa được kiểm tra")


# What the usual record's bytes hold, known in a few passes over them in C (``_plain``):
# line feeds, printable ASCII, UTF-8 continuation bytes, the leading bytes of U+00C0-U+01BF
# (Latin-1's and Latin Extended's letters: à, đ, ơ, ư...), 0xE1 followed by 0xBA or 0xBB
# (U+1E80-U+1EFF: the letters with two marks, ạ, ế, ữ...) and 0xE2 0x80 followed by
# 0x90-0xA7 or 0xB0-0xBF (U+2010-U+2027, U+2030-U+203F: dashes, quotes, an ellipsis).
# Each of these characters is printable and in NFC whatever stands next to it (none
# combines with the one before it): text of them alone is NFC, printable but for its line
# feeds, with no tab (tests/load/test_load.py checks them against the Unicode database).
# In the table, the bytes that may be of such a character are 'a', the others (of a
# control or format character, a combining mark, another script...) 0xFF.
_PLAIN_BYTES = bytes(
    0x61 if b == 0x0A or 0x20 <= b <= 0x7E or 0x80 <= b <= 0xBF or 0xC3 <= b <= 0xC6 or b in (0xE1, 0xE2) else 0xFF
    for b in range(256)
)
_OTHER_PUNCTUATION = re.compile(rb"\xe2(?!\x80[\x90-\xa7\xb0-\xbf])")  # a space, a direction mark...


def _plain(data: bytes) -> bool:
    """Whether a file's bytes hold only the characters of ``_PLAIN_BYTES``: decoded
    (when they are UTF-8), the text is NFC and printable but for its line feeds."""
    return (
        data.translate(_PLAIN_BYTES).isascii()
        and data.count(b"\xe1") == data.count(b"\xe1\xba") + data.count(b"\xe1\xbb")
        and (b"\xe2" not in data or _OTHER_PUNCTUATION.search(data) is None)
    )


def text_of(data: bytes, loaded: LoadedFile) -> tuple[str, bool, bool] | None:
    """A file's text (``decode_text``), whether its characters are allowed, and
    whether they are printable but line feeds (``_characters_allowed``); None when
    it cannot be decoded. The usual file (``_plain``) is decoded with no other look."""
    if _plain(data):
        try:
            return data.decode("utf-8"), True, True
        except UnicodeDecodeError:
            pass  # named by the look below
    text = decode_text(data, loaded)
    if text is None:
        return None
    allowed, printable = _characters_allowed(text, loaded)
    return text, allowed, printable


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


MAX_CHARACTER_FINDINGS = 20  # per file and kind: a binary file pasted in would give thousands


def _characters_allowed(text: str, loaded: LoadedFile) -> tuple[bool, bool]:
    """Name every character YAML does not allow (control characters: an ESC, a
    NUL...) at its place, and warn of invisible and direction-changing ones.
    Whether the file holds only characters YAML takes (False: it is not parsed),
    and whether they are all printable but line feeds (no tab either: what the
    fast reader would otherwise look for again)."""
    flat = text.replace("\n", "")
    tabbed = "\t" in flat or "\r" in flat
    if tabbed:  # rare: one copy of the text less for the usual file
        flat = flat.replace("\t", "").replace("\r", "")
    if flat.isprintable():
        return True, not tabbed  # the usual case, checked in C: no control, format or separator character at all
    forbidden = not_allowed_in_yaml(text)
    for line, col, ch in forbidden[:MAX_CHARACTER_FINDINGS]:
        loaded.add(
            Code.KH010,
            f"tệp có ký tự điều khiển {describe(ch)}, YAML không cho phép; hãy xóa ký tự này "
            "(thường do dán từ nơi khác vào)",
            line,
            col,
        )
    for line, col, ch in invisible_in(text)[:MAX_CHARACTER_FINDINGS]:
        loaded.add(Code.KH017, f"có {_effect(ch)}; hãy xóa ký tự này", line, col)
    return not forbidden, False


def _escaped_characters(value: Any, path: KeyPath, loaded: LoadedFile, text: str) -> None:
    """Warn of control, invisible and direction-changing characters written as
    escapes in double quotes ("\\x1b", "\\u202e"): the file looks clean, the value is not."""
    if isinstance(value, str):
        if (ch := hidden_character(value, besides=text)) is not None:  # not written as it is (warned of already)
            line, col = loaded.positions.of(path)
            loaded.add(
                Code.KH017,
                f"giá trị có {_effect(ch)} (viết bằng mã thoát trong ngoặc kép); hãy xóa ký tự này",
                line,
                col,
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _escaped_characters(item, (*path, key), loaded, text)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _escaped_characters(item, (*path, position), loaded, text)


def _effect(ch: str) -> str:
    if ch in BIDI_CONTROLS:
        return f"ký tự đổi hướng chữ {describe(ch)}: chữ hiện ra theo thứ tự khác với nội dung thật"
    if is_invisible(ch):
        return f"ký tự vô hình {describe(ch)}: giá trị trông khác với nội dung thật"
    return f"ký tự điều khiển {describe(ch)}"


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
    read = text_of(data, loaded)
    if read is None:
        return
    text, allowed, printable = read
    if not allowed:
        return
    loaded.suppressions = read_suppressions(text, KNOWN_CODES)
    for line, col, code in loaded.suppressions.unknown:
        loaded.add(Code.KH005, f"chú thích tắt quy tắc nêu mã '{code}' không tồn tại (xem 'kehoach rules')", line, col)
    for line, col, note in review_notes(text):
        loaded.add(
            Code.KH018,
            f"chú thích '{note}' chưa được xem lại: đối chiếu với văn bản gốc, sửa giá trị nếu cần, rồi xóa chú thích",
            line,
            col,
        )
    fast = alike.read(text, printable)  # the usual record, read without libyaml; None: anything else
    if fast is None:
        from . import yamlsafe  # here, not above: the usual record never needs PyYAML

        parsed = yamlsafe.parse(text)
    else:
        parsed = Parsed(fast[0], fast[1], [])
    loaded.positions = parsed.positions
    for problem in parsed.problems:
        loaded.add(problem.code, problem.message, problem.line, problem.col)
    if "\\" in text and parsed.data is not None:  # escapes ("\\e", "\\u202e") exist only in double quotes
        _escaped_characters(parsed.data, (), loaded, text)
    if parsed.data is None and not any(f.severity is Severity.ERROR for f in loaded.findings):
        loaded.add(Code.KH015, "tệp rỗng; cần một bản ghi dạng 'khóa: giá trị'")
    elif parsed.data is not None and not isinstance(parsed.data, dict):
        shape = "danh sách" if isinstance(parsed.data, list) else "một giá trị đơn"
        loaded.add(Code.KH015, f"nội dung tệp là {shape}; cần một bản ghi dạng 'khóa: giá trị'")
    else:
        loaded.data = parsed.data


__all__ = ["LoadedFile", "discover", "load_file", "new_file", "parse_bytes", "read_bytes", "record_kind"]
