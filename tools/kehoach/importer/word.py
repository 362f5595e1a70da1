"""Stage 1 for Word files: a .docx becomes the same clean lines as exported text.

Word keeps what text export flattens: automatic numbering ("1.", "1.1.", "a)",
bullets) lives in the numbering part, not in the text, so each paragraph's label
is rendered from its list definition and counters; the header and signature
blocks are two-column tables, read row by row with the cells as columns;
footnotes live in their own part and are referenced from runs. A task table
(a header naming Nội dung, Chủ trì, Phối hợp, Thời gian...) is read by tables.py,
the reader the text path uses for its tables too.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import tables
from .source import PAGE_DEBRIS, Document, Line, SourceError, clean_letters, clean_markup, measure, table_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# Limits on unpacking a .docx, checked on the archive's directory before anything is inflated.
# A long plan's document.xml is a few MB; a "zip bomb" declares parts of gigabytes, or
# compresses a part more than any real text compresses.
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, unpacked
MAX_TOTAL_BYTES = 160 * 1024 * 1024  # every part together, unpacked
MAX_RATIO = 120  # unpacked / packed size of a part over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_PARTS = 5000


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
    from lxml import etree

    check_package(path, data)
    try:
        return _read_docx(path, data)
    except etree.XMLSyntaxError as err:
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
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError) as err:
        raise SourceError(
            f"không mở được '{path}' như một tệp Word .docx ({err}); tệp hỏng hoặc không phải .docx"
        ) from None
    notes: list[str] = []
    numbering = _Numbering(word)
    doc = Document(path, [], footnotes=_footnotes(word, notes), notes=notes)
    number = 0
    seen_heading = False
    page_start = False
    for kind, element in _blocks(word):
        if kind == "p":
            number += 1
            text, bold = _paragraph(element, word, numbering, notes)
            if not seen_heading and re.match(r"^\s*(?:KẾ\s*HOẠCH|CHƯƠNG\s*TRÌNH)\b", text):
                seen_heading = True
            if PAGE_DEBRIS.match(text):  # a page number kept as its own paragraph (PDF converted to Word)
                page_start = True
                continue
            for piece in text.split("\n") if not seen_heading else [text.replace("\n", " ")]:
                cleaned, markers = clean_markup(piece)
                doc.lines.append(Line(cleaned, number, bold=bold, markers=markers, page_start=page_start))
                page_start = False
        else:
            rows = _rows(element, word, numbering, notes)
            number += 1
            doc.lines.extend(_table_lines(rows, number))
    measure(doc)  # one paragraph per printed line: rejoined as the text path does
    return doc


def _blocks(word: Any) -> Iterator[tuple[str, Any]]:
    """Body paragraphs and tables in document order."""
    for child in word.element.body.iterchildren():
        if child.tag == f"{W}p":
            yield "p", child
        elif child.tag == f"{W}tbl":
            yield "tbl", child


def _paragraph(p: Any, word: Any, numbering: _Numbering, notes: list[str]) -> tuple[str, bool]:
    parts: list[str] = []
    bold_runs: list[bool] = []
    for run in p.iter(f"{W}r"):
        text = ""
        for node in run:
            if node.tag == f"{W}t":
                text += node.text or ""
            elif node.tag in (f"{W}tab", f"{W}ptab"):
                text += "     "
            elif node.tag in (f"{W}br", f"{W}cr"):
                text += "\n"
            elif node.tag == f"{W}footnoteReference":
                text += f"<sup>{node.get(f'{W}id')}</sup>"
        if text.strip():
            bold_runs.append(_is_bold(run))
        parts.append(text)
    text = clean_letters("".join(parts), notes)
    label = numbering.label(p, word)
    if label and text.strip():
        text = f"{label} {text.lstrip()}"
    style_bold = _style_bold(p, word)
    bold = bool(bold_runs) and all(b or style_bold for b in bold_runs)
    return text, bold


def _is_bold(run: Any) -> bool:
    props = run.find(f"{W}rPr")
    if props is None:
        return False
    b = props.find(f"{W}b")
    return b is not None and b.get(f"{W}val", "true") not in ("0", "false")


def _style_bold(p: Any, word: Any) -> bool:
    props = p.find(f"{W}pPr")
    style = props.find(f"{W}pStyle") if props is not None else None
    if style is None:
        return False
    try:
        found = word.styles.get_by_id(style.get(f"{W}val"), 1)  # 1 = paragraph style
    except (KeyError, ValueError):
        return False
    return bool(found is not None and found.font is not None and found.font.bold)


def _rows(table: Any, word: Any, numbering: _Numbering, notes: list[str]) -> list[list[list[str]]]:
    """Rows of cells of paragraphs; a cell merged across columns appears once."""
    rows = []
    for tr in table.iter(f"{W}tr"):
        cells = []
        for tc in tr.iterchildren(f"{W}tc"):
            paragraphs = []
            for p in tc.iter(f"{W}p"):
                text, _ = _paragraph(p, word, numbering, notes)
                paragraphs.extend(t for t in text.split("\n"))
            cells.append([t for t in paragraphs if t.strip()])
        rows.append(cells)
    return rows


def _table_lines(rows: list[list[list[str]]], number: int) -> list[Line]:
    """A task table as the lines tables.py gives (items with their label lines); any other table row
    by row, cells as columns."""
    table = tables.read(rows)
    if table is not None:
        return table_lines(table, [number] * len(rows))
    out = []
    for row in rows:
        depth = max((len(c) for c in row), default=0)
        for i in range(depth):
            cells = tuple(c[i] if i < len(c) else "" for c in row)
            text = "     ".join(c for c in cells)
            cleaned, markers = clean_markup(text)
            out.append(Line(cleaned, number, cells=tuple(clean_markup(c)[0] for c in cells), markers=markers))
    return out


def _footnotes(word: Any, notes: list[str]) -> dict[str, str]:
    from lxml import etree

    out: dict[str, str] = {}
    for rel in word.part.rels.values():
        if not rel.reltype.endswith("/footnotes"):
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        root = etree.fromstring(rel.target_part.blob, parser)
        for note in root.iter(f"{W}footnote"):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "".join(t.text or "" for t in note.iter(f"{W}t"))
            out[str(note.get(f"{W}id"))] = " ".join(clean_letters(text, notes).split())
    return out


# ---------------------------------------------------------------- automatic numbering

_BULLETS = {"-": "-", "–": "-", "+": "+", "*": "*", "•": "-", "": "-", "o": "+", "▪": "+", "§": "+", "Ø": "+"}


class _Numbering:
    """Renders the label Word shows before a numbered or bulleted paragraph."""

    def __init__(self, word: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId -> ilvl -> start, fmt, text
        self.nums: dict[str, str] = {}  # numId -> abstractNumId
        self.overrides: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            element = word.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in element.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                start = lvl.find(f"{W}start")
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = (
                    _int(start.get(f"{W}val"), 1) if start is not None else 1,
                    fmt.get(f"{W}val") if fmt is not None else "decimal",
                    text.get(f"{W}val") if text is not None else "",
                )
            self.levels[abstract.get(f"{W}abstractNumId")] = levels
        for num in element.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.nums[num.get(f"{W}numId")] = ref.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    self.overrides[(num.get(f"{W}numId"), _int(override.get(f"{W}ilvl"), 0))] = _int(
                        start.get(f"{W}val"), 1
                    )

    def label(self, p: Any, word: Any) -> str | None:
        num_id, ilvl = _num_pr(p, word)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        levels = self.levels.get(self.nums[num_id], {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num_id, [0] * 9)
        start, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return _BULLETS.get(text.strip(), "-")
        first = self.overrides.get((num_id, ilvl), start)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else first
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0

        def value(match: re.Match[str]) -> str:
            level = int(match[1]) - 1
            level_start, level_fmt, _ = levels.get(level, (1, "decimal", ""))
            return _format(counters[level] or level_start, level_fmt)

        return re.sub(r"%(\d)", value, text).strip() or None


def _num_pr(p: Any, word: Any) -> tuple[str | None, int]:
    props = p.find(f"{W}pPr")
    num_pr = props.find(f"{W}numPr") if props is not None else None
    if num_pr is None and props is not None and (style := props.find(f"{W}pStyle")) is not None:
        try:
            found = word.styles.get_by_id(style.get(f"{W}val"), 1)
        except (KeyError, ValueError):
            found = None
        style_props = found.element.find(f"{W}pPr") if found is not None else None
        num_pr = style_props.find(f"{W}numPr") if style_props is not None else None
    if num_pr is None:
        return None, 0
    num_id = num_pr.find(f"{W}numId")
    ilvl = num_pr.find(f"{W}ilvl")
    return (
        num_id.get(f"{W}val") if num_id is not None else None,
        min(max(_int(ilvl.get(f"{W}val"), 0), 0), 8) if ilvl is not None else 0,
    )


def _int(value: str | None, default: int) -> int:
    """An integer attribute of Word's XML; a damaged one reads as the default."""
    try:
        return int(value or "")
    except ValueError:
        return default


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _format(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 100:
        out, rest = "", value
        for amount, letters in _ROMAN:
            while rest >= amount:
                out += letters
                rest -= amount
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]  # Word counts in the Latin alphabet
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)
