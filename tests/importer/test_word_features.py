"""Each feature Word keeps apart from the text, on a small hand-built .docx: the lines the Word
reader hands on are the lines the page prints, as the text path reads them."""

from __future__ import annotations

import importlib.util
import zipfile
from html import escape
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from kehoach.check import load_repository
from kehoach.importer import document, source

from .conftest import registry_repo

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "fixtures" / "corpus"


def p(text: str, props: str = "", run: str = "") -> str:
    """A paragraph of one run."""
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:rPr>{run}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def num(num_id: int, level: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def abstract(number: int, levels: list[tuple[str, str]], extra: str = "") -> str:
    body = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{number}">{body}</w:abstractNum>'


def instance(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def _notes_part(word: Document, kind: str, notes: dict[int, str]) -> None:
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
        f"</w:p></w:{kind}>"
        for i, text in notes.items()
    )
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
    )
    xml = f"<w:{kind}s {NS}>{separators}{body}</w:{kind}s>"
    content = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
    part = Part(PackURI(f"/word/{kind}s.xml"), content, xml.encode("utf-8"), word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)


def build(
    path: Path,
    body: str,
    numbering: str = "",
    footnotes: dict[int, str] | None = None,
    endnotes: dict[int, str] | None = None,
) -> Path:
    """A .docx whose body is the given WordprocessingML (paragraphs and tables)."""
    word = Document()
    element = word.element.body
    for child in list(element):
        if not child.tag.endswith("sectPr"):
            element.remove(child)
    for child in parse_xml(f"<w:body {NS}>{body}</w:body>"):
        element.insert(len(element) - 1, child)
    if numbering:
        part = word.part.numbering_part.element
        for child in list(part):
            part.remove(child)
        for child in parse_xml(f"<w:numbering {NS}>{numbering}</w:numbering>"):
            part.append(child)
    if footnotes:
        _notes_part(word, "footnote", footnotes)
    if endnotes:
        _notes_part(word, "endnote", endnotes)
    word.save(path)
    return path


def lines(path: Path) -> list[str]:
    return [line.text for line in source.read(path).lines if line.text.strip()]


# ---------------------------------------------------------------- automatic numbering


def test_a_multi_level_list_prints_its_labels_and_restarts_a_lower_level(tmp_path: Path) -> None:
    numbering = abstract(1, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]) + instance(5, 1)
    body = (
        p("MỤC ĐÍCH", num(5, 0))
        + p("Tuyên truyền", num(5, 1))
        + p("Báo chí", num(5, 2))
        + p("Mạng xã hội", num(5, 2))
        + p("Kiểm tra", num(5, 1))
        + p("NHIỆM VỤ", num(5, 0))
        + p("Tổng kết", num(5, 1))
    )
    assert lines(build(tmp_path / "a.docx", body, numbering)) == [
        "I. MỤC ĐÍCH",
        "1. Tuyên truyền",
        "a) Báo chí",
        "b) Mạng xã hội",
        "2. Kiểm tra",
        "II. NHIỆM VỤ",
        "1. Tổng kết",
    ]


def test_list_instances_of_one_definition_continue_unless_one_restarts(tmp_path: Path) -> None:
    numbering = (
        abstract(1, [("decimal", "%1.")])
        + instance(5, 1)
        + instance(6, 1)
        + instance(7, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    )
    body = p("Một", num(5)) + p("Hai", num(6)) + p("Ba", num(6)) + p("Lại một", num(7)) + p("Lại hai", num(7))
    assert lines(build(tmp_path / "a.docx", body, numbering)) == [
        "1. Một",
        "2. Hai",
        "3. Ba",
        "1. Lại một",
        "2. Lại hai",
    ]


def test_a_level_that_never_restarts_and_legal_numbering(tmp_path: Path) -> None:
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3."/>'
        "</w:lvl>"
    )
    numbering = f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>' + instance(5, 1)
    body = p("A", num(5, 0)) + p("x", num(5, 1)) + p("B", num(5, 0)) + p("y", num(5, 1)) + p("z", num(5, 2))
    assert lines(build(tmp_path / "a.docx", body, numbering)) == ["I. A", "1. x", "II. B", "2. y", "2.2.1. z"]


def test_bullets_styles_and_formats(tmp_path: Path) -> None:
    numbering = (
        abstract(1, [("bullet", "-")])
        + abstract(2, [("bullet", "\uf0a7")])
        + abstract(3, [("decimalZero", "%1.")])
        + abstract(4, [("lowerLetter", "%1)")])
        + instance(5, 1)
        + instance(6, 2)
        + instance(7, 3)
        + instance(8, 4, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="27"/></w:lvlOverride>')
    )
    body = (
        p("gạch đầu dòng", num(5))
        + p("dấu cộng", num(6))
        + p("số có số không", num(7))
        + p("chữ thứ hai mươi bảy", num(8))
        + p("không đánh số", num(0))
    )
    assert lines(build(tmp_path / "a.docx", body, numbering)) == [
        "- gạch đầu dòng",
        "+ dấu cộng",
        "01. số có số không",
        "aa) chữ thứ hai mươi bảy",
        "không đánh số",
    ]


def test_numbering_given_by_the_paragraph_style(tmp_path: Path) -> None:
    body = p("MỤC ĐÍCH", '<w:pStyle w:val="Muc"/>') + p("NHIỆM VỤ", '<w:pStyle w:val="Muc"/>') + p("Tổ chức")
    built = build(tmp_path / "a.docx", body, abstract(1, [("upperRoman", "%1.")]) + instance(5, 1))
    word = Document(built)
    word.styles.element.append(
        parse_xml(
            f'<w:style {NS} w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        )
    )
    word.save(built)
    assert lines(built) == ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "Tổ chức"]


# ---------------------------------------------------------------- footnotes and endnotes


def test_footnotes_and_endnotes_are_read_from_their_parts(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Thực hiện Nghị quyết Trung ương</w:t></w:r>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="7"/></w:r>'
        '<w:r><w:t xml:space="preserve"> và Chỉ thị</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
    )
    built = build(
        tmp_path / "a.docx",
        body,
        footnotes={7: "Nghị quyết số 25-NQ/TW ngày 03/6/2008."},
        endnotes={2: "Chỉ thị số 05-CT/TW ngày 15/5/2016."},
    )
    doc = source.read(built)
    line = next(line for line in doc.lines if line.text.strip())
    assert line.text == "Thực hiện Nghị quyết Trung ương và Chỉ thị"
    assert line.markers == ("1", "e1")
    assert doc.footnotes == {"1": "Nghị quyết số 25-NQ/TW ngày 03/6/2008.", "e1": "Chỉ thị số 05-CT/TW ngày 15/5/2016."}


def test_a_superscript_run_is_a_note_mark_as_sup_is_in_text(tmp_path: Path) -> None:
    sup = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    body = (
        f"<w:p><w:r><w:t>Thực hiện Kết luận</w:t></w:r><w:r>{sup}<w:t>2</w:t></w:r>"
        f'<w:r><w:t xml:space="preserve"> trên 200 m</w:t></w:r><w:r>{sup}<w:t>2</w:t></w:r></w:p>'
        # the foot of a page converted from a PDF: the note's own mark, then its text
        f'<w:p><w:r>{sup}<w:t>2</w:t></w:r><w:r><w:t xml:space="preserve"> Kết luận số 01-KL/TW</w:t></w:r></w:p>'
        + p("ngày 18/5/2021 của Bộ Chính trị.")  # its wrapped line, in lower case
    )
    doc = source.read(build(tmp_path / "a.docx", body))
    texts = [line.text for line in doc.lines if line.text.strip()]
    assert texts == ["Thực hiện Kết luận trên 200 m2"]
    assert doc.lines[0].markers == ("2",)
    assert doc.footnotes == {"2": "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị."}


# ---------------------------------------------------------------- what the page prints, and not


def test_tracked_changes_hidden_text_and_fields(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Tổ chức </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>hội thảo</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>hội nghị</w:t></w:r></w:ins>'
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t> (cũ)</w:t></w:r></w:moveFrom>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> ghi chú ẩn</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> sơ kết</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:hyperlink r:id="rId99"><w:r><w:t xml:space="preserve"> trực tuyến</w:t></w:r></w:hyperlink>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve"> năm 2026</w:t></w:r></w:fldSimple></w:p>'
        # a paragraph mark deleted: the two paragraphs are one on the page
        '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="a"/></w:rPr></w:pPr><w:r><w:t>Phối hợp với </w:t></w:r></w:p>'
        + p("Công an tỉnh.")
    )
    assert lines(build(tmp_path / "a.docx", body)) == [
        "Tổ chức hội nghị sơ kết trực tuyến năm 2026",
        "Phối hợp với Công an tỉnh.",
    ]


def test_content_controls_and_text_boxes_are_read_in_place_once(tmp_path: Path) -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p></w:txbxContent>"
    body = (
        "<w:sdt><w:sdtPr/><w:sdtContent>" + p("TỈNH ỦY BÌNH THUẬN") + "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>BAN DÂN VẬN</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
        "<w:p><w:sdt><w:sdtContent><w:r><w:t>Số 31-KH/BDVTU</w:t></w:r></w:sdtContent></w:sdt></w:p>"
    )
    assert lines(build(tmp_path / "a.docx", body)) == [
        "TỈNH ỦY BÌNH THUẬN",
        "BAN DÂN VẬN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 31-KH/BDVTU",
    ]


def test_runs_split_mid_word_heading_styles_capitals_breaks_and_page_numbers(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TỈNH</w:t></w:r><w:r><w:br/></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>ỦY</w:t></w:r></w:p>"
        + p("kế hoạch", run="<w:caps/>")
        + "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>I. NHI</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ỆM VỤ</w:t></w:r></w:p>"
        + p("II. TỔ CHỨC THỰC HIỆN", '<w:pStyle w:val="Heading1"/>')
        + "<w:p><w:r><w:t>Tổ chức hội nghị</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>sơ kết.</w:t></w:r>"
        '<w:r><w:br w:type="page"/></w:r></w:p>'
        + p("- 2 -")
        + "<w:p><w:r><w:t>Chủ trì:</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Ban Dân vận</w:t></w:r></w:p>"
    )
    doc = source.read(build(tmp_path / "a.docx", body))
    shown = [(line.text, line.bold) for line in doc.lines if line.text.strip()]
    assert shown == [
        ("TỈNH", True),  # before the kind heading a soft break ends a header line
        ("ỦY", True),
        ("KẾ HOẠCH", False),
        ("I. NHIỆM VỤ", True),
        ("II. TỔ CHỨC THỰC HIỆN", True),
        ("Tổ chức hội nghị sơ kết.", False),  # after it, a soft break is a space
        ("Chủ trì:     Ban Dân vận", False),
    ]
    assert doc.lines[-1].page_start  # the page number paragraph is left out; the next line opens a page


# ---------------------------------------------------------------- tables


def _row(*cells: str) -> str:
    out = "<w:tr>"
    for cell in cells:
        props, _, text = cell.rpartition("|")
        out += f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"
    return out + "</w:tr>"


HEADER = _row("STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")


def _plan(table: str, between: str = "") -> str:
    return (
        p("TỈNH ỦY BÌNH THUẬN")
        + p("BAN DÂN VẬN")
        + p("Số 31-KH/BDVTU")
        + p("Bình Thuận, ngày 15 tháng 4 năm 2023")
        + p("KẾ HOẠCH", run="<w:b/>")
        + p("thực hiện công tác dân vận năm 2023")
        + p("I. NHIỆM VỤ CỤ THỂ", run="<w:b/>")
        + table
        + between
        + p("II. TỔ CHỨC THỰC HIỆN", run="<w:b/>")
        + p("1. Các phòng thuộc Ban chủ động triển khai thực hiện.")
    )


def _tasks(path: Path, tmp_path: Path) -> list[tuple[str, list[str], list[str] | None, str | None]]:
    index, _ = load_repository(registry_repo(tmp_path / "kho"))
    outcome = document.build(source.read(path), index)
    return [
        (t.data["text"], t.data["lead"], t.data.get("coordinating"), t.data.get("timeframe")) for t in outcome.tasks
    ]


def test_merged_cells_a_continued_table_and_a_repeated_header(tmp_path: Path) -> None:
    first = (
        "<w:tbl>"
        + HEADER
        + _row("1", '<w:gridSpan w:val="4"/>|Công tác dân vận chính quyền')
        + _row("1.1", "Tổng kết Chương trình phối hợp", '<w:vMerge w:val="restart"/>|Lãnh đạo Ban', "", "Quý II/2023")
        + "</w:tbl>"
    )
    second = (
        "<w:tbl>"
        + HEADER  # written again on the next page
        + _row("1.2", "Kiểm tra quy chế dân chủ ở cơ sở", "<w:vMerge/>|", "Công an tỉnh", "Tháng 9/2023")
        + "</w:tbl>"
    )
    body = _plan(first + p("2") + second)
    assert _tasks(build(tmp_path / "a.docx", body), tmp_path) == [
        ("Tổng kết Chương trình phối hợp", ["binh-thuan-ban-dan-van-lanh-dao-ban"], None, "Quý II/2023"),
        # the lead merged down the rows is this row's too, on the next page
        (
            "Kiểm tra quy chế dân chủ ở cơ sở",
            ["binh-thuan-ban-dan-van-lanh-dao-ban"],
            ["binh-thuan-cong-an-tinh"],
            "Tháng 9/2023",
        ),
    ]


def test_a_task_table_set_in_a_frame_and_a_table_inside_a_cell(tmp_path: Path) -> None:
    """A task table drawn inside a one-column frame table is read as the table itself; a small table
    inside a cell (the coordinating bodies listed one a row) is that cell's text."""
    listed = "<w:tbl>" + _row("Công an tỉnh") + _row("Sở Tư pháp") + "</w:tbl><w:p/>"
    task = (
        "<w:tbl>"
        + HEADER
        + _row("1", "Tổng kết Chương trình phối hợp", "Lãnh đạo Ban", "", "Quý II/2023")
        + _row("2", "Kiểm tra quy chế dân chủ ở cơ sở", "Lãnh đạo Ban", "\x00", "Tháng 9/2023").replace(
            f"<w:tc><w:tcPr></w:tcPr>{p(chr(0))}</w:tc>", f"<w:tc>{listed}</w:tc>"
        )
        + "</w:tbl>"
    )
    framed = f"<w:tbl><w:tr><w:tc>{task}<w:p/></w:tc></w:tr></w:tbl>"
    expected = [
        ("Tổng kết Chương trình phối hợp", ["binh-thuan-ban-dan-van-lanh-dao-ban"], None, "Quý II/2023"),
        (
            "Kiểm tra quy chế dân chủ ở cơ sở",
            ["binh-thuan-ban-dan-van-lanh-dao-ban"],
            ["binh-thuan-cong-an-tinh", "binh-thuan-so-tu-phap"],
            "Tháng 9/2023",
        ),
    ]
    for name, body in (("bang", task), ("khung", framed)):
        (tmp_path / name).mkdir()
        assert _tasks(build(tmp_path / f"{name}.docx", _plan(body)), tmp_path / name) == expected


# ---------------------------------------------------------------- footnotes kept in the body


def test_a_footnote_wrapped_onto_a_capital_and_one_ended_by_its_page(tmp_path: Path) -> None:
    """The foot of a page as text, or a Word file converted from a PDF, writes it: both paths."""
    lines = [
        "Căn cứ Kết luận số 01-KL/TW<sup>1</sup> và Nghị quyết<sup>2</sup>, Ban xây dựng kế hoạch như sau:",
        "<sup>1</sup> Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị của",
        "Ban Bí thư số 05-CT/TW.",
        "<sup>2</sup> Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI về tăng cường",
        "- 2 -",
        "Ban Dân vận chủ trì thực hiện.",
    ]
    text = tmp_path / "a.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    body = "".join(p(escape(line)) for line in lines)  # the marks typed as text, as converters leave them
    for path in (text, build(tmp_path / "a.docx", body)):
        doc = source.read(path)
        assert doc.footnotes == {
            "1": "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị của "
            "Ban Bí thư số 05-CT/TW.",
            "2": "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI về tăng cường",
        }
        assert [line.text for line in doc.lines if line.text.strip()][-1] == "Ban Dân vận chủ trì thực hiện."


# ---------------------------------------------------------------- damaged parts


def test_damaged_notes_circular_styles_and_lists_still_import(tmp_path: Path) -> None:
    numbering = (
        abstract(1, [("decimal", "%1.")])
        + '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Vong"/></w:abstractNum>'
        + instance(5, 1)
        + instance(6, 2)
    )
    body = '<w:p><w:r><w:t>Thực hiện Nghị quyết</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>' + p(
        "Tổ chức hội nghị.", '<w:pStyle w:val="Vong"/>' + num(6)
    )
    built = build(tmp_path / "a.docx", body, numbering, footnotes={1: "Nghị quyết số 25-NQ/TW."})
    word = Document(built)
    for style_id, based in (("Vong", "Tron"), ("Tron", "Vong")):  # styles based on each other
        word.styles.element.append(
            parse_xml(
                f'<w:style {NS} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
                f'<w:basedOn w:val="{based}"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>'
            )
        )
    word.save(built)
    damaged = tmp_path / "b.docx"
    with zipfile.ZipFile(built) as old, zipfile.ZipFile(damaged, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, data[: len(data) // 2] if info.filename == "word/footnotes.xml" else data)
    doc = source.read(damaged)
    assert [line.text for line in doc.lines if line.text.strip()] == ["Thực hiện Nghị quyết", "Tổ chức hội nghị."]
    assert doc.footnotes == {}
    assert any("footnotes" in note and "bị hỏng" in note for note in doc.notes)


# ---------------------------------------------------------------- the generated Word form


def _maker():
    spec = importlib.util.spec_from_file_location("make_docx", CORPUS / "make_docx.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


PLAN = """TỈNH ỦY BÌNH THUẬN
BAN DÂN VẬN
Số 31-KH/BDVTU
Bình Thuận, ngày 15 tháng 4 năm 2023

KẾ HOẠCH
thực hiện công tác dân vận năm 2023

Căn cứ Kết luận số 01-KL/TW<sup>1</sup> của Bộ Chính trị, Ban Dân vận xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao chất lượng công tác dân vận.

II. NHIỆM VỤ

1. Tuyên truyền Nghị quyết<sup>2</sup> trong cán bộ, đảng viên.
- Chủ trì: Phòng Tuyên truyền.
- Thời gian: Quý II/2023.

2. Kiểm tra việc thực hiện quy chế dân chủ.
a) Kiểm tra ở cấp huyện.
b) Kiểm tra ở cấp xã.
- Chủ trì: Phòng Dân vận các cơ quan nhà nước.
- Thời gian: Tháng 9/2023.

| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
| 1 | Công tác dân vận chính quyền | | | |
| 1.1 | Tổng kết Chương trình phối hợp năm 2022 | Lãnh đạo Ban | Công an tỉnh | Quý II/2023 |

III. TỔ CHỨC THỰC HIỆN

1. Các phòng thuộc Ban chủ động triển khai thực hiện.

<sup>1</sup> Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị
số 05-CT/TW.
<sup>2</sup> Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng.
"""


# Text taken from a PDF with its layout (pdftotext -layout): each paragraph's first line indented, the
# lines wrapped from it at the margin, one of them opening with a document number ('1050/QĐ-SCT ...');
# a page number cutting an item; numbered headings ('1. Công tác kiểm tra') over numbered items, some
# closing no sentence ('1.2. Kiểm tra thực địa tại các mỏ đá'); the recipients and the signature
# side by side.
LAID_OUT = """ỦY BAN NHÂN DÂN                           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  TỈNH LÀO CAI                                    Độc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND                                  Lào Cai, ngày 10 tháng 3 năm 2026

                                   KẾ HOẠCH
               Kiểm tra công tác an toàn vật liệu nổ công nghiệp năm 2026

      Căn cứ Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Sở Công Thương, Ủy ban
nhân dân tỉnh ban hành Kế hoạch như sau:
      I. MỤC ĐÍCH, YÊU CẦU
      1. Đánh giá việc chấp hành quy định của pháp luật về vật liệu nổ công nghiệp.
      2. Kịp thời phát hiện, xử lý vi phạm.
      II. NỘI DUNG
      1. Công tác kiểm tra
      1.1. Kiểm tra hồ sơ, tài liệu theo khoản 1 Điều 2 Quyết định số
1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương; Giấy phép sử dụng vật
liệu nổ công nghiệp, giấy phép dịch vụ nổ mìn; Phương án nổ mìn, hộ chiếu nổ
                                         2

mìn, sổ xuất nhập vật liệu nổ công nghiệp.
      - Chủ trì: Sở Công Thương.
      - Thời gian: Quý II/2026.
      1.2. Kiểm tra thực địa tại các mỏ đá
      - Chủ trì: Sở Nông nghiệp và Môi trường.
      - Thời gian: Quý III/2026.
      1.3. Tổng hợp kết quả kiểm tra
      - Chủ trì: Sở Công Thương.
      - Thời gian: Tháng 11/2026.
      2. Công tác tuyên truyền
      2.1. Tuyên truyền các quy định về vật liệu nổ công nghiệp đến doanh nghiệp.
      - Chủ trì: Sở Văn hóa, Thể thao và Du lịch.
      - Thời gian: Cả năm 2026.
      III. TỔ CHỨC THỰC HIỆN
      Sở Công Thương theo dõi, đôn đốc việc thực hiện Kế hoạch này.
Nơi nhận:                                         TM. ỦY BAN NHÂN DÂN
- Bộ Công Thương (b/c);                                 KT. CHỦ TỊCH
- Các sở, ngành liên quan (để phối hợp thực              PHÓ CHỦ TỊCH
hiện);
- Lưu: VT.
                                                     Nguyễn Văn An
"""


# Text taken from a PDF whose page ends inside a paragraph ('... ngày bắt đầu khai'), the page's note
# under it (a plain number), the paragraph's rest on the next page; the note names the issuer of a
# document it cites, which must not run on into the paragraph's rest.
FOOT = """ỦY BAN NHÂN DÂN                           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  TỈNH LÀO CAI                                    Độc lập - Tự do - Hạnh phúc
Số: 21/KH-UBND                                  Lào Cai, ngày 12 tháng 5 năm 2026

                                   KẾ HOẠCH
               Quản lý hoạt động khai thác khoáng sản năm 2026

      Căn cứ Quyết định số 1050/QĐ-UBND ngày 06/3/2026 của Ủy ban nhân dân tỉnh, Ủy ban
nhân dân tỉnh ban hành Kế hoạch như sau:
      I. MỤC ĐÍCH, YÊU CẦU
      1. Bảo đảm hoạt động khai thác đúng quy định của pháp luật.
      2. Kịp thời phát hiện, xử lý vi phạm.
      II. NHIỆM VỤ
      1. Rà soát các mỏ được cấp phép khai thác
      - Sở Nông nghiệp và Môi trường rà soát hồ sơ cấp phép, việc đăng ký ngày bắt đầu khai
1 Hồ sơ đăng ký được quy định tại Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025 của Bộ Tài chính
                                         2

thác của các tổ chức với cơ quan quản lý nhà nước có thẩm quyền theo quy định1.
      - Thời gian: Quý II/2026.
      2. Kiểm tra thực địa tại các mỏ
      - Chủ trì: Công an tỉnh.
      - Thời gian: Quý III/2026.
      III. TỔ CHỨC THỰC HIỆN
      Sở Nông nghiệp và Môi trường theo dõi, đôn đốc việc thực hiện Kế hoạch này.
Nơi nhận:                                         TM. ỦY BAN NHÂN DÂN
- Bộ Nông nghiệp và Môi trường (b/c);                   KT. CHỦ TỊCH
- Lưu: VT.                                               PHÓ CHỦ TỊCH

                                                     Nguyễn Văn An
"""


def _records(path: Path, index: object) -> tuple[list[tuple[object, ...]], list[object], list[object]]:
    outcome = document.build(source.read(path), index)  # type: ignore[arg-type]
    fields = ("section", "number", "text", "lead", "coordinating", "timeframe")
    tasks = [tuple(t.data.get(name) for name in fields) for t in outcome.tasks]
    plans = [(d.data.get("signer_title"), d.data.get("closing"), d.data.get("sections")) for d in outcome.drafts]
    return tasks, sorted(str(d.data.get("number")) for d in outcome.directives), plans


@pytest.mark.parametrize("form", ["word", "paragraphs", "lines"])
@pytest.mark.parametrize(
    ("plan", "layout", "tasks"), [(PLAN, "docx-paragraphs", 4), (LAID_OUT, "txt", 5), (FOOT, "txt", 3)]
)
def test_each_generated_word_form_gives_the_records_its_text_gives(
    tmp_path: Path, form: str, plan: str, layout: str, tasks: int
) -> None:
    text = tmp_path / "ke-hoach.txt"
    text.write_text(plan, encoding="utf-8")
    word = tmp_path / f"ke-hoach.{form}.docx"
    getattr(_maker(), f"write_{form}")(plan, layout, word)
    index, _ = load_repository(registry_repo(tmp_path / "kho"))
    expected = _records(text, index)
    assert len(expected[0]) == tasks and expected[1]
    assert _records(word, index) == expected
    if plan is FOOT:  # the paragraph whole, the note's issuer alone
        assert expected[0][0][2].endswith(
            "ngày bắt đầu khai thác của các tổ chức với cơ quan quản lý nhà nước có thẩm quyền theo quy định1."
        )


def test_the_generated_forms_bold_headings_not_numbered_items() -> None:
    """Offices number headings and items alike and bold only the headings: a series whose members
    each head text of their own and close no sentence (save a slip) is of headings; a series of
    items, some of which close no sentence, stays plain."""
    maker = _maker()
    out = [
        ("para", "II. NHIỆM VỤ"),
        ("para", "1. Hội nghị hiệp thương lần thứ nhất."),
        ("para", "Thời gian: tháng 10."),
        ("para", "2. Hội nghị hiệp thương lần thứ hai"),
        ("para", "2.1. Người ứng cử phát biểu."),
        ("para", "2.2. Hội nghị cử Tổ kiểm phiếu từ 05 đến 15 thành viên"),
        ("para", "2.3. Hội nghị biểu quyết bằng hình thức giơ tay"),
        ("para", "Trường hợp biểu quyết giơ tay thì Tổ kiểm phiếu đếm."),
        ("para", "3. Quy định về thành phần cử tri tham dự hội nghị"),
        ("para", "Căn cứ Nghị quyết số 101/2025/UBTVQH15."),
    ]
    assert maker.headings(out) == {0, 1, 3, 8}


def test_the_word_form_uses_word_features(tmp_path: Path) -> None:
    """The generated form holds its labels in lists and its notes in the footnotes part, not in the text."""
    target = tmp_path / "k.docx"
    _maker().write_word(PLAN, "docx-paragraphs", target)
    word = Document(target)
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert "MỤC ĐÍCH, YÊU CẦU" in texts and "Kiểm tra ở cấp huyện." in texts  # labels are not in the text
    assert not any("<sup>" in t for t in texts)
    assert any(rel.reltype == RT.FOOTNOTES for rel in word.part.rels.values())
    assert any(len(paragraph.runs) > 3 for paragraph in word.paragraphs)  # runs split mid-word


def test_a_table_laid_out_with_spaces_keeps_its_doubts_in_the_form_converted_from_pdf(tmp_path: Path) -> None:
    """A task table laid out with spaces (text taken from a PDF) stays its printed lines in the form
    converted from PDF to Word: its cells are cut as the text's are, and each cut that had to be
    guessed carries the same note to check."""
    plan = (CORPUS / "dev" / "lao-cai-2026-104-ctr-tu" / "source.txt").read_text(encoding="utf-8")
    text = tmp_path / "ctr.txt"
    text.write_text(plan, encoding="utf-8")
    word = tmp_path / "ctr.lines.docx"
    _maker().write_lines(plan, "txt", word)
    index, _ = load_repository(registry_repo(tmp_path / "kho"))

    def guessed(path: Path) -> list[tuple[str, str, list[str]]]:
        outcome = document.build(source.read(path), index)
        return [
            (task.data["text"], key, notes)
            for task in outcome.tasks
            for key, notes in sorted(task.doubts.items())
            if any("theo phỏng đoán" in note for note in notes)
        ]

    expected = guessed(text)
    assert len(expected) >= 5
    assert guessed(word) == expected


def test_a_title_in_capitals_under_a_chapter_s_label_opens_its_own_paragraph_in_printed_lines(
    tmp_path: Path,
) -> None:
    """A decision's 'Chương II' over its title in capitals: the text parts them with a blank line, a
    Word file of printed lines (a PDF converted) sets the label in and the title at the margin, with
    no blank line; both give the label and the title as two paragraphs, as the text does."""
    body = (
        "Sở Dân tộc và Tôn giáo chủ trì, phối hợp với các sở, ban, ngành, Ủy ban nhân dân các xã, phường tổ "
        "chức thực hiện các nội dung phối hợp trong công tác dân tộc, tôn giáo trên địa bàn tỉnh theo quy định "
        "của pháp luật."
    )
    parts = ["Chương I", "NHỮNG QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", f"1. {body}", f"2. {body}"]
    parts += ["Điều 2. Đối tượng áp dụng", f"1. {body}", f"2. {body}", "Chương II", "NỘI DUNG PHỐI HỢP"]
    parts += ["Điều 3. Nội dung phối hợp chung", f"1. {body}", f"2. {body}", "Chương III", "TỔ CHỨC THỰC HIỆN"]
    parts += ["Điều 4. Trách nhiệm thi hành", f"1. {body}", f"2. {body}"]
    for ending in ("theo quy định của pháp luật.", "."):  # lines wrapped at the page's width, and fewer
        paragraph = body.replace(" theo quy định của pháp luật.", f" {ending}".replace(" .", "."))
        text = "\n\n".join(parts).replace(body, paragraph) + "\n"
        (tmp_path / "quy-che.txt").write_text(text, encoding="utf-8")
        _maker().write_lines(text, "txt", tmp_path / "quy-che.docx")
        read = {}
        for suffix in ("txt", "docx"):
            doc = source.read(tmp_path / f"quy-che.{suffix}")
            read[suffix] = [p.text for p in source.paragraphs(doc, doc.lines)]
        assert read["docx"] == read["txt"]
        assert read["txt"][5:7] == ["Điều 2. Đối tượng áp dụng", f"1. {paragraph}"]
        assert read["txt"].index("NỘI DUNG PHỐI HỢP") == read["txt"].index("Chương II") + 1
