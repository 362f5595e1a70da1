"""What a plan cites and who it names, recorded as the text says it and nothing more: a cited
document without a title keeps 'title: null' (no made-up title), an issuer code the registry does
not know leaves the issuer empty (no 'Cơ quan có ký hiệu ...' unit), a law cited by name is not
given 'Quốc hội' as its issuer, the term (khóa) and the number as written are kept, a partial
number stays partial, documents named outside the basis and the tasks are the plan's 'cites',
and a generic group ('Các Sở, ban, ngành') leading a task is a generic unit, flagged."""

from __future__ import annotations

from pathlib import Path

from kehoach.importer.draft import Outcome, model_problems

from .conftest import build_text

TEXT = (
    "TỈNH ỦY BÌNH THUẬN             ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "      BAN DÂN VẬN\n"
    "      Số 30-KH/BDVTU           Bình Thuận, ngày 10 tháng 3 năm 2023\n\n"
    "KẾ HOẠCH\nthực hiện công tác dân vận năm 2023\n-----\n"
    "- Căn cứ Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương (khóa XI) về tăng cường "
    "công tác dân vận; Công văn số 775- CV/ĐUKX, ngày 01/12/2022;\n"
    "Ban Dân vận Tỉnh ủy xây dựng kế hoạch như sau:\n"
    "I. NHIỆM VỤ\n"
    "1. Tuyên truyền\n"
    "- Tuyên truyền Luật Thực hiện dân chủ ở cơ sở; thực hiện Quy chế công tác dân vận (thay thế QĐ 290).\n"
    "2. Phối hợp\n"
    "- Các Sở, ban, ngành và UBND cấp xã, phường chủ động phối hợp với các cơ quan liên quan tổ chức thực "
    "hiện các phong trào thi đua.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các đơn vị căn cứ Chỉ thị số 05-CT/TW của Bộ Chính trị để tổ chức thực hiện kế hoạch này.\n"
)


def _build(tmp_path: Path) -> Outcome:
    return build_text(tmp_path, TEXT)


def test_cited_documents_hold_what_the_text_says(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    drafts = {d.data.get("number") or d.data.get("partial_number") or d.data["title"]: d for d in outcome.directives}
    resolution = drafts["25-NQ/TW"].data
    assert resolution["term"] == "XI"
    letter = drafts["775-CV/ĐUKX"]
    assert letter.data["title"] is None and letter.data["issuer"] is None  # nothing invented
    assert letter.data["number_written"] == "775- CV/ĐUKX"
    assert "issuer" in letter.doubts
    law = drafts["Luật Thực hiện dân chủ ở cơ sở"].data
    assert law["issuer"] is None and law["type"] == "luat"
    partial = drafts["QĐ 290"].data
    assert "number" not in partial and partial["title"] is None
    assert not any(u.data["name"].startswith(("Cơ quan có ký hiệu", "Quốc hội")) for u in outcome.units)
    plan = outcome.plan.data  # type: ignore[union-attr]
    cited_outside = [next(d for d in outcome.directives if d.id == c).data.get("number") for c in plan["cites"]]
    assert cited_outside == ["05-CT/TW"]
    assert all(model_problems(d) == [] for d in outcome.drafts)


def test_a_generic_group_leading_a_task_is_a_generic_unit_flagged(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    task = next(t for t in outcome.tasks if t.data["text"].startswith("Các Sở"))
    units = {u.id: u for u in outcome.units}
    names = [units[u].data["name"] for u in task.data["lead"]]
    assert names == ["Các Sở, ban, ngành", "UBND cấp xã, phường"]
    assert all(units[u].data.get("generic") for u in task.data["lead"])
    assert "lead" in task.doubts
    helpers = [units[u].data["name"] for u in task.data.get("coordinating", []) if u in units]
    assert helpers == ["các cơ quan liên quan"]
