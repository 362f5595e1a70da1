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


def decode(data: bytes) -> tuple[str, bool] | DecodeFailure:
    """Return (text, had_bom) or where and why the bytes are not UTF-8."""
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
