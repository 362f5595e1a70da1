"""Stage 2 of an import: the header block of a plan.

Party documents (Hướng dẫn 36-HD/VPTW) open with two columns: on the left the
parent body, the issuing body, a star and "Số 12-KH/BDVTU"; on the right the
party motto and "<place>, ngày .. tháng .. năm ....". Then the document kind
("KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG"), the title on the next lines and a short rule.
Exported text keeps the columns as runs of spaces; Word keeps them in a table.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from ..model.docnumber import DocNumberError, parse_doc_number
from ..model.doctype import TYPE_CODES
from ..text import fold
from .citations import normalise_number
from .names import central, norm
from .places import province_named
from .source import HEADING_ROMAN, LOWER, UPPER, Document, Line

# Document kinds a header may announce, folded: plans and programmes.
_PLAN_HEADING = re.compile(
    r"^(?:ke\s*hoach(?:\s+(?:hanh\s+dong|lien\s+tich|phoi\s+hop|thuc\s+hien))?"
    r"|chuong\s*trinh(?:\s+(?:hanh\s+dong|cong\s+tac|phoi\s+hop|lam\s+viec|thuc\s+hien))?)$"
)
# A report ('BÁO CÁO', 'BÁO CÁO SƠ KẾT', 'BÁO CÁO TỔNG KẾT'): read by the report import (importer.report).
_REPORT_HEADING = re.compile(r"^bao\s*cao\b[^.;:]{0,200}$")
# The kind of a report as its type line names it; words after it on the line are the start of its title
# ('BÁO CÁO KẾT QUẢ KIỂM TRA ...' -> 'Báo cáo', 'KẾT QUẢ KIỂM TRA ...').
_REPORT_KIND = re.compile(
    r"^\s*(?P<h>BÁO\s*CÁO(?:\s+(?:SƠ\s+KẾT|TỔNG\s+KẾT|NHANH|ĐỊNH\s+KỲ|CHÍNH\s+TRỊ|CHUYÊN\s+ĐỀ))?)(?:\s+(?P<t>\S.*))?$"
)
# The type lines of the other kinds of document that assign work (folded), with the type code each
# stands for in a number ('Đề án' -> ĐA).
OTHER_KINDS = (
    ("nghi quyet", "NQ"),
    ("chi thi", "CT"),
    ("ket luan", "KL"),
    ("quyet dinh", "QĐ"),
    ("huong dan", "HD"),
    ("de an", "ĐA"),
    ("thong bao", "TB"),
    ("cong dien", "CĐ"),
    ("phuong an", "PA"),
)
_OTHER_HEADINGS = tuple(heading for heading, _ in OTHER_KINDS)


class _NearWord:
    """A pattern searched only near the words its match must hold (``tail``: the whole match
    ends with them, its start at most ``reach`` characters before): Python's regular expressions
    try a pattern at every position, and a bounded lazy place before the date costs some sixty
    steps a character there (half a minute for a line of 500,000 characters with no comma). The
    match is the one ``pattern.search`` finds: the leftmost match holds the first place ``tail``
    matches, and starts at most 60 characters of place and the spaces around a comma before it."""

    def __init__(self, place: str, tail: str, reach: int = 200) -> None:
        self.pattern = re.compile(place + tail, re.IGNORECASE)
        self.tail = re.compile(tail, re.IGNORECASE)
        self.reach = reach

    def search(self, text: str) -> re.Match[str] | None:
        found = self.tail.search(text)
        if found is None:
            return None
        return self.pattern.search(text, max(0, found.start() - self.reach), found.end())


_PLACE = r"(?P<place>[^,]{0,60}?)\s*,?\s*"
_DATE = _NearWord(_PLACE, r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
# A date left for the hand: 'Lào Cai, ngày       tháng      năm 2026', or its day only ('ngày   tháng 6 năm 2026').
_BLANK_DATE = _NearWord(_PLACE, r"ngày\s+tháng\s+(?:\d{1,2}\s+)?năm\s+(?P<y>\d{4})")
_NUMBER = re.compile(r"^s[ốô]\s*[:.]?\s*(?P<n>\S.*)$", re.IGNORECASE)
_RULE = re.compile(r"^[\s\-–—_*=~.]{3,}$|^\*$")
_ORG_START = (
    "ban ",
    "van phong",
    "uy ban",
    "đang uy",
    "dang uy",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "tinh uy",
    "quan uy",
    "dang doan",
    "ban can su",
    "chi bo",
    "dang bo",
    "so ",
    "ubnd",
    "hoi ",
    "mat tran",
    "truong ",
    "tinh doan",
    "cong an",
    # a team set up for one task under its office ("SỞ CÔNG THƯƠNG / ĐOÀN KIỂM TRA")
    "doan kiem tra",
    "doan cong tac",
    "doan giam sat",
    "doan thanh tra",
    "to cong tac",
    "tieu ban",
)
# "ĐOÀN KIỂM TRA / THEO QUYẾT ĐỊNH / SỐ 1050/QĐ-SCT": the decision that set the team up, not its name.
_SET_UP_BY = re.compile(r"\s+THEO\s+(?:QUYẾT\s+ĐỊNH|QĐ)\b.*$", re.IGNORECASE)
_PROVINCE = re.compile(
    r"^(?:tinh\s+u[yỷ]|dang\s+bo\s+tinh|(?:ubnd|uy\s+ban\s+nhan\s+dan|hdnd|hoi\s+dong\s+nhan\s+dan)\s+(?:tinh|thanh\s+pho)"
    r"|tinh|thanh\s+u[yỷ]|dang\s+bo\s+thanh\s+pho|thanh\s+pho)\s+(?P<p>.+)$"
)


@dataclass
class Header:
    organisations: list[str] = field(default_factory=list)  # as written, outermost first
    number_text: str | None = None  # as written after "Số"
    number: str | None = None  # normalised (12-KH/BDVTU)
    place: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    heading: str = "Kế hoạch"
    title: str | None = None
    title_line: int = 0
    province: str | None = None
    locality: str | None = None  # the district of a district committee ("HUYỆN ỦY CƯ JÚT" -> "Cư Jút")
    province_guessed: bool = False  # no unit line names the province: ``province`` is the place's name
    province_city: bool = False  # the province is a centrally-run city ('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH')
    body_start: int = 0  # index into Document.lines where the body begins
    blank_year: int | None = None  # the year of a date whose day and month are left blank
    issued_by: str | None = None  # the decision that issues the plan ('Quyết định'), when one does
    issued_by_line: int = 0
    doubts: dict[str, str] = field(default_factory=dict)  # field -> why the value needs review
    recipients: list[str] = field(default_factory=list)  # a letter's 'Kính gửi', one entry per recipient
    headerless: bool = False  # no header block at all (an excerpt, a web copy): the body is read from the top
    # what an appendix's '(Kèm theo <this document> số N ... của X)' line names: this document's number, and
    # (read only when no issuer line names one) its issuer
    number_attached: str | None = None
    issuer_attached: str | None = None

    @property
    def issuer_name(self) -> str | None:
        """The issuing body with its committee, in reading case: 'Ban Dân vận Tỉnh ủy'."""
        if not self.organisations:
            return None
        body = reading_case(self.organisations[-1])
        if len(self.organisations) > 1:
            # a board or the office of a party committee written under it ('TỈNH ỦY X / BAN DÂN VẬN', 'BAN
            # CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG'): the upper line is its parent, the lower line only its kind
            parent = self.organisations[-2]
            key = fold(body)
            board = key.startswith(("ban ", "uy ban kiem tra")) or key == "van phong"
            committee = re.match(r"^(TỈNH|THÀNH|HUYỆN|THỊ|QUẬN)\s+(ỦY|UỶ)\b", parent.upper())
            if committee and board:
                return f"{body} {committee[1].capitalize()} ủy"
            if _central_committee(parent) and board and "trung uong" not in key and key != "ban bi thu":
                return "Văn phòng Trung ương Đảng" if key == "van phong" else f"{body} Trung ương"
        return body

    @property
    def parent_name(self) -> str | None:
        return reading_case(self.organisations[-2]) if len(self.organisations) > 1 else None


def _central_committee(line: str) -> bool:
    """The party's Central Committee as a header writes it above one of its boards ('BAN CHẤP HÀNH TRUNG ƯƠNG')."""
    return fold(" ".join(line.split())).strip(" *") == "ban chap hanh trung uong"


NO_HEADER = (
    "không tìm thấy dòng tên loại văn bản ('KẾ HOẠCH', 'CHƯƠNG TRÌNH', ...) hay phần đầu của một văn bản "
    "(cơ quan ban hành, 'Số ...', địa danh và ngày) ở đầu tệp"
)


class HeaderError(Exception):
    """The file does not look like a plan; the message says what was found instead."""


# The type line and the title run together in one paragraph ("KẾ HOẠCH thực hiện ...", "BÁO CÁO Kết quả
# ..."), as a Word paragraph that joined the printed lines gives them.
_HEADING_AND_TITLE = re.compile(
    rf"^\s*(?P<h>(?:KẾ\s*HOẠCH|CHƯƠNG\s*TRÌNH|BÁO\s*CÁO)(?:\s+[{UPPER}]+)*)\s+(?P<t>[{UPPER}]?[{LOWER}].*)$"
)


def _split_heading(lines: list[Line]) -> None:
    for i, line in enumerate(lines[:80]):
        match = _HEADING_AND_TITLE.match(line.text)
        if match and line.cells is None:
            lines[i : i + 1] = [
                Line(match["h"], line.number, bold=line.bold),
                Line(match["t"], line.number, bold=line.bold, markers=line.markers),
            ]
            return


# A header whose every cell is one table row, each cell's paragraphs joined by a space: 'UBND TỈNH LÀO
# CAI SỞ CÔNG THƯƠNG ____ Số: /SCT-CN V/v ...  | CỘNG HÒA ... ____ Lào Cai, ngày ...'. Where a cell's
# paragraphs meet: a rule, the number, a letter's subject, the motto's second line (a place and date
# run on after the motto are read out of it as in any column).
_ROW_CELL = re.compile(r"\s+\|\s+")
_ROW_PARAGRAPH = re.compile(r"\s*[_=]{3,}\s*|\s+(?=S[ốô]\s*[:.])|\s+(?=(?:V/v|Về việc)\s)|\s+(?=Độc lập\s*[-–])")
# Where an issuer's line meets its parent's in one paragraph ('UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG'): a
# body's first word, not the 'BAN' of 'ỦY BAN'.
_ROW_ORGS = re.compile(r"(?<!ỦY)(?<!UỶ)(?<!ĐẢNG)\s+(?=(?:SỞ|BAN|PHÒNG|VĂN PHÒNG|CHI BỘ|TRUNG TÂM|CÔNG AN)\s)")


def _split_header_row(lines: list[Line], word: bool = False) -> bool:
    """The header written as one table row (cells joined by ' | ', each cell's paragraphs by a space):
    one line per paragraph, the two cells side by side as columns, as a printed header is. ``word``:
    a Word table row whose cells ran their paragraphs together (tried when the header is not read
    otherwise). True when a row was split."""
    for i, line in enumerate(lines[:5]):
        if word:
            cells = list(line.cells) if line.cells is not None else []
        else:
            cells = _ROW_CELL.split(line.text.strip()) if line.cells is None else []
        if len(cells) != 2 or not re.search(r"\bS[ốô]\s*[:.]?\s*\S*/", cells[0]):
            continue
        left, right = ([p for p in _ROW_PARAGRAPH.split(cell) if p.strip()] for cell in cells)
        if left and left[0].isupper():
            left[:1] = _ROW_ORGS.split(left[0])
        rows = list(itertools.zip_longest(left, right, fillvalue=""))
        lines[i : i + 1] = [
            Line("   ".join(c.strip() for c in row), line.number, cells=tuple(c.strip() for c in row)) for row in rows
        ]
        return True
    return False


# 'Thành phố Hồ' / 'Chí Minh, ngày 18 tháng 11 năm 2025': a place name cut by a narrow cell, a few words
# opening with a capital, nothing else on the line; the rest of the name opens the line with the date.
_PLACE_START = re.compile(rf"^\s*[{UPPER}][{LOWER}]*(?:\s+[{UPPER}{LOWER}][{LOWER}]*){{0,4}}\s*$")
_PLACE_END = re.compile(rf"^\s*[{UPPER}][{LOWER}]*(?:\s+[{UPPER}][{LOWER}]*){{0,3}}\s*,\s*ngày\b", re.IGNORECASE)


_CUT_DATE = re.compile(r",\s*ngày(?:\s+\d{1,2}(?:\s+tháng(?:\s+\d{1,2}(?:\s+năm)?)?)?)?\s*$")
# 'Hà Nội,' alone: the place, its comma, and the date cut off whole onto the next line
_CUT_AT_COMMA = re.compile(rf"^\s*[{UPPER}][{LOWER}]*(?:\s+[{UPPER}][{LOWER}]*){{0,4}}\s*,\s*$")


def _join_cut_date(lines: list[Line]) -> None:
    """'Quảng Ngãi, ngày' / '21 tháng 11 năm 2025': a place and date cut after 'ngày', or after the
    place's comma (a web page's narrow cell, a Word table's), are one line, as printed; so are a
    place's name cut in two and its date."""
    for i, line in enumerate(lines[:40]):
        if (
            i + 1 < len(lines)
            and line.cells is None
            and len(line.columns) == 1
            and _PLACE_START.match(line.text)
            and not _MOTTO_TEXT.search(line.text)
            and _PLACE_END.match(lines[i + 1].text)
        ):
            line.text = f"{line.text.strip()} {lines[i + 1].text.strip()}"
            del lines[i + 1]
            break
    for i, line in enumerate(lines[:40]):
        # cut after any of its words ('Hà Nội, ngày 16' / 'tháng 11 năm 2025', 'Hà Nội, ngày 26 tháng 11' / 'năm 2025')
        if line.cells is not None or len(line.columns) != 1:
            continue
        if not (_CUT_DATE.search(line.text) or _CUT_AT_COMMA.match(line.text)):
            continue
        after = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].text.strip()), None)
        if after is not None and re.fullmatch(
            r".*,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\s*", f"{line.text} {lines[after].text}"
        ):
            line.text = f"{line.text.rstrip()} {lines[after].text.strip()}"
            del lines[i + 1 : after + 1]
            return


# A footnote of the first page that a PDF's text puts before the header ('1 Nghị quyết số 05-NQ/ĐU ngày
# ... ; Quyết định số 34-QĐ/ĐU ...' above 'ĐẢNG BỘ TỈNH ...'): its marker, a plain number, then a document.
_TOP_FOOTNOTE = re.compile(
    r"^(?P<m>\d{1,2})\s+(?P<t>(?:Nghị quyết|Quyết định|Chỉ thị|Kết luận|Kế hoạch|Chương trình|Thông báo|Công văn|"
    r"Báo cáo|Hướng dẫn|Quy định|Luật|Nghị định|Thông tư|Văn bản|Thông tri)\b.*)$"
)


def _top_footnote(doc: Document) -> None:
    """A footnote printed before the header is a footnote: its lines leave the header's way, its text
    joins the document's footnotes (whose citations are read as any footnote's)."""
    lines = doc.lines
    first = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if first is None or not (found := _TOP_FOOTNOTE.match(" ".join(lines[first].text.split()))):
        return
    end = first + 1
    while end < len(lines) and (text := lines[end].text.strip()) and not text.isupper() and len(lines[end].columns) < 2:
        end += 1
    if end >= len(lines) or not lines[end].text.strip().isupper() or end - first > 15:
        return  # no organisation's line after it: the file opens with its body, not a header
    text = " ".join([found["t"], *(" ".join(line.text.split()) for line in lines[first + 1 : end])])
    marker = found["m"]
    doc.footnotes[marker] = f"{doc.footnotes[marker]} {text}" if marker in doc.footnotes else text
    del lines[first:end]


def parse(doc: Document) -> Header:
    _top_footnote(doc)
    _split_heading(doc.lines)
    _split_header_row(doc.lines)
    _join_cut_date(doc.lines)
    try:
        return _parse(doc, untyped=False)
    except HeaderError:
        _split_header_row(doc.lines, word=True)
    return _parse(doc, untyped=True)


def _parse(doc: Document, untyped: bool) -> Header:
    """The header; with no type line found, a HeaderError unless ``untyped`` (then the document is
    read as one that prints none)."""
    lines = doc.lines
    letter = _letter(lines)
    if letter is not None:
        return letter
    found = _find_heading(lines)
    header = Header()
    if found is None:
        if not untyped:
            raise HeaderError("không tìm thấy dòng tên loại văn bản")
        _untyped(header, lines)
    else:
        decision_at, heading_at = found
        _read_block(header, lines[:decision_at])
        if decision_at != heading_at:
            header.issued_by = "Quyết định"
            header.issued_by_line = lines[decision_at].number
        heading = " ".join(lines[heading_at].text.split())
        header.heading = reading_case(heading) if heading.isupper() else heading
        if decision_at == heading_at and fold(heading).startswith(_OTHER_HEADINGS):
            header.doubts["type"] = (
                f"dòng {lines[heading_at].number}: văn bản là '{heading}', không phải kế hoạch; nhập như một văn "
                "bản giao nhiệm vụ: kiểm tra các việc được giao"
            )
        _read_title(header, lines, heading_at + 1)
    _province_from_place(header, doubt=True)
    if (attached := _attached(lines, header.heading)) is not None:
        header.number_attached = normalise_number(attached["number"])[0] if attached["number"] else None
        if not header.organisations:
            header.issuer_attached = attached["who"].strip(" .,;")
    return header


def _province_from_place(header: Header, doubt: bool = False) -> None:
    """No unit line names the province: the place's name stands for it (flagged, with ``doubt``). A central
    body (of the Party's Central Committee, the Government, a ministry, the National Assembly) sits in the
    capital: its place names no province of it, and no unit of a province is a model for the units it names."""
    if header.province is not None or not header.place:
        return
    header.province_guessed = True
    if any(_central_committee(org) or central(norm(org)) for org in header.organisations):
        return
    # a place is a few words ('Lương Minh'); more is a line read wrong, and every unit's id would carry it
    header.province = " ".join(header.place.split()[:_PLACE_WORDS])
    if doubt:
        header.doubts["province"] = f"tỉnh lấy từ địa danh '{header.place}' vì dòng cơ quan không ghi tên tỉnh"


def _find_heading(lines: list[Line]) -> tuple[int, int] | None:
    """Where the header block ends and where the plan's type line is: the same line, or for a plan
    issued with a decision ('QUYẾT ĐỊNH ... Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ...'),
    the decision's type line and the plan's own 'KẾ HOẠCH' line after the decision's articles. None
    when no type line is found among the first lines."""
    seen = 0
    for i, line in enumerate(lines):
        text = " ".join(line.text.split())
        if not text:
            continue
        seen += 1
        if seen > 60:
            break
        folded = fold(text)
        if text.isupper() and _PLAN_HEADING.match(folded):
            return i, i
        if text.isupper() and _REPORT_HEADING.match(folded) and (kind := _REPORT_KIND.match(text)):
            if kind["t"]:
                lines[i : i + 1] = [Line(kind["h"], line.number, bold=line.bold), Line(kind["t"], line.number)]
            return i, i
        if text.isupper() and re.search(r"quyet dinh\b", folded):
            plan_at = _plan_issued_by_decision(lines, i)
            if plan_at is not None:
                return i, plan_at
        if text.isupper() and any(folded.startswith(kind) for kind in _OTHER_HEADINGS) and len(folded) < 40:
            return i, i  # another kind that may assign work (Đề án, Chỉ thị ...): read as a plan, flagged
    return None


# The type line a number's type code stands for, when the document prints none.
_HEADING_OF_CODE = {
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "HD": "Hướng dẫn",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "KL": "Kết luận",
    "TB": "Thông báo",
    "QĐ": "Quyết định",
    "BC": "Báo cáo",
    "CV": "Công văn",
}
_BODY_OPENING = re.compile(r"^-?\s*(?:Căn cứ|Thực hiện|Kính gửi|Nhằm|Để)\b", re.IGNORECASE)


def _untyped(header: Header, lines: list[Line]) -> None:
    """A document with no type line under its number and date (a web copy that lost it, a plan
    printed without one): the header block ends at the last line holding the number or the date, the
    title follows; the type is read from the number's type code, and the whole is flagged."""
    end, seen = 0, 0
    for i, line in enumerate(lines):
        text = " ".join(line.text.split())
        if not text or text == "|":  # a lone '|' ends a cell of the header's table written in text
            continue
        seen += 1
        if seen > 15 or _BODY_OPENING.match(text) or HEADING_ROMAN.match(text):
            break
        columns = [" ".join(c.split()) for c in line.columns]
        if any(_DATE.search(c) or _BLANK_DATE.search(c) or _NUMBER.match(c) for c in columns):
            end = i + 1
    if not end:
        # An excerpt or a web copy that kept only the body: read it from the top, flagged; one in
        # which no work is found either is refused (``document.build``).
        header.headerless = True
        kinh_gui = _kinh_gui(lines)
        if kinh_gui is not None:  # a letter's recipients, then its body
            header.heading = header.issued_by = "Công văn"
            header.body_start = _after_recipients(lines, kinh_gui)
            header.recipients = _recipients(lines[kinh_gui : header.body_start])
        header.doubts["type"] = (
            f"{NO_HEADER}: nhập phần nội dung như một {header.heading.lower()}; điền số, ngày, cơ quan ban hành, "
            "trích yếu và kiểm tra loại văn bản"
        )
        return
    _read_block(header, lines[:end])
    try:
        code = parse_doc_number(header.number).type_code if header.number else "KH"
    except DocNumberError:
        code = "KH"
    header.heading = _HEADING_OF_CODE.get(code or "CV", "Kế hoạch")
    header.doubts["type"] = (
        f"không tìm thấy dòng tên loại văn bản ('KẾ HOẠCH', 'CHƯƠNG TRÌNH', ...) dưới phần số, ngày; nhập như "
        f"'{header.heading}' theo số hiệu: kiểm tra loại văn bản, trích yếu và các việc được giao"
    )
    _read_title(header, lines, end)


# An appendix's line saying what it is attached to: this document ('(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày
# 27/11/2025 của Ban Tuyên giáo và Dân vận Trung ương)', '(kèm theo văn bản số: /UBND-NNMT ... của UBND Thành
# phố)'), its kind, and the body that issued it, up to the bracket's end.
_ATTACHED_TO = re.compile(
    r"^\(\s*(?:ban hành\s+)?kèm theo\s+(?P<kind>[^()\d]{2,40}?)\s+số\s*:?\s*"
    r"(?P<number>\d[^\s,()]*|[^\s,()]*/[^\s,()]+)?"
    r"[^()]*?\scủa\s+(?P<who>[^()]{3,120}?)\s*\)",
    re.IGNORECASE,
)


def _attached(lines: list[Line], heading: str) -> re.Match[str] | None:
    """The first '(Kèm theo <kind> số N ... của X)' line whose kind is this document's own (or 'văn bản', any
    document), its number and issuer; a line attaching to another kind of document speaks of another one."""
    for i, line in enumerate(lines):
        if not re.match(r"^\(\s*(?:ban hành\s+)?kèm theo\b", line.text.strip(), re.IGNORECASE):
            continue
        text = " ".join(" ".join(other.text.split()) for other in lines[i : i + 4])
        found = _ATTACHED_TO.match(text)
        if found and fold(found["kind"]) in ("van ban", fold(heading)):
            return found
    return None


def _letter(lines: list[Line]) -> Header | None:
    """A công văn that assigns work: no type line, a 'V/v ...' or 'về việc ...' subject under the
    number, 'Kính gửi:' and its recipients, then the body. None when the file is not one."""
    kinh_gui = _kinh_gui(lines)
    if kinh_gui is None:
        return None
    header = Header()
    subject, block = _letter_subject(header, lines[:kinh_gui])
    _read_block(header, block)
    if header.number is None or not subject or not _letter_number(header.number):
        return None
    header.title = re.sub(r"^(?:v/v|về việc)\s*:?\s*", "", " ".join(subject), flags=re.IGNORECASE) or None
    header.heading = "Công văn"
    header.issued_by = "Công văn"
    header.body_start = _after_recipients(lines, kinh_gui)
    header.recipients = _recipients(lines[kinh_gui : header.body_start])
    _province_from_place(header)
    return header


def _kinh_gui(lines: list[Line]) -> int | None:
    """The index of the 'Kính gửi' line among the first 40 lines written, before any type line."""
    seen = 0
    for i, line in enumerate(lines):
        text = " ".join(line.text.split())
        if not text:
            continue
        seen += 1
        folded = fold(text)
        if seen > 40 or (
            text.isupper()
            and (_PLAN_HEADING.match(folded) or _REPORT_HEADING.match(folded) or folded.startswith(_OTHER_HEADINGS))
        ):
            return None
        if folded.startswith("kinh gui"):
            return i
    return None


def _letter_subject(header: Header, lines: list[Line]) -> tuple[list[str], list[Line]]:
    """The lines of a letter's subject ('V/v ...' under the number, until a blank line), and the
    header block without them (the subject's column cut out of its lines)."""
    subject: list[str] = []
    block: list[Line] = []
    for line in lines:
        columns = [" ".join(c.split()) for c in line.columns] or [""]
        first = columns[0]
        # the subject run on after the number or the date in one Word paragraph: 'Số 2449 -CV/ĐU về việc
        # ...', 'Hà Nội, ngày 20 tháng 11 năm 2025 V/v ...'
        date = _DATE.search(first)
        opening = re.match(r"^S[ốô]\b", first) or date
        inside = re.compile(r"\s(?=(?:V/v|[Vv]ề việc)\s)").search(first, date.end() if date else 0) if opening else None
        if inside and not subject:
            header.title_line = line.number
            subject.append(first[inside.end() :])
            block.append(Line("   ".join([first[: inside.start()], *columns[1:]]), line.number))
            continue
        starts = bool(re.match(r"^(?:v/v|ve viec)\b", fold(first)))
        goes_on = bool(subject) and bool(first) and not first.isupper() and not _DATE.search(first)
        if subject and (not first or first == "|"):
            subject.append("")  # a blank line ends the subject, as does a cell's end ('|') in text
        if (starts and not subject) or (goes_on and subject[-1]):
            if not subject:
                header.title_line = line.number
            subject.append(first)
            block.append(Line("   ".join(columns[1:]), line.number))
        else:
            block.append(line)
    return [part for part in subject if part], block


def _letter_number(number: str) -> bool:
    """A letter's number: '-CV/', or a state number of no other type ('2449/UBND-KT')."""
    return bool(re.match(r"^\d*-CV/", number)) or (
        bool(re.match(r"^\d*/[A-ZĐ]", number)) and not re.match(rf"^\d*/(?:\d{{4}}/)?(?:{_TYPED})-", number)
    )


def _recipients(lines: list[Line]) -> list[str]:
    """The recipients a letter's 'Kính gửi:' lines name: '- ' lines or ';'-separated parts, each once;
    a bracket after a name (its address) left out."""
    text = " ".join(" ".join(line.text.split()) for line in lines)
    text = re.sub(r"^\s*kính\s+gửi\s*:?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\([^()]*\)", "", text)
    parts = re.split(r"\s*;\s*|\s+-\s+|^-\s+", text.strip())
    return [part for part in (p.strip(" .,;:-") for p in parts) if part]


def _after_recipients(lines: list[Line], kinh_gui: int) -> int:
    """The first line of the body: past 'Kính gửi:' and its recipients ('- ...', or a name wrapped
    after a comma), and the blank lines after them."""
    i = kinh_gui + 1
    while i < len(lines) and (text := lines[i].text.strip()):
        if not (text.startswith("-") or _wraps_recipient(lines[i - 1].text.strip(), text)):
            break
        i += 1
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    return i


def _wraps_recipient(above: str, text: str) -> bool:
    """``text`` goes on with the recipient on the line above: after a comma, a semicolon or a colon;
    a name wrapped mid-word in lower case ('... Nội vụ, Công' / 'an tỉnh, ...'); or the short end
    of a name wrapped at a capital, closing the recipient ('... Ban Chỉ huy' / 'Bộ đội Biên phòng
    tỉnh;'); the recipient's address in brackets under it, and the lines a bracket wraps onto;
    however the lines were printed (wrapped lines of text, or one Word paragraph each)."""
    if above.endswith((",", ";", ":")) or text.startswith("(") or above.count("(") > above.count(")"):
        return True
    if above.endswith((".", "!", "?")) or _BODY_OPENING.match(text):
        return False
    return text[:1].islower() or (len(text) <= 60 and text.endswith((";", ".")))


_TYPED = "|".join(sorted((c for c in TYPE_CODES if c != "CV"), key=len, reverse=True))


_UPPER_HEADING_AND_TITLE = re.compile(r"^\s*(?P<h>KẾ\s*HOẠCH|CHƯƠNG\s*TRÌNH(?:\s+HÀNH\s+ĐỘNG)?)\s+(?P<t>\S.*)$")


def _plan_issued_by_decision(lines: list[Line], decision_at: int) -> int | None:
    """The 'KẾ HOẠCH' type line of the plan a decision issues ('Ban hành kèm theo Quyết định này Kế
    hoạch ...'), when the decision says it issues one and the plan follows it."""
    issues_plan = False
    for i in range(decision_at + 1, min(len(lines), decision_at + 400)):
        text = " ".join(lines[i].text.split())
        folded = fold(text)
        # the article may wrap anywhere ('... Quyết định này Kế' / 'hoạch ...'): read it with its next line
        article = folded if i + 1 == len(lines) else f"{folded} {fold(' '.join(lines[i + 1].text.split()))}"
        if re.search(r"\bdieu\s+1\b.*\bban hanh\b.*\b(ke hoach|chuong trinh)\b", article) and re.search(
            r"\bdieu\s+1\b", folded
        ):
            issues_plan = True
        elif issues_plan and text.isupper() and _PLAN_HEADING.match(folded):
            return i
        elif issues_plan and text.isupper() and (run := _UPPER_HEADING_AND_TITLE.match(text)):
            # 'KẾ HOẠCH TRIỂN KHAI THỰC HIỆN ...': the type line and the title in one paragraph
            lines[i : i + 1] = [Line(run["h"], lines[i].number), Line(run["t"], lines[i].number)]
            return i
    return None


def _read_block(header: Header, lines: list[Line]) -> None:
    orgs: list[str] = []
    for line in lines:
        for column in _number_joined(_blank_date_joined(line.columns)):
            for text in _pieces(header, " ".join(column.split())):
                folded = fold(text)
                letters = [c for c in text if c.isalpha()]
                if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
                    continue
                if text[:1].isdigit():
                    continue  # '136/2025/NĐ-CP': a subject's wrapped number; no unit's line opens with a digit
                if orgs and not folded.startswith(_ORG_START) and not orgs[-1].endswith("*"):
                    orgs[-1] += " " + text  # a long name wrapped onto a second line
                else:
                    orgs.append(text.rstrip(" *"))
    header.organisations = [_SET_UP_BY.sub("", org).strip(" /") or org for org in orgs]  # '/ỦY BAN ...': a stray mark
    _read_province(header, orgs)
    if header.number_text:
        header.number, note = normalise_number(header.number_text)
        if note:
            header.doubts["number"] = note
    else:
        header.doubts["number"] = "không tìm thấy dòng 'Số ...' ở phần đầu văn bản"
    if header.date is None:
        header.doubts.setdefault(
            "date", "không tìm thấy dòng '<địa danh>, ngày ... tháng ... năm ...' ở phần đầu văn bản"
        )


def _read_province(header: Header, orgs: list[str]) -> None:
    """The province (and district) the issuing body's lines name, outermost first."""
    for org in orgs:
        match = _PROVINCE.match(fold(org))
        if match and header.province is None:  # the outermost line names the province
            start = len(org) - len(match["p"])
            header.province = _checked_province(header, reading_case(org[start:], proper=True))
            header.province_city = "thanh" in match[0][: -len(match["p"])]
        elif match := match or re.match(r"^(?:huyen|quan|thi)\s+u[yỷ]\s+(?P<p>.+)$", fold(org)):
            # a district's committee, or a city's under the province named above ('ĐẢNG BỘ TỈNH NGHỆ AN /
            # THÀNH ỦY VINH')
            header.locality = reading_case(org[len(org) - len(match["p"]) :], proper=True)


def _checked_province(header: Header, read: str) -> str:
    """The province a unit line names, checked against the list of provinces: the province its first words
    name when more words follow ('Lào Cai Cộng hòa Xã hội ...': a line run into the next one), flagged; a
    name that is no province ('Thủ Dầu Một': a city's committee) is kept, flagged, when it is short, and cut
    to its first words when it is not (every id of a unit of this province begins with it)."""
    named = province_named(read)
    if named == read:
        return read
    if named is not None:
        header.doubts["province"] = f"dòng cơ quan ghi '{read}'; tỉnh đọc là '{named}', các chữ sau bị bỏ"
        return named
    words = read.split()
    header.doubts["province"] = f"'{read}' không có trong danh sách tỉnh, thành phố trực thuộc trung ương; cần kiểm tra"
    return read if len(words) <= _PLACE_WORDS else " ".join(words[:_PLACE_WORDS])


_PLACE_WORDS = 4  # a place's name is at most four words ('Bà Rịa - Vũng Tàu' is three and a dash)


def _blank_date_joined(columns: list[str]) -> list[str]:
    """'Lào Cai, ngày', 'tháng', 'năm 2026': a date whose day and month are left for the hand is split
    into columns by the gaps; it is one column."""
    out: list[str] = []
    for column in columns:
        word = column.strip().lower()
        if (
            out
            and (word == "tháng" or re.fullmatch(r"năm\s+\d{4}", word))
            and re.search(r"\b(?:ngày|tháng)\s*$", out[-1], re.IGNORECASE)
        ):
            out[-1] = f"{out[-1].rstrip()} {column.strip()}"
        else:
            out.append(column)
    return out


def _number_joined(columns: list[str]) -> list[str]:
    """'Số:' and its number split into two columns by the gap left for a number written by hand
    ('Số:    /KH-MTTQ-BTT', 'Số: 904    /BC-SNNMT') are one column."""
    out: list[str] = []
    for column in columns:
        if out and re.fullmatch(r"\s*S[ốô]\s*[:.]?\s*", out[-1], re.IGNORECASE):
            out[-1] = f"{out[-1].strip()} {column.strip()}"
        elif (
            out and re.fullmatch(r"\s*S[ốô]\s*[:.]?\s*\d+\s*", out[-1], re.IGNORECASE) and re.search(r"\s*[/-]", column)
        ):
            out[-1] = f"{out[-1].rstrip()}{column.strip()}"  # 'Số: 904    /BC-SNNMT': a gap inside the number
        else:
            out.append(column)
    return out


_MOTTO_TEXT = re.compile(
    r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc",
    re.IGNORECASE,
)
# Pieces of a motto wrapped over two lines of a narrow column ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA' / 'VIỆT NAM',
# 'Độc lập - Tự do -' / 'Hạnh phúc'), or a web page's cell cut after any word ('CỘNG' / 'HÒA XÃ HỘI CHỦ
# NGHĨA VIỆT NAM', 'ĐẢNG CỘNG' / 'SẢN VIỆT NAM'): never part of the issuer's name. 'CỘNG' alone ends no
# body's name; 'HÒA' alone may (a commune 'TÂN HÒA'), so a piece opening with it runs on to 'XÃ HỘI' at least.
_MOTTO_PIECE = re.compile(
    r"(?:CỘNG(?:\s+H(?:ÒA|OÀ|OA)(?:\s+XÃ(?:\s+HỘI(?:\s+CHỦ(?:\s+NGHĨA)?)?)?)?)?"
    r"|H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI(?:\s+CHỦ(?:\s+NGHĨA(?:\s+VIỆT\s+NAM)?)?)?"
    r"|(?:(?:XÃ\s+)?HỘI\s+)?(?:CHỦ\s+)?NGHĨA(?:\s+VIỆT\s+NAM)?"
    r"|ĐẢNG\s+CỘNG(?:\s+SẢN)?|(?:CỘNG\s+)?SẢN\s+VIỆT\s+NAM|VIỆT\s+NAM"
    r"|[-–]?\s*Độc\s+lập(?:\s*[-–]\s*Tự\s+do)?\s*[-–]?|[-–]?\s*(?:Tự\s+do\s*[-–]\s*)?Hạnh\s+phúc)",
    re.IGNORECASE,
)
_NUMBER_IN = re.compile(r"\bS[ốô]\s*[:.]?\s*(?P<n>\d+\s*[-–/]\s*[^\s,]+(?:\s*[-–]\s*[A-ZĐ][^\s,]*)*)", re.IGNORECASE)


def _pieces(header: Header, text: str) -> list[str]:
    """What is left of a header column once the motto, the number and the date are read out of it.

    A column is usually one of them, but an export that lost the column gaps runs them together:
    'TỈNH ỦY BÌNH THUẬN ĐẢNG CỘNG SẢN VIỆT NAM', 'BAN DÂN VẬN Bình Thuận, ngày 08 tháng 02 năm 2021'."""
    if not text or _RULE.match(text):
        return []
    rest = _MOTTO_TEXT.sub("   ", text)
    rest = re.sub(r"(?:^|\s)[-–_*=]{3,}(?=\s|$)", "   ", rest)  # a rule under a name, run into its cell
    number = _NUMBER.match(rest.strip()) or _NUMBER_IN.search(rest)
    if number and number["n"].strip(" :."):  # 'Số:' alone is a label whose number is not on this line
        header.number_text = number["n"].strip()
        rest = rest.replace(number[0], "   ", 1) if number.re is _NUMBER_IN else ""
    if date := _DATE.search(rest):
        place = date["place"]
        caps = re.match(rf"^\s*((?:[{UPPER}*]{{2,}}\s+|\*\s*)+)(?=[{UPPER}][{LOWER}])", place)
        _read_date(header, date, place[caps.end() :] if caps else place)
        rest = rest[: date.start()] + (caps[1] if caps else "") + "   " + rest[date.end() :]
    elif header.date is None and (blank := _BLANK_DATE.search(rest)):
        header.date_text = blank[0].strip()
        header.place = blank["place"].strip(" ,*") or None
        header.blank_year = int(blank["y"])
        header.doubts["date"] = f"văn bản để trống ngày, tháng ('{' '.join(header.date_text.split())}')"
        rest = rest[: blank.start()] + "   " + rest[blank.end() :]
    parts = [part.strip(" *") for part in re.split(r"\s{3,}", rest) if part.strip(" *")]
    return [part for part in parts if not _MOTTO_PIECE.fullmatch(part)]


def _read_date(header: Header, match: re.Match[str], place_text: str) -> None:
    header.date_text = match[0].strip()
    place = place_text.strip(" ,*")
    header.place = place or None
    try:
        header.date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        header.doubts["date"] = f"ngày '{header.date_text}' không có trong lịch"


def _read_title(header: Header, lines: list[Line], start: int) -> None:
    parts: list[str] = []
    i = start
    while i < len(lines) and len(parts) < 6:
        text = " ".join(lines[i].text.split())
        i += 1
        if not text or (text == "|" and not parts):
            continue
        if _RULE.match(text):
            break
        if re.match(r"^[*(\s]*(?:ban hành )?kèm theo\b", text, re.IGNORECASE):
            i = _after_brackets(lines, i, text.count("(") - text.count(")"))
            break  # '(Kèm theo Quyết định số ...)': the plan's title ended above it
        if re.match(r"^Kính gửi\b", text, re.IGNORECASE) or (parts and _DISPATCHING.search(text)):
            i -= 1
            break  # a report's or letter's addressee, a dispatch's sender over its addressees: the title ended above it
        opens = r"^-?\s*(Căn cứ|Thực hiện|Nhằm|Để)\b" if not parts else r"^-?\s*(Căn cứ|Thực hiện|Triển khai|Nhằm|Để)\b"
        heading = HEADING_ROMAN.match(text) and not _SUBJECT_LABEL.match(text)  # 'V/V ...' labels the subject
        if re.match(opens, text) or heading or _opens_body(parts, text):
            i -= 1
            break
        if parts and (authority := _authority_at(lines, i - 1)) is not None:
            if not header.organisations:  # a copy that lost its header block: who decides is the issuer
                name = " ".join(" ".join(line.text.split()) for line in lines[i - 1 : authority] if line.text.strip())
                header.organisations = [_DECIDING_PERSON.sub("", name)]
                _read_province(header, header.organisations)
            i = authority  # 'CHÍNH PHỦ', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...' over 'Căn cứ ...': not the title
            break
        if not parts:
            header.title_line = lines[i - 1].number
        parts.append(text)
    header.body_start = i
    if parts:
        title = _SUBJECT_LABEL.sub("", " ".join(parts)) or " ".join(parts)
        if title.isupper():
            header.doubts["title"] = (
                f"trích yếu viết hoa toàn bộ trong văn bản gốc ('{title}'); đã chuyển về chữ thường"
            )
            title = title[0] + title[1:].lower()
        header.title = title
    else:
        header.doubts["title"] = "không tìm thấy trích yếu dưới dòng 'KẾ HOẠCH'"


# The label of a subject ('V/v tập trung ...', 'V/V: ...'), not a part of it.
_SUBJECT_LABEL = re.compile(r"^V/V\s*:?\s*", re.IGNORECASE)
# The line of a dispatch (công điện) naming who sends it, over those it is sent to: 'THỦ TƯỚNG CHÍNH PHỦ điện:'.
_DISPATCHING = re.compile(rf"^[{UPPER}\s,.]+\s+điện\s*:\s*$")


# The line of a decision or resolution naming who decides, printed between its title and its grounds
# ('CHÍNH PHỦ', 'THỦ TƯỚNG CHÍNH PHỦ', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...', 'BAN THƯỜNG TRỰC / ỦY BAN MTTQ ...').
_AUTHORITY = re.compile(
    r"^(?:chinh phu|thu tuong|chu tich|bo truong|giam doc|cuc truong|vien truong|truong ban|thuong truc"
    r"|ban (?:thuong truc|thuong vu|chap hanh|chi dao)|(?:uy ban|hoi dong)(?: nhan dan)?|dang uy"
    r"|(?:tinh|thanh|huyen) uy)\b"
)
_GROUNDS = re.compile(r"^-?\s*(?:Căn cứ|Theo đề nghị|Xét đề nghị|Xét tờ trình)\b", re.IGNORECASE)
# A person deciding for a body ('CHỦ TỊCH ỦY BAN NHÂN DÂN ...', 'BỘ TRƯỞNG BỘ ...'): the body issues.
_DECIDING_PERSON = re.compile(r"^(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|CỤC TRƯỞNG|VIỆN TRƯỞNG|TRƯỞNG(?=\s+BAN\b))\s+(?=\S)")


def _authority_at(lines: list[Line], at: int) -> int | None:
    """Where the grounds start, when the line at ``at`` opens the name of who decides: capitals opening
    as a body or a deciding post does, going on in capitals (at most three lines) to 'Căn cứ ...'."""
    text = " ".join(lines[at].text.split())
    if not text.isupper() or not _AUTHORITY.match(fold(text)):
        return None
    seen = 0
    for j in range(at + 1, min(len(lines), at + 8)):
        below = " ".join(lines[j].text.split())
        if not below:
            continue
        if _GROUNDS.match(below):
            return j
        seen += 1
        if seen > 2 or not below.isupper():
            return None
    return None


def _opens_body(parts: list[str], text: str) -> bool:
    """A title written in capitals is over at a sentence in ordinary case ('Do hậu quả mưa lớn kéo
    dài, ...'): the body's first paragraph, whether it was printed over several lines or is one
    Word paragraph. A title in capitals goes on in capitals, or with the words a title's line opens
    with ('Về tăng cường ...', 'về việc ...', 'Giai đoạn 2025 - 2030')."""
    return (
        bool(parts)
        and all(part.isupper() for part in parts)
        and bool(re.match(rf"^[{UPPER}][{LOWER}]", text))
        and len(text.split()) >= 4
        and not _TITLE_GOES_ON.match(fold(text))
    )


_TITLE_GOES_ON = re.compile(
    r"^(?:ve|v/v|thuc hien|trien khai|to chuc|nam|giai doan|nhiem ky|khoa|cua|den|trong|tai|nham|theo|ban hanh)\b"
)


def _after_brackets(lines: list[Line], i: int, depth: int) -> int:
    """The line after a bracket left open at ``lines[i - 1]`` closes: '(Kèm theo Quyết định số ... của
    Ủy ban' wrapped onto 'nhân dân tỉnh)' is one line of the header, not the body's first."""
    for k in range(i, min(i + 3, len(lines))):
        if depth <= 0 or not lines[k].text.strip():
            return k
        depth += lines[k].text.count("(") - lines[k].text.count(")")
    if depth > 0:  # a bracket the text never closes: the line's wrapped rest (in lower case) only
        while i < len(lines) and lines[i].text.strip(" *_")[:1].islower():
            i += 1
        return i
    return min(i + 3, len(lines))


_HEAD_WORDS = ("ban", "ủy ban", "uỷ ban", "văn phòng", "sở", "hội", "phòng", "trường", "đảng ủy", "đảng uỷ", "chi bộ")


def reading_case(text: str, proper: bool = False) -> str:
    """An upper-case name in the case Vietnamese writes it in running text.

    'BAN DÂN VẬN' -> 'Ban Dân vận', 'ỦY BAN KIỂM TRA' -> 'Ủy ban Kiểm tra';
    ``proper`` capitalises every word (place names: 'BÌNH THUẬN' -> 'Bình Thuận').
    """
    words = " ".join(text.split()).lower().split(" ")
    if proper:
        return " ".join(w[:1].upper() + w[1:] for w in words)
    out = [words[0][:1].upper() + words[0][1:], *words[1:]]
    joined = " ".join(out)
    for head in sorted(_HEAD_WORDS, key=len, reverse=True):
        if joined.lower().startswith(head + " ") and len(out) > len(head.split()):
            k = len(head.split())
            out[k] = out[k][:1].upper() + out[k][1:]
            break
    # Committees keep their capital and the place after them is a name: "Huyện ủy Cư Jút", "Trung ương".
    result = " ".join(out)
    committee = re.search(r"\b(tỉnh|thành|huyện|thị|quận) (ủy|uỷ)\b", result, re.IGNORECASE)
    if committee:
        place = result[committee.end() :].strip()
        result = f"{result[: committee.start()]}{committee[1].capitalize()} {committee[2].lower()}"
        if place:
            result += " " + reading_case(place, proper=True)
    result = re.sub(r"\btrung ương\b", "Trung ương", result)
    result = re.sub(r"\bviệt nam\b", "Việt Nam", result)
    # abbreviations stay as written ('ỦY BAN MTTQ' -> 'Ủy ban MTTQ'), the place after a level is a name
    # ('XÃ LƯƠNG MINH' -> 'xã Lương Minh')
    result = re.sub(
        r"\b(?:mttq|ubnd|hđnd|ubmttq|mttqvn|tncs|hcm|lđlđ)\b", lambda m: m[0].upper(), result, flags=re.IGNORECASE
    )
    if level := re.search(r"\b(?:xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố)\s+((?:\S+\s*){1,4})$", result):
        result = result[: level.start(1)] + reading_case(level[1], proper=True)
    return result
