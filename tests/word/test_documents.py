"""The report and the plan as Word documents: read back with python-docx (what
a clerk would see in Word), and rendered by LibreOffice to PDF (A4 pages, the
header blocks on page 1, the number of pages)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from kehoach import cli
from kehoach.word import layout

from ..conftest import REPO_ROOT
from .conftest import pdf_info, pdf_text, to_pdf


def _text(document: docx.document.Document) -> str:
    """Every paragraph, in tables too, in order."""
    parts = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            parts.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif block.tag.endswith("}tbl"):
            for cell_text in block.iter():
                if cell_text.tag.endswith("}t") and cell_text.text:
                    parts.append(cell_text.text)
    return "\n".join(parts)


def _report(results_repo: Path, out: Path, *argv: str) -> int:
    return cli.main(["--root", str(results_repo), "report", "--format", "docx", "--out", str(out), *argv])


@pytest.fixture
def report_2021(results_repo: Path, tmp_path: Path) -> Path:
    out = tmp_path / "bao-cao-2021.docx"
    argv = ("--unit", "tinh-a-ban-dan-van", "--year", "2021", "--today", "2021-12-31")
    assert _report(results_repo, out, *argv) == 0
    return out


def test_report_has_the_party_header_and_a4_page(report_2021: Path) -> None:
    document = docx.Document(str(report_2021))
    section = document.sections[0]
    mm = [round(length.mm) for length in (section.page_width, section.page_height)]
    assert mm == [210, 297]
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.mm) for m in margins] == [30, 15, 20, 20]
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["TỈNH ỦY TỈNH A", "BAN DÂN VẬN", "*", "Số      -BC/BDVTU"]
    assert right.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert right.paragraphs[1].text == "Tỉnh A, ngày     tháng     năm 2021"
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 14
    headings = [p.text for p in document.paragraphs[:2]]
    assert headings == ["BÁO CÁO", "Kết quả thực hiện các kế hoạch công tác năm 2021"]


def test_report_body_gives_groups_results_figures_and_unfinished_tasks(report_2021: Path) -> None:
    text = _text(docx.Document(str(report_2021)))
    # 40-KH nv01 (done 20/12 for 2021) and nv03 on time; 12-KH nv01 due 30/09 with nothing reported; nv02 continuous.
    assert (
        "Ban Dân vận Tỉnh ủy Tỉnh A chủ trì 4 nhiệm vụ: hoàn thành đúng hạn 2, hoàn thành quá hạn 0, "
        "đang thực hiện trong hạn 0, quá hạn chưa hoàn thành 0; chưa có báo cáo 1 (không tính là quá hạn); "
        "1 nhiệm vụ thường xuyên, chưa rõ hạn hoặc dừng."
    ) in text
    assert 'Mô hình "Dân vận khéo" được xây dựng: 1.234 mô hình (chỉ tiêu 1.000, đạt 123,4%).' in text
    assert "- Các mô hình được nhân rộng ở 10/10 huyện." in text  # a result for section II, not for one task
    # the task's expected product ("rõ sản phẩm") against what the report says was delivered
    assert "Sản phẩm dự kiến: Báo cáo sơ kết hằng năm; đã có: Báo cáo sơ kết năm 2021." in text
    unfinished = docx.Document(str(report_2021)).tables[1]
    rows = [[c.text for c in row.cells] for row in unfinished.rows]
    assert rows[0] == ["TT", "Nhiệm vụ", "Kế hoạch", "Đơn vị chủ trì", "Hạn", "Tình hình"]
    assert rows[1:] == [
        [
            "1",
            "Tiếp tục quán triệt Nghị quyết số 25-NQ/TW.",
            "12-KH/BDVTU",
            "Ban Dân vận Tỉnh ủy Tỉnh A",
            "30/09/2021",
            "Chưa có báo cáo",
        ],
    ]


def test_report_charges_open_work_to_the_successor(results_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao-2024.docx"
    argv = ("--unit", "tinh-a-ban-tuyen-giao-va-dan-van", "--year", "2024", "--today", "2025-08-01")
    assert _report(results_repo, out, *argv) == 0
    document = docx.Document(str(out))
    assert document.tables[0].rows[0].cells[0].paragraphs[1].text == "BAN TUYÊN GIÁO VÀ DÂN VẬN"
    leads = {row.cells[3].text for row in document.tables[1].rows[1:]}
    assert leads == {"Ban Tuyên giáo và Dân vận Tỉnh ủy Tỉnh A (kế tục từ Ban Dân vận Tỉnh ủy Tỉnh A)"}


def test_state_bodies_get_the_national_motto_and_numbers_with_a_colon(tmp_path: Path) -> None:
    header = layout.Header(
        state=True,
        superior="Ủy ban nhân dân tỉnh Tỉnh A",
        issuer="Sở Nội vụ",
        number="617/KH-SNV",
        place="Tỉnh A",
        date=dt.date(2022, 5, 4),
        heading="Kế hoạch",
        title="công tác dân vận chính quyền",
        signer_title="KT. Giám đốc - Phó Giám đốc",
        signer="Trần Văn B",
        recipients=["UBND tỉnh (b/c);", "Lưu: VT."],
    )
    document = layout.new_document()
    layout.masthead(document, header)
    layout.closing(document, header)
    path = tmp_path / "ke-hoach.docx"
    layout.save(document, path)
    read = docx.Document(str(path))
    left, right = read.tables[0].rows[0].cells
    assert [p.text for p in right.paragraphs][:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert "Số: 617/KH-SNV" in [p.text for p in left.paragraphs]
    assert right.paragraphs[-1].text == "Tỉnh A, ngày 04 tháng 05 năm 2022"
    signer = [p.text for p in read.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"]


def test_report_renders_in_libreoffice_as_a4_with_the_header_on_page_one(report_2021: Path, tmp_path: Path) -> None:
    pdf = to_pdf(report_2021, tmp_path)
    info = pdf_info(pdf)
    assert info["Page size"].endswith("(A4)")
    assert info["Pages"] == "2"  # one page of results, the table of unfinished tasks and the signature on the second
    first = pdf_text(pdf, 1, 1)
    for block in ("TỈNH ỦY TỈNH A", "BAN DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/BDVTU", "BÁO CÁO"):
        assert block in first


EXPECTED_PLAN_PAGES = "5"  # 29 tasks in 14 pt on A4, measured with Liberation Serif (metrics of Times New Roman)


def test_plan_back_to_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "12-KH.docx"
    code = cli.main(["--root", str(REPO_ROOT), "export", "plan", "12-KH/BDVTU", "--format", "docx", "--out", str(out)])
    assert code == 0
    document = docx.Document(str(out))
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["TỈNH ỦY BÌNH THUẬN", "BAN DÂN VẬN", "*", "Số 12-KH/BDVTU"]
    assert right.paragraphs[-1].text == "Bình Thuận, ngày 08 tháng 02 năm 2021"
    text = _text(document)
    assert "KẾ HOẠCH" in text
    # Leads the document does not name (lead_implied) get no "Chủ trì:" line; the others are written back.
    assert "Chủ trì: " not in text
    assert "Phối hợp: Ban Cán sự đảng Ủy ban nhân dân tỉnh." in text
    assert "Thời gian thực hiện: vào tháng 8/2021" in text
    assert "Nơi nhận:" in text and "Đặng Hồng Sỹ" in text
    pdf = to_pdf(out, tmp_path)
    info = pdf_info(pdf)
    assert info["Page size"].endswith("(A4)")
    assert info["Pages"] == EXPECTED_PLAN_PAGES
    first = pdf_text(pdf, 1, 1)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "Số 12-KH/BDVTU" in first and "KẾ HOẠCH" in first


def test_plan_text_keeps_its_paragraphs(tmp_path: Path) -> None:
    """Each paragraph of a section's text (one a line in the record) is its own Word paragraph,
    so the numbered points of "Tổ chức thực hiện" are not run together into one."""
    out = tmp_path / "36-KH.docx"
    code = cli.main(["--root", str(REPO_ROOT), "export", "plan", "36-KH/BDVTU", "--format", "docx", "--out", str(out)])
    assert code == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    points = [p for p in paragraphs if p[:3] in ("1. ", "2. ", "3. ", "4. ", "5. ") and "\n" not in p]
    assert [p[:2] for p in points if "Ban Dân vận các cấp" in p or "Nguồn lực" in p] == ["1.", "4."]
    assert not any("\n" in p for p in paragraphs)


def test_a_document_a_task_carries_out_without_naming_it_goes_in_a_footnote(tmp_path: Path) -> None:
    """54-KH nv12 (the tổng kết of the "Dân vận khéo" movement) implements Công văn 308-CV/TU, which its
    text does not repeat: the export says so in a footnote on the item, the importer reads it back;
    tasks whose text cites what they implement get no footnote."""
    out = tmp_path / "54-KH.docx"
    code = cli.main(["--root", str(REPO_ROOT), "export", "plan", "54-KH/BDVTU", "--format", "docx", "--out", str(out)])
    assert code == 0
    document = docx.Document(str(out))
    parts = [r.target_part for r in document.part.rels.values() if r.reltype.endswith("/footnotes")]
    assert len(parts) == 1
    notes = [n for n in parse_xml(parts[0].blob).iter(qn("w:footnote")) if int(n.get(qn("w:id"))) > 0]
    texts = ["".join(t.text or "" for t in n.iter(qn("w:t"))).strip() for n in notes]
    assert texts == [
        "Thực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy Bình Thuận về phát động "
        "phong trào thi đua “Dân vận khéo”, giai đoạn 2021 – 2025."
    ]
    marked = [p.text for p in document.paragraphs if p._p.xpath(".//w:footnoteReference")]
    assert len(marked) == 1 and "tổng kết biểu dương, khen thưởng điển hình" in marked[0]
    pdf = to_pdf(out, tmp_path)
    assert "Thực hiện Công văn số 308-CV/TU" in " ".join(pdf_text(pdf).split())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "--format", "docx", "--out", "x.docx"], "--format docx cần --unit"),
        (["export", "plan", "--format", "docx", "--out", "x.docx"], "kehoach export plan MÃ-KẾ-HOẠCH"),
        (["export", "plan", "99-KH/BDVTU", "--format", "docx", "--out", "x.docx"], "không tìm thấy kế hoạch"),
    ],
)
def test_usage_errors(argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a if a != "x.docx" else str(tmp_path / a) for a in argv]
    assert cli.main(["--root", str(REPO_ROOT), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
