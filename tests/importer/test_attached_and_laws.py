"""A document printed without its number takes the one its appendix's '(Ban hành kèm theo <this kind> số ...)' line
gives, and never cites itself by it; a law cited by its number and named again without it is one document."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_text

RESOLUTION = """\
NGHỊ QUYẾT
Ban hành Kế hoạch rà soát văn bản năm 2026

HỘI ĐỒNG NHÂN DÂN TỈNH YÊN BÁI

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

QUYẾT NGHỊ:
Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch rà soát văn bản năm 2026.
Điều 2. Ủy ban nhân dân tỉnh tổ chức thực hiện theo đúng Luật Tổ chức chính quyền địa phương.

KẾ HOẠCH
RÀ SOÁT VĂN BẢN NĂM 2026
(Ban hành kèm theo Nghị quyết số 45/NQ-HĐND ngày 10 tháng 01 năm 2026 của Hội đồng nhân dân tỉnh Yên Bái)

1. Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật của tỉnh, hoàn thành trong quý II năm 2026.
"""


def _cited(outcome) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(d.data.get("number"), d.data.get("title")) for d in outcome.directives]


def test_a_document_without_its_number_takes_the_appendix_s_and_does_not_cite_itself(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, RESOLUTION)
    assert outcome.plan is not None
    assert outcome.plan.data["number"] == "45/NQ-HĐND"
    assert "number" in outcome.plan.doubts  # where it came from is said
    assert all(number != "45/NQ-HĐND" for number, _ in _cited(outcome))


def test_a_law_cited_by_number_and_again_by_name_is_one_document(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, RESOLUTION)
    laws = [(n, t) for n, t in _cited(outcome) if "chính quyền địa phương" in (t or "") or n == "72/2025/QH15"]
    assert [n for n, _ in laws] == ["72/2025/QH15"]
