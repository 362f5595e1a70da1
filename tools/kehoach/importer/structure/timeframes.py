"""Time phrases: when the work of an item, a heading or a deadline line is done."""

from __future__ import annotations

import re

from ...model.timeframe import TimeFrameError, parse_timeframe
from ..source import LOWER, label_of
from ..timewords import BY, alternation

SPAN = re.compile(r"\b(?P<t>từ ngày \d{1,2}/\d{1,2}/\d{4}\s+(?:đến|-|–)\s+(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4})", re.I)


def period_statement(text: str) -> str | None:
    match = re.search(
        r"Thời gian thực hiện\s*:?\s*(?P<t>(?:từ|trong|giai đoạn|năm)[^:;]*?)(?:,\s*cụ thể|:|;|\.\s|\.$|$)", text, re.I
    )
    if not match:
        return None
    period = match["t"].strip(" ,.")
    try:
        parse_timeframe(period)
    except TimeFrameError:
        return None
    return period[0].upper() + period[1:]


_DATE = r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4})"  # '15/3/2025', '01 tháng 7 năm 2026'
OPENING = re.compile(
    r"^(?P<t>(?:Thường xuyên|Định kỳ h[ằà]ng (?:năm|quý|tháng)|H[ằà]ng (?:năm|quý|tháng|tuần|ngày)|Định kỳ"
    r"|(?:Trong |Từ )?(?:năm|quý [IVX]+/?|tháng)\s*\d{1,4}(?:\s*/\s*\d{4})?(?:\s*[-–]\s*\d{4})?"
    r"(?:\s*(?:đến|-|–)\s*(?:năm|quý [IVX]+/?|tháng)?\s*\d{1,4}(?:\s*/\s*\d{4})?)?"
    r"|(?:6|Sáu) tháng (?:đầu|cuối) năm(?: \d{4})?|Đầu năm(?: \d{4})?|Cuối năm(?: \d{4})?"
    rf"|(?:Trong |Từ |Kể từ |Trước |Đến |Đến hết |Chậm nhất )?ngày {_DATE}"
    rf"(?:\s*(?:-|–|đến(?: hết)?)\s*(?:ngày )?{_DATE})?))"
    rf"(?=\s*[,:]|\s+[{LOWER}])",
    re.IGNORECASE,
)


_TIME_WORDS = alternation(BY)


_INLINE_TIME = re.compile(
    rf"\b(?P<t>(?:xong\s+(?=trong\b))?{_TIME_WORDS}\s+(?:(?:đầu|giữa|cuối)\s+)?(?:ngày\s+\d{{1,2}}(?:/\d{{1,2}}(?:/\d{{4}})?|\s+tháng\s+\d{{1,2}}(?:\s+năm\s+\d{{4}})?)"
    # a day of every year ('trước ngày 25 tháng 01 hàng năm', 'trước ngày 15/12 hằng năm')
    r"(?:\s+(?:hàng|hằng)\s+năm)?"
    r"|tháng\s+\d{1,2}\s*/\s*\d{4}|quý\s+[IVX]+\s*/\s*\d{4}|(?:quý\s+[IVX]+|tháng\s+\d{1,2})\s+năm\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4}))",
    re.IGNORECASE,
)


_PAREN = re.compile(r"\((?P<t>[^()]{3,80})\)")


_CLOSING = re.compile(r"\b(?P<t>(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày))\s*[.;]?\s*$", re.IGNORECASE)


# A time tied to an event, or a daily cadence, inside the sentence: "Tổng điều tra lăng quăng ngay khi
# nước rút.", "Xử lý ... trong 24-48 giờ sau khi nước rút", "Báo cáo tổng hợp hàng ngày gửi UBND tỉnh".
_EVENT_TIME = re.compile(
    r"\b(?P<t>(?:ngay\s+(?:sau\s+|trước\s+)?khi|trong\s+(?:vòng\s+)?\d{1,3}(?:\s*-\s*\d{1,3})?\s+(?:giờ|ngày(?:\s+làm\s+việc)?|tuần|tháng)\s+"
    r"(?:sau khi|kể từ khi|kể từ))\s+[^,;.()]{2,60}?|(?:hằng|hàng)\s+ngày)\s*(?=[,;.()]|$|\s+(?:gửi|về|cho|để)\b)",
    re.IGNORECASE,
)


# Work done once something else is done: "... ban hành hướng dẫn sau khi quy chế được ban hành", "trình
# ... ngay sau khi kế hoạch được phê duyệt". (A 'sau khi' clause naming no such step is left alone.)
_AFTER_STEP = re.compile(
    r"\b(?P<t>sau khi\s+[^,;.()]{2,80}?\s(?:được\s+)?(?:ban hành|phê duyệt|thông qua|ký ban hành|có hiệu lực|kết thúc|"
    r"hoàn thành|tổ chức xong|công bố))\s*(?=[,;.()]|$)",
    re.IGNORECASE,
)


# A cadence inside the sentence: "Các sở định kỳ hằng quý báo cáo ...", "... báo cáo định kỳ 6 tháng và hằng
# năm về UBND tỉnh". Without 'định kỳ', 'hằng năm' mid-sentence most often names what (a yearly plan).
_EVERY = r"(?:(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần)|(?:6|sáu)\s+tháng(?:\s+(?:một lần|1 lần))?)"


_PERIODIC = re.compile(
    rf"\b(?P<t>định kỳ\s+{_EVERY}(?:\s*(?:,|và|hoặc)\s*(?:{_EVERY}|(?:cuối |đầu )?năm\b))*)", re.IGNORECASE
)


# The phases of an event: "... tuyên truyền trước, trong và sau cuộc bầu cử."
_PHASES = re.compile(
    r"\b(?P<t>trước,?\s+trong\s+và\s+sau\s+(?:khi\s+)?[^,;.()]{2,40}?)\s*(?=[,;.()]|$|\s+(?:để|nhằm|theo)\b)",
    re.IGNORECASE,
)


# A reporting cadence with its date: "định kỳ hàng năm (trước ngày 10/12) hoặc đột xuất", "định kỳ trước
# ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu)". One without a date ("định kỳ và đột
# xuất") states no time.
_EACH = r"(?:hằng|hàng)\s+(?:năm|quý|tháng)"


_CADENCE = re.compile(
    rf"\b(?P<t>định kỳ\s+(?:{_EACH}\s+)?\(?trước ngày\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?"
    rf"(?:\s+và\s+\d{{1,2}}/\d{{1,2}})?\)?(?:\s+{_EACH})?(?:\s+\(?hoặc đột xuất(?:\s+khi có yêu cầu)?\)?)?)",
    re.IGNORECASE,
)


# 'báo cáo kết quả theo yêu cầu của cấp trên': a report is due when asked, a time; 'thực hiện các nhiệm vụ khác
# theo yêu cầu của X', 'cung cấp hồ sơ theo yêu cầu': what is done and for whom, no time
_ON_REQUEST = re.compile(
    r"\bbáo cáo(?:\s+[^\s.;,:]+){0,5}?\s+(?P<t>theo yêu cầu(?: của [^.;,]{3,40})?)\s*\.?\s*$", re.IGNORECASE
)


_RECURRING_ONLY = re.compile(r"^(?:hằng|hàng)\s+(?:năm|quý|tháng)(?:\s+và\s+giai đoạn)?$", re.IGNORECASE)


_HEADING_TIME = re.compile(
    r"(?:^|\b(?:xuyên suốt|thực hiện|triển khai)\s+)(?P<t>(?:từ|trong|trước|sau|đến|đầu|cuối|giữa)\s+"
    r"(?:nay|ngày|tháng|quý|năm|\d)[^:;]*?)\s*[.:;]?$",
    re.IGNORECASE,
)


# A heading of work that closes with the period it covers ('Nhiệm vụ trọng tâm 3 tháng cuối năm 2025', 'Phương
# hướng, nhiệm vụ 6 tháng đầu năm 2026', 'Công tác trọng tâm quý IV/2025', 'Nhiệm vụ từ nay đến Tết Nguyên đán').
_PERIOD_AT_END = re.compile(
    r"\b(?:nhiệm vụ|phương hướng|công tác|giải pháp|chương trình)\b.*?\s(?P<t>\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm"
    r"\s+\d{4}|quý\s+[IVX\d]{1,3}\s*(?:/|năm)\s*\d{4}|từ nay đến\s+\S[^:;]*?)\s*[.:;]?$",
    re.IGNORECASE,
)


# A line that only says when the points above it are done ('Hoàn thành trước ngày 30/6/2023.', 'Các nội
# dung trên hoàn thành trong quý III/2023.', '(Thời gian hoàn thành: tháng 12/2023)', '- Thực hiện xong
# trước 15/11/2025.'): the deadline of those points, read as a time label line.
_DEADLINE = re.compile(
    r"^(?:[-+*•–]\s*)?\(?\s*(?P<back>(?:Các|Những|Toàn bộ|Tất cả)\s+(?:các\s+)?(?:nội dung|nhiệm vụ|việc|"
    r"công việc|hoạt động|phần việc|giải pháp)(?:\s+[^\s,;:.()]+){0,4}?\s+(?:trên|nêu trên|nói trên|này)\s*,?\s*)?"
    r"(?:(?:phải|được|cần)\s+)?(?:hoàn thành|thực hiện|triển khai|xong)(?:\s+xong)?\s*,?\s+"
    r"(?P<t>(?:xong\s+)?(?:trước|trong|vào|chậm nhất|từ|đến|quý|tháng|năm|ngày|hằng|hàng|thường xuyên)\b[^;:()]{0,80}?)"
    r"\s*[.;]?\s*\)?\s*[.;]?$",
    re.IGNORECASE,
)


_DEADLINE_LABEL = re.compile(
    r"^(?:[-+*•–]\s*)?\(\s*(?P<label>(?:Thời gian|Thời hạn)[^:()]{0,25}:\s*[^()]{3,80})\)\s*[.;]?$"
)


def deadline_of(text: str) -> tuple[str, bool] | None:
    """The time of a deadline line, and whether it names the points above it as its own."""
    if (found := _DEADLINE.match(text.strip())) and reads_as_timeframe(found["t"][:1].upper() + found["t"][1:]):
        return found["t"].rstrip(" .;"), bool(found["back"])
    paren = _DEADLINE_LABEL.match(text.strip())
    if paren and (label := label_of(paren["label"])) and label[0] == "timeframe":
        return label[1].rstrip(" .;"), False
    return None


# A heading that is a phase and its years, nothing else: "Giai đoạn 2025 - 2030", "Giai đoạn từ năm 2026
# đến năm 2030", "Thời kỳ 2031-2035". ("Nhiệm vụ giai đoạn 2026 - 2030" names what, not when.)
_PHASE_HEADING = re.compile(
    r"^(?:Giai đoạn|Thời kỳ|Lộ trình)\s+(?:từ\s+)?(?:năm\s+)?\d{4}\s*(?:[-–]|đến)\s*(?:năm\s+)?\d{4}$", re.IGNORECASE
)


def heading_time(heading: str) -> str | None:
    """The time a section heading states for the work under it: the whole heading ('Trong tháng
    12/2025', 'Từ tháng 01 đến ngày bầu cử 15/3/2026') or its closing phrase ('Nội dung tuyên truyền
    xuyên suốt từ nay đến kết thúc cuộc bầu cử')."""
    if _PHASE_HEADING.match(whole := heading.strip(" .:;")) and reads_as_timeframe(whole):
        return whole  # "1. Giai đoạn 2025 - 2030" over the points of that phase
    text = re.sub(r"^(?:Đợt|Giai đoạn|Bước|Phần)\s+[\dIVX]{1,3}\s*[:.\-–]\s*", "", whole, flags=re.I)
    opens = re.match(r"^(?:từ|trong|trước|sau|đến|năm|quý|tháng|đầu|cuối|giữa|ngày)\b", text, re.IGNORECASE)
    if opens and re.search(r"\d", text) and reads_as_timeframe(text):
        return text
    match = _HEADING_TIME.search(text)
    if match:
        return match["t"].strip()
    period = _PERIOD_AT_END.search(text)
    return period["t"] if period and reads_as_timeframe(period["t"]) else None


def reads_as_timeframe(text: str) -> bool:
    """Whether the time-frame reader understands ``text``."""
    try:
        parse_timeframe(text)
    except TimeFrameError:
        return False
    return True


def deadlines_in(text: str) -> list[str]:
    """Every dated time a work item's words state ('trình ... trước ngày 30/7/2026; triển khai trước ngày
    30/9/2026'), each once, in order."""
    found: list[str] = []
    for match in _INLINE_TIME.finditer(text):
        if match["t"] not in found and reads_as_timeframe(match["t"]):
            found.append(match["t"])
    return found


def time_in_text(text: str) -> tuple[str | None, str | None]:
    """A time frame written in a work item's own words, and where it was found.

    Only forms that state when the work is done count: an opening "Thường xuyên,",
    "Năm 2022 - 2024", a bracket "(vào tháng 8/2021)", "(hàng năm)", a "vào/trước
    ngày ..." phrase, a closing "hằng năm". A bare year or "giai đoạn 2016 - 2020"
    inside the sentence usually names what the work is about, not when it is done.
    """
    if (cadence := _CADENCE.search(text)) and reads_as_timeframe(cadence["t"]):
        return cadence["t"], "inline"
    if (opening := OPENING.match(text)) and reads_as_timeframe(opening["t"]):
        return opening["t"], "opening"
    for paren in _PAREN.finditer(text):
        inner = paren["t"].strip()
        if _RECURRING_ONLY.match(inner):
            return inner, "parenthesis"
        if found := _INLINE_TIME.search(inner):
            return found["t"], "parenthesis"
    if (found := _INLINE_TIME.search(text)) and reads_as_timeframe(found["t"]):
        return found["t"], "inline"
    if (closing := _CLOSING.search(text)) and reads_as_timeframe(closing["t"]):
        return closing["t"], "closing"
    if (periodic := _PERIODIC.search(text)) and reads_as_timeframe(periodic["t"]):
        return periodic["t"], "inline"
    if (after := _AFTER_STEP.search(text)) and reads_as_timeframe(after["t"]):
        return after["t"], "inline"
    if (request := _ON_REQUEST.search(text)) and reads_as_timeframe(request["t"]):
        return request["t"], "closing"
    if (event := _EVENT_TIME.search(text)) and reads_as_timeframe(event["t"]):
        return event["t"], "inline"
    # 'trước, trong và sau khi nổ mìn': the care taken around a step, not when the work is done
    if (phases := _PHASES.search(text)) and "sau khi" not in phases["t"].lower() and reads_as_timeframe(phases["t"]):
        return phases["t"], "inline"
    return None, None
