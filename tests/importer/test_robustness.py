"""Bad input never crashes the importer: any text after a plan's header, and any
damage to a real plan, gives records that pass the model or a clear refusal."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kehoach.importer import document, draft, header, source
from kehoach.importer.draft import model_problems
from kehoach.index import Index

from .conftest import SOURCES

HEADER = (
    "TỈNH ỦY BÌNH THUẬN             ĐẢNG CỘNG SẢN VIỆT NAM\n       BAN DÂN VẬN\n"
    "  *           Bình Thuận, ngày 10 tháng 3 năm 2023\n      Số 20-KH/BDVTU\n\n"
    "KẾ HOẠCH\nvề công tác năm 2023\n-----\n"
)
PIECES = [
    "I. NHIỆM VỤ\n",
    "II- Nội dung\n",
    "1. Công tác quán triệt\n",
    "1.1- Tham mưu sơ kết Chỉ thị số 14-CT/TU, ngày 27/7/2016.\n",
    "- Tổ chức hội nghị (vào tháng 13/2023).\n",
    "+ Cơ quan chủ trì: Lãnh đạo Ban (Phòng Đoàn thể và các hội tham mưu).\n",
    "* Thời gian thực hiện: từ tháng 11 đến tháng 2/2023.\n",
    "Phối hợp: Sở Không Có, các ngành liên quan; Công an tỉnh.\n",
    "a) Giao Phòng X giúp Lãnh đạo Ban theo dõi.\n",
    "Căn cứ Nghị quyết Đại hội lần thứ XIII; Quyết định 99 – QĐ/TU ngày 31/02/2020 (thay thế QĐ 12).\n",
    "III. TỔ CHỨC THỰC HIỆN\n",
    "<sup>1</sup> Chú thích cuối trang.\n",
    "Nơi nhận:\n- Lưu VT.\n",
    "TRƯỞNG BAN\n",
    "\n",
    "   \n",
    "Đề án “\n",
    "Trên đây là kế hoạch.\n",
]


def _import(path: Path, index: Index) -> None:
    try:
        outcome = document.build(source.read(path), index)
    except (source.SourceError, header.HeaderError, draft.DraftError) as err:
        assert str(err)  # a refusal says why
        return
    for record in outcome.drafts:
        assert model_problems(record) == [], record.id


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.text(max_size=60))
@example(pieces=[], noise="-")  # a bullet with nothing after it once gave an empty preamble (KH103)
def test_any_body_after_a_header(tmp_path: Path, index: Index, pieces: list[str], noise: str) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER + "".join(pieces) + noise, encoding="utf-8")
    _import(path, index)


@pytest.mark.parametrize("seed", sorted(p.name for p in SOURCES.glob("*.txt")))
def test_damaged_seeds(tmp_path: Path, index: Index, seed: str) -> None:
    """Lines dropped, repeated and shuffled locally, as a careless export might leave them."""
    lines = (SOURCES / seed).read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    for trial in range(8):
        damaged = list(lines)
        for _ in range(12):
            i = rng.randrange(len(damaged))
            action = rng.choice(("drop", "repeat", "swap", "cut"))
            if action == "drop":
                del damaged[i]
            elif action == "repeat":
                damaged.insert(i, damaged[i])
            elif action == "swap" and i + 1 < len(damaged):
                damaged[i], damaged[i + 1] = damaged[i + 1], damaged[i]
            elif action == "cut":
                damaged[i] = damaged[i][: len(damaged[i]) // 2]
        path = tmp_path / f"{trial}.txt"
        path.write_text("\n".join(damaged), encoding="utf-8")
        _import(path, index)
