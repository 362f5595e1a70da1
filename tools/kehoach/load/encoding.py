"""Turning a record file's bytes into text: UTF-8 only, with a clear message
naming the likely legacy Vietnamese encoding when the bytes are not UTF-8."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

BOM = b"\xef\xbb\xbf"

# Bytes typical of each legacy encoding. Windows-1258 writes tones as combining
# marks (0xCC 0xD2 0xDE 0xEC 0xF2); TCVN3 (ABC) puts precomposed lower-case letters
# in 0xA1-0xFE, đ being 0xAE; VNI writes a base letter followed by a mark byte
# (0xD8, 0xD9, 0xDB, 0xD5, 0xCF, 0xC2, 0xC1 ...).
_CP1258_MARKS = frozenset(b"\xcc\xd2\xde\xec\xf2")
_TCVN3_LETTERS = frozenset(
    b"\xa8\xa9\xaa\xab\xac\xad\xae\xb5\xb6\xb7\xb8\xb9\xbd\xbe\xc6\xc7\xc8\xcb\xd1\xd5\xd6\xdc\xdd\xe9\xf3\xf9"
)
_VNI_MARKS = frozenset(b"\xd8\xd9\xdb\xd5\xcf\xc2\xc1\xc0\xc3\xc4\xc5\xe1\xf8\xf9\xfb\xf5\xef\xf1")


@dataclass(frozen=True)
class DecodeFailure:
    line: int
    col: int
    message: str


def guess_legacy_encoding(data: bytes) -> str:
    high = [b for b in data if b >= 0x80]
    if not high:
        return "không rõ"
    scores = {
        "Windows-1258": sum(b in _CP1258_MARKS for b in high) * 2,
        "TCVN3 (ABC)": sum(b in _TCVN3_LETTERS for b in high),
        "VNI": 0,
    }
    # VNI marks follow an ASCII vowel directly ("a\xf8" = "à").
    for prev, cur in pairwise(data):
        if cur in _VNI_MARKS and chr(prev) in "aeiouyAEIOUY":
            scores["VNI"] += 2
    return max(scores, key=lambda name: scores[name])


# Byte order marks of the wide Unicode encodings; UTF-32 LE's starts like UTF-16 LE's.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)


def wide_encoding(data: bytes) -> str | None:
    """'UTF-16 LE', 'UTF-32 BE'... when the bytes look like text in one of the
    wide Unicode encodings (by its byte order mark, or without one by where the
    zero bytes of ASCII characters fall), else None."""
    if b"\x00" not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # every test below needs a zero byte or one of these marks (the usual file: one scan in C)
    for mark, name in _WIDE_BOMS:
        if data.startswith(mark):
            return name + " (có BOM)"
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 4 * 4]
    quarters = [sample[i::4].count(0) for i in range(4)]
    slots = len(sample) // 4
    if quarters[2] == quarters[3] == slots and quarters[0] < slots:
        return "UTF-32 LE"
    if quarters[0] == quarters[1] == slots and quarters[3] < slots:
        return "UTF-32 BE"
    even, odd = quarters[0] + quarters[2], quarters[1] + quarters[3]
    half = len(sample) // 2
    if odd >= max(3, 0.25 * half) and even <= 0.02 * half:
        return "UTF-16 LE"
    if even >= max(3, 0.25 * half) and odd <= 0.02 * half:
        return "UTF-16 BE"
    return None


def decode(data: bytes) -> tuple[str, bool] | DecodeFailure:
    """Return (text, had_bom) or where and why the bytes are not UTF-8."""
    wide = wide_encoding(data)
    if wide is not None:
        return DecodeFailure(
            1,
            1,
            f"tệp lưu ở bảng mã {wide}, không phải UTF-8. Hãy mở tệp và lưu lại với bảng mã UTF-8.",
        )
    had_bom = data.startswith(BOM)
    if had_bom:
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8"), had_bom
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        legacy = guess_legacy_encoding(data)
        return DecodeFailure(
            line,
            col,
            f"tệp không phải UTF-8 (byte 0x{data[err.start]:02X}); có thể đã lưu bằng bảng mã {legacy}. "
            "Hãy mở tệp và lưu lại với bảng mã UTF-8.",
        )
