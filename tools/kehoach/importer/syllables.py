"""Syllables run together: text taken from a PDF often loses the space after a syllable written
with a precomposed letter ('Văn phòng Đảng uỷchủtrì, phối hợp ...', 'đềnghịcác cơ quan',
'Vănphòng'). A word of such text is no Vietnamese syllable, so the readers match nothing in it.

``split`` reads such a word as the syllables it is made of, by the rules of Vietnamese spelling
(an initial, a vowel group, a final, one tone; a checked final takes only a rising or a heavy
tone); a word is cut only when every part is a syllable and every part but the last holds a
letter with a diacritic (the space is lost after one). Words that are syllables, words of Latin
letters only (acronyms, foreign names) and words no cut reads whole are left as written.

Only the reading splits: ``Joins`` remembers each word cut, and puts it back as written in
the text that goes into records (the text stays verbatim).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
_INITIALS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
_FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
# Vowel groups that may close with a final consonant, and those that end the syllable (their last
# letter is a glide: 'ai', 'ưu', 'ươi').
_CLOSABLE = frozenset(
    ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
     "oa", "oă", "oe", "oo", "uâ", "uê", "uy", "iê", "yê", "uô", "ươ", "uyê")
)  # fmt: skip
_OPEN = frozenset(
    ("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "uơ",
     "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu")
)  # fmt: skip
_CLOSED = frozenset(("ă", "â", "oă", "uâ", "iê", "yê", "uô", "ươ", "uyê"))
_CHECKED = frozenset({"c", "ch", "p", "t"})  # a syllable closed by one takes a rising or a heavy tone only
_FRONT = frozenset("eêiy")
_WORD = re.compile(r"[^\W\d_]+")
_VOWEL_LETTERS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_LONGEST = 8  # letters in the longest syllable ('nghiêng', 'khuyếch')


def _letters(word: str) -> tuple[str, str | None] | None:
    """The word's letters without tone marks, lowercased, and its one tone (None when level);
    None when it has two tones or a letter outside Vietnamese spelling."""
    tones = []
    base = []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONES:
            tones.append(_TONES[char])
        else:
            base.append(char)
    if len(tones) > 1:
        return None
    return unicodedata.normalize("NFC", "".join(base)), (tones[0] if tones else None)


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` is spelt as one Vietnamese syllable ('chủ', 'nghiêng', 'Quốc'; not 'chủtrì')."""
    read = _letters(word)
    if read is None:
        return False
    letters, tone = read
    for initial in _INITIALS:
        if not letters.startswith(initial):
            continue
        rest = letters[len(initial) :]
        for final in _FINALS:
            if final and not rest.endswith(final):
                continue
            vowels = rest[: len(rest) - len(final)]
            if _fits(initial, vowels, final, tone):
                return True
    return False


def _fits(initial: str, vowels: str, final: str, tone: str | None) -> bool:
    if not vowels or (vowels not in _CLOSABLE and vowels not in _OPEN) or (final and vowels not in _CLOSABLE):
        return False
    if vowels in _CLOSED and not final:
        return False  # 'ă', 'â', 'iê', 'uô', 'ươ' are always closed ('ăn', 'tầng', 'tiên', 'được')
    if final in _CHECKED and tone not in (None, "acute", "dot"):
        return False
    if final in ("ch", "nh") and vowels[-1] not in "aêiy":
        return False
    if final == "ng" and vowels[-1] in "êiy":
        return False
    if initial in ("k", "gh", "ngh") and vowels[0] not in _FRONT:
        return False
    if initial == "c" and vowels[0] in _FRONT:
        return False
    return not ((initial == "qu" and vowels[0] == "u") or (initial == "gi" and vowels[0] == "i"))


def _marked(part: str) -> bool:
    return any(ord(char) > 127 for char in part)


def split_word(word: str, known: frozenset[str] | set[str] = frozenset()) -> str:
    """The word as its syllables joined by spaces, or the word itself when it is one syllable or no
    cut reads it whole. Of two readings the one with fewer parts wins, then the one with more parts
    ``known`` (written alone elsewhere in the text, lowercased: 'Đảng ủy', not 'Đả ngủy'), then the one
    with more parts ending in a marked vowel (where the space is lost: 'hạ tầng', not 'hạt ầng'), then
    the one with more parts opening with a consonant ('số các', not 'sốc ác')."""
    if len(word) < 3 or not _marked(word) or is_syllable(word):
        return word
    best: dict[int, tuple[tuple[int, int, int, int], list[str]]] = {0: ((0, 0, 0, 0), [])}
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            if start not in best or not is_syllable(part := word[start:end]):
                continue
            key, parts = best[start]
            if parts and not _marked(parts[-1]):
                continue  # the space is lost only after a syllable with a diacritic
            key = (
                key[0] + 1,
                key[1] - (part.lower() in known),
                key[2] - _marked(part[-1]),
                key[3] - (part[0].lower() not in _VOWEL_LETTERS),
            )
            if end not in best or key < best[end][0]:
                best[end] = (key, [*parts, part])
    found = best.get(len(word))
    return " ".join(found[1]) if found and len(found[1]) > 1 else word


@dataclass(frozen=True)
class _Cut:
    line: int
    read: str  # the text as read, its words run together split
    spaces: frozenset[int]  # where the reading put a space the source did not write


@dataclass
class Joins:
    """The texts read with their words run together split, and where each was split, to write back
    what is read from them as the source wrote it."""

    known: set[str] = field(default_factory=set)  # syllables the text writes alone, lowercased
    cuts: list[_Cut] = field(default_factory=list)
    _read: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, texts: list[str]) -> Joins:
        """Joins for a text made of ``texts``, knowing the syllables they write alone."""
        return cls({word.lower() for text in texts for word in _WORD.findall(text) if is_syllable(word)})

    def split(self, text: str, line: int = 0) -> str:
        """The text with every word run together read as its syllables; where it was cut is remembered."""
        parts: list[str] = []
        spaces: set[int] = set()
        size = last = 0
        for found in _WORD.finditer(text):
            read = self._read.get(found[0])
            if read is None:
                read = self._read[found[0]] = split_word(found[0], self.known)
            before = text[last : found.start()]
            spaces.update(size + len(before) + k for k, char in enumerate(read) if char == " ")
            parts += [before, read]
            size += len(before) + len(read)
            last = found.end()
        if not spaces:
            return text
        parts.append(text[last:])
        read_text = "".join(parts)
        self.cuts.append(_Cut(line, read_text, frozenset(spaces)))
        return read_text

    def verbatim(self, text: str, line: int | None = None) -> str:
        """Text read from a split text (the whole or a part; its end mark may differ), with the spaces the
        reading put in taken out: as the source wrote it. A text the reading did not split is as it is."""
        cuts = sorted(self.cuts, key=lambda cut: cut.line != line)  # the text's own line first
        for cut in cuts:
            for trim in range(4):  # '... cấp trên./.' read as '... cấp trên.'
                probe = text[: len(text) - trim]
                at = cut.read.find(probe) if len(probe) > 3 else -1
                if at >= 0:
                    return "".join(c for k, c in enumerate(text) if k >= len(probe) or at + k not in cut.spaces)
        return text
