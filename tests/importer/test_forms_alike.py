"""A document reads alike from its text and from a Word file holding the same page: small
documents built here in both forms, one layout each."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

from kehoach.importer import source

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def test_a_tab_inside_a_cell_of_a_row_written_with_bars_is_no_cell(tmp_path: Path) -> None:
    """A row written with ' | ' keeps a tab typed inside one of its cells in that cell, as the Word
    table it was taken from does."""
    text = tmp_path / "bao-cao.txt"
    text.write_text("Nơi nhận: - Sở Tài chính; - UBND các xã;\t- Lưu: VT. |  | TM. ỦY BAN NHÂN DÂN\n", encoding="utf-8")
    word = WordDocument()
    row = word.add_table(rows=1, cols=3).rows[0].cells
    row[0].text = "Nơi nhận: - Sở Tài chính; - UBND các xã;\t- Lưu: VT."
    row[2].text = "TM. ỦY BAN NHÂN DÂN"
    word.save(str(tmp_path / "bao-cao.docx"))
    read = [
        [[" ".join(cell.split()) for cell in line.columns] for line in source.read(path).lines]
        for path in (text, tmp_path / "bao-cao.docx")
    ]
    assert read[0] == read[1] == [["Nơi nhận: - Sở Tài chính; - UBND các xã; - Lưu: VT.", "TM. ỦY BAN NHÂN DÂN"]]


def _maker():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docx", CORPUS / "make_docx.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_a_sentence_the_text_path_joins_over_a_blank_line_is_one_word_paragraph() -> None:
    """Text taken from a PDF may leave a blank line inside a sentence ('... Điều 8 và' / '' /
    'Khoản 1 Điều 22 ...'); the text path reads one paragraph, and a Word form of the page holds
    one paragraph too, not two (the second would read as a new item)."""
    text = "\n".join(
        [
            "      Tổ chức, cá nhân hoạt động khoáng sản thực hiện bảo vệ tài nguyên địa chất chưa",
            "khai thác, sử dụng và khoáng sản chưa khai thác theo quy định tại Điều 7 Luật Địa",
            "chất và khoáng sản; báo cáo kịp thời cho cơ quan quản lý nhà nước có thẩm quyền",
            "khi phát hiện khoáng sản mới trong quá trình khai thác theo giấy phép được cấp.",
            "      Thực hiện đầy đủ nghĩa vụ tài chính theo quy định: tiền cấp quyền khai thác",
            "khoáng sản; ký quỹ cải tạo, phục hồi môi trường; tiền thuê đất; thuế tài nguyên",
            "và các khoản phí bảo vệ môi trường đối với khai thác khoáng sản theo quy định của",
            "pháp luật hiện hành; lập hồ sơ pháp lý về bảo vệ môi trường trình cơ quan có thẩm",
            "quyền phê duyệt, xác nhận theo quy định pháp luật về bảo vệ môi trường hiện hành.",
            "      1. Hồ sơ đăng ký ngày bắt đầu khai thác được quy định tại Khoản 2 Điều 8 và",
            "",
            "Khoản 1 Điều 22 Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025.",
            "",
            "      2. Báo cáo kết quả khai thác hằng năm trước ngày 15 tháng 01 năm sau.",
        ]
    )
    paragraphs = [value for kind, value in _maker().blocks(text, "txt") if kind == "para"]
    assert paragraphs[-2:] == [
        "1. Hồ sơ đăng ký ngày bắt đầu khai thác được quy định tại Khoản 2 Điều 8 và Khoản 1 Điều 22 "
        "Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025.",
        "2. Báo cáo kết quả khai thác hằng năm trước ngày 15 tháng 01 năm sau.",
    ]
