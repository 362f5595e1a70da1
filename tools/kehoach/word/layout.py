"""The layout of an office document in Word, shared by the report and the plan:
A4, Times New Roman, the margins and header blocks of Hướng dẫn 36-HD/VPTW
(party bodies: "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/BDVTU") or of Nghị định
30/2020/NĐ-CP (state bodies: the national motto, "Số: 12/KH-UBND"), the type
and title, the signer block and "Nơi nhận". Built with python-docx."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..atomic import replacing

FONT = "Times New Roman"  # TCVN 6909:2001 Unicode font both rules require
BODY_PT = 14
# Margins within the ranges both rules give (top, bottom 20-25 mm; left 30-35 mm; right 15-20 mm).
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
A4_MM = (210, 297)


@dataclass(frozen=True)
class Header:
    """What the header and the signature of a document say."""

    state: bool  # Nghị định 30/2020/NĐ-CP (state body) rather than Hướng dẫn 36-HD/VPTW (party body)
    superior: str | None  # the issuing body's superior, above it ("TỈNH ỦY BÌNH THUẬN"); None for none
    issuer: str  # the issuing body ("BAN DÂN VẬN")
    number: str  # "12-KH/BDVTU" or "617/KH-UBND"; blanks left for a draft
    place: str  # "Phan Thiết"
    date: dt.date | None  # None: left blank to be filled in when signed
    heading: str  # the type of document: "Kế hoạch", "Báo cáo tổng kết"
    title: str  # trích yếu
    year: int | None = None  # the year printed in a draft's blank date line
    signer_title: str | None = None  # "Trưởng ban", "K/T Trưởng ban - Phó Trưởng ban"
    signer: str | None = None
    recipients: Sequence[str] = field(default_factory=tuple)


def new_document() -> Any:
    """An empty A4 document with the body style of both rules."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # Word takes Vietnamese letters from this slot too
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.1
    return document


def _format(piece: Any, bold: bool, italic: bool, size: float | None, underline: bool) -> None:
    piece.bold, piece.italic = bold, italic
    piece.font.name = FONT
    piece._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if size:
        piece.font.size = Pt(size)
    if underline:
        piece.underline = True


_FORMATS: dict[tuple[bool, bool, float | None, bool], Any] = {}  # run properties (w:rPr) by format
_BREAKS = re.compile(r"[\t\r\n]")


def run(paragraph: Any, text: str, bold: bool = False, italic: bool = False, size: float | None = None, **kw: Any):
    """Add a run of ``text`` with its font set explicitly (Word otherwise falls back per script).

    A document has thousands of runs in a few formats: each format's properties are
    made once (as python-docx makes them for a run) and copied, and text without
    tabs or line breaks is put in one w:t, as python-docx puts it (the same XML,
    several times faster: writing a plan was mostly this)."""
    key = (bool(bold), bool(italic), size or None, bool(kw.get("underline")))
    properties = _FORMATS.get(key)
    if properties is None:
        model = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]
        _format(model, *key)
        properties = _FORMATS[key] = model._element.rPr
    if _BREAKS.search(text):
        piece = paragraph.add_run(text)
    else:
        piece = paragraph.add_run()
        if text:
            piece._element.add_t(text)
    piece._element.insert(0, copy.deepcopy(properties))
    return piece


def _cell_paragraph(cell: Any, first: bool) -> Any:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    return paragraph


def _no_borders(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def number_line(header: Header) -> str:
    """'Số 12-KH/BDVTU' (party, no colon) or 'Số: 617/KH-UBND' (state)."""
    return f"Số: {header.number}" if header.state else f"Số {header.number}"


def date_line(header: Header) -> str:
    """'Phan Thiết, ngày 08 tháng 02 năm 2021'; a draft's missing date is left to fill in."""
    if header.date is None:
        return f"{header.place}, ngày     tháng     năm {header.year or dt.date.today().year}"
    day, month = f"{header.date.day:02d}", f"{header.date.month:02d}"
    return f"{header.place}, ngày {day} tháng {month} năm {header.date.year}"


def masthead(document: Any, header: Header) -> None:
    """The two header blocks (issuing body and number left; party name or national motto
    and the place and date right), then the type and title, centred."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    widths = (Cm(7.0), Cm(9.5))
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = cell.width = width
    left, right = table.rows[0].cells
    first = True
    if header.superior:
        run(_cell_paragraph(left, first), header.superior.upper(), size=13 if not header.state else 12)
        first = False
    run(_cell_paragraph(left, first), header.issuer.upper(), bold=True, size=13 if not header.state else 12)
    run(_cell_paragraph(left, False), "*" if not header.state else "_______", size=13)
    run(_cell_paragraph(left, False), number_line(header), size=13)
    if header.state:
        run(_cell_paragraph(right, True), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
        run(_cell_paragraph(right, False), "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
        run(_cell_paragraph(right, False), "_______________________", size=13)
    else:
        run(_cell_paragraph(right, True), "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=15, underline=True)
    place = _cell_paragraph(right, False)
    place.paragraph_format.space_before = Pt(6)
    run(place, date_line(header), italic=True, size=14 if not header.state else 13)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(18)
    heading.paragraph_format.space_after = Pt(0)
    run(heading, header.heading.upper(), bold=True, size=16)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(0)
    run(title, header.title, bold=True, size=14)
    rule = document.add_paragraph()
    rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule.paragraph_format.space_after = Pt(12)
    run(rule, "-----", size=14)


def _justified(paragraph: Any, indent: bool) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1)


_BODY: dict[bool, Any] = {}  # a body paragraph's properties (w:pPr), with and without the indent


def body(document: Any, text: str, bold: bool = False, italic: bool = False, indent: bool = True) -> Any:
    """A justified body paragraph, first line indented 1 cm (its properties made once, as
    python-docx makes them, and copied: like ``run``)."""
    properties = _BODY.get(bool(indent))
    if properties is None:
        model = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
        _justified(model, bool(indent))
        properties = _BODY[bool(indent)] = model._p.pPr
    paragraph = document.add_paragraph()
    paragraph._p.insert(0, copy.deepcopy(properties))
    run(paragraph, text, bold=bold, italic=italic)
    return paragraph


def heading(document: Any, text: str) -> Any:
    """A numbered heading inside the body ('I. KẾT QUẢ...', '1. Kế hoạch số ...'): bold, indented."""
    return body(document, text, bold=True)


def table(document: Any, headers: Sequence[str], rows: Iterable[Sequence[str]], widths_cm: Sequence[float]) -> Any:
    """A bordered table in 12 pt, bold header row."""
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for cell, text, width in zip(grid.rows[0].cells, headers, widths_cm, strict=True):
        cell.width = Cm(width)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run(paragraph, text, bold=True, size=12)
    for values in rows:
        cells = grid.add_row().cells
        for cell, text, width in zip(cells, values, widths_cm, strict=True):
            cell.width = Cm(width)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            run(paragraph, text, size=12)
    document.add_paragraph()
    return grid


def closing(document: Any, header: Header) -> None:
    """'Nơi nhận:' and its list on the left, the signer block on the right."""
    grid = document.add_table(rows=1, cols=2)
    grid.autofit = False
    _no_borders(grid)
    grid.columns[0].width, grid.columns[1].width = Cm(7.5), Cm(8.5)
    left, right = grid.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(8.5)
    label = left.paragraphs[0]
    label.paragraph_format.space_after = Pt(0)
    run(label, "Nơi nhận:", bold=True, italic=not header.state, size=12, underline=not header.state)
    for line in header.recipients or ("- Lưu.",):
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        run(paragraph, line if line.startswith("-") else f"- {line}", size=11)
    title_lines = (header.signer_title or "").upper().split(" - ") if header.signer_title else []
    first = True
    for line in title_lines:
        run(_cell_paragraph(right, first), line.strip(), bold=True, size=14)
        first = False
    for _ in range(4):
        _cell_paragraph(right, first)
        first = False
    if header.signer:
        run(_cell_paragraph(right, False), header.signer, bold=True, size=14)


FOOTNOTE_PT = 11

# The two notes Word draws between the body and the footnotes (the line, and the line of a note
# continued on the next page); every document with footnotes has them.
_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


# What the schema puts after footnotePr in the settings part (CT_Settings).
_AFTER_FOOTNOTE_PR = frozenset(
    [
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)


def _footnotes_part(document: Any) -> Any:
    """The document's footnotes part, added (with Word's two separators) the first time."""
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
            return rel.target_part
    part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, parse_xml(_FOOTNOTES), main.package)
    main.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    settings = document.settings.element
    properties = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    later = next((child for child in settings if child.tag.split("}")[-1] in _AFTER_FOOTNOTE_PR), None)
    if later is not None:  # the schema's order: Word refuses a settings part out of it
        later.addprevious(properties)
    else:
        settings.append(properties)
    return part


def footnote(document: Any, paragraph: Any, text: str) -> None:
    """A footnote at the end of ``paragraph``: the superscript number in the text, ``text`` at
    the foot of the page, as Word writes one."""
    notes = _footnotes_part(document).element
    number = max(int(n.get(qn("w:id"))) for n in notes.findall(qn("w:footnote"))) + 1
    note = parse_xml(
        f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="both"/>'
        '</w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r></w:p></w:footnote>'
    )
    notes.append(note)
    words = note.find(qn("w:p")).add_r()
    words.text = f" {text}"
    fonts = words.get_or_add_rPr()
    fonts.get_or_add_rFonts().set(qn("w:ascii"), FONT)
    fonts.get_or_add_rFonts().set(qn("w:hAnsi"), FONT)
    fonts.get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(FOOTNOTE_PT * 2))
    fonts.append(size)
    mark = paragraph.add_run()._element
    mark_style = mark.get_or_add_rPr()
    superscript = OxmlElement("w:vertAlign")
    superscript.set(qn("w:val"), "superscript")
    mark_style.append(superscript)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    mark.append(reference)


def save(document: Any, path: Path) -> None:
    """Write the document through the atomic writer."""
    with replacing(path) as tmp:
        document.save(str(tmp))
