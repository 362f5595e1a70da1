"""The recipients' list ('Nơi nhận') and the signer's block end the body however they are written: in italics, as a
table row written in text, or with the signer's block above the list. Neither is ever read as work, nor are the
bodies the list names proposed as units."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build_text

HEAD = (
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH QUẢNG TRỊ                  Độc lập - Tự do - Hạnh phúc\n"
    "Số: 77/KH-UBND                 Quảng Trị, ngày 14 tháng 4 năm 2026\n\n"
    "KẾ HOẠCH\nphòng chống sạt lở bờ sông\n\n"
    "I. NHIỆM VỤ\n"
    "1. Sở Xây dựng chủ trì rà soát các điểm sạt lở ven sông.\n"
    "2. Sở Tài chính bố trí kinh phí khắc phục.\n\n"
)
RECIPIENTS = ("- Bộ Xây dựng;", "- UBND các huyện ven sông;", "- Lưu: VT.")
SIGNER = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Văn Bình")

ITALIC = "*Nơi nhận:*\n" + "\n".join(RECIPIENTS) + "\n\n" + "\n".join(SIGNER) + "\n"
TABLE_ROW = (
    "| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n| - Bộ Xây dựng; | KT. CHỦ TỊCH |\n"
    "| - UBND các huyện ven sông; | PHÓ CHỦ TỊCH |\n| - Lưu: VT. | Trần Văn Bình |\n"
)
SIGNER_ABOVE = "\n".join(SIGNER) + "\n\nNơi nhận:\n" + "\n".join(RECIPIENTS) + "\n"


@pytest.mark.parametrize("tail", [ITALIC, TABLE_ROW, SIGNER_ABOVE], ids=["italic", "table-row", "signer-above"])
def test_the_recipients_and_the_signer_are_never_work(tmp_path: Path, tail: str) -> None:
    outcome = build_text(tmp_path, HEAD + tail)
    assert outcome.plan is not None, outcome.refused
    assert [t.data["text"][:10] for t in outcome.tasks] == ["Sở Xây dựn", "Sở Tài chí"]
    assert outcome.plan.data["recipients"] == ["Bộ Xây dựng;", "UBND các huyện ven sông;", "Lưu: VT."]
    assert outcome.plan.data.get("signer") == "Trần Văn Bình"
    assert not any("huyen" in unit.id for unit in outcome.units)
