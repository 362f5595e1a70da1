"""Words that are not a unit's name are never proposed as a unit: a word of work whose letters fold to a
head word ('báo cáo'), a sentence run on after 'và' ('… và có hiệu lực kể từ ngày ký'), the number of an
article ('Điều 11. …'); a unit's kind follows the body it serves ('Văn phòng Sở …'); a central body is
never given its place's province; a document with no issuer line takes the issuer its appendix names."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer import citations, header, source
from kehoach.importer.draft import model_problems
from kehoach.importer.units import Registry, guess_kind, odd_name

from .conftest import build_text


def _names(text: str) -> tuple[list[str], str]:
    registry = Registry({}, "Yên Bái")
    matches, rest = registry.split(text)
    return [m.written for m in matches], rest


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        ("Phòng Tư pháp, báo cáo Ủy ban nhân dân huyện kết quả", ["Phòng Tư pháp"], "báo cáo Ủy ban nhân dân huyện"),
        ("Phòng Tư pháp, Báo cáo Ủy ban nhân dân huyện", ["Phòng Tư pháp"], "Báo cáo Ủy ban nhân dân huyện"),
        ("Phòng Văn hóa, Báo Yên Bái tuyên truyền", ["Phòng Văn hóa", "Báo Yên Bái"], "tuyên truyền"),
    ],
)
def test_report_is_work_not_a_newspaper(text: str, names: list[str], rest: str) -> None:
    found, after = _names(text)
    assert found == names
    assert after.startswith(rest)


@pytest.mark.parametrize(
    "name",
    [
        "Ban Dân tộc tỉnh và có hiệu lực thi hành từ ngày ký",  # a sentence read on after 'và'
        "Sở Xây dựng hoặc được giao quản lý",
        "Điều 7. Trách nhiệm Ủy ban nhân dân cấp huyện",  # an article's heading
        "Chương II Ủy ban nhân dân các xã",
        "báo cáo Ủy ban nhân dân huyện",
        "Hội đồng nhân dân huyện cụ thể hóa các chính sách của tỉnh",  # an organ and its level, then a clause
        "UBND xã tổ chức",
    ],
)
def test_words_not_shaped_as_a_name_are_flagged_not_proposed(name: str) -> None:
    assert odd_name(name, generic=True) is not None or odd_name(name) is not None
    registry = Registry({}, "Yên Bái")
    from kehoach.importer.units import Match

    settled = registry.commit(Match(name, None, True))
    assert settled.unit is None and settled.doubt
    assert registry.proposed == {}


@pytest.mark.parametrize(
    "name",
    [
        "Sở Khoa học và Công nghệ",
        "Báo và Phát thanh, Truyền hình tỉnh",
        "Trường Tiểu học số 2",
        "Ủy ban nhân dân thành phố Yên Bái",
        "Hội đồng nhân dân tỉnh khóa XV",
        "UBND các xã, phường, thị trấn",
    ],
)
def test_names_with_and_or_numbers_are_still_names(name: str) -> None:
    assert odd_name(name) is None


def test_a_citation_s_issuer_ends_where_the_sentence_goes_on() -> None:
    text = (
        "Quy chế này thay thế Quy chế số 12-QC/TU ngày 03/4/2019 của Ban Thường vụ Tỉnh ủy và có hiệu lực từ ngày ký."
    )
    (found,) = citations.find(text)
    assert found.issuer_text == "Ban Thường vụ Tỉnh ủy"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Văn phòng Sở Tài chính", "state-body"),  # the office of a department serves the state
        ("Văn phòng Sở", "state-body"),
        ("Văn phòng Bộ Quốc phòng", "state-body"),
        ("Văn phòng Huyện ủy", "party-board"),  # the office of a party committee
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "state-body"),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện", "mass-organisation"),  # 'oà' and 'òa' spell one word
        ("Đảng đoàn Hội Nông dân tỉnh", "party-group"),
    ],
)
def test_an_office_takes_the_side_of_the_body_it_serves(name: str, kind: str) -> None:
    assert guess_kind(name).value == kind


CENTRAL = """\
{issuer}                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                        Độc lập - Tự do - Hạnh phúc
Số: 15/TB-{code}        Hà Nội, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
triển khai công tác chuyển đổi số năm 2025

I. NHIỆM VỤ
1. Các đơn vị thực hiện.
"""


@pytest.mark.parametrize(
    ("issuer", "code"),
    [("BỘ TƯ PHÁP", "BTP"), ("VĂN PHÒNG CHÍNH PHỦ", "VPCP"), ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "UBTVQH15")],
)
def test_a_central_body_is_not_the_province_of_its_place(tmp_path: Path, issuer: str, code: str) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(CENTRAL.format(issuer=issuer, code=code), encoding="utf-8")
    found = header.parse(source.read(path))
    assert found.place == "Hà Nội"
    assert found.province is None


def test_a_provincial_body_still_takes_the_province_of_its_place(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(CENTRAL.format(issuer="SỞ TƯ PHÁP", code="STP").replace("Hà Nội", "Yên Bái"), encoding="utf-8")
    assert header.parse(source.read(path)).province == "Yên Bái"


NO_ISSUER_LINE = """\
HƯỚNG DẪN
CÔNG TÁC THI ĐUA NĂM 2026

I. NHIỆM VỤ
1. Các cấp ủy tổ chức phát động thi đua trong quý I năm 2026.

PHỤ LỤC
(Kèm theo Hướng dẫn số 12-HD/BTGTU, ngày 05/01/2026 của Ban Tuyên giáo
Tỉnh ủy Yên Bái)
"""


def test_with_no_issuer_line_the_appendix_names_the_issuer(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, NO_ISSUER_LINE)
    assert outcome.plan is not None
    issuer = outcome.plan.data["issuer"]
    proposed = {u.id: u.data["name"] for u in outcome.units}
    assert proposed.get(issuer, issuer) != "Cơ quan ban hành"
    assert "Ban Tuyên giáo" in proposed.get(issuer, "Ban Tuyên giáo")
    assert "issuer" in outcome.plan.doubts  # where it came from is said


def test_an_appendix_attached_to_another_document_names_no_issuer(tmp_path: Path) -> None:
    text = NO_ISSUER_LINE.replace("(Kèm theo Hướng dẫn", "(Kèm theo Quyết định").replace(
        "quý I năm 2026.\n", "quý I năm 2026.\n2. Tổng hợp kết quả thi đua, báo cáo trong tháng 12 năm 2026.\n"
    )
    outcome = build_text(tmp_path, text)
    assert outcome.plan is not None
    # nothing names who issued it: the issuer is left absent and said so, no stand-in unit is proposed
    assert outcome.plan.data["issuer"] is None
    assert "cơ quan ban hành" in " ".join(outcome.plan.doubts["issuer"])
    assert not [u for u in outcome.units if "ban hành" in u.data["name"]]
    assert not model_problems(outcome.plan)
    task = outcome.tasks[1]
    assert task.data["lead"] == [] and "lead" in task.doubts  # no issuer to stand for an unwritten lead
    assert not model_problems(task)
