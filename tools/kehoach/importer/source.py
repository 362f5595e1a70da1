"""Stage 1 of an import: a plan file (UTF-8 text or Word .docx) becomes clean
lines, then logical paragraphs.

Text exported from Word arrives damaged in known ways: lines wrapped mid-sentence
(often with a blank line between every line), a two-column header block laid out
with runs of spaces, page-break debris (page numbers, form feeds, a stray space
opening each page), footnote markers written as ``<sup>1</sup>``, and a mix of
composed (NFC) and decomposed (NFD) letters, sometimes with a tone mark on the
wrong letter. Everything later in the import reads the cleaned lines only.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..load.encoding import DecodeFailure, decode
from ..text import is_nfc, nfc
from . import tables

# Regex classes of upper- and lower-case Latin letters, Vietnamese ones included: a range such as
# À-Ỹ mixes both cases in Unicode order, and `re` has no \p{Lu}.
UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1EFA)) if ch.isupper() and "LATIN" in unicodedata.name(ch, ""))
LOWER = "".join(ch for ch in map(chr, range(0x61, 0x1EFA)) if ch.islower() and "LATIN" in unicodedata.name(ch, ""))

MAX_SOURCE_BYTES = 20 * 1024 * 1024  # a long plan is ~100 KB of text; a Word file with images a few MB


class SourceError(Exception):
    """The file cannot be read as a plan; the message says why, in Vietnamese."""


@dataclass
class Line:
    """One line of the source: a physical text line, or a Word paragraph or table row."""

    text: str  # NFC, markup removed; column gaps kept (runs of 3+ spaces)
    number: int  # 1-based line (text) or paragraph (docx) number, for messages
    bold: bool = False  # Word: every run of the paragraph is bold
    cells: tuple[str, ...] | None = None  # a table row (Word) or a row written with tabs or '|'
    markers: tuple[str, ...] = ()  # footnote markers referenced on this line
    page_start: bool = False  # first line after a page break
    table: str | None = None  # a line a task table gives: group, row, label, text (see tables.py)
    key: str | None = None  # the number of a table's row or group
    depth: int = 0  # a table group's depth ("II.1": 2)

    @property
    def columns(self) -> list[str]:
        """The line split into its layout columns (header block, signature block)."""
        if self.cells is not None:
            return [c for c in self.cells if c.strip()]
        return [part.strip() for part in _COLUMN_GAP.split(self.text) if part.strip()]


@dataclass
class Paragraph:
    """A logical paragraph: wrapped lines joined, whitespace collapsed."""

    text: str
    line: int
    bold: bool = False
    cells: tuple[str, ...] | None = None
    markers: tuple[str, ...] = ()
    table: str | None = None  # as Line.table, or "appendix" for an appendix's heading
    key: str | None = None
    depth: int = 0


@dataclass
class Document:
    path: Path
    lines: list[Line]
    footnotes: dict[str, str] = field(default_factory=dict)  # marker -> footnote text
    wrapped: bool = False  # lines were wrapped at a fixed width (text exported from Word)
    width: int = 0  # typical full line length of a wrapped document
    notes: list[str] = field(default_factory=list)  # what cleaning changed, for the review summary


# ---------------------------------------------------------------- reading


def read(path: Path) -> Document:
    """Read a .docx or a UTF-8 text file; raise SourceError with a clear message otherwise."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise SourceError(f"không đọc được tệp '{path}': {err.strerror or err}") from None
    if path.is_dir():
        raise SourceError(f"'{path}' là một thư mục, cần một tệp văn bản (.txt) hoặc Word (.docx)")
    if not path.is_file():
        raise SourceError(
            f"'{path}' không phải tệp thường (FIFO, thiết bị...); cần tệp văn bản (.txt) hoặc Word (.docx)"
        )
    if size > MAX_SOURCE_BYTES:
        raise SourceError(
            f"tệp '{path}' quá lớn ({size // (1024 * 1024)} MB, tối đa {MAX_SOURCE_BYTES // (1024 * 1024)} MB); "
            "một kế hoạch thường dưới 1 MB"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(f"không đọc được tệp '{path}': {err.strerror or err}") from None
    if path.suffix.lower() == ".docx" or data[:4] == b"PK\x03\x04":
        from .word import read_docx  # python-docx is only needed for Word files

        return read_docx(path, data)
    if path.suffix.lower() == ".doc" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise SourceError(
            f"'{path}' là tệp Word cũ (.doc); hãy mở bằng Word và lưu lại dạng .docx hoặc văn bản thuần UTF-8 (.txt)"
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            f"'{path}' không phải tệp văn bản (dữ liệu nhị phân, có byte 0); cần văn bản UTF-8 hoặc .docx"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(f"'{path}' được lưu bằng bảng mã UTF-16; hãy lưu lại với bảng mã UTF-8")
    decoded = decode(data)
    if isinstance(decoded, DecodeFailure):
        raise SourceError(f"{path}:{decoded.line}:{decoded.col}: {decoded.message}")
    text, _ = decoded
    if "\x00" in text:
        raise SourceError(f"'{path}' không phải tệp văn bản (có byte 0); cần văn bản UTF-8 hoặc tệp .docx")
    return from_text(path, text)


def from_text(path: Path, text: str) -> Document:
    notes: list[str] = []
    if not is_nfc(text):
        notes.append("văn bản gốc có ký tự tổ hợp (NFD); đã chuyển về dạng dựng sẵn (NFC)")
    doc = Document(path, [], notes=notes)
    page_start = False
    footnote: str | None = None  # the footnote whose wrapped lines may follow
    for number, raw in enumerate(text.splitlines(), start=1):
        if "\f" in raw:
            page_start = True
            raw = raw.replace("\f", " ")
        if PAGE_DEBRIS.match(raw):
            page_start = True
            continue
        if _SEPARATOR_ROW.match(raw):
            continue
        # Footnote definitions sit at the foot of each page, inside the body text;
        # their wrapped continuation lines start in lower case.
        if definition := _FOOTNOTE_DEF.match(raw):
            footnote = (definition[1] or definition[2] or definition[3].translate(_SUPERSCRIPT_DIGITS)).strip()
            body, _ = clean_markup(definition[4])
            doc.footnotes[footnote] = _collapse(clean_letters(body, notes))
            continue
        stripped = raw.strip()
        if footnote is not None and stripped and stripped[0].islower():
            doc.footnotes[footnote] = _collapse(doc.footnotes[footnote] + " " + clean_letters(stripped, notes))
            continue
        if stripped:
            footnote = None
        for piece, bold in bold_runs(raw):
            cleaned, markers = clean_markup(piece)
            cleaned = clean_letters(cleaned, notes)
            cells = None
            if "\t" in cleaned.strip() or cleaned.count("|") >= 2:
                row = cleaned.strip(" \n")  # a leading '|' or tab is an empty first cell...
                if row.startswith("|") and row.endswith("|"):
                    row = row[1:-1]  # ...except in a Markdown row
                split = tuple(c.strip() for c in re.split(r"\||\t" if "|" in row else r"\t", row))
                cells = split if len(split) > 1 else None
            line = Line(cleaned.replace("\t", "   "), number, bold=bold, cells=cells, markers=markers)
            # A page of exported text starts with one stray space: "..., kết quả thực hiện / ␣Chương trình số 20".
            line.page_start = page_start or bool(re.match(r"^ \S", cleaned))
            page_start = False
            doc.lines.append(line)
    doc.lines = read_tables(doc.lines)
    measure(doc)
    return doc


def read_tables(lines: list[Line]) -> list[Line]:
    """Runs of rows written with '|' or tabs that make a task table become the table's lines
    (tables.py); any other run of rows is kept as it is."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].cells is None:
            out.append(lines[i])
            i += 1
            continue
        run: list[Line] = []
        j = i
        while j < len(lines) and (lines[j].cells is not None or not lines[j].text.strip()):
            if lines[j].cells is not None:
                run.append(lines[j])
                end = j + 1
            j += 1
        table = tables.read([[[cell] for cell in line.cells or ()] for line in run])
        if table is None:
            out.extend(lines[i:end])
        else:
            out.extend(table_lines(table, [line.number for line in run]))
        i = end
    return out


def table_lines(table: tables.Table, numbers: list[int]) -> list[Line]:
    """The lines a task table gives, each numbered with the source line of its row."""
    out = []
    for found in table.lines:
        text, markers = clean_markup(found.text)
        number = numbers[min(found.row, len(numbers) - 1)] if numbers else 0
        out.append(
            Line(
                text,
                number,
                bold=found.kind == "group",
                markers=markers,
                table=found.kind,
                key=found.number,
                depth=found.depth,
            )
        )
    return out


# ---------------------------------------------------------------- cleaning

_BOLD_JOIN = re.compile(r"\*{4}(?=\s*\S)")  # '**I- ...****1. ...**': two bold runs written end to end
_BOLD_WHOLE = re.compile(r"^(\s*)\*\*(?!\*)(.*?\S)\*\*\s*$")


def bold_runs(raw: str) -> list[tuple[str, bool]]:
    """A line of converted text with its Markdown bold: bold runs written end to end
    ('**I- KẾT QUẢ****1. Công tác tuyên truyền**', paragraphs a conversion ran together) are
    separate lines; a line that is bold as a whole is marked bold; other '**' marks are dropped."""
    if raw.count("**") < 2:
        return [(raw, False)]
    pieces = _BOLD_JOIN.split(raw)
    if len(pieces) > 1:
        pieces = [pieces[0] + "**", *("**" + p + "**" for p in pieces[1:-1]), "**" + pieces[-1]]
    out: list[tuple[str, bool]] = []
    for piece in pieces:
        whole = _BOLD_WHOLE.match(piece)
        if whole:
            out.append((whole[1] + whole[2].replace("**", ""), True))
        else:
            out.append((piece.replace("**", ""), False))
    return out


_COLUMN_GAP = re.compile(r"\s{3,}|\t+")
# Page numbers alone on a line ("2", "- 2 -", "Trang 2", "2/7") and form feeds.
PAGE_DEBRIS = re.compile(
    r"^\s*(?:(?:-\s*)?\d{1,3}(?:\s*-)?|Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_SEPARATOR_ROW = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")  # a Markdown table rule
_SUP = re.compile(r"<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)
_FOOTNOTE_REF = re.compile(r"\[\^(\w+)\](?!:)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile(r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|sub|small|font|p|div)\b[^>]*>|<br\s*/?>", re.IGNORECASE)


def clean_markup(text: str) -> tuple[str, tuple[str, ...]]:
    """Remove HTML-like markup; return the text and the footnote markers it references.

    ``<sup>1</sup>`` after a word is a footnote reference; ``m<sup>2</sup>`` or a
    superscript that is not a number keeps its content.
    """
    markers: list[str] = []

    def sup(match: re.Match[str]) -> str:
        content = match[1]
        after_unit = re.search(r"(?:^|\s)(?:[kcdm]?m|ha)$", text[: match.start()])  # "200 m<sup>2</sup>"
        if (
            after_unit is None
            and re.fullmatch(r"\d{1,3}|\*+|[a-z]", content)
            and not text[match.start() - 1 : match.start()].isdigit()
        ):
            markers.append(content)
            return ""
        return content

    text = _SUP.sub(sup, text)
    text = _FOOTNOTE_REF.sub(lambda m: markers.append(m[1]) or "", text)
    text = _SUPERSCRIPT_RUN.sub(lambda m: markers.append(m[1].translate(_SUPERSCRIPT_DIGITS)) or "", text)
    text = _TAG.sub(lambda m: " " if m[0].lower().startswith("<br") else "", text)
    return text.replace("\u00a0", " ").replace("\u200b", ""), tuple(markers)


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


def clean_letters(text: str, notes: list[str] | None = None) -> str:
    """NFC, with a tone mark typed on the consonant after a vowel moved back onto the vowel.

    Old input methods produce "Môṭ" (dot below on the t) for "Một"; the fix is unambiguous
    because Vietnamese never puts a tone on a consonant.
    """
    decomposed = unicodedata.normalize("NFD", text)
    if not any(ch in _TONES for ch in decomposed):
        return nfc(text)
    out: list[str] = []
    moved = False
    for ch in decomposed:
        if ch in _TONES and out and out[-1].isalpha() and unicodedata.normalize("NFD", out[-1])[0] not in _VOWELS:
            # Walk back over the consonant(s) to the vowel and its own marks.
            j = len(out) - 1
            while j > 0 and out[j].isalpha() and out[j] not in _VOWELS and not unicodedata.combining(out[j]):
                j -= 1
            while j > 0 and unicodedata.combining(out[j]):
                j -= 1
            if out[j] in _VOWELS and not any(c in _TONES for c in out[j + 1 : len(out)]):
                k = j + 1
                while k < len(out) and unicodedata.combining(out[k]):
                    k += 1
                out.insert(k, ch)
                moved = True
                continue
        out.append(ch)
    if moved and notes is not None and "dấu thanh" not in " ".join(notes):
        notes.append("văn bản gốc có dấu thanh đặt trên phụ âm (ví dụ 'Môṭ'); đã chuyển về nguyên âm ('Một')")
    return nfc("".join(out))


# A footnote definition: "<sup>1</sup> Nghị quyết số ...", "[^1]: ...", "¹ ...".
_FOOTNOTE_DEF = re.compile(r"^\s*(?:<sup>\s*(\w{1,3})\s*</sup>|\[\^(\w+)\]:|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(.*)$", re.IGNORECASE)


def measure(doc: Document) -> None:
    """Decide whether the text was wrapped at a fixed width, and that width."""
    lengths = sorted(len(line.text.strip()) for line in doc.lines if line.text.strip() and line.cells is None)
    if len(lengths) < 10:
        return
    upper = lengths[int(len(lengths) * 0.75)]
    if upper <= 130 and statistics.median(lengths) >= 35:
        doc.wrapped = True
        doc.width = lengths[int(len(lengths) * 0.9)]


# ---------------------------------------------------------------- paragraphs

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
HEADING_ROMAN = re.compile(rf"^(?P<num>{_ROMAN})\s*[.\-–)/]\s*(?P<rest>\S.*)$")
# A separator followed by a digit is part of a number wrapped to the line start ('1.234 mô hình'), not a point.
NUMBERED = re.compile(
    rf"^(?P<num>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(?:\s*[.\-–)/](?!\d)\s*|\s+(?=[{UPPER}]))(?P<rest>\S.*)$"
)
LETTERED = re.compile(r"^(?P<num>[a-zđ])\s*[).]\s+(?P<rest>\S.*)$")
BULLET = re.compile(r"^(?P<mark>[-–—+*•·●○■□▪►✓➢❖])\s*(?P<rest>\S.*)$")


# Labels of the lines that say who does a work item and when ("* Chủ trì: Lãnh đạo Ban."):
# an optional "Cơ quan" / "Đơn vị", the word that names the field, an optional qualifier.
# "Cơ quan chủ trì tham mưu" names the lead (it leads the advising).
LABEL = re.compile(
    r"^\s*[-+*•–·]?\s*(?P<label>(?:(?:cơ quan|đơn vị|bộ phận)(?:\s*,\s*(?:cơ quan|đơn vị))?\s+)?"
    r"(?P<word>chủ trì|phối hợp|(?:chịu\s+)?trách nhiệm|tham mưu|thực hiện|thời gian|thời hạn|tiến độ|cách thức|"
    r"phương thức|hình thức|thành phần|địa điểm|sản phẩm|kết quả|kinh phí)"
    r"(?P<more>(?:\s+(?:chính|chủ trì|tham mưu|chỉ đạo|thực hiện|hoàn thành|phối hợp))*))\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_WORD_ROLES = {
    "chủ trì": "lead",
    "phối hợp": "coordinating",
    "tham mưu": "advising",
    "thực hiện": "lead-or-executing",
    "thời gian": "timeframe",
    "thời hạn": "timeframe",
    "tiến độ": "timeframe",
    "cách thức": "method",
    "phương thức": "method",
    "hình thức": "method",
    "thành phần": "method",  # who attends: how the work is done, not who leads it
    "địa điểm": "method",
    "kết quả": "output",
    "sản phẩm": "output",
    "kinh phí": "output",
}


def label_of(text: str) -> tuple[str, str] | None:
    """(role, value) of a label line such as '+ Cơ quan phối hợp: Sở Nội vụ.', or None."""
    match = LABEL.match(text)
    if match is None:
        return None
    word = " ".join(match["word"].lower().split())
    more = " ".join((match["more"] or "").lower().split())
    if word.endswith("trách nhiệm"):
        # "... tham mưu" advises; "... chỉ đạo (thực hiện)" leads; "... thực hiện" executes; otherwise leads
        role = (
            "advising"
            if "tham mưu" in more
            else "lead"
            if "chỉ đạo" in more
            else "executing"
            if "thực hiện" in more
            else "lead"
        )
    elif word == "phối hợp" and "tham mưu" in more:
        role = "advising"
    else:
        role = _WORD_ROLES[word]
    return role, match["value"].strip()


def starts_block(text: str) -> bool:
    """True when a line opens a new paragraph by its form: a number, a bullet, a label."""
    stripped = text.strip()
    if not stripped:
        return False
    roman = HEADING_ROMAN.match(stripped)
    if roman and roman["num"] and roman["rest"][0].isupper():
        return True
    numbered = NUMBERED.match(stripped)
    if numbered and int(numbered["num"].split(".")[0]) <= 40 and not re.match(r"^\d+[-/]\S", stripped):
        return True
    if LETTERED.match(stripped):
        return True
    bullet = BULLET.match(stripped)
    if bullet and (bullet["mark"] not in "-–—" or stripped[1:2] == " " or stripped[1:2].isupper()):
        return True
    return label_of(stripped) is not None or bool(re.match(r"^(?:Nơi nhận|Trên đây|KẾ HOẠCH|T/M|K/T)\b", stripped))


_TERMINAL = (".", ":", ";", "!", "?", "./.")


def paragraphs(doc: Document, lines: list[Line]) -> list[Paragraph]:
    """Join wrapped lines into paragraphs.

    A line continues the paragraph above unless its form opens a new one (number,
    bullet, label). Otherwise it continues when it starts in lower case, when the
    line above broke a word at a hyphen, or, in text wrapped at a fixed width, when
    the line above runs (nearly) to the margin.
    """
    out: list[Paragraph] = []
    last: Line | None = None
    appendix: Paragraph | None = None  # an appendix heading whose title lines may follow
    attached = 0  # brackets left open by the "(Kèm theo ...)" line under an appendix heading
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if line.table is not None:
            out.append(
                Paragraph(_collapse(text), line.number, line.bold, None, line.markers, line.table, line.key, line.depth)
            )
            last = appendix = None
            continue
        if heading := APPENDIX.match(text):
            title = (heading["title"] or "").strip()
            appendix = Paragraph(title, line.number, True, table="appendix", key=_appendix_key(heading["num"]))
            out.append(appendix)
            last = None
            continue
        if appendix is not None:
            if attached or re.match(r"^\((?:Kèm|Ban hành|Đính kèm)", text, re.IGNORECASE):
                # "(Kèm theo Kế hoạch số ... ngày ...)": this document itself, not a document it cites
                attached = max(attached + text.count("(") - text.count(")"), 0)
                continue
            if _is_title_line(text) and not text.startswith(("-", "+")):
                appendix.text = _collapse(f"{appendix.text} {text}")
                continue
            appendix = None
        if line.cells is not None:
            out.append(Paragraph(" | ".join(line.cells), line.number, line.bold, line.cells, line.markers))
            last = None
            continue
        if out and last is not None and _continues(doc, last, line, out[-1]):
            previous = out[-1]
            glue = "" if re.search(r"\w-$", previous.text) and text[:1].isalnum() else " "
            previous.text = _collapse(previous.text + glue + text)
            previous.markers += line.markers
        else:
            out.append(Paragraph(_collapse(text), line.number, line.bold, None, line.markers))
        last = line
    return out


# "PHỤ LỤC 2", "Phụ lục số 01", "PHỤ LỤC I: DANH MỤC ...": an appendix's heading, alone on its line
# (not "Phụ lục 2 kèm theo Chương trình ...", a sentence that mentions it).
APPENDIX = re.compile(
    r"^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(?:\s+(?:SỐ|số)\s*)?(?:\s*(?P<num>\d{1,2}|[IVX]{1,5}|[A-Z]))?"
    r"\s*(?:[:.\-–]\s*(?P<title>\S.*))?$"
)


def _appendix_key(number: str | None) -> str:
    return f"PL{number.lstrip('0') or number}" if number else "PL"


def _is_title_line(text: str) -> bool:
    """An appendix's title line: written in capitals ("DANH MỤC CÁC NHIỆM VỤ ...")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters) and len(text) < 200


def _continues(doc: Document, above: Line, line: Line, paragraph: Paragraph) -> bool:
    text = line.text.strip()
    first = text[0]
    previous = paragraph.text.rstrip()
    if (
        first.islower()
        and label_of(text)
        and (previous.count("(") > previous.count(")") or not previous.endswith((".", ":")))
    ):
        return True  # "...; phối hợp: Ban Dân tộc tỉnh; / thời gian: quý II/2023)." wrapped inside an item
    if re.match(rf"^[-–]\s+[{LOWER}0-9]", text) and not previous.endswith(_TERMINAL):
        return True  # "chính trị / - xã hội": a hyphenated phrase broken at its dash, not a bullet
    if starts_block(text):
        return False
    if line.bold != above.bold and not _wrapped_on(doc, above, line, previous):
        return False
    if first.islower() or first in ",;)]}" or (first.isdigit() and not previous.endswith(_TERMINAL)):
        return True
    if re.search(r"\w-$", previous):
        return True
    if not doc.wrapped:
        return False
    length = len(above.text.strip())
    if not previous.endswith(_TERMINAL) and length >= 0.6 * doc.width:
        return True
    if previous.endswith(":"):
        return False
    # After a full stop the break is the wrapping's only if the next word would not have fitted.
    next_word = len(text.split(" ", 1)[0])
    return length >= 0.9 * doc.width or (length >= 0.6 * doc.width and length + 1 + next_word > doc.width)


def _wrapped_on(doc: Document, above: Line, line: Line, previous: str) -> bool:
    """In text printed at a fixed width (one Word paragraph per printed line), a bold heading's
    second line may have lost the bold: the break is the printing's when the line starts in lower
    case or the line above ran to the margin without closing its sentence."""
    if not doc.wrapped:
        return False
    first = line.text.strip()[:1]
    return first.islower() or (not previous.endswith(_TERMINAL) and len(above.text.strip()) >= 0.6 * doc.width)


def _collapse(text: str) -> str:
    return " ".join(text.split())
