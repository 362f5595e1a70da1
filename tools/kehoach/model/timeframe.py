"""Reading a time frame as written ("quý III/2021", "Thường xuyên", "trước ngày 09/4/2022") into dated parts."""

# The reader folds the text into a same-length copy (no diacritics, lower case,
# one kind of dash and space) so regexes match on the copy while labels and
# notes are sliced from the original wording. Atoms read one dated period;
# combinators add "từ ... đến ...", deadlines, "và các năm tiếp theo", a label
# before and a note after; compound frames are split on ";" and sentences.

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache

from ..text import fold_char, nfc

ACCEPTED_FORMS = (
    "'Thường xuyên', 'hằng năm', 'hằng quý', 'hằng ngày', 'theo yêu cầu của cấp trên', 'theo quy định', "
    "'đến khi kết thúc kiểm kê', 'ngay sau khi kết thúc hội nghị', 'sau khi quy chế được ban hành', "
    "'Năm 2025', 'quý III và IV năm 2025', "
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
    kind: str  # date, month, quarter, half, year, range, continuous, recurring, on-request, event
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

    # Computed once per time frame: one reading is shared by every task that
    # writes the same words (parse_timeframe_cached), and asked for again and again.
    @cached_property
    def _dated(self) -> list[Part]:
        return [p for p in self.parts if p.end is not None]

    @cached_property
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

    @cached_property
    def start(self) -> dt.date | None:
        starts = [p.start for p in self._dated if p.start is not None]
        return min(starts) if starts else None

    @cached_property
    def deadline(self) -> dt.date | None:
        """Latest end of the closed dated parts: open-ended ones never fall due as a whole."""
        ends = [p.end for p in self._dated if p.end is not None and not p.open_ended]
        return max(ends) if ends else None

    @cached_property
    def first_due(self) -> dt.date | None:
        ends = [p.end for p in self._dated if p.end is not None]
        return min(ends) if ends else None

    @cached_property
    def is_continuous(self) -> bool:
        """Never overdue: continuous, recurring, on request or open-ended, with no closed deadline."""
        return self.deadline is None


# ---------------------------------------------------------------- folding


def _fold(text: str) -> str:
    return "".join(map(fold_char, text))


# ---------------------------------------------------------------- atoms

_Span = tuple[dt.date, dt.date]


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise TimeFrameError(f"năm {year} nằm ngoài khoảng {MIN_YEAR}-{MAX_YEAR}")
    return year


def _month_number(raw: str) -> int:
    if not 1 <= int(raw) <= 12:
        raise TimeFrameError(f"tháng {int(raw)} không tồn tại (chỉ có tháng 1 đến 12)")
    return int(raw)


def _months(year: int, first: int, last: int) -> _Span:
    return dt.date(year, first, 1), month_end(year, last)


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month (calendar.monthrange without the calendar module, which
    imports locale: the model is imported at every check of an edited record)."""
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return following - dt.timedelta(days=1)


def _day(g: dict[str, str], year: int) -> _Span:
    month = _month_number(g["m"])
    try:
        day = dt.date(year, month, int(g["d"]))
    except ValueError:
        raise TimeFrameError(f"ngày {g['d']}/{g['m']}/{year} không tồn tại") from None
    return day, day


def _month(g: dict[str, str], year: int) -> _Span:
    first, last = _months(year, _month_number(g["m"]), int(g["m"]))
    # Thirds of a month: đầu 1-10, giữa 11-20, cuối 21 to the last day.
    days = {"dau": (1, 10), "giua": (11, 20), "cuoi": (21, last.day)}.get(g.get("p") or "", (1, last.day))
    return first.replace(day=days[0]), last.replace(day=days[1])


def _quarter(g: dict[str, str], year: int) -> _Span:
    raw = g["q"]
    quarter = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(raw, int(raw) if raw.isdigit() else 0)
    if not 1 <= quarter <= 4:
        raise TimeFrameError(f"quý {raw.upper()} không tồn tại (chỉ có quý I đến IV)")
    return _months(year, 3 * quarter - 2, 3 * quarter)


def _quarters(g: dict[str, str], year: int) -> _Span:
    """'quý III và IV năm 2025', 'quý II - III/2023': from the first quarter's start to the last's end."""
    first, _ = _quarter({"q": g["q"]}, year)
    _, last = _quarter({"q": g["q2"]}, year)
    if last < first:
        raise TimeFrameError(f"quý {g['q2'].upper()} đứng trước quý {g['q'].upper()}")
    return first, last


def _within(table: dict[str, tuple[int, int]]) -> Callable[[dict[str, str], int], _Span]:
    return lambda g, year: _months(year, *table[g.get("p") or ""])


_HALVES = {"dau": (1, 6), "cuoi": (7, 12)}
# đầu năm = quý I, cuối năm = quý IV, giữa năm = the three months around mid-year (5-7), none = all.
_YEAR_PARTS = {"dau": (1, 3), "giua": (5, 7), "cuoi": (10, 12), "": (1, 12)}
_YEAR = r"(?:\s+(?P<y>\d{4}))?"
_SLASH_YEAR = r"(?:(?:\s*/\s*|\s+nam\s+)(?P<y>\d{4}))?"

# (kind, pattern, builder, lenient). Lenient atoms are bare numbers that may not be a time at
# all ("1000 đồng", "13/2021"): impossible values make them no match instead of an error.
# Order matters where forms share a prefix: a date before a month, "6 tháng đầu năm" before "đầu năm".
_ATOMS: tuple[tuple[str, re.Pattern[str], Callable[[dict[str, str], int], _Span], bool], ...] = tuple(
    (kind, re.compile(regex + r"(?![\d/])", re.ASCII), build, lenient)
    for kind, regex, build, lenient in (
        ("date", r"ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})(?!\d)" + _SLASH_YEAR, _day, False),
        ("date", r"(?:ngay\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?!\d)(?:\s*/\s*(?P<y>\d{4}))?", _day, False),
        ("half", r"(?:(?:6|sau)\s+thang|nua)\s+(?P<p>dau|cuoi)\s+nam" + _YEAR, _within(_HALVES), False),
        ("range", r"9\s+thang\s+dau\s+nam" + _YEAR, _within({"": (1, 9)}), False),
        ("month", r"(?:(?P<p>dau|giua|cuoi)\s+)?thang\s+(?P<m>\d{1,2})(?!\d)" + _SLASH_YEAR, _month, False),
        (
            "range",
            r"quy\s+(?P<q>[ivx]+|\d{1,2})\s*(?:va|,|-|den)\s*(?:quy\s+)?(?P<q2>[ivx]+|\d{1,2})\b" + _SLASH_YEAR,
            _quarters,
            False,
        ),
        ("quarter", r"quy\s+(?P<q>[ivx]+|\d{1,2})\b" + _SLASH_YEAR, _quarter, False),
        ("quarter", r"(?P<p>dau|giua|cuoi)\s+nam" + _YEAR, _within(_YEAR_PARTS), False),
        ("year", r"nam\s+(?P<y>\d{4})", _within(_YEAR_PARTS), False),
        ("month", r"(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})", _month, True),
        ("year", r"(?P<y>\d{4})", _within(_YEAR_PARTS), True),
    )
)


@dataclass(frozen=True)
class _Atom:
    kind: str
    start: dt.date | None  # None when the year is missing ("tháng 8" in "từ tháng 8 đến tháng 12/2021")
    end: dt.date | None
    stop: int


def _atom(f: str, pos: int, endpos: int, year: int | None = None) -> _Atom | None:
    """The dated period written at ``pos``; ``year`` fills in a missing year."""
    for kind, pattern, build, lenient in _ATOMS:
        m = pattern.match(f, pos, endpos)
        if m is None:
            continue
        groups = m.groupdict()
        if groups["y"] is None and year is None:
            return _Atom(kind, None, None, m.end())
        try:
            start, end = build(groups, _check_year(int(groups["y"] or year or 0)))
        except TimeFrameError:
            if lenient:
                continue
            raise
        return _Atom(kind, start, end, m.end())
    return None


# ---------------------------------------------------------------- forms

# Report cadences ("báo cáo 6 tháng, 9 tháng") recur every year; with a year they are dated atoms instead.
_CADENCE = r"(?:(?:dinh\s+ky|hang|moi)\s+)?(?:6|sau)\s+thang(?:\s+(?:mot|1)\s+lan|\s+(?:dau|cuoi)\s+nam)?"
_UNDATED = tuple(
    (rf"(?:{regex})\b", kind, recurrence)
    for regex, kind, recurrence in (
        (r"thuong\s+xuyen(?:\s*,?\s*lien\s+tuc)?|lien\s+tuc", "continuous", None),
        (r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+nam", "recurring", "yearly"),
        (r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+quy", "recurring", "quarterly"),
        (_CADENCE + r"(?!\s*\d)", "recurring", "half-yearly"),
        (r"9\s+thang(?:\s+dau\s+nam)?(?!\s*\d)", "recurring", "yearly"),
        (r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+thang", "recurring", "monthly"),
        (r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+tuan", "recurring", "weekly"),
        (r"(?:dinh\s+ky\s+)?(?:hang|moi)\s+ngay", "recurring", "daily"),
        (r"(?:theo|khi\s+co|khi\s+duoc)\s+yeu\s+cau(?:\s+cua\s+cap\s+tren)?", "on-request", None),
        (r"dinh\s+ky", "recurring", None),  # "Định kỳ" with no period named
        # Tied to an event, not a date: "từ nay đến kết thúc cuộc bầu cử", "đến khi kết thúc kiểm kê",
        # "ngay sau khi kết thúc hội nghị", "trong 24-48 giờ sau khi nước rút", "trong vòng 30 ngày kể từ khi
        # ...", "sau khi ... được ban hành", "theo quy định".
        (
            r"(?:tu\s+nay\s+)?(?:den|toi)\s+(?:khi\s+)?(?:ket\s+thuc|hoan\s+thanh|xong|ngay)\s+[^;.,()]*[a-z0-9]"
            r"|ngay\s+(?:sau\s+|truoc\s+)?khi\s+[^;.,()]*[a-z0-9]"
            r"|(?:truoc|trong|sau)\s*,?\s+(?:trong\s+)?(?:va\s+)?sau\s+(?:cuoc\s+|ky\s+|ngay\s+)?bau\s+cu"
            r"|trong\s+(?:vong\s+)?\d{1,3}(?:\s*-\s*\d{1,3})?\s+(?:gio|ngay(?:\s+lam\s+viec)?|tuan|thang)\s+"
            r"(?:sau\s+khi|ke\s+tu|tu\s+khi)\s+[^;.,()]*[a-z0-9]"
            # a condition, not a date: "sau khi quy chế được ban hành", "sau khi có Quy chế của TW"
            r"|sau\s+khi\s+[^;.,()]*[a-z0-9]"
            r"|theo\s+(?:quy\s+dinh|ke\s+hoach|lo\s+trinh|tien\s+do|huong\s+dan)",
            "event",
            None,
        ),
    )
)


@cache
def _undated() -> tuple[tuple[re.Pattern[str], str, str | None], ...]:
    """The undated forms, compiled when first tried: a time frame opening with its
    date (most do) never tries them, and most checks read no other."""
    return tuple((re.compile(regex), kind, recurrence) for regex, kind, recurrence in _UNDATED)


# "trước" is strict (the day before); the others include the period they name.
_BY = re.compile(
    r"(?:(?P<strict>(?:hoan\s+thanh\s+(?:xong\s+)?)?truoc)|(?:cham|muon)\s+nhat(?:\s+(?:la|vao|den|trong))*"
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
    """'X đến Y' or 'X - Y'; a year written on one side only is shared ('tháng 8 đến tháng 12/2021')."""
    first = _atom(f, pos, endpos)
    join = _JOIN.match(f, first.stop, endpos) if first else None
    last = _atom(f, join.end(), endpos) if join else None
    if first is None or join is None or last is None:
        return None
    # A shared year that would put the range backwards belongs to the next or previous year
    # ("tháng 11 đến tháng 2/2022" starts in November 2021).
    if first.start is None and last.end is not None:
        first = _atom(f, pos, endpos, last.end.year)
        if first and first.start and first.start > last.end:
            first = _atom(f, pos, endpos, last.end.year - 1)
    elif last.start is None and first.start is not None:
        last = _atom(f, join.end(), endpos, first.start.year)
        if last and last.end and last.end < first.start:
            last = _atom(f, join.end(), endpos, first.start.year + 1)
    if not (first and last and first.start and last.end):
        return None
    if last.end < first.start:
        raise TimeFrameError(f"khoảng '{s[pos : last.stop].strip()}' kết thúc trước khi bắt đầu")
    return Part("range", first.start, last.end), last.stop


def _form_at(s: str, f: str, pos: int, endpos: int) -> tuple[Part, int] | None:
    """The time form beginning exactly at ``pos`` and where it stops, if any."""
    # Dated forms first: "6 tháng đầu năm 2022" is a half year, bare "6 tháng" a cadence.
    if found := _dated_at(s, f, pos, endpos):
        return found
    for pattern, kind, recurrence in _undated():
        if m := pattern.match(f, pos, endpos):
            return Part(kind, recurrence=recurrence), m.end()
    return None


def _dated_at(s: str, f: str, pos: int, endpos: int) -> tuple[Part, int] | None:
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
_LEAD = re.compile(rf"(?:[\s\-+*•:,./()]|{_FILLER})*")
_TAIL = re.compile(rf"(?:[\s\-+*•:;,./(]|\b{_FILLER})*$")
_NOTE_STRIP = " :;,.-/*"


def _find(s: str, f: str, a: int, b: int, anywhere: bool) -> tuple[int, Part, int] | None:
    """First time form in s[a:b]; after a sentence break only one opening the sentence counts."""
    starts = [m.start() for m in _WORD_START.finditer(f, a, b)] if anywhere else [_lead_end(f, a, b)]
    for pos in starts:
        if found := _form_at(s, f, pos, b):
            return pos, *found
    return None


def _lead_end(f: str, a: int, b: int) -> int:
    """Where the text in f[a:b] starts after leading separators (the pattern matches the empty string too)."""
    lead = _LEAD.match(f, a, b)
    return lead.end() if lead else a


def _tidy(text: str) -> str | None:
    return " ".join(text.split()) or None


def _label(s: str, f: str, a: int, b: int) -> str | None:
    head = _lead_end(f, a, b)
    tail = _TAIL.search(f, head, b)
    return _tidy(s[head : tail.start() if tail else b])


def _note(s: str, a: int, b: int) -> str | None:
    text = s[a:b].strip().strip(_NOTE_STRIP)
    if text.startswith(")"):  # the label opened the bracket: "hội nghị (vào tháng 6/2021)"
        text = text[1:].strip(_NOTE_STRIP)
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:]:
        text = text[1:-1]
    return _tidy(text)


_AND = re.compile(r"\s*(?:,|\s(?:va|hoac)\s)\s*")
_BREAK = re.compile(r";|\.(?=\s|$)")


def _segments(s: str) -> list[tuple[int, int, bool]]:
    """(start, end, after a sentence break) for each piece between ';' and '. '."""
    pieces, begin, sentence = [], 0, False
    for m in _BREAK.finditer(s):
        pieces.append((begin, m.start(), sentence))
        begin, sentence = m.end(), m.group() == "."
    pieces.append((begin, len(s), sentence))
    return pieces


_Draft = tuple[Part, int, int]  # a part and where its note starts and ends


def _joined_parts(s: str, f: str, begin: int, b: int, pos: int, part: Part, stop: int) -> list[_Draft]:
    """The part found in a piece, labelled, with any other time form joined to it by 'và' or ','."""
    drafts = [(replace(part, label=_label(s, f, begin, pos)), stop, b)]
    # "Năm 2021 và năm 2022" is two milestones: reading "và năm 2022" as a note would hide the later deadline.
    while (joined := _AND.match(f, stop, b)) and (more := _form_at(s, f, joined.end(), b)):
        drafts[-1] = (drafts[-1][0], stop, joined.start())
        part, stop = more
        drafts.append((part, stop, b))
    return drafts


def parse_timeframe(text: str) -> TimeFrame:
    """Read a time frame as written; raise TimeFrameError when it cannot be read."""
    if not isinstance(text, str) or not text.strip():
        raise TimeFrameError("thời gian thực hiện đang để trống")
    s = nfc(text)
    f = _fold(s)
    drafts: list[_Draft] = []
    label_from: int | None = None  # pieces before the first time form make up its label
    for a, b, sentence in _segments(s):
        if not _WORD_START.search(f, a, b):
            continue
        begin = a if label_from is None else label_from
        found = _find(s, f, begin, b, anywhere=not sentence or label_from is not None)
        if found is not None:
            drafts.extend(_joined_parts(s, f, begin, b, *found))
            label_from = None
        elif drafts:  # no time form: the piece continues the previous part's note
            part, stop, _ = drafts[-1]
            drafts[-1] = (part, stop, b)
        else:
            label_from = begin
    if not drafts:
        raise TimeFrameError(f"không nhận ra mốc thời gian nào trong '{_tidy(s) or text}'")
    return TimeFrame(text, tuple(replace(part, note=_note(s, stop, end)) for part, stop, end in drafts))


# The same few dozen time frames recur across thousands of tasks; the model
# stage and the derived facts share this cache.
parse_timeframe_cached = lru_cache(maxsize=4096)(parse_timeframe)
