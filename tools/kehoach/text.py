"""Vietnamese text helpers shared by every stage: normalisation, accent-
insensitive folding for matching and search (``fold`` and the forms built on
it: one character at a time, words only), ASCII slugs, and collation."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Tone marks sit on different vowels in the two spelling traditions
# ("hòa"/"hoà", "thủy"/"thuỷ"); folding strips them, so both styles compare
# equal. Đ/đ has no decomposition and must be mapped by hand.
_D_MAP = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D"})


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every record is compared in."""
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


class _Unmarked(dict[int, str]):
    """Each character without its diacritics, worked out the first time it is met:
    decomposition works character by character, so the whole text's NFD with every
    combining mark left out is the concatenation of its characters' (and a text
    is stripped by one ``str.translate``, several times faster)."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code).translate(_D_MAP))
        value = self[code] = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return value


_UNMARKED = _Unmarked()


def strip_marks(text: str) -> str:
    """Remove every diacritic (including đ -> d), keeping letter case."""
    return text if text.isascii() else text.translate(_UNMARKED)


_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Accent- and case-insensitive matching key: 'Bân Dân tộc  tỉnh' -> 'ban dan toc tinh'."""
    return _SPACE.sub(" ", strip_marks(text).casefold()).strip()


def fold_char(ch: str) -> str:
    """``fold`` of one character, always one character long, so that positions in
    folded text are positions in the original: a space for any white space, '-'
    for any dash, and a character that would fold to none or several kept as is."""
    if ch.isspace():
        return " "
    if ch in "‐‑‒–—−":
        return "-"
    folded = strip_marks(ch).casefold()
    return folded if len(folded) == 1 else ch


_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold_words(text: str) -> str:
    """``fold``, then only the words: punctuation as spaces, so '“Dân vận khéo”' and
    'dan van kheo', or '308-CV/TU' and '308 cv', meet (the site's search script does the same)."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def clip(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters: white space runs become one
    space, and a longer text is cut at the last word that fits (mid-word only when a
    single word is longer than most of the room) and ends with '…'."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


@dataclass(frozen=True)
class Folded:
    """Folded text, and for each of its characters the index of the original character it came from."""

    text: str
    origin: tuple[int, ...]


def fold_words_mapped(text: str) -> Folded:
    """``fold_words(text)`` with a map back to ``text``, to show a match in the original."""
    chars: list[str] = []
    origin: list[int] = []
    gap = False
    for i, ch in enumerate(text):
        for folded in fold(ch) if not ch.isspace() else " ":
            if folded.isascii() and folded.isalnum():
                if gap and chars:
                    chars.append(" ")
                    origin.append(i)
                chars.append(folded)
                origin.append(i)
                gap = False
            else:
                gap = True
    return Folded("".join(chars), tuple(origin))


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII slug for ids and file names: 'Ban Dân vận Tỉnh ủy' -> 'ban-dan-van-tinh-uy'."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# with tone marks compared last (no mark, huyền, hỏi, ngã, sắc, nặng).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_BASE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def _split_letter(ch: str) -> tuple[str, int]:
    """Split a character into its base letter (with ă/â/ê/ô/ơ/ư kept) and tone rank."""
    parts = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for part in parts:
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def sort_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """Collation key in Vietnamese order: 'Đà Nẵng' sorts after every 'D...'."""
    letters = []
    tones = []
    for ch in nfc(text).casefold():
        base, tone = _split_letter(ch)
        rank = _LETTER_RANK.get(base)
        if rank is not None:
            letters.append((1, rank))
        elif base.isdigit():
            letters.append((0, int(base)))
        elif base.isspace():
            letters.append((-1, 0))  # 'Ban Dân' before 'Bana'
        else:
            letters.append((2, ord(base[0]) if base else 0))
        tones.append(tone)
    return (tuple(letters), tuple(tones))


@lru_cache(maxsize=4096)  # a check of a large repository writes the same dates tens of thousands of times
def vn_date(value: dt.date | None, missing: str = "") -> str:
    """A date the way Vietnamese documents write it: dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y") if value else missing
