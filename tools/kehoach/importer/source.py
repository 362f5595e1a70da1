"""Stage 1 of an import: a plan file (UTF-8 text or Word .docx) becomes clean
lines (lines.py cleans them, word.py reads Word files), then logical paragraphs.

Everything later in the import reads the cleaned lines only. The line model is
re-exported here, where the later stages have always taken it from.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..load.encoding import DecodeFailure, decode
from ..oserrors import read_reason
from ..text import is_nfc
from . import tables
from .forms import BULLET as BULLET
from .forms import HEADING_ROMAN as HEADING_ROMAN
from .forms import LABEL as LABEL
from .forms import LETTERED as LETTERED
from .forms import LOWER as LOWER
from .forms import NUMBERED as NUMBERED
from .forms import UPPER as UPPER
from .forms import label_of as label_of
from .forms import starts_block as starts_block
from .lines import PAGE_DEBRIS as PAGE_DEBRIS
from .lines import Document as Document
from .lines import Line as Line
from .lines import LineReader, figure_lines, join_cut_labels, measure, table_lines
from .lines import SourceError as SourceError
from .lines import bold_runs as bold_runs
from .lines import clean_letters as clean_letters
from .lines import clean_markup as clean_markup
from .word import read_docx

MAX_SOURCE_BYTES = 20 * 1024 * 1024  # a long plan is ~100 KB of text; a Word file with images a few MB


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
    doubt: str | None = None  # as Line.doubt: the table cell it gives was cut by a guess


# ---------------------------------------------------------------- reading


def read(path: Path) -> Document:
    """Read a .docx or a UTF-8 text file; raise SourceError with a clear message otherwise."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise SourceError(f"không đọc được tệp '{path}': {read_reason(err)}") from None
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
        raise SourceError(f"không đọc được tệp '{path}': {read_reason(err)}") from None
    if path.suffix.lower() == ".docx" or data[:4] == b"PK\x03\x04":
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
    reader = LineReader(doc)
    for number, raw in enumerate(LINE_BREAK.split(text.removesuffix("\n")), start=1):
        reader.take(raw, number)
    doc.lines = join_cut_labels(read_tables(doc.lines))
    measure(doc)
    return doc


# The line breaks str.splitlines() knows, save the form feed: pdftotext writes one at the start of
# each page's first line, which the line reader takes for a page break.
LINE_BREAK = re.compile("\r\n|[\n\r\v\x1c\x1d\x1e\x85\u2028\u2029]")


def read_tables(lines: list[Line]) -> list[Line]:
    """Runs of rows written with '|' or tabs that make a task table become the table's lines
    (tables.py); any other run of rows is kept as it is, and so is a Markdown table, which the body's
    reader reads (pipes.py: its rows may go on over several lines)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].cells is None or tables.markdown_row(lines[i].text.rstrip()):
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
        rows = [[[cell] for cell in line.cells or ()] for line in run]
        table = tables.read(rows, merges_lost=True)
        given = lines[i:end] if table is None else table_lines(table, [line.number for line in run])
        out.extend(figure_lines(given, rows))  # a table of figures gives no task to a plan
        i = end
    return out


# ---------------------------------------------------------------- cleaning

# ---------------------------------------------------------------- paragraphs

_TERMINAL = (".", ":", ";", "!", "?", "./.")


def opens_appendix(lines: list[Line], at: int) -> bool:
    """Whether ``lines[at]``, after the signature, opens an appendix: a heading 'PHỤ LỤC ...'; a
    title in capitals over a '(Kèm theo Kế hoạch ...)' line ('PHÂN CÔNG NHIỆM VỤ ...'); or, with no
    heading at all, the first line of a task table."""
    text = lines[at].text.strip()
    if APPENDIX.match(text) or (lines[at].table is not None and lines[at].table != "label"):
        return True
    if not _is_title_line(text) or lines[at].cells is not None:
        return False
    titles = [ln.text.strip() for ln in lines[at + 1 : at + 6] if ln.text.strip()]
    above = list(itertools.takewhile(_is_title_line, titles))
    rest = titles[len(above) :]
    # the title's subtitle in sentence case over that line ('ĐỀ CƯƠNG BÁO CÁO' / 'Tổng kết công tác ...' /
    # 'nhiệm kỳ Đại hội XIII' / '(Kèm theo ...)'): a line or two that open nothing and end no sentence
    k = 0
    while k < min(_SUBTITLE_LINES, len(rest)) and not _ATTACHED.match(rest[k]) and not _no_subtitle(rest[k]):
        k += 1
    below = rest[k] if k < len(rest) else ""
    # a heading 'PHỤ LỤC ...' among the lines in capitals opens the appendix: those above it close the
    # signature ('PHÓ GIÁM ĐỐC' / 'SỞ CÔNG THƯƠNG' / 'PHỤ LỤC I' / 'KẾ HOẠCH KIỂM TRA' / '(Kèm theo ...)')
    return _ATTACHED.match(below) is not None and not any(APPENDIX.match(t) for t in above)


_ATTACHED = re.compile(r"^\((?:Kèm|Ban hành|Đính kèm)", re.IGNORECASE)
_SUBTITLE_LINES = 2


def _no_subtitle(text: str) -> bool:
    """False for a line that may be a title's subtitle: words that open no item and end no sentence."""
    return starts_block(text) or text.endswith(_TERMINAL) or not any(ch.isalpha() for ch in text)


def paragraphs(
    doc: Document,
    lines: list[Line],
    appendix_first: bool = False,
    joined: Callable[[Line], object] | None = None,
    aside: Callable[[Line], object] | None = None,
) -> list[Paragraph]:
    """Join wrapped lines into paragraphs.

    A line continues the paragraph above unless its form opens a new one (number,
    bullet, label). Otherwise it continues when it starts in lower case, when the
    line above broke a word at a hyphen, or, in text wrapped at a fixed width, when
    the line above runs (nearly) to the margin. ``appendix_first``: the lines are an appendix
    found after the signature (``opens_appendix``), whose first line may be its title.
    ``joined``: called with each line joined to the paragraph above it (where the text's
    paragraphs end: a Word file holding the same page holds them as its paragraphs).
    ``aside``: called with the lines of notes printed at the foot of a page that a paragraph
    runs on across (``_Foot``): the paragraph is joined over them, and they are no paragraphs of
    the body (the documents they cite are read from the lines).
    """
    out: list[Paragraph] = []
    last: Line | None = None
    appendix: Paragraph | None = None  # an appendix heading whose title lines may follow
    heading_lines = _Title(joined or _no_join)  # the lines under an appendix's heading
    growing: _Growing | None = None  # the paragraph of plain lines being joined
    foot = _Foot(_foot_notes(lines))
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if appendix_first and not out and not APPENDIX.match(text):
            # its title in capitals, or, when a table follows the signature with no heading, no title
            title = _collapse(text) if line.table is None else ""
            out.append(Paragraph(title, line.number, True, table="appendix", key=_appendix_key(None)))
            if line.table is None:
                appendix, heading_lines.titled = out[-1], True
                continue
        if line.table is not None:
            out.append(
                Paragraph(
                    _collapse(text),
                    line.number,
                    line.bold,
                    None,
                    line.markers,
                    line.table,
                    line.key,
                    line.depth,
                    line.doubt,
                )
            )
            last = appendix = foot.held = None
            continue
        if heading := APPENDIX.match(text):
            title = (heading["title"] or "").strip()
            appendix = Paragraph(title, line.number, True, table="appendix", key=_appendix_key(heading["num"]))
            out.append(appendix)
            last, heading_lines.titled = None, False
            continue
        if appendix is not None:
            if heading_lines.takes(appendix, line):
                continue
            appendix = None
        if line.cells is not None:
            out.append(Paragraph(" | ".join(line.cells), line.number, line.bold, line.cells, line.markers))
            last = foot.held = None
            continue
        if (resumed := foot.resume(doc, line, growing, out, aside or _no_join)) is not None:
            # the page's first line goes on with the paragraph the notes at the foot of the last page cut
            growing = resumed
            growing.add(text, line.markers)
            heading_lines.joined(line)
        elif growing is not None and last is not None and foot.goes_on(doc, last, line, growing):
            growing.add(text, line.markers)
            heading_lines.joined(line)
        else:
            if growing is not None:
                growing.close()
            out.append(Paragraph(_collapse(text), line.number, line.bold, None, line.markers))
            foot.opened(growing, last, line)
            growing = _Growing(out[-1])
        last = line
    if growing is not None:
        growing.close()
    return out


def _no_join(line: Line) -> None:
    return None


class _Title:
    """The lines under an appendix's heading that are no paragraph of their own: its title in
    capitals, and the "(Kèm theo ...)" line saying what it is attached to."""

    def __init__(self, joined: Callable[[Line], object]) -> None:
        self.joined = joined  # told of each line that goes on with the one above (see ``paragraphs``)
        self.attached = 0  # brackets left open by the "(Kèm theo ...)" line
        self.titled = False  # a title line under the heading has been read

    def takes(self, appendix: Paragraph, line: Line) -> bool:
        text = line.text.strip()
        if self.attached or _ATTACHED.match(text):
            # "(Kèm theo Kế hoạch số ... ngày ...)": this document itself, not a document it cites
            if self.attached:
                self.joined(line)
            self.attached = max(self.attached + text.count("(") - text.count(")"), 0)
            self.titled = False
            return True
        if _is_title_line(text) and not text.startswith(("-", "+")):
            appendix.text = _collapse(f"{appendix.text} {text}")
            if self.titled:
                self.joined(line)  # the title's lines are one paragraph, under its heading's own
            self.titled = True
            return True
        return False


# A note printed at the foot of a page with a plain number ('1 Nội dung ... được quy định tại ...'), or
# '(1)' / '[1]': its marker was not read as a footnote's.
_FOOT_NOTE = re.compile(rf"^(?:\d{{1,2}}\s+(?=[{UPPER}])|\(\d{{1,2}}\)\s|\[\d{{1,2}}\]\s)")


def _foot_notes(lines: list[Line]) -> set[int]:
    """The lines (by id) opening a note at a page's foot: a note's form, and the page ends within a few
    lines after it, which open nothing. Such a line opens a paragraph even after a line that ran to the
    margin ('... ngày bắt đầu khai' / '1 Hồ sơ đăng ký ...'), where a figure would be a wrapped one."""
    out: set[int] = set()
    texts = [(line, line.text.strip()) for line in lines if line.text.strip() or line.page_start]
    for k, (line, text) in enumerate(texts):
        if not _FOOT_NOTE.match(text) or line.page_start:
            continue
        for below, after in texts[k + 1 : k + 1 + _FOOT_LINES]:
            if below.page_start:
                out.add(id(line))
                break
            if starts_block(after) and not _FOOT_NOTE.match(after):
                break
    return out


_FOOT_LINES = 4  # the lines a page's notes take after the first one opens


class _Foot:
    """The notes at the foot of a page, in text taken from a PDF: they cut the page's last paragraph
    ('... ngày bắt đầu khai' / '1 Nội dung thiết kế mỏ ...' / page break / 'thác khoáng sản với ...').
    A note opens under a paragraph whose sentence is not ended; the notes run to the page's end; the
    next page's first line, when it goes on with a sentence, goes on with that paragraph, not with
    the last note."""

    __slots__ = ("feet", "held", "last", "lines")

    def __init__(self, feet: set[int]) -> None:
        self.feet = feet  # the lines opening a note at a page's foot (``_foot_notes``), by id
        self.held: _Growing | None = None  # the paragraph the notes cut
        self.last: Line | None = None  # its last line
        self.lines: list[Line] = []  # the notes' lines

    def goes_on(self, doc: Document, last: Line, line: Line, growing: _Growing) -> bool:
        """Whether ``line`` goes on with the paragraph above (``_continues``); a note at a page's foot
        opens its own."""
        if id(line) in self.feet or not _continues(doc, last, line, growing):
            return False
        if self.lines:
            self.lines.append(line)  # a note's wrapped line
        return True

    def resume(
        self, doc: Document, line: Line, growing: _Growing | None, out: list[Paragraph], aside: Callable[[Line], object]
    ) -> _Growing | None:
        """The paragraph the notes cut, when ``line`` goes on with it (each note's line told ``aside``,
        the notes' paragraphs taken out of ``out``); else None."""
        notes, held = self.lines, self.held
        if held is None or not self.runs_on(doc, line):
            return None
        for note in notes:
            aside(note)
        if growing is not None:
            growing.close()
        firsts = {note.number for note in notes}
        while out and out[-1] is not held.paragraph and out[-1].line in firsts:
            out.pop()
        return held

    def opened(self, above: _Growing | None, last: Line | None, line: Line) -> None:
        """A paragraph opened at ``line`` under ``above``, whose last line is ``last``."""
        note = _FOOT_NOTE.match(line.text.strip()) is not None and not line.page_start
        if note and self.held is not None and self.lines:
            self.lines.append(line)  # the next note of the same foot
        elif note and above is not None and last is not None and not above.tail.rstrip().endswith(_TERMINAL):
            self.held, self.last, self.lines = above, last, [line]
        else:
            self.held, self.lines = None, []

    def runs_on(self, doc: Document, line: Line) -> bool:
        """Whether ``line``, opening a page, goes on with the paragraph the notes cut."""
        if self.held is None or self.last is None or not self.lines or not line.page_start:
            return False
        held, last, text = self.held, self.last, line.text.strip()
        self.held, self.lines = None, []  # the foot ends with its page
        if starts_block(text) or _FOOT_NOTE.match(text):
            return False
        return text[:1].islower() or _continues(doc, last, line, held)


class _Growing:
    """A paragraph whose wrapped lines are joined: its pieces are joined once, at the end (joining
    the whole text again at every line made a paragraph of n lines cost n squared: minutes for a file
    of short lines that never end a sentence); what ``_continues`` asks of the text so far (how it
    ends, whether a bracket is left open) is kept as the pieces come."""

    __slots__ = ("brackets", "paragraph", "parts", "tail")

    def __init__(self, paragraph: Paragraph) -> None:
        self.paragraph = paragraph
        self.parts = [paragraph.text]
        self.brackets = paragraph.text.count("(") - paragraph.text.count(")")
        self.tail = paragraph.text[-_TAIL:]

    def add(self, text: str, markers: tuple[str, ...]) -> None:
        piece = _collapse(text)
        glue = "" if _HYPHEN_END.search(self.tail) and piece[:1].isalnum() else " "
        self.parts.append(glue + piece)
        self.brackets += piece.count("(") - piece.count(")")
        self.tail = (self.tail + glue + piece)[-_TAIL:]
        self.paragraph.markers += markers

    def close(self) -> None:
        if len(self.parts) > 1:
            self.paragraph.text = "".join(self.parts)


_TAIL = 16  # characters of a growing paragraph's end kept for ``_continues`` (its endings are at most 7)
_HYPHEN_END = re.compile(r"\w-$")  # '... chính trị-' / 'xã hội': a word broken at a hyphen


# "PHỤ LỤC 2", "Phụ lục số 01", "PHỤ LỤC I: DANH MỤC ...": an appendix's heading, alone on its line
# (not "Phụ lục 2 kèm theo Chương trình ...", a sentence that mentions it).
APPENDIX = re.compile(
    r"^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(?:\s+(?:SỐ|số)\s*)?(?:\s*(?P<num>\d{1,2}|[IVX]{1,5}|[A-Z]))?"
    r"\s*(?:[:.\-–]\s*(?P<title>\S.*))?$"
)


def _appendix_key(number: str | None) -> str:
    return f"PL{number.lstrip('0') or number}" if number else "PL"


def _is_title_line(text: str) -> bool:
    """An appendix's title line: written in capitals ("DANH MỤC CÁC NHIỆM VỤ ..."); a Word file holds
    a title printed over three or four lines in one paragraph."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters) and len(text) < 400


def _continues(doc: Document, above: Line, line: Line, paragraph: _Growing) -> bool:
    if _RULE.match(line.text) or _RULE.match(paragraph.tail):
        return False  # a rule ('-----', '***') under a title stands alone, as does the line under it
    if line.opens is not None:  # the layout shows it (lines.py: blank lines, indented first lines)
        return not line.opens
    text = line.text.strip()
    first = text[0]
    previous = paragraph.tail
    if first.islower() and label_of(text) and (paragraph.brackets > 0 or not previous.endswith((".", ":"))):
        return True  # "...; phối hợp: Ban Dân tộc tỉnh; / thời gian: quý II/2023)." wrapped inside an item
    if re.match(rf"^[-–]\s+[{LOWER}0-9]", text) and not previous.endswith(_TERMINAL):
        return True  # "chính trị / - xã hội": a hyphenated phrase broken at its dash, not a bullet
    if _BARE_NUMBER.match(text) and _ran_to_margin(doc, above, previous):
        return True  # '... khoản 3 Điều 27; khoản / 6 Điều 30; ...': a figure wrapped, not an item numbered 6
    if starts_block(text):
        return False
    if line.bold != above.bold and not _wrapped_on(doc, above, line, previous):
        return False
    if first.islower() or first in ",;)]}" or (first.isdigit() and not previous.endswith(_TERMINAL)):
        return True
    if _HYPHEN_END.search(previous) or _OPEN_END.search(previous):
        return True
    if not doc.wrapped:
        return False
    length = len(above.text.strip())
    if not previous.endswith(_TERMINAL) and length >= 0.6 * doc.width:
        return True
    next_word = len(text.split(" ", 1)[0])
    if _LEAD_IN_END.search(previous):
        return False  # '... có ý kiến như sau:' closes a lead-in: what it announces is a paragraph of its own
    if previous.endswith(":"):
        # '... như:' / 'Hội nghị, tập huấn, ...': a colon at the margin, the next word too long to fit
        return length >= 0.95 * doc.width and length + 1 + next_word > doc.width
    # After a full stop the break is the wrapping's only if the next word would not have fitted.
    return length >= 0.9 * doc.width or (length >= 0.6 * doc.width and length + 1 + next_word > doc.width)


_RULE = re.compile(r"^\s*[-–—_*=.~]{3,}\s*$")  # a line drawn with dashes, stars or dots: no words
_LEAD_IN_END = re.compile(r"\b(?:như sau|sau đây|dưới đây)\s*:$")

# A line that stops where no sentence or heading ends: at a comma or at a word that joins ('5. Nhiệm vụ về
# phát triển KHCN,' / 'ĐMST, CĐS và ĐA06', '... phối hợp với' / 'Bộ Tài chính ...'): the next line goes on.
_OPEN_END = re.compile(r"(?:\w,|\s(?:và|với|của|cho|các|những|tại|theo|về|trong|để|hoặc|là))$")


# A figure with no mark after it opening a line ('6 Điều 30; ...'); an item's number has one ('6.').
_BARE_NUMBER = re.compile(r"^\d{1,3}\s+\S")


def _ran_to_margin(doc: Document, above: Line, previous: str) -> bool:
    """The line above ran to the margin of text wrapped at a fixed width without ending a sentence."""
    return doc.wrapped and not previous.endswith(_TERMINAL) and len(above.text.strip()) >= 0.9 * doc.width


def _wrapped_on(doc: Document, above: Line, line: Line, previous: str) -> bool:
    """In text printed at a fixed width (one Word paragraph per printed line), a bold heading's
    second line may have lost the bold: the break is the printing's when the line starts in lower
    case, or the line above ran to the margin without closing its sentence and the next word would
    not have fitted on it."""
    if not doc.wrapped:
        return False
    text = line.text.strip()
    if text[:1].islower() or (text[:1].isdigit() and not previous.endswith(_TERMINAL)):
        return True  # '... xây dựng' / '1.234 mô hình': a figure cut from its sentence
    length, next_word = len(above.text.strip()), len(text.split(" ", 1)[0])
    if previous.endswith(_TERMINAL) or length < 0.6 * doc.width:
        return False
    # a short line that closes nothing is the heading's tail: bold letters are wider, so the
    # heading broke before a word that would fit in plain ('... tại cơ quan' / 'Ban Dân vận Tỉnh ủy')
    if len(text) < 0.6 * doc.width and not text.endswith(_TERMINAL):
        return True
    # a heading's line that ends by hand leaves room for the next word ('9. Tổ chức ... pháp luật' /
    # 'Tham mưu, đề xuất ...' is a heading and the paragraph under it)
    return length + 1 + next_word > doc.width


def _collapse(text: str) -> str:
    return " ".join(text.split())
