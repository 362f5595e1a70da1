"""The province a header names is one of the country's provinces, and every id an import makes fits
the ids' length, whatever words a misread header line adds to the province's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.check import load_repository
from kehoach.importer import header, source
from kehoach.importer.places import province_named, record_id
from kehoach.importer.units import Registry
from kehoach.model import Unit
from kehoach.model.common import ID_MAX_LENGTH

from ..conftest import REPO_ROOT


@pytest.fixture(scope="module")
def units() -> dict[str, Unit]:
    index, _ = load_repository(REPO_ROOT)
    return index.units


def _header(tmp_path: Path, text: str) -> header.Header:
    path = tmp_path / "van-ban.txt"
    path.write_text(text, encoding="utf-8")
    return header.parse(source.read(path))


PLAN = "{lines}\nSố: 9-KH/TU\nYên Bái, ngày 02 tháng 4 năm 2026\n\nKẾ HOẠCH\nkiểm tra năm 2026\n-----\nI. NHIỆM VỤ\n"


@pytest.mark.parametrize(
    ("line", "province"),
    [
        ("TỈNH ỦY YÊN BÁI", "Yên Bái"),
        ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Bà Rịa - Vũng Tàu"),
        ("TỈNH ỦY THỪA THIÊN HUẾ", "Thừa Thiên Huế"),
    ],
)
def test_a_province_of_the_list_is_read_as_written(tmp_path: Path, line: str, province: str) -> None:
    found = _header(tmp_path, PLAN.format(lines=line))
    assert (found.province, "province" in found.doubts) == (province, False)


def test_words_run_into_the_provinces_line_are_not_part_of_its_name(tmp_path: Path) -> None:
    """A PDF's two columns read as one line: the province is the list's name, the rest dropped, flagged."""
    found = _header(
        tmp_path, PLAN.format(lines="TỈNH ỦY YÊN BÁI BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN")
    )
    assert found.province == "Yên Bái"
    assert "Yên Bái" in found.doubts["province"]


def test_a_name_that_is_no_province_is_flagged_and_kept_short(tmp_path: Path) -> None:
    found = _header(tmp_path, PLAN.format(lines="THÀNH ỦY THỦ DẦU MỘT"))
    assert found.province == "Thủ Dầu Một"
    assert "không có trong danh sách" in found.doubts["province"]
    long = _header(tmp_path, PLAN.format(lines="TỈNH ỦY MIỀN NÚI PHÍA BẮC XA XÔI HẺO LÁNH BIÊN GIỚI"))
    assert long.province is not None and len(long.province.split()) <= 4
    assert "province" in long.doubts


def test_a_letters_wrapped_subject_number_is_no_unit_line(tmp_path: Path) -> None:
    """A central office's letter whose subject ends with a decree's number on its own line: the number is
    not read into the issuer's name, and the issuer (a central body) gets no province from the place."""
    found = _header(
        tmp_path,
        "VĂN PHÒNG CHÍNH PHỦ\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 2001/VPCP-KGVX\nV/v\nhướng dẫn thi hành Nghị định\n45/2026/NĐ-CP\n"
        "Hà Nội, ngày 03 tháng 3 năm 2026\nKính gửi: Bộ Y tế.\n"
        "Phó Thủ tướng Chính phủ có ý kiến như sau:\nBộ Y tế chủ trì hướng dẫn trước ngày 30/4/2026.\n",
    )
    assert found.organisations == ["VĂN PHÒNG CHÍNH PHỦ"]
    assert found.province is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Lào Cai", "Lào Cai"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa-Vũng Tàu"),
        ("Hồ Chí Minh Số 5", "Hồ Chí Minh"),
        ("Vinh", None),
    ],
)
def test_province_named(text: str, named: str | None) -> None:
    assert province_named(text) == named


def test_every_id_fits_whatever_the_province(units: dict[str, Unit]) -> None:
    """A unit of another province modelled for a province whose name was misread as a long phrase, a
    new unit with a long name, a person's title: each id is within the ids' length and ends on a word."""
    long_place = "Miền Núi Phía Bắc Xa Xôi Hẻo Lánh Biên Giới Việt Trung " * 3
    registry = Registry(units, long_place)
    ids = []
    for name in (
        "Ban Dân vận Tỉnh ủy",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    ):
        matches, _ = registry.split(name)
        ids += [registry.commit(m).unit for m in matches]
    ids.append(record_id("tw", "Ban Chỉ đạo " * 20))
    assert len(ids) == 4
    assert all(i is not None and 0 < len(i) <= ID_MAX_LENGTH and not i.endswith("-") for i in ids), ids
    assert ids[0] is not None and ids[0].endswith("-ban-dan-van")  # the unit's own words are kept
