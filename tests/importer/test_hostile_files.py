"""Files that are not plans, or are built to harm the reader: each is refused with a
Vietnamese message naming the file, exit code 2, and never takes the reader's memory."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest
from docx import Document

from .conftest import run

DOCUMENT_XML = "word/document.xml"


def _plain_docx(path: Path) -> Path:
    document = Document()
    for line in ("TỈNH ỦY BÌNH THUẬN", "BAN DÂN VẬN", "Số 31-KH/BDVTU", "KẾ HOẠCH", "về công tác năm 2023"):
        document.add_paragraph(line)
    document.add_paragraph("I. NHIỆM VỤ")
    document.add_paragraph("1. Tổ chức hội nghị sơ kết, vào tháng 8/2023.")
    document.save(path)
    return path


def _replace_part(source: Path, target: Path, name: str, content: bytes | None = None, big: int = 0) -> Path:
    """A copy of ``source`` with part ``name`` replaced by ``content``, or by ``big`` zero bytes."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info))
                continue
            if content is not None:
                new.writestr(name, content)
                continue
            with new.open(name, "w", force_zip64=True) as handle:
                chunk = b"\x00" * (1024 * 1024)
                for _ in range(big // len(chunk)):
                    handle.write(chunk)
    return target


def _refused(capsys: pytest.CaptureFixture[str], repo: Path, path: Path, words: str) -> str:
    code, out, err = run(capsys, "--root", str(repo), "import", str(path))
    assert code == 2, (out, err)
    assert str(path) in err
    assert words in err
    assert "Traceback" not in err + out and "lỗi nội bộ" not in err
    assert list((repo / "records").rglob("plans/*")) == []  # nothing written
    return err


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _plain_docx(tmp_path / "goc.docx")
    bomb = _replace_part(plain, tmp_path / "bom.docx", DOCUMENT_XML, big=100 * 1024 * 1024)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        _refused(capsys, empty_repo, bomb, "bom nén")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024


def test_a_part_compressed_far_beyond_real_text_is_refused(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _plain_docx(tmp_path / "goc.docx")
    dense = _replace_part(plain, tmp_path / "nen.docx", "word/styles.xml", big=8 * 1024 * 1024)
    _refused(capsys, empty_repo, dense, "tỉ lệ")


def test_billion_laughs_is_refused(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = _plain_docx(tmp_path / "goc.docx")
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    laughs = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    for encoding, data in (("utf-8", laughs), ("utf-16", laughs.decode().encode("utf-16"))):
        bad = _replace_part(plain, tmp_path / f"cuoi-{encoding}.docx", DOCUMENT_XML, data)
        _refused(capsys, empty_repo, bad, "DOCTYPE")


def test_a_truncated_document_xml(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = _plain_docx(tmp_path / "goc.docx")
    with zipfile.ZipFile(plain) as archive:
        xml = archive.read(DOCUMENT_XML)
    cut = _replace_part(plain, tmp_path / "cut.docx", DOCUMENT_XML, xml[: len(xml) // 2])
    _refused(capsys, empty_repo, cut, "cắt cụt")


def test_a_docx_without_its_document_part(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = _plain_docx(tmp_path / "goc.docx")
    hollow = tmp_path / "rong.docx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(hollow, "w") as new:
        for info in old.infolist():
            if info.filename != DOCUMENT_XML:
                new.writestr(info, old.read(info))
    err = _refused(capsys, empty_repo, hollow, "thiếu phần 'word/document.xml'")
    assert "There is no item" not in err  # the library's English is not the message


def _nested_tables(depth: int) -> bytes:
    cell = "<w:p><w:r><w:t>Tổ chức hội nghị sơ kết.</w:t></w:r></w:p>"
    for _ in range(depth):
        cell = f"<w:tbl><w:tr><w:tc>{cell}<w:p/></w:tc></w:tr></w:tbl>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>{cell}<w:p/></w:body></w:document>"
    ).encode()


def test_tables_nested_beyond_any_real_file_are_refused(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _plain_docx(tmp_path / "goc.docx")
    deep = _replace_part(plain, tmp_path / "sau.docx", DOCUMENT_XML, _nested_tables(300))
    tracemalloc.start()
    try:
        _refused(capsys, empty_repo, deep, "lồng nhau quá sâu")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024


def test_tables_nested_a_few_levels_are_read(tmp_path: Path) -> None:
    """A table inside a table inside a table (frames drawn round the text): its text is read."""
    from kehoach.importer import source

    plain = _plain_docx(tmp_path / "goc.docx")
    nested = _replace_part(plain, tmp_path / "long.docx", DOCUMENT_XML, _nested_tables(20))
    assert "Tổ chức hội nghị sơ kết." in [line.text.strip() for line in source.read(nested).lines]


def test_a_truncated_archive(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _plain_docx(tmp_path / "goc.docx").read_bytes()
    cut = tmp_path / "nua.docx"
    cut.write_bytes(data[: len(data) // 2])
    _refused(capsys, empty_repo, cut, "tệp nén zip")


def test_not_a_zip(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "ke-hoach.docx"
    fake.write_text("KẾ HOẠCH\nvề công tác năm 2023\n", encoding="utf-8")
    _refused(capsys, empty_repo, fake, "không phải tệp Word .docx")


def test_a_damaged_numbering_part_still_imports(tmp_path: Path, empty_repo: Path) -> None:
    """Word's numbering with attributes that are not numbers: the paragraphs are read without it."""
    plain = _plain_docx(tmp_path / "goc.docx")
    numbering = (
        b'<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x"><w:start w:val="999999999"/>'
        b'<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        b'<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    from kehoach.importer import source

    with zipfile.ZipFile(plain) as archive:
        assert "word/numbering.xml" in archive.namelist()
    damaged = _replace_part(plain, tmp_path / "so.docx", "word/numbering.xml", numbering)
    assert "1. Tổ chức hội nghị sơ kết, vào tháng 8/2023." in [line.text for line in source.read(damaged).lines]


def test_binary_data(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blob = tmp_path / "anh.txt"
    blob.write_bytes(bytes(range(256)) * 64)
    _refused(capsys, empty_repo, blob, "nhị phân")


def test_fifty_megabytes_of_text(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "dai.txt"
    with huge.open("wb") as handle:
        line = ("- Tổ chức hội nghị quán triệt nghị quyết của Tỉnh ủy. " * 2 + "\n").encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    _refused(capsys, empty_repo, huge, "quá lớn")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("tcvn3.txt", "KẾ HOẠCH về công tác năm 2023".encode().replace(b"\xe1\xba\xbe", b"\xd5"), "UTF-8"),
        ("cp1258.txt", "Kế hoạch công tác dân vận".encode("cp1258", "replace"), "UTF-8"),
        ("utf16.txt", "KẾ HOẠCH".encode("utf-16"), "UTF-16"),
    ],
)
def test_a_legacy_encoding(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    err = _refused(capsys, empty_repo, path, words)
    assert f"{path}:1:" in err or name == "utf16.txt"  # the line and column of the first bad byte


def test_not_a_regular_file(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    _refused(capsys, empty_repo, fifo, "không phải tệp thường")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda path: None, "không có tệp này"),
        (lambda path: (path.with_name("b").symlink_to(path), path.symlink_to(path.with_name("b"))), "liên kết vòng"),
    ],
    ids=["missing", "link-loop"],
)
def test_a_path_that_cannot_be_read(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str], make: object, words: str
) -> None:
    """Why the file cannot be read is said in Vietnamese, not in the system's English."""
    path = tmp_path / "khong-doc-duoc.txt"
    make(path)  # type: ignore[operator]
    err = _refused(capsys, empty_repo, path, words)
    assert "No such file" not in err and "symbolic links" not in err


def test_in_memory_docx_unchanged(tmp_path: Path) -> None:
    """The checks do not refuse an ordinary Word file."""
    from kehoach.importer import source

    plain = _plain_docx(tmp_path / "goc.docx")
    texts = [line.text for line in source.read(plain).lines]
    assert "Số 31-KH/BDVTU" in texts
