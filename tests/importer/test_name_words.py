"""Words of a unit's name that are also verbs of work: a name is not cut at them."""

from __future__ import annotations

import pytest

from kehoach.check import load_repository
from kehoach.importer.units import Registry
from kehoach.model import Unit

from ..conftest import REPO_ROOT


@pytest.fixture(scope="module")
def units() -> dict[str, Unit]:
    index, _ = load_repository(REPO_ROOT)
    return index.units


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        # 'lập' as a syllable of an adjective ('công lập', 'dân lập') or of 'lập pháp' is part of the name
        (
            "Các trường mầm non công lập, trường tiểu học trên địa bàn chịu trách nhiệm rà soát",
            ["Các trường mầm non công lập, trường tiểu học trên địa bàn"],
            "chịu trách nhiệm rà soát",
        ),
        ("Ban Công tác lập pháp chủ trì thẩm tra", ["Ban Công tác lập pháp"], "chủ trì thẩm tra"),
        ("Các trường dân lập và trường tư thục báo cáo", ["Các trường dân lập", "trường tư thục"], "báo cáo"),
        # 'lập' with what is drawn up after it is the work
        ("Sở Xây dựng lập quy hoạch chung", ["Sở Xây dựng"], "lập quy hoạch chung"),
    ],
)
def test_lap_cuts_a_name_only_as_a_verb(units: dict[str, Unit], text: str, names: list[str], rest: str) -> None:
    matches, after = Registry(units, "Yên Bái").split(text)
    assert ([m.written for m in matches], after.strip()) == (names, rest)
