"""Building Word files for the import tests with python-docx: a two-column header
table, real automatic numbering (roman, decimal, multi-level, dash and plus
bullets) and bold headings, as offices write plans in Word."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

# One multi-level list for I. / 1. / 1.1. and two bullet lists for "-" and "+".
_LISTS = {
    "outline": (10, [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3.")]),
    "dash": (11, [("bullet", "-")]),
    "plus": (12, [("bullet", "+")]),
}


def _add_lists(document: Document) -> None:
    numbering = document.part.numbering_part.element
    for number, levels in _LISTS.values():
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">{lvls}</w:abstractNum>')
        numbering.insert(0, abstract)
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}"><w:abstractNumId w:val="{number}"/></w:num>')
        )


def _number(paragraph, list_name: str, level: int) -> None:
    number, _ = _LISTS[list_name]
    props = paragraph._p.get_or_add_pPr()
    props.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{number}"/></w:numPr>'))


ROMAN = re.compile(r"^(?P<n>[IVX]+)\.\s+(?P<t>.*)$")
DECIMAL = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\.\s+(?P<t>.*)$")


def plan_to_docx(text: str, target: Path) -> Path:
    """A Word file with the content of a plan written one paragraph per line (as seed 001 is).

    The header block (the lines before "KẾ HOẠCH", columns separated by runs of spaces)
    becomes a two-column table; numbered lines and bullets become Word lists whose labels
    are not in the text; roman headings and the document kind are bold."""
    lines = [line.rstrip() for line in text.splitlines()]
    document = Document()
    _add_lists(document)
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("KẾ HOẠCH"))
    left, right = [], []
    for line in lines[:start]:
        columns = [c.strip() for c in re.split(r"\s{3,}", line.strip()) if c.strip()]
        for column in columns:
            (right if ("ĐẢNG CỘNG SẢN" in column or "ngày" in column) else left).append(column)
    table = document.add_table(rows=1, cols=2)
    for cell, texts in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = texts[0]
        for extra in texts[1:]:
            cell.add_paragraph(extra)
    for line in lines[start:]:
        stripped = line.strip()
        if not stripped:
            continue
        if match := ROMAN.match(stripped):
            paragraph = document.add_paragraph()
            paragraph.add_run(match["t"]).bold = True
            _number(paragraph, "outline", 0)
        elif match := DECIMAL.match(stripped):
            paragraph = document.add_paragraph(match["t"])
            _number(paragraph, "outline", match["n"].count(".") + 1)
        elif stripped.startswith("- ") and not stripped[2:].startswith(("Cơ quan", "Đơn vị", "Thời gian")):
            _number(document.add_paragraph(stripped[2:]), "dash", 0)
        elif stripped.startswith("+ ") and not stripped[2:].lstrip().startswith(("Cơ quan", "Đơn vị", "Thời gian")):
            _number(document.add_paragraph(stripped[2:]), "plus", 0)
        elif stripped.startswith("KẾ HOẠCH"):
            document.add_paragraph().add_run(stripped).bold = True
        else:
            document.add_paragraph(stripped)
    document.save(target)
    return target
