"""Stage 1 for Word files: a .docx becomes the same clean lines as exported text.

Word keeps what text export flattens, and each such feature is rendered as the printed page
shows it, then handed, paragraph by paragraph, to the reader of text lines (lines.py):

- automatic numbering ("I.", "1.", "1.1.", "a)", bullets) lives in the numbering part, not in
  the text: each paragraph's label is rendered from its list definition and the list's
  counters (shared by every list instance of one definition, restarted by an override or by a
  higher level, legal numbering, numbering given by the paragraph's style);
- footnotes and endnotes live in their own parts, referenced from runs; a superscript run
  after a word is a footnote mark as ``<sup>1</sup>`` is in text;
- tables: the header and signature blocks are two-column tables, read row by row with the
  cells as columns; a task table (a header naming Nội dung, Chủ trì, Phối hợp, Thời gian...)
  is read by tables.py, the reader the text path uses for its tables too, after cells merged
  across columns are laid back on the grid, cells merged down the rows are given to each row,
  a table continued over a page joined to its start and its header rows written again on
  each page dropped;
- what the page does not print is left out: deleted and moved-away text of tracked changes,
  hidden text, field codes, headers and footers, a page number kept as its own paragraph;
- what the page prints elsewhere is read in place: text boxes, content controls, hyperlinks,
  runs split mid-word, soft line breaks and tabs, capitals set by the format, headings set
  by a heading style instead of bold.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import tables
from .lines import (
    PAGE_DEBRIS,
    Document,
    Line,
    LineReader,
    SourceError,
    clean_letters,
    clean_markup,
    join_cut_labels,
    measure,
)
from .lines import _wrapped_width as wrapped_width

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


# Limits on unpacking a .docx, checked on the archive's directory before anything is inflated.
# A long plan's document.xml is a few MB; a "zip bomb" declares parts of gigabytes, or
# compresses a part more than any real text compresses.
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, unpacked
MAX_TOTAL_BYTES = 160 * 1024 * 1024  # every part together, unpacked
MAX_RATIO = 120  # unpacked / packed size of a part over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_PARTS = 5000
_DEPTH = 256  # levels of XML elements the parser reads (libxml2's limit without its "huge" option)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def check_package(path: Path, data: bytes) -> None:
    """Refuse a .docx that is not a zip, would unpack to more than the limits, or whose XML
    declares a DOCTYPE or entities ("billion laughs"): Word never writes either."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as err:
        raise SourceError(
            f"'{path}' không phải tệp Word .docx hợp lệ: không đọc được như tệp nén zip ({err}); "
            "tệp hỏng, bị cắt cụt, hoặc là tệp khác đổi đuôi thành .docx"
        ) from None
    if len(infos) > MAX_PARTS:
        raise SourceError(f"'{path}': tệp .docx có {len(infos)} phần (tối đa {MAX_PARTS}); không mở")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise SourceError(
                f"'{path}': phần '{info.filename}' giải nén ra {_mb(info.file_size)} từ {_mb(info.compress_size)} "
                f"(tỉ lệ {ratio:.0f}:1); tệp có dấu hiệu 'bom nén' (zip bomb), không mở"
            )
        if total > MAX_TOTAL_BYTES:
            raise SourceError(
                f"'{path}': tệp .docx giải nén ra hơn {_mb(MAX_TOTAL_BYTES)}; "
                "tệp có dấu hiệu 'bom nén' (zip bomb), không mở"
            )
    for info in infos:
        if not info.filename.lower().endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as handle:
                content = handle.read(info.file_size + 1)  # never more than the declared size
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
            raise SourceError(f"'{path}': phần '{info.filename}' của tệp .docx bị hỏng ({err}); không mở") from None
        flat = content.replace(b"\x00", b"").lower()  # UTF-16 XML too
        if b"<!doctype" in flat or b"<!entity" in flat:
            raise SourceError(
                f"'{path}': phần '{info.filename}' khai báo DOCTYPE/ENTITY (có thể là tấn công 'billion laughs'); "
                "tệp Word thật không có khai báo này, không mở"
            )


def read_docx(path: Path, data: bytes) -> Document:
    """The lines of a Word file; every way a file can be damaged is a SourceError naming it."""
    from lxml import etree  # type: ignore[import-untyped]

    check_package(path, data)
    try:
        return _read_docx(path, data)
    except etree.XMLSyntaxError as err:
        if "depth" in str(err).lower():
            # the parser stops at 256 levels of elements, in bounded time and memory; Word's own
            # files never nest so deep (a table inside a table inside ... some eighty times)
            raise SourceError(
                f"'{path}': nội dung của tệp .docx lồng nhau quá sâu (bảng trong bảng, hơn {_DEPTH} tầng phần tử); "
                "tệp Word thật không lồng sâu như vậy, không mở"
            ) from None
        raise SourceError(
            f"'{path}': nội dung XML của tệp .docx hỏng hoặc bị cắt cụt ({err}); hãy mở bằng Word và lưu lại"
        ) from None
    except (zipfile.BadZipFile, EOFError) as err:
        raise SourceError(f"'{path}': tệp .docx bị hỏng ({err}); hãy mở bằng Word và lưu lại") from None


def _read_docx(path: Path, data: bytes) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
    except KeyError as err:
        missing = re.search(r"named '([^']+)'", str(err))
        if missing is None:
            raise SourceError(
                f"không mở được '{path}' như một tệp Word .docx; tệp hỏng hoặc không phải .docx"
            ) from None
        raise SourceError(
            f"'{path}': tệp .docx thiếu phần '{missing[1]}'"
            f"{' (nội dung chính của văn bản)' if missing[1].endswith('document.xml') else ''}; "
            "tệp hỏng hoặc không phải tệp Word, hãy mở bằng Word và lưu lại"
        ) from None
    except (PackageNotFoundError, ValueError, TypeError, AttributeError) as err:
        raise SourceError(
            f"không mở được '{path}' như một tệp Word .docx ({err}); tệp hỏng hoặc không phải .docx"
        ) from None
    doc = Document(path, [])
    context = _Context(word, doc)
    context.cells, context.runs = _cell_numbers(word.element.body)
    for block in _merged_tables(_blocks(word.element.body), context):
        if isinstance(block, list):
            context.number += 1
            doc.lines.extend(_table_lines(block, context.number))
        else:
            _take_paragraph(block, context)
    doc.lines = join_cut_labels(doc.lines)
    measure(doc)  # one paragraph per printed line: rejoined as the text path does
    if not doc.wrapped and context.in_runs:
        # the printed lines measured without the cells of tables written one a paragraph, which are
        # not printed at the page's width and may be most of the lines (an appendix of figures)
        width = wrapped_width([line for line in doc.lines if line.number not in context.in_runs])
        if width:
            doc.wrapped, doc.width = True, width
    if doc.wrapped:
        _after_whole_paragraphs(doc, context)
    _titles_under_labels(doc)
    for line in doc.lines:
        if line.number in context.in_runs:
            line.opens = None  # a cell's place in the layout says nothing of where a paragraph begins
        elif not doc.wrapped and line.opens is None and _OWN_FIGURE.match(line.text):
            # a paragraph of a file of real paragraphs that opens with a figure ('100% điểm đến du lịch
            # ...' under '- Du lịch và dịch vụ') is a paragraph: only a printed line has a figure
            # wrapped to its start
            line.opens = True
    return doc


_WHOLE = 1.15  # a paragraph this much longer than the printed lines' width is no printed line
_ENDS = (".", ";", ":", "!", "?")


def _after_whole_paragraphs(doc: Document, context: _Context) -> None:
    """In a file whose paragraphs read as printed lines (most are short, as the one-paragraph cells
    of a table or the lines of a page kept as paragraphs are), a paragraph longer than any printed
    line is a whole paragraph, not a line that ran to the margin: when it ends a sentence, the
    paragraph after it begins a new one ('... thông qua các minh chứng phù hợp.' / 'Tổng số điểm
    tối đa ...' in one Word paragraph each), as the short last line of that paragraph shows in text."""
    above: Line | None = None
    for line in doc.lines:
        if not line.text.strip():
            continue
        if line.table is not None or line.cells is not None or line.number in context.in_runs:
            above = None
            continue
        if (
            above is not None
            and line.opens is None
            and above.number != line.number  # not the lines of one paragraph parted by soft breaks
            and len(above.text.strip()) > _WHOLE * doc.width
            and above.text.rstrip().endswith(_ENDS)
        ):
            line.opens = True
        above = line


def _titles_under_labels(doc: Document) -> None:
    """In a file of printed lines, a title in capitals under a short line that is not in capitals ('Chương III' /
    'TRÌNH TỰ, THỦ TỤC ...', 'Phụ lục 2' / 'DANH MỤC ...') opens a paragraph: the short line ran to
    no margin, and text sets the two apart with a blank line a conversion to Word does not keep."""
    above: Line | None = None
    # the printed lines' width; lines set in or not (a file whose width is not measured) decide alone
    short = _SHORT * doc.width if doc.wrapped else _CELL_LIKE
    for line in doc.lines:
        text = line.text.strip()
        if not text:
            continue
        if (
            above is not None
            and (line.opens is False or (doc.wrapped and line.opens is None))
            and line.table is None
            and line.cells is None
            and _capitals(text)
            and not _capitals(above.text)
            and len(above.text.strip()) < short
            and not above.text.rstrip().endswith(_ENDS)
        ):
            line.opens = True
        above = line if line.table is None and line.cells is None else None


_SHORT = 0.6  # a line shorter than this share of the printed lines' width ran to no margin


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


_OWN_FIGURE = re.compile(r"^\s*\d[\d.,%]*\s+\S*[^\W\d_]")  # a figure, then words: not a number alone (a cell)


# ---------------------------------------------------------------- context


@dataclass
class _Context:
    """What reading one Word file keeps: its styles, lists, notes, and the line reader."""

    word: Any
    doc: Document
    styles: _Styles = field(init=False)
    numbering: _Numbering = field(init=False)
    notes: _Notes = field(init=False)
    reader: LineReader = field(init=False)
    number: int = 0  # the paragraph or table being read, for messages
    seen_heading: bool = False  # the document's kind heading ("KẾ HOẠCH") was read
    carried: str = ""  # a paragraph whose mark a tracked change deleted: joined to the next one
    # paragraphs holding a table cell's number (_cell_numbers), by id; the elements are kept so that
    # lxml hands the same element objects back when the body is read
    cells: dict[int, Any] = field(default_factory=dict)
    runs: dict[int, Any] = field(default_factory=dict)  # every paragraph of such a run of cells
    in_runs: set[int] = field(default_factory=set)  # the numbers of the lines those paragraphs gave
    after_cell: bool = False  # the paragraph read last was a number alone that is a cell

    def __post_init__(self) -> None:
        self.styles = _Styles(self.word)
        self.numbering = _Numbering(self.word, self.styles)
        self.notes = _Notes(self.word, self.doc)
        self.reader = LineReader(self.doc)


# The document's kind heading: before it, a soft line break separates the header block's lines;
# after it, a soft break inside a paragraph is only where a line was ended by hand.
_KIND_HEADING = re.compile(r"^\s*(?:KẾ\s*HOẠCH|CHƯƠNG\s*TRÌNH|BÁO\s*CÁO|QUYẾT\s*ĐỊNH|ĐỀ\s*ÁN|HƯỚNG\s*DẪN)\b")


def _take_paragraph(p: Any, context: _Context) -> None:
    context.number += 1
    rendered = _paragraph(p, context)
    if rendered.page_break_before:
        context.reader.page_start = True
    text = rendered.text
    if rendered.mark_deleted:
        context.carried += text
        return
    if context.carried:
        text, context.carried = context.carried + text, ""
    if not context.seen_heading and _KIND_HEADING.match(text):
        context.seen_heading = True
    pieces = text.split("\n") if not context.seen_heading else [text.replace("\n", " ")]
    pieces[0] = " " * _indent(p) + pieces[0]
    markers = rendered.markers
    if id(p) in context.runs or context.after_cell:
        # a cell's place says nothing of where a paragraph begins; nor does that of the cell after a
        # row's number ('606959' / '2' / 'Cửa sông lạch Sung: ...', the next row's first cells)
        context.in_runs.add(context.number)
    context.after_cell = id(p) in context.cells
    if context.after_cell:
        context.reader.after_bar = True  # a number alone that is a cell, as after a lone '|' in text
        context.in_runs.add(context.number)
    for piece in pieces:
        context.reader.take(piece, context.number, bold=rendered.bold, markers=markers, cells=False)
        markers = ()
    if rendered.page_break_after:
        context.reader.page_start = True
    for box in rendered.boxes:  # text boxes anchored in the paragraph, after it
        _take_paragraph(box, context)


def _indent(p: Any) -> int:
    """How far the paragraph's first line is set in from the margin, in spaces as text laid out
    from a PDF writes it: the paragraph's own indentation (left, plus the first line's, less a
    hanging one), about one space a character of 6 points. A file of one Word paragraph per
    printed line (a PDF converted to Word) shows by it where each paragraph begins, as the
    indented first lines of text taken from a PDF do."""
    ind = p.find(f"{W}pPr/{W}ind")
    if ind is None:
        return 0
    twips = 0
    for name, sign in (("left", 1), ("start", 1), ("firstLine", 1), ("hanging", -1)):
        value = ind.get(f"{W}{name}")
        if value is not None and (name != "start" or ind.get(f"{W}left") is None):
            twips += sign * _int(value, 0)
    return max(twips, 0) // _TWIPS_PER_SPACE


_TWIPS_PER_SPACE = 120


# ---------------------------------------------------------------- blocks


def _blocks(parent: Any) -> Iterator[Any]:
    """Body paragraphs and tables in document order, inside content controls and custom XML too; a
    table that only frames others (one cell a row, a table inside) gives its cells' blocks, read as
    the body's: a task table set in a frame is a task table."""
    for child in parent.iterchildren():
        if child.tag == f"{W}tbl" and _frames_tables(child):
            for tc in (tc for tr in _tagged(child, f"{W}tr") for tc in _tagged(tr, f"{W}tc")):
                yield from _blocks(tc)
        elif child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{W}ins", f"{W}moveTo"):
            yield from _blocks(child)


def _frames_tables(table: Any) -> bool:
    """A table of one column whose cells hold a table: a frame (a border drawn round the page's
    tables), not a table of its own."""
    cells = [list(_tagged(tr, f"{W}tc")) for tr in _tagged(table, f"{W}tr")]
    if not cells or any(len(row) != 1 for row in cells):
        return False
    return any(tc.find(f".//{W}tbl") is not None for row in cells for tc in row)


def _merged_tables(blocks: Iterator[Any], context: _Context) -> Iterator[Any]:
    """Paragraphs as they are; tables as their rows. A table continued on the next page (the
    next table after nothing but empty or page-number paragraphs, with as many columns) is
    joined to it, its header rows written again dropped."""
    rows: list[list[list[str]]] = []
    waiting: list[Any] = []  # empty paragraphs between two tables
    for block in blocks:
        if block.tag == f"{W}tbl":
            more = _rows(block, context)
            if rows and more and waiting and _width(more) != _width(rows):
                yield _drop_repeated_headers(rows)
                yield from waiting
                rows = []
            waiting = []
            rows += more
            continue
        if rows and _blank(block):
            waiting.append(block)
            continue
        if rows:
            yield _drop_repeated_headers(rows)
            yield from waiting
            rows, waiting = [], []
        yield block
    if rows:
        yield _drop_repeated_headers(rows)
        yield from waiting


def _plain(p: Any) -> str:
    """The paragraph's text as typed, spaces and all (a line of a table laid out with spaces is
    long however few its words)."""
    return "".join(t.text or "" for t in p.iter(f"{W}t")).rstrip()


_CELL_LIKE = 40  # a paragraph no longer than this: maybe a table's cell written one a paragraph
_CELL_RUN = 5  # that many short paragraphs in a row, two of them words: a table's cells


def _cell_numbers(body: Any) -> tuple[dict[int, Any], dict[int, Any]]:
    """The paragraphs holding only a number inside a run of short paragraphs, and all those runs'
    paragraphs: a table's cells
    written one a paragraph ('CÂY CÔNG NGHIỆP' / '1' / 'Cà Phê' / '-' / 'Diện tích' / 'Ha' /
    '26.120'), whose numbers are cells, as a number after a lone '|' is in text, not page
    numbers; a page number a conversion from PDF leaves stands among printed lines of a page's
    width. In a file whose paragraphs are not printed lines every number alone is a cell, save a
    page's number a conversion left among a table's printed lines. By id, the elements kept so that
    lxml hands the same objects back later."""
    written = [(block, text) for block in _blocks(body) if block.tag == f"{W}p" and (text := _plain(block)).strip()]
    found: dict[int, Any] = {}
    runs: dict[int, Any] = {}
    if not wrapped_width([Line(text, 0) for _, text in written]):
        # paragraphs that are not a page's printed lines: Word prints page numbers in the footer, and a
        # number alone in a paragraph of the body is a table's cell written one a paragraph, wherever
        # it stands (after a cell of a long sentence: '... để nhận chi trả trợ cấp' / '20' / 'Cách thức
        # ghi nhận ...'), as a number after a lone '|' is in text; save a page's number a conversion
        # left among printed lines it kept: one set in with spaces as the page centres it, or one
        # that cuts a sentence in two ('... để tổng' / '2' / 'hợp, báo cáo ...')
        for at, (block, text) in enumerate(written):
            above = written[at - 1][1].rstrip() if at else ""
            below = written[at + 1][1].lstrip() if at + 1 < len(written) else ""
            cut = bool(above) and not above.endswith(_CLOSED) and below[:1].islower()
            if _ROW_NUMBER.fullmatch(text) and not cut:
                found[id(block)] = block
    k = 0
    while k < len(written):
        end = k
        while end < len(written) and len(written[end][1]) <= _CELL_LIKE:
            end += 1
        run = written[k:end]
        words = sum(not PAGE_DEBRIS.match(text) for _, text in run)
        if len(run) >= _CELL_RUN and words >= 2:
            found.update((id(block), block) for block, text in run if _ROW_NUMBER.fullmatch(text.strip()))
            runs.update((id(block), block) for block, _ in run)
        k = max(end, k + 1)
    for k, (block, text) in enumerate(written):
        # a number beside a figure of its row ('606959' / '2' / 'Cửa sông lạch Sung: ...')
        near = (written[j][1] for j in (k - 1, k + 1) if 0 <= j < len(written))
        if _ROW_NUMBER.fullmatch(text.strip()) and any(
            _FIGURE.fullmatch(side.strip()) and not PAGE_DEBRIS.match(side) for side in near
        ):
            found[id(block)] = block
    return found, runs


_FIGURE = re.compile(r"^[\d.,%]+$")
_CLOSED = (".", ":", ";", "!", "?", ")")
_ROW_NUMBER = re.compile(r"\d{1,3}")  # a row's number as a cell holds it; '- 2 -', 'Trang 2' are a page's


def _blank(p: Any) -> bool:
    text = "".join(t.text or "" for t in p.iter(f"{W}t"))
    return not text.strip() or bool(PAGE_DEBRIS.match(text))


def _width(rows: list[list[list[str]]]) -> int:
    return max((len(row) for row in rows), default=0)


def _fold_row(row: list[list[str]]) -> tuple[str, ...]:
    return tuple(" ".join(" ".join(cell).split()).lower() for cell in row)


def _drop_repeated_headers(rows: list[list[list[str]]]) -> list[list[list[str]]]:
    """A task table's header rows written again further down (on every page) are dropped; a cell
    merged down the rows is given, in the columns that say who and when, to every row it covers."""
    found = tables.column_roles(rows)
    if found is None:
        return [[[] if cell == _MERGED else cell for cell in row] for row in rows]
    roles, used = found
    headers = {_fold_row(row) for row in rows[:used]}
    kept = rows[:used] + [row for row in rows[used:] if _fold_row(row) not in headers]
    for r, row in enumerate(kept):
        for c, cell in enumerate(row):
            if cell != _MERGED:
                continue
            above = kept[r - 1] if r > used else []
            shared = c < len(roles) and roles[c] in _SHARED_ROLES and c < len(above)
            row[c] = list(above[c]) if shared else []
    return kept


# ---------------------------------------------------------------- paragraphs


@dataclass
class _Rendered:
    text: str
    bold: bool
    markers: tuple[str, ...] = ()
    boxes: list[Any] = field(default_factory=list)  # paragraphs of text boxes anchored here
    page_break_before: bool = False
    page_break_after: bool = False
    mark_deleted: bool = False  # the paragraph mark is a tracked deletion: the text runs on


_SKIPPED = (f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{MC}Fallback")


def _runs(p: Any) -> Iterator[Any]:
    """The runs the page prints as this paragraph's own text: not deleted or moved away by a
    tracked change, not in a text box (read as its own paragraphs), not a fallback copy."""
    for run in p.iter(f"{W}r"):
        parent = run.getparent()
        while parent is not None and parent is not p and parent.tag not in _SKIPPED:
            parent = parent.getparent()
        if parent is p:
            yield run


def _boxes(p: Any) -> list[Any]:
    """The paragraphs of the text boxes anchored in a paragraph (once: not their fallback copy)."""
    out: list[Any] = []
    for box in p.iter(f"{W}txbxContent"):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in _SKIPPED:
            parent = parent.getparent()
        if parent is p:
            out.extend(child for child in _blocks(box) if child.tag == f"{W}p")
    return out


def _paragraph(p: Any, context: _Context) -> _Rendered:
    parts: list[str] = []
    bold_runs: list[bool] = []
    markers: list[str] = []
    style = context.styles.paragraph_style(p)
    out = _Rendered("", False, boxes=_boxes(p))
    for run in _runs(p):
        props = context.styles.run(run, style)
        if props.hidden:
            continue
        text = _run_text(run, context, markers, out)
        if props.caps:
            text = text.upper()
        if props.superscript and text.strip():
            text = f"<sup>{text.strip()}</sup>"
        if text.strip():
            bold_runs.append(props.bold)
        parts.append(text)
    text = clean_letters("".join(parts), context.doc.notes)
    label = context.numbering.label(p, style)
    if label and text.strip():
        text = f"{label} {text.lstrip()}"
    heading = context.styles.is_heading(p, style)
    out.text = text
    out.bold = bool(bold_runs) and (heading or all(bold_runs))
    out.markers = tuple(markers)
    _paragraph_marks(p, out)
    return out


def _paragraph_marks(p: Any, out: _Rendered) -> None:
    props = p.find(f"{W}pPr")
    if props is None:
        return
    before = props.find(f"{W}pageBreakBefore")
    out.page_break_before = out.page_break_before or (
        before is not None and before.get(f"{W}val", "true") not in ("0", "false")
    )
    out.page_break_after = props.find(f"{W}sectPr") is not None  # a section break: the next page
    mark = props.find(f"{W}rPr")
    out.mark_deleted = mark is not None and mark.find(f"{W}del") is not None


_SPECIAL = {f"{W}noBreakHyphen": "-", f"{W}softHyphen": "", f"{W}cr": "\n"}


def _run_text(run: Any, context: _Context, markers: list[str], out: _Rendered) -> str:
    """What a run prints: text, tabs as a column gap, soft breaks, note marks kept aside."""
    text = ""
    for node in run:
        tag = node.tag
        if tag == f"{W}t":
            text += node.text or ""
        elif tag in (f"{W}tab", f"{W}ptab"):
            text += "     "
        elif tag == f"{W}br":
            if node.get(f"{W}type") == "page":
                out.page_break_after = True  # the lines after it open a page
            else:
                text += "\n"
        elif tag in _SPECIAL:
            text += _SPECIAL[tag]
        elif tag == f"{W}sym":
            text += _symbol(node.get(f"{W}char"))
        elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            markers.append(context.notes.mark(tag == f"{W}endnoteReference", node.get(f"{W}id")))
    return text


def _symbol(code: str | None) -> str:
    """A symbol typed from a symbol font: bullets and dashes as the text shows them."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if value >= 0xF000:
        value -= 0xF000  # the private-use range symbol fonts map to
    char = chr(value) if 0x20 <= value < 0xD800 else ""
    return _BULLETS.get(char, char) if not char.isalnum() else char


# ---------------------------------------------------------------- styles and run formats


@dataclass
class _RunProps:
    bold: bool = False
    caps: bool = False
    hidden: bool = False
    superscript: bool = False


def _on(props: Any, name: str) -> bool | None:
    """A toggle property of a w:rPr: True, False, or None when not set."""
    if props is None:
        return None
    node = props.find(f"{W}{name}")
    if node is None:
        return None
    return node.get(f"{W}val", "true") not in ("0", "false", "off")


class _Styles:
    """The styles part, each property resolved through the chain of styles a style is based on."""

    def __init__(self, word: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        self.toggles: dict[tuple[str, str], bool | None] = {}
        self.headings: dict[str | None, bool] = {}  # per style: worked out once, not per paragraph
        self.aligns: dict[str | None, Any] = {}  # a character style's vertical alignment
        try:
            element = word.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for style in element.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id:
                self.by_id[style_id] = style
                if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                    self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None

    def paragraph_style(self, p: Any) -> str | None:
        props = p.find(f"{W}pPr")
        style = props.find(f"{W}pStyle") if props is not None else None
        return style.get(f"{W}val") if style is not None else self.default_paragraph

    def toggle(self, style_id: str | None, name: str) -> bool | None:
        key = (style_id or "", name)
        if key not in self.toggles:
            found = (_on(style.find(f"{W}rPr"), name) for style in self.chain(style_id))
            self.toggles[key] = next((value for value in found if value is not None), None)
        return self.toggles[key]

    def run(self, run: Any, paragraph_style: str | None) -> _RunProps:
        props = run.find(f"{W}rPr")
        char = props.find(f"{W}rStyle") if props is not None else None
        char_style = char.get(f"{W}val") if char is not None else None
        out = _RunProps()
        for name in ("bold", "caps", "hidden"):
            tag = {"bold": "b", "caps": "caps", "hidden": "vanish"}[name]
            for value in (_on(props, tag), self.toggle(char_style, tag), self.toggle(paragraph_style, tag)):
                if value is not None:
                    setattr(out, name, value)
                    break
        align = props.find(f"{W}vertAlign") if props is not None else None
        if align is None:
            if char_style not in self.aligns:
                self.aligns[char_style] = next((s.find(f"{W}rPr/{W}vertAlign") for s in self.chain(char_style)), None)
            align = self.aligns[char_style]
        out.superscript = align is not None and align.get(f"{W}val") == "superscript"
        return out

    def is_heading(self, p: Any, style_id: str | None) -> bool:
        """A heading by its style ("Heading 1", "Title") or its outline level, not by bold."""
        props = p.find(f"{W}pPr")
        level = props.find(f"{W}outlineLvl") if props is not None else None
        if level is not None:
            return level.get(f"{W}val") not in ("9", None)
        if style_id not in self.headings:
            self.headings[style_id] = self._style_heading(style_id)
        return self.headings[style_id]

    def _style_heading(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            name = style.find(f"{W}name")
            text = (name.get(f"{W}val") if name is not None else "") or ""
            if re.match(r"^(?:heading \d|title|tiêu đề)", text.strip().lower()):
                return True
            level = style.find(f"{W}pPr/{W}outlineLvl")
            if level is not None:
                return level.get(f"{W}val") != "9"
        return False

    def num_pr(self, style_id: str | None) -> Any:
        for style in self.chain(style_id):
            found = style.find(f"{W}pPr/{W}numPr")
            if found is not None:
                return found
        return None


# ---------------------------------------------------------------- footnotes and endnotes


class _Notes:
    """Footnotes and endnotes, keyed by the mark the page prints: footnotes numbered 1, 2, 3...
    in the order they are referenced, endnotes apart ("e1", "e2"...)."""

    def __init__(self, word: Any, doc: Document) -> None:
        self.texts: dict[tuple[bool, str], str] = {}
        self.marks: dict[tuple[bool, str], str] = {}
        self.footnotes = doc.footnotes
        for rel in word.part.rels.values():
            for endnote, kind in ((False, "footnote"), (True, "endnote")):
                if rel.is_external or not rel.reltype.endswith(f"/{kind}s"):
                    continue
                root = _parse(rel.target_part.blob)
                if root is None:
                    doc.notes.append(f"phần {kind}s của tệp Word bị hỏng; đã bỏ qua các chú thích trong đó")
                    continue
                for note in root.iter(f"{W}{kind}"):
                    if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p")]
                    text = " ".join(" ".join(paragraphs).split())
                    self.texts[(endnote, str(note.get(f"{W}id")))] = clean_letters(text, doc.notes)
        self.counts = [0, 0]

    def mark(self, endnote: bool, note_id: str | None) -> str:
        key = (endnote, str(note_id))
        if key not in self.marks:
            self.counts[endnote] += 1
            mark = f"e{self.counts[1]}" if endnote else str(self.counts[0])
            self.marks[key] = mark
            if key in self.texts:
                self.footnotes[mark] = self.texts[key]
        return self.marks[key]


def _parse(blob: bytes) -> Any:
    """A notes part, or None when it is damaged: the body is read without its notes."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError:
        return None


# ---------------------------------------------------------------- tables


_WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml")


def _tagged(node: Any, tag: str) -> Iterator[Any]:
    """The children of ``node`` named ``tag`` (a table's rows, a row's cells), also those inside
    content controls and custom XML wrapped around them."""
    for child in node.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _tagged(child, tag)


def _grid_int(node: Any, path: str) -> int:
    found = node.find(path)
    return max(_int(found.get(f"{W}val"), 1), 1) if found is not None else 0


def _rows(table: Any, context: _Context) -> list[list[list[str]]]:
    """Rows of cells of paragraphs, laid on the table's grid: a cell merged across columns fills
    its first column and leaves the others empty; a cell that continues the one above (merged
    down the rows) is marked, for _drop_repeated_headers."""
    rows: list[list[list[str]]] = []
    for tr in _tagged(table, f"{W}tr"):
        cells: list[list[str]] = [[] for _ in range(_grid_int(tr, f"{W}trPr/{W}gridBefore"))]
        for tc in _tagged(tr, f"{W}tc"):
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val") in (None, "continue"):
                cells.append(_MERGED)
            else:
                cells.append(_cell_text(tc, context))
            cells += [[] for _ in range(_grid_int(tc, f"{W}tcPr/{W}gridSpan") - 1)]
        rows.append(cells)
    return rows


def _cell_text(tc: Any, context: _Context) -> list[str]:
    """The paragraphs of a cell; its note marks written as text writes them, for the table's lines."""
    paragraphs: list[str] = []
    for p in tc.iter(f"{W}p"):
        rendered = _paragraph(p, context)
        marks = "".join(f"<sup>{m}</sup>" for m in rendered.markers)
        paragraphs.extend((rendered.text + marks).split("\n"))
    return [t for t in paragraphs if t.strip()]


_SHARED_ROLES = ("lead", "coordinating", "advising", "timeframe", "output", "person")
_MERGED = ["\x00"]  # a cell merged with the one above it


def _table_lines(rows: list[list[list[str]]], number: int) -> list[Line]:
    """A task table as the lines tables.py gives (items with their label lines); any other table row
    by row, cells as columns; a table of figures's marked as such (no task to a plan: lines.figure_lines)."""
    from .lines import figure_lines, table_lines

    table = tables.read(rows)
    if table is not None:
        return figure_lines(table_lines(table, [number] * len(rows)), rows)
    out = []
    for row in rows:
        depth = max((len(c) for c in row), default=0)
        for i in range(depth):
            cells = tuple(c[i] if i < len(c) else "" for c in row)
            text = "     ".join(c for c in cells)
            cleaned, markers = clean_markup(text)
            out.append(Line(cleaned, number, cells=tuple(clean_markup(c)[0] for c in cells), markers=markers))
    return figure_lines(out, rows)


# ---------------------------------------------------------------- automatic numbering

_BULLETS = {
    "-": "-",
    "–": "–",
    "—": "—",
    "+": "+",
    "*": "*",
    "•": "-",
    "·": "-",
    "\uf0b7": "-",
    "\uf02d": "-",
    "o": "+",
    "▪": "+",
    "§": "+",
    "Ø": "+",
    "\uf0a7": "+",
    "\uf0d8": "+",
    "\uf0fc": "+",
}


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: the 1-based level whose use restarts this one; 0 never
    legal: bool = False  # isLgl: every level it shows written as a decimal number
    style: str | None = None  # the paragraph style this level is given to


class _Numbering:
    """Renders the label Word shows before a numbered or bulleted paragraph.

    Word counts per list definition (abstractNum): list instances (num) of one definition
    continue each other, unless an instance overrides a level's start, which restarts it once."""

    def __init__(self, word: Any, styles: _Styles) -> None:
        self.styles = styles
        self.levels: dict[str, dict[int, _Level]] = {}  # abstractNumId -> ilvl -> level
        self.nums: dict[str, str] = {}  # numId -> abstractNumId
        self.overrides: dict[tuple[str, int], int] = {}
        self.restarted: set[str] = set()  # list instances that override a start: counted apart
        self.counters: dict[str, list[int]] = {}
        self.started: set[tuple[str, int]] = set()  # overrides already applied
        self.links: dict[str, str] = {}  # abstractNumId -> numbering style it takes its levels from
        try:
            element = word.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in element.iter(f"{W}abstractNum"):
            self._abstract(abstract)
        for num in element.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.nums[num.get(f"{W}numId")] = ref.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    level = _int(override.get(f"{W}ilvl"), 0)
                    self.overrides[(num.get(f"{W}numId"), level)] = _int(start.get(f"{W}val"), 1)
                    self.restarted.add(num.get(f"{W}numId"))

    def _abstract(self, abstract: Any) -> None:
        levels = {}
        for lvl in abstract.iter(f"{W}lvl"):
            level = _Level()
            for tag, attr in (("start", "start"), ("numFmt", "fmt"), ("lvlText", "text"), ("pStyle", "style")):
                node = lvl.find(f"{W}{tag}")
                if node is not None and node.get(f"{W}val") is not None:
                    value = node.get(f"{W}val")
                    setattr(level, attr, _int(value, 1) if attr == "start" else value)
            restart = lvl.find(f"{W}lvlRestart")
            level.restart = _int(restart.get(f"{W}val"), 0) if restart is not None else None
            level.legal = _on(lvl, "isLgl") is True
            levels[_int(lvl.get(f"{W}ilvl"), 0)] = level
        abstract_id = abstract.get(f"{W}abstractNumId")
        self.levels[abstract_id] = levels
        link = abstract.find(f"{W}numStyleLink")
        if link is not None:
            self.links[abstract_id] = link.get(f"{W}val")

    def _definition(self, num_id: str) -> tuple[str, dict[int, _Level]] | None:
        abstract = self.nums.get(num_id)
        if abstract in self.links:  # levels defined by a numbering style's own list
            linked = self.styles.num_pr(self.links[abstract])
            linked_num = _attr(linked, "numId") if linked is not None else None
            if linked_num and self.nums.get(linked_num) not in (None, abstract):
                abstract = self.nums[linked_num]
        if abstract is None or abstract not in self.levels:
            return None
        return abstract, self.levels[abstract]

    def label(self, p: Any, style: str | None) -> str | None:
        num_id, ilvl = self._num_pr(p, style)
        if num_id is None or num_id == "0":
            return None
        found = self._definition(num_id)
        if found is None or ilvl not in found[1]:
            return None
        abstract, levels = found
        level = levels[ilvl]
        if level.fmt == "bullet":
            return _BULLETS.get(level.text.strip(), "-")
        key = num_id if num_id in self.restarted else abstract
        counters = self.counters.setdefault(key, [0] * 9)
        if (num_id, ilvl) in self.overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = self.overrides[(num_id, ilvl)]
        else:
            counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else level.start
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart and ilvl < restart):
                counters[deeper] = 0
        if level.fmt == "none":
            return re.sub(r"%\d", "", level.text).strip() or None

        def value(match: re.Match[str]) -> str:
            shown = int(match[1]) - 1
            other = levels.get(shown, _Level())
            fmt = "decimal" if level.legal and shown != ilvl else other.fmt
            return _format(counters[shown] or other.start, fmt)

        return re.sub(r"%(\d)", value, level.text).strip() or None

    def _num_pr(self, p: Any, style: str | None) -> tuple[str | None, int]:
        props = p.find(f"{W}pPr")
        own = props.find(f"{W}numPr") if props is not None else None
        inherited = self.styles.num_pr(style)
        num_id = _attr(own, "numId") or _attr(inherited, "numId")
        ilvl = _attr(own, "ilvl") or _attr(inherited, "ilvl")
        if num_id is None:
            return None, 0
        if ilvl is None and style:  # a level given to the paragraph's style by the list definition
            found = self._definition(num_id)
            ilvl = next((str(i) for i, level in (found[1].items() if found else ()) if level.style == style), None)
        return num_id, min(max(_int(ilvl, 0), 0), 8)


def _attr(node: Any, child: str) -> str | None:
    if node is None:
        return None
    found = node.find(f"{W}{child}")
    return found.get(f"{W}val") if found is not None else None


def _int(value: str | None, default: int) -> int:
    """An integer attribute of Word's XML; a damaged one reads as the default."""
    try:
        return int(value or "")
    except ValueError:
        return default


_ROMAN: tuple[tuple[int, str], ...] = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
_ROMAN += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _format(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        out, rest = "", value
        for amount, letters in _ROMAN:
            while rest >= amount:
                out += letters
                rest -= amount
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        # Word counts in the Latin alphabet, then doubles the letter: a..z, aa..zz
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
