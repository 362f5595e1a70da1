"""Reading a time frame as documents write it ('quý III/2021', 'Thường xuyên', 'trước ngày 09/4/2022') into dated parts."""

# The reader folds the text into a same-length copy (no diacritics, lower case,
# one kind of dash and space) so regexes match on the copy while labels and
# notes are sliced from the original wording. Atoms read one dated period;
# combinators add "từ ... đến ...", deadlines, "và các năm tiếp theo", a label
# before and a note after; compound frames are split on ";" and sentences.

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..text import nfc, strip_marks

ACCEPTED_FORMS = (
    "'Thường xuyên', 'hằng năm', 'hằng quý', 'theo yêu cầu của cấp trên', 'Năm 2025', "
    "'6 tháng đầu năm 2022', 'quý III/2021', 'Tháng 3/2022', 'đầu tháng 5/2022', 'ngày 09/4/2022', "
    "'trước ngày 09/4/2022', 'Từ tháng 8/2021 đến tháng 12/2021', 'giai đoạn 2021 - 2025', "
    "'Năm 2025 và các năm tiếp theo', nhiều mốc cách nhau bằng ';' (ví dụ 'cấp tỉnh quý III/2021; "
    "cấp huyện quý IV/2021')"
)

MIN_YEAR, MAX_YEAR = 1945, 2100
_DAY = dt.timedelta(days=1)


class TimeFrameError(ValueError):
    """A time frame that cannot be read; the message quotes the fragment."""


@dataclass(frozen=True)
class Part:
    kind: str  # date, month, quarter, half, year, range, continuous, recurring, on-request
    start: dt.date | None = None
    end: dt.date | None = None  # the last day the part covers: the deadline it implies
    label: str | None = None  # "cấp tỉnh" in "cấp tỉnh quý III/2021"
    note: str | None = None  # "Triển khai kế hoạch" in "Năm 2022: Triển khai kế hoạch"
    recurrence: str | None = None  # yearly, half-yearly, quarterly, monthly
    open_ended: bool = False  # "... và các năm tiếp theo"
    by: bool = False  # a deadline form: "trước ngày X", "chậm nhất ngày X"


@dataclass(frozen=True)
class TimeFrame:
    text: str
    parts: tuple[Part, ...]

    @property
    def _dated(self) -> list[Part]:
        return [p for p in self.parts if p.end is not None]

    @property
    def kind(self) -> str:
        dated = self._dated
        if len(dated) > 1:
            return "milestones"
        if not dated:
            return self.parts[0].kind
        part = dated[0]
        if part.open_ended:
            return "open-ended"
        if part.kind == "range":
            return "range"
        return "deadline" if part.by else "period"

    @property
    def start(self) -> dt.date | None:
        starts = [p.start for p in self._dated if p.start is not None]
        return min(starts) if starts else None

    @property
    def deadline(self) -> dt.date | None:
        """Latest end of the closed dated parts: open-ended ones never fall due as a whole."""
        ends = [p.end for p in self._dated if p.end is not None and not p.open_ended]
        return max(ends) if ends else None

    @property
    def first_due(self) -> dt.date | None:
        ends = [p.end for p in self._dated if p.end is not None]
        return min(ends) if ends else None

    @property
    def is_continuous(self) -> bool:
        """Never overdue: continuous, recurring, on request or open-ended, with no closed deadline."""
        return self.deadline is None


# ---------------------------------------------------------------- folding

_DASHES = "-‐‑‒–—−"


def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    if ch in _DASHES:
        return "-"
    folded = strip_marks(ch).casefold()
    # Keep the length: a character that folds to 0 or 2+ characters stays as is.
    return folded if len(folded) == 1 else ch


def _fold(text: str) -> str:
    return "".join(map(_fold_char, text))


# ---------------------------------------------------------------- atoms


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise TimeFrameError(f"năm {year} nằm ngoài khoảng {MIN_YEAR}-{MAX_YEAR}")
    return year


def _month_number(raw: str) -> int:
    month = int(raw)
    if not 1 <= month <= 12:
        raise TimeFrameError(f"tháng {month} không tồn tại (chỉ có tháng 1 đến 12)")
    return month


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), _month_end(year, last)


def _day(g: dict[str, str], year: int) -> tuple[dt.date, dt.date]:
    try:
        day = dt.date(year, _month_number(g["m"]), int(g["d"]))
    except ValueError as err:
        if isinstance(err, TimeFrameError):
            raise
        raise TimeFrameError(f"ngày {g['d']}/{g['m']}/{year} không tồn tại") from None
    return day, day


def _month(g: dict[str, str], year: int) -> tuple[dt.date, dt.date]:
    first, last = _months(year, _month_number(g["m"]), int(g["m"]))
    # Thirds of a month: đầu 1-10, giữa 11-20, cuối 21 to the last day.
    thirds = {"dau": (first, first.replace(day=10)), "giua": (first.replace(day=11), first.replace(day=20))}
    return thirds.get(g.get("p") or "", (first.replace(day=21) if g.get("p") == "cuoi" else first, last))


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter(g: dict[str, str], year: int) -> tuple[dt.date, dt.date]:
    raw = g["q"]
    quarter = _ROMAN.get(raw, int(raw) if raw.isdigit() else 0)
    if not 1 <= quarter <= 4:
        raise TimeFrameError(f"quý {raw.upper()} không tồn tại (chỉ có quý I đến IV)")
    return _months(year, 3 * quarter - 2, 3 * quarter)


def _half(g: dict[str, str], year: int) -> tuple[dt.date, dt.date]:
    return _months(year, 1, 6) if g["p"] == "dau" else _months(year, 7, 12)


def _year_part(g: dict[str, str], year: int) -> tuple[dt.date, dt.date]:
    # đầu năm = quý I, cuối năm = quý IV; giữa năm = the three months around mid-year (5-7).
    return _months(year, *{"dau": (1, 3), "giua": (5, 7), "cuoi": (10, 12)}[g["p"]])


def _whole_year(g: dict[str, str], year: int) -> tuple[dt.date, dt.date]:
    return _months(year, 1, 12)


_YEAR_SUFFIX = r"(?:(?:\s*/\s*|\s+nam\s+)(?P<y>\d{4}))?"


@dataclass(frozen=True)
class _Entry:
    kind: str
    pattern: re.Pattern[str]
    build: Callable[[dict[str, str], int], tuple[dt.date, dt.date]]
    lenient: bool = False  # a bare number that may not be a time at all ("1000", "13/2021")


def _entry(kind: str, regex: str, build: Callable, lenient: bool = False) -> _Entry:
    return _Entry(kind, re.compile(regex + r"(?![\d/])", re.ASCII), build, lenient)


# Order matters where forms share a prefix: a date before a month, "6 tháng đầu năm" before "đầu năm".
_ATOMS = (
    _entry("date", r"ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})(?:\s+nam\s+(?P<y>\d{4}))?", _day),
    _entry("date", r"(?:ngay\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?!\d)(?:\s*/\s*(?P<y>\d{4}))?", _day),
    _entry("half", r"(?:(?:6|sau)\s+thang|nua)\s+(?P<p>dau|cuoi)\s+nam(?:\s+(?P<y>\d{4}))?", _half),
    _entry("month", r"(?:(?P<p>dau|giua|cuoi)\s+)?thang\s+(?P<m>\d{1,2})(?!\d)" + _YEAR_SUFFIX, _month),
    _entry("quarter", r"quy\s+(?P<q>[ivx]+|\d{1,2})\b" + _YEAR_SUFFIX, _quarter),
    _entry("quarter", r"(?P<p>dau|giua|cuoi)\s+nam(?:\s+(?P<y>\d{4}))?", _year_part),
    _entry("year", r"nam\s+(?P<y>\d{4})", _whole_year),
    _entry("month", r"(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})", _month, lenient=True),
    _entry("year", r"(?P<y>\d{4})", _whole_year, lenient=True),
)


@dataclass(frozen=True)
class _Atom:
    kind: str
    start: dt.date | None  # None when the year is missing ("tháng 8" in "từ tháng 8 đến tháng 12/2021")
    end: dt.date | None
    stop: int


def _atom(f: str, pos: int, endpos: int, year: int | None = None) -> _Atom | None:
    """The dated period written at ``pos``; ``year`` fills in a missing year."""
    for entry in _ATOMS:
        m = entry.pattern.match(f, pos, endpos)
        if m is None:
            continue
        groups = m.groupdict()
        if groups["y"] is None and year is None:
            return _Atom(entry.kind, None, None, m.end())
        try:
            start, end = entry.build(groups, _check_year(int(groups["y"] or year)))
        except TimeFrameError:
            if entry.lenient:
                continue
            raise
        return _Atom(entry.kind, start, end, m.end())
    return None


# ---------------------------------------------------------------- forms

_UNDATED = (
    (re.compile(r"(?:thuong\s+xuyen|lien\s+tuc)\b"), "continuous", None),
    (re.compile(r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+nam\b"), "recurring", "yearly"),
    (re.compile(r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+quy\b"), "recurring", "quarterly"),
    (
        re.compile(r"(?:(?:dinh\s+ky|hang|moi)\s+6\s+thang(?:\s+(?:mot|1)\s+lan)?|6\s+thang\s+(?:mot|1)\s+lan)\b"),
        "recurring",
        "half-yearly",
    ),
    (re.compile(r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+thang\b"), "recurring", "monthly"),
    (re.compile(r"(?:theo|khi\s+co|khi\s+duoc)\s+yeu\s+cau(?:\s+cua\s+cap\s+tren)?\b"), "on-request", None),
)
# "trước" is strict (the day before); the others include the period they name.
_BY = re.compile(
    r"(?:(?P<strict>(?:hoan\s+thanh\s+(?:xong\s+)?)?truoc)|(?:cham|muon)\s+nhat(?:\s+(?:la|vao|den))*"
    r"|han\s+chot(?:\s+la)?|(?:tu\s+nay\s+)?(?:den|toi)(?:\s+het)?|hoan\s+thanh\s+(?:xong\s+)?(?:trong|vao))"
    r"(?:\s*:\s*|\s+)"
)
_FROM = re.compile(r"(?:(?P<from>(?:bat\s+dau\s+)?tu)|giai\s+doan)\s+")
_JOIN = re.compile(r"\s*-\s*|\s+(?:den|toi)\s+(?:het\s+)?")
_OPEN = re.compile(
    r"(?:\s*,)?\s+(?:va\s+)?(?:cac|nhung)\s+(?P<unit>nam|quy|thang)\s+(?:tiep\s+theo|ke\s+tiep|sau(?:\s+do)?)\b"
    r"|\s+tro\s+(?:di|ve\s+sau)\b"
)
_RECURRENCE = {"nam": "yearly", "quy": "quarterly", "thang": "monthly"}


def _range(s: str, f: str, pos: int, endpos: int) -> tuple[Part, int] | None:
    """'X đến Y' or 'X - Y'; a year written only on one side is shared ('tháng 8 đến tháng 12/2021')."""
    first = _atom(f, pos, endpos)
    join = first and _JOIN.match(f, first.stop, endpos)
    last = join and _atom(f, join.end(), endpos)
    if not (first and last) or (first.start is None and last.start is None):
        return None
    if first.start is None and last.end is not None:
        first = _atom(f, pos, endpos, last.end.year)
        if first and first.start and first.start > last.end:  # "tháng 11 đến tháng 2/2022"
            first = _atom(f, pos, endpos, last.end.year - 1)
    elif last.start is None and first.start is not None:
        last = _atom(f, join.end(), endpos, first.start.year)
        if last and last.end and last.end < first.start:
            last = _atom(f, join.end(), endpos, first.start.year + 1)
    assert first and last and first.start and last.end
    if last.end < first.start:
        raise TimeFrameError(f"khoảng '{s[pos : last.stop].strip()}' kết thúc trước khi bắt đầu")
    return Part("range", first.start, last.end), last.stop


def _form_at(s: str, f: str, pos: int, endpos: int) -> tuple[Part, int] | None:
    """The time form beginning exactly at ``pos`` and where it stops, if any."""
    for pattern, kind, recurrence in _UNDATED:
        if m := pattern.match(f, pos, endpos):
            return Part(kind, recurrence=recurrence), m.end()
    if by := _BY.match(f, pos, endpos):
        atom = _atom(f, by.end(), endpos)
        if atom is None or atom.start is None:
            return None
        return Part(atom.kind, None, atom.start - _DAY if by["strict"] else atom.end, by=True), atom.stop
    prefix = _FROM.match(f, pos, endpos)
    begin = prefix.end() if prefix else pos
    found = _range(s, f, begin, endpos)
    if found is None:
        atom = _atom(f, begin, endpos)
        if atom is None or atom.start is None:
            return None
        found = Part(atom.kind, atom.start, atom.end), atom.stop
    part, stop = found
    if more := _OPEN.match(f, stop, endpos):
        return replace(part, open_ended=True, recurrence=_RECURRENCE.get(more["unit"] or "")), more.end()
    if prefix and prefix["from"] and part.kind != "range":  # "Từ năm 2023": from then on, no end
        return replace(part, open_ended=True), stop
    return part, stop


# ---------------------------------------------------------------- label, note, compound

_WORD_START = re.compile(r"(?<![a-z0-9])[a-z0-9]")
_FILLER = r"(?:thoi\s+gian(?:\s+thuc\s+hien)?|du\s+kien|vao|trong|giai\s+doan|la)\b"
_LEAD = re.compile(rf"(?:[\s\-+*•:,.()]|{_FILLER})*")
_TAIL = re.compile(rf"(?:[\s\-+*•:,(]|\b{_FILLER})*$")
_NOTE_STRIP = " :;,.-/*"


def _find(s: str, f: str, a: int, b: int, anywhere: bool) -> tuple[int, Part, int] | None:
    """First time form in s[a:b]; after a sentence break only one opening the sentence counts."""
    starts = [m.start() for m in _WORD_START.finditer(f, a, b)] if anywhere else [_LEAD.match(f, a, b).end()]
    for pos in starts:
        if found := _form_at(s, f, pos, b):
            return pos, *found
    return None


def _tidy(text: str) -> str | None:
    return " ".join(text.split()) or None


def _label(s: str, f: str, a: int, b: int) -> str | None:
    head = _LEAD.match(f, a, b).end()
    tail = _TAIL.search(f, head, b)
    return _tidy(s[head : tail.start() if tail else b])


def _note(s: str, a: int, b: int) -> str | None:
    text = s[a:b].strip().strip(_NOTE_STRIP)
    if text.startswith(")"):  # the label opened the bracket: "hội nghị (vào tháng 6/2021)"
        text = text[1:].strip(_NOTE_STRIP)
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:]:
        text = text[1:-1]
    return _tidy(text)


_BREAK = re.compile(r";|\.(?=\s|$)")


def _segments(s: str) -> list[tuple[int, int, bool]]:
    """(start, end, after a sentence break) for each piece between ';' and '. '."""
    pieces, begin, sentence = [], 0, False
    for m in _BREAK.finditer(s):
        pieces.append((begin, m.start(), sentence))
        begin, sentence = m.end(), m.group() == "."
    pieces.append((begin, len(s), sentence))
    return pieces


def parse_timeframe(text: str) -> TimeFrame:
    """Read a time frame as written; raise TimeFrameError when it cannot be read."""
    if not isinstance(text, str) or not text.strip():
        raise TimeFrameError("thời gian thực hiện đang để trống")
    s = nfc(text)
    f = _fold(s)
    drafts: list[tuple[Part, int, int]] = []  # part, note start, note end
    for a, b, sentence in _segments(s):
        if not _WORD_START.search(f, a, b):
            continue
        found = _find(s, f, a, b, anywhere=not sentence)
        if found is not None:
            pos, part, stop = found
            drafts.append((replace(part, label=_label(s, f, a, pos)), stop, b))
        elif drafts:  # no time form: the piece continues the previous part's note
            part, stop, _ = drafts[-1]
            drafts[-1] = (part, stop, b)
        else:
            raise TimeFrameError(f"không nhận ra mốc thời gian nào trong '{_tidy(s[a:b])}'")
    if not drafts:
        raise TimeFrameError(f"không nhận ra mốc thời gian nào trong '{text.strip()}'")
    return TimeFrame(text, tuple(replace(part, note=_note(s, stop, end)) for part, stop, end in drafts))
