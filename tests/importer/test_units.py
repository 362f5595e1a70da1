"""Unit names as plans write them, matched against the real registry: accents,
case and abbreviations do not matter, the plan's own province wins, a unit of
another province is a model for a proposal, and unknown names are proposed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.check import load_repository
from kehoach.importer.units import Match, Registry, guess_kind, odd_name
from kehoach.importer.who import UnitSteps
from kehoach.model import Unit, UnitKind

from ..conftest import REPO_ROOT


@pytest.fixture(scope="module")
def units() -> dict[str, Unit]:
    index, _ = load_repository(REPO_ROOT)
    return index.units


def _ids(registry: Registry, text: str) -> list[str | None]:
    matches, _ = registry.split(text)
    return [registry.commit(m).unit for m in matches]


def test_the_plans_province_decides_between_units_of_the_same_name(units: dict[str, Unit]) -> None:
    assert _ids(Registry(units, "Bình Thuận"), "Ban Dân vận Tỉnh ủy") == ["binh-thuan-ban-dan-van"]
    assert _ids(Registry(units, "Bình Phước"), "Ban Dân vận Tỉnh ủy") == ["binh-phuoc-ban-dan-van"]
    assert _ids(Registry(units, "Bình Phước"), "Bộ Chính trị") == ["tw-bo-chinh-tri"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Bân Dân tộc tỉnh", "binh-phuoc-ban-dan-toc"),  # misspelt: folding drops the mark
        ("BAN TỔ CHỨC TỈNH ỦY", "binh-phuoc-ban-to-chuc"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "binh-phuoc-ban-can-su-dang-ubnd-tinh"),
        ("BCSĐ UBND tỉnh", "binh-phuoc-ban-can-su-dang-ubnd-tinh"),  # abbreviations expanded
        ("Ủy ban MTTQ Việt Nam tỉnh", "binh-phuoc-mat-tran-to-quoc"),
        ("Mặt trận Tổ quốc tỉnh Bình Phước", "binh-phuoc-mat-tran-to-quoc"),
        ("Văn phòng cấp uỷ", "chung-van-phong-cap-uy"),  # uỷ and ủy are the same
    ],
)
def test_spellings_of_one_unit(units: dict[str, Unit], written: str, expected: str) -> None:
    assert _ids(Registry(units, "Bình Phước"), written) == [expected]


def test_a_list_of_units_and_what_follows_it(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Bình Phước")
    assert _ids(registry, "BCH Quân sự; Biên phòng; Công an tỉnh, Binh đoàn 16") == [
        "binh-phuoc-bo-chi-huy-quan-su",
        "binh-phuoc-bo-chi-huy-bo-doi-bien-phong",
        "binh-phuoc-cong-an-tinh",
        "binh-phuoc-binh-doan-16",
    ]
    # A name with a comma in it is one unit.
    assert _ids(registry, "Ban Dân vận các huyện, thị, thành ủy, Đảng uỷ trực thuộc và các ngành liên quan") == [
        "binh-phuoc-ban-dan-van-cac-huyen-thi-thanh-uy",
        "chung-cac-nganh-lien-quan",
    ]
    registry = Registry(units, "Bình Thuận")
    matches, rest = registry.split("Phòng Dân vận các cơ quan nhà nước và Ban Chấp hành Công đoàn thống nhất đề xuất")
    assert [m.unit for m in matches] == [
        "binh-thuan-ban-dan-van-phong-dan-van-cac-co-quan-nha-nuoc",
        "binh-thuan-ban-dan-van-ban-chap-hanh-cong-doan",
    ]
    assert rest == "thống nhất đề xuất"


def test_a_unit_of_another_province_is_a_model(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Lâm Đồng")
    [lead] = _ids(registry, "Lãnh đạo Ban")
    assert lead == "lam-dong-ban-dan-van-lanh-dao-ban"
    proposed = registry.proposed[lead]
    assert proposed.name == "Lãnh đạo Ban Dân vận Tỉnh ủy Lâm Đồng"
    assert proposed.kind is UnitKind.LEADERSHIP
    assert proposed.province == "Lâm Đồng"
    # Its parent is this province's counterpart, proposed only when the document names it: a unit
    # the document does not name is not drafted.
    assert proposed.parent == "lam-dong-ban-dan-van"
    assert "lam-dong-ban-dan-van" not in registry.proposed
    [board] = _ids(registry, "Ban Dân vận Tỉnh ủy")
    parent = registry.proposed[board]
    assert (parent.id, parent.codes) == ("lam-dong-ban-dan-van", ["BDVTU"])


def test_no_model_when_the_province_is_only_the_place(units: dict[str, Unit]) -> None:
    """A commune's plan ('XÃ LƯƠNG MINH', place 'Lương Minh') names no province: a unit of another
    province is no model (its name would carry a province that is not this one's), and a commune's
    body is never the province's one of a close spelling."""
    registry = Registry(units, "Lương Minh")
    registry.province_guessed = True
    [front] = _ids(registry, "Ủy ban MTTQ Việt Nam xã")
    assert registry.proposed[front].name == "Ủy ban MTTQ Việt Nam xã"
    [ubnd] = _ids(registry, "UBND xã")
    assert registry.proposed[ubnd].name == "UBND xã"
    assert registry.proposed[ubnd].model is None


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        # titles of people each start a name; a plural group goes on after commas
        (
            "Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các xã, phường",
            ["Giám đốc các Sở", "Thủ trưởng các ban, ngành tỉnh", "Chủ tịch Ủy ban nhân dân các xã, phường"],
            "",
        ),
        # 'và' starts a new group
        ("các sở, ngành và chính quyền địa phương", ["các sở, ngành", "chính quyền địa phương"], ""),
        ("cơ quan, tổ chức liên quan thẩm định", ["cơ quan, tổ chức liên quan"], "thẩm định"),
        # names nest without a separator: one unit, not two
        ("Ban Thường trực Ủy ban MTTQ Việt Nam xã theo dõi", ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"], "theo dõi"),
        # a capitalised verb opens work, not a name; a head word cut off by a line end names nothing
        (
            "Chủ trì, phối hợp với các đơn vị liên quan tiếp tục",
            [],
            "Chủ trì, phối hợp với các đơn vị liên quan tiếp tục",
        ),
        ("Các", [], ""),
        # who, a colon, then the work
        (
            "Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban: Phụ trách chung",
            ["Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban"],
            "Phụ trách chung",
        ),
    ],
)
def test_where_one_name_ends_and_the_next_starts(
    units: dict[str, Unit], text: str, names: list[str], rest: str
) -> None:
    matches, after = Registry(units, "Lào Cai").split(text)
    assert [m.written for m in matches] == names
    assert after == rest


def test_unknown_names_are_proposed_with_a_guessed_kind(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Bình Phước")
    ids = _ids(registry, "Sở Văn hóa, Thể thao và Du lịch, Hội Nông dân tỉnh, các sở, ngành liên quan")
    # "các sở, ngành liên quan" is close enough to the registry's "các sở, ban ngành liên quan".
    assert ids == ["binh-phuoc-so-van-hoa-the-thao-va-du-lich", "binh-phuoc-hoi-nong-dan", "chung-cac-nganh-lien-quan"]
    assert registry.proposed[ids[0]].kind is UnitKind.STATE_BODY
    assert registry.proposed[ids[1]].kind is UnitKind.MASS_ORGANISATION
    assert "chung-cac-nganh-lien-quan" not in registry.proposed


def test_a_district_unit_is_not_the_provinces(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Bình Phước", locality="Đồng Xoài")
    [ubnd] = _ids(registry, "Ủy ban nhân dân huyện")
    assert ubnd != "binh-phuoc-ubnd-tinh"
    assert registry.proposed[ubnd].name == "Ủy ban nhân dân huyện Đồng Xoài"


def test_titles_of_people_are_the_leadership_of_a_unit(tmp_path: Path) -> None:
    """'Trưởng ban', 'Đồng chí Phó Chủ tịch UBND tỉnh' are people: the leadership of the issuing
    unit, or of the unit the title names; never a unit of their own, never a school."""
    from .conftest import registry_repo

    index, _ = load_repository(registry_repo(tmp_path))
    registry = Registry(index.units, "Bình Thuận")
    registry.issuer_name = "Ban Dân vận Tỉnh ủy"
    kinds = {}
    for written in ("Trưởng ban", "Phó Trưởng ban Thường trực", "Đồng chí Phó Chủ tịch UBND tỉnh"):
        matches, rest = registry.split(written)
        assert rest == "" and len(matches) == 1
        settled = registry.commit(matches[0])
        unit = index.units.get(settled.unit) or registry.proposed[settled.unit]  # type: ignore[index]
        kinds[written] = (unit.kind, unit.name)
    assert kinds["Trưởng ban"] == kinds["Phó Trưởng ban Thường trực"]
    assert kinds["Trưởng ban"][0] is UnitKind.LEADERSHIP
    assert kinds["Đồng chí Phó Chủ tịch UBND tỉnh"] == (UnitKind.LEADERSHIP, "Lãnh đạo Ủy ban nhân dân tỉnh Bình Thuận")


def test_titles_of_one_leadership_are_its_aliases(units: dict[str, Unit]) -> None:
    """Two titles in one unit's leadership ('Chủ tịch', 'Phó Chủ tịch Thường trực') are one leadership,
    each title kept as written; a second title of the same person does not become part of the unit."""
    registry = Registry(units, "Lào Cai")
    first = registry.commit(registry.split("Đồng chí Chủ tịch Ủy ban MTTQ xã")[0][0])
    second = registry.commit(registry.split("Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ xã")[0][0])
    assert first.unit == second.unit
    proposed = registry.proposed[first.unit]  # type: ignore[index]
    assert proposed.kind is UnitKind.LEADERSHIP
    assert proposed.name == "Lãnh đạo Ủy ban MTTQ xã"
    # each title as written and without the honorific: the post is named either way
    assert proposed.aliases == [
        "Đồng chí Chủ tịch Ủy ban MTTQ xã",
        "Chủ tịch Ủy ban MTTQ xã",
        "Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ xã",
        "Phó Chủ tịch Thường trực Ủy ban MTTQ xã",
    ]
    head = registry.commit(registry.split("Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban")[0][0])
    assert registry.proposed[head.unit].name == "Lãnh đạo Ban xây dựng Đảng"  # type: ignore[index]
    village = registry.commit(registry.split("Trưởng thôn")[0][0])
    assert registry.proposed[village.unit].kind is UnitKind.LEADERSHIP  # type: ignore[index]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Trường Chính trị tỉnh", "school"),
        ("Trưởng phòng Nội vụ", "group"),
        ("Hội Nông dân tỉnh", "mass-organisation"),
        ("UBND huyện", "state-body"),
        ("Đảng uỷ Khối", "party-committee"),
        ("HĐND xã", "state-body"),  # a council of the state, though 'Hội' opens it
        ("Hội đồng nhân dân huyện", "state-body"),
        ("Văn phòng UBND tỉnh", "state-body"),  # the office of a state organ, not a party board
        ("Văn phòng Tỉnh ủy", "party-board"),
        # an office is on the side of the body it serves
        ("Văn phòng Sở Tư pháp", "state-body"),
        ("Văn phòng Sở", "state-body"),
        ("Văn phòng Chủ tịch nước", "state-body"),
        ("Văn phòng Trung ương Đảng", "party-board"),
        ("Văn phòng Huyện ủy", "party-board"),
        ("Văn phòng Ban Chỉ đạo", "department"),  # neither side: a part of the body it serves
        ("Văn phòng Trung tâm Kiểm soát bệnh tật", "department"),
    ],
)
def test_a_kind_is_never_guessed_from_folded_letters(name: str, kind: str) -> None:
    assert guess_kind(name).value == kind


def test_a_unit_of_another_province_named_twice_is_one_proposal(units: dict[str, Unit]) -> None:
    """A document of one province naming a body of another ('Ủy ban nhân dân tỉnh Yên Bái') twice,
    in full and by its code, gets that one proposed unit both times (it once crashed the import)."""
    registry = Registry(units, "Bình Thuận")
    first = _ids(registry, "Ủy ban nhân dân tỉnh Yên Bái")
    second = _ids(registry, "Ủy ban nhân dân tỉnh Yên Bái")
    assert first == second and first[0] is not None
    assert registry.proposed[first[0]].province == "Yên Bái"
    code = registry.proposed[first[0]].codes
    if code:
        assert registry.by_code(code[0]) == first


def test_a_known_group_that_goes_on_listing_kinds_is_one_group(units: dict[str, Unit]) -> None:
    """'Các đoàn thể, tổ chức xã hội': the registry knows 'các đoàn thể', the text lists one group of
    two kinds (generic, no counterpart of another province's unit)."""
    registry = Registry(units, "Đắk Lắk")
    matches, rest = registry.split("Các đoàn thể, tổ chức xã hội")  # a 'Chủ trì:' line's value
    assert [(m.written, m.generic) for m in matches] == [("Các đoàn thể, tổ chức xã hội", True)]
    assert rest == ""


def _names(registry: Registry, text: str) -> tuple[list[str], str]:
    matches, rest = registry.split(text)
    return [m.written for m in matches], rest


@pytest.mark.parametrize(
    ("written", "names", "rest"),
    [
        # a lower-case verb that also opens names elsewhere ('tổ chức') ends the name running into it
        ("UBND xã tổ chức hội nghị lấy ý kiến cử tri", ["UBND xã"], "tổ chức hội nghị lấy ý kiến cử tri"),
        ("phòng Quản lý công nghiệp tổ chức huấn luyện, kiểm tra", ["phòng Quản lý công nghiệp"], "tổ chức huấn"),
        ("Ủy ban nhân dân xã xác minh và trả lời", ["Ủy ban nhân dân xã"], "xác minh và trả lời"),
        (
            "Ban Thường trực Ủy ban MTTQ Việt Nam xã dự kiến tổ chức hội nghị",
            ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"],
            "dự kiến",
        ),
        # nothing but what it relates to follows 'liên quan' in a name
        ("Các Sở, ngành, đơn vị liên quan kiện toàn và nâng cao", ["Các Sở, ngành, đơn vị liên quan"], "kiện toàn"),
        ("các cơ quan, đơn vị liên quan nghiêm túc thực hiện", ["các cơ quan, đơn vị liên quan"], "nghiêm túc"),
        ("các cơ quan liên quan tổ chức các hoạt động", ["các cơ quan liên quan"], "tổ chức các"),
        # a letter's closing: the body thanks, it names no longer body
        ("Sở Tài chính trân trọng cảm ơn sự phối hợp của Quý cơ quan", ["Sở Tài chính"], "trân trọng"),
        # a name closed by a party committee goes on with its level only, not into what the body does
        ("Ban Thường vụ Huyện ủy thống nhất với dự thảo", ["Ban Thường vụ Huyện ủy"], "thống nhất"),
        ("Văn phòng Đảng ủy hoàn chỉnh hồ sơ", ["Văn phòng Đảng ủy"], "hoàn chỉnh hồ sơ"),
        ("Đảng ủy xã chỉ đạo", ["Đảng ủy xã"], "chỉ đạo"),
        # a group listed with a comma ends at the verb, whatever lists the work after it
        (
            "các phòng, ban chuyên môn xác định danh mục, nội dung, tiến độ từng năm",
            ["các phòng, ban chuyên môn"],
            "xác định danh mục",
        ),
    ],
)
def test_a_name_ends_where_the_work_starts(units: dict[str, Unit], written: str, names: list[str], rest: str) -> None:
    found, after = _names(Registry(units, "Lào Cai"), written)
    assert found == names
    assert after.startswith(rest)


@pytest.mark.parametrize(
    "written",
    [
        "Ban tổ chức hội nghị",  # after a bare head noun 'tổ chức' is the name
        "các cơ quan, tổ chức liên quan",  # after a comma it is a kind of body
        "các tổ chức chính trị - xã hội",
    ],
)
def test_to_chuc_inside_a_name_stays(units: dict[str, Unit], written: str) -> None:
    found, rest = _names(Registry(units, "Lào Cai"), written)
    assert found == [written] and rest == ""


def test_lists_split_at_slashes_and_heads_of_state_agencies(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Hồ Chí Minh")
    found, rest = _names(
        registry,
        "Bảo hiểm xã hội Thành phố, Chi nhánh Ngân hàng Chính sách xã hội Thành phố, Kho bạc Nhà nước khu vực II, "
        "Ủy ban nhân dân xã, phường, đặc khu và các cơ quan, đơn vị có liên quan",
    )
    assert found == [
        "Bảo hiểm xã hội Thành phố",
        "Chi nhánh Ngân hàng Chính sách xã hội Thành phố",
        "Kho bạc Nhà nước khu vực II",
        "Ủy ban nhân dân xã, phường, đặc khu",  # 'đặc khu' is a level like 'xã', 'phường'
        "các cơ quan, đơn vị có liên quan",
    ]
    assert rest == ""
    found, _ = _names(Registry(units, "Lào Cai"), "Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh")
    assert found == ["Bộ Chỉ huy Quân sự tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"]
    found, _ = _names(Registry(units, "Lào Cai"), "Thuế tỉnh/Chi cục Hải quan khu vực XI")
    assert found == ["Thuế tỉnh", "Chi cục Hải quan khu vực XI"]


@pytest.mark.parametrize(
    ("written", "group"),
    [
        (
            "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán",
            "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này",
        ),
        ("Các cơ quan, đơn vị được giao chủ trì có trách nhiệm chủ động", "Các cơ quan, đơn vị được giao chủ trì"),
        ("Những đơn vị được giao nhiệm vụ chịu trách nhiệm báo cáo", "Những đơn vị được giao nhiệm vụ"),
    ],
)
def test_a_group_named_by_the_work_given_to_it(units: dict[str, Unit], written: str, group: str) -> None:
    found, rest = _names(Registry(units, "Hồ Chí Minh"), written)
    assert found == [group]
    assert rest.startswith(("có trách nhiệm", "chịu trách nhiệm"))


def test_a_qualifier_without_a_responsibility_is_not_read_into_the_name(units: dict[str, Unit]) -> None:
    found, rest = _names(Registry(units, "Lào Cai"), "Các cơ quan được giao nhiệm vụ triển khai ngay")
    assert found == ["Các cơ quan"]
    assert rest.startswith("được giao")


def test_a_party_committee_of_a_bloc_is_one_unit(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Lào Cai")
    for written in ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh"):
        assert _names(registry, written) == ([written], "")
    # a party group of one body and the bodies beside it are a list
    found, _ = _names(registry, "Đảng đoàn MTTQ tỉnh, các đoàn thể chính trị - xã hội tỉnh")
    assert len(found) == 2
    found, _ = _names(registry, "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh và Ban Thường vụ Tỉnh đoàn")
    assert len(found) >= 2
    # a committee and the bodies it works with, then what they do: a list, not one committee
    matches, rest = registry.split("Đảng ủy xã, các đoàn thể tổ chức tuyên truyền")
    assert len(matches) == 2 and rest.startswith("tổ chức")


@pytest.mark.parametrize(
    "written",
    [
        "Đồng chí UBND Tỉnh ủy viên, tỉnh",
        "Đảng ủy UBND tỉnh Đồng chí Phan Văn A",
        "Ông. Hoàng Văn B - Trưởng đoàn",
        "Tỉnh ủy viên UBND, tỉnh",
    ],
)
def test_words_of_a_person_never_make_a_unit(units: dict[str, Unit], written: str) -> None:
    from kehoach.importer.units import Match

    registry = Registry(units, "Lào Cai")
    settled = registry.commit(Match(written, None, True))
    assert settled.unit is None
    assert settled.doubt and "người" in settled.doubt
    assert registry.proposed == {}


def test_a_bracket_saying_what_a_group_covers_is_not_its_name(units: dict[str, Unit]) -> None:
    from kehoach.importer.units import Match

    registry = Registry(units, "Quảng Ngãi")
    written = "các cơ quan quản lý cấp trên (bao gồm cả cơ quan đại diện chủ sở hữu của doanh nghiệp)"
    settled = registry.commit(Match(written, None, True))
    assert registry.proposed[settled.unit].name == "các cơ quan quản lý cấp trên"  # type: ignore[index]
    kept = registry.commit(Match("Trung tâm Dịch vụ việc làm (Sở Nội vụ)", None, True))
    assert "(Sở Nội vụ)" in registry.proposed[kept.unit].name  # type: ignore[index]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        (
            "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm rà soát",
            "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố",
        ),
        ("Sở, ban, ngành tỉnh chủ động thực hiện", "Sở, ban, ngành tỉnh"),
    ],
)
def test_kinds_listed_before_a_name_are_one_group(units: dict[str, Unit], written: str, name: str) -> None:
    matches, rest = Registry(units, "Hồ Chí Minh").split(written)
    assert [m.written for m in matches] == [name]
    assert matches[0].generic
    assert rest and rest[0].islower()


@pytest.mark.parametrize("written", ["Các Trung tâm y tế", "các trạm y tế xã", "Các bệnh viện tuyến tỉnh"])
def test_plural_bodies_of_one_kind_are_a_generic_group(units: dict[str, Unit], written: str) -> None:
    [match] = Registry(units, "Đắk Lắk").split(written + " giám sát tuyến xã")[0]
    assert match.written == written and match.generic


def test_the_office_of_the_delegation_and_the_council_is_one_unit(units: dict[str, Unit]) -> None:
    found, _ = _names(Registry(units, "Nghệ An"), "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh, Ủy ban MTTQ tỉnh")
    assert found[0] == "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh"
    found, _ = _names(Registry(units, "Nghệ An"), "Văn phòng Tỉnh ủy và Ủy ban Kiểm tra Tỉnh ủy")
    assert found == ["Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]


def test_a_person_named_with_a_post_stands_for_the_leadership_of_the_unit_the_post_names(
    units: dict[str, Unit],
) -> None:
    from kehoach.importer.units import Match

    registry = Registry(units, "Lào Cai")
    written = "Đồng chí Phan Văn A - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh"
    settled = registry.commit(Match(written, None, True))
    leadership = registry.proposed[settled.unit]  # type: ignore[index]
    assert leadership.kind is UnitKind.LEADERSHIP
    assert leadership.name == "Lãnh đạo Ủy ban nhân dân tỉnh Lào Cai"  # the unit the post names
    assert written in leadership.aliases  # the words as written, for review
    # a post that names no unit ('Trưởng đoàn') gives nothing to stand for: flagged, nothing proposed
    other = registry.commit(Match("Ông. Hoàng Văn B - Trưởng đoàn", None, True))
    assert other.unit is None and other.doubt


def test_members_named_by_their_post_stand_for_the_body_they_sit_on(units: dict[str, Unit]) -> None:
    from kehoach.importer.units import Match

    registry = Registry(units, "Lào Cai")
    written = "các đồng chí Ủy viên Ban Thường trực Ủy ban MTTQ tỉnh"
    settled = registry.commit(Match(written, None, True))
    leadership = registry.proposed[settled.unit]  # type: ignore[index]
    assert leadership.kind is UnitKind.LEADERSHIP and written in leadership.aliases
    # a member named with no body ('Tỉnh ủy viên') is no unit: flagged
    alone = registry.commit(Match("Đồng chí Nguyễn Văn C - Tỉnh ủy viên", None, True))
    assert alone.unit is None and alone.doubt


@pytest.mark.parametrize(
    "written",
    [
        "Đảng ủy HĐND UBND tỉnh",  # two organs side by side: two cells of a table's column run together
        "Đảng ủy HĐND phát thải thấp",  # a unit's words and a task's words of the next column
        "UBND Tỉnh tỉnh tịch",  # a level written twice: two printed lines joined
        "Đồng Đảng ủy UBND tỉnh",  # the cut end of 'Đồng chí' before the unit
        "(nếu tỉnh có",  # a bracket's words
        "Sở Tài chính (chủ trì",  # a bracket left open
        "Sở Tài chính trước ngày 15/12/2025",  # a deadline read on
        "phát thải thấp",  # no head word of a body
        "Sở Nội vụ; Sở Tài chính",  # a ';' list read as one
        "Sở Tài chính và",  # cut by a line's end
        "Hội Liên hiệp",  # cut after a head that never ends a name ('Hội Liên hiệp' / 'Thanh niên ...')
        "UBND các tỉnh/thành phố như",  # cut before the examples it names
        "Văn phòng Đảng uỷchủtrì",  # words run together, as PDF converters give them
        "Bộ Chính trị vềmột sốgiải pháp",
        "Các tổ chức Đảng trực thuộc, căn cứcác nội dung",
        "Ban hành các Nghị quyết của Ban Chấp hành Đảng bộ xã",  # work opening with a head word
        "Tổ chức thực hiện",  # a heading
        "Các Bộ, ngành gồm",
        "Sở Y tế có trách nhiệm",  # what the body must do
        "Sở Công Thương chủ trì",
        "Văn phòng Ủy ban nhân dân tỉnh xin thông báo",  # what a body says or does in a letter's sentence
        "Bộ Y tế xem xét hồ sơ",
        "Sở Xây dựng có",
        "Bộ Xây dựng thực hiện Chỉ thị số 12",
        "Chính phủ sửa đổi",  # an issuer read on into the title of what it issued
        "Bộ Tài chính hướng dẫn",
        "Ban Chỉ đạo tỉnh về phòng, chống tham nhũng, tiêu cực tổ chức hội nghị sơ kết sáu tháng đầu năm",
    ],
)
def test_words_not_shaped_as_a_name_are_flagged_never_proposed(units: dict[str, Unit], written: str) -> None:
    registry = Registry(units, "Lào Cai")
    settled = registry.commit(Match(written, None, True))
    assert settled.unit is None and not registry.proposed
    assert settled.doubt and "không có dạng tên một đơn vị" in settled.doubt


@pytest.mark.parametrize(
    "written",
    [
        "Đảng ủy Ủy ban nhân dân tỉnh",  # a name nested in another, its head word repeated ('ủy Ủy')
        "Ban xây dựng đảng Đảng ủy",
        "Văn phòng HĐND&UBND xã",
        "Ban Thường trực UBMTTQ Việt Nam xã",
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
        "Trung tâm Dịch vụ việc làm Thành phố",
        "Tiểu ban thông tin, tuyên truyền, khánh tiết",
        "Quân khu 2",
        "Hội đồng nhân dân thành phố Cần Thơ",  # 'Cần' of a place is not 'cần' (must)
        "Ban Thường trực",
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở",  # a body named by the work it is set up for
        "Tổ công tác thực hiện Đề án 06",
    ],
)
def test_names_of_bodies_are_still_proposed(units: dict[str, Unit], written: str) -> None:
    registry = Registry(units, "Lào Cai")
    settled = registry.commit(Match(written, None, True))
    assert settled.unit is not None and settled.proposed


def test_a_title_naming_words_not_shaped_as_a_name_is_flagged(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Lào Cai")
    settled = registry.commit(Match("Chủ tịch UBND Tỉnh tỉnh tịch", None, True))
    assert settled.unit is None and not registry.proposed and settled.doubt


@pytest.mark.parametrize(
    ("written", "odd"),
    [
        ("các cơ quan, đơn vị liên quan", False),
        ("các cơ quan quản lý cấp trên", False),
        ("các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này", False),
        ("các sở, ngành; UBND các xã", True),
        ("các cơ quan, đơn vị trước ngày 30/6/2026", True),
        ("các cơ quan và", True),
    ],
)
def test_a_group_is_shaped_as_a_group(units: dict[str, Unit], written: str, odd: bool) -> None:
    registry = Registry(units, "Lào Cai")
    settled = registry.commit(Match(written, None, True, generic=True))
    assert (settled.unit is None) == odd


@pytest.mark.parametrize(
    ("written", "names", "rest"),
    [
        (
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch",
            ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
            "xây dựng kế hoạch",
        ),
        (
            "UBND các huyện, thị xã, thành phố tổ chức hội nghị",
            ["UBND các huyện, thị xã, thành phố"],
            "tổ chức hội nghị",
        ),
        ("UBND các xã, thị trấn thuộc huyện triển khai", ["UBND các xã, thị trấn thuộc huyện"], "triển khai"),
        (
            "Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam và các cơ quan báo chí",
            ["Đài Truyền hình Việt Nam", "Thông tấn xã Việt Nam", "các cơ quan báo chí"],
            "",
        ),
    ],
)
def test_a_list_of_places_goes_on_and_a_news_agency_is_a_body(
    units: dict[str, Unit], written: str, names: list[str], rest: str
) -> None:
    matches, after = Registry(units, None).split(written)
    assert [m.written for m in matches] == names
    assert after == rest


@pytest.mark.parametrize(
    ("written", "names", "rest"),
    [
        (
            "Văn phòng Huyện ủy và các ban xây dựng đảng huyện ủy, thị ủy hoàn thành",
            ["Văn phòng Huyện ủy", "các ban xây dựng đảng huyện ủy, thị ủy"],
            "hoàn thành",
        ),
        (
            "Thường trực các huyện uỷ, thị uỷ, thành uỷ chỉ đạo",
            ["Thường trực các huyện uỷ, thị uỷ, thành uỷ"],
            "chỉ đạo",
        ),
        ("các Tỉnh ủy, Thành ủy triển khai", ["các Tỉnh ủy, Thành ủy"], "triển khai"),
    ],
)
def test_a_list_of_party_committees_named_by_their_level_is_one_group(
    units: dict[str, Unit], written: str, names: list[str], rest: str
) -> None:
    """'các văn phòng tỉnh ủy, thành ủy': 'thành ủy' after a comma is the next committee of the list, not a
    place word whose 'ủy' starts the work."""
    matches, after = Registry(units, None).split(written)
    assert [m.written for m in matches] == names
    assert after == rest


@pytest.mark.parametrize(
    ("part", "pieces"),
    [
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Bộ Lao động, Thương binh và Xã hội", ["Bộ Lao động, Thương binh và Xã hội"]),
        ("Báo và Phát thanh, Truyền hình tỉnh", ["Báo và Phát thanh, Truyền hình tỉnh"]),
        ("Sở Y tế, Điện lực tỉnh", ["Sở Y tế", "Điện lực tỉnh"]),
        ("Sở Y tế, Viettel Lào Cai", ["Sở Y tế", "Viettel Lào Cai"]),
    ],
)
def test_a_comma_inside_a_name_belongs_to_a_coordination_closed_by_va(part: str, pieces: list[str]) -> None:
    from kehoach.importer.who import _pieces

    assert _pieces(part) == pieces


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh tổng hợp", ["Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh"]),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh tổng hợp", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]),
        ("Văn phòng HĐND và UBND huyện tổng hợp", ["Văn phòng HĐND và UBND huyện"]),
        ("Văn phòng UBND tỉnh và HĐND tỉnh tổng hợp", ["Văn phòng UBND tỉnh", "HĐND tỉnh"]),
        ("Văn phòng Tỉnh ủy và UBND tỉnh tổng hợp", ["Văn phòng Tỉnh ủy", "UBND tỉnh"]),
    ],
)
def test_one_office_serving_several_organs(units: dict[str, Unit], written: str, names: list[str]) -> None:
    matches, rest = Registry(units, "Nghệ An").split(written)
    assert [m.written for m in matches] == names
    assert rest == "tổng hợp"


@pytest.mark.parametrize(
    ("written", "names", "rest"),
    [
        ("UBND xã Văn Bàn tổ chức thực hiện công tác", ["UBND xã Văn Bàn"], "tổ chức thực hiện công tác"),
        ("Ban tổ chức hội nghị", ["Ban tổ chức hội nghị"], ""),
        ("Các cơ sở nuôi trồng thủy sản", ["Các cơ sở nuôi trồng thủy sản"], ""),
        ("các tổ chức chính trị - xã hội trong công tác", ["các tổ chức chính trị - xã hội"], "trong công tác"),
        ("Sở Xây dựng đăng tải thông điệp", ["Sở Xây dựng"], "đăng tải thông điệp"),
        ("Sở Văn hóa và Thể thao chủ trì tổ chức", ["Sở Văn hóa và Thể thao"], "chủ trì tổ chức"),
        ("Sở Y tế và UBND xã chủ trì", ["Sở Y tế", "UBND xã"], "chủ trì"),
    ],
)
def test_where_a_name_ends_is_read_with_the_marks(
    units: dict[str, Unit], written: str, names: list[str], rest: str
) -> None:
    matches, after = Registry(units, "Lào Cai").split(written)
    assert [m.written for m in matches] == names
    assert after == rest


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        ("Sở Khoa học và công nghệ chủ trì thực hiện", ["Sở Khoa học và công nghệ"], "chủ trì thực hiện"),
        (
            "Ban Quản lý các Khu chế xuất và công nghiệp Thành phố chủ trì, phối hợp",
            ["Ban Quản lý các Khu chế xuất và công nghiệp Thành phố"],
            "chủ trì, phối hợp",
        ),
        (
            "Trung tâm Văn hóa và thể thao tỉnh phối hợp tổ chức",
            ["Trung tâm Văn hóa và thể thao tỉnh"],
            "phối hợp tổ chức",
        ),
        # a group, a body's head word or a verb after 'và' starts another name or the work
        ("Sở Tư pháp và các cơ quan liên quan thực hiện", ["Sở Tư pháp", "các cơ quan liên quan"], "thực hiện"),
        ("Sở Ngoại vụ và chính quyền địa phương", ["Sở Ngoại vụ", "chính quyền địa phương"], ""),
        ("Sở Nội vụ và hướng dẫn các đơn vị", ["Sở Nội vụ"], "hướng dẫn các đơn vị"),
        # a group does not go on into what else the work is done with
        (
            "các cơ quan chức năng và cộng đồng dân cư thực hiện",
            ["các cơ quan chức năng"],
            "cộng đồng dân cư thực hiện",
        ),
    ],
)
def test_a_lower_case_word_after_va_goes_on_with_the_name(
    units: dict[str, Unit], text: str, names: list[str], rest: str
) -> None:
    matches, after = Registry(units, "Đồng Tháp").split(text)
    assert [m.written for m in matches] == names
    assert after.strip() == rest


def test_a_known_unit_goes_on_after_va_only_into_a_name_the_registry_knows(units: dict[str, Unit]) -> None:
    """'UBND tỉnh và nhân dân các dân tộc': the people are not part of the committee's name, and no
    unit 'UBND tỉnh và nhân dân' is proposed."""
    matches, rest = Registry(units, "Bình Phước").split("Ủy ban nhân dân tỉnh và nhân dân các dân tộc thực hiện")
    assert [m.unit for m in matches] == ["binh-phuoc-ubnd-tinh"] or [m.written for m in matches] == [
        "Ủy ban nhân dân tỉnh"
    ]
    assert rest.startswith("nhân dân")


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        (
            "Ban Chỉ đạo về phòng, chống tham nhũng, tiêu cực tỉnh chỉ đạo các ngành",
            ["Ban Chỉ đạo về phòng, chống tham nhũng, tiêu cực tỉnh"],
            "chỉ đạo các ngành",
        ),
        (
            "Ủy ban nhân dân Tỉnh và Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
            "đổi số tỉnh Đồng Tháp. Trong quá trình thực hiện",
            [
                "Ủy ban nhân dân Tỉnh",
                "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Đồng Tháp",
            ],
            "Trong quá trình thực hiện",
        ),
        (
            "Ban Chỉ đạo tỉnh về chuyển đổi số, Sở Khoa học và Công nghệ tổ chức",
            ["Ban Chỉ đạo tỉnh về chuyển đổi số", "Sở Khoa học và Công nghệ"],
            "tổ chức",
        ),
        (
            "Tổ công tác về cải cách thủ tục hành chính: theo dõi",
            ["Tổ công tác về cải cách thủ tục hành chính"],
            "theo dõi",
        ),
    ],
)
def test_a_body_named_by_its_subject_is_one_name(
    units: dict[str, Unit], text: str, names: list[str], rest: str
) -> None:
    matches, after = Registry(units, "Đồng Tháp").split(text)
    assert [m.written for m in matches] == names
    assert after.strip() == rest


def test_the_formal_name_of_a_party_committee_is_its_usual_name(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Bình Phước")
    assert _ids(registry, "Ban Chấp hành Đảng bộ tỉnh") == _ids(registry, "Tỉnh ủy") == ["binh-phuoc-tinh-uy"]
    assert _ids(registry, "Ban Thường vụ Ban Chấp hành Đảng bộ tỉnh") != ["binh-phuoc-tinh-uy"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sở Tài chính Sở Khoa học và Công nghệ", ["Sở Tài chính", "Sở Khoa học và Công nghệ"]),
        ("Trung tâm Chuyển đổi số Thành phố Sở Tài chính", ["Trung tâm Chuyển đổi số Thành phố", "Sở Tài chính"]),
        (
            "Ủy ban nhân dân xã Tân Phú Ủy ban nhân dân xã Tân Lập",
            ["Ủy ban nhân dân xã Tân Phú", "Ủy ban nhân dân xã Tân Lập"],
        ),
        ("Trung tâm Y tế huyện Trung tâm Y tế huyện", ["Trung tâm Y tế huyện"]),  # the same name twice is one
        ("Sở Tài chính Các sở, ngành", ["Sở Tài chính", "Các sở, ngành"]),
        ("Ban Quản lý Các Khu công nghiệp tỉnh", ["Ban Quản lý Các Khu công nghiệp tỉnh"]),
        # names nest: a body inside another's name, a person's title over a body
        ("Văn phòng UBND tỉnh", ["Văn phòng UBND tỉnh"]),
        ("Đảng ủy Công an tỉnh", ["Đảng ủy Công an tỉnh"]),
        ("Giám đốc Sở Y tế", ["Giám đốc Sở Y tế"]),
        ("Ban Thường vụ Ban Chấp hành Đảng bộ tỉnh", ["Ban Thường vụ Ban Chấp hành Đảng bộ tỉnh"]),
    ],
)
def test_names_written_side_by_side_without_a_separator(units: dict[str, Unit], text: str, names: list[str]) -> None:
    """A table cell listing units one per line reads, its lines joined, as names side by side: a
    second head word of a body that never nests starts the next name."""
    matches, rest = Registry(units, "Đồng Tháp").split(text)
    assert [m.written for m in matches] == names
    assert rest == ""


@pytest.mark.parametrize(
    ("written", "names"),
    [
        # a person's title over kinds: the kinds go on with the title
        (
            "Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân phường",
            ["Thủ trưởng các sở, ban, ngành", "Ủy ban nhân dân phường"],
        ),
        # the triad 'Sở, ban, ngành' after another kind is a group of its own
        ("Doanh nghiệp, Sở, ban, ngành có liên quan", ["Doanh nghiệp", "Sở, ban, ngành có liên quan"]),
        # a body's own name after the kinds ends the group
        (
            "sở, ban, ngành, Ủy ban nhân dân xã, phường tăng cường kiểm tra",
            ["sở, ban, ngành", "Ủy ban nhân dân xã, phường"],
        ),
        ("các ngành, các cấp tăng cường tuyên truyền", ["các ngành, các cấp"]),
        ("Sở, ban, ngành, đoàn thể tỉnh chủ động triển khai", ["Sở, ban, ngành, đoàn thể tỉnh"]),
        # 'và' ends a group; a kind qualified further in lower case goes on with it
        ("các sở, ngành và địa phương", ["các sở, ngành", "địa phương"]),
        ("Các sở, ban, ngành, tổ chức chính trị - xã hội", ["Các sở, ban, ngành, tổ chức chính trị - xã hội"]),
        # a kind followed by a body's name is that body
        ("Sở Tài chính, Trường Chính trị tỉnh", ["Sở Tài chính", "Trường Chính trị tỉnh"]),
    ],
)
def test_kinds_listed_bare_are_one_group(units: dict[str, Unit], written: str, names: list[str]) -> None:
    found, _ = _names(Registry(units, "Đồng Tháp"), written)
    assert found == names


@pytest.mark.parametrize(
    ("value", "names"),
    [
        # a ';' list in a cell: each part of bare kinds is one group, never a body called 'Trường'
        (
            "Viện, Trường; Doanh nghiệp; Sở, ban, ngành có liên quan",
            ["Viện, Trường", "Doanh nghiệp", "Sở, ban, ngành có liên quan"],
        ),
        (
            "Viện, Trường; Doanh nghiệp, Sở, ban, ngành có liên quan",
            ["Viện, Trường", "Doanh nghiệp", "Sở, ban, ngành có liên quan"],
        ),
        ("Hội Nông dân tỉnh; Hợp tác xã, doanh nghiệp", ["Hội Nông dân tỉnh", "Hợp tác xã, doanh nghiệp"]),
    ],
)
def test_a_part_of_bare_kinds_in_a_list_is_one_group(units: dict[str, Unit], value: str, names: list[str]) -> None:
    steps = UnitSteps()
    steps.registry = Registry(units, "Đồng Tháp")
    found, _, _ = steps.units_in(value)
    assert [m.written for m in found] == names


@pytest.mark.parametrize("written", ["Viện, Trường", "Doanh nghiệp", "các ngành, các cấp", "Hợp tác xã, doanh nghiệp"])
def test_a_group_of_bare_kinds_is_proposed_as_a_generic_group(units: dict[str, Unit], written: str) -> None:
    registry = Registry(units, "Đồng Tháp")
    settled = registry.commit(Match(written, None, True))
    proposed = registry.proposed[settled.unit or ""]
    assert proposed.generic and proposed.province is None
    assert proposed.kind is UnitKind.GROUP


@pytest.mark.parametrize("written", ["Ban Chỉ đạo", "Tổ công tác", "Hội đồng"])
def test_a_body_named_by_its_kind_alone_is_flagged_never_proposed(units: dict[str, Unit], written: str) -> None:
    registry = Registry(units, "Đồng Tháp")
    settled = registry.commit(Match(written, None, True))
    assert settled.unit is None and not registry.proposed
    assert settled.doubt and "không rõ ban nào" in settled.doubt


@pytest.mark.parametrize(
    "written",
    ["Ủy ban An toàn giao thông UBATGT", "Ủy ban nhân dân huyện Ia Grai", "Ban Chỉ huy Quân sự huyện Krông Pắc"],
)
def test_abbreviations_and_place_names_are_not_words_run_together(written: str) -> None:
    assert odd_name(written) is None


@pytest.mark.parametrize(
    ("written", "names", "rest"),
    [
        (
            "Các cơ quan tham mưu giúp việc Đảng uỷ, Uỷ ban nhân dân xã chủ động bám sát",
            ["Các cơ quan tham mưu giúp việc Đảng uỷ", "Uỷ ban nhân dân xã"],
            "chủ động",
        ),
        (
            "Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy, các chi bộ thực hiện",
            ["Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy", "các chi bộ"],
            "thực hiện",
        ),
        # a body that advises: 'tham mưu' is its work
        ("Sở Nội vụ tham mưu UBND tỉnh", ["Sở Nội vụ"], "tham mưu"),
        ("các đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh", ["các đơn vị có liên quan"], "tham mưu"),
    ],
)
def test_bodies_named_by_their_advisory_function(
    units: dict[str, Unit], written: str, names: list[str], rest: str
) -> None:
    found, after = _names(Registry(units, "Khánh Hòa"), written)
    assert found == names
    assert after.startswith(rest)


@pytest.mark.parametrize(
    ("written", "names", "rest"),
    [
        ("các cơ quan có thẩm quyền huy động nguồn lực", [], "huy động"),
        ("Sở Tư pháp và cơ quan nhà nước có thẩm quyền", ["Sở Tư pháp"], ""),
        ("những cơ quan nhà nước có thẩm quyền thẩm định", [], "thẩm định"),
    ],
)
def test_the_competent_authority_names_no_unit(
    units: dict[str, Unit], written: str, names: list[str], rest: str
) -> None:
    """'Các cơ quan có thẩm quyền' is whichever body the law makes competent: no unit to propose."""
    found, after = _names(Registry(units, "Lào Cai"), written)
    assert found == names
    assert after.startswith(rest)


def test_a_centrally_run_city_has_a_citys_bodies(units: dict[str, Unit]) -> None:
    """In a plan of a centrally-run city, a body modelled on a province's is the city's ('Thành ủy',
    'thành phố'), another province's body named with its province stays that province's, and the
    central bodies never take the city's prefix."""
    registry = Registry(units, "Đà Nẵng")
    registry.city = True
    [committee] = _ids(registry, "Thành ủy Thành phố Đà Nẵng")
    assert (committee, registry.proposed[committee].name) == ("da-nang-thanh-uy", "Thành ủy Thành phố Đà Nẵng")
    [home] = _ids(registry, "Sở Nội vụ")
    assert (home, registry.proposed[home].name) == ("da-nang-so-noi-vu", "Sở Nội vụ thành phố Đà Nẵng")
    assert "Tỉnh" not in " ".join(registry.proposed[committee].short_names)
    [other] = _ids(registry, "Ủy ban nhân dân tỉnh Quảng Trị")
    assert other is not None and other.startswith("quang-tri-")
    ids = _ids(registry, "Ban Bí thư, Bộ Chính trị, Ban Tuyên giáo và Dân vận Trung ương, Bộ Tài chính")
    assert all(i is not None and i.startswith("tw-") for i in ids) and len(ids) == 4
    [army] = _ids(registry, "Bộ Tư lệnh Thành phố")
    assert army is not None and army.startswith("da-nang-")
    # the provinces' own bodies, directly under the centre, are no central body
    [provinces] = _ids(registry, "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")
    assert provinces is not None and not provinces.startswith("tw-")


@pytest.mark.parametrize(
    ("written", "kinds"),
    [
        ("Người đứng đầu cấp ủy, cơ quan, đơn vị chịu trách nhiệm trước Ban Thường vụ", "cấp ủy, cơ quan, đơn vị"),
        ("Thủ trưởng cơ quan, đơn vị và địa phương", "cơ quan, đơn vị và địa phương"),
    ],
)
def test_a_title_over_kinds_of_body_is_the_leadership_of_every_such_body(
    units: dict[str, Unit], written: str, kinds: str
) -> None:
    """The list of kinds after a title belongs to it: one generic leadership, never the issuer's, never
    the kinds read as bodies of their own."""
    registry = Registry(units, "Lào Cai")
    registry.issuer_name = "Ủy ban nhân dân tỉnh Lào Cai"
    [leaders] = _ids(registry, written)
    proposed = registry.proposed[leaders or ""]
    assert proposed.kind is UnitKind.LEADERSHIP and proposed.generic and proposed.province is None
    assert proposed.name == f"Lãnh đạo các {kinds}"
    assert written.startswith(proposed.aliases[0])


@pytest.mark.parametrize(
    ("written", "name", "rest"),
    [
        # a place after a group says which of its bodies; the group ends where the work starts
        (
            "các cơ quan, đơn vị có liên quan tại khu vực cửa khẩu, bến cảng tăng cường kiểm soát",
            "các cơ quan, đơn vị có liên quan tại khu vực cửa khẩu, bến cảng",
            "tăng cường",
        ),
        # 'địa bàn' is no head word 'Ban' (marks kept): the verb after it ends the group
        (
            "các đồn biên phòng đóng quân tại địa bàn tham gia tuần tra",
            "các đồn biên phòng đóng quân tại địa bàn",
            "tham",
        ),
    ],
)
def test_a_group_followed_by_a_place_keeps_the_place(
    units: dict[str, Unit], written: str, name: str, rest: str
) -> None:
    found, after = _names(Registry(units, "Lào Cai"), written)
    assert found == [name]
    assert after.startswith(rest)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Ban Dân vận Tỉnh ủy (BDVTU)", ["binh-phuoc-ban-dan-van"]),
        ("Ban Dân vận Tỉnh ủy (BDVTU), Bộ Chính trị", ["binh-phuoc-ban-dan-van", "tw-bo-chinh-tri"]),
    ],
)
def test_an_abbreviation_given_in_brackets_after_a_name_is_not_a_unit_of_its_own(
    units: dict[str, Unit], written: str, expected: list[str]
) -> None:
    assert _ids(Registry(units, "Bình Phước"), written) == expected


def test_an_abbreviation_in_brackets_is_not_part_of_a_proposed_name(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Bình Phước")
    matches, _ = registry.split("Sở Khoa học và Công nghệ (KH&CN), Đài Truyền hình Việt Nam (VTV)")
    assert [m.written for m in matches] == ["Sở Khoa học và Công nghệ", "Đài Truyền hình Việt Nam"]


@pytest.mark.parametrize(
    ("text", "name", "rest"),
    [
        ("UBND các huyện: Bảo Yên, Văn Bàn nộp báo cáo", "UBND các huyện: Bảo Yên, Văn Bàn", "nộp báo cáo"),
        (
            "Ủy ban nhân dân các tỉnh, thành phố: Sơn La, Điện Biên và Cần Thơ khẩn trương lập hồ sơ",
            "Ủy ban nhân dân các tỉnh, thành phố: Sơn La, Điện Biên và Cần Thơ",
            "khẩn trương lập hồ sơ",
        ),
        ("Các sở: Tài chính, Công Thương rà soát quy hoạch", "Các sở: Tài chính, Công Thương", "rà soát quy hoạch"),
    ],
)
def test_a_group_naming_its_members_after_a_colon_is_one_group(
    units: dict[str, Unit], text: str, name: str, rest: str
) -> None:
    registry = Registry(units, "Lào Cai")
    matches, after = registry.split(text)
    assert [m.written for m in matches] == [name]
    assert after == rest
    proposed = registry.proposed[registry.commit(matches[0]).unit or ""]
    assert proposed.generic and proposed.province is None  # members of several places: a group, no one body


def test_after_a_groups_colon_the_work_is_not_a_member(units: dict[str, Unit]) -> None:
    matches, after = Registry(units, "Lào Cai").split("UBND các xã: Chủ trì tổ chức hội nghị")
    assert [m.written for m in matches] == ["UBND các xã"]
    assert after == "Chủ trì tổ chức hội nghị"


@pytest.mark.parametrize("manner", ["khẩn trương", "tích cực", "quyết liệt"])
def test_a_stray_comma_before_how_the_work_is_done_does_not_join_it_to_the_group(
    units: dict[str, Unit], manner: str
) -> None:
    matches, after = Registry(units, "Lào Cai").split(f"Các sở, ban, ngành, {manner} triển khai kế hoạch")
    assert [m.written for m in matches] == ["Các sở, ban, ngành"]
    assert after == f"{manner} triển khai kế hoạch"


def test_a_body_of_the_government_is_central(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Hà Nội")
    match = registry.commit(registry.split("Thanh tra Chính phủ hướng dẫn")[0][0])
    assert match.unit == "tw-thanh-tra-chinh-phu"
    assert registry.proposed["tw-thanh-tra-chinh-phu"].kind == UnitKind.STATE_BODY


@pytest.mark.parametrize(
    "written",
    [
        "số liệu trong thương mại",  # 'số' folds like 'Sở'
        "Bảo đảm nguồn lực cho chuyển đổi",  # 'Bảo' folds like 'Báo'
        "doanh nghiệp công nghệ số",  # 'doanh' opens like 'đoàn' folded
        "Văn phòng Ban",  # cut after a head noun ('Ban | chỉ đạo ...')
        "Chính phủ nhằm bảo đảm quyền lợi",  # a whole name, then a clause
        "Tỉnh để thống nhất",
        "UBND huyện Ban hành quy chế",  # a title run on after the name
        "Khuyến khích Ủy ban nhân dân cấp xã",  # the words giving the work, then whom
    ],
)
def test_words_not_shaped_as_a_name_are_flagged_not_proposed(units: dict[str, Unit], written: str) -> None:
    registry = Registry(units, "Đồng Tháp")
    settled = registry.commit(Match(written, None, True))
    assert settled.unit is None and not registry.proposed
    assert settled.doubt and "cần ghi lại" in settled.doubt


@pytest.mark.parametrize("written", ["Bảo hiểm xã hội tỉnh Đồng Tháp", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"])
def test_names_opening_with_a_marked_head_word_are_proposed(units: dict[str, Unit], written: str) -> None:
    registry = Registry(units, "Đồng Tháp")
    settled = registry.commit(Match(written, None, True))
    assert settled.unit in registry.proposed


def test_a_title_ends_before_the_verb_after_a_compound_ending_in_a_head_noun(units: dict[str, Unit]) -> None:
    """'Bộ Quốc phòng chỉ đạo ...': 'phòng' closes 'Quốc phòng', it is no 'Phòng' named by the verb after it."""
    registry = Registry(units, "Đồng Tháp")
    matches, rest = registry.split("Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 9 hỗ trợ địa phương")
    assert [m.written for m in matches] == ["Bộ trưởng Bộ Quốc phòng"]
    assert rest.startswith("chỉ đạo Quân khu 9")
    matches, _ = registry.split("Văn phòng Ban Chỉ đạo phòng, chống thiên tai tỉnh")
    assert matches[0].written.startswith("Văn phòng Ban Chỉ đạo")


def test_a_capitalised_head_word_after_a_comma_opens_a_second_body(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Đồng Tháp")
    matches, rest = registry.split("Bộ Tư pháp, Tập đoàn Điện lực Việt Nam phối hợp triển khai")
    assert [m.written for m in matches] == ["Bộ Tư pháp", "Tập đoàn Điện lực Việt Nam"]
    assert rest.startswith("phối hợp")
    matches, _ = registry.split("Bộ Văn hóa, Thể thao và Du lịch chủ trì")
    assert [m.written for m in matches] == ["Bộ Văn hóa, Thể thao và Du lịch"]


def test_a_title_written_with_the_honorific_is_also_known_without_it(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Đồng Tháp")
    settled = registry.commit(Match("Đồng chí Giám đốc Sở Nội vụ", None, True))
    assert settled.unit is not None
    assert registry.ids_named("Giám đốc Sở Nội vụ") == {settled.unit}


def test_a_capitalised_head_word_after_va_goes_on_with_the_name(units: dict[str, Unit]) -> None:
    """'Cục Lâm nghiệp và Kiểm lâm': after 'và' (not a comma) the words go on with the name before them."""
    registry = Registry(units, "Đồng Tháp")
    matches, rest = registry.split("Cục Lâm nghiệp và Kiểm lâm có trách nhiệm tham mưu")
    assert [m.written for m in matches] == ["Cục Lâm nghiệp và Kiểm lâm"]
    assert rest.startswith("có trách nhiệm")
    assert odd_name("Văn phòng Chính phủ Kết luận Phiên họp") is not None  # a title run on after the name


@pytest.mark.parametrize(
    ("issuer", "written", "name", "rest"),
    [
        ("Sở Xây dựng", "Văn phòng Sở tổng hợp, báo cáo", "Văn phòng Sở Xây dựng", "tổng hợp, báo cáo"),
        ("Sở Xây dựng", "Thanh tra Sở kiểm tra việc thực hiện", "Thanh tra Sở Xây dựng", "kiểm tra việc thực hiện"),
        ("Ban Kinh tế Tỉnh ủy", "Văn phòng Ban tham mưu", "Văn phòng Ban Kinh tế Tỉnh ủy", "tham mưu"),
        ("Ban Kinh tế Tỉnh ủy", "Lãnh đạo Ban chỉ đạo", "Lãnh đạo Ban Kinh tế Tỉnh ủy", "chỉ đạo"),
    ],
)
def test_a_part_of_the_issuer_named_by_the_issuers_head_noun(
    units: dict[str, Unit], issuer: str, written: str, name: str, rest: str
) -> None:
    """'Văn phòng Sở', 'Lãnh đạo Ban' in the plan the Sở or the Ban issues: the issuer's own office or
    leadership, not a name cut after its head noun; the verb after it is the work, not the name."""
    registry = Registry(units, "Quảng Trị")
    registry.issuer_name = issuer
    matches, after = registry.split(written)
    assert ([m.written for m in matches], after) == ([written.removesuffix(" " + rest)], rest)
    settled = registry.commit(matches[0])
    unit = registry.proposed[settled.unit or ""]
    assert (unit.name, written.removesuffix(" " + rest) in unit.aliases) == (name, True)


def test_a_head_noun_closing_a_name_in_another_bodys_plan_is_still_a_cut_name(units: dict[str, Unit]) -> None:
    registry = Registry(units, "Quảng Trị")
    registry.issuer_name = "Ủy ban nhân dân tỉnh"
    settled = registry.commit(Match("Văn phòng Ban", None, True))
    assert settled.unit is None and "dừng ở 'Ban'" in (settled.doubt or "")
