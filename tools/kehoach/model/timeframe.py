"""Reading a time frame as documents write it ('quý III/2021', 'Thường xuyên',
'trước ngày 09/4/2022', 'Từ tháng 8/2021 đến tháng 12/2021', staged milestones)
into structured parts with dates; deadlines are derived from the parts.

The reader works on a folded copy of the text (no diacritics, lower case) that
has the same length as the original, so labels and notes keep their wording."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

ACCEPTED_FORMS = (
    "'Thường xuyên', 'hằng năm', 'hằng quý', 'theo yêu cầu của cấp trên', 'Năm 2025', "
    "'6 tháng đầu năm 2022', 'quý III/2021', 'Tháng 3/2022', 'đầu tháng 5/2022', 'ngày 09/4/2022', "
    "'trước ngày 09/4/2022', 'Từ tháng 8/2021 đến tháng 12/2021', 'giai đoạn 2021 - 2025', "
    "'Năm 2025 và các năm tiếp theo', nhiều mốc cách nhau bằng ';' (ví dụ 'cấp tỉnh quý III/2021; "
    "cấp huyện quý IV/2021')"
)

MIN_YEAR, MAX_YEAR = 1945, 2100


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
    def deadline(self) -> dt.date | None:
        """Latest end of the closed dated parts; None for continuous, recurring,
        on-request and open-ended frames."""
        closed = [p.end for p in self._dated if not p.open_ended and p.end]
        return max(closed) if closed else None

    @property
    def first_due(self) -> dt.date | None:
        ends = [p.end for p in self._dated if p.end]
        return min(ends) if ends else None

    @property
    def start(self) -> dt.date | None:
        starts = [p.start for p in self._dated if p.start]
        return min(starts) if starts else None

    @property
    def is_continuous(self) -> bool:
        """True when the frame never makes the task overdue."""
        return self.deadline is None

    @property
    def kind(self) -> str:
        dated = self._dated
        if len(dated) > 1:
            return "milestones"
        part = dated[0] if dated else self.parts[0]
        if part.open_ended:
            return "open-ended"
        if part.kind in ("continuous", "recurring", "on-request", "range"):
            return part.kind
        return "deadline" if part.by else "period"


# ---------------------------------------------------------------- folding


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch


def _fold(text: str) -> str:
    """Same-length accent- and case-free copy of NFC ``text``."""
    return "".join(_fold_char(ch) for ch in text)


# ---------------------------------------------------------------- calendar


def _year(text: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise TimeFrameError(f"năm {year} nằm ngoài khoảng {MIN_YEAR}-{MAX_YEAR}")
    return year


def _month(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise TimeFrameError(f"tháng {month} không tồn tại")
    return month


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter(text: str) -> int:
    quarter = _ROMAN.get(text) or (int(text) if text.isdigit() else 0)
    if not 1 <= quarter <= 4:
        raise TimeFrameError(f"quý {text.upper()} không tồn tại (chỉ có quý I đến IV)")
    return quarter


Span = tuple[dt.date, dt.date, str]  # start, end, kind

# ---------------------------------------------------------------- atoms
# Each atom matches at a position of the folded text and gives a dated span.

_SEP_YEAR = r"\s*(?:/|\s+nam\s+)\s*"
_DATE_SLASH = re.compile(r"(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_MONTH = re.compile(rf"(?:(dau|giua|cuoi)\s+)?thang\s+(\d{{1,2}}){_SEP_YEAR}(\d{{4}})")
_QUARTER = re.compile(rf"quy\s+([ivx]+|\d+){_SEP_YEAR}(\d{{4}})")
_HALF = re.compile(r"6\s+thang\s+(dau|cuoi)\s+nam\s+(\d{4})")
_YEAR_PART = re.compile(r"(dau|giua|cuoi)\s+nam\s+(\d{4})")
_YEAR = re.compile(r"nam\s+(\d{4})\b")
_BARE_YEAR = re.compile(r"(\d{4})\b")


def _date(m: re.Match[str]) -> Span:
    year, month = _year(m[3]), _month(m[2])
    try:
        day = dt.date(year, month, int(m[1]))
    except ValueError:
        raise TimeFrameError(f"ngày {m[1]}/{m[2]}/{m[3]} không tồn tại") from None
    return day, day, "date"


def _month_span(m: re.Match[str]) -> Span:
    year, month = _year(m[3]), _month(m[2])
    first, last = dt.date(year, month, 1), _last_day(year, month)
    if m[1] == "dau":
        return first, first.replace(day=10), "month"
    if m[1] == "giua":
        return first.replace(day=11), first.replace(day=20), "month"
    if m[1] == "cuoi":
        return first.replace(day=21), last, "month"
    return first, last, "month"


def _quarter_span(m: re.Match[str]) -> Span:
    quarter, year = _quarter(m[1]), _year(m[2])
    return dt.date(year, 3 * quarter - 2, 1), _last_day(year, 3 * quarter), "quarter"


def _half_span(m: re.Match[str]) -> Span:
    year = _year(m[2])
    if m[1] == "dau":
        return dt.date(year, 1, 1), dt.date(year, 6, 30), "half"
    return dt.date(year, 7, 1), dt.date(year, 12, 31), "half"


def _year_part_span(m: re.Match[str]) -> Span:
    year = _year(m[2])
    months = {"dau": (1, 3), "giua": (6, 7), "cuoi": (10, 12)}[m[1]]
    return dt.date(year, months[0], 1), _last_day(year, months[1]), "quarter"


def _year_span(m: re.Match[str]) -> Span:
    year = _year(m[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


_ATOMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Span]]] = [
    (_DATE_WORDS, _date),
    (_DATE_SLASH, _date),
    (_HALF, _half_span),
    (_MONTH, _month_span),
    (_QUARTER, _quarter_span),
    (_YEAR_PART, _year_part_span),
    (_YEAR, _year_span),
]


def _atom(folded: str, pos: int, bare_year: bool = False) -> tuple[Span, int] | None:
    for pattern, read in _ATOMS:
        if m := pattern.match(folded, pos):
            return read(m), m.end()
    if bare_year and (m := _BARE_YEAR.match(folded, pos)):
        return _year_span(m), m.end()
    return None


# ---------------------------------------------------------------- forms

_RANGE_JOIN = re.compile(r"\s*(?:den|toi)\s+(?:het\s+)?")
_YEAR_RANGE = re.compile(r"(?:giai\s+doan\s+|nam\s+|tu\s+nam\s+)?(\d{4})\s*[-–—]\s*(\d{4})\b")
_MONTH_NO_YEAR = re.compile(r"thang\s+(\d{1,2})(?!\s*/|\d)")
_OPEN_END = re.compile(r"\s*(?:,\s*)?(?:va|,)\s*(?:cac|nhung)\s+nam\s+(?:tiep\s+theo|sau(?:\s+do)?)")
_BY = re.compile(r"(truoc|cham\s+nhat(?:\s+la)?|han\s+chot|hoan\s+thanh\s+truoc|den)\s+")
_FROM = re.compile(r"tu\s+")

_UNDATED: list[tuple[re.Pattern[str], str, str | None]] = [
    (re.compile(r"thuong\s+xuyen"), "continuous", None),
    (re.compile(r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+nam"), "recurring", "yearly"),
    (re.compile(r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+quy"), "recurring", "quarterly"),
    (
        re.compile(r"(?:dinh\s+ky\s+)?(?:hang\s+6\s+thang|6\s+thang\s+(?:mot\s+)?lan|6\s+thang)(?!\s+(?:dau|cuoi))"),
        "recurring",
        "half-yearly",
    ),
    (re.compile(r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+thang"), "recurring", "monthly"),
    (re.compile(r"(?:theo|khi\s+co)\s+yeu\s+cau(?:\s+cua\s+cap\s+tren)?"), "on-request", None),
]


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    part: Part


def _form_at(folded: str, pos: int) -> _Found | None:
    """The time form beginning exactly at ``pos``, if any."""
    for pattern, kind, recurrence in _UNDATED:
        if m := pattern.match(folded, pos):
            return _Found(pos, m.end(), Part(kind, recurrence=recurrence))
    if m := _YEAR_RANGE.match(folded, pos):
        first, last = _year(m[1]), _year(m[2])
        if last < first:
            raise TimeFrameError(f"khoảng năm {first} - {last} kết thúc trước khi bắt đầu")
        return _Found(pos, m.end(), Part("range", dt.date(first, 1, 1), dt.date(last, 12, 31)))
    if m := _FROM.match(folded, pos):
        return _from_form(folded, pos, m.end())
    if m := _BY.match(folded, pos):
        found = _atom(folded, m.end(), bare_year=True)
        if found is None:
            return None
        (start, end, kind), stop = found
        strict = m[1] in ("truoc", "hoan thanh truoc")
        deadline = start - dt.timedelta(days=1) if strict else end
        return _Found(pos, stop, Part(kind, None, deadline, by=True))
    found = _atom(folded, pos)
    if found is None:
        return None
    (start, end, kind), stop = found
    return _open_ended(folded, _Found(pos, stop, Part(kind, start, end)))


def _from_form(folded: str, pos: int, after: int) -> _Found | None:
    """'từ X đến Y' (a range) or 'từ X và các năm tiếp theo' (open-ended)."""
    found = _atom(folded, after, bare_year=True)
    month_only = None
    if found is None and (month_only := _MONTH_NO_YEAR.match(folded, after)):
        stop = month_only.end()
    elif found is None:
        return None
    else:
        stop = found[1]
    join = _RANGE_JOIN.match(folded, stop)
    if join:
        last = _atom(folded, join.end(), bare_year=True)
        if last is None:
            return None
        (_, end, _), final = last
        start = dt.date(end.year, _month(month_only[1]), 1) if month_only is not None else found[0][0]  # type: ignore[index]
        if end < start:
            raise TimeFrameError("khoảng thời gian kết thúc trước khi bắt đầu")
        return _Found(pos, final, Part("range", start, end))
    if found is None:
        return None
    (start, end, kind), _ = found
    return _open_ended(folded, _Found(pos, stop, Part(kind, start, end)), required=True)


def _open_ended(folded: str, found: _Found, required: bool = False) -> _Found | None:
    if m := _OPEN_END.match(folded, found.end):
        part = found.part
        return _Found(
            found.start,
            m.end(),
            Part(part.kind, part.start, part.end, recurrence="yearly", open_ended=True),
        )
    if required:
        # "Từ năm 2023" alone: from then on, with no end.
        part = found.part
        return _Found(
            found.start, found.end, Part(part.kind, part.start, part.end, recurrence="yearly", open_ended=True)
        )
    return found


_WORD_START = re.compile(r"(?<![a-z0-9])[a-z0-9]")
_FILLER_TAIL = re.compile(r"(?:\s*(?:vao|trong|du\s+kien|thoi\s+gian(?:\s+thuc\s+hien)?|la|:|,|-|–|\())+\s*$")
_FILLER_HEAD = re.compile(r"^(?:\s*(?:vao|trong|du\s+kien|thoi\s+gian\s+thuc\s+hien|:))+\s*")
_TRIM = " \t:;,.-–()"


def _find(original: str, folded: str) -> _Found | None:
    for m in _WORD_START.finditer(folded):
        found = _form_at(folded, m.start())
        if found is not None:
            return found
    return None


def _segment(original: str) -> Part | None:
    """Read one ';'-separated piece: [label] form [note]. None when it has no time form."""
    folded = _fold(original)
    found = _find(original, folded)
    if found is None:
        return None
    label_end = found.start
    if tail := _FILLER_TAIL.search(folded[:label_end]):
        label_end = tail.start()
    head = _FILLER_HEAD.match(folded[:label_end])
    label = original[head.end() if head else 0 : label_end].strip(_TRIM) or None
    note = original[found.end :].strip(_TRIM) or None
    part = found.part
    return Part(part.kind, part.start, part.end, label, note, part.recurrence, part.open_ended, part.by)


_SPLIT = re.compile(r";|\.\s+(?=\S)")


def parse_timeframe(text: str) -> TimeFrame:
    """Read a time frame as written; raise TimeFrameError when it cannot be read."""
    if not isinstance(text, str) or not text.strip():
        raise TimeFrameError("thời gian thực hiện đang để trống")
    normalised = unicodedata.normalize("NFC", text)
    parts: list[Part] = []
    for piece in _SPLIT.split(normalised):
        if not piece.strip(_TRIM):
            continue
        part = _segment(piece)
        if part is not None:
            parts.append(part)
        elif parts:  # a sentence with no time form continues the previous part's note
            last = parts[-1]
            note = "; ".join(filter(None, [last.note, piece.strip(_TRIM)]))
            parts[-1] = Part(
                last.kind, last.start, last.end, last.label, note, last.recurrence, last.open_ended, last.by
            )
        else:
            raise TimeFrameError(f"không đọc được thời gian trong '{piece.strip()}'")
    return TimeFrame(text, tuple(parts))
