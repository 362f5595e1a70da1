"""Stage 4 of an import: the documents a plan cites, read from running text.

A citation is written "<type> số <number>, ngày dd/mm/yyyy của <issuer> (khóa X)
về <title>", with every part but the number optional and the number itself
often mistyped ("36 - KH/BDVTU", "01 – CTr/BDVTW", "72-NQ-TW"). Some documents
have no number: resolutions of party congresses ("Nghị quyết Đại hội XIII của
Đảng"), and programmes or schemes named by a quoted title ("Đề án “...”").
A short back-reference ("thay thế QĐ 290") names a document by type and serial.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..model.docnumber import DocNumberError, parse_doc_number
from ..model.doctype import TYPE_CODES, DocType, canonical_type_code
from ..text import fold
from .names import CLAUSE_AFTER_AND
from .source import LOWER, UPPER

# Type words as written before a number, longest first so "Chương trình hành động" wins over "Chương trình".
TYPE_WORDS: dict[str, DocType] = {
    "nghị quyết liên tịch": DocType.NGHI_QUYET,
    "nghị quyết": DocType.NGHI_QUYET,
    "chỉ thị": DocType.CHI_THI,
    "kết luận": DocType.KET_LUAN,
    "quyết định": DocType.QUYET_DINH,
    "quy định": DocType.QUY_DINH,
    "quy chế phối hợp": DocType.QUY_CHE,
    "quy chế": DocType.QUY_CHE,
    "thông báo kết luận": DocType.THONG_BAO,
    "thông báo": DocType.THONG_BAO,
    "công văn": DocType.CONG_VAN,
    "công điện": DocType.CONG_DIEN,
    "phương án": DocType.PHUONG_AN,
    "chương trình hành động": DocType.CHUONG_TRINH,
    "chương trình phối hợp": DocType.CHUONG_TRINH,
    "chương trình": DocType.CHUONG_TRINH,
    "hướng dẫn": DocType.HUONG_DAN,
    "đề án": DocType.DE_AN,
    "tờ trình": DocType.TO_TRINH,
    "báo cáo": DocType.BAO_CAO,
    "kế hoạch hành động": DocType.KE_HOACH,
    "kế hoạch liên tịch": DocType.KE_HOACH,
    "kế hoạch": DocType.KE_HOACH,
    "bộ luật": DocType.LUAT,
    "luật": DocType.LUAT,
    "nghị định": DocType.NGHI_DINH,
    "pháp lệnh": DocType.PHAP_LENH,
    "thông tư liên tịch": DocType.THONG_TU_LIEN_TICH,
    "thông tư": DocType.THONG_TU,
}


def type_of_word(word: str) -> DocType:
    """The kind a type word names: 'Chương trình phối hợp' -> chuong-trinh."""
    lowered = " ".join(word.lower().split())
    for known in sorted(TYPE_WORDS, key=len, reverse=True):
        if lowered.startswith(known):
            return TYPE_WORDS[known]
    return DocType.KHAC


# The kind a bare type code stands for when the text gives no type word.
_CODE_DEFAULT: dict[str, DocType] = {
    code: min(kinds, key=lambda k: list(DocType).index(k)) for code, kinds in TYPE_CODES.items()
}

_WORDS = "|".join(re.escape(w) for w in sorted(TYPE_WORDS, key=len, reverse=True))
_TYPE_WORD = re.compile(rf"(?i:(?P<word>{_WORDS}))\s*(?:(?i:số)\s*)?[:.]?\s*$")
# An issuer's code, with a dotted part of capitals where an office writes its unit so ('VPCP-V.I', 'BCĐ.HMTN'):
# never a sentence's full stop, which a space or a lower-case letter follows
_ISSUER = r"[A-ZĐ][A-Za-zĐđ0-9&]*(?:\.[A-ZĐ][A-ZĐ0-9]*(?![a-zđ]))*"
_DASH = r"\s*[-–—]\s*"
# Party form with the usual slips: spaces around the dash, an en dash, a dash for the slash.
_PARTY = (
    rf"(?P<p_serial>\d{{1,5}}[a-z]?){_DASH}(?P<p_code>[A-Za-zĐđ]{{1,6}})\s*[/-]\s*"
    rf"(?P<p_iss>{_ISSUER}(?:\s?-\s?{_ISSUER})*)"
)
# "102/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN": a joint document, its type then its issuers after a second '/'
_STATE = (
    rf"(?P<s_serial>\d{{1,5}}(?:\.\d{{1,2}})?)/(?:(?P<s_year>(?:19|20)\d\d)/)?"
    rf"(?P<s_rest>{_ISSUER}(?:-\s?{_ISSUER})*(?:/{_ISSUER}(?:-{_ISSUER})+)?)"
)
# not '2019/BCT' of 'QCVN 01:2019/BCT'; but right after 'số' with the space lost ('Chỉ thịsố55-CT/TU', as
# some PDF converters give the text)
NUMBER = re.compile(rf"(?:(?<![\w/.:-])|(?<=[sS]ố))(?:{_PARTY}|{_STATE})(?![\w/])")
# A number written letter by letter ('1 6 / N Q - H Đ N D', '0 1 / Q Đ - C T N', '1 2 - K H / Đ U'), as
# some PDF converters give it: read as the number, kept as written.
_SPACED_NUMBER = re.compile(
    r"(?<!\S)\d(?: \d){0,4} (?:/ (?:(?:1 9|2 0) \d \d / )?(?:[A-ZĐ] )+- (?:[A-ZĐ] )*[A-ZĐ]"
    r"|- (?:[A-ZĐ] ){1,4}/ (?:[A-ZĐ] )*[A-ZĐ])(?!\S)"
)

_DATE_NUMERIC = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?(?:ngày\s*)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
)
_DATE_WORDS = re.compile(r"\s*,?\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
_ISSUER_PHRASE = re.compile(
    rf"\s*,?\s*của\s+(?P<issuer>[^,;()“”\"]+?)(?=\s+(?i:về|V/v|ban hành|tại|nhằm|đối với|quy định|phê duyệt|"
    r"cấp cho|giao cho|gửi|để|theo|trong|với|là|hướng dẫn)\b"
    rf"|\s+(?:và|hoặc)\s+(?i:{_WORDS})|\s+(?:và|hoặc)\s+{CLAUSE_AFTER_AND}"
    rf"|\s+cấp(?=\s*[,;()“”\".]|$)|\s*[,;()“”\"]|\.\s|\.$|$)"
)  # "... của Cục X cấp, thời gian ...": the issuer, then 'issued' (never a level: 'cấp tỉnh'); "... của Ban X và
# có hiệu lực ...": the issuer, then the rest of the sentence
# "được Ban Thường vụ Tỉnh ủy giao tại Quyết định số 68-QĐ/TU", "của Ban Thường vụ Tỉnh ủy như Chỉ thị số 44-CT/TU"
_ISSUER_BEFORE = re.compile(
    rf"(?:của|được|do)\s+(?P<issuer>[{UPPER}][^,;()]{{2,60}}?)\s+(?:giao tại|ban hành tại|phê duyệt tại|"
    rf"ban hành kèm theo|phê duyệt|như|tại)\s*$"
)
# A law named before its number ('Luật Tổ chức Quốc hội số 57/2014/QH13'): the words after 'Luật' up to 'số'.
_LAW_NAMED_BEFORE = re.compile(rf"\bLuật\s+(?P<name>[{UPPER}][^,;()“”\".]{{1,120}}?)\s+số\s*$")
# Bodies named by the subject they deal with ('Ban Chỉ đạo về ...', 'Tổ giúp việc Ban chỉ đạo Trung ương
# về ...'), and that subject after the issuer's head: up to the level and place that close the name, or
# up to the verb opening the document's title ('ban hành', 'thông báo', ...); never past a ';', a
# bracket, a quote or a sentence's end.
_TOPIC_ISSUER = re.compile(r"^(?:Ban [Cc]hỉ đạo|Tổ công tác|Tổ giúp việc|Hội đồng|Tiểu ban)\b")
_TOPIC_SUBJECT = re.compile(
    r"\s+về\s+[^;()“”\".]{3,200}?"
    rf"(?:\s+(?:tỉnh|thành phố|huyện|xã|phường|Trung ương)(?:\s+[{UPPER}][{LOWER}]*)*)?"
    r"(?=\s+(?:ban hành|thông báo|phê duyệt|quy định|hướng dẫn|sửa đổi|về|V/v)\b)"
)
_TERM = re.compile(
    r"\s*,?\s*\(?\s*(?:khóa|khoá)\s+(?P<term>[IVXL]+(?:\s*(?:,|và|;)\s*(?:(?:khóa|khoá)\s+)?[IVXL]+\b)*)\s*\)?",
    re.IGNORECASE,
)
_ISSUER_TERM = re.compile(r"\s*\(?\s*(?:khóa|khoá)\s+(?P<term>[IVXL]+)\s*\)?\s*$", re.IGNORECASE)
_SUPERSEDES = re.compile(r"thay thế\s+(?:cho\s+)?$", re.IGNORECASE)
# Verbs that show the plan will write the document (not cite an existing one).
_CREATES = re.compile(
    r"\b(?:ban hành|xây dựng|dự thảo|soạn thảo|biên soạn|đề xuất|"
    # 'trình' the verb (to submit), not the word in 'Chương trình', 'trình độ', 'quy trình', 'công trình'
    r"(?<!chương )(?<!quy )(?<!lộ )(?<!quá )(?<!tiến )(?<!công )(?<!tờ )(?<!giáo )trình(?!\s+(?:độ|tự|bày|diễn)\b))\b",
    re.IGNORECASE,
)
_CITES = re.compile(
    r"\b(?:thực hiện|theo|tổng kết|sơ kết|sửa đổi|bổ sung|căn cứ|quán triệt|triển khai thực hiện)\s*$", re.IGNORECASE
)
_SHORT = re.compile(r"(?<![\w-])(?P<code>NQ|CT|KL|QĐ|QĐi|CTr|HD|KH|TB|ĐA)\s+(?P<serial>\d{1,5})(?![\w/-])")
# "Chỉ thị 11", "Đề án 1217", "Quyết định 290": a type word and a serial, no issuer code.
_SHORT_WORDS = {
    "nghị quyết": "NQ",
    "chỉ thị": "CT",
    "kết luận": "KL",
    "quyết định": "QĐ",
    "quy định": "QĐ",
    "đề án": "ĐA",
    "chương trình": "CTr",
    "kế hoạch": "KH",
    "thông báo": "TB",
    "hướng dẫn": "HD",
}
_SHORT_WORD = re.compile(
    r"(?<![\w-])(?P<word>Nghị quyết|Chỉ thị|Kết luận|Quyết định|Quy định|Đề án|Chương trình|Kế hoạch|Thông báo|"
    r"Hướng dẫn)\s+(?P<so>số\s+)?(?P<serial>\d{1,5})(?![\w/,.-]\d|[\w/-])(?!\s+(?:năm|tháng|ngày|quý)\b)"
)
_CONGRESS = re.compile(
    r"Nghị quyết\s+(?:quyết\s+)?"  # "Nghị quyết quyết Đại hội": a typo seen in real plans
    # a second congress only when listed with the first ('..., Đại hội Đảng bộ tỉnh lần thứ XI'), not one
    # named later in the sentence ('..., thi đua chào mừng Đại hội ... lần thứ XIV': an event)
    # the ordinal 'lần thứ XIV' (run together in a PDF's text: 'lần thứXIV'), or the term 'khóa I'
    r"(?P<list>Đại hội\b[^;.()]*?(?:lần thứ|khóa|khoá)\s*[IVXL]+\b"
    r"(?:(?:\s+của Đảng)?\s*(?:,|và)\s*Đại hội\b[^;.(),]*?(?:lần thứ|khóa|khoá)\s*[IVXL]+\b)?"
    r"|Đại hội\s+[IVXL]+\b)",
)
_ONE_CONGRESS = re.compile(
    r"Đại hội\b(?P<scope>[^,;]*?)(?:(?:lần thứ|khóa|khoá)\s*)?(?P<roman>(?<![\w])[IVXL]{1,5}|(?<=thứ)[IVXL]{1,5})\b"
    r"(?P<after>\s+của Đảng)?"
)
# The commune level of a congress ('Đại hội Đảng bộ xã', 'Đảng bộ phường', 'Đảng bộ đặc khu').
_COMMUNE = re.compile(r"(?:\b|(?<=bộ))(?P<w>xã|phường|đặc khu|thị trấn)\b", re.IGNORECASE)
# Types that are also verbs ("hướng dẫn" = to guide, "quy định" = to lay down).
_VERB_WORDS = frozenset({"Hướng dẫn", "Quy định"})
_NAMED = re.compile(
    r"(?<![\w])(?P<word>Đề án|Chương trình(?: phối hợp| hành động)?|Kế hoạch(?: phối hợp| liên tịch)?|Quy định|"
    r"Quy chế(?: phối hợp)?|Hướng dẫn)\b(?!\s*(?:số|\d))"
)


@dataclass
class Citation:
    """One mention of a document in the text, with what the text says about it."""

    start: int
    end: int
    written: str  # the mention as written
    doc_type: DocType
    number: str | None = None  # normalised: "01-CTr/BDVTW"
    number_written: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    issuer_text: str | None = None
    term: str | None = None  # khóa XIII
    terms: list[str] = field(default_factory=list)  # every term the citation names: "(khóa IX, khóa XI)"
    title: str | None = None
    title_shared: bool = False  # the title follows the next citation ("Kết luận 120 ... và Chỉ thị 14 ... về ...")
    short_name: str | None = None  # "(Gọi tắt là Đề án 1217)"
    partial: str | None = None  # a number written in part only: "QĐ 290", "Đề án 1217"
    congress: tuple[str, str] | None = None  # ("national" | "province" | "district", roman numeral)
    supersedes: list[str] = field(default_factory=list)  # normalised numbers this document replaces
    # (field, message, doubt): what the reading found unusual; a doubt asks a person to check
    notes: list[tuple[str, str, bool]] = field(default_factory=list)
    in_footnote: bool = False
    title_end: int = 0  # where the title read after the number ends
    law_name: str | None = None  # a law's name written before its number: 'Luật Giá' of 'Luật Giá số 16/2023/QH15'


_HAND_PLACE = re.compile(r"^[.…_\s]+(?=[/-])")


def normalise_number(text: str) -> tuple[str, str | None]:
    """The number in its standard form and, when it was written otherwise, a note saying how."""
    compact = " ".join(text.split()).strip(" .,;")
    # 'Số: ……/KH-SCT', 'Số: ......./KH-UBND': dots or an ellipsis hold the place of a number written by
    # hand, as blank space does ('Số:      /KH-SCT'): the number is blank
    compact = _HAND_PLACE.sub("", compact)
    try:
        parse_doc_number(compact)
        return compact, None
    except DocNumberError as err:
        if err.suggestion:
            return err.suggestion, f"văn bản gốc ghi '{compact}'"
        return compact, f"số hiệu '{compact}' không đúng dạng chuẩn"


def _despaced(text: str) -> tuple[str, dict[int, str]]:
    """``text`` with each number written letter by letter closed up, padded with spaces to keep every
    offset, and those numbers as written by where they start."""
    spaced = {m.start(): m[0] for m in _SPACED_NUMBER.finditer(text)}
    for start, written in spaced.items():
        compact = written.replace(" ", "")
        text = text[:start] + compact + " " * (len(written) - len(compact)) + text[start + len(written) :]
    return text, spaced


def find(text: str, in_footnote: bool = False) -> list[Citation]:
    """Every citation in ``text`` in reading order: numbered, congress resolutions, named documents."""
    text, spaced = _despaced(text)
    found = [c for c in _numbered(text) if c]
    for citation in found:
        written = next((w for s, w in spaced.items() if citation.start <= s < citation.end), None)
        if written:
            citation.number_written = written
            citation.notes.append(("number", f"số hiệu viết cách từng chữ: '{written}'", False))
    taken = [(c.start, c.end) for c in found]
    found += [c for c in _congresses(text) if not _overlaps(c, taken)]
    taken = [(c.start, c.end) for c in found]
    titles = [(c.end, c.title_end) for c in found if c.number and c.title_end > c.end]
    # "Quyết định số 338/QĐ-TTg ... phê duyệt Đề án “...”": a programme named in another's title is that
    # document's subject, not a document the plan cites
    found += [c for c in _named(text) if not _overlaps(c, taken) and not _overlaps(c, titles)]
    taken = [(c.start, c.end) for c in found]
    found += [c for c in _laws_and_plenums(text, found) if not _overlaps(c, taken)]
    found += _short_references(text, found)
    taken = [(c.start, c.end) for c in found]
    found += [c for c in _written_numbers(text) if not _overlaps(c, taken)]
    found.sort(key=lambda c: c.start)
    found = [one for c in found for one in _per_term(c)]
    _share_titles(text, found)
    _replacements(text, found)
    for citation in found:
        citation.in_footnote = in_footnote
    return found


def _per_term(citation: Citation) -> list[Citation]:
    """'Nghị quyết số 25-NQ/TW (khóa IX, khóa XI)': one document per term (numbers restart each term)."""
    if len(citation.terms) < 2:
        return [citation]
    out = []
    for term in dict.fromkeys(citation.terms):
        one = replace(
            citation, term=term, terms=[term], notes=list(citation.notes), supersedes=list(citation.supersedes)
        )
        one.notes.append(
            (
                "",
                f"văn bản dẫn nêu một số hiệu với nhiều khóa ({', '.join(citation.terms)}); ghi mỗi khóa một văn bản",
                True,
            )
        )
        one.date = None if term != citation.terms[-1] else citation.date
        out.append(one)
    return out


def _overlaps(citation: Citation, spans: list[tuple[int, int]]) -> bool:
    return any(citation.start < end and start < citation.end for start, end in spans)


# ---------------------------------------------------------------- numbered documents


def _numbered(text: str) -> list[Citation]:
    out: list[Citation] = []
    for match in NUMBER.finditer(text):
        citation = _read_number(text, match)
        if citation is not None:
            out.append(citation)
    return out


def _read_number(text: str, match: re.Match[str]) -> Citation | None:
    raw = match[0]
    if match["p_serial"]:
        code = canonical_type_code(match["p_code"])
        issuers = re.sub(r"\s+", "", match["p_iss"])
        if len(issuers) < 2 or not re.search(r"[A-ZĐ]{2}|TW|TU", issuers if len(issuers) > 3 else issuers.upper()):
            return None
        if code is None:
            return _unlisted(text, match)
    else:
        if re.search(
            r"(?i:mẫu)(?:\s+số)?(?:\s*\d+\s*(?:,|và|;))*\s*$", text[max(0, match.start() - 30) : match.start()]
        ):
            return None  # "Mẫu số 02/HNMT": a form, not a document
        head = match["s_rest"].split("-")[0]
        code = canonical_type_code(head) if "-" in match["s_rest"] else None
        if not re.search(r"[A-ZĐ]", match["s_rest"]):
            return None
    number, note = normalise_number(raw)
    before = text[: match.start()]
    word = _TYPE_WORD.search(before[-40:])
    start = match.start() - (len(word[0]) if word else 0)
    doc_type, type_note = _type_of(word["word"] if word else None, code, match)
    citation = Citation(start, match.end(), text[start : match.end()], doc_type, number, raw)
    if match["s_serial"] and "." in match["s_serial"]:
        # 'Nghị quyết số 66.2/2025/NQ-CP': a serial with a part number, outside the numbering rules the records
        # hold; kept as written, flagged
        citation.number, note = None, f"số hiệu '{raw}' có số thứ tự chia phần ('{match['s_serial']}'); ghi nguyên văn"
    if before_issuer := _ISSUER_BEFORE.search(text[max(0, start - 120) : start]):
        citation.issuer_text = before_issuer["issuer"]
    if doc_type is DocType.LUAT and (
        law := _LAW_NAMED_BEFORE.search(text[max(0, match.start() - 150) : match.start()])
    ):
        citation.law_name = f"Luật {law['name']}"
    if note:
        citation.notes.append(("number", note, "không đúng dạng" in note or citation.number is None))
    if type_note:
        citation.notes.append(("type", type_note, True))
    _read_context(text, citation)
    return citation


# Codes of joint or coordinating documents that the numbering rules do not list: "03-KHLT/...",
# "01-CTrPH/...". The document is recorded without a number, the number written into its title.
_UNLISTED_PREFIXES = (
    ("CTr", DocType.CHUONG_TRINH),
    ("KH", DocType.KE_HOACH),
    ("QC", DocType.QUY_CHE),
    ("HD", DocType.HUONG_DAN),
    ("NQ", DocType.NGHI_QUYET),
    ("TB", DocType.THONG_BAO),
)


def _unlisted(text: str, match: re.Match[str]) -> Citation | None:
    code = match["p_code"]
    kind = next(
        (k for prefix, k in _UNLISTED_PREFIXES if code.upper().startswith(prefix.upper()) and len(code) > len(prefix)),
        None,
    )
    if kind is None:
        return None
    written = " ".join(match[0].split())
    word = _TYPE_WORD.search(text[max(0, match.start() - 40) : match.start()])
    start = match.start() - (len(word[0]) if word else 0)
    citation = Citation(start, match.end(), text[start : match.end()], kind)
    citation.number_written = written
    _read_context(text, citation)
    label = word["word"] if word else kind.label.split(" (")[0]
    if citation.title:  # without a title of its own, the draft names it by its number
        citation.title = f"{label} số {written} {citation.title}"
    citation.notes.append(
        (
            "title",
            f"số hiệu '{written}' mang loại '{code}' không có trong danh mục loại văn bản; số ghi vào trích yếu",
            True,
        )
    )
    return citation


def _type_of(word: str | None, code: str | None, match: re.Match[str]) -> tuple[DocType, str | None]:
    if code is None:  # a state number without a type part: a công văn, or a law "25/2018/QH14"
        if word and type_of_word(word) is not DocType.KHAC:
            # the type the text names: "Nghị quyết số 101/2025/UBTVQH15" (the Standing Committee's
            # resolutions carry no type part), "Nghị quyết số 55/2023/QH15", "Nghị quyết liên tịch
            # số 102/2025/NQLT/UBTVQH15-CP-..."
            return type_of_word(word), None
        is_law = match["s_year"] and re.match(r"QH\d*$", match["s_rest"] or "")
        return (DocType.LUAT if is_law else DocType.CONG_VAN), None
    allowed = TYPE_CODES[code]
    if word:
        kind = type_of_word(word)
        if kind in allowed:
            return kind, None
        by_code = _CODE_DEFAULT[code]
        return by_code, (
            f"văn bản gọi là '{word}' nhưng số hiệu mang loại {code}; ghi loại theo số hiệu ({by_code.label})"
        )
    kind = _CODE_DEFAULT[code]
    if len(allowed) > 1 and code != "NQ":
        candidates = ", ".join(k.label for k in DocType if k in allowed)  # the catalogue's order, not a set's
        return kind, f"văn bản không ghi tên loại; loại {code} có thể là {candidates}"
    return kind, None


def _read_context(text: str, citation: Citation) -> None:
    """Date, issuer, term and title written after the number."""
    pos = citation.end
    for pattern in (_DATE_WORDS, _DATE_NUMERIC):
        if date := pattern.match(text, pos):
            citation.date_text = date[0].strip(" ,")
            try:
                citation.date = dt.date(int(date["y"]), int(date["m"]), int(date["d"]))
            except ValueError:
                citation.notes.append(("date", f"ngày '{citation.date_text}' không có trong lịch; chưa ghi ngày", True))
            pos = date.end()
            break
    if issuer := _ISSUER_PHRASE.match(text, pos):
        citation.issuer_text = issuer["issuer"].strip()
        pos = issuer.end()
        if inside := _ISSUER_TERM.search(citation.issuer_text):  # "của Ban Chấp hành Trung ương khóa XI"
            citation.terms = [inside["term"].upper()]
            citation.issuer_text = citation.issuer_text[: inside.start()].strip() or None
    if (
        citation.issuer_text
        and _TOPIC_ISSUER.match(citation.issuer_text)
        and (topic := _TOPIC_SUBJECT.match(text, pos))
    ):
        # "của Ban Chỉ đạo về phát triển khoa học, công nghệ, ... tỉnh ban hành ...": a body named by its
        # subject; the subject is its name, not the document's title
        citation.issuer_text = " ".join(f"{citation.issuer_text}{topic[0]}".split())
        pos = topic.end()
    if term := _TERM.match(text, pos):
        citation.terms = [t.upper() for t in re.findall(r"\b[IVXL]+\b", term["term"])]
        pos = term.end()
    if citation.terms:
        citation.term = citation.terms[0]
    if citation.date is None and (late := _DATE_NUMERIC.match(text, pos)):  # "..., của X, ngày ..."
        try:
            citation.date = dt.date(int(late["y"]), int(late["m"]), int(late["d"]))
            citation.date_text = late[0].strip(" ,")
            pos = late.end()
        except ValueError:
            pass
    citation.title, citation.title_end = _title_at(text, pos, citation.doc_type)


# A comma then one of these opens a new clause, not more of the title.
_CLAUSE = re.compile(
    r",\s+(?:triển khai|góp phần|nhằm|qua đó|đồng thời|trong đó|bảo đảm|đảm bảo|kịp thời|gắn với|tạo|[Cc]ăn cứ)\b"
    r"|\s+(?:đến|tới)\s+(?:mỗi|các|toàn thể|từng)\b"
    r"|\s+(?:cho\s+)?phù hợp với\s+(?:các|những)\b"  # "... (the title) phù hợp với các nội dung của Luật ...": the aim
    # "Xét Tờ trình số ... về X, Phó Thủ tướng Y có ý kiến như sau:", "Thực hiện Quyết định số ... về X, Ban Y
    # hướng dẫn ... như sau:": who speaks on it, after the title
    r"|,\s+(?:Phó\s+)?(?:Thủ tướng|Chủ tịch|Bộ trưởng|Tổng Bí thư|Thường trực|Bí thư)\b"
    r"(?=[^.;:]{0,100}?\s(?:có ý kiến|kết luận|chỉ đạo|yêu cầu|đồng ý|giao)\b|(?:\s+Chính phủ)?\s*$)"  # or cut there
    rf"|,\s+(?=[{UPPER}])(?=[^.;:]{{0,200}}?\snhư sau\s*:)"
)
_NEXT_CITATION = re.compile(rf"(?:,|\s+và|\s+hoặc)\s+(?i:{_WORDS})\s*(?:(?i:số)\s*)?\d", re.IGNORECASE)


def _title_at(text: str, pos: int, doc_type: DocType) -> tuple[str | None, int]:
    """The title (trích yếu) starting at ``pos``: 'về ...', 'V/v ...', or a quoted name."""
    rest = text[pos:]
    lead = re.match(r"\s*,?\s*(?=(?:về|V/v|v/v)\b|“|\")", rest)
    if lead is None:
        # No "về": a short descriptive title directly after the date ("..., ngày 31/3/2017 phối hợp thực hiện ...").
        plain = re.match(
            rf"\s+(?=[{LOWER}])(?!(?:và|của|ngày|đã|được|theo|nhằm|để|thì|đến|cho|tại|với|trong|là)\b)", rest
        )
        if plain is None or doc_type in (DocType.CONG_VAN,):
            return None, pos
        lead = plain
    start = pos + lead.end()
    quote = text[start] if start < len(text) and text[start] in '“"' else None
    end = _title_end(text, start, quote)
    title = " ".join(text[start:end].split()).strip(" ,")
    if quote and not title.endswith(("”", '"')) and end < len(text) and text[end] in '”"':
        title += text[end]
        end += 1
    return (title or None), end


def _title_end(text: str, start: int, quote: str | None) -> int:
    depth_quote = 0
    depth_paren = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "“":
            depth_quote += 1
        elif ch == "”":
            depth_quote -= 1
            if depth_quote < 0:
                return i  # the closing quote of a title this citation sits in
            if depth_quote == 0 and quote == "“":
                return i + 1
        elif ch == "(":
            if depth_quote == 0:
                return i
            depth_paren += 1
        elif ch == ")":
            if depth_paren == 0:
                return i
            depth_paren -= 1
        elif depth_quote <= 0:
            if ch == ";":
                return i
            if ch == "." and (i + 1 == len(text) or text[i + 1] == " ") and not text[i - 1 : i].isdigit():
                return i
            if _NEXT_CITATION.match(text, i) or _CLAUSE.match(text, i):
                return i
        i += 1
    return len(text)


def _share_titles(text: str, citations: list[Citation]) -> None:
    """'Kết luận số 120-KL/TW ... và Chỉ thị số 14-CT/TU ... về X': X is the title of both."""
    for current, following in zip(reversed(citations[:-1]), reversed(citations[1:]), strict=True):
        if current.title or current.congress or following.congress:
            continue
        if not (following.number or following.number_written):
            continue  # "... và Bộ Luật hình sự năm 2015": a document named without number has a name, not a title
        if following.title is None and (following.date is None or current.date is not None):
            continue
        between = text[current.end : following.start]
        for part in (current.date_text, current.issuer_text):
            if part:
                between = between.replace(part, "", 1)
        between = re.sub(r"\(\s*(?:khóa|khoá)\s+[IVXL]+\s*\)|của|ngày", "", between, flags=re.IGNORECASE)
        if re.fullmatch(r"[\s,]*(?:và|hoặc)?[\s,]*", between):
            if following.title:
                current.title = following.title
                current.title_shared = True
                current.notes.append(("title", "trích yếu ghi chung cho văn bản này và văn bản nêu liền sau", True))
            if current.date is None and current.issuer_text is None and following.date:
                # "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, ngày 13/12/2013 của Bộ Chính trị"
                current.date, current.date_text = following.date, following.date_text
                current.issuer_text = following.issuer_text
                current.notes.append(("date", "ngày và cơ quan ban hành ghi chung với văn bản nêu liền sau", True))


def _replacements(text: str, citations: list[Citation]) -> None:
    """'Quyết định số 23-QĐ/TW ... (thay thế Quyết định số 290-QĐ/TW)': the first replaces the second."""
    for previous, current in pairwise(citations):
        between = text[max(previous.end, current.start - 30) : current.start]
        key = current.number or (f"~{current.partial}" if current.partial else None)
        if key and previous.number and _SUPERSEDES.search(between) and key not in previous.supersedes:
            previous.supersedes.append(key)


# ---------------------------------------------------------------- documents without a number


def _congresses(text: str) -> list[Citation]:
    """'Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, Đại hội Đảng bộ tỉnh lần thứ XI': two resolutions."""
    out: list[Citation] = []
    for match in _CONGRESS.finditer(text):
        listed = match["list"]
        base = match.start("list")
        for one in _ONE_CONGRESS.finditer(listed):
            scope_words = fold(one["scope"] + (one["after"] or ""))
            commune = _COMMUNE.search(one["scope"])
            if commune is not None and "toan quoc" not in scope_words:
                scope = "commune"
            elif "huyen" in scope_words or "thanh uy" in scope_words or "co so" in scope_words:
                scope = "district"
            elif "tinh" in scope_words and "toan quoc" not in scope_words:
                scope = "province"
            else:
                scope = "national"
            end = base + one.end()
            term = re.match(r"\s*,?\s*nhiệm kỳ\s*(\d{4}\s*[-–]\s*\d{4})", text[end:])
            roman = one["roman"]
            if scope == "national":
                title = f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {roman} của Đảng"
            else:
                where = "Đảng bộ tỉnh" if scope == "province" else "Đảng bộ"
                if commune is not None and scope == "commune":
                    where = f"Đảng bộ {commune['w'].lower()}"
                title = f"Nghị quyết Đại hội {where} lần thứ {roman}"
                if term:
                    title += f", nhiệm kỳ {' '.join(term[1].split())}"
            start = match.start() if not out or out[-1].start < match.start() else base + one.start()
            citation = Citation(start, end, text[start:end], DocType.NGHI_QUYET_DAI_HOI, title=title)
            citation.congress = (scope, one["roman"])
            out.append(citation)
    return out


def _named(text: str) -> list[Citation]:
    """Programmes, schemes, plans named without a number: cited when a verb of citing precedes them
    or a quoted name follows, never when the plan is to write them ('ban hành Chương trình ...')."""
    out: list[Citation] = []
    for match in _NAMED.finditer(text):
        clause_start = max(text.rfind(";", 0, match.start()), text.rfind(". ", 0, match.start())) + 1
        clause = text[clause_start : match.start()]
        if _CREATES.search(clause):
            continue
        if match["word"] in _VERB_WORDS and not re.sub(r"[\W\d_IVXLivxl]+", "", clause):
            continue  # "2. Hướng dẫn các huyện ủy ...": the word opens the item, so it is the action
        end = _title_end(text, match.end(), None)
        body = text[match.end() : end]
        if re.match(r"\s*(?:này|nói trên|trên|đã|được|của|đó|sau)\b", body):
            continue  # "căn cứ Kế hoạch này": the plan itself
        quoted = re.search(r"“[^”]{8,}”|\"[^\"]{8,}\"", body[:200])
        described = re.match(r"\s*(?:về|V/v)\b", body) or re.search(r"\b(?:năm|giai đoạn)\s+\d{4}", body)
        if not (quoted or (_CITES.search(clause) and described)):
            continue  # "căn cứ Kế hoạch xây dựng kế hoạch ...": no title, the plan speaks of itself
        written = " ".join(text[match.start() : end].split()).strip(" ,")
        if len(written.split()) < 4 or (len(written) > 240 and not quoted):
            continue
        title = quoted[0].strip('“”"') if quoted and match["word"] == "Đề án" else written
        citation = Citation(match.start(), end, written, type_of_word(match["word"]), title=title)
        citation.notes.append(("title", "văn bản không có số hiệu; nhận ra từ tên gọi, cần đối chiếu", True))
        alias = re.match(r"\s*\(\s*(?:gọi tắt là|sau đây gọi là|viết tắt là)\s+([^)]+)\)", text[end:], re.IGNORECASE)
        if alias:
            citation.short_name = alias[1].strip(" .")
            if re.search(r"\d", citation.short_name):
                citation.partial = citation.short_name
        out.append(citation)
    return out


# "Luật Thực hiện dân chủ ở cơ sở năm 2022", "Nghị quyết Trung ương 5 khóa XI": cited by name.
_CONSTITUTION = re.compile(r"(?<!\w)Hiến pháp(?:\s+năm)?\s+(?P<year>(?:19|20)\d\d)\b")
_LAW = re.compile(
    rf"(?<!\w)(?P<word>Bộ [Ll]uật|Luật)\s+"
    # words of running text after 'Luật' (the law just named, or law in general), never a law's name:
    # 'pháp luật', 'Luật này', 'Luật thuộc thẩm quyền ...', 'Luật vào cuộc sống', 'Luật trên phạm vi ...'
    r"(?!(?:pháp|số|sư|và|hoặc|học|gia|của|này|đã|được|hiện hành|mới|liên quan|quy định|thuộc|vào|trên|tại|cho|"
    r"để|khi|có|trong|theo|với|đến|tới|là|sẽ|đang|cũng|nêu|đó|sau|trước|mà|thì|không|chưa|nay)\b)"
    rf"(?P<name>[{UPPER}{LOWER}][^,;.()“”]{{3,120}}?(?:,\s+[{LOWER}]\w*(?:\s+\w+){{0,2}})?)"
    # the name ends before the sentence goes on ('... Luật Đất đai cho 420 lượt người': whom it was taught to)
    rf"(?P<year>\s+(?:năm\s+)?(?:19|20)\d\d\b)?"
    r"(?=\s*[;.(),:]|\s+(?:và|của|về|đã|được|theo|trong|nhằm|ngày|cho|đến|tới|tại|trên|với|để)\s|$)"
)
# What may go on a law's name past where _LAW stops: a comma then lower-case words ("Luật Quản lý, sử
# dụng tài sản công", "Luật Phòng, chống tham nhũng"), or 'và' then lower-case words and a year ("Luật
# Địa chất và khoáng sản năm 2024"); never a list going on ('các văn bản', 'Luật ...').
_LAW_MORE = re.compile(
    rf"(?:,\s+(?!(?:các|những|cùng|đồng thời|nhằm|theo|trong|tại|và|hoặc|đã|được|năm)\b)"
    rf"(?P<words>[{LOWER}]\w*(?:\s+[{LOWER}]\w*){{0,6}}?)(?P<year>\s+năm\s+\d{{4}})?"
    rf"|\s+và\s+(?!(?:các|những)\b)[{LOWER}]\w*(?:\s+[{LOWER}]\w*){{0,5}}?\s+năm\s+\d{{4}})"
    rf"(?=\s*[;.(),:]|\s+(?:và|của|về|đã|được|theo|trong|nhằm|ngày)\s|$)"
)
_PLENUM = re.compile(
    r"Nghị quyết\s+(?:Hội nghị\s+)?(?:lần thứ\s+)?(?:Trung ương|TW)\s+(?P<n>\d{1,2}|[IVX]{1,4})\s*,?\s*"
    r"\(?\s*(?:khóa|khoá)\s+(?P<term>[IVXL]+)\s*\)?",
    re.IGNORECASE,
)


def _laws_and_plenums(text: str, numbered: list[Citation]) -> list[Citation]:
    out: list[Citation] = []
    amending: Citation | None = None  # the amending law whose title lists the laws it amends
    for match in _LAW.finditer(text):
        if re.match(r"(?i:sửa đổi)", match["name"]):
            continue  # "Luật Sửa đổi, bổ sung một số điều của Luật X": read at X, as the amending law
        if amending is not None and _amends_more(amending, text, match.start()):
            # "... một số điều của Luật Đấu thầu, Luật Hải quan, ... và Luật Đầu tư": the laws it amends
            more = _LAW_MORE.match(text, match.end()) if not match["year"] else None
            _extend(amending, text, more.end() if more else match.end())
            continue
        amending = None
        clause = text[max(text.rfind(";", 0, match.start()), 0) : match.start()]
        if any(m.end() > len(clause) - 40 and ":" not in clause[m.end() :] for m in _CREATES.finditer(clause)):
            continue  # "góp ý dự thảo Luật ...": not yet a law (but 'Thời hạn ban hành: ... của Luật X': a label)
        end = match.end()
        if not match["year"] and (wider := _LAW_MORE.match(text, end)):
            end = wider.end()
        written = " ".join(text[match.start() : end].split())
        if any(c.start < match.start() < c.title_end for c in numbered):
            continue  # "Luật số 97/2025/QH15 ... sửa đổi, bổ sung một số điều của Luật X": part of that title
        if match["name"][:1].islower() and len(match["name"].split()) < 3 and not match["year"]:
            continue  # "Bộ Luật hình sự năm 2015" is a law; "luật bảo vệ" without a year may be prose
        after = next((c for c in numbered if _law_number(text, end, c)), None)
        if after is None and (amends := _AMENDING.search(text, max(0, match.start() - 60), match.start())):
            # "Luật sửa đổi, bổ sung một số điều của Luật X": the amending law, X its subject
            written = " ".join(text[amends.start() : end].split())
            citation = Citation(amends.start(), end, written, DocType.LUAT, title=written)
            citation.notes.append(("title", "luật sửa đổi được dẫn bằng tên, không có số hiệu; cần đối chiếu", True))
            out.append(citation)
            amending = citation
            continue
        if after is not None:
            # "Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13": the name is the numbered law's title
            name = text[match.start("name") : after.start]
            name = re.sub(r"\s*,?\s*số\s*$", "", name)
            after.title = after.title or " ".join(name.split())
            after.doc_type = DocType.LUAT
            after.start, after.written = match.start(), text[match.start() : after.end]
            continue
        citation = Citation(match.start(), end, written, DocType.LUAT, title=written)
        citation.notes.append(("title", "luật được dẫn bằng tên, không có số hiệu; cần đối chiếu", True))
        if date := _DATE_WORDS.match(text, end) or _DATE_NUMERIC.match(text, end):
            citation.date_text = date[0].strip(" ,")  # "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
            try:
                citation.date = dt.date(int(date["y"]), int(date["m"]), int(date["d"]))
            except ValueError:
                citation.notes.append(("date", f"ngày '{citation.date_text}' không có trong lịch; chưa ghi ngày", True))
        out.append(citation)
    for match in _CONSTITUTION.finditer(text):
        written = " ".join(match[0].split())
        citation = Citation(match.start(), match.end(), written, DocType.LUAT, title=written)
        citation.short_name = f"Hiến pháp {match['year']}"  # "Hiến pháp 2013" and "Hiến pháp năm 2013": one
        citation.notes.append(("title", "Hiến pháp được dẫn bằng tên, không có số hiệu; cần đối chiếu", True))
        out.append(citation)
    for match in _PLENUM.finditer(text):
        written = " ".join(match[0].split()).strip(" ,(")
        citation = Citation(match.start(), match.end(), written, DocType.NGHI_QUYET, title=written)
        citation.term = match["term"].upper()
        citation.issuer_text = "Ban Chấp hành Trung ương Đảng"
        citation.notes.append(("title", "nghị quyết được dẫn bằng tên hội nghị, không có số hiệu; cần đối chiếu", True))
        out.append(citation)
    return out


_AMENDING = re.compile(r"(?<!\w)Luật\s+(?i:sửa đổi,?\s*bổ sung)(?:\s+một số điều)?(?:\s+của)?(?:\s+các)?\s+$")
# Between two laws an amending law's title lists: a comma or 'và', after the rest of the previous law's
# name in lower case ('Luật Đầu tư theo phương thức đối tác công tư, Luật Hải quan').
_LISTED_ON = re.compile(rf"(?:\s+[{LOWER}][^;.:()“”\d]{{0,80}}?)?(?:\s*,\s*|\s+và\s+)")


def _amends_more(amending: Citation, text: str, start: int) -> bool:
    """The law at ``start`` is one more law the amending law's title lists: only a comma or 'và' between,
    and the title not closed by its year ('... của Luật X năm 2025, Luật Y': Y is cited on its own)."""
    return bool(_LISTED_ON.fullmatch(text, amending.end, start)) and not re.search(r"năm\s+\d{4}$", amending.written)


def _extend(citation: Citation, text: str, end: int) -> None:
    """An amending law's title running on over one more law it amends."""
    citation.end = end
    citation.written = " ".join(text[citation.start : end].split())
    citation.title = citation.written


def _law_number(text: str, end: int, numbered: Citation) -> bool:
    """The numbered citation right after a law's name is that law's number ("Luật Mặt trận Tổ quốc
    Việt Nam số 75/2015/QH13"), not the next document of a list ("Luật An ninh mạng, Chỉ thị số ...")."""
    between = text[end : numbered.start]
    if not 0 <= numbered.start - end <= 120:
        return False
    if re.fullmatch(r"[^;.()“”]*?\s*,?\s*số\s*", between):
        return True
    return bool(re.fullmatch(r"\s*,?\s*", between)) and numbered.written[:1].isdigit()


# Numbers outside the numbering rules of party and state bodies: a national standard ('QCVN 01:2019/BCT',
# 'TCVN 5507:2002'), and a letter of a company or another body cited by type, number and date ('Văn bản
# số 01-GCN-MT ngày 21/4/2026', 'Văn bản số 02 ngày 21/4/2026', 'Văn bản số 13.4/2026/ĐN-VL ngày ...').
_STANDARD = re.compile(
    r"(?<![\w/])(?P<kind>QCVN|TCVN)\s+(?P<serial>\d+(?:[-.]\d+)*)(?:\s*:\s*(?P<year>\d{4}))?"
    r"(?:/(?P<issuer>[A-ZĐ][\w-]*))?"
)
_LETTER = re.compile(
    r"(?<![\w])(?P<word>[Vv]ăn bản|[Cc]ông văn|[Gg]iấy đề nghị|[Đđ]ơn đề nghị|[Tt]ờ trình|[Tt]hông báo)\s+số\s*:?\s*"
    r"(?P<number>[^\s,;()]*\d[^\s,;()]*?)(?=\s*,?\s*ngày\s+\d)"
)


def _written_numbers(text: str) -> list[Citation]:
    """Documents cited by a number no numbering rule reads: kept as written (``number_written``), no
    canonical number, flagged."""
    out: list[Citation] = []
    for match in _STANDARD.finditer(text):
        if match["kind"] == "TCVN":
            continue  # a national standard ('TCVN 14423:2025') is published, not issued by a body to carry out
        written = " ".join(match[0].split())
        citation = Citation(match.start(), match.end(), written, DocType.KHAC, number_written=written)
        citation.notes.append(
            ("number", f"'{written}' là số hiệu tiêu chuẩn, quy chuẩn kỹ thuật; ghi nguyên văn", True)
        )
        _read_context(text, citation)
        out.append(citation)
    for match in _LETTER.finditer(text):
        written = match["number"].strip(".")
        kind = DocType.CONG_VAN if match["word"].lower() == "văn bản" else type_of_word(match["word"])  # a letter
        citation = Citation(match.start(), match.end(), " ".join(match[0].split()), kind)
        citation.number_written = written
        citation.notes.append(
            ("number", f"số hiệu '{written}' không theo dạng số hiệu văn bản đảng, nhà nước; ghi nguyên văn", True)
        )
        _read_context(text, citation)
        out.append(citation)
    return out


def _short_references(text: str, found: list[Citation]) -> list[Citation]:
    """'(thay thế QĐ 290)', 'Chỉ thị 11', 'Đề án 1217': a document named by its type and serial only.
    When a full number of that type and serial is cited in the same text, this is that document;
    otherwise it is kept as a partial citation, the missing parts never filled in."""
    out: list[Citation] = []
    spans = [(c.start, c.end) for c in found]
    mentions = [
        (m, m["code"], _CODE_DEFAULT.get(canonical_type_code(m["code"]) or "", DocType.KHAC))
        for m in _SHORT.finditer(text)
    ]
    for m in _SHORT_WORD.finditer(text):
        serial = int(m["serial"])
        if not m["so"] and 1945 <= serial <= 2100:
            continue  # "Kế hoạch 2021": a year, not a serial
        word = m["word"].lower()
        code = _SHORT_WORDS[word]
        mentions.append((m, code, type_of_word(word)))
    taken: list[tuple[int, int]] = []
    for match, code, kind in sorted(mentions, key=lambda x: x[0].start()):
        if any(a <= match.start() < b for a, b in spans + taken):
            continue
        if re.search(r"(?i:gọi tắt là|gọi là|viết tắt là)\s*$", text[max(0, match.start() - 25) : match.start()]):
            continue  # "(Gọi tắt là Đề án 1217)": the short name of the document just cited
        written_serial = match["serial"]
        same = [
            c
            for c in found
            if c.number
            and re.match(rf"0*{int(written_serial)}[-/]", c.number)
            and (c.doc_type == kind or f"-{code}/" in c.number)
        ]
        written = " ".join(match[0].split())
        citation = Citation(match.start(), match.end(), written, same[0].doc_type if same else kind)
        if same:
            citation.number = same[0].number  # a back-reference to a document cited in full
        else:
            citation.partial = written
            citation.notes.append(
                (
                    "title",
                    f"văn bản gốc chỉ ghi '{written}' (không đủ số hiệu); ghi vào partial_number, cần đối chiếu",
                    True,
                )
            )
        taken.append((match.start(), match.end()))
        out.append(citation)
    return out


# A note printed as a footnote whose marker the reader of lines did not take: '[1]' alone on its line or before
# its text, '(1) ...' under a table, a plain digit before a capital ('1 Tổ chức kiểm tra ...', '2 Giám sát ...').
_NOTE_OPENING = re.compile(rf"^\s*(?:\[\d{{1,2}}\]|\(\d{{1,2}}\)\s|\d{{1,2}}\s+(?=[{UPPER}]))\s*(?P<text>.*)$")
# What ends a note's wrapped lines: a blank line, another note, a heading's or a point's number or mark.
_NOTE_ENDS = re.compile(r"^\s*(?:$|[IVXLC]+\.|\d+(?:\.\d+)*\.\s|[a-zđ]\)|[-+•–]\s)")


def unmarked_notes(lines: list[str]) -> list[str]:
    """The texts of notes printed as footnotes whose markers were not read as such, each with its wrapped
    lines ('(1) Các hành vi ... Quy định số 69-' / 'QĐ/TW, ngày ...'): the documents they cite are the
    document's citations, wherever the notes stand (under a table, mid-page where a PDF put them)."""
    notes: list[str] = []
    current: list[str] | None = None
    for line in lines:
        if opening := _NOTE_OPENING.match(line):
            current = [opening["text"].strip()]
            notes.append("")
        elif current is not None and not _NOTE_ENDS.match(line) and len(current) < 6:
            current.append(line.strip())
        else:
            current = None
            continue
        notes[-1] = _join_note([part for part in current if part])
    return [note for note in notes if note]


def _join_note(parts: list[str]) -> str:
    """A note's lines joined as the paragraphs' reader joins wrapped lines: by a space, save after a
    word the line broke at its hyphen ('Quy định số 69-' / 'QĐ/TW', a number written '69-QĐ/TW')."""
    out = ""
    for part in parts:
        out += ("" if not out or (re.search(r"\w-$", out) and part[:1].isalnum()) else " ") + part
    return out
