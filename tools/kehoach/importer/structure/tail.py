"""The tail of a document: the recipients ('Nơi nhận') and the signer."""

from __future__ import annotations

import re

from ...text import fold
from ..header import reading_case
from ..source import LOWER, UPPER, Line
from .model import Body

_SIGNATURE = re.compile(r"^\(?\s*(?:đã ký|ký|đã ký và đóng dấu|ký tên, đóng dấu)\s*\)?$", re.IGNORECASE)


_ONE_NAME_WORD = re.compile(rf"[{UPPER}][{LOWER}]+")
_TITLE_PREFIX = re.compile(r"^(?:T/M|K/T|TM\.?|KT\.?|Q\.|TL\.?|TUQ\.?)\s", re.IGNORECASE)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words) and not text.isupper()


def _is_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text) < 60


def _opens_recipients(text: str) -> bool:
    """'Nơi nhận:' however it is marked: in italics or bold ('*Nơi nhận:*', '**Nơi nhận:**'), or as the first cell of
    a table row written in text ('| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |')."""
    return fold(text.strip().lstrip("*_| ")).startswith("noi nhan")


def recipients_at(lines: list[Line], start: int) -> int | None:
    """The line of the recipients' list ('Nơi nhận:') from ``start`` on, if any."""
    return next((i for i in range(start, len(lines)) if _opens_recipients(lines[i].text)), None)


def tail_start(lines: list[Line], start: int) -> int:
    """Where the tail begins: the signer's block over the recipients' list when it is written above it (a Word
    table's right cell read first), the recipients' list, or the signer's block that ends the file."""
    found = recipients_at(lines, start)
    i = len(lines) if found is None else found
    while i > start:
        text = " ".join(lines[i - 1].text.split())
        if not text or _SIGNATURE.match(text) or _is_name(text) or (_is_title(text) and len(text) < 40):
            i -= 1
            continue
        break
    if found is not None and not any(_TITLE_PREFIX.match(" ".join(line.text.split())) for line in lines[i:found]):
        return found  # above the list only a name or capitals: no signer's block ('TM.', 'KT.' open its title)
    return i


def read_tail(body: Body, lines: list[Line]) -> None:
    titles: list[str] = []
    names: list[str] = []
    recipients: list[list[str]] = []  # [text, side note]
    surname = ""  # a name cut after its first word by a narrow cell ('Phạm' / 'Mạnh Cường')
    for line in lines:
        for index, column in enumerate(line.columns):
            text = " ".join(column.split())
            if not text:
                continue
            if _opens_recipients(text):
                recipients.extend(_after_label(text))
                continue
            if re.match(r"^[-+•]\s*", text) and index == 0:
                recipients.append([re.sub(r"^[-+•]\s*", "", text), ""])
            elif _SIGNATURE.match(text):
                continue
            elif _is_title(text) and (index > 0 or not recipients or _TITLE_PREFIX.match(text) or len(text) < 30):
                titles.append(text)
            elif titles and _ONE_NAME_WORD.fullmatch(text):
                surname = text  # under the signer's title, one capitalised word: the name goes on below
            elif _is_name(text) and (titles or index > 0 or not recipients):
                names.append(f"{surname} {text}".strip())
                surname = ""
            elif recipients and index == 0:
                # a recipient wrapped onto the next line; a word the line broke at its hyphen ('Quy định số
                # 69-' / 'QĐ/TW, ...') is one word again, as in a paragraph
                broken = re.search(r"\w-$", recipients[-1][0]) and text[:1].isalnum()
                recipients[-1][0] += ("" if broken else " ") + text
            elif recipients:
                recipients[-1][1] = text  # a note written beside it: "(Báo" / "cáo)"
    if surname and not names:
        names.append(surname)
    body.recipients = _join_side_notes(recipients)
    if titles:
        body.signer_title = " - ".join(_title_case(t) for t in titles)
    if names:
        body.signer = names[-1]


def _after_label(text: str) -> list[list[str]]:
    """The recipient written on the label's line ('Nơi nhận: - Như trên;'), if any."""
    after = text.split(":", 1)[1].strip(" *_") if ":" in text else ""
    return [[after.lstrip("-+• ").strip(), ""]] if after else []


def _join_side_notes(recipients: list[list[str]]) -> list[str]:
    """'(Báo' beside one line and 'cáo)' beside the next make one note '(Báo cáo)' for both."""
    out = [r[0] for r in recipients]
    notes = [r[1] for r in recipients]
    i = 0
    while i < len(notes):
        if notes[i] and notes[i].count("(") > notes[i].count(")"):
            j = i
            joined = notes[i]
            while joined.count("(") > joined.count(")") and j + 1 < len(notes) and notes[j + 1]:
                j += 1
                joined += " " + notes[j]
            for k in range(i, j + 1):
                out[k] = f"{out[k]} {joined}"
            i = j + 1
            continue
        if notes[i]:
            out[i] = f"{out[i]} {notes[i]}"
        i += 1
    # "Ban Dân vận TW (HN, T78), (Báo" written in one column: complete the open bracket.
    for k in range(len(out) - 1):
        tail = re.search(r"\(([^()]*)$", out[k])
        head = re.match(r"^(.*?)\s+([^()\s]*\))$", out[k + 1])
        if tail and head:
            note = f"({tail[1]} {head[2]}"
            out[k] = out[k][: tail.start()] + note
            out[k + 1] = f"{head[1]} {note}"
    return [" ".join(r.split()) for r in out]


def _title_case(text: str) -> str:
    """Signer titles in reading case: 'K/T TRƯỞNG BAN' -> 'K/T Trưởng ban',
    'PHÓ TRƯỞNG BAN' -> 'Phó Trưởng ban', 'T/M BAN THƯỜNG VỤ' -> 'T/M Ban Thường vụ'."""
    prefix = ""
    if match := _TITLE_PREFIX.match(text):
        prefix = match[0].strip().upper() + " "
        text = text[match.end() :]
    words = text.lower().split()
    if not words:
        return prefix.strip()
    if prefix.startswith("T/M") or prefix.startswith("TM"):
        return prefix + reading_case(" ".join(words))
    words[0] = words[0].capitalize()
    if words[0] == "Phó" and len(words) > 1:
        words[1] = words[1].capitalize()
    return prefix + " ".join(words)
