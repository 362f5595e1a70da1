"""Reading document numbers (số và ký hiệu) in the party and the state formats.

Party (Hướng dẫn 36-HD/VPTW): ``12-KH/BDVTU``, joint issuers ``05-QC/BTCTU-BDVTU``.
State (Nghị định 30/2020/NĐ-CP): ``16/CT-TTg``, legal documents with the year
``04/2015/NĐ-CP``, laws ``25/2018/QH14``, a công văn without a type part ``123/UBND-VX``.
A document issued with its serial left blank for the hand (``Số:    /KH-UBND``) keeps the
rest of its number with no serial: ``/KH-UBND``, ``-KH/TU``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doctype import TYPE_CODES, canonical_type_code

EXPECTED_SHAPES = (
    "đảng: <số>-<LOẠI>/<CƠ QUAN> (ví dụ 12-KH/BDVTU, 05-QC/BTCTU-BDVTU); "
    "nhà nước: <số>/<LOẠI>-<CƠ QUAN> (ví dụ 16/CT-TTg) hoặc <số>/<năm>/<LOẠI>-<CƠ QUAN> "
    "(ví dụ 04/2015/NĐ-CP)"
)

_ISSUER = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
_ISSUERS = rf"{_ISSUER}(?:-{_ISSUER})*"
_PARTY = re.compile(rf"^(?P<serial>(?:\d+[a-z]?)?)-(?P<type>[A-Za-zĐđ]+)/(?P<issuers>{_ISSUERS})$")
_STATE = re.compile(rf"^(?P<serial>\d*)/(?:(?P<year>(?:19|20)\d\d)/)?(?P<rest>{_ISSUERS})$")


def json_schema_pattern() -> str:
    """The same grammar as a JSON Schema pattern, so editors flag malformed numbers too."""
    codes = "|".join(sorted(TYPE_CODES, key=len, reverse=True))
    issuers = _ISSUERS
    party = rf"(?:\d+[a-z]?)?-(?:{codes})/{issuers}"
    state = rf"\d*/(?:(?:19|20)\d\d/)?{issuers}"
    return rf"^(?:{party}|{state})$"


class DocNumberError(ValueError):
    """A number that cannot be read; ``suggestion`` is the likely intended form."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


@dataclass(frozen=True)
class DocNumber:
    text: str
    serial: str
    type_code: str | None
    issuers: tuple[str, ...]
    year: int | None
    system: str  # "party" or "state"

    @property
    def blank(self) -> bool:
        """The serial was left blank for the hand (the document is not yet numbered)."""
        return not self.serial

    @property
    def issuer_code(self) -> str:
        """The issuers part as written: 'BDVTU', 'BTCTU-BDVTU', 'CP'."""
        return "-".join(self.issuers)


def _parse_exact(text: str) -> DocNumber | None:
    if match := _PARTY.match(text):
        code = match["type"]
        if code not in TYPE_CODES:
            return None
        return DocNumber(text, match["serial"], code, tuple(match["issuers"].split("-")), None, "party")
    if match := _STATE.match(text):
        tokens = match["rest"].split("-")
        year = int(match["year"]) if match["year"] else None
        if len(tokens) >= 2 and tokens[0] in TYPE_CODES:
            return DocNumber(text, match["serial"], tokens[0], tuple(tokens[1:]), year, "state")
        if canonical_type_code(tokens[0]) and len(tokens) >= 2:
            return None  # a type code in the wrong case: let the diagnosis explain
        return DocNumber(text, match["serial"], None, tuple(tokens), year, "state")
    return None


def _repair(text: str) -> str:
    """Best guess at the intended number, used only to suggest a fix."""
    guess = re.sub(r"\s*([-/–—])\s*", lambda m: "-" if m[1] in "–—" else m[1], text.strip())
    guess = re.sub(r"^(?:số|so)\s*", "", guess, flags=re.IGNORECASE)
    # "72-NQ-TW": party number with the slash written as a dash.
    party_dash = re.match(rf"^(\d+)-([A-Za-zĐđ]+)-({_ISSUERS})$", guess)
    if party_dash and canonical_type_code(party_dash[2]):
        guess = f"{party_dash[1]}-{party_dash[2]}/{party_dash[3]}"

    # Fix the case of a type code: "65-Ctr/TU" -> "65-CTr/TU".
    def fix_code(m: re.Match[str]) -> str:
        return m[1] + (canonical_type_code(m[2]) or m[2]) + m[3]

    guess = re.sub(r"^(\d+[a-z]?-)([A-Za-zĐđ]+)(/)", fix_code, guess)
    guess = re.sub(r"^(\d+/(?:\d{4}/)?)([A-Za-zĐđ]+)(-)", fix_code, guess)
    return guess


def parse_doc_number(text: str) -> DocNumber:
    """Parse a number written exactly as issued; raise DocNumberError otherwise."""
    parsed = _parse_exact(text)
    if parsed:
        return parsed
    guess = _repair(text)
    if guess != text and _parse_exact(guess):
        return _raise_with(text, guess)
    raise DocNumberError(f"số hiệu {text!r} không đúng dạng; dạng đúng: {EXPECTED_SHAPES}")


def _raise_with(text: str, guess: str) -> DocNumber:
    if re.search(r"\s", text):
        why = "có khoảng trắng hoặc chữ 'Số' thừa"
    elif "–" in text or "—" in text:
        why = "dùng dấu gạch dài thay cho dấu '-'"
    elif text.count("/") == 0:
        why = "thiếu dấu '/' giữa loại văn bản và cơ quan ban hành"
    else:
        why = "viết sai chữ hoa/thường của loại văn bản"
    raise DocNumberError(f"số hiệu {text!r} có vẻ viết sai ({why}); có phải là {guess!r}?", guess)


def follows_numbering(number: str) -> bool:
    """Whether ``number`` is one the model takes as a document number (not 'KH106 không đúng dạng')."""
    try:
        parse_doc_number(number)
    except DocNumberError:
        return False
    return True
