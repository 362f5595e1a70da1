"""The lines of a source, shared by every reader (text and Word): the line model, the cleaning
of letters and markup, and the reading of one raw line after another into lines and footnotes.

Text exported from Word arrives damaged in known ways: lines wrapped mid-sentence
(often with a blank line between every line), a two-column header block laid out
with runs of spaces, page-break debris (page numbers, form feeds, a stray space
opening each page), footnote markers written as ``<sup>1</sup>``, footnote definitions
at the foot of each page, and a mix of composed (NFC) and decomposed (NFD) letters,
sometimes with a tone mark on the wrong letter. A Word file converted from such text, or
from a PDF, carries the same damage in its paragraphs, so both readers hand every raw
line to the same ``LineReader``.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..text import nfc
from . import tables
from .forms import starts_block


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
    opens: bool | None = None  # the layout says the line opens a paragraph (True), goes on with the one above (False)
    # a page break (a page number, a form feed, Word's page break) comes just before the line; unlike
    # page_start, not guessed from the stray space that opens a page of exported text, which a table's
    # row number laid out one space from the margin (' 1   Rà soát ...') has too
    page_break: bool = False
    doubt: str | None = None  # a table's cell cut from its neighbours by a guess: why (tables.TableLine.doubt)
    # a line of a table that gives no task (tables.figures: figures, criteria and points): what the
    # message naming it says of it (see figure_lines)
    figures: str | None = None

    @property
    def columns(self) -> list[str]:
        """The line split into its layout columns (header block, signature block)."""
        if self.cells is not None:
            return [c for c in self.cells if c.strip()]
        return [part.strip() for part in _COLUMN_GAP.split(self.text) if part.strip()]


@dataclass
class Document:
    path: Path
    lines: list[Line]
    footnotes: dict[str, str] = field(default_factory=dict)  # marker -> footnote text
    wrapped: bool = False  # lines were wrapped at a fixed width (text exported from Word)
    width: int = 0  # typical full line length of a wrapped document
    notes: list[str] = field(default_factory=list)  # what cleaning changed, for the review summary


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
                doubt=found.doubt,
            )
        )
    return out


def figure_lines(lines: list[Line], rows: list[tables.Row]) -> list[Line]:
    """The lines a table gives (a task table's, or its rows as text) marked as a table of figures's when
    it is one (``tables.figures``; ``rows``: its rows as read): the body's reader of a plan leaves them
    out with a message naming the table; a report reads them as before."""
    kind = tables.figures(rows) if len(rows) > 1 else None
    if kind is None:
        return lines
    said = kind.format(labels=tables.labels(rows))
    return [dataclasses.replace(line, figures=said) for line in lines]


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
# Markdown emphasis written with underscores, opened and closed on one line ('__Nơi nhận__:', '__Nơi nhận: __'):
# the words, without the marks. A run of underscores left to fill in ('Họ và tên: ________') is not emphasis.
_UNDERSCORED = re.compile(r"(?<![_\w])__(?=[^\s_])(?P<words>[^_]*?[^\s_])\s*__(?![_\w])")


def clean_markup(text: str) -> tuple[str, tuple[str, ...]]:
    """Remove HTML-like markup; return the text and the footnote markers it references.

    ``<sup>1</sup>`` after a word is a footnote reference; ``m<sup>2</sup>`` or a
    superscript that is not a number keeps its content.
    """
    markers: list[str] = []

    def marker(found: str) -> str:
        markers.append(found)
        return ""

    def sup(match: re.Match[str]) -> str:
        content = match[1]
        after_unit = re.search(r"(?:^|\s)(?:[kcdm]?m|ha)$", text[: match.start()])  # "200 m<sup>2</sup>"
        if (
            after_unit is None
            and re.fullmatch(r"e?\d{1,3}|\*+|[a-z]", content)
            and not text[match.start() - 1 : match.start()].isdigit()
        ):
            return marker(content)
        return content

    text = _SUP.sub(sup, text)
    text = _FOOTNOTE_REF.sub(lambda m: marker(m[1]), text)
    text = _SUPERSCRIPT_RUN.sub(lambda m: marker(m[1].translate(_SUPERSCRIPT_DIGITS)), text)
    text = _TAG.sub(lambda m: " " if m[0].lower().startswith("<br") else "", text)
    text = _UNDERSCORED.sub(lambda m: m["words"], text)
    return text.replace("\u00a0", " ").replace("\u200b", ""), tuple(markers)


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
# A tone mark right after a letter that is not a vowel (in NFD a vowel's own marks come between).
_MISPLACED_TONE = re.compile(r"(?![aeiouyAEIOUY])[^\W\d_][" + _TONES + "]")
# What such a pair looks like in NFC: a tone mark left alone, or a consonant carrying it ('ṭ').
_TONED_CONSONANT = re.compile(
    "["
    + _TONES
    + "".join(
        ch
        for ch in map(chr, range(0xC0, 0x2000))
        if _MISPLACED_TONE.match(unicodedata.normalize("NFD", ch)) and unicodedata.normalize("NFD", ch) != ch
    )
    + "]"
)


def clean_letters(text: str, notes: list[str] | None = None) -> str:
    """NFC, with a tone mark typed on the consonant after a vowel moved back onto the vowel.

    Old input methods produce "Môṭ" (dot below on the t) for "Một"; the fix is unambiguous
    because Vietnamese never puts a tone on a consonant.
    """
    if unicodedata.is_normalized("NFC", text) and not _TONED_CONSONANT.search(text):
        return text  # almost every line: two passes in C, no walk
    decomposed = unicodedata.normalize("NFD", text)
    if not _MISPLACED_TONE.search(decomposed):
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


# A footnote definition: "<sup>1</sup> Nghị quyết số ...", "[^1]: ...", "¹ ...", and "[1] ..." or "[1]"
# alone on its line (Word's endnotes as a web page or a PDF writes them, after the signature).
_FOOTNOTE_DEF = re.compile(
    r"^\s*(?:<sup>\s*(\w{1,3})\s*</sup>|\[\^(\w+)\]:|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\[(\d{1,3})\](?=\s|$))\s*(.*)$", re.IGNORECASE
)


# 'Số:' alone on its line, its number on the next ('Số:' / '7360/KH-UBND'): a header's cell wrapped
# narrow (a table converted one cell per line, or a Word cell's own lines).
_NUMBER_LABEL = re.compile(r"^\s*S[ốôỐÔ]\s*:?\s*$", re.IGNORECASE)
_NUMBER_VALUE = re.compile(r"^\s*[\d./…_\-]*\d*\s*/\s*\S|^\s*\d+\s*[-–]\s*[A-ZĐ]{2,}")


# 'Nơi' alone on its line, 'nhận:' on the next: the recipients' label wrapped in a narrow cell.
_CUT_LABELS = (
    (_NUMBER_LABEL, _NUMBER_VALUE),
    (re.compile(r"^\s*Nơi\s*$", re.IGNORECASE), re.compile(r"^\s*nhận\s*:", re.IGNORECASE)),
)


def join_cut_labels(lines: list[Line]) -> list[Line]:
    """A line holding only 'Số:' joined with the document number on the line under it, as the
    number is printed ('Số: 7360/KH-UBND'), and 'Nơi' with the 'nhận:' under it; every other line
    kept as it is. (An item's number alone on its line needs no joining here: the paragraphs join
    it with its words.)"""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if (
            above is not None
            and above.cells is None
            and above.table is None
            and line.cells is None
            and line.table is None
            and any(label.match(above.text) and value.match(line.text) for label, value in _CUT_LABELS)
        ):
            above.text = f"{above.text.strip()} {line.text.strip()}"
            above.markers += line.markers
            continue
        out.append(line)
    return out


def measure(doc: Document) -> None:
    """Decide whether the text was wrapped at a fixed width, and that width, from the lines of its
    paragraphs (a table's rows and the lines it gives are not printed at the page's width); when
    all of them do not say so, from those above the first 'Nơi nhận:' (appendices after it may
    hold tables written one cell per line)."""
    end = next((k for k, line in enumerate(doc.lines) if _TAIL.match(line.text)), 0)
    for lines in (doc.lines, doc.lines[:end] if end >= 20 else []):
        width = _wrapped_width(lines)
        if width:
            doc.wrapped, doc.width = True, width
            break
    if not _mark_blank_separated(doc.lines):
        _mark_indented(doc.lines)


# The most characters a printed line of a plan holds (A4, the smallest usual type, landscape pages).
_PRINTED_LINE_MAX = 130


def _wrapped_width(lines: list[Line]) -> int:
    """The width the lines were wrapped at, or 0 when they were not wrapped at a fixed width."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip() and _plain(line))
    if len(lengths) < 10:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    if width > _PRINTED_LINE_MAX:
        return 0  # a width no printed line reaches: paragraphs each on its line
    # most lines short: paragraphs each on its line, unless many lines stop near one width, the
    # header's short cells above them (a short letter copied from a web page, wrapped at its width)
    near = sum(1 for n in lengths if n >= 0.85 * width)
    if statistics.median(lengths) >= 35 or (near >= 8 and near >= 0.3 * len(lengths)):
        return width
    return 0


# ---------------------------------------------------------------- paragraphs the layout shows
#
# Two layouts say where paragraphs begin better than the words do, which the paragraph reader
# (source.paragraphs) then follows: paragraphs parted by blank lines, each hard-wrapped over
# several lines (a web page turned into text, a conversion that wraps at a fixed width); and,
# in text laid out from a PDF, paragraphs whose first line is indented while the lines wrapped
# from it start at the margin. Either is taken only when the whole document is written so: a
# document that puts a blank line between every printed line, or starts items at the margin,
# says nothing by its layout.


def _plain(line: Line) -> bool:
    return line.cells is None and line.table is None and line.text.strip() != tables.BAR


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """The runs of non-blank lines, those holding a table's lines or cells left out."""
    out: list[list[Line]] = [[]]
    for line in lines:
        if line.text.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [block for block in out if block and all(_plain(line) for line in block)]


def _mark_blank_separated(lines: list[Line]) -> bool:
    """Paragraphs parted by blank lines and wrapped inside: most runs of lines hold more than one
    line, and lines that open an item by their form ("1.", "-", "Chủ trì:") all but never sit
    inside a run. Each run is then one paragraph (a run opening a page may go on from the last)."""
    blocks = _blocks(lines)
    several = sum(1 for block in blocks if len(block) > 1)
    starts = [(k > 0) for block in blocks for k, line in enumerate(block) if starts_block(line.text)]
    if len(blocks) < 8 or several < 0.3 * len(blocks) or sum(starts) > 0.1 * max(len(starts), 1):
        return False
    for block in blocks:
        block[0].opens = None if block[0].page_start else True
        for line in block[1:]:
            line.opens = False
    return True


INDENT = 3  # spaces more than the page's margin that indent a paragraph's first line


def _lead(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" "))


def _margins(lines: list[Line]) -> list[int]:
    """The left margin at each line: the most usual indentation of its page's lines (a PDF lays out
    each page anew), or less where most lines around it start further left (a page break the text
    does not mark)."""
    pages: list[list[int]] = [[]]
    for k, line in enumerate(lines):
        if line.page_start and pages[-1]:
            pages.append([])
        pages[-1].append(k)
    out = [0] * len(lines)
    for page in pages:
        plain = [k for k in page if lines[k].text.strip() and _plain(lines[k])]
        leads = [_lead(lines[k]) for k in plain]
        margin = _most_usual(leads) if len(leads) >= 5 else 0
        for k in page:
            at = bisect.bisect_left(plain, k)
            out[k] = min(margin, _most_usual(leads[max(at - _NEAR_LINES, 0) : at + _NEAR_LINES + 1]))
    return out


def _most_usual(leads: list[int]) -> int:
    return min(set(leads), key=lambda lead: (-leads.count(lead), lead)) if leads else 0


_NEAR_LINES = 8
_TAIL = re.compile(r"^\s*Nơi nhận\s*:")
_RECIPIENT = re.compile(r"^\s*(?:Nơi nhận\s*:|[-+•]|KẾ HOẠCH\b)")  # a recipients' line, the kind heading under them


def _opens_item(text: str) -> bool:
    """The line opens an item by its form: a number, letter or bullet, or a number in brackets
    ('(5) Các văn phòng tiếp tục ...'), which conclusions and notices number their points with."""
    return starts_block(text) or _BRACKETED_NUMBER.match(text) is not None


_BRACKETED_NUMBER = re.compile(r"^\s*\(\d{1,2}\)\s+\S")


def _mark_indented(lines: list[Line]) -> bool:
    """Paragraphs whose first line is indented, the lines wrapped from it at the margin (text laid
    out from a PDF): most lines that open an item by their form are indented and a good part of
    all lines start at the margin. A line at the margin then goes on with the paragraph above
    unless its form opens an item; an indented line that starts with a capital or a figure opens
    a paragraph."""
    margins = _margins(lines)
    body = [(line, _lead(line) - margin) for line, margin in zip(lines, margins, strict=True)]
    body = [(line, lead) for line, lead in body if line.text.strip() and _plain(line)]
    end = next((k for k, (line, _) in enumerate(body) if _TAIL.match(line.text)), len(body))
    text = body[:end]  # the recipients and the signature are laid out at the margin, as a list
    starts = [lead for line, lead in text if _opens_item(line.text)]
    if len(starts) < 5:
        # a decision's short articles and its tail over the plan it issues: the plan's lines say it, the
        # recipients' list at the margin left out
        text = [(line, lead) for line, lead in body[end:] if lead > 1 or not _RECIPIENT.match(line.text)]
        starts = [lead for line, lead in text if _opens_item(line.text)]
    flush = sum(1 for _, lead in text if lead <= 1)
    if len(starts) < 5 or sum(1 for lead in starts if lead >= INDENT) < 0.7 * len(starts) or flush < 0.25 * len(text):
        return False
    blank_above = {id(below) for line, below in itertools.pairwise(lines) if not line.text.strip()}
    for k, (line, lead) in enumerate(body):
        first = line.text.strip().lstrip("(“\"'[")[:1]  # '(Mục tiêu ... kèm theo)' opens as 'Mục' does
        joined = id(line) not in blank_above or line.page_start  # a blank line parts paragraphs, save at a page break
        ended = k and body[k - 1][0].text.rstrip().endswith("./.")  # the mark that closes the text's body
        if k and joined and lead <= 1 and not _opens_item(line.text) and not ended:
            line.opens = False
        elif lead >= INDENT and (first.isupper() or first.isdigit()):
            line.opens = True
    return True


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass
class LineReader:
    """Reads raw lines (a text line, or the text of a Word paragraph) one after another into
    ``doc``: page debris skipped, footnote definitions and their wrapped lines into
    ``doc.footnotes``, bold written as Markdown marks, footnote markers, letters cleaned."""

    doc: Document
    page_start: bool = False  # the next line opens a page
    footnote: str | None = None  # the footnote whose wrapped lines may follow
    note_line: int = 0  # the length of the footnote's last line
    after_bar: bool = False  # the last line written was a lone '|': a table written one cell per line

    def take(
        self, raw: str, number: int, bold: bool = False, markers: tuple[str, ...] = (), cells: bool = True
    ) -> None:
        """One raw line; ``cells``: a line written with tabs or '|' is a table row (text files)."""
        doc, notes = self.doc, self.doc.notes
        if "\f" in raw:
            self.page_start = True
            raw = raw.replace("\f", " ")
        stripped = raw.strip()
        after_bar, self.after_bar = self.after_bar, stripped == tables.BAR or (self.after_bar and not stripped)
        if PAGE_DEBRIS.match(raw) and not after_bar:
            # a number alone on its line after a lone '|' is a cell (a row's number), not a page's
            self.page_start = True
            self.footnote = None  # a note ends at the foot of its page
            return
        if _SEPARATOR_ROW.match(raw):
            return
        # Footnote definitions sit at the foot of each page, inside the body text; a line wrapped
        # from one starts in lower case, or follows a note not yet ended and opens no item.
        if definition := _FOOTNOTE_DEF.match(raw):
            mark = definition[1] or definition[2] or definition[4] or definition[3].translate(_SUPERSCRIPT_DIGITS)
            self.footnote = mark.strip()
            body, _ = clean_markup(definition[5])
            doc.footnotes[self.footnote] = collapse(clean_letters(body, notes))
            self.note_line = len(raw.strip())
            return
        note = doc.footnotes.get(self.footnote or "")
        if note is not None and stripped and _continues_note(note, self.note_line, stripped):
            doc.footnotes[self.footnote or ""] = collapse(note + " " + clean_letters(stripped, notes))
            self.note_line = len(stripped)
            return
        if stripped:
            self.footnote = None
        for piece, marked_bold in bold_runs(raw):
            cleaned, found = clean_markup(piece)
            cleaned = clean_letters(cleaned, notes)
            row = _cells(cleaned) if cells else None
            line = Line(cleaned.replace("\t", "   "), number, bold or marked_bold, row, markers + found)
            # A page of exported text starts with one stray space: "..., kết quả thực hiện / ␣Chương trình số 20".
            line.page_start = self.page_start or bool(re.match(r"^ \S", cleaned))
            line.page_break = self.page_start
            if cleaned.strip():  # a blank line (a form feed is a line break too) hands the break on
                self.page_start = False
            markers = ()
            doc.lines.append(line)


# A line that opens an item or a heading: "1.", "1.2.", "II.", "a)", a bullet.
_OPENS_ITEM = re.compile(r"^(?:[IVX]{1,5}\s*[.\-–)/]|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.\-–)/]|[a-zđ]\)|[-–+*•])\s")


NOTE_WRAP = 70  # a footnote's line this long, not ended, was wrapped at the page's width


def _continues_note(note: str, last: int, line: str) -> bool:
    """A line under a footnote's definition that goes on with its text: in lower case, or
    after a long line that did not end the note ("... của / Ban Chấp hành Trung ương"),
    when it opens no item."""
    if line[0].islower() or not note.strip():  # a marker alone on its line: its text is on the next
        return True
    if note.rstrip().endswith((";", ",")) and _CITATION_OPENS.match(line):
        return True  # a note listing documents: '...; Kế hoạch số 75/KH-UBND ngày ...' goes on with the next one
    ended = note.rstrip().endswith((".", ";", ":", "!", "?", ")"))
    return last >= NOTE_WRAP and not ended and not _OPENS_ITEM.match(line)


# A line opening with a cited document ('Quyết định số 2259/QĐ-TTg ...', 'Nghị quyết 21-NQ/TW ...').
_CITATION_OPENS = re.compile(
    r"^(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Kế hoạch|Chương trình|Thông tư(?: liên tịch)?|Thông báo|"
    r"Thông tri|Công văn|Văn bản|Hướng dẫn|Quy định|Đề án|Tờ trình|Báo cáo)\s+(?:số\s*)?\d"
)


def _cells(cleaned: str) -> tuple[str, ...] | None:
    """The cells of a row written with tabs or '|', or None. A row of two cells has one ' | ' only
    (a signature block converted from a Word table: 'Nơi nhận: ... | TM. ỦY BAN NHÂN DÂN ...')."""
    if "\t" not in cleaned.strip() and cleaned.count("|") < 2 and " | " not in cleaned.strip():
        return None
    # A leading '|' or tab is an empty first cell ('TT | Nội dung | ...' over ' | Rà soát ... | '
    # when the row's number was Word's automatic numbering), except in a Markdown row, which opens
    # at the margin with '|' and closes with '|'.
    markdown = cleaned.startswith("|") and cleaned.rstrip().endswith("|")
    row = cleaned.strip(" \n")
    if markdown:
        row = row[1:-1]
    # in a row written with '|', a tab is a gap inside a cell, as in the Word table the row was
    # taken from ('Nơi nhận: ... (Bích);<tab>- Lưu: VT, KT. | | KT. CHỦ TỊCH'), not a cell of its own
    split = tuple(c.replace("\t", "   ").strip() for c in re.split(r"\|" if "|" in row else r"\t", row))
    return split if len(split) > 1 else None
