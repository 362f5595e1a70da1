"""One resolver from a typed name to ids, tried on the real records, where two
provinces share most unit names."""

from __future__ import annotations

import pytest

from kehoach.check import load_repository
from kehoach.index import Index
from kehoach.resolve import CLOSE, EXACT, EXACT_ID, PARTIAL, WORDS, Resolver, suggest

from .conftest import REPO_ROOT

BINH_THUAN_PLAN = "binh-thuan-2021-12-kh-bdvtu"
BINH_PHUOC_PLAN = "binh-phuoc-2021-36-kh-bdvtu"


@pytest.fixture(scope="module")
def index() -> Index:
    return load_repository(REPO_ROOT)[0]


@pytest.mark.parametrize(
    ("plan", "typed", "expected"),
    [
        (BINH_THUAN_PLAN, "ban dan van", "binh-thuan-ban-dan-van"),
        (BINH_PHUOC_PLAN, "ban dan van", "binh-phuoc-ban-dan-van"),
        (BINH_THUAN_PLAN, "Ban Dân vận Tỉnh ủy", "binh-thuan-ban-dan-van"),
        (BINH_THUAN_PLAN, "mat tran to quoc binh thuan", "binh-thuan-mat-tran-to-quoc"),
        (BINH_THUAN_PLAN, "binh thuan to quoc mat tran", "binh-thuan-mat-tran-to-quoc"),
        (BINH_THUAN_PLAN, "tw-ban-dan-van", "tw-ban-dan-van"),
        (BINH_THUAN_PLAN, "ban dan van trung uong", "tw-ban-dan-van"),
    ],
)
def test_a_name_settles_on_the_plans_own_province(index: Index, plan: str, typed: str, expected: str) -> None:
    found = Resolver.for_plan(index, ("unit",), plan).resolve(typed)
    assert found.chosen == expected


def test_an_exact_id_wins_even_from_another_province(index: Index) -> None:
    found = Resolver.for_plan(index, ("unit",), BINH_THUAN_PLAN).resolve("binh-phuoc-ban-dan-van")
    assert (found.tier, found.chosen) == (EXACT_ID, "binh-phuoc-ban-dan-van")


def test_without_a_province_a_shared_name_is_ambiguous(index: Index) -> None:
    found = Resolver(index, ("unit",)).resolve("ban dan van")
    assert found.tier == EXACT and found.chosen is None
    assert {"binh-thuan-ban-dan-van", "binh-phuoc-ban-dan-van"} <= {c.id for c in found.candidates}
    assert "khớp nhiều đơn vị" in found.message()


def test_only_another_provinces_unit_is_offered_not_chosen(index: Index) -> None:
    # Bình Thuận has no "Trường Chính trị" in the registry; Bình Phước has one.
    found = Resolver.for_plan(index, ("unit",), BINH_THUAN_PLAN).resolve("truong chinh tri")
    assert found.chosen is None
    assert [c.id for c in found.candidates] == ["binh-phuoc-truong-chinh-tri"]
    assert "tỉnh khác" in found.message()


def test_partial_words_list_every_candidate(index: Index) -> None:
    found = Resolver.for_plan(index, ("unit",), BINH_THUAN_PLAN).resolve("phong dan")
    assert found.tier in (WORDS, PARTIAL) and found.chosen is None
    ids = [c.id for c in found.candidates]
    assert "binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao" in ids
    assert ids.index("binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao") < ids.index(
        "binh-phuoc-ban-dan-van-phong-dan-van-cac-co-quan-nha-nuoc"
    )  # the plan's province first


def test_a_typo_gets_a_did_you_mean_never_a_choice(index: Index) -> None:
    found = Resolver.for_plan(index, ("unit",), BINH_THUAN_PLAN).resolve("Ban Dan vn Tinh uy")
    assert found.tier == CLOSE and found.chosen is None
    assert found.candidates[0].id == "binh-thuan-ban-dan-van"
    assert "có phải là" in found.message()


def test_plans_by_number_and_tasks_by_short_id_within_a_plan(index: Index) -> None:
    assert Resolver(index, ("plan",)).resolve("12-KH/BDVTU").chosen == BINH_THUAN_PLAN
    assert Resolver(index, ("task",), within=BINH_THUAN_PLAN).resolve("nv29").chosen == f"{BINH_THUAN_PLAN}-nv29"
    across = Resolver(index, ("task",)).resolve("nv01")
    assert across.chosen is None and len(across.candidates) == 3


def test_suggestions_for_an_unknown_id(index: Index) -> None:
    assert suggest(index, ("unit",), "binh-thuan-ban-dan-vn")[0] == "binh-thuan-ban-dan-van"
    assert suggest(index, ("unit",), "khong-co-gi-giong") == []
