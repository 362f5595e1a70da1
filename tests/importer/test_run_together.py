"""Syllables run together, as text taken from a PDF writes them ('Đảng uỷchủtrì', 'đềnghịcác',
'Vănphòng'): the import reads them as the syllables they are, and the records keep the text as the
source wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.importer.source import label_of
from kehoach.importer.syllables import Joins, is_syllable, split_word
from kehoach.index import Index

from .test_structure import build, tasks


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("chủtrì", "chủ trì"),
        ("phốihợp", "phối hợp"),
        ("Vănphòng", "Văn phòng"),
        ("đềnghịcác", "đề nghị các"),
        ("Uỷviên", "Uỷ viên"),
        ("hạtầng", "hạ tầng"),  # not 'hạt ầng': the space is lost after the marked vowel
        ("sốcác", "số các"),  # not 'sốc ác'
        ("cứKế", "cứ Kế"),
    ],
)
def test_a_word_of_syllables_run_together_is_read_as_its_syllables(word: str, read: str) -> None:
    assert split_word(word) == read


# syllables, place names no cut reads whole, Latin letters only, and 'thammưu': the space is lost only
# after a syllable with a diacritic, so no cut after 'tham'
@pytest.mark.parametrize(
    "word", ["nghiêng", "Nguyễn", "Quốc", "khuyếch", "giữ", "thuở", "Đắk", "Krông", "UBND", "thammưu"]
)
def test_a_syllable_or_a_word_no_cut_reads_whole_is_left_as_written(word: str) -> None:
    assert split_word(word) == word


def test_syllables_the_text_writes_alone_settle_where_to_cut() -> None:
    # 'Tỉnhủy' reads as 'Tỉ nhủy' or 'Tỉnh ủy': the text that writes 'Tỉnh' and 'ủy' elsewhere says which
    assert split_word("Tỉnhủy", {"tỉnh", "ủy"}) == "Tỉnh ủy"
    assert not is_syllable("Tỉnhủy") and is_syllable("ủy")


def test_the_words_cut_are_written_back_as_the_source_wrote_them() -> None:
    joins = Joins.of(["Đảng uỷ xã"])
    read = joins.split("Văn phòng Đảng uỷchủtrì, phốihợp với các cơ quan; chủ trì hội nghị./.", 7)
    assert read == "Văn phòng Đảng uỷ chủ trì, phối hợp với các cơ quan; chủ trì hội nghị./."
    assert joins.verbatim("Văn phòng Đảng uỷ chủ trì, phối hợp", 7) == "Văn phòng Đảng uỷchủtrì, phốihợp"
    # the same words written with their space stay so; a part with another end mark is found too
    assert joins.verbatim("phối hợp với các cơ quan; chủ trì hội nghị.") == "phốihợp với các cơ quan; chủ trì hội nghị."
    assert joins.verbatim("Ban chủ trì") == "Ban chủ trì"  # not read from a split text


def test_a_label_of_a_lead_that_also_carries_out() -> None:
    assert label_of("- Cơ quan chủ trì, thực hiện: Văn phòng Ban.") == ("lead", "Văn phòng Ban.")


RUN_TOGETHER = """\
I. NHIỆM VỤ
1. Công tác quán triệt
- Quán triệt các vănbản của Ban Thường vụ Tỉnh ủy về côngtác dân vận.
- Cơ quan chủtrì, thực hiện: Lãnh đạo Ban.
- Cơ quan phốihợp: Phòng Đoàn thể và các hội.
- Thời gian thựchiện: Quý II/2023.
2. Công tác nắm tình hình
- Phòng Dân tộc và Tôn giáo chủtrì nắm tình hình đồng bào có đạo.
3. Công tác phối hợp
- Theo dõi việc thực hiện quy chế dân chủ ở cơ sở (Giao Phòng Dân vận các cơ quan nhà nước chủtrì).
"""


def test_labels_and_leads_written_with_syllables_run_together(tmp_path: Path, index: Index) -> None:
    first, second, third = tasks(build(tmp_path, index, RUN_TOGETHER))
    assert first["lead"] == ["binh-thuan-ban-dan-van-lanh-dao-ban"]
    assert first["coordinating"] == ["binh-thuan-ban-dan-van-phong-doan-the-va-cac-hoi"]
    assert first["timeframe"] == "Quý II/2023"
    assert first["text"] == "Quán triệt các vănbản của Ban Thường vụ Tỉnh ủy về côngtác dân vận."  # as written
    assert second["lead"] == ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]
    assert second["text"] == "Phòng Dân tộc và Tôn giáo chủtrì nắm tình hình đồng bào có đạo."
    assert third["lead"] == ["binh-thuan-ban-dan-van-phong-dan-van-cac-co-quan-nha-nuoc"]


GROUND_IN_BETWEEN = """\
I. NHIỆM VỤ
1. Công tác dân vận
- Tổ chức hội nghị sơ kết công tác dân vận.
II. TỔ CHỨC THỰC HIỆN
1. Các chi bộ trực thuộc, căn cứ các nội dung trên, hằng năm xây dựng kế hoạch thực hiện.
"""


def test_a_ground_between_the_subject_and_its_verb_is_no_part_of_its_name(tmp_path: Path, index: Index) -> None:
    outcome = build(tmp_path, index, GROUND_IN_BETWEEN)
    assert not any("căn cứ" in unit.data["name"] for unit in outcome.units)  # no unit 'Các chi bộ ..., căn cứ ...'
    assert not any("can-cu" in lead for lead in tasks(outcome)[1]["lead"])
