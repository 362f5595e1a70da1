"""Figures (số liệu) in the text of a report: a number with its unit of measure.

"xây dựng 1.234 mô hình Dân vận khéo", "đạt 98,5%", "diện tích 9,7 ha",
"thu hồi 5.373,4/5.373,4 triệu đồng". A number counts as a figure only when a
unit follows it (a measure such as 'ha', '%', 'tỷ đồng', or a counted noun such
as 'giấy phép', 'cuộc'); dates, years, document numbers ('412/GP-UBND'), the
numbers of articles, points and landmarks ('Điều 137', 'mốc số 04') are not
figures. The number is kept as written (Vietnamese thousands separator '.',
decimal comma) beside its value; a number whose groups are not of three digits
('5.378.7000.000') is read digit by digit and flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

# A number as written: '1.234', '9,7', '+380', '04', '5.373,4'; then '/total' ('04/04'), '%'.
_NUMBER = re.compile(
    r"(?<![\w/.,%-])(?P<sign>[+])?\s?(?P<n>\d[\d.]*(?:,\d+)?)"
    r"(?:\s?/\s?(?P<of>\d[\d.]*(?:,\d+)?)(?![\w/-]))?"
    r"(?P<pct>\s?%)?"
)
# Measures, longest first: matched right after the number ('270m2', '11m', '250 tỷ đồng').
_MEASURES = sorted(
    [
        "ha", "m2", "m²", "m3", "m³", "m", "km2", "km", "cm", "mm", "kg", "tấn", "tạ", "lít", "kw", "kwh", "mw",
        "đồng", "nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng", "tỉ đồng", "usd", "%",
        "năm", "tháng", "ngày", "giờ", "tuần",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
# Classifiers: a counted noun of one syllable ('04 cuộc thanh tra', '15 lớp', '1.850 lượt cán bộ'); any
# other counted noun is taken as two ('09 giấy phép', '13 điểm mỏ', '1.234 mô hình').
_CLASSIFIERS = frozenset(
    re.findall(
        r"\w+",
        "cuộc lượt lớp buổi lần người hộ xã thôn tổ đoàn đợt vụ bài tin cái chiếc con căn ngôi bản cuốn quyển tấm "
        "ca em cháu suất phần gói bộ kỳ khóa khoá tỉnh huyện phường trường chi",
    )
)
# Words before a number that make it a label, not a quantity: 'số 04', 'Điều 137', 'năm 2025'.
_LABEL_BEFORE = re.compile(
    r"(?:\bsố|\bngày|\btháng|\bnăm|\bquý|\bđiều|\bkhoản|\bđiểm|\bmốc|\blần thứ|\bkhóa|\bkhoá|\bgiai đoạn|"
    r"\bthời kỳ|\bnhiệm kỳ|\bmã|\bphòng|\btổ|\bthôn|\bxóm|\bbản|\bkhu|\bphụ lục|\bmục|\bbiểu|\bmẫu|\bchương|"
    r"\bphần|\bđợt|\bkỳ|\b(?<!các )(?<!mọi )loại|\bnhóm|\btuyến|\bquốc lộ|\btỉnh lộ|\bđường|\bphố|\bhộp|\bbước|"
    r"\bnghị định|"
    r"\bthông tư|\bquyết định|\bchỉ thị|\bnghị quyết|\bkết luận|\bcông văn|\bkế hoạch|\bchương trình|\bluật|"
    r"\bhướng dẫn|\bcông điện|\bthông báo|\bvăn bản|\btọa độ|\btoạ độ|\bkinh tuyến|\bvĩ tuyến|\bx, y =|"
    r"\bx,y =|\bsố hiệu|\bký hiệu|\bmáy|\bsố điện thoại|\bđt|\bfax|\bphiên bản|\bversion)"
    r"\s*[:.]?\s*$",
    re.IGNORECASE,
)
# A number run into a date or a range: '18/8/2026', '2021-2030', '10/02/2022'.
_DATE_AROUND = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}\s*[-–]\s*\d{4}|\d+\s*[-–]\s*\d+")
# Words that end a quantity's name or a unit.
_STOP = {
    w
    for w in (
        "và", "với", "của", "cho", "tại", "trong", "theo", "từ", "đến", "về", "để", "do", "là", "thì", "mà",
        "đã", "được", "bị", "có", "các", "những", "trên", "dưới", "so", "đạt", "bằng", "gồm", "như", "sau",
        "trước", "khi", "nếu", "hoặc", "hay", "nhưng", "nên", "vì", "tới", "ngay", "này", "đó", "kể", "cụ",
    )
}  # fmt: skip
_CLAUSE_END = re.compile(r"[,;:()\[\]“”\"]|\s[-–]\s|\.\s|\.$|\btrong đó\b", re.IGNORECASE)
_QUALIFIERS = ("khoảng", "trên", "gần", "hơn", "dưới", "tối thiểu", "tối đa", "ít nhất", "xấp xỉ", "chừng")


@dataclass
class Figure:
    """One figure read from a sentence."""

    name: str  # the quantity, as the sentence words it
    written: str  # the number as written ('1.234', '+380', '04/04', '98,5%')
    value: float
    unit: str | None
    target: float | None = None  # the total after '/' ('04/04'), when written
    qualifier: str | None = None  # 'khoảng', 'trên' ... before the number
    doubt: str | None = None  # why the value needs review


def read_number(text: str) -> tuple[float, str | None]:
    """The value of a number written the Vietnamese way ('1.234,5' -> 1234.5) and a doubt when its
    digit groups are irregular ('5.378.7000.000' is read as 53787000000, flagged)."""
    whole, _, decimals = text.partition(",")
    groups = whole.split(".")
    doubt = None
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        doubt = f"số '{text}' viết các nhóm chữ số không đủ ba chữ số; đã đọc bỏ dấu chấm, cần đối chiếu"
    digits = "".join(groups)
    value = float(f"{digits}.{decimals}" if decimals else digits)
    return value, doubt


def _unit_after(text: str) -> tuple[str | None, int]:
    """The unit at the start of ``text`` (what follows a number) and where it ends."""
    lowered = text.lower()
    for measure in _MEASURES:
        if lowered.startswith(measure):
            end = len(measure)
            if end < len(text) and (text[end].isalnum() and measure != "%"):
                continue  # 'm' of 'mô hình', 'ha' of 'hai'
            return text[:end], end
    words = list(re.finditer(r"[^\W\d_]+", text[:60]))
    if not words or words[0].start() > 1 or words[0][0].lower() in _STOP:
        return None, 0
    first = words[0]
    if first[0].lower() not in _CLASSIFIERS and len(words) > 1 and text[first.end() : words[1].start()] == " ":
        second = words[1][0]
        if second.islower() and second not in _STOP:
            return text[: words[1].end()], words[1].end()
    return first[0], first.end()


def _name(before: str, unit: str | None, after: str) -> str:
    """The quantity a figure measures: the clause's words before the number, then its unit and the
    words after it up to the end of the clause ('diện tích khu vực khai thác', 'giấy phép thăm dò')."""
    head = re.split(r"\d", _CLAUSE_END.split(before)[-1])[-1].split()[-7:]
    while head and head[-1].lower() in _STOP:
        head = head[:-1]
    stops = [i for i, word in enumerate(head) if word.lower() in _STOP]
    if stops:
        head = head[stops[-1] + 1 :]  # the verb and its object, not the subject: 'đã cấp' -> 'cấp'
    tail: list[str] = []
    for word in re.split(r"\d", _CLAUSE_END.split(after)[0])[0].split()[:8]:
        if word.lower() in _STOP:
            break
        tail.append(word)
    counted = unit is not None and unit.lower() not in _MEASURES
    words = [*head, *([unit] if counted else []), *tail]
    name = " ".join(words).strip(" .;,:-")
    if not name:  # 'đạt 98,5%', 'Thăm dò: 01 giấy phép': the words just before the number
        name = " ".join(re.split(r"\d", _CLAUSE_END.split(before)[-1])[-1].split()[-4:]).strip(" .;,:-")
    return name or (unit or "")


def find(text: str) -> list[Figure]:
    """The figures of one paragraph, in the order written."""
    out: list[Figure] = []
    seen: set[tuple[str, str | None]] = set()
    for match in _NUMBER.finditer(text):
        start, end = match.start(), match.end()
        before = text[:start]
        if _LABEL_BEFORE.search(before[-40:]):
            continue
        around = text[max(0, start - 6) : end + 8]
        dated = any(m.start() <= start - max(0, start - 6) < m.end() for m in _DATE_AROUND.finditer(around))
        if dated and not match["of"] and not match["pct"]:
            continue
        number = match["n"].rstrip(".")
        if re.fullmatch(r"(?:19|20)\d\d", number) and not match["pct"]:
            continue  # a year
        unit: str | None = "%"
        unit_end = 0
        if not match["pct"]:
            unit, unit_end = _unit_after(text[end:].lstrip(" ") if text[end : end + 1] == " " else text[end:])
            if unit is None:
                continue
            gap = len(text[end:]) - len(text[end:].lstrip(" ")) if text[end : end + 1] == " " else 0
            unit_end += gap
        value, doubt = read_number(number)
        target = None
        if match["of"]:
            target, target_doubt = read_number(match["of"].rstrip("."))
            doubt = doubt or target_doubt
        written = (match["sign"] or "") + number + (f"/{match['of'].rstrip('.')}" if match["of"] else "")
        if match["pct"]:
            written += "%"
        qualifier = next((q for q in _QUALIFIERS if fold(before.rstrip()).endswith(fold(q))), None)
        before_words = before.rstrip()
        if qualifier:
            before_words = before_words[: len(before_words) - len(qualifier)]
        if (written, unit and unit.lower()) in seen:
            continue  # the same figure said twice ('270 m2' ... '(vị trí có diện tích 270m2)')
        seen.add((written, unit and unit.lower()))
        name = _name(before_words, unit, text[end + unit_end :])
        out.append(Figure(name, written, value, unit, target, qualifier, doubt))
    return out
